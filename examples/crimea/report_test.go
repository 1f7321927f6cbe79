package main

import (
	"strings"
	"testing"

	"github.com/unga-go/unga/alignment"
)

// A zero report gives a sentence and empty tables, not
// a panic.
func TestReportZero(t *testing.T) {
	var rep alignment.GroupRecord
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
	_ = rep.String()
}

func TestSpansAndDescribe(t *testing.T) {
	for _, tc := range []struct {
		keys []int
		want string
	}{
		{nil, ""},
		{[]int{47}, "47"},
		{[]int{47, 48, 49, 54}, "47-49 and 54"},
		{[]int{47, 49, 50, 52}, "47, 49-50 and 52"},
	} {
		if got := spans(tc.keys); got != tc.want {
			t.Errorf("spans(%v) = %q, want %q", tc.keys, got, tc.want)
		}
	}
	ch := &alignment.Changes{
		Segments: []alignment.Segment{{From: 55, To: 60, Level: 0.8}, {From: 61, To: 66, Level: 0.6}, {From: 67, To: 74, Level: 0.7}},
		Points:   []alignment.ChangePoint{{Key: 61, Lo: 60, Hi: 62}, {Key: 67, Lo: 67, Hi: 69}},
	}
	if got, want := describe(ch), "changed twice, at session 61 (2006; interval 60-62), from 0.80 to 0.60, then at session 67 (2012; interval 67-69), from 0.60 to 0.70"; got != want {
		t.Errorf("describe = %q, want %q", got, want)
	}
	ch.Points, ch.Segments = nil, ch.Segments[:1]
	if got, want := describe(ch), "did not change (0.80 throughout)"; got != want {
		t.Errorf("describe = %q, want %q", got, want)
	}
}

// A member whose votes never changed has no sentence on a change; one
// without a record in the report has no family sentence.
func TestShiftSentencesQuiet(t *testing.T) {
	var rep alignment.GroupRecord
	m := alignment.OutlierRecord{Name: "Serbia"}
	if s := shiftSentence(&rep, m, "roll calls"); s != "" {
		t.Errorf("shiftSentence on no votes = %q", s)
	}
	if s := familySentence(&rep, m.Country, "Balkan", "roll calls"); s != "" {
		t.Errorf("familySentence without the member = %q", s)
	}
}
