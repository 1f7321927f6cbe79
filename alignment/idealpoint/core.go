package idealpoint

import (
	"context"
	"math"

	par "github.com/unga-go/unga/internal/parallel"
	"gonum.org/v1/gonum/mat"
)

// Vote codes of the core model.
const (
	cYes     = 1
	cAbstain = 2
	cNo      = 3
)

// obs is one cast vote seen from an item (k is a unit) or from a unit (k is
// an item).
type obs struct {
	k int32
	v int8
}

// model is the ordinal probit item response model on plain indices: units
// are positions (a state, or a state in one session), items are roll calls
// (or groups of identical roll calls), chains link the units of one state
// over time with a Gaussian random walk. A static fit has chains of length
// one.
type model struct {
	nUnit, nItem int
	itemObs      [][]obs
	unitObs      [][]obs
	binary       []bool // item without abstentions: one cut point (g1 == g2)

	chains   [][]int32   // units in time order; every unit in exactly one chain
	stepVar  [][]float64 // stepVar[c][k]: variance of the step into chains[c][k], k ≥ 1
	stepCoef [][]float64 // stepCoef[c][k]: θ_k ~ N(stepCoef·θ_{k-1}, stepVar)
	firstVar float64     // prior variance of the first unit of a chain
	varB     float64     // prior variance of discriminations
	varG     float64     // prior variance of cut points

	// Groups (sessions) of units and items, for the ridge moves; nil
	// slices mean one group.
	nGroup               int
	unitGroup, itemGroup []int32

	theta     []float64
	g1, g2, b []float64
	curv      []float64 // posterior variance of each unit, given the items
	// lagCorr[u] is the posterior correlation of unit u with the unit
	// before it in its chain (0 for the first), from the same tridiagonal
	// curvature as curv before the items are integrated out. The
	// precision of a path is tridiagonal, so its positions are a Markov
	// chain and the correlation of two positions of a path is the product
	// of the lag correlations between them.
	lagCorr []float64
	// seStepScale, if positive, multiplies the step variances of the
	// random walk for the standard errors (not for the mode).
	seStepScale float64
	// seTheta holds the positions at which the standard errors are taken
	// when seStepScale is set: the mode of each path under the scaled
	// random walk, the roll calls at the fit (see chainVariances).
	seTheta    []float64
	itemCov    []symCov // Laplace covariance of each item's parameters; nil: items held fixed
	iterations int
	converged  bool
	delta      float64
}

// coreSettings are the numerical settings of a fit.
type coreSettings struct {
	maxIter  int
	tol      float64
	workers  int
	ctx      context.Context // nil: never cancelled
	progress func(Progress)
}

// report calls the progress callback, if any.
func (cs *coreSettings) report(stage string, sweep int, change float64) {
	if cs.progress != nil {
		cs.progress(Progress{Stage: stage, Sweep: sweep, MaxIter: cs.maxIter, Change: change})
	}
}

// err returns the context's error, if it is done.
func (cs *coreSettings) err() error {
	if cs.ctx == nil {
		return nil
	}
	return cs.ctx.Err()
}

// parallel runs f on [0,n) split into contiguous blocks of 64 or more
// (parallel.Blocks); the split depends only on n and workers, so results
// are deterministic.
func parallel(n, workers int, f func(lo, hi int)) {
	par.Blocks(n, max(min(par.Workers(n, workers), n/64), 1), f)
}

// bounds gives the latent interval of vote v for an item with cut points
// g1 ≤ g2 and linear predictor e = b·θ.
func bounds(v int8, g1, g2, e float64) (l, u float64) {
	switch v {
	case cYes:
		return math.Inf(-1), g1 - e
	case cAbstain:
		return g1 - e, g2 - e
	}
	return g2 - e, math.Inf(1)
}

