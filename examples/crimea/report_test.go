package main

import (
	"strings"
	"testing"

	"github.com/unga-go/unga/alignment"
)

// A zero report (issue #10, item 12) gives a sentence and empty tables, not
// a panic.
func TestReportZero(t *testing.T) {
	var rep alignment.OutlierReport
	if s := sentence(&rep, "Balkan", "roll calls"); !strings.HasPrefix(s, "Too few Balkan states") {
		t.Errorf("sentence %q", s)
	}
	var b strings.Builder
	if _, err := writeRollCalls(&rep)(&b); err != nil {
		t.Fatal(err)
	}
	if _, err := writeVotes(&rep)(&b); err != nil {
		t.Fatal(err)
	}
	if _, err := rep.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
}
