package cluster

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/gonum/mat"
)

// Linkage is the rule giving the distance between two clusters in
// hierarchical clustering. After clusters x and y (sizes nx, ny) merge, the
// distance to any other cluster i (size ni) is the Lance-Williams update
// written beside each constant, computed as scipy computes it.
type Linkage int

const (
	// Single: min(d(x,i), d(y,i)); nearest members.
	Single Linkage = iota
	// Complete: max(d(x,i), d(y,i)); farthest members.
	Complete
	// Average (UPGMA): (nx d(x,i) + ny d(y,i)) / (nx+ny); mean over all pairs.
	Average
	// Weighted (WPGMA): (d(x,i) + d(y,i)) / 2.
	Weighted
	// Centroid (UPGMC): sqrt((nx d(x,i)² + ny d(y,i)² - nx ny d(x,y)²/(nx+ny)) / (nx+ny)),
	// the distance between centroids when the input is Euclidean.
	Centroid
	// Median (WPGMC): sqrt(d(x,i)²/2 + d(y,i)²/2 - d(x,y)²/4).
	Median
	// Ward: sqrt(((ni+nx) d(x,i)² + (ni+ny) d(y,i)² - ni d(x,y)²) / (nx+ny+ni)),
	// on distances, not squared distances, as scipy and R's "ward.D2".
	Ward
)

var linkageNames = [...]string{"single", "complete", "average", "weighted", "centroid", "median", "ward"}

// String returns scipy's name of the method: "single", "average", ...
func (l Linkage) String() string {
	if l < 0 || int(l) >= len(linkageNames) {
		return fmt.Sprintf("Linkage(%d)", int(l))
	}
	return linkageNames[l]
}

// ParseLinkage returns the linkage named s, one of the names of
// Linkage.String; it also accepts "upgma", "wpgma", "upgmc" and "wpgmc".
func ParseLinkage(s string) (Linkage, error) {
	switch strings.ToLower(s) {
	case "upgma":
		return Average, nil
	case "wpgma":
		return Weighted, nil
	case "upgmc":
		return Centroid, nil
	case "wpgmc":
		return Median, nil
	}
	for i, name := range linkageNames {
		if strings.EqualFold(s, name) {
			return Linkage(i), nil
		}
	}
	return 0, fmt.Errorf("cluster: unknown linkage %q (want single, complete, average, weighted, centroid, median or ward)", s)
}

// Merge is one step of agglomerative clustering: clusters A and B (A < B)
// join at distance Height into a cluster of Size items. As in scipy's
// linkage matrix, clusters 0 to n-1 are the items and cluster n+s is the one
// formed at step s.
type Merge struct {
	A, B   int
	Height float64
	Size   int
}

// Dendrogram is the result of hierarchical clustering of n items: n-1 merges.
// Its Steps equal, row for row, the matrix scipy.cluster.hierarchy.linkage
// returns for the same method and distances. Its methods may panic if Steps
// are not such a sequence of merges (edited by hand, say).
type Dendrogram struct {
	Method Linkage
	Steps  []Merge
}

// Len returns the number of items (leaves): len(Steps)+1.
func (d *Dendrogram) Len() int { return len(d.Steps) + 1 }

