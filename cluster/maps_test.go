package cluster_test

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gonum.org/v1/gonum/mat"

	"github.com/unga-go/unga/cluster"
)

// TestMDSNumpy compares with the classical scaling gen.py computes with
// numpy's eigh (testdata/cluster/mds.csv): coordinates up to the sign of
// each axis, and the shares of the two largest eigenvalues in the sum of
// the positive ones.
func TestMDSNumpy(t *testing.T) {
	s := mustSession74(t)
	rows, err := readCSV("mds.csv")
	if err != nil {
		t.Fatal(err)
	}
	f, err := readHeader("mds.csv")
	if err != nil {
		t.Fatal(err)
	}
	// "# eigenvalues l1 l2 positive_sum sum"
	l1, _ := strconv.ParseFloat(f[2], 64)
	l2, _ := strconv.ParseFloat(f[3], 64)
	sum, _ := strconv.ParseFloat(f[5], 64)
	m, err := cluster.MDS(s.dist, 2)
	if err != nil {
		t.Fatal(err)
	}
	if want := []float64{l1 / sum, l2 / sum}; !cmp.Equal(want, m.Explained, cmp.Comparer(func(x, y float64) bool { return math.Abs(x-y) < 1e-9 })) {
		t.Errorf("explained %v, want %v", m.Explained, want)
	}
	for j := range 2 {
		sign := 1.0
		for i, r := range rows[1:] {
			want, _ := strconv.ParseFloat(r[1+j], 64)
			got := m.Coords.At(i, j)
			if i == 0 && got*want < 0 {
				sign = -1
			}
			if math.Abs(sign*got-want) > 1e-9 {
				t.Errorf("axis %d, %s: %v, numpy %v", j, r[0], got, want)
			}
		}
	}
}

func readHeader(name string) ([]string, error) {
	b, err := readFile(name)
	if err != nil {
		return nil, err
	}
	return strings.Fields(strings.SplitN(b, "\n", 2)[0]), nil
}

// TestPCAHand: points (1,0), (-1,0), (0,2), (0,-2) have variances 8/3
// along y and 2/3 along x, so 80% and 20%; the scores are the y and x
// coordinates, signed so that the first largest score is positive.
func TestPCAHand(t *testing.T) {
	x := mat.NewDense(4, 2, []float64{1, 0, -1, 0, 0, 2, 0, -2})
	m, err := cluster.PCA(x, 2)
	if err != nil {
		t.Fatal(err)
	}
	approx := cmp.Comparer(func(x, y float64) bool { return math.Abs(x-y) < 1e-12 })
	if diff := cmp.Diff([]float64{0.8, 0.2}, m.Explained, approx); diff != "" {
		t.Errorf("explained (-want +got):\n%s", diff)
	}
	want := []float64{0, 1, 0, -1, 2, 0, -2, 0}
	if diff := cmp.Diff(want, m.Coords.RawMatrix().Data, approx); diff != "" {
		t.Errorf("scores (-want +got):\n%s", diff)
	}
}

// TestPCAHugeAndTiny: TestPCAHand's points times 1e300 and times 1e-300
// give the same shares (80%, 20%) and the scores times the same factor;
// the variances of the first overflowed (Explained was [NaN]) and those
// of the second underflowed to "all rows equal". Scores beyond the
// largest float64 (M√2 for the points (M, M) and (-M, -M), M = 1.5e308)
// are an error wrapping ErrInfinite.
func TestPCAHugeAndTiny(t *testing.T) {
	for _, f := range []float64{1e300, 1e-300} {
		x := mat.NewDense(4, 2, []float64{1, 0, -1, 0, 0, 2, 0, -2})
		x.Scale(f, x)
		m, err := cluster.PCA(x, 2)
		if err != nil {
			t.Fatalf("factor %g: %v", f, err)
		}
		approx := cmp.Comparer(func(x, y float64) bool { return math.Abs(x-y) <= 1e-12*math.Max(math.Abs(x), math.Abs(y)) })
		if diff := cmp.Diff([]float64{0.8, 0.2}, m.Explained, approx); diff != "" {
			t.Errorf("factor %g: explained (-want +got):\n%s", f, diff)
		}
		want := []float64{0, f, 0, -f, 2 * f, 0, -2 * f, 0}
		if diff := cmp.Diff(want, m.Coords.RawMatrix().Data, approx); diff != "" {
			t.Errorf("factor %g: scores (-want +got):\n%s", f, diff)
		}
	}
	const big = 1.5e308
	x := mat.NewDense(2, 2, []float64{big, big, -big, -big})
	if _, err := cluster.PCA(x, 1); !errors.Is(err, cluster.ErrInfinite) {
		t.Errorf("scores beyond MaxFloat64: error %v, want ErrInfinite", err)
	}
}

