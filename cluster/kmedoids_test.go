package cluster_test

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gonum.org/v1/gonum/mat"

	"github.com/unga-go/unga/cluster"
)

// line returns the distances between points on a line.
func line(x ...float64) *mat.SymDense {
	d := mat.NewSymDense(len(x), nil)
	for i := range x {
		for j := i; j < len(x); j++ {
			d.SetSym(i, j, math.Abs(x[i]-x[j]))
		}
	}
	return d
}

// TestKMedoidsHand checks PAM on points 1 2 3 10 11 12 30, worked by hand.
// k=2: BUILD takes 10 (sum of distances 47, the smallest), then 2 (gain 22
// against 21 for 1 and 3, 20 for 30); SWAP replaces 10 by 11 (cost 25 -> 23;
// 12 also gives 23 but comes later) and then nothing improves.
// k=3: BUILD adds 30 (gain 20) to {2, 10}; SWAP replaces 10 by 11 (5 -> 4).
func TestKMedoidsHand(t *testing.T) {
	d := line(1, 2, 3, 10, 11, 12, 30)
	tests := []struct {
		k       int
		medoids []int
		labels  []int
		cost    float64
	}{
		{1, []int{3}, []int{0, 0, 0, 0, 0, 0, 0}, 47},
		{2, []int{1, 4}, []int{0, 0, 0, 1, 1, 1, 1}, 23},
		{3, []int{1, 4, 6}, []int{0, 0, 0, 1, 1, 1, 2}, 4},
		{7, []int{0, 1, 2, 3, 4, 5, 6}, []int{0, 1, 2, 3, 4, 5, 6}, 0},
	}
	for _, tt := range tests {
		p, err := cluster.KMedoids(d, tt.k)
		if err != nil {
			t.Fatal(err)
		}
		want := &cluster.Partition{Labels: tt.labels, Medoids: tt.medoids, Cost: tt.cost}
		if diff := cmp.Diff(want, p); diff != "" {
			t.Errorf("k=%d (-want +got):\n%s", tt.k, diff)
		}
	}
}

// TestKMedoidsSession74 checks on the real distances that the PAM result is
// a local optimum: no exchange of a medoid and another state lowers the
// cost, the cost is the sum of distances to the nearest medoid, and each
// state sits with its nearest medoid (the first on a tie), each medoid
// with itself: in session 74 a medoid ties at distance 0 with another for
// k = 3 and 5.
func TestKMedoidsSession74(t *testing.T) {
	s := mustSession74(t)
	n := s.dist.SymmetricDim()
	for _, k := range []int{2, 3, 5} {
		p, err := cluster.KMedoids(s.dist, k)
		if err != nil {
			t.Fatal(err)
		}
		cost := func(med []int) (float64, []int) {
			var c float64
			lab := make([]int, n)
			for j := range n {
				best := math.Inf(1)
				for q, m := range med {
					if v := s.dist.At(m, j); v < best {
						best, lab[j] = v, q
					}
				}
				if q := slices.Index(med, j); q >= 0 {
					lab[j] = q
				}
				c += best
			}
			return c, lab
		}
		c, lab := cost(p.Medoids)
		if math.Abs(c-p.Cost) > 1e-9 || !cmp.Equal(lab, p.Labels) {
			t.Errorf("k=%d: cost %v labels %v, recomputed %v %v", k, p.Cost, p.Labels, c, lab)
		}
		for q := range p.Medoids {
			for h := range n {
				med := append([]int(nil), p.Medoids...)
				med[q] = h
				if c2, _ := cost(med); c2 < p.Cost-1e-9 {
					t.Errorf("k=%d: swapping medoid %d for %d lowers the cost %v to %v", k, p.Medoids[q], h, p.Cost, c2)
				}
			}
		}
	}
}

// TestSilhouetteHand: the widths of points 1 2 3 | 10 11 12 | 30, worked by
// hand: for 1, a = (1+2)/2 and b = (9+10+11)/3, so s = 8.5/10; for 2,
// a = 1 and b = 9, s = 8/9; for 3, a = 1.5 and b = 8, s = 6.5/8; the other
// bloc mirrors these; 30 is alone, s = 0.
func TestSilhouetteHand(t *testing.T) {
	d := line(1, 2, 3, 10, 11, 12, 30)
	widths, mean, err := cluster.Silhouette(d, []int{5, 5, 5, 2, 2, 2, 9})
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{0.85, 8.0 / 9, 0.8125, 0.8125, 8.0 / 9, 0.85, 0}
	approx := cmp.Comparer(func(x, y float64) bool { return math.Abs(x-y) <= 1e-12 })
	if diff := cmp.Diff(want, widths, approx); diff != "" {
		t.Errorf("widths (-want +got):\n%s", diff)
	}
	if w := (2*0.85 + 2*8.0/9 + 2*0.8125) / 7; math.Abs(mean-w) > 1e-12 {
		t.Errorf("mean %v, want %v", mean, w)
	}
}

// TestSilhouetteSession74 compares with the numpy computation in gen.py
// (testdata/cluster/silhouette.csv) for the average-linkage cut into 4.
func TestSilhouetteSession74(t *testing.T) {
	s := mustSession74(t)
	rows, err := readCSV("silhouette.csv")
	if err != nil {
		t.Fatal(err)
	}
	var labels []int
	var want []float64
	for _, r := range rows[1:] {
		l, _ := strconv.Atoi(r[0])
		w, _ := strconv.ParseFloat(r[1], 64)
		labels = append(labels, l)
		want = append(want, w)
	}
	got, _, err := cluster.Silhouette(s.dist, labels)
	if err != nil {
		t.Fatal(err)
	}
	approx := cmp.Comparer(func(x, y float64) bool { return math.Abs(x-y) <= 1e-12 })
	if diff := cmp.Diff(want, got, approx); diff != "" {
		t.Errorf("widths (-want +got):\n%s", diff)
	}
}

