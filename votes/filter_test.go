package votes_test

import (
	"math"
	"regexp"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/unga-go/unga/votes"
)

// Expected counts from un_roll_calls.csv, un_roll_call_issues.csv and
// un_votes.csv with Python's csv module.
func TestFilters(t *testing.T) {
	d := unvotesData(t)
	for _, tc := range []struct {
		name string
		keep []votes.Filter
		n    int
	}{
		{"no filter", nil, 6203},
		{"session 68", []votes.Filter{votes.InSessions(68, 68)}, 64},
		{"sessions 60-70", []votes.Filter{votes.InSessions(60, 70)}, 983},
		{"sessions 75-80", []votes.Filter{votes.InSessions(75, 80)}, 0},
		{"2014", []votes.Filter{votes.Between(day("2014-01-01"), day("2014-12-31"))}, 80},
		{"2014, ends on vote days", []votes.Filter{votes.Between(day("2014-03-27"), day("2014-12-29"))}, 80},
		{"2014 without the first day", []votes.Filter{votes.Between(day("2014-03-28"), day("2014-12-31"))}, 79},
		{"open start", []votes.Filter{votes.Between(time.Time{}, day("1946-01-01"))}, 1},
		{"open both", []votes.Filter{votes.Between(time.Time{}, time.Time{})}, 6203},
		{"human rights", []votes.Filter{votes.HasIssue(votes.HumanRights)}, 1015},
		{"me or nu", []votes.Filter{votes.HasIssue(votes.MiddleEast | votes.Nuclear)}, 1871},
		{"important", []votes.Filter{votes.ImportantOnly()}, 411},
		{"important human rights", []votes.Filter{votes.ImportantOnly(), votes.HasIssue(votes.HumanRights)}, 171},
		{"amendments", []votes.Filter{votes.Amendments(true)}, 311},
		{"not amendments", []votes.Filter{votes.Amendments(false)}, 6203 - 311},
		{"contested", []votes.Filter{votes.Contested()}, 6121},
		{"R/68/262", []votes.Filter{votes.Resolutions("R/68/262")}, 1},
		{"A/RES/68/262", []votes.Filter{votes.Resolutions("A/RES/68/262")}, 1},
		{"two symbols, two forms", []votes.Filter{votes.Resolutions("R/68/262", "A/RES/74/17")}, 2},
		// Special sessions, named in the symbols (R/ES-2/..., R/S-1/...):
		// 57 roll calls, 15 of ES-2, 15 of ES-5, 1 of ES-10.
		{"special sessions", []votes.Filter{votes.Special("")}, 57},
		{"ES-2", []votes.Filter{votes.Special("ES-2")}, 15},
		{"es-5", []votes.Filter{votes.Special("es-5")}, 15},
		{"ES-10", []votes.Filter{votes.Special("ES-10")}, 1},
	} {
		if got := d.Filter(tc.keep...).NumRollCalls(); got != tc.n {
			t.Errorf("%s: %d roll calls, want %d", tc.name, got, tc.n)
		}
	}
	f := d.Filter(votes.Resolutions("A/RES/68/262"))
	if rc := f.RollCall(0); rc.ID != 5309 || f.NumCountries() != d.NumCountries() {
		t.Errorf("A/RES/68/262 is rcid %d with %d states", rc.ID, f.NumCountries())
	}
}

func TestTextMatchesCrimea(t *testing.T) {
	d := unvotesData(t)
	crimea := d.Filter(votes.TextMatches(regexp.MustCompile(`(?i)crimea`)))
	var got []string
	for _, rc := range crimea.RollCalls() {
		got = append(got, rc.Resolution)
	}
	// The roll calls whose symbol, short title or description mention
	// Crimea (Python: "crimea" in unres+short+descr, lower case); 68/262,
	// "Territorial integrity of Ukraine", does not name it.
	want := []string{"A/RES/71/205", "A/RES/72/190", "A/RES/73/194", "A/RES/73/263", "A/RES/74/17", "A/RES/74/168"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Crimea roll calls (-want +got):\n%s", diff)
	}
	// Serbia voted no on all six (un_votes.csv, "Yugoslavia").
	srb, err := crimea.CountryIndex("Serbia")
	if err != nil {
		t.Fatal(err)
	}
	for j, rc := range crimea.RollCalls() {
		if v := crimea.Vote(srb, j); v != votes.No {
			t.Errorf("Serbia on %s: %v, want no", rc.Resolution, v)
		}
	}
	// Case matters without (?i).
	if n := d.Filter(votes.TextMatches(regexp.MustCompile(`crimea`))).NumRollCalls(); n != 0 {
		t.Errorf("lower-case crimea: %d roll calls, want 0", n)
	}
}

