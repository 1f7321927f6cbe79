package idealpoint

import (
	"context"
	"fmt"
	"maps"
	"math"
	"slices"

	"github.com/unga-go/unga/votes"
)

// DynamicOptions controls a dynamic fit. The zero value (or nil) means
// the defaults. Values outside the ranges below are rejected with
// ErrInvalidOptions rather than clamped: a degenerate prior would make the
// fit stop at its starting values and report it as converged.
type DynamicOptions struct {
	Options
	// Drift is the prior standard deviation of a state's step from one
	// session to the next, on the scale of the prior of its first
	// position (standard normal); zero means 0.1. Valid values lie in
	// [0.01, 10]: below 0.01 a state's path is held flat (pool its
	// sessions and call Estimate instead), above 10 the sessions are
	// independent fits on unrelated scales. Drift is not used when
	// Persistence is below 1.
	Drift float64
	// UncertaintyDrift is the step standard deviation of the random walk
	// in the standard errors; zero means 0.85, the drift the whole
	// 1946-2019 record supports (see the package documentation, "Scale,
	// sign and uncertainty"), or Drift if that is larger. Drift smooths the positions; this says how
	// far each session's votes pin a state down. Set it equal to Drift for
	// the Laplace approximation of the posterior under Drift alone. Same
	// range as Drift; not used when Persistence is below 1.
	UncertaintyDrift float64
	// Persistence ρ makes the prior a stationary AR(1):
	// θ_s ~ N(ρ·θ_{s-1}, 1-ρ²), every position's marginal prior N(0, 1).
	// 1 (the default, also for zero) is the random walk of Bailey,
	// Strezhnev & Voeten with step variance Drift² per session. Valid
	// values are 1 and (0, 0.99995]: closer to 1 the step variance 1-ρ²
	// falls below 1e-4, the smallest Drift allows.
	Persistence float64
}

// Valid ranges of DynamicOptions (see the field docs).
const (
	minDrift       = 0.01
	maxDrift       = 10
	maxPersistence = 0.99995 // 1-ρ² ≥ 1e-4 = minDrift²
)

func (s *DynamicOptions) validate() error {
	if s == nil {
		return nil
	}
	if err := s.Options.validate("DynamicOptions"); err != nil {
		return err
	}
	if d := s.Drift; d != 0 && !(d >= minDrift && d <= maxDrift) {
		return fmt.Errorf("%w: DynamicOptions.Drift = %v, want 0 (default %v) or a value in [%v, %v]",
			ErrInvalidOptions, d, defaultDrift, minDrift, maxDrift)
	}
	if d := s.UncertaintyDrift; d != 0 && !(d >= minDrift && d <= maxDrift) {
		return fmt.Errorf("%w: DynamicOptions.UncertaintyDrift = %v, want 0 (default %v) or a value in [%v, %v]",
			ErrInvalidOptions, d, defaultUncertaintyDrift, minDrift, maxDrift)
	}
	if p := s.Persistence; p != 0 && p != 1 && !(p > 0 && p <= maxPersistence) {
		return fmt.Errorf("%w: DynamicOptions.Persistence = %v, want 0 or 1 (random walk, the default) or a value in (0, %v]",
			ErrInvalidOptions, p, maxPersistence)
	}
	return nil
}

func (s *DynamicOptions) drift() float64 {
	if s == nil || s.Drift == 0 {
		return defaultDrift
	}
	return s.Drift
}

// persistence is ρ of the AR(1) prior, 1 for a random walk.
func (s *DynamicOptions) persistence() float64 {
	if s == nil || s.Persistence == 0 {
		return defaultPersistence
	}
	return s.Persistence
}

const defaultPersistence = 1.0

func (s *DynamicOptions) settings() *Options {
	if s == nil {
		return nil
	}
	return &s.Options
}

const (
	defaultDrift            = 0.1
	defaultUncertaintyDrift = 0.85
)

func (s *DynamicOptions) uncertaintyDrift() float64 {
	if s == nil || s.UncertaintyDrift == 0 {
		return max(defaultUncertaintyDrift, s.drift())
	}
	return s.UncertaintyDrift
}

