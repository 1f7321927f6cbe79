package cluster

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/gonum/mat"

	"github.com/unga-go/unga/alignment"
	"github.com/unga-go/unga/votes"
)

// DropReason says why Distances left a state out.
type DropReason int

const (
	// NoVote: the state cast no vote counted by the index in the selection
	// (the matrix's N(i,i) is 0): it was not a member, or was absent
	// throughout.
	NoVote DropReason = iota + 1
	// FewVotes: it cast votes on fewer than minN roll calls.
	FewVotes
	// FewJoint: it has fewer than minN joint votes with some state that
	// was kept (DropMissing's rule chose it among the states with missing
	// distances).
	FewJoint
	// NoScore: its score with itself or with a state that was kept is NaN
	// although enough roll calls lie behind it.
	NoScore
)

var dropReasons = [...]string{NoVote: "no vote", FewVotes: "too few votes", FewJoint: "too few joint votes", NoScore: "no score"}

// String returns "no vote", "too few votes", "too few joint votes" or
// "no score".
func (r DropReason) String() string {
	if r > 0 && int(r) < len(dropReasons) {
		return dropReasons[r]
	}
	return fmt.Sprintf("DropReason(%d)", int(r))
}

// DroppedState is a state Distances left out, and why.
type DroppedState struct {
	State  votes.Country
	Reason DropReason
	// Votes is the number of roll calls behind the state's score with
	// itself in the matrix: those on which it cast a vote (for
	// alignment.Coincidence, a yes or a no).
	Votes int
}

// Labeled holds the distances between states that can be clustered, with
// the states beside them: the way from an alignment.Matrix to blocs in one
// call. Its methods cluster the states and return partitions that know
// their states; their errors name states, not indices. Every method panics
// if Dist is nil or Dist or Sim (when not nil) is not of the size of
// States (the zero Labeled has no states, and its methods return errors
// wrapping ErrTooFew): build a Labeled with Distances, or keep the three
// in step.
type Labeled struct {
	// States are the states kept, in the matrix's order (by COW code).
	States []votes.Country
	// Dist holds 1 - score between the states kept, with a zero diagonal.
	Dist *mat.SymDense
	// Sim holds the scores between the states kept, the weights Louvain
	// uses (the diagonal is ignored). If nil, Louvain uses 1 - Dist.
	Sim *mat.SymDense
	// Dropped lists the states of the matrix left out, in the matrix's
	// order, with the reason.
	Dropped []DroppedState
	// Session, if not 0, is copied into the partitions (for their WriteCSV).
	// Distances leaves it 0: a matrix does not know its session.
	Session int
}

// Distances returns 1 - score between the states of m that have at least
// minN roll calls behind each of their scores (a minN of 0 counts as 1),
// and names the states left out. A distance is missing when fewer than
// minN roll calls lie behind the pair or the score is NaN; nothing is
// imputed. First every state that cast no vote (NoVote) or fewer than minN
// (FewVotes) is left out, and every state whose score with itself is NaN
// (NoScore); then, while a distance is missing, the state with the most
// missing distances among those left (DropMissing's rule: on a tie the one
// with fewer votes, then the later in the matrix), whose reason is FewJoint
// (or NoScore if none of its missing distances lacks roll calls).
//
// minN applies on top of the minimum the matrix was computed with: a pair
// with fewer than minN roll calls is missing even if m scored it. The
// scores must be at most 1, which every alignment index is, so that
// distances are non-negative.
//
// The error wraps ErrTooFew, and says what to change, when no state is
// left: the selection has too few roll calls for minN, or no votes; it
// wraps ErrInvalidOptions for a negative minN.
func Distances(m *alignment.Matrix, minN int) (*Labeled, error) {
	n := len(m.Countries)
	if minN < 0 {
		return nil, fmt.Errorf("%w: a minimum of %d roll calls, want 0 (one) or more", ErrInvalidOptions, minN)
	}
	minN = max(minN, 1)
	if n == 0 {
		return nil, fmt.Errorf("%w: the %v matrix has no states", ErrTooFew, m.Index)
	}
	dist := mat.NewSymDense(n, nil)
	counts := make([]int, n)
	for i := range n {
		counts[i] = m.At(i, i).N
		for j := i; j < n; j++ {
			v := 1 - m.Scores.At(i, j)
			if m.At(i, j).N < minN {
				v = math.NaN()
			}
			if i == j && !math.IsNaN(v) {
				// 0, not 1 - 1 computed: a state's distance to itself.
				v = 0
			}
			dist.SetSym(i, j, v)
		}
	}
	drop := dropMissing(dist, counts, minN)
	l := &Labeled{}
	var kept []int
	for i := range n {
		if !drop[i] {
			kept = append(kept, i)
		}
	}
	for i := range n {
		if !drop[i] {
			continue
		}
		d := DroppedState{State: m.Countries[i], Votes: counts[i]}
		switch {
		case counts[i] == 0:
			d.Reason = NoVote
		case counts[i] < minN:
			d.Reason = FewVotes
		case math.IsNaN(dist.At(i, i)):
			d.Reason = NoScore
		default:
			d.Reason = NoScore
			for j := range n {
				if j != i && counts[j] >= minN && m.At(i, j).N < minN {
					d.Reason = FewJoint
					break
				}
			}
		}
		l.Dropped = append(l.Dropped, d)
	}
	if len(kept) == 0 {
		return nil, l.allDropped(m, minN)
	}
	l.Dist = mat.NewSymDense(len(kept), nil)
	l.Sim = mat.NewSymDense(len(kept), nil)
	for a, i := range kept {
		l.States = append(l.States, m.Countries[i])
		for b := a; b < len(kept); b++ {
			l.Dist.SetSym(a, b, dist.At(i, kept[b]))
			l.Sim.SetSym(a, b, m.Scores.At(i, kept[b]))
		}
	}
	return l, nil
}

