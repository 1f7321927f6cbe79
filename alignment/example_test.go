package alignment_test

import (
	"fmt"
	"os"
	"regexp"
	"sync"

	"github.com/unga-go/unga/alignment"
	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
)

var record = sync.OnceValues(undata.Load)

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// The joint votes of the United States and Israel in session 74
// (2019-20), and the indices that follow from them.
func ExamplePair() {
	ds := must(record())
	s74 := ds.Filter(votes.InSessions(74, 74))
	usa, israel := must(votes.LookupCountry("USA")), must(votes.LookupCountry("Israel"))
	t := must(alignment.Pair(s74, usa, israel, nil))
	fmt.Print(t.String())
	for _, x := range alignment.Indices() {
		fmt.Printf("%-12s %v\n", x, t.Score(x, 0))
	}
	// Output:
	// A \ B         yes abstain      no
	// yes            18       0       0
	// abstain         1       6       1
	// no              2       1      60
	// identical    0.9438 (n=89)
	// agree        0.9607 (n=89)
	// S_abs        0.9213 (n=89)
	// S_sq         0.9382 (n=89)
	// kappa        0.9102 (n=89)
	// pi           0.9101 (n=89)
	// coincidence  0.9750 (n=80)
	// coincidence2 0.9607 (n=89)
}

// All pairs of session 74: a symmetric matrix with the counts beside it.
func ExampleAgreementMatrix() {
	ds := must(record())
	m := must(alignment.AgreementMatrix(ds.Filter(votes.InSessions(74, 74)), alignment.Agree, nil))
	r, c := m.Scores.Dims()
	fmt.Println(r, c)
	for _, pair := range [][2]string{{"USA", "Israel"}, {"Serbia", "Russia"}, {"USA", "Russia"}} {
		s, _ := m.Lookup(must(votes.LookupCountry(pair[0])), must(votes.LookupCountry(pair[1])))
		fmt.Println(pair[0], pair[1], s)
	}
	// Output:
	// 200 200
	// USA Israel 0.9607 (n=89)
	// Serbia Russia 0.7439 (n=82)
	// USA Russia 0.2874 (n=87)
}

// Serbia's agreement with Russia in the last sessions of the record.
func ExamplePairBySession() {
	ds := must(record()).Filter(votes.InSessions(72, 74))
	ps := must(alignment.PairBySession(ds, must(votes.LookupCountry("Serbia")), must(votes.LookupCountry("Russia")), nil))
	ps.WriteTo(os.Stdout)
	// Output:
	// Serbia and Russia, by session
	// session year  identical    n   agree    n   S_abs    n   kappa    n      pi    n  coincidence    n
	// 72      2017      0.561  114   0.702  114   0.404  114   0.212  114   0.205  114        0.760   75
	// 73      2018      0.674   92   0.783   92   0.565   92   0.330   92   0.327   92        0.844   64
	// 74      2019      0.610   82   0.744   82   0.488   82   0.319   82   0.318   82        0.815   54
}

// The Balkan states on the Crimea resolutions against Russia.
func ExampleOutliers() {
	ds := must(record())
	crimea := ds.Filter(votes.TextMatches(regexp.MustCompile(`(?i)crimea|territorial integrity of ukraine`)))
	balkans := must(votes.LookupGroup("Balkans"))
	russia := must(votes.LookupCountry("Russia"))
	rep := must(alignment.Outliers(crimea, balkans, russia, nil))
	rep.WriteTo(os.Stdout)
	// Output:
	// Balkans against Russia on 7 roll calls
	// state                     with against abstained absent   n   identical
	// Albania                      0       7         0      0   7       0.000
	// Montenegro                   0       7         0      0   7       0.000
	// North Macedonia              0       7         0      0   7       0.000
	// Croatia                      0       7         0      0   7       0.000
	// Serbia                       6       0         0      1   6       1.000  stands apart
	// Bosnia and Herzegovina       0       0         5      2   5       0.000
	// Slovenia                     0       7         0      0   7       0.000
	// Greece                       0       7         0      0   7       0.000
	// Bulgaria                     0       7         0      0   7       0.000
	// Romania                      0       7         0      0   7       0.000
	// Rule: median identical 0.000, MAD 0.000; a member stands apart if |identical - median| > 3 x 1.4826 x MAD and >= 0.25, with n >= 3.
}

// How united the Balkan states were on Crimea.
func ExampleCohesion() {
	ds := must(record())
	crimea := ds.Filter(votes.TextMatches(regexp.MustCompile(`(?i)crimea|territorial integrity of ukraine`)))
	rep := must(alignment.Cohesion(crimea, must(votes.LookupGroup("Balkans")), nil))
	fmt.Printf("Rice %.3f, agreement index %.3f over %d roll calls\n", rep.Rice, rep.AI, len(rep.RollCalls))
	fmt.Printf("AI of the Assembly on A/RES/68/262 (100-11-58): %.4f\n", alignment.HixNouryRoland(votes.Tally{Yes: 100, No: 11, Abstain: 58}))
	// Output:
	// Rice 0.810, agreement index 0.762 over 7 roll calls
	// AI of the Assembly on A/RES/68/262 (100-11-58): 0.3876
}
