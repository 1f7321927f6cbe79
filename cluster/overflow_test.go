package cluster_test

import (
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gonum.org/v1/gonum/mat"

	"github.com/unga-go/unga/cluster"
)

// scaled returns d with every entry multiplied by f.
func scaled(d *mat.SymDense, f float64) *mat.SymDense {
	n := d.SymmetricDim()
	s := mat.NewSymDense(n, nil)
	for i := range n {
		for j := i; j < n; j++ {
			s.SetSym(i, j, d.At(i, j)*f)
		}
	}
	return s
}

// big is 2^600, about 4e180: the squares of such distances overflow.
// Multiplying by a power of two is exact, so results on the scaled
// distances must be exactly those on the originals, scaled.
const big = 0x1p600

// TestHugeDistancesExact: on the session-74 distances
// times 2^600, every linkage gives scipy's merges (those of the unscaled
// distances, checked against scipy in TestHierarchicalScipy) with the
// heights times 2^600, bit for bit; so do k-medoids, silhouettes, MDS and
// Louvain. Before, Ward and centroid linkage panicked (index out of range
// [-1]) once squares overflowed.
func TestHugeDistancesExact(t *testing.T) {
	s := mustSession74(t)
	huge := scaled(s.dist, big)
	for _, method := range allLinkages {
		want, err := cluster.Hierarchical(s.dist, method)
		if err != nil {
			t.Fatal(err)
		}
		for i := range want.Steps {
			want.Steps[i].Height *= big
		}
		got, err := cluster.Hierarchical(huge, method)
		if err != nil {
			t.Fatalf("%v: %v", method, err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%v on distances times 2^600 (-want +got):\n%s", method, diff)
		}
	}
	p, err := cluster.KMedoids(s.dist, 4)
	if err != nil {
		t.Fatal(err)
	}
	q, err := cluster.KMedoids(huge, 4)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(p.Labels, q.Labels) || !slices.Equal(p.Medoids, q.Medoids) || q.Cost != p.Cost*big {
		t.Errorf("k-medoids times 2^600: cost %v, want %v", q.Cost, p.Cost*big)
	}
	w1, m1, err := cluster.Silhouette(s.dist, p.Labels)
	if err != nil {
		t.Fatal(err)
	}
	w2, m2, err := cluster.Silhouette(huge, p.Labels)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(w1, w2) || m1 != m2 {
		t.Errorf("silhouettes times 2^600: mean %v, want %v", m2, m1)
	}
	mp1, err := cluster.MDS(s.dist, 2)
	if err != nil {
		t.Fatal(err)
	}
	mp2, err := cluster.MDS(huge, 2)
	if err != nil {
		t.Fatal(err)
	}
	var want mat.Dense
	want.Scale(big, mp1.Coords)
	if !mat.Equal(&want, mp2.Coords) || !slices.Equal(mp1.Explained, mp2.Explained) {
		t.Errorf("MDS times 2^600 differs from MDS scaled")
	}
	sim := agreement(s.dist)
	c1, err := cluster.Louvain(sim, &cluster.LouvainOptions{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	c2, err := cluster.Louvain(scaled(sim, big), &cluster.LouvainOptions{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(c1.Labels, c2.Labels) || c1.Q != c2.Q {
		t.Errorf("Louvain on weights times 2^600: Q %v, want %v", c2.Q, c1.Q)
	}
}

// TestHugeDistancesReproducers: inputs that once panicked. Four
// points on a line at 0, 1, 3 and 7 times 1e154 (Ward and centroid
// panicked) and times 2e307 (average panicked near the largest float64):
// the merges are those of 0, 1, 3, 7 by hand (the nearest two, then the
// third, then the fourth), the heights those of the small line scaled.
func TestHugeDistancesReproducers(t *testing.T) {
	small := line(0, 1, 3, 7)
	for _, f := range []float64{1e154, 2e307} {
		d := scaled(small, f)
		for _, method := range allLinkages {
			if f > 1e300 && (method == cluster.Ward || method == cluster.Centroid) {
				// Their heights may exceed the distances; see
				// TestHugeHeightsOverflow.
				continue
			}
			want, err := cluster.Hierarchical(small, method)
			if err != nil {
				t.Fatal(err)
			}
			got, err := cluster.Hierarchical(d, method)
			if err != nil {
				t.Errorf("%v times %g: %v", method, f, err)
				continue
			}
			for s, m := range got.Steps {
				w := want.Steps[s]
				if m.A != w.A || m.B != w.B || m.Size != w.Size || math.Abs(m.Height/f-w.Height) > 1e-12*w.Height {
					t.Errorf("%v times %g, step %d: %+v, want %+v scaled", method, f, s, m, w)
				}
			}
		}
	}
}

// TestHugeHeightsOverflow: a Ward merge above the largest float64 is an
// error, not an infinite height. Two pairs 1 apart, the pairs 1.6e308
// apart: Ward joins the pairs at sqrt(4/3) × 1.6e308, which overflows.
func TestHugeHeightsOverflow(t *testing.T) {
	const far = 1.6e308
	d := mat.NewSymDense(4, []float64{
		0, 1, far, far,
		1, 0, far, far,
		far, far, 0, 1,
		far, far, 1, 0,
	})
	if _, err := cluster.Hierarchical(d, cluster.Ward); !errors.Is(err, cluster.ErrInfinite) {
		t.Errorf("Ward: error %v, want ErrInfinite", err)
	}
	// Average linkage stays within the distances: no overflow.
	a, err := cluster.Hierarchical(d, cluster.Average)
	if err != nil {
		t.Fatal(err)
	}
	if h := a.Steps[2].Height; h != far {
		t.Errorf("average: top height %v, want %v", h, far)
	}
}

// TestKMedoidsHuge: two groups of 20 items, 1e300 apart
// within a group and 1e307 between: the sums of BUILD reach 2e308 and
// overflowed (a panic). Now the groups are found, with the cost of 38 items
// at 1e300 from their medoid. Ten items all 1e308 apart cost 9e308, more
// than the largest float64: an error.
func TestKMedoidsHuge(t *testing.T) {
	n := 40
	d := mat.NewSymDense(n, nil)
	for i := range n {
		for j := i + 1; j < n; j++ {
			v := 1e300
			if i/20 != j/20 {
				v = 1e307
			}
			d.SetSym(i, j, v)
		}
	}
	p, err := cluster.KMedoids(d, 2)
	if err != nil {
		t.Fatal(err)
	}
	want := slices.Concat(slices.Repeat([]int{0}, 20), slices.Repeat([]int{1}, 20))
	if !slices.Equal(p.Labels, want) || math.Abs(p.Cost-38e300) > 1e-12*38e300 {
		t.Errorf("labels %v, cost %v; want two groups of 20, cost 3.8e301", p.Labels, p.Cost)
	}
	all := mat.NewSymDense(10, nil)
	for i := range 10 {
		for j := i + 1; j < 10; j++ {
			all.SetSym(i, j, 1e308)
		}
	}
	if _, err := cluster.KMedoids(all, 1); !errors.Is(err, cluster.ErrInfinite) {
		t.Errorf("cost 9e308: error %v, want ErrInfinite", err)
	}
}
