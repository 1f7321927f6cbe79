// Package csvscan splits CSV records for the votes readers.
//
// It reads RFC 4180, as encoding/csv reads them with default settings, without allocating per
// record, within limits on the length of a line and a field and the number
// of fields, and with the line and byte column where every field starts.
// It also finds record boundaries in blocks of input, for parsing them in
// parallel.
package csvscan

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"strconv"
)

// Limits bound what a Splitter accepts; every one must be positive.
type Limits struct {
	Line    int // bytes in a line, or in a record whose quoted fields span lines
	Field   int // bytes in a field
	Columns int // fields in a record
}

// Error reports input a Splitter cannot read, with its line and 1-based
// byte column (0 for a whole line).
type Error struct {
	Line, Column int
	Err          error
}

func (e *Error) Error() string {
	if e.Column > 0 {
		return fmt.Sprintf("line %d, column %d: %v", e.Line, e.Column, e.Err)
	}
	return fmt.Sprintf("line %d: %v", e.Line, e.Err)
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// The errors an Error wraps.
var (
	ErrQuote  = errors.New("votes: bad quoting")
	ErrLimit  = errors.New("votes: over a Reader limit")
	ErrCROnly = errors.New("votes: the lines end in CR alone (classic Mac OS line ends); convert them to LF or CRLF")
)

// A Splitter reads CSV records (RFC 4180, as encoding/csv reads them with
// default settings) without allocating per record: fields are slices of the
// read buffer, valid until the next call to next. Records without quotes,
// nearly all of the vote rows, are split in place; quoted records are
// unquoted into a reused buffer. It keeps the line and column where every
// field starts, for error messages.
type Splitter struct {
	r        *bufio.Reader
	line     int // line where the current record starts
	nextLine int // line where the next record starts
	fields   [][]byte
	cols     []int  // 1-based byte column of each field, for quoted records only
	lines    []int  // line of each field, for quoted records only
	plain    []byte // the current record's line, if it has no quotes
	raw      []byte // the current record's line as read, if it is one line
	buf      []byte
	rec      []byte
	first    bool
	cuts     []int  // comma offsets of the current line, reused
	inMemory bool   // read lines from data rather than r
	data     []byte // the rest of the input, if inMemory
	lim      Limits
}

// New returns a Splitter reading r, through a bufio.Reader of 64 KiB or
// more (r itself if it is one).
func New(r io.Reader, lim Limits) *Splitter {
	br, ok := r.(*bufio.Reader)
	if !ok || br.Size() < 1<<16 {
		br = bufio.NewReaderSize(r, 1<<16)
	}
	return &Splitter{r: br, nextLine: 1, first: true, lim: lim}
}

// NewMemory returns a Splitter over data already in memory, whose lines
// are read in place rather than copied through a bufio.Reader, numbered
// from firstLine.
func NewMemory(data []byte, firstLine int, lim Limits) *Splitter {
	return &Splitter{data: data, inMemory: true, nextLine: firstLine, lim: lim}
}

// SetData makes a Splitter made by NewMemory read data next, numbering its
// lines from line.
func (s *Splitter) SetData(data []byte, line int) { s.data, s.nextLine = data, line }

// Data returns the input a Splitter made by NewMemory has not read yet.
func (s *Splitter) Data() []byte { return s.data }

// Reader returns the bufio.Reader a Splitter made by New reads, positioned
// after the records read.
func (s *Splitter) Reader() *bufio.Reader { return s.r }

// Line returns the line where the current record starts.
func (s *Splitter) Line() int { return s.line }

// NextLine returns the line where the next record starts.
func (s *Splitter) NextLine() int { return s.nextLine }

// Fields returns the fields of the current record, valid until the next
// call to NextOr.
func (s *Splitter) Fields() [][]byte { return s.fields }

// Plain returns the current record's line if it has no quotes, else nil.
func (s *Splitter) Plain() []byte { return s.plain }

// Raw returns the current record's line as read if it is one line, else
// nil.
func (s *Splitter) Raw() []byte { return s.raw }

// Position returns the line and 1-based byte column where field f of the
// current record starts; the column is 0 if there is no field f.
func (s *Splitter) Position(f int) (line, col int) {
	switch {
	case f < 0 || f >= len(s.fields):
		return s.line, 0
	case s.plain != nil:
		// A field of an unquoted record is a slice of the line running to
		// its end, so their capacities differ by the field's offset.
		return s.line, cap(s.plain) - cap(s.fields[f]) + 1
	default:
		return s.lines[f], s.cols[f]
	}
}

// TooLong returns the error for line, which starts on line n and runs past
// the limit: ErrCROnly if it holds a CR alone, which is most likely a file
// of CR line ends, else ErrLimit.
func TooLong(n int, line []byte, lim Limits) *Error {
	if i := bytes.IndexByte(line, '\r'); i >= 0 && i+1 < len(line) && line[i+1] != '\n' {
		return &Error{Line: n, Err: ErrCROnly}
	}
	return &Error{Line: n, Err: fmt.Errorf("%w: a line longer than %d bytes (Reader.MaxLineBytes), starting %s", ErrLimit, lim.Line, QuotePrefix(line))}
}

// RecordTooLong is TooLong for a record of several lines starting on line
// n.
func RecordTooLong(n int, rec []byte, lim Limits) *Error {
	return &Error{Line: n, Err: fmt.Errorf("%w: a record longer than %d bytes (Reader.MaxLineBytes), starting %s", ErrLimit, lim.Line, QuotePrefix(rec))}
}

// QuotePrefix quotes b, or its first 64 bytes followed by the count of the
// rest: an error message must stay short whatever the input holds.
func QuotePrefix(b []byte) string {
	const n = 64
	if len(b) <= n {
		return strconv.Quote(string(b))
	}
	return fmt.Sprintf("%s... (%d bytes more)", strconv.Quote(string(b[:n])), len(b)-n)
}

// memLine is readLine for a splitter over data in memory.
func (s *Splitter) memLine() ([]byte, error) {
	if len(s.data) == 0 {
		return nil, io.EOF
	}
	line := s.data
	if i := bytes.IndexByte(s.data, '\n'); i >= 0 {
		line, s.data = s.data[:i], s.data[i+1:]
	} else {
		s.data = nil
	}
	if len(line) > s.lim.Line {
		return nil, TooLong(s.nextLine, line, s.lim)
	}
	s.nextLine++
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return line, nil
}

// readLine returns the next physical line without its line ending, or
// io.EOF.
func (s *Splitter) readLine() ([]byte, error) {
	if s.inMemory {
		return s.memLine()
	}
	line, err := s.r.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		s.rec = append(s.rec[:0], line...)
		for errors.Is(err, bufio.ErrBufferFull) {
			if len(s.rec) > s.lim.Line {
				return nil, TooLong(s.nextLine, s.rec, s.lim)
			}
			line, err = s.r.ReadSlice('\n')
			s.rec = append(s.rec, line...)
		}
		line = s.rec
	}
	if len(line) > s.lim.Line+2 { // the limit does not count the line end
		return nil, TooLong(s.nextLine, line, s.lim)
	}
	if len(line) > 0 && err == io.EOF {
		err = nil
	}
	if err != nil {
		return nil, err
	}
	s.nextLine++
	line = bytes.TrimSuffix(line, []byte{'\n'})
	line = bytes.TrimSuffix(line, []byte{'\r'})
	if s.first {
		line = bytes.TrimPrefix(line, []byte("\ufeff"))
		s.first = false
	}
	return line, nil
}

