package votes_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/unga-go/unga/votes"
)

// Reproducers of bad inputs that once got through or panicked, one test
// each; the fixtures of
// testdata/malformed cover the rest (see malformedCases).

// zeros reads as an endless run of zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// gzipStream returns the gzip stream, level 1, of src, compressed as it is
// read: `head -c 1G /dev/zero | gzip -1` without the 4.6 MB file.
func gzipStream(src io.Reader) io.ReadCloser {
	pr, pw := io.Pipe()
	go func() {
		zw, _ := gzip.NewWriterLevel(pw, gzip.BestSpeed)
		_, err := io.Copy(zw, src)
		if err == nil {
			err = zw.Close()
		}
		pw.CloseWithError(err)
	}()
	return pr
}

// allocated returns the bytes f allocates on the heap. Their total bounds
// the peak memory of f from above.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// A gigabyte of zero bytes, a line without end, fails on its first line
// with a short error, within 256 MB, whether gzipped or not and whether it
// is the header or follows one.
func TestHugeLine(t *testing.T) {
	const limit = 256 << 20
	for _, tc := range []struct {
		name string
		open func() io.ReadCloser
		line int
	}{
		{"zeros.gz", func() io.ReadCloser { return gzipStream(io.LimitReader(zeros{}, 1<<30)) }, 1},
		{"zeros", func() io.ReadCloser { return io.NopCloser(io.LimitReader(zeros{}, 1<<30)) }, 1},
		{"voeten then zeros.gz", func() io.ReadCloser {
			return gzipStream(io.MultiReader(strings.NewReader("rcid,session,vote,ccode,date\n1,1,1,2,1/1/1946\n"), io.LimitReader(zeros{}, 1<<30)))
		}, 3},
		{"undl then zeros", func() io.ReadCloser {
			return io.NopCloser(io.MultiReader(strings.NewReader("undl_id,ms_code,ms_vote,date,session\n"), io.LimitReader(zeros{}, 1<<30)))
		}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := tc.open()
			defer src.Close()
			var err error
			n := allocated(func() { _, err = votes.Read(src) })
			var pe *votes.ParseError
			if !errors.Is(err, votes.ErrLimit) || !errors.As(err, &pe) || pe.Line != tc.line {
				t.Fatalf("err = %v, want ErrLimit on line %d", err, tc.line)
			}
			if len(err.Error()) > 400 {
				t.Errorf("error of %d bytes: %.400s", len(err.Error()), err)
			}
			if n > limit {
				t.Errorf("allocated %d MB, want under %d", n>>20, limit>>20)
			}
			t.Logf("allocated %.1f MB: %v", float64(n)/(1<<20), err)
		})
	}
	t.Run("un_votes.csv then zeros", func(t *testing.T) {
		raw := rawUnvotes(t)
		src := gzipStream(io.MultiReader(strings.NewReader("rcid,country,country_code,vote\n"), io.LimitReader(zeros{}, 1<<30)))
		defer src.Close()
		var err error
		n := allocated(func() {
			_, err = votes.ReadUnvotes(src, bytes.NewReader(raw.rollCalls), bytes.NewReader(raw.issues))
		})
		if !errors.Is(err, votes.ErrLimit) || len(err.Error()) > 400 {
			t.Fatalf("err = %.400v, want a short ErrLimit", err)
		}
		if n > limit {
			t.Errorf("allocated %d MB, want under %d", n>>20, limit>>20)
		}
	})
}

// A header of a million columns (2 MB) is over the line limit; a header
// of 1,500 short columns is over the column limit, which a Reader can
// raise.
func TestManyColumns(t *testing.T) {
	wide := strings.Repeat("a,", 1_000_000) + "a\n"
	var err error
	n := allocated(func() { _, err = votes.Read(strings.NewReader(wide)) })
	if !errors.Is(err, votes.ErrLimit) {
		t.Fatalf("1M columns: %v, want ErrLimit", err)
	}
	if n > 64<<20 {
		t.Errorf("1M columns: allocated %d MB", n>>20)
	}
	header := "rcid,session,vote,ccode,date" + strings.Repeat(",x", 1500) + "\n"
	row := "1,1,1,2,1/1/1946" + strings.Repeat(",", 1500) + "\n"
	if _, err := votes.Read(strings.NewReader(header + row)); !errors.Is(err, votes.ErrLimit) {
		t.Fatalf("1,505 columns: %v, want ErrLimit", err)
	}
	d, err := (&votes.Reader{MaxColumns: 2000}).Read(strings.NewReader(header + row))
	if err != nil || d.NumRollCalls() != 1 {
		t.Fatalf("1,505 columns with MaxColumns 2000: %v", err)
	}
	// A long field, and the same field with the limit raised.
	long := "rcid,session,vote,ccode,date,descr\n1,1,1,2,1/1/1946," + strings.Repeat("x", 300<<10) + "\n"
	if _, err := votes.Read(strings.NewReader(long)); !errors.Is(err, votes.ErrLimit) {
		t.Fatalf("a 300 KiB field: %v, want ErrLimit", err)
	}
	if _, err := (&votes.Reader{MaxFieldBytes: 1 << 20}).Read(strings.NewReader(long)); err != nil {
		t.Fatalf("a 300 KiB field with MaxFieldBytes 1 MiB: %v", err)
	}
}

