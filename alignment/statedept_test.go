package alignment

import (
	"errors"
	"fmt"
	"testing"

	"github.com/unga-go/unga/votes"
)

// The State Department's three rules, on votes counted by hand. The same
// seven roll calls are held in 2016, 2018 and 2022; A and B vote:
//
//	yes-yes (unanimous: C votes yes too), no-no, yes-no, yes-abstain,
//	abstain-abstain, yes-absent, abstain-absent.
//
// Through 2016: identical / (identical + opposite) over yes and no votes:
// yes-yes and no-no identical, yes-no opposite: 2/3 on 3 roll calls.
// 2017-2020: (same + partial/2) / (same + partial + opposite), absences
// left out: same are yes-yes, no-no, abstain-abstain (3), partial
// yes-abstain (1), opposite yes-no (1): (3 + 1/2) / 5 = 0.7 on 5.
// From 2021: an absence is an abstention, so yes-absent is partial and
// abstain-absent same: (4 + 2/2) / 7 = 5/7 on 7.
func TestStateDepartmentByHand(t *testing.T) {
	a, b, c := country(t, "USA"), country(t, "France"), country(t, "Brazil")
	const y, ab, n, x = votes.Yes, votes.Abstain, votes.No, votes.Absent
	var rcs []fixtureRC
	for _, yr := range []struct{ session, year int }{{71, 2016}, {73, 2018}, {77, 2022}} {
		for k, v := range [][3]votes.Vote{{y, y, y}, {n, n, y}, {y, n, y}, {y, ab, y}, {ab, ab, y}, {y, x, n}, {ab, x, y}} {
			rcs = append(rcs, fixtureRC{yr.session, fmt.Sprintf("%d-11-%02d", yr.year, k+1), v[:]})
		}
	}
	ds := fixture(t, []votes.Country{a, b, c}, rcs)
	for _, tc := range []struct {
		year int
		want Score
	}{
		{2016, Score{2.0 / 3, 3}},
		{2018, Score{0.7, 5}},
		{2022, Score{5.0 / 7, 7}},
	} {
		got, err := StateDepartment(ds, tc.year, a, b)
		if err != nil {
			t.Fatal(err)
		}
		if got.N != tc.want.N || got.Value != tc.want.Value {
			t.Errorf("%d: %v, want %v", tc.year, got, tc.want)
		}
		// The rule is the same from both sides.
		if back, _ := StateDepartment(ds, tc.year, b, a); back != got {
			t.Errorf("%d: %v from B's side, %v from A's", tc.year, back, got)
		}
	}
	// The years between keep the rule of their report.
	for year, want := range map[int]Index{1990: Coincidence, 2016: Coincidence, 2017: CoincidencePartial, 2020: CoincidencePartial, 2021: CoincidencePartial} {
		x, o := StateDepartmentRule(year)
		if x != want || !o.KeepUnanimous || o.AbsentAsAbstain != (year >= 2021) {
			t.Errorf("%d: %v %+v", year, x, o)
		}
	}
	if _, err := StateDepartment(ds, 2019, a, b); !errors.Is(err, ErrEmpty) {
		t.Errorf("a year without roll calls: %v, want ErrEmpty", err)
	}
}

// On the record, the measure is Coincidence over the calendar year with
// unanimous roll calls kept: in 2009, two on which both voted count.
func TestStateDepartmentRecord(t *testing.T) {
	ds := load(t)
	usa, isr := country(t, "USA"), country(t, "Israel")
	got, err := StateDepartment(ds, 2009, usa, isr)
	if err != nil {
		t.Fatal(err)
	}
	y2010 := ds.Filter(votes.InYears(2009, 2009))
	tab, err := Pair(y2010, usa, isr, &Options{KeepUnanimous: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := tab.Score(Coincidence, 1); got != want {
		t.Errorf("2009: %v, want %v", got, want)
	}
	dropped, _ := Pair(y2010, usa, isr, nil)
	if got.String() != "0.9701 (n=67)" || dropped.Score(Coincidence, 1).N != 65 {
		t.Errorf("2009: the same score with unanimous roll calls dropped (%v): the test cannot tell", got)
	}
}
