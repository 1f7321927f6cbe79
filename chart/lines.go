package chart

import (
	"fmt"
	"image/color"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Line is one series of a Lines chart: values Y at X (sessions, years),
// with an optional band from Lo to Hi (a confidence or credible interval).
type Line struct {
	// Name labels the line in the legend.
	Name string
	// X holds the positions along the horizontal axis, increasing; Y the
	// values. A NaN in Y leaves a gap (a session in which the state cast
	// no vote), so the line never bridges a missing value; a value alone
	// between gaps is drawn as a dot.
	X, Y []float64
	// Lo and Hi, if not nil, hold the ends of the band at each X. A NaN in
	// either leaves a gap in the band.
	Lo, Hi []float64
	// Width is the width of the line; zero means 1.5 points. A thin line
	// (0.7 points, say) puts a series in the background.
	Width vg.Length
	// Color is the colour of the line and, faded, of its band; nil means
	// Color(i) for the ith line.
	Color color.Color
}

// LinesOptions tune Lines. The zero value (or nil) draws the lines with no
// title or axis labels.
type LinesOptions struct {
	// Title is drawn above the lines; XLabel and YLabel label the axes.
	Title, XLabel, YLabel string
	// Marks are drawn behind the lines, each a dashed vertical line
	// across the plot with its span shaded: change points with the
	// interval for their date, or events.
	Marks []Mark
}

// Mark is a vertical line at X across a Lines chart, such as a change
// point, with an optional shaded span from Lo to Hi (the interval for its
// date) and a label at its top.
type Mark struct {
	// X is where the line is drawn; Lo and Hi bound the span, drawn if
	// Lo < Hi (the zero value draws none).
	X, Lo, Hi float64
	// Label is written at the top of the line, to its right, or on the
	// first line below where it overlaps no earlier mark's label.
	Label string
	// Color is the colour of the line and, faded, of its span; nil means
	// grey.
	Color color.Color
}

// Lines draws each line, its band behind it as a faded area, with a legend
// at the right of the lines. Marks and bands are drawn first, so neither
// hides a line.
//
// The error wraps ErrNotFinite for a NaN or infinite X or an infinite Y, Lo
// or Hi, or a mark's X, Lo or Hi that is not finite, and ErrRange if the X
// of a line do not increase or a band's Lo lies above its Hi. Lines panics if a line's Y, or its Lo or Hi when not nil,
// differ in length from its X.
func Lines(lines []Line, opts *LinesOptions) (*Chart, error) {
	return linesIn(lines, opts, maxPathPoints)
}

// linesIn is Lines with paths of at most piece points (piece ≥ 3).
func linesIn(lines []Line, opts *LinesOptions, piece int) (*Chart, error) {
	if opts == nil {
		opts = &LinesOptions{}
	}
	p := newPlot(9)
	p.Title.Text = opts.Title
	p.X.Label.Text, p.Y.Label.Text = opts.XLabel, opts.YLabel
	for _, m := range opts.Marks {
		if math.IsNaN(m.X) || math.IsInf(m.X, 0) || math.IsInf(m.Lo, 0) || math.IsInf(m.Hi, 0) || math.IsNaN(m.Lo) || math.IsNaN(m.Hi) {
			return nil, fmt.Errorf("%w: mark %q at %v (span %v to %v)", ErrNotFinite, m.Label, m.X, m.Lo, m.Hi)
		}
	}
	if len(opts.Marks) > 0 {
		p.Add(marks(opts.Marks))
	}
	var front []plot.Plotter
	for li, l := range lines {
		if err := l.check(); err != nil {
			return nil, err
		}
		col := l.Color
		if col == nil {
			col = Color(li)
		}
		width := l.Width
		if width == 0 {
			width = vg.Points(1.5)
		}
		var first *plotter.Line
		for _, seg := range segments(l.Y, nil) {
			xy := make(plotter.XYs, 0, seg[1]-seg[0])
			for k := seg[0]; k < seg[1]; k++ {
				xy = append(xy, plotter.XY{X: l.X[k], Y: l.Y[k]})
			}
			// Stroked in pieces that share their end segment, so that every
			// join is drawn (see maxPathPoints).
			for lo := 0; ; lo += piece - 2 {
				hi := min(lo+piece, len(xy))
				pl, err := plotter.NewLine(xy[lo:hi])
				if err != nil {
					return nil, fmt.Errorf("%w: line %q: %v", ErrNotFinite, l.Name, err)
				}
				pl.Color, pl.Width = col, width
				front = append(front, pl)
				if first == nil {
					first = pl
				}
				if hi == len(xy) {
					break
				}
			}
			if len(xy) == 1 {
				// A value with gaps on both sides would be a line of no
				// length: draw it as a dot.
				dot, err := plotter.NewScatter(xy)
				if err != nil {
					return nil, fmt.Errorf("%w: line %q: %v", ErrNotFinite, l.Name, err)
				}
				dot.GlyphStyle = draw.GlyphStyle{Color: col, Radius: max(width, vg.Points(1.5)), Shape: draw.CircleGlyph{}}
				front = append(front, dot)
			}
		}
		var band *plotter.Polygon
		if l.Lo != nil {
			fill := faded(col, 50)
			for _, seg := range segments(l.Lo, l.Hi) {
				// Filled in pieces that meet at a common X (see
				// maxPathPoints); a run of one value is a polygon of no
				// area, drawn as before.
				for a := seg[0]; ; a += piece - 1 {
					b := min(a+piece, seg[1])
					var ring plotter.XYs
					for k := a; k < b; k++ {
						ring = append(ring, plotter.XY{X: l.X[k], Y: l.Hi[k]})
					}
					for k := b - 1; k >= a; k-- {
						ring = append(ring, plotter.XY{X: l.X[k], Y: l.Lo[k]})
					}
					poly, err := plotter.NewPolygon(ring)
					if err != nil {
						return nil, fmt.Errorf("%w: band of %q: %v", ErrNotFinite, l.Name, err)
					}
					poly.Color = fill
					poly.LineStyle.Width = 0
					p.Add(poly)
					if band == nil {
						band = poly
					}
					if b == seg[1] {
						break
					}
				}
			}
		}
		if first == nil {
			continue // no value to draw: no legend entry either
		}
		if band != nil {
			p.Legend.Add(l.Name, band, first)
		} else {
			p.Legend.Add(l.Name, first)
		}
	}
	p.Add(front...)
	p.Legend.Top = true
	p.Add(legendRoom{right: true})
	return &Chart{Plot: p, Width: 9 * vg.Inch, Height: 5.5 * vg.Inch}, nil
}

// maxPathPoints bounds the points of one path that Lines gives the
// renderer: longer lines are stroked, and longer bands filled, in pieces.
// The PNG rasterizer (freetype's, through gg) keeps the cells a path
// touches in one list per pixel row and searches that list for every new
// cell, so a path that crosses the same rows many times, as a noisy series
// does, costs time quadratic in its points. In pieces of 64 the cost grows
// linearly (BenchmarkLinesPNG measures it). A line's pieces share their
// end segment, so every join is drawn; a band's pieces meet at a point's X, where the
// anti-aliased edges of the two translucent pieces leave a seam at most
// 5% lighter than the band (its opacity 50/255 compounded), too faint to
// see. SVG is drawn the same way; it was never slow.
const maxPathPoints = 64

// marks draws Marks behind the lines. It has no data range of its own: a
// mark outside the lines' range of X is not drawn.
type marks []Mark

// Plot implements plot.Plotter.
func (ms marks) Plot(c draw.Canvas, p *plot.Plot) {
	trX, _ := p.Transforms(&c)
	// Labels too close to share a line (change points a session or two
	// apart) go one line lower, each on the first line where it overlaps
	// no label before it.
	type span struct{ lo, hi vg.Length }
	var rows [][]span
	for _, m := range ms {
		col := m.Color
		if col == nil {
			col = color.Gray{0x80}
		}
		if m.Lo < m.Hi {
			lo, hi := max(m.Lo, p.X.Min), min(m.Hi, p.X.Max)
			if lo < hi {
				x0, x1 := trX(lo), trX(hi)
				c.FillPolygon(faded(col, 28), []vg.Point{
					{X: x0, Y: c.Min.Y}, {X: x1, Y: c.Min.Y}, {X: x1, Y: c.Max.Y}, {X: x0, Y: c.Max.Y}})
			}
		}
		if m.X < p.X.Min || m.X > p.X.Max {
			continue
		}
		x := trX(m.X)
		c.StrokeLine2(draw.LineStyle{Color: col, Width: vg.Points(1), Dashes: []vg.Length{vg.Points(4), vg.Points(3)}}, x, c.Min.Y, x, c.Max.Y)
		if m.Label != "" {
			sty := p.X.Tick.Label
			sty.Color = col
			sty.XAlign, sty.YAlign = draw.XLeft, draw.YTop
			at := span{x, x + vg.Points(2) + sty.Width(m.Label) + vg.Points(4)}
			row := 0
			for ; row < len(rows); row++ {
				if !slices.ContainsFunc(rows[row], func(o span) bool { return at.lo < o.hi && o.lo < at.hi }) {
					break
				}
			}
			if row == len(rows) {
				rows = append(rows, nil)
			}
			rows[row] = append(rows[row], at)
			y := c.Max.Y - vg.Points(2) - vg.Length(row)*sty.Height(m.Label)
			c.FillText(sty, vg.Point{X: x + vg.Points(2), Y: y}, m.Label)
		}
	}
}

// faded returns col at opacity alpha (of 255): the band of a line, the
// span of a mark.
func faded(col color.Color, alpha uint8) color.NRGBA {
	r, g, b, _ := col.RGBA()
	return color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), alpha}
}

