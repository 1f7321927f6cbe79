package votes

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/unga-go/unga/internal/countries"
)

// canonicalHeader is the layout Write produces. The roll-call columns (rcid
// to total_members) are filled on the first row of each roll call only, and
// left empty on the rows that follow with the same rcid, which keeps the
// file near the size of the unvotes vote file.
var canonicalHeader = []string{
	"rcid", "session", "special", "date", "resolution", "raw_resolution",
	"short", "title", "description", "draft", "committee_report", "meeting",
	"agenda_title", "subjects", "link", "issues", "important", "amendment", "paragraph",
	"unanimous", "total_yes", "total_no", "total_abstain", "total_non_voting", "total_members",
	"committee", "agenda_item", "sdgs", "sponsors", "additional_sponsors", "other_sponsors",
	"source", "cow", "iso3", "country", "vote", "member", "note",
}

// laterColumns came after the others: files written before them read
// without them.
var laterColumns = []string{"unanimous", "committee", "agenda_item", "sdgs", "sponsors", "additional_sponsors", "other_sponsors", "source"}

// firstStateColumn is the index of "cow" in canonicalHeader.
const firstStateColumn = 32

// firstUNXMLColumn is the index of "committee" in canonicalHeader: the
// columns of the UN's resolution data. sponsors and additional_sponsors
// are COW codes joined by spaces; sdgs and other_sponsors JSON arrays of
// strings, which hold any text losslessly.
const firstUNXMLColumn = 25

// sourceColumn is the index of "source" in canonicalHeader: RollCall.Source.
const sourceColumn = 31

// firstTotalColumn is the index of "total_yes" in canonicalHeader.
const firstTotalColumn = 20

func (r *reader) readCanonical(s *scanner) (*result, error) {
	// Files written before "unanimous" have unanimity judged on their
	// votes.
	required := slices.DeleteFunc(slices.Clone(canonicalHeader), func(h string) bool { return slices.Contains(laterColumns, h) })
	col, err := s.columns(required, laterColumns...)
	if err != nil {
		return nil, err
	}
	b := r.newBuilder()
	emptyMark := 0 // the line of the row that says the dataset is empty
	rows := 0
	for {
		if err := s.next(); err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		rows++
		if emptyMark == 0 && len(s.fields) == len(s.header) && !slices.ContainsFunc(s.fields, func(f []byte) bool { return len(f) > 0 }) {
			emptyMark = s.line
			continue
		}
		if perr := r.canonicalRow(b, s, col); perr != nil {
			if err := r.skip(perr); err != nil {
				return nil, err
			}
		}
	}
	if emptyMark > 0 && rows > 1 {
		return nil, &ParseError{File: s.file, Line: emptyMark, Err: fmt.Errorf("%w: a row of empty fields, which stands for an empty dataset, in a file of %d rows", ErrConflict, rows)}
	}
	d := b.dataset()
	d.Empty = emptyMark > 0
	return d, nil
}

