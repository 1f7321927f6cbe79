package cluster_test

import (
	"testing"

	"github.com/unga-go/unga/cluster"
)

// BenchmarkStability: Ward's three blocs of session 74 (191 states), 200
// resamples.
func BenchmarkStability(b *testing.B) {
	s74, err := votes74()
	if err != nil {
		b.Fatal(err)
	}
	method := cluster.HierarchicalK(cluster.Ward, 3)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cluster.Stability(s74, method, nil); err != nil {
			b.Fatal(err)
		}
	}
}
