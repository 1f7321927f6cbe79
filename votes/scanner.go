package votes

import "io"

// scanner gives the records of a splitter with their positions, for the
// readers' row functions.
type scanner struct {
	sp     *splitter
	file   string
	line   int // line where the current record starts
	fields [][]byte
	header []string
}

func (r *Reader) newScanner(src io.Reader, file string) *scanner {
	return &scanner{sp: newSplitter(src, file, r.limits()), file: file}
}

// next makes the next record current. It returns io.EOF at the end of the
// input, or the error that ended it.
func (s *scanner) next() error {
	_, err := s.nextOr(nil)
	return err
}

// nextOr is next, but first offers the record's line to fast (see
// splitter.nextOr); a record fast takes does not become current.
func (s *scanner) nextOr(fast func(line []byte) bool) (taken bool, err error) {
	if taken, err = s.sp.nextOr(fast); taken || err != nil {
		return taken, err
	}
	s.line = s.sp.line
	s.fields = s.sp.fields
	return false, nil
}

// errorAt returns a *ParseError for field f of the current record.
func (s *scanner) errorAt(f int, field string, err error) *ParseError {
	line, col := s.position(f)
	return &ParseError{File: s.file, Line: line, Column: col, Field: field, Err: err}
}

// column returns the 1-based byte column where field f of the current
// record starts.
func (s *scanner) column(f int) int {
	_, col := s.position(f)
	return col
}

// position returns the line and 1-based byte column where field f of the
// current record starts; the column is 0 if there is no field f.
func (s *scanner) position(f int) (line, col int) {
	switch sp := s.sp; {
	case f < 0 || f >= len(s.fields):
		return s.line, 0
	case sp.plain != nil:
		// A field of an unquoted record is a slice of the line running to
		// its end, so their capacities differ by the field's offset.
		return s.line, cap(sp.plain) - cap(sp.fields[f]) + 1
	default:
		return sp.lines[f], sp.cols[f]
	}
}
