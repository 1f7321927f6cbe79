package audit_test

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
)

const (
	scrapePath = "../testdata/undl/scrape_2010.csv.gz"
	voetenPath = "../testdata/voeten/UNVotesPublished.csv.gz"
)

var (
	published = sync.OnceValues(undata.LoadPublished)
	corrected = sync.OnceValues(undata.Load)
	scrape    = sync.OnceValues(func() (*votes.Dataset, error) { return votes.ReadFile(scrapePath) })
	voeten    = sync.OnceValues(func() (*votes.Dataset, error) { return votes.ReadFile(voetenPath) })
)

func must(tb testing.TB, f func() (*votes.Dataset, error)) *votes.Dataset {
	tb.Helper()
	ds, err := f()
	if err != nil {
		tb.Fatal(err)
	}
	return ds
}

// undlHeader is the UN Digital Library's 2026 layout.
const undlHeader = "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,committee_report,meeting,title,agenda_title,subjects,vote_note,total_yes,total_no,total_abstentions,total_non_voting,total_ms,undl_link\n"

// writeUNDL writes roll calls cols of ds in the UN Digital Library's bulk
// layout, one row per state with a vote, the roll call's ID as undl_id and
// its counted tally as the totals. edit, if not nil, may change the state
// and vote written for state i on roll call j, or drop the row.
func writeUNDL(ds *votes.Dataset, cols []int, edit func(i, j int) (votes.Country, votes.Vote, bool)) []byte {
	var b bytes.Buffer
	b.WriteString(undlHeader)
	code := map[votes.Vote]string{votes.Yes: "Y", votes.No: "N", votes.Abstain: "A", votes.Absent: "X"}
	for _, j := range cols {
		rc := ds.RollCall(j)
		t := ds.Tally(j)
		session := fmt.Sprint(rc.Session)
		if rc.Special != "" {
			session = rc.Special
		}
		tail := fmt.Sprintf(",%s,%s,%s,,,,,,,,%d.0,%d.0,%d.0,%d.0,%d.0,\n", rc.Date.Format("2006-01-02"), session, rc.Resolution,
			t.Yes, t.No, t.Abstain, t.NonVoting, t.Members)
		for i, c := range ds.Countries() {
			v := ds.Vote(i, j)
			if edit != nil {
				var ok bool
				if c, v, ok = edit(i, j); !ok {
					continue
				}
			}
			if code[v] == "" || c.ISO3 == "" {
				continue
			}
			fmt.Fprintf(&b, "%d,%s,%s,%s%s", rc.ID, c.ISO3, csvField(strings.ToUpper(c.Name)), code[v], tail)
		}
	}
	return b.Bytes()
}

// csvField quotes s as encoding/csv would.
func csvField(s string) string {
	if strings.ContainsAny(s, ",\"\n") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}
