package votes_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/unga-go/unga/internal/testenv"
	"github.com/unga-go/unga/votes"
)

// The vote rows of a large file are parsed in parts at once; these tests
// put bad rows in the last part of a block, or deep in the real files given
// in each way a reader takes its input, and check that each is reported as
// a row-by-row read reports it.

// bigVotes returns the header and first n rows of the real un_votes.csv,
// followed by extra, and the line number extra starts on.
func bigVotes(t *testing.T, n int, extra string) ([]byte, int) {
	raw := rawUnvotes(t)
	head := headLines(raw.votes, n+1)
	return append(bytes.Clone(head), extra...), n + 2
}

func TestLastPartDuplicate(t *testing.T) {
	raw := rawUnvotes(t)
	// Row 2 of the file is "3,United States,US,yes" (rcid 3): contradict it
	// 60,000 rows (1.3 MB, five parts) later, in the last part.
	data, line := bigVotes(t, 60000, "3,United States,US,no\n")
	_, err := votes.ReadUnvotes(bytes.NewReader(data), bytes.NewReader(raw.rollCalls), bytes.NewReader(raw.issues))
	var pe *votes.ParseError
	if !errors.Is(err, votes.ErrDuplicateVote) || !errors.As(err, &pe) || pe.Line != line || pe.Column != 20 {
		t.Fatalf("err = %v, want ErrDuplicateVote at line %d, column 20", err, line)
	}
	r := &votes.Reader{Lenient: true}
	ds, err := r.ReadUnvotes(bytes.NewReader(data), bytes.NewReader(raw.rollCalls), bytes.NewReader(raw.issues))
	if err != nil || len(r.Skipped) != 1 || r.Skipped[0].Line != line {
		t.Fatalf("lenient: %v, skipped %v; want one skipped row at line %d", err, r.Skipped, line)
	}
	us, _ := ds.CountryIndex("USA")
	if v := ds.Vote(us, 0); v != votes.Yes {
		t.Errorf("the first vote kept: %v, want yes", v)
	}
}

func TestLastPartUnknownRollCall(t *testing.T) {
	raw := rawUnvotes(t)
	data, line := bigVotes(t, 60000, "999999,Canada,CA,yes\n3,Namibia,NA,yes\n")
	r := &votes.Reader{Lenient: true}
	ds, err := r.ReadUnvotes(bytes.NewReader(data), bytes.NewReader(raw.rollCalls), bytes.NewReader(raw.issues))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Skipped) != 1 || r.Skipped[0].Line != line || !errors.Is(r.Skipped[0], votes.ErrUnknownRollCall) {
		t.Fatalf("skipped %v, want the unknown rcid at line %d", r.Skipped, line)
	}
	// The good rows of the same part are all read: 60,000 and the last one
	// (Namibia had no vote on rcid 3, of 1946).
	n := 0
	for i := range ds.NumCountries() {
		for _, v := range ds.Row(i) {
			if v != votes.NoRecord {
				n++
			}
		}
	}
	if n != 60001 {
		t.Errorf("%d votes read, want 60001", n)
	}
}

// readPaths gives the same bytes to a reader in the three ways it takes
// them: in memory in one piece (parsed where it lies), as a plain stream
// (read in blocks), and as many writes of odd sizes from a WriterTo.
func readPaths(data []byte) map[string]func() io.Reader {
	if testenv.Race {
		// The paths differ in how bytes reach the parts, not in what runs
		// at once: one path is enough to look for races, and the whole
		// files take long under the race detector.
		return map[string]func() io.Reader{"memory": func() io.Reader { return bytes.NewReader(data) }}
	}
	return map[string]func() io.Reader{
		"memory":       func() io.Reader { return bytes.NewReader(data) },
		"stream":       func() io.Reader { return struct{ io.Reader }{bytes.NewReader(data)} },
		"small writes": func() io.Reader { return &chunkWriter{data: data, size: 300_007} },
	}
}

// chunkWriter is an io.Reader whose WriteTo writes the rest of its data in
// chunks of the given size.
type chunkWriter struct {
	data []byte
	size int
}

func (c *chunkWriter) Read(p []byte) (int, error) {
	if len(c.data) == 0 {
		return 0, io.EOF
	}
	n := copy(p, c.data)
	c.data = c.data[n:]
	return n, nil
}

func (c *chunkWriter) WriteTo(w io.Writer) (int64, error) {
	var total int64
	for len(c.data) > 0 {
		n, err := w.Write(c.data[:min(c.size, len(c.data))])
		total += int64(n)
		c.data = c.data[n:]
		if err != nil {
			return total, err
		}
	}
	return total, nil
}