func TestSessionsSpan(t *testing.T) {
	d := unvotesData(t)
	f := d.Filter(votes.Between(day("2014-01-01"), day("2014-12-31")))
	if got := f.Sessions(); !slices.Equal(got, []int{68, 69}) {
		t.Errorf("Sessions() of 2014 = %v, want [68 69]", got)
	}
	first, last := f.Span()
	if !first.Equal(day("2014-03-27")) || !last.Equal(day("2014-12-29")) {
		t.Errorf("Span() of 2014 = %s, %s, want 2014-03-27, 2014-12-29", first, last)
	}
	var empty votes.Dataset
	if first, last := empty.Span(); !first.IsZero() || !last.IsZero() || empty.Sessions() != nil || empty.NumCountries() != 0 || empty.NumRollCalls() != 0 {
		t.Error("the zero Dataset is not empty")
	}
	if n := d.Filter(votes.InSessions(75, 80)); n.NumRollCalls() != 0 || n.Sessions() != nil {
		t.Errorf("no roll calls expected, got %d", n.NumRollCalls())
	}
	// Roll calls come by session, then date, then ID.
	prev := d.RollCall(0)
	for j, rc := range d.RollCalls() {
		if j == 0 {
			continue
		}
		if rc.Session < prev.Session || rc.Session == prev.Session && (rc.Date.Before(prev.Date) || rc.Date.Equal(prev.Date) && rc.ID < prev.ID) {
			t.Fatalf("roll call %d (rcid %d) out of order after rcid %d", j, rc.ID, prev.ID)
		}
		prev = rc
	}
}

func TestIterators(t *testing.T) {
	d := unvotesData(t)
	j := rollCallByID(t, d, 9075)
	// 148 states voted on A/RES/74/17 (un_votes.csv); VotesOn skips the
	// others.
	n, tally := 0, votes.Tally{}
	for c, v := range d.VotesOn(j) {
		n++
		switch v {
		case votes.Yes:
			tally.Yes++
		case votes.No:
			tally.No++
		case votes.Abstain:
			tally.Abstain++
		default:
			t.Errorf("%s: %v", c, v)
		}
	}
	if n != 148 || tally.String() != "63-19-66" {
		t.Errorf("VotesOn: %d states, %s; want 148, 63-19-66", n, tally)
	}
	// Early break stops each iterator.
	k := 0
	for range d.VotesOn(j) {
		if k++; k == 3 {
			break
		}
	}
	for i, c := range d.Countries() {
		if i == 2 {
			if c != d.Country(2) {
				t.Errorf("Countries: %v at 2, want %v", c, d.Country(2))
			}
			break
		}
	}
	last := -1
	for j, rc := range d.RollCalls() {
		last = j
		if rc.ID == 9075 {
			break
		}
	}
	if last != j {
		t.Errorf("RollCalls broke at %d, want %d", last, j)
	}
	// States by COW code.
	prev := -1
	for _, c := range d.Countries() {
		if c.COW <= prev {
			t.Fatalf("%s (COW %d) after COW %d", c, c.COW, prev)
		}
		prev = c.COW
	}
}