// allDropped explains why Distances kept no state.
func (l *Labeled) allDropped(m *alignment.Matrix, minN int) error {
	most := 0
	for _, d := range l.Dropped {
		most = max(most, d.Votes)
	}
	n := len(l.Dropped)
	switch {
	case most == 0:
		return fmt.Errorf("%w: none of the %d states cast a vote in the selection: widen it", ErrTooFew, n)
	case most < minN:
		return fmt.Errorf("%w: all %d states left out: the minimum is %d roll calls, and no state cast votes on more than %d: lower the minimum or widen the selection", ErrTooFew,
			n, minN, most)
	}
	return fmt.Errorf("%w: all %d states left out: no two have %d joint votes and a %v score: lower the minimum or widen the selection", ErrTooFew,
		n, minN, m.Index)
}

func (l *Labeled) stateName(i int) string {
	if i >= 0 && i < len(l.States) {
		return l.States[i].Name
	}
	return fmt.Sprintf("item %d", i)
}

// named rewrites an error about entry (i, j) with the states' names.
func (l *Labeled) named(err error) error {
	var e *entryError
	if !errors.As(err, &e) {
		return err
	}
	what := "distance"
	if e.what == "sim" {
		what = "similarity"
	}
	if e.i == e.j {
		return fmt.Errorf("%w: %s of %s to itself = %v", e.err, what, l.stateName(e.i), e.v)
	}
	return fmt.Errorf("%w: %s between %s and %s = %v", e.err, what, l.stateName(e.i), l.stateName(e.j), e.v)
}

// check reports a Labeled whose matrices do not fit its states, and one
// with fewer than need states.
func (l *Labeled) check(need int) error {
	n := len(l.States)
	if n == 0 && l.Dist == nil && l.Sim == nil {
		// The zero Labeled: no states.
		if need > 0 {
			return fmt.Errorf("%w: no states to cluster", ErrTooFew)
		}
		return nil
	}
	if l.Dist == nil || l.Dist.SymmetricDim() != n {
		panic(fmt.Sprintf("cluster: Labeled with %d states and a distance matrix of another size", n))
	}
	if l.Sim != nil && l.Sim.SymmetricDim() != n {
		panic(fmt.Sprintf("cluster: Labeled with %d states and a similarity matrix of another size", n))
	}
	if n < need {
		return fmt.Errorf("%w: %d states to cluster (%s), need at least %d", ErrTooFew, n, l.list(), need)
	}
	return nil
}

// list names the states, or says there are none.
func (l *Labeled) list() string {
	if len(l.States) == 0 {
		return "none"
	}
	names := make([]string, len(l.States))
	for i := range l.States {
		names[i] = l.States[i].Name
	}
	return strings.Join(names, ", ")
}

// checkK reports a number of blocs out of [1, len(States)].
func (l *Labeled) checkK(k int) error {
	if k < 1 || k > len(l.States) {
		return fmt.Errorf("%w: %d blocs asked of %d states", ErrK, k, len(l.States))
	}
	return nil
}

