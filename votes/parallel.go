package votes

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"time"

	"github.com/unga-go/unga/internal/countries"
	"github.com/unga-go/unga/internal/csvscan"
	"github.com/unga-go/unga/internal/parallel"
)

// The vote rows of the unvotes and Voeten files, about a million of them,
// are parsed on all cores. Input already in memory is parsed where it lies;
// a stream is read in blocks. A block is cut into parts at newlines (and,
// if a part finds its cut fell inside quotes, again by counting quotes),
// the parts are parsed at once, and their votes go to the builder in input
// order, so that errors, skipped rows and duplicates come out exactly as a
// row-by-row read gives them.
//
// A part is first parsed in dense mode: votes go straight into a small
// matrix by state and roll call, by fast paths that compare each row with
// the one expected (unvotesParser.denseLines, voetenParser.denseLines). A
// part with anything wrong or unusual is parsed again into voteOps, one per
// row, which are applied one by one and find and report every bad row.

// voteOp is one parsed vote row.
// It is kept small: a part holds hundreds of thousands.
type voteOp struct {
	rcid    int32
	line    int32
	rcidCol int32 // columns, for errors found when applying
	voteCol int32
	dateCol int32
	// rc is 1 + the index into part.rollCalls of the roll call's date and
	// resolution as this row gives them (Voeten), with its details if head
	// is set: this row gave them; 0 if the source has no such columns.
	rc   int32
	head bool
	// err is 1 + the index into part.errs of the error that makes the row
	// bad, and detailErr of an error in the roll call's details, which
	// counts only if the row is the first of its roll call; 0 if none. A
	// row too bad to know its roll call has only err set.
	err       int32
	detailErr int32
	pos       int16 // the state's place in countries.Table
	vote      Vote
	member    Flag
}

// rollCallRow is a roll call as its first row in a part gives it, with the
// raw fields later rows must agree with: the date, and the other
// roll-call columns read (names) joined by \x1f in details. Each detail
// starts at cols[n] bytes after the date's column if lines[n] is 0 (on the
// date's line), else on byte column cols[n] of the lines[n]th line after
// it (see voetenParser.place), so that an error in any row that shares it
// names that row's own column.
type rollCallRow struct {
	rc            RollCall
	date, details string
	names         []string
	lines, cols   []int32
}

// raw returns the row's fields as builder.raw keeps them.
func (r *rollCallRow) raw() [2]string { return [2]string{r.date, r.details} }

// conflict returns the error for a row at line of a roll call (rcid id)
// whose details, r, differ from raw, those of the roll call's first row:
// it names the first column that differs.
func (r *rollCallRow) conflict(file string, line, dateCol int, id int32, raw [2]string) *ParseError {
	if r.date != raw[0] {
		return &ParseError{File: file, Line: line, Column: dateCol, Field: "date",
			Err: fmt.Errorf("%w: rcid %d has date %s on an earlier row", ErrConflict, id, quotePrefix([]byte(raw[0])))}
	}
	had, got := strings.Split(raw[1], "\x1f"), strings.Split(r.details, "\x1f")
	for n := range min(len(had), len(got), len(r.names)) {
		if had[n] != got[n] {
			col := int(r.cols[n])
			if r.lines[n] == 0 {
				col += dateCol
			}
			return &ParseError{File: file, Line: line, Column: col, Field: r.names[n],
				Err: fmt.Errorf("%w: rcid %d has %s %s on an earlier row", ErrConflict, id, r.names[n], quotePrefix([]byte(had[n])))}
		}
	}
	return &ParseError{File: file, Line: line, Column: dateCol, Field: "date", Err: fmt.Errorf("%w: rcid %d", ErrConflict, id)}
}

