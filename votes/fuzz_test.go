package votes_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/unga-go/unga/votes"
)

// headLines returns the first n lines of b.
func headLines(b []byte, n int) []byte {
	end := 0
	for k := 0; k < n && end < len(b); k++ {
		i := bytes.IndexByte(b[end:], '\n')
		if i < 0 {
			return b
		}
		end += i + 1
	}
	return b[:end]
}

// addFileSeeds adds every file matching the patterns as a seed.
func addFileSeeds(f *testing.F, patterns ...string) {
	for _, p := range patterns {
		names, err := filepath.Glob(p)
		if err != nil {
			f.Fatal(err)
		}
		for _, name := range names {
			b, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
		}
	}
}

// checkParsedRoundTrip asserts that whatever a reader accepted writes and
// reads back into an equal dataset.
func checkParsedRoundTrip(t *testing.T, d *votes.Dataset) {
	var buf bytes.Buffer
	if err := votes.Write(&buf, d); err != nil {
		t.Fatalf("Write: %v", err)
	}
	got, err := votes.Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("Read(Write(d)): %v\n%s", err, buf.Bytes())
	}
	if diff := diffDatasets(d, got); diff != "" {
		t.Fatalf("Read(Write(d)) differs:\n%s\n%s", diff, buf.Bytes())
	}
}

func FuzzRead(f *testing.F) {
	// Small seeds, so that go test -fuzz makes progress (see FuzzVoeten).
	addFileSeeds(f, "../testdata/malformed/*/*")
	for _, name := range []string{"../testdata/undl/undl_2025.csv", "../testdata/undl/undl_2026.csv"} {
		b, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(headLines(b, 12))
	}
	voeten := rawVoeten(f)
	f.Add(headLines(voeten, 30))
	// rcid 1429's rows carry the ec value 0\" in quotes.
	if i := bytes.Index(voeten, []byte("\n1429,")); i >= 0 {
		f.Add(append(bytes.Clone(headLines(voeten, 1)), headLines(voeten[i+1:], 4)...))
	}
	var canon bytes.Buffer
	undl, err := votes.ReadFile("../testdata/undl/undl_2026.csv")
	if err != nil {
		f.Fatal(err)
	}
	undl = undl.Filter(func(d *votes.Dataset, j int) bool { return j < 2 })
	if err := votes.Write(&canon, undl); err != nil {
		f.Fatal(err)
	}
	f.Add(canon.Bytes())
	// The UN's resolution data: two lines of ES-11, whose round trip
	// through the canonical CSV then covers sponsors, subjects and SDGs.
	zf, err := os.Open("../testdata/unxml/ES-11.jsonl.gz")
	if err != nil {
		f.Fatal(err)
	}
	zr, err := gzip.NewReader(zf)
	if err != nil {
		f.Fatal(err)
	}
	es11, err := io.ReadAll(zr)
	zf.Close()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(headLines(es11, 2))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := votes.Read(bytes.NewReader(data))
		if err != nil {
			return
		}
		checkParsedRoundTrip(t, d)
	})
}

func FuzzReadUnvotes(f *testing.F) {
	dir := "../testdata/malformed/unvotes/"
	read := func(name string) []byte {
		b, err := os.ReadFile(dir + name)
		if err != nil {
			f.Fatal(err)
		}
		return b
	}
	rolls, issues := read("un_roll_calls.csv"), read("un_roll_call_issues.csv")
	names, _ := filepath.Glob(dir + "votes_*")
	for _, n := range append(names, dir+"un_votes.csv") {
		f.Add(read(filepath.Base(n)), rolls, issues)
	}
	f.Add(read("un_votes.csv"), read("rollcalls_bad_date.csv"), issues)
	f.Add(read("un_votes.csv"), read("rollcalls_duplicate.csv"), read("issues_unknown.csv"))
	raw := rawUnvotes(f)
	// The first roll calls of the real record, with backslashes, tabs and
	// doubled quotes in their descriptions.
	f.Add(headLines(raw.votes, 40), headLines(raw.rollCalls, 8), headLines(raw.issues, 10))
	f.Fuzz(func(t *testing.T, v, rc, is []byte) {
		d, err := votes.ReadUnvotes(bytes.NewReader(v), bytes.NewReader(rc), bytes.NewReader(is))
		if err != nil {
			return
		}
		checkParsedRoundTrip(t, d)
	})
}