// The "unknown file format" error quotes a short prefix of the header.
func TestUnknownFormatShort(t *testing.T) {
	_, err := votes.Read(strings.NewReader(strings.Repeat("abc,", 200) + strings.Repeat("x", 200_000) + "\n"))
	if !errors.Is(err, votes.ErrUnknownFormat) || len(err.Error()) > 200 {
		t.Fatalf("err = %.300v (%d bytes), want a short ErrUnknownFormat", err, len(err.Error()))
	}
}

// A file of CR-only line ends larger than a line may be is named as such,
// not as a line too long.
func TestCROnlyLarge(t *testing.T) {
	raw := headLines(rawVoeten(t), 50_000)
	_, err := votes.Read(bytes.NewReader(bytes.ReplaceAll(raw, []byte("\n"), []byte("\r"))))
	if !errors.Is(err, votes.ErrUnknownFormat) || !strings.Contains(err.Error(), "CR") {
		t.Fatalf("err = %v, want ErrUnknownFormat naming CR line ends", err)
	}
}

// A header without rows is an error unless the Reader allows it.
func TestAllowEmpty(t *testing.T) {
	header := "rcid,session,vote,ccode,date\n"
	if _, err := votes.Read(strings.NewReader(header)); !errors.Is(err, votes.ErrEmpty) {
		t.Fatalf("header only: %v, want ErrEmpty", err)
	}
	d, err := (&votes.Reader{AllowEmpty: true}).Read(strings.NewReader(header))
	if err != nil || d.NumRollCalls() != 0 || d.NumCountries() != 0 {
		t.Fatalf("header only, AllowEmpty: %v", err)
	}
}

// A lenient read keeps the first MaxSkipped bad rows (1,000 by default,
// as Reader's documentation states) and counts them all.
func TestLenientKeepsFirstN(t *testing.T) {
	raw := rawUnvotes(t)
	bad := bytes.Repeat([]byte("1,Canada,CA,maybe\n"), 5000)
	data := append([]byte("rcid,country,country_code,vote\n3,Canada,CA,yes\n"), bad...)
	for _, tc := range []struct{ max, kept int }{{0, 1000}, {10, 10}, {-1, 0}} {
		r := &votes.Reader{Lenient: true, MaxSkipped: tc.max}
		d, err := r.ReadUnvotes(bytes.NewReader(data), bytes.NewReader(raw.rollCalls), bytes.NewReader(raw.issues))
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Skipped) != tc.kept || r.SkippedRows != 5000 || records(d) != 1 {
			t.Errorf("MaxSkipped %d: kept %d, counted %d, read %d; want %d, 5000, 1", tc.max, len(r.Skipped), r.SkippedRows, records(d), tc.kept)
		}
		if tc.kept > 0 && r.Skipped[tc.kept-1].Line != 2+tc.kept {
			t.Errorf("MaxSkipped %d: last kept row on line %d, want %d", tc.max, r.Skipped[tc.kept-1].Line, 2+tc.kept)
		}
	}
}

// "2.0" may be COW 2; "20.0" is 20; "3.65" is no code, not 365.
func TestLookupCountryDecimal(t *testing.T) {
	for key, cow := range map[string]int{"2": 2, "2.0": 2, "2.": 2, "20.0": 20, "020": 20, "365.000": 365, " 2.0 ": 2} {
		c, err := votes.LookupCountry(key)
		if err != nil || c.COW != cow {
			t.Errorf("LookupCountry(%q) = %v, %v; want COW %d", key, c.COW, err, cow)
		}
	}
	for _, key := range []string{"3.65", "2.5", ".5", "2.0.0", "1.2e3"} {
		if c, err := votes.LookupCountry(key); !errors.Is(err, votes.ErrUnknownCountry) {
			t.Errorf("LookupCountry(%q) = %v (COW %d), want ErrUnknownCountry", key, err, c.COW)
		}
	}
}