// Hierarchical clusters the n items of dist by agglomerative clustering with
// the given linkage and returns the n-1 merges. dist must have at least two
// items, a zero diagonal, and finite, non-negative entries; otherwise the error
// wraps ErrTooFew, ErrDiagonal, ErrNaN, ErrInfinite or ErrNegative. The
// centroid, median and Ward updates never take the root of a negative number,
// even on distances far from Euclidean, because the pair merged is always at
// most as far apart as either is from any other cluster.
//
// Distances beyond about 3e150, whose squares or weighted sums would
// overflow, are first divided by a power of two (exact in floating point)
// and the heights multiplied back; if a height then exceeds the largest
// float64 the error wraps ErrInfinite. Smaller inputs are not scaled.
//
// Hierarchical panics if method is not one of the Linkage constants.
//
// The algorithms are scipy's, step for step, so that ties resolve the same
// way: a minimum spanning tree (Prim's algorithm from item 0, the
// lowest-numbered item on a tie) for Single; the nearest-neighbour chain for
// Complete, Average, Weighted and Ward, started at the lowest-numbered live
// cluster, keeping the previous chain element on a tie and otherwise taking
// the lowest-numbered of equally near clusters; for these, the merges are
// then sorted by height with a stable sort and renumbered as scipy does.
// Centroid and Median, whose heights need not increase, use Müllner's generic
// algorithm with scipy's binary heap and keep the merge order (they may have
// inversions: a merge lower than an earlier one).
//
// Time is O(n²) for all but Centroid and Median (O(n²) in practice, O(n³)
// at worst); the working copy of the distances takes n² float64s.
func Hierarchical(dist mat.Symmetric, method Linkage) (*Dendrogram, error) {
	if method < Single || method > Ward {
		panic(fmt.Sprintf("cluster: unknown linkage %d", int(method)))
	}
	n := dist.SymmetricDim()
	if n < 2 {
		return nil, fmt.Errorf("%w: %d items, need at least 2", ErrTooFew, n)
	}
	var steps []Merge
	var scale float64
	switch method {
	case Centroid, Median:
		d, err := square(dist)
		if err != nil {
			return nil, err
		}
		scale = scaleDown(d)
		steps = generic(d, n, method)
	default:
		// Half the memory of a square copy: allocating and filling it is a
		// good part of the time at n = 200.
		d, err := condensedChecked(dist)
		if err != nil {
			return nil, err
		}
		scale = scaleDown(d)
		if method == Single {
			steps = mstSingle(d, n)
		} else {
			steps = nnChain(d, n, method)
		}
	}
	if scale != 1 {
		for s := range steps {
			steps[s].Height *= scale
			if math.IsInf(steps[s].Height, 0) {
				return nil, fmt.Errorf("%w: %v linkage: the height of merge %d overflows float64: divide the distances by a constant first", ErrInfinite,
					method, s)
			}
		}
	}
	return &Dendrogram{Method: method, Steps: steps}, nil
}

// condensedChecked returns the strict upper triangle of dist row by row, the
// layout of scipy's condensed distance matrices, after the checks of square.
func condensedChecked(dist mat.Symmetric) ([]float64, error) {
	n := dist.SymmetricDim()
	d := make([]float64, 0, n*(n-1)/2)
	if sd, ok := dist.(*mat.SymDense); ok {
		raw := sd.RawSymmetric()
		for i := range n {
			d = append(d, raw.Data[i*raw.Stride+i+1:i*raw.Stride+n]...)
		}
	} else {
		for i := range n {
			for j := i + 1; j < n; j++ {
				d = append(d, dist.At(i, j))
			}
		}
	}
	for i := range n {
		if v := dist.At(i, i); v != 0 {
			return nil, checkDiagonal(i, v)
		}
	}
	k := 0
	for i := range n {
		for j, v := range d[k : k+n-1-i] {
			if !(v >= 0 && v <= math.MaxFloat64) {
				return nil, checkValue("dist", i, i+1+j, v)
			}
		}
		k += n - 1 - i
	}
	return d, nil
}

// rowOffsets returns off with off[i]+j the condensed index of (i, j), i < j.
func rowOffsets(n int) []int {
	off := make([]int, n)
	for i := range n {
		off[i] = n*i - i*(i+1)/2 - i - 1
	}
	return off
}

// square returns dist as a dense row-major n×n slice after checking that it
// is a distance matrix: finite, non-negative entries and a zero diagonal.
// Rows are contiguous both sides of the diagonal, which makes the scans of
// the clustering loops sequential reads.
func square(dist mat.Symmetric) ([]float64, error) {
	n := dist.SymmetricDim()
	d := make([]float64, n*n)
	if sd, ok := dist.(*mat.SymDense); ok {
		raw := sd.RawSymmetric()
		for i := range n {
			copy(d[i*n+i:i*n+n], raw.Data[i*raw.Stride+i:i*raw.Stride+n])
		}
	} else {
		for i := range n {
			for j := i; j < n; j++ {
				d[i*n+j] = dist.At(i, j)
			}
		}
	}
	for i := range n {
		if v := d[i*n+i]; v != 0 {
			return nil, checkDiagonal(i, v)
		}
		for j, v := range d[i*n+i+1 : i*n+n] {
			if !(v >= 0 && v <= math.MaxFloat64) {
				return nil, checkValue("dist", i, i+1+j, v)
			}
		}
	}
	for i := range n {
		for j := i + 1; j < n; j++ {
			d[j*n+i] = d[i*n+j]
		}
	}
	return d, nil
}