// Dendrogram returns the hierarchical clustering of the states (see
// Hierarchical); its items are l.States. The error wraps ErrTooFew for
// fewer than two states, and the errors of Hierarchical, naming states. It
// panics like Hierarchical for an unknown linkage.
func (l *Labeled) Dendrogram(method Linkage) (*Dendrogram, error) {
	if err := l.check(2); err != nil {
		return nil, err
	}
	d, err := Hierarchical(l.Dist, method)
	return d, l.named(err)
}

// Cut clusters the states with the given linkage (the function
// Hierarchical, or Labeled.Dendrogram) and cuts the tree into k blocs
// (Dendrogram.CutK, numbered as scipy's fcluster): the partition, where
// Dendrogram returns the tree. The error wraps ErrK unless 1 <= k <= len(States),
// ErrTooFew for fewer than two states, and the errors of Hierarchical,
// naming states. It panics like Hierarchical for an unknown linkage.
func (l *Labeled) Cut(method Linkage, k int) (*Partition, error) {
	d, err := l.Dendrogram(method)
	if err != nil {
		return nil, err
	}
	if err := l.checkK(k); err != nil {
		return nil, err
	}
	labels, err := d.CutK(k)
	if err != nil {
		return nil, err
	}
	return l.partition(labels)
}

// KMedoids partitions the states into k blocs with KMedoids. The error
// wraps ErrK unless 1 <= k <= len(States), and the errors of KMedoids, naming
// states.
func (l *Labeled) KMedoids(k int) (*Partition, error) {
	if err := l.check(1); err != nil {
		return nil, err
	}
	if err := l.checkK(k); err != nil {
		return nil, err
	}
	p, err := KMedoids(l.Dist, k)
	if err != nil {
		return nil, l.named(err)
	}
	q, err := l.partition(p.Labels)
	if err != nil {
		return nil, err
	}
	q.Medoids, q.Cost = p.Medoids, p.Cost
	return q, nil
}

// Louvain finds modularity communities of the states in the graph weighted
// by Sim (by 1 - Dist if Sim is nil), as the function Louvain does. The
// errors are those of Louvain, naming states: an index that can be
// negative (Kappa, SAbs) gives negative weights, which it rejects.
func (l *Labeled) Louvain(opts *LouvainOptions) (*Communities, error) {
	if err := l.check(1); err != nil {
		return nil, err
	}
	sim := l.Sim
	if sim == nil {
		n := len(l.States)
		sim = mat.NewSymDense(n, nil)
		for i := range n {
			for j := i; j < n; j++ {
				sim.SetSym(i, j, 1-l.Dist.At(i, j))
			}
		}
	}
	c, err := Louvain(sim, opts)
	if err != nil {
		return nil, l.named(err)
	}
	p, err := l.partition(c.Labels)
	if err != nil {
		return nil, err
	}
	c.Partition = *p
	return c, nil
}

// Partition returns labels (one per state, non-negative) as a Partition
// of the states, with silhouette widths when there are at least two
// distinct labels. Use it for labels from elsewhere: Dendrogram.CutHeight,
// a file. The labels are kept as they are (copied), so a label no state
// carries is an empty bloc. The error wraps ErrLabels if len(labels)
// differs from len(States) or a label is not in [0, len(States)): n states make at
// most n blocs.
func (l *Labeled) Partition(labels []int) (*Partition, error) {
	if err := l.check(0); err != nil {
		return nil, err
	}
	if len(labels) != len(l.States) {
		return nil, fmt.Errorf("%w: %d labels for %d states", ErrLabels, len(labels), len(l.States))
	}
	for i, v := range labels {
		if v < 0 || v >= len(labels) {
			return nil, fmt.Errorf("%w: label %d of %s not in [0, %d)", ErrLabels, v, l.stateName(i), len(labels))
		}
	}
	return l.partition(slices.Clone(labels))
}

// partition wraps labels of the states, with silhouette widths.
func (l *Labeled) partition(labels []int) (*Partition, error) {
	p := &Partition{Labels: labels, States: l.States, Session: l.Session}
	if len(labels) > 0 && slices.Min(labels) != slices.Max(labels) {
		w, _, err := Silhouette(l.Dist, labels)
		if err != nil {
			return nil, l.named(err)
		}
		p.Silhouette = w
	}
	return p, nil
}

// MDS places the states on a map by classical scaling (see MDS), with
// their ISO3 codes as Names.
func (l *Labeled) MDS(dims int) (*Map, error) {
	if err := l.check(1); err != nil {
		return nil, err
	}
	m, err := MDS(l.Dist, dims)
	if err != nil {
		return nil, l.named(err)
	}
	m.Names = make([]string, len(l.States))
	for i, c := range l.States {
		m.Names[i] = c.Code()
	}
	return m, nil
}