// NextOr reads the next record, skipping empty lines. It returns io.EOF at
// the end of the input and an *Error for bad quoting or input over the
// limits. It first offers
// the record's line to fast, if not nil: if fast takes it, the record is
// done, and nextOr reports it taken.
func (s *Splitter) NextOr(fast func(line []byte) bool) (taken bool, err error) {
	var line []byte
	for {
		s.line = s.nextLine
		line, err = s.readLine()
		if err == io.EOF {
			return false, err
		} else if pe, ok := err.(*Error); ok {
			return false, pe
		} else if err != nil {
			// A truncated gzip stream ends here, as io.ErrUnexpectedEOF.
			return false, &Error{Line: s.line, Err: err}
		}
		if len(line) > 0 {
			break
		}
	}
	if fast != nil && fast(line) {
		return true, nil
	}
	s.fields, s.cols, s.lines, s.plain, s.raw = s.fields[:0], s.cols[:0], s.lines[:0], nil, nil
	if bytes.IndexByte(line, '"') < 0 {
		// Fields are short, so a plain loop beats a call per field.
		// Columns are not stored: errorAt finds them from the fields'
		// offsets in the line.
		s.plain, s.raw = line, line
		return false, s.split(line)
	}
	if err := s.quoted(line); err != nil {
		return false, err
	}
	if s.nextLine == s.line+1 {
		s.raw = line // no more lines were read, so line is intact
	}
	return false, nil
}

