package votes_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/unga-go/unga/votes"
)

func mustCountry(t *testing.T, key string) votes.Country {
	t.Helper()
	c, err := votes.LookupCountry(key)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Correct exchanges two states' votes on the roll calls listed, notes and
// all, and leaves the dataset it was called on as it was.
func TestCorrect(t *testing.T) {
	d := readFixture(t, "../testdata/undl/undl_2026.csv")
	// In the fixture, on A/RES/ES-11/1 (record 3959039), Serbia voted yes
	// with a note and Venezuela has no vote (non-voting, Article 19, a note
	// too); Albania voted yes on record 4000001 without a note.
	j := -1
	for k, rc := range d.RollCalls() {
		if rc.ID == 3959039 {
			j = k
		}
	}
	srb, _ := d.CountryIndex("SRB")
	ven, _ := d.CountryIndex("VEN")
	wantSRB, wantVEN := d.Vote(srb, j), d.Vote(ven, j)
	noteSRB, noteVEN := d.Note(srb, j), d.Note(ven, j)
	if wantSRB != votes.Yes || wantVEN != votes.Absent || noteSRB == "" || noteVEN != "Non-voting: Article 19" {
		t.Fatalf("fixture changed: SRB %v %q, VEN %v %q", wantSRB, noteSRB, wantVEN, noteVEN)
	}
	unanimous := d.RollCall(j).Unanimous
	c, err := d.Correct(votes.Correction{A: mustCountry(t, "SRB"), B: mustCountry(t, "VEN"), RollCalls: []int{3959039}})
	if err != nil {
		t.Fatal(err)
	}
	if c.Vote(srb, j) != wantVEN || c.Vote(ven, j) != wantSRB || c.Note(srb, j) != noteVEN || c.Note(ven, j) != noteSRB {
		t.Errorf("corrected: SRB %v %q, VEN %v %q", c.Vote(srb, j), c.Note(srb, j), c.Vote(ven, j), c.Note(ven, j))
	}
	if d.Vote(srb, j) != wantSRB || d.Note(srb, j) != noteSRB {
		t.Error("Correct changed the dataset it was called on")
	}
	if c.RollCall(j).Unanimous != unanimous || c.Tally(j) != d.Tally(j) {
		t.Errorf("a swap changed the roll call: unanimous %v, tally %v (was %v, %v)", c.RollCall(j).Unanimous, c.Tally(j), unanimous, d.Tally(j))
	}
	// Only those two cells changed.
	n := 0
	for i := range d.NumCountries() {
		for k := range d.NumRollCalls() {
			if d.Vote(i, k) != c.Vote(i, k) || d.Note(i, k) != c.Note(i, k) {
				n++
			}
		}
	}
	if n != 2 {
		t.Errorf("%d cells changed, want 2", n)
	}
	// Applying the same correction twice restores the original.
	back, err := c.Correct(votes.Correction{A: mustCountry(t, "VEN"), B: mustCountry(t, "SRB"), RollCalls: []int{3959039}})
	if err != nil {
		t.Fatal(err)
	}
	if diff := diffDatasets(d, back); diff != "" {
		t.Errorf("swapping back does not restore the dataset:\n%s", diff)
	}
}

func TestCorrectErrors(t *testing.T) {
	d := readFixture(t, "../testdata/undl/undl_2026.csv")
	srb, ven, tuv := mustCountry(t, "SRB"), mustCountry(t, "VEN"), mustCountry(t, "Tuvalu")
	for _, tc := range []struct {
		c   votes.Correction
		msg string
	}{
		{votes.Correction{A: srb, B: ven, RollCalls: []int{1}}, "roll call 1 is not in the dataset"},
		{votes.Correction{A: srb, B: ven, RollCalls: []int{3959039, 3959039}}, "listed twice"},
		{votes.Correction{A: srb, B: srb, RollCalls: []int{3959039}}, "itself"},
		{votes.Correction{A: srb, B: tuv, RollCalls: []int{3959039}}, "Tuvalu has no row"},
		// A state without ISO3 is named by its code, not a blank.
		{votes.Correction{A: mustCountry(t, "260"), B: mustCountry(t, "260"), RollCalls: []int{3959039}}, "correction 1 (GFR/GFR)"},
	} {
		_, err := d.Correct(tc.c)
		if !errors.Is(err, votes.ErrBadCorrection) || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("Correct(%v) = %v, want ErrBadCorrection with %q", tc.c, err, tc.msg)
		}
	}
}
