package main

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/unga-go/unga/cluster"
)

// resolutions are the Louvain resolutions scanned, 1 to 1.1 by 0.005:
// agreement is so common and so even that at 1 the Assembly splits in two,
// and by 1.1 most states stand alone (session 74: 91 communities).
var resolutions = func() []float64 {
	var rs []float64
	for r := 1000; r <= 1100; r += 5 {
		rs = append(rs, float64(r)/1000)
	}
	return rs
}()

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
	var labels, medoids []int // medoids: for k-medoids
	var cost float64
	switch cfg.method {
	case "kmedoids":
		part, err := cluster.KMedoids(ses.dist, cfg.k)
		if err != nil {
			return nil, err
		}
		labels = part.Labels
		medoids, cost = part.Medoids, part.Cost
	case "louvain":
		scan, err := cluster.ScanResolution(ses.sim, resolutions, nil)
		if err != nil {
			return nil, err
		}
		// Scan's own String rounds γ to three figures, too coarse here.
		p.say("The scan over the resolution γ (Q: modularity at that γ):")
		p.say("%-7s %6s  %-16s %8s", "γ", "blocs", "largest", "Q")
		for _, c := range scan {
			sizes := c.Sizes()
			slices.SortFunc(sizes, func(a, b int) int { return b - a })
			top := fmt.Sprint(sizes[:min(3, len(sizes))])
			p.say("%-7.3f %6d  %-16s %8.4f", c.Resolution, c.K(), top, c.Q)
		}
		pick := scan[len(scan)-1]
		for _, c := range scan {
			if c.K() >= cfg.k {
				pick = c
				break
			}
		}
		if pick.K() < cfg.k {
			p.say("No resolution up to %.3f gives %d blocs.", pick.Resolution, cfg.k)
		}
		p.say("Taking γ = %.3f: %d blocs, Q = %.4f.", pick.Resolution, pick.K(), pick.Q)
		labels = pick.Labels
	default:
		if labels, err = tree.CutK(cfg.k); err != nil {
			return nil, err
		}
		// The cut is drawn between the merge that makes k blocs and the
		// one that makes k-1; with k = n (every state alone) below the
		// first merge.
		n := tree.Len()
		if tree.Inversions() == 0 && cfg.k > 1 {
			below := 0.0
			if cfg.k < n {
				below = tree.Steps[n-cfg.k-1].Height
			}
			res.cut = (below + tree.Steps[n-cfg.k].Height) / 2
		}
	}
	res.labels = renumber(labels, res.leaves)
	if medoids != nil {
		names := make([]string, len(medoids))
		for _, i := range medoids {
			// Each medoid is in its own bloc (cluster.KMedoids): name
			// them in the blocs' order.
			names[res.labels[i]] = ses.countries[i].Name
		}
		p.say("Medoids, bloc by bloc: %s; total distance to them %.3f.", strings.Join(names, ", "), cost)
	}
	// With one bloc the silhouette width is undefined (there is no other
	// bloc to be closer to): NaN, as the CSV writes it, not 0, which would
	// read as "on the border".
	res.silhouette.mean = math.NaN()
	res.silhouette.widths = make([]float64, len(res.labels))
	for i := range res.silhouette.widths {
		res.silhouette.widths[i] = math.NaN()
	}
	if slices.Max(res.labels) > 0 {
		if res.silhouette.widths, res.silhouette.mean, err = cluster.Silhouette(ses.dist, res.labels); err != nil {
			return nil, err
		}
	}
	res.blocs = makeBlocs(ses, res.labels, res.silhouette.widths)
	return res, nil
}
