package idealpoint

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gonum.org/v1/gonum/stat"
)

// simulate draws votes from the ordinal probit model with known positions.
func simulate(n, m int, missing float64, seed uint64) (truth []float64, items [][]obs) {
	rng := rand.New(rand.NewPCG(seed, 1))
	truth = make([]float64, n)
	for i := range truth {
		truth[i] = rng.NormFloat64()
	}
	for range m {
		b, g1, g2 := drawRollCall(rng)
		var it []obs
		for i, t := range truth {
			if rng.Float64() < missing {
				continue
			}
			it = append(it, obs{int32(i), drawVote(rng, b*t, g1, g2)})
		}
		if contested(it) {
			items = append(items, it)
		}
	}
	return truth, items
}

// drawRollCall draws a roll call's discrimination b (0.5 to 2 in absolute
// value, either sign) and ordered cut points g1 < g2.
func drawRollCall(rng *rand.Rand) (b, g1, g2 float64) {
	b = 0.5 + 1.5*rng.Float64()
	if rng.IntN(2) == 0 {
		b = -b
	}
	g1 = rng.NormFloat64()
	g2 = g1 + 0.2 + rng.Float64()
	return b, g1, g2
}

// drawVote draws the vote of a state with linear predictor e = b·θ on a
// roll call with cut points g1 < g2: yes below g1, abstain below g2, else
// no, with standard normal noise.
func drawVote(rng *rand.Rand, e, g1, g2 float64) int8 {
	z := e + rng.NormFloat64()
	switch {
	case z < g1:
		return cYes
	case z < g2:
		return cAbstain
	}
	return cNo
}

func TestRecoverySimulated(t *testing.T) {
	truth, items := simulate(200, 100, 0.1, 7)
	m := newModel(200, items)
	m.initPCA()
	m.initItems()
	m.fit(coreSettings{maxIter: 500, tol: 1e-6})
	r := stat.Correlation(truth, m.theta, nil)
	t.Logf("r=%.4f iterations=%d converged=%v delta=%g", r, m.iterations, m.converged, m.delta)
	if math.Abs(r) < 0.99 {
		t.Errorf("|r| = %.4f, want >= 0.99", math.Abs(r))
	}
}

// TestSECoverageSimulated: on votes drawn from the model (200 states, 100
// roll calls, 10% missing, five seeds), the errors of the standardized
// positions against the standardized truth, divided by their SE, should
// have a root mean square near 1 if the SEs are honest, and 95% of the
// truth should lie within ±1.96 SE.
func TestSECoverageSimulated(t *testing.T) {
	var sum2 float64
	var in, n int
	for seed := uint64(1); seed <= 5; seed++ {
		truth, items := simulate(200, 100, 0.1, seed)
		m := newModel(200, items)
		m.initPCA()
		m.initItems()
		if err := m.fit(coreSettings{maxIter: 500, tol: 1e-6}); err != nil {
			t.Fatal(err)
		}
		est := slices.Clone(m.theta)
		_, sd := standardize(est)
		tr := slices.Clone(truth)
		standardize(tr)
		if stat.Correlation(est, tr, nil) < 0 {
			for i := range est {
				est[i] = -est[i]
			}
		}
		for u := range est {
			se := math.Sqrt(m.curv[u]) / sd
			e := (est[u] - tr[u]) / se
			sum2 += e * e
			if math.Abs(e) < 1.96 {
				in++
			}
			n++
		}
	}
	rms, cover := math.Sqrt(sum2/float64(n)), float64(in)/float64(n)
	t.Logf("RMS of error/SE %.3f, coverage of ±1.96 SE %.3f over %d states", rms, cover, n)
	if rms < 0.85 || rms > 1.2 || cover < 0.92 || cover > 0.98 {
		t.Errorf("RMS error/SE = %.3f (want 0.85-1.2), coverage %.3f (want 0.92-0.98)", rms, cover)
	}
}
