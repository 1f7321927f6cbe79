package votes_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/unga-go/unga/votes"
)

// TestWriteLong writes the embedded record in long form and reads it back
// with encoding/csv. The figures come from the unvotes files (Python's csv
// module): 870,109 rows in un_votes.csv; Yugoslavia (Serbia, YU) voted no on
// rcid 9075, A/RES/74/17 of 2019-12-09, in session 74, which has no issue
// code; Namibia has 2,455 rows, its country_code written NA; rcid 5309
// (A/RES/68/262 of 2014-03-27) has 169 rows: 100-11-58.
func TestWriteLong(t *testing.T) {
	ds := unvotesData(t)
	var buf bytes.Buffer
	if err := votes.WriteLong(&buf, ds); err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(&buf)
	r.ReuseRecord = true
	header, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"rcid", "session", "date", "year", "resolution", "iso3", "cow", "name", "vote", "issues",
		"committee", "agenda_item", "subjects", "sdgs", "sponsor", "other_sponsors", "source"}
	if !slices.Equal(header, want) {
		t.Fatalf("header %v, want %v", header, want)
	}
	rows, namibia, r5309 := 0, 0, 0
	var serbia []string
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		rows++
		if rec[6] == "565" {
			namibia++
			if rec[5] != "NAM" || rec[7] != "Namibia" {
				t.Fatalf("Namibia's row %v", rec)
			}
		}
		if rec[0] == "9075" && rec[6] == "345" {
			serbia = slices.Clone(rec)
		}
		if rec[0] == "5309" {
			r5309++
		}
		if rec[5] == "" && rec[6] != "260" && rec[6] != "678" && rec[6] != "511" {
			t.Fatalf("row without iso3: %v", rec)
		}
	}
	if rows != 870109 {
		t.Errorf("%d rows, want 870109", rows)
	}
	if namibia != 2455 {
		t.Errorf("%d rows for Namibia, want 2455", namibia)
	}
	if r5309 != 100+11+58 {
		t.Errorf("%d rows for rcid 5309, want 169", r5309)
	}
	if want := []string{"9075", "74", "2019-12-09", "2019", "A/RES/74/17", "SRB", "345", "Serbia", "no", "", "", "", "", "", "", "", ""}; !slices.Equal(serbia, want) {
		t.Errorf("Serbia on rcid 9075: %v, want %v", serbia, want)
	}
}

// TestWriteLongFields checks the fields of a few rows against the source
// files (Python's csv module on the three unvotes files): rcid 5309 is
// R/68/262 (A/RES/68/262), session 68, 2014-03-27, no issue code, Russia no,
// Ukraine yes, Cote d'Ivoire no row (unvotes records no absences, so no
// line); rcid 5558 is A/RES/72/190 of 2017-12-19, session 72, coded hr,
// Russia no, Ukraine yes, Cote d'Ivoire abstain.
func TestWriteLongFields(t *testing.T) {
	ds := unvotesData(t)
	sub := ds.Filter(votes.Resolutions("A/RES/68/262", "A/RES/72/190")).SelectCountries(func(c votes.Country) bool {
		return c.ISO3 == "UKR" || c.ISO3 == "RUS" || c.ISO3 == "CIV"
	})
	var buf bytes.Buffer
	if err := votes.WriteLong(&buf, sub); err != nil {
		t.Fatal(err)
	}
	want := `rcid,session,date,year,resolution,iso3,cow,name,vote,issues,committee,agenda_item,subjects,sdgs,sponsor,other_sponsors,source
5309,68,2014-03-27,2014,A/RES/68/262,RUS,365,Russian Federation,no,,,,,,,,
5309,68,2014-03-27,2014,A/RES/68/262,UKR,369,Ukraine,yes,,,,,,,,
5558,72,2017-12-19,2017,A/RES/72/190,RUS,365,Russian Federation,no,hr,,,,,,,
5558,72,2017-12-19,2017,A/RES/72/190,UKR,369,Ukraine,yes,hr,,,,,,,
5558,72,2017-12-19,2017,A/RES/72/190,CIV,437,Cote d'Ivoire,abstain,hr,,,,,,,
`
	if got := buf.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// An empty dataset is the header alone; a writer's error is returned.
	buf.Reset()
	if err := votes.WriteLong(&buf, &votes.Dataset{}); err != nil || buf.String() != strings.SplitAfter(want, "\n")[0] {
		t.Errorf("empty dataset: %q, %v", buf.String(), err)
	}
	errWrite := errors.New("disk full")
	if err := votes.WriteLong(failWriter{errWrite}, ds); !errors.Is(err, errWrite) {
		t.Errorf("failing writer: %v, want %v", err, errWrite)
	}
}

type failWriter struct{ err error }

func (f failWriter) Write([]byte) (int, error) { return 0, f.err }

// BenchmarkWriteLong writes the whole embedded record (870,109 rows) in long
// form.
func BenchmarkWriteLong(b *testing.B) {
	ds := unvotesData(b)
	var n countWriter
	if err := votes.WriteLong(&n, ds); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		if err := votes.WriteLong(io.Discard, ds); err != nil {
			b.Fatal(err)
		}
	}
}

type countWriter int

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}
