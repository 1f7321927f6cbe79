package alignment

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/unga-go/unga/internal/tidy"
	"github.com/unga-go/unga/votes"
)

// PeriodChange is one state's score with a reference state in two selections of
// roll calls (two periods), and how it changed.
type PeriodChange struct {
	Country votes.Country
	// Before and After are the state's scores in the first and the second
	// selection, each with its bootstrap interval; a score on fewer than
	// MinN roll calls, or on none (a state that cast no vote in that
	// selection, or has no row in its dataset), is NaN.
	Before, After Interval
	// Change is After minus Before, with a percentile interval from the
	// differences of the two scores over the resamples; its N is the
	// smaller of the two n. NaN, with a NaN interval, if either score is.
	Change Interval
	// Rank is 1 for the largest rise, each state its own place in the
	// order of PeriodComparison.States; 0 for a NaN change.
	Rank int
	// MemberBefore and MemberAfter say how much of each selection the
	// state was a UN member for.
	MemberBefore, MemberAfter Membership
}

// PeriodComparison orders every state by the change of its score with a
// reference state from one selection of roll calls to another.
type PeriodComparison struct {
	Reference votes.Country
	Index     Index
	// States holds every state that cast a vote in either selection, the
	// reference left out: those with a change from the largest rise to the
	// largest fall (ties: larger n first, then by COW code), then those
	// whose change is NaN (no score in one of the selections: not yet or
	// no longer a member, no vote, or fewer than MinN roll calls in common
	// with the reference), by n and COW code. NaN never comes first.
	States []PeriodChange
	// NoVotes names the states that cast no vote in either selection;
	// Partial, with Options.MinMembership, those that were members for
	// less of either. Neither is ranked.
	NoVotes, Partial []votes.Country
}

// periodScores holds every state's score with the reference on one
// selection and on each of its resamples.
type periodScores struct {
	ds    *votes.Dataset
	row   map[int]int // COW code -> row of ds
	score []Score     // by row
	reps  []float64   // reps[i*nr+r]: row i on resample r
	voted []bool      // by row: cast a vote on the roll calls counted
	ms    []Membership
	opts  BootstrapOptions
}

// scoresOn scores every state of ds with ref, on the roll calls as they are
// and on each resample; stratum keys the resamples' random streams, so
// that the two selections are drawn independently.
func scoresOn(ds *votes.Dataset, ref votes.Country, x Index, o BootstrapOptions, stratum int) (*periodScores, error) {
	ir, err := rowOf(ds, ref)
	if err != nil {
		return nil, err
	}
	rs, err := resamplerOf(ds, o, func(*votes.RollCall) (int, bool) { return stratum, true })
	if err != nil {
		return nil, err
	}
	if !slices.ContainsFunc(rs.cols, func(j int) bool { return o.vote(ds.Vote(ir, j)).Cast() }) {
		return nil, noVotes(ds, ref, &o.Options)
	}
	nc, nr := ds.NumCountries(), o.Resamples
	ps := &periodScores{ds: ds, row: make(map[int]int, nc), score: make([]Score, nc), reps: make([]float64, nc*nr),
		voted: make([]bool, nc), ms: memberships(ds, &o.Options), opts: o}
	codes := make([][]uint8, nc)
	parallel(nc, func(i int) {
		codes[i] = rs.cellCodes(i, ir)
		row := ds.Row(i)
		ps.voted[i] = slices.ContainsFunc(rs.cols, func(j int) bool { return o.vote(row[j]).Cast() })
		t := tableOfCells(codes[i], rs.cols)
		ps.score[i] = t.Score(x, o.MinN)
	})
	for i, c := range ds.Countries() {
		ps.row[c.COW] = i
	}
	parallelWith(nr, func(cols *[]int, r int) {
		*cols = rs.columnsTo(*cols, r)
		for i := range nc {
			t := tableOfCells(codes[i], *cols)
			ps.reps[i*nr+r] = t.Score(x, o.MinN).Value
		}
	})
	return ps, nil
}