func (r *reader) canonicalRow(b *builder, s *scanner, col map[string]int) *ParseError {
	if err := s.checkWidth(); err != nil {
		return err
	}
	var c Country
	hasState := len(s.field(col["cow"])) > 0
	if hasState {
		cow, ok := atoi(s.field(col["cow"]))
		if !ok {
			return s.errorAt(col["cow"], "cow", badNumber(s.field(col["cow"])))
		}
		p, ok := countries.Pos(cow)
		if !ok {
			return s.errorAt(col["cow"], "cow", fmt.Errorf("%w: COW code %d", ErrUnknownCountry, cow))
		}
		c = countryAt(p)
	}
	if len(s.field(col["rcid"])) == 0 {
		if !hasState {
			return s.errorAt(col["rcid"], "rcid", fmt.Errorf("%w: neither rcid nor cow", ErrMissingColumn))
		}
		b.touch(c)
		return nil
	}
	id, ok := parseID(s.field(col["rcid"]))
	if !ok {
		return s.errorAt(col["rcid"], "rcid", badNumber(s.field(col["rcid"])))
	}
	k, known := b.rollCall(id)
	if len(s.field(col["date"])) > 0 {
		if known {
			return s.errorAt(col["rcid"], "rcid", fmt.Errorf("%w: rcid %d", ErrDuplicateRollCall, id))
		}
		if err := b.full(1); err != nil {
			return s.errorAt(col["rcid"], "rcid", err)
		}
		rc, perr := canonicalRollCall(s, col)
		if perr != nil {
			return perr
		}
		k, _ = b.addRollCall(rc)
		b.raw = append(b.raw, [2]string{"", canonicalDetails(s, col)})
		if u := col["unanimous"]; u >= 0 && len(s.field(u)) > 0 {
			f, ok := parseFlag(s.field(u))
			if !ok || f == FlagUnknown {
				return s.errorAt(u, "unanimous", quoteErr("want 0 or 1, got", s.field(u)))
			}
			b.setUnanimous(k, f == FlagTrue)
		}
	} else if !known {
		return s.errorAt(col["rcid"], "rcid", fmt.Errorf("a row of an %w: rcid %d (its first row must carry its details)", ErrUnknownRollCall, id))
	} else if perr := canonicalAgrees(b, s, col, k, id); perr != nil {
		return perr
	}
	if !hasState {
		return nil
	}
	v, ok := canonicalVote(s.field(col["vote"]))
	if !ok {
		return s.errorAt(col["vote"], "vote", fmt.Errorf("%w %s (%s)", ErrUnknownVote, quotePrefix(s.field(col["vote"])), canonicalCodes))
	}
	m, ok := parseFlag(s.field(col["member"]))
	if !ok {
		return s.errorAt(col["member"], "member", quoteErr("want 0, 1 or NA, got", s.field(col["member"])))
	}
	note := s.field(col["note"])
	prev := b.set(c, k, v)
	switch {
	case prev != NoRecord && prev != v:
		b.set(c, k, prev)
		return s.errorAt(col["vote"], "vote", fmt.Errorf("%w: %s on rcid %d, %s before, %s here", ErrDuplicateVote, c.Name, id, prev, v))
	case prev != NoRecord:
		// The same vote again: its flag and note must be the same too.
		if had := b.memberOf(c, k, v); had != m {
			return s.errorAt(col["member"], "member", fmt.Errorf("%w: %s on rcid %d has member %s on an earlier row", ErrConflict, c.Name, id, had))
		}
		if had := b.note(c, k); had != string(note) {
			return s.errorAt(col["note"], "note", fmt.Errorf("%w: %s on rcid %d has note %s on an earlier row", ErrConflict, c.Name, id, quotePrefix([]byte(had))))
		}
		return nil
	}
	if m != impliedMember(v) {
		b.setMember(c, k, m)
	}
	if len(note) > 0 {
		b.setNote(c, k, string(note))
	}
	return nil
}

// canonicalRollCallColumns are the columns of a roll call's details, which
// its first row fills and later rows leave empty or repeat.
var canonicalRollCallColumns = canonicalHeader[1:firstStateColumn]

// canonicalDetails returns the roll-call columns of a roll call's first
// row as written, joined by \x1f.
func canonicalDetails(s *scanner, col map[string]int) string {
	var b strings.Builder
	for n, name := range canonicalRollCallColumns {
		if n > 0 {
			b.WriteByte('\x1f')
		}
		b.Write(s.field(col[name]))
	}
	return b.String()
}

// canonicalAgrees checks a later row of roll call k (rcid id): a roll-call
// column it fills must say what the first row said.
func canonicalAgrees(b *builder, s *scanner, col map[string]int, k, id int) *ParseError {
	var had []string
	for n, name := range canonicalRollCallColumns {
		f := s.field(col[name])
		if len(f) == 0 {
			continue
		}
		if had == nil {
			had = strings.Split(b.raw[k][1], "\x1f")
		}
		if string(f) != had[n] {
			return s.errorAt(col[name], name, fmt.Errorf("%w: rcid %d has %s %s on its first row", ErrConflict, id, name, quotePrefix([]byte(had[n]))))
		}
	}
	return nil
}

