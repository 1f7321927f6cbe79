package alignment

import (
	"fmt"
	"math"
)

// The method and function of this file give a series as the slices that
// chart.Line takes (X, Y and, with an interval, Lo and Hi), as
// idealpoint.DynamicFit.Series does for ideal points, so that a series
// and its band go into chart.Lines in one call:
//
//	x, y, lo, hi := sb.Series()
//	c, err := chart.Lines([]chart.Line{{Name: "SRB-RUS", X: x, Y: y, Lo: lo, Hi: hi}}, nil)
//
// X holds the periods (sessions, or calendar years for a series by year).
// A NaN score stays NaN, so that chart.Lines leaves a gap there instead of
// bridging a period without a score.

// Series returns the series as chart.Lines takes it: the periods as x, the
// scores as y and the ends of their intervals as lo and hi, one per
// period. A period without a score has NaN in y, lo and hi.
func (sb *SeriesBootstrap) Series() (x, y, lo, hi []float64) {
	n := len(sb.Periods)
	x, y, lo, hi = make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	for k, p := range sb.Periods {
		iv := sb.Intervals[k]
		x[k], y[k], lo[k], hi[k] = float64(p), iv.Value, iv.Lo, iv.Hi
		if math.IsNaN(iv.Value) {
			lo[k], hi[k] = math.NaN(), math.NaN()
		}
	}
	return x, y, lo, hi
}

// XY returns the scores of a series without intervals, one per period, as
// chart.Line takes them: the periods as x and the scores' values as y (NaN
// where a period has no score, which chart.Lines leaves as a gap). It
// takes the scores of PairSeries.Scores, MatrixSeries.Pair,
// ReferenceSeries.State and GroupMedian, and CohesionSeries.Rice and HNR,
// with the series' Periods. It panics if scores and periods differ in length.
func XY(periods []int, scores []Score) (x, y []float64) {
	if len(periods) != len(scores) {
		panic(fmt.Sprintf("alignment: XY: %d periods and %d scores", len(periods), len(scores)))
	}
	x, y = make([]float64, len(scores)), make([]float64, len(scores))
	for k, s := range scores {
		x[k], y[k] = float64(periods[k]), s.Value
	}
	return x, y
}
