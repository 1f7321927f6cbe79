package alignment

import (
	"encoding/binary"
	"math/bits"
	"runtime"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/unga-go/unga/votes"
)

// bitsets holds every state's votes as three bit vectors (yes, abstain, no),
// one bit per roll call, so that a joint-vote table is nine AND + popcount
// passes over a few hundred bytes instead of a loop over roll calls.
//
// The roll calls may be cut into segments (sessions), each starting on a
// word boundary, so that one segment's table reads only its own words.
type bitsets struct {
	nc, nw int
	// words[i*nw+w] holds word w of state i's three bit vectors: the three
	// sets of one word lie together, and one state's words together.
	words []word3
	// lo and hi bound the words in which state i cast any vote, so that
	// pairs of states that never sat together cost nothing.
	lo, hi []int
	// seg[k] is the first word of segment k; seg[len(seg)-1] == nw.
	seg []int
}

// word3 is one word (64 roll calls) of a state's yes, abstain and no sets.
type word3 struct{ y, a, n uint64 }

// pack returns the yes, abstain and no sets of up to 64 votes. It reads
// eight votes at a time as the bytes of a word (a Vote is one byte) and
// gathers one bit of each byte with a multiplication, rather than branching
// on every vote: a row's votes are unpredictable.
func pack(row []votes.Vote) word3 {
	if len(row) > 64 {
		panic("alignment: pack of more than 64 votes")
	}
	var out word3
	if len(row) == 0 {
		return out
	}
	// A Vote is an int8 holding 0 (no record) to 5 (non-member).
	raw := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(row))), len(row))
	const (
		low    = 0x0101010101010101
		gather = 0x0102040810204080 // moves bit 8k to bit 56+k
	)
	k := 0
	for ; k+8 <= len(raw); k += 8 {
		x := binary.LittleEndian.Uint64(raw[k:])
		b0, b1, b2 := x&low, x>>1&low, x>>2&low
		// yes = 001, abstain = 010, no = 011; 1xx is absent or non-member.
		y := b0 &^ b1 &^ b2
		a := b1 &^ b0 &^ b2
		n := b0 & b1 &^ b2
		out.y |= (y * gather >> 56) << uint(k)
		out.a |= (a * gather >> 56) << uint(k)
		out.n |= (n * gather >> 56) << uint(k)
	}
	for ; k < len(raw); k++ {
		bit := uint64(1) << uint(k)
		switch votes.Vote(raw[k]) {
		case votes.Yes:
			out.y |= bit
		case votes.Abstain:
			out.a |= bit
		case votes.No:
			out.n |= bit
		}
	}
	return out
}

// newBitsets builds the bit vectors of ds. cuts lists the roll-call
// indices at which segments start after the first (nil for one segment).
// With dropUnanimous, roll calls on which every cast vote in ds was the
// same are cleared from every state's vectors.
func newBitsets(ds *votes.Dataset, cuts []int, dropUnanimous bool) *bitsets {
	nc, nr := ds.NumCountries(), ds.NumRollCalls()
	starts := append(append([]int{0}, cuts...), nr)
	seg := make([]int, len(starts))
	for k := 1; k < len(starts); k++ {
		seg[k] = seg[k-1] + (starts[k]-starts[k-1]+63)/64
	}
	nw := seg[len(seg)-1]
	b := &bitsets{nc: nc, nw: nw, words: make([]word3, nc*nw), lo: make([]int, nc), hi: make([]int, nc), seg: seg}

	parallel(nc, func(i int) {
		row := ds.Row(i)
		out := b.words[i*nw : (i+1)*nw]
		for k := 0; k+1 < len(starts); k++ {
			w := seg[k]
			for j0 := starts[k]; j0 < starts[k+1]; j0 += 64 {
				out[w] = pack(row[j0:min(j0+64, starts[k+1])])
				w++
			}
		}
	})

	if dropUnanimous && nc > 0 {
		// A roll call is contested if at least two of yes, abstain and no
		// were cast on it by someone.
		keep := make([]uint64, nw)
		for w := range nw {
			var y, a, n uint64
			for i := range nc {
				p := b.words[i*nw+w]
				y, a, n = y|p.y, a|p.a, n|p.n
			}
			keep[w] = y&a | y&n | a&n
		}
		parallel(nc, func(i int) {
			p := b.words[i*nw : (i+1)*nw]
			for w, k := range keep {
				p[w].y &= k
				p[w].a &= k
				p[w].n &= k
			}
		})
	}

	for i := range nc {
		lo, hi := nw, 0
		for w, p := range b.words[i*nw : (i+1)*nw] {
			if p.y|p.a|p.n != 0 {
				lo = min(lo, w)
				hi = w + 1
			}
		}
		if hi == 0 {
			lo = 0
		}
		b.lo[i], b.hi[i] = lo, hi
	}
	return b
}

