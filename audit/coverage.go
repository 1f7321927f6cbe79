package audit

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/unga-go/unga/internal/tidy"
	"github.com/unga-go/unga/votes"
)

// CoverageOptions controls Cover. A nil *CoverageOptions means the zero
// value, which means the defaults. Each field's zero means its default; a
// negative count, or a share that is NaN or outside [0, 1], is an error
// (ErrInvalidOptions).
type CoverageOptions struct {
	// ThinShare: a state's session is thin if its cast votes number less
	// than this share of the session's roll calls. Zero means 0.5.
	ThinShare float64
	// Neighbours is how many sessions on each side a session's months are
	// compared with. Zero means 5.
	Neighbours int
	// MaxDiffer is the most states two roll calls on one symbol may differ
	// on to count as a Duplicate. Zero means 5.
	MaxDiffer int
}

func (o *CoverageOptions) get() (CoverageOptions, error) {
	var out CoverageOptions
	if o != nil {
		out = *o
	}
	if err := checkNumber("ThinShare", out.ThinShare, 1); err != nil {
		return out, err
	}
	if err := checkCount("Neighbours", out.Neighbours); err != nil {
		return out, err
	}
	if err := checkCount("MaxDiffer", out.MaxDiffer); err != nil {
		return out, err
	}
	if out.ThinShare == 0 {
		out.ThinShare = 0.5
	}
	if out.Neighbours == 0 {
		out.Neighbours = 5
	}
	if out.MaxDiffer == 0 {
		out.MaxDiffer = 5
	}
	return out, nil
}

// A YearMonth is a calendar month.
type YearMonth struct {
	Year  int
	Month time.Month
}

// String formats the month as "2019-06".
func (ym YearMonth) String() string { return fmt.Sprintf("%04d-%02d", ym.Year, int(ym.Month)) }

func (ym YearMonth) index() int { return ym.Year*12 + int(ym.Month) - 1 }

func monthOf(i int) YearMonth { return YearMonth{i / 12, time.Month(i%12 + 1)} }

// SessionCoverage is what a dataset holds of one regular session.
type SessionCoverage struct {
	Session     int
	RollCalls   int
	Undated     int         // roll calls without a date
	Months      []YearMonth // months with a roll call, in order
	First, Last time.Time   // first and last dated roll call
	// Resumed counts the roll calls of the resumed part, January to
	// September of the session's second year.
	Resumed int
	// Missing lists the months (from September of the session's year to
	// September of the next, within the dataset's span) in which most of
	// the neighbouring sessions hold a roll call and this one none.
	Missing []YearMonth
	// ResumedMissing reports a session without a roll call in its resumed
	// part where most neighbouring sessions have one: its votes of the
	// next year are likely missing from the dataset.
	ResumedMissing bool
	// Other counts the roll calls that votes.AdoptedResolutions leaves
	// out: separate votes on parts of a draft, drafts and motions that
	// failed, votes without a resolution symbol. A series that crosses
	// sessions with and without them mixes two kinds of roll call.
	Other int
}

// ThinState is a state with few cast votes in a session against the
// session's roll calls. Both count only the roll calls that were not
// unanimous (RollCall.Unanimous), those agreement scores rest on, so that N
// is the n an agreement score of the state in that session can reach.
type ThinState struct {
	Country votes.Country
	Session int
	N       int // cast votes on contested roll calls
	Of      int // contested roll calls of the session
}

// Duplicate is a roll call listed twice: two roll calls on one resolution
// symbol, on different days, on which at most CoverageOptions.MaxDiffer
// states vote differently. Votes on one resolution held days apart (a
// paragraph, then the whole) differ more than that and are not reported.
type Duplicate struct {
	Resolution string
	RollCalls  [2]int // IDs
	Dates      [2]time.Time
}

// Coverage is what a dataset covers and where it is thin: the result of
// Cover.
type Coverage struct {
	Sessions    []SessionCoverage
	Months      map[YearMonth]int // roll calls by month
	First, Last time.Time         // the dataset's dated span
	Undated     []int             // IDs of roll calls without a date
	Thin        []ThinState       // by session, then fewest votes first
	Duplicates  []Duplicate
	// DateConflicts lists the IDs of the roll calls, not of a special
	// session, whose date falls outside their session (by
	// votes.SessionOf).
	DateConflicts []int
}

