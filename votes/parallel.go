package votes

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"slices"
	"sync"
)

// The vote rows of the unvotes and Voeten files, about a million of them,
// are parsed on two cores. The input is still read as a stream, in blocks:
// each block ends at a record boundary and is cut in two at another, the two
// parts are parsed at once into lists of voteOps, and the ops are applied
// to the builder in input order, so that errors, skipped rows and
// duplicates come out exactly as a sequential read gives them.

// voteOp is one parsed vote row.
// It is kept small: a part holds hundreds of thousands.
type voteOp struct {
	rcid    int32
	line    int32
	rcidCol int32 // columns, for errors found when applying
	voteCol int32
	rc      int32 // 1 + index into part.rollCalls for a row that carries a roll call's details; 0 if none
	err     int32 // 1 + index into part.errs for a bad row, whose other fields are unset; 0 if none
	pos     int16 // the state's place in countryTable
	vote    Vote
	member  Flag
}

// rollCallRow is a roll call as its first row in a part gives it, with the
// raw fields later rows must agree with.
type rollCallRow struct {
	rc          RollCall
	date, unres string
}

type part struct {
	data      []byte
	firstLine int
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
	cells  [][]Vote // by place in countryTable, then local column
	// The recent sessions list their votes state by state, so that the
	// roll call changes on most rows: colIndex is no map.
	colIndex idIndex // local column by rcid
	colIDs   []int32 // rcid of each local column
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
	if op.rc != 0 || op.member != impliedMember(op.vote) {
		p.failed = true // details that only ops carry
		return
	}
	p.putDense(op.rcid, op.pos, op.vote)
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
		p.colIndex.set(int(rcid), c)
	}
	p.lastRcid, p.lastCol = rcid, int32(c)
	return int32(c)
}

func (p *part) reset(data []byte, firstLine, lines int, dense bool) {
	if dense {
		cells := p.cells
		if cells == nil {
			cells = make([][]Vote, len(countryTable))
		}
		for i := range cells {
			cells[i] = cells[i][:0]
		}
		p.colIndex.unset(p.colIDs)
		*p = part{data: data, firstLine: firstLine, ops: p.ops[:0], rollCalls: p.rollCalls[:0], errs: p.errs[:0],
			dense: true, cells: cells, colIndex: p.colIndex, colIDs: p.colIDs[:0], lastCol: -1}
		return
	}
	// One op per line, allocated once: growing ops row by row, or sizing
	// it by a guess, costs more than counting the lines.
	if cap(p.ops) < lines+1 {
		p.ops = make([]voteOp, 0, lines+1)
	}
	*p = part{data: data, firstLine: firstLine, ops: p.ops[:0], rollCalls: p.rollCalls[:0], errs: p.errs[:0]}
}

// merge writes a dense part's votes into the builder, unless a roll call
// is unknown or a vote contradicts one already recorded, in which case it
// writes nothing and returns false.
func (b *builder) merge(p *part) bool {
	ks := make([]int, len(p.colIDs))
	for c, id := range p.colIDs {
		k, ok := b.rollCall(int(id))
		if !ok {
			return false
		}
		ks[c] = k
	}
	seat := &countries().seat
	holder := func(pos, k int) int {
		pos, _ = tablePos(b.holder(countryOf(pos), k).COW)
		return pos
	}
	for pos, row := range p.cells {
		for c, v := range row {
			if v == NoRecord {
				continue
			}
			k, tp := ks[c], pos
			if seat[pos] {
				tp = holder(pos, k)
			}
			if have := b.rows[tp]; k < len(have) && have[k] != NoRecord && have[k] != v {
				return false
			}
		}
	}
	for pos, row := range p.cells {
		if len(row) == 0 {
			continue
		}
		if seat[pos] {
			for c, v := range row {
				if v != NoRecord {
					b.setPos(holder(pos, ks[c]), ks[c], v)
				}
			}
			continue
		}
		have := b.rows[pos]
		if n := b.rollCalls.len(); len(have) < n {
			have = append(have, make([]Vote, n-len(have))...)
			b.rows[pos] = have
		}
		for c, v := range row {
			if v != NoRecord {
				have[ks[c]] = v
			}
		}
	}
	return true
}

