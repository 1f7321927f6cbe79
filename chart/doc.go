// Package chart draws the pictures an analysis of the General Assembly's
// votes usually ends with.
//
// They are a dendrogram of the states, their agreement
// matrix as a heatmap in dendrogram order, a map of the states (classical
// MDS) coloured by bloc, and lines with uncertainty bands (ideal points over
// sessions, or any series with an interval), with marks across them (change
// points and the interval for their date: LinesOptions.Marks).
//
// Each function takes library types (a *cluster.Dendrogram, a *cluster.Map,
// any mat.Symmetric such as alignment.Matrix.Scores) or plain slices, with the
// states as []votes.Country beside them in the same order, and returns a
// *Chart: a gonum/plot *plot.Plot that can still be changed (a title, an axis
// label, another plotter) and the size at which its labels are readable.
// Chart.Save writes PNG or SVG by the file's extension; WritePNG and WriteSVG
// write to any io.Writer.
//
//	l, err := cluster.Distances(m, 10) // m: an alignment.Matrix of a session
//	if err != nil {
//		return err
//	}
//	tree, err := l.Dendrogram(cluster.Ward)
//	if err != nil {
//		return err
//	}
//	blocs, err := l.Cut(cluster.Ward, 5)
//	if err != nil {
//		return err
//	}
//	c, err := chart.Dendrogram(tree, l.States, &chart.DendrogramOptions{Blocs: chart.BlocsOf(blocs)})
//	if err != nil {
//		return err
//	}
//	err = c.Save("blocs.png")
//
// The series of the library give Lines its X, Y, Lo and Hi in one call:
// idealpoint.DynamicFit.Series for a state's ideal points with their
// band, alignment.SeriesBootstrap.Series for a score by session or year
// with its bootstrap interval, and alignment.XY for any other series of
// scores (a group's cohesion, a pair's scores):
//
//	x, y, lo, hi := sb.Series() // sb from alignment.BootstrapPairSeries
//	c, err := chart.Lines([]chart.Line{{Name: "SRB-RUS", X: x, Y: y, Lo: lo, Hi: hi}}, nil)
//
// Lines draws a long series (thousands of points, a score per roll call)
// in pieces of at most 64 points, so that writing it as PNG takes time
// linear in its points, where one path takes time quadratic in them.
//
// Blocs are coloured alike in every chart (Tableau's ten categorical colours,
// which most colour-blind readers tell apart), so a dendrogram, a heatmap and
// a map of the same partition can be read side by side. Text is set in
// Liberation Sans, which gonum/plot embeds, so the pictures look the same on
// every machine.
//
// Dimension mismatches (labels, states or an order of the wrong length) are
// programmer errors and panic, with "chart:" first, as gonum does. A value
// that cannot be drawn (NaN or infinite coordinates, a band whose low end
// lies above its high end, a cell outside a colour scale the caller set) or
// an option value out of its range (an empty colour scale, an order that is
// not a permutation, a negative bloc label) is an error wrapping
// ErrNotFinite or ErrRange.
package chart