// Cover reports what ds covers: roll calls by session and by month, the
// months a regular session would have that hold no roll call, the states
// with few votes in a session, resolutions listed on several days, dates
// that contradict the session, undated roll calls, and the roll calls
// that are not on resolutions adopted as a whole (SessionCoverage.Other).
//
// Expected months are judged from the data, not from a calendar of the
// Assembly: a month of a session (counted from September of its year, the
// opening, to September of the next) is expected if most of the
// Neighbours sessions on either side that the dataset covers in that month
// hold a roll call in it. Months outside the dataset's span are neither
// expected nor missing. A session's resumed part (January to September of
// its second year) is reported missing the same way. This finds the
// record's missing 2018 and 2019 votes (sessions 72 and 73); it cannot see
// a gap that the neighbouring sessions share, nor single roll calls
// missing from a month that has others.
//
// It returns an error wrapping ErrInvalidOptions for a bad option; a
// dataset without roll calls covers nothing, and is no error.
func Cover(ds *votes.Dataset, opts *CoverageOptions) (*Coverage, error) {
	o, err := opts.get()
	if err != nil {
		return nil, err
	}
	c := &Coverage{Months: make(map[YearMonth]int)}
	bySession := make(map[int]*SessionCoverage)
	type offKey struct{ s, off int }
	offsets := make(map[offKey]int)
	byRes := make(map[string][]int)
	whole := votes.AdoptedResolutions()
	for j, rc := range ds.RollCalls() {
		sc := bySession[rc.Session]
		if sc == nil {
			sc = &SessionCoverage{Session: rc.Session}
			bySession[rc.Session] = sc
		}
		sc.RollCalls++
		if !whole(ds, j) {
			sc.Other++
		}
		if rc.Resolution != "" {
			byRes[rc.Resolution] = append(byRes[rc.Resolution], j)
		}
		if rc.Date.IsZero() {
			sc.Undated++
			c.Undated = append(c.Undated, rc.ID)
			continue
		}
		if c.First.IsZero() || rc.Date.Before(c.First) {
			c.First = rc.Date
		}
		ym := YearMonth{rc.Date.Year(), rc.Date.Month()}
		if k, found := slices.BinarySearchFunc(sc.Months, ym, func(x, y YearMonth) int { return cmp.Compare(x.index(), y.index()) }); !found {
			sc.Months = slices.Insert(sc.Months, k, ym)
		}
		if rc.Date.After(c.Last) {
			c.Last = rc.Date
		}
		if sc.First.IsZero() || rc.Date.Before(sc.First) {
			sc.First = rc.Date
		}
		if rc.Date.After(sc.Last) {
			sc.Last = rc.Date
		}
		c.Months[ym]++
		off := ym.index() - sessionStart(rc.Session)
		offsets[offKey{rc.Session, off}]++
		if off >= 4 && off <= 12 {
			sc.Resumed++
		}
		if rc.Special == "" && votes.SessionOf(rc.Date) != rc.Session {
			c.DateConflicts = append(c.DateConflicts, rc.ID)
		}
	}
	for _, sc := range bySession {
		c.Sessions = append(c.Sessions, *sc)
	}
	slices.SortFunc(c.Sessions, func(x, y SessionCoverage) int { return cmp.Compare(x.Session, y.Session) })
	if !c.First.IsZero() {
		spanLo := YearMonth{c.First.Year(), c.First.Month()}.index()
		spanHi := YearMonth{c.Last.Year(), c.Last.Month()}.index()
		inSpan := func(i int) bool { return spanLo <= i && i <= spanHi }
		for k := range c.Sessions {
			sc := &c.Sessions[k]
			if sc.Session < 2 {
				continue // the first session opened in January 1946, not September
			}
			start := sessionStart(sc.Session)
			// A month: most neighbours the dataset covers then hold one.
			for off := 0; off <= 12; off++ {
				if !inSpan(start+off) || offsets[offKey{sc.Session, off}] > 0 {
					continue
				}
				have, seen := 0, 0
				for d := -o.Neighbours; d <= o.Neighbours; d++ {
					n := sc.Session + d
					if d == 0 || bySession[n] == nil || !inSpan(sessionStart(n)+off) {
						continue
					}
					seen++
					if offsets[offKey{n, off}] > 0 {
						have++
					}
				}
				if seen >= 2 && 2*have > seen {
					sc.Missing = append(sc.Missing, monthOf(start+off))
				}
			}
			// The resumed part as a whole.
			if sc.Resumed == 0 && inSpan(start+4) && inSpan(start+12) {
				have, seen := 0, 0
				for d := -o.Neighbours; d <= o.Neighbours; d++ {
					n := sc.Session + d
					if d == 0 || bySession[n] == nil || !inSpan(sessionStart(n)+12) {
						continue
					}
					seen++
					if bySession[n].Resumed > 0 {
						have++
					}
				}
				sc.ResumedMissing = seen >= 2 && 2*have > seen
			}
		}
	}
	c.thin(ds, o)
	c.duplicates(ds, byRes, o)
	return c, nil
}

