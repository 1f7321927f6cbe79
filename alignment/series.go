package alignment

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"

	"gonum.org/v1/gonum/mat"

	"github.com/unga-go/unga/votes"
)

// By says how a series cuts the roll calls into periods: by regular
// session, as Voeten's scores are reported, or by calendar year, as the
// US State Department and most commentary report them. Every function
// that returns a series takes it as its argument after the dataset
// (AgreementBy, PairBy, WithReference, CohesionBy, BootstrapPairSeries,
// BootstrapGroupMedian), and the series says it in its By field.
type By int

const (
	// BySession keys a period by its regular session (RollCall.Session);
	// a special session's roll calls count in the regular session then in
	// progress.
	BySession By = iota
	// ByYear keys a period by the calendar year of the vote
	// (RollCall.Year). Roll calls without a date belong to no year: they
	// are left out, and the series counts them in its Undated field.
	ByYear

	numBy
)

// String returns "session" or "year", as the tidy columns name them.
func (by By) String() string {
	switch by {
	case BySession:
		return "session"
	case ByYear:
		return "year"
	}
	return fmt.Sprintf("By(%d)", int(by))
}

func (by By) check() {
	if by < 0 || by >= numBy {
		panic(fmt.Sprintf("alignment: unknown By %d", int(by)))
	}
}

// periods cuts the roll calls of ds by sessions or years, in order: the
// key of each period (session or year), its roll calls, the day of its
// first dated roll call (zero if none is dated), and the number of roll
// calls left out (undated ones, by year). Roll calls are ordered by
// session, so each session is one run of columns; a year usually is too.
func periods(ds *votes.Dataset, by By) (keys []int, segs []segment, dates []time.Time, undated int) {
	by.check()
	if by == BySession {
		for j, rc := range ds.RollCalls() {
			if len(keys) == 0 || rc.Session != keys[len(keys)-1] {
				keys = append(keys, rc.Session)
				segs = append(segs, segment{lo: j, hi: j})
				dates = append(dates, time.Time{})
			}
			k := len(keys) - 1
			segs[k].hi = j + 1
			if dates[k].IsZero() {
				dates[k] = rc.Date
			}
		}
		return keys, segs, dates, 0
	}
	cols := map[int][]int{}
	for j, rc := range ds.RollCalls() {
		y := rc.Year()
		if y == 0 {
			undated++
			continue
		}
		cols[y] = append(cols[y], j)
	}
	for y := range cols {
		keys = append(keys, y)
	}
	slices.Sort(keys)
	for _, y := range keys {
		c := cols[y]
		first := ds.RollCall(c[0]).Date
		sg := segment{cols: c}
		if c[len(c)-1]-c[0]+1 == len(c) {
			sg = segment{lo: c[0], hi: c[len(c)-1] + 1}
		}
		for _, j := range c {
			if d := ds.RollCall(j).Date; d.Before(first) {
				first = d
			}
		}
		segs = append(segs, sg)
		dates = append(dates, first)
	}
	return keys, segs, dates, undated
}

// columns calls f with each roll-call column of the segment, in order.
func (s segment) columns(f func(j int)) {
	if s.cols != nil {
		for _, j := range s.cols {
			f(j)
		}
		return
	}
	for j := s.lo; j < s.hi; j++ {
		f(j)
	}
}

// PairSeries holds the joint-vote table of two states in each period
// (session or year).
type PairSeries struct {
	A, B votes.Country
	// By says whether Periods are sessions or calendar years.
	By      By
	Periods []int
	Tables  []Table // Tables[k] is period Periods[k]
	// Undated counts the roll calls left out for want of a date (by
	// year only).
	Undated int
}

