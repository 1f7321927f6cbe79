package votes

import (
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
func InSessions(from, to int) Filter {
	return func(d *Dataset, j int) bool {
		s := d.rollCalls[j].Session
		return from <= s && s <= to
	}
}

// Between keeps the roll calls held on days from through to, inclusive. A
// zero time leaves that end open.
func Between(from, to time.Time) Filter {
	return func(d *Dataset, j int) bool {
		t := d.rollCalls[j].Date
		return (from.IsZero() || !t.Before(from)) && (to.IsZero() || !t.After(to))
	}
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
// ("ES-11"), or of any such session if name is "".
func Special(name string) Filter {
	return func(d *Dataset, j int) bool {
		s := d.rollCalls[j].Special
		return s != "" && (name == "" || strings.EqualFold(s, name))
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
func InYears(from, to int) Filter {
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
