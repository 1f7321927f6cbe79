package audit_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/unga-go/unga/audit"
	"github.com/unga-go/unga/internal/testenv"
)

// The record's coverage. Expected values from counts in Python over the
// unvotes CSV (roll calls by session and month; cast votes of North
// Macedonia in session 69 on the 80 roll calls that were not unanimous).
func TestCoverRecord(t *testing.T) {
	c, err := audit.Cover(must(t, published), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Sessions) != 74 || len(c.Undated) != 0 {
		t.Errorf("%d sessions, %d undated; want 74, 0", len(c.Sessions), len(c.Undated))
	}
	// No roll call from January to September 2019 (session 73's resumed
	// part, with A/RES/73/295 of May 2019), nor in 2016 and 2018 (sessions
	// 70 and 72, whose A/RES/ES-10/20 of June 2018 is missing too), nor
	// in 1990 and 1991 (sessions 44 and 45).
	var resumed []int
	for _, sc := range c.Sessions {
		if sc.ResumedMissing {
			resumed = append(resumed, sc.Session)
		}
	}
	if want := []int{44, 45, 70, 72, 73}; !slices.Equal(resumed, want) {
		t.Errorf("sessions without their resumed part: %v, want %v", resumed, want)
	}
	s73, _ := c.Session(73)
	if s73.RollCalls != 95 || s73.Resumed != 0 {
		t.Errorf("session 73: %d roll calls, %d resumed; want 95, 0", s73.RollCalls, s73.Resumed)
	}
	if got, want := c.YearNote(2019), "2019 holds only November-December; the 2019 votes of session 73 are missing."; got != want {
		t.Errorf("YearNote(2019) = %q, want %q", got, want)
	}
	if got := c.YearNote(2010); got != "" {
		t.Errorf("YearNote(2010) = %q, want none", got)
	}
	if got := c.YearNote(2021); !strings.Contains(got, "outside the data") {
		t.Errorf("YearNote(2021) = %q", got)
	}
	if got := c.SessionNote(73); !strings.Contains(got, "its 2019 votes (the resumed part) are missing") {
		t.Errorf("SessionNote(73) = %q", got)
	}
	// Session 19 (1964-65) held one recorded vote: the Assembly avoided
	// votes over the Article 19 dispute.
	if got := c.SessionNote(19); got != "" && !strings.HasPrefix(got, "Session 19 holds 1 roll call;") {
		t.Errorf("SessionNote(19) = %q", got)
	}
	if s19, _ := c.Session(19); s19.RollCalls != 1 {
		t.Errorf("session 19: %d roll calls, want 1", s19.RollCalls)
	}
	if c.Months[audit.YearMonth{Year: 2019, Month: 12}] != 88 || c.Months[audit.YearMonth{Year: 2019, Month: 11}] != 2 {
		t.Errorf("2019: %d in November, %d in December; want 2, 88", c.Months[audit.YearMonth{Year: 2019, Month: 11}], c.Months[audit.YearMonth{Year: 2019, Month: 12}])
	}
	// The seven resolutions listed twice, with different dates (other symbols with roll calls on several days differ on more
	// than 5 states' votes: votes on parts, days apart).
	var dups []string
	for _, d := range c.Duplicates {
		dups = append(dups, d.Resolution)
	}
	if want := []string{"A/RES/52/44", "A/RES/53/141", "A/RES/53/155", "A/RES/57/58", "A/RES/57/59", "A/RES/57/78", "A/RES/57/84"}; !slices.Equal(dups, want) {
		t.Errorf("duplicates %v, want %v", dups, want)
	}
	// Dates that contradict the session: 47/1 (1992-09-03), 57/5
	// (2002-09-03), 59/307 (2005-12-08), among others.
	conflicts := map[string]bool{}
	for _, rc := range must(t, published).RollCalls() {
		if slices.Contains(c.DateConflicts, rc.ID) {
			conflicts[rc.Resolution] = true
		}
	}
	for _, r := range []string{"A/RES/47/1", "A/RES/57/5", "A/RES/59/307"} {
		if !conflicts[r] {
			t.Errorf("no date conflict reported for %s", r)
		}
	}
	// North Macedonia in session 69: 35 votes of 80; Zimbabwe, missing on
	// most roll calls of 2016, in session 71: 40 of 118.
	for _, want := range []audit.ThinState{{Session: 69, N: 35, Of: 80}, {Session: 71, N: 40, Of: 118}} {
		iso3 := map[int]string{69: "MKD", 71: "ZWE"}[want.Session]
		found := false
		for _, th := range c.Thin {
			if th.Country.ISO3 == iso3 && th.Session == want.Session {
				found = th.N == want.N && th.Of == want.Of
			}
		}
		if !found {
			t.Errorf("%s in session %d (%d of %d) not reported as thin", iso3, want.Session, want.N, want.Of)
		}
	}
	// Session 73 in the table: its roll calls of October to December 2018
	// (1, 6 and 88 by month in the Python count).
	var b bytes.Buffer
	if err := c.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "session,roll_calls,first,last,months,resumed,missing,resumed_missing,undated,other\n1,43,1946-01-01,") ||
		!strings.Contains(b.String(), "\n73,95,2018-10-16,2018-12-22,3,0,2019-06 2019-09,true,0,0\n") {
		t.Errorf("WriteCSV:\n%s", b.String())
	}
	if y, m := c.First.Year(), c.First.Month(); y != 1946 || m != time.January {
		t.Errorf("first roll call %v, want January 1946", c.First)
	}
	if y, m := c.Last.Year(), c.Last.Month(); y != 2020 || m != time.January {
		t.Errorf("last roll call %v, want January 2020", c.Last)
	}
}

