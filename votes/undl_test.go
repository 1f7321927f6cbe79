package votes_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/unga-go/unga/internal/testenv"
	"github.com/unga-go/unga/votes"
)

// The UN Digital Library fixtures (testdata/undl, see its README) are made
// by hand from the header and example row in the data notes: the same 29
// rows in the 2025 layout and in the 2026 layout, which adds vote_note.

func readFixture(tb testing.TB, name string) *votes.Dataset {
	tb.Helper()
	d, err := votes.ReadFile(name)
	if err != nil {
		tb.Fatalf("ReadFile(%s): %v", name, err)
	}
	return d
}

func TestUNDLRollCalls(t *testing.T) {
	link := func(id string) string { return "https://digitallibrary.un.org/record/" + id }
	// Expected values read off the fixture rows.
	want := []votes.RollCall{
		{ID: 100001, Session: 44, Date: day("1989-12-15"), Resolution: "A/RES/44/999", RawResolution: "A/RES/44/999",
			Title: "Old record before unification, with a comma", Draft: "A/44/L.99", Meeting: "A/44/PV.82",
			AgendaTitle: "Agenda", Subjects: "SUBJECTS", Link: link("100001"),
			Totals: votes.Tally{Yes: 150, No: 2, Abstain: 3, NonVoting: 4, Members: 159}, HasTotals: true},
		{ID: 100002, Session: 46, Date: day("1991-10-10"), Resolution: "A/RES/46/999", RawResolution: "A/RES/46/999",
			Title: "Old record after unification", Draft: "A/46/L.99", Meeting: "A/46/PV.30",
			AgendaTitle: "Agenda", Subjects: "SUBJECTS", Link: link("100002"),
			Totals: votes.Tally{Yes: 160, No: 0, Abstain: 1, NonVoting: 5, Members: 166}, HasTotals: true},
		// ES-11 met on 2 March 2022, during the 76th regular session.
		{ID: 3959039, Session: 76, Special: "ES-11", Date: day("2022-03-02"), Resolution: "A/RES/ES-11/1", RawResolution: "A/RES/ES-11/1",
			Title: "Aggression against Ukraine : resolution / adopted by the General Assembly", Draft: "A/ES-11/L.1", Meeting: "A/ES-11/PV.5",
			AgendaTitle: "Letter dated 28 February 2014 from the Permanent Representative of Ukraine",
			Subjects:    "UKRAINE--POLITICAL CONDITIONS; RUSSIAN FEDERATION--ARMED FORCES", Link: link("3959039"),
			Totals: votes.Tally{Yes: 141, No: 5, Abstain: 35, NonVoting: 12, Members: 193}, HasTotals: true},
		// ES-10 resumed on 27 October 2023, during the 78th.
		{ID: 4025240, Session: 78, Special: "ES-10", Date: day("2023-10-27"), Resolution: "A/RES/ES-10/21", RawResolution: "A/RES/ES-10/21",
			Title: "Protection of civilians and upholding legal and humanitarian obligations : resolution / adopted by the General Assembly",
			Draft: "A/ES-10/L.25", Meeting: "A/ES-10/PV.41", AgendaTitle: "Illegal Israeli actions",
			Subjects: "TERRITORIES OCCUPIED BY ISRAEL--SETTLEMENT POLICY", Link: link("4025240"),
			Totals: votes.Tally{Yes: 120, No: 14, Abstain: 45, NonVoting: 14, Members: 193}, HasTotals: true},
		{ID: 4000001, Session: 78, Date: day("2023-12-19"), Resolution: "A/RES/78/999", RawResolution: "A/RES/78/999",
			Title: `Cooperation, "good-neighbourliness" and stability in South-East Europe : resolution / adopted by the General Assembly`,
			Draft: "A/78/L.99", CommitteeReport: "A/78/999", Meeting: "A/78/PV.50",
			AgendaTitle: `Maintenance of international peace and security, including "regional" aspects`,
			Subjects:    "SOUTH-EASTERN EUROPE--REGIONAL COOPERATION", Link: link("4000001"),
			Totals: votes.Tally{Yes: 100, No: 2, Abstain: 50, NonVoting: 41, Members: 193}, HasTotals: true},
	}
	for _, name := range []string{"../testdata/undl/undl_2025.csv", "../testdata/undl/undl_2026.csv"} {
		d := readFixture(t, name)
		if diff := cmp.Diff(want, collectRollCalls(d), timeEqual); diff != "" {
			t.Errorf("%s: roll calls (-want +got):\n%s", name, diff)
		}
	}
}