// readLenientUnvotes reads the vote rows from v, with the real roll calls,
// skipping bad rows, and returns the dataset and the rows skipped.
func readLenientUnvotes(t *testing.T, raw unvotesRaw, v io.Reader) (*votes.Dataset, []*votes.ParseError) {
	t.Helper()
	r := &votes.Reader{Lenient: true}
	d, err := r.ReadUnvotes(v, bytes.NewReader(raw.rollCalls), bytes.NewReader(raw.issues))
	if err != nil {
		t.Fatal(err)
	}
	return d, r.Skipped
}

func lineNumbers(errs []*votes.ParseError) []int {
	var lines []int
	for _, e := range errs {
		lines = append(lines, e.Line)
	}
	return lines
}

// insertLines returns data with extra inserted before line n (1-based).
func insertLines(data []byte, n int, extra string) []byte {
	head := headLines(data, n-1)
	out := append(bytes.Clone(head), extra...)
	return append(out, data[len(head):]...)
}

// A bad row anywhere in the whole file is reported at its own line,
// however the input arrives and however it is cut into blocks and parts,
// and the rest of the file is read as if the row were not there.
func TestReadPathsUnvotes(t *testing.T) {
	raw := rawUnvotes(t)
	want := unvotesData(t)
	lines := bytes.Count(raw.votes, []byte{'\n'})
	// Row 2 of the file is "3,United States,US,yes": contradict it deep in
	// the file, add a vote on an unknown roll call further on, and a bad
	// vote on the last line, which has no newline.
	data := insertLines(raw.votes, 600_000, "3,United States,US,no\n")
	data = insertLines(data, 800_001, "999999,Canada,CA,yes\n")
	data = append(data, "3,Canada,CA,maybe"...)
	wantLines := []int{600_000, 800_001, lines + 3}
	for name, open := range readPaths(data) {
		t.Run(name, func(t *testing.T) {
			got, skipped := readLenientUnvotes(t, raw, open())
			gotLines := lineNumbers(skipped)
			if !slices.Equal(gotLines, wantLines) {
				t.Errorf("skipped rows on lines %v, want %v: %v", gotLines, wantLines, skipped)
			}
			if d := diffDatasets(want, got); d != "" {
				t.Errorf("dataset differs from the clean file's:\n%s", d)
			}
			_, err := votes.ReadUnvotes(open(), bytes.NewReader(raw.rollCalls), bytes.NewReader(raw.issues))
			var pe *votes.ParseError
			if !errors.Is(err, votes.ErrDuplicateVote) || !errors.As(err, &pe) || pe.Line != wantLines[0] || pe.Column != 20 {
				t.Errorf("strict read: %v, want ErrDuplicateVote at line %d, column 20", err, wantLines[0])
			}
		})
	}
}

// The same for Voeten's file, whose rows are parsed as ops and whose roll
// calls are found in the stream: a bad vote code deep in the file.
func TestReadPathsVoeten(t *testing.T) {
	if testing.Short() {
		t.Skip("reads Voeten's file three times")
	}
	raw := rawVoeten(t)
	const at = 700_000
	// A copy of the row before, with a vote code Voeten does not use.
	prev := headLines(raw, at-1)
	prev = prev[bytes.LastIndexByte(prev[:len(prev)-1], '\n')+1:]
	fields := strings.Split(strings.TrimSuffix(string(prev), "\n"), ",")
	fields[2] = "7"
	data := insertLines(raw, at, strings.Join(fields, ",")+"\n")
	// And, further on, the file's first row again, its roll call (rcid 3,
	// of 1 January 1946) given another date.
	first := headLines(raw, 2)[bytes.IndexByte(raw, '\n')+1:]
	data = insertLines(data, 900_000, strings.Replace(string(first), "1/1/1946", "1/2/1946", 1))
	want := voetenData(t)
	for name, open := range readPaths(data) {
		t.Run(name, func(t *testing.T) {
			_, err := votes.Read(open())
			var pe *votes.ParseError
			if !errors.Is(err, votes.ErrUnknownVote) || !errors.As(err, &pe) || pe.Line != at || pe.Field != "vote" {
				t.Fatalf("%v, want ErrUnknownVote in column \"vote\" at line %d", err, at)
			}
			r := &votes.Reader{Lenient: true}
			got, err := r.Read(open())
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Skipped) != 2 || r.Skipped[1].Line != 900_000 || !errors.Is(r.Skipped[1], votes.ErrConflict) {
				t.Fatalf("lenient read skipped %v, want the bad vote and a conflicting date on line 900000", r.Skipped)
			}
			if d := diffDatasets(want, got); d != "" {
				t.Errorf("dataset differs from the clean file's:\n%s", d)
			}
		})
	}
}

