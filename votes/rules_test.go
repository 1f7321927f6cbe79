package votes_test

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/unga-go/unga/votes"
)

// The fixtures below are small files written for these tests; lines and
// fields are counted from their text.

const (
	voetenHeader = "rcid,session,vote,ccode,member,importantvote,date,unres,me,nu,di,hr,co,ec,year\n"
	undlHeader   = "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,committee_report,meeting,title,agenda_title,subjects,vote_note,total_yes,total_no,total_abstentions,total_non_voting,total_ms,undl_link\n"
	// canonicalRollCall is the first row of rcid 5309, with the United
	// States' vote: the roll-call columns (24) and then the state's.
	canonicalHeader = "rcid,session,special,date,resolution,raw_resolution,short,title,description,draft,committee_report,meeting,agenda_title,subjects,link,issues,important,amendment,paragraph,unanimous,total_yes,total_no,total_abstain,total_non_voting,total_members,cow,iso3,country,vote,member,note\n"
	canonicalFirst  = "5309,68,,2014-03-27,A/RES/68/262,R/68/262,,,Territorial integrity of Ukraine,,,,,,,hr,0,NA,NA,0,,,,,,2,USA,United States,yes,1,\n"
	// canonicalEmpty is a row of rcid 5309 with its roll-call columns left
	// empty, as Write leaves them after the first row.
	canonicalEmpty = "5309,,,,,,,,,,,,,,,,,,,,,,,,"
)

// Rows that contradict each other are an error in every layout, whether
// on a vote (its note, its member flag) or on a roll call's details, never
// a silent choice of the first or the last.
func TestConflictingRows(t *testing.T) {
	for _, tc := range []struct {
		name  string
		in    string
		err   error
		line  int
		field string
	}{
		{"canonical: one vote, two notes", canonicalHeader + canonicalFirst[:len(canonicalFirst)-1] + "a note\n" + canonicalEmpty + ",2,USA,United States,yes,1,another note\n", votes.ErrConflict, 3, "note"},
		{"canonical: one vote, a note then none", canonicalHeader + canonicalFirst[:len(canonicalFirst)-1] + "a note\n" + canonicalEmpty + ",2,USA,United States,yes,1,\n", votes.ErrConflict, 3, "note"},
		{"canonical: one vote, two member flags", canonicalHeader + canonicalFirst + canonicalEmpty + ",2,USA,United States,yes,NA,\n", votes.ErrConflict, 3, "member"},
		{"canonical: a later row gives another session", canonicalHeader + canonicalFirst + "5309,74,,,,,,,,,,,,,,,,,,,,,,,,365,RUS,Russian Federation,no,1,\n", votes.ErrConflict, 3, "session"},
		{"canonical: a later row gives another title", canonicalHeader + canonicalFirst + "5309,,,,,,,A title,,,,,,,,,,,,,,,,,,365,RUS,Russian Federation,no,1,\n", votes.ErrConflict, 3, "title"},
		{"Voeten: sessions 1 and 74", voetenHeader + "1,1,1,2,1,0,1/1/1946,R/1/1,0,0,0,0,0,0,1946\n1,74,3,20,1,0,1/1/1946,R/1/1,0,0,0,0,0,0,1946\n", votes.ErrConflict, 3, "session"},
		{"Voeten: session banana", voetenHeader + "1,1,1,2,1,0,1/1/1946,R/1/1,0,0,0,0,0,0,1946\n1,banana,3,20,1,0,1/1/1946,R/1/1,0,0,0,0,0,0,1946\n", votes.ErrConflict, 3, "session"},
		{"Voeten: importantvote 7", voetenHeader + "1,1,1,2,1,0,1/1/1946,R/1/1,0,0,0,0,0,0,1946\n1,1,3,20,1,7,1/1/1946,R/1/1,0,0,0,0,0,0,1946\n", votes.ErrConflict, 3, "importantvote"},
		{"Voeten: an issue flag", voetenHeader + "1,1,1,2,1,0,1/1/1946,R/1/1,0,0,0,0,0,0,1946\n1,1,3,20,1,0,1/1/1946,R/1/1,0,0,0,1,0,0,1946\n", votes.ErrConflict, 3, "hr"},
		{"Voeten: importantvote 7 first", voetenHeader + "1,1,1,2,1,7,1/1/1946,R/1/1,0,0,0,0,0,0,1946\n", nil, 2, "importantvote"},
		{"Voeten: session banana first", voetenHeader + "1,banana,1,2,1,0,1/1/1946,R/1/1,0,0,0,0,0,0,1946\n", votes.ErrBadSession, 2, "session"},
		{"Digital Library: two totals", undlHeader + "1,USA,UNITED STATES,Y,2019-12-18,74,A/RES/74/1,,,,Title,,,,120.0,14.0,45.0,14.0,193.0,\n1,CAN,CANADA,Y,2019-12-18,74,A/RES/74/1,,,,Title,,,,121.0,14.0,45.0,14.0,193.0,\n", votes.ErrConflict, 3, "total_yes"},
		{"Digital Library: two subjects", undlHeader + "1,USA,UNITED STATES,Y,2019-12-18,74,A/RES/74/1,,,,Title,,A,,120.0,14.0,45.0,14.0,193.0,\n1,CAN,CANADA,Y,2019-12-18,74,A/RES/74/1,,,,Title,,B,,120.0,14.0,45.0,14.0,193.0,\n", votes.ErrConflict, 3, "subjects"},
		{"Digital Library: a negative total", undlHeader + "1,USA,UNITED STATES,Y,2019-12-18,74,A/RES/74/1,,,,Title,,,,-120.0,14.0,45.0,14.0,193.0,\n", votes.ErrBadNumber, 2, "total_yes"},
		{"Digital Library: a negative member count", undlHeader + "1,USA,UNITED STATES,Y,2019-12-18,74,A/RES/74/1,,,,Title,,,,120.0,14.0,45.0,14.0,-1,\n", votes.ErrBadNumber, 2, "total_ms"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, r := range []*votes.Reader{{}, votes.RowByRowReader()} {
				_, err := r.Read(strings.NewReader(tc.in))
				var pe *votes.ParseError
				if !errors.As(err, &pe) || tc.err != nil && !errors.Is(err, tc.err) || pe.Line != tc.line || pe.Field != tc.field {
					t.Fatalf("err = %v; want %v on line %d, column %q", err, tc.err, tc.line, tc.field)
				}
			}
		})
	}
	// The same vote twice, with the same note and flag, is no conflict.
	in := canonicalHeader + canonicalFirst[:len(canonicalFirst)-1] + "a note\n" + canonicalEmpty + ",2,USA,United States,yes,1,a note\n" +
		"5309,68,,,,,,,,,,,,,,,,,,,,,,,,365,RUS,Russian Federation,no,1,\n"
	d, err := votes.Read(strings.NewReader(in))
	if err != nil || d.NumCountries() != 2 || d.Note(0, 0) != "a note" {
		t.Fatalf("a repeated vote and a repeated session: %v", err)
	}
	// Nor are Voeten's rows of one roll call that agree on every column
	// read but the year, which is not read.
	if _, err := votes.Read(strings.NewReader(voetenHeader + "1,1,1,2,1,0,1/1/1946,R/1/1,0,0,0,0,0,0,1946\n1,1,3,20,1,0,1/1/1946,R/1/1,0,0,0,0,0,0,1947\n")); err != nil {
		t.Fatalf("rows differing in the year only: %v", err)
	}
}

