package idealpoint

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/unga-go/unga/votes"
)

// Errors for data that cannot identify a scale.
var (
	// ErrTooFewRollCalls: fewer than 3 contested roll calls.
	ErrTooFewRollCalls = errors.New("idealpoint: too few contested roll calls")
	// ErrTooFewStates: fewer than 3 states cast a vote on them.
	ErrTooFewStates = errors.New("idealpoint: too few states with votes")
	// ErrInvalidOptions: a field of Options or DynamicOptions is outside
	// its valid range (NaN, negative, a value that would make the prior
	// degenerate, or an Anchor that is no state's COW code). The message
	// names the field and the range.
	ErrInvalidOptions = errors.New("idealpoint: invalid options")
)

// Minimum sizes of a fit. Fewer contested roll calls or voting states
// cannot place states on a line with any confidence.
const (
	minRollCalls = 3
	minStates    = 3
)

// Options controls a fit. The zero value (or a nil *Options) means the
// defaults. Negative or NaN values, and an Anchor that is no state's COW
// code, are rejected with ErrInvalidOptions.
type Options struct {
	// MaxIter bounds the number of sweeps (one update of every roll call
	// and every position); zero means 500.
	MaxIter int
	// Tol is the convergence tolerance: the fit stops when no position
	// moved by more than Tol (on the prior's scale) in a sweep; zero means
	// 1e-4. It must be below 1.
	Tol float64
	// Anchor is the COW code of the state whose ideal point is made
	// positive; zero means 2, the United States. A code that is no
	// state's (votes.CountryByCOW) is rejected. If the anchor did not
	// vote, the sign makes the sum of the cubed positions positive, which
	// puts the longer tail of the positions on the positive side.
	Anchor int
	// Workers is the number of goroutines; zero means GOMAXPROCS. Results
	// do not depend on it.
	Workers int
	// Progress, if not nil, is called after every sweep and at the end
	// of each later stage, on the goroutine that called Estimate, so it
	// must return quickly. It may print a line (the examples print one on
	// stderr) or record the fit's trace.
	Progress func(Progress)
}

// Progress reports how far a fit has come.
type Progress struct {
	// Stage is "fit" during the sweeps of the posterior mode, then
	// "uncertainty" while the standard errors are computed.
	Stage string
	// Sweep is the number of sweeps done so far (the final count in the
	// "uncertainty" stage).
	Sweep int
	// MaxIter is the bound on sweeps in force.
	MaxIter int
	// Change is the largest change of a position in the last sweep, on
	// the prior's scale; the fit converges when it falls below Tol.
	Change float64
}

// validate checks the fields of o and returns an ErrInvalidOptions error
// naming the first bad field and its valid range.
func (o *Options) validate(typ string) error {
	if o == nil {
		return nil
	}
	if o.MaxIter < 0 {
		return fmt.Errorf("%w: %s.MaxIter = %d, want 0 (default 500) or more", ErrInvalidOptions, typ, o.MaxIter)
	}
	if !(o.Tol >= 0 && o.Tol < 1) {
		return fmt.Errorf("%w: %s.Tol = %v, want 0 (default 1e-4) or a value in (0, 1)", ErrInvalidOptions, typ, o.Tol)
	}
	if o.Workers < 0 {
		return fmt.Errorf("%w: %s.Workers = %d, want 0 (GOMAXPROCS) or more", ErrInvalidOptions, typ, o.Workers)
	}
	// A code that names no state would silently fall back to the sign
	// rule for an anchor that did not vote.
	if _, ok := votes.CountryByCOW(o.Anchor); o.Anchor != 0 && !ok {
		return fmt.Errorf("%w: %s.Anchor = %d is no state's COW code, want 0 (the United States) or a code votes.CountryByCOW knows, such as 365 for Russia",
			ErrInvalidOptions, typ, o.Anchor)
	}
	return nil
}

func (s *Options) core(ctx context.Context) coreSettings {
	cs := coreSettings{maxIter: 500, tol: 1e-4, ctx: ctx}
	if s == nil {
		return cs
	}
	if s.MaxIter > 0 {
		cs.maxIter = s.MaxIter
	}
	if s.Tol > 0 {
		cs.tol = s.Tol
	}
	cs.workers = s.Workers
	cs.progress = s.Progress
	return cs
}

func (s *Options) anchor() int {
	if s == nil || s.Anchor == 0 {
		return 2
	}
	return s.Anchor
}

// Position is a state's estimated ideal point.
type Position struct {
	Country votes.Country
	// Session is the session of a dynamic estimate, or of a static fit
	// whose roll calls all come from one session; otherwise 0.
	Session int
	// IdealPoint is the posterior mode, on the scale described in the
	// package documentation (positive: closer to the anchor state).
	IdealPoint float64
	// SE is the posterior standard deviation of IdealPoint: a Laplace
	// approximation with the roll-call parameters integrated out (see the
	// package documentation, "Scale, sign and uncertainty").
	SE float64
	// Votes is the number of votes (yes, abstain, no) the estimate rests on.
	Votes int
}

