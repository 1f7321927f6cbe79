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
	"cow", "iso3", "country", "vote", "member", "note",
}

// laterColumns came after the others: files written before them read
// without them.
var laterColumns = []string{"unanimous", "committee", "agenda_item", "sdgs", "sponsors", "additional_sponsors", "other_sponsors"}

// firstStateColumn is the index of "cow" in canonicalHeader.
const firstStateColumn = 31

// firstUNXMLColumn is the index of "committee" in canonicalHeader: the
// columns of the UN's resolution data. sponsors and additional_sponsors
// are COW codes joined by spaces; sdgs and other_sponsors JSON arrays of
// strings, which hold any text losslessly.
const firstUNXMLColumn = 25

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
	b := newBuilder()
	for {
		if err := s.next(); err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		if perr := r.canonicalRow(b, s, col); perr != nil {
			if err := r.skip(perr); err != nil {
				return nil, err
			}
		}
	}
	return b.dataset(), nil
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
		rc, perr := canonicalRollCall(s, col)
		if perr != nil {
			return perr
		}
		k, _ = b.addRollCall(rc)
		if u := col["unanimous"]; u >= 0 && len(s.field(u)) > 0 {
			f, ok := parseFlag(s.field(u))
			if !ok || f == FlagUnknown {
				return s.errorAt(u, "unanimous", quoteErr("want 0 or 1, got", s.field(u)))
			}
			b.setUnanimous(k, f == FlagTrue)
		}
	} else if !known {
		return s.errorAt(col["rcid"], "rcid", fmt.Errorf("a row of an %w: rcid %d (its first row must carry its details)", ErrUnknownRollCall, id))
	}
	if !hasState {
		return nil
	}
	v, ok := canonicalVote(s.field(col["vote"]))
	if !ok {
		return s.errorAt(col["vote"], "vote", fmt.Errorf("%w %s (%s)", ErrUnknownVote, quotePrefix(s.field(col["vote"])), canonicalCodes))
	}
	if prev := b.set(c, k, v); prev != NoRecord && prev != v {
		b.set(c, k, prev)
		return s.errorAt(col["vote"], "vote", fmt.Errorf("%w: %s on rcid %d, %s before, %s here", ErrDuplicateVote, c.Name, id, prev, v))
	}
	m, ok := parseFlag(s.field(col["member"]))
	if !ok {
		return s.errorAt(col["member"], "member", quoteErr("want 0, 1 or NA, got", s.field(col["member"])))
	}
	if m != impliedMember(v) {
		b.setMember(c, k, m)
	}
	if note := s.field(col["note"]); len(note) > 0 {
		b.setNote(c, k, string(note))
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
	rc.Session, rc.Special = n, str("special")
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
