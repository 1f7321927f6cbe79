package alignment

import (
	"math"
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
	gb, err := BootstrapGroupMedian(ds, srb, eu.Contains, Agree, opts)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := WithReference(ds, srb, Agree, &opts.Options)
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
	again, err := BootstrapGroupMedian(ds, srb, eu.Contains, Agree, opts)
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
	one, err := BootstrapGroupMedian(ds, srb, alone, Agree, opts)
	if err != nil {
		t.Fatal(err)
	}
	pair, err := BootstrapPairSeries(ds, srb, rus, Agree, opts)
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
