package alignment

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/unga-go/unga/votes"
)

// TestNoVotesPairLevel checks that every call about a state fails with
// ErrNoVotes, naming the state that held the seat then and what to do,
// when the state cast no vote in the selection: Germany (COW 255) in 1985,
// when the Federal Republic (260) held the seat, the Federal Republic in
// 2010, and Czechoslovakia, dissolved in 1993, in 2010. They used to give a
// NaN table (Pair), an interval of NaN without an error (BootstrapPair) or
// an error that did not say what to do (Rank).
func TestNoVotesPairLevel(t *testing.T) {
	ds := load(t)
	usa, deu, gfr, cze := country(t, "USA"), country(t, "Germany"), country(t, "260"), country(t, "Czechoslovakia")
	eu := group(t, "EU")
	member := func(c votes.Country, on time.Time) bool { return eu.Contains(c, on) }
	y85, y10 := ds.Filter(votes.InYears(1985, 1985)), ds.Filter(votes.InYears(2010, 2010))
	bo := &BootstrapOptions{Resamples: 40, Seed: 1}
	calls := map[string]func(ds *votes.Dataset, c votes.Country) error{
		"Pair":         func(ds *votes.Dataset, c votes.Country) error { _, err := Pair(ds, usa, c, nil); return err },
		"Pair (first)": func(ds *votes.Dataset, c votes.Country) error { _, err := Pair(ds, c, usa, nil); return err },
		"PairBySession": func(ds *votes.Dataset, c votes.Country) error {
			_, err := PairBy(ds, BySession, usa, c, nil)
			return err
		},
		"PairByYear": func(ds *votes.Dataset, c votes.Country) error { _, err := PairBy(ds, ByYear, c, usa, nil); return err },
		"BootstrapPair": func(ds *votes.Dataset, c votes.Country) error {
			_, err := BootstrapPair(ds, usa, c, Agree, bo)
			return err
		},
		"BootstrapPairSeries": func(ds *votes.Dataset, c votes.Country) error {
			_, err := BootstrapPairSeries(ds, BySession, c, usa, Agree, bo)
			return err
		},
		"Rank": func(ds *votes.Dataset, c votes.Country) error { _, err := Rank(ds, c, Agree, nil); return err },
		"WithReference": func(ds *votes.Dataset, c votes.Country) error {
			_, err := WithReference(ds, BySession, c, Agree, nil)
			return err
		},
		"WithReferenceByYear": func(ds *votes.Dataset, c votes.Country) error {
			_, err := WithReference(ds, ByYear, c, Agree, nil)
			return err
		},
		"BootstrapReference": func(ds *votes.Dataset, c votes.Country) error {
			_, err := BootstrapReference(ds, c, Agree, bo)
			return err
		},
		"BootstrapGroupMedian": func(ds *votes.Dataset, c votes.Country) error {
			_, err := BootstrapGroupMedian(ds, BySession, c, member, Agree, bo)
			return err
		},
		"Outliers": func(ds *votes.Dataset, c votes.Country) error { _, err := Outliers(ds, eu, c, nil); return err },
		"ComparePeriods": func(ds *votes.Dataset, c votes.Country) error {
			_, err := ComparePeriods(ds, ds, c, Agree, bo)
			return err
		},
		"MatrixSeries.Pair": func(ds *votes.Dataset, c votes.Country) error {
			sm, err := AgreementBy(ds, ByYear, Agree, nil)
			if err != nil {
				return err
			}
			_, err = sm.Pair(usa, c)
			return err
		},
		"ReferenceSeries.State": func(ds *votes.Dataset, c votes.Country) error {
			rs, err := WithReference(ds, BySession, usa, Agree, nil)
			if err != nil {
				return err
			}
			_, err = rs.State(c)
			return err
		},
		"ReferenceSeries.Series": func(ds *votes.Dataset, c votes.Country) error {
			rs, err := WithReference(ds, ByYear, usa, Agree, nil)
			if err != nil {
				return err
			}
			_, err = rs.Series(usa, c)
			return err
		},
	}
	for _, tc := range []struct {
		name   string
		ds     *votes.Dataset
		c      votes.Country
		holder string // the state the error names as holding the seat; "" for none
	}{
		{"Germany 1985", y85, deu, "Federal Republic of Germany (GFR, COW 260)"},
		{"Federal Republic 2010", y10, gfr, "Germany (DEU, COW 255)"},
		{"Czechoslovakia 2010", y10, cze, ""},
	} {
		for name, f := range calls {
			err := f(tc.ds, tc.c)
			if !errors.Is(err, ErrNoVotes) {
				t.Errorf("%s, %s: err = %v, want ErrNoVotes", tc.name, name, err)
				continue
			}
			msg := err.Error()
			for _, want := range []string{"alignment: ", tc.c.Name + " cast no vote", "votes.LookupCountryOn", "JoinPredecessors", tc.holder} {
				if !strings.Contains(msg, want) {
					t.Errorf("%s, %s: %q does not say %q", tc.name, name, msg, want)
				}
			}
			if tc.holder == "" && strings.Contains(msg, "held then") {
				t.Errorf("%s, %s: %q names a holder", tc.name, name, msg)
			}
		}
	}
	// A matrix has a row for such a state, NaN; Lookup says there is no
	// score, as a lookup in the bootstrap's matrix does.
	m, err := AgreementMatrix(y85, Agree, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s, ok := m.Lookup(usa, deu); ok || !math.IsNaN(s.Value) || s.N != 0 {
		t.Errorf("Matrix.Lookup(USA, Germany) in 1985 = %v, %v; want NaN, false", s, ok)
	}
	if s, ok := m.Lookup(usa, gfr); !ok || math.IsNaN(s.Value) {
		t.Errorf("Matrix.Lookup(USA, Federal Republic) in 1985 = %v, %v; want a score, true", s, ok)
	}
	bm, err := BootstrapMatrix(y85, Agree, bo)
	if err != nil {
		t.Fatal(err)
	}
	if iv, ok := bm.Lookup(deu, usa); ok || !math.IsNaN(iv.Lo) {
		t.Errorf("MatrixBootstrap.Lookup(Germany, USA) in 1985 = %v, %v; want NaN, false", iv, ok)
	}
	// The matrix's table prints the Federal Republic by its code.
	if !strings.Contains(m.String(), " GFR ") {
		t.Error("Matrix.String does not print the Federal Republic as GFR")
	}
	// What the error says to do works: the predecessor's votes joined,
	// Germany has a score in 1985.
	joined, err := y85.JoinPredecessors(nil)
	if err != nil {
		t.Fatal(err)
	}
	tab, err := Pair(joined, usa, deu, nil)
	if err != nil || tab.N() == 0 {
		t.Errorf("Germany 1985 joined: n=%d, %v; want votes", tab.N(), err)
	}
}

// TestGroupOfOne checks that group measures refuse a group of which a
// single member voted: they used to call it perfectly cohesive (Rice 1,
// an interval [1, 1], no defection, p = 1).
func TestGroupOfOne(t *testing.T) {
	ds := load(t)
	s74 := ds.Filter(votes.InSessions(74, 74))
	srb, rus := country(t, "SRB"), country(t, "RUS")
	alone := votes.NewGroup("Serbia alone", srb)
	// The German Democratic Republic is a member that cast no vote in 2019.
	withGhost := votes.NewGroup("Serbia and the GDR", srb, country(t, "265"))
	bo := &BootstrapOptions{Resamples: 40, Seed: 1}
	for _, g := range []votes.Group{alone, withGhost} {
		for name, f := range map[string]func() error{
			"Cohesion":          func() error { _, err := Cohesion(s74, g, nil); return err },
			"CohesionBySession": func() error { _, err := CohesionBy(s74, BySession, g, nil); return err },
			"CohesionByYear":    func() error { _, err := CohesionBy(s74, ByYear, g, nil); return err },
			"BootstrapCohesion": func() error { _, err := BootstrapCohesion(s74, g, bo); return err },
			"Defections":        func() error { _, err := Defections(s74, g, nil); return err },
			"Outliers":          func() error { _, err := Outliers(s74, g, rus, nil); return err },
			"Permutation":       func() error { _, err := permutation(s74, g, rus, nil); return err },
		} {
			err := f()
			if !errors.Is(err, ErrTooFewMembers) || !strings.Contains(err.Error(), g.Name) {
				t.Errorf("%s, %s: err = %v, want ErrTooFewMembers naming the group", g.Name, name, err)
			}
		}
	}
	// Two members that voted are a group.
	pair := votes.NewGroup("Serbia and Russia", srb, rus)
	if rep, err := Cohesion(s74, pair, nil); err != nil || !(rep.Rice < 1) {
		t.Errorf("Serbia and Russia: %v, %v; want a Rice below 1", rep, err)
	}
}

// TestMinNCohesionDefections checks that Options.MinN holds for the
// cohesion means, overall and by period, and for the shares of defections,
// as it does for pair scores. In the record, the EU's members voted on 14
// contested Middle East roll calls of 2019 with a yes or no among them.
func TestMinNCohesionDefections(t *testing.T) {
	ds := load(t)
	eu := group(t, "EU")
	sel := ds.Filter(votes.InYears(2019, 2019), votes.HasIssue(votes.MiddleEast))
	base, err := CohesionBy(sel, ByYear, eu, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(base.Rice) != 1 || base.Rice[0].N != 14 || math.IsNaN(base.Rice[0].Value) {
		t.Fatalf("EU 2019 Middle East: Rice %v, want a number on n=14", base.Rice)
	}
	for _, minN := range []int{14, 15, 20} {
		opts := &Options{MinN: minN}
		cs, err := CohesionBy(sel, ByYear, eu, opts)
		if err != nil {
			t.Fatal(err)
		}
		bySession, err := CohesionBy(sel, BySession, eu, opts)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := Cohesion(sel, eu, opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, got := range []struct {
			what string
			s    Score
			want Score
		}{
			{"CohesionByYear Rice", cs.Rice[0], base.Rice[0]},
			{"CohesionByYear HNR", cs.HNR[0], base.HNR[0]},
			{"CohesionBySession Rice", bySession.Rice[len(bySession.Rice)-1], Score{}},
			{"Cohesion Rice", Score{Value: rep.Rice, N: base.Rice[0].N}, base.Rice[0]},
		} {
			if got.want == (Score{}) {
				if got.s.N < minN != math.IsNaN(got.s.Value) {
					t.Errorf("MinN %d: %s %v", minN, got.what, got.s)
				}
				continue
			}
			want := got.want.Value
			if got.want.N < minN {
				want = math.NaN()
			}
			if !(got.s.Value == want || math.IsNaN(got.s.Value) && math.IsNaN(want)) {
				t.Errorf("MinN %d: %s = %v, want %v", minN, got.what, got.s, want)
			}
		}
		bc, err := BootstrapCohesion(sel, eu, &BootstrapOptions{Options: *opts, Resamples: 40, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		if (minN > 14) != math.IsNaN(bc.Rice.Value) || (minN > 14) != math.IsNaN(bc.Rice.Lo) {
			t.Errorf("MinN %d: BootstrapCohesion Rice %v", minN, bc.Rice)
		}
	}
	// Defections: a member's share on fewer than MinN votes is NaN.
	d0, err := Defections(sel, eu, nil)
	if err != nil {
		t.Fatal(err)
	}
	d, err := Defections(sel, eu, &Options{MinN: 20})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range d.States {
		if m.N >= 20 || !math.IsNaN(m.Share) {
			t.Errorf("MinN 20: %s share %v on %d votes, want NaN", m.Country, m.Share, m.N)
		}
	}
	if len(d0.States) == 0 || math.IsNaN(d0.States[0].Share) {
		t.Errorf("no MinN: first share %v, want a number", d0.States)
	}
}

// TestInvalidOptions checks that out-of-range options are errors wrapping
// ErrInvalidOptions, not panics, defaults or silent no-ops: a negative
// Resamples used to become 1000, a NaN K to flag nobody (Serbia lost in
// the Crimea case), a NaN Penalty to find no change, a level outside (0, 1)
// to panic, one resample to give an interval that misses the estimate.
func TestInvalidOptions(t *testing.T) {
	ds := load(t)
	s74 := ds.Filter(votes.InSessions(74, 74))
	usa, rus := country(t, "USA"), country(t, "RUS")
	eu := group(t, "EU")
	member := func(c votes.Country, on time.Time) bool { return eu.Contains(c, on) }
	nan, inf := math.NaN(), math.Inf(1)
	badOpts := &Options{MinN: -1}
	cases := map[string]func() error{
		"Pair MinN -1":            func() error { _, err := Pair(s74, usa, rus, badOpts); return err },
		"allTables MinN -1":       func() error { _, err := allTables(s74, badOpts); return err },
		"AgreementMatrix MinN -1": func() error { _, err := AgreementMatrix(s74, Agree, badOpts); return err },
		"Rank MinN -1":            func() error { _, err := Rank(s74, usa, Agree, badOpts); return err },
		"PairBySession MinN -1":   func() error { _, err := PairBy(s74, BySession, usa, rus, badOpts); return err },
		"AgreementByYear MinN -1": func() error { _, err := AgreementBy(s74, ByYear, Agree, badOpts); return err },
		"WithReference MinN -1":   func() error { _, err := WithReference(s74, BySession, usa, Agree, badOpts); return err },
		"Cohesion MinN -1":        func() error { _, err := Cohesion(s74, eu, badOpts); return err },
		"Defections MinN -1":      func() error { _, err := Defections(s74, eu, badOpts); return err },
	}
	for name, bo := range map[string]BootstrapOptions{
		"Resamples -1":      {Resamples: -1},
		"Resamples 1":       {Resamples: 1},
		"Resamples 39":      {Resamples: 39},
		"Resamples 199":     {Resamples: 199, Level: 0.99},
		"Level NaN":         {Level: nan},
		"Level 1":           {Level: 1},
		"Level 1.5":         {Level: 1.5},
		"Level -0.1":        {Level: -0.1},
		"MinN -1":           {Options: Options{MinN: -1}},
		"MinMembership NaN": {Options: Options{MinMembership: nan}},
		"MinMembership 2":   {Options: Options{MinMembership: 2}},
	} {
		cases["BootstrapPair "+name] = func() error { _, err := BootstrapPair(s74, usa, rus, Agree, &bo); return err }
		cases["BootstrapMatrix "+name] = func() error { _, err := BootstrapMatrix(s74, Agree, &bo); return err }
		cases["BootstrapPairSeries "+name] = func() error { _, err := BootstrapPairSeries(s74, BySession, usa, rus, Agree, &bo); return err }
		cases["BootstrapReference "+name] = func() error { _, err := BootstrapReference(s74, usa, Agree, &bo); return err }
		cases["BootstrapGroupMedian "+name] = func() error {
			_, err := BootstrapGroupMedian(s74, BySession, usa, member, Agree, &bo)
			return err
		}
		cases["BootstrapCohesion "+name] = func() error { _, err := BootstrapCohesion(s74, eu, &bo); return err }
		cases["ComparePeriods "+name] = func() error { _, err := ComparePeriods(s74, s74, usa, Agree, &bo); return err }
		if bo.Resamples > 0 {
			continue // too few for an interval, enough for a Resampler
		}
		cases["NewResampler "+name] = func() error { _, err := NewResampler(s74, &bo); return err }
	}
	for name, oo := range map[string]OutlierOptions{
		"K NaN":       {K: nan},
		"K -1":        {K: -1},
		"K +Inf":      {K: inf},
		"MinGap NaN":  {MinGap: nan},
		"MinGap -0.1": {MinGap: -0.1},
		"MinN -1":     {MinN: -1},
		"Index 99":    {Index: 99},
	} {
		cases["Outliers "+name] = func() error { _, err := Outliers(s74, eu, rus, &oo); return err }
	}
	keys, scores := []int{1, 2, 3, 4, 5, 6}, []Score{{0.5, 10}, {0.5, 10}, {0.5, 10}, {0.9, 10}, {0.9, 10}, {0.9, 10}}
	for name, co := range map[string]ChangeOptions{
		"Penalty NaN":  {Penalty: nan},
		"Penalty -1":   {Penalty: -1},
		"Penalty +Inf": {Penalty: inf},
		"MinSize -1":   {MinSize: -1},
		"Level 2":      {Level: 2},
		"Level NaN":    {Level: nan},
	} {
		cases["ChangePoints "+name] = func() error { _, err := ChangePoints(keys, scores, &co); return err }
	}
	for name, f := range cases {
		err := f()
		if !errors.Is(err, ErrInvalidOptions) || !strings.HasPrefix(err.Error(), "alignment: invalid options: ") {
			t.Errorf("%s: err = %v, want ErrInvalidOptions", name, err)
		}
	}
	// The least number of resamples for an interval is enough, and a
	// Resampler, which gives no interval, takes fewer.
	if _, err := BootstrapPair(s74, usa, rus, Agree, &BootstrapOptions{Resamples: 40}); err != nil {
		t.Errorf("40 resamples at 95%%: %v", err)
	}
	if _, err := NewResampler(s74, &BootstrapOptions{Resamples: 2}); err != nil {
		t.Errorf("NewResampler, 2 resamples: %v", err)
	}
	// The change is found with the options as they should be.
	if ch, err := ChangePoints(keys, scores, &ChangeOptions{MinSize: 2}); err != nil || len(ch.Points) != 1 {
		t.Errorf("ChangePoints: %v, %v; want one change", ch, err)
	}
}

func TestMinResamples(t *testing.T) {
	for _, tc := range []struct {
		level float64
		want  int
	}{{0.95, 40}, {0.9, 20}, {0.99, 200}, {0.5, 4}, {0, 0}, {1, 0}, {math.NaN(), 0}} {
		if got := MinResamples(tc.level); got != tc.want {
			t.Errorf("MinResamples(%v) = %d, want %d", tc.level, got, tc.want)
		}
	}
}

// TestNonFiniteScores checks that ChangePoints refuses an infinite score
// (it used to segment it) and that EffectiveN gives 0, which ChangePoints
// skips, for a score that is not a number (it used to give 1).
func TestNonFiniteScores(t *testing.T) {
	keys := []int{1, 2, 3, 4}
	for _, s := range []Score{{math.Inf(1), 10}, {math.Inf(-1), 10}, {0.5, -1}} {
		scores := []Score{{0.5, 10}, s, {0.5, 10}, {0.5, 10}}
		if _, err := ChangePoints(keys, scores, nil); !errors.Is(err, ErrInvalidScore) {
			t.Errorf("ChangePoints with %v: err = %v, want ErrInvalidScore", s, err)
		}
	}
	for _, iv := range []Interval{
		{Score: Score{Value: math.NaN()}, Lo: 0.4, Hi: 0.6, Level: 0.95},
		{Score: Score{Value: math.Inf(1)}, Lo: 0.4, Hi: 0.6, Level: 0.95},
		{Score: Score{Value: 0.5}, Lo: math.Inf(-1), Hi: 0.6, Level: 0.95},
	} {
		if got := EffectiveN(iv); got != 0 {
			t.Errorf("EffectiveN(%v) = %d, want 0", iv, got)
		}
	}
}
