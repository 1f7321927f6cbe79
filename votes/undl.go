package votes

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/unga-go/unga/internal/countries"
)

// readUNDL reads the UN Digital Library's bulk voting CSV: one row per
// member state and resolution, with the resolution's columns repeated.
//
//	undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,committee_report,
//	meeting,title,agenda_title,subjects,vote_note,total_yes,total_no,
//	total_abstentions,total_non_voting,total_ms,undl_link
//
// The 2025 layout lacks vote_note. ms_vote is Y, N, A, X (present, not
// voting) or empty (absent); both of the last are read as Absent. Sessions
// are "79" or "ES-11"; totals are written "120.0". States are found by
// ms_code on the day of the vote, then by ms_name: "SRB"/"SERBIA" is COW 345.
func (r *reader) readUNDL(s *scanner) (*result, error) {
	col, err := s.columns([]string{"undl_id", "ms_vote", "date", "session"},
		"ms_code", "ms_name", "resolution", "draft", "committee_report", "meeting", "title",
		"agenda_title", "subjects", "vote_note", "total_yes", "total_no", "total_abstentions",
		"total_non_voting", "total_ms", "undl_link")
	if err != nil {
		return nil, err
	}
	if col["ms_code"] < 0 && col["ms_name"] < 0 {
		return nil, &ParseError{File: s.file, Line: 1, Field: "ms_code", Err: fmt.Errorf("%w \"ms_code\" or \"ms_name\"", ErrMissingColumn)}
	}
	b := newBuilder()
	cache := make(map[string]undlCached)
	uc := undlColumns{col["undl_id"], col["ms_code"], col["ms_name"], col["ms_vote"], col["date"], col["vote_note"]}
	t := &undlTemplate{b: b, cache: cache, uc: uc}
	fast := t.row
	if r.cfg.OpsOnly {
		fast = nil
	}
	for {
		taken, err := s.nextOr(fast)
		if err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		if taken {
			continue
		}
		perr := r.undlRow(b, s, col, uc, cache)
		if perr != nil {
			if err := r.skip(perr); err != nil {
				return nil, err
			}
		}
		if id, _ := atoi(s.field(uc.id)); perr == nil && (len(t.steps) == 0 || id != t.id) {
			t.set(id, s.sp.Raw())
		}
	}
	return b.dataset(), nil
}

// undlTemplate is the fast path for the Digital Library's rows. Every row of
// a resolution repeats its columns, titles and all, and differs only in the
// state's code, name and vote and the note; such a row is compared with the
// last row read in full, stretch by stretch, and only those columns are
// read. Anything else, and any row that would be an error, is declined and
// read in full.
type undlTemplate struct {
	b     *builder
	cache map[string]undlCached
	uc    undlColumns
	id, k int // the roll call of the template row: ID and index
	steps []templateStep
	spans [][2]int // reused by set
}

const (
	undlCode int8 = iota + 1
	undlName
	undlVote
	undlNote
)

// set makes the template of a good row of roll call id just read in full,
// from its line as read (nil if the record took more than one line).
func (t *undlTemplate) set(id int, raw []byte) {
	t.steps = t.steps[:0]
	if raw == nil {
		return
	}
	var ok bool
	if t.spans, ok = appendFieldSpans(t.spans[:0], raw); !ok {
		return
	}
	spans := t.spans
	if t.k, ok = t.b.rollCall(id); !ok {
		return
	}
	t.id = id
	line := string(raw)
	at := 0
	for f, span := range spans {
		kind := int8(0)
		switch f {
		case t.uc.code:
			kind = undlCode
		case t.uc.name:
			kind = undlName
		case t.uc.vote:
			kind = undlVote
		case t.uc.note:
			kind = undlNote
		}
		if kind == 0 {
			continue
		}
		if span[0] < len(line) && line[span[0]] == '"' {
			t.steps = t.steps[:0] // a varying column in quotes
			return
		}
		t.steps = append(t.steps, templateStep{text: line[at:span[0]], field: kind})
		at = span[1]
	}
	t.steps = append(t.steps, templateStep{text: line[at:], field: stepEnd})
}