// PairBy returns the joint-vote tables of states a and b in every period
// of ds (session or calendar year, as by says) that holds a roll call to
// compare, also those in which the pair never voted together (an empty
// table, scoring NaN). Roll calls are kept or dropped as in Pair; by year,
// roll calls without a date are left out and counted in Undated. It
// returns Pair's errors: one wrapping votes.ErrUnknownCountry if either
// state has no row in ds, ErrEmpty if no roll call is left, ErrNoVotes if
// either state cast no vote on them, and ErrInvalidOptions for a bad
// option. It panics if by is not BySession or ByYear.
func PairBy(ds *votes.Dataset, by By, a, b votes.Country, opts *Options) (*PairSeries, error) {
	by.check()
	o, err := opts.get()
	if err != nil {
		return nil, err
	}
	if err := o.takesNoMembership("PairBy"); err != nil {
		return nil, err
	}
	ia, ib, err := pairVoters(ds, a, b, &o)
	if err != nil {
		return nil, err
	}
	keys, segs, _, undated := periods(ds, by)
	ps := &PairSeries{A: a, B: b, By: by, Undated: undated}
	ra, rb := ds.Row(ia), ds.Row(ib)
	for k, sg := range segs {
		var t Table
		used := 0
		sg.columns(func(j int) {
			if o.counts(ds.RollCall(j)) {
				used++
				t.add(o.vote(ra[j]), o.vote(rb[j]))
			}
		})
		if used > 0 {
			ps.Periods = append(ps.Periods, keys[k])
			ps.Tables = append(ps.Tables, t)
		}
	}
	if len(ps.Periods) == 0 {
		return nil, ErrEmpty
	}
	return ps, nil
}

// Scores returns index x for each period, NaN where fewer than minN roll
// calls lie behind it. It panics if x is not a known index.
func (ps *PairSeries) Scores(x Index, minN int) []Score {
	x.check()
	out := make([]Score, len(ps.Tables))
	for k := range ps.Tables {
		out[k] = ps.Tables[k].Score(x, minN)
	}
	return out
}

// writeTo writes the text String returns.
func (ps *PairSeries) writeTo(w io.Writer) (int64, error) {
	s := &Series{title: fmt.Sprintf("%s and %s, by %s", ps.A, ps.B, ps.By), by: ps.By, periods: ps.Periods}
	for _, x := range []Index{Identical, Agree, SAbs, Kappa, Pi, Coincidence} {
		s.Add(x.String(), ps.Scores(x, 1))
	}
	return s.writeTo(w)
}

// String returns one line per period: the number of roll calls both voted
// on and the main indices.
func (ps *PairSeries) String() string { return render(ps) }

// MatrixSeries holds an all-pairs matrix for each period (session or
// year).
type MatrixSeries struct {
	// By says whether Periods are sessions or calendar years.
	By      By
	Periods []int
	// Matrices[k] scores period Periods[k]; its states are those that
	// cast a vote on a roll call of that period (and, with
	// Options.MinMembership, were members for enough of it).
	Matrices []*Matrix
	// Undated counts the roll calls left out for want of a date (by
	// year only).
	Undated int
	ds      *votes.Dataset
	opts    Options
}

