package alignment

import (
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/unga-go/unga/votes"
)

// OutlierOptions controls Outliers. The zero value (or a nil pointer) means
// the defaults.
type OutlierOptions struct {
	// Index measures each member's alignment with the reference; the zero
	// value is Identical, the share of votes cast with the reference.
	// Another value than the constants is an error (ErrInvalidOptions).
	Index Index
	// MinN is the least number of roll calls a member's score must rest
	// on (OutlierRecord.Score.N) for the member to be judged; zero means
	// 3, and a negative MinN is an error (ErrInvalidOptions). For every
	// index but Coincidence those are the roll calls on which both the
	// member and the reference cast a vote; for Coincidence only those on
	// which both voted yes or no.
	MinN int
	// K is the number of scaled MADs a member must lie from the median;
	// zero means 3. A K that is negative, NaN or infinite is an error
	// (ErrInvalidOptions): a NaN would flag nobody.
	K float64
	// MinGap is the least distance from the median that counts, so that
	// when most members vote alike (a MAD of 0) a trifle does not single a
	// member out; zero means 0.25. A MinGap that is negative, NaN or
	// infinite is an error (ErrInvalidOptions).
	MinGap float64
	// KeepUnanimous keeps the roll calls flagged votes.RollCall.Unanimous,
	// which are dropped by default, as in Options.
	KeepUnanimous bool
}

// get returns the options with the defaults filled in, or an error
// wrapping ErrInvalidOptions: a negative MinN, and a K or MinGap that is
// negative, NaN or infinite (a NaN K would flag nobody, silently).
func (o *OutlierOptions) get() (OutlierOptions, error) {
	var r OutlierOptions
	if o != nil {
		r = *o
	}
	switch {
	case r.Index < 0 || r.Index >= numIndices:
		return r, invalid("outlier Index %d is not one of the indices", int(r.Index))
	case r.MinN < 0:
		return r, invalid("outlier MinN %d is negative", r.MinN)
	case !finite(r.K) || r.K < 0:
		return r, invalid("outlier K %g is not a finite number >= 0", r.K)
	case !finite(r.MinGap) || r.MinGap < 0:
		return r, invalid("outlier MinGap %g is not a finite number >= 0", r.MinGap)
	}
	if r.MinN == 0 {
		r.MinN = 3
	}
	if r.K == 0 {
		r.K = 3
	}
	if r.MinGap == 0 {
		r.MinGap = 0.25
	}
	return r, nil
}

// MinJudged is the least number of judged members (OutlierRecord.Judged)
// for Outliers to flag any: the median and MAD of fewer scores say too
// little about what is usual in the group to single a member out.
const MinJudged = 3

// OutlierRecord is one member's record against the reference state.
type OutlierRecord struct {
	Country votes.Country
	// Name is the state's name on the last roll call it sat for.
	Name string
	// On the roll calls on which the reference cast a vote and the state
	// was a member: With counts the same vote as the reference's; Against
	// a yes or no vote other than the reference's; Abstained an abstention
	// where the reference did not abstain; Absent no vote cast (recorded
	// absent or no record; non-members do not count).
	With, Against, Abstained, Absent int
	// Score is the index over the roll calls both voted on, with N the
	// number it rests on, as Table.Score counts it: With + Against +
	// Abstained for every index but Coincidence, which leaves out the roll
	// calls on which either abstained, so that its N is smaller when any
	// vote was an abstention. The value is NaN if N is 0.
	Score Score
	// Votes holds the state's vote on each roll call of the report;
	// NoRecord where it was not a member of the group that day.
	Votes []votes.Vote
	// Judged is Score.N >= MinN, so that a judged member's score rests on
	// at least MinN roll calls; Outlier marks a judged member that stands
	// apart.
	Judged, Outlier bool
}

// RollCallInfo describes one roll call of an outlier report.
type RollCallInfo struct {
	Resolution string
	Date       time.Time
	Title      string
	Tally      votes.Tally // the votes in the dataset, all states
	Reference  votes.Vote  // the reference state's vote
}