// itemLogPost is the log posterior of item j at (g1, g2, b), θ fixed.
func (m *model) itemLogPost(j int, g1, g2, b float64) float64 {
	if !m.binary[j] && g2 <= g1 {
		return math.Inf(-1)
	}
	f := -0.5 * b * b / m.varB
	if m.binary[j] {
		f -= 0.5 * g1 * g1 / m.varG
	} else {
		f -= 0.5 * (g1*g1 + g2*g2) / m.varG
	}
	for _, o := range m.itemObs[j] {
		l, u := bounds(o.v, g1, g2, b*m.theta[o.k])
		f += logProb(l, u)
	}
	return f
}

// itemGradHess returns the gradient and Hessian of item j's log
// posterior at its current parameters, θ fixed, in the order g1, g2, b
// (binary: g, unused, b). Only h[r][c] with r ≤ c is filled.
func (m *model) itemGradHess(j int) (gr [3]float64, h [3][3]float64) {
	g1, g2, b := m.g1[j], m.g2[j], m.b[j]
	bin := m.binary[j]
	gr[2] = -b / m.varB
	h[2][2] = -1 / m.varB
	if bin {
		gr[0] = -g1 / m.varG
		h[0][0] = -1 / m.varG
	} else {
		gr[0], gr[1] = -g1/m.varG, -g2/m.varG
		h[0][0], h[1][1] = -1/m.varG, -1/m.varG
	}
	for _, o := range m.itemObs[j] {
		t := m.theta[o.k]
		l, u := bounds(o.v, g1, g2, b*t)
		dl, du, dll, duu, dlu := derivs(l, u)
		li, ui := cutIndex(o.v, bin)
		if li >= 0 {
			gr[li] += dl
			h[li][li] += dll
			h[li][2] -= t * (dll + dlu)
		}
		if ui >= 0 {
			gr[ui] += du
			h[ui][ui] += duu
			h[ui][2] -= t * (duu + dlu)
		}
		if li >= 0 && ui >= 0 {
			h[li][ui] += dlu
			h[ui][li] += dlu
		}
		gr[2] -= t * (dl + du)
		h[2][2] += t * t * (dll + duu + 2*dlu)
	}
	return gr, h
}

// cutIndex returns the index among (g1, g2, b) of the cut point at the
// lower and the upper bound of vote v's latent interval, -1 for an
// infinite bound; a binary item's one cut point is at index 0.
func cutIndex(v int8, binary bool) (li, ui int) {
	li, ui = -1, -1
	switch v {
	case cYes:
		ui = 0
	case cAbstain:
		li, ui = 0, 1
	default:
		li = 1
	}
	if binary {
		li, ui = min(li, 0), min(ui, 0)
	}
	return li, ui
}

// updateItem takes one damped Newton step on item j's parameters.
func (m *model) updateItem(j int) {
	g1, g2, b := m.g1[j], m.g2[j], m.b[j]
	bin := m.binary[j]
	gr, h := m.itemGradHess(j)
	var step [3]float64
	if bin {
		// 2x2 system on (g, b).
		a, c, d := -h[0][0], -h[0][2], -h[2][2]
		det := a*d - c*c
		if !(det > 0) || !(a > 0) {
			return
		}
		step[0] = (d*gr[0] - c*gr[2]) / det
		step[2] = (a*gr[2] - c*gr[0]) / det
		step[1] = step[0]
	} else {
		var a [3][3]float64
		for r := range 3 {
			for c := range 3 {
				hrc := h[r][c]
				if c < r {
					hrc = h[c][r]
				}
				a[r][c] = -hrc
			}
		}
		if !solve3(&a, &gr, &step) {
			return
		}
	}
	// Large steps happen only far from the mode; capping them keeps the
	// cut points ordered and the iteration monotone in few halvings.
	mx := math.Max(math.Abs(step[0]), math.Max(math.Abs(step[1]), math.Abs(step[2])))
	if mx > 2 {
		s := 2 / mx
		step[0], step[1], step[2] = step[0]*s, step[1]*s, step[2]*s
	}
	if mx < smallStep && (bin || g2+step[1] > g1+step[0]) {
		// Near the mode a Newton step on a concave function is an ascent
		// step; checking it would double the cost of a sweep.
		m.g1[j], m.g2[j], m.b[j] = g1+step[0], g2+step[1], b+step[2]
		return
	}
	f := m.itemLogPost(j, g1, g2, b)
	for range 30 {
		n1, n2, nb := g1+step[0], g2+step[1], b+step[2]
		if bin {
			n2 = n1
		}
		if fn := m.itemLogPost(j, n1, n2, nb); fn >= f {
			m.g1[j], m.g2[j], m.b[j] = n1, n2, nb
			return
		}
		step[0], step[1], step[2] = step[0]/2, step[1]/2, step[2]/2
	}
}

