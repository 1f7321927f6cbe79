package votes

// The parsing of roll-call fields that every layout shares: issue codes,
// resolution symbols, sessions and dates.

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// issueCodes lists the issues with their codes and labels, in Voeten's order.
var issueCodes = [...]struct {
	Issue Issue
	Code  string
	Label string
}{
	{MiddleEast, "me", "Palestinian conflict"},
	{Nuclear, "nu", "Nuclear weapons and nuclear material"},
	{Disarmament, "di", "Arms control and disarmament"},
	{HumanRights, "hr", "Human rights"},
	{Colonialism, "co", "Colonialism"},
	{Development, "ec", "Economic development"},
}

// ParseIssue returns the issue with the given two-letter code ("me", "nu",
// "di", "hr", "co", "ec") or label ("Human rights"), case-insensitively.
func ParseIssue(s string) (Issue, error) {
	if is, ok := issueOf([]byte(s)); ok {
		return is, nil
	}
	return 0, fmt.Errorf("%w %q", ErrUnknownIssue, s)
}

// issueOf is ParseIssue without the error, and so without allocating.
func issueOf(b []byte) (Issue, bool) {
	for _, ic := range issueCodes {
		if bytes.EqualFold(b, []byte(ic.Code)) || bytes.EqualFold(b, []byte(ic.Label)) {
			return ic.Issue, true
		}
	}
	return 0, false
}

// NormalizeResolution returns a resolution symbol in the UN's form:
// "R/68/262" becomes "A/RES/68/262", Voeten's "ESS/1/34" (emergency special
// session) "A/RES/ES-1/34" and "SS/1/59" (special session) "A/RES/S-1/59".
// Symbols already in that form are returned trimmed; anything else is
// returned trimmed and otherwise unchanged.
func NormalizeResolution(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.EqualFold(s, "NA") {
		return ""
	}
	u := strings.ToUpper(s)
	switch {
	case strings.HasPrefix(u, "A/RES/"):
		return "A/RES/" + s[6:]
	case strings.HasPrefix(u, "R/"):
		return "A/RES/" + s[2:]
	case strings.HasPrefix(u, "ESS/"):
		return "A/RES/ES-" + s[4:]
	case strings.HasPrefix(u, "SS/"):
		return "A/RES/S-" + s[3:]
	}
	return s
}

// specialOf returns the special session named in a normalised symbol
// ("A/RES/ES-10/19" gives "ES-10").
func specialOf(resolution string) string {
	rest, ok := strings.CutPrefix(resolution, "A/RES/")
	if !ok {
		return ""
	}
	part, _, _ := strings.Cut(rest, "/")
	if strings.HasPrefix(part, "ES-") || strings.HasPrefix(part, "S-") {
		return part
	}
	return ""
}

// ParseSession parses a session as the sources write it: "74", "74.0",
// "ES-11", "S-10". It returns the regular session number (0 for a special
// session, whose regular session follows from its date) and the special
// session's name.
func ParseSession(s string) (regular int, special string, err error) {
	s = strings.TrimSpace(s)
	u := strings.ToUpper(s)
	for _, p := range [...]string{"ES-", "S-"} {
		if rest, ok := strings.CutPrefix(u, p); ok {
			if n, err := strconv.Atoi(rest); err == nil && n > 0 {
				return 0, p + rest, nil
			}
			return 0, "", fmt.Errorf("%w %s", ErrBadSession, quotePrefix([]byte(s)))
		}
	}
	n, ok := parseWholeNumber(s)
	if !ok || n <= 0 {
		return 0, "", fmt.Errorf("%w %s", ErrBadSession, quotePrefix([]byte(s)))
	}
	return n, "", nil
}

// SessionOf returns the regular session in progress on a day. Session N
// opens in the second half of September of the year 1945+N (the first, in
// January 1946); votes from 15 September on are counted to the new session.
func SessionOf(t time.Time) int {
	y := t.Year()
	if t.Month() > time.September || (t.Month() == time.September && t.Day() >= 15) {
		return max(y-1945, 1)
	}
	return max(y-1946, 1)
}

