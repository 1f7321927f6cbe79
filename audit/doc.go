// Package audit checks a roll-call record of the UN General Assembly
// against another source and against itself, and says what it covers.
//
// Every analysis inherits the errors of its data without a word. The
// embedded record (package undata: unvotes 0.3.0, built from Erik Voeten's
// data) gives Greece Grenada's votes, and Grenada Greece's, on most roll
// calls of session 65 (2010), which makes Greece the EU's top defector that
// year and halves the EU's apparent cohesion; it lacks Zimbabwe on most roll
// calls of 2016 and every vote from January to September 2019; it lists
// resolutions twice (the tests of this package and undata's errata count
// them). This package finds such errors:
//
//   - Compare matches the roll calls of two datasets (by resolution symbol,
//     and by votes where a symbol has several roll calls; otherwise by date
//     and votes) and compares every state's vote on each matched pair. It
//     reports the roll calls left unmatched on each side,
//     the votes that differ, summarised by state and by session, swaps (two
//     states whose votes are exchanged over a session), shifts (a state's
//     votes on another state's row), states missing from one source, and
//     tallies that disagree with a source's published totals.
//     Comparison.Filters keeps the matched roll calls of either side, so
//     that both sources can be scored on the same roll calls.
//   - Suspicions looks at one dataset alone for state-sessions whose
//     agreement with their usual partners collapses for one session and
//     comes back, and for pairs of states that mirror each other, ranked by
//     how unlikely the collapse is.
//   - Cover says what a dataset covers: roll calls by session and month, the
//     months and resumed sessions that are missing against the sessions
//     around, thin state-sessions, roll calls listed twice, dates that
//     contradict the session, undated roll calls, and the roll calls that
//     are not on resolutions adopted as a whole; YearNote and SessionNote
//     give a sentence a report can print when a period is thin, KindNote
//     one when the kind of roll call changes (votes.AdoptedResolutions).
//
// The main call compares two sources:
//
//	record, err := undata.LoadPublished()         // the record as published
//	undl, err := votes.ReadFile("undl_2010.csv")  // any layout votes reads
//	c, err := audit.Compare(record, undl, nil)
//	for _, s := range c.Swaps {
//		fmt.Println(s.Line()) // swap	65	GRC	GRD	5052,5053,...
//	}
//	c.WriteCSV(os.Stdout) // differences by state and session
//
// What counts as a difference: only cast votes (yes, no, abstain) are
// compared. Absent, not a member and no record count as one and the same,
// because sources record absence differently (unvotes not at all, Voeten
// and the UN Digital Library as absent); a state with a cast vote in one
// source and none in the other is a difference of its own kind (OnlyA,
// OnlyB).
//
// Errors found against an official record are corrected in the embedded
// record by undata.Load, with votes.Dataset.Correct and the table
// undata.Errata; undata.LoadPublished reads the record as published, which
// is what Compare should be given to find them again.
//
// Results write tidy CSV (WriteCSV), one observation per row. The
// differing votes themselves are in Comparison.Differences, each naming
// its match, state and two votes.
package audit

import (
	"errors"
	"fmt"
	"math"
)

// Errors, for errors.Is. Each message starts "audit: ".
var (
	// ErrEmpty: a dataset given to Compare or Suspicions holds no roll
	// call. It is this package's own: votes.ErrEmpty is a file without
	// data rows, alignment.ErrEmpty a selection with no roll call left
	// to score. Suspicions on a dataset whose roll calls are all
	// unanimous returns an error wrapping both this and alignment.ErrEmpty.
	ErrEmpty = errors.New("audit: no roll calls")
	// ErrInvalidOptions: an option value is out of range: a negative
	// count, a share outside [0, 1], or a NaN, infinite or negative
	// number. The error names the field and the value. As in gonum's
	// optimize, a bad option is an error, never clamped to a default;
	// the zero value of a field means its default.
	ErrInvalidOptions = errors.New("audit: invalid options")
)

// invalid returns an error wrapping ErrInvalidOptions.
func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrInvalidOptions}, args...)...)
}

// checkCount returns an error for a negative count.
func checkCount(name string, n int) error {
	if n < 0 {
		return invalid("%s %d is negative", name, n)
	}
	return nil
}

// checkNumber returns an error for a NaN, infinite or negative number, or
// one above most.
func checkNumber(name string, x, most float64) error {
	if math.IsNaN(x) || x < 0 || x > most {
		return invalid("%s %g is not in [0, %g]", name, x, most)
	}
	return nil
}
