package idealpoint

import "math"

var sqrt = math.Sqrt

const (
	invSqrt2   = 0.70710678118654752440
	logSqrt2Pi = 0.91893853320467274178
)

// normQuantile is Φ⁻¹(p) for 0 < p < 1.
func normQuantile(p float64) float64 { return -math.Sqrt2 * math.Erfcinv(2*p) }

// mills is the Mills ratio R(x) = (1-Φ(x))/φ(x). The direct quotient is
// exact enough until φ underflows; beyond x = 30 the asymptotic series has
// a relative error below 1e-10.
func mills(x float64) float64 {
	switch {
	case x > 30:
		x2 := 1 / (x * x)
		return (1 - x2*(1-x2*(3-15*x2))) / x
	case x < -37:
		// 1-Φ(x) is 1 to machine precision and φ(x) underflows.
		return math.Inf(1)
	}
	return 0.5 * math.Erfc(x*invSqrt2) / math.Exp(-0.5*x*x-logSqrt2Pi)
}

// derivs returns the first and second derivatives of the log-probability
// that a standard normal latent lies in (l, u), l < u, with respect to the
// two bounds. l may be -Inf (a yes) and u +Inf (a no). Tails are computed
// through the Mills ratio so that no term overflows or turns into NaN for
// any finite bound.
func derivs(l, u float64) (dl, du, dll, duu, dlu float64) {
	switch {
	case math.IsInf(l, -1):
		// log Φ(u) = log R(-u) + log φ(u).
		r := mills(-u)
		if math.IsInf(r, 1) {
			return 0, 0, 0, 0, 0
		}
		du = 1 / r
		duu = -du * (u + du)
		return 0, du, 0, duu, 0
	case math.IsInf(u, 1):
		// log(1-Φ(l)) = log R(l) + log φ(l).
		r := mills(l)
		if math.IsInf(r, 1) {
			return 0, 0, 0, 0, 0
		}
		h := 1 / r
		dl = -h
		dll = -h * (h - l)
		return dl, 0, dll, 0, 0
	}
	if u <= l {
		// Not reachable with ordered cut points; make it a very bad but
		// finite point so that line searches step back.
		return 0, 0, 0, 0, 0
	}
	var a, c float64 // a = φ(u)/P, c = φ(l)/P
	switch {
	case l >= 0 || u <= 0:
		// Both bounds in one tail: work in the upper tail (x ≥ 0), where
		// P = φ(lo)·(R(lo) - R(hi)·E) with E = φ(hi)/φ(lo).
		lo, hi, flip := l, u, false
		if u <= 0 {
			lo, hi, flip = -u, -l, true
		}
		e := math.Exp(-0.5 * (hi - lo) * (hi + lo))
		d := mills(lo) - mills(hi)*e
		if d < 1e-300 {
			d = 1e-300
		}
		clo, chi := 1/d, e/d // φ(lo)/P, φ(hi)/P
		if flip {
			a, c = clo, chi
		} else {
			a, c = chi, clo
		}
	default:
		p := 1 - 0.5*math.Erfc(u*invSqrt2) - 0.5*math.Erfc(-l*invSqrt2)
		a = math.Exp(-0.5*u*u-logSqrt2Pi) / p
		c = math.Exp(-0.5*l*l-logSqrt2Pi) / p
	}
	du, dl = a, -c
	duu = -u*a - a*a
	dll = l*c - c*c
	dlu = a * c
	return dl, du, dll, duu, dlu
}

// logProb is the log-probability that a standard normal latent lies in
// (l, u); -1e300 stands for an empty interval so that comparisons stay
// finite.
func logProb(l, u float64) float64 {
	switch {
	case math.IsInf(l, -1):
		r := mills(-u)
		if math.IsInf(r, 1) {
			return 0
		}
		return math.Log(r) - 0.5*u*u - logSqrt2Pi
	case math.IsInf(u, 1):
		r := mills(l)
		if math.IsInf(r, 1) {
			return 0
		}
		return math.Log(r) - 0.5*l*l - logSqrt2Pi
	case u <= l:
		return -1e300
	case l >= 0 || u <= 0:
		lo, hi := l, u
		if u <= 0 {
			lo, hi = -u, -l
		}
		e := math.Exp(-0.5 * (hi - lo) * (hi + lo))
		d := math.Max(mills(lo)-mills(hi)*e, 1e-300)
		return math.Log(d) - 0.5*lo*lo - logSqrt2Pi
	}
	return math.Log(1 - 0.5*math.Erfc(u*invSqrt2) - 0.5*math.Erfc(-l*invSqrt2))
}
