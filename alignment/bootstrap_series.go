package alignment

import (
	"cmp"
	"io"
	"math"
	"slices"
	"time"

	"github.com/unga-go/unga/internal/tidy"
	"github.com/unga-go/unga/votes"
	"gonum.org/v1/gonum/stat/distuv"
)

// SeriesBootstrap is a pair's score in each session (or calendar year)
// with bootstrap intervals, the roll calls resampled within each period;
// or, from BootstrapGroupMedian, a group's median score with state A (B is
// then the zero Country).
type SeriesBootstrap struct {
	A, B  votes.Country
	Index Index
	// By says whether Periods are sessions or calendar years.
	By By
	// Periods are the sessions (or years) in order; Intervals[k] is
	// Periods[k]'s. From BootstrapPairSeries they are those holding a roll
	// call left after dropping unanimous ones; from BootstrapGroupMedian
	// they are ReferenceSeries.Periods, every period of the dataset, so
	// that Intervals[k] is the period of ReferenceSeries.GroupMedian's
	// k-th score.
	Periods   []int
	Intervals []Interval
	// Undated counts the roll calls left out for want of a date (by year
	// only): from BootstrapPairSeries those left after dropping unanimous
	// ones, from BootstrapGroupMedian all of them, as ReferenceSeries
	// counts them.
	Undated int
}

// BootstrapPairSeries returns index x of states a and b in every period of
// ds (session or calendar year, as by says) with a percentile
// interval: each resample draws, with replacement, as many roll calls from
// each period as it holds, so that each period's interval reflects its
// own roll calls. By year, roll calls without a date are left out and
// counted in Undated. Periods in which the pair never voted together have
// a NaN score and interval. It returns Pair's errors (ErrNoVotes if either
// state cast no vote on the roll calls), and ErrInvalidOptions for a bad
// option or fewer resamples than MinResamples(opts.Level). It panics if x
// or by is not one of the constants.
func BootstrapPairSeries(ds *votes.Dataset, by By, a, b votes.Country, x Index, opts *BootstrapOptions) (*SeriesBootstrap, error) {
	by.check()
	x.check()
	o, err := opts.intervals()
	if err != nil {
		return nil, err
	}
	if err := o.takesNoMembership("BootstrapPairSeries"); err != nil {
		return nil, err
	}
	ia, ib, err := pairVoters(ds, a, b, &o.Options)
	if err != nil {
		return nil, err
	}
	key := periodKey(by)
	rs, err := resamplerOf(ds, o, key)
	if err != nil {
		return nil, err
	}
	codes := rs.cellCodes(ia, ib)
	sb := &SeriesBootstrap{A: a, B: b, Index: x, By: by, Periods: slices.Clone(rs.keys), Intervals: make([]Interval, len(rs.keys)), Undated: rs.left}
	parallelWith(len(rs.keys), func(s *seriesScratch, k int) {
		s.cols = rs.appendStratum(s.cols[:0], -1, k)
		t := tableOfCells(codes, s.cols)
		s.reps = slices.Grow(s.reps[:0], o.Resamples)[:o.Resamples]
		for r := range o.Resamples {
			s.cols = rs.appendStratum(s.cols[:0], r, k)
			rt := tableOfCells(codes, s.cols)
			s.reps[r] = rt.Score(x, o.MinN).Value
		}
		sb.Intervals[k] = o.interval(t.Score(x, o.MinN), s.reps)
	})
	return sb, nil
}

// periodKey returns the key of a roll call's period (false for an undated
// roll call by year).
func periodKey(by By) func(*votes.RollCall) (int, bool) {
	by.check()
	if by == ByYear {
		return func(rc *votes.RollCall) (int, bool) { return rc.Year(), rc.Year() != 0 }
	}
	return func(rc *votes.RollCall) (int, bool) { return rc.Session, true }
}

