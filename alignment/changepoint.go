package alignment

import (
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/unga-go/unga/internal/tidy"
)

// ChangeOptions controls ChangePoints. A nil pointer or the zero value
// means the defaults.
type ChangeOptions struct {
	// Penalty is the cost of one more change point, in units of -2 log
	// likelihood; zero means 3.5 ln T for a series of T periods: BIC's
	// ln T for each of the change's date and new level, and a margin for
	// the noise variance being estimated, set by simulation so that 30
	// sessions of 80 roll calls with no change show a false one in about
	// 2.5% of series (TestChangePointsSimulated). A negative, NaN or
	// infinite penalty is an error (ErrInvalidOptions).
	Penalty float64
	// MinSize is the least number of periods in a segment; zero means 3,
	// and a negative MinSize is an error (ErrInvalidOptions).
	MinSize int
	// Level is the coverage of the interval for each change's date; zero
	// means 0.95, and a level not in (0, 1) is an error
	// (ErrInvalidOptions).
	Level float64
}

// get returns the options for a series of t periods with the defaults
// filled in, or an error wrapping ErrInvalidOptions.
func (o *ChangeOptions) get(t int) (ChangeOptions, error) {
	var r ChangeOptions
	if o != nil {
		r = *o
	}
	if !finite(r.Penalty) || r.Penalty < 0 {
		return r, invalid("change-point Penalty %g is not a finite number >= 0", r.Penalty)
	}
	if r.MinSize < 0 {
		return r, invalid("change-point MinSize %d is negative", r.MinSize)
	}
	if r.Penalty == 0 {
		r.Penalty = 3.5 * math.Log(float64(max(t, 2)))
	}
	if r.MinSize == 0 {
		r.MinSize = 3
	}
	var err error
	r.Level, err = levelOrDefault("change-point", r.Level)
	return r, err
}

// A Segment is a run of periods at one level.
type Segment struct {
	From, To int // first and last key
	Periods  int // periods in it
	N        int // roll calls behind it
	// Level is the mean score, each period weighted by its n; SE is its
	// standard error under the model.
	Level, SE float64
}

// A ChangePoint is a change of level between two segments: Changes.Points[k]
// lies between Changes.Segments[k] and Segments[k+1], whose Levels are the
// levels before and after it.
type ChangePoint struct {
	// Key is the first key (session or year) at the new level; Lo and Hi
	// bound it at the report's level: the keys at which the change could
	// start with a likelihood not significantly below that of Key.
	Key, Lo, Hi int
}

// Changes holds the change points of a series of scores.
type Changes struct {
	// Skipped lists the keys of the periods left out for having no
	// score (NaN, or n = 0).
	Skipped []int
	// Segments partition the periods kept, in order; Points has one
	// change between each two.
	Segments []Segment
	Points   []ChangePoint
	variance float64 // v of one roll call's score: a period on n has v/n
	keys     []int   // the periods kept
	scores   []Score // their scores
	level    float64 // the coverage of the date intervals
}