func TestFormatString(t *testing.T) {
	for f, want := range map[votes.Format]string{votes.FormatVoeten: "Voeten", votes.Format(99): "Format(99)", votes.Format(-1): "Format(-1)"} {
		if got := f.String(); got != want {
			t.Errorf("Format(%d).String() = %q, want %q", int(f), got, want)
		}
	}
}

// A folder without one of the unvotes files wraps fs.ErrNotExist.
func TestFolderMissingFile(t *testing.T) {
	dir := t.TempDir()
	b, err := os.ReadFile(malformed + "unvotes/un_votes.csv")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "un_votes.csv"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := votes.ReadFile(dir); !errors.Is(err, fs.ErrNotExist) || !strings.Contains(err.Error(), "un_roll_calls.csv") {
		t.Fatalf("err = %v, want fs.ErrNotExist naming un_roll_calls.csv", err)
	}
}

// UTF-16 input, with or without a byte-order mark, is named as such.
func TestUTF16(t *testing.T) {
	text := "rcid,session,vote,ccode,date\n1,1,1,2,1/1/1946\n"
	u := utf16.Encode([]rune(text))
	le := make([]byte, 0, 2*len(u)+2)
	le = append(le, 0xff, 0xfe)
	for _, c := range u {
		le = append(le, byte(c), byte(c>>8))
	}
	for name, b := range map[string][]byte{"LE with mark": le, "LE without": le[2:]} {
		_, err := votes.Read(bytes.NewReader(b))
		if !errors.Is(err, votes.ErrUnknownFormat) || !strings.Contains(err.Error(), "UTF-16") {
			t.Errorf("%s: %v, want ErrUnknownFormat naming UTF-16", name, err)
		}
	}
}

// stall returns its text, then (0, nil) forever.
type stall struct{ r io.Reader }

func (s *stall) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if err == io.EOF {
		return 0, nil
	}
	return n, err
}

// A reader that stalls after the header fails with io.ErrNoProgress, as
// one that stalls before it does, in every layout.
func TestNoProgress(t *testing.T) {
	raw := rawUnvotes(t)
	for name, read := range map[string]func() error{
		"before the header": func() error { _, err := votes.Read(&stall{strings.NewReader("")}); return err },
		"voeten": func() error {
			_, err := votes.Read(&stall{strings.NewReader("rcid,session,vote,ccode,date\n1,1,1,2,1/1/1946\n")})
			return err
		},
		"undl": func() error {
			_, err := votes.Read(&stall{strings.NewReader("undl_id,ms_code,ms_vote,date,session\n")})
			return err
		},
		"unvotes": func() error {
			_, err := votes.ReadUnvotes(&stall{strings.NewReader("rcid,country,country_code,vote\n3,Canada,CA,yes\n")},
				bytes.NewReader(raw.rollCalls), bytes.NewReader(raw.issues))
			return err
		},
	} {
		if err := read(); !errors.Is(err, io.ErrNoProgress) {
			t.Errorf("%s: %v, want io.ErrNoProgress", name, err)
		}
	}
}

