package main

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/mds"

	"github.com/unga-go/unga/alignment"
	"github.com/unga-go/unga/cluster"
	"github.com/unga-go/unga/votes"
)

// prepare keeps the states of m with at least minN joint votes with every
// other kept state and returns their agreement and distance matrices and the
// states left out.
func prepare(m *alignment.Matrix, minN int) (*session, []votes.Country, error) {
	n := len(m.Countries)
	kept := make([]bool, n)
	for i := range n {
		kept[i] = true
	}
	// Drop, one at a time, the state with the most pairs short of minN, so
	// that a state that never voted goes first and takes no one with it.
	for {
		worst, most := -1, 0
		for i := range n {
			if !kept[i] {
				continue
			}
			short := 0
			for j := range n {
				if kept[j] && m.N(i, j) < minN {
					short++
				}
			}
			if short > most {
				worst, most = i, short
			}
		}
		if worst < 0 {
			break
		}
		kept[worst] = false
	}
	var idx []int
	var dropped []votes.Country
	for i := range n {
		if kept[i] {
			idx = append(idx, i)
		} else {
			dropped = append(dropped, m.Countries[i])
		}
	}
	ses := &session{sim: mat.NewSymDense(len(idx), nil), dist: mat.NewSymDense(len(idx), nil)}
	for a, i := range idx {
		ses.countries = append(ses.countries, m.Countries[i])
		for b := a; b < len(idx); b++ {
			s := m.Scores.At(i, idx[b])
			if math.IsNaN(s) {
				return nil, nil, fmt.Errorf("agreement of %s and %s is NaN", m.Countries[i].Name, m.Countries[idx[b]].Name)
			}
			ses.sim.SetSym(a, b, s)
			ses.dist.SetSym(a, b, 1-s)
		}
	}
	return ses, dropped, nil
}

// blocs partitions the session's states as cfg asks, and prints what it did.
func blocs(ses *session, cfg *config, p *printer) (*result, error) {
	p.say("%s", methodNote(cfg))
	treeMethod := cluster.Average
	if cfg.isLinkage() {
		treeMethod = cfg.linkage
	}
	tree, err := cluster.Hierarchical(ses.dist, treeMethod)
	if err != nil {
		return nil, err
	}
	res := &result{tree: tree, leaves: tree.Leaves(), cut: math.NaN()}
	var labels []int
	switch cfg.method {
	case "kmedoids", "louvain":
		return nil, fmt.Errorf("-method %s: not in package cluster yet", cfg.method)
	default:
		if labels, err = tree.CutK(cfg.k); err != nil {
			return nil, err
		}
		n := tree.Len()
		if tree.Inversions() == 0 && cfg.k > 1 {
			res.cut = (tree.Steps[n-cfg.k-1].Height + tree.Steps[n-cfg.k].Height) / 2
		}
	}
	res.labels = renumber(labels, res.leaves)
	res.blocs = makeBlocs(ses, res.labels)
	res.silhouette = silhouetteOf(ses, res.labels)
	return res, nil
}

// silhouetteOf returns Rousseeuw's silhouette widths of the partition.
func silhouetteOf(ses *session, labels []int) silhouette {
	n := len(labels)
	k := 0
	for _, l := range labels {
		k = max(k, l+1)
	}
	size := make([]int, k)
	for _, l := range labels {
		size[l]++
	}
	s := silhouette{widths: make([]float64, n)}
	if k < 2 {
		return s
	}
	sum := make([]float64, k)
	for i := range n {
		clear(sum)
		for j := range n {
			sum[labels[j]] += ses.dist.At(i, j)
		}
		own := labels[i]
		if size[own] == 1 {
			continue // a singleton's width is 0
		}
		a := sum[own] / float64(size[own]-1)
		b := math.Inf(1)
		for c := range k {
			if c != own && size[c] > 0 {
				b = min(b, sum[c]/float64(size[c]))
			}
		}
		s.widths[i] = (b - a) / max(a, b)
		s.mean += s.widths[i]
	}
	s.mean /= float64(n)
	return s
}

// mdsMap returns classical MDS coordinates of the states and the share of
// variance (of the positive eigenvalues) each of the two dimensions explains.
func mdsMap(ses *session) ([][2]float64, [2]float64, error) {
	var dst mat.Dense
	k, eig := mds.TorgersonScaling(&dst, make([]float64, len(ses.countries)), ses.dist)
	if k < 2 {
		return nil, [2]float64{}, fmt.Errorf("classical MDS found %d positive eigenvalues, need 2", k)
	}
	var pos float64
	for _, e := range eig {
		if e > 0 {
			pos += e
		}
	}
	n := len(ses.countries)
	xy := make([][2]float64, n)
	for i := range n {
		xy[i] = [2]float64{dst.At(i, 0), dst.At(i, 1)}
	}
	return xy, [2]float64{eig[0] / pos, eig[1] / pos}, nil
}
