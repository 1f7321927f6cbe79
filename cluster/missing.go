package cluster

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Subset is a distance matrix restricted to the items DropMissing kept.
type Subset struct {
	// Dist holds the distances between kept items, Dist[a,b] =
	// original[Kept[a],Kept[b]].
	Dist *mat.SymDense
	// Kept lists the original indices of the items kept, in increasing
	// order; Dropped those left out.
	Kept, Dropped []int
}

// DropMissing is the one way in for a distance matrix with missing entries.
// A distance computed from joint votes is missing (NaN) when two states never
// voted together; rather than imputing it, DropMissing leaves out items until
// no NaN remains, so that callers can list who was left out.
//
// First it drops every item whose count is below minCount (counts[i] is, say,
// the number of votes state i cast; counts may be nil to skip this) or whose
// own distance dist[i,i] is NaN. Then, while a NaN remains, it drops the item
// with the most NaN entries among those left, on a tie the one with the
// smaller count, then the higher index. Other checks (negative or infinite
// entries) are left to the function the subset goes to.
//
// The error wraps ErrLabels if counts is not nil and its length differs from
// the number of items, and ErrTooFew if no item is left (every count below
// minCount, or every distance NaN): lower minCount or widen the selection.
func DropMissing(dist mat.Symmetric, counts []int, minCount int) (*Subset, error) {
	n := dist.SymmetricDim()
	if counts != nil && len(counts) != n {
		return nil, fmt.Errorf("%w: %d counts for %d items", ErrLabels, len(counts), n)
	}
	drop := dropMissing(dist, counts, minCount)
	s := &Subset{}
	for i := range n {
		if drop[i] {
			s.Dropped = append(s.Dropped, i)
		} else {
			s.Kept = append(s.Kept, i)
		}
	}
	if len(s.Kept) == 0 {
		few, most := 0, 0
		for i := range counts {
			if counts[i] < minCount {
				few++
			}
			most = max(most, counts[i])
		}
		switch {
		case n == 0:
			return nil, fmt.Errorf("%w: no items", ErrTooFew)
		case few == n:
			return nil, fmt.Errorf("%w: all %d items left out: every count is below the minimum %d (the largest is %d): lower the minimum or widen the selection", ErrTooFew,
				n, minCount, most)
		}
		return nil, fmt.Errorf("%w: all %d items left out for NaN distances (missing: to themselves or to every other item)", ErrTooFew, n)
	}
	s.Dist = mat.NewSymDense(len(s.Kept), nil)
	for a, i := range s.Kept {
		for b := a; b < len(s.Kept); b++ {
			s.Dist.SetSym(a, b, dist.At(i, s.Kept[b]))
		}
	}
	return s, nil
}

// dropMissing returns which items DropMissing leaves out.
func dropMissing(dist mat.Symmetric, counts []int, minCount int) []bool {
	n := dist.SymmetricDim()
	drop := make([]bool, n)
	for i := range n {
		if math.IsNaN(dist.At(i, i)) || (counts != nil && counts[i] < minCount) {
			drop[i] = true
		}
	}
	nan := make([]int, n)
	for i := range n {
		for j := i + 1; j < n; j++ {
			if !drop[i] && !drop[j] && math.IsNaN(dist.At(i, j)) {
				nan[i]++
				nan[j]++
			}
		}
	}
	for {
		worst := -1
		for i := range n {
			if drop[i] || nan[i] == 0 {
				continue
			}
			if worst < 0 || nan[i] > nan[worst] || (nan[i] == nan[worst] && counts != nil && counts[i] <= counts[worst]) || (nan[i] == nan[worst] && counts == nil) {
				worst = i
			}
		}
		if worst < 0 {
			break
		}
		drop[worst] = true
		for j := range n {
			if !drop[j] && math.IsNaN(dist.At(worst, j)) {
				nan[j]--
			}
		}
		nan[worst] = 0
	}
	return drop
}