// Special sessions are named in one form, "ES-1" and "S-10", whatever the
// source wrote; a sign or a space in the number is no session.
func TestParseSessionCanonical(t *testing.T) {
	for in, want := range map[string]string{"ES-1": "ES-1", "ES-01": "ES-1", "es-011": "ES-11", " S-010 ": "S-10", "s-1": "S-1"} {
		regular, special, err := votes.ParseSession(in)
		if err != nil || regular != 0 || special != want {
			t.Errorf("ParseSession(%q) = %d, %q, %v; want %q", in, regular, special, err, want)
		}
	}
	for _, in := range []string{"ES-+1", "ES--1", "ES- 1", "ES-0", "ES-00", "S-1.0", "ES-", "ES-1x", "+74", "-74"} {
		if _, special, err := votes.ParseSession(in); !errors.Is(err, votes.ErrBadSession) {
			t.Errorf("ParseSession(%q) = %q, %v; want ErrBadSession", in, special, err)
		}
	}
	// A Digital Library file that writes "ES-011" reads as "ES-11".
	in := undlHeader + "1,USA,UNITED STATES,Y,2022-03-02,ES-011,A/RES/ES-11/1,,,,Title,,,,141.0,5.0,35.0,12.0,193.0,\n"
	d, err := votes.Read(strings.NewReader(in))
	if err != nil || d.RollCall(0).Special != "ES-11" {
		t.Fatalf("session ES-011: %v, %+v", err, d)
	}
}

// A negative or decimal number is no COW code: "-2" was the United States
// once its minus sign was folded away.
func TestLookupCodeSigns(t *testing.T) {
	for _, key := range []string{"-2", "-20", "-365", "+2", "- 2", "2.5", "(2)", "#2", "2-"} {
		if c, err := votes.LookupCountry(key); !errors.Is(err, votes.ErrUnknownCountry) {
			t.Errorf("LookupCountry(%q) = %v, %v; want ErrUnknownCountry", key, c, err)
		}
	}
	for key, cow := range map[string]int{"2": 2, "002": 2, "365": 365, " 20 ": 20} {
		if c, err := votes.LookupCountry(key); err != nil || c.COW != cow {
			t.Errorf("LookupCountry(%q) = %v, %v; want COW %d", key, c, err, cow)
		}
	}
}