// GroupRecord holds each member's record against a reference state and
// the members that stand apart from the rest of the group.
type GroupRecord struct {
	Group     votes.Group
	Reference votes.Country
	Options   OutlierOptions // with the defaults filled in
	// RollCalls are the roll calls of the report: those of the dataset,
	// less the unanimous ones unless Options.KeepUnanimous.
	RollCalls []RollCallInfo
	// States holds the record of each state that was a member of the
	// group on a dated roll call of the report (the reference left out),
	// by COW code.
	States []OutlierRecord
	// Median and MAD are those of the judged members' scores; NaN if no
	// member is judged.
	Median, MAD float64
	// Undated counts the roll calls without a date, on which membership of
	// the group cannot be judged: no member's vote is counted on them.
	Undated int
}

// Outliers reports each member of g on the roll calls of ds against the
// reference state ref, and flags the members whose alignment with ref
// stands apart from the rest of the group.
//
// The rule is robust, so that the outliers themselves do not hide the
// pattern: over the judged members (those whose score rests on at least
// MinN roll calls: see OutlierRecord) take the median m of their scores
// and the median absolute deviation MAD; a member stands apart if its
// score s has |s - m| > K * 1.4826 * MAD and |s - m| >= MinGap (1.4826
// scales the MAD to a standard deviation under normality). With fewer than
// MinJudged judged members nobody is flagged. A state is a member on a roll call if g
// contains it on the day of the vote; members without a row in ds are left
// out, and on a roll call without a date no member is counted (Undated
// says how many there were). Roll calls are kept or dropped as in Pair:
// unanimous ones (RollCall.Unanimous) are dropped unless o.KeepUnanimous.
//
// It returns an error wrapping votes.ErrUnknownCountry if ref has no row in
// ds, ErrEmpty if ds holds no roll call, ErrNoVotes if ref or the group
// cast no vote in it (for ref, a state that did not sit then: see
// ErrNoVotes), ErrTooFewMembers if a single member voted when ref did (it
// has no group to stand apart from, and its permutation test would give
// p = 1), and ErrInvalidOptions for a bad option.
func Outliers(ds *votes.Dataset, g votes.Group, ref votes.Country, opts *OutlierOptions) (*GroupRecord, error) {
	o, err := opts.get()
	if err != nil {
		return nil, err
	}
	r, err := rowOf(ds, ref)
	if err != nil {
		return nil, err
	}
	if !o.KeepUnanimous {
		ds = ds.Filter(votes.Contested())
	}
	nr := ds.NumRollCalls()
	if nr == 0 {
		return nil, ErrEmpty
	}
	rep := &GroupRecord{Group: g, Reference: ref, Options: o, Median: math.NaN(), MAD: math.NaN()}
	refRow := ds.Row(r)
	refVoted := false
	for j, rc := range ds.RollCalls() {
		rep.RollCalls = append(rep.RollCalls, RollCallInfo{
			Resolution: resolution(rc), Date: rc.Date, Title: title(rc), Tally: ds.Tally(j), Reference: refRow[j],
		})
		refVoted = refVoted || refRow[j].Cast()
		if rc.Date.IsZero() {
			rep.Undated++
		}
	}
	if !refVoted {
		return nil, noVotes(ds, ref, &Options{KeepUnanimous: true})
	}
	voters := 0
	for _, i := range groupRows(ds, g) {
		c := ds.Country(i)
		if c.COW == ref.COW {
			continue
		}
		m := OutlierRecord{Country: c, Votes: make([]votes.Vote, nr)}
		var t Table
		member := false
		for j, v := range ds.Row(i) {
			rc := ds.RollCall(j)
			if rc.Date.IsZero() || !g.Contains(c, rc.Date) {
				continue
			}
			member = true
			m.Name = c.NameOn(rc.Date)
			m.Votes[j] = v
			rv := refRow[j]
			if !rv.Cast() {
				continue
			}
			switch {
			case v == rv:
				m.With++
			case v == votes.Abstain:
				m.Abstained++
			case v.Cast():
				m.Against++
			case v == votes.NonMember:
			default:
				m.Absent++
			}
			t.add(v, rv)
		}
		if !member {
			continue
		}
		m.Score = t.Score(o.Index, 1)
		m.Judged = m.Score.N >= o.MinN
		// A member that voted when ref did counts even if its score rests
		// on no roll call (only abstentions, under Coincidence).
		if m.With+m.Against+m.Abstained > 0 {
			voters++
		}
		rep.States = append(rep.States, m)
	}
	switch voters {
	case 0:
		return nil, fmt.Errorf("%w: no member of %s voted when %s did", ErrNoVotes, g.Name, ref)
	case 1:
		return nil, fmt.Errorf("%w: one member of %s voted when %s did", ErrTooFewMembers, g.Name, ref)
	}
	rep.flag()
	return rep, nil
}