// split cuts an unquoted line at its commas.
func (s *Splitter) split(line []byte) error {
	s.cuts = AppendCommas(s.cuts[:0], line)
	if len(s.cuts) >= s.lim.Columns {
		return s.tooWide()
	}
	if len(line) > s.lim.Field {
		start := 0
		for _, j := range append(s.cuts, len(line)) {
			if j-start > s.lim.Field {
				return s.fieldTooLong(s.line, start+1, line[start:j])
			}
			start = j + 1
		}
	}
	start := 0
	for _, j := range s.cuts {
		s.fields = append(s.fields, line[start:j])
		start = j + 1
	}
	s.fields = append(s.fields, line[start:])
	return nil
}

func (s *Splitter) tooWide() *Error {
	return &Error{Line: s.line, Err: fmt.Errorf("%w: more than %d fields (Reader.MaxColumns)", ErrLimit, s.lim.Columns)}
}

func (s *Splitter) fieldTooLong(line, col int, field []byte) *Error {
	return &Error{Line: line, Column: col, Err: fmt.Errorf("%w: a field longer than %d bytes (Reader.MaxFieldBytes), starting %s", ErrLimit, s.lim.Field, QuotePrefix(field))}
}

// AppendCommas appends the offsets of the commas of line to dst. It looks
// at eight bytes at a time: fields are short, and a call to bytes.IndexByte
// per field costs more than the search itself.
func AppendCommas(dst []int, line []byte) []int {
	const (
		ones  = 0x0101010101010101
		low7  = 0x7f7f7f7f7f7f7f7f
		comma = ones * ','
	)
	i := 0
	for ; i+8 <= len(line); i += 8 {
		x := binary.LittleEndian.Uint64(line[i:]) ^ comma
		// The high bit of each byte of m is set exactly where x has a zero
		// byte, that is where line has a comma.
		for m := ^((x&low7 + low7) | x | low7); m != 0; m &= m - 1 {
			dst = append(dst, i+bits.TrailingZeros64(m)/8)
		}
	}
	for ; i < len(line); i++ {
		if line[i] == ',' {
			dst = append(dst, i)
		}
	}
	return dst
}

func (s *Splitter) add(f []byte, line, col int) {
	s.fields = append(s.fields, f)
	s.lines = append(s.lines, line)
	s.cols = append(s.cols, col)
}

