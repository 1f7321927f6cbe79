package csvscan

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"slices"
	"testing"
	"testing/iotest"
)

// Blocks hands Parse the input in order, in pieces that end where records
// end (once exact), whether it comes in one Write, in small writes or by
// ReadFrom; the rest is the last record.
func TestBlocks(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	// About 1 MB of random records, repeated to fill three blocks: its
	// length is not a divisor of the block size, so the blocks are cut at
	// different places within it (generating all 24 MB took seconds).
	var chunk []byte
	var chunkEnds []int
	for len(chunk) < 1<<20 {
		rec, e := randomRecords(rng)
		for _, x := range e {
			chunkEnds = append(chunkEnds, len(chunk)+x)
		}
		chunk = append(chunk, rec...)
	}
	if blockSize%len(chunk) == 0 {
		t.Fatalf("the chunk's %d bytes divide the block size: every block would be cut at the same place", len(chunk))
	}
	reps := 3*blockSize/len(chunk) + 1
	data := make([]byte, 0, reps*len(chunk)+64)
	ends := make([]int, 0, reps*len(chunkEnds))
	for len(data) < 3*blockSize {
		for _, x := range chunkEnds {
			ends = append(ends, len(data)+x)
		}
		data = append(data, chunk...)
	}
	data = append(data, "tail,without,newline"...)
	feed := map[string]func(b *Blocks) error{
		"one write": func(b *Blocks) error { _, err := b.Write(data); return err },
		"small writes": func(b *Blocks) error {
			for rest := data; len(rest) > 0; {
				n := min(len(rest), 1+rng.IntN(300_000))
				if _, err := b.Write(rest[:n]); err != nil {
					return err
				}
				rest = rest[n:]
			}
			return nil
		},
		"read from": func(b *Blocks) error {
			_, err := b.ReadFrom(iotest.HalfReader(bytes.NewReader(data)))
			return err
		},
	}
	for name, f := range feed {
		t.Run(name, func(t *testing.T) {
			got := make([]byte, 0, len(data))
			b := &Blocks{Line: func() int { return 1 }, Lim: Limits{Line: 1 << 20, Field: 1 << 20, Columns: 100}}
			b.Parse = func(head, block []byte, exact bool) error {
				if !exact && bytes.Count(block, []byte{'"'})%2 != 0 {
					return ErrMiscut
				}
				got = append(append(got, head...), block...)
				if _, ok := slices.BinarySearch(ends, len(got)); !ok && len(got) > 0 {
					t.Fatalf("a block ends at %d, inside a record", len(got))
				}
				return nil
			}
			if err := f(b); err != nil {
				t.Fatal(err)
			}
			if got = append(got, b.Rest()...); !bytes.Equal(got, data) {
				t.Fatalf("read %d bytes, not the %d written", len(got), len(data))
			}
		})
	}
}

// A record longer than the limit ends the read, however it arrives.
func TestBlocksLimit(t *testing.T) {
	long := bytes.Repeat([]byte("x"), 3<<20)
	for name, feed := range map[string]func(b *Blocks) error{
		"write":     func(b *Blocks) error { _, err := b.Write(long); return err },
		"read from": func(b *Blocks) error { _, err := b.ReadFrom(bytes.NewReader(long)); return err },
	} {
		b := &Blocks{Parse: func(_, _ []byte, _ bool) error { return nil }, Line: func() int { return 2 }, Lim: Limits{Line: 1 << 20, Field: 1 << 20, Columns: 100}}
		err := feed(b)
		var e *Error
		if !errors.Is(err, ErrLimit) || !errors.As(err, &e) || e.Line != 2 {
			t.Errorf("%s: %v, want ErrLimit on line 2", name, err)
		}
	}
	// A reader that returns nothing, forever.
	b := &Blocks{Parse: func(_, _ []byte, _ bool) error { return nil }, Line: func() int { return 1 }, Lim: Limits{Line: 1 << 20, Field: 1 << 20, Columns: 100}}
	if _, err := b.ReadFrom(stalled{}); !errors.Is(err, io.ErrNoProgress) {
		t.Errorf("a stalled reader: %v, want io.ErrNoProgress", err)
	}
}

type stalled struct{}

func (stalled) Read([]byte) (int, error) { return 0, nil }
