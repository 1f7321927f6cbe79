package votes_test

import (
	"bytes"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/unga-go/unga/votes"
)

// unxmlFiles are the UN's resolution data in the repository, in session
// order; gzip members concatenate, so their concatenation is one input.
var unxmlFiles = []string{"74", "75", "76", "77", "78", "79", "80", "ES-10", "ES-11"}

// readUNXMLAll reads the nine files as one gzip stream, leniently (75.json
// has a recorded vote without lists, A/RES/75/254 A-C, which a strict read
// refuses).
func readUNXMLAll(tb testing.TB) (*votes.Dataset, *votes.Reader) {
	tb.Helper()
	u := unxmlAll()
	if u.err != nil {
		tb.Fatal(u.err)
	}
	return u.ds, u.r
}

// unxmlAll is the read of the nine files, once for all tests: a Dataset is
// immutable, and the tests only look at the Reader's reports.
var unxmlAll = sync.OnceValue(func() (u struct {
	ds  *votes.Dataset
	r   *votes.Reader
	err error
}) {
	var all []byte
	for _, f := range unxmlFiles {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "unxml", f+".jsonl.gz"))
		if err != nil {
			u.err = err
			return u
		}
		all = append(all, b...)
	}
	u.r = &votes.Reader{Lenient: true}
	u.ds, u.err = u.r.Read(bytes.NewReader(all))
	return u
})

// The recorded votes by session, as the files count them (lines
// "By a recorded vote": 90, 100, 80, 88, 85, 132 and 168 in sessions
// 74-80, 3 in ES-10, 6 in ES-11), less the repeated lines (19 symbols
// repeated by 36 lines in 79.json, 2 of the 3 repeats of 80.json being
// recorded votes) and less A/RES/75/254 A-C, which has no lists: 730 roll
// calls, one per symbol. The count is by the session of the symbol
// (A/RES/79/...), and by special session for ES-10 and ES-11, whose roll
// calls carry the regular session of their day.
func TestUNXMLRollCallsBySession(t *testing.T) {
	ds, r := readUNXMLAll(t)
	got := map[string]int{}
	for _, rc := range ds.RollCalls() {
		key := rc.Special
		if key == "" {
			key = strings.Split(rc.Resolution, "/")[2]
		}
		got[key]++
	}
	want := map[string]int{"74": 90, "75": 99, "76": 80, "77": 88, "78": 85, "79": 113, "80": 166, "ES-10": 3, "ES-11": 6}
	for k, n := range want {
		if got[k] != n {
			t.Errorf("session %s: %d roll calls, want %d", k, got[k], n)
		}
	}
	if ds.NumRollCalls() != 730 {
		t.Errorf("%d roll calls, want 730", ds.NumRollCalls())
	}
	if ds.NumCountries() != 193 {
		t.Errorf("%d states, want the 193 members", ds.NumCountries())
	}
	if r.SkippedRows != 1 || !errors.Is(r.Skipped[0], votes.ErrNoVotes) {
		t.Errorf("skipped %v, want A/RES/75/254 A-C alone", r.Skipped)
	}
	// Repairs: 39 repeated lines, 2 lists of 75/290 A, 77/293's count, 4
	// lines without an adoption type, 5 "#fifthCommittee", 22 garbled
	// sponsors.
	kinds := map[error]int{}
	for _, p := range r.Repaired {
		for _, e := range []error{votes.ErrDuplicateRollCall, votes.ErrRepeatedName, votes.ErrCountMismatch, votes.ErrNoVotes, votes.ErrUnknownCountry} {
			if errors.Is(p, e) {
				kinds[e]++
			}
		}
	}
	wantKinds := map[error]int{votes.ErrDuplicateRollCall: 39, votes.ErrRepeatedName: 2, votes.ErrCountMismatch: 1, votes.ErrNoVotes: 4, votes.ErrUnknownCountry: 22}
	for e, n := range wantKinds {
		if kinds[e] != n {
			t.Errorf("%d repairs wrapping %v, want %d", kinds[e], e, n)
		}
	}
	if r.RepairedRows != 39+2+1+4+5+22 {
		t.Errorf("%d repairs, want %d", r.RepairedRows, 39+2+1+4+5+22)
	}
}

