package votes_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/unga-go/unga/votes"
)

// TestParseErrorIsVotes checks that a reader's error is votes' own
// *ParseError, as a user prints and matches it, wrapping votes' sentinel.
func TestParseErrorIsVotes(t *testing.T) {
	_, err := votes.Read(strings.NewReader("rcid,session,vote,ccode,member,importantvote,date,unres\n3,1,7,2,1,0,1/1/1946,R/1/66\n"))
	var pe *votes.ParseError
	if !errors.As(err, &pe) || !errors.Is(err, votes.ErrUnknownVote) {
		t.Fatalf("error %v, want a *votes.ParseError wrapping ErrUnknownVote", err)
	}
	if got := fmt.Sprintf("%T", err); got != "*votes.ParseError" {
		t.Errorf("error of type %s, want *votes.ParseError", got)
	}
}
