package cluster_test

import (
	"errors"
	"math"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gonum.org/v1/gonum/mat"

	"github.com/unga-go/unga/cluster"
)

var allLinkages = []cluster.Linkage{
	cluster.Single, cluster.Complete, cluster.Average, cluster.Weighted,
	cluster.Centroid, cluster.Median, cluster.Ward,
}

// TestHierarchicalScipy compares every merge with scipy 1.10.1's
// linkage(squareform(D), method) on the session-74 distances
// (testdata/cluster/linkage_<method>.csv, written by gen.py): the same pair
// at each step, the same size, heights within 1e-9. The matrix has 225 pairs
// of states at distance 0 and many other ties, so this also checks that ties
// resolve as in scipy.
func TestHierarchicalScipy(t *testing.T) {
	s := mustSession74(t)
	for _, method := range allLinkages {
		t.Run(method.String(), func(t *testing.T) {
			rows, err := readCSV("linkage_" + method.String() + ".csv")
			if err != nil {
				t.Fatal(err)
			}
			var want []cluster.Merge
			for _, r := range rows[1:] {
				a, _ := strconv.Atoi(r[0])
				b, _ := strconv.Atoi(r[1])
				h, _ := strconv.ParseFloat(r[2], 64)
				size, _ := strconv.Atoi(r[3])
				want = append(want, cluster.Merge{A: a, B: b, Height: h, Size: size})
			}
			d, err := cluster.Hierarchical(s.dist, method)
			if err != nil {
				t.Fatal(err)
			}
			if d.Method != method || d.Len() != 193 {
				t.Fatalf("got method %v, %d items; want %v, 193", d.Method, d.Len(), method)
			}
			approx := cmp.Comparer(func(x, y float64) bool { return math.Abs(x-y) <= 1e-9 })
			if diff := cmp.Diff(want, d.Steps, approx); diff != "" {
				t.Errorf("steps differ from scipy (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLeavesScipy compares Leaves with scipy's leaves_list.
func TestLeavesScipy(t *testing.T) {
	s := mustSession74(t)
	for _, method := range allLinkages {
		rows, err := readCSV("leaves_" + method.String() + ".csv")
		if err != nil {
			t.Fatal(err)
		}
		var want []int
		for _, r := range rows[1:] {
			x, _ := strconv.Atoi(r[0])
			want = append(want, x)
		}
		d, err := cluster.Hierarchical(s.dist, method)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, d.Leaves()); diff != "" {
			t.Errorf("%v: leaves differ from scipy leaves_list (-want +got):\n%s", method, diff)
		}
	}
}

// TestCutScipy compares CutK with fcluster(Z, k, "maxclust") and CutHeight
// with fcluster(Z, t, "distance"), scipy's labels minus one. CutK is only
// compared where the kth and k-1th highest merges differ; where they tie,
// scipy returns fewer than k clusters and CutK must return exactly k.
func TestCutScipy(t *testing.T) {
	s := mustSession74(t)
	for _, method := range allLinkages {
		rows, err := readCSV("fcluster_" + method.String() + ".csv")
		if err != nil {
			t.Fatal(err)
		}
		d, err := cluster.Hierarchical(s.dist, method)
		if err != nil {
			t.Fatal(err)
		}
		for c, name := range rows[0] {
			want := make([]int, len(rows)-1)
			for i, r := range rows[1:] {
				x, _ := strconv.Atoi(r[c])
				want[i] = x - 1
			}
			var got []int
			switch {
			case name[:8] == "maxclust":
				k, _ := strconv.Atoi(name[8:])
				got, err = d.CutK(k)
				if err != nil {
					t.Fatal(err)
				}
				if numLabels(want) != k {
					if numLabels(got) != k {
						t.Errorf("%v %s: %d clusters, want %d", method, name, numLabels(got), k)
					}
					t.Logf("%v %s: tie at the cut; scipy gives %d clusters", method, name, numLabels(want))
					continue
				}
			case name[:8] == "distance":
				h, _ := strconv.ParseFloat(name[8:], 64)
				got = d.CutHeight(h)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%v %s differs from scipy fcluster - 1 (-want +got):\n%s", method, name, diff)
			}
		}
	}
}

func numLabels(labels []int) int {
	seen := map[int]bool{}
	for _, l := range labels {
		seen[l] = true
	}
	return len(seen)
}

// TestHierarchicalSmall checks a hand computation on four points on a line
// at 0, 1, 3, 7: single linkage merges {0,1} at 1, then 2 at 2, then 3 at 4;
// complete merges {0,1} at 1, {0,1,2} at 3, all at 7; average joins 2 at
// (3+2)/2 = 2.5 and 3 at (7+6+4)/3.
func TestHierarchicalSmall(t *testing.T) {
	x := []float64{0, 1, 3, 7}
	dist := mat.NewSymDense(4, nil)
	for i := range x {
		for j := i; j < len(x); j++ {
			dist.SetSym(i, j, math.Abs(x[i]-x[j]))
		}
	}
	tests := []struct {
		method cluster.Linkage
		want   []cluster.Merge
	}{
		{cluster.Single, []cluster.Merge{{0, 1, 1, 2}, {2, 4, 2, 3}, {3, 5, 4, 4}}},
		{cluster.Complete, []cluster.Merge{{0, 1, 1, 2}, {2, 4, 3, 3}, {3, 5, 7, 4}}},
		{cluster.Average, []cluster.Merge{{0, 1, 1, 2}, {2, 4, 2.5, 3}, {3, 5, 17.0 / 3, 4}}},
		{cluster.Weighted, []cluster.Merge{{0, 1, 1, 2}, {2, 4, 2.5, 3}, {3, 5, (4 + 6.5) / 2, 4}}},
		// Centroid on 1-D points is the distance between means: 0.5 to 3 is
		// 2.5, then 4/3 to 7 is 17/3.
		{cluster.Centroid, []cluster.Merge{{0, 1, 1, 2}, {2, 4, 2.5, 3}, {3, 5, 17.0 / 3, 4}}},
		// Ward: sqrt(2 nx ny/(nx+ny)) times the distance between means:
		// sqrt(4/3)*2.5, then sqrt(6/4)*17/3.
		{cluster.Ward, []cluster.Merge{{0, 1, 1, 2}, {2, 4, math.Sqrt(4.0/3) * 2.5, 3}, {3, 5, math.Sqrt(6.0/4) * 17 / 3, 4}}},
	}
	for _, tt := range tests {
		d, err := cluster.Hierarchical(dist, tt.method)
		if err != nil {
			t.Fatal(err)
		}
		approx := cmp.Comparer(func(x, y float64) bool { return math.Abs(x-y) <= 1e-12 })
		if diff := cmp.Diff(tt.want, d.Steps, approx); diff != "" {
			t.Errorf("%v (-want +got):\n%s", tt.method, diff)
		}
		if got, want := d.Leaves(), []int{3, 2, 0, 1}; !cmp.Equal(got, want) {
			t.Errorf("%v leaves %v, want %v", tt.method, got, want)
		}
		got, err := d.CutK(2)
		if err != nil {
			t.Fatal(err)
		}
		// scipy 1.10.1 fcluster(Z, 2, "maxclust") gives [1 1 1 2]: the
		// subtree {0,1,2} is found before the single item 3.
		if want := []int{0, 0, 0, 1}; !cmp.Equal(got, want) {
			t.Errorf("%v CutK(2) = %v, want %v", tt.method, got, want)
		}
	}
}

func TestHierarchicalErrors(t *testing.T) {
	good := mat.NewSymDense(3, []float64{0, 1, 2, 1, 0, 3, 2, 3, 0})
	with := func(i, j int, v float64) *mat.SymDense {
		m := mat.NewSymDense(3, nil)
		m.CopySym(good)
		m.SetSym(i, j, v)
		return m
	}
	tests := []struct {
		name string
		dist mat.Symmetric
		want error
	}{
		{"one item", mat.NewSymDense(1, nil), cluster.ErrTooFew},
		{"NaN", with(0, 2, math.NaN()), cluster.ErrNaN},
		{"Inf", with(1, 2, math.Inf(1)), cluster.ErrInfinite},
		{"negative", with(0, 1, -0.5), cluster.ErrNegative},
		{"diagonal", with(1, 1, 0.1), cluster.ErrDiagonal},
	}
	for _, tt := range tests {
		for _, method := range allLinkages {
			_, err := cluster.Hierarchical(tt.dist, method)
			if !errors.Is(err, tt.want) {
				t.Errorf("%s, %v: error %v, want %v", tt.name, method, err, tt.want)
			}
		}
	}
	// An unknown linkage is a programmer error: a documented panic.
	wantPanic(t, "cluster: unknown linkage 42", func() { cluster.Hierarchical(good, cluster.Linkage(42)) })
	d, err := cluster.Hierarchical(good, cluster.Average)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []int{0, -1, 4} {
		if _, err := d.CutK(k); !errors.Is(err, cluster.ErrK) {
			t.Errorf("CutK(%d): error %v, want ErrK", k, err)
		}
	}
}
