package votes_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/unga-go/unga/votes"
)

// The vote rows of a large file are parsed in two parts at once; these
// tests put a bad row in the second part of a real file and check that it
// is reported as a sequential read reports it.

// bigVotes returns the header and first n rows of the real un_votes.csv,
// followed by extra, and the line number extra starts on.
func bigVotes(t *testing.T, n int, extra string) ([]byte, int) {
	raw := rawUnvotes(t)
	head := headLines(raw.votes, n+1)
	return append(bytes.Clone(head), extra...), n + 2
}

func TestSecondPartDuplicate(t *testing.T) {
	raw := rawUnvotes(t)
	// Row 2 of the file is "3,United States,US,yes" (rcid 3): contradict it
	// 20,000 rows later, well inside the second part of the block.
	data, line := bigVotes(t, 20000, "3,United States,US,no\n")
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

func TestSecondPartUnknownRollCall(t *testing.T) {
	raw := rawUnvotes(t)
	data, line := bigVotes(t, 20000, "999999,Canada,CA,yes\n3,Namibia,NA,yes\n")
	r := &votes.Reader{Lenient: true}
	ds, err := r.ReadUnvotes(bytes.NewReader(data), bytes.NewReader(raw.rollCalls), bytes.NewReader(raw.issues))
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Skipped) != 1 || r.Skipped[0].Line != line || !errors.Is(r.Skipped[0], votes.ErrUnknownRollCall) {
		t.Fatalf("skipped %v, want the unknown rcid at line %d", r.Skipped, line)
	}
	// The good rows of the same part are all read: 20,000 and the last one
	// (Namibia had no vote on rcid 3, of 1946).
	n := 0
	for i := range ds.NumCountries() {
		for _, v := range ds.Row(i) {
			if v != votes.NoRecord {
				n++
			}
		}
	}
	if n != 20001 {
		t.Errorf("%d votes read, want 20001", n)
	}
}
