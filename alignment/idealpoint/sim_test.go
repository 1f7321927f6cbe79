package idealpoint

import (
	"math"
	"math/rand/v2"
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
		b := 0.5 + 1.5*rng.Float64()
		if rng.IntN(2) == 0 {
			b = -b
		}
		g1 := rng.NormFloat64()
		g2 := g1 + 0.2 + rng.Float64()
		var it []obs
		for i, t := range truth {
			if rng.Float64() < missing {
				continue
			}
			z := b*t + rng.NormFloat64()
			v := int8(cNo)
			switch {
			case z < g1:
				v = cYes
			case z < g2:
				v = cAbstain
			}
			it = append(it, obs{int32(i), v})
		}
		if contested(it) {
			items = append(items, it)
		}
	}
	return truth, items
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
