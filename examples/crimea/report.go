package main

import (
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/unga-go/unga/alignment"
	"github.com/unga-go/unga/votes"
)

// The notebook's prose about an outlier report: the finding in one
// sentence, the roll calls and the grid of votes. label names the group's
// members ("Balkan" gives "the only Balkan state"), topic the roll calls
// ("Crimea resolutions").

// sentence states the finding in one plain sentence, such as "Serbia is the
// only Balkan state that voted with Russia on 6 of 6 Crimea resolutions it
// voted on." A report without roll calls or members says so.
func sentence(rep *alignment.GroupRecord, label, topic string) string {
	o := rep.Options
	out := rep.Outliers()
	judged := 0
	for _, m := range rep.States {
		if m.Judged {
			judged++
		}
	}
	ref := rep.ReferenceName()
	cast := func(m alignment.OutlierRecord) int { return m.With + m.Against + m.Abstained }
	switch {
	case judged < alignment.MinJudged:
		return fmt.Sprintf("Too few %s states voted on %d or more of the %d %s to single any out (%d did).",
			label, o.MinN, len(rep.RollCalls), topic, judged)
	case len(out) == 0:
		return fmt.Sprintf("No %s state stands apart from the rest in its votes with %s on %d %s (median %s %s).",
			label, ref, len(rep.RollCalls), topic, o.Index, num(rep.Median, 2))
	case len(out) == 1:
		m := out[0]
		if m.Score.Value > rep.Median {
			return fmt.Sprintf("%s is the only %s state that voted with %s on %d of %d %s it voted on.",
				m.Name, label, ref, m.With, cast(m), topic)
		}
		return fmt.Sprintf("%s is the only %s state that did not side with %s: it voted with %s on %d of %d %s it voted on, where the median %s state scores %s %s.",
			m.Name, label, ref, ref, m.With, cast(m), topic, label, o.Index, num(rep.Median, 2))
	}
	var names, parts []string
	for _, m := range out {
		names = append(names, m.Name)
		parts = append(parts, fmt.Sprintf("%s on %d of %d", m.Name, m.With, cast(m)))
	}
	return fmt.Sprintf("%s stand apart from the other %s states in their votes with %s, who voted with it %s %s they voted on (median %s %s).",
		join(names), label, ref, join(parts), topic, o.Index, num(rep.Median, 2))
}

// join writes "a", "a and b", "a, b and c".
func join(s []string) string {
	if len(s) <= 1 {
		return strings.Join(s, "")
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}

func num(v float64, prec int) string {
	if math.IsNaN(v) {
		return "NA"
	}
	return fmt.Sprintf("%.*f", prec, v)
}

// writeRollCalls writes the report's roll calls: resolution, date, tally
// (yes-no-abstain), the reference's vote and the title.
func writeRollCalls(rep *alignment.GroupRecord) func(io.Writer) (int64, error) {
	return func(w io.Writer) (int64, error) {
		var b strings.Builder
		fmt.Fprintf(&b, "%-14s %-10s %-14s %-8s %s\n", "resolution", "date", "yes-no-abstain", rep.ReferenceName(), "title")
		for _, rc := range rep.RollCalls {
			fmt.Fprintf(&b, "%-14s %-10s %-14s %-8s %s\n", rc.Resolution, rc.Date.Format("2006-01-02"), rc.Tally, voteName(rc.Reference), rc.Title)
		}
		n, err := io.WriteString(w, b.String())
		return int64(n), err
	}
}

// writeVotes writes a grid of the members' votes, one row per member and
// one column per roll call, headed by the reference's votes. "absent" is a
// member without a cast vote; a blank, a state not in the group that day.
func writeVotes(rep *alignment.GroupRecord) func(io.Writer) (int64, error) {
	return func(w io.Writer) (int64, error) {
		var b strings.Builder
		fmt.Fprintf(&b, "%-24s", "state")
		for _, rc := range rep.RollCalls {
			fmt.Fprintf(&b, " %-8s", strings.TrimPrefix(rc.Resolution, "A/RES/"))
		}
		b.WriteByte('\n')
		fmt.Fprintf(&b, "%-24s", rep.ReferenceName())
		for _, rc := range rep.RollCalls {
			fmt.Fprintf(&b, " %-8s", voteName(rc.Reference))
		}
		b.WriteByte('\n')
		for _, m := range rep.States {
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

// the puts "the " before each of s: "the Crimea resolutions".
func the(s []string) []string {
	out := make([]string, len(s))
	for k, x := range s {
		out[k] = "the " + x
	}
	return out
}
