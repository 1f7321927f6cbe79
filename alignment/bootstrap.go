package alignment

import (
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"unsafe"

	"gonum.org/v1/gonum/mat"

	"github.com/unga-go/unga/internal/tidy"
	"github.com/unga-go/unga/votes"
)

// BootstrapOptions controls the bootstrap over roll calls. A nil pointer
// or the zero value means the defaults.
type BootstrapOptions struct {
	// Options chooses the roll calls (unanimous ones are dropped unless
	// KeepUnanimous, as votes.RollCall.Unanimous judges them on the whole
	// Assembly), how absences count (AbsentAsAbstain) and MinN, below
	// which a score, in the data or in a resample, is NaN.
	Options
	// Resamples is the number of bootstrap resamples; zero means 1000.
	// An interval at level L needs at least MinResamples(L) of them (40
	// for 95%); a negative number is an error (ErrInvalidOptions).
	Resamples int
	// Level is the coverage of the percentile intervals; zero means 0.95.
	// A level not in (0, 1) is an error (ErrInvalidOptions).
	Level float64
	// Seed seeds the resamples. Resample r draws from a stream derived
	// from Seed and r alone, so the same seed gives the same intervals on
	// any number of cores.
	Seed uint64
}

// get returns the options with the defaults filled in, or an error
// wrapping ErrInvalidOptions. It does not ask for MinResamples: a
// Resampler needs no interval (see intervals).
func (o *BootstrapOptions) get() (BootstrapOptions, error) {
	var r BootstrapOptions
	if o != nil {
		r = *o
	}
	if err := r.Options.check(); err != nil {
		return r, err
	}
	if r.Resamples < 0 {
		return r, invalid("Resamples %d is negative", r.Resamples)
	}
	if r.Resamples == 0 {
		r.Resamples = 1000
	}
	var err error
	if r.Level, err = levelOrDefault("bootstrap", r.Level); err != nil {
		return r, err
	}
	return r, nil
}

// intervals returns the options for a function that gives percentile
// intervals: get's, with at least MinResamples(Level) resamples.
func (o *BootstrapOptions) intervals() (BootstrapOptions, error) {
	r, err := o.get()
	if err != nil {
		return r, err
	}
	if need := MinResamples(r.Level); r.Resamples < need {
		return r, invalid("%d resamples for a %g interval: at least %d are needed (MinResamples)", r.Resamples, r.Level, need)
	}
	return r, nil
}

// MinResamples returns the least number of resamples for a percentile
// interval at the given level: ceil(2/(1-level)), 40 for 95% and 200 for
// 99%, so that each tail of the interval holds one resample on average.
// With fewer, an end of the interval is the most extreme resample, or an
// interpolation towards the estimate's other side, and an "interval" of one
// resample need not hold the estimate at all. It returns 0 for a level not
// in (0, 1).
func MinResamples(level float64) int {
	if !(level > 0 && level < 1) {
		return 0
	}
	// The small margin keeps 2/(1-0.95), which rounds to 40.000000000000004
	// or 39.99999999999996, at 40.
	return int(math.Ceil(2/(1-level) - 1e-9))
}

// levelOrDefault returns the coverage level of an interval, 0.95 for 0, or
// an error wrapping ErrInvalidOptions, naming what the level is for, if
// level is not in (0, 1).
func levelOrDefault(what string, level float64) (float64, error) {
	if level == 0 {
		return 0.95, nil
	}
	if !(level > 0 && level < 1) {
		return level, invalid("%s level %g not in (0, 1)", what, level)
	}
	return level, nil
}

// An Interval is a score with a bootstrap percentile interval.
type Interval struct {
	Score          // the score on the data as they are
	Lo, Hi float64 // the interval; NaN if Score is NaN
	Level  float64 // its coverage, 0.95 for a 95% interval
	// Resamples is the number of resamples with a score (a pair may have
	// fewer than MinN joint roll calls in a few); Lo and Hi rest on them.
	Resamples int
}

