package idealpoint

import (
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
	res, err := EstimateDynamic(ds, nil)
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
	if p, ok := (&DynamicResult{}).At(votes.Country{COW: 2}, 55); ok {
		t.Errorf("empty result: At = %+v, true", p)
	}
}
