package votes_test

import (
	"errors"
	"io/fs"
	"testing"

	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
)

// Figures for the unvotes record (R package unvotes 0.3.0), counted with
// Python's csv module by testdata/scripts/counts.py: 870,109 vote rows, 6,203 roll calls, 200 countries.

func TestUnvotesCounts(t *testing.T) {
	d := unvotesData(t)
	if got, want := d.NumRollCalls(), 6203; got != want {
		t.Errorf("%d roll calls, want %d", got, want)
	}
	if got, want := d.NumCountries(), 200; got != want {
		t.Errorf("%d countries, want %d", got, want)
	}
	n := countVotes(d)
	// Absences and non-membership are not rows in unvotes: every other
	// cell is NoRecord.
	want := map[votes.Vote]int{votes.Yes: 693664, votes.Abstain: 110897, votes.No: 65548,
		votes.NoRecord: 200*6203 - 870109}
	for v, w := range want {
		if n[v] != w {
			t.Errorf("%d votes %q, want %d", n[v], v, w)
		}
	}
	if got := n[votes.Yes] + n[votes.Abstain] + n[votes.No]; got != 870109 {
		t.Errorf("%d votes in all, want 870109", got)
	}
	if n[votes.Absent] != 0 || n[votes.NonMember] != 0 {
		t.Errorf("unvotes records no absences, got %d absent, %d non-member", n[votes.Absent], n[votes.NonMember])
	}
	if got, want := d.Sessions(), 74; len(got) != want || got[0] != 1 || got[len(got)-1] != 74 {
		t.Errorf("Sessions() = %v, want 1..74", got)
	}
	first, last := d.Span()
	if !first.Equal(day("1946-01-01")) || !last.Equal(day("2020-01-14")) {
		t.Errorf("Span() = %s, %s, want 1946-01-01, 2020-01-14", first, last)
	}
}