// String formats the interval as "0.7439 [0.6646, 0.8171] (n=82)".
func (iv Interval) String() string {
	if math.IsNaN(iv.Value) {
		return fmt.Sprintf("NA (n=%d)", iv.N)
	}
	return fmt.Sprintf("%.4f [%s, %s] (n=%d)", iv.Value, num(iv.Lo, 4), num(iv.Hi, 4), iv.N)
}

// percentiles returns the (1-level)/2 and (1+level)/2 quantiles of the
// values of xs that are not NaN, interpolated between order statistics as
// numpy.percentile and R's quantile (type 7) do, and how many values they
// rest on. xs is reordered.
func percentiles(xs []float64, level float64) (lo, hi float64, n int) {
	k := 0
	for _, x := range xs {
		if !math.IsNaN(x) {
			xs[k] = x
			k++
		}
	}
	xs = xs[:k]
	if k == 0 {
		return math.NaN(), math.NaN(), 0
	}
	hl := (1 - level) / 2 * float64(k-1)
	hh := (1 + level) / 2 * float64(k-1)
	il, ih := int(math.Floor(hl)), int(math.Floor(hh))
	var a, b, c, d float64
	if il+2 <= 64 && k-ih <= 64 {
		// The usual case, tails of a few percent: one pass that keeps
		// the few smallest and largest values in sorted buffers. From the
		// top, order statistics ih and ih+1 are the (k-1-ih)-th and
		// (k-2-ih)-th largest.
		var lowBuf, highBuf [64]float64
		a, b = lowest(xs, il, lowBuf[:0], false)
		if ih+1 < k {
			d, c = lowest(xs, k-2-ih, highBuf[:0], true)
		} else {
			c = slices.Max(xs)
			d = c
		}
	} else {
		a = nth(xs, il)
		b = a
		if il+1 < k {
			b = slices.Min(xs[il+1:])
		}
		c = nth(xs, ih)
		d = c
		if ih+1 < k {
			d = slices.Min(xs[ih+1:])
		}
	}
	return a + (hl-float64(il))*(b-a), c + (hh-float64(ih))*(d-c), k
}

// lowest returns the i-th and (i+1)-th smallest values of xs (counting
// from 0; the i-th twice if there is no other), using buf, of capacity at
// least i+2, as a sorted buffer of the smallest values seen. With neg it
// ranks -x instead, and so returns the i-th and (i+1)-th largest values
// (negation is exact, so they are those of xs bit for bit).
func lowest(xs []float64, i int, buf []float64, neg bool) (float64, float64) {
	size := min(i+2, len(xs))
	for _, x := range xs {
		if neg {
			x = -x
		}
		if len(buf) == size {
			if x >= buf[size-1] {
				continue
			}
			buf = buf[:size-1]
		}
		p := len(buf)
		buf = buf[:p+1]
		for p > 0 && buf[p-1] > x {
			buf[p] = buf[p-1]
			p--
		}
		buf[p] = x
	}
	a, b := buf[i], buf[i]
	if i+1 < len(buf) {
		b = buf[i+1]
	}
	if neg {
		return -a, -b
	}
	return a, b
}

// nth reorders xs so that xs[k] is the value a sort would put there, with
// no greater value before it and no smaller one after, and returns it
// (Hoare's selection, with the median of three as pivot: deterministic).
func nth(xs []float64, k int) float64 {
	lo, hi := 0, len(xs)-1
	for lo < hi {
		mid := lo + (hi-lo)/2
		if xs[mid] < xs[lo] {
			xs[mid], xs[lo] = xs[lo], xs[mid]
		}
		if xs[hi] < xs[lo] {
			xs[hi], xs[lo] = xs[lo], xs[hi]
		}
		if xs[hi] < xs[mid] {
			xs[hi], xs[mid] = xs[mid], xs[hi]
		}
		p := xs[mid]
		i, j := lo, hi
		for i <= j {
			for xs[i] < p {
				i++
			}
			for xs[j] > p {
				j--
			}
			if i <= j {
				xs[i], xs[j] = xs[j], xs[i]
				i++
				j--
			}
		}
		switch {
		case k <= j:
			hi = j
		case k >= i:
			lo = i
		default:
			return xs[k]
		}
	}
	return xs[k]
}