type part struct {
	data      []byte
	lines     int // lines in data, once parsed
	quotes    int // quote characters in data, once parsed
	firstLine int // the file's line on which data starts, once known
	ops       []voteOp
	rollCalls []rollCallRow
	errs      []*ParseError
	fatal     bool // the last error ends the read: the input cannot be split into records past it

	// In dense mode the votes go straight into a small matrix by state and
	// roll call, instead of a list of ops: no row buffer to fill and no
	// applying row by row. It is the fast path for clean input: a part
	// with anything wrong (failed) is parsed again in ops mode, which
	// reports each bad row exactly as a sequential read would.
	dense  bool
	failed bool
	// stopped is set if the part stopped early because the block had
	// given more roll calls than the read allows (see parsePart).
	stopped bool
	cells   [][]Vote // by place in countries.Table, then local column
	// The recent sessions list their votes state by state, so that the
	// roll call changes on most rows: colIndex is no map.
	colIndex idIndex // local column by rcid
	colIDs   []int32 // rcid of each local column
	colRC    []int32 // by local column: 1 + index in rollCalls of the roll call's details, 0 if the part has none
	members  []memberFlag
	lastRcid int32
	lastCol  int32
}

// fail records a bad row.
func (p *part) fail(err *ParseError) {
	if p.dense {
		p.failed = true
		return
	}
	p.errs = append(p.errs, err)
	p.ops = append(p.ops, voteOp{err: int32(len(p.errs))})
}

// put records a parsed row.
func (p *part) put(op voteOp) {
	if !p.dense {
		p.ops = append(p.ops, op)
		return
	}
	if op.head {
		// The row carries the roll call's details (Voeten): keep them with
		// the column, the first time; later they must agree.
		c := p.column(op.rcid)
		if have := p.colRC[c]; have == 0 {
			p.colRC[c] = op.rc
		} else if a, b := &p.rollCalls[have-1], &p.rollCalls[op.rc-1]; a.raw() != b.raw() {
			p.failed = true
			return
		}
	}
	p.putDense(op.rcid, op.pos, op.vote)
	if op.member != impliedMember(op.vote) {
		p.putMember(op.pos, op.member)
	}
}

// putMember records a member flag other than the vote implies, for the
// vote last put.
func (p *part) putMember(pos int16, f Flag) {
	p.members = append(p.members, memberFlag{pos: pos, col: p.lastCol, flag: f})
}

// memberFlag is a member flag in a dense part.
type memberFlag struct {
	pos  int16
	col  int32
	flag Flag
}

// putDense records a vote in a dense part.
func (p *part) putDense(rcid int32, pos int16, v Vote) {
	c := p.lastCol
	if rcid != p.lastRcid || c < 0 {
		c = p.column(rcid)
	}
	row := p.cells[pos]
	if int(c) >= len(row) {
		row = append(row, make([]Vote, max(int(c)+1-len(row), len(row))+16)...)
		p.cells[pos] = row
	}
	if prev := row[c]; prev != NoRecord && prev != v {
		p.failed = true // a duplicate with another value: an error to report
		return
	}
	row[c] = v
}

// column returns the local column of roll call rcid, adding it if new.
func (p *part) column(rcid int32) int32 {
	c, ok := p.colIndex.get(int(rcid))
	if !ok {
		c = len(p.colIDs)
		p.colIDs = append(p.colIDs, rcid)
		p.colRC = append(p.colRC, 0)
		p.colIndex.set(int(rcid), c)
	}
	p.lastRcid, p.lastCol = rcid, int32(c)
	return int32(c)
}

func (p *part) reset(data []byte, dense bool) {
	if dense {
		cells := p.cells
		if cells == nil {
			cells = make([][]Vote, len(countries.Table))
		}
		for i := range cells {
			cells[i] = cells[i][:0]
		}
		p.colIndex.unset(p.colIDs)
		*p = part{data: data, ops: p.ops[:0], rollCalls: p.rollCalls[:0], errs: p.errs[:0],
			dense: true, cells: cells, colIndex: p.colIndex, colIDs: p.colIDs[:0], colRC: p.colRC[:0], members: p.members[:0], lastCol: -1}
		return
	}
	*p = part{data: data, ops: p.ops[:0], rollCalls: p.rollCalls[:0], errs: p.errs[:0]}
}

