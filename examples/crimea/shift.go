package main

import (
	"fmt"
	"strings"

	"github.com/unga-go/unga/alignment"
	"github.com/unga-go/unga/votes"
)

// The notebook's sentences on how a member's votes changed within one
// family of roll calls, read off an outlier report's grid of votes with
// votes.LastChange.

// stretch is a run of a report's roll calls, from index from to index to,
// on which a member cast one vote, v, whenever it cast one: cast times.
type stretch struct {
	from, to int
	v        votes.Vote
	cast     int
}

// runOf returns the run of vs[lo:hi]: every vote cast in it is the same.
func runOf(vs []votes.Vote, lo, hi int) stretch {
	r := stretch{from: -1, to: hi - 1}
	for k := lo; k < hi; k++ {
		if vs[k].Cast() {
			if r.from < 0 {
				r.from, r.v = k, vs[k]
			}
			r.cast++
		}
	}
	return r
}

// verb is a vote as a past tense: "voted no", "abstained"; "cast no vote"
// for a vote not cast.
func verb(v votes.Vote) string {
	switch {
	case v == votes.Abstain:
		return "abstained"
	case v.Cast():
		return "voted " + v.String()
	}
	return "cast no vote"
}

// rollCallDay names a roll call of the report: "A/RES/77/229 (2022-12-15)".
func rollCallDay(rep *alignment.GroupRecord, k int) string {
	rc := rep.RollCalls[k]
	return fmt.Sprintf("%s (%s)", rc.Resolution, rc.Date.Format("2006-01-02"))
}

// shiftSentence tells how member m's votes last changed on the report's
// roll calls, and who else changed on the same roll call: "Serbia voted
// no, as Russian Federation did, on each of the 10 Crimea resolutions it
// voted on from A/RES/71/205 (2016-12-19) to A/RES/76/179 (2021-12-16),
// and has abstained on each of the 4 since A/RES/77/229 (2022-12-15),
// where Russian Federation voted no. On the same roll call Bosnia and
// Herzegovina turned to voting yes, where before it abstained or cast no
// vote." It returns "" if m's votes did not change.
func shiftSentence(rep *alignment.GroupRecord, m alignment.OutlierRecord, topic string) string {
	k := votes.LastChange(m.Votes)
	if k < 0 {
		return ""
	}
	prev := runOf(m.Votes, max(votes.LastChange(m.Votes[:k]), 0), k)
	last := runOf(m.Votes, k, len(m.Votes))
	ref := rep.ReferenceName()
	// refSays words the reference's votes over r beside the member's.
	refSays := func(r stretch) string {
		same, other := 0, map[votes.Vote]bool{}
		for j := r.from; j <= r.to; j++ {
			switch rv := rep.RollCalls[j].Reference; {
			case rv == r.v:
				same++
			case rv.Cast():
				other[rv] = true
			}
		}
		switch {
		case same > 0 && len(other) == 0:
			return fmt.Sprintf(", as %s did,", ref)
		case same == 0 && len(other) == 1:
			for v := range other {
				return fmt.Sprintf(", where %s %s,", ref, verb(v))
			}
		}
		return ""
	}
	span := func(r stretch) string {
		if r.cast == 1 {
			return "on " + rollCallDay(rep, r.from)
		}
		return fmt.Sprintf("on each of the %d %s it voted on from %s to %s", r.cast, topic, rollCallDay(rep, r.from), rollCallDay(rep, lastCast(m.Votes, r)))
	}
	since := "on " + rollCallDay(rep, k)
	if last.cast > 1 {
		since = fmt.Sprintf("on each of the %d since %s", last.cast, rollCallDay(rep, k))
	}
	s := fmt.Sprintf("%s %s%s %s, and has %s %s%s.", m.Name, verb(prev.v), refSays(prev), span(prev),
		verb(last.v), since, strings.TrimSuffix(refSays(last), ","))
	if others := changedWith(rep, m, k); others != "" {
		s += " " + others
	}
	return s
}

// memberVote returns member m's vote on roll call k of the report, Absent
// for any vote not cast (the unvotes data record no absences: a member
// without a vote there has NoRecord), and false if m was not a member of
// the group or of the United Nations that day.
func memberVote(rep *alignment.GroupRecord, m alignment.OutlierRecord, k int) (votes.Vote, bool) {
	v := m.Votes[k]
	switch {
	case v == votes.NonMember || !rep.Group.Contains(m.Country, rep.RollCalls[k].Date):
		return 0, false
	case v.Cast():
		return v, true
	}
	return votes.Absent, true
}

