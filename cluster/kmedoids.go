package cluster

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// KMedoids partitions the items of dist into k clusters around k medoids
// (representative items) with Kaufman and Rousseeuw's PAM: BUILD chooses the
// medoids greedily, then SWAP exchanges a medoid and a non-medoid while that
// lowers the total distance of items to their nearest medoid. The result is
// deterministic: on ties BUILD takes the lowest-numbered item, SWAP the first
// improving pair in the order (non-medoid ascending, medoid ascending), and an
// item equally near two medoids joins the lower-numbered one. A medoid always
// joins its own cluster, even when another medoid is as near (at distance 0,
// two states that voted alike throughout): so Medoids[c] is in cluster c and
// no cluster is empty. Medoids are numbered by item order, so cluster 0 is the
// one whose medoid comes first.
//
// k may exceed the number of distinct items (items at distance 0 from each
// other count once): the medoids are still k different items, and items
// identical to each other may then sit in different clusters, each around
// its own medoid, at no cost.
//
// The error wraps ErrK unless 1 <= k <= n, and ErrTooFew, ErrNaN, ErrInfinite,
// ErrNegative or ErrDiagonal for a bad matrix. Distances so large that their
// sums would overflow are scaled as in Hierarchical; if the total distance
// itself exceeds the largest float64 the error wraps ErrInfinite. Each SWAP
// pass takes O(k(n-k)n) time.
func KMedoids(dist mat.Symmetric, k int) (*Partition, error) {
	n := dist.SymmetricDim()
	if n < 1 {
		return nil, fmt.Errorf("%w: no items", ErrTooFew)
	}
	if k < 1 || k > n {
		return nil, fmt.Errorf("%w: %d medoids for %d items", ErrK, k, n)
	}
	d, err := square(dist)
	if err != nil {
		return nil, err
	}
	// Sums of distances near the largest float64 would overflow: work on
	// distances scaled down by a power of two (exact) and scale the cost
	// back.
	scale := scaleDown(d)
	isMed := make([]bool, n)
	var med []int
	// near[j] is the distance from j to its nearest medoid.
	near := make([]float64, n)
	for i := range near {
		near[i] = math.Inf(1)
	}
	// BUILD.
	for len(med) < k {
		best, arg := math.Inf(-1), -1
		for i := range n {
			if isMed[i] {
				continue
			}
			row := d[i*n : i*n+n]
			var gain float64
			if len(med) == 0 {
				// The first medoid minimises the sum of distances.
				for _, v := range row {
					gain -= v
				}
			} else {
				for j, v := range row {
					if !isMed[j] && near[j] > v {
						gain += near[j] - v
					}
				}
			}
			if gain > best {
				best, arg = gain, i
			}
		}
		isMed[arg] = true
		med = append(med, arg)
		for j, v := range d[arg*n : arg*n+n] {
			near[j] = min(near[j], v)
		}
	}
	// SWAP.
	slices.Sort(med)
	nearest, second := make([]float64, n), make([]float64, n)
	which := make([]int, n)
	cost := assign(d, n, med, isMed, which, nearest, second)
	for {
		best, bm, bh := 0.0, -1, -1
		for h := range n {
			if isMed[h] {
				continue
			}
			rh := d[h*n : h*n+n]
			for p, m := range med {
				var delta float64
				for j := range n {
					if which[j] == p {
						delta += min(second[j], rh[j]) - nearest[j]
					} else if v := rh[j] - nearest[j]; v < 0 {
						delta += v
					}
				}
				if delta < best {
					best, bm, bh = delta, m, h
				}
			}
		}
		// A swap must gain more than rounding noise, or PAM could cycle
		// between equal configurations.
		if bm < 0 || best > -1e-12*math.Max(cost, 1) {
			break
		}
		isMed[bm], isMed[bh] = false, true
		med[slices.Index(med, bm)] = bh
		slices.Sort(med)
		cost = assign(d, n, med, isMed, which, nearest, second)
	}
	cost *= scale
	if math.IsInf(cost, 0) {
		return nil, fmt.Errorf("%w: k-medoids: the total distance to the medoids overflows float64: divide the distances by a constant first", ErrInfinite)
	}
	return &Partition{Labels: which, Medoids: med, Cost: cost}, nil
}

