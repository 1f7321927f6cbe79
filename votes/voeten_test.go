package votes_test

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/unga-go/unga/votes"
)

// Figures for Voeten's 2016 file (UNVotesPublished), counted with Python's
// csv module by testdata/scripts/counts.py:
// 1,066,613 rows, codes 1/2/3/8/9 588,800/95,099/54,865/73,328/254,521,
// 5,429 roll calls, 200 COW codes.

// voetenRow is the part of a row of Voeten's file the cross-checks need,
// cut from the raw text without the package's reader.
type voetenRow struct{ rcid, ccode, vote int }

// rawVoetenRows splits the raw file itself: the first four columns (rcid,
// session, vote, ccode) are never quoted.
func rawVoetenRows(tb testing.TB) []voetenRow {
	tb.Helper()
	rows, err := loadVoetenRows()
	if err != nil {
		tb.Fatal(err)
	}
	return rows
}

var loadVoetenRows = sync.OnceValues(func() ([]voetenRow, error) {
	raw, err := loadVoetenRaw()
	if err != nil {
		return nil, err
	}
	lines := bytes.Split(bytes.TrimSuffix(raw, []byte("\n")), []byte("\n"))
	if string(lines[0]) != "rcid,session,vote,ccode,member,importantvote,date,unres,me,nu,di,hr,co,ec,year" {
		return nil, fmt.Errorf("unexpected header %q", lines[0])
	}
	out := make([]voetenRow, 0, len(lines)-1)
	for k, line := range lines[1:] {
		f := bytes.SplitN(line, []byte(","), 5)
		if len(f) < 5 {
			return nil, fmt.Errorf("line %d: %d fields", k+2, len(f))
		}
		var n [3]int
		for x, i := range [3]int{0, 2, 3} {
			if n[x], err = strconv.Atoi(string(f[i])); err != nil {
				return nil, fmt.Errorf("line %d: %v", k+2, err)
			}
		}
		out = append(out, voetenRow{rcid: n[0], vote: n[1], ccode: n[2]})
	}
	return out, nil
})

// unvotesRow is a row of un_votes.csv, which has no quoted fields.
type unvotesRow struct {
	rcid                int
	country, code, vote string
}

func rawUnvotesRows(tb testing.TB) []unvotesRow {
	tb.Helper()
	raw := rawUnvotes(tb).votes
	lines := bytes.Split(bytes.TrimSuffix(raw, []byte("\n")), []byte("\n"))
	if string(lines[0]) != "rcid,country,country_code,vote" {
		tb.Fatalf("unexpected header %q", lines[0])
	}
	out := make([]unvotesRow, 0, len(lines)-1)
	for k, line := range lines[1:] {
		f := bytes.Split(line, []byte(","))
		if len(f) != 4 {
			tb.Fatalf("un_votes.csv line %d: %d fields", k+2, len(f))
		}
		id, err := strconv.Atoi(string(f[0]))
		if err != nil {
			tb.Fatalf("un_votes.csv line %d: %v", k+2, err)
		}
		out = append(out, unvotesRow{id, string(f[1]), string(f[2]), string(f[3])})
	}
	return out
}

func TestVoetenCounts(t *testing.T) {
	d := voetenData(t)
	if got, want := d.NumRollCalls(), 5429; got != want {
		t.Errorf("%d roll calls, want %d", got, want)
	}
	if got, want := d.NumCountries(), 200; got != want {
		t.Errorf("%d countries, want %d", got, want)
	}
	n := countVotes(d)
	want := map[votes.Vote]int{votes.Yes: 588800, votes.Abstain: 95099, votes.No: 54865, votes.Absent: 73328, votes.NonMember: 254521}
	total := 0
	for v, w := range want {
		if n[v] != w {
			t.Errorf("%d votes %q, want %d", n[v], v, w)
		}
		total += n[v]
	}
	if total != 1066613 {
		t.Errorf("%d rows read, want 1066613", total)
	}
	if rows := rawVoetenRows(t); len(rows) != 1066613 {
		t.Errorf("the raw file has %d rows, want 1066613", len(rows))
	}
	if got := d.Sessions(); len(got) != 70 || got[0] != 1 || got[69] != 70 {
		t.Errorf("Sessions() = %v, want 1..70", got)
	}

	// The member column: 1 for every vote cast or absence, NA for 252,298
	// non-members, 1 for 2,223 rows coded 9 (Python csv on the file).
	members := map[votes.Flag]int{}
	for i := range d.NumCountries() {
		for j, v := range d.Row(i) {
			if v == votes.NonMember {
				members[d.Member(i, j)]++
			}
		}
	}
	if members[votes.FlagTrue] != 2223 || members[votes.FlagUnknown] != 252298 || members[votes.FlagFalse] != 0 {
		t.Errorf("member flags of non-members: %v, want 2223 true, 252298 NA", members)
	}
}

