package alignment

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/unga-go/unga/internal/testenv"
	"github.com/unga-go/unga/votes"
)

// voeten reads Voeten's 2016 file (testdata/voeten), which records
// absences (vote code 8) and has undated roll calls, once per test binary.
var voeten = sync.OnceValues(func() (*votes.Dataset, error) {
	return votes.ReadFile("../testdata/voeten/UNVotesPublished.csv.gz")
})

func loadVoeten(t *testing.T) *votes.Dataset {
	t.Helper()
	if testenv.Quick(t) {
		t.Skip("reads Voeten's file (1 M rows)")
	}
	ds, err := voeten()
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// A trap: US-Canada in session 74 gives Agree 0.6923 (n=91)
// on the whole session, and the same on the session narrowed to the two
// states (where judging unanimity on the states passed in gave 0.3000,
// n=40; testdata/scripts/agreement.py prints both). Every route must give it: Pair, the matrices, the series.
func TestUnanimityNarrowing(t *testing.T) {
	s74 := load(t).Filter(votes.InSessions(74, 74))
	usa, can := country(t, "USA"), country(t, "CAN")
	two := s74.SelectCountries(func(c votes.Country) bool { return c == usa || c == can })
	check := func(what string, s Score) {
		t.Helper()
		if s.N != 91 || !near(s.Value, 0.6923, 5e-5) {
			t.Errorf("%s: %v, want 0.6923 (n=91)", what, s)
		}
	}
	for name, ds := range map[string]*votes.Dataset{"session 74": s74, "USA and Canada alone": two} {
		tab, err := Pair(ds, usa, can, nil)
		if err != nil {
			t.Fatal(err)
		}
		check(name+", Pair", tab.Score(Agree, 0))
		m, err := AgreementMatrix(ds, Agree, nil)
		if err != nil {
			t.Fatal(err)
		}
		s, _ := m.Lookup(usa, can)
		check(name+", AgreementMatrix", s)
		ts, err := allTables(ds, nil)
		if err != nil {
			t.Fatal(err)
		}
		s, _ = ts.Matrix(Agree, 0).Lookup(usa, can)
		check(name+", allTables", s)
		ps, err := PairBy(ds, BySession, usa, can, nil)
		if err != nil {
			t.Fatal(err)
		}
		check(name+", PairBySession", ps.Scores(Agree, 0)[0])
		sm, err := AgreementBy(ds, BySession, Agree, nil)
		if err != nil {
			t.Fatal(err)
		}
		pc, err := sm.Pair(usa, can)
		if err != nil {
			t.Fatal(err)
		}
		check(name+", AgreementBySession", pc[0])
		rs, err := WithReference(ds, BySession, usa, Agree, nil)
		if err != nil {
			t.Fatal(err)
		}
		col, _ := rs.State(can)
		check(name+", WithReference", col[0])
		rk, err := Rank(ds, usa, Agree, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rk.States {
			if r.Country == can {
				check(name+", Rank", r.Score)
			}
		}
	}
}

// Cohesion and Defections drop the same roll calls: the unanimous ones of
// the whole Assembly. A/RES/1/376 (41-0-0 in the record) is unanimous; a
// group's tally on it is dropped by both, and kept by both with
// KeepUnanimous.
func TestGroupUnanimity(t *testing.T) {
	ds := load(t).Filter(votes.InSessions(1, 1))
	g := votes.NewGroup("Two", country(t, "USA"), country(t, "GBR"))
	one := ds.Filter(votes.Resolutions("A/RES/1/376"))
	if _, err := Cohesion(one, g, nil); !errors.Is(err, ErrEmpty) {
		t.Errorf("Cohesion on a unanimous roll call: %v, want ErrEmpty", err)
	}
	if _, err := Defections(one, g, nil); !errors.Is(err, ErrNoVotes) {
		t.Errorf("Defections on a unanimous roll call: %v, want ErrNoVotes", err)
	}
	keep := &Options{KeepUnanimous: true}
	c, err := Cohesion(one, g, keep)
	if err != nil || len(c.RollCalls) != 1 {
		t.Fatalf("Cohesion kept: %v", err)
	}
	d, err := Defections(one, g, keep)
	if err != nil || d.RollCalls != 1 {
		t.Fatalf("Defections kept: %v", err)
	}
	// Over session 1 both count the same roll calls: those not unanimous
	// on which the two had a majority (never a tie: two members tie only
	// when they split).
	c, err = Cohesion(ds, g, nil)
	if err != nil {
		t.Fatal(err)
	}
	d, err = Defections(ds, g, nil)
	if err != nil {
		t.Fatal(err)
	}
	agreeing := 0
	for _, rc := range c.RollCalls {
		if max(rc.Tally.Yes, rc.Tally.No, rc.Tally.Abstain) > rc.Tally.Yes+rc.Tally.No+rc.Tally.Abstain-max(rc.Tally.Yes, rc.Tally.No, rc.Tally.Abstain) {
			agreeing++
		}
	}
	if d.RollCalls != agreeing {
		t.Errorf("Defections counts %d roll calls, Cohesion %d with a majority", d.RollCalls, agreeing)
	}
}

// EU defections 1995-2003. Expected figures from
// testdata/scripts/eu_defections.py on the unvotes CSV (roll calls dated 1995-2003
// on which not every vote was the same; EU-15 majority, unique): 772 roll
// calls, France 113 of 756, the United Kingdom 114 of 770, Luxembourg 11 of
// 769. Slovakia, not a member until 2004, is not listed; a member without a
// vote ranks last.
func TestDefectionsEU(t *testing.T) {
	ds := load(t).Filter(votes.InYears(1995, 2003))
	rep, err := Defections(ds, group(t, "EU"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.RollCalls != 772 || len(rep.States) != 15 {
		t.Fatalf("%d roll calls, %d states; want 772, 15", rep.RollCalls, len(rep.States))
	}
	first, second, last := rep.States[0], rep.States[1], rep.States[14]
	if first.Country.ISO3 != "FRA" || first.Defections != 113 || first.N != 756 ||
		second.Country.ISO3 != "GBR" || second.Defections != 114 || second.N != 770 ||
		last.Country.ISO3 != "LUX" || last.Defections != 11 || last.N != 769 {
		t.Errorf("ranking %v ... %v", rep.States[:2], last)
	}
	for _, d := range rep.States {
		if d.Country.ISO3 == "SVK" {
			t.Errorf("Slovakia listed: %v", d)
		}
	}
	// Taiwan has a row but no vote after 1971: a member without a vote is
	// NaN and last.
	g := votes.NewGroup("Pacific", country(t, "USA"), country(t, "JPN"), country(t, "713"))
	rep, err = Defections(ds, g, nil)
	if err != nil {
		t.Fatal(err)
	}
	if l := rep.States[len(rep.States)-1]; l.Country.COW != 713 || !math.IsNaN(l.Share) {
		t.Errorf("last %v, want Taiwan with NaN", l)
	}
	for _, d := range rep.States[:len(rep.States)-1] {
		if math.IsNaN(d.Share) {
			t.Errorf("NaN before the end: %v", rep.States)
		}
	}
}

// The states most and least aligned with the US in 2019. Israel is
// closest (Agree 0.9602 on 88 roll calls of 2019 by
// testdata/scripts/agreement.py: USA-Israel session 74 is 0.9607 on 89, see
// TestPairSession74; the calendar year differs by a few roll calls).
func TestRankUSA2019(t *testing.T) {
	ds := load(t).Filter(votes.InYears(2019, 2019))
	usa := country(t, "USA")
	for _, x := range []Index{Agree, Coincidence} {
		rk, err := Rank(ds, usa, x, &Options{MinN: 10})
		if err != nil {
			t.Fatal(err)
		}
		top, bottom := rk.Top(15), rk.Bottom(15)
		if len(top) != 15 || len(bottom) != 15 || top[0].Country.ISO3 != "ISR" || top[0].Rank != 1 {
			t.Fatalf("%v: top %v", x, top)
		}
		// The reference is not ranked, states without a vote are named,
		// scores never increase, NaN only at the end.
		seenNaN := false
		for k, r := range rk.States {
			if r.Country == usa {
				t.Errorf("reference ranked")
			}
			if math.IsNaN(r.Score.Value) {
				seenNaN = true
				if r.Rank != 0 || r.Score.N >= 10 {
					t.Errorf("NaN row %v", r)
				}
				continue
			}
			if seenNaN || k > 0 && r.Score.Value > rk.States[k-1].Score.Value {
				t.Errorf("%v: out of order at %d: %v", x, k, r)
			}
		}
		if len(rk.NoVotes) == 0 || len(rk.States)+len(rk.NoVotes)+1 != ds.NumCountries() {
			t.Errorf("%d ranked + %d without votes + 1 != %d", len(rk.States), len(rk.NoVotes), ds.NumCountries())
		}
		for _, c := range rk.NoVotes {
			if c.COW == 255 || c.COW == 2 {
				t.Errorf("%v listed as without votes", c)
			}
		}
		if b := bottom[0]; b.Score.Value != rk.States[len(rk.scored())-1].Score.Value {
			t.Errorf("bottom %v", b)
		}
	}
	// Israel's Agree in 2019 by an independent count (python3 on the
	// unvotes CSV, roll calls dated 2019 not unanimous): 0.9602 on 88.
	rk, _ := Rank(ds, usa, Agree, nil)
	if s := rk.Top(1)[0].Score; s.N != 88 || !near(s.Value, 0.9602, 5e-5) {
		t.Errorf("Israel 2019 %v, want 0.9602 (n=88)", s)
	}
	if rk.Top(0) == nil && len(rk.Top(-1)) != 0 {
		t.Errorf("Top(-1)")
	}
}

// Absences as abstentions, on Voeten's file, which records them. On
// A/RES/68/262 the United States voted yes and Serbia was absent (code 8):
// by default Serbia cast no vote there, which is ErrNoVotes; counted as an abstention, one roll call with
// one state abstaining, Agree 1/2. Over session 70 (python3 on the file:
// roll calls with two different cast votes) USA-Serbia is 26 same, 18
// one-step, 27 opposite votes (Agree 0.4930, n=71), and 26, 20, 27 (n=73,
// Agree 0.4932) with absences as abstentions.
func TestAbsentAsAbstain(t *testing.T) {
	ds := loadVoeten(t)
	usa, srb := country(t, "USA"), country(t, "SRB")
	one := ds.Filter(votes.Resolutions("A/RES/68/262"))
	if tab, err := Pair(one, usa, srb, nil); !errors.Is(err, ErrNoVotes) {
		t.Fatalf("default: %v %v, want ErrNoVotes", tab, err)
	}
	abs := &Options{AbsentAsAbstain: true}
	tab, err := Pair(one, usa, srb, abs)
	if err != nil || tab != (Table{{0, 1, 0}}) {
		t.Fatalf("absent as abstain:\n%v%v", &tab, err)
	}
	if s := tab.Score(Agree, 0); s.Value != 0.5 || s.N != 1 {
		t.Errorf("Agree %v, want 0.5 (n=1)", s)
	}
	s70 := ds.Filter(votes.InSessions(70, 70))
	for _, tc := range []struct {
		opts                  *Options
		same, partial, oppose int
	}{{nil, 26, 18, 27}, {abs, 26, 20, 27}} {
		tab, err := Pair(s70, usa, srb, tc.opts)
		if err != nil {
			t.Fatal(err)
		}
		same, partial, oppose := tab[0][0]+tab[1][1]+tab[2][2], tab[0][1]+tab[1][0]+tab[1][2]+tab[2][1], tab[0][2]+tab[2][0]
		if same != tc.same || partial != tc.partial || oppose != tc.oppose {
			t.Errorf("%+v: %d/%d/%d, want %d/%d/%d", tc.opts, same, partial, oppose, tc.same, tc.partial, tc.oppose)
		}
		// The kernels read absences the same way.
		m, err := AgreementMatrix(s70, CoincidencePartial, tc.opts)
		if err != nil {
			t.Fatal(err)
		}
		if s, _ := m.Lookup(usa, srb); !sameScore(s, tab.Score(CoincidencePartial, 0)) {
			t.Errorf("%+v: matrix %v, Pair %v", tc.opts, s, tab.Score(CoincidencePartial, 0))
		}
		// Every pair, through both kernels (Agree and the full table),
		// against Pair's loop over the votes.
		for _, x := range []Index{Agree, Kappa} {
			m, err := AgreementMatrix(s70, x, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			for i, a := range m.Countries {
				for j := i; j < len(m.Countries); j++ {
					want, err := Pair(s70, a, m.Countries[j], tc.opts)
					if errors.Is(err, ErrNoVotes) {
						// A state without a cast vote has a NaN row in the matrix.
						if got := m.At(i, j); !math.IsNaN(got.Value) || got.N != 0 {
							t.Fatalf("%v-%v: %v, want NaN (n=0) where Pair says %v", a, m.Countries[j], got, err)
						}
						continue
					}
					if err != nil {
						t.Fatal(err)
					}
					if got := m.At(i, j); !sameScore(got, want.Score(x, 0)) {
						t.Fatalf("%+v %v %v-%v: %v, want %v", tc.opts, x, a, m.Countries[j], got, want.Score(x, 0))
					}
				}
			}
		}
		rs, err := WithReference(s70, ByYear, usa, Agree, tc.opts)
		if err != nil {
			t.Fatal(err)
		}
		col, _ := rs.State(srb)
		n := 0
		for _, s := range col {
			n += s.N
		}
		if n != tab.N() {
			t.Errorf("%+v: by year n = %d, want %d", tc.opts, n, tab.N())
		}
	}
}

// In Voeten's file rcid 4592 (session 59) has no date. A session's date
// is that of its first dated roll call (2004-10-22, as
// testdata/scripts/counts.py prints), not 0001-01-01; the EU median counts the 25
// members of that day, not the 28 ever-members; Outliers counts no member
// on the undated roll call and says so.
func TestUndatedRollCall(t *testing.T) {
	s59 := loadVoeten(t).Filter(votes.InSessions(59, 59))
	usa := country(t, "USA")
	rs, err := WithReference(s59, BySession, usa, Agree, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2004, 10, 22, 0, 0, 0, 0, time.UTC); !rs.dates[0].Equal(want) {
		t.Errorf("session 59 dated %v, want %v", rs.dates[0], want)
	}
	eu := group(t, "EU")
	if med := rs.GroupMedian(eu.Contains); med[0].N != 25 {
		t.Errorf("EU median on %d members, want 25", med[0].N)
	}
	rep, err := Outliers(s59, eu, usa, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Undated != 1 || len(rep.States) != 25 {
		t.Errorf("%d undated, %d members; want 1, 25", rep.Undated, len(rep.States))
	}
	coh, err := Cohesion(s59, eu, nil)
	if err != nil || coh.Undated != 1 {
		t.Errorf("Cohesion: %d undated, err %v", coh.Undated, err)
	}
	ys, err := PairBy(s59, ByYear, usa, country(t, "GBR"), nil)
	if err != nil || ys.Undated != 1 || len(ys.Periods) != 2 || ys.Periods[0] != 2004 {
		t.Errorf("by year: %v %v", ys, err)
	}
}

// Series by calendar year: each year's table is Pair on that year alone,
// and the EU's cohesion per year is Cohesion on that year alone.
func TestByYear(t *testing.T) {
	ds := load(t).Filter(votes.InYears(2015, 2019))
	usa, isr := country(t, "USA"), country(t, "ISR")
	ps, err := PairBy(ds, ByYear, usa, isr, nil)
	if err != nil {
		t.Fatal(err)
	}
	if ps.By != ByYear || fmt.Sprint(ps.Periods) != "[2015 2016 2017 2018 2019]" {
		t.Fatalf("periods %v by %v", ps.Periods, ps.By)
	}
	sm, err := AgreementBy(ds, ByYear, Agree, nil)
	if err != nil {
		t.Fatal(err)
	}
	eu := group(t, "EU")
	cs, err := CohesionBy(ds, ByYear, eu, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, y := range ps.Periods {
		one := ds.Filter(votes.InYears(y, y))
		want, err := Pair(one, usa, isr, nil)
		if err != nil {
			t.Fatal(err)
		}
		if ps.Tables[k] != want {
			t.Errorf("%d: table\n%vwant\n%v", y, &ps.Tables[k], &want)
		}
		pi, err := sm.Pair(usa, isr)
		if err != nil {
			t.Fatal(err)
		}
		if got := pi[k]; !sameScore(got, want.Score(Agree, 0)) {
			t.Errorf("%d: matrix %v, want %v", y, got, want.Score(Agree, 0))
		}
		c, err := Cohesion(one, eu, nil)
		if err != nil {
			t.Fatal(err)
		}
		if cs.Periods[k] != y || !near(cs.Rice[k].Value, c.Rice, 1e-12) || !near(cs.HNR[k].Value, c.HNR, 1e-12) || cs.HNR[k].N != len(c.RollCalls) {
			t.Errorf("%d: cohesion %v %v, want %v %v", y, cs.Rice[k], cs.HNR[k], c.Rice, c.HNR)
		}
	}
	if s := ps.String(); !strings.HasPrefix(s, "United States and Israel, by year\nyear ") {
		t.Errorf("rendering:\n%s", s)
	}
}

// Programmer errors panic, with the package name first.
func TestPanics(t *testing.T) {
	ds := load(t).Filter(votes.InSessions(74, 74))
	usa := country(t, "USA")
	m, err := AgreementMatrix(ds, Agree, nil)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := WithReference(ds, BySession, usa, Agree, nil)
	if err != nil {
		t.Fatal(err)
	}
	var tab Table
	bad := Index(99)
	for name, f := range map[string]func(){
		"Matrix.n(999, 0)":   func() { m.n(999, 0) },
		"Matrix.n(0, -1)":    func() { m.n(0, -1) },
		"Matrix.At(0, 999)":  func() { m.At(0, 999) },
		"ReferenceSeries.At": func() { rs.At(0, 1) },
		"Table.Score":        func() { tab.Score(bad, 0) },
		"AgreementMatrix":    func() { AgreementMatrix(ds, bad, nil) },
		"AgreementBy index":  func() { AgreementBy(ds, BySession, bad, nil) },
		"AgreementBy year":   func() { AgreementBy(ds, ByYear, -1, nil) },
		"AgreementBy By(7)":  func() { AgreementBy(ds, By(7), Agree, nil) },
		"PairBy By(-1)":      func() { PairBy(ds, By(-1), usa, usa, nil) },
		"BootstrapPairSeries By(2)": func() {
			BootstrapPairSeries(ds, By(2), usa, usa, Agree, nil)
		},
		"WithReference":     func() { WithReference(ds, BySession, usa, bad, nil) },
		"Rank":              func() { Rank(ds, usa, bad, nil) },
		"Tables.Matrix":     func() { (&pairTables{}).Matrix(bad, 0) },
		"PairSeries.Scores": func() { (&PairSeries{}).Scores(bad, 0) },
		"Series.Add":        func() { (&Series{periods: []int{1}}).Add("x", nil) },
	} {
		func() {
			defer func() {
				r := recover()
				if s, ok := r.(string); !ok || !strings.HasPrefix(s, "alignment: ") {
					t.Errorf("%s: recovered %v, want a panic starting with \"alignment: \"", name, r)
				}
			}()
			f()
		}()
	}
}

// Zero values of the results are useful: they render and write empty
// tables (a header) without a panic.
func TestZeroResults(t *testing.T) {
	var b strings.Builder
	for name, f := range map[string]func() error{
		"GroupRecord": func() error {
			_ = (&GroupRecord{}).String()
			return (&GroupRecord{}).WriteCSV(&b)
		},
		"Ranking":         func() error { (&Ranking{}).Top(3); (&Ranking{}).Bottom(3); return (&Ranking{}).WriteCSV(&b) },
		"GroupCohesion":   func() error { _ = (&GroupCohesion{}).String(); return (&GroupCohesion{}).WriteCSV(&b) },
		"CohesionSeries":  func() error { return (&CohesionSeries{}).WriteCSV(&b) },
		"GroupDefections": func() error { _ = (&GroupDefections{}).String(); return (&GroupDefections{}).WriteCSV(&b) },
		"Matrix":          func() error { return newMatrix(Agree, nil).WriteCSV(&b) },
		"MatrixSeries":    func() error { return (&MatrixSeries{}).WriteCSV(&b) },
		"ReferenceSeries": func() error { return (&ReferenceSeries{}).WriteCSV(&b) },
		"PairSeries":      func() error { _ = (&PairSeries{}).String(); return (&PairSeries{}).WriteCSV(&b) },
		"Series":          func() error { _ = (&Series{}).String(); return (&Series{}).WriteCSV(&b) },
		"Table":           func() error { return (&Table{}).WriteCSV(&b) },
	} {
		if err := f(); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}