// AgreementBy returns index x of every pair of states in each period of ds
// (session or calendar year, as by says), from the bit-parallel kernel of
// AgreementMatrix run on each period's roll calls. Each matrix covers the
// states that cast a vote in the period; periods left without a roll call
// (all unanimous) are left out, and by year roll calls without a date are
// left out and counted in Undated. It returns ErrEmpty if no period is left
// and ErrInvalidOptions for a bad option. It panics if by or x is not one
// of the constants.
func AgreementBy(ds *votes.Dataset, by By, x Index, opts *Options) (*MatrixSeries, error) {
	by.check()
	x.check()
	o, err := opts.get()
	if err != nil {
		return nil, err
	}
	keys, segs, _, undated := periods(ds, by)
	if len(keys) == 0 {
		return nil, ErrEmpty
	}
	b := newBitsets(ds, segs, o)
	all := countries(ds)
	// enough[k][i]: state i was a member for enough of period k.
	enough := make([][]bool, len(keys))
	if o.MinMembership > 0 {
		sat := newSittings(ds)
		for k, sg := range segs {
			enough[k] = make([]bool, b.nc)
			for i, m := range sat.over(ds, &o, sg) {
				enough[k][i] = m.enough(&o)
			}
		}
	}
	mats := make([]*Matrix, len(keys))
	// Hand out the largest periods first, so that the goroutines finish
	// together.
	order := make([]int, len(keys))
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(p, q int) int {
		return cmp.Compare(b.seg[q+1]-b.seg[q], b.seg[p+1]-b.seg[p])
	})
	parallelWith(len(order), func(s *rowScratch, q int) {
		k := order[q]
		w0, w1 := b.seg[k], b.seg[k+1]
		rows := s.rows[:0]
		for i := range b.nc {
			if b.castIn(i, w0, w1) && (enough[k] == nil || enough[k][i]) {
				rows = append(rows, i)
			}
		}
		s.rows = rows
		if len(rows) == 0 {
			return
		}
		cs := make([]votes.Country, len(rows))
		for r, i := range rows {
			cs[r] = all[i]
		}
		m := newMatrix(x, cs)
		nw := w1 - w0
		s.block = b.compactTo(s.block, rows, w0, w1)
		for r := range rows {
			m.fillRow(r, s.block[r*nw:(r+1)*nw], s.block[r*nw:], nw, o.MinN)
		}
		mats[k] = m
	})
	out := &MatrixSeries{By: by, Undated: undated, ds: ds, opts: o}
	for k, m := range mats {
		if m != nil {
			out.Periods = append(out.Periods, keys[k])
			out.Matrices = append(out.Matrices, m)
		}
	}
	if len(out.Periods) == 0 {
		return nil, ErrEmpty
	}
	return out, nil
}

// Pair returns the series of scores of states a and b, one per period:
// NaN with n 0 in a period in which either cast no vote (or, with
// Options.MinMembership, was a member for too little of it). It returns
// Pair's errors rather than a series of NaN: one wrapping
// votes.ErrUnknownCountry if either state has no row in the dataset, and
// ErrNoVotes, naming the state that held its seat then, if either cast
// no vote in any period (or, with MinMembership, in any period it was a
// member for enough of).
func (sm *MatrixSeries) Pair(a, b votes.Country) ([]Score, error) {
	for _, c := range []votes.Country{a, b} {
		i, err := rowOf(sm.ds, c)
		if err != nil {
			return nil, err
		}
		if !slices.ContainsFunc(sm.Matrices, func(m *Matrix) bool { return m.index(c) >= 0 }) {
			if !castAny(sm.ds, i, &sm.opts) {
				return nil, noVotes(sm.ds, c, &sm.opts)
			}
			return nil, fmt.Errorf("%w: %s cast no vote in a period it was a member for at least MinMembership %g of", ErrNoVotes, c, sm.opts.MinMembership)
		}
	}
	out := make([]Score, len(sm.Matrices))
	for k, m := range sm.Matrices {
		s, ok := m.Lookup(a, b)
		if !ok {
			s = Score{Value: math.NaN()}
		}
		out[k] = s
	}
	return out, nil
}

// ReferenceSeries holds the score of every state with one reference state,
// period by period (session or year).
type ReferenceSeries struct {
	Reference votes.Country
	Index     Index
	// By says whether Periods are sessions or calendar years.
	By        By
	Periods   []int
	Countries []votes.Country
	// Scores has one row per state (as Countries) and one column per
	// period, NaN where fewer than the minimum number of roll calls lie
	// behind a score, and, with Options.MinMembership, where the state was
	// a member for less of the period (Membership); the n stays that of
	// the roll calls behind it.
	Scores *mat.Dense
	// Undated counts the roll calls left out for want of a date (by
	// year only).
	Undated int
	// dates holds the day of each period's first dated roll call,
	// unanimous or not (zero if none of its roll calls has a date): the
	// day on which GroupMedian and BootstrapGroupMedian judge membership.
	dates   []time.Time
	counts  []int32      // state by state, period by period
	members []Membership // likewise
	ds      *votes.Dataset
	opts    Options
}