func TestVoetenRollCalls(t *testing.T) {
	d := voetenData(t)
	// Dates are m/d/yyyy in the file; the year column is session-based
	// (3/27/2014 has year 2013) and plays no part: Session is the
	// session column.
	rc := d.RollCall(rollCallByID(t, d, 5309))
	if !rc.Date.Equal(day("2014-03-27")) || rc.Session != 68 || rc.Resolution != "A/RES/68/262" || rc.RawResolution != "R/68/262" {
		t.Errorf("rcid 5309: %s, session %d, %s (%s)", rc.Date.Format("2006-01-02"), rc.Session, rc.Resolution, rc.RawResolution)
	}
	if got := d.Tally(rollCallByID(t, d, 5309)); got.String() != "100-11-58" {
		t.Errorf("A/RES/68/262: %s, want 100-11-58", got)
	}
	// rcid 4592 has the date NA on all its 197 rows: the roll call is kept
	// with a zero Date, votes and all.
	j := rollCallByID(t, d, 4592)
	if rc := d.RollCall(j); !rc.Date.IsZero() {
		t.Errorf("rcid 4592: date %s, want none", rc.Date)
	}
	if got := d.Tally(j).Members; got == 0 {
		t.Errorf("rcid 4592 lost its votes: %+v", d.Tally(j))
	}
	rows := 0
	for range d.VotesOn(j) {
		rows++
	}
	if rows != 197 {
		t.Errorf("rcid 4592: %d records, want 197", rows)
	}
	// rcid 1429 has ec written `0\"`: read as 0.
	rc = d.RollCall(rollCallByID(t, d, 1429))
	if rc.Issues.Has(votes.Development) || rc.Session != 28 || !rc.Date.Equal(day("1973-12-01")) {
		t.Errorf("rcid 1429: issues %s, session %d, date %s", rc.Issues, rc.Session, rc.Date)
	}
	// 29,944 rows have no unres (Python csv): count them through the roll
	// calls.
	noRes := 0
	for j, rc := range d.RollCalls() {
		if rc.Resolution == "" {
			for range d.VotesOn(j) {
				noRes++
			}
		}
	}
	if noRes != 29944 {
		t.Errorf("%d rows without a resolution, want 29944", noRes)
	}
}