// solve3 solves a·x = y for a symmetric positive definite 3x3 a by Cholesky
// and reports false if a is not positive definite.
func solve3(a *[3][3]float64, y, x *[3]float64) bool {
	l00 := a[0][0]
	if !(l00 > 0) {
		return false
	}
	l00 = math.Sqrt(l00)
	l10 := a[1][0] / l00
	l20 := a[2][0] / l00
	l11 := a[1][1] - l10*l10
	if !(l11 > 0) {
		return false
	}
	l11 = math.Sqrt(l11)
	l21 := (a[2][1] - l20*l10) / l11
	l22 := a[2][2] - l20*l20 - l21*l21
	if !(l22 > 0) {
		return false
	}
	l22 = math.Sqrt(l22)
	z0 := y[0] / l00
	z1 := (y[1] - l10*z0) / l11
	z2 := (y[2] - l20*z0 - l21*z1) / l22
	x[2] = z2 / l22
	x[1] = (z1 - l21*x[2]) / l11
	x[0] = (z0 - l10*x[1] - l20*x[2]) / l00
	return true
}

// unitDerivs returns the first two derivatives of the log-likelihood of
// unit u's votes at position t.
func (m *model) unitDerivs(u int, t float64) (d1, d2 float64) {
	for _, o := range m.unitObs[u] {
		j := o.k
		b := m.b[j]
		l, up := bounds(o.v, m.g1[j], m.g2[j], b*t)
		dl, du, dll, duu, dlu := derivs(l, up)
		d1 -= b * (dl + du)
		d2 += b * b * (dll + duu + 2*dlu)
	}
	return d1, d2
}

// unitLogLik is the log-likelihood of unit u's votes at position t.
func (m *model) unitLogLik(u int, t float64) float64 {
	f := 0.0
	for _, o := range m.unitObs[u] {
		j := o.k
		l, up := bounds(o.v, m.g1[j], m.g2[j], m.b[j]*t)
		f += logProb(l, up)
	}
	return f
}

// pathLogPost is chain c's log posterior at x, the roll calls fixed and
// the step variances multiplied by scale (1: the fit's own prior).
func (m *model) pathLogPost(c int, x []float64, scale float64) float64 {
	ch, sv := m.chains[c], m.stepVar[c]
	f := -0.5 * x[0] * x[0] / m.firstVar
	for k, u := range ch {
		if k > 0 {
			d := x[k] - m.stepCoef[c][k]*x[k-1]
			f -= 0.5 * d * d / (sv[k] * scale)
		}
		f += m.unitLogLik(int(u), x[k])
	}
	return f
}

// pathSystem sets g, diag and off to the gradient and the negative Hessian
// (diagonal and subdiagonal, off[k] the entry (k, k-1)) of chain c's log
// posterior at x, the roll calls fixed and the step variances multiplied
// by scale (1: the fit's own prior).
func (m *model) pathSystem(c int, x []float64, scale float64, g, diag, off []float64) {
	ch, sv := m.chains[c], m.stepVar[c]
	for k, u := range ch {
		d1, d2 := m.unitDerivs(int(u), x[k])
		g[k], diag[k], off[k] = d1, -d2, 0
	}
	g[0] -= x[0] / m.firstVar
	diag[0] += 1 / m.firstVar
	for k := 1; k < len(ch); k++ {
		r, v := m.stepCoef[c][k], sv[k]*scale
		d := x[k] - r*x[k-1]
		g[k] -= d / v
		g[k-1] += r * d / v
		diag[k] += 1 / v
		diag[k-1] += r * r / v
		off[k] = -r / v
	}
	for k := range diag {
		// The log-likelihood of an ordinal probit is concave in θ, so the
		// diagonal is positive; guard against rounding anyway.
		if !(diag[k] > 1e-12) {
			diag[k] = 1e-12
		}
	}
}

