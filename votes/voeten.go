package votes

import (
	"bytes"
	"fmt"
	"math"
)

// readVoeten reads Voeten's layout: one row per member state and roll call,
// with the roll call's columns repeated on every row. The 2016 release has
// rcid, session, vote, ccode, member, importantvote, date, unres, me, nu, di,
// hr, co, ec, year; releases since 2021 add Country, Countryname, short,
// descr, amend, para, yes, no, abstain. Columns are taken by name. The roll
// call's details come from its first row; later rows must agree on the date
// and resolution. The year column is derived from the session and not kept.
func (r *Reader) readVoeten(s *scanner) (*Dataset, error) {
	col, err := s.columns([]string{"rcid", "vote", "ccode", "date"},
		"session", "member", "importantvote", "unres", "me", "nu", "di", "hr", "co", "ec",
		"short", "descr", "amend", "para", "yes", "no", "abstain")
	if err != nil {
		return nil, err
	}
	b := newBuilder()
	err = r.readVoteRows(b, s.sp.r, s.file, len(s.header), s.sp.nextLine, nil, false, func() rowParser {
		return &voetenParser{col: col, rcid: col["rcid"], vote: col["vote"], ccode: col["ccode"],
			member: col["member"], date: col["date"], unres: col["unres"], last: -1, width: len(s.header)}
	})
	if err != nil {
		return nil, err
	}
	return b.dataset(), nil
}

// voetenParser parses the rows of Voeten's file.
type voetenParser struct {
	col map[string]int
	// Positions of the columns read on every row.
	rcid, vote, ccode, member, date, unres int
	// The roll call of the previous row: rows come grouped by roll call,
	// and only the first row of each group is parsed for its details.
	lastID int
	last   int   // index in part.rollCalls, -1 if none
	width  int   // fields in the header
	cuts   []int // comma offsets of the current line, reused
}

var issueColumns = [...]struct {
	name  string
	issue Issue
}{{"me", MiddleEast}, {"nu", Nuclear}, {"di", Disarmament}, {"hr", HumanRights}, {"co", Colonialism}, {"ec", Development}}

// parseLine is the fast path for a plain line that continues the roll
// call of the line before: the fields are found in one pass without
// building slices for them, and the roll call's details are not parsed
// again, only compared.
func (v *voetenParser) parseLine(line []byte, lineNo int, p *part) bool {
	if v.last < 0 || bytes.IndexByte(line, '"') >= 0 {
		return false
	}
	v.cuts = appendCommas(v.cuts[:0], line)
	if len(v.cuts) != v.width-1 {
		return false
	}
	cuts := v.cuts
	field := func(i int) (int, []byte) {
		start, end := 0, len(line)
		if i > 0 {
			start = cuts[i-1] + 1
		}
		if i < v.width-1 {
			end = cuts[i]
		}
		return start, line[start:end]
	}
	rcidAt, rcid := field(v.rcid)
	if id, ok := atoi(rcid); !ok || id != v.lastID {
		return false
	}
	row := &p.rollCalls[v.last]
	if _, d := field(v.date); string(d) != row.date {
		return false
	}
	if v.unres >= 0 {
		if _, u := field(v.unres); string(u) != row.unres {
			return false
		}
	}
	_, cc := field(v.ccode)
	cow, ok := atoi(cc)
	if !ok {
		return false
	}
	pos, ok := tablePos(cow)
	if !ok {
		return false
	}
	voteAt, vb := field(v.vote)
	vote, ok := parseVoteBytes(vb)
	if !ok || vote == NoRecord {
		return false
	}
	member := impliedMember(vote)
	if v.member >= 0 {
		_, mb := field(v.member)
		if member, ok = parseFlag(mb); !ok {
			return false
		}
	}
	p.put(voteOp{rcid: int32(v.lastID), line: int32(lineNo), rcidCol: int32(rcidAt + 1), voteCol: int32(voteAt + 1),
		pos: int16(pos), vote: vote, member: member})
	return true
}

// begin forgets the roll call of the last row: it was the last part's.
func (v *voetenParser) begin() { v.last, v.lastID = -1, 0 }

