package undata

import (
	"slices"

	"github.com/unga-go/unga/votes"
)

// An Erratum is one correction Load applies to the published record, with
// the evidence for it.
type Erratum struct {
	votes.Correction
	// Source names the official record that supports the correction.
	Source string
	// Evidence says what the source shows and what was left alone.
	Evidence string
}

// grc65 lists the roll calls (unvotes rcids) of session 65 on which the
// published record gives Greece Grenada's vote and Grenada Greece's. They
// are the roll calls Compare finds swapped against the UN Digital Library
// excerpt in testdata/undl/scrape_2010.csv.gz (audit.Compare, tested in
// errata_test.go).
var grc65 = [...]int{
	5052, 5053, 5054, 5056, 5057, 5061, 5068, 5070, 5071, 5073, 5076, 5078, 5082, 5088,
	5092, 5095, 5096, 5098, 5099, 5100, 5102, 5103, 5104, 5105, 5106, 5107, 5108, 5109,
}

// Errata returns the corrections Load applies, in order. Each call returns
// a new slice.
func Errata() []Erratum {
	greece, _ := votes.CountryByCOW(350)
	grenada, _ := votes.CountryByCOW(55)
	return []Erratum{{
		Correction: votes.Correction{A: greece, B: grenada, RollCalls: slices.Clone(grc65[:])},
		Source:     "UN Digital Library voting records of 2010 (excerpt in testdata/undl/scrape_2010.csv.gz: 67 roll calls, sessions 64-65)",
		Evidence: "Greece and Grenada swapped in session 65 (30 November to 21 December 2010). " +
			"Of the 33 roll calls of 2010 the excerpt and the record share on which the two states vote differently, " +
			"28 are swapped: 25 with both votes exchanged (Greece voting as the EU, Grenada as the Caribbean states), " +
			"and 3 (rcids 5056, 5070, 5095) on which the record gives Grenada Greece's yes and Greece no vote, where the UN records Grenada absent. " +
			"The other 5 agree with the UN and are left as they are: the 4 of session 64 (rcids 5044-5047, February to September 2010) " +
			"and A/RES/65/226 (rcid 5110, 21 December 2010). " +
			"Counting only roll calls matched by symbol gives the 27 of 32 of the data notes: the excerpt has no symbol for A/RES/65/206 (rcid 5100), matched by date and votes. " +
			"Not corrected, for want of an official record: the session-65 roll calls the excerpt lacks on which the two differ in the record " +
			"(rcid 5867, a separate vote on A/RES/65/46, and rcid 5884, a separate vote on A/RES/65/206).",
	}}
}
