package votes

import (
	"compress/gzip"
	"encoding/json"
	"errors"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"
)

// fixLine is a hand-made line of the UN's resolution data.
type fixLine struct {
	symbol, date, adoption string
	yes, no, abstain       []string
	counts                 []string // yes, no, abstain; "" counts the list
	sponsors               []string
}

func (f fixLine) String() string {
	if f.date == "" {
		f.date = "15\u00a0December 2022"
	}
	if f.adoption == "" {
		f.adoption = "By a recorded vote"
	}
	lists := [][]string{f.yes, f.no, f.abstain}
	counts := make([]string, 3)
	for k := range counts {
		if k < len(f.counts) && f.counts[k] != "" {
			counts[k] = f.counts[k]
		} else if f.adoption == "Without a vote" {
			counts[k] = "N.A."
		} else {
			counts[k] = strconv.Itoa(len(lists[k]))
		}
		if lists[k] == nil {
			lists[k] = []string{}
		}
	}
	if f.sponsors == nil {
		f.sponsors = []string{}
	}
	b, _ := json.Marshal(map[string]any{
		"symbol": f.symbol, "pv": "A/77/PV.55", "title": "A title", "session": "Seventy-seventh session",
		"adoption_date": f.date, "originating_document": "A/77/L.1", "committee": "Third Committee",
		"agenda_item": "Agenda item 1", "agenda_item_name": "An item", "adoption_type": f.adoption,
		"MS_in_favour": lists[0], "MS_against": lists[1], "MS_abstaining": lists[2],
		"MS_in_favour_count": counts[0], "MS_against_count": counts[1], "MS_abstaining_count": counts[2],
		"sponsors": f.sponsors, "additional_sponsors": []string{},
		"subjects": [][]string{{"CRIMEA (UKRAINE)", "UNBIS Thesaurus"}}, "SDGs": []string{"16"},
	})
	return string(b)
}

func fixture(lines ...fixLine) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// testParse parses src with r's policy and limits, and adds what it
// skipped and repaired to r, as a read does.
func testParse(r *Reader, src io.Reader, file string) (*unxmlResult, error) {
	p := &problems{lenient: r.Lenient, keep: defaultMaxSkipped, keepRepaired: defaultMaxSkipped}
	res, err := parseUNXML(src, file, r.limits().Line, p)
	r.Skipped, r.SkippedRows = append(r.Skipped, p.skipped...), r.SkippedRows+p.skippedRows
	r.Repaired, r.RepairedRows = append(r.Repaired, p.repaired...), r.RepairedRows+p.repairedRows
	return res, err
}

func readUNXMLString(t *testing.T, r *Reader, s string) (*unxmlResult, error) {
	t.Helper()
	return testParse(r, strings.NewReader(s), "fixture.jsonl")
}

// readUNXMLFile reads one of the real files leniently.
func readUNXMLFile(t *testing.T, name string) (*unxmlResult, *Reader) {
	t.Helper()
	f, err := os.Open("../testdata/unxml/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	r := &Reader{Lenient: true}
	res, err := testParse(r, zr, name)
	if err != nil {
		t.Fatal(err)
	}
	return res, r
}

func repairsWith(r *Reader, target error) []*ParseError {
	var out []*ParseError
	for _, p := range r.Repaired {
		if errors.Is(p, target) {
			out = append(out, p)
		}
	}
	return out
}

func TestUNXMLRepeatedLineSameVotes(t *testing.T) {
	l := fixLine{symbol: "A/RES/77/229", yes: []string{"UKRAINE"}, no: []string{"RUSSIAN FEDERATION"}, abstain: []string{"SERBIA"}}
	var r Reader
	res, err := readUNXMLString(t, &r, fixture(l, l))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.records) != 1 {
		t.Fatalf("%d roll calls, want 1", len(res.records))
	}
	if p := repairsWith(&r, ErrDuplicateRollCall); len(p) != 1 || p[0].Line != 2 || !strings.Contains(p[0].Error(), "line 1") {
		t.Errorf("repairs %v, want one on line 2 naming line 1", r.Repaired)
	}
	if a := res.adoptions; len(a) != 1 || a[0].RecordedVote != 1 {
		t.Errorf("adoptions %+v, want one recorded vote", a)
	}
}