// update returns the Lance-Williams distance from cluster i to the union of
// x and y, with the operations in scipy's order so that results (and ties)
// are bit for bit the same.
func update(method Linkage, dxi, dyi, dxy float64, nx, ny, ni int) float64 {
	switch method {
	case Single:
		return min(dxi, dyi)
	case Complete:
		return max(dxi, dyi)
	case Average:
		return (float64(nx)*dxi + float64(ny)*dyi) / float64(nx+ny)
	case Weighted:
		return 0.5 * (dxi + dyi)
	case Centroid:
		fx, fy := float64(nx), float64(ny)
		return math.Sqrt(((fx*dxi*dxi + fy*dyi*dyi) - (float64(nx*ny)*dxy*dxy)/float64(nx+ny)) / float64(nx+ny))
	case Median:
		return math.Sqrt(0.5*(dxi*dxi+dyi*dyi) - 0.25*dxy*dxy)
	case Ward:
		t := 1.0 / float64(nx+ny+ni)
		return math.Sqrt(float64(ni+nx)*t*dxi*dxi + float64(ni+ny)*t*dyi*dyi - float64(ni)*t*dxy*dxy)
	}
	panic("cluster: unknown linkage")
}

// mstSingle is Prim's algorithm from item 0 on condensed distances: each
// step joins the nearest item outside the tree (the lowest-numbered on a
// tie).
func mstSingle(dist []float64, n int) []Merge {
	off := rowOffsets(n)
	near := make([]float64, n)
	for i := range near {
		near[i] = math.Inf(1)
	}
	// out lists the items outside the tree in increasing order.
	out := make([]int, n-1)
	for i := range out {
		out[i] = i + 1
	}
	steps := make([]Merge, n-1)
	x := 0
	for k := range n - 1 {
		best, y, at := math.Inf(1), 0, 0
		for p, i := range out {
			var v float64
			if i < x {
				v = dist[off[i]+x]
			} else {
				v = dist[off[x]+i]
			}
			if near[i] > v {
				near[i] = v
			}
			if near[i] < best {
				y, best, at = i, near[i], p
			}
		}
		steps[k] = Merge{A: x, B: y, Height: best}
		out = slices.Delete(out, at, at+1)
		x = y
	}
	relabel(steps, n)
	return steps
}

