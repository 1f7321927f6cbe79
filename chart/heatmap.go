package chart

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/unga-go/unga/votes"
)

// HeatmapOptions tune Heatmap. The zero value (or nil) draws the states in
// the order given, on a scale fitted to the data, with no title.
type HeatmapOptions struct {
	// Title is drawn above the matrix.
	Title string
	// Value says what the cells hold, for the legend: "agreement" if
	// empty; "co-clustering frequency", say, for a stability matrix.
	Value string
	// Order lists the states in the order drawn, the first at the top left:
	// a dendrogram's Leaves, say. Nil keeps the order of the matrix.
	Order []int
	// Blocs outlines in the bloc's colour each run of consecutive states
	// (in Order) that share a bloc: one square per bloc when the blocs are
	// a cut of the dendrogram that gave Order, several when they are not.
	Blocs Blocs
	// Min and Max fix the ends of the colour scale. If both are zero the
	// scale runs from the smallest to the largest value in the matrix,
	// rounded out to a multiple of 0.1 (so agreement in a session, all
	// between 0.3 and 1, uses the whole scale).
	Min, Max float64
}

// noScore is the colour of a cell whose value is NaN: dark grey, unlike
// any colour of the scale (whose middle is a light grey).
var noScore = color.Gray{0x50}

// Heatmap draws the symmetric matrix m (agreement between states, the share
// of resamples in which two states fall in one bloc, any value in a range)
// as a grid of coloured cells, blue for low and red for high (Moreland's
// diverging map), with each state's name down the left and its ISO3 code
// along the bottom. states[i] is row and column i of m. A NaN cell (a pair
// with too few joint votes) is drawn dark grey.
//
// The error wraps ErrRange if opts.Min or opts.Max is set and a value lies
// outside [Min, Max], if Min and Max are set with Min >= Max, if opts.Order
// is not a permutation of the states or a bloc label is negative, and
// ErrNotFinite for an infinite value. Heatmap panics if len(states) is not
// the size of m, or if opts.Order (when not nil) or opts.Blocs.Labels (when
// not nil) does not have one entry per state.
func Heatmap(m mat.Symmetric, states []votes.Country, opts *HeatmapOptions) (*Chart, error) {
	if opts == nil {
		opts = &HeatmapOptions{}
	}
	n := m.SymmetricDim()
	if len(states) != n {
		panic(fmt.Sprintf("chart: %d states for a %d×%d matrix", len(states), n, n))
	}
	order := opts.Order
	if order == nil {
		order = make([]int, n)
		for i := range order {
			order[i] = i
		}
	}
	if err := checkPermutation(order, n); err != nil {
		return nil, err
	}
	k, err := opts.Blocs.k(n)
	if err != nil {
		return nil, err
	}

	lo, hi := opts.Min, opts.Max
	fixed := lo != 0 || hi != 0
	if fixed && !(lo < hi) {
		return nil, fmt.Errorf("%w: HeatmapOptions.Min = %v, Max = %v: want Min < Max, or both zero", ErrRange, lo, hi)
	}
	dlo, dhi, nan := math.Inf(1), math.Inf(-1), false
	for i := range n {
		for j := i; j < n; j++ {
			v := m.At(i, j)
			switch {
			case math.IsNaN(v):
				nan = true
				continue
			case math.IsInf(v, 0):
				return nil, fmt.Errorf("%w: cell (%s, %s) is %v", ErrNotFinite, name(states[i]), name(states[j]), v)
			case fixed && (v < lo || v > hi):
				return nil, fmt.Errorf("%w: cell (%s, %s) is %v, outside the colour scale [%v, %v]", ErrRange, name(states[i]), name(states[j]), v, lo, hi)
			}
			dlo, dhi = min(dlo, v), max(dhi, v)
		}
	}
	if !fixed {
		lo, hi = 0, 1
		if dlo <= dhi {
			lo, hi = math.Floor(dlo*10)/10, math.Ceil(dhi*10)/10
		}
		if lo == hi {
			hi = lo + 0.1
		}
	}
	cm := moreland.SmoothBlueRed()
	cm.SetMin(lo)
	cm.SetMax(hi)
	hm := plotter.NewHeatMap(grid{m: m, order: order}, cm.Palette(256))
	hm.Min, hm.Max = lo, hi
	hm.NaN = noScore
	hm.Rasterized = false

	p := newPlot(6)
	p.Title.Text = opts.Title
	p.Add(hm)
	xt := make(plot.ConstantTicks, n)
	yt := make(plot.ConstantTicks, n)
	for pos, i := range order {
		xt[pos] = plot.Tick{Value: float64(pos), Label: code(states[i])}
		yt[pos] = plot.Tick{Value: float64(n - 1 - pos), Label: name(states[i])}
	}
	p.X.Tick.Marker, p.Y.Tick.Marker = xt, yt
	p.X.Tick.Label.Rotation = math.Pi / 2
	p.X.Tick.Label.XAlign = draw.XRight
	p.X.Tick.Label.YAlign = draw.YCenter
	p.X.Padding, p.Y.Padding = 0, 0
	p.X.Min, p.X.Max = -0.5, float64(n)-0.5
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	if k > 0 {
		p.Add(&blocFrames{order: order, labels: opts.Blocs.Labels})
	}

	value := opts.Value
	if value == "" {
		value = "agreement"
	}
	for q := 4; q >= 0; q-- {
		v := lo + float64(q)*(hi-lo)/4
		col, err := cm.At(v)
		if err != nil {
			continue
		}
		p.Legend.Add(fmt.Sprintf("%s %.2f", value, v), swatch{col})
	}
	if nan {
		p.Legend.Add("no value", swatch{noScore})
	}
	for b := range k {
		p.Legend.Add(opts.Blocs.legend(b), frame{Color(b)})
	}
	p.Legend.Top = true
	p.Add(legendRoom{})
	side := rowHeight*vg.Length(n) + 1.8*vg.Inch
	return &Chart{Plot: p, Width: side, Height: side + p.Legend.Rectangle(draw.Canvas{}).Size().Y + vg.Points(6)}, nil
}