// merge writes a dense part's votes into the builder, unless a roll call
// is unknown or a vote contradicts one already recorded, in which case it
// writes nothing and returns false.
//
// The rows are checked and then written on all cores. A state's row is
// written only by itself, except across a seat change, whose rows (few)
// are written by one goroutine.
func (b *builder) merge(p *part) bool {
	// Roll calls new to the builder are added, in the order a row-by-row
	// read adds them, once the part is known to be good.
	ks := make([]int32, len(p.colIDs))
	var added []int
	for c, id := range p.colIDs {
		k, ok := b.rollCall(int(id))
		rc := p.colRC[c]
		switch {
		case !ok && rc == 0:
			return false
		case !ok:
			k = b.rollCalls.len() + len(added)
			added = append(added, c)
		case rc != 0 && len(b.raw) > k:
			if row := &p.rollCalls[rc-1]; b.raw[k] != row.raw() {
				return false
			}
		}
		ks[c] = int32(k)
	}
	seat := countries.Seats()
	// The seat holder of a state on local column c, whose roll call may not
	// be in the builder yet.
	holder := func(pos, c int) int {
		var day time.Time
		if k := int(ks[c]); k < b.rollCalls.len() {
			day = b.rollCalls.at(k).Date
		} else {
			day = p.rollCalls[p.colRC[c]-1].rc.Date
		}
		return countries.SeatHolder(pos, day)
	}
	// Rows are grown ahead of need: cut them to the part's columns.
	for pos, row := range p.cells {
		p.cells[pos] = row[:min(len(row), len(ks))]
	}
	// The two states of a seat may both have a vote on one roll call: the
	// second is a duplicate, as a row-by-row read finds.
	var seatRows []int
	for pos, row := range p.cells {
		if seat[pos] && len(row) > 0 {
			seatRows = append(seatRows, pos)
		}
	}
	for i, a := range seatRows {
		for _, q := range seatRows[i+1:] {
			ra, rq := p.cells[a], p.cells[q]
			for c := range min(len(ra), len(rq)) {
				if va, vq := ra[c], rq[c]; va != NoRecord && vq != NoRecord && va != vq && holder(a, c) == holder(q, c) {
					return false
				}
			}
		}
	}
	var conflict atomic.Bool
	onRows(len(p.cells), func(lo, hi int) {
		for pos := lo; pos < hi && !conflict.Load(); pos++ {
			row := p.cells[pos]
			if seat[pos] {
				for c, v := range row {
					if v != NoRecord {
						k := ks[c]
						if have := b.rows[holder(pos, c)]; int(k) < len(have) && have[k] != NoRecord && have[k] != v {
							conflict.Store(true)
						}
					}
				}
				continue
			}
			have := b.rows[pos]
			for c, v := range row {
				if k := int(ks[c]); v != NoRecord && k < len(have) {
					if h := have[k]; h != NoRecord && h != v {
						conflict.Store(true)
						break
					}
				}
			}
		}
	})
	if conflict.Load() {
		return false
	}
	if b.full(len(added)) != nil {
		return false // the ops say which row is one too many
	}
	for _, c := range added {
		row := &p.rollCalls[p.colRC[c]-1]
		b.addRollCall(row.rc)
		b.raw = append(b.raw, row.raw())
	}
	n := b.rollCalls.len()
	onRows(len(p.cells), func(lo, hi int) {
		for pos := lo; pos < hi; pos++ {
			row := p.cells[pos]
			if len(row) == 0 || seat[pos] {
				continue
			}
			have := b.rows[pos]
			if len(have) < n {
				have = append(have, make([]Vote, n-len(have))...)
				b.rows[pos] = have
			}
			for c, v := range row {
				if v != NoRecord {
					have[ks[c]] = v
				}
			}
		}
	})
	for pos, row := range p.cells {
		if seat[pos] {
			for c, v := range row {
				if v != NoRecord {
					b.setPos(holder(pos, c), int(ks[c]), v)
				}
			}
		}
	}
	for _, m := range p.members {
		b.setMember(countryAt(int(m.pos)), int(ks[m.col]), m.flag)
	}
	return true
}