// sessionStart is the month index of September of session s's year, when
// it opens.
func sessionStart(s int) int { return YearMonth{1945 + s, time.September}.index() }

func (c *Coverage) thin(ds *votes.Dataset, o CoverageOptions) {
	perSession := make(map[int]int)
	for _, rc := range ds.RollCalls() {
		if !rc.Unanimous {
			perSession[rc.Session]++
		}
	}
	// Cast votes by state and session, sessions by their place in c.Sessions.
	place := make(map[int]int, len(c.Sessions))
	for k, sc := range c.Sessions {
		place[sc.Session] = k
	}
	col := make([]int, ds.NumRollCalls()) // the session's place, or -1 if unanimous
	for j, rc := range ds.RollCalls() {
		col[j] = -1
		if !rc.Unanimous {
			col[j] = place[rc.Session]
		}
	}
	n := make([]int, len(c.Sessions))
	for i := range ds.NumCountries() {
		clear(n)
		for j, v := range ds.Row(i) {
			if v.Cast() && col[j] >= 0 {
				n[col[j]]++
			}
		}
		for k, v := range n {
			s := c.Sessions[k].Session
			if v > 0 && float64(v) < o.ThinShare*float64(perSession[s]) {
				c.Thin = append(c.Thin, ThinState{ds.Country(i), s, v, perSession[s]})
			}
		}
	}
	slices.SortFunc(c.Thin, func(x, y ThinState) int {
		return cmp.Or(cmp.Compare(x.Session, y.Session), cmp.Compare(x.N, y.N), cmp.Compare(x.Country.COW, y.Country.COW))
	})
}

func (c *Coverage) duplicates(ds *votes.Dataset, byRes map[string][]int, o CoverageOptions) {
	for res, js := range byRes {
		for x, j := range js {
			for _, k := range js[x+1:] {
				rj, rk := ds.RollCall(j), ds.RollCall(k)
				if rj.Date.Equal(rk.Date) {
					continue
				}
				differ := 0
				for i := range ds.NumCountries() {
					if ds.Vote(i, j) != ds.Vote(i, k) {
						differ++
					}
				}
				if differ <= o.MaxDiffer {
					c.Duplicates = append(c.Duplicates, Duplicate{res, [2]int{rj.ID, rk.ID}, [2]time.Time{rj.Date, rk.Date}})
				}
			}
		}
	}
	// byRes is a map: the second ID settles the order of a roll call
	// listed three times, which is in two pairs with one first ID.
	slices.SortFunc(c.Duplicates, func(x, y Duplicate) int {
		return cmp.Or(cmp.Compare(x.RollCalls[0], y.RollCalls[0]), cmp.Compare(x.RollCalls[1], y.RollCalls[1]))
	})
}

// Session returns the coverage of session s, if the dataset has it.
func (c *Coverage) Session(s int) (SessionCoverage, bool) {
	k, ok := slices.BinarySearchFunc(c.Sessions, s, func(sc SessionCoverage, s int) int { return cmp.Compare(sc.Session, s) })
	if !ok {
		return SessionCoverage{}, false
	}
	return c.Sessions[k], true
}

// YearNote returns a sentence for a report by calendar year when the
// dataset lacks the votes of the session resumed in that year
// (SessionCoverage.ResumedMissing), or "" when it does not: "2019 holds
// only November-December; the 2019 votes of session 73 are missing." A
// year outside the dataset's span is said to be so.
func (c *Coverage) YearNote(year int) string {
	if c.First.IsZero() || year < c.First.Year() || year > c.Last.Year() {
		return fmt.Sprintf("%d is outside the data, which run from %s to %s.", year, c.First.Format(time.DateOnly), c.Last.Format(time.DateOnly))
	}
	// The session whose resumed part falls in the year. Single months a
	// session lacks are left to SessionNote: too noisy for a year.
	sc, ok := c.Session(year - 1946)
	if !ok || !sc.ResumedMissing {
		return ""
	}
	var held []time.Month
	for m := time.January; m <= time.December; m++ {
		if c.Months[YearMonth{year, m}] > 0 {
			held = append(held, m)
		}
	}
	lead := fmt.Sprintf("%d holds no roll call", year)
	if len(held) > 0 {
		lead = fmt.Sprintf("%d holds only %s", year, monthList(held))
	}
	return fmt.Sprintf("%s; the %d votes of session %d are missing.", lead, year, sc.Session)
}

