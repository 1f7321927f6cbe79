package votes_test

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/unga-go/unga/votes"
)

func names(cs []votes.Country) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Name)
	}
	return out
}

func TestBuiltInGroups(t *testing.T) {
	// Today's composition of the UN regional groups (UN Department for
	// General Assembly and Conference Management): African 54, Eastern
	// European 23, GRULAC 33, WEOG 28 with the United States beside it,
	// and Asia-Pacific the rest of the 193 members, 54. Together they
	// must hold every member once.
	today := day("2019-12-09")
	want := map[string]int{"African": 54, "Asia-Pacific": 54, "Eastern European": 23, "GRULAC": 33, "WEOG": 29,
		"Balkans": 10, "Western Balkans": 5, "EU": 28, "NATO": 29}
	seen := make(map[votes.Country]string)
	for _, g := range votes.Groups() {
		members := g.Members(today)
		if n := len(members); n != want[g.Name] {
			t.Errorf("%s: %d members on %s, want %d", g.Name, n, today.Format(time.DateOnly), want[g.Name])
		}
		if g.Description == "" {
			t.Errorf("%s has no description", g.Name)
		}
		switch g.Name {
		case "African", "Asia-Pacific", "Eastern European", "GRULAC", "WEOG":
			for _, c := range members {
				if other, dup := seen[c]; dup {
					t.Errorf("%s is in both %s and %s", c, other, g.Name)
				}
				seen[c] = g.Name
			}
		}
	}
	if len(seen) != 193 {
		t.Errorf("the regional groups hold %d states, want the UN's 193", len(seen))
	}
	// Every state of the unvotes record that sat in December 2019 has a
	// regional group.
	d := unvotesData(t)
	for i, c := range d.Countries() {
		if d.Row(i)[d.NumRollCalls()-1] != votes.NoRecord {
			if _, ok := seen[c]; !ok {
				t.Errorf("%s voted on the last roll call but is in no regional group", c)
			}
		}
	}
}

func TestGroupMembershipByDate(t *testing.T) {
	eu, err := votes.LookupGroup("european union")
	if err != nil {
		t.Fatal(err)
	}
	// Sizes from europa.eu: 12 members in 1990 (before unification), 15 in
	// 1995, 25 in 2004, 28 in 2013, 27 after Brexit.
	for _, tc := range []struct {
		day  string
		want int
	}{{"1990-06-01", 12}, {"1995-06-01", 15}, {"2004-06-01", 25}, {"2013-07-01", 28}, {"2020-02-01", 27}} {
		if n := len(eu.Members(day(tc.day))); n != tc.want {
			t.Errorf("EU on %s: %d members, want %d", tc.day, n, tc.want)
		}
	}
	hr, _ := votes.LookupCountry("Croatia")
	if eu.Contains(hr, day("2013-06-30")) || !eu.Contains(hr, day("2013-07-01")) {
		t.Error("Croatia joined the EU on 2013-07-01")
	}
	balkans, _ := votes.LookupGroup("Balkans")
	got := names(balkans.Members(day("2019-12-09")))
	wantNames := []string{"Albania", "Montenegro", "North Macedonia", "Croatia", "Serbia", "Bosnia and Herzegovina", "Slovenia", "Greece", "Bulgaria", "Romania"} // by COW code
	if diff := cmp.Diff(wantNames, got); diff != "" {
		t.Errorf("Balkans (-want +got):\n%s", diff)
	}
	nato, _ := votes.LookupGroup("NATO")
	if n := len(nato.Members(day("2019-12-09"))); n != 29 {
		t.Errorf("NATO in December 2019: %d members, want 29", n)
	}
	if _, err := votes.LookupGroup("Atlantis"); !errors.Is(err, votes.ErrUnknownGroup) {
		t.Errorf("LookupGroup(Atlantis) = %v, want ErrUnknownGroup", err)
	}
}