// rowParser parses one record of a part into ops. Each part of each block
// has its own.
type rowParser interface {
	parseRow(s *scanner, p *part)
}

// blockSize bounds the memory a read holds beyond the dataset.
const blockSize = 8 << 20

// readVoteRows reads the records after the header from br, parsing them
// with parsers made by newParser, and applies them to b. If ready is not
// nil, it is called before the first row is applied, and its error ends the
// read.
//
// With dense set, parts are first parsed in dense mode (see part).
func (r *Reader) readVoteRows(b *builder, br *bufio.Reader, file string, headerWidth, firstLine int, ready func() error, dense bool, newParser func() rowParser) error {
	var parts [2]part
	// The block starts small, so that small inputs cost little, and grows
	// to blockSize at once if the input is larger.
	buf := make([]byte, 0, 64<<10)
	line := firstLine
	for {
		// Fill the block: what was left over from the last one, then more.
		eof := false
		for {
			for len(buf) < cap(buf) {
				n, err := br.Read(buf[len(buf):cap(buf)])
				buf = buf[:len(buf)+n]
				if err == io.EOF {
					eof = true
					break
				}
				if err != nil {
					// A truncated gzip stream ends here, as io.ErrUnexpectedEOF.
					return &ParseError{File: file, Line: line + bytes.Count(buf, []byte{'\n'}), Err: err}
				}
			}
			if eof || cap(buf) >= blockSize {
				break
			}
			buf = slices.Grow(buf, blockSize-len(buf))
		}
		end := len(buf)
		if !eof {
			end = recordBoundary(buf, len(buf))
			if end <= 0 {
				// One record larger than a block: grow the block.
				buf = append(buf, make([]byte, len(buf))...)[:len(buf)]
				continue
			}
		}
		block := buf[:end]
		mid := recordBoundary(block, len(block)/2)
		if mid <= 0 || len(block) < 1<<16 {
			mid = len(block) // too small to be worth a second goroutine
		}
		lines0, lines1 := bytes.Count(block[:mid], []byte{'\n'}), bytes.Count(block[mid:], []byte{'\n'})
		line2 := line + lines0
		parts[0].reset(block[:mid], line, lines0, dense)
		parts[1].reset(block[mid:], line2, lines1, dense)
		var wg sync.WaitGroup
		for i := range parts {
			if len(parts[i].data) == 0 {
				continue
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				parsePart(&parts[i], newParser(), file, headerWidth)
			}()
		}
		wg.Wait()
		if ready != nil {
			if err := ready(); err != nil {
				return err
			}
			ready = nil
		}
		for i := range parts {
			p := &parts[i]
			if p.dense && !p.failed && b.merge(p) {
				continue
			}
			if p.dense {
				// Something is wrong in this part: parse it again as ops,
				// which finds and reports each bad row in order.
				p.reset(p.data, p.firstLine, bytes.Count(p.data, []byte{'\n'}), false)
				parsePart(p, newParser(), file, headerWidth)
			}
			if err := r.applyVotes(b, p, file); err != nil {
				return err
			}
		}
		line = line2 + lines1
		if eof {
			return nil
		}
		// Keep the unfinished record for the next block.
		rest := copy(buf, buf[end:])
		buf = buf[:rest]
	}
}

// recordBoundary returns the offset just after the last newline at or
// before limit that ends a record, that is one outside quotes: an even
// number of quotes precede it in data. It returns 0 if there is none.
func recordBoundary(data []byte, limit int) int {
	// Search forward from the middle when cutting a block in two, so that
	// the parts stay balanced; search back from the end otherwise.
	// The quotes are counted once up to the start of the search and then
	// line by line, so a long quoted stretch costs one pass, not one per
	// line.
	if limit < len(data) {
		quotes := bytes.Count(data[:limit], []byte{'"'})
		for i := limit; i < len(data); {
			j := bytes.IndexByte(data[i:], '\n')
			if j < 0 {
				return 0
			}
			quotes += bytes.Count(data[i:i+j], []byte{'"'})
			i += j + 1
			if quotes%2 == 0 {
				return i
			}
		}
		return 0
	}
	quotes := bytes.Count(data, []byte{'"'})
	for i := len(data); i > 0; {
		j := bytes.LastIndexByte(data[:i], '\n')
		if j < 0 {
			return 0
		}
		quotes -= bytes.Count(data[j+1:i], []byte{'"'})
		if quotes%2 == 0 {
			return j + 1
		}
		i = j
	}
	return 0
}