func TestUNXMLRepeatedLineOtherVotes(t *testing.T) {
	a := fixLine{symbol: "A/RES/77/229", yes: []string{"UKRAINE"}, no: []string{"RUSSIAN FEDERATION"}, abstain: []string{"SERBIA"}}
	b := a
	b.no, b.abstain = []string{"RUSSIAN FEDERATION", "SERBIA"}, nil
	_, err := readUNXMLString(t, new(Reader), fixture(a, b))
	var pe *ParseError
	if !errors.As(err, &pe) || !errors.Is(err, ErrConflict) || pe.Line != 2 || !strings.Contains(err.Error(), "line 1 and line 2") {
		t.Fatalf("err = %v, want ErrConflict on line 2 naming lines 1 and 2", err)
	}
	r := &Reader{Lenient: true}
	res, err := readUNXMLString(t, r, fixture(a, b))
	if err != nil || len(res.records) != 1 || r.SkippedRows != 1 {
		t.Fatalf("lenient: err %v, %d roll calls, %d skipped; want the first line read and the second skipped", err, len(res.records), r.SkippedRows)
	}
}

func TestUNXMLRepeatedNames(t *testing.T) {
	l := fixLine{symbol: "A/RES/75/290 A", date: "25 June 2021", yes: []string{"UKRAINE", "FRANCE", "UKRAINE", "FRANCE"}, counts: []string{"2"}}
	var r Reader
	res, err := readUNXMLString(t, &r, fixture(l))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(res.records[0].votes); n != 2 {
		t.Errorf("%d votes, want 2", n)
	}
	if p := repairsWith(&r, ErrRepeatedName); len(p) != 1 || p[0].Field != "MS_in_favour" {
		t.Errorf("repairs %v, want one ErrRepeatedName in MS_in_favour", r.Repaired)
	}
	if p := repairsWith(&r, ErrCountMismatch); len(p) != 0 {
		t.Errorf("count repairs %v: the count agrees once the names are read once", p)
	}
}

func TestUNXMLCountMismatch(t *testing.T) {
	l := fixLine{symbol: "A/RES/77/293", date: "30 June 2023", yes: []string{"UKRAINE"}, abstain: []string{"SERBIA", "INDIA"}, counts: []string{"", "", "3"}}
	var r Reader
	res, err := readUNXMLString(t, &r, fixture(l))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(res.records[0].votes); n != 3 {
		t.Errorf("%d votes, want the 3 listed", n)
	}
	if p := repairsWith(&r, ErrCountMismatch); len(p) != 1 || p[0].Field != "MS_abstaining_count" {
		t.Errorf("repairs %v, want one ErrCountMismatch in MS_abstaining_count", r.Repaired)
	}
}

func TestUNXMLRecordedWithoutLists(t *testing.T) {
	l := fixLine{symbol: "A/RES/75/254 A-C", date: "31 December 2020", counts: []string{"168", "2", "0"}}
	_, err := readUNXMLString(t, new(Reader), fixture(l))
	if !errors.Is(err, ErrNoVotes) {
		t.Fatalf("strict: err = %v, want ErrNoVotes", err)
	}
	r := &Reader{Lenient: true}
	res, err := readUNXMLString(t, r, fixture(l, fixLine{symbol: "A/RES/75/255", date: "31 December 2020", adoption: "Without a vote"}))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.records) != 0 || r.SkippedRows != 1 || r.Skipped[0].Line != 1 {
		t.Errorf("%d roll calls, skipped %v; want none and line 1 skipped", len(res.records), r.Skipped)
	}
	if a := res.adoptions; len(a) != 1 || a[0] != (Adoption{Session: 75, RecordedVote: 1, WithoutVote: 1}) {
		t.Errorf("adoptions %+v, want 75: 1 recorded, 1 without a vote", a)
	}
}

func TestUNXMLStateOnTwoLists(t *testing.T) {
	l := fixLine{symbol: "A/RES/77/229", yes: []string{"SERBIA"}, abstain: []string{"SERBIA"}}
	_, err := readUNXMLString(t, new(Reader), fixture(l))
	var pe *ParseError
	if !errors.As(err, &pe) || !errors.Is(err, ErrDuplicateVote) || pe.Field != "MS_abstaining" || pe.Line != 1 {
		t.Fatalf("err = %v, want ErrDuplicateVote in MS_abstaining on line 1", err)
	}
}

