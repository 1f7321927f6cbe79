package idealpoint

import (
	"context"
	"testing"

	"github.com/unga-go/unga/votes"
)

// BenchmarkEstimate: a static fit of session 74, standard errors included.
func BenchmarkEstimate(b *testing.B) {
	ds := loadReal(b).Filter(votes.InSessions(74, 74))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Estimate(context.Background(), ds, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEstimateDynamic: the dynamic fit of the whole record, sessions
// 1-74, with its standard errors (the roll-call parameters integrated out
// session by session); the goal is 30 s or less on a 2-core machine.
// BSVRollCalls is the same fit on the roll calls Bailey, Strezhnev & Voeten
// estimate from, on which the standard errors meet the goals of
// TestUncertaintyAgainstBSV.
func BenchmarkEstimateDynamic(b *testing.B) {
	for _, bc := range []struct {
		name string
		keep []votes.Filter
	}{{"All", nil}, {"BSVRollCalls", []votes.Filter{BSVRollCalls()}}} {
		b.Run(bc.name, func(b *testing.B) {
			ds := loadReal(b).Filter(bc.keep...)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := EstimateDynamic(context.Background(), ds, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