// onRows calls f on ranges that cover [0, n), on all cores at once.
func onRows(n int, f func(lo, hi int)) { parallel.Blocks(n, 0, f) }

// rowParser parses one record of a part, into an op or, in dense mode,
// into the part's cells. Each worker has its own, which it keeps from part
// to part and block to block.
type rowParser interface {
	// begin is called before each part: a parser keeps what it learns
	// from part to part, but nothing that points into a part.
	begin()
	parseRow(s *scanner, p *part)
}

// Input already in memory (a bytes.Reader, a strings.Reader) reaches
// csvscan.Blocks in one Write, through bufio.Reader.WriteTo, and is parsed
// where it lies; a stream (a gzip file) is read in blocks by ReadFrom.
const (
	// partSize is the least input worth a part of its own.
	partSize = 1 << 18
	// maxParts bounds the parts of a block. A few more parts than cores
	// keep the cores busy while another goroutine (the roll-call file of
	// unvotes) runs beside them; every part costs a merge.
	maxParts = 6
)

// voteRows takes the vote rows of a file, after its header, and applies
// them to a builder.
type voteRows struct {
	r           *reader
	b           *builder
	file        string
	headerWidth int
	dense       bool
	newParser   func() rowParser
	ready       func() error
	line        int // line on which the input not yet parsed starts
	parts       []part
	parsers     []rowParser // one per worker, kept from block to block for their caches
	err         error       // the error block returned
	lim         csvscan.Limits
}

// readVoteRows reads the records after the header from br, parsing them
// with parsers made by newParser, and applies them to b. If ready is not
// nil, it is called before the first row is applied, and its error ends the
// read.
//
// With dense set, parts are first parsed in dense mode (see part).
func (r *reader) readVoteRows(b *builder, br *bufio.Reader, file string, headerWidth, firstLine int, ready func() error, dense bool, newParser func() rowParser) error {
	w := &voteRows{r: r, b: b, file: file, headerWidth: headerWidth, line: firstLine, ready: ready, dense: dense && !r.cfg.OpsOnly, newParser: newParser, lim: r.limits()}
	bl := &csvscan.Blocks{Parse: w.block, Line: func() int { return w.line }, Lim: w.lim}
	if _, err := br.WriteTo(bl); err != nil {
		if w.err != nil {
			return w.err
		}
		if bl.Err() != nil {
			return scanError(file, w.line, bl.Err()) // a record over the limits
		}
		// A truncated gzip stream ends here, as io.ErrUnexpectedEOF.
		return &ParseError{File: file, Line: w.line + bytes.Count(bl.Rest(), []byte{'\n'}), Err: err}
	}
	// The last record may lack its newline.
	return w.block(nil, bl.Rest(), true)
}