// splitmix is the SplitMix64 finaliser, which spreads nearby inputs (seeds,
// resample numbers) over the whole range.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}

// stream returns the random numbers of resample r of stratum s.
func stream(seed uint64, r, s int) *rand.Rand {
	return rand.New(rand.NewPCG(splitmix(seed^splitmix(uint64(s))), splitmix(uint64(r)+0x632be59bd9b4e019)))
}

// A Resampler draws bootstrap resamples of the roll calls of a dataset:
// resample r draws, with replacement, as many roll calls as there are from
// each stratum (the whole selection, or each session or year for the
// series), from a random stream fixed by the seed and r alone.
// BootstrapMatrix, BootstrapPair and the other Bootstrap functions rest on
// it; cluster.Stability uses it to re-cluster resamples.
type Resampler struct {
	ds     *votes.Dataset
	cols   []int   // the columns of ds resampled, in order
	strata [][]int // positions in cols of each stratum
	keys   []int   // the session or year of each stratum (0 for one)
	left   int     // roll calls left out for want of a key
	opts   BootstrapOptions
}

// NewResampler prepares the resamples of ds's roll calls, all of them in
// one stratum: those that are not unanimous (votes.RollCall.Unanimous)
// unless opts.KeepUnanimous. It returns ErrEmpty if no roll call is left
// and ErrInvalidOptions for a bad option, also a MinMembership (its
// matrices hold every state of ds: narrow ds with SelectCountries); it asks
// for no least number of resamples, since it gives no interval.
func NewResampler(ds *votes.Dataset, opts *BootstrapOptions) (*Resampler, error) {
	o, err := opts.get()
	if err != nil {
		return nil, err
	}
	if err := o.takesNoMembership("NewResampler"); err != nil {
		return nil, err
	}
	return resamplerOf(ds, o, nil)
}

// resamplerOf prepares the resamples of ds with options already checked:
// key(rc) gives each roll call's stratum (nil for one), or false to leave
// the roll call out.
func resamplerOf(ds *votes.Dataset, o BootstrapOptions, key func(*votes.RollCall) (int, bool)) (*Resampler, error) {
	rs := &Resampler{ds: ds, opts: o}
	for j, rc := range ds.RollCalls() {
		if !o.counts(rc) {
			continue
		}
		k := 0
		if key != nil {
			var ok bool
			if k, ok = key(rc); !ok {
				rs.left++
				continue
			}
		}
		if len(rs.keys) == 0 || rs.keys[len(rs.keys)-1] != k {
			if s := slices.Index(rs.keys, k); s >= 0 {
				// Roll calls are ordered by session and date, so a key
				// seen before cannot come back; if it does, join it.
				rs.strata[s] = append(rs.strata[s], len(rs.cols))
				rs.cols = append(rs.cols, j)
				continue
			}
			rs.keys = append(rs.keys, k)
			rs.strata = append(rs.strata, nil)
		}
		rs.strata[len(rs.strata)-1] = append(rs.strata[len(rs.strata)-1], len(rs.cols))
		rs.cols = append(rs.cols, j)
	}
	if len(rs.cols) == 0 {
		return nil, ErrEmpty
	}
	return rs, nil
}

// Columns returns the roll calls (columns of the dataset) drawn in resample
// r, stratum by stratum; r = -1 gives the roll calls as they are. It panics
// if r is out of range.
func (rs *Resampler) Columns(r int) []int {
	return rs.columnsTo(nil, r)
}

func (rs *Resampler) columnsTo(dst []int, r int) []int {
	if r < -1 || r >= rs.opts.Resamples {
		panic(fmt.Sprintf("alignment: resample %d out of range [-1, %d)", r, rs.opts.Resamples))
	}
	dst = dst[:0]
	if r < 0 {
		return append(dst, rs.cols...)
	}
	for s := range rs.strata {
		dst = rs.appendStratum(dst, r, s)
	}
	return dst
}