func TestUNXMLUnknownName(t *testing.T) {
	l := fixLine{symbol: "A/RES/77/229", yes: []string{"UKRAINE", "FREEDONIA"}}
	_, err := readUNXMLString(t, new(Reader), fixture(fixLine{symbol: "A/RES/77/1", adoption: "Without a vote"}, l))
	var pe *ParseError
	if !errors.As(err, &pe) || !errors.Is(err, ErrUnknownCountry) || pe.Line != 2 || pe.Field != "MS_in_favour" {
		t.Fatalf("err = %v, want ErrUnknownCountry in MS_in_favour on line 2", err)
	}
}

func TestUNXMLSponsors(t *testing.T) {
	l := fixLine{symbol: "A/RES/77/229", yes: []string{"UKRAINE"}, sponsors: []string{
		"UKRAINE", "CUBA (ON BEHALF OF THE STATES MEMBERS OF THE UNITED NATIONS THAT ARE MEMBERS OF THE GROUP OF 77 AND CHINA)",
		"Austria, Trinidad and Tobago and United Kingdom of Great Britain and Northern Ireland",
		"Cuba (on behalf of the States Members of the United Nations that are members of the Movement of Non-Aligned Countries) and Russian Federation",
		"SUBMITTED BY THE CHAIR OF THE COMMITTEE", "STATE OF PALESTINE", "GE RMANY"}}
	var r Reader
	res, err := readUNXMLString(t, &r, fixture(l))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range res.records[0].sponsors {
		got = append(got, c.ISO3)
	}
	if want := "UKR CUB AUT TTO GBR RUS"; strings.Join(got, " ") != want {
		t.Errorf("sponsors %v, want %s", got, want)
	}
	if o := res.records[0].otherSponsors; len(o) != 3 {
		t.Errorf("other sponsors %q, want the chair, Palestine and the broken name", o)
	}
	// Only the broken name is reported: organs and observers are sponsors
	// that are not states by nature.
	if p := repairsWith(&r, ErrUnknownCountry); len(p) != 1 || !strings.Contains(p[0].Error(), "GE RMANY") {
		t.Errorf("repairs %v, want one for \"GE RMANY\"", r.Repaired)
	}
}

func TestUNXMLLineLimit(t *testing.T) {
	r := &Reader{MaxLineBytes: 100}
	_, err := readUNXMLString(t, r, fixture(fixLine{symbol: "A/RES/77/1", adoption: "Without a vote"}))
	if !errors.Is(err, ErrLimit) {
		t.Fatalf("err = %v, want ErrLimit", err)
	}
}

func TestUNXMLBadJSON(t *testing.T) {
	good := fixLine{symbol: "A/RES/77/1", adoption: "Without a vote"}.String()
	for _, tc := range []struct{ in, field string }{
		{good + "\n{\"symbol\": ", ""},
		{good + "\n{\"symbol\": 3}", "symbol"},
		{good + "\n{\"symbol\": \"A/RES/77/2\", \"adoption_date\": \"31 Febtember 2022\", \"adoption_type\": \"Without a vote\"}", "adoption_date"},
		{good + "\n{\"symbol\": \"S/RES/2334\"}", "symbol"},
	} {
		_, err := readUNXMLString(t, new(Reader), tc.in)
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Line != 2 || pe.Field != tc.field {
			t.Errorf("%q: err = %v, want a ParseError on line 2 in %q", tc.in, err, tc.field)
		}
	}
}