// row reads line if it is the template's but in the varying columns and
// reads without error, and reports whether it did.
func (t *undlTemplate) row(line []byte) bool {
	if len(t.steps) == 0 {
		return false
	}
	var code, name, vote, note []byte
	j := 0
	for _, st := range t.steps {
		if !hasPrefixAt(line, j, st.text) {
			return false
		}
		j += len(st.text)
		if st.field == stepEnd {
			break
		}
		k := j
		for k < len(line) && line[k] != ',' && line[k] != '"' {
			k++
		}
		if k < len(line) && line[k] == '"' {
			return false
		}
		switch st.field {
		case undlCode:
			code = line[j:k]
		case undlName:
			name = line[j:k]
		case undlVote:
			vote = line[j:k]
		case undlNote:
			note = line[j:k]
		}
		j = k
	}
	if j != len(line) {
		return false
	}
	e, ok := t.cache[string(code)]
	if !ok || e.name != string(name) {
		return false
	}
	v, ok := undlVoteCode(vote)
	if !ok {
		return false
	}
	if v == NoRecord {
		v = Absent
	}
	b := t.b
	pos := b.holder(e.country, t.k)
	if have := b.rows[pos]; t.k < len(have) && have[t.k] != NoRecord {
		return false // a duplicate, for the full read to check
	}
	b.setPos(pos, t.k, v)
	if len(note) > 0 {
		b.setNote(e.country, t.k, string(note))
	}
	return true
}

// appendFieldSpans appends to spans where each field of a one-line CSV
// record starts and ends, quotes included, and reports false if the line is
// not well formed.
func appendFieldSpans(spans [][2]int, line []byte) ([][2]int, bool) {
	i := 0
	for {
		start := i
		if i < len(line) && line[i] == '"' {
			i++
			for {
				q := bytes.IndexByte(line[i:], '"')
				if q < 0 {
					return nil, false
				}
				i += q + 1
				if i < len(line) && line[i] == '"' {
					i++ // a doubled quote
					continue
				}
				break
			}
		} else {
			for i < len(line) && line[i] != ',' {
				if line[i] == '"' {
					return nil, false
				}
				i++
			}
		}
		spans = append(spans, [2]int{start, i})
		if i == len(line) {
			return spans, true
		}
		if line[i] != ',' {
			return nil, false
		}
		i++
	}
}

// undlColumns holds the positions of the columns read on every row.
type undlColumns struct{ id, code, name, vote, date, note int }

type undlCached struct {
	country Country
	name    string
}

func (r *reader) undlRow(b *builder, s *scanner, col map[string]int, uc undlColumns, cache map[string]undlCached) *ParseError {
	if err := s.checkWidth(); err != nil {
		return err
	}
	id, ok := parseID(s.field(uc.id))
	if !ok {
		return s.errorAt(uc.id, "undl_id", badNumber(s.field(uc.id)))
	}
	k, known := b.rollCall(id)
	if !known {
		rc, perr := undlRollCall(s, col, id)
		if perr != nil {
			return perr
		}
		k, _ = b.addRollCall(rc)
		b.raw = append(b.raw, [2]string{string(s.field(uc.date)), undlDetails(s, col)})
	} else if d := s.field(uc.date); string(d) != b.raw[k][0] {
		return s.errorAt(uc.date, "date", fmt.Errorf("%w: record %d is dated %s on an earlier row", ErrConflict, id, quotePrefix([]byte(b.raw[k][0]))))
	} else if det := undlDetails(s, col); det != b.raw[k][1] {
		// Which column differs, for the message.
		had := strings.Split(b.raw[k][1], "\x1f")
		for n, name := range undlDetailColumns {
			if f := string(s.field(col[name])); f != had[n] {
				return s.errorAt(col[name], name, fmt.Errorf("%w: record %d has %s %s on an earlier row", ErrConflict, id, name, quotePrefix([]byte(had[n]))))
			}
		}
	}
	rc := b.rollCalls.at(k)
	code, name := s.field(uc.code), s.field(uc.name)
	// Keyed by code, which needs no allocation; the name is checked against
	// the one first seen with the code.
	e, ok := cache[string(code)]
	c := e.country
	if !ok || e.name != string(name) {
		cc, codeErr := lookupSource(string(code), rc.Date)
		cn, nameErr := lookupSource(string(name), rc.Date)
		switch {
		case codeErr == nil && nameErr == nil && len(name) > 0 && cc.COW != cn.COW:
			return s.errorAt(uc.code, "ms_code", fmt.Errorf("%w: ms_code %s is %s (COW %d) but ms_name %s is %s (COW %d)",
				ErrUnknownCountry, quotePrefix(code), cc.Name, cc.COW, quotePrefix(name), cn.Name, cn.COW))
		case codeErr == nil:
			c = cc
		case nameErr == nil:
			c = cn
		default:
			field, i := "ms_code", uc.code
			if i < 0 {
				field, i = "ms_name", uc.name
			}
			return s.errorAt(i, field, fmt.Errorf("%w %s (%s)", ErrUnknownCountry, quotePrefix(code), quotePrefix(name)))
		}
		// "CHN" and "CHINA" name different states before and after 1971.
		if !ok && !dateDependent(string(code)) && !dateDependent(string(name)) {
			cache[string(code)] = undlCached{c, string(name)}
		}
	}
	raw := s.field(uc.vote)
	v, ok := undlVoteCode(raw)
	if !ok {
		return s.errorAt(uc.vote, "ms_vote", fmt.Errorf("%w %s (%s)", ErrUnknownVote, quotePrefix(raw), undlCodes))
	}
	if v == NoRecord {
		v = Absent // a member on the list that did not vote
	}
	note := s.field(uc.note)
	if prev := b.set(c, k, v); prev != NoRecord && prev != v {
		b.set(c, k, prev)
		return s.errorAt(uc.vote, "ms_vote", fmt.Errorf("%w: %s on record %d, %s before, %s here", ErrDuplicateVote, c.Name, id, prev, v))
	} else if prev != NoRecord {
		// The same vote again: its note must be the same too.
		if had := b.note(c, k); had != string(note) {
			return s.errorAt(uc.note, "vote_note", fmt.Errorf("%w: %s on record %d has note %s on an earlier row", ErrConflict, c.Name, id, quotePrefix([]byte(had))))
		}
	}
	if len(note) > 0 {
		b.setNote(c, k, string(note))
	}
	return nil
}

