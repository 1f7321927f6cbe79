package idealpoint

import (
	"math"
	"slices"

	par "github.com/unga-go/unga/internal/parallel"
	"gonum.org/v1/gonum/mat"
)

// symCov is a symmetric 3x3 matrix packed as 00, 01, 02, 11, 12, 22.
type symCov [6]float64

// itemCovariances sets m.itemCov to the inverse of the negative Hessian of
// every item's log posterior at the mode, θ fixed: the Laplace covariance
// of its cut points and discrimination. A binary item's (g, b) block sits
// at indices 0 and 2.
func (m *model) itemCovariances(workers int) {
	m.itemCov = make([]symCov, m.nItem)
	parallel(m.nItem, workers, func(lo, hi int) {
		for j := lo; j < hi; j++ {
			_, h := m.itemGradHess(j)
			var a [3][3]float64
			for r := range 3 {
				for c := r; c < 3; c++ {
					a[r][c], a[c][r] = -h[r][c], -h[r][c]
				}
			}
			if m.binary[j] {
				// 2x2 on (g, b).
				det := a[0][0]*a[2][2] - a[0][2]*a[0][2]
				if !(det > 0) {
					continue
				}
				m.itemCov[j] = symCov{a[2][2] / det, 0, -a[0][2] / det, 0, 0, a[0][0] / det}
				continue
			}
			inv, ok := inv3(a)
			if !ok {
				continue
			}
			m.itemCov[j] = symCov{inv[0][0], inv[0][1], inv[0][2], inv[1][1], inv[1][2], inv[2][2]}
		}
	})
}

// inv3 inverts a symmetric positive definite 3x3 matrix.
func inv3(a [3][3]float64) (inv [3][3]float64, ok bool) {
	for c := range 3 {
		var e, x [3]float64
		e[c] = 1
		if !solve3(&a, &e, &x) {
			return inv, false
		}
		for r := range 3 {
			inv[r][c] = x[r]
		}
	}
	return inv, true
}

// crossDerivs returns the cross derivatives ∂²ℓ/∂θ∂(g1, g2, b) of the
// log probability of vote o (o.k an item) at θ = t (binary items: g at
// index 0, index 1 zero).
func (m *model) crossDerivs(o obs, t float64) (h [3]float64) {
	j := o.k
	b := m.b[j]
	l, up := bounds(o.v, m.g1[j], m.g2[j], b*t)
	dl, du, dll, duu, dlu := derivs(l, up)
	li, ui := cutIndex(o.v, m.binary[j])
	if li >= 0 {
		h[li] += -b * (dll + dlu)
	}
	if ui >= 0 {
		h[ui] += -b * (dlu + duu)
	}
	h[2] = -(dl + du) + b*t*(dll+2*dlu+duu)
	return h
}

// cholFactor returns the lower Cholesky factor of a packed symmetric
// covariance (a zero row and column, as of a binary item, stay zero).
func cholFactor(c symCov) (l [3][3]float64, ok bool) {
	a := [3][3]float64{{c[0], c[1], c[2]}, {c[1], c[3], c[4]}, {c[2], c[4], c[5]}}
	for j := range 3 {
		d := a[j][j]
		for k := range j {
			d -= l[j][k] * l[j][k]
		}
		if d == 0 && a[j][j] == 0 {
			continue // an unused parameter
		}
		if !(d > 0) {
			return l, false
		}
		l[j][j] = math.Sqrt(d)
		for i := j + 1; i < 3; i++ {
			v := a[i][j]
			for k := range j {
				v -= l[i][k] * l[j][k]
			}
			l[i][j] = v / l[j][j]
		}
	}
	return l, true
}

// integrateItems replaces m.curv, the variance of each position with the
// roll-call parameters held at their modes, by a Laplace approximation
// with them integrated out, session by session. For the positions θ of
// one session and the parameters β of its roll calls, the joint negative
// Hessian is [[P, B], [Bᵀ, D]]; integrating β out leaves the precision
// P - B D⁻¹ Bᵀ for θ, whose inverse's diagonal is the new variance. P is
// the precision of each position from its path (1/m.curv: its own votes
// and what the random walk brings from the other sessions), D⁻¹ the items'
// Laplace covariances (m.itemCov), B the cross derivatives of the votes.
// The product B D⁻¹ Bᵀ is dense within a session: it carries the
// uncertainty a session's roll calls share, such as how far the bloc that
// votes together on most of them stands from the rest, and the shift and
// rescaling of the session that the likelihood cannot see. A session
// whose matrix is not positive definite keeps the fixed-item variances.
func (m *model) integrateItems(workers int) {
	ng := m.groups()
	unitsOf := make([][]int32, ng)
	itemsOf := make([][]int32, ng)
	local := make([]int32, m.nUnit)
	for u := range m.nUnit {
		g := m.group(int32(u))
		local[u] = int32(len(unitsOf[g]))
		unitsOf[g] = append(unitsOf[g], int32(u))
	}
	for j := range m.nItem {
		g := m.igroup(j)
		itemsOf[g] = append(itemsOf[g], int32(j))
	}
	// One session per call, not parallel's blocks of 64: a session's
	// factorisation is worth a goroutine. Handing the sessions out to
	// whichever goroutine is free balances the small early ones against
	// the large late ones; each session is independent, so the result
	// does not depend on the split.
	par.For(ng, workers, func(_, g int) {
		m.integrateSession(unitsOf[g], itemsOf[g], local, ng == 1)
	})
}

