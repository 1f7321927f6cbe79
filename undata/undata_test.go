package undata_test

import (
	"errors"
	"fmt"
	"io/fs"
	"testing"
	"time"

	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
)

// fromSource keeps the roll calls of one source.
func fromSource(src string) votes.Filter {
	return func(d *votes.Dataset, j int) bool { return d.RollCall(j).Source == src }
}

func ExampleLoad() {
	ds, err := undata.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	first, last := ds.Span()
	fmt.Println(ds.NumCountries(), "states,", ds.NumRollCalls(), "roll calls")
	fmt.Println(first.Format("2006-01-02"), "to", last.Format("2006-01-02"))
	for _, src := range []string{undata.SourceUnvotes, undata.SourceUN} {
		part := ds.Filter(fromSource(src))
		first, last := part.Span()
		fmt.Printf("%s: %d roll calls, %s to %s\n", src, part.NumRollCalls(), first.Format("2006-01-02"), last.Format("2006-01-02"))
	}
	// Output:
	// 200 states, 6843 roll calls
	// 1946-01-01 to 2026-06-04
	// unvotes 0.3.0: 6203 roll calls, 1946-01-01 to 2020-01-14
	// UN resolution data: 640 roll calls, 2020-11-05 to 2026-06-04
}

// A record that ended with session 74, extended with a newer file of the
// UN's resolution data (here that of session 75; a file of session 81 is
// joined the same way). The lenient reader reports what the file gets
// wrong, and Join what it matched and added.
func Example_extend() {
	rec, err := undata.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	rec = rec.Filter(votes.InSessions(1, 74))

	r := &votes.Reader{Lenient: true, Source: undata.SourceUN}
	newer, err := r.ReadFile("../testdata/unxml/75.jsonl.gz")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.SkippedRows, "left out:", r.Skipped[0].Err)
	fmt.Println(r.RepairedRows, "repaired")

	rec, rep, err := votes.Join(rec, newer)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rep)
	fmt.Println(rec.NumRollCalls(), "roll calls, sessions", rec.Sessions()[0], "to", rec.Sessions()[len(rec.Sessions())-1])
	// Output:
	// 1 left out: votes: no votes listed: A/RES/75/254 A-C is adopted by a recorded vote (counted 168-2-0) but lists no state; left out
	// 2 repaired
	// 0 matched, 99 added, 0 conflicts
	// 6302 roll calls, sessions 1 to 75
}

// TestLoad holds the record's figures: the roll calls of each source
// (6,203 in unvotes 0.3.0, testdata/README.md; 730 recorded votes read from the
// UN's nine files, of which the 90 of session 74 are in unvotes too), the
// sessions, and the last date (A/RES/80/... adopted 4 June 2026 in 80.json).
func TestLoad(t *testing.T) {
	ds := load(t, corrected)
	for _, tc := range []struct {
		src  string
		n    int
		last string
	}{{undata.SourceUnvotes, 6203, "2020-01-14"}, {undata.SourceUN, 730 - 90, "2026-06-04"}} {
		part := ds.Filter(fromSource(tc.src))
		_, last := part.Span()
		if part.NumRollCalls() != tc.n || last.Format(time.DateOnly) != tc.last {
			t.Errorf("%s: %d roll calls to %s, want %d to %s", tc.src, part.NumRollCalls(), last.Format(time.DateOnly), tc.n, tc.last)
		}
	}
	if n := ds.NumRollCalls(); n != 6203+640 {
		t.Errorf("%d roll calls, want %d", n, 6203+640)
	}
	sessions := ds.Sessions()
	if len(sessions) != 80 || sessions[0] != 1 || sessions[79] != 80 {
		t.Errorf("sessions %v, want 1-80", sessions)
	}
	// Session 80 has its 166 roll calls (the recorded votes of 80.json
	// less its three repeated lines, votes' tests), the emergency special
	// sessions ES-10 (3) and ES-11 (6) theirs.
	specials := map[string]int{}
	for _, rc := range ds.RollCalls() {
		if rc.Special != "" && rc.Source == undata.SourceUN {
			specials[rc.Special]++
		}
	}
	if n := ds.Filter(votes.InSessions(80, 80)).NumRollCalls(); n != 166 || specials["ES-10"] != 3 || specials["ES-11"] != 6 {
		t.Errorf("session 80: %d roll calls, ES-10 %d, ES-11 %d; want 166, 3, 6", n, specials["ES-10"], specials["ES-11"])
	}
}

