package alignment

import (
	"math"
	"testing"

	"github.com/unga-go/unga/votes"
)

// Each member's chance to defect on a roll call is the share of the
// members' cast votes that differ from the majority; the count of
// defections is a Poisson binomial, as in GroupRecord.Permutation.
// By hand, for members A-D (E outside the group keeps roll call 4 from
// being unanimous):
//
//	rc 1: y y y n    majority yes, chance 1/4
//	rc 2: y y n n    a tie: skipped
//	rc 3: y y a n    majority yes, chance 2/4
//	rc 4: y y y y    majority yes, chance 0 (E votes no)
//
// D defects on 1 and 3: expected 0.75, P(2 or more) = 1/4 * 2/4 = 0.125.
// C defects on 3: P(1 or more) = 1 - 3/4 * 2/4 = 0.625. A never: P = 1.
func TestDefectionPValueByHand(t *testing.T) {
	cs := []votes.Country{country(t, "USA"), country(t, "Canada"), country(t, "Mexico"), country(t, "Cuba"), country(t, "Brazil")}
	const y, a, n = votes.Yes, votes.Abstain, votes.No
	ds := fixture(t, cs, []fixtureRC{
		{74, "2019-11-01", []votes.Vote{y, y, y, n, y}},
		{74, "2019-11-02", []votes.Vote{y, y, n, n, y}},
		{74, "2019-11-03", []votes.Vote{y, y, a, n, y}},
		{74, "2019-11-04", []votes.Vote{y, y, y, y, n}},
	})
	rep, err := Defections(ds, votes.NewGroup("four", cs[:4]...), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][4]float64{ // defections, n, expected, p
		"USA": {0, 3, 0.75, 1}, "CAN": {0, 3, 0.75, 1}, "MEX": {1, 3, 0.75, 0.625}, "CUB": {2, 3, 0.75, 0.125},
	}
	for _, m := range rep.States {
		w := want[m.Country.ISO3]
		if float64(m.Defections) != w[0] || float64(m.N) != w[1] || math.Abs(m.Expected-w[2]) > 1e-12 || math.Abs(m.PValue-w[3]) > 1e-12 {
			t.Errorf("%s: %d of %d, expected %g, p %g; want %v", m.Country.ISO3, m.Defections, m.N, m.Expected, m.PValue, w)
		}
	}
	if len(rep.States) != 4 {
		t.Errorf("%d members", len(rep.States))
	}
	for _, r := range rep.rows() {
		if r.ISO3 == "CUB" && r.PValue != 0.125 {
			t.Errorf("Cuba's row: %+v", r)
		}
	}
}

// On the Crimea resolutions, Serbia's six defections of six from the
// Balkan majority are as unlikely as the permutation test's six votes
// with Russia: on each, Serbia's chance to defect is the share of Balkan
// votes that differ from the majority's yes.
func TestDefectionPValueCrimea(t *testing.T) {
	ds, balkans := crimea(t), group(t, "Balkans")
	rep, err := Defections(ds, balkans, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Serbia defected on every roll call it voted on, so the p-value is
	// the product of its chances, and the expected count their sum.
	srb, _ := ds.IndexOf(country(t, "Serbia"))
	p, sum := 1.0, 0.0
	for j, rc := range ds.RollCalls() {
		if !ds.Vote(srb, j).Cast() || rc.Unanimous {
			continue
		}
		cast, yes := 0, 0
		for i, c := range ds.Countries() {
			if v := ds.Vote(i, j); v.Cast() && balkans.Contains(c, rc.Date) {
				cast++
				if v == votes.Yes {
					yes++
				}
			}
		}
		q := float64(cast-yes) / float64(cast)
		p *= q
		sum += q
	}
	for _, m := range rep.States {
		if m.Country.ISO3 != "SRB" {
			continue
		}
		if m.Defections != 6 || m.N != 6 || math.Abs(m.PValue-p) > 1e-15 || math.Abs(m.Expected-sum) > 1e-12 {
			t.Errorf("Serbia: %+v, want p %g, expected %g", m, p, sum)
		}
		return
	}
	t.Error("Serbia not in the report")
}
