package votes_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/unga-go/unga/votes"
)

// TestVoters checks Voters on session 74 of the embedded record. Python's
// csv module on un_votes.csv and un_roll_calls.csv: 91 roll calls in
// session 74, 193 states with a row on one of them, and the 7 other states
// of the record: Czechoslovakia, the Federal Republic of Germany, the German
// Democratic Republic, Taiwan, the Yemen Arab Republic, the Yemen People's
// Republic and Zanzibar.
func TestVoters(t *testing.T) {
	s74 := unvotesData(t).Filter(votes.InSessions(74, 74))
	voting, dropped := s74.Voters()
	if voting.NumCountries() != 193 || voting.NumRollCalls() != 91 {
		t.Errorf("Voters: %d states x %d roll calls, want 193 x 91", voting.NumCountries(), voting.NumRollCalls())
	}
	var got []int
	for _, c := range dropped {
		got = append(got, c.COW)
	}
	if want := []int{260, 265, 315, 511, 678, 680, 713}; !slices.Equal(got, want) {
		t.Errorf("dropped COW %v, want %v", got, want)
	}
	for i, c := range voting.Countries() {
		if !slices.ContainsFunc(voting.Row(i), votes.Vote.Cast) {
			t.Errorf("%s kept without a vote cast", c)
		}
	}
	// Votes and unanimity are those of the session.
	i, _ := voting.CountryIndex("SRB")
	k, _ := s74.CountryIndex("SRB")
	if !slices.Equal(voting.Row(i), s74.Row(k)) {
		t.Error("Serbia's votes differ after Voters")
	}
	for j, rc := range voting.RollCalls() {
		if d := cmp.Diff(*rc, *s74.RollCall(j)); d != "" {
			t.Errorf("roll call %d differs after Voters:\n%s", j, d)
		}
	}
	// An empty dataset has no voters and drops nothing.
	var empty votes.Dataset
	if v, d := empty.Voters(); v.NumCountries() != 0 || len(d) != 0 {
		t.Errorf("zero Dataset: %d voters, %d dropped", v.NumCountries(), len(d))
	}
}

// voteCounts counts the votes cast in row i of d, and the sessions in which
// it cast one.
func voteCounts(d *votes.Dataset, i int) (yes, abstain, no int, sessions []int) {
	for j, v := range d.Row(i) {
		switch v {
		case votes.Yes:
			yes++
		case votes.Abstain:
			abstain++
		case votes.No:
			no++
		default:
			continue
		}
		sessions = append(sessions, d.RollCall(j).Session)
	}
	slices.Sort(sessions)
	return yes, abstain, no, slices.Compact(sessions)
}

// TestJoinPredecessors checks the default successions on the embedded
// record. Python's csv module on un_votes.csv: the Federal Republic of
// Germany votes 857 yes, 895 abstain, 399 no in sessions 28-45, Germany 1619,
// 504, 429 in sessions 46-74 (the record files Germany's votes of late 1990
// under the Federal Republic; the reader gives them to Germany, which leaves
// the sums unchanged); the Yemen Arab Republic 2714, 372, 205 in sessions
// 2-45, Yemen 2163, 176, 56 in 46-74.
func TestJoinPredecessors(t *testing.T) {
	ds := unvotesData(t)
	joined, err := ds.JoinPredecessors(nil)
	if err != nil {
		t.Fatal(err)
	}
	if joined.NumCountries() != ds.NumCountries()-2 || joined.NumRollCalls() != ds.NumRollCalls() {
		t.Errorf("%d states x %d roll calls, want %d x %d", joined.NumCountries(), joined.NumRollCalls(), ds.NumCountries()-2, ds.NumRollCalls())
	}
	for _, tc := range []struct {
		key, gone         string
		yes, abstain, no  int
		firstSession      int
		successorSessions int
	}{
		{"DEU", "260", 857 + 1619, 895 + 504, 399 + 429, 28, 74 - 28 + 1},
		{"YEM", "678", 2714 + 2163, 372 + 176, 205 + 56, 2, 74 - 2 + 1},
	} {
		i, err := joined.CountryIndex(tc.key)
		if err != nil {
			t.Fatal(err)
		}
		y, a, n, sessions := voteCounts(joined, i)
		if y != tc.yes || a != tc.abstain || n != tc.no {
			t.Errorf("%s: %d-%d-%d (yes-abstain-no), want %d-%d-%d", tc.key, y, a, n, tc.yes, tc.abstain, tc.no)
		}
		// Every session from the first on, unbroken in 1990 (session 45).
		want := make([]int, 0, tc.successorSessions)
		for s := tc.firstSession; s <= 74; s++ {
			want = append(want, s)
		}
		if !slices.Equal(sessions, want) {
			t.Errorf("%s votes in sessions %v, want %d..74", tc.key, sessions, tc.firstSession)
		}
		if _, err := joined.CountryIndex(tc.gone); err == nil {
			t.Errorf("COW %s still has a row", tc.gone)
		}
	}
	// The other states and the unanimity flags are untouched.
	for j, rc := range joined.RollCalls() {
		if rc.Unanimous != ds.RollCall(j).Unanimous {
			t.Fatalf("roll call %d: Unanimous changed", rc.ID)
		}
	}
	a, _ := ds.CountryIndex("USA")
	b, _ := joined.CountryIndex("USA")
	if !slices.Equal(ds.Row(a), joined.Row(b)) {
		t.Error("the United States' votes changed")
	}

	// A successor with no row of its own takes the predecessor's place:
	// session 30 has the Federal Republic but not Germany.
	s30, err := ds.Filter(votes.InSessions(30, 30)).SelectCountries(func(c votes.Country) bool { return c.COW == 260 }).JoinPredecessors(nil)
	if err != nil {
		t.Fatal(err)
	}
	if s30.NumCountries() != 1 || s30.Country(0).COW != 255 {
		t.Errorf("session 30, the Federal Republic joined: %v", s30.Country(0))
	}
}

