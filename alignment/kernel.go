package alignment

import (
	"encoding/binary"
	"math"
	"math/bits"
	"slices"
	"unsafe"

	par "github.com/unga-go/unga/internal/parallel"
	"github.com/unga-go/unga/votes"
)

// bitsets holds every state's votes as three bit vectors, one bit per roll
// call, so that a joint-vote table is a few AND + popcount passes over a
// few hundred bytes instead of a loop over roll calls.
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

// word3 is one word (64 roll calls) of a state's votes, coded yes = 1,
// abstain = 2, no = 3 as thresholds: cast holds the roll calls with a vote
// (v >= 1), notYes those with abstain or no (v >= 2), no those with no
// (v >= 3). Over the roll calls both cast, |a-b| is then the number of
// thresholds on which two states differ, so Agree needs three popcounts
// per word (cast&cast, and the two XORs under it), and the full table
// nine: each cell is a difference of counts of (a >= p, b >= q).
type word3 struct{ cast, notYes, no uint64 }

// pack returns the word of up to 64 votes. It reads the votes eight at a
// time as the bytes of a word (a Vote is one byte), computes the three
// flags of all eight at once in the low bit of each byte, and ORs the k-th
// such word, shifted by k, into the result, rather than branching on every
// vote: a row's votes are unpredictable. Vote 8k+i thus lands on bit 8i+k:
// the roll calls of a word are transposed, the same way for every state,
// which AND and popcount do not see. Fewer than 64 votes are padded with
// 0 (no record).
func pack(row []votes.Vote) word3 {
	if len(row) > 64 {
		panic("alignment: pack of more than 64 votes")
	}
	// A Vote is an int8 holding 0 (no record) to 5 (non-member).
	raw := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(row))), len(row))
	const low = 0x0101010101010101
	var out word3
	for k := range 8 {
		var x uint64
		switch at := 8 * k; {
		case at+8 <= len(raw):
			x = binary.LittleEndian.Uint64(raw[at:])
		case at < len(raw):
			for i, v := range raw[at:] {
				x |= uint64(v) << (8 * uint(i))
			}
		default:
			return out
		}
		b0, b1, b2 := x&low, x>>1&low, x>>2&low
		// yes = 001, abstain = 010, no = 011; 1xx is absent or non-member.
		notYes := b1 &^ b2
		out.cast |= ((b0 | b1) &^ b2) << uint(k)
		out.notYes |= notYes << uint(k)
		out.no |= (b0 & notYes) << uint(k)
	}
	return out
}

// A segment is one period's roll calls: the columns lo to hi-1 of the
// dataset, or, if cols is not nil, the columns it lists (in order).
type segment struct {
	lo, hi int
	cols   []int
}

// len returns the number of roll calls in the segment.
func (s segment) len() int {
	if s.cols != nil {
		return len(s.cols)
	}
	return s.hi - s.lo
}

// packSegment packs row's votes on the roll calls of s into dst, one word
// per 64 roll calls; buf holds the gathered votes of a segment that is not
// a run of columns.
func packSegment(dst []word3, row []votes.Vote, s segment, buf *[64]votes.Vote) {
	w := 0
	if s.cols == nil {
		for j0 := s.lo; j0 < s.hi; j0 += 64 {
			dst[w] = pack(row[j0:min(j0+64, s.hi)])
			w++
		}
		return
	}
	for k0 := 0; k0 < len(s.cols); k0 += 64 {
		n := min(64, len(s.cols)-k0)
		for t, j := range s.cols[k0 : k0+n] {
			buf[t] = row[j]
		}
		dst[w] = pack(buf[:n])
		w++
	}
}

// packScratch is one goroutine's buffers in newBitsets.
type packScratch struct {
	row []votes.Vote
	buf [64]votes.Vote
}