// The real files: each defect the testdata/README.md lists, as it is there.
func TestUNXMLRealDefects(t *testing.T) {
	res, r := readUNXMLFile(t, "79.jsonl.gz")
	if p := repairsWith(r, ErrDuplicateRollCall); len(p) != 36 {
		t.Errorf("79: %d repeated lines, want 36", len(p))
	}
	if len(res.records) != 113 {
		t.Errorf("79: %d roll calls, want 113 (132 lines by a recorded vote, 19 of them repeats)", len(res.records))
	}
	res, r = readUNXMLFile(t, "80.jsonl.gz")
	var syms []string
	for _, p := range repairsWith(r, ErrDuplicateRollCall) {
		syms = append(syms, strings.Fields(strings.SplitN(strings.TrimPrefix(p.Err.Error(), "votes: "), ": ", 2)[1])[0])
	}
	if strings.Join(syms, " ") != "A/RES/80/144 A/RES/80/131 A/RES/80/64" {
		t.Errorf("80: repeated %v, want 80/144, 80/131, 80/64", syms)
	}
	if len(res.records) != 166 {
		t.Errorf("80: %d roll calls, want 166", len(res.records))
	}

	res, r = readUNXMLFile(t, "75.jsonl.gz")
	if p := repairsWith(r, ErrRepeatedName); len(p) != 2 || !strings.Contains(p[0].Error(), "A/RES/75/290 A lists 180 names, 90 of them again") ||
		!strings.Contains(p[1].Error(), "94 names, 47 of them again") {
		t.Errorf("75: repeated names %v", p)
	}
	if r.SkippedRows != 1 || !errors.Is(r.Skipped[0], ErrNoVotes) || !strings.Contains(r.Skipped[0].Error(), "A/RES/75/254 A-C") {
		t.Errorf("75: skipped %v, want A/RES/75/254 A-C without lists", r.Skipped)
	}
	for _, rec := range res.records {
		if rec.symbol == "A/RES/75/290 A" {
			n := [4]int{}
			for _, v := range rec.votes {
				n[v]++
			}
			if n[Yes] != 90 || n[Abstain] != 47 {
				t.Errorf("75/290 A: %d yes, %d abstain; want 90, 47", n[Yes], n[Abstain])
			}
		}
	}
	if len(res.records) != 99 {
		t.Errorf("75: %d roll calls, want 99", len(res.records))
	}

	_, r = readUNXMLFile(t, "77.jsonl.gz")
	if p := repairsWith(r, ErrCountMismatch); len(p) != 1 || !strings.Contains(p[0].Error(), "A/RES/77/293 counts 59, lists 58") {
		t.Errorf("77: count repairs %v", p)
	}

	// Strictly, 75.json fails on A/RES/75/254 A-C, its line 261.
	f, _ := os.Open("../testdata/unxml/75.jsonl.gz")
	defer f.Close()
	zr, _ := gzip.NewReader(f)
	_, err := testParse(new(Reader), zr, "75.jsonl.gz")
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Line != 261 || !errors.Is(err, ErrNoVotes) {
		t.Errorf("strict 75: err = %v, want ErrNoVotes on line 261", err)
	}
	_ = io.EOF
}

// Every name of the three lists in all nine files resolves: a strict read
// of each file other than 75.json succeeds.
func TestUNXMLAllNamesResolve(t *testing.T) {
	for _, name := range []string{"74", "76", "77", "78", "79", "80", "ES-10", "ES-11"} {
		f, err := os.Open("../testdata/unxml/" + name + ".jsonl.gz")
		if err != nil {
			t.Fatal(err)
		}
		zr, _ := gzip.NewReader(f)
		if _, err := testParse(new(Reader), zr, name); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		f.Close()
	}
}

// FuzzReadUNXML checks that no input makes the parser panic, and that
// every error it returns is positioned.
func FuzzReadUNXML(f *testing.F) {
	for _, name := range []string{"80.jsonl.gz", "75.jsonl.gz"} {
		fh, err := os.Open("../testdata/unxml/" + name)
		if err != nil {
			f.Fatal(err)
		}
		zr, _ := gzip.NewReader(fh)
		b, _ := io.ReadAll(zr)
		fh.Close()
		lines := strings.SplitAfter(string(b), "\n")
		f.Add(lines[0])
		f.Add(lines[0] + lines[1])
		f.Add(lines[len(lines)/2])
	}
	f.Add(fixture(fixLine{symbol: "A/RES/77/229", yes: []string{"SERBIA"}, abstain: []string{"SERBIA"}}))
	f.Add("{\"symbol\": \"A/RES/1/1\", \"adoption_date\": \"1 January 1946\"}\n")
	f.Add("{\"symbol\": ")
	f.Add("\n\n{}\n")
	f.Add("[1,2,3]\n")
	f.Fuzz(func(t *testing.T, in string) {
		r := &Reader{Lenient: len(in)%2 == 0, MaxLineBytes: 1 << 16}
		_, err := testParse(r, strings.NewReader(in), "fuzz")
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line < 1 {
				t.Fatalf("error without a position: %v", err)
			}
		}
		for _, p := range append(r.Skipped, r.Repaired...) {
			if p.Line < 1 {
				t.Fatalf("problem without a line: %v", p)
			}
		}
	})
}
