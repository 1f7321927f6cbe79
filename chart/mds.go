package chart

import (
	"fmt"
	"image/color"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/unga-go/unga/cluster"
	"github.com/unga-go/unga/votes"
)

// MapOptions tune Map. The zero value (or nil) draws every state in one
// colour, labelled where there is room, with no title.
type MapOptions struct {
	// Title is drawn above the map.
	Title string
	// XLabel and YLabel label the axes; empty gives "dimension 1 (65% of
	// variance)" from the map's Explained.
	XLabel, YLabel string
	// Blocs colours each state by its bloc and lists the blocs in the
	// legend.
	Blocs Blocs
	// Always lists states labelled however crowded the map: if no place
	// beside the point is free, the label moves out and a thin line leads
	// back to the point. States not on the map are ignored.
	Always []votes.Country
	// Prefer lists states labelled next, in this order, where there is
	// room. The other states follow from the edge of the map inwards, so
	// that the crowded centre is labelled last.
	Prefer []votes.Country
}

// Map draws the states at the first two coordinates of m (cluster.MDS or
// cluster.PCA), each a dot labelled with its ISO3 code where the label
// overlaps neither a dot nor another label. states[i] is row i of m.Coords.
// Axes are equal neither in scale nor in meaning: the first dimension
// explains the most variance; the axis labels say how much.
//
// The error wraps ErrNotFinite if a coordinate is NaN or infinite. Map
// panics if m has fewer than two dimensions, if len(states) is not the
// number of rows of m.Coords, or if opts.Blocs.Labels does not fit the
// states.
func Map(m *cluster.Map, states []votes.Country, opts *MapOptions) (*Chart, error) {
	if opts == nil {
		opts = &MapOptions{}
	}
	n, dims := m.Coords.Dims()
	if dims < 2 {
		panic(fmt.Sprintf("chart: a map of %d dimension, want 2", dims))
	}
	if len(states) != n {
		panic(fmt.Sprintf("chart: %d states for a map of %d", len(states), n))
	}
	k, err := opts.Blocs.k(n)
	if err != nil {
		return nil, err
	}
	xy := make([]plotter.XY, n)
	for i := range n {
		x, y := m.Coords.At(i, 0), m.Coords.At(i, 1)
		if math.IsNaN(x) || math.IsInf(x, 0) || math.IsNaN(y) || math.IsInf(y, 0) {
			return nil, fmt.Errorf("%w: %s at (%v, %v)", ErrNotFinite, name(states[i]), x, y)
		}
		xy[i] = plotter.XY{X: x, Y: y}
	}

	p := newPlot(8)
	p.Title.Text = opts.Title
	p.X.Label.Text, p.Y.Label.Text = opts.XLabel, opts.YLabel
	for d, l := range []*string{&p.X.Label.Text, &p.Y.Label.Text} {
		if *l == "" {
			*l = fmt.Sprintf("dimension %d", d+1)
			if d < len(m.Explained) {
				*l += fmt.Sprintf(" (%.0f%% of variance)", 100*m.Explained[d])
			}
		}
	}
	groups := max(k, 1)
	for b := range groups {
		var pts plotter.XYs
		for i, q := range xy {
			if k == 0 || opts.Blocs.Labels[i] == b {
				pts = append(pts, q)
			}
		}
		if len(pts) == 0 {
			continue
		}
		sc, err := plotter.NewScatter(pts)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrNotFinite, err)
		}
		sc.GlyphStyle.Color = Color(b)
		sc.GlyphStyle.Radius = vg.Points(3)
		sc.GlyphStyle.Shape = draw.CircleGlyph{}
		p.Add(sc)
		if k > 0 {
			p.Legend.Add(opts.Blocs.legend(b), sc)
		}
	}
	order, always := labelOrder(states, xy, opts.Always, opts.Prefer)
	p.Add(&mapLabels{states: states, xy: xy, order: order, always: always})
	h := 9 * vg.Inch
	if k > 0 {
		p.Legend.Top, p.Legend.Left = true, true
		p.Add(legendRoom{})
		h += p.Legend.Rectangle(draw.Canvas{}).Size().Y
	}
	return &Chart{Plot: p, Width: 11 * vg.Inch, Height: h}, nil
}

