package alignment_test

import (
	"fmt"
	"io"
	"math"
	"testing"

	"github.com/unga-go/unga/alignment"
	"github.com/unga-go/unga/chart"
	"github.com/unga-go/unga/votes"
)

// Serbia's agreement with Russia, sessions 70-74, drawn with its bootstrap
// band: Series gives chart.Lines what it takes.
func ExampleSeriesBootstrap_Series() {
	ds := must(record())
	srb, rus := must(votes.LookupCountry("SRB")), must(votes.LookupCountry("RUS"))
	sb := must(alignment.BootstrapPairSeries(ds.Filter(votes.InSessions(70, 74)), alignment.BySession, srb, rus, alignment.Agree, &alignment.BootstrapOptions{Seed: 1}))
	x, y, lo, hi := sb.Series()
	c, err := chart.Lines([]chart.Line{{Name: "Serbia with Russia", X: x, Y: y, Lo: lo, Hi: hi}},
		&chart.LinesOptions{XLabel: "session", YLabel: "agreement"})
	if err != nil {
		panic(err)
	}
	if err := c.WriteSVG(io.Discard); err != nil {
		panic(err)
	}
	for k := range x {
		fmt.Printf("%.0f %.4f [%.4f, %.4f]\n", x[k], y[k], lo[k], hi[k])
	}
	// The numbers of ExampleBootstrapPairSeries.

	// Output:
	// 70 0.6690 [0.5704, 0.7535]
	// 71 0.6376 [0.5648, 0.7096]
	// 72 0.7018 [0.6347, 0.7679]
	// 73 0.7826 [0.7055, 0.8495]
	// 74 0.7439 [0.6707, 0.8171]
}

// TestSeriesLines: every series result goes into chart.Lines as it comes,
// its periods as X, a period without a score as a gap.
func TestSeriesLines(t *testing.T) {
	ds := must(record()).Filter(votes.InSessions(63, 68))
	ssd, usa := must(votes.LookupCountry("South Sudan")), must(votes.LookupCountry("USA"))
	// South Sudan joined in July 2011, near the end of session 65, and
	// cast no vote of the record before session 66: no score in 63-65.
	sb := must(alignment.BootstrapPairSeries(ds, alignment.BySession, ssd, usa, alignment.Agree, &alignment.BootstrapOptions{Seed: 1, Resamples: 200}))
	x, y, lo, hi := sb.Series()
	gaps := 0
	for k, p := range sb.Periods {
		iv := sb.Intervals[k]
		if x[k] != float64(p) || !same(y[k], iv.Value) || !same(lo[k], iv.Lo) || !same(hi[k], iv.Hi) {
			t.Errorf("period %d: (%v, %v, %v, %v), interval %v", p, x[k], y[k], lo[k], hi[k], iv)
		}
		if math.IsNaN(y[k]) {
			gaps++
			if !math.IsNaN(lo[k]) || !math.IsNaN(hi[k]) {
				t.Errorf("period %d: no score, band [%v, %v]", p, lo[k], hi[k])
			}
		}
	}
	if gaps != 3 || len(x) != 6 {
		t.Errorf("%d periods, %d without a score; want 6 and 3 (sessions 63-65)", len(x), gaps)
	}

	balkans := must(votes.LookupGroup("Balkans"))
	cs := must(alignment.CohesionBy(ds, alignment.BySession, balkans, nil))
	cx, rice := alignment.XY(cs.Periods, cs.Rice)
	_, hnr := alignment.XY(cs.Periods, cs.HNR)
	for k, p := range cs.Periods {
		if cx[k] != float64(p) || !same(rice[k], cs.Rice[k].Value) || !same(hnr[k], cs.HNR[k].Value) {
			t.Errorf("cohesion, period %d: (%v, %v, %v), want %v and %v", p, cx[k], rice[k], hnr[k], cs.Rice[k], cs.HNR[k])
		}
	}

	rs := must(alignment.WithReference(ds, alignment.ByYear, usa, alignment.Agree, nil))
	med := rs.GroupMedian(balkans.Contains)
	mx, my := alignment.XY(rs.Periods, med)
	for k, p := range rs.Periods {
		if mx[k] != float64(p) || !same(my[k], med[k].Value) {
			t.Errorf("group median, year %d: (%v, %v), want %v", p, mx[k], my[k], med[k])
		}
	}
	ssdScores, err := rs.State(ssd)
	if err != nil {
		t.Fatal(err)
	}
	sx, sy := alignment.XY(rs.Periods, ssdScores)

	lines := []chart.Line{
		{Name: "SSD-USA", X: x, Y: y, Lo: lo, Hi: hi},
		{Name: "Balkans Rice", X: cx, Y: rice},
		{Name: "Balkans HNR", X: cx, Y: hnr},
		{Name: "Balkan median with the US", X: mx, Y: my},
		{Name: "SSD with the US", X: sx, Y: sy},
	}
	for _, l := range lines {
		c, err := chart.Lines([]chart.Line{l}, nil)
		if err != nil {
			t.Fatalf("%s: %v", l.Name, err)
		}
		if err := c.WriteSVG(io.Discard); err != nil {
			t.Fatal(err)
		}
	}

	defer func() {
		if r := recover(); r == nil || fmt.Sprint(r) != "alignment: XY: 2 periods and 1 scores" {
			t.Errorf("XY with 2 periods and 1 score: panic %v", r)
		}
	}()
	alignment.XY([]int{1, 2}, []alignment.Score{{Value: 1}})
}

// same reports a == b, NaN equal to NaN.
func same(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }
