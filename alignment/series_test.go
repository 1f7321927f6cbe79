package alignment

import (
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/unga-go/unga/votes"
)

func TestPairBy(t *testing.T) {
	ds := load(t).Filter(votes.InSessions(70, 74))
	ps, err := PairBy(ds, BySession, country(t, "USA"), country(t, "Israel"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ps.Periods, []int{70, 71, 72, 73, 74}) {
		t.Fatalf("sessions %v", ps.Periods)
	}
	// Session 74: n=89, Agree 0.9607 (testdata/scripts/agreement.py).
	s := ps.Scores(Agree, 0)[4]
	if s.N != 89 || !near(s.Value, 0.9607, 5e-5) {
		t.Errorf("session 74 = %v, want 0.9607 (n=89)", s)
	}
	// Each session's table is Pair on that session alone.
	for k, session := range ps.Periods {
		want, err := Pair(ds.Filter(votes.InSessions(session, session)), ps.A, ps.B, nil)
		if err != nil {
			t.Fatal(err)
		}
		if ps.Tables[k] != want {
			t.Errorf("session %d: table\n%vwant\n%v", session, &ps.Tables[k], &want)
		}
	}
	if _, err := PairBy(ds, BySession, country(t, "USA"), votes.Country{COW: 999, Name: "Nowhere"}, nil); !errors.Is(err, votes.ErrUnknownCountry) {
		t.Errorf("unknown state: err = %v", err)
	}
}

// Every session's matrix equals the all-pairs matrix of that session alone.
func TestAgreementBy(t *testing.T) {
	ds := load(t)
	sm, err := AgreementBy(ds, BySession, Kappa, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(sm.Periods) != 74 || sm.Periods[0] != 1 || sm.Periods[73] != 74 {
		t.Fatalf("sessions %v", sm.Periods)
	}
	for _, k := range []int{0, 39, 73} {
		session := sm.Periods[k]
		want, err := AgreementMatrix(ds.Filter(votes.InSessions(session, session)), Kappa, nil)
		if err != nil {
			t.Fatal(err)
		}
		got := sm.Matrices[k]
		for i, a := range got.Countries {
			for _, b := range got.Countries[i:] {
				g, _ := got.Lookup(a, b)
				w, _ := want.Lookup(a, b)
				if g.N != w.N || !near(g.Value, w.Value, 1e-12) {
					t.Fatalf("session %d %v-%v: %v, want %v", session, a, b, g, w)
				}
			}
		}
		// States that did not vote in the session are not in its matrix.
		for _, c := range want.Countries {
			if _, in := got.Lookup(c, c); !in {
				if s, _ := want.Lookup(c, c); s.N != 0 {
					t.Errorf("session %d: %v voted but is missing", session, c)
				}
			}
		}
	}
	// Session 74: n=87 (testdata/scripts/agreement.py).
	pi, err := sm.Pair(country(t, "Russia"), country(t, "USA"))
	if err != nil {
		t.Fatal(err)
	}
	if s := pi[73]; s.N != 87 {
		t.Errorf("Russia-USA session 74 n = %d, want 87", s.N)
	}
	// Yugoslavia's seat was empty from 1992 to 2000: no votes in unvotes
	// for sessions 47-54, so no score, not 0.
	rs, err := sm.Pair(country(t, "Russia"), country(t, "Serbia"))
	if err != nil {
		t.Fatal(err)
	}
	if s := rs[49]; sm.Periods[49] != 50 || !math.IsNaN(s.Value) || s.N != 0 {
		t.Errorf("Russia-Yugoslavia session 50 = %v, want NA (n=0)", s)
	}
}

func TestWithReference(t *testing.T) {
	ds := load(t).Filter(votes.InSessions(61, 74))
	srb := country(t, "Serbia")
	rs, err := WithReference(ds, BySession, srb, Agree, nil)
	if err != nil {
		t.Fatal(err)
	}
	col, err := rs.State(country(t, "Russia"))
	if err != nil {
		t.Fatal(err)
	}
	// Serbia-Russia, session 74: n=82, Agree 0.7439
	// (testdata/scripts/agreement.py).
	if s := col[len(col)-1]; s.N != 82 || !near(s.Value, 0.7439, 5e-5) {
		t.Errorf("Serbia-Russia session 74 = %v, want 0.7439 (n=82)", s)
	}
	eu, err := votes.LookupGroup("EU")
	if err != nil {
		t.Fatal(err)
	}
	med := rs.GroupMedian(eu.Contains)
	// Independently: Pair with every EU member on session 74's votes.
	s74 := ds.Filter(votes.InSessions(74, 74))
	var xs []float64
	for _, c := range eu.Members(rs.dates[len(rs.dates)-1]) {
		tab, err := Pair(s74, srb, c, nil)
		if err != nil {
			t.Fatal(err)
		}
		xs = append(xs, tab.Score(Agree, 1).Value)
	}
	if got, want := med[len(med)-1], median(xs); got.N != 28 || !near(got.Value, want, 1e-12) {
		t.Errorf("EU median session 74 = %v, want %.4f (n=28)", got, want)
	}
	if _, err := WithReference(ds, BySession, country(t, "265"), Agree, nil); !errors.Is(err, ErrNoVotes) {
		t.Errorf("GDR after 2006: err = %v, want ErrNoVotes", err)
	}
}

// BenchmarkAgreementBySession: joint-vote tables and Agree for all pairs,
// every session of the 1946-2019 record separately. The peers' figures
// are in BENCHMARKS.md.
func BenchmarkAgreementBySession(b *testing.B) {
	ds := load(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := AgreementBy(ds, BySession, Agree, nil); err != nil {
			b.Fatal(err)
		}
	}
}
