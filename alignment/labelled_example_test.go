package alignment_test

import (
	"fmt"
	"io"
	"os"

	"github.com/unga-go/unga/alignment"
	"github.com/unga-go/unga/votes"
)

// The three states closest to Russia in sessions 73 and 74, as one tidy
// table with a session column.
func ExampleWriteLabelledCSV() {
	ds := must(record())
	rus := must(votes.LookupCountry("Russia"))
	var labels []string
	var rankings []interface{ WriteCSV(io.Writer) error }
	for _, s := range []int{73, 74} {
		rk := must(alignment.Rank(ds.Filter(votes.InSessions(s, s)), rus, alignment.Agree, &alignment.Options{MinN: 40}))
		labels = append(labels, fmt.Sprint(s))
		rk.States = rk.States[:3]
		rankings = append(rankings, rk)
	}
	if err := alignment.WriteLabelledCSV(os.Stdout, "session", labels, rankings...); err != nil {
		fmt.Println(err)
	}
	// Output:
	// session,rank,iso3_a,cow_a,name_a,iso3_b,cow_b,name_b,index,score,n,member_share,member_from,member_to
	// 73,1,RUS,365,Russian Federation,TCD,483,Chad,agree,0.8902439024390244,41,1,2018-10-16,2018-12-22
	// 73,2,RUS,365,Russian Federation,CHN,710,China,agree,0.8655913978494624,93,1,2018-10-16,2018-12-22
	// 73,3,RUS,365,Russian Federation,BLR,370,Belarus,agree,0.8602150537634409,93,1,2018-10-16,2018-12-22
	// 74,1,RUS,365,Russian Federation,GIN,438,Republic of Guinea,agree,0.9285714285714286,49,1,2019-11-07,2020-01-14
	// 74,2,RUS,365,Russian Federation,CHN,710,China,agree,0.8735632183908046,87,1,2019-11-07,2020-01-14
	// 74,3,RUS,365,Russian Federation,ZWE,552,Zimbabwe,agree,0.8647058823529412,85,1,2019-11-07,2020-01-14
}
