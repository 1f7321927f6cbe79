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
	// Every built-in group builds (no bad key in the tables) and has the
	// size its source gives.
	want := map[string]int{
		"Balkans": 10, "Western Balkans": 6, "EU": 29, "NATO": 33, // ever-members: EU counts both Germanys and the UK
		"African": 55, "Asia-Pacific": 57, "Eastern European": 25, "GRULAC": 33, "WEOG": 30,
	}
	for _, g := range votes.Groups() {
		if n := len(g.Members(time.Time{})); n != want[g.Name] {
			t.Errorf("%s: %d members ever, want %d", g.Name, n, want[g.Name])
		}
		if g.Description == "" {
			t.Errorf("%s has no description", g.Name)
		}
	}
}

func TestGroupMembershipByDate(t *testing.T) {
	day := func(s string) time.Time { tm, _ := time.Parse(time.DateOnly, s); return tm }
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
