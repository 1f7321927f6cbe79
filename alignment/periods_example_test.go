package alignment_test

import (
	"fmt"

	"github.com/unga-go/unga/alignment"
	"github.com/unga-go/unga/votes"
)

// Whose agreement with China rose most between 2000-2004 and 2015-2019?
// Only the states that were members for (nearly) all of both periods are
// ranked; the others are named: among them Switzerland and Timor-Leste
// (admitted in 2002), Montenegro (2006) and South Sudan (2011).
func ExampleComparePeriods() {
	ds := must(record())
	chn := must(votes.LookupCountry("China"))
	cmp := must(alignment.ComparePeriods(ds.Filter(votes.InYears(2000, 2004)), ds.Filter(votes.InYears(2015, 2019)), chn, alignment.Agree,
		&alignment.BootstrapOptions{Options: alignment.Options{MinN: 20, MinMembership: 0.95}, Seed: 1}))
	for _, s := range cmp.States[:5] {
		fmt.Printf("%d %s %.3f -> %.3f: %+.3f [%+.3f, %+.3f]\n", s.Rank, s.Country.ISO3, s.Before.Value, s.After.Value, s.Change.Value, s.Change.Lo, s.Change.Hi)
	}
	for _, c := range cmp.Partial {
		fmt.Print(c.ISO3, " ")
	}
	fmt.Println()
	// Output:
	// 1 PLW 0.244 -> 0.569: +0.324 [+0.261, +0.390]
	// 2 MHL 0.434 -> 0.489: +0.055 [-0.006, +0.121]
	// 3 NIC 0.828 -> 0.877: +0.049 [+0.011, +0.085]
	// 4 FSM 0.408 -> 0.448: +0.040 [-0.022, +0.099]
	// 5 USA 0.254 -> 0.289: +0.035 [-0.015, +0.082]
	// CHE MNE STP GNB NER LBR CAF SOM SYC SSD IRQ TJK KGZ UZB TLS TUV
}
