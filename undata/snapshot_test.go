package undata_test

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
)

var update = flag.Bool("update", false, "rewrite record.snapshot from the source files")

// unxmlFiles are the UN's resolution data in the repository, in the order
// the record joins them.
var unxmlFiles = []string{"74", "75", "76", "77", "78", "79", "80", "ES-10", "ES-11"}

// build makes the record from its sources, as go generate does: the
// unvotes files embedded here, read with their Source, with the Errata,
// joined with each of the UN's files in
// turn. It returns the record, the Reader of the UN's files (its report of
// their defects) and the Join reports by file.
func build(t *testing.T) (*votes.Dataset, *votes.Reader, []*votes.JoinLog) {
	t.Helper()
	open := func(name string) fs.File {
		f, err := undata.Files().Open(name)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { f.Close() })
		return f
	}
	pub, err := (&votes.Reader{Source: undata.SourceUnvotes}).ReadUnvotes(
		open("un_votes.csv.gz"), open("un_roll_calls.csv.gz"), open("un_roll_call_issues.csv.gz"))
	if err != nil {
		t.Fatal(err)
	}
	var cs []votes.Correction
	for _, e := range undata.Errata() {
		cs = append(cs, e.Correction)
	}
	rec, err := pub.Correct(cs...)
	if err != nil {
		t.Fatal(err)
	}
	r := &votes.Reader{Lenient: true, Source: undata.SourceUN}
	var reps []*votes.JoinLog
	for _, name := range unxmlFiles {
		ds, err := r.ReadFile(filepath.Join("..", "testdata", "unxml", name+".jsonl.gz"))
		if err != nil {
			t.Fatal(err)
		}
		var rep *votes.JoinLog
		if rec, rep, err = votes.Join(rec, ds); err != nil {
			t.Fatal(err)
		}
		reps = append(reps, rep)
	}
	return rec, r, reps
}

// TestSnapshot checks that the embedded snapshot is the record built from
// the source files, byte for byte; with -update (go generate), it writes
// the snapshot instead.
func TestSnapshot(t *testing.T) {
	rec, r, reps := build(t)
	// What the build resolved and left out: one recorded vote without
	// lists (A/RES/75/254 A-C, testdata/README.md), no conflict with unvotes.
	if r.SkippedRows != 1 || !strings.Contains(r.Skipped[0].Error(), "A/RES/75/254 A-C") {
		t.Errorf("the UN's files: %d left out %v, want A/RES/75/254 A-C alone", r.SkippedRows, r.Skipped)
	}
	for k, rep := range reps {
		if len(rep.Conflicts) > 0 {
			t.Errorf("%s: %d conflicts with the record, the first %+v", unxmlFiles[k], len(rep.Conflicts), rep.Conflicts[0])
		}
	}
	got, err := rec.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile("record.snapshot", got, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote record.snapshot: %d bytes, %d roll calls", len(got), rec.NumRollCalls())
		return
	}
	want, err := os.ReadFile("record.snapshot")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("record.snapshot (%d bytes) is not the record built from the sources (%d bytes): run go generate ./undata", len(want), len(got))
	}
}
