package alignment

import (
	"testing"

	"github.com/unga-go/unga/votes"
)

// BenchmarkBootstrapMatrix: all pairs of session 74 (200 states, 91 roll
// calls) with 1000 resamples, Agree.
func BenchmarkBootstrapMatrix(b *testing.B) {
	s74 := load(b).Filter(votes.InSessions(74, 74))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := BootstrapMatrix(s74, Agree, nil); err != nil {
			b.Fatal(err)
		}
	}
}
