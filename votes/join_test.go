package votes_test

import (
	"bytes"
	"errors"
	"fmt"
	"log"
	"slices"
	"strings"
	"testing"

	"github.com/unga-go/unga/votes"
)

// unxmlSessions returns the UN's resolution data of the regular sessions
// from through to.
func unxmlSessions(tb testing.TB, from, to int) *votes.Dataset {
	tb.Helper()
	ds, _ := readUNXMLAll(tb)
	return ds.Filter(votes.InSessions(from, to), func(d *votes.Dataset, j int) bool { return d.RollCall(j).Special == "" })
}

// The unvotes record of sessions 73-74 joined with the UN's data of
// sessions 74-75: the UN's 90 recorded votes of session 74 are unvotes'
// roll calls (testdata/README.md: all 90 match by symbol, and their votes agree:
// undata's TestSessionOverlap), and the 99 of session 75 are added.
func TestJoin(t *testing.T) {
	a := unvotesData(t).Filter(votes.InSessions(73, 74))
	b := unxmlSessions(t, 74, 75)
	got, rep, err := votes.Join(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Matched) != 90 || len(rep.Added) != 99 || len(rep.Conflicts) != 0 {
		t.Fatalf("Join: %v, want 90 matched, 99 added, 0 conflicts", rep)
	}
	if got.NumRollCalls() != a.NumRollCalls()+99 {
		t.Errorf("%d roll calls, want %d", got.NumRollCalls(), a.NumRollCalls()+99)
	}
	for _, m := range rep.Matched {
		ra, rb := a.RollCall(m[0]), b.RollCall(m[1])
		if ra.Resolution != rb.Resolution || !ra.Date.Equal(rb.Date) {
			t.Errorf("matched %s of %s with %s of %s", ra.Resolution, ra.Date, rb.Resolution, rb.Date)
		}
	}
	// a's roll calls and votes are kept whole; b's added ones come with
	// their votes, Absent included.
	if diff := diffDatasets(a, got.Filter(votes.InSessions(73, 74))); diff != "" {
		t.Errorf("a's part of the join differs from a:\n%s", diff)
	}
	s75 := got.Filter(votes.InSessions(75, 75))
	want := b.Filter(votes.InSessions(75, 75))
	for i, c := range want.Countries() {
		k, ok := s75.IndexOf(c)
		if !ok || !slices.Equal(want.Row(i), s75.Row(k)) {
			t.Errorf("%s's votes of session 75 differ in the join", c)
		}
	}
	if !slices.Equal(got.Adoptions(), b.Adoptions()) {
		t.Errorf("adoptions %v, want b's %v", got.Adoptions(), b.Adoptions())
	}
	// Joining a dataset with itself matches everything and changes
	// nothing.
	self, rep, err := votes.Join(a, a)
	if err != nil || len(rep.Matched) != a.NumRollCalls() || len(rep.Added)+len(rep.Conflicts) != 0 {
		t.Fatalf("Join(a, a): %v, %v", rep, err)
	}
	if diff := diffDatasets(a, self); diff != "" {
		t.Errorf("Join(a, a) differs from a:\n%s", diff)
	}
}

// Votes that the two datasets record differently are conflicts, with
// both votes; the join keeps a's. On A/RES/74/7 (Cuba's embargo,
// 2019-11-07) the United States voted no and Cuba yes (both sources);
// the UN's data with the two swapped conflict on both.
func TestJoinConflicts(t *testing.T) {
	a := unvotesData(t).Filter(votes.InSessions(74, 74))
	b := unxmlSessions(t, 74, 74)
	usa, err := votes.LookupCountry("USA")
	if err != nil {
		t.Fatal(err)
	}
	cuba, err := votes.LookupCountry("Cuba")
	if err != nil {
		t.Fatal(err)
	}
	j := slices.IndexFunc(collectRollCalls(b), func(rc votes.RollCall) bool { return rc.Resolution == "A/RES/74/7" })
	swapped, err := b.Correct(votes.Correction{A: usa, B: cuba, RollCalls: []int{b.RollCall(j).ID}})
	if err != nil {
		t.Fatal(err)
	}
	got, rep, err := votes.Join(a, swapped)
	if err != nil {
		t.Fatal(err)
	}
	want := []votes.JoinConflict{{Country: usa, InA: votes.No, InB: votes.Yes}, {Country: cuba, InA: votes.Yes, InB: votes.No}}
	if len(rep.Conflicts) != 2 {
		t.Fatalf("conflicts %+v, want %+v", rep.Conflicts, want)
	}
	for k, c := range rep.Conflicts {
		m := rep.Matched[c.Match]
		c.Match = 0
		if c != want[k] || a.RollCall(m[0]).Resolution != "A/RES/74/7" || m[1] != j {
			t.Errorf("conflict %d: %+v on %s, want %+v on A/RES/74/7", k, c, a.RollCall(m[0]).Resolution, want[k])
		}
	}
	if diff := diffDatasets(a, got); diff != "" {
		t.Errorf("the join does not keep a's votes:\n%s", diff)
	}
}

