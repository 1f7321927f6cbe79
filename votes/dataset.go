package votes

import (
	"fmt"
	"iter"
	"math/bits"
	"slices"
	"time"
)

// A Dataset is a set of roll calls and the votes of every state on each,
// stored densely: one Vote per state and roll call, so that any vote is
// answered in constant time and a state's votes lie next to each other.
//
// States are ordered by COW code (row index i), roll calls by session, date
// and then ID (column index j). A Dataset is immutable once built and safe for
// concurrent use; Filter and SelectCountries return new datasets.
//
// The zero Dataset is empty and ready to use.
type Dataset struct {
	countries []Country
	rollCalls []RollCall
	votes     []Vote // len(countries)*len(rollCalls), row i at [i*nr:(i+1)*nr]
	index     map[int]int

	// Sparse details of single votes, keyed by cell (i*nr+j): a Voeten
	// member flag that differs from what the vote implies, and a note the
	// UN Digital Library attaches to the vote.
	member map[int]Flag
	notes  map[int]string

	adoptions []Adoption // see Adoptions

	// passed says, by roll call, whether more states voted yes than no,
	// judged once on every vote read (as RollCall.Unanimous is), so that
	// AdoptedResolutions keeps its word through SelectCountries. A dataset
	// built without it (nil) judges on its own votes: see carried.
	passed []bool
}

// Adoptions returns, session by session, how many resolutions were adopted
// without a vote and how many by a recorded vote, as the source counts
// them: regular sessions in order, then emergency special sessions. Only
// the UN's resolution data give them (other sources list roll calls
// alone), and a dataset read from other sources returns nil. A resolution
// adopted without a vote is not a roll call, so Filter and SelectCountries
// keep the counts as read: they describe the sessions read, not the
// selection.
func (d *Dataset) Adoptions() []Adoption { return slices.Clone(d.adoptions) }

// NumCountries returns the number of states in the dataset.
func (d *Dataset) NumCountries() int { return len(d.countries) }

// NumRollCalls returns the number of roll calls in the dataset.
func (d *Dataset) NumRollCalls() int { return len(d.rollCalls) }

// Country returns the state in row i. It panics if i is out of range.
func (d *Dataset) Country(i int) Country { return d.countries[i] }

// RollCall returns roll call j. The result must not be modified. It panics if
// j is out of range.
func (d *Dataset) RollCall(j int) *RollCall { return &d.rollCalls[j] }

// Vote returns the vote of state i on roll call j. It panics if i or j is out
// of range.
func (d *Dataset) Vote(i, j int) Vote {
	if uint(i) >= uint(len(d.countries)) || uint(j) >= uint(len(d.rollCalls)) {
		d.badCell(i, j)
	}
	return d.votes[i*len(d.rollCalls)+j]
}

// rangeError is the value an index out of range panics with, printed as
// "votes: state index 200 out of range [0,200)". It is a value, not a
// formatted string, so that the checks stay cheap enough to inline.
type rangeError struct {
	what string // "state" or "roll call"
	i, n int
}

func (e rangeError) Error() string {
	return fmt.Sprintf("votes: %s index %d out of range [0,%d)", e.what, e.i, e.n)
}

// badCell panics, as a slice index does, for a state i or roll call j out
// of range: the cell number i*nr+j of a bad pair can be another state's, so
// it must never be read.
func (d *Dataset) badCell(i, j int) {
	if uint(i) >= uint(len(d.countries)) {
		panic(rangeError{"state", i, len(d.countries)})
	}
	panic(rangeError{"roll call", j, len(d.rollCalls)})
}

// Row returns the votes of state i on every roll call, in roll-call order.
// The slice shares the dataset's storage, for speed: it must not be modified.
// It panics if i is out of range.
func (d *Dataset) Row(i int) []Vote {
	if uint(i) >= uint(len(d.countries)) {
		panic(rangeError{"state", i, len(d.countries)})
	}
	nr := len(d.rollCalls)
	return d.votes[i*nr : (i+1)*nr : (i+1)*nr]
}

// Member returns Voeten's "member" flag for state i on roll call j: true
// for a vote cast or recorded absent, unknown for a non-member, unless the
// source said otherwise. It panics if i or j is out of range.
func (d *Dataset) Member(i, j int) Flag {
	if uint(i) >= uint(len(d.countries)) || uint(j) >= uint(len(d.rollCalls)) {
		d.badCell(i, j)
	}
	if f, ok := d.member[i*len(d.rollCalls)+j]; ok {
		return f
	}
	switch d.votes[i*len(d.rollCalls)+j] {
	case Yes, Abstain, No, Absent:
		return FlagTrue
	}
	return FlagUnknown
}

