package votes_test

import (
	"errors"
	"fmt"
	"log"
	"os"

	"github.com/unga-go/unga/votes"
)

// Look a state up by the names people use; a name that fits several states
// is an error that lists them.
func ExampleLookupCountry() {
	for _, key := range []string{"UK", "DPRK", "Ivory Coast", "Lao PDR", "Congo"} {
		c, err := votes.LookupCountry(key)
		if errors.Is(err, votes.ErrAmbiguousCountry) {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%s: %s (%s, COW %d)\n", key, c.Name, c.ISO3, c.COW)
	}
	// Output:
	// UK: United Kingdom (GBR, COW 200)
	// DPRK: Democratic People's Republic of Korea (PRK, COW 731)
	// Ivory Coast: Cote d'Ivoire (CIV, COW 437)
	// Lao PDR: Lao People's Democratic Republic (LAO, COW 812)
	// votes: ambiguous country "Congo": it may mean Republic of the Congo (COG, COW 484), Democratic Republic of the Congo (COD, COW 490); give a code or a longer name
}

// Keep the states that voted in session 74, and see who was dropped: the
// record keeps every state it ever lists.
func ExampleDataset_Voters() {
	s74 := unvotesForExamples().Filter(votes.InSessions(74, 74))
	voting, dropped := s74.Voters()
	fmt.Println(s74.NumCountries(), "states in the record,", voting.NumCountries(), "voted in session 74")
	for _, c := range dropped {
		fmt.Println("dropped:", c.Name)
	}
	// Output:
	// 200 states in the record, 193 voted in session 74
	// dropped: Federal Republic of Germany
	// dropped: German Democratic Republic
	// dropped: Czechoslovakia
	// dropped: Zanzibar
	// dropped: Yemen Arab Republic
	// dropped: Democratic Yemen
	// dropped: Republic of China
}

// Count the Federal Republic of Germany's votes as Germany's, so that
// Germany's record runs unbroken from 1973. (Germany's own row starts in
// session 45: the votes after unification on 3 October 1990 are its own.)
func ExampleDataset_JoinPredecessors() {
	ds := unvotesForExamples()
	joined, err := ds.JoinPredecessors(nil) // nil: votes.Successions()
	if err != nil {
		log.Fatal(err)
	}
	for _, d := range []*votes.Dataset{ds, joined} {
		i, err := d.CountryIndex("DEU")
		if err != nil {
			log.Fatal(err)
		}
		first := 0
		for j, v := range d.Row(i) {
			if v.Cast() {
				first = d.RollCall(j).Session
				break
			}
		}
		fmt.Println(d.NumCountries(), "states; Germany votes from session", first)
	}
	// Output:
	// 200 states; Germany votes from session 45
	// 198 states; Germany votes from session 28
}

// Write votes in long form, one row per state and roll call, for pandas,
// dplyr or DuckDB.
func ExampleWriteLong() {
	ds := unvotesForExamples()
	sub := ds.Filter(votes.Resolutions("A/RES/74/17")).SelectCountries(func(c votes.Country) bool {
		return c.ISO3 == "SRB" || c.ISO3 == "UKR" || c.ISO3 == "NAM"
	})
	if err := votes.WriteLong(os.Stdout, sub); err != nil {
		log.Fatal(err)
	}
	// Output:
	// rcid,session,date,year,resolution,iso3,cow,name,vote,issues,committee,agenda_item,subjects,sdgs,sponsor,other_sponsors,source
	// 9075,74,2019-12-09,2019,A/RES/74/17,SRB,345,Serbia,no,,,,,,,,
	// 9075,74,2019-12-09,2019,A/RES/74/17,UKR,369,Ukraine,yes,,,,,,,,
	// 9075,74,2019-12-09,2019,A/RES/74/17,NAM,565,Namibia,abstain,,,,,,,,
}