// DynamicFit is a dynamic fit: one position per state and session in
// which it voted, all on one scale.
type DynamicFit struct {
	Positions  []Position // ordered by COW code, then session
	Sessions   []int      // sessions estimated, ascending
	Skipped    []int      // sessions left out for too few contested roll calls or states
	RollCalls  int        // contested roll calls used
	Unanimous  int        // roll calls dropped as unanimous
	Iterations int        // sweeps done
	Converged  bool       // the last sweep moved no position by more than Tol

	// lagCorr[i] is the posterior correlation of Positions[i] with the
	// state's position before it on its path (0 for its first), for Move.
	lagCorr []float64
}

// Path returns c's positions in session order, aliasing r.Positions.
func (r *DynamicFit) Path(c votes.Country) []Position {
	lo, _ := slices.BinarySearchFunc(r.Positions, c.COW, func(p Position, cow int) int {
		if p.Country.COW < cow {
			return -1
		}
		return 1
	})
	hi := lo
	for hi < len(r.Positions) && r.Positions[hi].Country.COW == c.COW {
		hi++
	}
	return r.Positions[lo:hi:hi]
}

// At returns c's position in session s (c matched by COW code, as in
// Path), and false if c has none there: a session outside the fit, one it
// skipped, or one in which c cast no vote on a contested roll call. The
// random walk links the sessions on either side of such a gap, but At does
// not interpolate across it.
func (r *DynamicFit) At(c votes.Country, session int) (Position, bool) {
	i, ok := slices.BinarySearchFunc(r.Positions, [2]int{c.COW, session}, func(p Position, k [2]int) int {
		if p.Country.COW != k[0] {
			return p.Country.COW - k[0]
		}
		return p.Session - k[1]
	})
	if !ok {
		return Position{}, false
	}
	return r.Positions[i], true
}

// Series returns c's path as the columns of a line with a band, such as
// the X, Y, Lo and Hi of a chart.Line: x the sessions, in order, y the
// ideal points and lo, hi their interval at level (Position.Interval; pass
// Level for the 95% interval of WriteCSV). All four are nil if c has no
// position. It panics if level is not in (0, 1).
//
// A session in which c has no position (see At) is left out, not filled
// with NaN, so a line drawn through the points bridges it. The straight
// line is the random walk's posterior mean there, but the band drawn
// across the gap is narrower than the uncertainty of the missing sessions.
func (r *DynamicFit) Series(c votes.Country, level float64) (x, y, lo, hi []float64) {
	checkLevel(level) // also when c has no position
	path := r.Path(c)
	if len(path) == 0 {
		return nil, nil, nil, nil
	}
	x, y = make([]float64, len(path)), make([]float64, len(path))
	lo, hi = make([]float64, len(path)), make([]float64, len(path))
	for i, p := range path {
		x[i], y[i] = float64(p.Session), p.IdealPoint
		lo[i], hi[i] = p.Interval(level)
	}
	return x, y, lo, hi
}

// Session returns the positions of session s, ordered by COW code.
func (r *DynamicFit) Session(s int) []Position {
	var out []Position
	for _, p := range r.Positions {
		if p.Session == s {
			out = append(out, p)
		}
	}
	return out
}