// TestJoinPredecessorsErrors checks that states that sat at once cannot be
// joined, and that a bad table is refused.
func TestJoinPredecessorsErrors(t *testing.T) {
	ds := unvotesData(t).Filter(votes.InSessions(74, 74))
	c := func(key string) votes.Country {
		x, err := votes.LookupCountry(key)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	// Ukraine and Russia both voted on every roll call of session 74.
	_, err := ds.JoinPredecessors([]votes.Succession{{Predecessor: c("UKR"), Successor: c("RUS")}})
	if err == nil || !strings.Contains(err.Error(), "Ukraine") || !strings.Contains(err.Error(), "Russian Federation") {
		t.Errorf("joining Ukraine into Russia: %v, want an error naming both", err)
	}
	for _, table := range [][]votes.Succession{
		{{Predecessor: c("UKR"), Successor: c("UKR")}},
		{{Predecessor: c("260"), Successor: c("255")}, {Predecessor: c("260"), Successor: c("265")}},
		{{Predecessor: c("680"), Successor: c("678")}, {Predecessor: c("678"), Successor: c("679")}},
	} {
		if _, err := ds.JoinPredecessors(table); err == nil {
			t.Errorf("JoinPredecessors(%v) gave no error", table)
		}
	}
	// Explicit table: the Yemen People's Republic joined into Yemen, on
	// the whole record, does not conflict: the two never sat at once.
	if _, err := unvotesData(t).JoinPredecessors([]votes.Succession{{Predecessor: c("680"), Successor: c("679")}}); err != nil {
		t.Errorf("joining the Yemen People's Republic into Yemen: %v", err)
	}
}

// TestJoinPredecessorsDetails checks the merge cell by cell on Voeten's
// 2016 file, which codes the Federal Republic and Germany as 9 (not a
// member) where the other sat: a vote cast or an absence is taken, with its
// member flag, from whichever of the two has it.
func TestJoinPredecessorsDetails(t *testing.T) {
	if testing.Short() {
		t.Skip("reads Voeten's file")
	}
	ds := voetenData(t)
	joined, err := ds.JoinPredecessors(nil)
	if err != nil {
		t.Fatal(err)
	}
	frg, _ := ds.CountryIndex("260")
	deu, _ := ds.CountryIndex("255")
	g, _ := joined.CountryIndex("255")
	sat := func(v votes.Vote) bool { return v.Cast() || v == votes.Absent }
	var fromFRG, fromDEU int
	for j := range ds.NumRollCalls() {
		got := joined.Vote(g, j)
		switch f, d := ds.Vote(frg, j), ds.Vote(deu, j); {
		case sat(f) && sat(d):
			t.Fatalf("roll call %d: both sat", ds.RollCall(j).ID)
		case sat(f):
			fromFRG++
			if got != f || joined.Member(g, j) != ds.Member(frg, j) {
				t.Fatalf("roll call %d: %v, want the Federal Republic's %v", ds.RollCall(j).ID, got, f)
			}
		case sat(d):
			fromDEU++
			if got != d || joined.Member(g, j) != ds.Member(deu, j) {
				t.Fatalf("roll call %d: %v, want Germany's %v", ds.RollCall(j).ID, got, d)
			}
		case sat(got):
			t.Fatalf("roll call %d: %v where neither sat", ds.RollCall(j).ID, got)
		}
	}
	if fromFRG == 0 || fromDEU == 0 {
		t.Errorf("%d cells from the Federal Republic, %d from Germany: want both", fromFRG, fromDEU)
	}
}

// TestIndexPanics checks that a state or roll-call index out of range
// panics, as a slice index does, and does not read another state's cell:
// on the 18x5 fixture, Note(0,7) and Note(2,-3) used to give state 1's note.
func TestIndexPanics(t *testing.T) {
	ds, err := votes.ReadFile("../testdata/undl/undl_2026.csv")
	if err != nil {
		t.Fatal(err)
	}
	if ds.NumCountries() != 18 || ds.NumRollCalls() != 5 {
		t.Fatalf("fixture is %dx%d, want 18x5", ds.NumCountries(), ds.NumRollCalls())
	}
	for name, f := range map[string]func(){
		"Note(0,7)":    func() { ds.Note(0, 7) },
		"Note(2,-3)":   func() { ds.Note(2, -3) },
		"Note(18,0)":   func() { ds.Note(18, 0) },
		"Note(-1,0)":   func() { ds.Note(-1, 0) },
		"Member(0,7)":  func() { ds.Member(0, 7) },
		"Member(2,-3)": func() { ds.Member(2, -3) },
		"Member(18,0)": func() { ds.Member(18, 0) },
		"Vote(0,5)":    func() { ds.Vote(0, 5) },
		"Vote(-1,4)":   func() { ds.Vote(-1, 4) },
		"Vote(18,0)":   func() { ds.Vote(18, 0) },
		"Row(18)":      func() { ds.Row(18) },
		"Tally(5)":     func() { ds.Tally(5) },
		"Tally(-1)":    func() { ds.Tally(-1) },
	} {
		func() {
			defer func() {
				r := recover()
				if r == nil {
					t.Errorf("%s did not panic", name)
					return
				}
				if s := fmt.Sprint(r); !strings.HasPrefix(s, "votes: ") || !strings.Contains(s, "out of range") {
					t.Errorf("%s panicked with %q, want votes: ... out of range", name, s)
				}
			}()
			f()
		}()
	}
	// In range, the notes are where they were: two in the fixture.
	notes := 0
	for i := range ds.NumCountries() {
		for j := range ds.NumRollCalls() {
			if ds.Note(i, j) != "" {
				notes++
			}
		}
	}
	if notes != 2 {
		t.Errorf("%d notes, want the fixture's 2", notes)
	}
}

// TestUnanimousKept checks that narrowing the states keeps the unanimity
// judged on the whole Assembly. Python's csv module on the unvotes files:
// every one of session 74's 91 roll calls has at least two different votes
// cast, so none is unanimous; the United States and Canada alone vote alike
// on some, which a judgement on the two would call unanimous.
func TestUnanimousKept(t *testing.T) {
	s74 := unvotesData(t).Filter(votes.InSessions(74, 74))
	contested := func(d *votes.Dataset) int {
		n := 0
		for _, rc := range d.RollCalls() {
			if !rc.Unanimous {
				n++
			}
		}
		return n
	}
	if n := contested(s74); n != 91 {
		t.Errorf("session 74: %d contested roll calls, want 91", n)
	}
	two := s74.SelectCountries(func(c votes.Country) bool { return c.ISO3 == "USA" || c.ISO3 == "CAN" })
	if n := contested(two); n != 91 {
		t.Errorf("session 74, the United States and Canada: %d contested roll calls, want 91", n)
	}
	alike := 0
	for j := range two.NumRollCalls() {
		if two.Vote(0, j) == two.Vote(1, j) {
			alike++
		}
	}
	if alike == 0 {
		t.Error("the United States and Canada never vote alike: the test shows nothing")
	}
	// Filter and Voters keep it too.
	if n := contested(two.Filter(votes.Contested())); n != 91 {
		t.Errorf("Filter(Contested()) on the two: %d roll calls, want 91", n)
	}
	if v, _ := two.Voters(); contested(v) != 91 {
		t.Errorf("Voters on the two: %d contested, want 91", contested(v))
	}
}

// TestInYears checks the calendar-year filter on the embedded record.
// Python's csv module on un_roll_calls.csv: 90 roll calls dated 2019 (all
// of session 74 but the one of 2020-01-14; none of session 73), and none
// undated.
func TestInYears(t *testing.T) {
	ds := unvotesData(t)
	y2019 := ds.Filter(votes.InYears(2019, 2019))
	if n := y2019.NumRollCalls(); n != 90 {
		t.Errorf("InYears(2019, 2019): %d roll calls, want 90", n)
	}
	for _, rc := range y2019.RollCalls() {
		if rc.Year() != 2019 || rc.Session != 74 {
			t.Errorf("roll call %d: year %d, session %d", rc.ID, rc.Year(), rc.Session)
		}
	}
	if n := ds.Filter(votes.InYears(2020, 2020)).NumRollCalls(); n != 1 {
		t.Errorf("InYears(2020, 2020): %d roll calls, want 1", n)
	}
	if n := ds.Filter(votes.InYears(1946, 2020)).NumRollCalls(); n != ds.NumRollCalls() {
		t.Errorf("InYears(1946, 2020): %d roll calls, want all %d", n, ds.NumRollCalls())
	}
	var zero votes.RollCall
	if zero.Year() != 0 {
		t.Errorf("undated roll call: year %d, want 0", zero.Year())
	}
}

// Vote.String gives the names its doc lists, and a value outside them in
// Go's form.
func TestVoteString(t *testing.T) {
	for v, want := range map[votes.Vote]string{
		votes.NoRecord: "", votes.Yes: "yes", votes.Abstain: "abstain", votes.No: "no",
		votes.Absent: "absent", votes.NonMember: "non-member", 6: "Vote(6)", -1: "Vote(-1)",
	} {
		if got := v.String(); got != want {
			t.Errorf("Vote(%d).String() = %q, want %q", int8(v), got, want)
		}
	}
}
