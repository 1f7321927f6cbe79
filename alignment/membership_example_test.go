package alignment_test

import (
	"fmt"

	"github.com/unga-go/unga/alignment"
	"github.com/unga-go/unga/votes"
)

// A ranking over 2000-2019 scores South Sudan and Montenegro on the years
// they were members; each state's Membership says so, and MinMembership
// ranks only the states that were members for (nearly) all of it.
func ExampleMembership() {
	ds := must(record()).Filter(votes.InYears(2000, 2019))
	chn := must(votes.LookupCountry("China"))
	rk := must(alignment.Rank(ds, chn, alignment.Agree, nil))
	for _, r := range rk.States {
		if m := r.Membership; r.Country.ISO3 == "SSD" || r.Country.ISO3 == "MNE" {
			fmt.Printf("%s %v: member %s to %s, %d of %d roll calls (%.2f)\n", r.Country.ISO3, r.Score,
				m.First.Format("2006-01-02"), m.Last.Format("2006-01-02"), m.RollCalls, m.Of, m.Share())
		}
	}
	full := must(alignment.Rank(ds, chn, alignment.Agree, &alignment.Options{MinMembership: 0.95}))
	fmt.Println(len(full.States), "ranked,", len(full.Partial), "members for less than 95% of the roll calls")
	// Output:
	// SSD 0.7251 (n=382): member 2011-09-16 to 2019-12-27, 828 of 1852 roll calls (0.45)
	// MNE 0.6750 (n=1263): member 2006-10-30 to 2019-12-27, 1303 of 1852 roll calls (0.70)
	// 182 ranked, 10 members for less than 95% of the roll calls
}
