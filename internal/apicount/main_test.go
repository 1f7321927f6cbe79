package main

import "testing"

// maxExported is the most exported identifiers the module may have: an API
// small enough to hold in one's head. Raise it only with a reason a user
// would accept.
const maxExported = 1000

func TestExportedCount(t *testing.T) {
	cs, err := countModule("../..")
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, c := range cs {
		total += c.total()
	}
	if total > maxExported {
		t.Errorf("the module exports %d identifiers, more than %d:\n%s", total, maxExported, table(cs))
	}
	if total < 100 {
		t.Errorf("counted %d exported identifiers; the walk is missing packages:\n%s", total, table(cs))
	}
}