// chainBuf is per-worker scratch space for chain updates.
type chainBuf struct {
	g, diag, off, x, cp, dp, xs, trial []float64
}

func (cb *chainBuf) resize(n int) {
	if cap(cb.g) < n {
		cb.g = make([]float64, n)
		cb.diag = make([]float64, n)
		cb.off = make([]float64, n)
		cb.x = make([]float64, n)
		cb.cp = make([]float64, n)
		cb.dp = make([]float64, n)
		cb.xs = make([]float64, n)
		cb.trial = make([]float64, n)
	}
	cb.g, cb.diag, cb.off, cb.x = cb.g[:n], cb.diag[:n], cb.off[:n], cb.x[:n]
	cb.cp, cb.dp, cb.xs, cb.trial = cb.cp[:n], cb.dp[:n], cb.xs[:n], cb.trial[:n]
}

// newtonStep sets cb.x to the Newton step of chain c's log posterior at x
// (step variances multiplied by scale), shortened to a largest move of 1,
// and returns its largest move before shortening. It leaves the negative
// Hessian at x in cb.diag and cb.off. The Hessian of a random-walk path
// is tridiagonal, so the step is a Thomas-algorithm solve: the Kalman
// smoother of a Gaussian state-space model in another guise.
func (m *model) newtonStep(c int, x []float64, scale float64, cb *chainBuf) float64 {
	g, diag, off, step := cb.g, cb.diag, cb.off, cb.x
	m.pathSystem(c, x, scale, g, diag, off)
	// Thomas algorithm on the symmetric tridiagonal (diag, off).
	n := len(x)
	cp, dp := cb.cp, cb.dp
	den := diag[0]
	dp[0] = g[0] / den
	for k := 1; k < n; k++ {
		cp[k-1] = off[k] / den
		den = diag[k] - off[k]*cp[k-1]
		dp[k] = (g[k] - off[k]*dp[k-1]) / den
	}
	step[n-1] = dp[n-1]
	for k := n - 2; k >= 0; k-- {
		step[k] = dp[k] - cp[k]*step[k+1]
	}
	mx := 0.0
	for _, s := range step {
		mx = math.Max(mx, math.Abs(s))
	}
	if mx > 1 {
		for k := range step {
			step[k] /= mx
		}
	}
	return mx
}

// lineSearch moves x along step, halved up to 30 times until chain c's log
// posterior (step variances multiplied by scale) does not fall, and
// reports whether it moved.
func (m *model) lineSearch(c int, x, step []float64, scale float64, cb *chainBuf) bool {
	trial := cb.trial
	f := m.pathLogPost(c, x, scale)
	for range 30 {
		for k := range x {
			trial[k] = x[k] + step[k]
		}
		if m.pathLogPost(c, trial, scale) >= f {
			copy(x, trial)
			return true
		}
		for k := range step {
			step[k] /= 2
		}
	}
	return false
}

// updateChain takes one damped Newton step on the positions of chain c.
// When last is true it also stores the posterior variances (diagonal of
// the inverse negative Hessian) in m.curv.
func (m *model) updateChain(c int, cb *chainBuf, last bool) {
	ch := m.chains[c]
	cb.resize(len(ch))
	x, step := cb.xs, cb.x
	for k, u := range ch {
		x[k] = m.theta[u]
	}
	mx := m.newtonStep(c, x, 1, cb)
	var accepted bool
	if mx < smallStep {
		for k := range x {
			x[k] += step[k]
		}
		accepted = true
	} else {
		accepted = m.lineSearch(c, x, step, 1, cb)
	}
	if accepted {
		for k, u := range ch {
			m.theta[u] = x[k]
		}
	}
	if last {
		if accepted {
			// The curvature at the accepted point.
			m.pathSystem(c, x, 1, cb.g, cb.diag, cb.off)
		}
		tridiagInverseDiag(cb.diag, cb.off, m.curv, m.lagCorr, ch, cb)
	}
}

