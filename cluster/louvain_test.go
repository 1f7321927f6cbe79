package cluster_test

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/mat"

	"github.com/unga-go/unga/cluster"
)

// agreement returns 1 - distance: Voeten's agree index of session 74, the
// weights of the agreement graph.
func agreement(dist *mat.SymDense) *mat.SymDense {
	n := dist.SymmetricDim()
	a := mat.NewSymDense(n, nil)
	for i := range n {
		for j := i + 1; j < n; j++ {
			a.SetSym(i, j, 1-dist.At(i, j))
		}
	}
	return a
}

// gonumGraph builds the weighted undirected graph gonum's community package
// works on: an edge for every positive off-diagonal weight.
func gonumGraph(sim mat.Symmetric) *simple.WeightedUndirectedGraph {
	n := sim.SymmetricDim()
	g := simple.NewWeightedUndirectedGraph(0, 0)
	for i := range n {
		g.AddNode(simple.Node(i))
	}
	for i := range n {
		for j := i + 1; j < n; j++ {
			if w := sim.At(i, j); w > 0 {
				g.SetWeightedEdge(g.NewWeightedEdge(simple.Node(i), simple.Node(j), w))
			}
		}
	}
	return g
}

func groups(labels []int) [][]graph.Node {
	var out [][]graph.Node
	for i, l := range labels {
		for len(out) <= l {
			out = append(out, nil)
		}
		out[l] = append(out[l], simple.Node(i))
	}
	return out
}

// TestLouvainGonumQ checks the modularity Louvain reports against gonum's
// community.Q on the session-74 agreement graph, at several resolutions and
// seeds, and that it is at least as high as what gonum's own Louvain
// (community.Modularize) reaches with the same resolution.
func TestLouvainGonumQ(t *testing.T) {
	s := mustSession74(t)
	sim := agreement(s.dist)
	g := gonumGraph(sim)
	for _, res := range []float64{1, 1.02, 1.05, 1.1} {
		for seed := range uint64(3) {
			c, err := cluster.Louvain(sim, &cluster.LouvainOptions{Resolution: res, Seed: seed})
			if err != nil {
				t.Fatal(err)
			}
			if len(c.Labels) != 193 || c.Resolution != res {
				t.Fatalf("%d labels, resolution %v", len(c.Labels), c.Resolution)
			}
			want := community.Q(g, groups(c.Labels), res)
			if math.Abs(c.Q-want) > 1e-12 {
				t.Errorf("resolution %v seed %d: Q = %v, gonum community.Q = %v", res, seed, c.Q, want)
			}
			if seed == 0 {
				r := community.Modularize(g, res, nil)
				gq := community.Q(g, r.Communities(), res)
				t.Logf("resolution %v: %d communities, Q %.6f; gonum Modularize Q %.6f (%d communities)", res, c.K(), c.Q, gq, len(r.Communities()))
				if c.Q < gq-1e-3 {
					t.Errorf("resolution %v: Q %v well below gonum's Modularize %v", res, c.Q, gq)
				}
			}
		}
	}
}