// block parses head and data, complete records both, in parts on all cores
// and applies them in input order. Unless exact is set, data is cut at
// newlines without regard to quotes, and if that proves wrong, block
// returns csvscan.ErrMiscut having applied nothing.
func (w *voteRows) block(head, data []byte, exact bool) (err error) {
	defer func() {
		if err != nil && err != csvscan.ErrMiscut {
			w.err = err
		}
	}()
	parts := w.parts[:0]
	var cuts []int
	for k, seg := range [2][]byte{head, data} {
		if len(seg) == 0 {
			continue
		}
		n := min(maxParts, max(1, len(seg)/partSize))
		if w.r.cfg.Parts > 0 {
			n = w.r.cfg.Parts
		}
		if exact || k == 0 {
			cuts = csvscan.SplitRecords(seg, n)
		} else {
			cuts = csvscan.SplitLines(seg, n)
		}
		for i := range len(cuts) - 1 {
			if len(parts) == cap(parts) {
				parts = append(parts, part{})
			} else {
				parts = parts[:len(parts)+1]
			}
			parts[len(parts)-1].reset(seg[cuts[i]:cuts[i+1]], w.dense)
		}
	}
	w.parts = parts
	n := len(parts)
	if n == 0 {
		return nil
	}
	workers := parallel.Workers(n, 0)
	for len(w.parsers) < workers {
		w.parsers = append(w.parsers, w.newParser())
	}
	var left *atomic.Int64
	if w.b.maxRollCalls > 0 {
		left = new(atomic.Int64)
		// Until ready returns, another goroutine may still be adding roll
		// calls (the unvotes roll-call file), so the whole budget is an
		// upper bound; the builder enforces the exact limit when applying.
		budget := w.b.maxRollCalls
		if w.ready == nil {
			budget -= w.b.rollCalls.len()
		}
		left.Store(int64(budget))
	}
	parallel.For(n, workers, func(k, i int) {
		parsePart(&parts[i], w.parsers[k], w.file, w.headerWidth, w.lim, left)
	})
	if !exact {
		// Every cut is right if every part holds an even number of quotes,
		// since each then starts and ends outside quotes.
		for i := range parts {
			if parts[i].quotes%2 != 0 {
				return csvscan.ErrMiscut
			}
		}
	}
	if w.ready != nil {
		if err := w.ready(); err != nil {
			return err
		}
		w.ready = nil
	}
	for i := range parts {
		p := &parts[i]
		if p.stopped {
			p.reset(p.data, false)
			parsePart(p, w.parsers[0], w.file, w.headerWidth, w.lim, nil)
		}
		if !p.dense || p.failed || !w.b.merge(p) {
			if p.dense {
				// Something is wrong in this part: parse it again as ops,
				// which finds and reports each bad row in order.
				p.reset(p.data, false)
				parsePart(p, w.parsers[0], w.file, w.headerWidth, w.lim, left)
			}
			if err := w.r.applyVotes(w.b, p, w.file, w.line); err != nil {
				return err
			}
		}
		w.line += p.lines
	}
	return nil
}

// denseLiner is implemented by row parsers with a dense-mode fast path
// (see unvotesParser.denseLines).
type denseLiner interface {
	denseLines(data []byte, p *part) (used, lines int)
}

// parsePart parses the records of a part. Lines are numbered from 0 at the
// part's start, since where the part starts in the file is known only once
// the parts before it are parsed; applyVotes adds it. The number of lines
// parsed is left in p.lines, unless the part failed.
//
// The parts of a block share left, the roll calls still allowed (nil: no
// limit). Once more are taken than are left, the read is over
// Reader.MaxRollCalls, and parsing the rest of a block of millions of
// one-vote roll calls would cost a gigabyte before the builder could say
// so: the part stops, and block parses it again, alone and in order, up
// to the line where the builder reports the limit.
func parsePart(p *part, rp rowParser, file string, headerWidth int, lim csvscan.Limits, left *atomic.Int64) {
	rp.begin()
	if !p.dense {
		// One op per line, allocated once: growing ops row by row, or
		// sizing it by a guess, costs more than counting the lines.
		if n := bytes.Count(p.data, []byte{'\n'}) + 1; cap(p.ops) < n {
			p.ops = make([]voteOp, 0, n)
		}
	}
	sp := csvscan.NewMemory(nil, 0, lim)
	s := &scanner{sp: sp, file: file, header: make([]string, headerWidth)}
	data, line := p.data, 0
	defer func() {
		p.lines = line
		// What was not parsed, after an error, is still counted: block
		// trusts the count to tell whether the part was cut well.
		p.quotes += bytes.Count(data, []byte{'"'})
	}()
	dl, dense := rp.(denseLiner)
	dense = dense && p.dense
	for len(data) > 0 {
		if dense {
			n, lines := dl.denseLines(data, p)
			if p.failed {
				return
			}
			data, line = data[n:], line+lines
			if len(data) == 0 {
				return
			}
		}
		// One record (which may span lines) by the general path.
		sp.SetData(data, line)
		err := s.next()
		if err == io.EOF {
			// Only empty lines were left, which count.
			data, line = sp.Data(), sp.NextLine()
			return
		}
		if err != nil {
			pe, ok := err.(*ParseError)
			if !ok {
				pe = &ParseError{File: file, Line: s.line, Err: err}
			}
			// Bad quoting leaves the rest of the input unreadable.
			p.fail(pe)
			p.fatal = true
			return
		}
		// The dense fast paths take no line with a quote; here they are counted.
		p.quotes += bytes.Count(data[:len(data)-len(sp.Data())], []byte{'"'})
		had := len(p.rollCalls)
		rp.parseRow(s, p)
		data, line = sp.Data(), sp.NextLine()
		if p.failed {
			return
		}
		if left != nil && len(p.rollCalls) > had && left.Add(int64(had-len(p.rollCalls))) < 0 {
			p.stopped = true
			return
		}
	}
}