// A/RES/77/229 (Crimea, 15 December 2022): 82-14-80 in the UN's record;
// Serbia abstains, Russia votes no, Bosnia and Herzegovina yes, and the 17
// members on no list are absent.
func TestUNXMLCrimea2022(t *testing.T) {
	ds, _ := readUNXMLAll(t)
	res := ds.Filter(votes.Resolutions("A/RES/77/229"))
	if res.NumRollCalls() != 1 {
		t.Fatalf("%d roll calls on A/RES/77/229", res.NumRollCalls())
	}
	for key, want := range map[string]votes.Vote{"Serbia": votes.Abstain, "Russia": votes.No, "BIH": votes.Yes, "Ukraine": votes.Yes} {
		i, err := res.CountryIndex(key)
		if err != nil {
			t.Fatal(err)
		}
		if v := res.Vote(i, 0); v != want {
			t.Errorf("%s: %v, want %v", key, v, want)
		}
	}
	tl := res.Tally(0)
	if tl.Yes != 82 || tl.No != 14 || tl.Abstain != 80 || tl.NonVoting != 17 {
		t.Errorf("tally %+v, want 82-14-80 and 17 absent", tl)
	}
	rc := res.RollCall(0)
	if rc.Date.Format("2006-01-02") != "2022-12-15" || rc.Session != 77 || rc.Committee != "Third Committee" ||
		rc.AgendaItem != "Agenda item 68 (c)" || rc.Meeting != "A/77/PV.54" || rc.CommitteeReport != "A/77/463/Add.3, para. 29" ||
		!rc.HasTotals || rc.Totals.String() != "82-14-80" {
		t.Errorf("roll call %+v", rc)
	}
	if len(rc.Sponsors) == 0 || rc.Sponsors[0].ISO3 != "ALB" {
		t.Errorf("sponsors %v, want Albania first", rc.Sponsors)
	}
	if crimea := ds.Filter(votes.HasSubject("crimea (ukraine)")); crimea.NumRollCalls() < 4 {
		t.Errorf("%d roll calls with the subject CRIMEA (UKRAINE), want at least the four Crimea resolutions of 2022-2025", crimea.NumRollCalls())
	}
}

func TestUNXMLStrictRead(t *testing.T) {
	_, err := votes.ReadFile("../testdata/unxml/75.jsonl.gz")
	var pe *votes.ParseError
	if !errors.As(err, &pe) || pe.Line != 261 || !errors.Is(err, votes.ErrNoVotes) {
		t.Fatalf("err = %v, want ErrNoVotes on line 261", err)
	}
	ds, err := votes.ReadFile("../testdata/unxml/ES-11.jsonl.gz")
	if err != nil {
		t.Fatal(err)
	}
	if ds.NumRollCalls() != 6 {
		t.Errorf("ES-11: %d roll calls, want 6", ds.NumRollCalls())
	}
}

// The share of resolutions adopted without a vote, session by session, in
// the UN's resolution data (source: United Nations). Session 80 runs to
// September 2026; the files hold its resolutions to December 2025, when the
// recorded votes come in a rush.
func ExampleDataset_Adoptions() {
	var all []byte
	for _, f := range []string{"74", "75", "76", "77", "78", "79", "80", "ES-10", "ES-11"} {
		b, err := os.ReadFile("../testdata/unxml/" + f + ".jsonl.gz")
		if err != nil {
			log.Fatal(err)
		}
		all = append(all, b...)
	}
	r := &votes.Reader{Lenient: true} // A/RES/75/254 A-C has no lists: left out, counted in r.Skipped
	ds, err := r.Read(bytes.NewReader(all))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("session  without a vote  recorded  share by consensus")
	for _, a := range ds.Adoptions() {
		name := a.Special
		if name == "" {
			name = fmt.Sprint(a.Session)
		}
		fmt.Printf("%-7s  %14d  %8d  %17.1f%%\n", name, a.WithoutVote, a.RecordedVote,
			100*float64(a.WithoutVote)/float64(a.WithoutVote+a.RecordedVote))
	}
	// Output:
	// session  without a vote  recorded  share by consensus
	// 74                  176        90               66.2%
	// 75                  237       100               70.3%
	// 76                  230        80               74.2%
	// 77                  255        88               74.3%
	// 78                  243        85               74.1%
	// 79                  222       113               66.3%
	// 80                   94       166               36.2%
	// ES-10                 0         3                0.0%
	// ES-11                 0         6                0.0%
}