// assign sets which[j] to the position in med of j's nearest medoid (the
// first on a tie; a medoid's own position for a medoid), nearest[j] to its
// distance and second[j] to the distance to the next nearest, and returns
// the total distance. med is sorted; isMed marks its items.
func assign(d []float64, n int, med []int, isMed []bool, which []int, nearest, second []float64) float64 {
	var cost float64
	for j := range n {
		a, b, w := math.Inf(1), math.Inf(1), -1
		for p, m := range med {
			v := d[m*n+j]
			switch {
			case m == j:
				// Handled below: a medoid is its own nearest.
			case v < a:
				a, b, w = v, a, p
			case v < b:
				b = v
			}
		}
		if isMed[j] {
			// The diagonal is 0 (square checked it): j's own cluster,
			// with the nearest other medoid second, whatever ties.
			w, _ = slices.BinarySearch(med, j)
			a, b = 0, a
		}
		which[j], nearest[j], second[j] = w, a, b
		cost += a
	}
	return cost
}

// Silhouette returns the silhouette width of every item under the partition
// labels, and their mean (Rousseeuw 1987, as R's cluster::silhouette): with
// a(i) the mean distance from i to the other members of its cluster and b(i)
// the smallest mean distance from i to the members of another cluster,
// s(i) = (b(i) - a(i)) / max(a(i), b(i)), and 0 for an item alone in its
// cluster or when a(i) = b(i) = 0. Widths near 1 mean well placed, near -1
// misplaced.
//
// Labels may be any non-negative integers; each distinct value is a
// cluster. The error wraps ErrLabels if len(labels) differs from the number
// of items or a label is negative, ErrK if there are fewer than two clusters,
// and the matrix errors of KMedoids for a bad matrix.
func Silhouette(dist mat.Symmetric, labels []int) (widths []float64, mean float64, err error) {
	n := dist.SymmetricDim()
	if len(labels) != n {
		return nil, 0, fmt.Errorf("%w: %d labels for %d items", ErrLabels, len(labels), n)
	}
	// Renumber labels 0..K-1 in order of first appearance.
	index := map[int]int{}
	lab := make([]int, n)
	for i, l := range labels {
		if l < 0 {
			return nil, 0, fmt.Errorf("%w: label %d of item %d", ErrLabels, l, i)
		}
		c, ok := index[l]
		if !ok {
			c = len(index)
			index[l] = c
		}
		lab[i] = c
	}
	k := len(index)
	if k < 2 {
		return nil, 0, fmt.Errorf("%w: silhouette of %d clusters, need at least 2", ErrK, k)
	}
	d, err := square(dist)
	if err != nil {
		return nil, 0, err
	}
	// Widths are ratios: scaling huge distances keeps the sums finite and
	// changes nothing else.
	scaleDown(d)
	size := make([]int, k)
	for _, c := range lab {
		size[c]++
	}
	widths = make([]float64, n)
	sum := make([]float64, k)
	for i := range n {
		clear(sum)
		for j, v := range d[i*n : i*n+n] {
			sum[lab[j]] += v
		}
		own := lab[i]
		if size[own] == 1 {
			continue
		}
		a := sum[own] / float64(size[own]-1)
		b := math.Inf(1)
		for c := range k {
			if c != own {
				b = min(b, sum[c]/float64(size[c]))
			}
		}
		if m := max(a, b); m > 0 {
			widths[i] = (b - a) / m
		}
		mean += widths[i]
	}
	return widths, mean / float64(n), nil
}
