package votes

import (
	"io"
	"strconv"
	"strings"
)

// longHeader is the header WriteLong writes, its columns in order.
var longHeader = [...]string{"rcid", "session", "date", "year", "resolution", "iso3", "cow", "name", "vote", "issues",
	"committee", "agenda_item", "subjects", "sdgs", "sponsor", "other_sponsors", "source"}

// WriteLong writes d as a long, vote-level CSV table for pandas, dplyr or
// DuckDB: one row per state and roll call with a record (every Vote but
// NoRecord), by roll call (in the dataset's order) and then by COW code,
// under the header
//
//	rcid,session,date,year,resolution,iso3,cow,name,vote,issues,committee,agenda_item,subjects,sdgs,sponsor,other_sponsors,source
//
// rcid is RollCall.ID; session the regular session; date the day of the
// vote as yyyy-mm-dd and year its calendar year (RollCall.Year), both
// empty for an undated roll call; resolution the symbol in the UN's form
// ("A/RES/74/17"), empty where the source gives none; iso3, cow and name
// identify the state (Country.ISO3, COW and Name; iso3 is empty for the
// three states without an ISO code, the Federal Republic of Germany, the
// Yemen Arab Republic and Zanzibar, whose Country.Code is GFR, YAR and
// ZAN, and Namibia's is NAM, never the NA
// that R reads as missing); vote is Vote.String() (yes, abstain, no, and
// for sources that record them absent and non-member); issues is
// Issue.String(), Voeten's codes joined by "+" ("me+hr"), empty for none.
// The last six come from the UN's resolution data and are empty for the
// other sources: committee and agenda_item are RollCall.Committee and
// AgendaItem; subjects is RollCall.Subjects (terms joined by "; "); sdgs
// the SDGs joined by spaces ("16 2.a"); sponsor is "sponsor" if the state
// is among RollCall.Sponsors, "additional" if among AdditionalSponsors,
// else empty; other_sponsors is RollCall.OtherSponsors joined by " | ".
// source is RollCall.Source, where the roll call came from.
//
// Fields are quoted as encoding/csv quotes them. The table is written by
// hand, not through reflection, in time linear in the rows
// (BenchmarkWriteLong times the embedded record).
func WriteLong(w io.Writer, d *Dataset) error {
	nr := len(d.rollCalls)
	// Each row is head[j], state[i], vote, tail[j].
	head := make([]string, nr)
	mid := make([]string, nr)       // from the vote to the sponsor column
	tail := make([]string, nr)      // after the sponsor column
	role := make(map[[2]int]string) // by roll call and COW: "sponsor" or "additional"
	var b []byte
	for j := range d.rollCalls {
		rc := &d.rollCalls[j]
		b = strconv.AppendInt(b[:0], int64(rc.ID), 10)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(rc.Session), 10)
		b = append(b, ',')
		if !rc.Date.IsZero() {
			b = rc.Date.AppendFormat(b, "2006-01-02")
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(rc.Year()), 10)
		} else {
			b = append(b, ',')
		}
		b = append(b, ',')
		b = appendField(b, rc.Resolution)
		b = append(b, ',')
		head[j] = string(b)
		b = append(b[:0], ',')
		b = appendField(b, rc.Issues.String())
		for _, f := range [...]string{rc.Committee, rc.AgendaItem, rc.Subjects, strings.Join(rc.SDGs, " ")} {
			b = append(b, ',')
			b = appendField(b, f)
		}
		b = append(b, ',')
		mid[j] = string(b)
		b = append(b[:0], ',')
		b = appendField(b, strings.Join(rc.OtherSponsors, " | "))
		b = append(b, ',')
		b = appendField(b, rc.Source)
		b = append(b, '\n')
		tail[j] = string(b)
		for _, c := range rc.AdditionalSponsors {
			role[[2]int{j, c.COW}] = "additional"
		}
		for _, c := range rc.Sponsors {
			role[[2]int{j, c.COW}] = "sponsor"
		}
	}
	state := make([]string, len(d.countries))
	for i, c := range d.countries {
		b = appendField(b[:0], c.ISO3)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(c.COW), 10)
		b = append(b, ',')
		b = appendField(b, c.Name)
		b = append(b, ',')
		state[i] = string(b)
	}
	var vote [NonMember + 1]string
	for v := range vote {
		vote[v] = Vote(v).String()
	}

	const flushAt = 64 << 10
	buf := make([]byte, 0, flushAt+1024)
	buf = append(buf, strings.Join(longHeader[:], ",")...)
	buf = append(buf, '\n')
	for j := range nr {
		h, m, t := head[j], mid[j], tail[j]
		for i, c := range d.countries {
			v := d.votes[i*nr+j]
			if v == NoRecord {
				continue
			}
			var s string
			if v > NoRecord && v <= NonMember {
				s = vote[v]
			} else {
				s = v.String() // not a value the readers make; written as String writes it
			}
			buf = append(buf, h...)
			buf = append(buf, state[i]...)
			buf = append(buf, s...)
			buf = append(buf, m...)
			if len(role) > 0 {
				buf = append(buf, role[[2]int{j, c.COW}]...)
			}
			buf = append(buf, t...)
			if len(buf) >= flushAt {
				if _, err := w.Write(buf); err != nil {
					return err
				}
				buf = buf[:0]
			}
		}
	}
	_, err := w.Write(buf)
	return err
}

// appendField appends s to b as a CSV field, quoted as encoding/csv's Writer
// quotes: when it holds a comma, a quote, a line break, or begins with a
// space or tab, or is `\.`.
func appendField(b []byte, s string) []byte {
	if !fieldNeedsQuotes(s) {
		return append(b, s...)
	}
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			b = append(b, '"')
		}
		b = append(b, s[i])
	}
	return append(b, '"')
}

func fieldNeedsQuotes(s string) bool {
	if s == "" {
		return false
	}
	if s == `\.` || s[0] == ' ' || s[0] == '\t' {
		return true
	}
	return strings.ContainsAny(s, ",\"\r\n")
}
