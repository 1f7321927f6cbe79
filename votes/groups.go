package votes

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/unga-go/unga/internal/countries"
)

// A Group is a named set of states whose membership may change over time,
// such as the European Union or the Balkans.
//
// Membership is asked on a day (Contains, Members) or on a roll call
// (ContainsOn). A roll call without a date (Voeten's 2016 file has one,
// rcid 4592) has no day to ask on: ContainsOn then counts a state only if
// it was a member throughout the roll call's session (SessionSpan), so that
// an undated roll call can never seat a state that had left or not yet
// joined; Contains with a zero day, by contrast, asks whether the state was
// ever a member, and must not be given an undated roll call's date.
type Group struct {
	Name        string
	Description string // what the group is and where its list comes from
	members     []membership
}

// membership is one state's time in a group: from From (inclusive) until
// Until (exclusive). A zero From means since before 1946; a zero Until
// means still a member.
type membership struct {
	country     Country
	from, until time.Time
}

// during reports whether the membership covers day t. A zero t asks whether
// the state was ever a member.
func (m membership) during(t time.Time) bool {
	if t.IsZero() {
		return true
	}
	return !t.Before(m.from) && (m.until.IsZero() || t.Before(m.until))
}

// NewGroup returns a group of the given states, members at all times.
func NewGroup(name string, members ...Country) Group {
	g := Group{Name: name}
	for _, c := range members {
		g.members = append(g.members, membership{country: c})
	}
	g.sort()
	return g
}

func (g *Group) sort() {
	slices.SortStableFunc(g.members, func(a, b membership) int {
		if a.country.COW != b.country.COW {
			return a.country.COW - b.country.COW
		}
		return a.from.Compare(b.from)
	})
}

// Contains reports whether c was a member on day t; a zero t asks whether c
// was ever a member. For a roll call, use ContainsOn, which does not take
// an undated roll call for "ever".
func (g Group) Contains(c Country, t time.Time) bool {
	for _, m := range g.spans(c) {
		if m.during(t) {
			return true
		}
	}
	return false
}

// spans returns c's memberships, in order of their start: the members are
// sorted by COW code, so a binary search finds them in a group of any size.
func (g Group) spans(c Country) []membership {
	i, _ := slices.BinarySearchFunc(g.members, c.COW, func(m membership, cow int) int { return m.country.COW - cow })
	j := i
	for j < len(g.members) && g.members[j].country.COW == c.COW {
		j++
	}
	return g.members[i:j]
}

// ContainsOn reports whether c was a member of g when roll call rc was
// voted: on its day, or, for a roll call without a date, throughout its
// session (ContainsThroughout over SessionSpan(rc.Session)). A roll call
// with neither a date nor a session has no members. This is the rule every
// measure of a group on a roll call follows (group medians, cohesion,
// outliers), so that an undated roll call counts only states that were
// members whatever its day.
func (g Group) ContainsOn(c Country, rc *RollCall) bool {
	if !rc.Date.IsZero() {
		return g.Contains(c, rc.Date)
	}
	from, to := SessionSpan(rc.Session)
	if from.IsZero() {
		return false
	}
	return g.ContainsThroughout(c, from, to)
}

// MembersOn returns the states that were members of g when roll call rc was
// voted, by COW code, by the rule of ContainsOn.
func (g Group) MembersOn(rc *RollCall) []Country {
	var out []Country
	for _, m := range g.members {
		if (len(out) == 0 || out[len(out)-1] != m.country) && g.ContainsOn(m.country, rc) {
			out = append(out, m.country)
		}
	}
	return out
}

// ContainsThroughout reports whether c was a member on every day from from
// through to, inclusive. It panics if either day is zero or to is before
// from.
func (g Group) ContainsThroughout(c Country, from, to time.Time) bool {
	if from.IsZero() || to.IsZero() || to.Before(from) {
		panic("votes: ContainsThroughout needs two days in order")
	}
	cur := from // the first day not yet covered
	for _, m := range g.spans(c) {
		if cur.Before(m.from) {
			continue
		}
		if m.until.IsZero() {
			return true
		}
		if m.until.After(cur) {
			cur = m.until
			if cur.After(to) {
				return true
			}
		}
	}
	return false
}

// SessionSpan returns days that bound regular session s of the General
// Assembly, generously: from 1 September of the year it opened (1945+s;
// the first session opened in January 1946, so its span starts on 1
// January 1946) through 30 September of the next year, which covers the
// session and its resumed parts whatever the exact opening day. It returns
// zero times for a session below 1 or above 8053, whose span would end
// after the year 9999. Membership throughout this span is
// membership throughout the session. (The sources number a few special and
// emergency special sessions held before a regular session opened with the
// coming session: 36 dated roll calls of the embedded record lie outside
// their session's span. The span bounds the regular session, which is what
// an undated roll call's membership needs.)
func SessionSpan(s int) (from, to time.Time) {
	if s < 1 || s > maxSpanSession {
		return time.Time{}, time.Time{}
	}
	from = time.Date(1945+s, time.September, 1, 0, 0, 0, 0, time.UTC)
	if s == 1 {
		from = time.Date(1946, time.January, 1, 0, 0, 0, 0, time.UTC)
	}
	return from, time.Date(1946+s, time.September, 30, 0, 0, 0, 0, time.UTC)
}

// maxSpanSession is the last session SessionSpan bounds: its span ends in
// 9999, the last year of four digits. Without a bound, 1946+s overflows an
// int for the largest s into a year before the first session.
const maxSpanSession = 9999 - 1946

