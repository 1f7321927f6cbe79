package votes_test

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/unga-go/unga/votes"
)

// oneVoteRollCalls writes a Voeten file of n roll calls of one vote each,
// all on one day of session 74: the most roll calls a file of its size
// can hold.
func oneVoteRollCalls(w io.Writer, n int) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString("rcid,session,vote,ccode,date\n")
	for i := range n {
		fmt.Fprintf(bw, "%d,74,1,2,12/18/2019\n", i+1)
	}
	return bw.Flush()
}

// A file of more roll calls than Reader.MaxRollCalls is refused with
// ErrLimit; one of exactly as many is read.
func TestMaxRollCalls(t *testing.T) {
	var buf bytes.Buffer
	oneVoteRollCalls(&buf, 101)
	r := &votes.Reader{MaxRollCalls: 100}
	_, err := r.Read(bytes.NewReader(buf.Bytes()))
	var pe *votes.ParseError
	if !errors.Is(err, votes.ErrLimit) || !errors.As(err, &pe) || pe.Line != 102 {
		t.Fatalf("101 roll calls, MaxRollCalls 100: %v, want ErrLimit on line 102", err)
	}
	buf.Reset()
	oneVoteRollCalls(&buf, 100)
	if d, err := r.Read(bytes.NewReader(buf.Bytes())); err != nil || d.NumRollCalls() != 100 {
		t.Fatalf("100 roll calls, MaxRollCalls 100: %v", err)
	}
}

// 4 million one-vote roll calls, 20 MB of gzip, are refused by the
// default limit, within 1 GiB.
func TestMaxRollCallsDefault(t *testing.T) {
	if testing.Short() {
		t.Skip("a 90 MB stream")
	}
	pr, pw := io.Pipe()
	go func() {
		zw, _ := gzip.NewWriterLevel(pw, gzip.BestSpeed)
		err := oneVoteRollCalls(zw, 4_000_000)
		if err == nil {
			err = zw.Close()
		}
		pw.CloseWithError(err)
	}()
	defer pr.Close()
	var err error
	a := allocated(func() { _, err = votes.Read(pr) })
	if !errors.Is(err, votes.ErrLimit) {
		t.Fatalf("4M roll calls: %v, want ErrLimit", err)
	}
	if a > 1<<30 {
		t.Errorf("allocated %.0f MiB, want under 1 GiB", float64(a)/(1<<20))
	}
	t.Logf("allocated %.0f MiB: %v", float64(a)/(1<<20), err)
}

// A gzip stream that decompresses to more than Reader.MaxDecompressedBytes
// is refused with ErrLimit; plain input is not bounded so.
func TestMaxDecompressedBytes(t *testing.T) {
	var plain bytes.Buffer
	oneVoteRollCalls(&plain, 10_000) // 22 bytes a row
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(plain.Bytes())
	zw.Close()
	r := &votes.Reader{MaxDecompressedBytes: 100_000}
	_, err := r.Read(bytes.NewReader(gz.Bytes()))
	if !errors.Is(err, votes.ErrLimit) || !strings.Contains(err.Error(), "MaxDecompressedBytes") {
		t.Fatalf("%d bytes gzipped, limit 100,000: %v, want ErrLimit", plain.Len(), err)
	}
	if _, err := r.Read(bytes.NewReader(plain.Bytes())); err != nil {
		t.Fatalf("the same, not compressed: %v", err)
	}
	r.MaxDecompressedBytes = int64(plain.Len())
	if _, err := r.Read(bytes.NewReader(gz.Bytes())); err != nil {
		t.Fatalf("limit of exactly the size: %v", err)
	}
}

// MaxRollCalls holds in every layout, and ends a lenient read too.
func TestMaxRollCallsLayouts(t *testing.T) {
	unvotesRollCalls := "rcid,session,importantvote,date,unres,amend,para,short,descr\n1,1,0,1946-01-01,R/1/1,0,0,A,a\n2,1,0,1946-01-02,R/1/2,0,0,B,b\n3,1,0,1946-01-03,R/1/3,0,0,C,c\n"
	for name, read := range map[string]func(r *votes.Reader) error{
		"Voeten": func(r *votes.Reader) error {
			_, err := r.Read(strings.NewReader(voetenHeader + "1,1,1,2,1,0,1/1/1946,R/1/1,0,0,0,0,0,0,1946\n2,1,1,2,1,0,1/2/1946,R/1/2,0,0,0,0,0,0,1946\n3,1,1,2,1,0,1/3/1946,R/1/3,0,0,0,0,0,0,1946\n"))
			return err
		},
		"Digital Library": func(r *votes.Reader) error {
			_, err := r.Read(strings.NewReader(undlHeader + "1,USA,UNITED STATES,Y,2019-12-18,74,A/RES/74/1,,,,T,,,,,,,,,\n2,USA,UNITED STATES,Y,2019-12-18,74,A/RES/74/2,,,,T,,,,,,,,,\n3,USA,UNITED STATES,Y,2019-12-18,74,A/RES/74/3,,,,T,,,,,,,,,\n"))
			return err
		},
		"canonical": func(r *votes.Reader) error {
			_, err := r.Read(strings.NewReader(canonicalHeader + canonicalFirst + strings.Replace(canonicalFirst, "5309", "5310", 1) + strings.Replace(canonicalFirst, "5309", "5311", 1)))
			return err
		},
		"unvotes": func(r *votes.Reader) error {
			_, err := r.ReadUnvotes(strings.NewReader("rcid,country,country_code,vote\n1,United States,US,yes\n"), strings.NewReader(unvotesRollCalls), nil)
			return err
		},
	} {
		for _, lenient := range []bool{false, true} {
			r := &votes.Reader{MaxRollCalls: 2, Lenient: lenient}
			var pe *votes.ParseError
			if err := read(r); !errors.Is(err, votes.ErrLimit) || !errors.As(err, &pe) || pe.Line != 4 {
				t.Errorf("%s, lenient %v: %v, want ErrLimit on line 4", name, lenient, err)
			}
			if err := read(&votes.Reader{MaxRollCalls: 3, Lenient: lenient}); err != nil {
				t.Errorf("%s, lenient %v, MaxRollCalls 3: %v", name, lenient, err)
			}
		}
	}
	// A negative limit is a mistake, not "no limit".
	for _, r := range []*votes.Reader{{MaxRollCalls: -1}, {MaxDecompressedBytes: -1}, {MaxLineBytes: -1}} {
		if _, err := r.Read(strings.NewReader(voetenHeader)); err == nil || !strings.Contains(err.Error(), "want 0 (the default) or more") {
			t.Errorf("%+v: %v, want an error on the limit", r, err)
		}
	}
}