// The unvotes reader follows LookupCountry's rule: "Congo" and "Korea"
// are ambiguous, an error naming the candidates, whatever the code beside
// them (unvotes itself writes "Congo - Brazzaville" and "South Korea").
func TestUnvotesAmbiguousName(t *testing.T) {
	rollCalls := "rcid,session,importantvote,date,unres,amend,para,short,descr\n1,1,0,1946-01-01,R/1/1,0,0,FIRST,first\n"
	for _, tc := range []struct {
		row  string
		want []string
	}{
		{"1,Congo,CG,yes\n", []string{"COG", "COD"}},
		{"1,Congo,NA,yes\n", []string{"COG", "COD"}},
		{"1,Korea,KR,yes\n", []string{"PRK", "KOR"}},
		{"1,Korea,NA,yes\n", []string{"PRK", "KOR"}},
	} {
		_, err := votes.ReadUnvotes(strings.NewReader("rcid,country,country_code,vote\n"+tc.row), strings.NewReader(rollCalls), nil)
		var amb *votes.AmbiguousCountryError
		var pe *votes.ParseError
		if !errors.As(err, &amb) || !errors.As(err, &pe) || pe.Line != 2 || errors.Is(err, votes.ErrUnknownCountry) {
			t.Errorf("%q: %v, want an *AmbiguousCountryError on line 2", tc.row, err)
			continue
		}
		var got []string
		for _, c := range amb.Candidates {
			got = append(got, c.ISO3)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: candidates %v, want %v", tc.row, got, tc.want)
		}
	}
	// unvotes' own names read as before.
	d, err := votes.ReadUnvotes(strings.NewReader("rcid,country,country_code,vote\n1,Congo - Brazzaville,CG,yes\n1,South Korea,KR,no\n1,Guinea,GN,yes\n"), strings.NewReader(rollCalls), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range d.Countries() {
		got = append(got, c.ISO3)
	}
	if want := []string{"GIN", "COG", "KOR"}; !slices.Equal(got, want) {
		t.Errorf("states %v, want %v", got, want)
	}
}

// Write promises a file that reads back into an equal dataset; an empty
// dataset is no exception.
func TestWriteEmptyRoundTrip(t *testing.T) {
	d := unvotesData(t).Filter(votes.InSessions(100, 100)).SelectCountries(func(votes.Country) bool { return false })
	if d.NumRollCalls() != 0 || d.NumCountries() != 0 {
		t.Fatalf("%d roll calls, %d states; want an empty dataset", d.NumRollCalls(), d.NumCountries())
	}
	var buf bytes.Buffer
	if err := votes.Write(&buf, d); err != nil {
		t.Fatal(err)
	}
	back, err := votes.Read(bytes.NewReader(buf.Bytes()))
	if err != nil || back.NumRollCalls() != 0 || back.NumCountries() != 0 {
		t.Fatalf("read back: %v", err)
	}
	header, _, _ := strings.Cut(buf.String(), "\n")
	if commas := strings.Count(header, ","); buf.String() != header+"\n"+strings.Repeat(",", commas)+"\n" {
		t.Errorf("an empty dataset written as %q, want a header and a row of %d empty fields", buf.String(), commas+1)
	}
	// The row of empty fields stands for an empty dataset only alone.
	if _, err := votes.Read(strings.NewReader(canonicalHeader + strings.Repeat(",", 30) + "\n" + canonicalFirst)); !errors.Is(err, votes.ErrConflict) {
		t.Errorf("a row of empty fields before a vote: %v, want ErrConflict", err)
	}
	// A header alone is still an error: a truncated file looks just like
	// it.
	if _, err := votes.Read(strings.NewReader(canonicalHeader)); !errors.Is(err, votes.ErrEmpty) {
		t.Fatalf("a canonical header alone: %v, want ErrEmpty", err)
	}
}

// Special takes a session's name in any form ParseSession reads, and
// refuses what names no session.
func TestSpecialFilterNames(t *testing.T) {
	d := unvotesData(t)
	for _, name := range []string{"ES-2", "es-02", " ES-002 "} {
		if n := d.Filter(votes.Special(name)).NumRollCalls(); n != 15 {
			t.Errorf("Special(%q): %d roll calls, want 15", name, n)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error(`Special("ES-+2") did not panic`)
		}
	}()
	votes.Special("ES-+2")
}
