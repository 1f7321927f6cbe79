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
	Index Index
	// MinN is the least number of roll calls a member must have voted on
	// (with the reference voting too) to be judged; zero means 3.
	MinN int
	// K is the number of scaled MADs a member must lie from the median;
	// zero means 3.
	K float64
	// MinGap is the least distance from the median that counts, so that
	// when most members vote alike (a MAD of 0) a trifle does not single a
	// member out; zero means 0.25.
	MinGap float64
	// Label names the group's members in sentences ("Balkan" gives "the
	// only Balkan state"); "" means the group's name.
	Label string
	// Topic names the roll calls in sentences ("Crimea resolutions");
	// "" means "roll calls".
	Topic string
}

func (o *OutlierOptions) orDefault(g votes.Group) OutlierOptions {
	var r OutlierOptions
	if o != nil {
		r = *o
	}
	if r.MinN <= 0 {
		r.MinN = 3
	}
	if r.K <= 0 {
		r.K = 3
	}
	if r.MinGap <= 0 {
		r.MinGap = 0.25
	}
	if r.Label == "" {
		r.Label = g.Name
	}
	if r.Topic == "" {
		r.Topic = "roll calls"
	}
	return r
}

// MemberRecord is one member's record against the reference state.
type MemberRecord struct {
	Country votes.Country
	// Name is the state's name on the last roll call it sat for.
	Name string
	// On the roll calls on which the reference cast a vote and the state
	// was a member: With counts the same vote as the reference's; Against
	// a yes or no vote other than the reference's; Abstained an abstention
	// where the reference did not abstain; Absent no vote cast (recorded
	// absent or no record; non-members do not count).
	With, Against, Abstained, Absent int
	// Score is the index over the roll calls both voted on (N = With +
	// Against + Abstained); NaN if N is 0.
	Score Score
	// Votes holds the state's vote on each roll call of the report;
	// NoRecord where it was not a member of the group that day.
	Votes []votes.Vote
	// Judged is N >= MinN; Outlier marks a judged member that stands apart.
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

// OutlierReport holds each member's record against a reference state and
// the members that stand apart from the rest of the group.
type OutlierReport struct {
	Group     votes.Group
	Reference votes.Country
	Options   OutlierOptions // with the defaults filled in
	RollCalls []RollCallInfo
	Members   []MemberRecord // by COW code
	// Median and MAD are those of the judged members' scores; NaN if no
	// member is judged.
	Median, MAD float64
}

// Outliers reports each member of g on the roll calls of ds against the
// reference state ref, and flags the members whose alignment with ref
// stands apart from the rest of the group.
//
// The rule is robust, so that the outliers themselves do not hide the
// pattern: over the judged members (those that voted, with ref voting too,
// on at least MinN roll calls) take the median m of their scores and the
// median absolute deviation MAD; a member stands apart if its score s has
// |s - m| > K * 1.4826 * MAD and |s - m| >= MinGap (1.4826 scales the MAD
// to a standard deviation under normality). With fewer than three judged
// members nobody is flagged. A state is a member on a roll call if g
// contains it on the day of the vote; members without a row in ds are left
// out. Every roll call of ds counts, unanimous ones too.
//
// It returns an error wrapping votes.ErrUnknownCountry if ref has no row in
// ds, ErrEmpty if ds holds no roll call, and ErrNoVotes if ref or the group
// cast no vote in it.
func Outliers(ds *votes.Dataset, g votes.Group, ref votes.Country, opts *OutlierOptions) (*OutlierReport, error) {
	o := opts.orDefault(g)
	if o.Index < 0 || o.Index >= numIndices {
		return nil, fmt.Errorf("alignment: unknown index %d", int(o.Index))
	}
	r, err := rowOf(ds, ref)
	if err != nil {
		return nil, err
	}
	nr := ds.NumRollCalls()
	if nr == 0 {
		return nil, ErrEmpty
	}
	rep := &OutlierReport{Group: g, Reference: ref, Options: o, Median: math.NaN(), MAD: math.NaN()}
	refRow := ds.Row(r)
	refVoted := false
	for j, rc := range ds.RollCalls() {
		rep.RollCalls = append(rep.RollCalls, RollCallInfo{
			Resolution: resolution(rc), Date: rc.Date, Title: title(rc), Tally: ds.Tally(j), Reference: refRow[j],
		})
		refVoted = refVoted || refRow[j].Cast()
	}
	if !refVoted {
		return nil, fmt.Errorf("%w: %s cast no vote", ErrNoVotes, ref)
	}
	groupVoted := false
	for _, i := range groupRows(ds, g) {
		c := ds.Country(i)
		if c.COW == ref.COW {
			continue
		}
		m := MemberRecord{Country: c, Votes: make([]votes.Vote, nr)}
		var t Table
		member := false
		for j, v := range ds.Row(i) {
			rc := ds.RollCall(j)
			if !g.Contains(c, rc.Date) {
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
			t.Add(v, rv)
		}
		if !member {
			continue
		}
		m.Score = t.Score(o.Index, 1)
		m.Judged = m.Score.N >= o.MinN
		groupVoted = groupVoted || m.Score.N > 0
		rep.Members = append(rep.Members, m)
	}
	if !groupVoted {
		return nil, fmt.Errorf("%w: no member of %s voted when %s did", ErrNoVotes, g.Name, ref)
	}
	rep.flag()
	return rep, nil
}

// flag applies the median-MAD rule.
func (rep *OutlierReport) flag() {
	var xs []float64
	for _, m := range rep.Members {
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
	if len(xs) < 3 {
		return
	}
	limit := rep.Options.K * 1.4826 * rep.MAD
	for k := range rep.Members {
		m := &rep.Members[k]
		d := math.Abs(m.Score.Value - rep.Median)
		m.Outlier = m.Judged && d > limit && d >= rep.Options.MinGap
	}
}

// Outliers returns the members that stand apart, by COW code.
func (rep *OutlierReport) Outliers() []MemberRecord {
	var out []MemberRecord
	for _, m := range rep.Members {
		if m.Outlier {
			out = append(out, m)
		}
	}
	return out
}

// Sentence states the finding in one plain sentence, such as "Serbia is the
// only Balkan state that voted with Russia on 6 of 6 Crimea resolutions it
// voted on."
func (rep *OutlierReport) Sentence() string {
	o := rep.Options
	out := rep.Outliers()
	judged := 0
	for _, m := range rep.Members {
		if m.Judged {
			judged++
		}
	}
	ref := rep.Reference.NameOn(rep.RollCalls[len(rep.RollCalls)-1].Date)
	cast := func(m MemberRecord) int { return m.With + m.Against + m.Abstained }
	switch {
	case judged < 3:
		return fmt.Sprintf("Too few %s states voted on %d or more of the %d %s to single any out (%d did).",
			o.Label, o.MinN, len(rep.RollCalls), o.Topic, judged)
	case len(out) == 0:
		return fmt.Sprintf("No %s state stands apart from the rest in its votes with %s on %d %s (median %s %s).",
			o.Label, ref, len(rep.RollCalls), o.Topic, o.Index, num(rep.Median, 2))
	case len(out) == 1:
		m := out[0]
		if m.Score.Value > rep.Median {
			return fmt.Sprintf("%s is the only %s state that voted with %s on %d of %d %s it voted on.",
				m.Name, o.Label, ref, m.With, cast(m), o.Topic)
		}
		return fmt.Sprintf("%s is the only %s state that did not side with %s: it voted with %s on %d of %d %s it voted on, where the median %s state scores %s %s.",
			m.Name, o.Label, ref, ref, m.With, cast(m), o.Topic, o.Label, o.Index, num(rep.Median, 2))
	}
	var names, parts []string
	for _, m := range out {
		names = append(names, m.Name)
		parts = append(parts, fmt.Sprintf("%s on %d of %d", m.Name, m.With, cast(m)))
	}
	return fmt.Sprintf("%s stand apart from the other %s states in their votes with %s, who voted with it %s %s they voted on (median %s %s).",
		join(names), o.Label, ref, join(parts), o.Topic, o.Index, num(rep.Median, 2))
}

// join writes "a", "a and b", "a, b and c".
func join(s []string) string {
	if len(s) <= 1 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

// WriteTo writes each member's record against the reference (with,
// against, abstained, absent, n and the score), marks those that stand
// apart, states the rule and ends with the Sentence.
func (rep *OutlierReport) WriteTo(w io.Writer) (int64, error) {
	var b strings.Builder
	o := rep.Options
	fmt.Fprintf(&b, "%s against %s on %d %s\n", rep.Group.Name, rep.Reference.NameOn(rep.RollCalls[len(rep.RollCalls)-1].Date), len(rep.RollCalls), o.Topic)
	fmt.Fprintf(&b, "%-24s %5s %7s %9s %6s %3s %11s\n", "state", "with", "against", "abstained", "absent", "n", o.Index)
	for _, m := range rep.Members {
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
	b.WriteString(rep.Sentence() + "\n")
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// String returns the WriteTo rendering.
func (rep *OutlierReport) String() string { return render(rep) }

// WriteRollCalls writes the report's roll calls: resolution, date, tally
// (yes-no-abstain), the reference's vote and the title.
func (rep *OutlierReport) WriteRollCalls(w io.Writer) (int64, error) {
	var b strings.Builder
	ref := rep.Reference.NameOn(rep.RollCalls[len(rep.RollCalls)-1].Date)
	fmt.Fprintf(&b, "%-14s %-10s %-14s %-8s %s\n", "resolution", "date", "yes-no-abstain", ref, "title")
	for _, rc := range rep.RollCalls {
		fmt.Fprintf(&b, "%-14s %-10s %-14s %-8s %s\n", rc.Resolution, rc.Date.Format("2006-01-02"), rc.Tally, voteName(rc.Reference), rc.Title)
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// WriteVotes writes a grid of the members' votes, one row per member and
// one column per roll call, headed by the reference's votes. "absent" is a
// member without a cast vote; a blank, a state not in the group that day.
func (rep *OutlierReport) WriteVotes(w io.Writer) (int64, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "%-24s", "state")
	for _, rc := range rep.RollCalls {
		fmt.Fprintf(&b, " %-8s", strings.TrimPrefix(rc.Resolution, "A/RES/"))
	}
	b.WriteByte('\n')
	fmt.Fprintf(&b, "%-24s", rep.Reference.NameOn(rep.RollCalls[len(rep.RollCalls)-1].Date))
	for _, rc := range rep.RollCalls {
		fmt.Fprintf(&b, " %-8s", voteName(rc.Reference))
	}
	b.WriteByte('\n')
	for _, m := range rep.Members {
		fmt.Fprintf(&b, "%-24s", m.Name)
		for j, v := range m.Votes {
			s := voteName(v)
			if !rep.Group.Contains(m.Country, rep.RollCalls[j].Date) {
				s = ""
			}
			fmt.Fprintf(&b, " %-8s", s)
		}
		b.WriteString("\n")
	}
	n, err := io.WriteString(w, trimLines(b.String()))
	return int64(n), err
}

// trimLines drops the trailing blanks of each line.
func trimLines(s string) string {
	lines := strings.Split(s, "\n")
	for k, l := range lines {
		lines[k] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}

// voteName is a vote as a table shows it: no vote cast is "absent".
func voteName(v votes.Vote) string {
	switch v {
	case votes.Yes, votes.Abstain, votes.No, votes.NonMember:
		return v.String()
	}
	return "absent"
}

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
