package votes

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"strings"
)

// splitter reads CSV records (RFC 4180, as encoding/csv reads them with
// default settings) without allocating per record: fields are slices of the
// read buffer, valid until the next call to next. Records without quotes,
// nearly all of the vote rows, are split in place; quoted records are
// unquoted into a reused buffer. It keeps the line and column where every
// field starts, for error messages.
type splitter struct {
	r        *bufio.Reader
	file     string
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
	lim      limits
}

func newSplitter(r io.Reader, file string, lim limits) *splitter {
	br, ok := r.(*bufio.Reader)
	if !ok || br.Size() < 1<<16 {
		br = bufio.NewReaderSize(r, 1<<16)
	}
	return &splitter{r: br, file: file, nextLine: 1, first: true, lim: lim}
}

// newMemorySplitter returns a splitter over data already in memory, whose
// lines are read in place rather than copied through a bufio.Reader.
func newMemorySplitter(data []byte, file string, firstLine int, lim limits) *splitter {
	return &splitter{data: data, inMemory: true, file: file, nextLine: firstLine, lim: lim}
}

// tooLong returns the error for line, which starts on line n and runs past
// the limit.
func (s *splitter) tooLong(n int, line []byte) *ParseError {
	if i := bytes.IndexByte(line, '\r'); i >= 0 && i+1 < len(line) && line[i+1] != '\n' {
		return &ParseError{File: s.file, Line: n, Err: errCROnly}
	}
	return &ParseError{File: s.file, Line: n, Err: fmt.Errorf("%w: a line longer than %d bytes (Reader.MaxLineBytes), starting %s", ErrLimit, s.lim.line, quotePrefix(line))}
}

// errCROnly reports a file whose lines end in CR alone, which would otherwise
// read as one line.
var errCROnly = fmt.Errorf("%w: the lines end in CR alone (classic Mac OS line ends); convert them to LF or CRLF", ErrUnknownFormat)

// memLine is readLine for a splitter over data in memory.
func (s *splitter) memLine() ([]byte, error) {
	if len(s.data) == 0 {
		return nil, io.EOF
	}
	line := s.data
	if i := bytes.IndexByte(s.data, '\n'); i >= 0 {
		line, s.data = s.data[:i], s.data[i+1:]
	} else {
		s.data = nil
	}
	if len(line) > s.lim.line {
		return nil, s.tooLong(s.nextLine, line)
	}
	s.nextLine++
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	return line, nil
}

