package votes

import (
	"errors"
	"strings"
	"testing"

	"github.com/unga-go/unga/internal/countries"
	"github.com/unga-go/unga/internal/csvscan"
)

var testLimits = csvscan.Limits{Line: 1 << 20, Field: 256 << 10, Columns: 1000}

// A Voeten file written by hand: two roll calls (rcid 3 of 1 January 1946,
// rcid 4 of 2 January), the United States (COW 2), Canada (20) and the
// Bahamas (31), and on line 6 a vote code Voeten does not use.
const voetenText = `rcid,session,vote,ccode,member,importantvote,date,unres,me,nu,di,hr,co,ec,year
3,1,1,2,1,0,1/1/1946,R/1/66,0,0,0,0,0,0,1946
3,1,3,20,1,0,1/1/1946,R/1/66,0,0,0,0,0,0,1946
3,1,9,31,NA,0,1/1/1946,R/1/66,0,0,0,0,0,0,1946
4,1,2,2,1,0,1/2/1946,R/1/67,1,0,0,0,0,0,1946
4,1,7,20,1,0,1/2/1946,R/1/67,1,0,0,0,0,0,1946
4,1,1,31,1,0,1/2/1946,R/1/67,1,0,0,0,0,0,1946
`

func TestReadSourceResult(t *testing.T) {
	res, err := readSource(source{Data: strings.NewReader(voetenText)}, readConfig{Lenient: true, Keep: 0, Limits: testLimits})
	if err != nil {
		t.Fatal(err)
	}
	// The bad row is counted, though Keep 0 keeps none of them.
	if res.SkippedRows != 1 || len(res.Skipped) != 0 {
		t.Errorf("skipped %d rows, kept %d; want 1 and 0", res.SkippedRows, len(res.Skipped))
	}
	var cows []int
	for _, p := range res.Countries {
		cows = append(cows, countries.Table[p].COW)
	}
	if len(cows) != 3 || cows[0] != 2 || cows[1] != 20 || cows[2] != 31 {
		t.Errorf("states %v, want [2 20 31]", cows)
	}
	if n := res.NumRollCalls(); n != 2 {
		t.Fatalf("%d roll calls, want 2", n)
	}
	if rc := res.RollCall(1); rc.ID != 4 || rc.Resolution != "A/RES/1/67" || rc.Issues != MiddleEast {
		t.Errorf("roll call 1: %d %q %v, want 4 \"A/RES/1/67\" MiddleEast", rc.ID, rc.Resolution, rc.Issues)
	}
	votes := make([]Vote, 3*2)
	res.fill(votes)
	// By state, then roll call: Canada's vote on rcid 4 was the bad row.
	want := []Vote{Yes, Abstain, No, NoRecord, NonMember, Yes}
	for k := range want {
		if votes[k] != want[k] {
			t.Errorf("cell %d: %v, want %v", k, votes[k], want[k])
		}
	}
	// The Bahamas' member flag NA on rcid 3 is what a non-member's vote
	// implies; none differs.
	if m := res.members(); len(m) != 0 {
		t.Errorf("member flags %v, want none", m)
	}
}

func TestReadStrictError(t *testing.T) {
	_, err := readSource(source{Data: strings.NewReader(voetenText), Name: "v.csv"}, readConfig{Limits: testLimits})
	var pe *ParseError
	if !errors.As(err, &pe) || !errors.Is(err, ErrUnknownVote) {
		t.Fatalf("error %v, want a *ParseError wrapping ErrUnknownVote", err)
	}
	// Line 6, column 5: "4,1," is four bytes before the vote.
	if pe.File != "v.csv" || pe.Line != 6 || pe.Column != 5 || pe.Field != "vote" {
		t.Errorf("at %s:%d:%d %q, want v.csv:6:5 \"vote\"", pe.File, pe.Line, pe.Column, pe.Field)
	}
}