// tridiagInverseDiag stores the diagonal of the inverse of the symmetric
// positive definite tridiagonal matrix (diag, off) into dst at the
// positions idx, by forward and backward elimination (O(n)), and, if corr
// is not nil, the correlation of each position with the one before it
// (the inverse's (k-1, k) entry over the two standard deviations) into
// corr at the same positions, 0 for the first.
func tridiagInverseDiag(diag, off, dst, corr []float64, idx []int32, cb *chainBuf) {
	n := len(diag)
	// Forward pivots dF and backward pivots dB; (A⁻¹)kk = 1/(dF[k]+dB[k]-diag[k]).
	fw, bw := cb.cp, cb.dp
	fw[0] = diag[0]
	for k := 1; k < n; k++ {
		fw[k] = diag[k] - off[k]*off[k]/fw[k-1]
	}
	bw[n-1] = diag[n-1]
	for k := n - 2; k >= 0; k-- {
		bw[k] = diag[k] - off[k+1]*off[k+1]/bw[k+1]
	}
	prev, prevOK := 0.0, false
	for k := range n {
		v := 1 / (fw[k] + bw[k] - diag[k])
		ok := v > 0 && !math.IsInf(v, 0)
		if !ok {
			v = m0var
		}
		dst[idx[k]] = v
		if corr != nil {
			// Column k of the inverse above the diagonal: x[k-1] =
			// -off[k]/fw[k-1]·x[k] (back substitution of the LDLᵀ
			// factorisation whose pivots are fw).
			r := 0.0
			if k > 0 && ok && prevOK {
				r = -off[k] / fw[k-1] * v / math.Sqrt(prev*v)
				r = max(-1, min(1, r))
			}
			corr[idx[k]] = r
		}
		prev, prevOK = v, ok
	}
}

// smallStep is the largest Newton step taken without a line search.
const smallStep = 0.2

// m0var replaces a variance that rounding made meaningless.
const m0var = 1.0

// ridge moves the parameters along the directions in which the
// likelihood is flat: in every group (a session), a shift of its positions
// absorbed by its roll calls' cut points, and a rescaling of its positions
// against its roll calls' discriminations. Only the priors (and the random
// walk between sessions) pin these directions down, weakly, so block
// updates crawl along them; jumping to the prior's optimum along them
// saves most of the iterations.
func (m *model) ridge() {
	h0, q := m.scaleSystem()
	if sc, ok := minimizeScale(h0, q); ok {
		for u := range m.theta {
			m.theta[u] *= sc[m.group(int32(u))]
		}
		for j := range m.b {
			m.b[j] /= sc[m.igroup(j)]
		}
	}
	h, lin := m.shiftSystem()
	var chol mat.Cholesky
	if !chol.Factorize(h) {
		return
	}
	var sh mat.VecDense
	if err := chol.SolveVecTo(&sh, mat.NewVecDense(len(lin), lin)); err != nil {
		return
	}
	for u := range m.theta {
		m.theta[u] -= sh.AtVec(m.group(int32(u)))
	}
	for j := range m.nItem {
		a := -sh.AtVec(m.igroup(j))
		m.g1[j] += m.b[j] * a
		m.g2[j] += m.b[j] * a
	}
}

func (m *model) groups() int { return max(m.nGroup, 1) }

func (m *model) group(u int32) int {
	if m.unitGroup == nil {
		return 0
	}
	return int(m.unitGroup[u])
}

func (m *model) igroup(j int) int {
	if m.itemGroup == nil {
		return 0
	}
	return int(m.itemGroup[j])
}

