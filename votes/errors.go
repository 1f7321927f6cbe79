package votes

import (
	"errors"
	"fmt"

	"github.com/unga-go/unga/internal/csvscan"
)

// Errors a reader wraps in a *ParseError, and the lookups return; test for
// them with errors.Is.
var (
	ErrUnknownVote       = errors.New("unknown vote code")                     // a vote code the layout does not use
	ErrMissingColumn     = errors.New("missing column")                        // a required column is not in the header
	ErrDuplicateVote     = errors.New("duplicate vote with a different value") // one state, one roll call, two votes
	ErrBadDate           = errors.New("bad date")                              // not a day in 1945-2100
	ErrUnknownCountry    = errors.New("unknown country")                       // no state goes by the name or code
	ErrBadNumber         = errors.New("bad number")                            // an ID, count or code that is not a number
	ErrBadSession        = errors.New("bad session")                           // unreadable, or contradicted by the date
	ErrUnknownIssue      = errors.New("unknown issue")                         // not one of Voeten's six issue codes
	ErrUnknownRollCall   = errors.New("unlisted roll call")                    // a vote on a roll call the roll-call file does not list
	ErrConflict          = errors.New("conflicting roll-call details")         // rows of one roll call disagree
	ErrFieldCount        = errors.New("wrong number of fields")                // a row wider or narrower than the header
	ErrQuote             = csvscan.ErrQuote                                    // bad CSV quoting
	ErrUnknownFormat     = errors.New("unknown file format")                   // a header of no layout Read knows, UTF-16 text, CR line ends
	ErrEmpty             = errors.New("no data rows")                          // no header, or a header alone (see Reader.AllowEmpty)
	ErrDuplicateRollCall = errors.New("roll call listed twice")                // one roll-call ID on two rows of a roll-call file
	ErrLimit             = csvscan.ErrLimit                                    // a line, field or record over a Reader's limits
	ErrDuplicateColumn   = errors.New("column named twice in the header")      // a column read is named twice
	ErrAmbiguousCountry  = errors.New("ambiguous country")                     // a key that names several states
	ErrBadJSON           = errors.New("bad JSON")                              // a line of JSON Lines that does not decode
	ErrNoVotes           = errors.New("no votes listed")                       // a recorded vote, or a resolution, without lists
	ErrRepeatedName      = errors.New("name listed twice")                     // a state twice on one list
	ErrCountMismatch     = errors.New("published count disagrees with the list")
	ErrUnknownGroup      = errors.New("unknown group") // LookupGroup knows no such group
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
