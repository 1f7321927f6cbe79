package alignment

import (
	"fmt"
	"time"

	"github.com/unga-go/unga/votes"
)

// Membership says for how much of a selection of roll calls a state was a
// member of the United Nations, so that a score pooled over 2000-2019 for a
// state admitted in 2011 does not pass for one over the whole period.
//
// A state counts as a member for every roll call of a regular session in
// which the data record it as one at least once: a vote cast or an absence
// recorded (votes.Dataset.Member). Most states are admitted at the opening
// of a session, and a member absent on a few roll calls (the unvotes record
// has no absences) is still a member for all of them. South Sudan, admitted
// on 14 July 2011, is a member from session 66 on; Montenegro, admitted on
// 28 June 2006, from session 61.
//
// What the data cannot show is a member that cast no vote in a whole
// session: where the source records no absences, it looks like a
// non-member then, and its score rests on the other sessions alone, which
// is what Membership warns of. In the unvotes record of 2000-2004, Liberia
// and Iraq voted only in 2004 and Switzerland and Timor-Leste joined in
// 2002; but 80 states also miss the two roll calls of session 54 held in
// 2000 (444 of 446 roll calls, 0.996), which Options.MinMembership at 0.95
// lets through.
type Membership struct {
	// RollCalls counts the roll calls of the selection (those the scores
	// rest on: unanimous ones left out unless Options.KeepUnanimous) held
	// while the state was a member; Of counts them all.
	RollCalls, Of int
	// First and Last are the days of the first and last of them; zero if
	// there is none (or it has no date).
	First, Last time.Time
}

// Share returns RollCalls / Of, the share of the selection the state was a
// member for; NaN if the selection is empty.
func (m Membership) Share() float64 { return float64(m.RollCalls) / float64(m.Of) }

// Full reports whether the state was a member for every roll call of the
// selection.
func (m Membership) Full() bool { return m.Of > 0 && m.RollCalls == m.Of }

// enough reports whether m meets Options.MinMembership.
func (m Membership) enough(o *Options) bool {
	return o.MinMembership == 0 || m.Of > 0 && m.Share() >= o.MinMembership
}

// checkMembership returns an error if o.MinMembership is not in [0, 1].
func checkMembership(o *Options) error {
	if !(o.MinMembership >= 0 && o.MinMembership <= 1) {
		return fmt.Errorf("alignment: invalid options: MinMembership %g not in [0, 1]", o.MinMembership)
	}
	return nil
}

// date formats a day as yyyy-mm-dd, "" for the zero day.
func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// memberships returns the Membership of every state of ds (by row) over
// the roll calls o counts. Membership of a session is read on every roll
// call of ds, unanimous or not.
func memberships(ds *votes.Dataset, o *Options) []Membership {
	nc, nr := ds.NumCountries(), ds.NumRollCalls()
	out := make([]Membership, nc)
	counted := make([]bool, nr)
	of := 0
	for j, rc := range ds.RollCalls() {
		counted[j] = o.counts(rc)
		if counted[j] {
			of++
		}
	}
	member := make(map[int]bool) // sessions in which the state sat
	for i := range nc {
		clear(member)
		for j := range nr {
			if ds.Member(i, j) == votes.FlagTrue {
				member[ds.RollCall(j).Session] = true
			}
		}
		m := Membership{Of: of}
		for j, rc := range ds.RollCalls() {
			if !counted[j] || !member[rc.Session] {
				continue
			}
			m.RollCalls++
			if !rc.Date.IsZero() {
				if m.First.IsZero() {
					m.First = rc.Date
				}
				m.Last = rc.Date
			}
		}
		out[i] = m
	}
	return out
}

// note returns "", or for a state that was a member for part of the
// selection, "; member 2011-09-23 to 2019-12-27 (45%)".
func (m Membership) note() string {
	if m.Full() || m.Of == 0 {
		return ""
	}
	return fmt.Sprintf("; member %s to %s (%.0f%%)", date(m.First), date(m.Last), 100*m.Share())
}
