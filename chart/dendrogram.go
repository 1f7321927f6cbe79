package chart

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/unga-go/unga/cluster"
	"github.com/unga-go/unga/votes"
)

// rowHeight is the room the dendrogram and the heatmap give each state:
// enough for a label of 6.5 points.
const rowHeight = 8 * vg.Millimeter * 0.36 // about 8.2 points

// DendrogramOptions tune Dendrogram. The zero value (or nil) draws the tree
// in grey with no title.
type DendrogramOptions struct {
	// Title is drawn above the tree.
	Title string
	// XLabel labels the height axis; empty gives "merge height (ward
	// linkage)" with the tree's method.
	XLabel string
	// Blocs colours each bloc's branches (a branch joining two blocs stays
	// grey) and lists the blocs in the legend.
	Blocs Blocs
	// Cut, if positive, draws a dashed vertical line at that height: where
	// the tree was cut into the blocs.
	Cut float64
}

// Dendrogram draws the tree d on its side: the states down the left, by
// name, in the order of d.Leaves (scipy's), and the merge heights along the
// bottom. states[i] is item i of the matrix d was built from.
//
// The error wraps ErrNotFinite if a merge height is NaN or infinite.
// Dendrogram panics if len(states) is not d.Len(), or if opts.Blocs.Labels
// is not nil and does not hold one non-negative label per state.
func Dendrogram(d *cluster.Dendrogram, states []votes.Country, opts *DendrogramOptions) (*Chart, error) {
	if opts == nil {
		opts = &DendrogramOptions{}
	}
	n := d.Len()
	if len(states) != n {
		panic(fmt.Sprintf("chart: %d states for a dendrogram of %d", len(states), n))
	}
	k, err := opts.Blocs.k(n)
	if err != nil {
		return nil, err
	}
	for s, m := range d.Steps {
		if math.IsNaN(m.Height) || math.IsInf(m.Height, 0) {
			return nil, fmt.Errorf("%w: merge %d (clusters %d and %d) has height %v", ErrNotFinite, s, m.A, m.B, m.Height)
		}
	}
	leaves := d.Leaves()

	p := newPlot(6.5)
	p.Title.Text = opts.Title
	p.X.Label.Text = opts.XLabel
	if p.X.Label.Text == "" {
		p.X.Label.Text = fmt.Sprintf("merge height (%s linkage)", d.Method)
	}
	p.Y.Padding = 0
	p.X.Min = 0
	p.Add(&tree{d: d, leaves: leaves, labels: opts.Blocs.Labels})
	ticks := make(plot.ConstantTicks, n)
	for pos, i := range leaves {
		ticks[pos] = plot.Tick{Value: float64(n - 1 - pos), Label: name(states[i])}
	}
	p.Y.Tick.Marker = ticks
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	if opts.Cut > 0 {
		l, err := plotter.NewLine(plotter.XYs{{X: opts.Cut, Y: -0.5}, {X: opts.Cut, Y: float64(n) - 0.5}})
		if err != nil {
			return nil, fmt.Errorf("%w: cut at %v", ErrNotFinite, opts.Cut)
		}
		l.Color = color.Gray{0x60}
		l.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
		p.Add(l)
		p.Legend.Add(fmt.Sprintf("cut at %.3g", opts.Cut), l)
	}
	for b := range k {
		p.Legend.Add(opts.Blocs.legend(b), swatch{Color(b)})
	}
	p.Legend.Top = true
	if p.Legend.Rectangle(draw.Canvas{}).Size().Y > 0 {
		p.Add(legendRoom{})
	}
	h := rowHeight*vg.Length(n) + 1.2*vg.Inch + p.Legend.Rectangle(draw.Canvas{}).Size().Y
	return &Chart{Plot: p, Width: 10 * vg.Inch, Height: h}, nil
}

// tree is a plot.Plotter drawing a dendrogram sideways: the leaf at
// position pos (from the top) at y = n-1-pos, each merge at x = its height.
type tree struct {
	d      *cluster.Dendrogram
	leaves []int
	labels []int // nil: no blocs
}

// Plot implements plot.Plotter.
func (t *tree) Plot(c draw.Canvas, p *plot.Plot) {
	d := t.d
	n := d.Len()
	trX, trY := p.Transforms(&c)
	y := make([]float64, 2*n-1) // vertical position of each node
	h := make([]float64, 2*n-1) // height of each node
	lab := make([]int, 2*n-1)   // bloc of a node, -1 if none or if it spans blocs
	for pos, i := range t.leaves {
		y[i] = float64(n - 1 - pos)
		lab[i] = -1
		if t.labels != nil {
			lab[i] = t.labels[i]
		}
	}
	grey := draw.LineStyle{Color: color.Gray{0x40}, Width: vg.Points(0.8)}
	style := func(l int) draw.LineStyle {
		if l < 0 {
			return grey
		}
		return draw.LineStyle{Color: Color(l), Width: vg.Points(1.1)}
	}
	for s, m := range d.Steps {
		node := n + s
		y[node] = (y[m.A] + y[m.B]) / 2
		h[node] = m.Height
		lab[node] = -1
		if lab[m.A] == lab[m.B] {
			lab[node] = lab[m.A]
		}
		// The horizontal stub of each child takes the child's colour, so
		// a bloc's branch is coloured up to where it joins another bloc.
		for _, child := range []int{m.A, m.B} {
			c.StrokeLines(style(lab[child]), []vg.Point{
				{X: trX(h[child]), Y: trY(y[child])},
				{X: trX(h[node]), Y: trY(y[child])},
			})
		}
		c.StrokeLines(style(lab[node]), []vg.Point{
			{X: trX(h[node]), Y: trY(y[m.A])},
			{X: trX(h[node]), Y: trY(y[m.B])},
		})
	}
}

// DataRange implements plot.DataRanger.
func (t *tree) DataRange() (xmin, xmax, ymin, ymax float64) {
	for _, m := range t.d.Steps {
		xmax = max(xmax, m.Height)
	}
	if xmax == 0 {
		xmax = 1
	}
	return 0, xmax * 1.02, -0.5, float64(t.d.Len()) - 0.5
}
