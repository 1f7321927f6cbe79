package main

import (
	"fmt"

	"github.com/unga-go/unga/chart"
	"github.com/unga-go/unga/cluster"
	"github.com/unga-go/unga/examples/internal/cli"
	"github.com/unga-go/unga/votes"
)

// drawPictures writes the dendrogram, the heatmap and the map, each as PNG
// and SVG, into cfg.out, and with a bootstrap (rep not nil) the heatmap of
// how often each pair shares a bloc, and returns the files written.
func drawPictures(ses *session, res *result, rep *cluster.BlocStability, cfg *config) ([]string, error) {
	names := make([]string, len(res.blocs))
	for b, bl := range res.blocs {
		names[b] = bl.name
	}
	blocs := chart.Blocs{Labels: res.labels, Names: names}

	what := cfg.linkage.String() + " linkage"
	if !cfg.isLinkage() {
		what = "average linkage; colours: " + cfg.method + " blocs"
	}
	tree, err := chart.Dendrogram(res.tree, ses.countries, &chart.DendrogramOptions{
		Title:  fmt.Sprintf("Session %d: dendrogram of 1 - agreement (%s)", cfg.session, what),
		XLabel: fmt.Sprintf("merge height (%s linkage on 1 - agreement)", res.tree.Method),
		Blocs:  blocs,
		Cut:    res.cut,
	})
	if err != nil {
		return nil, err
	}
	heat, err := chart.Heatmap(ses.sim, ses.countries, &chart.HeatmapOptions{
		Title: fmt.Sprintf("Session %d: agreement of every pair of states, in dendrogram order", cfg.session),
		Order: res.leaves,
		Blocs: blocs,
	})
	if err != nil {
		return nil, err
	}
	m, err := cluster.MDS(ses.dist, 2)
	if err != nil {
		return nil, err
	}
	always, prefer, err := labelFirst(ses)
	if err != nil {
		return nil, err
	}
	mds, err := chart.Map(m, ses.countries, &chart.MapOptions{
		Title:  fmt.Sprintf("Session %d: map of the states by agreement (classical MDS), coloured by bloc", cfg.session),
		Blocs:  blocs,
		Always: always,
		Prefer: prefer,
	})
	if err != nil {
		return nil, err
	}

	type picture struct {
		name string
		c    *chart.Chart
	}
	pics := []picture{{"dendrogram", tree}, {"heatmap", heat}, {"mds", mds}}
	if rep != nil {
		// rep.Countries are ses.countries (stability checks it), so the
		// dendrogram's order and the blocs apply as they are.
		together, err := chart.Heatmap(rep.Together, rep.Countries, &chart.HeatmapOptions{
			Title: fmt.Sprintf("Session %d: share of %d resamples in which each pair of states shares a bloc, in dendrogram order", cfg.session, rep.Resamples),
			Value: "co-clustering frequency",
			Order: res.leaves,
			Blocs: blocs,
			Min:   0,
			Max:   1,
		})
		if err != nil {
			return nil, err
		}
		pics = append(pics, picture{"together", together})
	}
	var files []string
	for _, pic := range pics {
		fs, err := cli.SavePicture(pic.c, cfg.out, fmt.Sprintf("blocs%d-%s", cfg.session, pic.name))
		files = append(files, fs...)
		if err != nil {
			return files, err
		}
	}
	return files, nil
}

// labelFirst returns the states the map labels first: always the Balkan
// states (members on the session's first roll call) and Russia, then where
// there is room the best-known states, in the order that names the blocs
// (cluster.BestKnownISO3).
func labelFirst(ses *session) (always, prefer []votes.Country, err error) {
	if always, err = balkansAndRussia(ses); err != nil {
		return nil, nil, err
	}
	for _, iso := range cluster.BestKnownISO3() {
		c, err := votes.LookupCountry(iso)
		if err != nil {
			return nil, nil, err
		}
		prefer = append(prefer, c)
	}
	return always, prefer, nil
}
