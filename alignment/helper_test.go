package alignment

import (
	"sync"
	"testing"

	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
)

// record loads the embedded 1946-2019 record once per test binary.
var record = sync.OnceValues(undata.Load)

func load(tb testing.TB) *votes.Dataset {
	tb.Helper()
	ds, err := record()
	if err != nil {
		tb.Fatalf("undata.Load: %v", err)
	}
	return ds
}

func country(tb testing.TB, key string) votes.Country {
	tb.Helper()
	c, err := votes.LookupCountry(key)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}
