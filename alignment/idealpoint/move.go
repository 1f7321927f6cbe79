package idealpoint

import (
	"errors"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/unga-go/unga/internal/tidy"
	"github.com/unga-go/unga/votes"
	"gonum.org/v1/gonum/stat/distuv"
)

// ErrNoPosition is returned by DynamicFit.Move for a state without a
// position in one of the two sessions (it cast no vote there, or the
// session was not estimated).
var ErrNoPosition = errors.New("idealpoint: no position")

// Move is the change of a state's ideal point between two sessions of a
// dynamic fit, with its standard error.
//
// The two positions lie on one path, linked by the random walk, and their
// posterior errors are positively correlated: what pulls a state's
// estimate up in one session pulls it up in the next. Their difference is
// therefore surer than the two standard errors combined as if
// independent, √(SE₁² + SE₂²), which overstates it. SE is
// √(SE₁² + SE₂² - 2ρ·SE₁·SE₂), with ρ (Corr) the correlation of the two
// positions in the Laplace approximation that gives their standard errors
// (the inverse of the path's tridiagonal negative Hessian under
// DynamicOptions.UncertaintyDrift; see the package documentation, "Scale,
// sign and uncertainty"). Integrating out the roll calls, which widens
// each SE by about 2%, is taken to keep that correlation. On paths
// simulated from the model and fitted at their true drift
// (TestMoveSECalibrated) the error of the change over its SE has a root
// mean square of 0.86 between neighbouring sessions (0.79 with the SEs
// combined as if independent) and 1.04 nine sessions apart. At the
// defaults the SE is wide between neighbouring sessions (0.51): the
// positions are smoothed by Drift, the SE allows the looser
// UncertaintyDrift, so Moved errs on the side of "not moved".
type Move struct {
	Country votes.Country
	// From and To are the state's positions in the two sessions, in the
	// order asked for.
	From, To Position
	// Change is To.IdealPoint - From.IdealPoint, on the fit's scale.
	Change float64
	// SE is the standard error of Change.
	SE float64
	// Corr is the posterior correlation of the two positions along the
	// state's path: near 1 for neighbouring sessions, falling with the
	// sessions between them.
	Corr float64
}

// Interval returns the normal interval of the change at the given coverage
// level: Change ± z SE, z the normal quantile of (1+level)/2. It panics if
// level is not in (0, 1).
func (mv Move) Interval(level float64) (lo, hi float64) {
	checkLevel(level)
	z := distuv.UnitNormal.Quantile((1 + level) / 2)
	return mv.Change - z*mv.SE, mv.Change + z*mv.SE
}

// Moved reports whether the change is larger than its uncertainty at the
// given level: |Change| > z SE, so that the Interval at that level
// excludes 0 (at Level, 0.95: |Change| > 1.96 SE). It panics if level is
// not in (0, 1).
func (mv Move) Moved(level float64) bool {
	lo, hi := mv.Interval(level)
	return lo > 0 || hi < 0
}

// String says the move in a sentence, with the 95% interval (Level).
func (mv Move) String() string {
	lo, hi := mv.Interval(Level)
	verdict := "within its uncertainty"
	if mv.Moved(Level) {
		verdict = "larger than its uncertainty"
	}
	return fmt.Sprintf("%s: %.2f in session %d, %.2f in session %d: change %+.2f, SE %.2f (%.2f if independent), 95%% interval [%.2f, %.2f], %s",
		mv.Country.Name, mv.From.IdealPoint, mv.From.Session, mv.To.IdealPoint, mv.To.Session,
		mv.Change, mv.SE, math.Hypot(mv.From.SE, mv.To.SE), lo, hi, verdict)
}

// Move returns state c's change between sessions from and to (in either
// order: Change is the position in to less that in from). It returns an
// error wrapping ErrNoPosition if c has no position in either session, and
// one for from == to or a result not made by EstimateDynamic (which keeps
// the correlations along the paths).
func (r *DynamicFit) Move(c votes.Country, from, to int) (Move, error) {
	if from == to {
		return Move{}, fmt.Errorf("idealpoint: Move of %s from session %d to itself", c, from)
	}
	if len(r.lagCorr) != len(r.Positions) {
		return Move{}, errors.New("idealpoint: Move needs a DynamicFit from EstimateDynamic, which keeps the correlations along the paths")
	}
	i, ok1 := r.index(c, from)
	j, ok2 := r.index(c, to)
	switch {
	case !ok1:
		return Move{}, fmt.Errorf("%w of %s in session %d", ErrNoPosition, c, from)
	case !ok2:
		return Move{}, fmt.Errorf("%w of %s in session %d", ErrNoPosition, c, to)
	}
	return r.move(i, j), nil
}