// applyVotes records a part's ops in the builder; the part starts on line
// firstLine of the file.
func (r *reader) applyVotes(b *builder, p *part, file string, firstLine int) error {
	p.firstLine = firstLine
	for _, e := range p.errs {
		e.Line += firstLine
	}
	for i := range p.ops {
		op := &p.ops[i]
		if p.fatal && i == len(p.ops)-1 {
			return p.errs[op.err-1]
		}
		if perr := b.apply(op, p, file); perr != nil {
			if err := r.skip(perr); err != nil {
				return err
			}
		}
	}
	return nil
}

// apply records one op, or returns the error that makes it bad. What counts
// depends only on the rows before it in the file, never on where parts
// were cut: the first good row of a roll call in the file gives its
// details, and every row of it must agree with that row on date and
// resolution.
func (b *builder) apply(op *voteOp, p *part, file string) *ParseError {
	if op.rc == 0 && op.err != 0 {
		return p.errs[op.err-1]
	}
	k, known := b.rollCall(int(op.rcid))
	switch {
	case !known && op.detailErr != 0:
		return p.errs[op.detailErr-1]
	case !known && op.head:
		if err := b.full(1); err != nil {
			return &ParseError{File: file, Line: p.firstLine + int(op.line), Column: int(op.rcidCol), Field: "rcid", Err: err}
		}
		// Even if the row's own vote is bad, its details are good.
		row := &p.rollCalls[op.rc-1]
		k, _ = b.addRollCall(row.rc)
		b.raw = append(b.raw, row.raw())
	case !known:
		return &ParseError{File: file, Line: p.firstLine + int(op.line), Column: int(op.rcidCol), Field: "rcid", Err: fmt.Errorf("a vote on an %w: rcid %d is not in the roll calls", ErrUnknownRollCall, op.rcid)}
	case op.rc != 0 && len(b.raw) > k:
		if row := &p.rollCalls[op.rc-1]; b.raw[k] != row.raw() {
			return row.conflict(file, p.firstLine+int(op.line), int(op.dateCol), op.rcid, b.raw[k])
		}
	}
	if op.err != 0 {
		return p.errs[op.err-1]
	}
	pos := int(op.pos)
	if countries.SeatChanging(pos) {
		pos = b.seatHolder(pos, k)
	}
	if prev := b.setPos(pos, k, op.vote); prev != NoRecord && prev != op.vote {
		b.setPos(pos, k, prev)
		c := countryAt(pos)
		return &ParseError{File: file, Line: p.firstLine + int(op.line), Column: int(op.voteCol), Field: "vote",
			Err: fmt.Errorf("%w: %s on rcid %d, %s before, %s here", ErrDuplicateVote, c.Name, op.rcid, prev, op.vote)}
	}
	if op.member != impliedMember(op.vote) {
		b.setMember(countryAt(pos), k, op.member)
	}
	return nil
}
