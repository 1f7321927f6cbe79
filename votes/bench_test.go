package votes_test

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/unga-go/unga/votes"
)

// BenchmarkLoadUnvotes reads the three unvotes files, already decompressed
// in memory, into a dataset.
func BenchmarkLoadUnvotes(b *testing.B) {
	raw := rawUnvotes(b)
	b.SetBytes(int64(len(raw.votes) + len(raw.rollCalls) + len(raw.issues)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := votes.ReadUnvotes(bytes.NewReader(raw.votes), bytes.NewReader(raw.rollCalls), bytes.NewReader(raw.issues)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadVoeten reads Voeten's 2016 file, decompressed in memory.
func BenchmarkLoadVoeten(b *testing.B) {
	raw := rawVoeten(b)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := votes.Read(bytes.NewReader(raw)); err != nil {
			b.Fatal(err)
		}
	}
}

// undlFromUnvotes builds a UN Digital Library file (2026 layout) with the
// records of the unvotes data from session 50 on: one row per state and
// roll call, as the Library publishes them, blank where unvotes has no vote,
// titles quoted. About 450,000 rows, 112 MB.
func undlFromUnvotes(tb testing.TB) []byte {
	tb.Helper()
	return undlFrom(unvotesData(tb).Filter(votes.InSessions(50, 74)))
}

// undlFrom writes d in the Digital Library's layout.
func undlFrom(d *votes.Dataset) []byte {
	var buf bytes.Buffer
	buf.WriteString("undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,committee_report,meeting,title,agenda_title,subjects,vote_note,total_yes,total_no,total_abstentions,total_non_voting,total_ms,undl_link\n")
	code := map[votes.Vote]string{votes.Yes: "Y", votes.No: "N", votes.Abstain: "A", votes.NoRecord: ""}
	for j, rc := range d.RollCalls() {
		t := d.Tally(j)
		id := 1000000 + rc.ID
		title := strings.ReplaceAll(rc.Short, `"`, `""`)
		for i, c := range d.Countries() {
			if c.ISO3 == "" {
				continue
			}
			v := d.Vote(i, j)
			fmt.Fprintf(&buf, "%d,%s,%s,%s,%s,%d,%s,A/%d/L.%d,,A/%d/PV.%d,\"%s : resolution / adopted by the General Assembly\",\"Agenda item, %d\",SUBJECTS,,%d.0,%d.0,%d.0,%d.0,%d.0,https://digitallibrary.un.org/record/%d\n",
				id, c.ISO3, strings.ToUpper(c.Name), code[v], rc.Date.Format("2006-01-02"), rc.Session, rc.Resolution,
				rc.Session, j, rc.Session, j, title, j, t.Yes, t.No, t.Abstain, 193-t.Yes-t.No-t.Abstain, 193, id)
		}
	}
	return buf.Bytes()
}

// BenchmarkReadUNDL reads a synthetic Digital Library file of realistic
// size built from the unvotes data.
func BenchmarkReadUNDL(b *testing.B) {
	raw := undlFromUnvotes(b)
	d, err := votes.Read(bytes.NewReader(raw))
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%d rows, %d MB, %d roll calls, %d states", bytes.Count(raw, []byte("\n"))-1, len(raw)>>20, d.NumRollCalls(), d.NumCountries())
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := votes.Read(bytes.NewReader(raw)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWrite writes the full unvotes record in the canonical layout.
func BenchmarkWrite(b *testing.B) {
	d := unvotesData(b)
	var buf bytes.Buffer
	if err := votes.Write(&buf, d); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	for b.Loop() {
		if err := votes.Write(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}
