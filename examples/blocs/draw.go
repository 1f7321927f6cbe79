package main

import (
	"fmt"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/palette/moreland"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/unga-go/unga/cluster"
)

// The pictures are set in Liberation Sans: at small sizes it reads better
// than the default serif.
var sans = font.Font{Typeface: "Liberation", Variant: "Sans"}

// blocColors are Tableau's ten categorical colours, told apart also by most
// colour-blind readers; more blocs cycle through plotutil's colours.
var blocColors = []color.Color{
	color.RGBA{0x4e, 0x79, 0xa7, 0xff}, color.RGBA{0xf2, 0x8e, 0x2b, 0xff},
	color.RGBA{0xe1, 0x57, 0x59, 0xff}, color.RGBA{0x59, 0xa1, 0x4f, 0xff},
	color.RGBA{0xb0, 0x7a, 0xa1, 0xff}, color.RGBA{0x76, 0xb7, 0xb2, 0xff},
	color.RGBA{0xed, 0xc9, 0x48, 0xff}, color.RGBA{0x9c, 0x75, 0x5f, 0xff},
	color.RGBA{0xff, 0x9d, 0xa7, 0xff}, color.RGBA{0xba, 0xb0, 0xac, 0xff},
}

func blocColor(b int) color.Color {
	if b < len(blocColors) {
		return blocColors[b]
	}
	return plotutil.Color(b)
}

// newPlot returns a plot whose text is set in sans at the given size.
func newPlot(size vg.Length) *plot.Plot {
	p := plot.New()
	f := font.From(sans, size)
	p.Title.TextStyle.Font = font.From(sans, size*1.6)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = font.From(sans, size*1.3)
		a.Tick.Label.Font = f
	}
	p.Legend.TextStyle.Font = font.From(sans, size*1.2)
	return p
}

// drawPictures writes the dendrogram, the heatmap and the map, each as PNG and SVG,
// into cfg.out, and returns the files written.
func drawPictures(ses *session, res *result, cfg *config) ([]string, error) {
	if err := os.MkdirAll(cfg.out, 0o755); err != nil {
		return nil, err
	}
	coords, explained, err := mdsMap(ses)
	if err != nil {
		return nil, err
	}
	type picture struct {
		name string
		p    *plot.Plot
		w, h vg.Length
	}
	dp, dw, dh := dendrogramPlot(ses, res, cfg)
	hp, hw, hh := heatmapPlot(ses, res, cfg)
	mp, mw, mh := mapPlot(ses, res, cfg, coords, explained)
	var files []string
	for _, pic := range []picture{
		{"dendrogram", dp, dw, dh},
		{"heatmap", hp, hw, hh},
		{"mds", mp, mw, mh},
	} {
		for _, ext := range []string{".png", ".svg"} {
			name := filepath.Join(cfg.out, fmt.Sprintf("blocs%d-%s%s", cfg.session, pic.name, ext))
			if err := save(pic.p, pic.w, pic.h, name); err != nil {
				return files, err
			}
			files = append(files, name)
		}
	}
	return files, nil
}

// save writes p to a PNG (at 150 dots per inch, so that small labels stay
// sharp) or SVG file, by the name's extension.
func save(p *plot.Plot, w, h vg.Length, name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if filepath.Ext(name) == ".png" {
		c := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(150))
		p.Draw(draw.New(c))
		// Fastest compression: the default takes four times as long on
		// these large, flat images for files a third smaller.
		enc := png.Encoder{CompressionLevel: png.BestSpeed}
		err = enc.Encode(f, c.Image())
	} else {
		var wt io.WriterTo
		if wt, err = p.WriterTo(w, h, "svg"); err == nil {
			_, err = wt.WriteTo(f)
		}
	}
	if err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// rowHeight is the space given to one state in the dendrogram and the
// heatmap: enough for a 6.5-point label.
const rowHeight = 8 * vg.Millimeter * 0.36 // about 8.2 points

