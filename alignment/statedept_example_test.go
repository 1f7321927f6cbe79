package alignment_test

import (
	"fmt"

	"github.com/unga-go/unga/alignment"
	"github.com/unga-go/unga/votes"
)

// The State Department's coincidence with the United States, as its
// reports for 2016 (yes and no votes only) and 2018 (an abstention against
// a yes or a no counts half) compute it.
func ExampleStateDepartment() {
	ds := must(record())
	usa := must(votes.LookupCountry("USA"))
	for _, key := range []string{"Israel", "United Kingdom", "China"} {
		c := must(votes.LookupCountry(key))
		s16 := must(alignment.StateDepartment(ds, 2016, c, usa))
		s18 := must(alignment.StateDepartment(ds, 2018, c, usa))
		fmt.Printf("%-15s 2016 %.1f%% (n=%d)  2018 %.1f%% (n=%d)\n", key, 100*s16.Value, s16.N, 100*s18.Value, s18.N)
	}
	// Output:
	// Israel          2016 94.3% (n=88)  2018 92.3% (n=91)
	// United Kingdom  2016 87.5% (n=88)  2018 60.0% (n=95)
	// China           2016 37.2% (n=86)  2018 21.5% (n=93)
}