// BootstrapGroupMedian returns, period by period, the median of ref's
// scores (index x) with the members of a group, as
// ReferenceSeries.GroupMedian computes it, with a percentile interval: each
// resample draws the roll calls within each period as BootstrapPairSeries
// does, scores every member with ref on the same draw and takes the median.
// The periods, the day on which membership is judged and Undated are
// ReferenceSeries' (see ReferenceSeries.GroupMedian): a state counts as a member
// in a period if member(c, day) holds on the day of the period's first
// dated roll call, unanimous or not, so that dropping unanimous roll calls
// does not change who is a member. A period without a dated roll call, or
// without a roll call left after dropping unanimous ones, has a NaN score
// and interval with N 0, and so does one in which no member scores. The
// result's B is the zero Country and each Score's N counts the members that
// scored (in the data as they are), as GroupMedian's does.
//
// It returns an error wrapping votes.ErrUnknownCountry if ref has no row in
// ds, ErrEmpty if no roll call is left, ErrNoVotes if ref cast no vote on
// them (a state that did not sit then: see ErrNoVotes), and
// ErrInvalidOptions for a bad option or fewer resamples than
// MinResamples(opts.Level). It panics if by or x is not one of the
// constants.
func BootstrapGroupMedian(ds *votes.Dataset, by By, ref votes.Country, member func(c votes.Country, on time.Time) bool, x Index, opts *BootstrapOptions) (*SeriesBootstrap, error) {
	by.check()
	x.check()
	o, err := opts.intervals()
	if err != nil {
		return nil, err
	}
	if err := o.takesNoMembership("BootstrapGroupMedian"); err != nil {
		return nil, err
	}
	iref, err := rowOf(ds, ref)
	if err != nil {
		return nil, err
	}
	key := periodKey(by)
	rs, err := resamplerOf(ds, o, key)
	if err != nil {
		return nil, err
	}
	if !castAny(ds, iref, &o.Options) {
		return nil, noVotes(ds, ref, &o.Options)
	}
	// The periods and their days are those of ReferenceSeries (periods),
	// judged on every roll call; stratum[k] is the resampler's stratum of
	// period k, -1 if none of its roll calls is left.
	keys, _, days, undated := periods(ds, by)
	stratum := make([]int, len(keys))
	for k, p := range keys {
		stratum[k] = slices.Index(rs.keys, p)
	}
	codes := make(map[int][]uint8) // by row, filled before the workers start
	members := make([][]int, len(keys))
	for k := range keys {
		if days[k].IsZero() || stratum[k] < 0 {
			continue
		}
		for i, c := range ds.Countries() {
			if i != iref && member(c, days[k]) {
				members[k] = append(members[k], i)
				if codes[i] == nil {
					codes[i] = rs.cellCodes(iref, i)
				}
			}
		}
	}
	sb := &SeriesBootstrap{A: ref, Index: x, By: by, Periods: keys, Intervals: make([]Interval, len(keys)), Undated: undated}
	parallelWith(len(keys), func(s *seriesScratch, k int) {
		st := stratum[k]
		med := func(r int) Score {
			s.cols = rs.appendStratum(s.cols[:0], r, st)
			s.xs = s.xs[:0]
			for _, i := range members[k] {
				t := tableOfCells(codes[i], s.cols)
				if v := t.Score(x, o.MinN).Value; !math.IsNaN(v) {
					s.xs = append(s.xs, v)
				}
			}
			return Score{Value: median(s.xs), N: len(s.xs)}
		}
		if days[k].IsZero() || st < 0 {
			sb.Intervals[k] = o.interval(Score{Value: math.NaN()}, nil)
			return
		}
		est := med(-1)
		s.reps = slices.Grow(s.reps[:0], o.Resamples)[:o.Resamples]
		for r := range o.Resamples {
			s.reps[r] = med(r).Value
		}
		sb.Intervals[k] = o.interval(est, s.reps)
	})
	return sb, nil
}

// EffectiveN returns the number of roll calls that would give a score of
// iv.Value the spread of iv by the binomial variance: m(1-m) / se², with se
// the interval's half-width over the normal quantile of its level. It
// serves as the N of a series whose scores are not counts of roll calls,
// such as a group median with BootstrapGroupMedian's intervals, so that
// ChangePoints weighs each period by how precise it is. It returns 0, which
// ChangePoints skips, for a score that is not a finite number and for an
// interval without finite bounds or of zero width.
func EffectiveN(iv Interval) int {
	if !finite(iv.Value) || !finite(iv.Lo) || !finite(iv.Hi) || math.IsNaN(iv.Hi) || !(iv.Hi > iv.Lo) || !(iv.Level > 0 && iv.Level < 1) {
		return 0
	}
	se := (iv.Hi - iv.Lo) / (2 * distuv.UnitNormal.Quantile((1+iv.Level)/2))
	m := min(max(iv.Value, 0.01), 0.99)
	return max(1, int(math.Round(m*(1-m)/(se*se))))
}

