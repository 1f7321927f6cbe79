package votes

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"
)

// Write writes d as CSV in this package's canonical layout, which Read
// reads back into an equal dataset: one row per state and roll call with a
// record, in roll-call then state order. A roll call without any vote gets
// one row with empty state columns; a state without any vote gets one row
// with only its state columns. A dataset without states or roll calls is
// written as one row of empty fields, which Read takes for an empty
// dataset: a header alone is an error (ErrEmpty), as a truncated file
// looks just like it.
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
		stateRecord(rec, c, FlagUnknown)
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
				stateRecord(rec, c, d.Member(i, j))
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
			stateRecord(rec, c, FlagUnknown)
			bw.Write(encode(rec))
		}
	}
	if len(d.countries) == 0 && len(d.rollCalls) == 0 {
		clear(rec)
		bw.Write(encode(rec))
	}
	return bw.Flush()
}

// stateRecord fills the state columns of a canonical record: cow, iso3,
// country and member.
func stateRecord(rec []string, c Country, member Flag) {
	rec[firstStateColumn] = strconv.Itoa(c.COW)
	rec[firstStateColumn+1] = c.ISO3
	rec[firstStateColumn+2] = c.Name
	rec[firstStateColumn+4] = member.String()
}

// rollCallRecord fills the roll-call columns of a canonical record.
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
	rec[firstUNXMLColumn], rec[firstUNXMLColumn+1] = rc.Committee, rc.AgendaItem
	rec[sourceColumn] = rc.Source
	if len(rc.SDGs) > 0 {
		b, _ := json.Marshal(rc.SDGs) // strings always marshal
		rec[firstUNXMLColumn+2] = string(b)
	}
	for k, l := range [...][]Country{rc.Sponsors, rc.AdditionalSponsors} {
		codes := make([]string, len(l))
		for n, c := range l {
			codes[n] = strconv.Itoa(c.COW)
		}
		rec[firstUNXMLColumn+3+k] = strings.Join(codes, " ")
	}
	if len(rc.OtherSponsors) > 0 {
		b, _ := json.Marshal(rc.OtherSponsors) // strings always marshal
		rec[firstUNXMLColumn+5] = string(b)
	}
	if rc.HasTotals {
		t := rc.Totals
		for k, n := range [...]int{t.Yes, t.No, t.Abstain, t.NonVoting, t.Members} {
			rec[firstTotalColumn+k] = strconv.Itoa(n)
		}
	}
}
