package alignment

import (
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/unga-go/unga/votes"
)

// Rice returns Rice's index of cohesion of a tally, |yes - no| / (yes + no):
// 1 when all who voted yes or no voted alike, 0 for an even split.
// Abstentions do not count. It is NaN if nobody voted yes or no.
func Rice(t votes.Tally) float64 {
	if t.Yes+t.No == 0 {
		return math.NaN()
	}
	return math.Abs(float64(t.Yes-t.No)) / float64(t.Yes+t.No)
}

// AgreementIndex returns Hix, Noury and Roland's (2005) agreement index of a
// tally, (max(Y,N,A) - (Y+N+A-max)/2) / (Y+N+A): 1 when all voted alike, 0
// for an even three-way split. Unlike Rice it counts abstentions. It is NaN
// if no vote was cast.
func AgreementIndex(t votes.Tally) float64 {
	total := t.Yes + t.No + t.Abstain
	if total == 0 {
		return math.NaN()
	}
	m := max(t.Yes, t.No, t.Abstain)
	return (float64(m) - float64(total-m)/2) / float64(total)
}

// groupRows returns, for each state of ds that was ever a member of g, its
// row, in row (COW) order.
func groupRows(ds *votes.Dataset, g votes.Group) []int {
	var rows []int
	for _, c := range g.Members(time.Time{}) {
		if i, ok := ds.IndexOf(c); ok {
			rows = append(rows, i)
		}
	}
	return rows
}

// groupTally counts the votes of g's members (on the day of the vote) on
// roll call j; NonVoting counts members recorded absent.
func groupTally(ds *votes.Dataset, g votes.Group, rows []int, j int) votes.Tally {
	var t votes.Tally
	day := ds.RollCall(j).Date
	for _, i := range rows {
		if !g.Contains(ds.Country(i), day) {
			continue
		}
		switch ds.Vote(i, j) {
		case votes.Yes:
			t.Yes++
		case votes.No:
			t.No++
		case votes.Abstain:
			t.Abstain++
		case votes.Absent:
			t.NonVoting++
		}
	}
	t.Members = t.Yes + t.No + t.Abstain + t.NonVoting
	return t
}

// RollCallCohesion is a group's cohesion on one roll call.
type RollCallCohesion struct {
	Index int // the roll call's column in the dataset
	Tally votes.Tally
	Rice  float64 // NaN if no member voted yes or no
	AI    float64 // Hix-Noury-Roland agreement index
}

// CohesionReport holds a group's cohesion on each roll call of a selection
// and on average.
type CohesionReport struct {
	Group     string
	RollCalls []RollCallCohesion // those on which a member cast a vote
	// Rice and AI are the means over RollCalls (Rice over those with a yes
	// or no vote among the members), as Hix, Noury and Roland average them.
	Rice, AI float64
	ds       *votes.Dataset
}

// Cohesion returns the cohesion of group g on every roll call of ds on
// which at least one member (on the day of the vote) cast a vote, and the
// means. Only cast votes count: absent members, non-members and states
// without a record are left out of the tally. Unanimous roll calls (judged
// on all states of ds) are dropped unless opts.KeepUnanimous is set. It
// returns ErrEmpty if ds has no roll call left and ErrNoVotes if no member
// voted on any.
func Cohesion(ds *votes.Dataset, g votes.Group, opts *Options) (*CohesionReport, error) {
	o := opts.orDefault()
	if ds.NumRollCalls() == 0 {
		return nil, ErrEmpty
	}
	var keep []bool
	if !o.KeepUnanimous {
		keep = contested(ds)
	}
	rows := groupRows(ds, g)
	rep := &CohesionReport{Group: g.Name, ds: ds}
	var sumRice, sumAI float64
	nRice, left := 0, 0
	for j := range ds.NumRollCalls() {
		if keep != nil && !keep[j] {
			continue
		}
		left++
		t := groupTally(ds, g, rows, j)
		if t.Yes+t.No+t.Abstain == 0 {
			continue
		}
		rc := RollCallCohesion{Index: j, Tally: t, Rice: Rice(t), AI: AgreementIndex(t)}
		rep.RollCalls = append(rep.RollCalls, rc)
		sumAI += rc.AI
		if !math.IsNaN(rc.Rice) {
			sumRice += rc.Rice
			nRice++
		}
	}
	if left == 0 {
		return nil, ErrEmpty
	}
	if len(rep.RollCalls) == 0 {
		return nil, fmt.Errorf("%w: no member of %s voted", ErrNoVotes, g.Name)
	}
	rep.AI = sumAI / float64(len(rep.RollCalls))
	rep.Rice = math.NaN()
	if nRice > 0 {
		rep.Rice = sumRice / float64(nRice)
	}
	return rep, nil
}