// nnChain is the nearest-neighbour chain algorithm, on condensed
// distances, for linkages with the reducibility property (all but centroid
// and median): d(i, x∪y) >= min(d(i,x), d(i,y)).
//
// Each cluster caches its nearest neighbour (the lowest-numbered on a tie)
// and that distance. Reducibility keeps the cache right through a merge of x
// and y unless the neighbour was x or y: the new distance to y cannot fall
// below the cached minimum, and when it equals it y may become the
// lowest-numbered nearest. Stale entries are recomputed when the chain needs
// them. The choices are those of scipy's full scans.
func nnChain(d []float64, n int, method Linkage) []Merge {
	off := rowOffsets(n)
	size := make([]int, n)
	// live lists the clusters not yet merged away, in increasing order.
	live := make([]int, n)
	nn := make([]int, n)
	nnDist := make([]float64, n)
	for i := range size {
		size[i], live[i], nn[i] = 1, i, -1
	}
	scan := func(x int) {
		best, y := math.Inf(1), -1
		// live is sorted: the clusters before x are found in x's column,
		// those after it in x's row, without a branch per cluster.
		p, _ := slices.BinarySearch(live, x)
		for _, i := range live[:p] {
			if v := d[off[i]+x]; v < best {
				best, y = v, i
			}
		}
		if p < len(live) && live[p] == x {
			p++
		}
		base := off[x]
		for _, i := range live[p:] {
			if v := d[base+i]; v < best {
				best, y = v, i
			}
		}
		nn[x], nnDist[x] = y, best
	}
	chain := make([]int, 0, n)
	steps := make([]Merge, n-1)
	for k := range n - 1 {
		if len(chain) == 0 {
			chain = append(chain, live[0])
		}
		var x, y int
		var best float64
		for {
			x = chain[len(chain)-1]
			if nn[x] < 0 {
				scan(x)
			}
			y, best = nn[x], nnDist[x]
			// Prefer the previous chain element on a tie so the chain
			// never cycles.
			if len(chain) > 1 {
				prev := chain[len(chain)-2]
				if v := d[index(off, x, prev)]; v <= best {
					y, best = prev, v
				}
			}
			if len(chain) > 1 && y == chain[len(chain)-2] {
				break
			}
			chain = append(chain, y)
		}
		chain = chain[:len(chain)-2]
		if x > y {
			x, y = y, x
		}
		nx, ny := size[x], size[y]
		steps[k] = Merge{A: x, B: y, Height: best, Size: nx + ny}
		size[x] = 0
		size[y] = nx + ny
		if p, ok := slices.BinarySearch(live, x); ok {
			live = slices.Delete(live, p, p+1)
		}
		fx, fy, fxy := float64(nx), float64(ny), float64(nx+ny)
		for _, i := range live {
			if i == y {
				continue
			}
			ix, iy := index(off, i, x), index(off, i, y)
			var v float64
			// Average inline: it is the common case and the call costs
			// more than the arithmetic.
			if method == Average {
				v = (fx*d[ix] + fy*d[iy]) / fxy
			} else {
				v = update(method, d[ix], d[iy], best, nx, ny, size[i])
			}
			d[iy] = v
			switch {
			case nn[i] == x || nn[i] == y:
				nn[i] = -1
			case nn[i] >= 0 && v == nnDist[i] && y < nn[i]:
				nn[i] = y
			}
		}
		nn[y] = -1
	}
	relabel(steps, n)
	return steps
}

func index(off []int, i, j int) int {
	if i < j {
		return off[i] + j
	}
	return off[j] + i
}

// updateRow sets the distances between every live cluster i and y, which
// now stands for the union of x and y. The loop is written out per method so
// that the common updates inline.
func updateRow(d []float64, n int, live []int, method Linkage, x, y int, dxy float64, nx, ny int, size []int) {
	rx, ry := d[x*n:x*n+n], d[y*n:y*n+n]
	switch method {
	case Single:
		for _, i := range live {
			ry[i] = min(rx[i], ry[i])
		}
	case Complete:
		for _, i := range live {
			ry[i] = max(rx[i], ry[i])
		}
	case Average:
		fx, fy, fxy := float64(nx), float64(ny), float64(nx+ny)
		for _, i := range live {
			ry[i] = (fx*rx[i] + fy*ry[i]) / fxy
		}
	case Weighted:
		for _, i := range live {
			ry[i] = 0.5 * (rx[i] + ry[i])
		}
	default:
		for _, i := range live {
			if i != y {
				ry[i] = update(method, rx[i], ry[i], dxy, nx, ny, size[i])
			}
		}
	}
	ry[y] = 0
	for _, i := range live {
		d[i*n+y] = ry[i]
	}
}

// relabel sorts steps whose A and B are item numbers standing for their
// clusters by height (stably) and renames them to scipy's cluster numbers
// with a union-find, as scipy's label does.
func relabel(steps []Merge, n int) {
	slices.SortStableFunc(steps, func(a, b Merge) int { return cmp.Compare(a.Height, b.Height) })
	parent := make([]int, 2*n-1)
	size := make([]int, 2*n-1)
	for i := range parent {
		parent[i] = i
		size[i] = 1
	}
	find := func(x int) int {
		r := x
		for parent[r] != r {
			r = parent[r]
		}
		for parent[x] != r {
			x, parent[x] = parent[x], r
		}
		return r
	}
	for s := range steps {
		a, b := find(steps[s].A), find(steps[s].B)
		if a > b {
			a, b = b, a
		}
		next := n + s
		parent[a], parent[b] = next, next
		size[next] = size[a] + size[b]
		steps[s].A, steps[s].B, steps[s].Size = a, b, size[next]
	}
}