// dendrogramPlot draws the tree on its side, states down the left with
// their names, heights (1 - agreement) along the bottom, branches within a
// bloc in the bloc's colour and the cut as a dashed line.
func dendrogramPlot(ses *session, res *result, cfg *config) (*plot.Plot, vg.Length, vg.Length) {
	n := len(ses.countries)
	p := newPlot(6.5)
	what := cfg.linkage.String() + " linkage"
	if !cfg.isLinkage() {
		what = "average linkage; colours: " + cfg.method + " blocs"
	}
	p.Title.Text = fmt.Sprintf("Session %d: dendrogram of 1 - agreement (%s)", cfg.session, what)
	p.X.Label.Text = fmt.Sprintf("merge height (%s linkage on 1 - agreement)", res.tree.Method)
	p.Y.Padding = 0
	p.X.Min = 0
	p.Add(&tree{d: res.tree, leaves: res.leaves, labels: res.labels})
	ticks := make(plot.ConstantTicks, n)
	for pos, i := range res.leaves {
		ticks[pos] = plot.Tick{Value: float64(n - 1 - pos), Label: ses.countries[i].Name}
	}
	p.Y.Tick.Marker = ticks
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	if !math.IsNaN(res.cut) {
		l, err := plotter.NewLine(plotter.XYs{{X: res.cut, Y: -0.5}, {X: res.cut, Y: float64(n) - 0.5}})
		if err == nil {
			l.Color = color.Gray{0x60}
			l.Dashes = []vg.Length{vg.Points(4), vg.Points(3)}
			p.Add(l)
			p.Legend.Add(fmt.Sprintf("cut into %d blocs", len(res.blocs)), l)
		}
	}
	for b := range res.blocs {
		p.Legend.Add(fmt.Sprintf("%d: %s (%d)", b+1, res.blocs[b].name, len(res.blocs[b].members)), swatch{blocColor(b)})
	}
	p.Legend.Top = true
	return p, 10 * vg.Inch, rowHeight*vg.Length(n) + 1.5*vg.Inch
}

// tree is a plot.Plotter drawing a dendrogram sideways: leaf at position
// pos (from the top) at y = n-1-pos, each merge at x = its height.
type tree struct {
	d      *cluster.Dendrogram
	leaves []int
	labels []int
}

// Plot implements plot.Plotter.
func (t *tree) Plot(c draw.Canvas, p *plot.Plot) {
	d := t.d
	n := d.Len()
	trX, trY := p.Transforms(&c)
	y := make([]float64, 2*n-1) // vertical position of each node
	h := make([]float64, 2*n-1) // height of each node
	lab := make([]int, 2*n-1)   // bloc of a node, -1 if it spans blocs
	for pos, i := range t.leaves {
		y[i] = float64(n - 1 - pos)
		lab[i] = t.labels[i]
	}
	for s, m := range d.Steps {
		node := n + s
		y[node] = (y[m.A] + y[m.B]) / 2
		h[node] = m.Height
		lab[node] = -1
		if lab[m.A] == lab[m.B] {
			lab[node] = lab[m.A]
		}
		sty := draw.LineStyle{Color: color.Gray{0x40}, Width: vg.Points(0.8)}
		if lab[node] >= 0 {
			sty.Color = blocColor(lab[node])
			sty.Width = vg.Points(1.1)
		}
		for _, child := range []int{m.A, m.B} {
			cs := sty
			if lab[child] >= 0 && lab[node] < 0 {
				cs.Color = blocColor(lab[child])
				cs.Width = vg.Points(1.1)
			}
			c.StrokeLines(cs, []vg.Point{
				{X: trX(h[child]), Y: trY(y[child])},
				{X: trX(h[node]), Y: trY(y[child])},
			})
		}
		c.StrokeLines(sty, []vg.Point{
			{X: trX(h[node]), Y: trY(y[m.A])},
			{X: trX(h[node]), Y: trY(y[m.B])},
		})
	}
}

// DataRange implements plot.DataRanger.
func (t *tree) DataRange() (xmin, xmax, ymin, ymax float64) {
	d := t.d
	xmax = 0
	for _, m := range d.Steps {
		xmax = max(xmax, m.Height)
	}
	return 0, xmax * 1.02, -0.5, float64(d.Len()) - 0.5
}

// swatch is a legend thumbnail: a filled square.
type swatch struct{ c color.Color }

// Thumbnail implements plot.Thumbnailer.
func (s swatch) Thumbnail(c *draw.Canvas) {
	r := c.Rectangle
	c.FillPolygon(s.c, []vg.Point{r.Min, {X: r.Max.X, Y: r.Min.Y}, r.Max, {X: r.Min.X, Y: r.Max.Y}})
}

// grid is the agreement matrix in dendrogram order, first leaf at the top
// left, as a plotter.GridXYZ.
type grid struct {
	sim    interface{ At(i, j int) float64 }
	leaves []int
}