// appendStratum appends to dst the roll calls (columns of the dataset)
// drawn from stratum s in resample r; r = -1 gives the stratum's roll
// calls as they are.
func (rs *Resampler) appendStratum(dst []int, r, s int) []int {
	pos := rs.strata[s]
	if r < 0 {
		for _, q := range pos {
			dst = append(dst, rs.cols[q])
		}
		return dst
	}
	rng := stream(rs.opts.Seed, r, rs.keys[s])
	for range pos {
		dst = append(dst, rs.cols[pos[rng.IntN(len(pos))]])
	}
	return dst
}

// packTo writes the bit vectors of every state of the dataset over the
// given columns (repeats and all) to dst, nw words a state, and returns it.
func (rs *Resampler) packTo(dst []word3, cols []int, buf []votes.Vote) ([]word3, []votes.Vote) {
	return rs.packFrom(dst, 0, cols, buf)
}

// packFrom is packTo for the states from row i0 on: state i's words are
// dst[(i-i0)*nw:].
func (rs *Resampler) packFrom(dst []word3, i0 int, cols []int, buf []votes.Vote) ([]word3, []votes.Vote) {
	nc := rs.ds.NumCountries() - i0
	nw := (len(cols) + 63) / 64
	dst = slices.Grow(dst[:0], nc*nw)[:nc*nw]
	buf = slices.Grow(buf[:0], len(cols))[:len(cols)]
	for i := range nc {
		row := rs.ds.Row(i0 + i)
		for k, j := range cols {
			buf[k] = rs.opts.vote(row[j])
		}
		for w := range nw {
			dst[i*nw+w] = pack(buf[64*w : min(64*w+64, len(cols))])
		}
	}
	return dst, buf
}

// Matrix returns index x of every pair of states on resample r (r = -1:
// the roll calls as they are), as AgreementMatrix would score a dataset
// holding the roll calls drawn, repeats and all. It panics if r is out of
// range or x is not a known index.
func (rs *Resampler) Matrix(r int, x Index) *Matrix {
	x.check()
	cols := rs.Columns(r)
	words, _ := rs.packTo(nil, cols, nil)
	nw := (len(cols) + 63) / 64
	m := newMatrix(x, countries(rs.ds))
	for i := range m.Countries {
		m.fillRow(i, words[i*nw:(i+1)*nw], words[i*nw:], nw, rs.opts.MinN)
	}
	return m
}

// cellCodes returns, for each column of rs, the cell of the joint-vote
// table of rows a and b (3*a + b with 0 yes, 1 abstain, 2 no), or 9 if
// either cast no vote.
func (rs *Resampler) cellCodes(a, b int) []uint8 {
	ra, rb := rs.ds.Row(a), rs.ds.Row(b)
	out := make([]uint8, rs.ds.NumRollCalls())
	for _, j := range rs.cols {
		out[j] = 9
		if va, vb := rs.opts.vote(ra[j]), rs.opts.vote(rb[j]); va.Cast() && vb.Cast() {
			p, q := cell(va, vb)
			out[j] = uint8(3*p + q)
		}
	}
	return out
}

// tableOfCells counts the cells of the given columns.
func tableOfCells(codes []uint8, cols []int) Table {
	var c [10]int
	for _, j := range cols {
		c[codes[j]]++
	}
	var t Table
	for p := range 3 {
		for q := range 3 {
			t[p][q] = c[3*p+q]
		}
	}
	return t
}

// pairReplicates returns the score of a pair on every resample, from the
// pair's cellCodes.
func (rs *Resampler) pairReplicates(codes []uint8, x Index) []float64 {
	out := make([]float64, rs.opts.Resamples)
	var cols []int
	for r := range out {
		cols = rs.columnsTo(cols, r)
		t := tableOfCells(codes, cols)
		out[r] = t.Score(x, rs.opts.MinN).Value
	}
	return out
}

// interval returns the percentile interval of the replicates around the
// score s; reps is reordered.
func (o *BootstrapOptions) interval(s Score, reps []float64) Interval {
	iv := Interval{Score: s, Lo: math.NaN(), Hi: math.NaN(), Level: o.Level}
	if math.IsNaN(s.Value) {
		return iv
	}
	iv.Lo, iv.Hi, iv.Resamples = percentiles(reps, o.Level)
	return iv
}