func TestMapErrors(t *testing.T) {
	d := mat.NewSymDense(3, []float64{0, 1, 2, 1, 0, 1, 2, 1, 0})
	for _, dims := range []int{0, 4} {
		if _, err := cluster.MDS(d, dims); !errors.Is(err, cluster.ErrK) {
			t.Errorf("MDS dims=%d: error %v, want ErrK", dims, err)
		}
	}
	// Three points on a line have one positive eigenvalue.
	if _, err := cluster.MDS(d, 2); !errors.Is(err, cluster.ErrK) {
		t.Errorf("MDS of collinear points in 2-D: error %v, want ErrK", err)
	}
	if _, err := cluster.MDS(mat.NewSymDense(2, []float64{0, math.NaN(), math.NaN(), 0}), 1); !errors.Is(err, cluster.ErrNaN) {
		t.Errorf("MDS NaN: error %v", err)
	}
	x := mat.NewDense(2, 2, []float64{1, math.NaN(), 0, 1})
	if _, err := cluster.PCA(x, 1); !errors.Is(err, cluster.ErrNaN) {
		t.Errorf("PCA NaN: error %v", err)
	}
	if _, err := cluster.PCA(mat.NewDense(3, 2, nil), 3); !errors.Is(err, cluster.ErrK) {
		t.Errorf("PCA dims 3 of 3×2: error %v", err)
	}
	if _, err := cluster.PCA(mat.NewDense(1, 2, nil), 1); !errors.Is(err, cluster.ErrTooFew) {
		t.Errorf("PCA of one row: error %v", err)
	}
}

// TestDropMissing, worked by hand: item 1 never voted with 2 or 3 (NaN),
// item 3 not with 0; item 4 cast 2 votes, below the minimum of 5, and goes
// first. Items 1 and 3 then tie with two NaNs each; 1 has fewer votes (10
// against 30) and goes; 0 and 3 tie with one NaN; 3 has fewer votes and
// goes. Without counts, ties go to the higher index: 3, then 2 (tied with 1).
func TestDropMissing(t *testing.T) {
	nan := math.NaN()
	d := mat.NewSymDense(5, []float64{
		0, 0.1, 0.2, nan, 0.3,
		0.1, 0, nan, nan, 0.2,
		0.2, nan, 0, 0.4, 0.1,
		nan, nan, 0.4, 0, 0.2,
		0.3, 0.2, 0.1, 0.2, 0,
	})
	s, err := cluster.DropMissing(d, []int{50, 10, 40, 30, 2}, 5)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int{0, 2}, s.Kept); diff != "" {
		t.Errorf("kept (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int{1, 3, 4}, s.Dropped); diff != "" {
		t.Errorf("dropped (-want +got):\n%s", diff)
	}
	if got := s.Dist.At(0, 1); got != 0.2 {
		t.Errorf("kept distance %v, want 0.2", got)
	}
	if _, err := cluster.Hierarchical(d, cluster.Average); !errors.Is(err, cluster.ErrNaN) {
		t.Errorf("Hierarchical with NaN: error %v, want ErrNaN", err)
	}
	if _, err := cluster.Hierarchical(s.Dist, cluster.Average); err != nil {
		t.Errorf("Hierarchical after DropMissing: %v", err)
	}
	// Without counts the tie between 1 and 2 goes to the higher index.
	s, err = cluster.DropMissing(d, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int{2, 3}, s.Dropped); diff != "" {
		t.Errorf("dropped without counts (-want +got):\n%s", diff)
	}
	if _, err := cluster.DropMissing(d, []int{1}, 0); !errors.Is(err, cluster.ErrLabels) {
		t.Errorf("short counts: error %v", err)
	}
}

// TestSymmetrize covers the way in for a plain matrix.
func TestSymmetrize(t *testing.T) {
	if _, err := cluster.Symmetrize(mat.NewDense(2, 3, nil), 0); !errors.Is(err, cluster.ErrNotSquare) {
		t.Errorf("2×3: error %v, want ErrNotSquare", err)
	}
	if _, err := cluster.Symmetrize(mat.NewDense(2, 2, []float64{0, 1, 1.1, 0}), 0.01); !errors.Is(err, cluster.ErrNotSymmetric) {
		t.Errorf("asymmetric: error %v, want ErrNotSymmetric", err)
	}
	s, err := cluster.Symmetrize(mat.NewDense(2, 2, []float64{0, 1, 1 + 1e-15, 0}), 1e-12)
	if err != nil {
		t.Fatal(err)
	}
	if s.At(1, 0) != 1 {
		t.Errorf("kept %v, want the upper triangle's 1", s.At(1, 0))
	}
}
