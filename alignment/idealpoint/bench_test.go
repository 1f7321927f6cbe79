package idealpoint

import (
	"testing"

	"github.com/unga-go/unga/votes"
)

func BenchmarkIdealPointsSession(b *testing.B) {
	ds := loadReal(b).Filter(votes.InSessions(74, 74))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Estimate(ds, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkIdealPointsDynamic(b *testing.B) {
	ds := loadReal(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := EstimateDynamic(ds, nil); err != nil {
			b.Fatal(err)
		}
	}
}
