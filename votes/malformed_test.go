package votes_test

import (
	"errors"
	"os"
	"testing"

	"github.com/unga-go/unga/votes"
)

// The fixtures in testdata/malformed (see its README) each hold one fault
// among good rows. Expected lines and columns are 1-based byte positions,
// computed from the fixture text with Python.

const malformed = "../testdata/malformed/"

type malformedCase struct {
	file   string // under testdata/malformed
	read   func(r *votes.Reader, file string) (*votes.Dataset, error)
	err    error // the sentinel
	line   int
	column int
	field  string
	fatal  bool // the read fails even when lenient
	// A lenient read skips one row and reads the others: this many roll
	// calls and records.
	rollCalls, records int
}

func readOne(r *votes.Reader, file string) (*votes.Dataset, error) {
	return r.ReadFile(file)
}

// readUnvotes reads an unvotes triplet from the malformed folder, with one
// of the three files replaced by the named fixture.
func readUnvotes(role string) func(r *votes.Reader, file string) (*votes.Dataset, error) {
	return func(r *votes.Reader, file string) (*votes.Dataset, error) {
		names := map[string]string{
			"votes":  malformed + "unvotes/un_votes.csv",
			"rolls":  malformed + "unvotes/un_roll_calls.csv",
			"issues": malformed + "unvotes/un_roll_call_issues.csv",
		}
		names[role] = file
		files := map[string]*os.File{}
		for k, n := range names {
			f, err := os.Open(n)
			if err != nil {
				return nil, err
			}
			defer f.Close()
			files[k] = f
		}
		return r.ReadUnvotes(files["votes"], files["rolls"], files["issues"])
	}
}

