package alignment

import (
	"errors"
	"math"
	"testing"

	"github.com/unga-go/unga/votes"
)

func tableOf(a, b []votes.Vote) Table {
	var t Table
	for k := range a {
		t.add(a[k], b[k])
	}
	return t
}

func near(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol || (math.IsNaN(got) && math.IsNaN(want))
}

// Signorino and Ritter's (1999) worked example, a=(3,3,1,2), b=(3,3,1,3),
// with the values computed by hand (kappa = 1 - 1/6, pi = 1 - 1/5.875).
func TestIndicesSignorinoRitter(t *testing.T) {
	y, a, n := votes.Yes, votes.Abstain, votes.No
	tab := tableOf([]votes.Vote{n, n, y, a}, []votes.Vote{n, n, y, n})
	want := map[Index]float64{
		Identical:          0.75,
		Agree:              0.875,
		SAbs:               0.75,
		SSquared:           0.875,
		Kappa:              1 - 1.0/6,
		Pi:                 1 - 1/5.875,
		Coincidence:        1,     // 3 yes/no roll calls, all identical
		CoincidencePartial: 0.875, // (3 + 1/2) / 4
	}
	for x, w := range want {
		s := tab.Score(x, 0)
		wantN := 4
		if x == Coincidence {
			wantN = 3
		}
		if !near(s.Value, w, 1e-12) || s.N != wantN {
			t.Errorf("%v = %v, want %.4f (n=%d)", x, s, w, wantN)
		}
	}
	if got := tab.Score(Kappa, 0).Value; !near(got, 0.8333, 5e-5) {
		t.Errorf("kappa %.4f, want 0.8333", got)
	}
	if got := tab.Score(Pi, 0).Value; !near(got, 0.8298, 5e-5) {
		t.Errorf("pi %.4f, want 0.8298", got)
	}
}

// A pair that votes yes on everything agrees fully, but chance-corrected
// indices have nothing to correct against: 0, not NaN (Kappa's and Pi's
// rule for a zero denominator).
func TestIndicesAllYes(t *testing.T) {
	var tab Table
	for range 10 {
		tab.add(votes.Yes, votes.Yes)
	}
	want := map[Index]float64{Identical: 1, Agree: 1, SAbs: 1, SSquared: 1, Kappa: 0, Pi: 0, Coincidence: 1, CoincidencePartial: 1}
	for x, w := range want {
		if got := tab.Score(x, 0); got.Value != w || got.N != 10 {
			t.Errorf("%v = %v, want %v (n=10)", x, got, w)
		}
	}
}

func TestIndicesMinN(t *testing.T) {
	var empty Table
	for _, x := range Indices() {
		if s := empty.Score(x, 0); !math.IsNaN(s.Value) || s.N != 0 {
			t.Errorf("empty table %v = %v, want NaN", x, s)
		}
	}
	tab := tableOf([]votes.Vote{votes.Yes, votes.Abstain, votes.Absent}, []votes.Vote{votes.Yes, votes.Abstain, votes.Yes})
	if s := tab.Score(Agree, 3); !math.IsNaN(s.Value) || s.N != 2 {
		t.Errorf("Agree with minN 3 on 2 roll calls = %v, want NaN (n=2)", s)
	}
	if s := tab.Score(Agree, 2); s.Value != 1 {
		t.Errorf("Agree with minN 2 = %v, want 1", s)
	}
	// Only the abstention-free roll call counts for Coincidence.
	if s := tab.Score(Coincidence, 2); !math.IsNaN(s.Value) || s.N != 1 {
		t.Errorf("Coincidence with minN 2 = %v, want NaN (n=1)", s)
	}
}

// The real data: session 74 of the unvotes record, unanimous roll calls
// dropped. Expected values from testdata/scripts/agreement.py.
func TestPairSession74(t *testing.T) {
	s74 := load(t).Filter(votes.InSessions(74, 74))
	tests := []struct {
		a, b string
		n    int
		want map[Index]float64
	}{
		{"USA", "Israel", 89, map[Index]float64{Identical: 0.9438, Agree: 0.9607, Kappa: 0.9102, Pi: 0.9101, Coincidence: 0.9750}},
		{"Serbia", "Russia", 82, map[Index]float64{Identical: 0.6098, Agree: 0.7439, SAbs: 0.4878, Kappa: 0.3192, Coincidence: 0.8148}},
		{"USA", "Russia", 87, map[Index]float64{Agree: 0.2874, Pi: -0.5020}},
	}
	for _, tc := range tests {
		tab, err := Pair(s74, country(t, tc.a), country(t, tc.b), nil)
		if err != nil {
			t.Fatal(err)
		}
		if tab.N() != tc.n {
			t.Errorf("%s-%s: n = %d, want %d", tc.a, tc.b, tab.N(), tc.n)
		}
		for x, w := range tc.want {
			if got := tab.Score(x, 0).Value; !near(got, w, 5e-5) {
				t.Errorf("%s-%s %v = %.4f, want %.4f", tc.a, tc.b, x, got, w)
			}
		}
		if got, want := tab.Score(SAbs, 0).Value, 2*tab.Score(Agree, 1).Value-1; !near(got, want, 1e-12) {
			t.Errorf("%s-%s: S_abs %v != 2*Agree-1 = %v", tc.a, tc.b, got, want)
		}
	}
}

func TestPairErrors(t *testing.T) {
	ds := load(t)
	s74 := ds.Filter(votes.InSessions(74, 74))
	usa, gdr := country(t, "USA"), country(t, "265")
	if _, err := Pair(s74.SelectCountries(func(c votes.Country) bool { return c != gdr }), usa, gdr, nil); !errors.Is(err, votes.ErrUnknownCountry) {
		t.Errorf("state not in dataset: err = %v, want ErrUnknownCountry", err)
	}
	// The German Democratic Republic was gone by 2019: no votes, an error
	// rather than an empty table scoring NaN.
	if _, err := Pair(s74, usa, gdr, nil); !errors.Is(err, ErrNoVotes) {
		t.Errorf("USA-GDR 2019: err = %v, want ErrNoVotes", err)
	}
	if _, err := Pair(ds.Filter(votes.InSessions(90, 90)), usa, usa, nil); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty selection: err = %v, want ErrEmpty", err)
	}
}