// ChangePoints finds the changes of level in a series of scores, one per
// key (session or calendar year), such as PairSeries.Scores or a column
// of a ReferenceSeries gives. Keys must be increasing.
//
// The model: a score on n roll calls is Gaussian around its segment's
// level with variance v/n, v being the variance of one roll call's
// contribution. v is estimated from the successive differences
// d_k = (y_k+1 - y_k) / sqrt(1/n_k + 1/n_k+1), which have variance v
// where the level holds, as the mean of d_k^2: first over all of them,
// then, once the changes are found, over those within segments, and the
// series segmented again. Estimating v from the data takes in the spread
// of scores from one session to the next beyond that of independent roll
// calls, which the binomial variance m(1-m) would miss; v is held at
// least m(1-m)/4, m being the mean score, so that a run of identical
// scores does not make every difference look certain.
//
// The segmentation minimises the sum over segments of sum n_k (y_k -
// level)^2 / v (-2 log likelihood) plus Penalty per change point, exactly,
// by optimal partitioning (the dynamic programme that PELT prunes; a few
// hundred periods need no pruning), with segments of at least MinSize
// periods.
//
// Each change's date interval holds the other changes fixed and keeps
// the dates whose -2 log likelihood is within c of the best, with
// c = -2 ln(1 - sqrt(Level)) (7.35 for 95%): for a Gaussian shift the
// excess at the true date is, in the limit, the larger of two independent
// exponentials of mean 2 (Hinkley 1970), which c bounds with chance Level.
//
// A series whose N is not a number of roll calls (GroupMedian's N counts
// members) should be given an effective N: EffectiveN of each period's
// bootstrap interval (BootstrapGroupMedian), so that periods weigh by how
// precise they are. Setting every N to 1 instead makes the floor on v
// (m(1-m)/4 per period) swamp differences of a few hundredths.
//
// It returns ErrEmpty if no score is left, ErrInvalidScore for an
// infinite score or a negative n, and ErrInvalidOptions for a bad option.
// It panics if len(keys) != len(scores) or the keys are not increasing.
func ChangePoints(keys []int, scores []Score, opts *ChangeOptions) (*Changes, error) {
	if len(keys) != len(scores) {
		panic(fmt.Sprintf("alignment: %d keys for %d scores", len(keys), len(scores)))
	}
	if _, err := opts.get(len(keys)); err != nil {
		return nil, err
	}
	ch := &Changes{}
	for k, key := range keys {
		if k > 0 && key <= keys[k-1] {
			panic(fmt.Sprintf("alignment: change-point keys not increasing: %d after %d", key, keys[k-1]))
		}
		if s := scores[k]; math.IsInf(s.Value, 0) || s.N < 0 {
			return nil, fmt.Errorf("%w: the score of key %d is %v", ErrInvalidScore, key, s)
		}
		if s := scores[k]; math.IsNaN(s.Value) || s.N <= 0 {
			ch.Skipped = append(ch.Skipped, key)
			continue
		}
		ch.keys = append(ch.keys, key)
		ch.scores = append(ch.scores, scores[k])
	}
	t := len(ch.keys)
	if t == 0 {
		return nil, ErrEmpty
	}
	o, _ := opts.get(t) // checked above
	ch.level = o.Level

	// Prefix sums of w, w*y and w*y^2, w = n.
	sw, swy, swyy := make([]float64, t+1), make([]float64, t+1), make([]float64, t+1)
	for k, s := range ch.scores {
		w := float64(s.N)
		sw[k+1], swy[k+1], swyy[k+1] = sw[k]+w, swy[k]+w*s.Value, swyy[k]+w*s.Value*s.Value
	}
	m := swy[t] / sw[t]
	floor := math.Max(m*(1-m)/4, 1e-12)
	// sse is the weighted sum of squares of periods [a, b) about their
	// level: their cost is sse/v.
	sse := func(a, b int) float64 {
		w, wy := sw[b]-sw[a], swy[b]-swy[a]
		return math.Max(0, swyy[b]-swyy[a]-wy*wy/w)
	}
	segment := func(v float64) []int {
		cost := func(a, b int) float64 { return sse(a, b) / v }
		// Optimal partitioning: best[b] is the least penalised cost of
		// periods [0, b), last[b] where its last segment starts.
		best, last := make([]float64, t+1), make([]int, t+1)
		best[0] = -o.Penalty
		for b := 1; b <= t; b++ {
			best[b], last[b] = math.Inf(1), 0
			if b < o.MinSize {
				best[b] = cost(0, b) // only the whole series can be this short
				continue
			}
			for a := 0; a <= b-o.MinSize; a++ {
				if a > 0 && a < o.MinSize {
					continue
				}
				if c := best[a] + cost(a, b) + o.Penalty; c < best[b] {
					best[b], last[b] = c, a
				}
			}
		}
		var cuts []int // segment starts after the first, increasing
		for b := t; b > 0; b = last[b] {
			if last[b] > 0 {
				cuts = append(cuts, last[b])
			}
		}
		slices.Reverse(cuts)
		return cuts
	}
	// First pass: v from all differences. Second: from the differences
	// within the segments found, so that the jumps do not count as noise.
	v := noiseVariance(ch.scores, nil)
	if t < 2 || math.IsNaN(v) {
		v = floor
	}
	v = math.Max(v, floor)
	cuts := segment(v)
	if len(cuts) > 0 {
		if v2 := noiseVariance(ch.scores, func(k int) bool { return !slices.Contains(cuts, k+1) }); !math.IsNaN(v2) {
			v = math.Max(v2, floor)
			cuts = segment(v)
		}
	}
	ch.variance = v
	cost := func(a, b int) float64 { return sse(a, b) / v }
	bounds := append(append([]int{0}, cuts...), t)
	for s := 0; s+1 < len(bounds); s++ {
		a, b := bounds[s], bounds[s+1]
		w := sw[b] - sw[a]
		ch.Segments = append(ch.Segments, Segment{
			From: ch.keys[a], To: ch.keys[b-1], Periods: b - a, N: int(w),
			Level: (swy[b] - swy[a]) / w, SE: math.Sqrt(v / w),
		})
	}
	crit := -2 * math.Log(1-math.Sqrt(o.Level))
	for s, tau := range cuts {
		a, b := bounds[s], bounds[s+2]
		at := cost(a, tau) + cost(tau, b)
		lo, hi := tau, tau
		for u := a + o.MinSize; u <= b-o.MinSize; u++ {
			if cost(a, u)+cost(u, b)-at <= crit {
				lo, hi = min(lo, u), max(hi, u)
			}
		}
		ch.Points = append(ch.Points, ChangePoint{
			Key: ch.keys[tau], Lo: ch.keys[lo], Hi: ch.keys[hi],
		})
	}
	return ch, nil
}