// Members returns the states that were members on day t (ever, for a zero
// t), by COW code.
func (g Group) Members(t time.Time) []Country {
	var out []Country
	for _, m := range g.members {
		if m.during(t) && (len(out) == 0 || out[len(out)-1] != m.country) {
			out = append(out, m.country)
		}
	}
	return out
}

// String returns the group's name.
func (g Group) String() string { return g.Name }

// Groups returns the built-in groups, each call new values, in this order:
// the members of the United Nations ("UN"); the five UN regional groups
// (African, Asia-Pacific, Eastern European, GRULAC, WEOG); the Balkans and
// the Western Balkans; the EU and its candidate countries; NATO; the P5, G7
// and G20; BRICS; ASEAN; the African Union; the Arab League; the OIC; the
// Non-Aligned Movement and the G77. Each group's Description gives its
// sources and the day of every change of membership.
//
// Membership is by day. A change that a source dates only to a month or a
// year is counted from the first day of that month or year, and the
// description says so. Only states are Countries: an organization among
// the members (the EU and the African Union in the G20) or a member that
// is not a UN member state (Palestine, the Sahrawi Republic) is left out,
// and the description says so. The UN regional groups count a state only
// while it is a member of the United Nations (the "UN" group), from its
// admission until it ceased to exist; the other groups follow the
// organization's own membership, whether or not the state then sat in the
// UN.
func Groups() []Group {
	defs := countries.GroupDefs()
	out := make([]Group, 0, len(defs))
	for _, d := range defs {
		out = append(out, build(d))
	}
	return out
}

// LookupGroup returns the built-in group with the given name or alias, case
// insensitively and ignoring punctuation. The names, each with its aliases:
//
//   - "UN": "United Nations", "UN members", "UN member states"
//   - "African": "African Group", "Africa"
//   - "Asia-Pacific": "Asia-Pacific Group", "Asia Pacific", "Asian", "Asian Group"
//   - "Eastern European": "Eastern European Group", "EEG", "Eastern Europe"
//   - "GRULAC": "Latin American and Caribbean", "Latin American and Caribbean Group",
//     "Latin America"
//   - "WEOG": "Western European and Others", "Western European and Others Group",
//     "Western Europe and Others"
//   - "Balkans"
//   - "Western Balkans": "WB6", "West Balkans"
//   - "EU": "European Union", "EEC", "European Communities"
//   - "EU candidates": "EU candidate countries", "Candidate countries", "EU candidate states"
//   - "NATO": "North Atlantic Treaty Organization"
//   - "P5": "Permanent five", "Permanent members", "Security Council permanent members"
//   - "G7": "Group of Seven"
//   - "G20": "Group of Twenty", "G-20"
//   - "BRICS": "BRIC"
//   - "ASEAN": "Association of Southeast Asian Nations"
//   - "African Union": "AU", "OAU", "Organisation of African Unity",
//     "Organization of African Unity"
//   - "Arab League": "League of Arab States", "Arab Group", "Arab States"
//   - "OIC": "Organisation of Islamic Cooperation", "Organization of Islamic Cooperation",
//     "Organisation of the Islamic Conference", "Organization of the Islamic Conference"
//   - "NAM": "Non-Aligned Movement", "Non-Aligned", "Nonaligned Movement"
//   - "G77": "Group of 77", "G-77", "Group of Seventy-Seven"
//
// An unknown name is an error wrapping ErrUnknownGroup that lists the
// names.
func LookupGroup(name string) (Group, error) {
	k := countries.FoldKey(name)
	defs := countries.GroupDefs()
	for _, d := range defs {
		for _, a := range append([]string{d.Name}, d.Aliases...) {
			if countries.FoldKey(a) == k {
				return build(d), nil
			}
		}
	}
	var names []string
	for _, d := range defs {
		names = append(names, d.Name)
	}
	return Group{}, fmt.Errorf("%w %q (known: %s)", ErrUnknownGroup, name, strings.Join(names, ", "))
}

// build makes the Group of a built-in definition.
func build(d countries.GroupDef) Group {
	g := Group{Name: d.Name, Description: d.Description}
	var un map[int][]membership
	if d.Seated {
		un = unSpans()
	}
	for _, m := range d.Members {
		c, err := LookupCountry(m.Key)
		if err != nil {
			panic("votes: bad built-in group " + d.Name + ": " + err.Error()) // a bug in the table, caught by the tests
		}
		span := membership{country: c, from: countries.MustDay(m.From), until: countries.MustDay(m.Until)}
		if !span.until.IsZero() && !span.until.After(span.from) {
			panic("votes: built-in group " + d.Name + ": empty span for " + m.Key)
		}
		if !d.Seated {
			g.members = append(g.members, span)
			continue
		}
		seats, ok := un[c.COW]
		if !ok {
			panic("votes: built-in group " + d.Name + ": " + m.Key + " was never a UN member")
		}
		for _, u := range seats {
			if s, ok := intersect(span, u); ok {
				g.members = append(g.members, s)
			}
		}
	}
	g.sort()
	return g
}

// intersect returns the days both a and b cover, if any; a zero from is the
// beginning of time, a zero until its end.
func intersect(a, b membership) (membership, bool) {
	out := a
	if b.from.After(out.from) {
		out.from = b.from
	}
	if out.until.IsZero() || (!b.until.IsZero() && b.until.Before(out.until)) {
		out.until = b.until
	}
	return out, out.until.IsZero() || out.until.After(out.from)
}

// unSpans returns the spans of UN membership by COW code.
func unSpans() map[int][]membership {
	out := make(map[int][]membership)
	for _, m := range build(countries.UNDef()).members {
		out[m.country.COW] = append(out[m.country.COW], m)
	}
	return out
}