// lastCast is the last roll call of r on which the member cast a vote.
func lastCast(vs []votes.Vote, r stretch) int {
	k := r.to
	for k > r.from && !vs[k].Cast() {
		k--
	}
	return k
}

// changedWith names the other members whose votes last changed on roll
// call k too (votes.LastChange), with what they did before: "On the same
// roll call Bosnia and Herzegovina turned to voting yes, where before it
// abstained or cast no vote." "" if none did.
func changedWith(rep *alignment.GroupRecord, m alignment.OutlierRecord, k int) string {
	var parts []string
	for _, o := range rep.States {
		if o.Country.COW == m.Country.COW || votes.LastChange(o.Votes) != k {
			continue
		}
		// What it did before, back to its change before this one: the
		// votes it cast and, if it missed any roll call as a member, that
		// it cast no vote.
		seen := map[votes.Vote]bool{}
		for j := max(votes.LastChange(o.Votes[:k]), 0); j < k; j++ {
			if v, ok := memberVote(rep, o, j); ok {
				seen[v] = true
			}
		}
		var was []string
		for _, v := range []votes.Vote{votes.Yes, votes.No, votes.Abstain, votes.Absent} {
			if seen[v] {
				was = append(was, verb(v))
			}
		}
		now := strings.Replace(verb(o.Votes[k]), "voted", "voting", 1)
		if now == "abstained" {
			now = "abstaining"
		}
		parts = append(parts, fmt.Sprintf("%s turned to %s, where before it %s", o.Name, now, strings.Join(was, " or ")))
	}
	if len(parts) == 0 {
		return ""
	}
	return fmt.Sprintf("On the same roll call %s.", join(parts))
}

// familySentence counts member c's votes on the report's roll calls, by
// vote, with the symbols, and says so if the reference, or every other
// member, cast one vote on all: "On the 6 ES-11 resolutions Serbia voted
// yes on 5 (ES-11/1, ES-11/2, ES-11/3, ES-11/4 and ES-11/6) and abstained
// on 1 (ES-11/5); Russian Federation voted no on all 6, and every other
// Balkan state voted yes on all 6." "" if c has no record in the report.
func familySentence(rep *alignment.GroupRecord, c votes.Country, label, topic string) string {
	var m *alignment.OutlierRecord
	for k := range rep.States {
		if rep.States[k].Country.COW == c.COW {
			m = &rep.States[k]
		}
	}
	if m == nil {
		return ""
	}
	syms := map[votes.Vote][]string{}
	for k := range m.Votes {
		v, ok := memberVote(rep, *m, k)
		if !ok {
			continue
		}
		syms[v] = append(syms[v], strings.TrimPrefix(rep.RollCalls[k].Resolution, "A/RES/"))
	}
	var parts []string
	for _, v := range []votes.Vote{votes.Yes, votes.No, votes.Abstain, votes.Absent} {
		if s := syms[v]; len(s) > 0 {
			parts = append(parts, fmt.Sprintf("%s on %d (%s)", verb(v), len(s), join(s)))
		}
	}
	refPart := ""
	if len(rep.RollCalls) == 0 {
		return ""
	}
	if rv := rep.RollCalls[0].Reference; rv.Cast() {
		all := true
		for _, rc := range rep.RollCalls {
			all = all && rc.Reference == rv
		}
		if all {
			refPart = fmt.Sprintf("; %s %s on all %d", rep.ReferenceName(), verb(rv), len(rep.RollCalls))
		}
	}
	if v, ok := othersAlike(rep, c); ok {
		refPart += fmt.Sprintf(", and every other %s state %s on all %d", label, verb(v), len(rep.RollCalls))
	}
	return fmt.Sprintf("On the %d %s %s %s%s.", len(rep.RollCalls), topic, m.Name, join(parts), refPart)
}

// othersAlike returns the vote every member but c cast on every roll call
// of the report, as members, and whether there is one.
func othersAlike(rep *alignment.GroupRecord, c votes.Country) (votes.Vote, bool) {
	one := votes.NoRecord
	for _, o := range rep.States {
		if o.Country.COW == c.COW {
			continue
		}
		for k := range o.Votes {
			v, ok := memberVote(rep, o, k)
			switch {
			case !ok:
				return 0, false
			case one == votes.NoRecord:
				one = v
			case v != one:
				return 0, false
			}
		}
	}
	return one, one.Cast()
}