func canonicalRollCall(s *scanner, col map[string]int) (RollCall, *ParseError) {
	// The shared columns have other names in the unvotes layout.
	shared := map[string]int{"rcid": col["rcid"], "session": canonicalSession, "date": col["date"],
		"importantvote": col["important"], "unres": col["raw_resolution"], "amend": col["amendment"],
		"para": col["paragraph"], "short": col["short"], "descr": col["description"]}
	rc, perr := parseRollCallColumns(s, shared)
	if perr != nil {
		return rc, perr
	}
	n, ok := atoi(s.field(col["session"]))
	if !ok {
		return rc, s.errorAt(col["session"], "session", fmt.Errorf("%w %s", ErrBadSession, quotePrefix(s.field(col["session"]))))
	}
	rc.Session = n
	if err := checkSession(&rc); err != nil {
		return rc, s.errorAt(col["session"], "session", err)
	}
	str := func(name string) string { return string(s.field(col[name])) }
	if sp := str("special"); sp != "" {
		// One name for each special session, as every reader gives it.
		_, special, err := ParseSession(sp)
		if err != nil || special == "" {
			return rc, s.errorAt(col["special"], "special", fmt.Errorf("%w %s (want \"ES-11\" or \"S-10\")", ErrBadSession, quotePrefix([]byte(sp))))
		}
		rc.Special = special
	}
	rc.Resolution, rc.RawResolution = str("resolution"), str("raw_resolution")
	rc.Short, rc.Description = str("short"), str("description")
	rc.Title, rc.Draft, rc.CommitteeReport, rc.Meeting = str("title"), str("draft"), str("committee_report"), str("meeting")
	rc.AgendaTitle, rc.Subjects, rc.Link = str("agenda_title"), str("subjects"), str("link")
	if is := str("issues"); is != "" {
		for _, code := range strings.Split(is, "+") {
			x, err := ParseIssue(code)
			if err != nil {
				return rc, s.errorAt(col["issues"], "issues", err)
			}
			rc.Issues |= x
		}
	}
	if perr := canonicalUNXML(s, col, &rc); perr != nil {
		return rc, perr
	}
	for k, dst := range [...]*int{&rc.Totals.Yes, &rc.Totals.No, &rc.Totals.Abstain, &rc.Totals.NonVoting, &rc.Totals.Members} {
		name := canonicalHeader[firstTotalColumn+k]
		v := s.field(col[name])
		if len(v) == 0 {
			continue
		}
		n, ok := wholeNumber(v)
		if !ok {
			return rc, s.errorAt(col[name], name, badNumber(v))
		}
		*dst = n
		rc.HasTotals = true
	}
	return rc, nil
}

// canonicalUNXML reads the columns of the UN's resolution data, if the
// file has them.
func canonicalUNXML(s *scanner, col map[string]int, rc *RollCall) *ParseError {
	field := func(name string) string {
		if i := col[name]; i >= 0 {
			return string(s.field(i))
		}
		return ""
	}
	rc.Committee, rc.AgendaItem = field("committee"), field("agenda_item")
	rc.Source = field("source")
	for _, l := range [...]struct {
		name string
		dst  *[]string
	}{{"sdgs", &rc.SDGs}, {"other_sponsors", &rc.OtherSponsors}} {
		if v := field(l.name); v != "" {
			if err := json.Unmarshal([]byte(v), l.dst); err != nil {
				return s.errorAt(col[l.name], l.name, fmt.Errorf("%w: want a JSON array of strings: %v", ErrBadJSON, err))
			}
		}
	}
	for _, l := range [...]struct {
		name string
		dst  *[]Country
	}{{"sponsors", &rc.Sponsors}, {"additional_sponsors", &rc.AdditionalSponsors}} {
		for _, f := range strings.Fields(field(l.name)) {
			cow, ok := atoi([]byte(f))
			p, known := countries.Pos(cow)
			if !ok || !known {
				return s.errorAt(col[l.name], l.name, fmt.Errorf("%w: COW code %q", ErrUnknownCountry, f))
			}
			*l.dst = append(*l.dst, countryAt(p))
		}
	}
	return nil
}
