package votes

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/unga-go/unga/internal/testenv"
)

func gunzipFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := gunzipPath(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// gunzipped caches the decompressed test files by path, so that each is
// decompressed once per test binary (the tests of package votes_test share
// it through GunzipPath). The bytes are shared: callers must not write to
// them, nor append to a prefix of them (an append to the whole copies).
var gunzipped sync.Map // path -> func() ([]byte, error)

func gunzipPath(path string) ([]byte, error) {
	f, _ := gunzipped.LoadOrStore(path, sync.OnceValues(func() ([]byte, error) {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		// The gzip trailer gives the size mod 2^32: one allocation of the
		// right size instead of io.ReadAll's doublings. ReadFrom grows the
		// buffer whenever less than MinRead bytes are free, so that much
		// room past the end is needed, not one byte.
		var out bytes.Buffer
		if len(b) >= 4 {
			out.Grow(int(binary.LittleEndian.Uint32(b[len(b)-4:])) + bytes.MinRead)
		}
		if _, err := out.ReadFrom(zr); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		// Clipped, so that an append to the whole copies rather than
		// writing into room the other callers share.
		return slices.Clip(out.Bytes()), nil
	}))
	return f.(func() ([]byte, error))()
}

// sameDataset fails the test unless a and b hold the same states, roll
// calls, votes, member flags and notes.
func sameDataset(t testing.TB, a, b *Dataset) {
	t.Helper()
	if d := cmp.Diff(a.countries, b.countries); d != "" {
		t.Fatalf("states differ (-first +second):\n%s", d)
	}
	if len(a.rollCalls) != len(b.rollCalls) {
		t.Fatalf("%d roll calls, then %d", len(a.rollCalls), len(b.rollCalls))
	}
	for j := range a.rollCalls {
		x, y := a.rollCalls[j], b.rollCalls[j]
		if !x.Date.Equal(y.Date) {
			t.Fatalf("roll call %d: date %v, then %v", j, x.Date, y.Date)
		}
		x.Date, y.Date = time.Time{}, time.Time{}
		if d := cmp.Diff(x, y); d != "" {
			t.Fatalf("roll call %d differs (-first +second):\n%s", j, d)
		}
	}
	if !bytes.Equal(votesBytes(a.votes), votesBytes(b.votes)) {
		t.Fatal("votes differ")
	}
	if !maps.Equal(a.member, b.member) || !maps.Equal(a.notes, b.notes) {
		t.Fatalf("member flags or notes differ: %d and %d flags", len(a.member), len(b.member))
	}
}

func votesBytes(v []Vote) []byte {
	b := make([]byte, len(v))
	for i, x := range v {
		b[i] = byte(x)
	}
	return b
}

// The dense fast paths give exactly what reading every row as an op gives,
// on the whole of both real files: votes, roll calls in the same order,
// and Voeten's member flags (2,223 rows say a non-member was a member).
func TestDenseMatchesOps(t *testing.T) {
	voeten := gunzipFile(t, "../testdata/voeten/UNVotesPublished.csv.gz")
	uv := gunzipFile(t, "../undata/un_votes.csv.gz")
	short := testenv.Quick(t)
	if short {
		// Still several parts of several blocks.
		voeten, uv = voeten[:bytes.IndexByte(voeten[12<<20:], '\n')+12<<20+1], uv[:bytes.IndexByte(uv[6<<20:], '\n')+6<<20+1]
	}
	rc := gunzipFile(t, "../undata/un_roll_calls.csv.gz")
	is := gunzipFile(t, "../undata/un_roll_call_issues.csv.gz")
	t.Run("voeten", func(t *testing.T) {
		ops, err := (&Reader{opsOnly: true}).Read(bytes.NewReader(voeten))
		if err != nil {
			t.Fatal(err)
		}
		dense, err := new(Reader).Read(bytes.NewReader(voeten))
		if err != nil {
			t.Fatal(err)
		}
		sameDataset(t, ops, dense)
		flags := slices.Collect(maps.Values(dense.member))
		if len(flags) != 2223 && !short {
			t.Errorf("%d member flags, want 2223 (rows of vote 9 with member 1)", len(flags))
		}
	})
	t.Run("unvotes", func(t *testing.T) {
		ops, err := (&Reader{opsOnly: true}).ReadUnvotes(bytes.NewReader(uv), bytes.NewReader(rc), bytes.NewReader(is))
		if err != nil {
			t.Fatal(err)
		}
		dense, err := new(Reader).ReadUnvotes(bytes.NewReader(uv), bytes.NewReader(rc), bytes.NewReader(is))
		if err != nil {
			t.Fatal(err)
		}
		sameDataset(t, ops, dense)
	})
}

// sameRead fails the test unless reading with the fast paths and reading
// every row in full agree: the same error, the same rows skipped, the same
// dataset, strict and lenient.
func sameRead(t *testing.T, read func(r *Reader) (*Dataset, error)) {
	agree(t, read, "row by row", "with the fast paths", func(r *Reader) { r.opsOnly = true }, func(*Reader) {})
}

// sameCut is sameRead for reading in one part and in seven.
func sameCut(t *testing.T, read func(r *Reader) (*Dataset, error)) {
	agree(t, read, "in one part", "in seven", func(r *Reader) { r.parts = 1 }, func(r *Reader) { r.parts = 7 })
}

// agree fails the test unless read with readers set up by setA and by setB
// agree, strict and lenient.
func agree(t *testing.T, read func(r *Reader) (*Dataset, error), a, b string, setA, setB func(*Reader)) {
	for _, lenient := range []bool{false, true} {
		ra, rb := &Reader{Lenient: lenient}, &Reader{Lenient: lenient}
		setA(ra)
		setB(rb)
		da, errA := read(ra)
		db, errB := read(rb)
		if fmt.Sprint(errA) != fmt.Sprint(errB) {
			t.Fatalf("lenient %v: %s: %v; %s: %v", lenient, a, errA, b, errB)
		}
		if fmt.Sprint(ra.Skipped) != fmt.Sprint(rb.Skipped) {
			t.Fatalf("lenient %v: skipped %s %v; %s %v", lenient, a, ra.Skipped, b, rb.Skipped)
		}
		if errA == nil {
			sameDataset(t, da, db)
		}
	}
}

// The fast paths and the cuts between parts must not change what is read:
// FuzzVoeten and FuzzUnvotes read each input as the fast paths do and row
// by row, and in one part and in seven.
func FuzzVoeten(f *testing.F) {
	voeten := gunzipFile(f, "../testdata/voeten/UNVotesPublished.csv.gz")
	// Seeds are kept small, a few kilobytes at most, so that a local
	// go test -fuzz makes progress: the fuzzer minimizes each input that
	// finds new code, for up to a minute, and a large one takes all of it.
	f.Add(head(voeten, 12))
	// rcid 1429's rows carry the ec value 0\" in quotes.
	if i := bytes.Index(voeten, []byte("\n1429,")); i >= 0 {
		f.Add(append(bytes.Clone(head(voeten, 1)), head(voeten[i+1:], 4)...))
	}
	names, _ := filepath.Glob("../testdata/malformed/voeten/*")
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		read := func(r *Reader) (*Dataset, error) { return r.Read(bytes.NewReader(data)) }
		sameRead(t, read)
		sameCut(t, read)
	})
}