// The roll calls votes.AdoptedResolutions leaves out, by session, and the
// sessions whose KindNote says the kind of roll call changes from the
// session before: the record's roll calls less those the filter keeps, as counted
// by votes/testdata/adopted/adopted.py (session 39: 151 less 150; 52: 88
// less 70; 67: 88 less 69; 71: 119 less 79; 72: 124 less 91; 51, 68-70,
// 73 and 74: none left out).
func TestCoverKinds(t *testing.T) {
	c, err := audit.Cover(must(t, published), nil)
	if err != nil {
		t.Fatal(err)
	}
	for s, want := range map[int]int{39: 1, 51: 0, 52: 18, 67: 19, 68: 0, 70: 0, 71: 40, 72: 33, 73: 0, 74: 0} {
		if sc, _ := c.Session(s); sc.Other != want {
			t.Errorf("session %d: %d other roll calls, want %d", s, sc.Other, want)
		}
	}
	var changes []int
	for _, sc := range c.Sessions {
		if c.KindNote(sc.Session) != "" {
			changes = append(changes, sc.Session)
		}
	}
	if want := []int{40, 52, 68, 71, 73}; !slices.Equal(changes, want) {
		t.Errorf("kind changes noted in sessions %v, want %v", changes, want)
	}
	if got, want := c.KindNote(73), "Session 73 holds only resolutions adopted as a whole, while session 72 holds 33 other roll calls"; !strings.HasPrefix(got, want) {
		t.Errorf("KindNote(73) = %q, want it to begin %q", got, want)
	}
	if got, want := c.KindNote(71), "Session 71 holds 40 other roll calls"; !strings.HasPrefix(got, want) {
		t.Errorf("KindNote(71) = %q, want it to begin %q", got, want)
	}
	if c.KindNote(1) != "" || c.KindNote(74) != "" || c.KindNote(75) != "" {
		t.Errorf("KindNote: a note for session 1, 74 or 75")
	}
}

// Voeten's 2016 file has one roll call without a date, rcid 4592.
func TestCoverVoeten(t *testing.T) {
	if testenv.Quick(t) {
		t.Skip("reads Voeten's file")
	}
	c, err := audit.Cover(must(t, voeten), nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(c.Undated, []int{4592}) {
		t.Errorf("undated %v, want [4592]", c.Undated)
	}
}

// BenchmarkCover reports on the whole embedded record.
func BenchmarkCover(b *testing.B) {
	rec := must(b, published)
	b.ReportAllocs()
	for b.Loop() {
		audit.Cover(rec, nil)
	}
}