// SessionNote returns a sentence for a report by session when the dataset
// is thin in session s, or "" when it is not.
func (c *Coverage) SessionNote(s int) string {
	sc, ok := c.Session(s)
	if !ok {
		return fmt.Sprintf("Session %d is not in the data.", s)
	}
	var parts []string
	if sc.ResumedMissing {
		parts = append(parts, fmt.Sprintf("its %d votes (the resumed part) are missing", 1946+s))
	}
	if len(sc.Missing) > 0 {
		parts = append(parts, fmt.Sprintf("it has no roll call in %s, unlike the sessions around it", ymList(sc.Missing)))
	}
	if len(parts) == 0 {
		return ""
	}
	noun := "roll calls"
	if sc.RollCalls == 1 {
		noun = "roll call"
	}
	return fmt.Sprintf("Session %d holds %d %s; %s.", s, sc.RollCalls, noun, strings.Join(parts, "; "))
}

// KindNote returns a sentence for a series across sessions when the kind
// of session s's roll calls differs from that of the session before it in
// the data: one holds only resolutions adopted as a whole
// (SessionCoverage.Other is 0, as in the UN's resolution data, which hold
// nothing else) and the other also votes on parts of drafts, failed drafts
// or motions, so that a break in the series may be the record's, not the
// states'. It returns "" when the two are of one kind, or s is the first
// session in the data or not in it.
func (c *Coverage) KindNote(s int) string {
	k, ok := slices.BinarySearchFunc(c.Sessions, s, func(sc SessionCoverage, s int) int { return cmp.Compare(sc.Session, s) })
	if !ok || k == 0 {
		return ""
	}
	sc, p := c.Sessions[k], c.Sessions[k-1]
	if (p.Other == 0) == (sc.Other == 0) {
		return ""
	}
	const compare = "a series across the two mixes kinds of roll call; votes.AdoptedResolutions keeps the comparable ones."
	if sc.Other == 0 {
		return fmt.Sprintf("Session %d holds only resolutions adopted as a whole, while session %d holds %s: %s",
			s, p.Session, others(p.Other), compare)
	}
	return fmt.Sprintf("Session %d holds %s, while session %d holds only resolutions adopted as a whole: %s",
		s, others(sc.Other), p.Session, compare)
}

// others counts the roll calls SessionCoverage.Other counts, in words.
func others(n int) string {
	if n == 1 {
		return "1 other roll call (a vote on a part of a draft, a failed draft or motion, or one without a symbol)"
	}
	return fmt.Sprintf("%d other roll calls (votes on parts of drafts, failed drafts or motions, or ones without a symbol)", n)
}

// monthList writes months as runs: "November-December", "June, September".
func monthList(ms []time.Month) string {
	var parts []string
	for k := 0; k < len(ms); {
		e := k
		for e+1 < len(ms) && ms[e+1] == ms[e]+1 {
			e++
		}
		if e == k {
			parts = append(parts, ms[k].String())
		} else {
			parts = append(parts, ms[k].String()+"-"+ms[e].String())
		}
		k = e + 1
	}
	return strings.Join(parts, ", ")
}

func ymList(ms []YearMonth) string {
	parts := make([]string, len(ms))
	for k, m := range ms {
		parts[k] = fmt.Sprintf("%s %d", m.Month, m.Year)
	}
	return strings.Join(parts, ", ")
}

// coverageRow is one session's coverage, the main tidy table of a
// Coverage.
type coverageRow struct {
	Session        int    `csv:"session"`
	RollCalls      int    `csv:"roll_calls"`
	First          string `csv:"first"` // yyyy-mm-dd, empty if no roll call is dated
	Last           string `csv:"last"`
	Months         int    `csv:"months"`  // months with a roll call
	Resumed        int    `csv:"resumed"` // roll calls January to September of the second year
	Missing        string `csv:"missing"` // months expected but empty, "2019-06 2019-07"
	ResumedMissing bool   `csv:"resumed_missing"`
	Undated        int    `csv:"undated"`
	Other          int    `csv:"other"` // roll calls votes.AdoptedResolutions leaves out
}

// rows returns the rows of WriteCSV.
func (c *Coverage) rows() []coverageRow {
	out := make([]coverageRow, len(c.Sessions))
	for k, sc := range c.Sessions {
		miss := make([]string, len(sc.Missing))
		for i, m := range sc.Missing {
			miss[i] = m.String()
		}
		out[k] = coverageRow{sc.Session, sc.RollCalls, day(sc.First), day(sc.Last), len(sc.Months), sc.Resumed,
			strings.Join(miss, " "), sc.ResumedMissing, sc.Undated, sc.Other}
	}
	return out
}

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// WriteCSV writes as tidy CSV, with a header line, one row per session.
func (c *Coverage) WriteCSV(w io.Writer) error { return tidy.Write(w, c.rows()) }
