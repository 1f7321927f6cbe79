package audit_test

import (
	"testing"

	"github.com/unga-go/unga/audit"
	"github.com/unga-go/unga/votes"
)

// The filters keep the matched roll calls of each side, in a selection of
// it too, and nothing else.
func TestComparisonFilters(t *testing.T) {
	record := must(t, published).Filter(votes.InYears(2010, 2011))
	undl := must(t, scrape)
	c, err := audit.Compare(record, undl, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.UnmatchedA) == 0 || len(c.UnmatchedB) == 0 {
		t.Fatalf("unmatched %d and %d: the test needs roll calls left out on both sides", len(c.UnmatchedA), len(c.UnmatchedB))
	}
	inA, inB := c.Filters()
	for _, side := range []struct {
		ds      *votes.Dataset
		keep    votes.Filter
		matched func(audit.Match) int
	}{{record, inA, func(m audit.Match) int { return m.A }}, {undl, inB, func(m audit.Match) int { return m.B }}} {
		want := map[int]bool{}
		for _, m := range c.Matches {
			want[side.ds.RollCall(side.matched(m)).ID] = true
		}
		got := side.ds.Filter(side.keep)
		if got.NumRollCalls() != len(c.Matches) {
			t.Errorf("%d roll calls kept, %d matched", got.NumRollCalls(), len(c.Matches))
		}
		for _, rc := range got.RollCalls() {
			if !want[rc.ID] {
				t.Errorf("roll call %d (%s) kept, not matched", rc.ID, rc.Resolution)
			}
		}
		// A selection of the side: the matched roll calls of session 65.
		s65 := side.ds.Filter(votes.InSessions(65, 65))
		n := 0
		for _, rc := range s65.RollCalls() {
			if want[rc.ID] {
				n++
			}
		}
		if got := s65.Filter(side.keep).NumRollCalls(); got != n || n == 0 {
			t.Errorf("session 65: %d kept, %d matched", got, n)
		}
	}
}