// Fit is a static fit: one position per state that voted.
type Fit struct {
	Positions  []Position // ordered by COW code
	RollCalls  int        // contested roll calls used
	Unanimous  int        // roll calls dropped because every cast vote was the same
	Iterations int        // sweeps done
	Converged  bool       // the last sweep moved no position by more than Tol
}

// Position returns the estimate for c.
func (r *Fit) Position(c votes.Country) (Position, bool) {
	i, ok := slices.BinarySearchFunc(r.Positions, c.COW, func(p Position, cow int) int {
		return p.Country.COW - cow
	})
	if !ok {
		return Position{}, false
	}
	return r.Positions[i], true
}

// Estimate fits the ordinal ideal point model to all roll calls of ds as
// one set: a session (ds.Filter(votes.InSessions(74, 74))), an issue, or
// any filtered selection. Unanimous roll calls are dropped; states with no
// vote on the rest get no position. It returns
// ErrTooFewRollCalls or ErrTooFewStates when the data cannot identify a
// scale, and ErrInvalidOptions for bad options.
//
// When ctx is done the fit stops at the end of the current sweep and
// returns ctx.Err().
func Estimate(ctx context.Context, ds *votes.Dataset, s *Options) (*Fit, error) {
	if err := s.validate("Options"); err != nil {
		return nil, err
	}
	sp := collect(ds, nil)
	if len(sp.items) < minRollCalls {
		return nil, fmt.Errorf("%w: %d (need %d)", ErrTooFewRollCalls, len(sp.items), minRollCalls)
	}
	if len(sp.states) < minStates {
		return nil, fmt.Errorf("%w: %d (need %d)", ErrTooFewStates, len(sp.states), minStates)
	}
	m := newModel(len(sp.states), sp.items)
	m.initPCA()
	m.initItems()
	if err := m.fit(s.core(ctx)); err != nil {
		return nil, err
	}
	for u := range m.theta {
		m.curv[u] = math.Sqrt(m.curv[u])
	}
	// Report on a standard scale: mean 0, standard deviation 1 over the
	// states, anchor positive.
	flip := orient(m.theta, sp.states, ds, s.anchor())
	_, sd := standardize(m.theta)
	res := &Fit{
		RollCalls:  len(sp.items),
		Unanimous:  sp.unanimous,
		Iterations: m.iterations,
		Converged:  m.converged,
	}
	session := -1
	for _, j := range sp.cols {
		if s := ds.RollCall(j).Session; session < 0 || s == session {
			session = s
		} else {
			session = 0
			break
		}
	}
	session = max(session, 0)
	for u, i := range sp.states {
		res.Positions = append(res.Positions, Position{
			Country:    ds.Country(i),
			Session:    session,
			IdealPoint: flip * m.theta[u],
			SE:         m.curv[u] / sd,
			Votes:      len(m.unitObs[u]),
		})
	}
	return res, nil
}

// orient returns +1 or -1 so that the anchor's position is positive.
func orient(theta []float64, states []int, ds *votes.Dataset, anchor int) float64 {
	for u, i := range states {
		if ds.Country(i).COW == anchor {
			if theta[u] < 0 {
				return -1
			}
			return 1
		}
	}
	// Fallback: the sum of the cubed positions takes the sign of the
	// longer tail; keep it positive.
	s := 0.0
	for _, t := range theta {
		s += t * t * t
	}
	if s < 0 {
		return -1
	}
	return 1
}

// subproblem is the contested part of a dataset in core form.
type subproblem struct {
	states    []int   // dataset row of each unit
	cols      []int   // dataset column of each item
	items     [][]obs // votes per item, obs.k a unit
	unanimous int
}

// collect gathers the contested roll calls among cols (nil: all) and the
// states that voted on them.
func collect(ds *votes.Dataset, cols []int) subproblem {
	if cols == nil {
		cols = make([]int, ds.NumRollCalls())
		for j := range cols {
			cols[j] = j
		}
	}
	n := ds.NumCountries()
	unit := make([]int, n)
	for i := range unit {
		unit[i] = -1
	}
	var sp subproblem
	rows := make([][]votes.Vote, n)
	for i := range n {
		rows[i] = ds.Row(i)
	}
	var buf []obs
	for _, j := range cols {
		buf = buf[:0]
		for i := range n {
			if c := code(rows[i][j]); c != 0 {
				buf = append(buf, obs{int32(i), c})
			}
		}
		if len(buf) == 0 {
			continue
		}
		if !contested(buf) {
			sp.unanimous++
			continue
		}
		it := slices.Clone(buf)
		for k := range it {
			i := it[k].k
			if unit[i] < 0 {
				unit[i] = 0 // numbered below, in COW order
			}
		}
		sp.items = append(sp.items, it)
		sp.cols = append(sp.cols, j)
	}
	for i := range n {
		if unit[i] >= 0 {
			unit[i] = len(sp.states)
			sp.states = append(sp.states, i)
		}
	}
	for _, it := range sp.items {
		for k := range it {
			it[k].k = int32(unit[it[k].k])
		}
	}
	return sp
}

func code(v votes.Vote) int8 {
	switch v {
	case votes.Yes:
		return cYes
	case votes.Abstain:
		return cAbstain
	case votes.No:
		return cNo
	}
	return 0
}
