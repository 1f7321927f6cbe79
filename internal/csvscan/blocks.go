package csvscan

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"sync"
)

// Blocks takes the input after a header, from one Write (input already in
// memory, through bufio.Reader.WriteTo) or by ReadFrom (a stream, read in
// blocks of 8 MiB, the next read by a goroutine while the last is parsed),
// and hands it to Parse in blocks of complete records. The unfinished
// record at the end of a block is carried to the next; one longer than
// Lim.Line ends the read with an *Error, so input without line ends takes
// bounded memory.
type Blocks struct {
	// Parse parses head and data, complete records both (head may be
	// empty). Unless exact is set, data was cut at its last newline
	// without regard to quotes; if that proves wrong, Parse returns
	// ErrMiscut having parsed nothing, and is called again with data cut
	// where records end.
	Parse func(head, data []byte, exact bool) error
	// Line returns the line on which the input not yet parsed starts.
	Line func() int
	Lim  Limits

	carry []byte // input not yet parsed: an unfinished record, or small writes gathered
	err   error  // a record over the limits
}

// Rest returns the input not yet parsed: after the last Write or ReadFrom,
// the last record, which may lack its newline.
func (w *Blocks) Rest() []byte { return w.carry }

// Err returns the *Error of a record over the limits that ended the read,
// if any.
func (w *Blocks) Err() error { return w.err }

const (
	// blockSize is the size of the blocks a stream is read in; a read
	// holds two beyond its result, one parsed and the next read ahead.
	blockSize = 8 << 20
	// minBlock is the least input worth a block of its own: smaller writes
	// are gathered first.
	minBlock = 1 << 20
)

// Write parses the complete records of data, and keeps the rest. Data is
// not copied before its records are parsed, and an unfinished record at
// its end is copied only once it is known to be within the limit: a
// gigabyte held in memory without a line end fails after a look at its
// first Lim.Line bytes.
func (w *Blocks) Write(data []byte) (int, error) {
	n := len(data)
	var head []byte // what was carried, finished by the first record of data
	if len(w.carry) > 0 || len(data) < minBlock {
		if len(w.carry)+len(data) < minBlock {
			w.carry = append(w.carry, data...)
			return n, nil
		}
		// The record that ends the carry ends within the limit or is
		// too long: the boundary is looked for no further.
		window := data[:min(len(data), w.Lim.Line+3)]
		cut := FirstBoundary(window, bytes.Count(w.carry, []byte{'"'})%2 == 1)
		if cut < 0 {
			if err := w.checkRecord(w.carry, data); err != nil {
				return 0, err
			}
			w.carry = append(w.carry, data...)
			return n, nil
		}
		if err := w.checkRecord(w.carry, data[:cut]); err != nil {
			return 0, err
		}
		w.carry = append(w.carry, data[:cut]...)
		head, data = w.carry, data[cut:]
	}
	end, err := w.parseUpTo(head, data)
	if err != nil {
		return 0, err
	}
	if err := w.checkRecord(nil, data[end:]); err != nil {
		return 0, err
	}
	w.carry = append(w.carry[:0], data[end:]...)
	return n, nil
}

// WriteString is Write for input held in a string (a strings.Reader's,
// through bufio.Reader.WriteTo): it is copied a block at a time into one
// buffer, rather than converted whole.
func (w *Blocks) WriteString(s string) (int, error) {
	buf := make([]byte, min(len(s), blockSize))
	for i := 0; i < len(s); {
		k := copy(buf, s[i:])
		if _, err := w.Write(buf[:k]); err != nil {
			return i, err
		}
		i += k
	}
	return len(s), nil
}

// checkCarry fails the read when the unfinished record carried to the next
// block is longer than a record may be: a stream without line ends must
// not be gathered without limit.
func (w *Blocks) checkCarry() error { return w.checkRecord(w.carry, nil) }

// checkRecord fails the read when the unfinished record at the end of
// prefix, which starts at a record boundary, continued by more, in which
// no record ends before its end, is longer than a record may be. It copies
// no more than a record's worth of either, for the error message.
func (w *Blocks) checkRecord(prefix, more []byte) error {
	if len(prefix)+len(more) <= w.Lim.Line+2 {
		return nil
	}
	// Small writes gathered may come before the record.
	start := LastBoundary(prefix)
	rec := prefix[start:]
	if len(rec)+len(more) <= w.Lim.Line+2 {
		return nil
	}
	line := w.Line() + bytes.Count(prefix[:start], []byte{'\n'})
	// The error quotes the record's start and tells CR line ends, which
	// its first Lim.Line bytes show.
	keep := w.Lim.Line + 3
	r := make([]byte, 0, min(len(rec)+len(more), keep))
	r = append(r, rec[:min(len(rec), keep)]...)
	r = append(r, more[:min(len(more), keep-len(r))]...)
	if bytes.IndexByte(r, '\n') >= 0 {
		w.err = RecordTooLong(line, r, w.Lim)
	} else {
		w.err = TooLong(line, r, w.Lim)
	}
	return w.err
}

