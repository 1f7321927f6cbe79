package alignment

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
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

// HixNouryRoland returns Hix, Noury and Roland's (2005) agreement index
// of a tally, (max(Y,N,A) - (Y+N+A-max)/2) / (Y+N+A): 1 when all voted
// alike, 0 for an even three-way split. Unlike Rice it counts abstentions.
// It is NaN if no vote was cast.
func HixNouryRoland(t votes.Tally) float64 {
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

// groupTally counts the votes of g's members on the day of roll call j
// (which must be dated), as o reads them; NonVoting counts members
// recorded absent.
func groupTally(ds *votes.Dataset, g votes.Group, rows []int, j int, o *Options) votes.Tally {
	var t votes.Tally
	day := ds.RollCall(j).Date
	for _, i := range rows {
		if !g.Contains(ds.Country(i), day) {
			continue
		}
		switch o.vote(ds.Vote(i, j)) {
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

// RollCallCohesion is a group's cohesion on one roll call: Rice(Tally)
// and HixNouryRoland(Tally) measure it.
type RollCallCohesion struct {
	Index int         // the roll call's column in the dataset
	Tally votes.Tally // the members' votes
	rice  float64     // Rice(Tally), NaN if no member voted yes or no
	hnr   float64     // HixNouryRoland(Tally)
}

// GroupCohesion holds a group's cohesion on each roll call of a selection
// and on average.
type GroupCohesion struct {
	Group     string
	RollCalls []RollCallCohesion // those on which a member cast a vote
	// Rice and HNR are the means over RollCalls (Rice over those with a yes
	// or no vote among the members), as Hix, Noury and Roland average them.
	Rice, HNR float64
	// Undated counts the roll calls left out because they have no date,
	// on which membership of the group cannot be judged.
	Undated int
	ds      *votes.Dataset
	minN    int // Options.MinN, for the series built on the report
}

// Cohesion returns the cohesion of group g on every roll call of ds on
// which at least one member (on the day of the vote) cast a vote, and the
// means. Only cast votes count: absent members (unless
// opts.AbsentAsAbstain), non-members and states without a record are left
// out of the tally. Roll calls are kept or dropped as in Pair: unanimous
// ones (RollCall.Unanimous, judged on every vote read) are dropped unless
// opts.KeepUnanimous. Roll calls without a date are left out and counted in
// Undated, since who was a member on them is unknown. The means are NaN if
// they rest on fewer than opts.MinN roll calls.
//
// It returns ErrEmpty if ds has no roll call left, ErrNoVotes if no member
// voted on any, ErrTooFewMembers if only one member did (its votes always
// agree with themselves) and ErrInvalidOptions for a bad option.
func Cohesion(ds *votes.Dataset, g votes.Group, opts *Options) (*GroupCohesion, error) {
	o, err := opts.get()
	if err != nil {
		return nil, err
	}
	if err := o.takesNoMembership("Cohesion"); err != nil {
		return nil, err
	}
	if ds.NumRollCalls() == 0 {
		return nil, ErrEmpty
	}
	rows := groupRows(ds, g)
	rep := &GroupCohesion{Group: g.Name, ds: ds, minN: o.MinN}
	var means cohesionMeans
	voters := map[int]bool{} // rows of the members that cast a vote
	left := 0
	for j, rc := range ds.RollCalls() {
		if !o.counts(rc) {
			continue
		}
		if rc.Date.IsZero() {
			rep.Undated++
			continue
		}
		left++
		t := groupTally(ds, g, rows, j, &o)
		if t.Yes+t.No+t.Abstain == 0 {
			continue
		}
		if len(voters) < 2 {
			markVoters(voters, ds, g, rows, j, &o)
		}
		c := RollCallCohesion{Index: j, Tally: t, rice: Rice(t), hnr: HixNouryRoland(t)}
		rep.RollCalls = append(rep.RollCalls, c)
		means.add(c)
	}
	if left == 0 {
		return nil, ErrEmpty
	}
	if len(rep.RollCalls) == 0 {
		return nil, fmt.Errorf("%w: no member of %s voted", ErrNoVotes, g.Name)
	}
	if err := tooFew(ds, g, voters); err != nil {
		return nil, err
	}
	rice, hnr := means.scores(o.MinN)
	rep.Rice, rep.HNR = rice.Value, hnr.Value
	return rep, nil
}

// markVoters adds to voters the rows of the members of g that cast a vote
// (as o reads it) on dated roll call j.
func markVoters(voters map[int]bool, ds *votes.Dataset, g votes.Group, rows []int, j int, o *Options) {
	day := ds.RollCall(j).Date
	for _, i := range rows {
		if !voters[i] && o.vote(ds.Vote(i, j)).Cast() && g.Contains(ds.Country(i), day) {
			voters[i] = true
		}
	}
}

// tooFew returns ErrTooFewMembers, naming the member, if voters holds a
// single row of ds.
func tooFew(ds *votes.Dataset, g votes.Group, voters map[int]bool) error {
	if len(voters) != 1 {
		return nil
	}
	for i := range voters {
		return fmt.Errorf("%w: only %s of %s voted", ErrTooFewMembers, ds.Country(i), g.Name)
	}
	return nil
}

// cohesionMeans sums roll calls' cohesion for the means of a
// GroupCohesion: HNR over every roll call, Rice over those on which it
// is a number.
type cohesionMeans struct {
	rice, hnr float64
	nRice, n  int
}

func (m *cohesionMeans) add(c RollCallCohesion) {
	m.hnr += c.hnr
	m.n++
	if !math.IsNaN(c.rice) {
		m.rice += c.rice
		m.nRice++
	}
}

// scores returns the mean Rice and HNR indices, each with the number of
// roll calls it rests on; NaN where that number is below minN (0 counting
// as 1).
func (m *cohesionMeans) scores(minN int) (rice, hnr Score) {
	minN = max(minN, 1)
	rice, hnr = Score{Value: math.NaN(), N: m.nRice}, Score{Value: math.NaN(), N: m.n}
	if m.nRice >= minN {
		rice.Value = m.rice / float64(m.nRice)
	}
	if m.n >= minN {
		hnr.Value = m.hnr / float64(m.n)
	}
	return rice, hnr
}

// writeTo writes the text String returns.
func (r *GroupCohesion) writeTo(w io.Writer) (int64, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "Cohesion of %s on %d roll calls\n", r.Group, len(r.RollCalls))
	fmt.Fprintf(&b, "%-16s %-10s %-14s %6s %6s\n", "resolution", "date", "yes-no-abstain", "Rice", "HNR")
	for _, c := range r.RollCalls {
		rc := r.ds.RollCall(c.Index)
		fmt.Fprintf(&b, "%-16s %-10s %-14s %6s %6s\n", resolution(rc), rc.Date.Format("2006-01-02"), c.Tally, num(c.rice, 3), num(c.hnr, 3))
	}
	fmt.Fprintf(&b, "%-16s %-10s %-14s %6s %6s\n", "mean", "", "", num(r.Rice, 3), num(r.HNR, 3))
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// String returns one line per roll call (resolution, date, the members'
// yes-no-abstain tally, Rice and HNR) and the means.
func (r *GroupCohesion) String() string { return render(r) }

// CohesionSeries holds a group's mean cohesion in each period (session or
// year).
type CohesionSeries struct {
	Group string
	// By says whether Periods are sessions or calendar years.
	By      By
	Periods []int
	// Rice[k] and HNR[k] are the means over period k's roll calls on which
	// a member cast a vote, as in GroupCohesion; N counts those roll
	// calls (for Rice, those with a yes or no among the members), and the
	// mean is NaN if N is below Options.MinN.
	Rice, HNR []Score
	// Undated counts the roll calls left out for want of a date.
	Undated int
}

// CohesionBy returns the cohesion of group g in each period of ds (session
// or calendar year, as by says), on the roll calls Cohesion keeps; periods
// in which no member voted are left out. A period's mean on fewer than
// opts.MinN roll calls is NaN. Its errors are those of Cohesion. It panics
// if by is not BySession or ByYear.
func CohesionBy(ds *votes.Dataset, by By, g votes.Group, opts *Options) (*CohesionSeries, error) {
	by.check()
	rep, err := Cohesion(ds, g, opts)
	if err != nil {
		return nil, err
	}
	cs := &CohesionSeries{Group: rep.Group, By: by, Undated: rep.Undated}
	// Roll calls come by session; a year may in principle recur after
	// another (dates out of order in a source), so periods are gathered by
	// key, not by runs.
	sums := map[int]*cohesionMeans{}
	for _, c := range rep.RollCalls {
		rc := ds.RollCall(c.Index)
		key := rc.Session
		if by == ByYear {
			key = rc.Year()
		}
		a := sums[key]
		if a == nil {
			a = &cohesionMeans{}
			sums[key] = a
			cs.Periods = append(cs.Periods, key)
		}
		a.add(c)
	}
	slices.Sort(cs.Periods)
	for _, key := range cs.Periods {
		rice, hnr := sums[key].scores(rep.minN)
		cs.Rice = append(cs.Rice, rice)
		cs.HNR = append(cs.HNR, hnr)
	}
	return cs, nil
}

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
	// Expected and PValue test the count of defections by
	// GroupRecord.Permutation's exact test: if on each roll call the
	// votes the members present cast were shared out among them at random,
	// the member would defect with chance the share of those votes that
	// differ from the majority's, and its defections would follow a
	// Poisson binomial. Expected is its mean; PValue the chance of as many
	// defections as the member's or more (one-sided: "defects more than
	// chance"). Both are NaN if N is 0.
	Expected, PValue float64
	// N counts the member's cast votes on roll calls on which the group
	// had a majority position; Defections those that differed from it.
	N, Defections int
	Share         float64 // Defections / N, NaN if N is 0 or below Options.MinN
}

// GroupDefections lists each member's defections from the group majority.
type GroupDefections struct {
	Group     string
	RollCalls int // roll calls on which the group had a majority position
	// States holds every state that was a member of the group during the
	// selection, ranked: the highest share of defections first (ties: more
	// defections first, then by COW code), and members without a share
	// (no vote on those roll calls, or fewer than Options.MinN: Share NaN)
	// last.
	States []Defection
	// Undated counts the roll calls left out for want of a date.
	Undated int
}

// Defections returns, for each member of g, the share of its votes that
// differ from the group's majority position (Burmester and Jankowski 2014):
// on each roll call of ds, the vote (yes, abstain or no) cast by the most
// members on that day, the member itself included. Roll calls on which two
// positions tie have no majority and are skipped, as are those on which no
// member voted. Absences do not count as defections, they are not votes
// (unless opts.AbsentAsAbstain). Roll calls are kept or dropped as in
// Cohesion: unanimous ones are dropped unless opts.KeepUnanimous (on them
// nobody defects), and undated ones are left out and counted. A member's
// share on fewer than opts.MinN votes is NaN. The report ranks the
// members, NaN shares last. It returns ErrEmpty for a dataset without roll
// calls, ErrNoVotes if the group never had a majority position,
// ErrTooFewMembers if a single member cast a vote (it would never defect)
// and ErrInvalidOptions for a bad option.
func Defections(ds *votes.Dataset, g votes.Group, opts *Options) (*GroupDefections, error) {
	o, err := opts.get()
	if err != nil {
		return nil, err
	}
	if err := o.takesNoMembership("Defections"); err != nil {
		return nil, err
	}
	if ds.NumRollCalls() == 0 {
		return nil, ErrEmpty
	}
	rows := groupRows(ds, g)
	rep := &GroupDefections{Group: g.Name}
	chances := make([][]float64, len(rows)) // each member's chance to defect on each of its votes (Defection.PValue)
	all := make([]Defection, len(rows))
	sat := make([]bool, len(rows))
	voters := map[int]bool{} // rows of the members that cast a vote
	for k, i := range rows {
		all[k].Country = ds.Country(i)
	}
	for j, rc := range ds.RollCalls() {
		if !o.counts(rc) {
			continue
		}
		if rc.Date.IsZero() {
			rep.Undated++
			continue
		}
		for k, i := range rows {
			sat[k] = sat[k] || g.Contains(ds.Country(i), rc.Date)
		}
		if len(voters) < 2 {
			markVoters(voters, ds, g, rows, j, &o)
		}
		t := groupTally(ds, g, rows, j, &o)
		pos, ok := majority(t)
		if !ok {
			continue
		}
		rep.RollCalls++
		for k, i := range rows {
			v := o.vote(ds.Vote(i, j))
			if !v.Cast() || !g.Contains(ds.Country(i), rc.Date) {
				continue
			}
			all[k].N++
			if v != pos {
				all[k].Defections++
			}
			chances[k] = append(chances[k], 1-float64(count(t, pos))/float64(t.Yes+t.No+t.Abstain))
		}
	}
	if rep.RollCalls == 0 {
		return nil, fmt.Errorf("%w: %s never had a majority position", ErrNoVotes, g.Name)
	}
	if err := tooFew(ds, g, voters); err != nil {
		return nil, err
	}
	minN := max(o.MinN, 1)
	for k := range all {
		if !sat[k] {
			continue
		}
		m := all[k]
		m.Share = math.NaN()
		if m.N >= minN {
			m.Share = float64(m.Defections) / float64(m.N)
		}
		m.Expected, m.PValue = defectionTest(chances[k], m.Defections)
		rep.States = append(rep.States, m)
	}
	slices.SortStableFunc(rep.States, func(a, b Defection) int {
		return cmpNaNLast(a.Share, b.Share, -cmp.Compare(a.Defections, b.Defections))
	})
	return rep, nil
}

// cmpNaNLast orders a before b if a is the larger score, NaN after any
// number, and by tie (a cmp result) where the two are equal or both NaN.
func cmpNaNLast(a, b float64, tie int) int {
	an, bn := math.IsNaN(a), math.IsNaN(b)
	switch {
	case an && bn:
		return tie
	case an:
		return 1
	case bn:
		return -1
	}
	if c := cmp.Compare(b, a); c != 0 {
		return c
	}
	return tie
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

// writeTo writes the text String returns.
func (r *GroupDefections) writeTo(w io.Writer) (int64, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "Defections from the %s majority on %d roll calls\n", r.Group, r.RollCalls)
	fmt.Fprintf(&b, "%-32s %6s %10s %6s\n", "state", "votes", "defections", "share")
	for _, m := range r.States {
		fmt.Fprintf(&b, "%-32s %6d %10d %6s\n", m.Country.Name, m.N, m.Defections, num(m.Share, 3))
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// String returns one line per member, as ranked: votes, defections and
// their share.
func (r *GroupDefections) String() string { return render(r) }