// finite reports whether x is neither NaN nor infinite.
func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

type seriesScratch struct {
	xs   []float64
	cols []int
	reps []float64
}

// Scores returns the scores of the series, as ChangePoints takes them.
func (sb *SeriesBootstrap) Scores() []Score {
	out := make([]Score, len(sb.Intervals))
	for k, iv := range sb.Intervals {
		out[k] = iv.Score
	}
	return out
}

// seriesIntervalRow is a pair's score in one period with its interval.
// Session is 0 in a series by calendar year; in a series by session, Year
// is the calendar year in which the session opened (session + 1945).
type seriesIntervalRow struct {
	tidy.Pair
	Session int `csv:"session"`
	Year    int `csv:"year"`
	tidy.Interval
}

// rows returns the rows of WriteCSV.
func (sb *SeriesBootstrap) rows() []seriesIntervalRow {
	out := make([]seriesIntervalRow, len(sb.Periods))
	for k, key := range sb.Periods {
		iv := sb.Intervals[k]
		r := makeIntervalRow(sb.A, sb.B, sb.Index, iv)
		session, year := period(sb.By, key)
		out[k] = seriesIntervalRow{r.Pair, session, year, r.Interval}
	}
	return out
}

// WriteCSV writes as tidy CSV, with a header line, one tidy row per period,
// in order.
func (sb *SeriesBootstrap) WriteCSV(w io.Writer) error { return tidy.Write(w, sb.rows()) }

// RankedInterval is one state's score with a reference, with its interval
// and the interval of its rank among the states.
type RankedInterval struct {
	Country votes.Country
	Interval
	// Rank is one more than the number of states scoring higher on the
	// data: 1 for the highest score, and tied states share the best rank
	// (1, 2, 2, 4), as the ranks of the resamples are counted. Ranked.Rank
	// (from Rank) differs: there each state has its own place. RankLo and
	// RankHi bound the rank over the resamples at the same level
	// (percentiles of the ranks, widened to whole ranks). All three are 0
	// for a NaN score.
	Rank, RankLo, RankHi int
}

// ReferenceBootstrap ranks every state by its score with a reference
// state, with bootstrap intervals for the scores and the ranks.
type ReferenceBootstrap struct {
	Reference votes.Country
	Index     Index
	// States holds every state of the dataset but the reference (also
	// those that cast no vote, which Rank leaves out), in the order of
	// Ranking.States: highest score first, ties to the larger n, then to
	// the lower COW code; states without a score (NaN) come last, by n
	// and COW code likewise. With Options.MinMembership it holds only the
	// states that were members for enough of the selection.
	States []RankedInterval
	// Partial names, with Options.MinMembership, the states that were
	// members for less of the selection (as Ranking.Partial): they are
	// neither listed in States nor counted in the others' ranks.
	Partial []votes.Country
}

