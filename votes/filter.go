package votes

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
)

// A Filter reports whether Dataset.Filter keeps roll call j of d.
type Filter func(d *Dataset, j int) bool

// InSessions keeps the roll calls of regular sessions from through to,
// inclusive (votes of special sessions count to the regular session then in
// progress).
//
// InSessions panics if from > to, as a slice expression does: a reversed
// range is a mistake in the program, not an empty selection.
func InSessions(from, to int) Filter {
	if from > to {
		panic(fmt.Sprintf("votes: InSessions(%d, %d): from is after to", from, to))
	}
	return func(d *Dataset, j int) bool {
		s := d.rollCalls[j].Session
		return from <= s && s <= to
	}
}

// Between keeps the roll calls held on the calendar days from through to,
// inclusive. Only the day of each end counts, as it reads in the end's own
// location: time.Date(2019, 12, 18, 23, 0, 0, 0, loc) is 18 December 2019
// in any loc, and so is the roll call's day (RollCall.Date, in UTC). A zero
// time leaves that end open. A roll call without a date fails any end that
// is set, as it fails InYears: its day is not known to be in the range.
// Between(time.Time{}, time.Time{}) keeps every roll call.
//
// Between panics if from's day is after to's, as a slice expression does:
// a reversed range is a mistake in the program, not an empty selection.
func Between(from, to time.Time) Filter {
	lo, hi := calendarDay(from), calendarDay(to)
	if !lo.IsZero() && !hi.IsZero() && lo.After(hi) {
		panic(fmt.Sprintf("votes: Between(%s, %s): from is after to", lo.Format(time.DateOnly), hi.Format(time.DateOnly)))
	}
	return func(d *Dataset, j int) bool {
		if lo.IsZero() && hi.IsZero() {
			return true
		}
		t := calendarDay(d.rollCalls[j].Date)
		return !t.IsZero() && (lo.IsZero() || !t.Before(lo)) && (hi.IsZero() || !t.After(hi))
	}
}

