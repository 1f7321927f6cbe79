package votes_test

import (
	"errors"
	"maps"
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

// TestContainsOnUndated checks the rule for roll calls without a date. The
// EU had 25 members from 1 May 2004 to the end of 2006 (europa.eu), so 25
// throughout session 59 (September 2004 to September 2005); 29 states,
// counting the Federal Republic of Germany, were ever members. Rcid 4592 of
// Voeten's 2016 file is such a roll call: session 59, date NA.
func TestContainsOnUndated(t *testing.T) {
	eu, _ := votes.LookupGroup("EU")
	count := func(member func(votes.Country) bool) int {
		n := 0
		for _, c := range votes.AllCountries() {
			if member(c) {
				n++
			}
		}
		return n
	}
	for _, tc := range []struct {
		rc   votes.RollCall
		want int
	}{
		{votes.RollCall{Session: 59}, 25},
		{votes.RollCall{Session: 59, Date: day("2004-12-20")}, 25},
		{votes.RollCall{Session: 58, Date: day("2004-04-30")}, 15},
		// Undated in session 58 (September 2003 to September 2004): only
		// the 15 members throughout, not the 10 that joined in May 2004.
		{votes.RollCall{Session: 58}, 15},
		// Session 74 ran into February 2020, when the UK left: 27.
		{votes.RollCall{Session: 74}, 27},
		{votes.RollCall{Session: 74, Date: day("2019-12-09")}, 28},
		// Session 45: the Federal Republic until 3 October 1990, Germany
		// after; neither throughout, so 11.
		{votes.RollCall{Session: 45}, 11},
		// No date and no session: nobody.
		{votes.RollCall{}, 0},
	} {
		if n := count(func(c votes.Country) bool { return eu.ContainsOn(c, &tc.rc) }); n != tc.want {
			t.Errorf("EU on a roll call of session %d dated %v: %d members, want %d", tc.rc.Session, tc.rc.Date, n, tc.want)
		}
		if n := len(eu.MembersOn(&tc.rc)); n != tc.want {
			t.Errorf("EU MembersOn a roll call of session %d dated %v: %d, want %d", tc.rc.Session, tc.rc.Date, n, tc.want)
		}
	}
	if n := count(func(c votes.Country) bool { return eu.Contains(c, time.Time{}) }); n != 29 {
		t.Errorf("EU ever: %d, want 29", n)
	}

	// A membership that ends and one that starts the same day join up.
	g := votes.NewGroup("all", votes.AllCountries()...)
	usa, _ := votes.LookupCountry("USA")
	if !g.ContainsThroughout(usa, day("1946-01-01"), day("2020-01-01")) {
		t.Error("a member at all times is not a member throughout")
	}

	if testing.Short() {
		return
	}
	ds := voetenData(t)
	j := -1
	for k, rc := range ds.RollCalls() {
		if rc.ID == 4592 {
			j = k
		}
	}
	if j < 0 || !ds.RollCall(j).Date.IsZero() || ds.RollCall(j).Session != 59 {
		t.Fatalf("Voeten's rcid 4592 is not an undated roll call of session 59")
	}
	members := 0
	for i, c := range ds.Countries() {
		if ds.Vote(i, j) != votes.NoRecord && eu.ContainsOn(c, ds.RollCall(j)) {
			members++
		}
	}
	if members != 25 {
		t.Errorf("EU members on rcid 4592: %d, want 25", members)
	}
}

func TestSessionSpan(t *testing.T) {
	for s, want := range map[int][2]string{
		1:  {"1946-01-01", "1947-09-30"},
		2:  {"1947-09-01", "1948-09-30"},
		74: {"2019-09-01", "2020-09-30"},
	} {
		from, to := votes.SessionSpan(s)
		if from != day(want[0]) || to != day(want[1]) {
			t.Errorf("SessionSpan(%d) = %v, %v; want %s, %s", s, from, to, want[0], want[1])
		}
	}
	// Session 74 opened on 17 September 2019 and its last roll call in the
	// record is of 14 January 2020; session 1 opened on 10 January 1946.
	from, to := votes.SessionSpan(74)
	if day("2019-09-17").Before(from) || day("2020-01-14").After(to) {
		t.Error("session 74's span misses its days")
	}
	// The dated roll calls of the record lie in their session's span but
	// for 36 (Python on un_roll_calls.csv, with the same span): those of
	// special and emergency special sessions held before the regular session
	// opened, which the sources number with the coming session (1947-05,
	// 1948-05, 1961-08, 1962-07, 1963-06, 1967-07), and three stray dates
	// (session 22 on 1966-12, 23 on 1967-05, 59 on 2005-12).
	outside := map[int]int{}
	for _, rc := range unvotesData(t).RollCalls() {
		if from, to := votes.SessionSpan(rc.Session); rc.Date.Before(from) || rc.Date.After(to) {
			outside[rc.Session]++
		}
	}
	if want := map[int]int{2: 6, 3: 7, 16: 1, 17: 1, 18: 3, 22: 16, 23: 1, 59: 1}; !maps.Equal(outside, want) {
		t.Errorf("roll calls outside their session's span, by session: %v, want %v", outside, want)
	}
	if from, to := votes.SessionSpan(0); !from.IsZero() || !to.IsZero() {
		t.Errorf("SessionSpan(0) = %v, %v; want zero", from, to)
	}
}
