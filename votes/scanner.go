package votes

import (
	"io"
	"sync"
)

// scanner hands out the records a splitter reads, splitting ahead in a
// goroutine of its own: cutting lines into fields is about half the work of
// reading a vote file, so the two halves run on two cores. Records come in
// batches whose buffers are recycled; the fields of a record are valid until
// the next call to next. close must be called when done.
type scanner struct {
	sp     *splitter
	file   string
	line   int // line where the current record starts
	fields [][]byte
	spans  []fieldSpan // the current record's fields in cur.data
	header []string

	cur     *batch
	pos     int // next record in cur
	batches chan *batch
	free    chan *batch
	stop    chan struct{}
	once    sync.Once
	started bool
	done    bool
}

type fieldSpan struct{ start, end, line, col int32 }

type batchRecord struct {
	line       int32
	start, end int32 // range in batch.spans
}

type batch struct {
	data  []byte
	spans []fieldSpan
	recs  []batchRecord
	err   error // after the records: io.EOF or the error that ended the input
}

// pipelined turns on splitting in a goroutine of its own.
const pipelined = false

// direct makes the splitter's next record current, without a goroutine.
func (s *scanner) direct() error {
	sp := s.sp
	if err := sp.next(); err != nil {
		if err == io.EOF {
			s.done = true
		}
		return err
	}
	s.line = sp.line
	s.fields = sp.fields
	return nil
}

// batchRecords is how many records go in a batch: enough to make the
// hand-over cheap, few enough to keep the buffers in cache.
const batchRecords = 2048

func newScanner(r io.Reader, file string) *scanner {
	return &scanner{sp: newSplitter(r, file), file: file}
}

func (s *scanner) start() {
	s.started = true
	s.batches = make(chan *batch, 2)
	s.free = make(chan *batch, 3)
	s.stop = make(chan struct{})
	go s.produce()
}

// produce runs in its own goroutine: it splits records into batches until
// the input ends or close is called.
func (s *scanner) produce() {
	defer close(s.batches)
	for {
		var b *batch
		select {
		case b = <-s.free:
			b.data, b.spans, b.recs, b.err = b.data[:0], b.spans[:0], b.recs[:0], nil
		default:
			b = &batch{}
		}
		for len(b.recs) < batchRecords {
			if err := s.sp.next(); err != nil {
				b.err = err
				break
			}
			b.add(s.sp)
		}
		select {
		case s.batches <- b:
		case <-s.stop:
			return
		}
		if b.err != nil {
			return
		}
	}
}

// add copies the splitter's current record into the batch.
func (b *batch) add(sp *splitter) {
	rec := batchRecord{line: int32(sp.line), start: int32(len(b.spans))}
	base := len(b.data)
	if sp.plain != nil {
		b.data = append(b.data, sp.plain...)
		for _, f := range sp.fields {
			off := cap(sp.plain) - cap(f)
			b.spans = append(b.spans, fieldSpan{int32(base + off), int32(base + off + len(f)), int32(sp.line), int32(off + 1)})
		}
	} else {
		for k, f := range sp.fields {
			start := len(b.data)
			b.data = append(b.data, f...)
			b.spans = append(b.spans, fieldSpan{int32(start), int32(len(b.data)), int32(sp.lines[k]), int32(sp.cols[k])})
		}
	}
	rec.end = int32(len(b.spans))
	b.recs = append(b.recs, rec)
}

// next makes the next record current. It returns io.EOF at the end of the
// input, or the error that ended it.
func (s *scanner) next() error {
	if s.done {
		return io.EOF
	}
	if !pipelined {
		return s.direct()
	}
	if !s.started {
		s.start()
	}
	for s.cur == nil || s.pos >= len(s.cur.recs) {
		if s.cur != nil {
			if s.cur.err != nil {
				err := s.cur.err
				s.done = err == io.EOF
				return err
			}
			select {
			case s.free <- s.cur:
			default:
			}
		}
		b, ok := <-s.batches
		if !ok {
			s.done = true
			return io.EOF
		}
		s.cur, s.pos = b, 0
	}
	rec := s.cur.recs[s.pos]
	s.pos++
	s.line = int(rec.line)
	s.spans = s.cur.spans[rec.start:rec.end]
	s.fields = s.fields[:0]
	for _, sp := range s.spans {
		s.fields = append(s.fields, s.cur.data[sp.start:sp.end:sp.end])
	}
	return nil
}

// close stops the splitting goroutine.
func (s *scanner) close() {
	s.once.Do(func() {
		if s.started {
			close(s.stop)
			// Let the producer finish its current send or read.
			for range s.batches {
			}
		}
	})
}

// errorAt returns a *ParseError for field f of the current record.
func (s *scanner) errorAt(f int, field string, err error) *ParseError {
	pe := &ParseError{File: s.file, Line: s.line, Field: field, Err: err}
	switch sp := s.sp; {
	case f < 0 || f >= len(s.fields):
	case pipelined:
		pe.Line, pe.Column = int(s.spans[f].line), int(s.spans[f].col)
	case sp.plain != nil:
		// A field of an unquoted record is a slice of the line running to
		// its end, so their capacities differ by the field's offset.
		pe.Column = cap(sp.plain) - cap(sp.fields[f]) + 1
	default:
		pe.Line, pe.Column = sp.lines[f], sp.cols[f]
	}
	return pe
}