func (g grid) Dims() (c, r int)   { return len(g.leaves), len(g.leaves) }
func (g grid) X(c int) float64    { return float64(c) }
func (g grid) Y(r int) float64    { return float64(r) }
func (g grid) Z(c, r int) float64 { return g.sim.At(g.leaves[c], g.leaves[len(g.leaves)-1-r]) }

// heatmapPlot draws the agreement of every pair of states in dendrogram
// order, with each bloc's square outlined in its colour.
func heatmapPlot(ses *session, res *result, cfg *config) (*plot.Plot, vg.Length, vg.Length) {
	n := len(ses.countries)
	lo := 1.0
	for i := range n {
		for j := range i {
			lo = min(lo, ses.sim.At(i, j))
		}
	}
	lo = math.Floor(lo*10) / 10
	cm := moreland.SmoothBlueRed()
	cm.SetMin(lo)
	cm.SetMax(1)
	pal := cm.Palette(256)
	hm := plotter.NewHeatMap(grid{sim: ses.sim, leaves: res.leaves}, pal)
	hm.Min, hm.Max = lo, 1
	hm.Rasterized = false

	p := newPlot(6)
	p.Title.Text = fmt.Sprintf("Session %d: agreement of every pair of states, in dendrogram order", cfg.session)
	p.Add(hm)
	xt := make(plot.ConstantTicks, n)
	yt := make(plot.ConstantTicks, n)
	for pos, i := range res.leaves {
		xt[pos] = plot.Tick{Value: float64(pos), Label: ses.countries[i].ISO3}
		yt[pos] = plot.Tick{Value: float64(n - 1 - pos), Label: ses.countries[i].Name}
	}
	p.X.Tick.Marker, p.Y.Tick.Marker = xt, yt
	p.X.Tick.Label.Rotation = math.Pi / 2
	p.X.Tick.Label.XAlign = draw.XRight
	p.X.Tick.Label.YAlign = draw.YCenter
	p.X.Padding, p.Y.Padding = 0, 0
	p.Add(&blocFrames{leaves: res.leaves, labels: res.labels})
	for _, v := range []float64{1, lo + 3*(1-lo)/4, lo + (1-lo)/2, lo + (1-lo)/4, lo} {
		col, err := cm.At(v)
		if err != nil {
			continue
		}
		p.Legend.Add(fmt.Sprintf("agreement %.2f", v), swatch{col})
	}
	for b := range res.blocs {
		p.Legend.Add(fmt.Sprintf("bloc %d: %s", b+1, res.blocs[b].name), frameThumb{blocColor(b)})
	}
	// A blank band above the matrix holds the legend.
	band := float64(len(res.blocs)+6) * 0.9
	p.X.Min, p.X.Max = -0.5, float64(n)-0.5
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5+band
	p.Legend.Top = true
	side := rowHeight*vg.Length(n) + 1.8*vg.Inch
	return p, side, side + rowHeight*vg.Length(band)
}

// blocFrames outlines, on the heatmap, each run of consecutive leaves of one
// bloc (a bloc of a cut dendrogram is one run; k-medoids and Louvain blocs
// may be several).
type blocFrames struct {
	leaves, labels []int
}

// Plot implements plot.Plotter.
func (f *blocFrames) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	n := len(f.leaves)
	for start := 0; start < n; {
		end := start
		for end+1 < n && f.labels[f.leaves[end+1]] == f.labels[f.leaves[start]] {
			end++
		}
		x0, x1 := trX(float64(start)-0.5), trX(float64(end)+0.5)
		y0, y1 := trY(float64(n-1-end)-0.5), trY(float64(n-1-start)+0.5)
		c.StrokeLines(draw.LineStyle{Color: blocColor(f.labels[f.leaves[start]]), Width: vg.Points(2)},
			[]vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}, {X: x0, Y: y0}})
		start = end + 1
	}
}

// frameThumb is a legend thumbnail: an outlined square.
type frameThumb struct{ c color.Color }

// Thumbnail implements plot.Thumbnailer.
func (t frameThumb) Thumbnail(c *draw.Canvas) {
	r := c.Rectangle
	c.StrokeLines(draw.LineStyle{Color: t.c, Width: vg.Points(2)},
		[]vg.Point{r.Min, {X: r.Max.X, Y: r.Min.Y}, r.Max, {X: r.Min.X, Y: r.Max.Y}, r.Min})
}

