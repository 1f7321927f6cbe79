package votes

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
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
	"cow", "iso3", "country", "vote", "member", "note",
}

// firstStateColumn is the index of "cow" in canonicalHeader.
const firstStateColumn = 25

// firstTotalColumn is the index of "total_yes" in canonicalHeader.
const firstTotalColumn = 20

// Write writes d as CSV in this package's canonical layout, which Read
// reads back into an equal dataset: one row per state and roll call with a
// record, in roll-call then state order. A roll call without any vote gets
// one row with empty state columns; a state without any vote gets one row
// with only its state columns.
func Write(w io.Writer, d *Dataset) error {
	// Most rows repeat a roll call's ID, two dozen empty columns, and a
	// state's columns: those are encoded once and copied, and only the
	// rows that carry a roll call's details, or a note, go through
	// encoding/csv, so that every field is quoted exactly as it quotes.
	bw := bufio.NewWriterSize(w, 64<<10)
	var scratch bytes.Buffer
	cw := csv.NewWriter(&scratch)
	encode := func(rec []string) []byte {
		scratch.Reset()
		cw.Write(rec) // writes to scratch, which does not fail
		cw.Flush()
		return scratch.Bytes()
	}
	bw.Write(encode(canonicalHeader))
	rec := make([]string, len(canonicalHeader))
	// Each state's cow, iso3 and country columns, encoded.
	states := make([][]byte, len(d.countries))
	for i, c := range d.countries {
		clear(rec)
		stateRecord(rec, strconv.Itoa(c.COW), c, FlagUnknown)
		states[i] = bytes.Clone(bytes.TrimSuffix(encode(rec[firstStateColumn:firstStateColumn+3]), []byte{'\n'}))
	}
	hasVote := make([]bool, len(d.countries))
	var line []byte
	for j := range d.rollCalls {
		rc := &d.rollCalls[j]
		first := true
		for i, c := range d.countries {
			v := d.Vote(i, j)
			if v == NoRecord {
				continue
			}
			hasVote[i] = true
			note := d.Note(i, j)
			if first || note != "" {
				clear(rec)
				if first {
					rollCallRecord(rec, rc)
				} else {
					rec[0] = strconv.Itoa(rc.ID)
				}
				stateRecord(rec, strconv.Itoa(c.COW), c, d.Member(i, j))
				rec[firstStateColumn+3] = v.String()
				rec[firstStateColumn+5] = note
				bw.Write(encode(rec))
				first = false
				continue
			}
			line = strconv.AppendInt(line[:0], int64(rc.ID), 10)
			for range firstStateColumn {
				line = append(line, ',')
			}
			line = append(line, states[i]...)
			line = append(line, ',')
			line = append(line, v.String()...)
			line = append(line, ',')
			line = append(line, d.Member(i, j).String()...)
			line = append(line, ",\n"...)
			bw.Write(line)
		}
		if first {
			clear(rec)
			rollCallRecord(rec, rc)
			bw.Write(encode(rec))
		}
	}
	for i, c := range d.countries {
		if !hasVote[i] {
			clear(rec)
			stateRecord(rec, strconv.Itoa(c.COW), c, FlagUnknown)
			bw.Write(encode(rec))
		}
	}
	return bw.Flush()
}

func stateRecord(rec []string, cow string, c Country, member Flag) {
	rec[firstStateColumn] = cow
	rec[firstStateColumn+1] = c.ISO3
	rec[firstStateColumn+2] = c.Name
	rec[firstStateColumn+4] = member.String()
}

func rollCallRecord(rec []string, rc *RollCall) {
	rec[0] = strconv.Itoa(rc.ID)
	rec[1] = strconv.Itoa(rc.Session)
	rec[2] = rc.Special
	rec[3] = "NA" // a roll call without a date (Voeten's rcid 4592)
	if !rc.Date.IsZero() {
		rec[3] = rc.Date.Format("2006-01-02")
	}
	rec[4] = rc.Resolution
	rec[5] = rc.RawResolution
	rec[6], rec[7], rec[8] = rc.Short, rc.Title, rc.Description
	rec[9], rec[10], rec[11] = rc.Draft, rc.CommitteeReport, rc.Meeting
	rec[12], rec[13], rec[14] = rc.AgendaTitle, rc.Subjects, rc.Link
	rec[15] = rc.Issues.String()
	rec[16], rec[17], rec[18] = rc.Important.String(), rc.Amendment.String(), rc.Paragraph.String()
	rec[19] = "0"
	if rc.Unanimous {
		rec[19] = "1"
	}
	if rc.HasTotals {
		t := rc.Totals
		for k, n := range [...]int{t.Yes, t.No, t.Abstain, t.NonVoting, t.Members} {
			rec[firstTotalColumn+k] = strconv.Itoa(n)
		}
	}
}

func (r *Reader) readCanonical(s *scanner) (*Dataset, error) {
	// "unanimous" came later than the other columns: files written
	// before it have unanimity judged on their votes.
	required := slices.DeleteFunc(slices.Clone(canonicalHeader), func(h string) bool { return h == "unanimous" })
	col, err := s.columns(required, "unanimous")
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

func (r *Reader) canonicalRow(b *builder, s *scanner, col map[string]int) *ParseError {
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
		if c, ok = CountryByCOW(cow); !ok {
			return s.errorAt(col["cow"], "cow", fmt.Errorf("%w: COW code %d", ErrUnknownCountry, cow))
		}
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
