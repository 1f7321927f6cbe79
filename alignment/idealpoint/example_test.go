package idealpoint_test

import (
	"context"
	"fmt"
	"log"
	"math"
	"os"
	"strings"

	"github.com/unga-go/unga/alignment/idealpoint"
	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
)

func ExampleEstimate() {
	ds, err := undata.Load()
	if err != nil {
		log.Fatal(err)
	}
	res, err := idealpoint.Estimate(context.Background(), ds.Filter(votes.InSessions(74, 74)), nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("converged:", res.Converged, "roll calls:", res.RollCalls)
	for _, key := range []string{"USA", "Serbia", "Cuba"} {
		c, _ := votes.LookupCountry(key)
		p, _ := res.Position(c)
		fmt.Printf("%s %.1f\n", p.Country.ISO3, p.IdealPoint)
	}
	// Output:
	// converged: true roll calls: 91
	// USA 4.5
	// SRB 0.6
	// CUB -2.1
}

func ExampleEstimateDynamic() {
	ds, err := undata.Load()
	if err != nil {
		log.Fatal(err)
	}
	res, err := idealpoint.EstimateDynamic(context.Background(), ds.Filter(votes.InSessions(70, 74)), nil)
	if err != nil {
		log.Fatal(err)
	}
	c, _ := votes.LookupCountry("Russia")
	for _, p := range res.Path(c) {
		fmt.Printf("%d %.1f\n", p.Session, p.IdealPoint)
	}
	// Output:
	// 70 0.1
	// 71 0.1
	// 72 0.1
	// 73 0.1
	// 74 0.1
}

func ExampleReadBSV() {
	f, err := os.Open("../../testdata/idealpoints/IdealpointestimatesAll_Apr2020.csv")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	pub, err := idealpoint.ReadBSV(f)
	if err != nil {
		log.Fatal(err)
	}
	for _, key := range []string{"USA", "Russia", "Cuba"} {
		c, _ := votes.LookupCountry(key)
		e, _ := pub.Get(c, 74)
		fmt.Printf("%s %.2f [%.2f, %.2f] sd %.2f\n", e.ISO3, e.IdealPoint, e.Quantiles[1], e.Quantiles[5], e.SD())
	}
	// The published rows (session 74): USA Q5% 2.510938, Q95% 2.867221;
	// Russia 0.007623743, 0.281391; Cuba -2.097024, -1.293782.

	// Output:
	// USA 2.69 [2.51, 2.87] sd 0.11
	// RUS 0.14 [0.01, 0.28] sd 0.08
	// CUB -1.68 [-2.10, -1.29] sd 0.24
}

func ExampleFit_WriteCSV() {
	ds, err := undata.Load()
	if err != nil {
		log.Fatal(err)
	}
	res, err := idealpoint.Estimate(context.Background(), ds.Filter(votes.InSessions(74, 74)), nil)
	if err != nil {
		log.Fatal(err)
	}
	var b strings.Builder
	if err := res.WriteCSV(&b); err != nil {
		log.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	fmt.Println(lines[0])
	fmt.Println(len(lines) - 2) // rows: less the header and the final newline
	// Output:
	// iso3,cow,name,session,ideal_point,se,lo,hi,n
	// 193
}

// The roll calls of session 71 that Bailey, Strezhnev & Voeten's estimates
// rest on: the record's 40 separate votes on paragraphs and amendments are
// left out, as in their file, where no state's estimate rests on more
// than 78 votes.
func ExampleBSVRollCalls() {
	ds, err := undata.Load()
	if err != nil {
		log.Fatal(err)
	}
	s71 := ds.Filter(votes.InSessions(71, 71))
	kept := s71.Filter(idealpoint.BSVRollCalls())
	fmt.Println("roll calls:", s71.NumRollCalls(), "kept:", kept.NumRollCalls())
	res, err := idealpoint.Estimate(context.Background(), kept, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("contested:", res.RollCalls, "unanimous:", res.Unanimous)
	// Output:
	// roll calls: 119 kept: 79
	// contested: 78 unanimous: 1
}

// Has Serbia moved between sessions 70 (2015) and 74 (2019)? The change
// of its ideal point, with a standard error that counts the correlation of
// the two positions along its path, and Russia's for comparison.
func ExampleDynamicFit_Move() {
	ds, err := undata.Load()
	if err != nil {
		log.Fatal(err)
	}
	res, err := idealpoint.EstimateDynamic(context.Background(), ds.Filter(votes.InSessions(70, 74)).Filter(idealpoint.BSVRollCalls()), nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, key := range []string{"Serbia", "Russia"} {
		c, _ := votes.LookupCountry(key)
		mv, err := res.Move(c, 70, 74)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(mv)
	}
	// Neighbouring sessions share more of their uncertainty.
	srb, _ := votes.LookupCountry("Serbia")
	mv, err := res.Move(srb, 73, 74)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("Serbia, 73 to 74: correlation %.3f, SE %.4f, %.4f if independent; moved at 95%%: %v\n",
		mv.Corr, mv.SE, math.Hypot(mv.From.SE, mv.To.SE), mv.Moved(idealpoint.Level))
	// Output:
	// Serbia: 0.69 in session 70, 0.62 in session 74: change -0.07, SE 0.13 (0.13 if independent), 95% interval [-0.33, 0.19], within its uncertainty
	// Russian Federation: 0.29 in session 70, 0.22 in session 74: change -0.07, SE 0.14 (0.14 if independent), 95% interval [-0.35, 0.20], within its uncertainty
	// Serbia, 73 to 74: correlation 0.046, SE 0.1275, 0.1305 if independent; moved at 95%: false
}
