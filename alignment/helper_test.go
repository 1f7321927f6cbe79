package alignment

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
)

// record loads the embedded record of 1946-2019 (sessions 1-74, the
// unvotes part of undata.Load, on which the expected figures of these
// tests were computed) once per test binary.
var record = sync.OnceValues(func() (*votes.Dataset, error) {
	ds, err := undata.Load()
	if err != nil {
		return nil, err
	}
	return ds.Filter(votes.InSessions(1, 74)), nil
})

func load(tb testing.TB) *votes.Dataset {
	tb.Helper()
	ds, err := record()
	if err != nil {
		tb.Fatalf("undata.Load: %v", err)
	}
	return ds
}

func country(tb testing.TB, key string) votes.Country {
	tb.Helper()
	c, err := votes.LookupCountry(key)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// fixtureRC is one roll call of a hand-made dataset: its session, its day
// ("2019-10-01"; "" for none) and the votes of the fixture's states, in
// their order.
type fixtureRC struct {
	session int
	day     string
	votes   []votes.Vote
}

// fixture writes roll calls in Voeten's layout and reads them, so that
// RollCall.Unanimous is judged as on real data: states[i] casts
// rcs[j].votes[i] on roll call j (Absent and NonMember as codes 8 and 9).
func fixture(tb testing.TB, states []votes.Country, rcs []fixtureRC) *votes.Dataset {
	tb.Helper()
	var b strings.Builder
	b.WriteString("rcid,session,vote,ccode,member,importantvote,date,unres,me,nu,di,hr,co,ec,year\n")
	code := map[votes.Vote]int{votes.Yes: 1, votes.Abstain: 2, votes.No: 3, votes.Absent: 8, votes.NonMember: 9}
	for j, rc := range rcs {
		date, year := "", ""
		if rc.day != "" {
			d, err := time.Parse(time.DateOnly, rc.day)
			if err != nil {
				tb.Fatal(err)
			}
			date, year = d.Format("1/2/2006"), fmt.Sprint(d.Year())
		}
		for i, c := range states {
			member := 1
			if rc.votes[i] == votes.NonMember {
				member = 0
			}
			fmt.Fprintf(&b, "%d,%d,%d,%d,%d,0,%s,R/%d/%d,0,0,0,0,0,0,%s\n", j+1, rc.session, code[rc.votes[i]], c.COW, member, date, rc.session, j+1, year)
		}
	}
	ds, err := votes.Read(strings.NewReader(b.String()))
	if err != nil {
		tb.Fatal(err)
	}
	return ds
}

// permutation runs Outliers(ds, g, ref, opts) and tests its members.
func permutation(ds *votes.Dataset, g votes.Group, ref votes.Country, opts *OutlierOptions) (*PermutationTest, error) {
	rep, err := Outliers(ds, g, ref, opts)
	if err != nil {
		return nil, err
	}
	return rep.Permutation(), nil
}