var malformedCases = []malformedCase{
	// unvotes: the good triplet has 2 roll calls and 4 votes.
	{file: "unvotes/votes_unknown_vote.csv", read: readUnvotes("votes"), err: votes.ErrUnknownVote, line: 3, column: 13, field: "vote", rollCalls: 2, records: 4},
	{file: "unvotes/votes_missing_column.csv", read: readUnvotes("votes"), err: votes.ErrMissingColumn, line: 1, field: "vote", fatal: true},
	{file: "unvotes/votes_duplicate.csv", read: readUnvotes("votes"), err: votes.ErrDuplicateVote, line: 4, column: 20, field: "vote", rollCalls: 2, records: 4},
	{file: "unvotes/votes_unknown_country.csv", read: readUnvotes("votes"), err: votes.ErrUnknownCountry, line: 3, column: 3, field: "country", rollCalls: 2, records: 4},
	{file: "unvotes/votes_bad_number.csv", read: readUnvotes("votes"), err: votes.ErrBadNumber, line: 3, column: 1, field: "rcid", rollCalls: 2, records: 4},
	{file: "unvotes/votes_bad_quote.csv", read: readUnvotes("votes"), err: votes.ErrQuote, line: 3, column: 10, fatal: true},
	{file: "unvotes/votes_field_count.csv", read: readUnvotes("votes"), err: votes.ErrFieldCount, line: 3, rollCalls: 2, records: 4},
	{file: "unvotes/votes_unlisted.csv", read: readUnvotes("votes"), err: votes.ErrUnknownRollCall, line: 3, column: 1, field: "rcid", rollCalls: 2, records: 4},
	{file: "unvotes/votes_empty.csv", read: readUnvotes("votes"), err: votes.ErrEmpty, line: 1, fatal: true},
	{file: "unvotes/rollcalls_bad_date.csv", read: readUnvotes("rolls"), err: votes.ErrBadDate, line: 4, column: 7, field: "date", rollCalls: 2, records: 4},
	{file: "unvotes/rollcalls_duplicate.csv", read: readUnvotes("rolls"), err: votes.ErrDuplicateRollCall, line: 4, column: 1, field: "rcid", rollCalls: 2, records: 4},
	{file: "unvotes/issues_unknown.csv", read: readUnvotes("issues"), err: votes.ErrUnknownIssue, line: 3, column: 3, field: "short_name", rollCalls: 2, records: 4},
	// Hardening: a header alone, vote codes of other layouts,
	// a code naming another state than the name, IDs past 32 bits,
	// sessions that their dates contradict or that cannot be placed,
	// implausible years and trailing junk, an issue of no roll call.
	{file: "unvotes/votes_header_only.csv", read: readUnvotes("votes"), err: votes.ErrEmpty, line: 2, fatal: true},
	{file: "unvotes/votes_vote_code.csv", read: readUnvotes("votes"), err: votes.ErrUnknownVote, line: 3, column: 13, field: "vote", rollCalls: 2, records: 4},
	{file: "unvotes/votes_code_name.csv", read: readUnvotes("votes"), err: votes.ErrUnknownCountry, line: 3, column: 3, field: "country", rollCalls: 2, records: 4},
	{file: "unvotes/votes_big_rcid.csv", read: readUnvotes("votes"), err: votes.ErrBadNumber, line: 3, column: 1, field: "rcid", rollCalls: 2, records: 4},
	{file: "unvotes/rollcalls_big_rcid.csv", read: readUnvotes("rolls"), err: votes.ErrBadNumber, line: 4, column: 1, field: "rcid", rollCalls: 2, records: 4},
	{file: "unvotes/rollcalls_special_na.csv", read: readUnvotes("rolls"), err: votes.ErrBadSession, line: 4, column: 3, field: "session", rollCalls: 2, records: 4},
	{file: "unvotes/rollcalls_session_date.csv", read: readUnvotes("rolls"), err: votes.ErrBadSession, line: 4, column: 3, field: "session", rollCalls: 2, records: 4},
	{file: "unvotes/rollcalls_huge_session.csv", read: readUnvotes("rolls"), err: votes.ErrBadSession, line: 4, column: 3, field: "session", rollCalls: 2, records: 4},
	{file: "unvotes/rollcalls_year.csv", read: readUnvotes("rolls"), err: votes.ErrBadDate, line: 4, column: 7, field: "date", rollCalls: 2, records: 4},
	{file: "unvotes/rollcalls_date_junk.csv", read: readUnvotes("rolls"), err: votes.ErrBadDate, line: 4, column: 7, field: "date", rollCalls: 2, records: 4},
	{file: "unvotes/issues_unlisted.csv", read: readUnvotes("issues"), err: votes.ErrUnknownRollCall, line: 3, column: 1, field: "rcid", rollCalls: 2, records: 4},

	// Voeten: the good file has 2 roll calls and 4 records.
	{file: "voeten/unknown_vote.csv", read: readOne, err: votes.ErrUnknownVote, line: 3, column: 5, field: "vote", rollCalls: 2, records: 4},
	{file: "voeten/missing_column.csv", read: readOne, err: votes.ErrMissingColumn, line: 1, field: "date", fatal: true},
	{file: "voeten/duplicate.csv", read: readOne, err: votes.ErrDuplicateVote, line: 4, column: 5, field: "vote", rollCalls: 2, records: 4},
	{file: "voeten/bad_date.csv", read: readOne, err: votes.ErrBadDate, line: 6, column: 13, field: "date", rollCalls: 2, records: 4},
	{file: "voeten/unknown_country.csv", read: readOne, err: votes.ErrUnknownCountry, line: 3, column: 7, field: "ccode", rollCalls: 2, records: 4},
	{file: "voeten/bad_number.csv", read: readOne, err: votes.ErrBadNumber, line: 3, column: 7, field: "ccode", rollCalls: 2, records: 4},
	{file: "voeten/bad_quote.csv", read: readOne, err: votes.ErrQuote, line: 3, column: 23, fatal: true},
	{file: "voeten/field_count.csv", read: readOne, err: votes.ErrFieldCount, line: 3, rollCalls: 2, records: 4},
	{file: "voeten/conflict.csv", read: readOne, err: votes.ErrConflict, line: 4, column: 14, field: "date", rollCalls: 2, records: 4},
	{file: "voeten/empty.csv", read: readOne, err: votes.ErrEmpty, line: 1, fatal: true},
	{file: "voeten/header_only.csv", read: readOne, err: votes.ErrEmpty, line: 2, fatal: true},
	{file: "voeten/vote_code.csv", read: readOne, err: votes.ErrUnknownVote, line: 3, column: 5, field: "vote", rollCalls: 2, records: 4},
	{file: "voeten/session_date.csv", read: readOne, err: votes.ErrBadSession, line: 6, column: 3, field: "session", rollCalls: 2, records: 4},
	{file: "voeten/duplicate_column.csv", read: readOne, err: votes.ErrDuplicateColumn, line: 1, field: "vote", fatal: true},
	{file: "voeten/cr_only.csv", read: readOne, err: votes.ErrUnknownFormat, line: 1, fatal: true},

	// UN Digital Library: the good file has 1 roll call and 4 votes.
	{file: "undl/unknown_vote.csv", read: readOne, err: votes.ErrUnknownVote, line: 3, column: 21, field: "ms_vote", rollCalls: 1, records: 4},
	{file: "undl/missing_column.csv", read: readOne, err: votes.ErrMissingColumn, line: 1, field: "date", fatal: true},
	{file: "undl/duplicate.csv", read: readOne, err: votes.ErrDuplicateVote, line: 4, column: 20, field: "ms_vote", rollCalls: 1, records: 4},
	{file: "undl/bad_date.csv", read: readOne, err: votes.ErrBadDate, line: 6, column: 22, field: "date", rollCalls: 1, records: 4},
	{file: "undl/unknown_country.csv", read: readOne, err: votes.ErrUnknownCountry, line: 3, column: 9, field: "ms_code", rollCalls: 1, records: 4},
	{file: "undl/bad_number.csv", read: readOne, err: votes.ErrBadNumber, line: 6, column: 137, field: "total_yes", rollCalls: 1, records: 4},
	{file: "undl/bad_session.csv", read: readOne, err: votes.ErrBadSession, line: 6, column: 33, field: "session", rollCalls: 1, records: 4},
	{file: "undl/bad_quote.csv", read: readOne, err: votes.ErrQuote, line: 3, column: 92, fatal: true},
	{file: "undl/field_count.csv", read: readOne, err: votes.ErrFieldCount, line: 3, rollCalls: 1, records: 4},
	{file: "undl/empty.csv", read: readOne, err: votes.ErrEmpty, line: 1, fatal: true},
	{file: "undl/header_only.csv", read: readOne, err: votes.ErrEmpty, line: 2, fatal: true},
	{file: "undl/vote_code.csv", read: readOne, err: votes.ErrUnknownVote, line: 3, column: 21, field: "ms_vote", rollCalls: 1, records: 4},
	{file: "undl/conflict_title.csv", read: readOne, err: votes.ErrConflict, line: 3, column: 80, field: "title", rollCalls: 1, records: 4},
	{file: "undl/conflict_session.csv", read: readOne, err: votes.ErrConflict, line: 3, column: 34, field: "session", rollCalls: 1, records: 4},
	{file: "undl/conflict_note.csv", read: readOne, err: votes.ErrConflict, line: 3, column: 136, field: "vote_note", rollCalls: 1, records: 4},
	{file: "undl/code_name.csv", read: readOne, err: votes.ErrUnknownCountry, line: 3, column: 9, field: "ms_code", rollCalls: 1, records: 4},
	{file: "undl/cr_only.csv", read: readOne, err: votes.ErrUnknownFormat, line: 1, fatal: true},

	// Canonical: the good file has 2 roll calls and 2 records.
	{file: "canonical/unknown_vote.csv", read: readOne, err: votes.ErrUnknownVote, line: 4, column: 44, field: "vote", rollCalls: 2, records: 2},
	{file: "canonical/unlisted.csv", read: readOne, err: votes.ErrUnknownRollCall, line: 4, column: 1, field: "rcid", rollCalls: 2, records: 2},
	{file: "canonical/unknown_country.csv", read: readOne, err: votes.ErrUnknownCountry, line: 4, column: 29, field: "cow", rollCalls: 2, records: 2},
	{file: "canonical/unknown_issue.csv", read: readOne, err: votes.ErrUnknownIssue, line: 6, column: 32, field: "issues", rollCalls: 2, records: 2},
	{file: "canonical/vote_code.csv", read: readOne, err: votes.ErrUnknownVote, line: 4, column: 44, field: "vote", rollCalls: 2, records: 2},
	{file: "canonical/missing_column.csv", read: readOne, err: votes.ErrMissingColumn, line: 1, field: "member", fatal: true},
}