// noiseVariance estimates the variance v of one roll call's contribution
// from the successive differences of the scores scaled by their n,
// d_k = (y_k+1 - y_k) / sqrt(1/n_k + 1/n_k+1), which have variance v where
// the level does not change: the mean of d_k^2 over the k for which
// within(k) holds (nil: all). NaN with no difference.
func noiseVariance(scores []Score, within func(k int) bool) float64 {
	s, n := 0.0, 0
	for k := range len(scores) - 1 {
		if within != nil && !within(k) {
			continue
		}
		a, b := scores[k], scores[k+1]
		d := (b.Value - a.Value) / math.Sqrt(1/float64(a.N)+1/float64(b.N))
		s += d * d
		n++
	}
	return s / float64(n)
}

// changeRow is one change point in tidy form: the first key at the new
// level with its interval, and the levels before and after.
type changeRow struct {
	Key    int     `csv:"key"`
	Lo     int     `csv:"lo"`
	Hi     int     `csv:"hi"`
	Level  float64 `csv:"level"`
	Before float64 `csv:"before"`
	After  float64 `csv:"after"`
}

// rows returns the rows of WriteCSV.
func (ch *Changes) rows() []changeRow {
	out := make([]changeRow, len(ch.Points))
	for k, p := range ch.Points {
		out[k] = changeRow{p.Key, p.Lo, p.Hi, ch.level, ch.Segments[k].Level, ch.Segments[k+1].Level}
	}
	return out
}

// WriteCSV writes as tidy CSV, with a header line, one tidy row per change
// point, in order.
func (ch *Changes) WriteCSV(w io.Writer) error { return tidy.Write(w, ch.rows()) }

// String lists the segments and the change points.
func (ch *Changes) String() string {
	s := fmt.Sprintf("%d change points over %d periods (%d skipped)\n", len(ch.Points), len(ch.keys), len(ch.Skipped))
	for k, g := range ch.Segments {
		s += fmt.Sprintf("%d-%d: %.3f (se %.3f, n=%d)\n", g.From, g.To, g.Level, g.SE, g.N)
		if k < len(ch.Points) {
			p := ch.Points[k]
			s += fmt.Sprintf("  change at %d [%d, %d]: %.3f -> %.3f\n", p.Key, p.Lo, p.Hi, g.Level, ch.Segments[k+1].Level)
		}
	}
	return s
}
