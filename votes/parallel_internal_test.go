package votes

import "testing"

// recordBoundary must never cut inside a quoted field, which may hold
// newlines and quotes of its own.
func TestRecordBoundary(t *testing.T) {
	data := []byte("1,a,\"x\ny\"\"\nz\",yes\n2,b,c,no\n3,d,e,yes")
	// The quoted field opens at offset 4 and closes at 12; the newline
	// that ends the first record is at 17, the second's at 26; the third
	// record (offsets 27-35) has none.
	for _, tc := range []struct{ limit, want int }{
		{0, 18},         // forward from the start: the first newline outside quotes
		{7, 18},         // from inside the quoted field, past its first newline
		{19, 27},        // from inside the second record
		{30, 0},         // no newline after the limit
		{len(data), 27}, // backward from the end: the last complete record
	} {
		if got := recordBoundary(data, tc.limit); got != tc.want {
			t.Errorf("recordBoundary(limit %d) = %d, want %d", tc.limit, got, tc.want)
		}
	}
}