// mapPlot draws the states at their MDS coordinates, coloured by bloc, with
// as many labels as fit without overlapping: the Balkan states and Russia
// first, then the best-known states, then the rest from the outside in.
func mapPlot(ses *session, res *result, cfg *config, xy [][2]float64, explained [2]float64) (*plot.Plot, vg.Length, vg.Length) {
	p := newPlot(8)
	p.Title.Text = fmt.Sprintf("Session %d: map of the states by agreement (classical MDS), coloured by bloc", cfg.session)
	p.X.Label.Text = fmt.Sprintf("dimension 1 (%.0f%% of variance)", 100*explained[0])
	p.Y.Label.Text = fmt.Sprintf("dimension 2 (%.0f%% of variance)", 100*explained[1])
	for b, bl := range res.blocs {
		pts := make(plotter.XYs, len(bl.members))
		for k, i := range bl.members {
			pts[k] = plotter.XY{X: xy[i][0], Y: xy[i][1]}
		}
		sc, err := plotter.NewScatter(pts)
		if err != nil {
			continue
		}
		sc.GlyphStyle.Color = blocColor(b)
		sc.GlyphStyle.Radius = vg.Points(3)
		sc.GlyphStyle.Shape = draw.CircleGlyph{}
		p.Add(sc)
		p.Legend.Add(fmt.Sprintf("%d: %s (%d)", b+1, bl.name, len(bl.members)), sc)
	}
	p.Legend.Top = true
	p.Legend.Left = true
	p.Add(&labels{ses: ses, xy: xy, order: labelOrder(ses, xy)})
	return p, 11 * vg.Inch, 9 * vg.Inch
}

// labelOrder ranks the states for labelling on the map.
func labelOrder(ses *session, xy [][2]float64) []int {
	must := map[string]bool{"RUS": true, "SRB": true, "ALB": true, "BIH": true, "BGR": true, "HRV": true,
		"GRC": true, "MNE": true, "MKD": true, "ROU": true, "SVN": true, "XKX": true}
	rank := map[string]int{}
	for r, iso := range bestKnown {
		rank[iso] = r
	}
	var cx, cy float64
	for _, p := range xy {
		cx += p[0]
		cy += p[1]
	}
	cx /= float64(len(xy))
	cy /= float64(len(xy))
	order := make([]int, len(xy))
	for i := range order {
		order[i] = i
	}
	key := func(i int) (int, float64) {
		iso := ses.countries[i].ISO3
		if must[iso] {
			return 0, 0
		}
		if r, ok := rank[iso]; ok {
			return 1, float64(r)
		}
		return 2, -math.Hypot(xy[i][0]-cx, xy[i][1]-cy)
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
	return order
}

// labels places ISO3 labels beside the points of the map where they overlap
// neither a point nor a label already placed. The first mustLabel states
// (the Balkans and Russia) are always labelled: if no place beside the point
// is free, the label moves out along one of 16 directions, further each
// round, and a thin line leads back to its point.
type labels struct {
	ses   *session
	xy    [][2]float64
	order []int
}

// mustLabel counts the states of labelOrder's first group.
const mustLabel = 12

// Plot implements plot.Plotter.
func (l *labels) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	sty := draw.TextStyle{Color: color.Black, Font: font.From(sans, 7), Handler: p.TextHandler}
	dot := vg.Points(3)
	var placed []vg.Rectangle
	for _, pt := range l.xy {
		x, y := trX(pt[0]), trY(pt[1])
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
		txt := l.ses.countries[i].ISO3
		w, h := sty.Width(txt), sty.Height(txt)
		x, y := trX(l.xy[i][0]), trY(l.xy[i][1])
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
		if done || rank >= mustLabel {
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
func (l *labels) DataRange() (xmin, xmax, ymin, ymax float64) {
	xmin, ymin = math.Inf(1), math.Inf(1)
	xmax, ymax = math.Inf(-1), math.Inf(-1)
	for _, p := range l.xy {
		xmin, xmax = min(xmin, p[0]), max(xmax, p[0])
		ymin, ymax = min(ymin, p[1]), max(ymax, p[1])
	}
	// A margin so that the points and labels at the edges stay inside.
	dx, dy := 0.04*(xmax-xmin), 0.04*(ymax-ymin)
	return xmin - dx, xmax + dx, ymin - dy, ymax + dy
}