// WithReference returns index x of every state of ds with the reference
// state ref, in each period of ds (session or calendar year, as by says;
// by year, roll calls without a date are left out and counted in
// Undated). Roll calls are kept or dropped as in Pair. It returns an error
// wrapping votes.ErrUnknownCountry if ref has no row in ds, ErrEmpty if ds
// has no roll call left, ErrNoVotes if ref cast no vote on them (a state
// that did not sit then: see ErrNoVotes), and ErrInvalidOptions for a bad
// option. It panics if by or x is not one of the constants.
func WithReference(ds *votes.Dataset, by By, ref votes.Country, x Index, opts *Options) (*ReferenceSeries, error) {
	by.check()
	x.check()
	o, err := opts.get()
	if err != nil {
		return nil, err
	}
	r, err := rowOf(ds, ref)
	if err != nil {
		return nil, err
	}
	keys, segs, dates, undated := periods(ds, by)
	if len(keys) == 0 {
		return nil, ErrEmpty
	}
	b := newBitsets(ds, segs, o)
	if b.empty() {
		return nil, ErrEmpty
	}
	if b.hi[r] <= b.lo[r] {
		return nil, noVotes(ds, ref, &o)
	}
	nc, np := b.nc, len(keys)
	rs := &ReferenceSeries{
		Reference: ref, Index: x, By: by, Periods: keys, dates: dates, Countries: countries(ds),
		Scores: mat.NewDense(nc, np, nil), counts: make([]int32, nc*np), Undated: undated,
		ds: ds, opts: o,
	}
	rs.members = make([]Membership, nc*np)
	sat := newSittings(ds)
	for k, sg := range segs {
		for i, m := range sat.over(ds, &o, sg) {
			rs.members[i*np+k] = m
		}
	}
	for i := range nc {
		for k := range keys {
			t := b.table(r, i, b.seg[k], b.seg[k+1])
			s := t.Score(x, o.MinN)
			if !rs.members[i*np+k].enough(&o) {
				s.Value = math.NaN()
			}
			rs.Scores.Set(i, k, s.Value)
			rs.counts[i*np+k] = int32(s.N)
		}
	}
	return rs, nil
}

// Membership returns how much of period k state i (a row of Scores, as
// Countries) was a member for: see Membership. It panics if i or k is out
// of range.
func (rs *ReferenceSeries) Membership(i, k int) Membership {
	rs.At(i, k) // checks the range
	return rs.members[i*len(rs.Periods)+k]
}

// At returns the score of state i (a row of Scores, as Countries) in
// period k (a column). It panics if i or k is out of range.
func (rs *ReferenceSeries) At(i, k int) Score {
	np := len(rs.Periods)
	if i < 0 || i >= len(rs.Countries) || k < 0 || k >= np {
		panic(fmt.Sprintf("alignment: ReferenceSeries.At(%d, %d) out of range [%d, %d]", i, k, len(rs.Countries), np))
	}
	return Score{Value: rs.Scores.At(i, k), N: int(rs.counts[i*np+k])}
}

// State returns the series of state c, one score per period: NaN, with
// the n behind it, in a period where the score is (see Scores). It
// returns the error WithReference returns for a reference without a vote
// if c cast none in the whole series (ErrNoVotes, naming the state that
// held its seat then), and one wrapping votes.ErrUnknownCountry if c is
// not in the series, rather than a column of NaN.
func (rs *ReferenceSeries) State(c votes.Country) ([]Score, error) {
	i := slices.IndexFunc(rs.Countries, func(d votes.Country) bool { return d.COW == c.COW })
	if i < 0 {
		return nil, &votes.NotInDatasetError{Country: c}
	}
	if !castAny(rs.ds, i, &rs.opts) {
		return nil, noVotes(rs.ds, c, &rs.opts)
	}
	out := make([]Score, len(rs.Periods))
	for k := range out {
		out[k] = rs.At(i, k)
	}
	return out, nil
}

