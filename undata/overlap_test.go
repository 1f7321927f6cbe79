package undata_test

import (
	"testing"

	"github.com/unga-go/unga/audit"
	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
)

// TestSessionOverlap compares session 74, which both sources hold: the
// unvotes record (as Load has it) against the UN's 74.json. Expected
// figures from testdata/overlap74.py (Python's csv and json over the
// source files): 91 roll calls in unvotes, 90 recorded votes in 74.json,
// all 90 matched by symbol and date with the same tallies, 16,174 votes
// cast on them. audit.Compare agrees state by state: every one of those
// votes is the same in both, and the unvotes roll call left over is that
// of 2020-01-14, after the UN's file stops. The package documentation
// states these figures.
func TestSessionOverlap(t *testing.T) {
	rec := load(t, corrected).Filter(votes.InSessions(74, 74), fromSource(undata.SourceUnvotes))
	un, err := votes.ReadFile("../testdata/unxml/74.jsonl.gz")
	if err != nil {
		t.Fatal(err)
	}
	c, err := audit.Compare(rec, un, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rec.NumRollCalls() != 91 || un.NumRollCalls() != 90 || len(c.Matches) != 90 || len(c.UnmatchedB) != 0 {
		t.Errorf("%d and %d roll calls, %d matched, %d of the UN's unmatched; want 91, 90, 90, 0",
			rec.NumRollCalls(), un.NumRollCalls(), len(c.Matches), len(c.UnmatchedB))
	}
	if len(c.UnmatchedA) != 1 || rec.RollCall(c.UnmatchedA[0]).Date.Format("2006-01-02") != "2020-01-14" {
		t.Errorf("unvotes' roll calls unmatched: %v, want the one of 2020-01-14", c.UnmatchedA)
	}
	for _, m := range c.Matches {
		if m.By != audit.ByResolution {
			t.Errorf("roll call %s matched by %v, want by resolution", rec.RollCall(m.A).Resolution, m.By)
		}
	}
	if c.Compared != 16174 || c.Agree != 16174 || len(c.Differences) != 0 {
		t.Errorf("%d of %d votes agree, %d differences; want 16174 of 16174, 0", c.Agree, c.Compared, len(c.Differences))
	}

	// Join finds the same: 90 matched, none added, no conflict.
	_, rep, err := votes.Join(rec, un)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Matched) != 90 || len(rep.Added) != 0 || len(rep.Conflicts) != 0 {
		t.Errorf("Join: %v, want 90 matched, 0 added, 0 conflicts", rep)
	}
}
