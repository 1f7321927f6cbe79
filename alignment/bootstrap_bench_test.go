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

// BenchmarkBootstrapPair: Serbia-Russia in session 74, 1000 resamples.
func BenchmarkBootstrapPair(b *testing.B) {
	s74 := load(b).Filter(votes.InSessions(74, 74))
	srb, rus := country(b, "SRB"), country(b, "RUS")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := BootstrapPair(s74, srb, rus, Agree, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBootstrapReference: every state of session 74 with the United
// States, 1000 resamples, scores and ranks.
func BenchmarkBootstrapReference(b *testing.B) {
	s74 := load(b).Filter(votes.InSessions(74, 74))
	usa := country(b, "USA")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := BootstrapReference(s74, usa, Agree, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBootstrapPairSeries: Serbia-Russia in sessions 47-74, 1000
// resamples within each session.
func BenchmarkBootstrapPairSeries(b *testing.B) {
	ds := load(b).Filter(votes.InSessions(47, 74))
	srb, rus := country(b, "SRB"), country(b, "RUS")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := BootstrapPairSeries(ds, BySession, srb, rus, Agree, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkChangePoints: a series of 74 sessions.
func BenchmarkChangePoints(b *testing.B) {
	ps, err := PairBy(load(b), BySession, country(b, "USA"), country(b, "RUS"), nil)
	if err != nil {
		b.Fatal(err)
	}
	scores := ps.Scores(Agree, 10)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ChangePoints(ps.Periods, scores, nil); err != nil {
			b.Fatal(err)
		}
	}
}
