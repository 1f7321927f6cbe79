package audit_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/unga-go/unga/alignment"
	"github.com/unga-go/unga/audit"
	"github.com/unga-go/unga/votes"
)

// TestInvalidOptions checks that out-of-range options are errors wrapping
// ErrInvalidOptions: a negative MinRun or Neighbours used to become the
// default silently, and a NaN MinShare or MinZ to report nothing.
func TestInvalidOptions(t *testing.T) {
	ds := must(t, published).Filter(votes.InSessions(74, 74))
	nan := math.NaN()
	cases := map[string]func() error{}
	for name, o := range map[string]audit.CompareOptions{
		"MinRun -1":     {MinRun: -1},
		"MinShare NaN":  {MinShare: nan},
		"MinShare -0.5": {MinShare: -0.5},
		"MinShare 1.5":  {MinShare: 1.5},
		"MinShare +Inf": {MinShare: math.Inf(1)},
	} {
		cases["Compare "+name] = func() error { _, err := audit.Compare(ds, ds, &o); return err }
	}
	for name, o := range map[string]audit.CoverageOptions{
		"ThinShare NaN": {ThinShare: nan},
		"ThinShare 2":   {ThinShare: 2},
		"Neighbours -1": {Neighbours: -1},
		"MaxDiffer -1":  {MaxDiffer: -1},
	} {
		cases["Cover "+name] = func() error { _, err := audit.Cover(ds, &o); return err }
	}
	for name, o := range map[string]audit.SuspicionOptions{
		"Partners -1": {Partners: -1},
		"MinN -1":     {MinN: -1},
		"MinZ NaN":    {MinZ: nan},
		"MinZ -4":     {MinZ: -4},
		"MinZ +Inf":   {MinZ: math.Inf(1)},
	} {
		cases["Suspicions "+name] = func() error { _, err := audit.Suspicions(ds, &o); return err }
	}
	for name, f := range cases {
		err := f()
		if !errors.Is(err, audit.ErrInvalidOptions) || !strings.HasPrefix(err.Error(), "audit: invalid options: ") {
			t.Errorf("%s: err = %v, want ErrInvalidOptions", name, err)
		}
	}
	// The limits themselves are fine.
	if _, err := audit.Compare(ds, ds, &audit.CompareOptions{MinRun: 1, MinShare: 1}); err != nil {
		t.Errorf("Compare with MinShare 1: %v", err)
	}
	if _, err := audit.Cover(ds, &audit.CoverageOptions{ThinShare: 1}); err != nil {
		t.Errorf("Cover with ThinShare 1: %v", err)
	}
}

// TestErrEmpty checks that audit's functions report an empty dataset with
// audit.ErrEmpty, "audit: no roll calls": Suspicions used to return
// alignment's, which errors.Is(err, audit.ErrEmpty) did not match.
func TestErrEmpty(t *testing.T) {
	ds := must(t, published)
	empty := ds.Filter(votes.InSessions(999, 999))
	if _, err := audit.Compare(ds, empty, nil); !errors.Is(err, audit.ErrEmpty) || err.Error() != "audit: no roll calls" {
		t.Errorf("Compare: %v, want audit.ErrEmpty", err)
	}
	if _, err := audit.Suspicions(empty, nil); !errors.Is(err, audit.ErrEmpty) {
		t.Errorf("Suspicions: %v, want audit.ErrEmpty", err)
	}
	unanimous := ds.Filter(func(d *votes.Dataset, j int) bool { return d.RollCall(j).Unanimous })
	if unanimous.NumRollCalls() == 0 {
		t.Fatal("no unanimous roll call in the record")
	}
	if _, err := audit.Suspicions(unanimous, nil); !errors.Is(err, audit.ErrEmpty) || !errors.Is(err, alignment.ErrEmpty) {
		t.Errorf("Suspicions on unanimous roll calls: %v, want audit.ErrEmpty and alignment.ErrEmpty", err)
	}
}

// MatchedBy.String names a value that is not a constant instead of
// panicking, as alignment.Index.String does.
func TestMatchedByString(t *testing.T) {
	for m, want := range map[audit.MatchedBy]string{
		audit.ByResolution:   "resolution",
		audit.ByDateAndVotes: "date and votes",
		audit.ByVotes:        "votes",
		7:                    "MatchedBy(7)",
		-1:                   "MatchedBy(-1)",
	} {
		if got := m.String(); got != want {
			t.Errorf("MatchedBy(%d).String() = %q, want %q", int(m), got, want)
		}
	}
}
