package cluster

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/unga-go/unga/internal/tidy"
)

// Leaves returns the items in the order a dendrogram plot draws them from
// left to right: a pre-order walk from the root that visits the A child of
// each merge before its B child, as scipy's leaves_list and dendrogram (with
// no count or distance sorting) give.
func (d *Dendrogram) Leaves() []int {
	n := d.Len()
	leaves := make([]int, 0, n)
	if n == 1 {
		return append(leaves, 0)
	}
	stack := []int{2*n - 2}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if c < n {
			leaves = append(leaves, c)
			continue
		}
		m := d.Steps[c-n]
		stack = append(stack, m.B, m.A)
	}
	return leaves
}

// maxHeights returns, for each step, the largest height in the subtree it
// roots: scipy's monotone criterion for cutting dendrograms with inversions.
func (d *Dendrogram) maxHeights() []float64 {
	n := d.Len()
	md := make([]float64, len(d.Steps))
	for s, m := range d.Steps {
		h := m.Height
		if m.A >= n {
			h = max(h, md[m.A-n])
		}
		if m.B >= n {
			h = max(h, md[m.B-n])
		}
		md[s] = h
	}
	return md
}

// flat labels the items given which steps root a whole cluster (whole[s]
// true: the subtree of step s is one cluster; its ancestors are not). The
// numbering is scipy's fcluster numbering minus one: clusters are numbered in
// the order a depth-first walk from the root finds them, a merge's subtrees
// before its single-item children.
func (d *Dendrogram) flat(whole []bool) []int {
	n := d.Len()
	labels := make([]int, n)
	visited := make([]bool, 2*n-1)
	stack := []int{2*n - 2}
	next, leader := -1, -1
	for len(stack) > 0 {
		root := stack[len(stack)-1] - n
		a, b := d.Steps[root].A, d.Steps[root].B
		if leader == -1 && whole[root] {
			leader = root
			next++
		}
		if a >= n && !visited[a] {
			visited[a] = true
			stack = append(stack, a)
			continue
		}
		if b >= n && !visited[b] {
			visited[b] = true
			stack = append(stack, b)
			continue
		}
		if a < n {
			if leader == -1 {
				next++
			}
			labels[a] = next
		}
		if b < n {
			if leader == -1 {
				next++
			}
			labels[b] = next
		}
		if leader == root {
			leader = -1
		}
		stack = stack[:len(stack)-1]
	}
	return labels
}

// CutHeight returns flat cluster labels (0, 1, ...) for the cut at height
// h: two items share a cluster when they join in a subtree no merge of which
// is higher than h. It equals scipy's fcluster(Z, h, criterion="distance")
// minus one, numbering included.
func (d *Dendrogram) CutHeight(h float64) []int {
	if d.Len() == 1 {
		return []int{0}
	}
	md := d.maxHeights()
	whole := make([]bool, len(md))
	for s, v := range md {
		whole[s] = v <= h
	}
	return d.flat(whole)
}

// CutK returns flat cluster labels 0 to k-1 for exactly k clusters: the
// dendrogram with its k-1 highest merges undone. "Highest" is by the largest
// height in a merge's subtree, so a dendrogram with inversions (centroid,
// median) is cut consistently; among equal heights the later step is undone
// first. Clusters are numbered as in CutHeight.
//
// When the k-1th and kth highest merges differ in height this equals scipy's
// fcluster(Z, k, criterion="maxclust") minus one; on a tie there, scipy
// cannot separate the tied merges and returns fewer than k clusters, while
// CutK still returns k. With k equal to the number of items each item is its
// own cluster, labelled by its index, as in scipy. The error wraps ErrK when k
// is not in [1, Len()].
func (d *Dendrogram) CutK(k int) ([]int, error) {
	n := d.Len()
	if k < 1 || k > n {
		return nil, fmt.Errorf("%w: cut into %d clusters of %d items", ErrK, k, n)
	}
	if k == n {
		labels := make([]int, n)
		for i := range labels {
			labels[i] = i
		}
		return labels, nil
	}
	md := d.maxHeights()
	order := make([]int, len(md))
	for i := range order {
		order[i] = i
	}
	// A parent's max height is at least its child's and its step is later,
	// so the first k-1 steps in this order are closed under taking parents.
	slices.SortFunc(order, func(a, b int) int {
		if c := cmp.Compare(md[b], md[a]); c != 0 {
			return c
		}
		return cmp.Compare(b, a)
	})
	whole := make([]bool, len(md))
	for _, s := range order[k-1:] {
		whole[s] = true
	}
	return d.flat(whole), nil
}

// Inversions returns the number of merges lower than one of their children,
// which only centroid and median linkage produce.
func (d *Dendrogram) Inversions() int {
	n, count := d.Len(), 0
	for _, m := range d.Steps {
		if (m.A >= n && d.Steps[m.A-n].Height > m.Height) || (m.B >= n && d.Steps[m.B-n].Height > m.Height) {
			count++
		}
	}
	return count
}

// String summarises the dendrogram: the method, the size, the range of
// heights and the five highest merges (the last steps).
func (d *Dendrogram) String() string {
	var b strings.Builder
	n := d.Len()
	fmt.Fprintf(&b, "%v linkage of %d items", d.Method, n)
	if len(d.Steps) == 0 {
		return b.String()
	}
	lo, hi := d.Steps[0].Height, d.Steps[0].Height
	for _, m := range d.Steps {
		lo, hi = min(lo, m.Height), max(hi, m.Height)
	}
	fmt.Fprintf(&b, ", heights %.4g to %.4g", lo, hi)
	if inv := d.Inversions(); inv > 0 {
		fmt.Fprintf(&b, ", %d inversions", inv)
	}
	b.WriteString("\n")
	first := max(0, len(d.Steps)-5)
	writeSteps(&b, d.Steps[first:], first)
	return b.String()
}

func writeSteps(b *strings.Builder, steps []Merge, first int) {
	fmt.Fprintf(b, "%5s %5s %5s %10s %5s\n", "step", "a", "b", "height", "size")
	for s, m := range steps {
		fmt.Fprintf(b, "%5d %5d %5d %10.6f %5d\n", first+s, m.A, m.B, m.Height, m.Size)
	}
}

// mergeRow is one merge of a dendrogram, a row of its WriteCSV: a row of
// scipy's linkage matrix with its step number.
type mergeRow struct {
	Step   int     `csv:"step"`
	A      int     `csv:"a"` // items are 0 to n-1, the cluster of step s is n+s
	B      int     `csv:"b"`
	Height float64 `csv:"height"`
	Size   int     `csv:"size"`
}

// rows returns the rows of WriteCSV.
func (d *Dendrogram) rows() []mergeRow {
	rows := make([]mergeRow, len(d.Steps))
	for s, m := range d.Steps {
		rows[s] = mergeRow{Step: s, A: m.A, B: m.B, Height: m.Height, Size: m.Size}
	}
	return rows
}

// WriteCSV writes as tidy CSV, with a header line, one row per merge, in
// step order; the header is: step,a,b,height,size.
func (d *Dendrogram) WriteCSV(w io.Writer) error {
	return tidy.Write(w, d.rows())
}