// integrateSession does one session of integrateItems. If standardized,
// the session is the whole fit, whose positions are reported as
// z = (θ - mean)/sd over its states; the variance is then that of z (times
// sd², as m.curv is on the scale of θ), by the delta method: the shift and
// the rescaling of all positions together are not uncertainty of the
// reported positions.
func (m *model) integrateSession(units, items []int32, local []int32, standardized bool) {
	n := len(units)
	if n == 0 {
		return
	}
	s := mat.NewSymDense(n, nil)
	for i, u := range units {
		s.SetSym(i, i, 1/m.curv[u])
	}
	w := mat.NewDense(n, 3*len(items), nil)
	for c, j := range items {
		l, ok := cholFactor(m.itemCov[j])
		if !ok {
			continue
		}
		for _, o := range m.itemObs[j] {
			h := m.crossDerivs(obs{j, o.v}, m.theta[o.k])
			// Row of B·L: hᵀL.
			for q := range 3 {
				v := 0.0
				for r := q; r < 3; r++ {
					v += h[r] * l[r][q]
				}
				w.Set(int(local[o.k]), 3*c+q, v)
			}
		}
	}
	s.SymRankK(s, -1, w)
	var chol mat.Cholesky
	if !chol.Factorize(s) {
		return
	}
	var inv mat.SymDense
	if err := chol.InverseTo(&inv); err != nil {
		return
	}
	var a, bz []float64 // Σ1 and Σz
	var z []float64
	var sumA, sumB, zb float64
	nf := float64(n)
	if standardized {
		z = make([]float64, n)
		for i, u := range units {
			z[i] = m.theta[u]
		}
		standardize(z)
		a, bz = make([]float64, n), make([]float64, n)
		for i := range n {
			for k := range n {
				v := inv.At(i, k)
				a[i] += v
				bz[i] += v * z[k]
			}
		}
		for i := range n {
			sumA += a[i]
			sumB += bz[i]
			zb += z[i] * bz[i]
		}
	}
	for i, u := range units {
		v := inv.At(i, i)
		if standardized {
			// gᵀΣg with g = e_i - 1/n - z_i·z/n (times 1/sd).
			v += -2*a[i]/nf + sumA/(nf*nf) - 2*z[i]*(bz[i]-sumB/nf)/nf + z[i]*z[i]*zb/(nf*nf)
		}
		if v > 0 && !math.IsInf(v, 0) {
			m.curv[u] = v
		}
	}
}

// chainVariances sets m.curv to the posterior variance of every position
// under the random walk with its step variances multiplied by scale, the
// roll calls held at the fit, and m.seTheta to the positions at which it
// is taken: the Laplace approximation of that posterior at its own mode,
// found path by path by Newton steps from the fitted positions. The
// curvature at the fitted positions would mix two priors: the smoothing
// drift placed them, and under the looser one a state's own votes pull
// each of its positions elsewhere (a state that moves away from its path
// for a few sessions, a session whose votes place it further out), where
// the curvature of its likelihood differs.
func (m *model) chainVariances(workers int, scale float64) {
	m.seTheta = slices.Clone(m.theta)
	parallel(len(m.chains), workers, func(lo, hi int) {
		var cb chainBuf
		for c := lo; c < hi; c++ {
			m.pathMode(c, scale, &cb)
		}
	})
}

// pathMode moves chain c's positions in m.seTheta to the mode of its
// posterior with the roll calls fixed and the step variances multiplied by
// scale, and stores the diagonal of the inverse negative Hessian there in
// m.curv. The log posterior is concave in the path, so damped Newton steps
// converge; a path that stops improving keeps its last point.
func (m *model) pathMode(c int, scale float64, cb *chainBuf) {
	ch := m.chains[c]
	cb.resize(len(ch))
	x := cb.xs
	for k, u := range ch {
		x[k] = m.seTheta[u]
	}
	for range maxPathNewton {
		if mx := m.newtonStep(c, x, scale, cb); !(mx > pathTol) {
			break
		}
		if !m.lineSearch(c, x, cb.x, scale, cb) {
			break
		}
	}
	m.pathSystem(c, x, scale, cb.g, cb.diag, cb.off)
	for k, u := range ch {
		m.seTheta[u] = x[k]
	}
	tridiagInverseDiag(cb.diag, cb.off, m.curv, m.lagCorr, ch, cb)
}

// Newton steps of pathMode: it stops when no position moves by more than
// pathTol (on the scale of the prior) or after maxPathNewton steps.
const (
	pathTol       = 1e-6
	maxPathNewton = 30
)
