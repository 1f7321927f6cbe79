package cluster

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mat"
)

// LouvainOptions tune Louvain. A nil pointer or the zero value means
// resolution 1 and seed 0; a negative, NaN or infinite resolution is an
// error wrapping ErrInvalidOptions.
type LouvainOptions struct {
	// Resolution is γ of Reichardt and Bornholdt's modularity: above 1 it
	// favours more, smaller communities. Zero means 1.
	Resolution float64
	// Seed seeds the random order in which nodes are visited; the same
	// seed gives the same communities.
	Seed uint64
}

// Communities is a partition found by modularity maximisation.
type Communities struct {
	Partition
	// Resolution is the γ used.
	Resolution float64
	// Q is the modularity of the partition at that resolution, as gonum's
	// community.Q computes it on the weighted graph.
	Q float64
}

// String prints the resolution, the modularity and the communities.
func (c *Communities) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "resolution %.3g: %d communities, Q = %.4f\n", c.Resolution, c.K(), c.Q)
	c.write(&b)
	return b.String()
}

// Louvain finds communities in the weighted undirected graph whose edge
// weights are the off-diagonal entries of sim (for instance the agreement
// index between states; the diagonal is ignored), maximising
//
//	Q = 1/2m Σ_ij [A_ij - γ k_i k_j / 2m] δ(c_i, c_j)
//
// with the method of Blondel, Guillaume, Lambiotte and Lefebvre (2008): move
// single nodes to the neighbouring community that raises Q most until none
// does, merge each community into one node, repeat. Nodes are visited in a
// random order drawn once per level from opts.Seed; a node moves only for a
// strictly larger gain, and among equal gains to the community first met
// scanning its neighbours in index order. The communities returned are those
// of the last level, numbered in order of their first item.
//
// In the General Assembly agreement is so widespread that resolution 1 often
// finds one or two giant blocs; ScanResolution shows what larger γ separate
// (Macon, Mucha and Porter 2012).
//
// The error wraps ErrInvalidOptions for a negative, NaN or infinite resolution,
// ErrTooFew for an empty matrix, ErrNaN, ErrInfinite or ErrNegative for a
// bad weight, and ErrEmptyGraph when all weights are zero.
func Louvain(sim mat.Symmetric, opts *LouvainOptions) (*Communities, error) {
	var set LouvainOptions
	if opts != nil {
		set = *opts
	}
	if set.Resolution == 0 {
		set.Resolution = 1
	}
	if err := checkResolution("LouvainOptions.Resolution", set.Resolution); err != nil {
		return nil, err
	}
	w, err := weights(sim)
	if err != nil {
		return nil, err
	}
	return louvain(w, sim.SymmetricDim(), set), nil
}

// weights returns the dense adjacency matrix of the similarity graph with a
// zero diagonal after checking the entries.
func weights(sim mat.Symmetric) ([]float64, error) {
	n := sim.SymmetricDim()
	if n < 1 {
		return nil, fmt.Errorf("%w: empty similarity matrix", ErrTooFew)
	}
	w := make([]float64, n*n)
	var total float64
	err := upper(sim, false, func(i, j int, v float64) error {
		if err := checkValue("sim", i, j, v); err != nil {
			return err
		}
		w[i*n+j], w[j*n+i] = v, v
		total += v
		return nil
	})
	if err != nil {
		return nil, err
	}
	if total == 0 {
		return nil, fmt.Errorf("%w: %d items", ErrEmptyGraph, n)
	}
	// Modularity depends on the weights only through their ratios to the
	// total: scaling huge weights by a power of two (exact) keeps the
	// total finite and changes nothing else.
	scaleDown(w)
	return w, nil
}

func louvain(w []float64, n int, s LouvainOptions) *Communities {
	gamma := s.Resolution
	rng := rand.New(rand.NewPCG(s.Seed, 0x9e3779b97f4a7c15))
	// member[i] is the node of the current level that item i belongs to.
	member := make([]int, n)
	for i := range member {
		member[i] = i
	}
	var twoM float64
	for _, v := range w {
		twoM += v
	}
	N := n
	for {
		comm := moveNodes(w, N, gamma, twoM, rng)
		// Renumber communities by first node, and stop when nothing merged.
		renum := make([]int, N)
		for i := range renum {
			renum[i] = -1
		}
		C := 0
		for _, c := range comm {
			if renum[c] < 0 {
				renum[c] = C
				C++
			}
		}
		for i := range member {
			member[i] = renum[comm[member[i]]]
		}
		if C == N {
			break
		}
		agg := make([]float64, C*C)
		for i := range N {
			ci := renum[comm[i]] * C
			for j, v := range w[i*N : i*N+N] {
				agg[ci+renum[comm[j]]] += v
			}
		}
		w, N = agg, C
	}
	p := Partition{Labels: member}
	return &Communities{Partition: p, Resolution: gamma, Q: modularity(w, N, gamma, twoM)}
}

