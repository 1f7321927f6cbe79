package audit_test

import (
	"fmt"

	"github.com/unga-go/unga/alignment"
	"github.com/unga-go/unga/audit"
	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
)

// Compare the record as published with the UN Digital Library's voting
// records of 2010: Greece and Grenada are swapped in session 65.
func ExampleCompare() {
	record, err := undata.LoadPublished()
	if err != nil {
		fmt.Println(err)
		return
	}
	undl, err := votes.ReadFile("../testdata/undl/scrape_2010.csv.gz")
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := audit.Compare(record, undl, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(c.Matches), "roll calls matched,", len(c.UnmatchedB), "of the Digital Library's unmatched")
	fmt.Println(c.Agree, "of", c.Compared, "votes agree")
	for _, s := range c.Swaps {
		fmt.Printf("%s and %s swapped in session %d on %d roll calls\n", s.A.ISO3, s.B.ISO3, s.Session, len(s.RollCalls))
	}
	for _, t := range c.Tallies {
		fmt.Println(t.Resolution, "published", t.Totals, "counted", t.Tally)
	}
	// Output:
	// 66 roll calls matched, 1 of the Digital Library's unmatched
	// 11672 of 11729 votes agree
	// GRC and GRD swapped in session 65 on 28 roll calls
	// A/RES/64/282 published 131-2-1 counted 130-2-1
}

// What the record covers in 2019, and the resolutions it lists twice.
func ExampleCover() {
	record, err := undata.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := audit.Cover(record, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.YearNote(2019))
	for _, d := range c.Duplicates[:2] {
		fmt.Println(d.Resolution, d.Dates[0].Format("2006-01-02"), d.Dates[1].Format("2006-01-02"))
	}
	// Output:
	// 2019 holds only November-December; the 2019 votes of session 73 are missing.
	// A/RES/52/44 1997-12-03 1997-12-09
	// A/RES/53/141 1998-12-04 1998-12-09
}

// Without a second source: the most unlikely collapses in sessions 61-69
// of the record as published.
func ExampleSuspicions() {
	record, err := undata.LoadPublished()
	if err != nil {
		fmt.Println(err)
		return
	}
	rep, err := audit.Suspicions(record.Filter(votes.InSessions(61, 69)), nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range rep.Suspicions[:2] {
		fmt.Printf("%s session %d: %.2f with its usual partners, %.2f around; mirrors %s\n", s.Country.ISO3, s.Session, s.Here, s.Around, s.Mirror.ISO3)
	}
	// Output:
	// GRD session 65: 0.77 with its usual partners, 0.99 around; mirrors GRC
	// GRC session 65: 0.78 with its usual partners, 0.99 around; mirrors GRD
}

// Score both sources on the same roll calls: the record as published and
// the UN Digital Library's 2010 records, restricted to the roll calls the
// comparison matched. Greece and Grenada, swapped in the record's session
// 65, differ; Serbia and Russia do not.
func ExampleComparison_Filters() {
	record, err := undata.LoadPublished()
	if err != nil {
		fmt.Println(err)
		return
	}
	undl, err := votes.ReadFile("../testdata/undl/scrape_2010.csv.gz")
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := audit.Compare(record, undl, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	inA, inB := c.Filters()
	a, b := record.Filter(inA), undl.Filter(inB)
	fmt.Println(a.NumRollCalls(), "and", b.NumRollCalls(), "roll calls")
	for _, pair := range [][2]string{{"GRC", "USA"}, {"GRD", "USA"}, {"SRB", "RUS"}} {
		x, err := votes.LookupCountry(pair[0])
		if err != nil {
			fmt.Println(err)
			return
		}
		y, err := votes.LookupCountry(pair[1])
		if err != nil {
			fmt.Println(err)
			return
		}
		ta, errA := alignment.Pair(a, x, y, nil)
		tb, errB := alignment.Pair(b, x, y, nil)
		if errA != nil || errB != nil {
			fmt.Println(errA, errB)
			return
		}
		fmt.Printf("%s-%s record %v, Digital Library %v\n", pair[0], pair[1], ta.Score(alignment.Agree, 1), tb.Score(alignment.Agree, 1))
	}
	// Output:
	// 66 and 66 roll calls
	// GRC-USA record 0.2460 (n=63), Digital Library 0.5076 (n=66)
	// GRD-USA record 0.5000 (n=64), Digital Library 0.2295 (n=61)
	// SRB-RUS record 0.8359 (n=64), Digital Library 0.8359 (n=64)
}

// Where the kind of roll call changes in the last sessions of the record.
func ExampleCoverage_KindNote() {
	record, err := undata.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := audit.Cover(record, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for s := 70; s <= 74; s++ {
		if n := c.KindNote(s); n != "" {
			fmt.Println(n)
		}
	}
	// Output:
	// Session 71 holds 40 other roll calls (votes on parts of drafts, failed drafts or motions, or ones without a symbol), while session 70 holds only resolutions adopted as a whole: a series across the two mixes kinds of roll call; votes.AdoptedResolutions keeps the comparable ones.
	// Session 73 holds only resolutions adopted as a whole, while session 72 holds 33 other roll calls (votes on parts of drafts, failed drafts or motions, or ones without a symbol): a series across the two mixes kinds of roll call; votes.AdoptedResolutions keeps the comparable ones.
}
