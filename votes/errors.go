package votes

import (
	"errors"
	"fmt"

	"github.com/unga-go/unga/internal/csvscan"
)

// Errors a reader wraps in a *ParseError, and the lookups return; test for
// them with errors.Is. Each message starts "votes: ".
var (
	// ErrUnknownVote: a vote code the layout does not use.
	ErrUnknownVote = errors.New("votes: unknown vote code")
	// ErrMissingColumn: a required column is not in the header.
	ErrMissingColumn = errors.New("votes: missing column")
	// ErrDuplicateVote: one state, one roll call, two votes.
	ErrDuplicateVote = errors.New("votes: duplicate vote with a different value")
	// ErrBadDate: not a day in 1945-2100.
	ErrBadDate = errors.New("votes: bad date")
	// ErrUnknownCountry: no state goes by the name or code.
	ErrUnknownCountry = errors.New("votes: unknown country")
	// ErrBadNumber: an ID, count or code that is not a number.
	ErrBadNumber = errors.New("votes: bad number")
	// ErrBadSession: unreadable, or contradicted by the date.
	ErrBadSession = errors.New("votes: bad session")
	// ErrUnknownIssue: not one of Voeten's six issue codes.
	ErrUnknownIssue = errors.New("votes: unknown issue")
	// ErrUnknownRollCall: a vote on a roll call the roll-call file does not list.
	ErrUnknownRollCall = errors.New("votes: unlisted roll call")
	// ErrConflict: rows of one roll call disagree.
	ErrConflict = errors.New("votes: conflicting roll-call details")
	// ErrFieldCount: a row wider or narrower than the header.
	ErrFieldCount = errors.New("votes: wrong number of fields")
	// ErrQuote: bad CSV quoting.
	ErrQuote = csvscan.ErrQuote
	// ErrUnknownFormat: a header of no layout Read knows, UTF-16 text, CR line ends.
	ErrUnknownFormat = errors.New("votes: unknown file format")
	// ErrEmpty: no header, or a header alone (see Reader.AllowEmpty). It is
	// this package's own: alignment.ErrEmpty is a selection with no roll
	// call left to score, audit.ErrEmpty a dataset with nothing to audit.
	ErrEmpty = errors.New("votes: no data rows")
	// ErrDuplicateRollCall: one roll-call ID on two rows of a roll-call file.
	ErrDuplicateRollCall = errors.New("votes: roll call listed twice")
	// ErrLimit: a line, field or record over a Reader's limits.
	ErrLimit = csvscan.ErrLimit
	// ErrDuplicateColumn: a column read is named twice.
	ErrDuplicateColumn = errors.New("votes: column named twice in the header")
	// ErrAmbiguousCountry: a key that names several states.
	ErrAmbiguousCountry = errors.New("votes: ambiguous country")
	// ErrBadJSON: a line of JSON Lines that does not decode.
	ErrBadJSON = errors.New("votes: bad JSON")
	// ErrNoVotes: a recorded vote, or a resolution, without lists.
	ErrNoVotes = errors.New("votes: no votes listed")
	// ErrRepeatedName: a state twice on one list.
	ErrRepeatedName = errors.New("votes: name listed twice")
	// ErrCountMismatch: a published tally that disagrees with the names listed for the roll call.
	ErrCountMismatch = errors.New("votes: published count disagrees with the list")
	// ErrUnknownGroup: LookupGroup knows no such group.
	ErrUnknownGroup = errors.New("votes: unknown group")
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