// BootstrapReference returns index x of every state of ds with the
// reference state ref, ranked, with percentile intervals for the scores
// and the ranks from the same resamples of ds's roll calls. A state's
// rank in a resample is one more than the number of states scoring higher
// in it. It returns an error wrapping votes.ErrUnknownCountry if ref has
// no row in ds, ErrEmpty if no roll call is left, ErrNoVotes if ref cast
// no vote on them (an absence counting as a vote with
// opts.AbsentAsAbstain, as in Rank; a state that did not sit then: see
// ErrNoVotes), and ErrInvalidOptions for a bad option or fewer resamples
// than MinResamples(opts.Level). With opts.MinMembership, the states that
// were members for less of the selection are left out (Partial), so that
// they take no rank from the others. It panics if x is not a known index.
func BootstrapReference(ds *votes.Dataset, ref votes.Country, x Index, opts *BootstrapOptions) (*ReferenceBootstrap, error) {
	x.check()
	o, err := opts.intervals()
	if err != nil {
		return nil, err
	}
	ir, err := rowOf(ds, ref)
	if err != nil {
		return nil, err
	}
	rs, err := resamplerOf(ds, o, nil)
	if err != nil {
		return nil, err
	}
	// Read the reference's votes as the scores do (o.vote), so that with
	// AbsentAsAbstain a reference recorded only absent is ranked, as Rank
	// ranks it.
	if !slices.ContainsFunc(rs.cols, func(j int) bool { return o.vote(ds.Vote(ir, j)).Cast() }) {
		return nil, noVotes(ds, ref, &o.Options)
	}
	ms := memberships(ds, &o.Options)
	var rows []int
	var partial []votes.Country
	for i := range ds.NumCountries() {
		switch {
		case i == ir:
		case !ms[i].enough(&o.Options):
			partial = append(partial, ds.Country(i))
		default:
			rows = append(rows, i)
		}
	}
	nc := len(rows)
	codes := make([][]uint8, nc)
	parallel(nc, func(k int) { codes[k] = rs.cellCodes(rows[k], ir) })
	score := func(cols []int, dst []float64) {
		for k := range rows {
			t := tableOfCells(codes[k], cols)
			dst[k] = t.Score(x, o.MinN).Value
		}
	}
	est, estN := make([]float64, nc), make([]int, nc)
	for k := range rows {
		t := tableOfCells(codes[k], rs.cols)
		est[k], estN[k] = t.score(x, o.MinN)
	}
	nr := o.Resamples
	reps := make([]float64, nr*nc)  // reps[r*nc+k]
	ranks := make([]float64, nr*nc) // likewise
	parallelWith(nr, func(s *rankScratch, r int) {
		s.cols = rs.columnsTo(s.cols, r)
		score(s.cols, reps[r*nc:(r+1)*nc])
		rankTo(ranks[r*nc:(r+1)*nc], reps[r*nc:(r+1)*nc], &s.order)
	})
	estRank := make([]float64, nc)
	var order []int
	rankTo(estRank, est, &order)
	rb := &ReferenceBootstrap{Reference: ref, Index: x, States: make([]RankedInterval, nc), Partial: partial}
	parallelWith(nc, func(col *[]float64, k int) {
		c := slices.Grow((*col)[:0], nr)[:nr]
		for r := range nr {
			c[r] = reps[r*nc+k]
		}
		ri := RankedInterval{Country: ds.Country(rows[k]), Interval: o.interval(Score{Value: est[k], N: estN[k]}, c)}
		if !math.IsNaN(est[k]) {
			for r := range nr {
				c[r] = ranks[r*nc+k]
			}
			lo, hi, _ := percentiles(c, o.Level)
			ri.Rank, ri.RankLo, ri.RankHi = int(estRank[k]), int(math.Floor(lo)), int(math.Ceil(hi))
		}
		rb.States[k] = ri
		*col = c
	})
	slices.SortStableFunc(rb.States, func(p, q RankedInterval) int {
		return compareRanked(p.Score, q.Score, p.Country.COW, q.Country.COW)
	})
	return rb, nil
}

type rankScratch struct {
	cols  []int
	order []int
}

// rankTo writes the rank of each score to dst: one more than the number
// of scores above it (ties share the best rank), NaN for NaN.
func rankTo(dst, scores []float64, order *[]int) {
	o := (*order)[:0]
	for k, v := range scores {
		if math.IsNaN(v) {
			dst[k] = math.NaN()
			continue
		}
		o = append(o, k)
	}
	slices.SortFunc(o, func(p, q int) int { return cmp.Compare(scores[q], scores[p]) })
	for p, k := range o {
		if p > 0 && scores[o[p-1]] == scores[k] {
			dst[k] = dst[o[p-1]]
			continue
		}
		dst[k] = float64(p + 1)
	}
	*order = o
}

// lookup returns state c's entry, and whether it is in the ranking.
func (rb *ReferenceBootstrap) lookup(c votes.Country) (RankedInterval, bool) {
	k := slices.IndexFunc(rb.States, func(s RankedInterval) bool { return s.Country.COW == c.COW })
	if k < 0 {
		return RankedInterval{}, false
	}
	return rb.States[k], true
}

