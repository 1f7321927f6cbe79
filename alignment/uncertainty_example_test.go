package alignment_test

import (
	"fmt"
	"regexp"

	"github.com/unga-go/unga/alignment"
	"github.com/unga-go/unga/votes"
)

// Serbia's agreement with Russia in session 74 rests on 82 roll calls: the
// bootstrap says how wide a margin that leaves.
func ExampleBootstrapPair() {
	ds := must(record())
	s74 := ds.Filter(votes.InSessions(74, 74))
	srb, rus := must(votes.LookupCountry("SRB")), must(votes.LookupCountry("RUS"))
	pb := must(alignment.BootstrapPair(s74, srb, rus, alignment.Agree, &alignment.BootstrapOptions{Seed: 1}))
	fmt.Println("Serbia-Russia:", pb)
	// Output:
	// Serbia-Russia: 0.7439 [0.6626, 0.8171] (n=82)
}

// All pairs of session 74 on the same 1000 resamples, so that the gap
// between two pairs has an interval of its own.
func ExampleBootstrapMatrix() {
	ds := must(record())
	s74 := ds.Filter(votes.InSessions(74, 74))
	bm := must(alignment.BootstrapMatrix(s74, alignment.Agree, &alignment.BootstrapOptions{Seed: 1}))
	usa, isr, can := must(votes.LookupCountry("USA")), must(votes.LookupCountry("ISR")), must(votes.LookupCountry("CAN"))
	a, _ := bm.Lookup(usa, isr)
	b, _ := bm.Lookup(usa, can)
	fmt.Println("US-Israel:", a)
	fmt.Println("US-Canada:", b)
	fmt.Println("difference:", must(bm.Difference(usa, isr, usa, can)))
	// Output:
	// US-Israel: 0.9607 [0.9213, 0.9890] (n=89)
	// US-Canada: 0.6923 [0.6099, 0.7637] (n=91)
	// difference: 0.2684 [0.1939, 0.3559] (n=89)
}

// The states that vote most with the United States in session 74, with
// intervals for their scores and their ranks.
func ExampleBootstrapReference() {
	ds := must(record())
	s74 := ds.Filter(votes.InSessions(74, 74))
	rb := must(alignment.BootstrapReference(s74, must(votes.LookupCountry("USA")), alignment.Agree, &alignment.BootstrapOptions{Seed: 1}))
	for _, s := range rb.States[:5] {
		fmt.Printf("%d [%d-%d] %s %v\n", s.Rank, s.RankLo, s.RankHi, s.Country.ISO3, s.Interval)
	}
	// Output:
	// 1 [1-1] ISR 0.9607 [0.9213, 0.9890] (n=89)
	// 2 [2-5] FSM 0.7313 [0.6250, 0.8250] (n=67)
	// 3 [2-6] CAN 0.6923 [0.6099, 0.7637] (n=91)
	// 4 [2-11] MHL 0.6901 [0.5833, 0.7757] (n=71)
	// 5 [2-6] AUS 0.6778 [0.5966, 0.7500] (n=90)
}

// Serbia stands apart from the Balkan states on the Crimea resolutions by
// the median/MAD rule; the permutation test says how unlikely its record
// would be if the group's votes were shared out at random.
func ExampleGroupRecord_Permutation() {
	ds := must(record())
	crimea := ds.Filter(votes.TextMatches(regexp.MustCompile(`(?i)crimea`)))
	balkans := must(votes.LookupGroup("Balkans"))
	rep := must(alignment.Outliers(crimea, balkans, must(votes.LookupCountry("RUS")), nil))
	pt := rep.Permutation()
	fmt.Println(pt.Sentence("Crimea resolutions"))
	// Any member's record, by the same test.
	if s, ok := pt.MemberSentence(must(votes.LookupCountry("BIH")), "Crimea resolutions"); ok {
		fmt.Println(s)
	}
	// Output:
	// Serbia voted with Russian Federation on 6 of 6 Crimea resolutions (p = 2.2e-06; 0.6 expected if the Balkans' votes on each were shared out among them at random).
	// Bosnia and Herzegovina voted with Russian Federation on 0 of 5 Crimea resolutions (p = 1; 0.5 expected if the Balkans' votes on each were shared out among them at random).
}

// When did Serbia's agreement with Russia change? Since 1992 (Yugoslavia's
// seat is Serbia's; sessions on fewer than 10 joint roll calls, those of
// the 1990s when the Federal Republic did not sit, are left out).
func ExampleChangePoints() {
	ds := must(record())
	since92 := ds.Filter(votes.InSessions(47, 74))
	srb, rus := must(votes.LookupCountry("SRB")), must(votes.LookupCountry("RUS"))
	ps := must(alignment.PairBy(since92, alignment.BySession, srb, rus, nil))
	ch := must(alignment.ChangePoints(ps.Periods, ps.Scores(alignment.Agree, 10), nil))
	for k, p := range ch.Points {
		fmt.Printf("From session %d (interval %d-%d), agreement went from %.3f to %.3f.\n", p.Key, p.Lo, p.Hi, ch.Segments[k].Level, ch.Segments[k+1].Level)
	}
	// Output:
	// From session 68 (interval 67-70), agreement went from 0.786 to 0.709.
}

// Serbia's agreement with Russia session by session, each session's roll
// calls resampled on their own.
func ExampleBootstrapPairSeries() {
	ds := must(record())
	srb, rus := must(votes.LookupCountry("SRB")), must(votes.LookupCountry("RUS"))
	sb := must(alignment.BootstrapPairSeries(ds.Filter(votes.InSessions(70, 74)), alignment.BySession, srb, rus, alignment.Agree, &alignment.BootstrapOptions{Seed: 1}))
	for k, session := range sb.Periods {
		fmt.Println(session, sb.Intervals[k])
	}
	// Output:
	// 70 0.6690 [0.5704, 0.7535] (n=71)
	// 71 0.6376 [0.5648, 0.7096] (n=109)
	// 72 0.7018 [0.6347, 0.7679] (n=114)
	// 73 0.7826 [0.7055, 0.8495] (n=92)
	// 74 0.7439 [0.6707, 0.8171] (n=82)
}

// How united the EU voted in session 74, with intervals.
func ExampleBootstrapCohesion() {
	ds := must(record())
	eu := must(votes.LookupGroup("EU"))
	cb := must(alignment.BootstrapCohesion(ds.Filter(votes.InSessions(74, 74)), eu, &alignment.BootstrapOptions{Seed: 1}))
	fmt.Println("Rice:", cb.Rice)
	fmt.Println("HNR: ", cb.HNR)
	// Output:
	// Rice: 0.9343 [0.8919, 0.9716] (n=84)
	// HNR:  0.9123 [0.8734, 0.9464] (n=91)
}