// readLine returns the next physical line without its line ending, or
// io.EOF.
func (s *splitter) readLine() ([]byte, error) {
	if s.inMemory {
		return s.memLine()
	}
	line, err := s.r.ReadSlice('\n')
	if errors.Is(err, bufio.ErrBufferFull) {
		s.rec = append(s.rec[:0], line...)
		for errors.Is(err, bufio.ErrBufferFull) {
			if len(s.rec) > s.lim.line {
				return nil, s.tooLong(s.nextLine, s.rec)
			}
			line, err = s.r.ReadSlice('\n')
			s.rec = append(s.rec, line...)
		}
		line = s.rec
	}
	if len(line) > s.lim.line+2 { // the limit does not count the line end
		return nil, s.tooLong(s.nextLine, line)
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

// nextOr reads the next record, skipping empty lines. It returns io.EOF at
// the end of the input and a *ParseError for bad quoting. It first offers
// the record's line to fast, if not nil: if fast takes it, the record is
// done, and nextOr reports it taken.
func (s *splitter) nextOr(fast func(line []byte) bool) (taken bool, err error) {
	var line []byte
	for {
		s.line = s.nextLine
		line, err = s.readLine()
		if err == io.EOF {
			return false, err
		} else if pe, ok := err.(*ParseError); ok {
			return false, pe
		} else if err != nil {
			// A truncated gzip stream ends here, as io.ErrUnexpectedEOF.
			return false, &ParseError{File: s.file, Line: s.line, Err: err}
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
func (s *splitter) split(line []byte) error {
	s.cuts = appendCommas(s.cuts[:0], line)
	if len(s.cuts) >= s.lim.columns {
		return s.tooWide()
	}
	if len(line) > s.lim.field {
		start := 0
		for _, j := range append(s.cuts, len(line)) {
			if j-start > s.lim.field {
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

func (s *splitter) tooWide() *ParseError {
	return &ParseError{File: s.file, Line: s.line, Err: fmt.Errorf("%w: more than %d fields (Reader.MaxColumns)", ErrLimit, s.lim.columns)}
}

func (s *splitter) fieldTooLong(line, col int, field []byte) *ParseError {
	return &ParseError{File: s.file, Line: line, Column: col, Err: fmt.Errorf("%w: a field longer than %d bytes (Reader.MaxFieldBytes), starting %s", ErrLimit, s.lim.field, quotePrefix(field))}
}

// appendCommas appends the offsets of the commas of line to dst. It looks
// at eight bytes at a time: fields are short, and a call to bytes.IndexByte
// per field costs more than the search itself.
func appendCommas(dst []int, line []byte) []int {
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

func (s *splitter) add(f []byte, line, col int) {
	s.fields = append(s.fields, f)
	s.lines = append(s.lines, line)
	s.cols = append(s.cols, col)
}

// quoted parses a record holding quotes into s.buf. Field slices are taken
// once the record is complete, since s.buf may move as it grows.
func (s *splitter) quoted(line []byte) error {
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
					if len(s.buf)-start > s.lim.field {
						return s.fieldTooLong(fieldLine, fieldCol, s.buf[start:])
					}
					if len(s.buf) > s.lim.line {
						return &ParseError{File: s.file, Line: s.line, Err: fmt.Errorf("%w: a record longer than %d bytes (Reader.MaxLineBytes)", ErrLimit, s.lim.line)}
					}
					more, err := s.readLine()
					if err == io.EOF {
						return &ParseError{File: s.file, Line: fieldLine, Column: fieldCol, Err: fmt.Errorf("%w: quoted field not closed", ErrQuote)}
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
				return &ParseError{File: s.file, Line: lineNo, Column: col + pos, Err: fmt.Errorf("%w: extraneous %q after a closing quote", ErrQuote, line[pos])}
			}
		} else {
			i := bytes.IndexByte(line[pos:], ',')
			end := len(line)
			if i >= 0 {
				end = pos + i
			}
			if q := bytes.IndexByte(line[pos:end], '"'); q >= 0 {
				return &ParseError{File: s.file, Line: lineNo, Column: col + pos + q, Err: fmt.Errorf("%w: bare \" in an unquoted field", ErrQuote)}
			}
			s.buf = append(s.buf, line[pos:end]...)
			pos = end
		}
		if len(s.buf)-start > s.lim.field {
			return s.fieldTooLong(fieldLine, fieldCol, s.buf[start:])
		}
		if len(sp) >= s.lim.columns {
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

// readHeader reads the first record as column names.
func (s *scanner) readHeader() error {
	if err := s.next(); err != nil {
		if err == io.EOF {
			return &ParseError{File: s.file, Line: 1, Err: fmt.Errorf("%w: no header", ErrEmpty)}
		}
		return err
	}
	s.header = s.header[:0]
	for _, f := range s.fields {
		if i := bytes.IndexByte(f, '\r'); i >= 0 {
			return &ParseError{File: s.file, Line: 1, Err: errCROnly}
		}
		s.header = append(s.header, strings.TrimSpace(string(f)))
	}
	return nil
}

// columns maps the wanted column names to their positions in the header.
// Names missing from the header are -1; required ones give ErrMissingColumn.
// Matching ignores case.
func (s *scanner) columns(required []string, optional ...string) (map[string]int, error) {
	pos := make(map[string]int, len(required)+len(optional))
	var dup *ParseError
	find := func(name string) int {
		at := -1
		for i, h := range s.header {
			if strings.EqualFold(h, name) {
				if at >= 0 && dup == nil {
					dup = &ParseError{File: s.file, Line: 1, Field: name, Err: fmt.Errorf("%w: %q is columns %d and %d", ErrDuplicateColumn, name, at+1, i+1)}
				}
				if at < 0 {
					at = i
				}
			}
		}
		return at
	}
	for _, name := range required {
		i := find(name)
		if i < 0 {
			return nil, &ParseError{File: s.file, Line: 1, Field: name, Err: fmt.Errorf("%w %q (header has %s)", ErrMissingColumn, name, quotePrefix([]byte(strings.Join(s.header, ","))))}
		}
		pos[name] = i
	}
	for _, name := range optional {
		pos[name] = find(name)
	}
	if dup != nil {
		return nil, dup
	}
	return pos, nil
}

// checkWidth reports a record whose field count differs from the header's.
func (s *scanner) checkWidth() *ParseError {
	if len(s.fields) != len(s.header) {
		return &ParseError{File: s.file, Line: s.line, Err: fmt.Errorf("%w: %d fields, header has %d", ErrFieldCount, len(s.fields), len(s.header))}
	}
	return nil
}

// field returns field i of the record, or nil when the column is absent.
func (s *scanner) field(i int) []byte {
	if i < 0 || i >= len(s.fields) {
		return nil
	}
	return s.fields[i]
}
