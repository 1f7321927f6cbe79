package alignment

import (
	"math"
	"slices"
	"testing"
	"time"

	"github.com/unga-go/unga/votes"
)

// BootstrapGroupMedian's estimates are GroupMedian's, period by period, and
// for a group of one its intervals are that pair's BootstrapPairSeries
// intervals exactly: the same roll calls are drawn for the same seed.
func TestBootstrapGroupMedian(t *testing.T) {
	ds := load(t).Filter(votes.InSessions(61, 74))
	srb := country(t, "SRB")
	eu, err := votes.LookupGroup("EU")
	if err != nil {
		t.Fatal(err)
	}
	opts := &BootstrapOptions{Options: Options{MinN: 10}, Resamples: 200, Seed: 7}
	gb, err := BootstrapGroupMedian(ds, BySession, srb, eu.Contains, Agree, opts)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := WithReference(ds, BySession, srb, Agree, &opts.Options)
	if err != nil {
		t.Fatal(err)
	}
	want := rs.GroupMedian(eu.Contains)
	if len(gb.Periods) != len(rs.Periods) {
		t.Fatalf("%d periods, GroupMedian has %d", len(gb.Periods), len(rs.Periods))
	}
	for k, iv := range gb.Intervals {
		w := want[k]
		if gb.Periods[k] != rs.Periods[k] || math.Abs(iv.Value-w.Value) > 1e-12 || iv.N != w.N {
			t.Errorf("session %d: %v, GroupMedian %v", gb.Periods[k], iv.Score, w)
		}
		if !(iv.Lo <= iv.Value && iv.Value <= iv.Hi) || iv.Hi-iv.Lo <= 0 {
			t.Errorf("session %d: interval %v does not hold its estimate", gb.Periods[k], iv)
		}
	}
	again, err := BootstrapGroupMedian(ds, BySession, srb, eu.Contains, Agree, opts)
	if err != nil {
		t.Fatal(err)
	}
	for k := range again.Intervals {
		if again.Intervals[k] != gb.Intervals[k] {
			t.Errorf("session %d: %v, then %v with the same seed", gb.Periods[k], gb.Intervals[k], again.Intervals[k])
		}
	}

	rus := country(t, "RUS")
	alone := func(c votes.Country, _ time.Time) bool { return c == rus }
	one, err := BootstrapGroupMedian(ds, BySession, srb, alone, Agree, opts)
	if err != nil {
		t.Fatal(err)
	}
	pair, err := BootstrapPairSeries(ds, BySession, srb, rus, Agree, opts)
	if err != nil {
		t.Fatal(err)
	}
	for k, iv := range one.Intervals {
		p := pair.Intervals[k]
		same := func(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }
		if !same(iv.Value, p.Value) || !same(iv.Lo, p.Lo) || !same(iv.Hi, p.Hi) {
			t.Errorf("session %d: group of Russia alone %v, the pair %v", one.Periods[k], iv, p)
		}
	}
}

// EffectiveN: m(1-m)/se² with se the half-width over the normal quantile
// (by hand: 0.25/(0.1/1.959964)² = 96.04 for 0.5 in 0.4-0.6 at 95%;
// 0.09/(0.05/1.644854)² = 97.40 for 0.9 in 0.85-0.95 at 90%); no interval,
// no weight.
func TestEffectiveN(t *testing.T) {
	for _, tc := range []struct {
		iv   Interval
		want int
	}{
		{Interval{Score: Score{Value: 0.5}, Lo: 0.4, Hi: 0.6, Level: 0.95}, 96},
		{Interval{Score: Score{Value: 0.9}, Lo: 0.85, Hi: 0.95, Level: 0.90}, 97},
		{Interval{Score: Score{Value: 0.9}, Lo: math.NaN(), Hi: math.NaN(), Level: 0.95}, 0},
		{Interval{Score: Score{Value: 1}, Lo: 1, Hi: 1, Level: 0.95}, 0},
	} {
		if got := EffectiveN(tc.iv); got != tc.want {
			t.Errorf("EffectiveN(%+v) = %d, want %d", tc.iv, got, tc.want)
		}
	}
}

