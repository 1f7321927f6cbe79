package votes_test

import (
	"bytes"
	"sync"
	"testing"
	"time"

	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
)

// The real data is read once per test binary: under -race each read of the
// full record takes seconds.

const voetenPath = "../testdata/voeten/UNVotesPublished.csv.gz"

// unvotesRaw holds the three unvotes files, decompressed.
type unvotesRaw struct{ votes, rollCalls, issues []byte }

var loadUnvotesRaw = sync.OnceValues(func() (unvotesRaw, error) {
	var raw unvotesRaw
	for _, f := range []struct {
		name string
		dst  *[]byte
	}{{"un_votes.csv.gz", &raw.votes}, {"un_roll_calls.csv.gz", &raw.rollCalls}, {"un_roll_call_issues.csv.gz", &raw.issues}} {
		var err error
		if *f.dst, err = votes.GunzipPath("../undata/" + f.name); err != nil {
			return raw, err
		}
	}
	return raw, nil
})

var loadUnvotes = sync.OnceValues(undata.LoadPublished) // the record as read, errata not applied

var loadVoetenRaw = sync.OnceValues(func() ([]byte, error) { return votes.GunzipPath(voetenPath) })

var loadVoeten = sync.OnceValues(func() (*votes.Dataset, error) {
	raw, err := loadVoetenRaw()
	if err != nil {
		return nil, err
	}
	return votes.Read(bytes.NewReader(raw))
})

func unvotesData(tb testing.TB) *votes.Dataset {
	tb.Helper()
	d, err := loadUnvotes()
	if err != nil {
		tb.Fatalf("undata.Load: %v", err)
	}
	return d
}

func voetenData(tb testing.TB) *votes.Dataset {
	tb.Helper()
	d, err := loadVoeten()
	if err != nil {
		tb.Fatalf("reading %s: %v", voetenPath, err)
	}
	return d
}

func rawUnvotes(tb testing.TB) unvotesRaw {
	tb.Helper()
	raw, err := loadUnvotesRaw()
	if err != nil {
		tb.Fatalf("reading the embedded unvotes files: %v", err)
	}
	return raw
}

func rawVoeten(tb testing.TB) []byte {
	tb.Helper()
	raw, err := loadVoetenRaw()
	if err != nil {
		tb.Fatalf("reading %s: %v", voetenPath, err)
	}
	return raw
}

// rollCallByID returns the column of the roll call with the given ID.
func rollCallByID(tb testing.TB, d *votes.Dataset, id int) int {
	tb.Helper()
	for j, rc := range d.RollCalls() {
		if rc.ID == id {
			return j
		}
	}
	tb.Fatalf("no roll call with ID %d", id)
	return -1
}

// countVotes counts the votes of each kind in d.
func countVotes(d *votes.Dataset) map[votes.Vote]int {
	n := make(map[votes.Vote]int)
	for i := range d.NumCountries() {
		for _, v := range d.Row(i) {
			n[v]++
		}
	}
	return n
}

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}
