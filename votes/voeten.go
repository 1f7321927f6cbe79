package votes

import (
	"fmt"
	"strings"

	"github.com/unga-go/unga/internal/countries"
	"github.com/unga-go/unga/internal/csvscan"
)

// readVoeten reads Voeten's layout: one row per member state and roll call,
// with the roll call's columns repeated on every row. The 2016 release has
// rcid, session, vote, ccode, member, importantvote, date, unres, me, nu, di,
// hr, co, ec, year; releases since 2021 add Country, Countryname, short,
// descr, amend, para, yes, no, abstain. Columns are taken by name. The roll
// call's details come from its first row in the file whose details are
// good (a bad vote on that row costs the row, not the roll call); every
// other row must agree with it on the date and resolution, and its other
// roll-call columns are not read. The year column is derived from the
// session and not kept.
func (r *reader) readVoeten(s *scanner) (*result, error) {
	col, err := s.columns([]string{"rcid", "vote", "ccode", "date"},
		"session", "member", "importantvote", "unres", "me", "nu", "di", "hr", "co", "ec",
		"short", "descr", "amend", "para", "yes", "no", "abstain")
	if err != nil {
		return nil, err
	}
	// The columns that vary from state to state within a roll call.
	var varying []int
	for i, h := range s.header {
		for _, name := range [...]string{"vote", "ccode", "member", "Country", "Countryname"} {
			if strings.EqualFold(h, name) {
				varying = append(varying, i)
				break
			}
		}
	}
	// The roll-call columns read besides the date, which every row of a
	// roll call must give alike.
	var names []string
	var details []int
	for _, name := range voetenDetailColumns {
		if i := col[name]; i >= 0 {
			names, details = append(names, name), append(details, i)
		}
	}
	b := r.newBuilder()
	err = r.readVoteRows(b, s.sp.Reader(), s.file, len(s.header), s.sp.NextLine(), nil, true, func() rowParser {
		return &voetenParser{col: col, rcid: col["rcid"], vote: col["vote"], ccode: col["ccode"],
			member: col["member"], date: col["date"], last: -1, width: len(s.header), varying: varying,
			names: names, details: details}
	})
	if err != nil {
		return nil, err
	}
	return b.dataset(), nil
}

// voetenDetailColumns are the roll-call columns Voeten's reader reads
// besides rcid and date. The others (year, Country, Countryname) are not
// read, and rows may differ in them.
var voetenDetailColumns = [...]string{"session", "importantvote", "unres", "me", "nu", "di", "hr", "co", "ec",
	"short", "descr", "amend", "para", "yes", "no", "abstain"}

// voetenParser parses the rows of Voeten's file.
type voetenParser struct {
	col map[string]int
	// Positions of the columns read on every row.
	rcid, vote, ccode, member, date int
	// The roll-call columns read besides the date, and their names.
	details []int
	names   []string
	// The roll call of the previous row: rows come grouped by roll call,
	// and only the first row of each group is parsed for its details.
	lastID int
	last   int   // index in part.rollCalls, -1 if none
	width  int   // fields in the header
	cuts   []int // comma offsets of the current line, reused

	// The first row of the current roll call, if it has no quotes, cut
	// into stretches that the rows after it repeat (see denseLines), and
	// the columns that vary, in order.
	steps   []templateStep
	varying []int
}

var issueColumns = [...]struct {
	name  string
	issue Issue
}{{"me", MiddleEast}, {"nu", Nuclear}, {"di", Disarmament}, {"hr", HumanRights}, {"co", Colonialism}, {"ec", Development}}

// begin forgets the roll call of the last row: it was the last part's.
func (v *voetenParser) begin() { v.last, v.lastID, v.steps = -1, 0, v.steps[:0] }

