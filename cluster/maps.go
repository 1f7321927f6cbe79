package cluster

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/mds"
)

// Map places items in a few dimensions so that a plot shows who sits near
// whom.
type Map struct {
	// Coords has one row per item and one column per dimension.
	Coords *mat.Dense
	// Explained is the share of the total variance along each dimension
	// (for MDS, of the sum of the positive eigenvalues).
	Explained []float64
	// Names optionally names the items for String; nil prints indices.
	Names []string
}

// String prints the share of variance of each dimension, then one row per
// item with its coordinates.
func (m *Map) String() string {
	var b strings.Builder
	n, dims := m.Coords.Dims()
	b.WriteString("explained")
	for _, e := range m.Explained {
		fmt.Fprintf(&b, " %.1f%%", 100*e)
	}
	b.WriteString("\n")
	for i := range n {
		name := strconv.Itoa(i)
		if i < len(m.Names) {
			name = m.Names[i]
		}
		fmt.Fprintf(&b, "%-20s", name)
		for j := range dims {
			fmt.Fprintf(&b, " %8.4f", m.Coords.At(i, j))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// MDS returns classical (Torgerson) multidimensional scaling of dist in dims
// dimensions, computed by gonum's mds.TorgersonScaling: the coordinates whose
// Euclidean distances best match dist. The sign of each axis is arbitrary in
// the eigendecomposition; MDS fixes it so that the item farthest from the
// origin along the axis has a positive coordinate.
//
// The error wraps ErrK unless 1 <= dims <= n and dims does not exceed the
// number of positive eigenvalues, and the matrix errors of Hierarchical for
// a bad matrix.
func MDS(dist mat.Symmetric, dims int) (*Map, error) {
	n := dist.SymmetricDim()
	if n < 1 {
		return nil, fmt.Errorf("%w: no items", ErrTooFew)
	}
	if dims < 1 || dims > n {
		return nil, fmt.Errorf("%w: %d dimensions for %d items", ErrK, dims, n)
	}
	d, err := square(dist)
	if err != nil {
		return nil, err
	}
	// Torgerson scaling squares the distances: scale huge ones down by a
	// power of two (exact), and the coordinates back.
	scale := scaleDown(d)
	if scale != 1 {
		dist = mat.NewSymDense(n, d)
	}
	var all mat.Dense
	_, eig := mds.TorgersonScaling(&all, make([]float64, n), dist)
	// Eigenvalues that are zero in exact arithmetic come out as rounding
	// noise of either sign: count as positive only those that stand out.
	var total float64
	k := 0
	for _, v := range eig {
		if v > 1e-10*eig[0] {
			total += v
			k++
		}
	}
	if k < dims {
		return nil, fmt.Errorf("%w: %d dimensions asked, %d positive eigenvalues", ErrK, dims, k)
	}
	m := &Map{Coords: mat.NewDense(n, dims, nil), Explained: make([]float64, dims)}
	m.Coords.Copy(all.Slice(0, n, 0, dims))
	if scale != 1 {
		m.Coords.Scale(scale, m.Coords)
	}
	for j := range dims {
		m.Explained[j] = eig[j] / total
	}
	orient(m.Coords)
	return m, nil
}

// PCA returns the principal component scores of the rows of x (items) in
// dims dimensions, by gonum's stat.PC: columns (variables, say roll calls
// coded 1 yes, 2 abstain, 3 no) are centred, not scaled. Explained is each
// component's share of the total variance. Signs are fixed as in MDS.
//
// x must be complete: the error wraps ErrNaN or ErrInfinite for a missing
// or infinite value (impute nothing: select complete items and variables
// first), ErrTooFew for fewer than two rows, and ErrK unless 1 <= dims <=
// min(rows, columns). Values so large or so small that their squares
// overflow or underflow are scaled by a power of two (exact) and the
// scores scaled back; a score that itself exceeds the largest float64 is
// an error wrapping ErrInfinite.
func PCA(x mat.Matrix, dims int) (*Map, error) {
	n, p := x.Dims()
	if n < 2 {
		return nil, fmt.Errorf("%w: %d rows, need at least 2", ErrTooFew, n)
	}
	if dims < 1 || dims > min(n, p) {
		return nil, fmt.Errorf("%w: %d dimensions for %d×%d data", ErrK, dims, n, p)
	}
	xs := mat.DenseCopyOf(x)
	var big float64
	for i := range n {
		for j := range p {
			v := xs.At(i, j)
			switch {
			case math.IsNaN(v):
				return nil, fmt.Errorf("%w: x[%d,%d] is NaN", ErrNaN, i, j)
			case math.IsInf(v, 0):
				return nil, fmt.Errorf("%w: x[%d,%d] = %v", ErrInfinite, i, j, v)
			}
			big = max(big, math.Abs(v))
		}
	}
	// Variances square the values: beyond about 1e154 they overflow (and
	// Explained came out NaN), below about 1e-154 they underflow. Scale
	// such data by a power of two, which is exact, so that the largest
	// magnitude lies in [1, 2), and the scores back; the shares of
	// variance do not change.
	scale := 1.0
	if big > bigValue || big > 0 && big < 1/bigValue {
		_, e := math.Frexp(big) // big = f 2^e, f in [0.5, 1)
		scale = math.Ldexp(1, e-1)
		xs.Scale(1/scale, xs)
	}
	x = xs
	var pc stat.PC
	if !pc.PrincipalComponents(x, nil) {
		return nil, fmt.Errorf("cluster: principal components: SVD failed")
	}
	var vecs mat.Dense
	pc.VectorsTo(&vecs)
	vars := pc.VarsTo(nil)
	var total float64
	for _, v := range vars {
		total += v
	}
	if total == 0 {
		return nil, fmt.Errorf("%w: all %d rows are equal", ErrTooFew, n)
	}
	centred := mat.DenseCopyOf(x)
	for j := range p {
		var mean float64
		for i := range n {
			mean += centred.At(i, j)
		}
		mean /= float64(n)
		for i := range n {
			centred.Set(i, j, centred.At(i, j)-mean)
		}
	}
	m := &Map{Coords: mat.NewDense(n, dims, nil), Explained: make([]float64, dims)}
	m.Coords.Mul(centred, vecs.Slice(0, p, 0, dims))
	if scale != 1 {
		m.Coords.Scale(scale, m.Coords)
	}
	for i := range n {
		for j := range dims {
			if v := m.Coords.At(i, j); math.IsInf(v, 0) || math.IsNaN(v) {
				return nil, fmt.Errorf("%w: the score of row %d on axis %d overflows float64: divide the data by a constant first", ErrInfinite, i, j)
			}
		}
	}
	for j := range dims {
		m.Explained[j] = vars[j] / total
	}
	orient(m.Coords)
	return m, nil
}

// orient flips each column so that its entry of largest magnitude (the
// first such on a tie) is positive.
func orient(c *mat.Dense) {
	n, dims := c.Dims()
	for j := range dims {
		var big float64
		for i := range n {
			if v := c.At(i, j); math.Abs(v) > math.Abs(big) {
				big = v
			}
		}
		if big < 0 {
			for i := range n {
				c.Set(i, j, -c.At(i, j))
			}
		}
	}
}
