package audit

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/unga-go/unga/alignment"
	"github.com/unga-go/unga/internal/tidy"
	"github.com/unga-go/unga/votes"
)

// SuspicionOptions controls Suspicions. A nil *SuspicionOptions means the
// zero value, which means the defaults. Each field's zero means its
// default; a negative count, or a MinZ that is NaN, infinite or negative,
// is an error (ErrInvalidOptions).
type SuspicionOptions struct {
	// Partners is how many states count as a state's usual partners: those
	// it agrees with most in the sessions around. Zero means 10.
	Partners int
	// MinN is the least number of contested roll calls a state must have
	// voted on in a session to be judged there. Zero means 20.
	MinN int
	// MinZ is the least robust z-score reported. Zero means 4.
	MinZ float64
}

func (o *SuspicionOptions) get() (SuspicionOptions, error) {
	var out SuspicionOptions
	if o != nil {
		out = *o
	}
	if err := checkCount("Partners", out.Partners); err != nil {
		return out, err
	}
	if err := checkCount("MinN", out.MinN); err != nil {
		return out, err
	}
	if err := checkNumber("MinZ", out.MinZ, math.MaxFloat64); err != nil {
		return out, err
	}
	if out.Partners == 0 {
		out.Partners = 10
	}
	if out.MinN == 0 {
		out.MinN = 20
	}
	if out.MinZ == 0 {
		out.MinZ = 4
	}
	return out, nil
}

// A Suspicion is a state-session whose agreement with the states it
// usually votes with collapses for that session and comes back.
type Suspicion struct {
	Country votes.Country
	Session int
	// Around is the state's mean agreement (alignment.Agree) with its usual
	// partners in the sessions before and after; Here, in this session.
	Around, Here float64
	N            int // contested roll calls the state voted on in the session
	// Z is how unlikely the drop is: the drop (Around - Here) divided by
	// its standard error, less the median of that ratio over every
	// state-session, over its robust spread (1.4826 times the median
	// absolute deviation).
	Z float64
	// Rank orders the report: Z, or for a state with a Mirror the pair's
	// combined z, (Z + the mirror's Z)/sqrt(2), if that is higher.
	Rank float64
	// Mirror is the state whose usual partners this state votes with in
	// this session while that state votes with this one's, both collapsing:
	// the mark of two rows exchanged. Zero if there is none.
	Mirror votes.Country
}

// SuspicionRanking is the result of Suspicions: the state-sessions whose
// collapse is at least MinZ, most unlikely first.
type SuspicionRanking struct {
	Suspicions []Suspicion
	Judged     int // state-sessions judged
}