// undlDetailColumns are the columns every row of a record must repeat
// exactly, besides its date; the others (draft, meeting, subjects,
// totals) are taken from the first row.
var undlDetailColumns = [...]string{"session", "resolution", "title"}

// undlDetails joins a row's undlDetailColumns, to compare rows of one
// record.
func undlDetails(s *scanner, col map[string]int) string {
	var b strings.Builder
	for n, name := range undlDetailColumns {
		if n > 0 {
			b.WriteByte('\x1f')
		}
		b.Write(s.field(col[name]))
	}
	return b.String()
}

func dateDependent(key string) bool {
	k := countries.FoldKey(key)
	for _, d := range countries.DateKeys {
		if d.Key == k {
			return true
		}
	}
	return false
}

func undlRollCall(s *scanner, col map[string]int, id int) (RollCall, *ParseError) {
	rc := RollCall{ID: id}
	d, err := parseDate(string(s.field(col["date"])))
	if err != nil {
		return rc, s.errorAt(col["date"], "date", err)
	}
	rc.Date = d
	n, special, err := ParseSession(string(s.field(col["session"])))
	if err != nil {
		return rc, s.errorAt(col["session"], "session", err)
	}
	rc.Session, rc.Special = n, special
	if special != "" {
		rc.Session = SessionOf(d)
	}
	if err := checkSession(&rc); err != nil {
		return rc, s.errorAt(col["session"], "session", err)
	}
	rc.RawResolution = string(s.field(col["resolution"]))
	rc.Resolution = NormalizeResolution(rc.RawResolution)
	if rc.Special == "" {
		rc.Special = specialOf(rc.Resolution)
	}
	str := func(name string) string { return string(s.field(col[name])) }
	rc.Draft, rc.CommitteeReport, rc.Meeting = str("draft"), str("committee_report"), str("meeting")
	rc.Title, rc.AgendaTitle, rc.Subjects, rc.Link = str("title"), str("agenda_title"), str("subjects"), str("undl_link")
	for _, f := range [...]struct {
		name string
		dst  *int
	}{{"total_yes", &rc.Totals.Yes}, {"total_no", &rc.Totals.No}, {"total_abstentions", &rc.Totals.Abstain},
		{"total_non_voting", &rc.Totals.NonVoting}, {"total_ms", &rc.Totals.Members}} {
		v := s.field(col[f.name])
		if len(v) == 0 {
			continue
		}
		n, ok := wholeNumber([]byte(strings.TrimSpace(string(v))))
		if !ok {
			return rc, s.errorAt(col[f.name], f.name, badNumber(v))
		}
		*f.dst = n
		rc.HasTotals = true
	}
	return rc, nil
}