// calendarDay returns midnight UTC of t's day in t's own location, or a
// zero time for a zero t: days compare as days whatever the zone they were
// built in.
func calendarDay(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// HasIssue keeps the roll calls coded with any of the issues in s.
func HasIssue(s Issue) Filter {
	return func(d *Dataset, j int) bool { return d.rollCalls[j].Issues&s != 0 }
}

// ImportantOnly keeps the roll calls flagged as important votes.
func ImportantOnly() Filter {
	return func(d *Dataset, j int) bool { return d.rollCalls[j].Important == FlagTrue }
}

// Special keeps the roll calls of one special or emergency special session
// ("ES-11", or any form ParseSession reads, such as "es-011"), or of any
// such session if name is "".
//
// Special panics if name is neither "" nor a special session's name: a
// filter that could keep nothing is a mistake in the program.
func Special(name string) Filter {
	if name != "" {
		_, special, err := ParseSession(name)
		if err != nil || special == "" {
			panic(fmt.Sprintf("votes: Special(%q): not a special session's name (\"ES-11\", \"S-10\")", name))
		}
		name = special
	}
	return func(d *Dataset, j int) bool {
		s := d.rollCalls[j].Special
		return s != "" && (name == "" || s == name)
	}
}

// Resolutions keeps the roll calls on the given resolutions, written in any
// form NormalizeResolution accepts ("R/68/262" or "A/RES/68/262").
func Resolutions(symbols ...string) Filter {
	want := make(map[string]bool, len(symbols))
	for _, s := range symbols {
		want[strings.ToUpper(NormalizeResolution(s))] = true
	}
	return func(d *Dataset, j int) bool { return want[strings.ToUpper(d.rollCalls[j].Resolution)] }
}

// TextMatches keeps the roll calls whose resolution symbol, short title,
// title, agenda title, subjects or description match re.
func TextMatches(re *regexp.Regexp) Filter {
	return func(d *Dataset, j int) bool {
		rc := &d.rollCalls[j]
		for _, s := range [...]string{rc.Resolution, rc.Short, rc.Title, rc.AgendaTitle, rc.Subjects, rc.Description} {
			if s != "" && re.MatchString(s) {
				return true
			}
		}
		return false
	}
}

// Contested drops unanimous roll calls (RollCall.Unanimous): those on which
// every vote cast was the same, judged on all the votes read, not on the
// states left in the dataset. Voeten's agreement scores leave them out, as
// they say nothing about who sides with whom.
func Contested() Filter {
	return func(d *Dataset, j int) bool { return !d.rollCalls[j].Unanimous }
}

// InYears keeps the roll calls voted in the calendar years from to to,
// inclusive. Roll calls without a date are left out. The State Department
// and most commentary count calendar years; InSessions counts sessions,
// which open in September.
//
// InYears panics if from > to, as a slice expression does: a reversed range
// is a mistake in the program, not an empty selection.
func InYears(from, to int) Filter {
	if from > to {
		panic(fmt.Sprintf("votes: InYears(%d, %d): from is after to", from, to))
	}
	return func(d *Dataset, j int) bool {
		y := d.rollCalls[j].Year()
		return y != 0 && y >= from && y <= to
	}
}

// Amendments selects roll calls on amendments (want true) or leaves them out
// (want false); roll calls whose coding is unknown count as not amendments.
func Amendments(want bool) Filter {
	return func(d *Dataset, j int) bool { return (d.rollCalls[j].Amendment == FlagTrue) == want }
}

// SponsoredBy keeps the roll calls on drafts that c sponsored, as a sponsor
// or an additional sponsor (the UN's resolution data give them; roll calls
// of the other sources have no sponsors and are left out).
func SponsoredBy(c Country) Filter {
	return func(d *Dataset, j int) bool {
		rc := &d.rollCalls[j]
		has := func(s Country) bool { return s.COW == c.COW }
		return slices.ContainsFunc(rc.Sponsors, has) || slices.ContainsFunc(rc.AdditionalSponsors, has)
	}
}

// InCommittee keeps the roll calls on drafts reported by the named Main
// Committee ("Third Committee", "First Committee"), or adopted "Without
// reference to a Main Committee", matched case-insensitively. Roll calls
// of sources that do not name the committee are left out.
func InCommittee(name string) Filter {
	name = strings.TrimSpace(name)
	return func(d *Dataset, j int) bool {
		c := d.rollCalls[j].Committee
		return c != "" && strings.EqualFold(c, name)
	}
}

// HasSubject keeps the roll calls with the given subject term
// ("CRIMEA (UKRAINE)", a UNBIS Thesaurus term), matched whole and
// case-insensitively among RollCall.SubjectTerms.
func HasSubject(term string) Filter {
	term = strings.TrimSpace(term)
	return func(d *Dataset, j int) bool {
		return slices.ContainsFunc(d.rollCalls[j].SubjectTerms(), func(t string) bool { return strings.EqualFold(t, term) })
	}
}

// AdoptedResolutions keeps the roll calls on resolutions adopted as a
// whole, so that the record before 2020 and the UN's resolution data after
// it, which hold nothing else, can be compared. A roll call is kept if
//
//   - it is not a separate vote on a part of a draft (RollCall.IsPart, the
//     rule idealpoint.BSVRollCalls applies from session 40 on);
//   - it carries a resolution symbol: votes on motions, agenda items and
//     drafts the source gives without one are left out;
//   - more states voted yes than no, among all the votes read (judged when
//     the dataset is read, as RollCall.Unanimous is, and kept through
//     SelectCountries): drafts and motions that failed are left out.
//
// The rule is what the record allows, not the Assembly's minutes: a vote
// the source does not flag as a part (amendment and paragraph flags are
// uncoded in many sessions) passes as a whole; a draft that won more yes
// than no but needed two thirds (an important question) passes too; a
// successful procedural motion filed under the symbol of the resolution
// it concerns is kept beside that resolution; and a resolution the source
// lists twice under one symbol stays twice. Adopted resolutions the source
// gives without a symbol are left out.
func AdoptedResolutions() Filter {
	return func(d *Dataset, j int) bool {
		rc := &d.rollCalls[j]
		return !rc.IsPart() && rc.Resolution != "" && d.carried(j)
	}
}