// Suspicions looks in a single dataset, with no second source, for likely
// coding errors: state-sessions whose agreement with the states they usually
// vote with collapses for one session and comes back, and pairs of states
// that mirror each other (a swap of two rows).
//
// How the ranking is computed. Agreement is Voeten's index (alignment.Agree,
// contested roll calls only), session by session. A state's usual partners
// for session s are the Partners states it agrees with most, on average, in
// sessions s-2, s-1, s+1 and s+2. Around is its mean agreement with them in
// sessions s-1 and s+1 (both must be there: the collapse must come back),
// Here in session s. The drop Around - Here is divided by its binomial
// standard error, sqrt(Around(1-Around)/N), floored at 0.01, so that a drop
// on few votes counts less; the ratios of all state-sessions are then
// standardised robustly (median, MAD) into Z. A state whose collapse is
// reported is given a Mirror if another reported state of the session
// exists such that each, voting with the other's usual partners, wins back
// at least half of its drop (Greece and Grenada in session 65 of the
// published record). A state has one mirror at most, and mirrors are
// mutual: where a state could pair with several, the pairs that win back
// most in all are taken first. A mirrored pair is ranked by the pair's
// combined z (Stouffer's, (Za+Zb)/sqrt(2)), since the two collapses are one
// error seen twice.
//
// What it can miss. A real change of policy that lasts one session looks
// the same (a new government, a boycott); an error that lasts two sessions
// or more, or starts or ends the dataset, has no "comes back" and is not
// seen; an error between two states that vote alike (neighbours in a bloc)
// changes little and ranks low; a state with fewer than MinN contested votes
// in the session is not judged; and a swap on a few roll calls of a session
// hardly moves the session's score. A second source, with Compare, settles
// what this can only suspect.
//
// It returns ErrEmpty for a dataset without roll calls, an error wrapping
// both ErrEmpty and alignment.ErrEmpty if every roll call is unanimous, and
// one wrapping ErrInvalidOptions for a bad option.
func Suspicions(ds *votes.Dataset, opts *SuspicionOptions) (*SuspicionRanking, error) {
	o, err := opts.get()
	if err != nil {
		return nil, err
	}
	if ds.NumRollCalls() == 0 {
		return nil, ErrEmpty
	}
	sm, err := alignment.AgreementBy(ds, alignment.BySession, alignment.Agree, nil)
	if errors.Is(err, alignment.ErrEmpty) {
		return nil, fmt.Errorf("%w: every roll call is unanimous (%w)", ErrEmpty, err)
	}
	if err != nil {
		return nil, fmt.Errorf("audit: %w", err)
	}
	nc := ds.NumCountries()
	ns := len(sm.Periods)
	// Dense copies over the dataset's rows: score and n by session.
	score := make([][]float64, ns)
	count := make([][]int32, ns)
	for k, m := range sm.Matrices {
		score[k] = make([]float64, nc*nc)
		count[k] = make([]int32, nc*nc)
		for x := range score[k] {
			score[k][x] = math.NaN()
		}
		rows := make([]int, len(m.Countries))
		for r, c := range m.Countries {
			i, ok := ds.IndexOf(c)
			if !ok {
				panic("audit: a state of the agreement matrix is not in the dataset")
			}
			rows[r] = i
		}
		for r, i := range rows {
			for q, j := range rows {
				sc := m.At(r, q)
				score[k][i*nc+j] = sc.Value
				count[k][i*nc+j] = int32(sc.N)
			}
		}
	}
	at := func(k, i, j int) float64 {
		if k < 0 || k >= ns {
			return math.NaN()
		}
		return score[k][i*nc+j]
	}
	// Sessions are consecutive numbers here only where the dataset has
	// them all; neighbours are by session number.
	sessionAt := make(map[int]int, ns)
	for k, s := range sm.Periods {
		sessionAt[s] = k
	}
	neighbour := func(k, d int) int {
		if kk, ok := sessionAt[sm.Periods[k]+d]; ok {
			return kk
		}
		return -1
	}
	type cand struct {
		i, k            int
		around, here, r float64
		n               int
		partners        []int
	}
	var cands []cand
	sums := make([]float64, nc)
	seen := make([]int, nc)
	order := make([]int, nc)
	for k := range ns {
		before, after := neighbour(k, -1), neighbour(k, 1)
		if before < 0 || after < 0 {
			continue
		}
		ring := []int{neighbour(k, -2), before, after, neighbour(k, 2)}
		for i := range nc {
			n := int(count[k][i*nc+i])
			if n < o.MinN || math.IsNaN(at(before, i, i)) || math.IsNaN(at(after, i, i)) {
				continue
			}
			clear(sums)
			clear(seen)
			for _, kk := range ring {
				if kk < 0 {
					continue
				}
				for j := range nc {
					if v := at(kk, i, j); j != i && !math.IsNaN(v) {
						sums[j] += v
						seen[j]++
					}
				}
			}
			order = order[:0]
			for j := range nc {
				if seen[j] >= 2 && !math.IsNaN(at(k, i, j)) && !math.IsNaN(at(before, i, j)) && !math.IsNaN(at(after, i, j)) {
					order = append(order, j)
					sums[j] /= float64(seen[j]) // the mean, from here on
				}
			}
			if len(order) < o.Partners {
				continue
			}
			slices.SortFunc(order, func(x, y int) int {
				if sums[x] != sums[y] {
					if sums[x] > sums[y] {
						return -1
					}
					return 1
				}
				return x - y
			})
			partners := slices.Clone(order[:o.Partners])
			var here, around float64
			for _, j := range partners {
				here += at(k, i, j)
				around += (at(before, i, j) + at(after, i, j)) / 2
			}
			here /= float64(len(partners))
			around /= float64(len(partners))
			se := math.Max(math.Sqrt(around*(1-around)/float64(n)), 0.01)
			cands = append(cands, cand{i: i, k: k, around: around, here: here, r: (around - here) / se, n: n, partners: partners})
		}
	}
	rep := &SuspicionRanking{Judged: len(cands)}
	if len(cands) == 0 {
		return rep, nil
	}
	rs := make([]float64, len(cands))
	for x, c := range cands {
		rs[x] = c.r
	}
	med := median(rs)
	for x := range rs {
		rs[x] = math.Abs(rs[x] - med)
	}
	mad := 1.4826 * median(rs)
	if mad == 0 {
		mad = 1
	}
	// The candidates reported, in the order of rep.Suspicions.
	var found []cand
	for _, c := range cands {
		z := (c.r - med) / mad
		if z >= o.MinZ {
			found = append(found, c)
			rep.Suspicions = append(rep.Suspicions, Suspicion{Country: ds.Country(c.i), Session: sm.Periods[c.k],
				Around: c.around, Here: c.here, N: c.n, Z: z})
		}
	}
	// Mirrors: among the suspicions of one session, a pair each of which,
	// on the other's partners, wins back at least half of its drop. A
	// suspicion has one mirror at most; pairs are taken by what they win
	// back together, most first, so that a state with two candidates keeps
	// the better one and its partner is left free for another.
	mean := func(k, i int, js []int) float64 {
		s := 0.0
		for _, j := range js {
			s += at(k, i, j)
		}
		return s / float64(len(js))
	}
	type pair struct {
		xa, xb int // indices in rep.Suspicions
		gain   float64
	}
	var pairs []pair
	for xa, ca := range found {
		for xb := xa + 1; xb < len(found); xb++ {
			cb := found[xb]
			if ca.k != cb.k {
				continue
			}
			sa, sb := &rep.Suspicions[xa], &rep.Suspicions[xb]
			gainA := mean(ca.k, ca.i, cb.partners) - sa.Here
			gainB := mean(cb.k, cb.i, ca.partners) - sb.Here
			// A gain is NaN where the two share no score with one of the
			// other's partners in the session; !(g > 0) leaves such a pair
			// out with those that win nothing back.
			g := gainA + gainB
			if gainA < (sa.Around-sa.Here)/2 || gainB < (sb.Around-sb.Here)/2 || !(g > 0) {
				continue
			}
			pairs = append(pairs, pair{xa, xb, g})
		}
	}
	slices.SortStableFunc(pairs, func(p, q pair) int { return cmp.Compare(q.gain, p.gain) })
	mirror := make([]int, len(found))
	for x := range mirror {
		mirror[x] = -1
	}
	for _, p := range pairs {
		if mirror[p.xa] < 0 && mirror[p.xb] < 0 {
			mirror[p.xa], mirror[p.xb] = p.xb, p.xa
			rep.Suspicions[p.xa].Mirror, rep.Suspicions[p.xb].Mirror = rep.Suspicions[p.xb].Country, rep.Suspicions[p.xa].Country
		}
	}
	// A mirrored pair is one error seen twice: both rank by the pair's
	// combined z (Stouffer's), if that is higher than their own.
	for x := range rep.Suspicions {
		s := &rep.Suspicions[x]
		s.Rank = s.Z
		if y := mirror[x]; y >= 0 {
			s.Rank = math.Max(s.Z, (s.Z+rep.Suspicions[y].Z)/math.Sqrt2)
		}
	}
	slices.SortStableFunc(rep.Suspicions, func(x, y Suspicion) int {
		return cmp.Or(cmp.Compare(y.Rank, x.Rank), cmp.Compare(x.Session, y.Session), cmp.Compare(x.Country.COW, y.Country.COW))
	})
	return rep, nil
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

// suspicionRow is one suspicion as a tidy row; mirror_iso3 is empty where
// there is no mirror.
type suspicionRow struct {
	ISO3       string  `csv:"iso3"`
	COW        int     `csv:"cow"`
	Name       string  `csv:"name"`
	Session    int     `csv:"session"`
	Around     float64 `csv:"around"`
	Here       float64 `csv:"here"`
	N          int     `csv:"n"`
	Z          float64 `csv:"z"`
	Rank       float64 `csv:"rank"`
	MirrorISO3 string  `csv:"mirror_iso3"`
}

// rows returns the rows of WriteCSV.
func (r *SuspicionRanking) rows() []suspicionRow {
	out := make([]suspicionRow, len(r.Suspicions))
	for k, s := range r.Suspicions {
		out[k] = suspicionRow{s.Country.ISO3, s.Country.COW, s.Country.Name, s.Session, s.Around, s.Here, s.N, s.Z, s.Rank, s.Mirror.ISO3}
	}
	return out
}

// WriteCSV writes as tidy CSV, with a header line, the suspicions as tidy
// rows, most unlikely first.
func (r *SuspicionRanking) WriteCSV(w io.Writer) error { return tidy.Write(w, r.rows()) }