func TestSelectCountries(t *testing.T) {
	d := unvotesData(t)
	balkans, err := votes.LookupGroup("Balkans")
	if err != nil {
		t.Fatal(err)
	}
	sel := d.SelectCountries(func(c votes.Country) bool { return balkans.Contains(c, time.Time{}) })
	var got []string
	for _, c := range sel.Countries() {
		got = append(got, c.Name)
	}
	// The ten Balkan states, by COW code, all in unvotes.
	want := []string{"Albania", "Montenegro", "North Macedonia", "Croatia", "Serbia", "Bosnia and Herzegovina", "Slovenia", "Greece", "Bulgaria", "Romania"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if sel.NumRollCalls() != d.NumRollCalls() {
		t.Errorf("%d roll calls, want all %d", sel.NumRollCalls(), d.NumRollCalls())
	}
	// Votes follow their states.
	j := rollCallByID(t, d, 9075)
	for i, c := range sel.Countries() {
		di, ok := d.IndexOf(c)
		if !ok || d.Vote(di, j) != sel.Vote(i, j) || !slices.Equal(d.Row(di), sel.Row(i)) {
			t.Errorf("%s: votes differ from the full dataset", c)
		}
	}
	if _, err := sel.CountryIndex("United States"); err == nil {
		t.Error("the United States are not in the selection")
	}
	none := d.SelectCountries(func(votes.Country) bool { return false })
	if none.NumCountries() != 0 || none.NumRollCalls() != 6203 {
		t.Errorf("empty selection: %d states, %d roll calls", none.NumCountries(), none.NumRollCalls())
	}
}

// Between compares calendar days: the day of each end as it reads in its
// own location. unvotes has 17 roll calls on 18 December 2019 (session 74;
// count with Python's csv module over un_roll_calls.csv).
func TestBetweenCalendarDays(t *testing.T) {
	d := unvotesData(t)
	for _, loc := range []*time.Location{time.UTC, time.FixedZone("UTC-5", -5*3600), time.FixedZone("UTC+3", 3*3600)} {
		for _, hour := range []int{0, 12, 23} {
			d18 := time.Date(2019, 12, 18, hour, 0, 0, 0, loc)
			if got := d.Filter(votes.Between(d18, d18)).NumRollCalls(); got != 17 {
				t.Errorf("Between(%v, same): %d roll calls, want 17", d18, got)
			}
		}
	}
}

// An undated roll call is in no range of days. Voeten's rcid 4592 (session
// 59) has no date; InYears drops it, and so must Between, with an open end
// or not.
func TestBetweenUndated(t *testing.T) {
	d := voetenData(t)
	j := rollCallByID(t, d, 4592)
	if rc := d.RollCall(j); !rc.Date.IsZero() || rc.Session != 59 {
		t.Fatalf("rcid 4592: date %v, session %d; want no date, session 59", rc.Date, rc.Session)
	}
	for _, f := range []struct {
		name string
		keep votes.Filter
	}{
		{"Between(zero, 1946-12-31)", votes.Between(time.Time{}, day("1946-12-31"))},
		{"Between(2004-01-01, zero)", votes.Between(day("2004-01-01"), time.Time{})},
		{"Between(2004-01-01, 2005-12-31)", votes.Between(day("2004-01-01"), day("2005-12-31"))},
		{"InYears(1946, 2100)", votes.InYears(1946, 2100)},
	} {
		for _, rc := range d.Filter(f.keep).RollCalls() {
			if rc.ID == 4592 {
				t.Errorf("%s keeps the undated rcid 4592", f.name)
			}
		}
	}
	if got := d.Filter(votes.Between(time.Time{}, time.Time{})).NumRollCalls(); got != d.NumRollCalls() {
		t.Errorf("Between with both ends open keeps %d of %d roll calls", got, d.NumRollCalls())
	}
}

// A reversed range is a programmer's mistake: the filter panics when it is
// made, as a reversed slice expression does, rather than select nothing.
func TestReversedRangePanics(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    func() votes.Filter
	}{
		{"InYears(2019, 2010)", func() votes.Filter { return votes.InYears(2019, 2010) }},
		{"InSessions(74, 60)", func() votes.Filter { return votes.InSessions(74, 60) }},
		{"Between(2019-12-19, 2019-12-18)", func() votes.Filter { return votes.Between(day("2019-12-19"), day("2019-12-18")) }},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s did not panic", tc.name)
				}
			}()
			tc.f()
		}()
	}
	// One day in two zones is not reversed, although the first instant is
	// the later one.
	votes.Between(time.Date(2019, 12, 18, 23, 0, 0, 0, time.FixedZone("UTC-5", -5*3600)), time.Date(2019, 12, 18, 0, 0, 0, 0, time.FixedZone("UTC+3", 3*3600)))
	votes.InYears(2019, 2019)
	votes.InSessions(74, 74)
}

// SessionSpan bounds sessions whose span ends by 9999; beyond, it gives
// zero times as it does below 1, where 1946+s once overflowed into 1944.
func TestSessionSpanBound(t *testing.T) {
	from, to := votes.SessionSpan(8053)
	if from.Year() != 9998 || to.Year() != 9999 {
		t.Errorf("SessionSpan(8053) = %v, %v; want 9998-09-01, 9999-09-30", from, to)
	}
	for _, s := range []int{8054, math.MaxInt32, math.MaxInt - 1946, math.MaxInt} {
		if from, to := votes.SessionSpan(s); !from.IsZero() || !to.IsZero() {
			t.Errorf("SessionSpan(%d) = %v, %v; want zero", s, from, to)
		}
	}
}
