package alignment

import (
	"math"
	"testing"

	"github.com/unga-go/unga/internal/testenv"
	"github.com/unga-go/unga/votes"
)

// TestBootstrapEstimatesAreTheScores: the point estimates of the
// bootstraps are the scores of AgreementMatrix, with and without
// AbsentAsAbstain, on session 74 of the embedded record and (not in
// short mode or under -race) on session 60 of Voeten's file, which records absences.
// Narrowing the states first changes no interval: the roll calls kept,
// and so the resamples, do not depend on the states passed.
func TestBootstrapEstimatesAreTheScores(t *testing.T) {
	sets := map[string]*votes.Dataset{"unvotes 74": load(t).Filter(votes.InSessions(74, 74))}
	if !testenv.Quick(t) {
		sets["voeten 60"] = loadVoeten(t).Filter(votes.InSessions(60, 60))
	}
	same := func(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }
	for name, ds := range sets {
		for _, absent := range []bool{false, true} {
			o := Options{AbsentAsAbstain: absent}
			want, err := AgreementMatrix(ds, Agree, &o)
			if err != nil {
				t.Fatal(err)
			}
			bm, err := BootstrapMatrix(ds, Agree, &BootstrapOptions{Options: o, Resamples: 40})
			if err != nil {
				t.Fatal(err)
			}
			n := len(want.Countries)
			for i := range n {
				for j := i; j < n; j++ {
					if w, g := want.At(i, j), bm.Estimate.At(i, j); !same(w.Value, g.Value) || w.N != g.N {
						t.Fatalf("%s absent=%v %s-%s: bootstrap %v, AgreementMatrix %v", name, absent, want.Countries[i], want.Countries[j], g, w)
					}
				}
			}
			usa, can := country(t, "USA"), country(t, "CAN")
			two := ds.SelectCountries(func(c votes.Country) bool { return c == usa || c == can })
			bo := &BootstrapOptions{Options: o, Resamples: 300, Seed: 4}
			all, err := BootstrapPair(ds, usa, can, Agree, bo)
			if err != nil {
				t.Fatal(err)
			}
			narrow, err := BootstrapPair(two, usa, can, Agree, bo)
			if err != nil {
				t.Fatal(err)
			}
			if all != narrow {
				t.Errorf("%s absent=%v: US-Canada %v on all states, %v on the two", name, absent, all, narrow)
			}
			w, _ := want.Lookup(usa, can)
			if all.Value != w.Value || all.N != w.N {
				t.Errorf("%s absent=%v: BootstrapPair %v, AgreementMatrix %v", name, absent, all, w)
			}
		}
	}
}