// TestVoetenAgainstUnvotes checks every vote cast in Voeten's file against
// the unvotes record, first by identity (COW code), then as a naive join on
// the ISO code would, to show why identity matters.
func TestVoetenAgainstUnvotes(t *testing.T) {
	v, u := voetenData(t), unvotesData(t)
	ucol := make(map[int]int, u.NumRollCalls())
	for j, rc := range u.RollCalls() {
		ucol[rc.ID] = j
	}
	var cast, agree, disagree, unmatched int
	for i, c := range v.Countries() {
		ui, inU := u.IndexOf(c)
		for j, vote := range v.Row(i) {
			if !vote.Cast() {
				continue
			}
			cast++
			uj, ok := ucol[v.RollCall(j).ID]
			if !ok || !inU {
				unmatched++
				continue
			}
			switch u.Vote(ui, uj) {
			case vote:
				agree++
			case votes.NoRecord:
				unmatched++
			default:
				disagree++
			}
		}
	}
	// 738,764 = 588,800 + 95,099 + 54,865. Every one agrees once votes go
	// to the state that held the seat on the day: unvotes files united
	// Germany's 84 votes of late 1990 under the Federal Republic, which
	// Voeten's 2016 file codes 255 (see seatChanges).
	if cast != 738764 || agree != 738764 || disagree != 0 || unmatched != 0 {
		t.Errorf("by identity: %d cast, %d agree, %d disagree, %d unmatched; want 738764, 738764, 0, 0", cast, agree, disagree, unmatched)
	}
	if testing.Short() {
		return // the join below parses both raw files again
	}

	// A join on (rcid, ISO alpha-2): unvotes' country_code against the ISO
	// code of Voeten's ccode. "NA" in unvotes is Namibia and R's missing
	// value for the FRG, the Yemen Arab Republic and Zanzibar, so
	// Namibia's votes of 1990 meet those states' votes.
	byKey := make(map[struct {
		rcid int
		code string
	}][]unvotesRow)
	for _, r := range rawUnvotesRows(t) {
		k := struct {
			rcid int
			code string
		}{r.rcid, r.code}
		byKey[k] = append(byKey[k], r)
	}
	name := map[int]string{1: "yes", 2: "abstain", 3: "no"}
	mismatch := map[string]int{} // by the unvotes state met
	voetenSide := map[string]int{}
	for _, r := range rawVoetenRows(t) {
		if r.vote > 3 {
			continue
		}
		c, ok := votes.CountryByCOW(r.ccode)
		if !ok {
			t.Fatalf("ccode %d not in the country table", r.ccode)
		}
		for _, ur := range byKey[struct {
			rcid int
			code string
		}{r.rcid, c.ISO2}] {
			if ur.vote != name[r.vote] {
				mismatch[ur.country]++
				voetenSide[c.Name]++
			}
		}
	}
	total := 0
	for _, n := range mismatch {
		total += n
	}
	// 50 false mismatches, all Namibia's: 48 against the FRG, 2 against
	// the Yemen Arab Republic (Python on the raw files gives the same).
	if total != 50 || mismatch["Federal Republic of Germany"] != 48 || mismatch["Yemen Arab Republic"] != 2 || voetenSide["Namibia"] != 50 {
		t.Errorf("ISO join: %d mismatches (%v, Voeten's side %v), want 50: 48 FRG, 2 Yemen Arab Republic, all Namibia's", total, mismatch, voetenSide)
	}
}

// A bad state, vote or member flag on the first row of a roll call costs
// that row only: the roll call's details on it are good, and the rows after
// it are read.
func TestVoetenBadFirstRow(t *testing.T) {
	const header = "rcid,session,vote,ccode,member,importantvote,date,unres,me,nu,di,hr,co,ec,year\n"
	const rest = "3,1,3,20,1,0,1/1/1946,R/1/66,0,0,0,0,0,0,1946\n3,1,2,70,1,0,1/1/1946,R/1/66,0,0,0,0,0,0,1946\n"
	for _, tc := range []struct {
		first string
		err   error
		field string
	}{
		{"3,1,1,999,1,0,1/1/1946,R/1/66,0,0,0,0,0,0,1946\n", votes.ErrUnknownCountry, "ccode"},
		{"3,1,7,2,1,0,1/1/1946,R/1/66,0,0,0,0,0,0,1946\n", votes.ErrUnknownVote, "vote"},
		{"3,1,1,2,7,0,1/1/1946,R/1/66,0,0,0,0,0,0,1946\n", nil, "member"},
	} {
		r := &votes.Reader{Lenient: true}
		d, err := r.Read(strings.NewReader(header + tc.first + rest))
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Skipped) != 1 || r.Skipped[0].Line != 2 || r.Skipped[0].Field != tc.field || (tc.err != nil && !errors.Is(r.Skipped[0], tc.err)) {
			t.Errorf("%q: skipped %v, want line 2, column %q", tc.first, r.Skipped, tc.field)
		}
		if d.NumRollCalls() != 1 || d.RollCall(0).ID != 3 || !d.RollCall(0).Date.Equal(day("1946-01-01")) {
			t.Fatalf("%q: roll calls %v, want rcid 3 of 1 January 1946", tc.first, d.RollCalls())
		}
		can, _ := d.CountryIndex("CAN")
		mex, _ := d.CountryIndex("MEX")
		if d.NumCountries() != 2 || d.Vote(can, 0) != votes.No || d.Vote(mex, 0) != votes.Abstain {
			t.Errorf("%q: %d states, Canada %v, Mexico %v; want Canada no, Mexico abstain", tc.first, d.NumCountries(), d.Vote(can, 0), d.Vote(mex, 0))
		}
	}
}
