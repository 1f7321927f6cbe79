package votes_test

import (
	"fmt"
	"testing"

	"github.com/unga-go/unga/votes"
)

// unvotesAdopted is, by session (index 1-74), the number of roll calls of
// the embedded unvotes record that AdoptedResolutions keeps, as counted by
// testdata/adopted/adopted.py from the repository's CSV files.
var unvotesAdopted = [...]int{0,
	23, 14, 18, 12, 19, 16, 19, 11, 14, 27, 37, 23, 16, 21, 36, 35, 15, 18, 0, 0, // 1-20
	13, 28, 20, 20, 40, 76, 70, 71, 54, 62, 83, 90, 130, 117, 100, 131, 144, 145, 150, 155, // 21-40
	155, 146, 136, 116, 86, 75, 75, 65, 68, 81, 76, 70, 63, 68, 67, 67, 75, 76, 72, 75, // 41-60
	90, 78, 74, 69, 68, 66, 69, 64, 81, 73, 79, 91, 95, 91, // 61-74
}

func TestAdoptedResolutionsUnvotes(t *testing.T) {
	ds := unvotesData(t)
	kept := ds.Filter(votes.AdoptedResolutions())
	got := make([]int, len(unvotesAdopted))
	for _, rc := range kept.RollCalls() {
		got[rc.Session]++
	}
	for s := 1; s < len(got); s++ {
		if got[s] != unvotesAdopted[s] {
			t.Errorf("session %d: kept %d roll calls, want %d", s, got[s], unvotesAdopted[s])
		}
	}
	// adopted.py: 4,873 of 6,203.
	if ds.NumRollCalls() != 6203 || kept.NumRollCalls() != 4873 {
		t.Errorf("kept %d of %d roll calls, want 4873 of 6203", kept.NumRollCalls(), ds.NumRollCalls())
	}
	// The judgement is made on every vote read: a selection of states in
	// which no votes yes keeps the same roll calls.
	balkans := ds.SelectCountries(func(c votes.Country) bool { return c.COW == 345 || c.COW == 365 })
	if n := balkans.Filter(votes.AdoptedResolutions()).NumRollCalls(); n != 4873 {
		t.Errorf("after SelectCountries: kept %d roll calls, want 4873", n)
	}
}

// The UN's resolution data hold only adopted resolutions, voted as a whole:
// the filter keeps all 730 roll calls (adopted.py).
func TestAdoptedResolutionsUNXML(t *testing.T) {
	ds, _ := readUNXMLAll(t)
	if n := ds.Filter(votes.AdoptedResolutions()).NumRollCalls(); n != 730 || ds.NumRollCalls() != 730 {
		t.Errorf("kept %d of %d roll calls, want 730 of 730", n, ds.NumRollCalls())
	}
}

// The separate votes that BSVRollCalls and AdoptedResolutions leave out:
// session 71 holds 40, flagged as amendments (7) or paragraphs (33) in the
// unvotes roll-call file (adopted.py's flags, counted alike).
func TestIsPart(t *testing.T) {
	ds := unvotesData(t).Filter(votes.InSessions(71, 71))
	parts := 0
	for _, rc := range ds.RollCalls() {
		if rc.IsPart() {
			parts++
		}
	}
	if parts != 40 {
		t.Errorf("session 71: %d separate votes on parts, want 40", parts)
	}
}

// Sessions 72 to 74 of the record: what the filter keeps.
func ExampleAdoptedResolutions() {
	ds := unvotesForExamples()
	for s := 72; s <= 74; s++ {
		all := ds.Filter(votes.InSessions(s, s))
		kept := all.Filter(votes.AdoptedResolutions())
		fmt.Printf("session %d: %d of %d roll calls\n", s, kept.NumRollCalls(), all.NumRollCalls())
	}
	// Output:
	// session 72: 91 of 124 roll calls
	// session 73: 95 of 95 roll calls
	// session 74: 91 of 91 roll calls
}

// The vote on A/RES/72/50 (nuclear disarmament, December 2017) as a whole,
// and the separate votes on its paragraphs.
func ExampleRollCall_IsPart() {
	ds := unvotesForExamples().Filter(votes.Resolutions("A/RES/72/50"))
	for j, rc := range ds.RollCalls() {
		fmt.Println(rc.Date.Format("2006-01-02"), rc.IsPart(), ds.Tally(j))
	}
	// Output:
	// 2017-12-04 false 156-4-24
	// 2017-12-04 true 169-4-5
	// 2017-12-04 true 157-2-16
	// 2017-12-04 true 165-3-10
	// 2017-12-04 true 154-4-19
	// 2017-12-04 true 164-1-11
	// 2017-12-04 true 164-2-2
	// 2017-12-04 true 166-1-8
	// 2017-12-04 true 142-7-27
}