func (v *voetenParser) parseRow(s *scanner, p *part) {
	if op, perr := v.row(s, p); perr != nil {
		p.fail(perr)
	} else {
		p.put(op)
	}
}

func (v *voetenParser) row(s *scanner, p *part) (voteOp, *ParseError) {
	if err := s.checkWidth(); err != nil {
		return voteOp{}, err
	}
	id, ok := atoi(s.field(v.rcid))
	if !ok || id > math.MaxInt32 {
		return voteOp{}, s.errorAt(v.rcid, "rcid", badNumber(s.field(v.rcid)))
	}
	op := voteOp{rcid: int32(id), line: int32(s.line), rcidCol: int32(s.column(v.rcid)), voteCol: int32(s.column(v.vote))}
	if v.last >= 0 && id == v.lastID {
		row := &p.rollCalls[v.last]
		if string(s.field(v.date)) != row.date || string(s.field(v.unres)) != row.unres {
			return voteOp{}, s.errorAt(v.date, "date", fmt.Errorf("%w: rcid %d has date %q and resolution %q on an earlier row", ErrConflict, id, row.date, row.unres))
		}
	} else {
		rc, perr := voetenRollCall(s, v.col)
		if perr != nil {
			return voteOp{}, perr
		}
		p.rollCalls = append(p.rollCalls, rollCallRow{rc: rc, date: string(s.field(v.date)), unres: string(s.field(v.unres))})
		v.lastID, v.last = id, len(p.rollCalls)-1
		op.rc = int32(len(p.rollCalls))
	}
	cow, ok := atoi(s.field(v.ccode))
	if !ok {
		return voteOp{}, s.errorAt(v.ccode, "ccode", badNumber(s.field(v.ccode)))
	}
	pos, ok := tablePos(cow)
	if !ok {
		return voteOp{}, s.errorAt(v.ccode, "ccode", fmt.Errorf("%w: COW code %d", ErrUnknownCountry, cow))
	}
	op.pos = int16(pos)
	vote, ok := parseVoteBytes(s.field(v.vote))
	if !ok || vote == NoRecord {
		return voteOp{}, s.errorAt(v.vote, "vote", fmt.Errorf("%w %q (want 1 yes, 2 abstain, 3 no, 8 absent or 9 non-member)", ErrUnknownVote, s.field(v.vote)))
	}
	op.vote, op.member = vote, impliedMember(vote)
	if v.member >= 0 {
		m, ok := parseFlag(s.field(v.member))
		if !ok {
			return voteOp{}, s.errorAt(v.member, "member", quoteErr("want 0, 1 or NA, got", s.field(v.member)))
		}
		op.member = m
	}
	return op, nil
}

// voetenRollCall reads a roll call's details from its first row.
func voetenRollCall(s *scanner, col map[string]int) (RollCall, *ParseError) {
	rc, perr := parseRollCallFields(s, col)
	if perr != nil {
		return rc, perr
	}
	for _, ic := range issueColumns {
		i := col[ic.name]
		f, ok := parseFlag(s.field(i))
		if !ok {
			return rc, s.errorAt(i, ic.name, quoteErr("want 0, 1 or NA, got", s.field(i)))
		}
		if f == FlagTrue {
			rc.Issues |= ic.issue
		}
	}
	if col["yes"] >= 0 {
		var t Tally
		for _, f := range [...]struct {
			name string
			dst  *int
		}{{"yes", &t.Yes}, {"no", &t.No}, {"abstain", &t.Abstain}} {
			v := s.field(col[f.name])
			if isNA(v) {
				continue
			}
			n, ok := wholeNumber(v)
			if !ok {
				return rc, s.errorAt(col[f.name], f.name, badNumber(v))
			}
			*f.dst = n
			rc.HasTotals = true
		}
		rc.Totals = t
	}
	return rc, nil
}

// impliedMember is the member flag a vote implies in Voeten's coding.
func impliedMember(v Vote) Flag {
	switch v {
	case Yes, Abstain, No, Absent:
		return FlagTrue
	}
	return FlagUnknown
}