// TestReadUnvotesFiles reads the embedded files through ReadUnvotes, as a
// user holding them would, and gets what undata.Load gives.
func TestReadUnvotesFiles(t *testing.T) {
	fsys := undata.Files()
	open := func(name string) fs.File {
		f, err := fsys.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	d, err := votes.ReadUnvotes(open("un_votes.csv.gz"), open("un_roll_calls.csv.gz"), open("un_roll_call_issues.csv.gz"))
	if err != nil {
		t.Fatal(err)
	}
	if d.NumRollCalls() != 6203 || d.NumCountries() != 200 {
		t.Fatalf("%d roll calls, %d countries, want 6203 and 200", d.NumRollCalls(), d.NumCountries())
	}
	if diff := diffDatasets(unvotesData(t), d); diff != "" {
		t.Errorf("ReadUnvotes(undata.Files()) differs from undata.Load():\n%s", diff)
	}
}

func TestUnvotesKnownTallies(t *testing.T) {
	d := unvotesData(t)
	// Tallies yes-no-abstain of the votes listed in the record
	// (testdata/scripts/crimea.py prints them).
	for _, tc := range []struct {
		rcid       int
		resolution string
		date       string
		session    int
		tally      string
	}{
		{5309, "A/RES/68/262", "2014-03-27", 68, "100-11-58"},
		{9075, "A/RES/74/17", "2019-12-09", 74, "63-19-66"},
		{5558, "A/RES/72/190", "2017-12-19", 72, "70-26-76"},
	} {
		j := rollCallByID(t, d, tc.rcid)
		rc := d.RollCall(j)
		if rc.Resolution != tc.resolution || !rc.Date.Equal(day(tc.date)) || rc.Session != tc.session {
			t.Errorf("rcid %d: %s of %s in session %d, want %s of %s in session %d",
				tc.rcid, rc.Resolution, rc.Date.Format("2006-01-02"), rc.Session, tc.resolution, tc.date, tc.session)
		}
		if got := d.Tally(j).String(); got != tc.tally {
			t.Errorf("%s: tally %s, want %s", tc.resolution, got, tc.tally)
		}
		if rc.HasTotals {
			t.Errorf("%s: unvotes publishes no totals, but HasTotals is set", tc.resolution)
		}
	}
	// rcid 5309 is written "R/68/262" in un_roll_calls.csv.
	rc := d.RollCall(rollCallByID(t, d, 5309))
	if rc.RawResolution != "R/68/262" || rc.Resolution != "A/RES/68/262" {
		t.Errorf("rcid 5309: raw %q, normalised %q, want R/68/262 and A/RES/68/262", rc.RawResolution, rc.Resolution)
	}
}

func TestUnvotesSerbia(t *testing.T) {
	d := unvotesData(t)
	j := rollCallByID(t, d, 9075)
	// unvotes calls COW 345 "Yugoslavia", "YU" to the end; every name and
	// code of the seat finds the same row.
	var row = -1
	for _, key := range []string{"Serbia", "SRB", "RS", "YU", "345", "Yugoslavia", "SERBIA", "Serbia and Montenegro"} {
		i, err := d.CountryIndex(key)
		if err != nil {
			t.Errorf("CountryIndex(%q): %v", key, err)
			continue
		}
		if c := d.Country(i); c.COW != 345 {
			t.Errorf("CountryIndex(%q) = %v (COW %d), want COW 345", key, c, c.COW)
		}
		if row >= 0 && i != row {
			t.Errorf("CountryIndex(%q) = %d, others gave %d", key, i, row)
		}
		row = i
	}
	if row < 0 {
		t.FailNow()
	}
	// Serbia voted no on A/RES/74/17 (UN record, A/74/PV.42).
	if v := d.Vote(row, j); v != votes.No {
		t.Errorf("Serbia on A/RES/74/17: %v, want no", v)
	}
	c := d.Country(row)
	for _, tc := range []struct{ day, name string }{
		{"1995-06-01", "Yugoslavia"}, {"2004-06-01", "Serbia and Montenegro"}, {"2019-12-09", "Serbia"},
	} {
		if got := c.NameOn(day(tc.day)); got != tc.name {
			t.Errorf("NameOn(%s) = %q, want %q", tc.day, got, tc.name)
		}
	}
}

// TestUnvotesNA checks that R's "NA" never loses Namibia, whose ISO code it
// is, and that the states without an ISO code, which unvotes also codes NA,
// stay apart. Vote counts by name from un_votes.csv (Python csv).
func TestUnvotesNA(t *testing.T) {
	d := unvotesData(t)
	for _, tc := range []struct {
		key   string
		cow   int
		votes int
	}{
		{"Namibia", 565, 2455},
		{"NA", 565, 2455},
		// The raw file has 2,151 rows "Federal Republic of Germany" with
		// code NA and 3,291 "Yemen Arab Republic" (testdata/README.md); 84 of
		// each are votes of the 45th session cast after unification
		// (Germany 3 October, Yemen 22 May 1990), which belong to the
		// successor holding the seat: 2,151 - 84 and 3,291 - 84.
		{"Federal Republic of Germany", 260, 2067},
		{"Yemen Arab Republic", 678, 3207},
		{"Zanzibar", 511, 2},
	} {
		i, err := d.CountryIndex(tc.key)
		if err != nil {
			t.Errorf("CountryIndex(%q): %v", tc.key, err)
			continue
		}
		c := d.Country(i)
		n := 0
		for _, v := range d.Row(i) {
			if v != votes.NoRecord {
				n++
			}
		}
		if c.COW != tc.cow || n != tc.votes {
			t.Errorf("%q: %s (COW %d) with %d votes, want COW %d with %d", tc.key, c.Name, c.COW, n, tc.cow, tc.votes)
		}
	}
	nam, _ := votes.LookupCountry("Namibia")
	if nam.ISO2 != "NA" || nam.ISO3 != "NAM" {
		t.Errorf("Namibia's codes: %q %q, want NA NAM", nam.ISO2, nam.ISO3)
	}
}

// TestUnvotesDescriptions checks that text fields come through byte for
// byte: R wrote Voeten's backslashes, tabs and quotes as they were, and the
// CSV doubles the quotes. Expected text from Python's csv reader on
// un_roll_calls.csv.
func TestUnvotesDescriptions(t *testing.T) {
	d := unvotesData(t)
	for _, tc := range []struct {
		rcid               int
		short, description string
	}{
		// Backslashes and a doubled quote at the end of the field.
		{5, "VOTING PROCEDURE", `TO ADOPT THE KOREAN PROPOSAL THAT INVALID BALLOTS BE INCLUDED IN THE TOTAL NUMBER OF \MEMBERS PRESENT AND VOTING\\, IN CALCULATING THE MAJORITY VOTE.\""`},
		// Tabs: the tail of a tab-separated export caught in the text.
		{7, "GENERAL ASSEMBLY ELECTIONS", `TO ADOPT A 6TH COMMITTEE AMENDMENT (A/14) TO THE PROVISIONAL RULES OF PROCEDURE, WHICH AMENDMENT PROVIDES THAT RULE 73 SHOULD END WITH:\THERE SHALL BE NO NOMINATIONS.\\"` + "\t0\t0\t0\t0\t0\t0"},
		// A comma, a tab and quotes in the short title.
		{610, `ALGERIA, \POURPARLERS\\"` + "\t" + `TO ADOPT 3RD PREAMBULAR PARAGRAPH OF PAKISTAN DRAFT RESOLUTION (A/L.276), RECALLING RESOLUTION 1184 (XII) ON THE USE OF \POURPARLERS\\" AND OTHER MEANS, IN EFFECTING SOLUTIONS TO INTERNATIONAL PROBLEMS.\""`, "0"},
	} {
		rc := d.RollCall(rollCallByID(t, d, tc.rcid))
		if rc.Short != tc.short {
			t.Errorf("rcid %d: short\n%q, want\n%q", tc.rcid, rc.Short, tc.short)
		}
		if rc.Description != tc.description {
			t.Errorf("rcid %d: description\n%q, want\n%q", tc.rcid, rc.Description, tc.description)
		}
	}
	rc := d.RollCall(rollCallByID(t, d, 7))
	// un_roll_calls.csv: rcid 7, session 1, importantvote 0, 1946-01-02,
	// R/1/295, amend 1, para 0.
	if rc.Session != 1 || rc.Important != votes.FlagFalse || rc.Amendment != votes.FlagTrue || rc.Paragraph != votes.FlagFalse || rc.Resolution != "A/RES/1/295" {
		t.Errorf("rcid 7: %+v", *rc)
	}
}

// TestUnvotesFlagsAndIssues counts the roll-call codings against
// un_roll_calls.csv and un_roll_call_issues.csv (Python csv): importantvote
// 411 ones, 5,187 zeros, 605 NA; amend 311/2,557/3,335; para 991/2,217/2,995;
// issue rows me 1,061, nu 855, di 1,092, hr 1,015, co 957, ec 765 over 4,099
// roll calls.
func TestUnvotesFlagsAndIssues(t *testing.T) {
	d := unvotesData(t)
	type counts struct{ t, f, u int }
	var imp, amd, par counts
	add := func(c *counts, f votes.Flag) {
		switch f {
		case votes.FlagTrue:
			c.t++
		case votes.FlagFalse:
			c.f++
		default:
			c.u++
		}
	}
	issues := make(map[votes.Issue]int)
	withIssue := 0
	for _, rc := range d.RollCalls() {
		add(&imp, rc.Important)
		add(&amd, rc.Amendment)
		add(&par, rc.Paragraph)
		for _, is := range []votes.Issue{votes.MiddleEast, votes.Nuclear, votes.Disarmament, votes.HumanRights, votes.Colonialism, votes.Development} {
			if rc.Issues.Has(is) {
				issues[is]++
			}
		}
		if rc.Issues != 0 {
			withIssue++
		}
	}
	if imp != (counts{411, 5187, 605}) || amd != (counts{311, 2557, 3335}) || par != (counts{991, 2217, 2995}) {
		t.Errorf("important %v, amend %v, para %v", imp, amd, par)
	}
	want := map[votes.Issue]int{votes.MiddleEast: 1061, votes.Nuclear: 855, votes.Disarmament: 1092, votes.HumanRights: 1015, votes.Colonialism: 957, votes.Development: 765}
	for is, n := range want {
		if issues[is] != n {
			t.Errorf("%s: %d roll calls, want %d", is.Label(), issues[is], n)
		}
	}
	if withIssue != 4099 {
		t.Errorf("%d roll calls with an issue, want 4099", withIssue)
	}
}

func TestNormalizeResolution(t *testing.T) {
	for in, want := range map[string]string{
		"R/68/262":       "A/RES/68/262",
		"A/RES/74/17":    "A/RES/74/17",
		" R/1/66 ":       "A/RES/1/66",
		"ESS/1/34":       "A/RES/ES-1/34",
		"SS/1/59":        "A/RES/S-1/59",
		"A/RES/ES-11/1":  "A/RES/ES-11/1",
		"a/res/68/262":   "A/RES/68/262",
		"NA":             "",
		"":               "",
		"GOAR/1/1288B":   "GOAR/1/1288B",
		"A/RES/ES-10/21": "A/RES/ES-10/21",
	} {
		if got := votes.NormalizeResolution(in); got != want {
			t.Errorf("NormalizeResolution(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseSessionAndSessionOf(t *testing.T) {
	for _, tc := range []struct {
		in      string
		n       int
		special string
		err     error
	}{
		{"74", 74, "", nil}, {"74.0", 74, "", nil}, {"ES-11", 0, "ES-11", nil}, {"es-10", 0, "ES-10", nil},
		{"S-10", 0, "S-10", nil}, {"0", 0, "", votes.ErrBadSession}, {"ES-", 0, "", votes.ErrBadSession},
		{"x", 0, "", votes.ErrBadSession}, {"74.5", 0, "", votes.ErrBadSession},
	} {
		n, sp, err := votes.ParseSession(tc.in)
		if n != tc.n || sp != tc.special || !errors.Is(err, tc.err) || (tc.err == nil) != (err == nil) {
			t.Errorf("ParseSession(%q) = %d, %q, %v; want %d, %q, %v", tc.in, n, sp, err, tc.n, tc.special, tc.err)
		}
	}
	// Session 68 opened on 17 September 2013; 78 on 5 September 2023, but
	// the 10th emergency special session's vote of 27 October 2023 falls
	// in it either way.
	for s, want := range map[string]int{"2014-03-27": 68, "2013-09-16": 68, "2013-09-14": 67, "2023-10-27": 78, "1946-01-10": 1, "2022-03-02": 76} {
		if got := votes.SessionOf(day(s)); got != want {
			t.Errorf("SessionOf(%s) = %d, want %d", s, got, want)
		}
	}
}