// scaleSystem returns the terms of the prior along the scale directions
// (θ *= c_s, b /= c_s per group): F(c) = ½cᵀH₀c + ½Σ Q_s/c_s², convex for
// c > 0 (the random walk couples the groups).
func (m *model) scaleSystem() (h0 *mat.SymDense, q []float64) {
	ng := m.groups()
	q = make([]float64, ng)
	for j, b := range m.b {
		q[m.igroup(j)] += b * b / m.varB
	}
	h0 = mat.NewSymDense(ng, nil)
	add := func(r, c int, v float64) { h0.SetSym(r, c, h0.At(r, c)+v) }
	for ci, ch := range m.chains {
		t0 := m.theta[ch[0]]
		add(m.group(ch[0]), m.group(ch[0]), t0*t0/m.firstVar)
		for k := 1; k < len(ch); k++ {
			u, w := ch[k], ch[k-1]
			gu, gw := m.group(u), m.group(w)
			v, r := m.stepVar[ci][k], m.stepCoef[ci][k]
			tu, tw := m.theta[u], r*m.theta[w]
			if gu == gw {
				add(gu, gu, (tu-tw)*(tu-tw)/v)
				continue
			}
			add(gu, gu, tu*tu/v)
			add(gw, gw, tw*tw/v)
			add(gu, gw, -tu*tw/v)
		}
	}
	return h0, q
}

// shiftSystem returns the quadratic of the prior along the shift
// directions (θ += a_s, g += b·a_s per group): ½aᵀHa - linᵀa + const.
func (m *model) shiftSystem() (h *mat.SymDense, lin []float64) {
	ng := m.groups()
	h = mat.NewSymDense(ng, nil)
	lin = make([]float64, ng)
	for ci, ch := range m.chains {
		g0 := m.group(ch[0])
		h.SetSym(g0, g0, h.At(g0, g0)+1/m.firstVar)
		lin[g0] += m.theta[ch[0]] / m.firstVar
		for k := 1; k < len(ch); k++ {
			u, w := ch[k], ch[k-1]
			gu, gw := m.group(u), m.group(w)
			if gu == gw {
				continue
			}
			v, r := m.stepVar[ci][k], m.stepCoef[ci][k]
			d := m.theta[u] - r*m.theta[w]
			h.SetSym(gu, gu, h.At(gu, gu)+1/v)
			h.SetSym(gw, gw, h.At(gw, gw)+r*r/v)
			h.SetSym(gu, gw, h.At(gu, gw)-r/v)
			lin[gu] += d / v
			lin[gw] -= r * d / v
		}
	}
	for j := range m.nItem {
		s, b := m.igroup(j), m.b[j]
		k := 2.0
		gsum := m.g1[j] + m.g2[j]
		if m.binary[j] {
			k, gsum = 1, m.g1[j]
		}
		h.SetSym(s, s, h.At(s, s)+k*b*b/m.varG)
		lin[s] += b * gsum / m.varG
	}
	return h, lin
}

// minimizeScale minimises F(c) = ½cᵀH₀c + ½Σ q_s/c_s² over c > 0 by
// damped Newton steps from c = 1. Groups with q_s = 0 keep c_s = 1.
func minimizeScale(h0 *mat.SymDense, q []float64) ([]float64, bool) {
	n := len(q)
	c := make([]float64, n)
	for s := range c {
		c[s] = 1
	}
	free := make([]bool, n)
	for s := range n {
		free[s] = q[s] > 0 && h0.At(s, s) > 0
	}
	f := func(c []float64) float64 {
		v := 0.0
		for r := range n {
			for k := range n {
				v += 0.5 * c[r] * h0.At(r, k) * c[k]
			}
			if free[r] {
				v += 0.5 * q[r] / (c[r] * c[r])
			}
		}
		return v
	}
	h := mat.NewSymDense(n, nil)
	g := mat.NewVecDense(n, nil)
	var step mat.VecDense
	var chol mat.Cholesky
	nc := make([]float64, n)
	fc := f(c)
	for range 50 {
		for r := range n {
			gr := 0.0
			for k := range n {
				gr += h0.At(r, k) * c[k]
				if r <= k {
					v := h0.At(r, k)
					if !free[r] || !free[k] {
						v = 0
						if r == k {
							v = 1
						}
					}
					h.SetSym(r, k, v)
				}
			}
			if free[r] {
				gr -= q[r] / (c[r] * c[r] * c[r])
				h.SetSym(r, r, h.At(r, r)+3*q[r]/(c[r]*c[r]*c[r]*c[r]))
			} else {
				gr = 0
			}
			g.SetVec(r, gr)
		}
		if !chol.Factorize(h) || chol.SolveVecTo(&step, g) != nil {
			return nil, false
		}
		t := 1.0
		ok := false
		for range 40 {
			pos := true
			for s := range n {
				nc[s] = c[s] - t*step.AtVec(s)
				pos = pos && nc[s] > 0
			}
			if pos {
				if fn := f(nc); fn <= fc {
					ok = true
					copy(c, nc)
					small := fc-fn < 1e-12*(1+math.Abs(fc))
					fc = fn
					if small {
						return c, true
					}
					break
				}
			}
			t /= 2
		}
		if !ok {
			break
		}
	}
	return c, true
}