// BootstrapPair returns index x of states a and b in ds with a bootstrap
// percentile interval: the roll calls of ds (all of them, so that the
// number the pair voted on varies as it would) are drawn with replacement
// opts.Resamples times and the pair scored on each draw. The interval for
// a pair equals the one BootstrapMatrix gives it with the same options.
// It returns Pair's errors (ErrNoVotes if either state cast no vote on the
// roll calls), and ErrInvalidOptions for a bad option or fewer resamples
// than MinResamples(opts.Level). It panics if x is not a known index.
func BootstrapPair(ds *votes.Dataset, a, b votes.Country, x Index, opts *BootstrapOptions) (Interval, error) {
	x.check()
	o, err := opts.intervals()
	if err != nil {
		return Interval{}, err
	}
	if err := o.takesNoMembership("BootstrapPair"); err != nil {
		return Interval{}, err
	}
	ia, ib, err := pairVoters(ds, a, b, &o.Options)
	if err != nil {
		return Interval{}, err
	}
	rs, err := resamplerOf(ds, o, nil)
	if err != nil {
		return Interval{}, err
	}
	codes := rs.cellCodes(ia, ib)
	reps := rs.pairReplicates(codes, x)
	t := tableOfCells(codes, rs.cols)
	return rs.opts.interval(t.Score(x, rs.opts.MinN), reps), nil
}

// intervalRow is one score with its interval, in tidy form: a pair, the
// index, the score with its n, and the interval with its level.
type intervalRow struct {
	tidy.Pair
	tidy.Interval
}

func makeIntervalRow(a, b votes.Country, x Index, iv Interval) intervalRow {
	return intervalRow{pairOf(a, b), tidy.Interval{Index: x.String(), Score: iv.Value, N: iv.N, Lo: iv.Lo, Hi: iv.Hi, Level: iv.Level}}
}

// MatrixBootstrap holds index x of every pair of states with bootstrap
// percentile intervals, all pairs scored on the same resamples.
type MatrixBootstrap struct {
	// Estimate holds the scores on the data as they are, its index and
	// its states (Countries, whose rows At takes).
	Estimate *Matrix
	// lo and hi hold the ends of each pair's interval, NaN where the
	// score is NaN.
	lo, hi *mat.SymDense
	level  float64
	rs     *Resampler
}

// BootstrapMatrix returns index x of every pair of states of ds with
// percentile intervals from opts.Resamples resamples of the roll calls of
// ds, drawn with replacement; every pair is scored on the same resamples,
// so that Difference can give an interval for the difference of two
// pairs' scores.
//
// It packs each resample's roll calls, repeats and all, into the bit
// vectors of AgreementMatrix and scores all pairs with its kernels. Where
// all resamples fit in maxHeld bytes (Resamples x states x ceil(roll
// calls/64) x 24: 9.6 MB for session 74 and 1000 resamples) they are held
// at once; beyond (the whole 1946-2019 record would take 461 MB) the
// states are taken in blocks and each resample packed again for each
// block, which gives the same intervals in bounded memory. It returns
// ErrEmpty if no roll call is left and ErrInvalidOptions for a bad option
// or fewer resamples than MinResamples(opts.Level); it panics if x is not
// a known index.
func BootstrapMatrix(ds *votes.Dataset, x Index, opts *BootstrapOptions) (*MatrixBootstrap, error) {
	x.check()
	o, err := opts.intervals()
	if err != nil {
		return nil, err
	}
	ds = members(ds, &o.Options)
	rs, err := resamplerOf(ds, o, nil)
	if err != nil {
		return nil, err
	}
	nc := ds.NumCountries()
	nr := o.Resamples
	nw := (len(rs.cols) + 63) / 64
	bm := &MatrixBootstrap{
		Estimate: rs.Matrix(-1, x), level: o.Level, rs: rs,
		lo: mat.NewSymDense(max(nc, 1), nil), hi: mat.NewSymDense(max(nc, 1), nil),
	}
	if nc == 0 {
		bm.lo, bm.hi = &mat.SymDense{}, &mat.SymDense{}
		return bm, nil
	}
	if nr*nc*nw*int(unsafe.Sizeof(word3{})) > maxHeld {
		bm.blocked(x, nw)
		return bm, nil
	}
	all := make([]word3, nr*nc*nw)
	parallelWith(nr, func(s *bootPackScratch, r int) {
		s.cols = rs.columnsTo(s.cols, r)
		// packTo writes in place: the slice has room for one resample.
		_, s.buf = rs.packTo(all[r*nc*nw:r*nc*nw:(r+1)*nc*nw], s.cols, s.buf)
	})
	parallelWith(nc, func(s *rowBoot, i int) {
		m := nc - i
		s.scores = slices.Grow(s.scores[:0], nr*m)[:nr*m]
		s.counts = slices.Grow(s.counts[:0], m)[:m]
		s.col = slices.Grow(s.col[:0], nr)[:nr]
		for r := range nr {
			words := all[r*nc*nw : (r+1)*nc*nw]
			scoreRows(x, words[i*nw:(i+1)*nw], words[i*nw:], nw, o.MinN, s.scores[r*m:(r+1)*m], s.counts)
		}
		for d := range m {
			bm.setInterval(i, i+d, s.scores, d, m, s.col)
		}
	})
	return bm, nil
}