// rewrite writes d in the canonical layout, replaces old with new in the
// text (every "9075," that begins a line too, if new begins "9076,"), and
// reads it back.
func rewrite(t *testing.T, d *votes.Dataset, old, new string) *votes.Dataset {
	t.Helper()
	var buf bytes.Buffer
	if err := votes.Write(&buf, d); err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	if !strings.Contains(s, old) {
		t.Fatalf("no %q in the file", old)
	}
	s = strings.Replace(s, old, new, 1)
	if strings.HasPrefix(new, "9076,") {
		s = strings.ReplaceAll(s, "\n9075,", "\n9076,")
	}
	out, err := votes.Read(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// What Join refuses, with ErrJoin: a symbol dated otherwise in a, a roll
// call without a symbol that nothing matches, a roll call to add with the
// ID of another.
func TestJoinErrors(t *testing.T) {
	a := unvotesData(t).Filter(votes.Resolutions("A/RES/74/17")) // rcid 9075, 2019-12-09
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"date", ",2019-12-09,", ",2019-12-10,", "A/RES/74/17 is dated 2019-12-10 in the second dataset (ID 9075), but 2019-12-09 in the first"},
		{"no symbol", "9075,74,,2019-12-09,A/RES/74/17,A/RES/74/17,", "9076,74,,2019-12-09,,,", "roll call 9076 of the second dataset (2019-12-09) has no resolution symbol"},
		{"ID", ",A/RES/74/17,A/RES/74/17,", ",A/RES/74/999,A/RES/74/999,", "roll call 9075 of the second dataset (A/RES/74/999) is not in the first, which has roll call 9075"},
	} {
		b := rewrite(t, a, tc.old, tc.new)
		_, _, err := votes.Join(a, b)
		if !errors.Is(err, votes.ErrJoin) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want ErrJoin saying %q", tc.name, err, tc.want)
		}
		// The package's prefix once, as in every sentinel's message.
		if err != nil && !strings.HasPrefix(err.Error(), "votes: datasets do not join: ") {
			t.Errorf("%s: %q, want it to start with the prefix once", tc.name, err)
		}
	}
	// Without a symbol, the same ID and date match.
	b := rewrite(t, a, "9075,74,,2019-12-09,A/RES/74/17,A/RES/74/17,", "9075,74,,2019-12-09,,,")
	if _, rep, err := votes.Join(a, b); err != nil || len(rep.Matched) != 1 {
		t.Errorf("no symbol, same ID and date: %v, %v; want matched", rep, err)
	}
}

// Join the UN's data of session 75 to the unvotes record, which ends with
// session 74: each roll call says where it came from.
func ExampleJoin() {
	unvotes, err := votes.ReadFile("../undata") // the unvotes files, gzipped
	if err != nil {
		log.Fatal(err)
	}
	r := &votes.Reader{Lenient: true, Source: "UN resolution data"}
	s75, err := r.ReadFile("../testdata/unxml/75.jsonl.gz")
	if err != nil {
		log.Fatal(err)
	}
	joined, rep, err := votes.Join(unvotes, s75)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(rep)
	first, last := joined.Span()
	fmt.Println(joined.NumRollCalls(), "roll calls,", first.Format("2006-01-02"), "to", last.Format("2006-01-02"))
	rc := joined.RollCall(joined.NumRollCalls() - 1)
	fmt.Printf("%s of %s, from %s\n", rc.Resolution, rc.Date.Format("2006-01-02"), rc.Source)
	// Output:
	// 0 matched, 99 added, 0 conflicts
	// 6302 roll calls, 1946-01-01 to 2021-06-30
	// A/RES/75/250 B of 2021-06-30, from UN resolution data
}