// initItems sets cut points from the marginal vote shares, discriminations
// to zero.
func (m *model) initItems() {
	for j := range m.nItem {
		var n [4]float64
		for _, o := range m.itemObs[j] {
			n[o.v]++
		}
		tot := n[1] + n[2] + n[3] + 1.5
		p1 := (n[1] + 0.5) / tot
		p2 := (n[1] + n[2] + 1) / tot
		m.g1[j] = normQuantile(p1)
		if m.binary[j] {
			m.g2[j] = m.g1[j]
		} else {
			m.g2[j] = normQuantile(p2)
		}
		m.b[j] = 0
	}
}

// fit alternates item and position updates until the largest change of a
// position falls below tol or maxIter sweeps are done. It checks the
// context between sweeps (a sweep of the whole record takes tens of
// milliseconds) and returns its error if it is done.
func (m *model) fit(cs coreSettings) error {
	m.curv = make([]float64, m.nUnit)
	m.lagCorr = make([]float64, m.nUnit)
	prev := make([]float64, m.nUnit)
	// Items first: at the start they carry no information about θ.
	for range 3 {
		parallel(m.nItem, cs.workers, func(lo, hi int) {
			for j := lo; j < hi; j++ {
				m.updateItem(j)
			}
		})
	}
	m.converged = false
	for it := 1; it <= cs.maxIter; it++ {
		if err := cs.err(); err != nil {
			return err
		}
		copy(prev, m.theta)
		parallel(m.nItem, cs.workers, func(lo, hi int) {
			for j := lo; j < hi; j++ {
				m.updateItem(j)
			}
		})
		m.sweepChains(cs, false)
		m.ridge()
		d := 0.0
		for u, t := range m.theta {
			d = math.Max(d, math.Abs(t-prev[u]))
		}
		m.iterations, m.delta = it, d
		cs.report("fit", it, d)
		if d < cs.tol {
			m.converged = true
			break
		}
	}
	if err := cs.err(); err != nil {
		return err
	}
	cs.report("uncertainty", m.iterations, m.delta)
	// The standard errors: the curvature of each state's path with the
	// roll-call parameters integrated out (Laplace), plus the directions
	// the likelihood cannot see.
	m.sweepChains(cs, true)
	if err := cs.err(); err != nil {
		return err
	}
	if m.seStepScale > 0 && m.seStepScale != 1 {
		m.chainVariances(cs.workers, m.seStepScale)
		// The roll calls are integrated out at the same positions as the
		// paths' curvature: m.theta stands for m.seTheta meanwhile.
		m.theta, m.seTheta = m.seTheta, m.theta
		m.itemCovariances(cs.workers)
		m.integrateItems(cs.workers)
		m.theta, m.seTheta = m.seTheta, m.theta
	} else {
		m.itemCovariances(cs.workers)
		m.integrateItems(cs.workers)
	}
	if err := cs.err(); err != nil {
		return err
	}
	return nil
}

func (m *model) sweepChains(cs coreSettings, last bool) {
	parallel(len(m.chains), cs.workers, func(lo, hi int) {
		var cb chainBuf
		for c := lo; c < hi; c++ {
			m.updateChain(c, &cb, last)
		}
	})
}