// Without a session column, Voeten's roll calls take the session in
// progress on their date; without a date either, the session is unknown.
func TestVoetenWithoutSession(t *testing.T) {
	text := "rcid,vote,ccode,date,unres\n1,1,2,12/9/2019,R/74/17\n2,1,2,3/27/2014,R/68/262\n"
	d, err := votes.Read(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	// Session 74 opened in September 2019, 68 in September 2013.
	got := []int{d.RollCall(0).Session, d.RollCall(1).Session}
	if got[0] != 68 || got[1] != 74 {
		t.Errorf("sessions %v, want [68 74]", got)
	}
	_, err = votes.Read(strings.NewReader(text + "3,1,2,NA,R/74/18\n"))
	var pe *votes.ParseError
	if !errors.Is(err, votes.ErrBadSession) || !errors.As(err, &pe) || pe.Line != 4 {
		t.Fatalf("no date, no session: %v, want ErrBadSession on line 4", err)
	}
}

// Dates are strict and alike in every layout: years 1945-2100, nothing
// after the date but a time of day.
func TestDates(t *testing.T) {
	rollCalls := func(date string) string {
		return "rcid,session,date\n3,1," + date + "\n"
	}
	for date, ok := range map[string]bool{
		"1946-01-10": true, "1946-01-10T00:00:00Z": true, "1946-01-10 12:30:00": true,
		"0000-01-10": false, "1800-01-10": false, "9999-01-10": false, "1946-01-10 junk": false,
		"1946-01-10T": false, "1/10/1946": true, "1/10/1800": false, "1/10/9999": false,
	} {
		_, err := votes.ReadUnvotes(strings.NewReader("rcid,country,country_code,vote\n3,Canada,CA,yes\n"),
			strings.NewReader(rollCalls(date)), nil)
		if ok && err != nil || !ok && !errors.Is(err, votes.ErrBadDate) {
			t.Errorf("date %q: %v, want ok %v", date, err, ok)
		}
		voeten := "rcid,session,vote,ccode,date\n1,1,1,2," + strings.ReplaceAll(date, ",", "") + "\n"
		_, err = votes.Read(strings.NewReader(voeten))
		if ok && err != nil || !ok && !errors.Is(err, votes.ErrBadDate) {
			t.Errorf("Voeten, date %q: %v, want ok %v", date, err, ok)
		}
	}
}

// The real files still read, with the roll calls whose dates lie furthest
// from their sessions (found with Python over un_roll_calls.csv and
// Voeten's file: session minus the session in progress on the date runs
// from -1 to 2).
func TestSessionToleranceReal(t *testing.T) {
	for name, d := range map[string]*votes.Dataset{"unvotes": unvotesData(t), "voeten": voetenData(t)} {
		want := map[[2]string]bool{{"47", "1992-09-03"}: false, {"59", "2005-12-08"}: false, {"23", "1967-05-07"}: false}
		for _, rc := range d.RollCalls() {
			k := [2]string{strconv.Itoa(rc.Session), rc.Date.Format(time.DateOnly)}
			if _, ok := want[k]; ok {
				want[k] = true
			}
		}
		for k, seen := range want {
			if !seen {
				t.Errorf("%s: no roll call of session %s dated %s", name, k[0], k[1])
			}
		}
	}
}

// A small file of CR-only line ends with a quoted field is named as such,
// not as bad quoting: the CR after the closing quote, or before the
// opening one, is a line end.
func TestCROnlyQuoted(t *testing.T) {
	for name, in := range map[string]string{
		"quote before CR": "rcid,session,vote,ccode,date,unres\r1,1,1,2,1/1/1946,\"R/1/1\"\r1,1,1,20,1/1/1946,\"R/1/1\"\r",
		"quote after CR":  "rcid,session,vote,ccode,date,unres\r\"1\",1,1,2,1/1/1946,R/1/1\r",
		"quoted header":   "\"rcid\",\"session\",\"vote\",\"ccode\",\"date\"\r1,1,1,2,1/1/1946\r",
		"undl":            "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,title\r1,USA,UNITED STATES,Y,2019-12-18,74,A/RES/74/1,\"A title, with a comma\"\r1,CAN,CANADA,Y,2019-12-18,74,A/RES/74/1,\"A title, with a comma\"\r",
	} {
		_, err := votes.Read(strings.NewReader(in))
		if !errors.Is(err, votes.ErrUnknownFormat) || errors.Is(err, votes.ErrQuote) || !strings.Contains(err.Error(), "CR alone") {
			t.Errorf("%s: err = %v, want ErrUnknownFormat naming CR line ends", name, err)
		}
	}
}

// Input held in memory that breaks the line limit fails on its first
// megabyte, without a copy of the rest: 64 MiB without a line end, after
// the header or after a row, or after an unclosed quote, costs a few MiB
// through a bytes.Reader, and through a strings.Reader, which is copied a
// block (8 MiB) at a time.
func TestInMemoryOverLimitCheap(t *testing.T) {
	if testing.Short() {
		t.Skip("64 MiB inputs")
	}
	const n = 64 << 20
	const limit = 16 << 20
	header := "rcid,session,vote,ccode,date\n"
	for name, data := range map[string][]byte{
		"line":           append([]byte(header), bytes.Repeat([]byte("x"), n)...),
		"row then line":  append([]byte(header+"1,1,1,2,1/1/1946\n"), bytes.Repeat([]byte("x"), n)...),
		"unclosed quote": append([]byte(header+"1,1,1,2,1/1/1946\n\""), bytes.Repeat([]byte("x\n"), n/2)...),
	} {
		str := string(data)
		for kind, open := range map[string]func() io.Reader{
			"bytes.Reader":   func() io.Reader { return bytes.NewReader(data) },
			"strings.Reader": func() io.Reader { return strings.NewReader(str) },
		} {
			var err error
			a := allocated(func() { _, err = votes.Read(open()) })
			if !errors.Is(err, votes.ErrLimit) {
				t.Errorf("%s, %s: %.200v, want ErrLimit", name, kind, err)
			}
			if a > limit {
				t.Errorf("%s, %s: allocated %.1f MiB, want under %d", name, kind, float64(a)/(1<<20), limit>>20)
			}
		}
	}
}
