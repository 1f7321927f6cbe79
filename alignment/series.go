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

// sessionCuts returns the sessions of ds in roll-call order, the roll-call
// index at which each session after the first starts, and the date of each
// session's first roll call. Roll calls are ordered by session, so each
// session is one run of columns.
func sessionCuts(ds *votes.Dataset) (sessions, cuts []int, dates []time.Time) {
	for j, rc := range ds.RollCalls() {
		if len(sessions) == 0 || rc.Session != sessions[len(sessions)-1] {
			if len(sessions) > 0 {
				cuts = append(cuts, j)
			}
			sessions = append(sessions, rc.Session)
			dates = append(dates, rc.Date)
		}
	}
	return sessions, cuts, dates
}

// PairSeries holds the joint-vote table of two states in each session.
type PairSeries struct {
	A, B     votes.Country
	Sessions []int
	Tables   []Table // Tables[k] is session Sessions[k]
}

// PairBySession returns the joint-vote tables of states a and b in every
// session of ds that holds a roll call to compare, also those in which the
// pair never voted together (an empty table, scoring NaN). Unanimity is
// judged roll call by roll call, as in Pair. It returns an error wrapping
// votes.ErrUnknownCountry if either state has no row in ds, and ErrEmpty if
// no roll call is left.
func PairBySession(ds *votes.Dataset, a, b votes.Country, opts *Options) (*PairSeries, error) {
	o := opts.orDefault()
	ia, err := rowOf(ds, a)
	if err != nil {
		return nil, err
	}
	ib, err := rowOf(ds, b)
	if err != nil {
		return nil, err
	}
	var keep []bool
	if !o.KeepUnanimous {
		keep = contested(ds)
	}
	ps := &PairSeries{A: a, B: b}
	ra, rb := ds.Row(ia), ds.Row(ib)
	for j, rc := range ds.RollCalls() {
		if keep != nil && !keep[j] {
			continue
		}
		if k := len(ps.Sessions); k == 0 || ps.Sessions[k-1] != rc.Session {
			ps.Sessions = append(ps.Sessions, rc.Session)
			ps.Tables = append(ps.Tables, Table{})
		}
		ps.Tables[len(ps.Tables)-1].Add(ra[j], rb[j])
	}
	if len(ps.Sessions) == 0 {
		return nil, ErrEmpty
	}
	return ps, nil
}

// Scores returns index x for each session, NaN where fewer than minN roll
// calls lie behind it.
func (ps *PairSeries) Scores(x Index, minN int) []Score {
	out := make([]Score, len(ps.Tables))
	for k := range ps.Tables {
		out[k] = ps.Tables[k].Score(x, minN)
	}
	return out
}

// WriteTo writes one line per session: the number of roll calls both voted
// on and the main indices.
func (ps *PairSeries) WriteTo(w io.Writer) (int64, error) {
	s := &Series{Title: fmt.Sprintf("%s and %s, by session", ps.A, ps.B), Sessions: ps.Sessions}
	for _, x := range []Index{Identical, Agree, SAbs, Kappa, Pi, Coincidence} {
		s.Add(x.String(), ps.Scores(x, 1))
	}
	return s.WriteTo(w)
}

// String returns the WriteTo rendering.
func (ps *PairSeries) String() string { return render(ps) }

// SessionMatrices holds an all-pairs matrix for each session.
type SessionMatrices struct {
	Sessions []int
	// Matrices[k] scores session Sessions[k]; its states are those that
	// cast a vote on a roll call of that session.
	Matrices []*Matrix
}