// Note returns the note the UN Digital Library attaches to the vote of state
// i on roll call j, if any. It panics if i or j is out of range.
func (d *Dataset) Note(i, j int) string {
	if uint(i) >= uint(len(d.countries)) || uint(j) >= uint(len(d.rollCalls)) {
		d.badCell(i, j)
	}
	return d.notes[i*len(d.rollCalls)+j]
}

// IndexOf returns the row of state c, and whether c is in the dataset.
func (d *Dataset) IndexOf(c Country) (int, bool) {
	i, ok := d.index[c.COW]
	return i, ok
}

// CountryIndex returns the row of the state with the given name or code, as
// LookupCountry accepts them ("Serbia", "SRB", "YU", "345"). It returns an
// error wrapping ErrUnknownCountry if no state goes by that key, or if the
// state has no row in this dataset (a *NotInDatasetError), and one wrapping
// ErrAmbiguousCountry for a key such as "Congo" that names several states.
func (d *Dataset) CountryIndex(key string) (int, error) {
	c, err := LookupCountry(key)
	if err != nil {
		return -1, err
	}
	i, ok := d.index[c.COW]
	if !ok {
		return -1, &NotInDatasetError{Country: c}
	}
	return i, nil
}

// NotInDatasetError reports a known state with no row in a dataset.
type NotInDatasetError struct{ Country Country }

// Error names the state.
func (e *NotInDatasetError) Error() string {
	return "votes: " + e.Country.Name + " is not in the dataset"
}

// Unwrap lets errors.Is(err, ErrUnknownCountry) match.
func (e *NotInDatasetError) Unwrap() error { return ErrUnknownCountry }

// Countries returns an iterator over the states, by row.
func (d *Dataset) Countries() iter.Seq2[int, Country] {
	return func(yield func(int, Country) bool) {
		for i, c := range d.countries {
			if !yield(i, c) {
				return
			}
		}
	}
}

// RollCalls returns an iterator over the roll calls, by column. The roll
// calls must not be modified.
func (d *Dataset) RollCalls() iter.Seq2[int, *RollCall] {
	return func(yield func(int, *RollCall) bool) {
		for j := range d.rollCalls {
			if !yield(j, &d.rollCalls[j]) {
				return
			}
		}
	}
}

// VotesOn returns an iterator over the states with a record on roll call j
// and their votes.
func (d *Dataset) VotesOn(j int) iter.Seq2[Country, Vote] {
	return func(yield func(Country, Vote) bool) {
		for i, c := range d.countries {
			if v := d.Vote(i, j); v != NoRecord {
				if !yield(c, v) {
					return
				}
			}
		}
	}
}

// Tally counts the votes on roll call j in the dataset. It panics if j is
// out of range.
func (d *Dataset) Tally(j int) Tally {
	if uint(j) >= uint(len(d.rollCalls)) {
		panic(rangeError{"roll call", j, len(d.rollCalls)})
	}
	var t Tally
	nr := len(d.rollCalls)
	for i := range d.countries {
		switch d.votes[i*nr+j] {
		case Yes:
			t.Yes++
		case No:
			t.No++
		case Abstain:
			t.Abstain++
		case Absent:
			t.NonVoting++
		}
	}
	t.Members = t.Yes + t.No + t.Abstain + t.NonVoting
	return t
}

// Span returns the dates of the first and last roll calls.
func (d *Dataset) Span() (first, last time.Time) {
	if len(d.rollCalls) == 0 {
		return time.Time{}, time.Time{}
	}
	return d.rollCalls[0].Date, d.rollCalls[len(d.rollCalls)-1].Date
}

