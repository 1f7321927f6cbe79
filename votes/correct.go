package votes

import (
	"errors"
	"fmt"
	"maps"
	"slices"
)

// ErrBadCorrection reports a Correction that cannot apply to a dataset: a
// roll call or state it names is not there, or it names one twice.
var ErrBadCorrection = errors.New("votes: correction does not apply")

// A Correction exchanges the votes of two states on the listed roll calls:
// the fix for a source that filed each state's votes on the other's row,
// as the unvotes record does for Greece and Grenada in session 65. Each
// state's Voeten member flag and Digital Library note travel with its vote.
type Correction struct {
	A, B      Country // the two states, by COW code
	RollCalls []int   // roll-call IDs (RollCall.ID)
}

// Correct returns a new dataset with the corrections applied in order; d is
// not changed. A swap leaves every roll call's votes the same as a
// multiset, so RollCall.Unanimous is kept as it was judged when d was read.
//
// It returns an error wrapping ErrBadCorrection, and no dataset, if a
// correction names a state with no row in d, the same state twice, a roll
// call that is not in d, or a roll call twice.
func (d *Dataset) Correct(cs ...Correction) (*Dataset, error) {
	col := make(map[int]int, len(d.rollCalls))
	for j := range d.rollCalls {
		col[d.rollCalls[j].ID] = j
	}
	type swap struct{ a, b, j int }
	var swaps []swap
	for k, c := range cs {
		where := fmt.Sprintf("correction %d (%s/%s)", k+1, c.A.Code(), c.B.Code())
		a, okA := d.index[c.A.COW]
		b, okB := d.index[c.B.COW]
		switch {
		case !okA:
			return nil, fmt.Errorf("%w: %s: %s has no row in the dataset", ErrBadCorrection, where, c.A.Name)
		case !okB:
			return nil, fmt.Errorf("%w: %s: %s has no row in the dataset", ErrBadCorrection, where, c.B.Name)
		case a == b:
			return nil, fmt.Errorf("%w: %s: a state cannot swap with itself", ErrBadCorrection, where)
		}
		seen := make(map[int]bool, len(c.RollCalls))
		for _, id := range c.RollCalls {
			j, ok := col[id]
			if !ok {
				return nil, fmt.Errorf("%w: %s: roll call %d is not in the dataset", ErrBadCorrection, where, id)
			}
			if seen[id] {
				return nil, fmt.Errorf("%w: %s: roll call %d is listed twice", ErrBadCorrection, where, id)
			}
			seen[id] = true
			swaps = append(swaps, swap{a, b, j})
		}
	}
	out := &Dataset{
		countries: slices.Clone(d.countries),
		rollCalls: slices.Clone(d.rollCalls),
		votes:     slices.Clone(d.votes),
		index:     maps.Clone(d.index),
		member:    maps.Clone(d.member),
		notes:     maps.Clone(d.notes),
		adoptions: d.adoptions,
		passed:    d.passed, // a swap moves votes, not their count
	}
	nr := len(d.rollCalls)
	for _, s := range swaps {
		x, y := s.a*nr+s.j, s.b*nr+s.j
		out.votes[x], out.votes[y] = out.votes[y], out.votes[x]
		swapKey(out.member, x, y)
		swapKey(out.notes, x, y)
	}
	return out, nil
}

// swapKey exchanges the entries of m at x and y, either of which may be
// absent.
func swapKey[V any](m map[int]V, x, y int) {
	vx, okx := m[x]
	vy, oky := m[y]
	delete(m, x)
	delete(m, y)
	if okx {
		m[y] = vx
	}
	if oky {
		m[x] = vy
	}
}