// maxEmptyReads is how many reads in a row may return no data and no
// error before a read gives up with io.ErrNoProgress, as bufio.Reader does.
const maxEmptyReads = 100

// ReadFrom reads src to its end in blocks, parsing the complete records of
// each. Once the input proves larger than a first small fill, a goroutine
// reads (for a gzip stream: decompresses) the next block while the last is
// parsed.
func (w *Blocks) ReadFrom(src io.Reader) (int64, error) {
	// What was carried over (bufio.Reader's buffer) is at the start.
	buf := slices.Grow(w.carry, 64<<10)
	var total int64
	for empty := 0; len(buf) < cap(buf); {
		n, err := src.Read(buf[len(buf):cap(buf)])
		buf, total = buf[:len(buf)+n], total+int64(n)
		if empty = empty + 1; n > 0 {
			empty = 0
		} else if err == nil && empty >= maxEmptyReads {
			err = io.ErrNoProgress
		}
		if err != nil {
			w.carry = buf
			if err == io.EOF {
				err = nil
			}
			return total, err
		}
	}
	w.carry = buf
	blocks := make(chan readBlock, 1)
	free := make(chan []byte, 2)
	for range 2 {
		free <- make([]byte, blockHeadroom+blockSize)
	}
	done := make(chan struct{})
	var reader sync.WaitGroup
	reader.Add(1)
	go func() {
		defer reader.Done()
		readBlocks(src, blocks, free, done)
	}()
	// The reader must be gone before returning: the caller closes src.
	defer reader.Wait()
	defer close(done)
	for b := range blocks {
		total += int64(b.n)
		// The unfinished record before the block goes in front of it, in
		// the room left there for it.
		data := b.buf[blockHeadroom : blockHeadroom+b.n]
		if len(w.carry) <= blockHeadroom {
			data = b.buf[blockHeadroom-len(w.carry) : blockHeadroom+b.n]
			copy(data, w.carry)
		} else {
			data = append(slices.Clip(w.carry), data...)
		}
		if b.err != nil {
			// The last block: the reader is done with its buffers.
			w.carry = data
			if b.err == io.EOF {
				return total, w.checkCarry()
			}
			return total, b.err
		}
		end, err := w.parseUpTo(nil, data)
		if err != nil {
			return total, err
		}
		w.carry = append(w.carry[:0], data[end:]...)
		if err := w.checkCarry(); err != nil {
			return total, err
		}
		free <- b.buf
	}
	return total, nil
}

// blockHeadroom is the room before a block read by readBlocks for the
// unfinished record of the block before, or the first small fill (up to
// two bufio.Reader buffers of 64 KiB).
const blockHeadroom = 256 << 10

// readBlock is a block of input: buf[blockHeadroom:blockHeadroom+n], and
// the error that ended the input after it, if any.
type readBlock struct {
	buf []byte
	n   int
	err error
}

// readBlocks fills buffers from free with src and sends them on blocks,
// until src ends or done is closed.
func readBlocks(src io.Reader, blocks chan<- readBlock, free <-chan []byte, done <-chan struct{}) {
	defer close(blocks)
	for {
		var buf []byte
		select {
		case buf = <-free:
		case <-done:
			return
		}
		b := readBlock{buf: buf}
		for empty := 0; b.n < blockSize && b.err == nil; {
			var n int
			n, b.err = src.Read(buf[blockHeadroom+b.n:])
			b.n += n
			if empty = empty + 1; n > 0 {
				empty = 0
			} else if b.err == nil && empty >= maxEmptyReads {
				b.err = io.ErrNoProgress
			}
		}
		select {
		case blocks <- b:
		case <-done:
			return
		}
		if b.err != nil {
			return
		}
	}
}

// parseUpTo parses head, complete records, and the complete records of
// data, and returns where in data they end.
func (w *Blocks) parseUpTo(head, data []byte) (int, error) {
	// Input without quotes, which is all of unvotes and nearly all of
	// Voeten's file, has its records end at every newline: the block is
	// cut so first, and if the parts find quotes that make it wrong, again
	// by counting them.
	end := bytes.LastIndexByte(data, '\n') + 1
	err := w.Parse(head, data[:end], false)
	if err == ErrMiscut {
		end = LastBoundary(data)
		err = w.Parse(head, data[:end], true)
	}
	return end, err
}

// ErrMiscut reports that a block was cut at a newline inside quotes.
var ErrMiscut = errors.New("block cut inside quotes")