// Sessions returns the regular sessions the roll calls belong to, in order.
func (d *Dataset) Sessions() []int {
	var out []int
	for _, rc := range d.rollCalls {
		if len(out) == 0 || out[len(out)-1] != rc.Session {
			out = append(out, rc.Session)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Filter returns the dataset restricted to the roll calls that pass every
// filter, with the same states.
func (d *Dataset) Filter(keep ...Filter) *Dataset {
	var cols []int
	for j := range d.rollCalls {
		ok := true
		for _, f := range keep {
			if !f(d, j) {
				ok = false
				break
			}
		}
		if ok {
			cols = append(cols, j)
		}
	}
	rows := make([]int, len(d.countries))
	for i := range rows {
		rows[i] = i
	}
	return d.subset(rows, cols)
}

// SelectCountries returns the dataset restricted to the states for which keep
// returns true, with the same roll calls.
func (d *Dataset) SelectCountries(keep func(Country) bool) *Dataset {
	var rows []int
	for i, c := range d.countries {
		if keep(c) {
			rows = append(rows, i)
		}
	}
	cols := make([]int, len(d.rollCalls))
	for j := range cols {
		cols[j] = j
	}
	return d.subset(rows, cols)
}

// Voters returns the dataset restricted to the states that cast at least one
// vote (Yes, Abstain or No) on its roll calls, and the states it dropped,
// by COW code: those with no row of votes in the selection, such as the
// Federal Republic of Germany, Czechoslovakia, Zanzibar and the Republic of
// China in a selection of 2019 (a dataset keeps every state its source
// lists). Absences and non-membership are not votes cast. The roll calls,
// and their Unanimous flags, are kept.
func (d *Dataset) Voters() (voting *Dataset, dropped []Country) {
	nr := len(d.rollCalls)
	var rows []int
	for i, c := range d.countries {
		if slices.ContainsFunc(d.votes[i*nr:(i+1)*nr], Vote.Cast) {
			rows = append(rows, i)
		} else {
			dropped = append(dropped, c)
		}
	}
	cols := make([]int, nr)
	for j := range cols {
		cols[j] = j
	}
	return d.subset(rows, cols), dropped
}

func (d *Dataset) subset(rows, cols []int) *Dataset {
	nr := len(d.rollCalls)
	out := &Dataset{
		countries: make([]Country, len(rows)),
		rollCalls: make([]RollCall, len(cols)),
		votes:     make([]Vote, len(rows)*len(cols)),
		index:     make(map[int]int, len(rows)),
		adoptions: d.adoptions,
		passed:    make([]bool, len(cols)),
	}
	for k, j := range cols {
		out.rollCalls[k] = d.rollCalls[j]
		out.passed[k] = d.carried(j)
	}
	newCol := make(map[int]int, len(d.member)+len(d.notes))
	if len(d.member)+len(d.notes) > 0 {
		for k, j := range cols {
			newCol[j] = k
		}
	}
	newRow := make(map[int]int, len(rows))
	for k, i := range rows {
		out.countries[k] = d.countries[i]
		out.index[d.countries[i].COW] = k
		newRow[i] = k
		src := d.votes[i*nr : (i+1)*nr]
		dst := out.votes[k*len(cols) : (k+1)*len(cols)]
		for c, j := range cols {
			dst[c] = src[j]
		}
	}
	remap := func(cell int) (int, bool) {
		i, j := cell/nr, cell%nr
		r, ok1 := newRow[i]
		c, ok2 := newCol[j]
		return r*len(cols) + c, ok1 && ok2
	}
	out.member = moveCells(d.member, remap)
	out.notes = moveCells(d.notes, remap)
	return out
}

// moveCells returns the sparse details m (member flags, notes) of the cells
// that to maps into another dataset, at their new cells; nil if none is.
func moveCells[V any](m map[int]V, to func(cell int) (int, bool)) map[int]V {
	var out map[int]V
	for cell, v := range m {
		if n, ok := to(cell); ok {
			if out == nil {
				out = make(map[int]V)
			}
			out[n] = v
		}
	}
	return out
}

// judgeUnanimity sets RollCall.Unanimous from every vote in d, and
// whether more states voted yes than no (passed). It runs once, when a
// dataset is read, so that later selections of states keep the decisions
// made on the whole Assembly.
func (d *Dataset) judgeUnanimity() {
	nr := len(d.rollCalls)
	seen := make([]uint8, nr)
	margin := make([]int32, nr) // yes less no
	for i := range d.countries {
		for j, v := range d.votes[i*nr : (i+1)*nr] {
			if v.Cast() {
				seen[j] |= 1 << uint(v)
				switch v {
				case Yes:
					margin[j]++
				case No:
					margin[j]--
				}
			}
		}
	}
	for j, s := range seen {
		d.rollCalls[j].Unanimous = bits.OnesCount8(s) < 2
	}
	d.passed = make([]bool, nr)
	for j, m := range margin {
		d.passed[j] = m > 0
	}
}

// carried reports whether more states voted yes than no on roll call j:
// as judged when the dataset was read, or on d's own votes if d was built
// without that judgement.
func (d *Dataset) carried(j int) bool {
	if d.passed != nil {
		return d.passed[j]
	}
	t := d.Tally(j)
	return t.Yes > t.No
}

// newDataset builds a dataset from what a read gave: the one place a read
// becomes a Dataset, and where its roll calls are judged unanimous.
func newDataset(res *result) *Dataset {
	nr := res.NumRollCalls()
	d := &Dataset{
		countries: make([]Country, len(res.Countries)),
		rollCalls: make([]RollCall, nr),
		votes:     make([]Vote, len(res.Countries)*nr),
		index:     make(map[int]int, len(res.Countries)),
		notes:     res.Notes,
	}
	for i, p := range res.Countries {
		d.countries[i] = countryAt(p)
		d.index[d.countries[i].COW] = i
	}
	for j := range d.rollCalls {
		d.rollCalls[j] = *res.RollCall(j)
	}
	res.fill(d.votes)
	d.member = res.members()
	d.adoptions = res.Adoptions
	d.judgeUnanimity()
	for j, u := range res.Unanimity {
		d.rollCalls[j].Unanimous = u
	}
	return d
}