// TestLouvainTwoCliques: two triangles of weight 1 joined by one edge of
// weight 0.1 split into the two triangles; Q by hand: 2m = 12.2, each
// triangle has internal 6 (both directions) and degree total 6.1, so
// Q = 2 * (6/12.2 - (6.1/12.2)^2) = 12/12.2 - 0.5.
func TestLouvainTwoCliques(t *testing.T) {
	sim := mat.NewSymDense(6, nil)
	for _, e := range [][2]int{{0, 1}, {0, 2}, {1, 2}, {3, 4}, {3, 5}, {4, 5}} {
		sim.SetSym(e[0], e[1], 1)
	}
	sim.SetSym(2, 3, 0.1)
	for seed := range uint64(5) {
		c, err := cluster.Louvain(sim, &cluster.LouvainOptions{Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		if want := []int{0, 0, 0, 1, 1, 1}; !slicesEqual(c.Labels, want) {
			t.Errorf("seed %d: labels %v, want %v", seed, c.Labels, want)
		}
		if want := 12/12.2 - 0.5; math.Abs(c.Q-want) > 1e-12 {
			t.Errorf("seed %d: Q = %v, want %v", seed, c.Q, want)
		}
	}
}

func slicesEqual(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestLouvainDeterministic: the same seed gives the same communities.
func TestLouvainDeterministic(t *testing.T) {
	s := mustSession74(t)
	sim := agreement(s.dist)
	set := &cluster.LouvainOptions{Resolution: 1.05, Seed: 7}
	a, err := cluster.Louvain(sim, set)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		b, err := cluster.Louvain(sim, set)
		if err != nil {
			t.Fatal(err)
		}
		if !slicesEqual(a.Labels, b.Labels) || a.Q != b.Q {
			t.Fatalf("two runs with seed 7 differ: Q %v and %v", a.Q, b.Q)
		}
	}
}

func TestScanResolution(t *testing.T) {
	s := mustSession74(t)
	sim := agreement(s.dist)
	res := []float64{1, 1.05, 1.1, 1.2}
	scan, err := cluster.ScanResolution(sim, res, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(scan) != len(res) {
		t.Fatalf("%d results for %d resolutions", len(scan), len(res))
	}
	for i, c := range scan {
		one, err := cluster.Louvain(sim, &cluster.LouvainOptions{Resolution: res[i]})
		if err != nil {
			t.Fatal(err)
		}
		if c.Resolution != res[i] || !slicesEqual(c.Labels, one.Labels) {
			t.Errorf("scan at %v differs from Louvain at %v", c.Resolution, res[i])
		}
	}
	// More resolution, at least as many communities on this graph.
	for i := 1; i < len(scan); i++ {
		if scan[i].K() < scan[i-1].K() {
			t.Errorf("resolution %v: %d communities, fewer than %d at %v", res[i], scan[i].K(), scan[i-1].K(), res[i-1])
		}
	}
	for _, r := range []float64{-1, 0, math.NaN(), math.Inf(1)} {
		_, err := cluster.ScanResolution(sim, []float64{1, r}, nil)
		if !errors.Is(err, cluster.ErrInvalidOptions) || errors.Is(err, cluster.ErrK) {
			t.Errorf("resolution %v: error %v, want ErrInvalidOptions", r, err)
		}
	}
}

func TestLouvainErrors(t *testing.T) {
	tests := []struct {
		name string
		sim  *mat.SymDense
		want error
	}{
		{"empty graph", mat.NewSymDense(3, nil), cluster.ErrEmptyGraph},
		{"no nodes", &mat.SymDense{}, cluster.ErrTooFew},
		{"NaN", mat.NewSymDense(2, []float64{0, math.NaN(), math.NaN(), 0}), cluster.ErrNaN},
		{"negative", mat.NewSymDense(2, []float64{0, -1, -1, 0}), cluster.ErrNegative},
	}
	for _, tt := range tests {
		if _, err := cluster.Louvain(tt.sim, nil); !errors.Is(err, tt.want) {
			t.Errorf("%s: error %v, want %v", tt.name, err, tt.want)
		}
	}
	// A bad resolution is an invalid option, and the message carries the
	// package prefix once and names the field.
	sim := mat.NewSymDense(2, []float64{0, 1, 1, 0})
	for _, r := range []float64{-1, math.NaN(), math.Inf(-1)} {
		_, err := cluster.Louvain(sim, &cluster.LouvainOptions{Resolution: r})
		if !errors.Is(err, cluster.ErrInvalidOptions) || !strings.Contains(fmt.Sprint(err), "LouvainOptions.Resolution = ") {
			t.Errorf("resolution %v: error %v, want ErrInvalidOptions naming the field", r, err)
		}
		if err != nil && strings.Count(err.Error(), "cluster:") != 1 {
			t.Errorf("resolution %v: %q repeats the prefix", r, err)
		}
	}
}