// setInterval sets the interval of pair (i, j), i <= j, from its score on
// each resample r, reps[at+r*stride], gathered into col (one entry per
// resample); NaN where the pair's score is. Calls on different pairs may
// run concurrently.
func (bm *MatrixBootstrap) setInterval(i, j int, reps []float64, at, stride int, col []float64) {
	v1, v2 := math.NaN(), math.NaN()
	if !math.IsNaN(bm.Estimate.Scores.At(i, j)) {
		for r := range col {
			col[r] = reps[at+r*stride]
		}
		v1, v2, _ = percentiles(col, bm.level)
	}
	lo, hi := bm.lo.RawSymmetric(), bm.hi.RawSymmetric()
	lo.Data[i*lo.Stride+j] = v1
	hi.Data[i*hi.Stride+j] = v2
}

// maxHeld bounds the memory BootstrapMatrix spends on packed resamples
// at once, and on the replicate scores of a block of states (a variable
// so that tests can force the blocked path).
var maxHeld = 256 << 20

// blocked fills bm's intervals taking the states in blocks: for each
// block of rows, every resample is packed (the states from the block's
// first on) and the block's pairs scored, the replicates held for the
// block alone.
func (bm *MatrixBootstrap) blocked(x Index, nw int) {
	rs := bm.rs
	o := rs.opts
	nc, nr := len(bm.Estimate.Countries), o.Resamples
	limit := max(1, maxHeld/(8*nr)) // pair scores a block may hold per resample
	for i0 := 0; i0 < nc; {
		// Rows [i0, i1) and their pairs (i, j >= i): off[i-i0] is where
		// row i's start in a resample's run of scores.
		i1, size := i0, 0
		var off []int
		for i1 < nc && (i1 == i0 || size+nc-i1 <= limit) {
			off = append(off, size)
			size += nc - i1
			i1++
		}
		reps := make([]float64, nr*size)
		parallelWith(nr, func(s *blockScratch, r int) {
			s.cols = rs.columnsTo(s.cols, r)
			s.words, s.buf = rs.packFrom(s.words, i0, s.cols, s.buf)
			s.counts = slices.Grow(s.counts[:0], nc)
			for i := i0; i < i1; i++ {
				at := (i - i0) * nw
				m := nc - i
				scoreRows(x, s.words[at:at+nw], s.words[at:], nw, o.MinN, reps[r*size+off[i-i0]:][:m], s.counts[:m])
			}
		})
		parallelWith(i1-i0, func(col *[]float64, k int) {
			i := i0 + k
			c := slices.Grow((*col)[:0], nr)[:nr]
			for d := range nc - i {
				bm.setInterval(i, i+d, reps, off[k]+d, size, c)
			}
			*col = c
		})
		i0 = i1
	}
}

