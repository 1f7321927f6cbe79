package alignment

import (
	"errors"
	"math"
	"regexp"
	"testing"

	"github.com/unga-go/unga/votes"
)

// ComparePeriods scores each selection as Rank does and resamples the
// first as BootstrapReference does with the same seed; the change is the
// difference, ranked with NaN last.
func TestComparePeriods(t *testing.T) {
	ds := load(t)
	chn := country(t, "China")
	before, after := ds.Filter(votes.InYears(2000, 2004)), ds.Filter(votes.InYears(2015, 2019))
	opts := &BootstrapOptions{Options: Options{MinN: 20}, Seed: 7, Resamples: 200}
	cp, err := ComparePeriods(before, after, chn, Agree, opts)
	if err != nil {
		t.Fatal(err)
	}
	rb, err := Rank(before, chn, Agree, &opts.Options)
	if err != nil {
		t.Fatal(err)
	}
	ra, err := Rank(after, chn, Agree, &opts.Options)
	if err != nil {
		t.Fatal(err)
	}
	boot, err := BootstrapReference(before, chn, Agree, opts)
	if err != nil {
		t.Fatal(err)
	}
	byCOW := func(rk *Ranking) map[int]Ranked {
		m := map[int]Ranked{}
		for _, s := range rk.States {
			m[s.Country.COW] = s
		}
		return m
	}
	mb, ma := byCOW(rb), byCOW(ra)
	seenNaN := false
	for k, s := range cp.States {
		b, okb := mb[s.Country.COW]
		a, oka := ma[s.Country.COW]
		if okb && !same(b.Score, s.Before.Score) || oka && !same(a.Score, s.After.Score) {
			t.Errorf("%s: before %v after %v, Rank gives %v and %v", s.Country, s.Before.Score, s.After.Score, b.Score, a.Score)
		}
		if !okb && !math.IsNaN(s.Before.Value) || !oka && !math.IsNaN(s.After.Value) {
			t.Errorf("%s: a score where Rank has none: %v %v", s.Country, s.Before, s.After)
		}
		if bi, ok := boot.lookup(s.Country); ok && !sameFloat(bi.Lo, s.Before.Lo) {
			t.Errorf("%s: before interval %v, BootstrapReference %v", s.Country, s.Before, bi.Interval)
		}
		want := s.After.Value - s.Before.Value
		if !sameFloat(want, s.Change.Value) || s.Change.N != min(s.Before.N, s.After.N) {
			t.Errorf("%s: change %v, want %g", s.Country, s.Change, want)
		}
		nan := math.IsNaN(s.Change.Value)
		if nan != (s.Rank == 0) || !nan && s.Rank != k+1 {
			t.Errorf("%s: rank %d at place %d, change %v", s.Country, s.Rank, k+1, s.Change)
		}
		if seenNaN && !nan {
			t.Fatalf("%s: a change after a NaN one", s.Country)
		}
		seenNaN = seenNaN || nan
		if !nan && !(s.Change.Lo <= s.Change.Value && s.Change.Value <= s.Change.Hi) {
			t.Errorf("%s: change %v outside its interval", s.Country, s.Change)
		}
		if k > 0 && !nan && s.Change.Value > cp.States[k-1].Change.Value {
			t.Errorf("%s: not ranked by change", s.Country)
		}
	}
	if !seenNaN {
		t.Error("no state without a change: South Sudan and Montenegro should have none")
	}
	// South Sudan joined in 2011: no score before, and listed after every
	// number; Montenegro likewise.
	for _, key := range []string{"South Sudan", "Montenegro"} {
		s, ok := cp.lookup(country(t, key))
		if !ok || !math.IsNaN(s.Change.Value) || s.Rank != 0 || s.MemberBefore.RollCalls != 0 || !s.MemberAfter.full() {
			t.Errorf("%s: %+v", key, s)
		}
	}

	text := cp.String()
	if !regexp.MustCompile(`(?m)^   -  South Sudan .* NA \[NA, NA\]; before: not a member$`).MatchString(text) ||
		!regexp.MustCompile(`(?m)^ +\d+  Liberia .*; before: member 2004-10-22 to 2004-12-23 \(85 of 446 roll calls\)$`).MatchString(text) {
		t.Errorf("WriteTo does not say which states were members for part of a period:\n%s", text)
	}

	opts.MinMembership = 0.95
	cp, err = ComparePeriods(before, after, chn, Agree, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range cp.States {
		if s.MemberBefore.Share() < 0.95 || s.MemberAfter.Share() < 0.95 {
			t.Errorf("%s ranked with MinMembership 0.95: %v %v", s.Country, s.MemberBefore, s.MemberAfter)
		}
	}
	if len(cp.Partial) != 16 {
		t.Errorf("%d states left out with MinMembership 0.95, want 16: %v", len(cp.Partial), cp.Partial)
	}

	// Errors name the selection.
	_, err = ComparePeriods(before, ds.Filter(votes.InYears(1946, 1950)), country(t, "Bangladesh"), Agree, opts)
	if !errors.Is(err, ErrNoVotes) {
		t.Errorf("Bangladesh in 1946-1950: %v, want ErrNoVotes", err)
	}
	opts.MinMembership = 1.5
	if _, err := ComparePeriods(before, after, chn, Agree, opts); !errors.Is(err, ErrInvalidOptions) {
		t.Errorf("MinMembership 1.5: %v, want ErrInvalidOptions", err)
	}
}

func same(a, b Score) bool { return a.N == b.N && sameFloat(a.Value, b.Value) }

func sameFloat(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }

// The change's interval against an independent computation,
// testdata/compare_periods.py (Python's own generator, 20000 resamples):
// China and the United States, Agree 0.2540 (n=435) in 2000-2004 and
// 0.2889 (n=495) in 2015-2019, change +0.0349 [-0.0133, +0.0837]. The
// random draws differ, so the ends agree within the Monte Carlo error: the
// sd of a 2.5% quantile of 2000 resamples is sqrt(0.025*0.975/2000) /
// density, about 0.0015 for a change whose sd is 0.025; the tolerance is
// four of them.
func TestComparePeriodsIndependent(t *testing.T) {
	ds := load(t)
	chn, usa := country(t, "China"), country(t, "USA")
	two := func(c votes.Country) bool { return c == chn || c == usa }
	before := ds.Filter(votes.InYears(2000, 2004)).SelectCountries(two)
	after := ds.Filter(votes.InYears(2015, 2019)).SelectCountries(two)
	cp, err := ComparePeriods(before, after, chn, Agree, &BootstrapOptions{Resamples: 2000, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	s, ok := cp.lookup(usa)
	if !ok {
		t.Fatal("no United States")
	}
	if s.Before.N != 435 || !near(s.Before.Value, 0.2540, 5e-5) || s.After.N != 495 || !near(s.After.Value, 0.2889, 5e-5) ||
		!near(s.Change.Value, 0.0349, 1e-4) {
		t.Errorf("scores %v -> %v, change %v; want 0.2540 (n=435) -> 0.2889 (n=495), +0.0349", s.Before, s.After, s.Change)
	}
	if !near(s.Change.Lo, -0.0133, 0.006) || !near(s.Change.Hi, 0.0837, 0.006) {
		t.Errorf("change interval [%.4f, %.4f], want about [-0.0133, +0.0837]", s.Change.Lo, s.Change.Hi)
	}
	// Were the change's interval that of either score (or their
	// difference's ends), it would miss: it is wider than each and holds 0.
	if !(s.Change.Hi-s.Change.Lo > s.Before.Hi-s.Before.Lo && s.Change.Lo < 0 && s.Change.Hi > 0) {
		t.Errorf("change interval %v narrower than before's %v", s.Change, s.Before)
	}
}