// denseLines is the dense-mode fast path for the rows that continue the
// roll call of the row before, nearly all of them. Such a row repeats the
// text of the roll call's first row but in the columns that vary by state,
// so it is compared with that row stretch by stretch (v.steps) and only
// those columns are parsed. A row that differs anywhere else is declined,
// and read by the general path.
func (v *voetenParser) denseLines(data []byte, p *part) (used, lines int) {
	if len(v.steps) == 0 {
		return 0, 0
	}
	posOf := countries.PosIndex()
	i := 0
rows:
	for i < len(data) && !p.failed {
		j := i
		vote, pos, member, haveMember := NoRecord, -1, FlagUnknown, false
		for _, st := range v.steps {
			if len(st.text) == 1 {
				if j >= len(data) || data[j] != st.text[0] {
					break rows
				}
			} else if !hasPrefixAt(data, j, st.text) {
				break rows
			}
			j += len(st.text)
			// The field ends at a comma or the end of the line; one that
			// holds a quote is left to the general path.
			k := j
			switch st.field {
			case stepEnd:
				continue
			case stepVote:
				if k < len(data) {
					vote = voteByCode[data[k]]
					k++
				}
			case stepCCode:
				cow := 0
				for k < len(data) && data[k]-'0' <= 9 && k-j < 3 { // COW codes have at most three digits
					cow = cow*10 + int(data[k]-'0')
					k++
				}
				if k == j || posOf[cow] == 0 {
					break rows
				}
				pos = int(posOf[cow]) - 1
			case stepMember:
				for k < len(data) && data[k] != ',' && data[k] != '\n' && data[k] != '\r' && data[k] != '"' {
					k++
				}
				var ok bool
				if member, ok = parseFlag(data[j:k]); !ok {
					break rows
				}
				haveMember = true
			case stepSkip:
				for k < len(data) && data[k] != ',' && data[k] != '\n' && data[k] != '\r' && data[k] != '"' {
					k++
				}
			}
			if k < len(data) && data[k] != ',' && data[k] != '\n' && data[k] != '\r' {
				break rows // more to the field than was read, or a quote
			}
			j = k
		}
		if vote == NoRecord {
			break
		}
		var ok bool
		if j, ok = lineEnd(data, j); !ok {
			break
		}
		if !haveMember {
			member = impliedMember(vote)
		}
		p.putDense(int32(v.lastID), int16(pos), vote)
		if member != impliedMember(vote) {
			p.putMember(int16(pos), member)
		}
		i, lines = j, lines+1
	}
	return i, lines
}

// voteByCode is Voeten's one-character vote codes.
var voteByCode = [256]Vote{'1': Yes, '2': Abstain, '3': No, '8': Absent, '9': NonMember}

// A template step is a stretch of the roll call's first row that the rows
// after it repeat, followed by a field that varies (none for the last).
type templateStep struct {
	text  string
	field int8
}

const (
	stepEnd int8 = iota
	stepVote
	stepCCode
	stepMember
	stepSkip // Country, Countryname
)

// setTemplate makes the steps of denseLines from the first row of a roll
// call, or none if the row has quotes (plain is nil then).
func (v *voetenParser) setTemplate(plain []byte) {
	v.steps = v.steps[:0]
	if plain == nil {
		return
	}
	line := string(plain)
	v.cuts = csvscan.AppendCommas(v.cuts[:0], plain)
	t := 0
	for _, f := range v.varying {
		start := 0
		if f > 0 {
			start = v.cuts[f-1] + 1
		}
		kind := stepSkip
		switch f {
		case v.vote:
			kind = stepVote
		case v.ccode:
			kind = stepCCode
		case v.member:
			kind = stepMember
		}
		v.steps = append(v.steps, templateStep{text: line[t:start], field: kind})
		t = len(line)
		if f < len(v.cuts) {
			t = v.cuts[f]
		}
	}
	v.steps = append(v.steps, templateStep{text: line[t:], field: stepEnd})
}

func (v *voetenParser) parseRow(s *scanner, p *part) {
	op, err, detailErr := v.row(s, p)
	if p.dense {
		// Only a good row whose roll call is as this part first gave it.
		if err != nil || detailErr != nil || !op.head && op.rc != int32(v.last+1) {
			p.failed = true
			return
		}
		p.put(op)
		return
	}
	if err != nil {
		p.errs = append(p.errs, err)
		op.err = int32(len(p.errs))
	}
	if detailErr != nil {
		p.errs = append(p.errs, detailErr)
		op.detailErr = int32(len(p.errs))
	}
	p.ops = append(p.ops, op)
}

