package votes_test

import (
	"fmt"
	"log"
	"os"
	"regexp"

	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
)

// Load the embedded unvotes record and count what it holds.
func Example() {
	ds, err := undata.Load()
	if err != nil {
		log.Fatal(err)
	}
	counts := map[votes.Vote]int{}
	for i := range ds.NumCountries() {
		for _, v := range ds.Row(i) {
			counts[v]++
		}
	}
	first, last := ds.Span()
	fmt.Println(ds.NumRollCalls(), "roll calls,", ds.NumCountries(), "states")
	fmt.Println("from", first.Format("2006-01-02"), "to", last.Format("2006-01-02"))
	fmt.Println("yes", counts[votes.Yes], "abstain", counts[votes.Abstain], "no", counts[votes.No])
	// Output:
	// 6843 roll calls, 200 states
	// from 1946-01-01 to 2026-06-04
	// yes 786095 abstain 122645 no 73594
}

// Find how Serbia voted on A/RES/74/17, whatever name the source gives it.
func ExampleDataset_CountryIndex() {
	ds := unvotesForExamples()
	res := ds.Filter(votes.Resolutions("A/RES/74/17"))
	i, err := res.CountryIndex("Serbia") // unvotes calls it "Yugoslavia", "YU"
	if err != nil {
		log.Fatal(err)
	}
	rc := res.RollCall(0)
	c := res.Country(i)
	fmt.Printf("%s on %s (%s): %s\n", c.NameOn(rc.Date), rc.Resolution, rc.Date.Format("2006-01-02"), res.Vote(i, 0))
	fmt.Println("tally", res.Tally(0))
	// Output:
	// Serbia on A/RES/74/17 (2019-12-09): no
	// tally 63-19-66
}

// Select the roll calls whose texts mention Crimea.
func ExampleTextMatches() {
	ds := unvotesForExamples()
	crimea := ds.Filter(votes.TextMatches(regexp.MustCompile(`(?i)crimea`)))
	for j, rc := range crimea.RollCalls() {
		fmt.Println(rc.Date.Format("2006-01-02"), rc.Resolution, crimea.Tally(j))
	}
	// Output:
	// 2016-12-19 A/RES/71/205 70-25-77
	// 2017-12-19 A/RES/72/190 70-26-76
	// 2018-12-17 A/RES/73/194 66-19-72
	// 2018-12-22 A/RES/73/263 65-27-70
	// 2019-12-09 A/RES/74/17 63-19-66
	// 2019-12-18 A/RES/74/168 65-23-83
}

// Read Voeten's 2016 file, which codes absences and non-membership too.
func ExampleReadFile() {
	ds, err := votes.ReadFile("../testdata/voeten/UNVotesPublished.csv.gz")
	if err != nil {
		log.Fatal(err)
	}
	res := ds.Filter(votes.Resolutions("R/68/262"))
	rc := res.RollCall(0)
	t := res.Tally(0)
	fmt.Println(ds.NumRollCalls(), "roll calls,", ds.NumCountries(), "states")
	fmt.Println(rc.Resolution, rc.Date.Format("2006-01-02"), "session", rc.Session)
	fmt.Println(t, "with", t.NonVoting, "absent of", t.Members, "members")
	// Output:
	// 5429 roll calls, 200 states
	// A/RES/68/262 2014-03-27 session 68
	// 100-11-58 with 24 absent of 193 members
}

// Write a small subset in the canonical layout, which Read reads back.
func ExampleWrite() {
	ds := unvotesForExamples()
	sub := ds.Filter(votes.Resolutions("A/RES/74/17")).SelectCountries(func(c votes.Country) bool {
		return c.ISO3 == "SRB" || c.ISO3 == "HRV" || c.ISO3 == "UKR"
	})
	if err := votes.Write(os.Stdout, sub); err != nil {
		log.Fatal(err)
	}
	// Output:
	// rcid,session,special,date,resolution,raw_resolution,short,title,description,draft,committee_report,meeting,agenda_title,subjects,link,issues,important,amendment,paragraph,unanimous,total_yes,total_no,total_abstain,total_non_voting,total_members,committee,agenda_item,sdgs,sponsors,additional_sponsors,other_sponsors,source,cow,iso3,country,vote,member,note
	// 9075,74,,2019-12-09,A/RES/74/17,A/RES/74/17,"Problem of the militarization of the Autonomous Republic of Crimea and the city of Sevastopol, Ukraine, as well as parts of the Black Sea and the Sea of Azov ",,"Problem of the militarization of the Autonomous Republic of Crimea and the city of Sevastopol, Ukraine, as well as parts of the Black Sea and the Sea of Azov ",,,,,,,,NA,NA,NA,0,,,,,,,,,,,,,344,HRV,Croatia,yes,1,
	// 9075,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,345,SRB,Serbia,no,1,
	// 9075,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,369,UKR,Ukraine,yes,1,
}

// unvotesForExamples returns the embedded record, read once for all the
// examples of this file (users call undata.Load).
func unvotesForExamples() *votes.Dataset {
	ds, err := loadUnvotes()
	if err != nil {
		log.Fatal(err)
	}
	return ds
}
