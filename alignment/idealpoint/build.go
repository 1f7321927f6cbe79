package idealpoint

// newModel builds the core model from per-item vote lists (obs.k a unit
// index) for nUnit units. Chains default to one unit each (a static fit).
// Items must already be contested and units must have votes.
func newModel(nUnit int, items [][]obs) *model {
	m := &model{
		nUnit:    nUnit,
		nItem:    len(items),
		itemObs:  items,
		unitObs:  make([][]obs, nUnit),
		binary:   make([]bool, len(items)),
		firstVar: 1,
		varB:     defaultVarB,
		varG:     defaultVarG,
		theta:    make([]float64, nUnit),
		g1:       make([]float64, len(items)),
		g2:       make([]float64, len(items)),
		b:        make([]float64, len(items)),
	}
	cnt := make([]int, nUnit)
	for j, it := range items {
		abst := false
		for _, o := range it {
			cnt[o.k]++
			abst = abst || o.v == cAbstain
		}
		m.binary[j] = !abst
	}
	for u := range nUnit {
		m.unitObs[u] = make([]obs, 0, cnt[u])
	}
	for j, it := range items {
		for _, o := range it {
			m.unitObs[o.k] = append(m.unitObs[o.k], obs{int32(j), o.v})
		}
	}
	m.chains = make([][]int32, nUnit)
	m.stepVar = make([][]float64, nUnit)
	m.stepCoef = make([][]float64, nUnit)
	for u := range nUnit {
		m.chains[u] = []int32{int32(u)}
		m.stepVar[u] = []float64{0}
		m.stepCoef[u] = []float64{0}
	}
	return m
}

const (
	defaultVarB = 4.0  // discriminations: N(0, 2²) in a static fit
	defaultVarG = 25.0 // cut points: N(0, 5²)
	// dynamicVarB is tighter: pooled over many sessions, a bloc that is
	// always on one side (the Soviet bloc before 1990) is otherwise carried
	// far out by sharp roll calls, a known failure of joint posterior modes.
	dynamicVarB = 0.25
)

// contested reports whether an item has at least two different votes.
func contested(it []obs) bool {
	for _, o := range it[min(1, len(it)):] {
		if o.v != it[0].v {
			return true
		}
	}
	return false
}

// initPCA sets θ to the leading principal component of the mean-imputed
// unit-by-item matrix of vote codes (yes -1, abstain 0, no 1), found by
// power iteration from a fixed start, so that it is deterministic.
func (m *model) initPCA() {
	n := m.nUnit
	mean := make([]float64, m.nItem)
	for j, it := range m.itemObs {
		s := 0.0
		for _, o := range it {
			s += float64(o.v - 2)
		}
		if len(it) > 0 {
			mean[j] = s / float64(len(it))
		}
	}
	// Start from each unit's mean centred vote: close to the first
	// component on UN data, and never orthogonal to it by accident.
	v := make([]float64, n)
	for u, uo := range m.unitObs {
		for _, o := range uo {
			v[u] += float64(o.v-2) - mean[o.k]
		}
		v[u] += 1e-3 * float64(u%7)
	}
	w := make([]float64, m.nItem)
	for range 100 {
		normalize(v)
		// w = Xᵀv, v = Xw with missing cells at the item mean (zero after centring).
		clear(w)
		for u, uo := range m.unitObs {
			for _, o := range uo {
				w[o.k] += v[u] * (float64(o.v-2) - mean[o.k])
			}
		}
		nv := make([]float64, n)
		for u, uo := range m.unitObs {
			for _, o := range uo {
				nv[u] += w[o.k] * (float64(o.v-2) - mean[o.k])
			}
		}
		v = nv
	}
	normalize(v)
	copy(m.theta, v)
	standardize(m.theta)
}

func normalize(v []float64) {
	s := 0.0
	for _, x := range v {
		s += x * x
	}
	if s == 0 {
		return
	}
	s = 1 / sqrt(s)
	for i := range v {
		v[i] *= s
	}
}

// standardize rescales x to mean 0 and standard deviation 1 and returns
// the mean and standard deviation it removed.
func standardize(x []float64) (mean, sd float64) {
	if len(x) == 0 {
		return 0, 1
	}
	for _, v := range x {
		mean += v
	}
	mean /= float64(len(x))
	for _, v := range x {
		sd += (v - mean) * (v - mean)
	}
	sd = sqrt(sd / float64(len(x)))
	if sd == 0 {
		sd = 1
	}
	for i := range x {
		x[i] = (x[i] - mean) / sd
	}
	return mean, sd
}
