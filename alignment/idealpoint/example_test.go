package idealpoint_test

import (
	"fmt"
	"log"

	"github.com/unga-go/unga/alignment/idealpoint"
	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
)

func ExampleEstimate() {
	ds, err := undata.Load()
	if err != nil {
		log.Fatal(err)
	}
	res, err := idealpoint.Estimate(ds.Filter(votes.InSessions(74, 74)), nil)
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
	res, err := idealpoint.EstimateDynamic(ds.Filter(votes.InSessions(70, 74)), nil)
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