// A quoted field may hold newlines, and parts are first cut at newlines
// as if there were no quotes: a field of two million lines in the middle of
// the file is sure to hold a cut, which must be found wrong and redone.
// In short mode the file is read as a stream only (under the race
// detector, in memory: readPaths' one path).
func TestReadPathsQuotedNewlines(t *testing.T) {
	raw := rawUnvotes(t)
	want := unvotesData(t)
	const giantLines = 2_000_001 // the row's own newline and those inside its quotes
	data := insertLines(raw.votes, 600_000, "3,Canada,CA,maybe\n")
	data = insertLines(data, 300_000, `3,"`+strings.Repeat("x\n", giantLines-1)+`",US,yes`+"\n")
	wantLines := []int{300_000, 600_000 + giantLines}
	paths := readPaths(data)
	if stream, ok := paths["stream"]; ok && testing.Short() {
		// The quick run reads the stream only; under the race detector
		// readPaths gives one path, which must still run.
		paths = map[string]func() io.Reader{"stream": stream}
	}
	for name, open := range paths {
		t.Run(name, func(t *testing.T) {
			// The field is over the default limits, which end the read.
			_, err := (&votes.Reader{Lenient: true}).ReadUnvotes(open(), bytes.NewReader(raw.rollCalls), bytes.NewReader(raw.issues))
			var pe *votes.ParseError
			if !errors.Is(err, votes.ErrLimit) || !errors.As(err, &pe) || pe.Line != 300_000 {
				t.Fatalf("with the default limits: %v, want ErrLimit on line 300000", err)
			}
			r := &votes.Reader{Lenient: true, MaxLineBytes: 8 << 20, MaxFieldBytes: 8 << 20}
			got, err := r.ReadUnvotes(open(), bytes.NewReader(raw.rollCalls), bytes.NewReader(raw.issues))
			if err != nil {
				t.Fatal(err)
			}
			skipped := r.Skipped
			gotLines := lineNumbers(skipped)
			if !slices.Equal(gotLines, wantLines) || !errors.Is(skipped[0], votes.ErrUnknownCountry) || !errors.Is(skipped[1], votes.ErrUnknownVote) {
				t.Errorf("skipped rows on lines %v, want an unknown country on %d and an unknown vote on %d", gotLines, wantLines[0], wantLines[1])
			}
			if d := diffDatasets(want, got); d != "" {
				t.Errorf("dataset differs from the clean file's:\n%s", d)
			}
		})
	}
}

// Since 3 October 1990 the votes filed under the Federal Republic go to
// united Germany, which held its seat: both names voting differently on one
// roll call of 1991 is a duplicate vote, however the rows are read.
func TestSeatDuplicate(t *testing.T) {
	raw := rawUnvotes(t)
	data := "rcid,country,country_code,vote\n3587,Germany,DE,yes\n3587,Canada,CA,yes\n3587,Federal Republic of Germany,NA,no\n"
	_, err := votes.ReadUnvotes(strings.NewReader(data), bytes.NewReader(raw.rollCalls), bytes.NewReader(raw.issues))
	var pe *votes.ParseError
	if !errors.Is(err, votes.ErrDuplicateVote) || !errors.As(err, &pe) || pe.Line != 4 {
		t.Fatalf("err = %v, want ErrDuplicateVote on line 4", err)
	}
	// The same vote under both names is one vote.
	data = strings.Replace(data, ",NA,no", ",NA,yes", 1)
	d, err := votes.ReadUnvotes(strings.NewReader(data), bytes.NewReader(raw.rollCalls), bytes.NewReader(raw.issues))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.CountryIndex("DEU"); err != nil || d.NumCountries() != 2 {
		t.Errorf("states %v, want Germany and Canada", d.Countries())
	}
}

// A gzip stream cut short far into the file ends the read on the line where
// the stream stops, though blocks before it were read ahead and parsed.
func TestTruncatedGzipLarge(t *testing.T) {
	raw := rawUnvotes(t)
	var z bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&z, gzip.BestSpeed)
	zw.Write(raw.votes)
	zw.Close()
	cut := z.Bytes()[:z.Len()*7/10]
	zr, err := gzip.NewReader(bytes.NewReader(cut))
	if err != nil {
		t.Fatal(err)
	}
	restored, err := io.ReadAll(zr)
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Fatalf("not truncated: %v", err)
	}
	want := bytes.Count(restored, []byte{'\n'}) + 1
	_, err = votes.ReadUnvotes(bytes.NewReader(cut), bytes.NewReader(raw.rollCalls), bytes.NewReader(raw.issues))
	var pe *votes.ParseError
	if !errors.Is(err, io.ErrUnexpectedEOF) || !errors.As(err, &pe) || pe.Line != want || want < 500_000 {
		t.Fatalf("err = %v, want io.ErrUnexpectedEOF at line %d", err, want)
	}
}