type blockScratch struct {
	cols   []int
	buf    []votes.Vote
	words  []word3
	counts []int32
}

type bootPackScratch struct {
	cols []int
	buf  []votes.Vote
}

type rowBoot struct {
	scores, col []float64
	counts      []int32
}

// At returns the score of states i and j (rows of Estimate.Countries)
// with its interval. Its Resamples field is left 0.
func (bm *MatrixBootstrap) At(i, j int) Interval {
	return Interval{Score: bm.Estimate.At(i, j), Lo: bm.lo.At(i, j), Hi: bm.hi.At(i, j), Level: bm.level}
}

// Lookup returns the score of states a and b with its interval, and
// whether there is one, as Matrix.Lookup says: false, with a NaN interval,
// if either state is not in the matrix or cast no vote the index counts.
func (bm *MatrixBootstrap) Lookup(a, b votes.Country) (Interval, bool) {
	s, ok := bm.Estimate.Lookup(a, b)
	if !ok {
		return Interval{Score: s, Lo: math.NaN(), Hi: math.NaN(), Level: bm.level}, false
	}
	i, j := bm.Estimate.index(a), bm.Estimate.index(b)
	return bm.At(i, j), true
}

// replicates returns the score of states a and b on each resample (NaN
// where they had fewer than MinN joint roll calls), recomputed from the
// resamples' seeds, and whether both are in the matrix.
func (bm *MatrixBootstrap) replicates(a, b votes.Country) ([]float64, bool) {
	i, j := bm.Estimate.index(a), bm.Estimate.index(b)
	if i < 0 || j < 0 {
		return nil, false
	}
	return bm.rs.pairReplicates(bm.rs.cellCodes(i, j), bm.Estimate.Index), true
}

// ErrNoDifference: a difference of two scores cannot be taken because
// one of them is NaN.
var ErrNoDifference = errors.New("alignment: a score of the difference is NaN")

// Difference returns the difference of the scores of pairs (a, b) and
// (c, d), score(a,b) - score(c,d), with a percentile interval from the same
// resamples: since both pairs are scored on each resample, the interval
// accounts for what the two scores share (US-Israel minus US-Canada rests
// largely on the same roll calls). Its N is the smaller of the two pairs'
// n. It returns an error wrapping votes.ErrUnknownCountry if a state is
// not in the matrix and ErrNoDifference if either score is NaN.
func (bm *MatrixBootstrap) Difference(a, b, c, d votes.Country) (Interval, error) {
	for _, s := range []votes.Country{a, b, c, d} {
		if bm.Estimate.index(s) < 0 {
			return Interval{}, &votes.NotInDatasetError{Country: s}
		}
	}
	s1, _ := bm.Estimate.Lookup(a, b)
	s2, _ := bm.Estimate.Lookup(c, d)
	if math.IsNaN(s1.Value) || math.IsNaN(s2.Value) {
		return Interval{}, fmt.Errorf("%w: %s-%s %v, %s-%s %v", ErrNoDifference, a, b, s1, c, d, s2)
	}
	r1, _ := bm.replicates(a, b)
	r2, _ := bm.replicates(c, d)
	for k := range r1 {
		r1[k] -= r2[k]
	}
	o := bm.rs.opts
	return o.interval(Score{Value: s1.Value - s2.Value, N: min(s1.N, s2.N)}, r1), nil
}

// rows returns the rows of WriteCSV.
func (bm *MatrixBootstrap) rows() []intervalRow {
	var out []intervalRow
	for i, a := range bm.Estimate.Countries {
		for j := i + 1; j < len(bm.Estimate.Countries); j++ {
			out = append(out, makeIntervalRow(a, bm.Estimate.Countries[j], bm.Estimate.Index, bm.At(i, j)))
		}
	}
	return out
}

// WriteCSV writes as tidy CSV, with a header line, one tidy row per pair of
// different states (a before b in row order), NaN scores included.
func (bm *MatrixBootstrap) WriteCSV(w io.Writer) error { return tidy.Write(w, bm.rows()) }
