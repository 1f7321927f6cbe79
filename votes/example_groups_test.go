package votes_test

import (
	"fmt"
	"log"
	"time"

	"github.com/unga-go/unga/votes"
)

// How the BRICS states of the day voted on the Assembly's resolution on
// the territorial integrity of Ukraine, A/RES/68/262 of 27 March 2014.
// Membership is by date: the members of 2014 are the five, not the ten of
// 2025. Members come in order of COW code.
func ExampleLookupGroup() {
	ds := unvotesForExamples()
	brics, err := votes.LookupGroup("BRICS")
	if err != nil {
		log.Fatal(err)
	}
	res := ds.Filter(votes.Resolutions("A/RES/68/262"))
	rc := res.RollCall(0)
	for _, c := range brics.MembersOn(rc) {
		i, ok := res.IndexOf(c)
		if !ok {
			log.Fatalf("%s is not in the record", c)
		}
		fmt.Printf("%s: %s\n", c, res.Vote(i, 0))
	}
	fmt.Println(len(brics.Members(rc.Date)), "members then,", len(brics.Members(time.Date(2025, time.June, 1, 0, 0, 0, 0, time.UTC))), "in 2025")
	// Output:
	// Brazil: abstain
	// Russian Federation: no
	// South Africa: abstain
	// China: abstain
	// India: abstain
	// 5 members then, 10 in 2025
}

// The permanent members of the Security Council before and after the
// People's Republic of China took China's seat on 25 October 1971.
func ExampleGroup_Members() {
	p5, err := votes.LookupGroup("P5")
	if err != nil {
		log.Fatal(err)
	}
	for _, d := range []int{24, 25} {
		fmt.Println("October", d, p5.Members(time.Date(1971, time.October, d, 0, 0, 0, 0, time.UTC)))
	}
	// Output:
	// October 24 [United States United Kingdom France Russian Federation Republic of China]
	// October 25 [United States United Kingdom France Russian Federation China]
}
