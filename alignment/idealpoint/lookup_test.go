package idealpoint

import (
	"context"
	"math"
	"slices"
	"testing"

	"github.com/unga-go/unga/votes"
)

// TestDynamicAt: At finds every position of a dynamic fit of sessions
// 50-56 on the real record, agrees with a linear scan of Path for every
// state of the record and every session 49-57, and reports the gaps the
// record holds: Bosnia and Herzegovina cast no vote in sessions 52 and 53,
// and Serbia (the Federal Republic of Yugoslavia, COW 345) none before
// session 55 (its seat was empty from 1992 to November 2000), so neither
// has a position there; the fit of sessions 50-74 in
// examples/idealpoints (its CSV) shows the same gaps.
func TestDynamicAt(t *testing.T) {
	ds := loadReal(t).Filter(votes.InSessions(50, 56))
	res, err := EstimateDynamic(context.Background(), ds, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Positions {
		if q, ok := res.At(p.Country, p.Session); !ok || q != p {
			t.Fatalf("At(%s, %d) = %+v, %v; want %+v", p.Country.ISO3, p.Session, q, ok, p)
		}
	}
	found := 0
	for i := range ds.NumCountries() {
		c := ds.Country(i)
		for s := 49; s <= 57; s++ {
			var want Position
			wantOK := false
			for _, q := range res.Path(c) {
				if q.Session == s {
					want, wantOK = q, true
				}
			}
			got, ok := res.At(c, s)
			if ok != wantOK || got != want {
				t.Errorf("At(%s, %d) = %+v, %v; Path has %+v, %v", c.ISO3, s, got, ok, want, wantOK)
			}
			if ok {
				found++
			}
		}
	}
	if found != len(res.Positions) {
		t.Errorf("At found %d positions over all states and sessions, want %d", found, len(res.Positions))
	}
	for _, tc := range []struct {
		key      string
		sessions []int
		want     []bool
	}{
		{"BIH", []int{50, 51, 52, 53, 54, 56}, []bool{true, true, false, false, true, true}},
		{"SRB", []int{50, 54, 55, 56}, []bool{false, false, true, true}},
		{"USA", []int{49, 50, 56, 57}, []bool{false, true, true, false}},
	} {
		c, err := votes.LookupCountry(tc.key)
		if err != nil {
			t.Fatal(err)
		}
		for k, s := range tc.sessions {
			p, ok := res.At(c, s)
			if ok != tc.want[k] || ok && (p.Country.COW != c.COW || p.Session != s) {
				t.Errorf("At(%s, %d) = %+v, %v; want found %v", tc.key, s, p, ok, tc.want[k])
			}
		}
	}
	if p, ok := res.At(votes.Country{COW: 99999}, 55); ok {
		t.Errorf("unknown state: At = %+v, true", p)
	}
	if p, ok := (&DynamicFit{}).At(votes.Country{COW: 2}, 55); ok {
		t.Errorf("empty result: At = %+v, true", p)
	}
}

// TestDynamicSeries: Series gives a state's path as four columns, the
// sessions with a position only (Bosnia and Herzegovina: 50, 51, 54, 55,
// 56; no vote in 52-53), the band IdealPoint ∓ z·SE with the textbook
// quantiles z = 1.959964 (95%) and 1.644854 (90%); nil columns for a state
// without a position; a panic for a level outside (0, 1), also then.
func TestDynamicSeries(t *testing.T) {
	res, err := EstimateDynamic(context.Background(), loadReal(t).Filter(votes.InSessions(50, 56)), nil)
	if err != nil {
		t.Fatal(err)
	}
	bih, err := votes.LookupCountry("BIH")
	if err != nil {
		t.Fatal(err)
	}
	path := res.Path(bih)
	for _, tc := range []struct{ level, z float64 }{{0.95, 1.959964}, {0.90, 1.644854}} {
		x, y, lo, hi := res.Series(bih, tc.level)
		if want := []float64{50, 51, 54, 55, 56}; !slices.Equal(x, want) {
			t.Fatalf("level %v: x = %v, want %v", tc.level, x, want)
		}
		if len(y) != len(x) || len(lo) != len(x) || len(hi) != len(x) {
			t.Fatalf("level %v: lengths %d, %d, %d, %d", tc.level, len(x), len(y), len(lo), len(hi))
		}
		for i, p := range path {
			if y[i] != p.IdealPoint || math.Abs(lo[i]-(p.IdealPoint-tc.z*p.SE)) > 1e-6 || math.Abs(hi[i]-(p.IdealPoint+tc.z*p.SE)) > 1e-6 {
				t.Errorf("level %v, session %d: %v [%v, %v]; want %v ∓ %v x %v", tc.level, p.Session, y[i], lo[i], hi[i], p.IdealPoint, tc.z, p.SE)
			}
		}
	}
	if x, y, lo, hi := res.Series(votes.Country{COW: 99999}, Level); x != nil || y != nil || lo != nil || hi != nil {
		t.Errorf("unknown state: %v %v %v %v", x, y, lo, hi)
	}
	for _, c := range []votes.Country{bih, {COW: 99999}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Series(%d, 95) did not panic", c.COW)
				}
			}()
			res.Series(c, 95)
		}()
	}
}