// generic is Müllner's generic algorithm as scipy's fast_linkage runs it:
// each cluster keeps a candidate nearest neighbour among higher-numbered
// clusters and a lower bound of that distance in a binary heap.
func generic(d []float64, n int, method Linkage) []Merge {
	size := make([]int, n)
	id := make([]int, n)
	live := make([]int, n)
	for i := range n {
		size[i], id[i], live[i] = 1, i, i
	}
	neighbor := make([]int, n-1)
	minDist := make([]float64, n-1)
	findMin := func(x int) (int, float64) {
		best, y := math.Inf(1), -1
		row := d[x*n : x*n+n]
		p, _ := slices.BinarySearch(live, x+1)
		for _, i := range live[p:] {
			if v := row[i]; v < best {
				best, y = v, i
			}
		}
		return y, best
	}
	for x := range n - 1 {
		neighbor[x], minDist[x] = findMin(x)
	}
	h := newHeap(minDist)
	steps := make([]Merge, n-1)
	for k := range n - 1 {
		var x, y int
		var dist float64
		// The loop is bounded as in scipy: n-k corrections always suffice.
		for range n - k {
			x, dist = h.min()
			y = neighbor[x]
			if y >= 0 && dist == d[x*n+y] {
				break
			}
			y, dist = findMin(x)
			neighbor[x], minDist[x] = y, dist
			h.change(x, dist)
		}
		h.removeMin()
		idx, idy := id[x], id[y]
		nx, ny := size[x], size[y]
		if idx > idy {
			idx, idy = idy, idx
		}
		steps[k] = Merge{A: idx, B: idy, Height: dist, Size: nx + ny}
		size[x] = 0
		size[y] = nx + ny
		id[y] = n + k
		if p, ok := slices.BinarySearch(live, x); ok {
			live = slices.Delete(live, p, p+1)
		}
		updateRow(d, n, live, method, x, y, dist, nx, ny, size)
		for z := range x {
			if size[z] > 0 && neighbor[z] == x {
				neighbor[z] = y
			}
		}
		for _, z := range live {
			if z >= y {
				break
			}
			if v := d[z*n+y]; v < minDist[z] {
				neighbor[z], minDist[z] = y, v
				h.change(z, v)
			}
		}
		if y < n-1 {
			if z, v := findMin(y); z != -1 {
				neighbor[y], minDist[y] = z, v
				h.change(y, v)
			}
		}
	}
	return steps
}

// heap is scipy's indexed binary min-heap of values keyed 0..n-1; the
// sift order matters for ties, so it is not container/heap.
type heap struct {
	indexByKey, keyByIndex []int
	values                 []float64
	size                   int
}

func newHeap(values []float64) *heap {
	n := len(values)
	h := &heap{indexByKey: make([]int, n), keyByIndex: make([]int, n), values: slices.Clone(values), size: n}
	for i := range n {
		h.indexByKey[i], h.keyByIndex[i] = i, i
	}
	for i := n/2 - 1; i >= 0; i-- {
		h.siftDown(i)
	}
	return h
}

func (h *heap) min() (int, float64) { return h.keyByIndex[0], h.values[0] }

func (h *heap) removeMin() {
	h.swap(0, h.size-1)
	h.size--
	h.siftDown(0)
}

func (h *heap) change(key int, v float64) {
	i := h.indexByKey[key]
	old := h.values[i]
	h.values[i] = v
	if v < old {
		h.siftUp(i)
	} else {
		h.siftDown(i)
	}
}

func (h *heap) siftUp(i int) {
	p := (i - 1) >> 1
	for i > 0 && h.values[p] > h.values[i] {
		h.swap(i, p)
		i = p
		p = (i - 1) >> 1
	}
}

func (h *heap) siftDown(i int) {
	c := 2*i + 1
	for c < h.size {
		if c+1 < h.size && h.values[c+1] < h.values[c] {
			c++
		}
		if h.values[i] > h.values[c] {
			h.swap(i, c)
			i = c
			c = 2*i + 1
		} else {
			break
		}
	}
}

func (h *heap) swap(i, j int) {
	h.values[i], h.values[j] = h.values[j], h.values[i]
	ki, kj := h.keyByIndex[i], h.keyByIndex[j]
	h.keyByIndex[i], h.keyByIndex[j] = kj, ki
	h.indexByKey[ki], h.indexByKey[kj] = j, i
}
