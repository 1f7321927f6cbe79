package cluster

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Errors returned for bad input. They are wrapped with the position of the
// offending entry, so test for them with errors.Is.
var (
	// ErrTooFew is returned when a matrix has too few items for the method
	// (hierarchical clustering needs two, the others one).
	ErrTooFew = errors.New("cluster: too few items")
	// ErrNotSquare is returned by Symmetrize for a non-square matrix.
	ErrNotSquare = errors.New("cluster: matrix is not square")
	// ErrNotSymmetric is returned by Symmetrize when m[i,j] and m[j,i] differ.
	ErrNotSymmetric = errors.New("cluster: matrix is not symmetric")
	// ErrNaN is returned when an input holds a NaN. Missing distances are
	// never imputed: drop the items with DropMissing first.
	ErrNaN = errors.New("cluster: NaN in input")
	// ErrInfinite is returned when an input holds ±Inf.
	ErrInfinite = errors.New("cluster: infinite value in input")
	// ErrNegative is returned for a negative distance or similarity.
	ErrNegative = errors.New("cluster: negative value in input")
	// ErrDiagonal is returned for a distance matrix whose diagonal is not zero.
	ErrDiagonal = errors.New("cluster: nonzero distance of an item to itself")
	// ErrK is returned when a number of clusters or dimensions is out of range.
	ErrK = errors.New("cluster: number out of range")
	// ErrLabels is returned for labels that do not fit the matrix (wrong
	// length, negative label).
	ErrLabels = errors.New("cluster: bad labels")
	// ErrEmptyGraph is returned by Louvain when the similarity graph has
	// no edge of positive weight.
	ErrEmptyGraph = errors.New("cluster: graph has no edge of positive weight")
)

// Symmetrize returns m as a *mat.SymDense after checking that it is square and
// symmetric within tol (|m[i,j]-m[j,i]| <= tol). The upper triangle is kept.
// It is the way in for a plain mat.Matrix (a *mat.Dense read from a file, say);
// all other functions take a mat.Symmetric.
func Symmetrize(m mat.Matrix, tol float64) (*mat.SymDense, error) {
	r, c := m.Dims()
	if r != c {
		return nil, fmt.Errorf("cluster: %d×%d: %w", r, c, ErrNotSquare)
	}
	s := mat.NewSymDense(r, nil)
	for i := range r {
		for j := i; j < r; j++ {
			a, b := m.At(i, j), m.At(j, i)
			if a != b && !(math.Abs(a-b) <= tol) {
				return nil, fmt.Errorf("cluster: m[%d,%d] = %v but m[%d,%d] = %v: %w", i, j, a, j, i, b, ErrNotSymmetric)
			}
			s.SetSym(i, j, a)
		}
	}
	return s, nil
}

// upper calls fn for every entry i < j of the upper triangle of s (and the
// diagonal when diag is set), row by row, stopping at the first error. It
// reads the backing slice of a *mat.SymDense directly: the interface call per
// entry would cost more than the clustering itself.
func upper(s mat.Symmetric, diag bool, fn func(i, j int, v float64) error) error {
	n := s.SymmetricDim()
	start := 1
	if diag {
		start = 0
	}
	if sd, ok := s.(*mat.SymDense); ok && n > 0 {
		raw := sd.RawSymmetric()
		for i := range n {
			row := raw.Data[i*raw.Stride : i*raw.Stride+n]
			for j := i + start; j < n; j++ {
				if err := fn(i, j, row[j]); err != nil {
					return err
				}
			}
		}
		return nil
	}
	for i := range n {
		for j := i + start; j < n; j++ {
			if err := fn(i, j, s.At(i, j)); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkValue reports a NaN, infinite or negative entry.
func checkValue(what string, i, j int, v float64) error {
	switch {
	case math.IsNaN(v):
		return fmt.Errorf("cluster: %s[%d,%d] is NaN: %w", what, i, j, ErrNaN)
	case math.IsInf(v, 0):
		return fmt.Errorf("cluster: %s[%d,%d] = %v: %w", what, i, j, v, ErrInfinite)
	case v < 0:
		return fmt.Errorf("cluster: %s[%d,%d] = %v: %w", what, i, j, v, ErrNegative)
	}
	return nil
}