func TestMalformedGoodBase(t *testing.T) {
	// The fixtures' good versions read cleanly, so each fault is the
	// only one.
	for _, tc := range []struct {
		name                      string
		read                      func() (*votes.Dataset, error)
		rollCalls, records, state int
	}{
		{"unvotes", func() (*votes.Dataset, error) { return votes.ReadFile(malformed + "unvotes") }, 2, 4, 2},
		{"voeten", func() (*votes.Dataset, error) { return votes.ReadFile(malformed + "voeten/good.csv") }, 2, 4, 2},
		{"undl", func() (*votes.Dataset, error) { return votes.ReadFile(malformed + "undl/good.csv") }, 1, 4, 4},
		// The canonical file has a roll call and a state (Namibia) without
		// votes.
		{"canonical", func() (*votes.Dataset, error) { return votes.ReadFile(malformed + "canonical/good.csv") }, 2, 2, 3},
	} {
		d, err := tc.read()
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if d.NumRollCalls() != tc.rollCalls || records(d) != tc.records || d.NumCountries() != tc.state {
			t.Errorf("%s: %d roll calls, %d records, %d states; want %d, %d, %d", tc.name, d.NumRollCalls(), records(d), d.NumCountries(), tc.rollCalls, tc.records, tc.state)
		}
	}
}

