package engine

import (
	"errors"
	"fmt"

	"github.com/unga-go/unga/internal/csvscan"
)

// Errors a read wraps in a *ParseError. Package votes exports them as its
// own, so that errors.Is(err, votes.ErrBadDate) holds.
var (
	ErrUnknownVote       = errors.New("unknown vote code")
	ErrMissingColumn     = errors.New("missing column")
	ErrDuplicateVote     = errors.New("duplicate vote with a different value")
	ErrBadDate           = errors.New("bad date")
	ErrUnknownCountry    = errors.New("unknown country")
	ErrBadNumber         = errors.New("bad number")
	ErrBadSession        = errors.New("bad session")
	ErrUnknownIssue      = errors.New("unknown issue")
	ErrUnknownRollCall   = errors.New("unlisted roll call")
	ErrConflict          = errors.New("conflicting roll-call details")
	ErrFieldCount        = errors.New("wrong number of fields")
	ErrQuote             = csvscan.ErrQuote
	ErrUnknownFormat     = errors.New("unknown file format")
	ErrEmpty             = errors.New("no data rows")
	ErrDuplicateRollCall = errors.New("roll call listed twice")
	ErrLimit             = csvscan.ErrLimit
	ErrDuplicateColumn   = errors.New("column named twice in the header")
)

// A ParseError reports where in which file a reader found bad input.
type ParseError struct {
	File   string // file name, or the role of the input ("un_votes.csv") when the name is unknown
	Line   int    // 1-based line where the bad field starts
	Column int    // 1-based byte column where the bad field starts (0 for a whole row)
	Field  string // the header name of the column, if known
	Err    error  // the underlying error, one of the Err variables above or a wrapped one
}

// Error formats the error as file:line:column: column "field": reason.
func (e *ParseError) Error() string {
	where := e.File
	if where == "" {
		where = "input"
	}
	where = fmt.Sprintf("%s:%d", where, e.Line)
	if e.Column > 0 {
		where = fmt.Sprintf("%s:%d", where, e.Column)
	}
	if e.Field != "" {
		return fmt.Sprintf("%s: column %q: %v", where, e.Field, e.Err)
	}
	return fmt.Sprintf("%s: %v", where, e.Err)
}

// Unwrap returns the underlying error, so that errors.Is(err, ErrBadDate) works.
func (e *ParseError) Unwrap() error { return e.Err }