func FuzzUnvotes(f *testing.F) {
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
		f.Add(read(filepath.Base(n)), rolls)
	}
	f.Fuzz(func(t *testing.T, v, rc []byte) {
		read := func(r *Reader) (*Dataset, error) {
			return r.ReadUnvotes(bytes.NewReader(v), bytes.NewReader(rc), bytes.NewReader(issues))
		}
		sameRead(t, read)
		sameCut(t, read)
	})
}

// Rows that look like the roll call's first row but for one detail, which
// the Voeten fast path must decline or read exactly as the row-by-row path.
func TestDenseTrickyRows(t *testing.T) {
	const header = "rcid,session,vote,ccode,member,importantvote,date,unres,me,nu,di,hr,co,ec,year\n"
	const first = "3,1,1,2,1,0,1/1/1946,R/1/66,0,0,0,0,0,0,1946\n"
	for _, row := range []string{
		"3,1,3,20,1,0,1/1/1946,R/1/66,0,0,0,0,0,0,1946",     // plain
		"3,1,3,020,1,0,1/1/1946,R/1/66,0,0,0,0,0,0,1946",    // leading zero
		"3,1,3,1000,1,0,1/1/1946,R/1/66,0,0,0,0,0,0,1946",   // four digits
		"3,1,3,999,1,0,1/1/1946,R/1/66,0,0,0,0,0,0,1946",    // no such state
		"3,1,3,,1,0,1/1/1946,R/1/66,0,0,0,0,0,0,1946",       // no code
		"3,1,1.0,20,1,0,1/1/1946,R/1/66,0,0,0,0,0,0,1946",   // vote with a decimal
		"3,1,,20,1,0,1/1/1946,R/1/66,0,0,0,0,0,0,1946",      // no vote
		"3,1,0,20,1,0,1/1/1946,R/1/66,0,0,0,0,0,0,1946",     // vote 0
		"3,1,y,20,1,0,1/1/1946,R/1/66,0,0,0,0,0,0,1946",     // vote as a letter
		"3,1,9,20,1,0,1/1/1946,R/1/66,0,0,0,0,0,0,1946",     // non-member said to be a member
		"3,1,9,20,NA,0,1/1/1946,R/1/66,0,0,0,0,0,0,1946",    // non-member
		"3,1,1,20,\"1\",0,1/1/1946,R/1/66,0,0,0,0,0,0,1946", // quoted member
		"3,1,1,20,2,0,1/1/1946,R/1/66,0,0,0,0,0,0,1946",     // bad member
		"3,1,1,20,1,0,1/2/1946,R/1/66,0,0,0,0,0,0,1946",     // another date
		"3,1,1,20,1,1,1/1/1946,R/1/66,0,0,0,0,0,0,1946",     // another importantvote
		"3,1,1,20,1,0,1/1/1946,R/1/66,0,0,0,0,0,0,1946,",    // a field too many
		"3,1,1,20,1,0,1/1/1946,R/1/66,0,0,0,0,0,0",          // a field too few
		"3,1,1,2,1,0,1/1/1946,R/1/66,0,0,0,0,0,0,1946",      // the first row again
		"3,1,3,2,1,0,1/1/1946,R/1/66,0,0,0,0,0,0,1946",      // the first state, another vote
		"3,1,1,20,1,0,1/1/1946,R/1/66,0,0,0,0,0,0,1946\r",   // CRLF
	} {
		data := []byte(header + first + row + "\n" + "3,1,2,70,1,0,1/1/1946,R/1/66,0,0,0,0,0,0,1946\n")
		t.Run(row, func(t *testing.T) {
			sameRead(t, func(r *Reader) (*Dataset, error) { return r.Read(bytes.NewReader(data)) })
		})
	}
}