// ComparePeriods ranks every state by the change of index x of its votes with
// those of ref from one selection of roll calls (before) to another
// (after): "whose agreement with China rose most between 2000-2004 and
// 2015-2019?". Each selection is scored as Rank scores it, under the same
// options, and resampled as BootstrapReference resamples it, the two
// independently (the first selection's resamples are those
// BootstrapReference draws with the same seed, so Before's interval is
// the one it gives); the change's interval is the percentile interval of
// the differences. The two datasets may come from different sources:
// states are matched by COW code, and a state missing from one has a NaN
// score there.
//
// Each state's Membership in both selections is given; opts.MinMembership
// ranks only the states that were members for enough of both, so that
// South Sudan, admitted in 2011, is not ranked on a change from nothing.
//
// It returns ErrInvalidOptions for a bad option or fewer resamples than
// MinResamples(opts.Level), and an error, saying which selection, wrapping
// votes.ErrUnknownCountry if ref has no row in a dataset, ErrEmpty if a
// selection has no roll call left and ErrNoVotes if ref cast no vote in
// one (naming the state that held its seat then, as Rank does). It panics
// if x is not a known index.
func ComparePeriods(before, after *votes.Dataset, ref votes.Country, x Index, opts *BootstrapOptions) (*PeriodComparison, error) {
	x.check()
	o, err := opts.intervals()
	if err != nil {
		return nil, err
	}
	var ps [2]*periodScores
	for k, ds := range [2]*votes.Dataset{before, after} {
		if ps[k], err = scoresOn(ds, ref, x, o, k); err != nil {
			return nil, fmt.Errorf("alignment: %s selection: %w", [2]string{"first", "second"}[k], err)
		}
	}
	// Every state of either dataset, by COW code.
	var states []votes.Country
	for _, p := range ps {
		for _, c := range p.ds.Countries() {
			if c.COW != ref.COW {
				states = append(states, c)
			}
		}
	}
	slices.SortFunc(states, func(a, b votes.Country) int { return cmp.Compare(a.COW, b.COW) })
	states = slices.CompactFunc(states, func(a, b votes.Country) bool { return a.COW == b.COW })

	nr := o.Resamples
	cr := &PeriodComparison{Reference: ref, Index: x}
	diff := make([]float64, nr)
	rep := func(p *periodScores, i int) []float64 { return p.reps[i*nr : (i+1)*nr] }
	nan := make([]float64, nr)
	for r := range nan {
		nan[r] = math.NaN()
	}
	for _, c := range states {
		ch := PeriodChange{Country: c}
		var reps [2][]float64
		var scores [2]Score
		voted := false
		enough := true
		for k, p := range ps {
			scores[k], reps[k] = Score{Value: math.NaN()}, nan
			m := Membership{Of: p.ms[0].Of}
			if i, ok := p.row[c.COW]; ok {
				scores[k], reps[k], m = p.score[i], rep(p, i), p.ms[i]
				voted = voted || p.voted[i]
			}
			enough = enough && m.enough(&o.Options)
			if k == 0 {
				ch.MemberBefore = m
			} else {
				ch.MemberAfter = m
			}
		}
		if !voted {
			cr.NoVotes = append(cr.NoVotes, c)
			continue
		}
		if !enough {
			cr.Partial = append(cr.Partial, c)
			continue
		}
		ch.Before = o.interval(scores[0], slices.Clone(reps[0]))
		ch.After = o.interval(scores[1], slices.Clone(reps[1]))
		for r := range diff {
			diff[r] = reps[1][r] - reps[0][r]
		}
		ch.Change = o.interval(Score{Value: scores[1].Value - scores[0].Value, N: min(scores[0].N, scores[1].N)}, diff)
		cr.States = append(cr.States, ch)
	}
	slices.SortStableFunc(cr.States, func(a, b PeriodChange) int {
		return compareRanked(a.Change.Score, b.Change.Score, a.Country.COW, b.Country.COW)
	})
	for k := range cr.States {
		if !math.IsNaN(cr.States[k].Change.Value) {
			cr.States[k].Rank = k + 1
		}
	}
	return cr, nil
}