func TestKMedoidsSilhouetteErrors(t *testing.T) {
	d := line(0, 1, 5)
	for _, k := range []int{0, 4, -2} {
		if _, err := cluster.KMedoids(d, k); !errors.Is(err, cluster.ErrK) {
			t.Errorf("KMedoids k=%d: error %v, want ErrK", k, err)
		}
	}
	if _, err := cluster.KMedoids(mat.NewSymDense(2, []float64{0, math.NaN(), math.NaN(), 0}), 1); !errors.Is(err, cluster.ErrNaN) {
		t.Errorf("KMedoids NaN: error %v", err)
	}
	tests := []struct {
		labels []int
		want   error
	}{
		{[]int{0, 1}, cluster.ErrLabels},
		{[]int{0, -1, 1}, cluster.ErrLabels},
		{[]int{3, 3, 3}, cluster.ErrK},
	}
	for _, tt := range tests {
		if _, _, err := cluster.Silhouette(d, tt.labels); !errors.Is(err, tt.want) {
			t.Errorf("Silhouette %v: error %v, want %v", tt.labels, err, tt.want)
		}
	}
	if _, _, err := cluster.Silhouette(mat.NewSymDense(2, []float64{0, -1, -1, 0}), []int{0, 1}); !errors.Is(err, cluster.ErrNegative) {
		t.Errorf("Silhouette negative: error %v", err)
	}
}

// TestKMedoidsTies: two items at distance 0 from each other and k = 3.
// Each medoid sits in its own cluster, so the two identical items are two
// clusters of one (cost 0); without that rule item 1, a medoid, joined
// item 0's cluster on the tie and left its own cluster empty.
func TestKMedoidsTies(t *testing.T) {
	d := mat.NewSymDense(3, []float64{
		0, 0, 1,
		0, 0, 1,
		1, 1, 0,
	})
	p, err := cluster.KMedoids(d, 3)
	if err != nil {
		t.Fatal(err)
	}
	want := &cluster.Partition{Labels: []int{0, 1, 2}, Medoids: []int{0, 1, 2}, Cost: 0}
	if diff := cmp.Diff(want, p); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// With k = 2 the tie between the identical items is broken as
	// documented: BUILD takes item 0 (lowest sum, 1, shared with item 1),
	// then item 2; item 1 joins item 0.
	p, err = cluster.KMedoids(d, 2)
	if err != nil {
		t.Fatal(err)
	}
	want = &cluster.Partition{Labels: []int{0, 0, 1}, Medoids: []int{0, 2}, Cost: 0}
	if diff := cmp.Diff(want, p); diff != "" {
		t.Errorf("k=2 (-want +got):\n%s", diff)
	}
}

// TestKMedoidsRecord checks, on every session of the embedded record with
// the blocs example's default of 10 joint votes and k = 2 to 10, that
// k-medoids returns a partition: each medoid in its own cluster, no
// cluster empty, k clusters, and each item at its nearest medoid. States
// that voted identically throughout a session (distance 0) are common, and
// the ties between their medoids once left a medoid in another cluster in
// 127 of these (session, k) pairs, 29 of them with k <= 5 (counted with
// the old code over the same loop). With -short it checks every eighth
// session.
func TestKMedoidsRecord(t *testing.T) {
	ds, err := record()
	if err != nil {
		t.Fatal(err)
	}
	sessions := ds.Sessions()
	step := 1
	if testing.Short() {
		step = 8
	}
	checked := 0
	for s := 0; s < len(sessions); s += step {
		session := sessions[s]
		l, err := cluster.Distances(sessionMatrix(t, session), 10)
		if errors.Is(err, cluster.ErrTooFew) {
			continue // no state has 10 votes: nothing to cluster
		}
		if err != nil {
			t.Fatal(err)
		}
		for k := 2; k <= min(10, len(l.States)); k++ {
			p, err := cluster.KMedoids(l.Dist, k)
			if err != nil {
				t.Fatalf("session %d, k=%d: %v", session, k, err)
			}
			checked++
			if p.K() != k || len(p.Medoids) != k {
				t.Errorf("session %d, k=%d: %d clusters, %d medoids", session, k, p.K(), len(p.Medoids))
				continue
			}
			for c, m := range p.Medoids {
				if p.Labels[m] != c {
					t.Errorf("session %d, k=%d: medoid %s of cluster %d is in cluster %d", session, k, l.States[m].Name, c, p.Labels[m])
				}
			}
			for c, size := range p.Sizes() {
				if size == 0 {
					t.Errorf("session %d, k=%d: cluster %d is empty", session, k, c)
				}
			}
			for i, c := range p.Labels {
				own := l.Dist.At(i, p.Medoids[c])
				for _, m := range p.Medoids {
					if l.Dist.At(i, m) < own {
						t.Errorf("session %d, k=%d: %s is nearer medoid %s than its own", session, k, l.States[i].Name, l.States[m].Name)
					}
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no session clustered")
	}
	t.Logf("%d (session, k) pairs checked", checked)
}