// The canonical CSV carries every field of the UN's resolution data, and
// reads back into an equal dataset; the long export carries them too.
func TestUNXMLRoundTrip(t *testing.T) {
	ds, _ := readUNXMLAll(t)
	checkRoundTrip(t, ds)

	var buf bytes.Buffer
	crimea := ds.Filter(votes.Resolutions("A/RES/77/229")).SelectCountries(func(c votes.Country) bool {
		return c.ISO3 == "ALB" || c.ISO3 == "SRB"
	})
	if err := votes.WriteLong(&buf, crimea); err != nil {
		t.Fatal(err)
	}
	rc := crimea.RollCall(0)
	want := fmt.Sprintf("%d,77,2022-12-15,2022,A/RES/77/229,ALB,339,Albania,yes,,Third Committee,Agenda item 68 (c),%s,16 3 4 5 14,sponsor,,\n", rc.ID, rc.Subjects)
	if lines := strings.Split(buf.String(), "\n"); len(lines) != 4 || lines[1]+"\n" != want ||
		!strings.HasSuffix(lines[2], "Serbia,abstain,,Third Committee,Agenda item 68 (c),"+rc.Subjects+",16 3 4 5 14,,,") {
		t.Errorf("long export:\n%s\nwant first row\n%s", buf.String(), want)
	}
}

func TestUNXMLDetectFormat(t *testing.T) {
	// A JSON line split at its commas, as a CSV header reader splits it.
	if f := votes.DetectFormat([]string{`{"symbol": "A/RES/80/4"`, ` "pv": "A/80/PV.22"`}); f != votes.FormatUNXML || f.String() != "UN resolution data" {
		t.Errorf("DetectFormat = %v, want FormatUNXML", f)
	}
	// Only consensus resolutions: no roll call, but the adoptions count.
	ds, err := votes.Read(strings.NewReader(`{"symbol": "A/RES/80/1", "adoption_date": "8 September 2025", "adoption_type": "Without a vote"}` + "\n"))
	if err != nil {
		t.Fatal(err)
	}
	if a := ds.Adoptions(); ds.NumRollCalls() != 0 || len(a) != 1 || a[0] != (votes.Adoption{Session: 80, WithoutVote: 1}) {
		t.Errorf("%d roll calls, adoptions %+v", ds.NumRollCalls(), a)
	}
}

// The filters of the UN's resolution data, on the real files: counts by a
// substring count over the files' lines in Python (recorded votes, one per
// symbol).
func TestUNXMLFilters(t *testing.T) {
	ds, _ := readUNXMLAll(t)
	crimea := ds.Filter(votes.HasSubject("CRIMEA (UKRAINE)"))
	var syms []string
	for _, rc := range crimea.RollCalls() {
		syms = append(syms, rc.Resolution)
	}
	t.Logf("CRIMEA (UKRAINE): %v", syms)
	for _, s := range []string{"A/RES/77/229", "A/RES/80/223"} {
		if !slices.Contains(syms, s) {
			t.Errorf("%s not among the roll calls on CRIMEA (UKRAINE): %v", s, syms)
		}
	}
	srb, _ := votes.LookupCountry("Serbia")
	for _, rc := range ds.Filter(votes.SponsoredBy(srb)).RollCalls() {
		if !slices.Contains(rc.Sponsors, srb) && !slices.Contains(rc.AdditionalSponsors, srb) {
			t.Errorf("%s kept without Serbia among its sponsors", rc.Resolution)
		}
	}
	third := ds.Filter(votes.InCommittee("third committee"))
	fifth := ds.Filter(votes.InCommittee("Fifth Committee"))
	for _, rc := range third.RollCalls() {
		if rc.Committee != "Third Committee" {
			t.Errorf("%s of the %s kept", rc.Resolution, rc.Committee)
		}
	}
	if third.NumRollCalls() == 0 || fifth.NumRollCalls() == 0 {
		t.Errorf("%d roll calls of the Third Committee, %d of the Fifth", third.NumRollCalls(), fifth.NumRollCalls())
	}
}