// check reports a line that cannot be drawn, and panics on lengths that
// do not match.
func (l *Line) check() error {
	n := len(l.X)
	if len(l.Y) != n || l.Lo != nil && len(l.Lo) != n || l.Hi != nil && len(l.Hi) != n || (l.Lo == nil) != (l.Hi == nil) {
		panic(fmt.Sprintf("chart: line %q has %d X, %d Y, %d Lo and %d Hi", l.Name, n, len(l.Y), len(l.Lo), len(l.Hi)))
	}
	for k, x := range l.X {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return fmt.Errorf("%w: line %q: x[%d] is %v", ErrNotFinite, l.Name, k, x)
		}
		if k > 0 && x <= l.X[k-1] {
			return fmt.Errorf("%w: line %q: x[%d] = %v does not follow x[%d] = %v", ErrRange, l.Name, k, x, k-1, l.X[k-1])
		}
		for _, v := range []float64{l.Y[k], at(l.Lo, k), at(l.Hi, k)} {
			if math.IsInf(v, 0) {
				return fmt.Errorf("%w: line %q at x = %v: %v", ErrNotFinite, l.Name, x, v)
			}
		}
		if lo, hi := at(l.Lo, k), at(l.Hi, k); lo > hi {
			return fmt.Errorf("%w: line %q at x = %v: band from %v to %v", ErrRange, l.Name, x, lo, hi)
		}
	}
	return nil
}

// at returns v[k], or NaN for a nil v.
func at(v []float64, k int) float64 {
	if v == nil {
		return math.NaN()
	}
	return v[k]
}

// segments returns the runs [start, end) over which a (and b, if not nil)
// hold no NaN.
func segments(a, b []float64) [][2]int {
	var runs [][2]int
	start := -1
	for k := 0; k <= len(a); k++ {
		ok := k < len(a) && !math.IsNaN(a[k]) && (b == nil || !math.IsNaN(b[k]))
		switch {
		case ok && start < 0:
			start = k
		case !ok && start >= 0:
			runs = append(runs, [2]int{start, k})
			start = -1
		}
	}
	return runs
}
