package main

import (
	"fmt"

	"github.com/unga-go/unga/cluster"
	"github.com/unga-go/unga/votes"
)

// bloc is one bloc of a partition.
type bloc struct {
	number  int   // from 1, in dendrogram order
	members []int // indices into session.countries, by COW code
	name    string
}

// memberNames returns the members' names, by COW code.
func (b *bloc) memberNames(cs []votes.Country) []string {
	names := make([]string, len(b.members))
	for k, i := range b.members {
		names[k] = cs[i].Name
	}
	return names
}

// result is a partition of a session's states and what the pictures need.
type result struct {
	labels     []int // bloc index (number-1) of each state
	blocs      []bloc
	tree       *cluster.Dendrogram // for the dendrogram and the heatmap order
	leaves     []int
	cut        float64 // height of the cut drawn on the dendrogram; NaN for none
	silhouette silhouette
}

// silhouette holds the silhouette widths of a partition.
type silhouette struct {
	mean   float64
	widths []float64
}

// renumber numbers the clusters of labels 0, 1, ... in the order their first
// member appears in leaves, so that blocs count from the top of the
// dendrogram and the heatmap.
func renumber(labels, leaves []int) []int {
	next := map[int]int{}
	for _, i := range leaves {
		if _, ok := next[labels[i]]; !ok {
			next[labels[i]] = len(next)
		}
	}
	out := make([]int, len(labels))
	for i, l := range labels {
		out[i] = next[l]
	}
	return out
}

// makeBlocs groups the states by label and names each bloc by its
// best-known members (cluster.Partition.Name).
func makeBlocs(ses *session, labels []int, widths []float64) []bloc {
	p := &cluster.Partition{Labels: labels, States: ses.countries, Silhouette: widths}
	bs := make([]bloc, p.K())
	for b := range bs {
		bs[b] = bloc{number: b + 1, members: p.Items(b), name: p.Name(b)}
	}
	return bs
}

// methodNote explains the method in a sentence.
func methodNote(cfg *config) string {
	switch cfg.method {
	case "kmedoids":
		return fmt.Sprintf("k-medoids (PAM) with k = %d on 1 - agreement: each bloc gathers around the state closest to the rest of it.", cfg.k)
	case "louvain":
		return fmt.Sprintf("Louvain modularity communities of the agreement graph, at the lowest resolution giving at least %d blocs: agreement is so common in the Assembly that resolution 1 finds only one or two.", cfg.k)
	}
	return fmt.Sprintf("Hierarchical clustering of 1 - agreement, %s linkage, cut into %d blocs.", cfg.linkage, cfg.k)
}
