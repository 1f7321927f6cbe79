package votes

import (
	"errors"

	"github.com/unga-go/unga/internal/engine"
)

// Errors a reader wraps in a *ParseError, and the lookups return; test for
// them with errors.Is.
var (
	ErrUnknownVote       = engine.ErrUnknownVote
	ErrMissingColumn     = engine.ErrMissingColumn
	ErrDuplicateVote     = engine.ErrDuplicateVote
	ErrBadDate           = engine.ErrBadDate
	ErrUnknownCountry    = engine.ErrUnknownCountry
	ErrBadNumber         = engine.ErrBadNumber
	ErrBadSession        = engine.ErrBadSession
	ErrUnknownIssue      = engine.ErrUnknownIssue
	ErrUnknownRollCall   = engine.ErrUnknownRollCall
	ErrConflict          = engine.ErrConflict
	ErrFieldCount        = engine.ErrFieldCount
	ErrQuote             = engine.ErrQuote
	ErrUnknownFormat     = engine.ErrUnknownFormat
	ErrEmpty             = engine.ErrEmpty
	ErrDuplicateRollCall = engine.ErrDuplicateRollCall
	ErrLimit             = engine.ErrLimit
	ErrDuplicateColumn   = engine.ErrDuplicateColumn
	ErrAmbiguousCountry  = errors.New("ambiguous country")
	ErrBadJSON           = errors.New("bad JSON")
	ErrNoVotes           = errors.New("no votes listed")
	ErrRepeatedName      = errors.New("name listed twice")
	ErrCountMismatch     = errors.New("published count disagrees with the list")
	ErrUnknownGroup      = errors.New("unknown group")
)

// A ParseError reports where in which file a reader found bad input: File
// (the file name, or the role of the input, "un_votes.csv", when the name is
// unknown), Line (1-based line where the bad field starts), Column (1-based
// byte column where the bad field starts, 0 for a whole row), Field (the
// header name of the column, if known) and Err (the underlying error, one of
// the Err variables above or a wrapped one). Its Error method formats it as
// file:line:column: column "field": reason, and Unwrap gives Err, so that
// errors.Is(err, ErrBadDate) works.
type ParseError = engine.ParseError