// On A/RES/77/229 (Crimea, 15 December 2022) Serbia abstained and Russia
// voted no (testdata/README.md, from 77.json); Bosnia and Herzegovina voted yes.
func TestCrimea2022(t *testing.T) {
	ds := load(t, corrected).Filter(votes.Resolutions("A/RES/77/229"))
	if ds.NumRollCalls() != 1 {
		t.Fatalf("%d roll calls on A/RES/77/229, want 1", ds.NumRollCalls())
	}
	if rc := ds.RollCall(0); rc.Date.Format(time.DateOnly) != "2022-12-15" || rc.Source != undata.SourceUN {
		t.Errorf("A/RES/77/229: %s, source %q", rc.Date.Format(time.DateOnly), rc.Source)
	}
	for key, want := range map[string]votes.Vote{"SRB": votes.Abstain, "RUS": votes.No, "BIH": votes.Yes, "UKR": votes.Yes} {
		i, err := ds.CountryIndex(key)
		if err != nil {
			t.Fatal(err)
		}
		if got := ds.Vote(i, 0); got != want {
			t.Errorf("%s on A/RES/77/229: %v, want %v", key, got, want)
		}
	}
}

func TestLoadFile(t *testing.T) {
	// An empty name is the embedded record: the 6,203 roll calls of
	// unvotes (testdata/scripts/counts.py) and the UN's 640 of 2020 on.
	ds, err := undata.LoadFile("")
	if err != nil || ds.NumRollCalls() != 6843 {
		t.Fatalf("LoadFile(\"\") = %d roll calls, %v; want 6843", ds.NumRollCalls(), err)
	}
	if _, err := undata.LoadFile("no/such/file.csv"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("LoadFile of a missing file: %v, want fs.ErrNotExist", err)
	}
}

func TestFiles(t *testing.T) {
	names, err := fs.Glob(undata.Files(), "*.csv.gz")
	if err != nil || len(names) != 3 {
		t.Errorf("embedded files %v, %v; want the three unvotes files", names, err)
	}
}

// BenchmarkLoad reads the embedded record, 1946-2026, from its snapshot.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := undata.Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadPublished parses the embedded unvotes files, 1946-2019.
func BenchmarkLoadPublished(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := undata.LoadPublished(); err != nil {
			b.Fatal(err)
		}
	}
}

// The record as published and as corrected: on A/RES/65/76 (rcid 5068) the
// UN's record has Greece voting no and Grenada yes.
func ExampleLoadPublished() {
	for _, load := range []func() (*votes.Dataset, error){undata.LoadPublished, undata.Load} {
		ds, err := load()
		if err != nil {
			fmt.Println(err)
			return
		}
		for j, rc := range ds.RollCalls() {
			if rc.ID == 5068 {
				grc, _ := ds.CountryIndex("GRC")
				grd, _ := ds.CountryIndex("GRD")
				fmt.Println(rc.Resolution, "Greece", ds.Vote(grc, j), "Grenada", ds.Vote(grd, j))
			}
		}
	}
	// Output:
	// A/RES/65/76 Greece yes Grenada no
	// A/RES/65/76 Greece no Grenada yes
}

func ExampleErrata() {
	for _, e := range undata.Errata() {
		fmt.Printf("%s and %s swapped on %d roll calls, from rcid %d to %d\n", e.A.ISO3, e.B.ISO3, len(e.RollCalls), e.RollCalls[0], e.RollCalls[len(e.RollCalls)-1])
	}
	// Output:
	// GRC and GRD swapped on 28 roll calls, from rcid 5052 to 5109
}