// lineParser is implemented by row parsers with a fast path for the
// common line: parseLine parses one physical line and reports whether it
// could. A line it declines (quotes, a bad field, anything unusual) goes to
// the general path, which also makes every error message.
type lineParser interface {
	parseLine(line []byte, lineNo int, p *part) bool
}

// denseLiner is implemented by row parsers with a dense-mode fast path
// (see unvotesParser.denseLines).
type denseLiner interface {
	denseLines(data []byte, p *part) (used, lines int)
}

func parsePart(p *part, rp rowParser, file string, headerWidth int) {
	sp := newMemorySplitter(nil, file, 0)
	s := &scanner{sp: sp, file: file, header: make([]string, headerWidth)}
	lp, fast := rp.(lineParser)
	data, line := p.data, p.firstLine
	dl, dense := rp.(denseLiner)
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
		if fast {
			end, next := len(data), len(data)
			if i := bytes.IndexByte(data, '\n'); i >= 0 {
				end, next = i, i+1
			}
			l := data[:end]
			if n := len(l); n > 0 && l[n-1] == '\r' {
				l = l[:n-1]
			}
			if len(l) > 0 && lp.parseLine(l, line, p) {
				if p.failed {
					return
				}
				data, line = data[next:], line+1
				continue
			}
		}
		// One record (which may span lines) by the general path.
		sp.data, sp.nextLine = data, line
		err := s.next()
		if err == io.EOF {
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
		rp.parseRow(s, p)
		if p.failed {
			return
		}
		data, line = sp.data, sp.nextLine
	}
}

// applyVotes records a part's ops in the builder.
func (r *Reader) applyVotes(b *builder, p *part, file string) error {
	for i := range p.ops {
		op := &p.ops[i]
		if op.err != 0 {
			if p.fatal && int(op.err) == len(p.errs) {
				return p.errs[op.err-1]
			}
			if err := r.skip(p.errs[op.err-1]); err != nil {
				return err
			}
			continue
		}
		if perr := b.apply(op, p, file); perr != nil {
			if err := r.skip(perr); err != nil {
				return err
			}
		}
	}
	return nil
}

func (b *builder) apply(op *voteOp, p *part, file string) *ParseError {
	k, known := b.rollCall(int(op.rcid))
	switch {
	case !known && op.rc == 0:
		return &ParseError{File: file, Line: int(op.line), Column: int(op.rcidCol), Field: "rcid", Err: fmt.Errorf("%w: rcid %d", ErrUnknownRollCall, op.rcid)}
	case !known:
		row := &p.rollCalls[op.rc-1]
		k, _ = b.addRollCall(row.rc)
		b.raw = append(b.raw, [2]string{row.date, row.unres})
	case op.rc != 0 && len(b.raw) > k:
		row := &p.rollCalls[op.rc-1]
		if b.raw[k] != [2]string{row.date, row.unres} {
			return &ParseError{File: file, Line: int(op.line), Column: int(op.rcidCol), Field: "rcid",
				Err: fmt.Errorf("%w: rcid %d has date %q and resolution %q on an earlier row", ErrConflict, op.rcid, b.raw[k][0], b.raw[k][1])}
		}
	}
	pos := int(op.pos)
	if seatChanging(pos) {
		pos, _ = tablePos(b.holder(countryOf(pos), k).COW)
	}
	if prev := b.setPos(pos, k, op.vote); prev != NoRecord && prev != op.vote {
		b.setPos(pos, k, prev)
		c := countryOf(pos)
		return &ParseError{File: file, Line: int(op.line), Column: int(op.voteCol), Field: "vote",
			Err: fmt.Errorf("%w: %s on rcid %d, %s before, %s here", ErrDuplicateVote, c.Name, op.rcid, prev, op.vote)}
	}
	if op.member != impliedMember(op.vote) {
		b.setMember(countryOf(pos), k, op.member)
	}
	return nil
}