// BootstrapGroupMedian judges membership on the day GroupMedian does: that
// of the period's first dated roll call, unanimous or not; and it has
// GroupMedian's periods, an all-unanimous one included (NaN, N 0).
//
// Fixture, by hand: Russia the reference, France a member throughout,
// Serbia a member from 2019-10-02. Session 74: 10-01 all yes (unanimous,
// dropped); 10-02 Russia yes, France yes, Serbia no; 10-03 Russia no,
// France no, Serbia yes. Session 75: one all-yes roll call. On 10-01 only
// France is a member, agreeing fully: median 1 with N 1 (judging on 10-02,
// the first roll call kept, would add Serbia's 0 and give 0.5 with N 2).
// Session 75 has no roll call left: NaN with N 0.
func TestBootstrapGroupMedianMembershipDay(t *testing.T) {
	rus, fra, srb := country(t, "RUS"), country(t, "FRA"), country(t, "SRB")
	Y, N := votes.Yes, votes.No
	ds := fixture(t, []votes.Country{fra, srb, rus}, []fixtureRC{
		{74, "2019-10-01", []votes.Vote{Y, Y, Y}},
		{74, "2019-10-02", []votes.Vote{Y, N, Y}},
		{74, "2019-10-03", []votes.Vote{N, Y, N}},
		{75, "2020-10-01", []votes.Vote{Y, Y, Y}},
	})
	joins := time.Date(2019, 10, 2, 0, 0, 0, 0, time.UTC)
	member := func(c votes.Country, on time.Time) bool {
		return c == fra || c == srb && !on.Before(joins)
	}
	same := func(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }
	for _, by := range []By{BySession, ByYear} {
		opts := &BootstrapOptions{Resamples: 50, Seed: 3}
		wantPeriods := map[By][]int{BySession: {74, 75}, ByYear: {2019, 2020}}[by]
		want := []Score{{Value: 1, N: 1}, {Value: math.NaN(), N: 0}}

		rs, err := WithReference(ds, by, rus, Agree, nil)
		if err != nil {
			t.Fatal(err)
		}
		gb, err := BootstrapGroupMedian(ds, by, rus, member, Agree, opts)
		if err != nil {
			t.Fatal(err)
		}
		gm := rs.GroupMedian(member)
		if g := gb.Intervals[0].Score; !same(g.Value, 1) || g.N != 1 {
			t.Errorf("by %v: first period %v, want 1 (n=1)", by, g)
		}
		if !slices.Equal(rs.Periods, wantPeriods) || !slices.Equal(gb.Periods, wantPeriods) {
			t.Errorf("by %v: periods %v (GroupMedian), %v (bootstrap), want %v", by, rs.Periods, gb.Periods, wantPeriods)
			continue
		}
		for k, w := range want {
			if g := gm[k]; !same(g.Value, w.Value) || g.N != w.N {
				t.Errorf("by %v, %d: GroupMedian %v, want %v", by, wantPeriods[k], g, w)
			}
			if g := gb.Intervals[k].Score; !same(g.Value, w.Value) || g.N != w.N {
				t.Errorf("by %v, %d: BootstrapGroupMedian %v, want %v", by, wantPeriods[k], g, w)
			}
		}
		if iv := gb.Intervals[0]; iv.Lo != 1 || iv.Hi != 1 {
			t.Errorf("by %v: interval %v, want [1, 1] (France agrees on every roll call)", by, iv)
		}
		if iv := gb.Intervals[1]; !math.IsNaN(iv.Lo) || !math.IsNaN(iv.Hi) {
			t.Errorf("by %v: all-unanimous period's interval %v, want NaN", by, iv)
		}
	}
}