// newBitsets builds the bit vectors of ds, one segment after the other,
// each starting on a word boundary (nil segs: all roll calls in one). With
// o.AbsentAsAbstain an absence is packed as an abstention. Unless
// o.KeepUnanimous, the roll calls flagged votes.RollCall.Unanimous (judged
// once on every vote read, not on the states of ds) are cleared from every
// state's vectors.
func newBitsets(ds *votes.Dataset, segs []segment, o Options) *bitsets {
	nc, nr := ds.NumCountries(), ds.NumRollCalls()
	if segs == nil {
		segs = []segment{{lo: 0, hi: nr}}
	}
	seg := make([]int, len(segs)+1)
	for k, s := range segs {
		seg[k+1] = seg[k] + (s.len()+63)/64
	}
	nw := seg[len(seg)-1]
	b := &bitsets{nc: nc, nw: nw, words: make([]word3, nc*nw), lo: make([]int, nc), hi: make([]int, nc), seg: seg}

	parallelWith(nc, func(s *packScratch, i int) {
		row := ds.Row(i)
		if o.AbsentAsAbstain {
			s.row = append(s.row[:0], row...)
			for j, v := range s.row {
				if v == votes.Absent {
					s.row[j] = votes.Abstain
				}
			}
			row = s.row
		}
		out := b.words[i*nw : (i+1)*nw]
		for k, sg := range segs {
			packSegment(out[seg[k]:seg[k+1]], row, sg, &s.buf)
		}
	})

	if !o.KeepUnanimous && nc > 0 {
		// The mask of the roll calls kept is packed as a row that votes
		// yes on each, so that its bits lie where the states' do.
		mask := make([]votes.Vote, nr)
		some := false
		for j, rc := range ds.RollCalls() {
			if rc.Unanimous {
				some = true
			} else {
				mask[j] = votes.Yes
			}
		}
		if some {
			keep := make([]word3, nw)
			var buf [64]votes.Vote
			for k, sg := range segs {
				packSegment(keep[seg[k]:seg[k+1]], mask, sg, &buf)
			}
			parallel(nc, func(i int) {
				p := b.words[i*nw : (i+1)*nw]
				for w, k := range keep {
					p[w].cast &= k.cast
					p[w].notYes &= k.cast
					p[w].no &= k.cast
				}
			})
		}
	}

	for i := range nc {
		lo, hi := nw, 0
		for w, p := range b.words[i*nw : (i+1)*nw] {
			if p.cast != 0 {
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
	for _, p := range b.words[i*b.nw+w0 : i*b.nw+max(w0, w1)] {
		if p.cast != 0 {
			return true
		}
	}
	return false
}

// table returns the joint votes of states i and j over words [w0, w1).
func (b *bitsets) table(i, j, w0, w1 int) Table {
	var t Table
	w0 = max(w0, b.lo[i], b.lo[j])
	w1 = min(w1, b.hi[i], b.hi[j])
	if w0 < w1 {
		tableOfWords(&t, b.words[i*b.nw+w0:i*b.nw+w1], b.words[j*b.nw+w0:j*b.nw+w1])
	}
	return t
}

// tableOfWords writes the joint votes of x and y (as many words as x) to t,
// which it overwrites. g[p][q] counts the roll calls with a >= p+1 and
// b >= q+1; each cell is then an inclusion-exclusion of four of them.
func tableOfWords(t *Table, x, y []word3) {
	var g11, g12, g13, g21, g22, g23, g31, g32, g33 int
	y = y[:len(x)]
	for k := range x {
		xc, x2, x3 := x[k].cast, x[k].notYes, x[k].no
		yc, y2, y3 := y[k].cast, y[k].notYes, y[k].no
		g11 += bits.OnesCount64(xc & yc)
		g12 += bits.OnesCount64(xc & y2)
		g13 += bits.OnesCount64(xc & y3)
		g21 += bits.OnesCount64(x2 & yc)
		g22 += bits.OnesCount64(x2 & y2)
		g23 += bits.OnesCount64(x2 & y3)
		g31 += bits.OnesCount64(x3 & yc)
		g32 += bits.OnesCount64(x3 & y2)
		g33 += bits.OnesCount64(x3 & y3)
	}
	t[0][0], t[0][1], t[0][2] = g11-g12-g21+g22, g12-g13-g22+g23, g13-g23
	t[1][0], t[1][1], t[1][2] = g21-g22-g31+g32, g22-g23-g32+g33, g23-g33
	t[2][0], t[2][1], t[2][2] = g31-g32, g32-g33, g33
}

// agreeRowsGo is the portable agreeRows.
func agreeRowsGo(x, y []word3, stride, minN int, scale float64, scores []float64, counts []int32) {
	nw := len(x)
	for r := range counts {
		z := y[r*stride : r*stride+nw]
		var n, d int
		for k := range x {
			m := x[k].cast & z[k].cast
			n += bits.OnesCount64(m)
			d += bits.OnesCount64((x[k].notYes^z[k].notYes)&m) + bits.OnesCount64((x[k].no^z[k].no)&m)
		}
		counts[r] = int32(n)
		if n < minN {
			scores[r] = math.NaN()
			continue
		}
		scores[r] = 1 - float64(d)/(scale*float64(n))
	}
}

// agreeRows scores x against len(counts) rows of y, row r being
// y[r*stride : r*stride+len(x)]: counts[r] is the number n of roll calls
// both cast a vote on, and scores[r] is 1 - d/(scale*n), with d the sum of
// |a-b| over them (partial + 2*opposite), or NaN if n < minN (minN >= 1).
// A scale of 2 gives Agree, 1 gives SAbs, in the arithmetic of Table.score
// to the bit. It panics if the lengths do not fit.
func agreeRows(x, y []word3, stride, minN int, scale float64, scores []float64, counts []int32) {
	rows := len(counts)
	if len(scores) != rows || stride < len(x) || minN < 1 {
		panic("alignment: agreeRows: bad arguments")
	}
	if rows == 0 {
		return
	}
	if len(y) < (rows-1)*stride+len(x) {
		panic("alignment: agreeRows: rows out of range")
	}
	if len(x) == 0 {
		clear(counts)
		for r := range scores {
			scores[r] = math.NaN()
		}
		return
	}
	agreeRowsArch(x, y, stride, minN, scale, scores, counts)
}

// compactTo copies words [w0, w1) of the given states into dst, row after
// row, so that a session's all-pairs loop reads memory in order. It reuses
// dst's storage when large enough.
func (b *bitsets) compactTo(dst []word3, rows []int, w0, w1 int) []word3 {
	nw := w1 - w0
	dst = slices.Grow(dst[:0], len(rows)*nw)[:len(rows)*nw]
	for r, i := range rows {
		copy(dst[r*nw:(r+1)*nw], b.words[i*b.nw+w0:i*b.nw+w1])
	}
	return dst
}

// parallel calls f(k) for k in [0, n) on parallel.For's goroutines.
func parallel(n int, f func(k int)) {
	par.For(n, 0, func(_, k int) { f(k) })
}

// parallelWith is parallel with scratch space: each goroutine passes its
// own *S, zero at first, to every call it makes, so that buffers are reused
// from one call to the next without locks.
func parallelWith[S any](n int, f func(s *S, k int)) {
	s := make([]S, par.Workers(n, 0))
	par.For(n, 0, func(w, k int) { f(&s[w], k) })
}