// flag applies the median-MAD rule.
func (rep *GroupRecord) flag() {
	var xs []float64
	for _, m := range rep.States {
		if m.Judged {
			xs = append(xs, m.Score.Value)
		}
	}
	if len(xs) == 0 {
		return
	}
	rep.Median = median(xs)
	dev := make([]float64, len(xs))
	for k, x := range xs {
		dev[k] = math.Abs(x - rep.Median)
	}
	rep.MAD = median(dev)
	if len(xs) < MinJudged {
		return
	}
	limit := rep.Options.K * 1.4826 * rep.MAD
	for k := range rep.States {
		m := &rep.States[k]
		d := math.Abs(m.Score.Value - rep.Median)
		m.Outlier = m.Judged && d > limit && d >= rep.Options.MinGap
	}
}

// Outliers returns the members that stand apart, by COW code.
func (rep *GroupRecord) Outliers() []OutlierRecord {
	var out []OutlierRecord
	for _, m := range rep.States {
		if m.Outlier {
			out = append(out, m)
		}
	}
	return out
}

// ReferenceName returns the reference state's name on the report's last
// roll call ("" for the zero report).
func (rep *GroupRecord) ReferenceName() string {
	if len(rep.RollCalls) == 0 {
		return rep.Reference.Name
	}
	return rep.Reference.NameOn(rep.RollCalls[len(rep.RollCalls)-1].Date)
}

// writeTo writes the text String returns.
func (rep *GroupRecord) writeTo(w io.Writer) (int64, error) {
	var b strings.Builder
	o := rep.Options
	fmt.Fprintf(&b, "%s against %s on %d roll calls\n", rep.Group.Name, rep.ReferenceName(), len(rep.RollCalls))
	fmt.Fprintf(&b, "%-24s %5s %7s %9s %6s %3s %11s\n", "state", "with", "against", "abstained", "absent", "n", o.Index)
	for _, m := range rep.States {
		mark := ""
		switch {
		case m.Outlier:
			mark = "  stands apart"
		case !m.Judged:
			mark = fmt.Sprintf("  not judged (n < %d)", o.MinN)
		}
		fmt.Fprintf(&b, "%-24s %5d %7d %9d %6d %3d %11s%s\n", m.Name, m.With, m.Against, m.Abstained, m.Absent, m.Score.N, num(m.Score.Value, 3), mark)
	}
	fmt.Fprintf(&b, "Rule: median %s %s, MAD %s; a member stands apart if |%s - median| > %g x 1.4826 x MAD and >= %g, with n >= %d.\n",
		o.Index, num(rep.Median, 3), num(rep.MAD, 3), o.Index, o.K, o.MinGap, o.MinN)
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// String returns each member's record against the reference (with,
// against, abstained, absent, n and the score), marks those that stand
// apart and states the rule.
func (rep *GroupRecord) String() string { return render(rep) }

// title returns a roll call's title without the UN's " : resolution /
// adopted by the General Assembly" suffix: the title if given, else the
// short title unless it is an upper-case agenda heading (unvotes has
// "ARMED CONFLICTS PREVENTION--MEDIATION" for A/RES/68/262), else the
// description.
func title(rc *votes.RollCall) string {
	s := rc.Title
	if s == "" && rc.Short != strings.ToUpper(rc.Short) {
		s = rc.Short
	}
	if s == "" {
		s = rc.Description
	}
	if s == "" {
		s = rc.Short
	}
	if k := strings.Index(s, " : resolution"); k >= 0 {
		s = s[:k]
	}
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > 90 {
		s = strings.TrimSpace(string(r[:87])) + "..."
	}
	return s
}