// A state on no list is Absent if it was a member of the United Nations
// that day (the "UN" group's dates), NonMember if not: South Sudan,
// admitted on 14 July 2011, on a vote of 2010.
func TestUNXMLAbsentAndNonMember(t *testing.T) {
	lines := `{"symbol": "A/RES/65/1", "adoption_date": "1 December 2010", "adoption_type": "By a recorded vote", "MS_in_favour": ["FRANCE"], "MS_against": [], "MS_abstaining": []}
{"symbol": "A/RES/66/1", "adoption_date": "1 December 2011", "adoption_type": "By a recorded vote", "MS_in_favour": ["SOUTH SUDAN"], "MS_against": [], "MS_abstaining": []}
`
	ds, err := votes.Read(strings.NewReader(lines))
	if err != nil {
		t.Fatal(err)
	}
	ssd, _ := ds.CountryIndex("SSD")
	fra, _ := ds.CountryIndex("FRA")
	if got := []votes.Vote{ds.Vote(ssd, 0), ds.Vote(ssd, 1), ds.Vote(fra, 0), ds.Vote(fra, 1)}; !slices.Equal(got, []votes.Vote{votes.NonMember, votes.Yes, votes.Yes, votes.Absent}) {
		t.Errorf("South Sudan %v, %v; France %v, %v", got[0], got[1], got[2], got[3])
	}
	if ds.NumCountries() != 193 {
		t.Errorf("%d states, want the 192 members of 2010 and South Sudan", ds.NumCountries())
	}
	// A state on a list that was not a member is an error.
	_, err = votes.Read(strings.NewReader(strings.Replace(lines, `["FRANCE"]`, `["SOUTH SUDAN"]`, 1)))
	if !errors.Is(err, votes.ErrUnknownCountry) || !strings.Contains(err.Error(), "not a member") {
		t.Errorf("err = %v, want South Sudan not a member in 2010", err)
	}
}

// The UN's files name the Republic of the Congo "CONGO", as the UN's short
// names do, but no naming gives a bare "KOREA" to either Korea: it is
// refused with both candidates, not read as unknown or as one of them.
func TestUNXMLAmbiguousName(t *testing.T) {
	line := `{"symbol": "A/RES/78/1", "adoption_date": "1 December 2023", "adoption_type": "By a recorded vote", "MS_in_favour": ["CONGO"], "MS_against": [], "MS_abstaining": []}
`
	ds, err := votes.Read(strings.NewReader(line))
	if err != nil {
		t.Fatal(err)
	}
	cog, _ := ds.CountryIndex("COG")
	if ds.Vote(cog, 0) != votes.Yes {
		t.Errorf("CONGO read as %v for the Republic of the Congo, want yes", ds.Vote(cog, 0))
	}
	_, err = votes.Read(strings.NewReader(strings.Replace(line, `["CONGO"]`, `["KOREA"]`, 1)))
	var amb *votes.AmbiguousCountryError
	if !errors.As(err, &amb) || len(amb.Candidates) != 2 {
		t.Errorf("KOREA: err = %v, want an AmbiguousCountryError with both Koreas", err)
	}
	var pe *votes.ParseError
	if !errors.As(err, &pe) || pe.Line != 1 {
		t.Errorf("KOREA: err = %v, want a ParseError on line 1", err)
	}
}