// parseWholeNumber parses "120" and the Digital Library's "120.0".
func parseWholeNumber(s string) (int, bool) {
	if i := strings.IndexByte(s, '.'); i >= 0 {
		if strings.Trim(s[i+1:], "0") != "" {
			return 0, false
		}
		s = s[:i]
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// parseDate parses ISO dates (2019-12-09) and Voeten's m/d/yyyy (12/9/2019).
func parseDate(s string) (time.Time, error) {
	if t, ok := parseISODate(s); ok {
		return t, nil
	}
	s = strings.TrimSpace(s)
	if strings.Contains(s, "/") {
		parts := strings.Split(s, "/")
		if len(parts) == 3 {
			m, e1 := strconv.Atoi(parts[0])
			d, e2 := strconv.Atoi(parts[1])
			y, e3 := strconv.Atoi(parts[2])
			if e1 == nil && e2 == nil && e3 == nil && validDay(y, m, d) {
				return day(y, time.Month(m), d), nil
			}
		}
		return time.Time{}, fmt.Errorf("%w %s (want yyyy-mm-dd or m/d/yyyy)", ErrBadDate, quotePrefix([]byte(s)))
	}
	// A time of day, as some exports add, says nothing more; anything
	// else after the date is an error.
	for _, layout := range [...]string{time.DateOnly, time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05",
		"2006-01-02 15:04:05Z07:00", "2006-01-02T15:04", "2006-01-02 15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			if y, m, d := t.Date(); validDay(y, int(m), d) {
				return day(y, m, d), nil
			}
			return time.Time{}, fmt.Errorf("%w %s (the year is outside %d-%d)", ErrBadDate, quotePrefix([]byte(s)), minYear, maxYear)
		}
	}
	return time.Time{}, fmt.Errorf("%w %s (want yyyy-mm-dd or m/d/yyyy)", ErrBadDate, quotePrefix([]byte(s)))
}

// The years a date may have: the General Assembly first met in 1946.
const (
	minYear = 1945
	maxYear = 2100
)

// maxSession is the regular session that opens in maxYear.
const maxSession = maxYear - 1945

// checkSession reports a roll call whose session cannot be right: outside
// 1..maxSession, or contradicted by its date. A vote of regular session N
// is normally held between its opening in September of 1945+N and the
// opening of the next, but the sources date some votes up to two sessions
// earlier or one later (unvotes and Voeten date 47/1 1992-09-03, in session
// 46; a vote of session 23 1967-05-07, in session 21; 59/307 2005-12-08, in
// session 60), so a date is accepted from September of 1943+N to September
// of 1947+N; beyond that the session or the date is wrong.
func checkSession(rc *RollCall) error {
	if rc.Session < 1 || rc.Session > maxSession {
		return fmt.Errorf("%w: session %d is outside 1-%d", ErrBadSession, rc.Session, maxSession)
	}
	if rc.Date.IsZero() {
		return nil
	}
	if in := SessionOf(rc.Date); in < rc.Session-2 || in > rc.Session+1 {
		return fmt.Errorf("%w: session %d, but dated %s, in session %d", ErrBadSession, rc.Session, rc.Date.Format(time.DateOnly), in)
	}
	return nil
}

// parseISODate parses the common yyyy-mm-dd quickly; it declines anything
// else, valid or not, for parseDate to handle.
func parseISODate[T string | []byte](s T) (time.Time, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return time.Time{}, false
	}
	n := 0
	for i := range 10 {
		if i == 4 || i == 7 {
			continue
		}
		c := s[i] - '0'
		if c > 9 {
			return time.Time{}, false
		}
		n = n*10 + int(c)
	}
	y, m, d := n/10000, n/100%100, n%100
	if !validDay(y, m, d) {
		return time.Time{}, false
	}
	return day(y, time.Month(m), d), true
}

func validDay(y, m, d int) bool {
	if y < minYear || y > maxYear || m < 1 || m > 12 || d < 1 {
		return false
	}
	return d <= day(y, time.Month(m)+1, 0).Day()
}
