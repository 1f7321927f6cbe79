package idealpoint

import (
	"slices"
	"testing"

	"gonum.org/v1/gonum/stat"
)

// seStats measures a dynamic fit's standard errors against the posterior
// standard deviations of Bailey, Strezhnev & Voeten (their (Q95-Q5)/3.29)
// in one session, over the states in both: the Pearson correlation of our
// SE with their sd, and the ratio of the two relative to the spread of the
// points in the session, median over states of
// (SE/sd(our points)) / (theirSD/sd(their points)).
func seStats(res *DynamicResult, bsv *Published, session int) (r, ratio float64, n int) {
	var se, sd, x, y []float64
	for _, p := range res.Session(session) {
		if e, ok := bsv.Get(p.Country, session); ok {
			se = append(se, p.SE)
			sd = append(sd, e.SD())
			x = append(x, p.IdealPoint)
			y = append(y, e.IdealPoint)
		}
	}
	if len(se) < 3 {
		return 0, 0, len(se)
	}
	scale := stat.PopStdDev(y, nil) / stat.PopStdDev(x, nil)
	q := make([]float64, len(se))
	for i := range se {
		q[i] = se[i] / sd[i] * scale
	}
	slices.Sort(q)
	return stat.Correlation(se, sd, nil), stat.Quantile(0.5, stat.Empirical, q, nil), len(se)
}

func TestUncertaintyAgainstBSV(t *testing.T) {
	if testing.Short() {
		t.Skip("fits sessions 1-74")
	}
	ds := loadReal(t)
	bsv := readBSV(t)
	res, err := EstimateDynamic(ds, nil)
	if err != nil {
		t.Fatal(err)
	}
	var rs, ratios []float64
	for s := 50; s <= 74; s++ {
		r, ratio, n := seStats(res, bsv, s)
		t.Logf("session %d: %d states, r(SE, BSV sd) = %.3f, ratio %.3f", s, n, r, ratio)
		rs = append(rs, r)
		ratios = append(ratios, ratio)
	}
	slices.Sort(ratios)
	t.Logf("mean r %.3f min r %.3f; ratio median %.3f range %.3f-%.3f", stat.Mean(rs, nil), slices.Min(rs), ratios[len(ratios)/2], ratios[0], ratios[len(ratios)-1])
}
