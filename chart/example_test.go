package chart_test

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"log"
	"os"
	"path/filepath"
	"slices"

	"gonum.org/v1/plot/vg"

	"github.com/unga-go/unga/alignment"
	"github.com/unga-go/unga/alignment/idealpoint"
	"github.com/unga-go/unga/chart"
	"github.com/unga-go/unga/cluster"
	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
)

// session74 returns the distances between fifteen states in session 74
// (1 - Voeten's agreement), ready to cluster.
func session74() *cluster.Labeled {
	ds, err := undata.Load()
	if err != nil {
		log.Fatal(err)
	}
	var states []votes.Country
	for _, key := range []string{"USA", "GBR", "FRA", "DEU", "RUS", "CHN", "IND", "BRA", "ZAF", "ISR", "CUB", "IRN", "SRB", "HRV", "ALB"} {
		c, err := votes.LookupCountry(key)
		if err != nil {
			log.Fatal(err)
		}
		states = append(states, c)
	}
	s := ds.Filter(votes.InSessions(74, 74)).SelectCountries(func(c votes.Country) bool { return slices.Contains(states, c) })
	m, err := alignment.AgreementMatrix(s, alignment.Agree, nil)
	if err != nil {
		log.Fatal(err)
	}
	l, err := cluster.Distances(m, 10)
	if err != nil {
		log.Fatal(err)
	}
	return l
}

// The blocs of fifteen states in session 74: a dendrogram and the agreement
// matrix in its order, written as PNG and SVG.
func Example() {
	l := session74()
	tree, err := l.Dendrogram(cluster.Average)
	if err != nil {
		log.Fatal(err)
	}
	part, err := l.Cut(cluster.Average, 3)
	if err != nil {
		log.Fatal(err)
	}
	blocs := chart.BlocsOf(part) // named by their best-known members
	dendrogram, err := chart.Dendrogram(tree, l.States, &chart.DendrogramOptions{Title: "Session 74", Blocs: blocs})
	if err != nil {
		log.Fatal(err)
	}
	heatmap, err := chart.Heatmap(l.Sim, l.States, &chart.HeatmapOptions{Title: "Session 74", Order: tree.Leaves(), Blocs: blocs})
	if err != nil {
		log.Fatal(err)
	}

	dir, err := os.MkdirTemp("", "chart")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	for _, name := range []string{"dendrogram.png", "dendrogram.svg", "heatmap.png", "heatmap.svg"} {
		c := dendrogram
		if name[0] == 'h' {
			c = heatmap
		}
		if err := c.Save(filepath.Join(dir, name)); err != nil {
			log.Fatal(err)
		}
		fmt.Println("wrote", name)
	}
	// Output:
	// wrote dendrogram.png
	// wrote dendrogram.svg
	// wrote heatmap.png
	// wrote heatmap.svg
}

// A map of fifteen states by their agreement in session 74, coloured by
// k-medoids bloc, with Serbia's label placed first.
func ExampleMap() {
	l := session74()
	m, err := l.MDS(2)
	if err != nil {
		log.Fatal(err)
	}
	part, err := l.KMedoids(3)
	if err != nil {
		log.Fatal(err)
	}
	srb, err := votes.LookupCountry("Serbia")
	if err != nil {
		log.Fatal(err)
	}
	c, err := chart.Map(m, l.States, &chart.MapOptions{
		Title:  "Session 74",
		Blocs:  chart.BlocsOf(part),
		Always: []votes.Country{srb},
	})
	if err != nil {
		log.Fatal(err)
	}
	var svg bytes.Buffer
	if err := c.WriteSVG(&svg); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%.0f inches wide, Serbia labelled: %v\n", c.Width/vg.Inch, bytes.Contains(svg.Bytes(), []byte(">SRB<")))
	// Output:
	// 11 inches wide, Serbia labelled: true
}

// The ideal points of Serbia, Russia and the United States in sessions
// 70-74 (2015-2019), with their 95% intervals (±1.96 standard errors) as
// bands.
func ExampleLines() {
	ds, err := undata.Load()
	if err != nil {
		log.Fatal(err)
	}
	res, err := idealpoint.EstimateDynamic(context.Background(), ds.Filter(votes.InSessions(70, 74)), nil)
	if err != nil {
		log.Fatal(err)
	}
	var lines []chart.Line
	for _, key := range []string{"USA", "SRB", "RUS"} {
		c, err := votes.LookupCountry(key)
		if err != nil {
			log.Fatal(err)
		}
		l := chart.Line{Name: c.Name}
		l.X, l.Y, l.Lo, l.Hi = res.Series(c, idealpoint.Level)
		lines = append(lines, l)
	}
	c, err := chart.Lines(lines, &chart.LinesOptions{Title: "Ideal points", XLabel: "session", YLabel: "ideal point"})
	if err != nil {
		log.Fatal(err)
	}
	var buf bytes.Buffer
	if err := c.WritePNG(&buf); err != nil {
		log.Fatal(err)
	}
	cfg, err := png.DecodeConfig(&buf)
	if err != nil {
		log.Fatal(err)
	}
	// 9 × 5.5 inches at 150 dots per inch.
	fmt.Printf("%d lines, %d × %d pixels\n", len(lines), cfg.Width, cfg.Height)
	// Output:
	// 3 lines, 1350 × 825 pixels
}