// WriteTo writes one line per roll call (resolution, date, the members'
// yes-no-abstain tally, Rice and AI) and the means.
func (r *CohesionReport) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "Cohesion of %s on %d roll calls\n", r.Group, len(r.RollCalls))
	fmt.Fprintf(&b, "%-16s %-10s %-14s %6s %6s\n", "resolution", "date", "yes-no-abstain", "Rice", "AI")
	for _, c := range r.RollCalls {
		rc := r.ds.RollCall(c.Index)
		fmt.Fprintf(&b, "%-16s %-10s %-14s %6s %6s\n", resolution(rc), rc.Date.Format("2006-01-02"), c.Tally, num(c.Rice, 3), num(c.AI, 3))
	}
	fmt.Fprintf(&b, "%-16s %-10s %-14s %6s %6s\n", "mean", "", "", num(r.Rice, 3), num(r.AI, 3))
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// String returns the WriteTo rendering.
func (r *CohesionReport) String() string { return render(r) }

// resolution returns a roll call's resolution symbol, or its id if it has
// none (a vote on an amendment or a paragraph may not).
func resolution(rc *votes.RollCall) string {
	if rc.Resolution != "" {
		return rc.Resolution
	}
	return fmt.Sprintf("roll call %d", rc.ID)
}

// Defection is one member's record against its group's majority.
type Defection struct {
	Country votes.Country
	// N counts the member's cast votes on roll calls on which the group
	// had a majority position; Defections those that differed from it.
	N, Defections int
	Share         float64 // Defections / N, NaN if N is 0
}

// DefectionReport lists each member's defections from the group majority.
type DefectionReport struct {
	Group     string
	RollCalls int // roll calls on which the group had a majority position
	Members   []Defection
}

// Defections returns, for each member of g, the share of its votes that
// differ from the group's majority position (Burmester and Jankowski 2014):
// on each roll call of ds, the vote (yes, abstain or no) cast by the most
// members on that day, the member itself included. Roll calls on which two
// positions tie have no majority and are skipped, as are those on which no
// member voted. Absences do not count as defections; they are not votes.
// Every roll call of ds counts, unanimous ones too: the group could have
// split on them. It returns
// ErrEmpty for a dataset without roll calls and ErrNoVotes if the group
// never had a majority position.
func Defections(ds *votes.Dataset, g votes.Group) (*DefectionReport, error) {
	if ds.NumRollCalls() == 0 {
		return nil, ErrEmpty
	}
	rows := groupRows(ds, g)
	rep := &DefectionReport{Group: g.Name, Members: make([]Defection, len(rows))}
	for k, i := range rows {
		rep.Members[k].Country = ds.Country(i)
	}
	for j := range ds.NumRollCalls() {
		t := groupTally(ds, g, rows, j)
		pos, ok := majority(t)
		if !ok {
			continue
		}
		rep.RollCalls++
		day := ds.RollCall(j).Date
		for k, i := range rows {
			v := ds.Vote(i, j)
			if !v.Cast() || !g.Contains(ds.Country(i), day) {
				continue
			}
			rep.Members[k].N++
			if v != pos {
				rep.Members[k].Defections++
			}
		}
	}
	if rep.RollCalls == 0 {
		return nil, fmt.Errorf("%w: %s never had a majority position", ErrNoVotes, g.Name)
	}
	for k := range rep.Members {
		m := &rep.Members[k]
		m.Share = math.NaN()
		if m.N > 0 {
			m.Share = float64(m.Defections) / float64(m.N)
		}
	}
	return rep, nil
}

// majority returns the vote cast by the most members, if one is ahead.
func majority(t votes.Tally) (votes.Vote, bool) {
	m := max(t.Yes, t.No, t.Abstain)
	if m == 0 {
		return votes.NoRecord, false
	}
	n, v := 0, votes.NoRecord
	for _, c := range []struct {
		n int
		v votes.Vote
	}{{t.Yes, votes.Yes}, {t.Abstain, votes.Abstain}, {t.No, votes.No}} {
		if c.n == m {
			n++
			v = c.v
		}
	}
	return v, n == 1
}

// WriteTo writes one line per member: votes, defections and their share.
func (r *DefectionReport) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "Defections from the %s majority on %d roll calls\n", r.Group, r.RollCalls)
	fmt.Fprintf(&b, "%-32s %6s %10s %6s\n", "state", "votes", "defections", "share")
	for _, m := range r.Members {
		fmt.Fprintf(&b, "%-32s %6d %10d %6s\n", m.Country.Name, m.N, m.Defections, num(m.Share, 3))
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// String returns the WriteTo rendering.
func (r *DefectionReport) String() string { return render(r) }
