package votes_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/unga-go/unga/votes"
)

// timeEqual compares instants, not time.Time's representation.
var timeEqual = cmp.Comparer(func(a, b time.Time) bool { return a.Equal(b) })

// diffDatasets reports how got differs from want: states, roll calls, every
// vote, Member and Note. It returns "" if they are equal.
func diffDatasets(want, got *votes.Dataset) string {
	var b strings.Builder
	wc, gc := collectCountries(want), collectCountries(got)
	if d := cmp.Diff(wc, gc); d != "" {
		fmt.Fprintf(&b, "countries (-want +got):\n%s", d)
		return b.String()
	}
	wr, gr := collectRollCalls(want), collectRollCalls(got)
	if d := cmp.Diff(wr, gr, timeEqual); d != "" {
		fmt.Fprintf(&b, "roll calls (-want +got):\n%s", d)
		return b.String()
	}
	bad := 0
	for i := range want.NumCountries() {
		for j := range want.NumRollCalls() {
			wv, gv := want.Vote(i, j), got.Vote(i, j)
			wm, gm := want.Member(i, j), got.Member(i, j)
			wn, gn := want.Note(i, j), got.Note(i, j)
			if wv != gv || wm != gm || wn != gn {
				if bad < 10 {
					fmt.Fprintf(&b, "%s on rcid %d: want %q/member %v/note %q, got %q/member %v/note %q\n",
						want.Country(i).Name, want.RollCall(j).ID, wv, wm, wn, gv, gm, gn)
				}
				bad++
			}
		}
	}
	if bad > 0 {
		fmt.Fprintf(&b, "%d cells differ\n", bad)
	}
	return b.String()
}

func collectCountries(d *votes.Dataset) []votes.Country {
	var out []votes.Country
	for _, c := range d.Countries() {
		out = append(out, c)
	}
	return out
}

func collectRollCalls(d *votes.Dataset) []votes.RollCall {
	var out []votes.RollCall
	for _, rc := range d.RollCalls() {
		out = append(out, *rc)
	}
	return out
}

// cmpSortSlices sorts slices before comparing, as cmpopts.SortSlices does.
func cmpSortSlices[T any](less func(a, b T) bool) cmp.Option {
	return cmpopts.SortSlices(less)
}

// splitHeader returns the fields of the first line of a CSV file without
// quotes.
func splitHeader(b []byte) []string {
	line, _, _ := strings.Cut(string(b), "\n")
	return strings.Split(strings.TrimSuffix(line, "\r"), ",")
}