// quoted parses a record holding quotes into s.buf. Field slices are taken
// once the record is complete, since s.buf may move as it grows.
func (s *Splitter) quoted(line []byte) error {
	s.buf = s.buf[:0]
	type span struct{ start, end, line, col int }
	var spans [64]span
	sp := spans[:0]
	lineNo, col := s.line, 1
	pos := 0 // byte offset in line
	for {
		start := len(s.buf)
		fieldLine, fieldCol := lineNo, col+pos
		if pos < len(line) && line[pos] == '"' {
			pos++
			for {
				i := bytes.IndexByte(line[pos:], '"')
				if i < 0 {
					// The field goes on past the end of the line.
					s.buf = append(s.buf, line[pos:]...)
					s.buf = append(s.buf, '\n')
					if len(s.buf)-start > s.lim.Field {
						return s.fieldTooLong(fieldLine, fieldCol, s.buf[start:])
					}
					if len(s.buf) > s.lim.Line {
						return &Error{Line: s.line, Err: fmt.Errorf("%w: a record longer than %d bytes (Reader.MaxLineBytes)", ErrLimit, s.lim.Line)}
					}
					more, err := s.readLine()
					if err == io.EOF {
						return &Error{Line: fieldLine, Column: fieldCol, Err: fmt.Errorf("%w: quoted field not closed", ErrQuote)}
					} else if err != nil {
						return err
					}
					// A field spanning lines: further columns count from
					// the start of the new line.
					line, pos, col, lineNo = more, 0, 1, lineNo+1
					continue
				}
				s.buf = append(s.buf, line[pos:pos+i]...)
				pos += i + 1
				if pos < len(line) && line[pos] == '"' {
					s.buf = append(s.buf, '"')
					pos++
					continue
				}
				break
			}
			if pos < len(line) && line[pos] != ',' {
				if line[pos] == '\r' {
					// A line end after a field, but a CR alone: the line
					// ends are CR only, and the record runs on.
					return &Error{Line: lineNo, Err: ErrCROnly}
				}
				return &Error{Line: lineNo, Column: col + pos, Err: fmt.Errorf("%w: extraneous %q after a closing quote", ErrQuote, line[pos])}
			}
		} else {
			i := bytes.IndexByte(line[pos:], ',')
			end := len(line)
			if i >= 0 {
				end = pos + i
			}
			if q := bytes.IndexByte(line[pos:end], '"'); q >= 0 {
				if bytes.IndexByte(line[pos:pos+q], '\r') >= 0 {
					// A quoted field after a CR alone, which ended a
					// line of a file with CR-only line ends.
					return &Error{Line: lineNo, Err: ErrCROnly}
				}
				return &Error{Line: lineNo, Column: col + pos + q, Err: fmt.Errorf("%w: bare \" in an unquoted field", ErrQuote)}
			}
			s.buf = append(s.buf, line[pos:end]...)
			pos = end
		}
		if len(s.buf)-start > s.lim.Field {
			return s.fieldTooLong(fieldLine, fieldCol, s.buf[start:])
		}
		if len(sp) >= s.lim.Columns {
			return s.tooWide()
		}
		sp = append(sp, span{start, len(s.buf), fieldLine, fieldCol})
		if pos >= len(line) {
			break
		}
		pos++ // the comma
	}
	for _, x := range sp {
		s.add(s.buf[x.start:x.end:x.end], x.line, x.col)
	}
	return nil
}

// SplitLines cuts data into at most n pieces of about equal size at
// newlines, and returns the offsets where the pieces start followed by
// len(data).
func SplitLines(data []byte, n int) []int {
	cuts := []int{0}
	for k := 1; k < n; k++ {
		target := max(k*len(data)/n, cuts[len(cuts)-1])
		i := bytes.IndexByte(data[target:], '\n')
		if i < 0 {
			break
		}
		if cut := target + i + 1; cut < len(data) {
			cuts = append(cuts, cut)
		}
	}
	return append(cuts, len(data))
}

// FirstBoundary returns the offset just after the first newline of data
// that ends a record, given whether data starts inside quotes; -1 if none.
func FirstBoundary(data []byte, quoted bool) int {
	for i := 0; i < len(data); {
		j := bytes.IndexByte(data[i:], '\n')
		if j < 0 {
			return -1
		}
		if bytes.Count(data[i:i+j], []byte{'"'})%2 == 1 {
			quoted = !quoted
		}
		i += j + 1
		if !quoted {
			return i
		}
	}
	return -1
}

// SplitRecords cuts data, which starts and ends at record boundaries, into
// at most n pieces of about equal size, each at a record boundary, and
// returns the offsets where the pieces start followed by len(data).
func SplitRecords(data []byte, n int) []int {
	cuts := []int{0}
	quoted := false
	pos := 0 // data[:pos] has been looked at; quoted tells its parity
	for k := 1; k < n; k++ {
		target := k * len(data) / n
		if target <= pos {
			continue
		}
		if bytes.Count(data[pos:target], []byte{'"'})%2 == 1 {
			quoted = !quoted
		}
		cut := FirstBoundary(data[target:], quoted)
		if cut < 0 {
			break
		}
		// The piece up to the cut ends outside quotes.
		quoted, pos = false, target+cut
		if pos < len(data) {
			cuts = append(cuts, pos)
		}
	}
	return append(cuts, len(data))
}

// LastBoundary returns the offset just after the last newline of data
// that ends a record, that is one outside quotes: an even number of quotes
// precede it. It returns 0 if there is none.
func LastBoundary(data []byte) int {
	// The quotes are counted once, then line by line back from the end,
	// so a long quoted stretch costs one pass, not one per line.
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
