package votes

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/unga-go/unga/internal/csvscan"
)

// scanner gives the records of a csvscan.Splitter with their positions,
// and their errors as *ParseError, for the readers' row functions.
type scanner struct {
	sp     *csvscan.Splitter
	file   string
	line   int // line where the current record starts
	fields [][]byte
	header []string
}

func (r *reader) newScanner(src io.Reader, file string) *scanner {
	return &scanner{sp: csvscan.New(src, r.limits()), file: file}
}

// next makes the next record current. It returns io.EOF at the end of the
// input, or the error that ended it.
func (s *scanner) next() error {
	_, err := s.nextOr(nil)
	return err
}

// nextOr is next, but first offers the record's line to fast (see
// csvscan.Splitter.NextOr); a record fast takes does not become current.
func (s *scanner) nextOr(fast func(line []byte) bool) (taken bool, err error) {
	if taken, err = s.sp.NextOr(fast); taken || err == io.EOF {
		return taken, err
	} else if err != nil {
		return false, scanError(s.file, s.sp.Line(), err)
	}
	s.line = s.sp.Line()
	s.fields = s.sp.Fields()
	return false, nil
}

// scanError returns err, from a csvscan.Splitter reading file, as a
// *ParseError; an error without a position is put on line.
func scanError(file string, line int, err error) *ParseError {
	var e *csvscan.Error
	if !errors.As(err, &e) {
		return &ParseError{File: file, Line: line, Err: err}
	}
	err = e.Err
	if errors.Is(err, csvscan.ErrCROnly) {
		err = fmt.Errorf("%w: %w", ErrUnknownFormat, err)
	}
	return &ParseError{File: file, Line: e.Line, Column: e.Column, Err: err}
}

// errorAt returns a *ParseError for field f of the current record.
func (s *scanner) errorAt(f int, field string, err error) *ParseError {
	line, col := s.sp.Position(f)
	return &ParseError{File: s.file, Line: line, Column: col, Field: field, Err: err}
}

// column returns the 1-based byte column where field f of the current
// record starts.
func (s *scanner) column(f int) int {
	_, col := s.sp.Position(f)
	return col
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
			return scanError(s.file, 1, &csvscan.Error{Line: 1, Err: csvscan.ErrCROnly})
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