// checkPermutation returns an error wrapping ErrRange unless order holds
// each of 0..n-1 once; it panics if order does not have n entries.
func checkPermutation(order []int, n int) error {
	if len(order) != n {
		panic(fmt.Sprintf("chart: order of %d for %d states", len(order), n))
	}
	seen := make([]bool, n)
	for k, i := range order {
		if i < 0 || i >= n || seen[i] {
			return fmt.Errorf("%w: HeatmapOptions.Order[%d] = %d: want a permutation of 0..%d", ErrRange, k, i, n-1)
		}
		seen[i] = true
	}
	return nil
}

// grid is the matrix in the given order, the first state at the top left,
// as a plotter.GridXYZ.
type grid struct {
	m     mat.Symmetric
	order []int
}

func (g grid) Dims() (c, r int)   { return len(g.order), len(g.order) }
func (g grid) X(c int) float64    { return float64(c) }
func (g grid) Y(r int) float64    { return float64(r) }
func (g grid) Z(c, r int) float64 { return g.m.At(g.order[c], g.order[len(g.order)-1-r]) }

// blocFrames outlines, on the heatmap, each run of consecutive states of
// one bloc.
type blocFrames struct {
	order, labels []int
}

// Plot implements plot.Plotter.
func (f *blocFrames) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	n := len(f.order)
	for start := 0; start < n; {
		l := f.labels[f.order[start]]
		end := start
		for end+1 < n && f.labels[f.order[end+1]] == l {
			end++
		}
		x0, x1 := trX(float64(start)-0.5), trX(float64(end)+0.5)
		y0, y1 := trY(float64(n-1-end)-0.5), trY(float64(n-1-start)+0.5)
		c.StrokeLines(draw.LineStyle{Color: Color(l), Width: vg.Points(2)},
			[]vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}, {X: x0, Y: y0}})
		start = end + 1
	}
}