// castIn reports whether state i cast any vote in words [w0, w1).
func (b *bitsets) castIn(i, w0, w1 int) bool {
	w0, w1 = max(w0, b.lo[i]), min(w1, b.hi[i])
	for w := w0; w < w1; w++ {
		p := b.words[i*b.nw+w]
		if p.y|p.a|p.n != 0 {
			return true
		}
	}
	return false
}

// table returns the joint votes of states i and j over words [w0, w1).
func (b *bitsets) table(i, j, w0, w1 int) Table {
	var t Table
	b.tableTo(&t, i, j, w0, w1)
	return t
}

// tableTo writes the joint votes of states i and j over words [w0, w1) to
// t, which it overwrites.
func (b *bitsets) tableTo(t *Table, i, j, w0, w1 int) {
	w0 = max(w0, b.lo[i], b.lo[j])
	w1 = min(w1, b.hi[i], b.hi[j])
	var yy, ya, yn, ay, aa, an, ny, na, nn int
	if w0 < w1 {
		x := b.words[i*b.nw+w0 : i*b.nw+w1]
		y := b.words[j*b.nw+w0 : j*b.nw+w1]
		y = y[:len(x)]
		for k := range x {
			xy, xa, xn := x[k].y, x[k].a, x[k].n
			zy, za, zn := y[k].y, y[k].a, y[k].n
			yy += bits.OnesCount64(xy & zy)
			ya += bits.OnesCount64(xy & za)
			yn += bits.OnesCount64(xy & zn)
			ay += bits.OnesCount64(xa & zy)
			aa += bits.OnesCount64(xa & za)
			an += bits.OnesCount64(xa & zn)
			ny += bits.OnesCount64(xn & zy)
			na += bits.OnesCount64(xn & za)
			nn += bits.OnesCount64(xn & zn)
		}
	}
	t[0][0], t[0][1], t[0][2] = yy, ya, yn
	t[1][0], t[1][1], t[1][2] = ay, aa, an
	t[2][0], t[2][1], t[2][2] = ny, na, nn
}

// compact copies words [w0, w1) of the given states into one contiguous
// block, row after row, so that a session's all-pairs loop reads memory in
// order.
func (b *bitsets) compact(rows []int, w0, w1 int) []word3 {
	nw := w1 - w0
	out := make([]word3, len(rows)*nw)
	for r, i := range rows {
		copy(out[r*nw:(r+1)*nw], b.words[i*b.nw+w0:i*b.nw+w1])
	}
	return out
}

// fillCompact scores every pair (i <= j) of the states in block, which
// holds nw words per state (see compact), into m.
func (m *Matrix) fillCompact(block []word3, nw, minN int) {
	n := len(m.Countries)
	raw := m.Scores.RawSymmetric()
	var t Table
	for i := range n {
		x := block[i*nw : (i+1)*nw]
		scores := raw.Data[i*raw.Stride : i*raw.Stride+n]
		counts := m.counts[i*n : i*n+n]
		for j := i; j < n; j++ {
			y := block[j*nw : (j+1)*nw]
			y = y[:len(x)]
			var yy, ya, yn, ay, aa, an, ny, na, nn int
			for k := range x {
				xy, xa, xn := x[k].y, x[k].a, x[k].n
				zy, za, zn := y[k].y, y[k].a, y[k].n
				yy += bits.OnesCount64(xy & zy)
				ya += bits.OnesCount64(xy & za)
				yn += bits.OnesCount64(xy & zn)
				ay += bits.OnesCount64(xa & zy)
				aa += bits.OnesCount64(xa & za)
				an += bits.OnesCount64(xa & zn)
				ny += bits.OnesCount64(xn & zy)
				na += bits.OnesCount64(xn & za)
				nn += bits.OnesCount64(xn & zn)
			}
			t[0][0], t[0][1], t[0][2] = yy, ya, yn
			t[1][0], t[1][1], t[1][2] = ay, aa, an
			t[2][0], t[2][1], t[2][2] = ny, na, nn
			v, c := t.score(m.Index, minN)
			scores[j] = v
			counts[j] = int32(c)
		}
	}
}

// parallel calls f(k) for k in [0, n) on GOMAXPROCS goroutines, handing out
// k in increasing order, and returns when all calls have returned.
func parallel(n int, f func(k int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for k := range n {
			f(k)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				k := int(next.Add(1) - 1)
				if k >= n {
					return
				}
				f(k)
			}
		})
	}
	wg.Wait()
}

// contested reports, for each roll call of ds, whether at least two
// different votes were cast on it.
func contested(ds *votes.Dataset) []bool {
	nr := ds.NumRollCalls()
	seen := make([]uint8, nr)
	for i := range ds.NumCountries() {
		for j, v := range ds.Row(i) {
			if v.Cast() {
				seen[j] |= 1 << uint(v)
			}
		}
	}
	out := make([]bool, nr)
	for j, s := range seen {
		out[j] = bits.OnesCount8(s) >= 2
	}
	return out
}