// AgreementBySession returns index x of every pair of states in each
// session of ds, from the bit-parallel kernel of AgreementMatrix run on each
// session's roll calls. Each matrix covers the states that cast a vote in
// the session; sessions left without a roll call (all unanimous) are left
// out. It returns ErrEmpty if no session is left.
func AgreementBySession(ds *votes.Dataset, x Index, opts *Options) (*SessionMatrices, error) {
	if x < 0 || x >= numIndices {
		panic(fmt.Sprintf("alignment: unknown index %d", int(x)))
	}
	o := opts.orDefault()
	sessions, cuts, _ := sessionCuts(ds)
	if len(sessions) == 0 {
		return nil, ErrEmpty
	}
	b := newBitsets(ds, cuts, !o.KeepUnanimous)
	all := countries(ds)
	mats := make([]*Matrix, len(sessions))
	// Hand out the largest sessions first, so that the goroutines finish
	// together.
	order := make([]int, len(sessions))
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
			if b.castIn(i, w0, w1) {
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
	out := &SessionMatrices{}
	for k, m := range mats {
		if m != nil {
			out.Sessions = append(out.Sessions, sessions[k])
			out.Matrices = append(out.Matrices, m)
		}
	}
	if len(out.Sessions) == 0 {
		return nil, ErrEmpty
	}
	return out, nil
}

// Pair returns the series of scores of states a and b, one per session,
// NaN where either did not vote.
func (sm *SessionMatrices) Pair(a, b votes.Country) []Score {
	out := make([]Score, len(sm.Matrices))
	for k, m := range sm.Matrices {
		s, ok := m.Lookup(a, b)
		if !ok {
			s = Score{Value: math.NaN()}
		}
		out[k] = s
	}
	return out
}

// ReferenceSeries holds the score of every state with one reference state,
// session by session.
type ReferenceSeries struct {
	Reference votes.Country
	Index     Index
	Sessions  []int
	// Dates holds the day of each session's first roll call.
	Dates     []time.Time
	Countries []votes.Country
	// Scores has one row per session and one column per state, NaN where
	// fewer than the minimum number of roll calls lie behind a score.
	Scores *mat.Dense
	counts []int32
}

// WithReference returns index x of every state of ds with the reference
// state ref, in each session of ds. It returns an error wrapping
// votes.ErrUnknownCountry if ref has no row in ds, ErrEmpty if ds has no
// roll call left, and ErrNoVotes if ref cast no vote on them.
func WithReference(ds *votes.Dataset, ref votes.Country, x Index, opts *Options) (*ReferenceSeries, error) {
	if x < 0 || x >= numIndices {
		panic(fmt.Sprintf("alignment: unknown index %d", int(x)))
	}
	o := opts.orDefault()
	r, err := rowOf(ds, ref)
	if err != nil {
		return nil, err
	}
	sessions, cuts, dates := sessionCuts(ds)
	if len(sessions) == 0 {
		return nil, ErrEmpty
	}
	b := newBitsets(ds, cuts, !o.KeepUnanimous)
	if b.empty() {
		return nil, ErrEmpty
	}
	if b.hi[r] <= b.lo[r] {
		return nil, fmt.Errorf("%w: %s cast no vote", ErrNoVotes, ref)
	}
	nc := b.nc
	rs := &ReferenceSeries{
		Reference: ref, Index: x, Sessions: sessions, Dates: dates, Countries: countries(ds),
		Scores: mat.NewDense(len(sessions), nc, nil), counts: make([]int32, len(sessions)*nc),
	}
	for k := range sessions {
		for i := range nc {
			t := b.table(r, i, b.seg[k], b.seg[k+1])
			s := t.Score(x, o.MinN)
			rs.Scores.Set(k, i, s.Value)
			rs.counts[k*nc+i] = int32(s.N)
		}
	}
	return rs, nil
}

// At returns the score of state i (a column) in session k (a row).
func (rs *ReferenceSeries) At(k, i int) Score {
	return Score{Value: rs.Scores.At(k, i), N: int(rs.counts[k*len(rs.Countries)+i])}
}

// Column returns the series of state c, and whether c is in the series.
func (rs *ReferenceSeries) Column(c votes.Country) ([]Score, bool) {
	i := slices.IndexFunc(rs.Countries, func(d votes.Country) bool { return d.COW == c.COW })
	if i < 0 {
		return nil, false
	}
	out := make([]Score, len(rs.Sessions))
	for k := range out {
		out[k] = rs.At(k, i)
	}
	return out, true
}

// GroupMedian returns, for each session, the median of the scores of the
// states that member reports as members on the day of the session's first
// roll call: the reference's score with the group's median member (the
// mean of the two middle ones for an even count). States without a score
// (NaN) are left out. The Score's N is here
// the number of members with a score; the value is NaN if there are none.
// The reference itself is left out.
func (rs *ReferenceSeries) GroupMedian(member func(c votes.Country, on time.Time) bool) []Score {
	out := make([]Score, len(rs.Sessions))
	var xs []float64
	for k, day := range rs.Dates {
		xs = xs[:0]
		for i, c := range rs.Countries {
			if c.COW == rs.Reference.COW || !member(c, day) {
				continue
			}
			if v := rs.Scores.At(k, i); !math.IsNaN(v) {
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

// Series returns the scores of the given states as a printable Series.
// States not in rs get a column of NaN.
func (rs *ReferenceSeries) Series(cs ...votes.Country) *Series {
	s := &Series{Title: fmt.Sprintf("%s with %s, by session", rs.Index, rs.Reference), Sessions: rs.Sessions}
	for _, c := range cs {
		col, ok := rs.Column(c)
		if !ok {
			col = make([]Score, len(rs.Sessions))
			for k := range col {
				col[k].Value = math.NaN()
			}
		}
		s.Add(c.Name, col)
	}
	return s
}

// Series is a table of scores by session, for printing: one row per
// session, one column (score and n) per named series.
type Series struct {
	Title    string
	Sessions []int
	Names    []string
	Columns  [][]Score // Columns[c][k]: series c in session Sessions[k]
}

// Add appends a column. It panics if col does not have one score per
// session.
func (s *Series) Add(name string, col []Score) {
	if len(col) != len(s.Sessions) {
		panic("alignment: series column length mismatch")
	}
	s.Names = append(s.Names, name)
	s.Columns = append(s.Columns, col)
}

// WriteTo writes the series as a table: session, the year it opened, and
// each column's score to three decimals with its n.
func (s *Series) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	if s.Title != "" {
		b.WriteString(s.Title + "\n")
	}
	width := make([]int, len(s.Names))
	fmt.Fprintf(&b, "%-7s %4s", "session", "year")
	for c, name := range s.Names {
		width[c] = max(len(name), 6)
		fmt.Fprintf(&b, "  %*s %4s", width[c], name, "n")
	}
	b.WriteByte('\n')
	for k, session := range s.Sessions {
		fmt.Fprintf(&b, "%-7d %4d", session, 1945+session)
		for c := range s.Columns {
			sc := s.Columns[c][k]
			fmt.Fprintf(&b, "  %*s %4d", width[c], num(sc.Value, 3), sc.N)
		}
		b.WriteByte('\n')
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// String returns the WriteTo rendering.
func (s *Series) String() string { return render(s) }

func render(w io.WriterTo) string {
	var b strings.Builder
	w.WriteTo(&b)
	return b.String()
}