func records(d *votes.Dataset) int {
	n := 0
	for i := range d.NumCountries() {
		for _, v := range d.Row(i) {
			if v != votes.NoRecord {
				n++
			}
		}
	}
	return n
}

func TestMalformed(t *testing.T) {
	for _, tc := range malformedCases {
		t.Run(tc.file, func(t *testing.T) { checkMalformed(t, tc) })
	}
}

func checkMalformed(t *testing.T, tc malformedCase) {
	path := malformed + tc.file
	_, err := tc.read(new(votes.Reader), path)
	if err == nil {
		t.Fatal("no error")
	}
	if !errors.Is(err, tc.err) {
		t.Errorf("error %v, want %v", err, tc.err)
	}
	var pe *votes.ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error %v (%T) is not a *ParseError", err, err)
	}
	if pe.File != path {
		t.Errorf("File %q, want %q", pe.File, path)
	}
	if tc.line > 0 && pe.Line != tc.line {
		t.Errorf("Line %d, want %d (%v)", pe.Line, tc.line, err)
	}
	if tc.line == 0 && pe.Line < 2 {
		t.Errorf("Line %d, want a line past the header (%v)", pe.Line, err)
	}
	if pe.Column != tc.column || pe.Field != tc.field {
		t.Errorf("column %d, field %q; want %d, %q (%v)", pe.Column, pe.Field, tc.column, tc.field, err)
	}

	r := &votes.Reader{Lenient: true}
	d, err := tc.read(r, path)
	if tc.fatal {
		if err == nil || !errors.Is(err, tc.err) {
			t.Errorf("lenient read: error %v, want %v", err, tc.err)
		}
		return
	}
	if err != nil {
		t.Fatalf("lenient read: %v", err)
	}
	if len(r.Skipped) != 1 {
		t.Fatalf("lenient read skipped %d rows, want 1: %v", len(r.Skipped), r.Skipped)
	}
	if s := r.Skipped[0]; !errors.Is(s, tc.err) || s.Line != pe.Line || s.Column != pe.Column || s.File != path {
		t.Errorf("skipped %v, want the strict read's error %v", s, pe)
	}
	if d.NumRollCalls() != tc.rollCalls || records(d) != tc.records {
		t.Errorf("lenient read: %d roll calls, %d records; want %d, %d", d.NumRollCalls(), records(d), tc.rollCalls, tc.records)
	}
}