// lookup returns state c's entry, and whether it is ranked.
func (cr *PeriodComparison) lookup(c votes.Country) (PeriodChange, bool) {
	k := slices.IndexFunc(cr.States, func(s PeriodChange) bool { return s.Country.COW == c.COW })
	if k < 0 {
		return PeriodChange{}, false
	}
	return cr.States[k], true
}

// writeTo writes the text String returns.
func (cr *PeriodComparison) writeTo(w io.Writer) (int64, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s with %s: change, %d states\n", cr.Index, cr.Reference, len(cr.States))
	for _, s := range cr.States {
		rank := "-"
		if s.Rank > 0 {
			rank = fmt.Sprint(s.Rank)
		}
		fmt.Fprintf(&b, "%4s  %-24s %s -> %s  %s [%s, %s]%s%s\n", rank, s.Country.Name, s.Before.Score, s.After.Score,
			signed(s.Change.Value), signed(s.Change.Lo), signed(s.Change.Hi), s.MemberBefore.note("before"), s.MemberAfter.note("after"))
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// signed formats a change to four decimals with its sign, "NA" for NaN.
func signed(v float64) string {
	if math.IsNaN(v) {
		return "NA"
	}
	return fmt.Sprintf("%+.4f", v)
}

// String returns one line per ranked state: rank, name, the two scores
// with their n, and the change with its interval; and, for a state that
// was a member for part of a selection only, which part.
func (cr *PeriodComparison) String() string { return render(cr) }

// periodChangeRow is one state's change of score with the reference: a is the
// reference, b the state. The _before and _after columns are the two
// selections' scores, n, intervals and memberships (the share of each
// selection's roll calls the state was a member for); change, lo and hi
// the change and its interval.
type periodChangeRow struct {
	Rank int `csv:"rank"` // 0 for a NaN change (last)
	tidy.Pair
	Index        string  `csv:"index"`
	ScoreBefore  float64 `csv:"score_before"`
	NBefore      int     `csv:"n_before"`
	LoBefore     float64 `csv:"lo_before"`
	HiBefore     float64 `csv:"hi_before"`
	MemberBefore float64 `csv:"member_share_before"`
	ScoreAfter   float64 `csv:"score_after"`
	NAfter       int     `csv:"n_after"`
	LoAfter      float64 `csv:"lo_after"`
	HiAfter      float64 `csv:"hi_after"`
	MemberAfter  float64 `csv:"member_share_after"`
	Change       float64 `csv:"change"`
	Lo           float64 `csv:"lo"`
	Hi           float64 `csv:"hi"`
	Level        float64 `csv:"level"`
}

// rows returns the rows of WriteCSV.
func (cr *PeriodComparison) rows() []periodChangeRow {
	out := make([]periodChangeRow, 0, len(cr.States))
	a := cr.Reference
	for _, s := range cr.States {
		b, bf, af, ch := s.Country, s.Before, s.After, s.Change
		out = append(out, periodChangeRow{
			Rank: s.Rank, Pair: pairOf(a, b), Index: cr.Index.String(),
			ScoreBefore: bf.Value, NBefore: bf.N, LoBefore: bf.Lo, HiBefore: bf.Hi, MemberBefore: s.MemberBefore.Share(),
			ScoreAfter: af.Value, NAfter: af.N, LoAfter: af.Lo, HiAfter: af.Hi, MemberAfter: s.MemberAfter.Share(),
			Change: ch.Value, Lo: ch.Lo, Hi: ch.Hi, Level: ch.Level,
		})
	}
	return out
}

// WriteCSV writes as tidy CSV, with a header line, one tidy row per ranked
// state, in order.
func (cr *PeriodComparison) WriteCSV(w io.Writer) error { return tidy.Write(w, cr.rows()) }