// moveNodes runs the first phase of Louvain on the N-node graph w (self
// loops on the diagonal) and returns the community of each node.
func moveNodes(w []float64, N int, gamma, twoM float64, rng *rand.Rand) []int {
	k := make([]float64, N)
	comm := make([]int, N)
	tot := make([]float64, N)
	for i := range N {
		for _, v := range w[i*N : i*N+N] {
			k[i] += v
		}
		comm[i], tot[i] = i, k[i]
	}
	order := rng.Perm(N)
	acc := make([]float64, N)
	seen := make([]bool, N)
	touched := make([]int, 0, N)
	for sweep := 0; sweep < 1000; sweep++ {
		var gained float64
		for _, i := range order {
			row := w[i*N : i*N+N]
			touched = touched[:0]
			for j, v := range row {
				if v == 0 || j == i {
					continue
				}
				c := comm[j]
				if !seen[c] {
					seen[c] = true
					touched = append(touched, c)
				}
				acc[c] += v
			}
			own := comm[i]
			tot[own] -= k[i]
			// The gain of joining c, up to the factor 1/m, is
			// k_i,in(c) - γ k_i tot(c) / 2m.
			f := gamma * k[i] / twoM
			best, bestGain := own, 0.0
			ownGain := acc[own] - f*tot[own]
			for _, c := range touched {
				if g := acc[c] - f*tot[c]; g > bestGain {
					best, bestGain = c, g
				}
			}
			if best != own && bestGain-ownGain > 1e-13*k[i] {
				gained += bestGain - ownGain
			} else {
				best = own
			}
			comm[i] = best
			tot[best] += k[i]
			for _, c := range touched {
				acc[c], seen[c] = 0, false
			}
		}
		if gained == 0 {
			break
		}
	}
	return comm
}

// modularity returns Q of the partition in which every node of the N-node
// graph w is its own community (the last Louvain level).
func modularity(w []float64, N int, gamma, twoM float64) float64 {
	var q float64
	for i := range N {
		var k float64
		for _, v := range w[i*N : i*N+N] {
			k += v
		}
		q += w[i*N+i]/twoM - gamma*(k/twoM)*(k/twoM)
	}
	return q
}

// Scan is the result of ScanResolution: one Communities per resolution.
type Scan []*Communities

// String prints one line per resolution: γ, the number of communities,
// the sizes of the largest three and Q.
func (s Scan) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%10s %11s %-14s %8s\n", "resolution", "communities", "largest", "Q")
	for _, c := range s {
		sizes := c.Sizes()
		slices.SortFunc(sizes, func(a, b int) int { return cmp.Compare(b, a) })
		var top []string
		for _, z := range sizes[:min(3, len(sizes))] {
			top = append(top, fmt.Sprint(z))
		}
		fmt.Fprintf(&b, "%10s %11d %-14s %8.4f\n", strconv.FormatFloat(c.Resolution, 'f', -1, 64), c.K(), strings.Join(top, " "), c.Q)
	}
	return b.String()
}

// ScanResolution runs Louvain at each resolution (opts.Resolution is ignored;
// opts.Seed is used for every run) and returns the results in the same order.
// Each resolution must be positive and finite (the error wraps
// ErrInvalidOptions); the other errors are those of Louvain.
func ScanResolution(sim mat.Symmetric, resolutions []float64, opts *LouvainOptions) (Scan, error) {
	var set LouvainOptions
	if opts != nil {
		set = *opts
	}
	var w []float64
	var scan Scan
	for _, r := range resolutions {
		if err := checkResolution("resolution", r); err != nil {
			return nil, err
		}
		if w == nil {
			var err error
			if w, err = weights(sim); err != nil {
				return nil, err
			}
		}
		set.Resolution = r
		// louvain aggregates into new slices and never writes w.
		scan = append(scan, louvain(w, sim.SymmetricDim(), set))
	}
	return scan, nil
}

// checkResolution reports a resolution that is not positive and finite.
func checkResolution(field string, r float64) error {
	if r <= 0 || math.IsNaN(r) || math.IsInf(r, 0) {
		return fmt.Errorf("%w: %s = %v, want a positive finite number", ErrInvalidOptions, field, r)
	}
	return nil
}