func TestUNDLVotes(t *testing.T) {
	type cell struct {
		id   int
		cow  int
		vote votes.Vote
	}
	// COW codes: SRB "SERBIA" and YUG "YUGOSLAVIA" are 345, "RUSSIAN
	// FEDERATION" and SUN 365, "BOSNIA AND HERZEGOVINA" 346; DEU is the
	// Federal Republic (260) in 1989 and Germany (255) in 1991, YEM the
	// Yemen Arab Republic (678) then Yemen (679), CHN in 2022 China (710).
	want := []cell{
		{100001, 260, votes.Yes}, {100001, 265, votes.No}, {100001, 678, votes.Abstain}, {100001, 345, votes.Yes}, {100001, 365, votes.No},
		{100002, 255, votes.Yes}, {100002, 679, votes.Yes}, {100002, 345, votes.Abstain}, {100002, 365, votes.Yes},
		{3959039, 370, votes.No}, {3959039, 346, votes.Yes}, {3959039, 710, votes.Abstain}, {3959039, 365, votes.No},
		{3959039, 345, votes.Yes}, {3959039, 369, votes.Yes}, {3959039, 101, votes.Absent},
		{4025240, 700, votes.Yes}, {4025240, 346, votes.Abstain}, {4025240, 365, votes.Yes}, {4025240, 345, votes.Yes},
		{4025240, 2, votes.No}, {4025240, 341, votes.Absent}, {4025240, 369, votes.Absent},
		{4000001, 339, votes.Yes}, {4000001, 346, votes.Yes}, {4000001, 344, votes.Yes}, {4000001, 365, votes.No},
		{4000001, 345, votes.Abstain}, {4000001, 343, votes.Absent},
	}
	for _, name := range []string{"../testdata/undl/undl_2025.csv", "../testdata/undl/undl_2026.csv"} {
		d := readFixture(t, name)
		var got []cell
		for j, rc := range d.RollCalls() {
			for i, c := range d.Countries() {
				if v := d.Vote(i, j); v != votes.NoRecord {
					got = append(got, cell{rc.ID, c.COW, v})
				}
			}
		}
		less := func(a, b cell) bool { return a.id < b.id || a.id == b.id && a.cow < b.cow }
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(cell{}), cmpSortSlices(less)); diff != "" {
			t.Errorf("%s: votes (-want +got):\n%s", name, diff)
		}
		// 18 states in all (COW 345 and 365 under several names).
		if d.NumCountries() != 18 {
			t.Errorf("%s: %d states, want 18", name, d.NumCountries())
		}
		srb, err := d.CountryIndex("SRB")
		if err != nil {
			t.Fatal(err)
		}
		if c := d.Country(srb); c.COW != 345 || c.NameOn(day("1989-12-15")) != "Yugoslavia" {
			t.Errorf("SRB is %v (COW %d)", c, c.COW)
		}
	}

	// Notes come only with the 2026 layout.
	d25 := readFixture(t, "../testdata/undl/undl_2025.csv")
	d26 := readFixture(t, "../testdata/undl/undl_2026.csv")
	notes := map[string]string{}
	for i, c := range d26.Countries() {
		for j := range d26.NumRollCalls() {
			if n := d26.Note(i, j); n != "" {
				notes[c.ISO3] = n
			}
			if n := d25.Note(i, j); n != "" {
				t.Errorf("2025 layout: note %q", n)
			}
		}
	}
	wantNotes := map[string]string{
		"SRB": `Subsequently advised the Secretariat that it had intended to vote "yes", not to abstain`,
		"VEN": "Non-voting: Article 19",
	}
	if diff := cmp.Diff(wantNotes, notes); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
	// Apart from the notes, both layouts give the same dataset.
	if diff := cmp.Diff(collectRollCalls(d25), collectRollCalls(d26), timeEqual); diff != "" {
		t.Errorf("layouts differ (-2025 +2026):\n%s", diff)
	}
}

func TestUNDLFilters(t *testing.T) {
	d := readFixture(t, "../testdata/undl/undl_2026.csv")
	for _, tc := range []struct {
		name string
		f    votes.Filter
		ids  []int
	}{
		{"ES-11", votes.Special("ES-11"), []int{3959039}},
		{"es-10", votes.Special("es-10"), []int{4025240}},
		{"any special", votes.Special(""), []int{3959039, 4025240}},
		{"session 78", votes.InSessions(78, 78), []int{4025240, 4000001}},
		{"symbol", votes.Resolutions("A/RES/ES-11/1"), []int{3959039}},
	} {
		var got []int
		for _, rc := range d.Filter(tc.f).RollCalls() {
			got = append(got, rc.ID)
		}
		if diff := cmp.Diff(tc.ids, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tc.name, diff)
		}
	}
}

func TestUNDLDetectFormat(t *testing.T) {
	for name, want := range map[string]votes.Format{
		"../testdata/undl/undl_2025.csv": votes.FormatUNDL,
		"../testdata/undl/undl_2026.csv": votes.FormatUNDL,
	} {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		header := splitHeader(b)
		if got := votes.DetectFormat(header); got != want {
			t.Errorf("%s: %v, want %v", name, got, want)
		}
	}
}

// The Digital Library's fast path reads exactly what reading every row in
// full reads, on a file of realistic size with a note on every 97th row.
func TestUNDLFastPath(t *testing.T) {
	var raw []byte
	if testenv.Quick(t) {
		raw = undlFrom(unvotesData(t).Filter(votes.InSessions(71, 74)))
	} else {
		raw = undlFromUnvotes(t)
	}
	var withNotes bytes.Buffer
	written := 0
	for i, line := range bytes.SplitAfter(raw, []byte("\n")) {
		if i%97 == 5 {
			// vote_note is the 14th column, empty in the generated rows.
			line = bytes.Replace(line, []byte("SUBJECTS,,"), []byte("SUBJECTS,a note,"), 1)
			written++
		}
		withNotes.Write(line)
	}
	want, err := votes.ReadRowByRow(bytes.NewReader(withNotes.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	got, err := votes.Read(bytes.NewReader(withNotes.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if d := diffDatasets(want, got); d != "" {
		t.Fatal(d)
	}
	notes := 0
	for i := range got.NumCountries() {
		for j := range got.NumRollCalls() {
			if got.Note(i, j) != "" {
				notes++
			}
		}
	}
	if notes != written || written < 600 {
		t.Errorf("%d notes read, %d written", notes, written)
	}
}
