package alignment_test

import (
	"fmt"
	"regexp"

	"github.com/unga-go/unga/alignment"
	"github.com/unga-go/unga/votes"
)

// Who broke from the Balkan majority on the Crimea resolutions, and how
// likely so many defections would be if the group's votes on each were
// shared out among its members at random.
func ExampleDefections() {
	ds := must(record())
	crimea := ds.Filter(votes.TextMatches(regexp.MustCompile(`(?i)crimea|territorial integrity of ukraine`)))
	def := must(alignment.Defections(crimea, must(votes.LookupGroup("Balkans")), nil))
	for _, m := range def.States[:3] {
		fmt.Printf("%s %d of %d (%.1f expected, p = %.2g)\n", m.Country.ISO3, m.Defections, m.N, m.Expected, m.PValue)
	}
	// Output:
	// SRB 6 of 6 (1.1 expected, p = 3.6e-05)
	// BIH 5 of 5 (1.0 expected, p = 0.00032)
	// ALB 0 of 7 (1.1 expected, p = 1)
}