// GroupMedian returns, for each period, the median of the scores of the
// states that member reports as members on the day of the period's first
// dated roll call (a unanimous one counts, so that dropping
// unanimous roll calls does not change who is a member): the reference's
// score with the group's median member (the mean of the two middle ones
// for an even count). States without a score (NaN) are left out, and so
// is the reference itself. The Score's N is here the number of members
// with a score; the value is NaN if there are none. A period none of whose
// roll calls is dated has no day on which to judge membership: its median
// is NaN with N 0, rather than the median of every state that was ever a
// member. BootstrapGroupMedian gives the same scores with intervals.
func (rs *ReferenceSeries) GroupMedian(member func(c votes.Country, on time.Time) bool) []Score {
	out := make([]Score, len(rs.Periods))
	var xs []float64
	for k, day := range rs.dates {
		xs = xs[:0]
		if day.IsZero() {
			out[k] = Score{Value: math.NaN()}
			continue
		}
		for i, c := range rs.Countries {
			if c.COW == rs.Reference.COW || !member(c, day) {
				continue
			}
			if v := rs.Scores.At(i, k); !math.IsNaN(v) {
				xs = append(xs, v)
			}
		}
		out[k] = Score{Value: median(xs), N: len(xs)}
	}
	return out
}

// median returns the median of xs, averaging the two middle values of an
// even count; NaN for none. xs is sorted in place.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	slices.Sort(xs)
	h := len(xs) / 2
	if len(xs)%2 == 1 {
		return xs[h]
	}
	return (xs[h-1] + xs[h]) / 2
}

// Series returns the scores of the given states as a printable Series. It
// returns State's error for a state not in rs or without a vote in it.
func (rs *ReferenceSeries) Series(cs ...votes.Country) (*Series, error) {
	s := &Series{title: fmt.Sprintf("%s with %s, by %s", rs.Index, rs.Reference, rs.By), by: rs.By, periods: rs.Periods}
	for _, c := range cs {
		col, err := rs.State(c)
		if err != nil {
			return nil, err
		}
		s.Add(c.Name, col)
	}
	return s, nil
}

// Series is a table of scores by period, for printing: one row per
// period (session or year), one column (score and n) per named series.
type Series struct {
	title   string
	by      By // whether periods are sessions or calendar years
	periods []int
	names   []string
	columns [][]Score // columns[c][k]: series c in period periods[k]
}

// Add appends a column, such as ReferenceSeries.GroupMedian's, named
// name. It panics if col does not have one score per period of the
// series.
func (s *Series) Add(name string, col []Score) {
	if len(col) != len(s.periods) {
		panic(fmt.Sprintf("alignment: Series.Add: %d scores for %d periods", len(col), len(s.periods)))
	}
	s.names = append(s.names, name)
	s.columns = append(s.columns, col)
}

// writeTo writes the text String returns.
func (s *Series) writeTo(w io.Writer) (int64, error) {
	var b strings.Builder
	if s.title != "" {
		b.WriteString(s.title + "\n")
	}
	width := make([]int, len(s.names))
	if s.by == ByYear {
		fmt.Fprintf(&b, "%-4s", "year")
	} else {
		fmt.Fprintf(&b, "%-7s %4s", "session", "year")
	}
	for c, name := range s.names {
		width[c] = max(len(name), 6)
		fmt.Fprintf(&b, "  %*s %4s", width[c], name, "n")
	}
	b.WriteByte('\n')
	for k, p := range s.periods {
		if s.by == ByYear {
			fmt.Fprintf(&b, "%-4d", p)
		} else {
			fmt.Fprintf(&b, "%-7d %4d", p, openingYear(p))
		}
		for c := range s.columns {
			sc := s.columns[c][k]
			fmt.Fprintf(&b, "  %*s %4d", width[c], num(sc.Value, 3), sc.N)
		}
		b.WriteByte('\n')
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// openingYear returns the year regular session s opened: session 1 in
// 1946, session 74 in 2019.
func openingYear(s int) int { return 1945 + s }

// String returns the series as a table: the session and the year it
// opened (or the calendar year), and each column's score to three
// decimals with its n.
func (s *Series) String() string { return render(s) }

func render(w interface {
	writeTo(io.Writer) (int64, error)
}) string {
	var b strings.Builder
	w.writeTo(&b)
	return b.String()
}