func (v *voetenParser) row(s *scanner, p *part) (op voteOp, err, detailErr *ParseError) {
	if err := s.checkWidth(); err != nil {
		return op, err, nil
	}
	id, ok := parseID(s.field(v.rcid))
	if !ok {
		return op, s.errorAt(v.rcid, "rcid", badNumber(s.field(v.rcid))), nil
	}
	op = voteOp{rcid: int32(id), line: int32(s.line), rcidCol: int32(s.column(v.rcid)), voteCol: int32(s.column(v.vote)), dateCol: int32(s.column(v.date))}
	date := s.field(v.date)
	switch {
	case v.last >= 0 && id == v.lastID && string(date) == p.rollCalls[v.last].date && v.sameDetails(s, p.rollCalls[v.last].details):
		op.rc = int32(v.last + 1)
	case v.last >= 0 && id == v.lastID:
		// Not as the row that gave the details here has them: whether
		// that is a conflict is decided against the first row in the file.
		p.rollCalls = append(p.rollCalls, v.rollCallRow(s, RollCall{}, date))
		op.rc = int32(len(p.rollCalls))
	default:
		rc, perr := voetenRollCall(s, v.col)
		p.rollCalls = append(p.rollCalls, v.rollCallRow(s, rc, date))
		op.rc = int32(len(p.rollCalls))
		if perr != nil {
			detailErr = perr
			break
		}
		v.lastID, v.last, op.head = id, len(p.rollCalls)-1, true
		v.setTemplate(s.sp.Plain())
	}
	cow, ok := atoi(s.field(v.ccode))
	if !ok {
		return op, s.errorAt(v.ccode, "ccode", badNumber(s.field(v.ccode))), detailErr
	}
	pos, ok := countries.Pos(cow)
	if !ok {
		return op, s.errorAt(v.ccode, "ccode", fmt.Errorf("%w: COW code %d", ErrUnknownCountry, cow)), detailErr
	}
	op.pos = int16(pos)
	vote, ok := voetenVote(s.field(v.vote))
	if !ok {
		return op, s.errorAt(v.vote, "vote", fmt.Errorf("%w %s (%s)", ErrUnknownVote, quotePrefix(s.field(v.vote)), voetenCodes)), detailErr
	}
	op.vote, op.member = vote, impliedMember(vote)
	if v.member >= 0 {
		m, ok := parseFlag(s.field(v.member))
		if !ok {
			return op, s.errorAt(v.member, "member", quoteErr("want 0, 1 or NA, got", s.field(v.member))), detailErr
		}
		op.member = m
	}
	return op, nil, detailErr
}

// sameDetails reports whether the current row gives the roll-call
// columns as details, joined by \x1f, has them, without allocating.
func (v *voetenParser) sameDetails(s *scanner, details string) bool {
	for _, i := range v.details {
		f, rest, _ := strings.Cut(details, "\x1f")
		if string(s.field(i)) != f {
			return false
		}
		details = rest
	}
	return true
}

// place returns where field i of the current row starts, as rollCallRow
// records it: lines after the date's line, and the byte column, counted
// from the date's column on the date's line. The rows that share a
// rollCallRow have the same date and details, so a detail on the date's
// line lies as far from the date in each, unless a field of another
// length (a member flag "NA" against "1") sits between them, which no
// layout of Voeten's does.
func (v *voetenParser) place(s *scanner, i int) (lines, col int32) {
	dl, dc := s.sp.Position(v.date)
	l, c := s.sp.Position(i)
	if l == dl {
		return 0, int32(c - dc)
	}
	return int32(l - dl), int32(c)
}

// rollCallRow returns the raw details of the current row, with rc.
func (v *voetenParser) rollCallRow(s *scanner, rc RollCall, date []byte) rollCallRow {
	var b strings.Builder
	lines, cols := make([]int32, len(v.details)), make([]int32, len(v.details))
	for n, i := range v.details {
		if n > 0 {
			b.WriteByte('\x1f')
		}
		b.Write(s.field(i))
		lines[n], cols[n] = v.place(s, i)
	}
	return rollCallRow{rc: rc, date: string(date), details: b.String(), names: v.names, lines: lines, cols: cols}
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
