package alignment

import (
	"fmt"
	"time"

	"github.com/unga-go/unga/votes"
)

// Membership says for how much of a selection of roll calls a state was a
// member of the United Nations, so that a score pooled over 2000-2019 for a
// state admitted in 2011 does not pass for one over the whole period.
// Rankings give it for each state (Ranked, PeriodChange), series for each
// state and period (ReferenceSeries.Membership), and the tidy rows as
// member_share.
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
// is what Membership warns of. A state that misses only a few roll calls
// of the selection's first or last days (a session's roll calls held in
// the selection's first year, say) has a share just under 1, which
// Options.MinMembership (0.95, say) lets through.
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

// full reports whether the state was a member for every roll call of the
// selection.
func (m Membership) full() bool { return m.Of > 0 && m.RollCalls == m.Of }

// enough reports whether m meets Options.MinMembership.
func (m Membership) enough(o *Options) bool {
	return o.MinMembership == 0 || m.Of > 0 && m.Share() >= o.MinMembership
}

// members returns ds narrowed to the states that were members for at
// least o.MinMembership of the roll calls o counts, as the matrices honour
// the option; ds itself if the option is 0. SelectCountries keeps the
// Unanimous flags, so the scores of the states kept do not change.
func members(ds *votes.Dataset, o *Options) *votes.Dataset {
	if o.MinMembership == 0 {
		return ds
	}
	ms := memberships(ds, o)
	keep := make(map[int]bool, len(ms))
	for i, c := range ds.Countries() {
		keep[c.COW] = ms[i].enough(o)
	}
	return ds.SelectCountries(func(c votes.Country) bool { return keep[c.COW] })
}

// date formats a day as yyyy-mm-dd, "" for the zero day.
func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// memberships returns the Membership of every state of ds (by row) over
// the roll calls o counts.
func memberships(ds *votes.Dataset, o *Options) []Membership {
	return newSittings(ds).over(ds, o, segment{lo: 0, hi: ds.NumRollCalls()})
}

// sittings records the sessions in which each state of a dataset was
// recorded as a member at least once (sittings[i][session]), read on every
// roll call of the dataset, unanimous or not.
type sittings [][]bool

func newSittings(ds *votes.Dataset) sittings {
	// Runs of roll calls of one session: once a state is seen sitting in
	// a run, the rest of it need not be read.
	type run struct{ session, lo, hi int }
	var runs []run
	top := 0
	for j, rc := range ds.RollCalls() {
		s := max(rc.Session, 0)
		top = max(top, s)
		if len(runs) == 0 || runs[len(runs)-1].session != s {
			runs = append(runs, run{s, j, j})
		}
		runs[len(runs)-1].hi = j + 1
	}
	sat := make(sittings, ds.NumCountries())
	for i := range sat {
		sat[i] = make([]bool, top+1)
		for _, r := range runs {
			for j := r.lo; j < r.hi && !sat[i][r.session]; j++ {
				sat[i][r.session] = ds.Member(i, j) == votes.FlagTrue
			}
		}
	}
	return sat
}

// over returns the Membership of every state (by row) over the roll calls
// of segment s that o counts. Roll calls come in session order, so the
// first and last days of a state's membership are those of its first and
// last sessions.
func (sat sittings) over(ds *votes.Dataset, o *Options, s segment) []Membership {
	type session struct {
		n           int
		first, last time.Time
	}
	var per []session // by session number
	of := 0
	add := func(j int) {
		rc := ds.RollCall(j)
		if !o.counts(rc) {
			return
		}
		of++
		k := max(rc.Session, 0)
		if k >= len(per) {
			per = append(per, make([]session, k+1-len(per))...)
		}
		per[k].n++
		if !rc.Date.IsZero() {
			if per[k].first.IsZero() {
				per[k].first = rc.Date
			}
			per[k].last = rc.Date
		}
	}
	if s.cols != nil {
		for _, j := range s.cols {
			add(j)
		}
	} else {
		for j := s.lo; j < s.hi; j++ {
			add(j)
		}
	}
	out := make([]Membership, len(sat))
	for i, member := range sat {
		m := Membership{Of: of}
		for k, p := range per {
			if p.n == 0 || k >= len(member) || !member[k] {
				continue
			}
			m.RollCalls += p.n
			if m.First.IsZero() {
				m.First = p.first
			}
			if !p.last.IsZero() {
				m.Last = p.last
			}
		}
		out[i] = m
	}
	return out
}

// note returns "" for a state that was a member for the whole selection,
// or says which part it was a member for: "; member 2011-09-16 to
// 2019-12-27 (828 of 1852 roll calls)", "; not a member". what, if not
// "", names the selection: "; before: not a member".
func (m Membership) note(what string) string {
	if m.full() || m.Of == 0 {
		return ""
	}
	if what != "" {
		what += ": "
	}
	if m.RollCalls == 0 {
		return "; " + what + "not a member"
	}
	return fmt.Sprintf("; %smember %s to %s (%d of %d roll calls)", what, date(m.First), date(m.Last), m.RollCalls, m.Of)
}
