package alignment

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/unga-go/unga/votes"
)

// Ranked is one state's place in a Ranking.
type Ranked struct {
	Country votes.Country
	// Score is the state's index with the reference, with the number of
	// roll calls both voted on; NaN if that number is below the minimum.
	Score Score
	// Rank is the state's place in Ranking.States: 1 for the highest
	// score, and each state its own place, so that tied scores get
	// consecutive ranks in the order of States (larger n first, then lower
	// COW code); 0 for a state without a score. RankedInterval.Rank (from
	// BootstrapReference) differs: there tied states share the best rank.
	Rank int
	// Membership says for how much of the selection the state was a UN
	// member: a state admitted midway is scored on its part alone.
	Membership Membership
}

// A Ranking orders every state of a selection by its score with a
// reference state.
type Ranking struct {
	Reference votes.Country
	Index     Index
	// States holds every state that cast a vote in the selection, the
	// reference left out: those with a score from the highest to the
	// lowest (ties: larger n first, then by COW code), then those whose
	// score is NaN (fewer than MinN roll calls in common with the
	// reference), by n and COW code.
	States []Ranked
	// NoVotes names the states of the dataset that cast no vote on the
	// roll calls kept: they are not ranked.
	NoVotes []votes.Country
	// Partial names, with Options.MinMembership, the states that cast a
	// vote but were members for less of the selection: they are not
	// ranked.
	Partial []votes.Country
}

// Rank ranks every state of ds by index x of its votes with those of ref,
// over the roll calls of ds kept as in Pair (unanimous ones dropped unless
// opts.KeepUnanimous). A score on fewer than opts.MinN roll calls is NaN and
// ranked last, after every number; states that cast no vote at all are
// left out and named in NoVotes. Each state's Membership says how much of
// the selection it was a member for; opts.MinMembership ranks only those
// that were members for enough of it (an error if not in [0, 1]), and
// names the others in Partial. Narrow ds first to rank over any
// selection: a year (votes.InYears), an issue (votes.HasIssue), some states
// (SelectCountries); the scores do not depend on which other states are in
// ds.
//
// It returns an error wrapping votes.ErrUnknownCountry if ref has no row in
// ds, ErrEmpty if ds has no roll call left, ErrNoVotes if ref cast no
// vote on them (a state that did not sit then: see ErrNoVotes), and
// ErrInvalidOptions for a bad option. It panics if x is not a known index.
func Rank(ds *votes.Dataset, ref votes.Country, x Index, opts *Options) (*Ranking, error) {
	x.check()
	o, err := opts.get()
	if err != nil {
		return nil, err
	}
	r, err := rowOf(ds, ref)
	if err != nil {
		return nil, err
	}
	if ds.NumRollCalls() == 0 {
		return nil, ErrEmpty
	}
	b := newBitsets(ds, nil, o)
	if b.empty() {
		return nil, ErrEmpty
	}
	if b.hi[r] <= b.lo[r] {
		return nil, noVotes(ds, ref, &o)
	}
	rk := &Ranking{Reference: ref, Index: x}
	ms := memberships(ds, &o)
	for i, c := range ds.Countries() {
		if i == r {
			continue
		}
		if b.hi[i] <= b.lo[i] {
			rk.NoVotes = append(rk.NoVotes, c)
			continue
		}
		if !ms[i].enough(&o) {
			rk.Partial = append(rk.Partial, c)
			continue
		}
		t := b.table(r, i, 0, b.nw)
		rk.States = append(rk.States, Ranked{Country: c, Score: t.Score(x, o.MinN), Membership: ms[i]})
	}
	slices.SortStableFunc(rk.States, func(a, b Ranked) int {
		return compareRanked(a.Score, b.Score, a.Country.COW, b.Country.COW)
	})
	for k := range rk.States {
		if !math.IsNaN(rk.States[k].Score.Value) {
			rk.States[k].Rank = k + 1
		}
	}
	return rk, nil
}

// scored returns the states with a score, highest first.
func (rk *Ranking) scored() []Ranked {
	n := 0
	for n < len(rk.States) && !math.IsNaN(rk.States[n].Score.Value) {
		n++
	}
	return rk.States[:n]
}

// Top returns the k states most aligned with the reference, highest score
// first; fewer if fewer have a score. States whose score is NaN are never
// among them.
func (rk *Ranking) Top(k int) []Ranked {
	s := rk.scored()
	return slices.Clone(s[:min(max(k, 0), len(s))])
}

// Bottom returns the k states least aligned with the reference, lowest
// score first; fewer if fewer have a score. States whose score is NaN are
// never among them.
func (rk *Ranking) Bottom(k int) []Ranked {
	s := rk.scored()
	out := slices.Clone(s[len(s)-min(max(k, 0), len(s)):])
	slices.Reverse(out)
	return out
}

// writeTo writes the text String returns.
func (rk *Ranking) writeTo(w io.Writer) (int64, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s with %s, %d states\n", rk.Index, rk.Reference, len(rk.States))
	for _, s := range rk.States {
		rank := "-"
		if s.Rank > 0 {
			rank = fmt.Sprint(s.Rank)
		}
		fmt.Fprintf(&b, "%4s  %-32s %s%s\n", rank, s.Country.Name, s.Score, s.Membership.note(""))
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// String returns one line per ranked state: rank, name, score and n, and
// for a state that was a member for part of the selection only, which part.
func (rk *Ranking) String() string { return render(rk) }

// compareRanked orders two states' scores as a ranking lists them: higher
// score first, NaN last, ties to the larger n, then to the lower COW code.
func compareRanked(a, b Score, cowA, cowB int) int {
	return cmpNaNLast(a.Value, b.Value, cmp.Or(cmp.Compare(b.N, a.N), cmp.Compare(cowA, cowB)))
}
