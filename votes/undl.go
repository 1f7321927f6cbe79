package votes

import (
	"fmt"
	"io"
	"strings"
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
func (r *Reader) readUNDL(s *scanner) (*Dataset, error) {
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
	for {
		if err := s.next(); err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		if perr := r.undlRow(b, s, col, uc, cache); perr != nil {
			if err := r.skip(perr); err != nil {
				return nil, err
			}
		}
	}
	return b.dataset(), nil
}

// undlColumns holds the positions of the columns read on every row.
type undlColumns struct{ id, code, name, vote, date, note int }

type undlCached struct {
	country Country
	name    string
}

func (r *Reader) undlRow(b *builder, s *scanner, col map[string]int, uc undlColumns, cache map[string]undlCached) *ParseError {
	if err := s.checkWidth(); err != nil {
		return err
	}
	id, ok := atoi(s.field(uc.id))
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
		b.raw = append(b.raw, [2]string{string(s.field(uc.date)), ""})
	} else if d := s.field(uc.date); string(d) != b.raw[k][0] {
		return s.errorAt(uc.date, "date", fmt.Errorf("%w: record %d is dated %s on an earlier row", ErrConflict, id, b.raw[k][0]))
	}
	rc := b.rollCalls.at(k)
	code, name := s.field(uc.code), s.field(uc.name)
	// Keyed by code, which needs no allocation; the name is checked against
	// the one first seen with the code.
	e, ok := cache[string(code)]
	c := e.country
	if !ok || e.name != string(name) {
		var err error
		if c, err = LookupCountryOn(string(code), rc.Date); err != nil {
			if c, err = LookupCountryOn(string(name), rc.Date); err != nil {
				field, i := "ms_code", uc.code
				if i < 0 {
					field, i = "ms_name", uc.name
				}
				return s.errorAt(i, field, fmt.Errorf("%w %q (%q)", ErrUnknownCountry, code, name))
			}
		}
		// "CHN" and "CHINA" name different states before and after 1971.
		if !ok && !dateDependent(string(code)) && !dateDependent(string(name)) {
			cache[string(code)] = undlCached{c, string(name)}
		}
	}
	raw := s.field(uc.vote)
	v, ok := parseVoteBytes(raw)
	if !ok || v == NonMember {
		return s.errorAt(uc.vote, "ms_vote", fmt.Errorf("%w %q (want Y, N, A, X or empty)", ErrUnknownVote, raw))
	}
	if v == NoRecord {
		v = Absent // a member on the list that did not vote
	}
	if prev := b.set(c, k, v); prev != NoRecord && prev != v {
		b.set(c, k, prev)
		return s.errorAt(uc.vote, "ms_vote", fmt.Errorf("%w: %s on record %d, %s before, %s here", ErrDuplicateVote, c.Name, id, prev, v))
	}
	if note := s.field(uc.note); len(note) > 0 {
		b.setNote(c, k, string(note))
	}
	return nil
}

func dateDependent(key string) bool {
	k := foldKey(key)
	for _, d := range dateKeys {
		if d.key == k {
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