// labelOrder ranks the states for labelling: those of always first (their
// number is returned too), then those of prefer, then the rest from the
// outside in.
func labelOrder(states []votes.Country, xy []plotter.XY, always, prefer []votes.Country) ([]int, int) {
	rank := map[votes.Country]int{}
	for r, c := range prefer {
		if _, ok := rank[c]; !ok {
			rank[c] = len(always) + r
		}
	}
	for r, c := range always {
		rank[c] = r
	}
	var cx, cy float64
	for _, q := range xy {
		cx += q.X
		cy += q.Y
	}
	cx /= float64(len(xy))
	cy /= float64(len(xy))
	key := func(i int) (int, float64) {
		if r, ok := rank[states[i]]; ok {
			return 0, float64(r)
		}
		return 1, -math.Hypot(xy[i].X-cx, xy[i].Y-cy)
	}
	order := make([]int, len(xy))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		gi, vi := key(i)
		gj, vj := key(j)
		if gi != gj {
			return gi - gj
		}
		switch {
		case vi < vj:
			return -1
		case vi > vj:
			return 1
		}
		return 0
	})
	n := 0
	for _, i := range order {
		if r, ok := rank[states[i]]; ok && r < len(always) {
			n++
		}
	}
	return order, n
}

// mapLabels places ISO3 labels beside the dots of the map where they
// overlap neither a dot nor a label already placed. The first always
// states are labelled come what may: if no place beside the dot is free,
// the label moves out along one of 16 directions, further each round, and a
// thin line leads back to its dot.
type mapLabels struct {
	states []votes.Country
	xy     []plotter.XY
	order  []int
	always int
}

// Plot implements plot.Plotter.
func (l *mapLabels) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	sty := draw.TextStyle{Color: color.Black, Font: font.From(sans, 7), Handler: p.TextHandler}
	dot := vg.Points(3)
	var placed []vg.Rectangle
	for _, q := range l.xy {
		x, y := trX(q.X), trY(q.Y)
		placed = append(placed, vg.Rectangle{Min: vg.Point{X: x - dot, Y: y - dot}, Max: vg.Point{X: x + dot, Y: y + dot}})
	}
	free := func(r vg.Rectangle) bool {
		if r.Min.X < c.Min.X || r.Max.X > c.Max.X || r.Min.Y < c.Min.Y || r.Max.Y > c.Max.Y {
			return false
		}
		for _, q := range placed {
			if r.Min.X < q.Max.X && q.Min.X < r.Max.X && r.Min.Y < q.Max.Y && q.Min.Y < r.Max.Y {
				return false
			}
		}
		return true
	}
	box := func(at vg.Point, w, h vg.Length) vg.Rectangle {
		return vg.Rectangle{Min: at, Max: vg.Point{X: at.X + w, Y: at.Y + h}}
	}
	leader := draw.LineStyle{Color: color.Gray{0x70}, Width: vg.Points(0.5)}
	for rank, i := range l.order {
		txt := code(l.states[i])
		w, h := sty.Width(txt), sty.Height(txt)
		x, y := trX(l.xy[i].X), trY(l.xy[i].Y)
		gap := dot + vg.Points(1)
		done := false
		for _, at := range []vg.Point{
			{X: x + gap, Y: y - h/2}, {X: x - gap - w, Y: y - h/2},
			{X: x - w/2, Y: y + gap}, {X: x - w/2, Y: y - gap - h},
		} {
			if r := box(at, w, h); free(r) {
				placed = append(placed, r)
				c.FillText(sty, at, txt)
				done = true
				break
			}
		}
		if done || rank >= l.always {
			continue
		}
		for ring := 1; ring <= 12 && !done; ring++ {
			radius := vg.Points(8 * float64(ring))
			for k := range 16 {
				a := 2 * math.Pi * float64(k) / 16
				cx, cy := x+radius*vg.Length(math.Cos(a)), y+radius*vg.Length(math.Sin(a))
				at := vg.Point{X: cx - w/2, Y: cy - h/2}
				r := box(at, w, h)
				if !free(r) {
					continue
				}
				placed = append(placed, r)
				// The line stops at the edge of the label's box.
				dx, dy := float64(cx-x), float64(cy-y)
				t := 1 - min(float64(w/2)/math.Abs(dx), float64(h/2)/math.Abs(dy))
				if t > 0 {
					c.StrokeLines(leader, []vg.Point{{X: x, Y: y}, {X: x + vg.Length(t*dx), Y: y + vg.Length(t*dy)}})
				}
				c.FillText(sty, at, txt)
				done = true
				break
			}
		}
	}
}

// DataRange implements plot.DataRanger.
func (l *mapLabels) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for _, q := range l.xy {
		xmin, xmax = min(xmin, q.X), max(xmax, q.X)
		ymin, ymax = min(ymin, q.Y), max(ymax, q.Y)
	}
	// A margin so that the dots and labels at the edges stay inside.
	dx, dy := 0.04*(xmax-xmin), 0.04*(ymax-ymin)
	return xmin - dx, xmax + dx, ymin - dy, ymax + dy
}
