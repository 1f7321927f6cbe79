package votes_test

import (
	"fmt"
	"log"
	"regexp"
	"testing"

	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
)

func TestLastChange(t *testing.T) {
	const (
		y, a, n = votes.Yes, votes.Abstain, votes.No
		x, o, m = votes.Absent, votes.NoRecord, votes.NonMember
	)
	for _, tc := range []struct {
		vs   []votes.Vote
		want int
	}{
		{nil, -1},
		{[]votes.Vote{x, o, m}, -1},
		{[]votes.Vote{y}, -1},
		{[]votes.Vote{y, x, y, o, y}, -1},
		{[]votes.Vote{n, a}, 1},
		{[]votes.Vote{n, a, x}, 1},
		{[]votes.Vote{x, n, n, x, a, a, o}, 4},
		{[]votes.Vote{n, x, a, x, a}, 2},
		{[]votes.Vote{y, n, y, a, a}, 3},
		{[]votes.Vote{a, x, m, y}, 3},
	} {
		if got := votes.LastChange(tc.vs); got != tc.want {
			t.Errorf("LastChange(%v) = %d, want %d", tc.vs, got, tc.want)
		}
		// The change before: LastChange of the votes before the last.
		if k := votes.LastChange(tc.vs); k > 0 {
			if j := votes.LastChange(tc.vs[:k]); j >= k {
				t.Errorf("LastChange(%v[:%d]) = %d, not before %d", tc.vs, k, j, k)
			}
		}
	}
}

// On the fifteen Crimea resolutions of the regular sessions
// (examples/crimea/testdata/families.py, from unvotes and the UN's
// resolution data in the repository), Serbia voted no from A/RES/71/205 to
// A/RES/76/179 (with no other vote cast before) and abstained from
// A/RES/77/229 on; Bosnia and Herzegovina
// abstained (or cast no vote) until then and voted yes from it on; Albania
// voted yes throughout. On the six of the emergency special session ES-11
// Serbia's last change is back to yes on A/RES/ES-11/6, after abstaining
// on A/RES/ES-11/5.
func TestLastChangeCrimea(t *testing.T) {
	ds, err := undata.Load()
	if err != nil {
		t.Fatal(err)
	}
	crimea := ds.Filter(votes.TextMatches(regexp.MustCompile(`(?i)crimea|^A/RES/68/262$`)))
	es11 := ds.Filter(votes.Special("ES-11"))
	if crimea.NumRollCalls() != 15 || es11.NumRollCalls() != 6 {
		t.Fatalf("%d Crimea and %d ES-11 roll calls, want 15 and 6", crimea.NumRollCalls(), es11.NumRollCalls())
	}
	for _, tc := range []struct {
		ds          *votes.Dataset
		state, want string
		before      []string // the changes before it, "" for none
	}{
		{crimea, "Serbia", "A/RES/77/229", []string{""}},
		{crimea, "Bosnia and Herzegovina", "A/RES/77/229", nil},
		{crimea, "Albania", "", nil},
		{es11, "Serbia", "A/RES/ES-11/6", []string{"A/RES/ES-11/5", ""}},
		{es11, "Russia", "", nil},
	} {
		i, err := tc.ds.CountryIndex(tc.state)
		if err != nil {
			t.Fatal(err)
		}
		row := tc.ds.Row(i)
		symbol := func(k int) string {
			if k < 0 {
				return ""
			}
			return tc.ds.RollCall(k).Resolution
		}
		k := votes.LastChange(row)
		if got := symbol(k); got != tc.want {
			t.Errorf("%s: last change at %q, want %q", tc.state, got, tc.want)
		}
		for _, want := range tc.before {
			k = votes.LastChange(row[:k])
			if got := symbol(k); got != want {
				t.Errorf("%s: change before at %q, want %q", tc.state, got, want)
			}
		}
	}
}

// When did Serbia change its vote on the Crimea resolutions, and who else
// changed on the same roll call?
func ExampleLastChange() {
	ds, err := undata.Load()
	if err != nil {
		log.Fatal(err)
	}
	crimea := ds.Filter(votes.TextMatches(regexp.MustCompile(`(?i)crimea`)))
	balkans, err := votes.LookupGroup("Balkans")
	if err != nil {
		log.Fatal(err)
	}
	i, _ := crimea.CountryIndex("Serbia")
	row := crimea.Row(i)
	k := votes.LastChange(row)
	rc := crimea.RollCall(k)
	fmt.Printf("Serbia: %s before %s (%s), %s from it on\n", row[k-1], rc.Resolution, rc.Date.Format("2006-01-02"), row[k])
	for j := range crimea.NumCountries() {
		c := crimea.Country(j)
		if j != i && balkans.Contains(c, rc.Date) && votes.LastChange(crimea.Row(j)) == k {
			fmt.Printf("%s: %s from it on\n", c.NameOn(rc.Date), crimea.Vote(j, k))
		}
	}
	// Output:
	// Serbia: no before A/RES/77/229 (2022-12-15), abstain from it on
	// Bosnia and Herzegovina: yes from it on
}