// Moves returns the change of every state with a position in both
// sessions, ordered by COW code. It returns an error wrapping
// ErrNoPosition if no state has one, and Move's other errors.
func (r *DynamicFit) Moves(from, to int) (Moves, error) {
	if from == to {
		return nil, fmt.Errorf("idealpoint: Moves from session %d to itself", from)
	}
	if len(r.lagCorr) != len(r.Positions) {
		return nil, errors.New("idealpoint: Moves needs a DynamicFit from EstimateDynamic, which keeps the correlations along the paths")
	}
	var out Moves
	for i, p := range r.Positions {
		if p.Session != from {
			continue
		}
		if j, ok := r.index(p.Country, to); ok {
			out = append(out, r.move(i, j))
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: no state has one in both sessions %d and %d", ErrNoPosition, from, to)
	}
	return out, nil
}

// index returns the index in r.Positions of c's position in session s.
func (r *DynamicFit) index(c votes.Country, s int) (int, bool) {
	return slices.BinarySearchFunc(r.Positions, [2]int{c.COW, s}, func(p Position, k [2]int) int {
		if p.Country.COW != k[0] {
			return p.Country.COW - k[0]
		}
		return p.Session - k[1]
	})
}

// move is the Move from Positions[i] to Positions[j], two positions of one
// path: their correlation is the product of the lag correlations between
// them (the path's precision is tridiagonal, so it is a Markov chain).
func (r *DynamicFit) move(i, j int) Move {
	a, b := r.Positions[i], r.Positions[j]
	rho := 1.0
	for k := min(i, j) + 1; k <= max(i, j); k++ {
		rho *= r.lagCorr[k]
	}
	return Move{
		Country: a.Country, From: a, To: b,
		Change: b.IdealPoint - a.IdealPoint,
		SE:     changeSE(a.SE, b.SE, rho),
		Corr:   rho,
	}
}

// changeSE is the standard error of the difference of two estimates with
// standard errors s1 and s2 and correlation rho.
func changeSE(s1, s2, rho float64) float64 {
	return math.Sqrt(max(0, s1*s1+s2*s2-2*rho*s1*s2))
}

// Moves are the changes of several states between two sessions.
type Moves []Move

// moveRow is one state's change between two sessions in tidy form.
type moveRow struct {
	ISO3      string  `csv:"iso3"`
	COW       int     `csv:"cow"`
	Name      string  `csv:"name"`
	From      int     `csv:"from"` // the sessions
	To        int     `csv:"to"`
	IdealFrom float64 `csv:"ideal_from"`
	IdealTo   float64 `csv:"ideal_to"`
	Change    float64 `csv:"change"` // IdealTo - IdealFrom
	SE        float64 `csv:"se"`     // of the change, with the correlation along the path
	Corr      float64 `csv:"corr"`   // of the two positions
	Lo        float64 `csv:"lo"`     // Change - 1.96 SE (Level 0.95)
	Hi        float64 `csv:"hi"`     // Change + 1.96 SE
	Moved     bool    `csv:"moved"`  // the interval excludes 0
}

// rows returns the rows of WriteCSV.
func (ms Moves) rows() []moveRow {
	out := make([]moveRow, len(ms))
	for k, mv := range ms {
		lo, hi := mv.Interval(Level)
		out[k] = moveRow{
			ISO3: mv.Country.ISO3, COW: mv.Country.COW, Name: mv.Country.Name,
			From: mv.From.Session, To: mv.To.Session,
			IdealFrom: mv.From.IdealPoint, IdealTo: mv.To.IdealPoint,
			Change: mv.Change, SE: mv.SE, Corr: mv.Corr, Lo: lo, Hi: hi, Moved: mv.Moved(Level),
		}
	}
	return out
}

// WriteCSV writes as tidy CSV, with a header line, one tidy row per state,
// in the order of ms.
func (ms Moves) WriteCSV(w io.Writer) error { return tidy.Write(w, ms.rows()) }
