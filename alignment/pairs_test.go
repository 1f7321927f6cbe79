package alignment

import (
	"errors"
	"math"
	"testing"

	"github.com/unga-go/unga/votes"
)

// The bit-parallel kernel must give, for every pair, the table a plain loop
// over the roll calls gives (Pair), with and without unanimous roll calls.
func TestAllTablesMatchesPair(t *testing.T) {
	ds := load(t).Filter(votes.InSessions(66, 74))
	for _, keep := range []bool{false, true} {
		opts := &Options{KeepUnanimous: keep}
		ts, err := allTables(ds, opts)
		if err != nil {
			t.Fatal(err)
		}
		n := len(ts.Countries)
		for i := 0; i < n; i += 19 {
			for j := 0; j < n; j += 13 {
				want, err := Pair(ds, ts.Countries[i], ts.Countries[j], opts)
				if err != nil {
					t.Fatal(err)
				}
				if got := ts.Table(i, j); got != want {
					t.Fatalf("keep=%v %v-%v: kernel\n%vloop\n%v", keep, ts.Countries[i], ts.Countries[j], &got, &want)
				}
			}
		}
	}
}

func TestAgreementMatrixSession74(t *testing.T) {
	s74 := load(t).Filter(votes.InSessions(74, 74))
	m, err := AgreementMatrix(s74, Agree, nil)
	if err != nil {
		t.Fatal(err)
	}
	// testdata/scripts/agreement.py's figures, as in TestPairSession74.
	for _, tc := range []struct {
		a, b string
		want float64
		n    int
	}{{"USA", "Israel", 0.9607, 89}, {"Russia", "Serbia", 0.7439, 82}, {"Russia", "USA", 0.2874, 87}} {
		s, ok := m.Lookup(country(t, tc.a), country(t, tc.b))
		if !ok || !near(s.Value, tc.want, 5e-5) || s.N != tc.n {
			t.Errorf("%s-%s = %v, want %.4f (n=%d)", tc.a, tc.b, s, tc.want, tc.n)
		}
	}
	r, c := m.Scores.Dims()
	if r != 200 || c != 200 {
		t.Errorf("dims %dx%d, want 200x200", r, c)
	}
	// States that no longer existed have no score, not 0 or 1.
	if s, _ := m.Lookup(country(t, "USA"), country(t, "265")); !math.IsNaN(s.Value) || s.N != 0 {
		t.Errorf("USA-GDR in 2019 = %v, want NA (n=0)", s)
	}
	m3, _ := AgreementMatrix(s74, Agree, &Options{MinN: 88})
	if s, _ := m3.Lookup(country(t, "USA"), country(t, "Israel")); s.Value < 0.96 {
		t.Errorf("USA-Israel with MinN 88 = %v, want a score", s)
	}
	if s, _ := m3.Lookup(country(t, "USA"), country(t, "Russia")); !math.IsNaN(s.Value) {
		t.Errorf("USA-Russia with MinN 88 = %v, want NA", s)
	}
}

func TestAgreementMatrixEmpty(t *testing.T) {
	ds := load(t)
	if _, err := AgreementMatrix(ds.Filter(votes.InSessions(99, 99)), Agree, nil); !errors.Is(err, ErrEmpty) {
		t.Errorf("no roll calls: err = %v, want ErrEmpty", err)
	}
	// A/RES/1/376 (41-0-0 in the record) is unanimous: alone, nothing is
	// left to compare, unless it is kept.
	one := ds.Filter(votes.Resolutions("A/RES/1/376"))
	if _, err := AgreementMatrix(one, Agree, nil); !errors.Is(err, ErrEmpty) {
		t.Errorf("only unanimous roll calls: err = %v, want ErrEmpty", err)
	}
	m, err := AgreementMatrix(one, Agree, &Options{KeepUnanimous: true})
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := m.Lookup(country(t, "USA"), country(t, "GBR")); s.Value != 1 || s.N != 1 {
		t.Errorf("kept: USA-GBR %v, want 1 (n=1)", s)
	}
	// Two states on one roll call on which they agree (A/RES/74/17,
	// 63-19-66): not unanimous in the Assembly, so narrowing the states
	// to the two keeps it.
	two := ds.Filter(votes.Resolutions("A/RES/74/17")).SelectCountries(func(c votes.Country) bool { return c.ISO3 == "RUS" || c.ISO3 == "SRB" })
	for _, keep := range []bool{false, true} {
		m, err := AgreementMatrix(two, Agree, &Options{KeepUnanimous: keep})
		if err != nil || m.At(0, 1).Value != 1 || m.At(0, 1).N != 1 {
			t.Errorf("keep %v: %v %v, want 1 (n=1)", keep, m.At(0, 1), err)
		}
	}
}

// BenchmarkAgreementMatrix: joint-vote tables and Agree for all pairs of
// the full 1946-2019 record (200 states x 6,203 roll calls), unanimous
// roll calls dropped. The peers' figures are in BENCHMARKS.md.
func BenchmarkAgreementMatrix(b *testing.B) {
	ds := load(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := AgreementMatrix(ds, Agree, nil); err != nil {
			b.Fatal(err)
		}
	}
}
