package cluster

import (
	"errors"
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Errors returned for bad input. Every error the package returns starts
// with "cluster: ", says which entry or argument is at fault (by country
// name for the methods of Labeled, by index otherwise) and wraps one of
// these, so test for them with errors.Is.
var (
	// ErrTooFew is returned when there are too few items for the method
	// (hierarchical clustering needs two, the others one), in particular
	// when DropMissing or Distances leaves every item out.
	ErrTooFew = errors.New("cluster: too few items")
	// ErrNotSquare is returned by Symmetrize for a non-square matrix.
	ErrNotSquare = errors.New("cluster: matrix is not square")
	// ErrNotSymmetric is returned by Symmetrize when m[i,j] and m[j,i] differ.
	ErrNotSymmetric = errors.New("cluster: matrix is not symmetric")
	// ErrNaN is returned when an input holds a NaN. Missing distances are
	// never imputed: drop the items with DropMissing (or build the
	// distances with Distances) first.
	ErrNaN = errors.New("cluster: missing value (NaN): leave such items out with DropMissing or Distances")
	// ErrInfinite is returned when an input holds ±Inf, or when a result
	// (a merge height, a total distance) overflows float64.
	ErrInfinite = errors.New("cluster: infinite value")
	// ErrNegative is returned for a negative distance or similarity.
	ErrNegative = errors.New("cluster: negative value")
	// ErrDiagonal is returned for a distance matrix whose diagonal is not zero.
	ErrDiagonal = errors.New("cluster: nonzero distance of an item to itself")
	// ErrK is returned when a number of clusters or dimensions is out of range.
	ErrK = errors.New("cluster: number out of range")
	// ErrInvalidOptions is returned for an option value out of its range
	// (a negative count or minimum, a NaN or infinite resolution), as gonum's
	// optimize does: never clamped, never a panic. The message names the
	// field, its value and what is allowed. Bad fields of an embedded
	// alignment.Options give alignment's own error.
	ErrInvalidOptions = errors.New("cluster: invalid options")
	// ErrLabels is returned for labels that do not fit the matrix (wrong
	// length, a label outside [0, n)) or partitions that cannot be compared.
	ErrLabels = errors.New("cluster: bad labels")
	// ErrEmptyGraph is returned by Louvain when the similarity graph has
	// no edge of positive weight.
	ErrEmptyGraph = errors.New("cluster: graph has no edge of positive weight")
)

// Symmetrize returns m as a *mat.SymDense after checking that it is square and
// symmetric within tol (|m[i,j]-m[j,i]| <= tol, or both NaN: a missing
// distance is missing both ways, and DropMissing deals with it). The upper
// triangle is kept. It is the way in for a plain mat.Matrix (a *mat.Dense
// read from a file, say); all other functions take a mat.Symmetric.
func Symmetrize(m mat.Matrix, tol float64) (*mat.SymDense, error) {
	r, c := m.Dims()
	if r != c {
		return nil, fmt.Errorf("%w: %d×%d", ErrNotSquare, r, c)
	}
	s := &mat.SymDense{}
	if r > 0 {
		s = mat.NewSymDense(r, nil)
	}
	for i := range r {
		for j := i; j < r; j++ {
			a, b := m.At(i, j), m.At(j, i)
			same := a == b || math.Abs(a-b) <= tol || (math.IsNaN(a) && math.IsNaN(b))
			if !same {
				return nil, fmt.Errorf("%w: m[%d,%d] = %v but m[%d,%d] = %v", ErrNotSymmetric, i, j, a, j, i, b)
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

// entryError reports a bad entry (i, j) of an input matrix by index. The
// methods of Labeled replace the indices by country names.
type entryError struct {
	what string // "dist" or "sim"
	i, j int
	v    float64
	err  error // a sentinel
}

func (e *entryError) Error() string {
	return fmt.Sprintf("cluster: %s[%d,%d] = %v: %v", e.what, e.i, e.j, e.v, e.err)
}

func (e *entryError) Unwrap() error { return e.err }

// checkValue reports a NaN, infinite or negative entry.
func checkValue(what string, i, j int, v float64) error {
	switch {
	case math.IsNaN(v):
		return &entryError{what, i, j, v, ErrNaN}
	case math.IsInf(v, 0):
		return &entryError{what, i, j, v, ErrInfinite}
	case v < 0:
		return &entryError{what, i, j, v, ErrNegative}
	}
	return nil
}

// checkDiagonal reports a nonzero diagonal entry of a distance matrix.
func checkDiagonal(i int, v float64) error {
	if err := checkValue("dist", i, i, v); err != nil {
		return err
	}
	return &entryError{"dist", i, i, v, ErrDiagonal}
}

// bigValue is the largest entry the clustering arithmetic takes as it is.
// Larger inputs are scaled down by a power of two, which is exact in
// floating point (it changes only exponents), so that squares (centroid,
// median and Ward linkage, MDS), weighted sums (average linkage) and totals
// (k-medoids, silhouettes, Louvain) cannot overflow. Results are scaled back
// by the same power of two. Below bigValue nothing is scaled, so results
// equal scipy's bit for bit.
const bigValue = 0x1p500 // about 3.3e150

// scaleDown divides every entry of d by a power of two 2^e when the largest
// exceeds bigValue, so that the largest lies in [1, 2), and returns the
// factor 2^e to multiply results by (1 when nothing was scaled). The
// entries must be finite and non-negative.
func scaleDown(d []float64) float64 {
	var big float64
	for _, v := range d {
		big = max(big, v)
	}
	if big <= bigValue {
		return 1
	}
	_, e := math.Frexp(big) // big = f 2^e, f in [0.5, 1)
	e--
	for i, v := range d {
		d[i] = math.Ldexp(v, -e)
	}
	return math.Ldexp(1, e)
}
