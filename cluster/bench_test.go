package cluster_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/mat"

	"github.com/unga-go/unga/cluster"
)

// BenchmarkHierarchical: average linkage on session 74 (193 states).
// BENCHMARKS.md times the peers (scipy's linkage, R's fastcluster) on the
// same matrix, with the command that does it.
func BenchmarkHierarchical(b *testing.B) {
	s := mustSession74(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cluster.Hierarchical(s.dist, cluster.Average); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkHierarchicalLinkages runs every linkage on session 74.
func BenchmarkHierarchicalLinkages(b *testing.B) {
	s := mustSession74(b)
	for _, method := range allLinkages {
		b.Run(method.String(), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := cluster.Hierarchical(s.dist, method); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// points returns the Euclidean distances between n random points in the
// plane drawn around 8 centres, with a fixed seed.
func points(n int) *mat.SymDense {
	rng := rand.New(rand.NewPCG(1, 2))
	x, y := make([]float64, n), make([]float64, n)
	for i := range n {
		c := float64(i % 8)
		x[i] = 10*math.Cos(c) + rng.NormFloat64()
		y[i] = 10*math.Sin(c) + rng.NormFloat64()
	}
	d := mat.NewSymDense(n, nil)
	for i := range n {
		for j := i + 1; j < n; j++ {
			d.SetSym(i, j, math.Hypot(x[i]-x[j], y[i]-y[j]))
		}
	}
	return d
}

// BenchmarkHierarchicalScale shows the O(n²) growth of the
// nearest-neighbour chain (average) and of the MST (single): five times the
// items should take about 25 times longer, not 125.
func BenchmarkHierarchicalScale(b *testing.B) {
	for _, n := range []int{400, 2000, 10000} {
		d := points(n)
		for _, method := range []cluster.Linkage{cluster.Average, cluster.Single} {
			b.Run(fmt.Sprintf("%v/n=%d", method, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if _, err := cluster.Hierarchical(d, method); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkLouvain: resolution 1 on the session-74 agreement graph (193
// nodes, 18,528 weighted edges). BENCHMARKS.md times the peers (igraph's
// cluster_louvain, networkx) on the same graph, with the command that does
// it; BenchmarkLouvainGonum times gonum's community.Modularize.
func BenchmarkLouvain(b *testing.B) {
	s := mustSession74(b)
	sim := agreement(s.dist)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cluster.Louvain(sim, &cluster.LouvainOptions{Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLouvainGonum is gonum's Louvain on the same graph, for scale.
func BenchmarkLouvainGonum(b *testing.B) {
	s := mustSession74(b)
	g := gonumGraph(agreement(s.dist))
	b.ReportAllocs()
	for b.Loop() {
		community.Modularize(g, 1, rand.NewPCG(1, 1))
	}
}

func BenchmarkScanResolution(b *testing.B) {
	s := mustSession74(b)
	sim := agreement(s.dist)
	res := []float64{1, 1.01, 1.02, 1.03, 1.04, 1.05, 1.06, 1.08, 1.1}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cluster.ScanResolution(sim, res, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkKMedoids(b *testing.B) {
	s := mustSession74(b)
	for _, k := range []int{3, 8} {
		b.Run(fmt.Sprintf("k=%d", k), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := cluster.KMedoids(s.dist, k); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkSilhouette(b *testing.B) {
	s := mustSession74(b)
	p, err := cluster.KMedoids(s.dist, 3)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := cluster.Silhouette(s.dist, p.Labels); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMDS(b *testing.B) {
	s := mustSession74(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cluster.MDS(s.dist, 2); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDistances: from the session-74 agreement matrix of the embedded
// record (200 states, 9 left out) to the distances that can be clustered.
func BenchmarkDistances(b *testing.B) {
	m := sessionMatrix(b, 74)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cluster.Distances(m, 10); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompare: the cross-tab, ARI and moves of the four average-linkage
// blocs of sessions 60 and 74.
func BenchmarkCompare(b *testing.B) {
	var ps []*cluster.Partition
	for _, s := range []int{60, 74} {
		p, err := labeled(b, s, 10).Cut(cluster.Average, 4)
		if err != nil {
			b.Fatal(err)
		}
		ps = append(ps, p)
	}
	b.ReportAllocs()
	for b.Loop() {
		tab, err := cluster.Compare(ps[0], ps[1])
		if err != nil {
			b.Fatal(err)
		}
		_ = tab.ARI()
		_ = tab.Moves()
	}
}