// Rows the unvotes fast path must decline or read exactly as the
// row-by-row path, after a run of good rows that set up its prediction.
func TestDenseUnvotesTrickyRows(t *testing.T) {
	rolls, err := os.ReadFile("../testdata/malformed/unvotes/un_roll_calls.csv")
	if err != nil {
		t.Fatal(err)
	}
	const good = "rcid,country,country_code,vote\n1,United States,US,yes\n1,Namibia,NA,no\n2,United States,US,abstain\n"
	for _, rows := range []string{
		"2,Namibia,NA,yes\n",
		"2,\nes,,abstain\n",                   // a short row, then one that would read as Spain across the newline
		"2,Namibia,NA,yes,\n",                 // a field too many
		"2,Namibia,NA,Yes\n",                  // capitalised
		"2,Namibia,NA,yes\r\n",                // CRLF
		"2,Namibia,NA,yess\n",                 // more to the vote
		"2,\"Namibia\",NA,yes\n",              // quoted
		"2,Namibia,NA,no\n2,Namibia,NA,yes\n", // a duplicate
		"2,Namibia,NA,",                       // no vote, no newline
		"02,Namibia,NA,yes\n",                 // leading zero
		"2,United States,US,abstain\n",        // the same vote twice
	} {
		data := []byte(good + rows)
		t.Run(rows, func(t *testing.T) {
			read := func(r *Reader) (*Dataset, error) {
				return r.ReadUnvotes(bytes.NewReader(data), bytes.NewReader(rolls), nil)
			}
			sameRead(t, read)
			sameCut(t, read)
		})
	}
}

// The Digital Library's fast path must read exactly what reading every row
// in full reads.
func FuzzUNDL(f *testing.F) {
	names, _ := filepath.Glob("../testdata/undl/*.csv")
	more, _ := filepath.Glob("../testdata/malformed/undl/*.csv")
	for _, n := range append(names, more...) {
		b, err := os.ReadFile(n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(head(b, 4)) // small seeds: see FuzzVoeten
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		sameRead(t, func(r *Reader) (*Dataset, error) { return r.Read(bytes.NewReader(data)) })
	})
}

// head returns the first n lines of b.
func head(b []byte, n int) []byte {
	end := 0
	for range n {
		i := bytes.IndexByte(b[end:], '\n')
		if i < 0 {
			return b
		}
		end += i + 1
	}
	return b[:end]
}

// BenchmarkLoadRowByRow reads the real files with the dense fast paths
// off, every vote row parsed into an op and applied one by one: what the
// dense mode saves, for BENCHMARKS.md.
func BenchmarkLoadRowByRow(b *testing.B) {
	voeten := gunzipFile(b, "../testdata/voeten/UNVotesPublished.csv.gz")
	uv := gunzipFile(b, "../undata/un_votes.csv.gz")
	rc := gunzipFile(b, "../undata/un_roll_calls.csv.gz")
	is := gunzipFile(b, "../undata/un_roll_call_issues.csv.gz")
	for _, opsOnly := range []bool{false, true} {
		name := map[bool]string{false: "dense", true: "rows"}[opsOnly]
		b.Run("unvotes/"+name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := (&Reader{opsOnly: opsOnly}).ReadUnvotes(bytes.NewReader(uv), bytes.NewReader(rc), bytes.NewReader(is)); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("voeten/"+name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := (&Reader{opsOnly: opsOnly}).Read(bytes.NewReader(voeten)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