// rankedIntervalRow is one state's score with the reference (state a is
// the state, b the reference), with intervals for the score and the rank.
type rankedIntervalRow struct {
	tidy.Pair
	tidy.Interval
	Rank   int `csv:"rank"`
	RankLo int `csv:"rank_lo"`
	RankHi int `csv:"rank_hi"`
}

// rows returns the rows of WriteCSV.
func (rb *ReferenceBootstrap) rows() []rankedIntervalRow {
	out := make([]rankedIntervalRow, len(rb.States))
	for k, s := range rb.States {
		r := makeIntervalRow(s.Country, rb.Reference, rb.Index, s.Interval)
		out[k] = rankedIntervalRow{r.Pair, r.Interval, s.Rank, s.RankLo, s.RankHi}
	}
	return out
}

// WriteCSV writes as tidy CSV, with a header line, one tidy row per state,
// highest score first, states without a score last (rank 0).
func (rb *ReferenceBootstrap) WriteCSV(w io.Writer) error { return tidy.Write(w, rb.rows()) }

// CohesionBootstrap is a group's mean cohesion with bootstrap intervals.
type CohesionBootstrap struct {
	Group string
	// Rice and HNR are the means of GroupCohesion with intervals from
	// resampling the roll calls on which a member voted; N is the number
	// of roll calls each mean rests on.
	Rice, HNR Interval
}

// BootstrapCohesion returns the mean Rice and Hix-Noury-Roland indices of group g
// on the roll calls of ds (as Cohesion computes them, with opts.Options)
// with percentile intervals from resampling those roll calls; a mean on
// fewer than opts.MinN roll calls, in the data or in a resample, is NaN. It
// returns Cohesion's errors (ErrTooFewMembers for a group of which one
// member voted), and ErrInvalidOptions for a bad option or fewer resamples
// than MinResamples(opts.Level).
func BootstrapCohesion(ds *votes.Dataset, g votes.Group, opts *BootstrapOptions) (*CohesionBootstrap, error) {
	o, err := opts.intervals()
	if err != nil {
		return nil, err
	}
	if err := o.takesNoMembership("BootstrapCohesion"); err != nil {
		return nil, err
	}
	rep, err := Cohesion(ds, g, &o.Options)
	if err != nil {
		return nil, err
	}
	rc := rep.RollCalls
	nrc := len(rc)
	reRice, reHNR := make([]float64, o.Resamples), make([]float64, o.Resamples)
	parallel(o.Resamples, func(r int) {
		rng := stream(o.Seed, r, 0)
		var m cohesionMeans
		for range nrc {
			m.add(rc[rng.IntN(nrc)])
		}
		rice, hnr := m.scores(o.MinN)
		reRice[r], reHNR[r] = rice.Value, hnr.Value
	})
	var m cohesionMeans
	for _, c := range rc {
		m.add(c)
	}
	rice, hnr := m.scores(o.MinN)
	return &CohesionBootstrap{
		Group: g.Name,
		Rice:  o.interval(rice, reRice),
		HNR:   o.interval(hnr, reHNR),
	}, nil
}

// cohesionIntervalRow is one measure of a group's cohesion with its
// interval.
type cohesionIntervalRow struct {
	Group   string  `csv:"group"`
	Measure string  `csv:"measure"`
	Score   float64 `csv:"score"`
	N       int     `csv:"n"`
	Lo      float64 `csv:"lo"`
	Hi      float64 `csv:"hi"`
	Level   float64 `csv:"level"`
}

// rows returns the rows of WriteCSV.
func (cb *CohesionBootstrap) rows() []cohesionIntervalRow {
	row := func(m string, iv Interval) cohesionIntervalRow {
		return cohesionIntervalRow{cb.Group, m, iv.Value, iv.N, iv.Lo, iv.Hi, iv.Level}
	}
	return []cohesionIntervalRow{row("rice", cb.Rice), row("hnr", cb.HNR)}
}

// WriteCSV writes as tidy CSV, with a header line, two tidy rows, measures
// "rice" and "hnr".
func (cb *CohesionBootstrap) WriteCSV(w io.Writer) error { return tidy.Write(w, cb.rows()) }