// EstimateDynamic fits the ordinal ideal point model to every session of
// ds at once, linking each state's positions in successive sessions by a
// Gaussian random walk, so that positions are comparable over time.
// Sessions with fewer than 3 contested roll calls or 3
// voting states are skipped (listed in Skipped); the random walk bridges
// the gap. It returns ErrTooFewRollCalls if no session is left and
// ErrInvalidOptions for options outside their ranges.
//
// When ctx is done the fit stops at the end of the current sweep (or stage
// of the standard errors) and returns ctx.Err(). Options.Progress, if
// set, is called after every sweep.
func EstimateDynamic(ctx context.Context, ds *votes.Dataset, s *DynamicOptions) (*DynamicFit, error) {
	if err := s.validate(); err != nil {
		return nil, err
	}
	bySession := map[int][]int{}
	for j, rc := range ds.RollCalls() {
		bySession[rc.Session] = append(bySession[rc.Session], j)
	}
	sessions := slices.Sorted(maps.Keys(bySession))
	res := &DynamicFit{}
	anchor := s.settings().anchor()
	type unitInfo struct{ row, session int }
	var (
		units     []unitInfo
		items     [][]obs
		theta     []float64
		unitGroup []int32
		itemGroup []int32
	)
	prev := map[int]float64{} // row -> last initial position, for sign alignment
	for _, sess := range sessions {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		sp := collect(ds, bySession[sess])
		res.Unanimous += sp.unanimous
		if len(sp.items) < minRollCalls || len(sp.states) < minStates {
			res.Skipped = append(res.Skipped, sess)
			continue
		}
		res.Sessions = append(res.Sessions, sess)
		res.RollCalls += len(sp.items)
		// Start from the session's principal component, signed to agree
		// with the anchor, or else with the previous sessions.
		sub := newModel(len(sp.states), sp.items)
		sub.initPCA()
		sign, have := 0.0, false
		for u, i := range sp.states {
			if ds.Country(i).COW == anchor {
				sign, have = math.Copysign(1, sub.theta[u]), true
			}
		}
		if !have {
			for u, i := range sp.states {
				if p, ok := prev[i]; ok {
					sign += p * sub.theta[u]
				}
			}
			sign = math.Copysign(1, sign)
		}
		off := len(units)
		grp := int32(len(res.Sessions) - 1)
		for u, i := range sp.states {
			units = append(units, unitInfo{i, sess})
			unitGroup = append(unitGroup, grp)
			t := sign * sub.theta[u]
			theta = append(theta, t)
			prev[i] = t
		}
		for _, it := range sp.items {
			for k := range it {
				it[k].k += int32(off)
			}
			items = append(items, it)
			itemGroup = append(itemGroup, grp)
		}
	}
	if len(res.Sessions) == 0 {
		return nil, fmt.Errorf("%w in every session", ErrTooFewRollCalls)
	}
	m := newModel(len(units), items)
	m.varB = dynamicVarB
	copy(m.theta, theta)
	m.nGroup, m.unitGroup, m.itemGroup = len(res.Sessions), unitGroup, itemGroup
	// Chains: each state's units in session order; units were appended
	// session by session, so a stable sort by row keeps session order.
	order := make([]int, len(units))
	for u := range order {
		order[u] = u
	}
	slices.SortStableFunc(order, func(a, b int) int { return units[a].row - units[b].row })
	m.chains, m.stepVar, m.stepCoef = m.chains[:0], m.stepVar[:0], m.stepCoef[:0]
	v := s.drift() * s.drift()
	rho := s.persistence()
	for k := 0; k < len(order); {
		row := units[order[k]].row
		var ch []int32
		var sv, sc []float64
		for ; k < len(order) && units[order[k]].row == row; k++ {
			u := order[k]
			ch = append(ch, int32(u))
			if len(ch) == 1 {
				sv, sc = append(sv, 0), append(sc, 0)
				continue
			}
			gap := float64(units[u].session - units[ch[len(ch)-2]].session)
			if rho == 1 {
				sv, sc = append(sv, v*gap), append(sc, 1)
				continue
			}
			// A stationary AR(1) with N(0, 1) marginals: the gap's
			// coefficient ρ^gap and innovation variance 1-ρ^(2gap).
			r := math.Pow(rho, gap)
			sv, sc = append(sv, 1-r*r), append(sc, r)
		}
		m.chains = append(m.chains, ch)
		m.stepVar = append(m.stepVar, sv)
		m.stepCoef = append(m.stepCoef, sc)
	}
	m.initItems()
	if rho == 1 {
		sd := s.uncertaintyDrift()
		m.seStepScale = sd * sd / v
	}
	if err := m.fit(s.settings().core(ctx)); err != nil {
		return nil, err
	}

	// One affine map for the whole record: mean 0 and standard deviation 1
	// over all state-sessions, anchor positive on average.
	anchorSum, anchorSeen := 0.0, false
	for u, ui := range units {
		if ds.Country(ui.row).COW == anchor {
			anchorSum += m.theta[u]
			anchorSeen = true
		}
	}
	flip := 1.0
	if anchorSeen && anchorSum < 0 || !anchorSeen && orient(m.theta, nil, ds, anchor) < 0 {
		flip = -1
	}
	_, sd := standardize(m.theta)
	res.Iterations, res.Converged = m.iterations, m.converged
	res.Positions = make([]Position, 0, len(units))
	res.lagCorr = make([]float64, 0, len(units))
	for _, ch := range m.chains {
		for _, u := range ch {
			res.lagCorr = append(res.lagCorr, m.lagCorr[u])
			ui := units[u]
			res.Positions = append(res.Positions, Position{
				Country:    ds.Country(ui.row),
				Session:    ui.session,
				IdealPoint: flip * m.theta[u],
				SE:         math.Sqrt(m.curv[u]) / sd,
				Votes:      len(m.unitObs[u]),
			})
		}
	}
	return res, nil
}
