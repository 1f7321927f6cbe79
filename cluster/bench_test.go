package cluster_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/unga-go/unga/cluster"
)

// BenchmarkHierarchical: average linkage on session 74 (193 states). For
// comparison on this machine, scipy 1.10.1 linkage(y, "average") takes
// 0.3 ms and R fastcluster 1.0 ms on the same matrix (issue text).
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
