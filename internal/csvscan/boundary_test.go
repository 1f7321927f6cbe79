package csvscan

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// LastBoundary must never cut inside a quoted field, which may hold
// newlines and quotes of its own.
func TestLastBoundary(t *testing.T) {
	for _, tc := range []struct {
		data string
		want int
	}{
		// The quoted field opens at offset 4 and closes at 12; the newline
		// that ends the first record is at 17, the second's at 26; the
		// third record (offsets 27-35) has none.
		{"1,a,\"x\ny\"\"\nz\",yes\n2,b,c,no\n3,d,e,yes", 27},
		{"1,a,\"x\ny\"\"\nz\",yes\n2,b,\"c\n", 18}, // the last newline is quoted
		{"1,a,\"x\ny", 0},
		{"", 0},
	} {
		if got := LastBoundary([]byte(tc.data)); got != tc.want {
			t.Errorf("LastBoundary(%q) = %d, want %d", tc.data, got, tc.want)
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 500 {
		data, ends := randomRecords(rng)
		cut := rng.IntN(len(data) + 1)
		want := 0
		for _, e := range ends {
			if e <= cut {
				want = e
			}
		}
		if got := LastBoundary(data[:cut]); got != want {
			t.Fatalf("LastBoundary(%q) = %d, want %d", data[:cut], got, want)
		}
	}
}

// randomRecords returns CSV records whose quoted fields hold commas, quotes
// and newlines, and the offsets where records end.
func randomRecords(rng *rand.Rand) ([]byte, []int) {
	var buf bytes.Buffer
	var ends []int
	pieces := []string{"a", "12", ",", "\n", `""`, " "}
	for range 1 + rng.IntN(60) {
		for f := range 1 + rng.IntN(4) {
			if f > 0 {
				buf.WriteByte(',')
			}
			if rng.IntN(3) == 0 {
				buf.WriteByte('"')
				for range rng.IntN(6) {
					buf.WriteString(pieces[rng.IntN(len(pieces))])
				}
				buf.WriteByte('"')
			} else {
				buf.WriteString(pieces[rng.IntN(2)])
			}
		}
		buf.WriteByte('\n')
		ends = append(ends, buf.Len())
	}
	return buf.Bytes(), ends
}

// SplitRecords and FirstBoundary cut only between records.
func TestSplitRecords(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		data, ends := randomRecords(rng)
		isEnd := map[int]bool{0: true}
		for _, e := range ends {
			isEnd[e] = true
		}
		for n := 1; n <= 8; n++ {
			cuts := SplitRecords(data, n)
			if cuts[0] != 0 || cuts[len(cuts)-1] != len(data) || len(cuts)-1 > n {
				t.Fatalf("SplitRecords(%q, %d) = %v", data, n, cuts)
			}
			for i, c := range cuts {
				if !isEnd[c] || (i > 0 && c <= cuts[i-1]) {
					t.Fatalf("SplitRecords(%q, %d) = %v: %d is not a record boundary, or out of order", data, n, cuts, c)
				}
			}
		}
		start := 0
		for _, e := range ends {
			if got := FirstBoundary(data[start:], false); got != e-start {
				t.Fatalf("FirstBoundary(%q) = %d, want %d", data[start:], got, e-start)
			}
			start = e
		}
	}
}
