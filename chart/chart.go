package chart

import (
	"bufio"
	"errors"
	"fmt"
	"image/color"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"

	"github.com/unga-go/unga/cluster"
	"github.com/unga-go/unga/votes"
)

// Errors wrapped by the functions that build a chart, for errors.Is.
var (
	// ErrNotFinite is returned for a NaN or infinite value where a chart
	// needs a number: a coordinate of the map, a merge height.
	ErrNotFinite = errors.New("chart: value is not finite")
	// ErrRange is returned for a value outside the range it must lie in:
	// a heatmap cell outside the colour scale the caller set, a band whose
	// low end lies above its high end, and an option value out of its
	// range (a colour scale whose Min is not below its Max, an Order that
	// is not a permutation, a negative bloc label).
	ErrRange = errors.New("chart: value out of range")
)

// DPI is the resolution of the PNG files WritePNG and Save write: 150 dots
// per inch, so that labels of 6 or 7 points stay sharp.
const DPI = 150

// Chart is a plot and the size at which it is meant to be drawn.
type Chart struct {
	// Plot is the gonum/plot value; change it freely before writing.
	Plot *plot.Plot
	// Width and Height are the size of the picture. The functions of this
	// package set them so that every label is readable (the dendrogram
	// and the heatmap grow with the number of states).
	Width, Height vg.Length
}

// WritePNG writes the chart to w as a PNG image of Width × Height at DPI
// dots per inch.
func (c *Chart) WritePNG(w io.Writer) error {
	img := vgimg.NewWith(vgimg.UseWH(c.Width, c.Height), vgimg.UseDPI(DPI))
	c.Plot.Draw(draw.New(img))
	// Fastest compression: the default takes four times as long on these
	// large, flat images for files a third smaller.
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	return enc.Encode(w, img.Image())
}

// WriteSVG writes the chart to w as an SVG document of Width × Height, its
// text as text (so a reader can search it for a state's name).
func (c *Chart) WriteSVG(w io.Writer) error {
	svg := vgsvg.New(c.Width, c.Height)
	c.Plot.Draw(draw.New(svg))
	_, err := svg.WriteTo(w)
	return err
}

// Save writes the chart to the file path, as PNG if its name ends in ".png"
// and as SVG if it ends in ".svg" (in any case). Any other extension is an
// error, returned before the file is created.
func (c *Chart) Save(path string) error {
	var write func(io.Writer) error
	switch strings.ToLower(filepath.Ext(path)) {
	case ".png":
		write = c.WritePNG
	case ".svg":
		write = c.WriteSVG
	default:
		return fmt.Errorf("chart: %s: unknown picture format (want a name ending in .png or .svg)", path)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	if err := write(bw); err != nil {
		f.Close()
		return fmt.Errorf("chart: writing %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Blocs colours the states of a chart by the bloc they belong to.
// The zero value colours nothing.
type Blocs struct {
	// Labels holds the bloc of each state, 0 to K-1, in the order of the
	// states given beside it (cluster's Partition.Labels, Dendrogram.CutK).
	Labels []int
	// Names optionally names the blocs in the legend: Names[b] for bloc b.
	// A missing or empty name leaves the legend entry at the bloc's number
	// and size.
	Names []string
}

// BlocsOf returns the blocs of the partition p, each named by
// p.Name (its best-known members, when p knows its states). It panics if a
// label of p is negative.
func BlocsOf(p *cluster.Partition) Blocs {
	b := Blocs{Labels: p.Labels, Names: make([]string, p.K())}
	for c := range b.Names {
		b.Names[c] = p.Name(c)
	}
	return b
}

// k returns the number of blocs, after checking that Labels fits n states:
// a length other than n is a programmer error (a panic), a negative label
// an error wrapping ErrRange.
func (b *Blocs) k(n int) (int, error) {
	if b.Labels == nil {
		return 0, nil
	}
	if len(b.Labels) != n {
		panic(fmt.Sprintf("chart: %d bloc labels for %d states", len(b.Labels), n))
	}
	k := 0
	for i, l := range b.Labels {
		if l < 0 {
			return 0, fmt.Errorf("%w: negative bloc label %d of state %d", ErrRange, l, i)
		}
		k = max(k, l+1)
	}
	return k, nil
}

// legend returns the legend entry of bloc l: "2: China, Russia (13)".
func (b *Blocs) legend(l int) string {
	n := 0
	for _, x := range b.Labels {
		if x == l {
			n++
		}
	}
	if l < len(b.Names) && b.Names[l] != "" {
		return fmt.Sprintf("%d: %s (%d)", l+1, b.Names[l], n)
	}
	return fmt.Sprintf("bloc %d (%d)", l+1, n)
}

// blocColors are Tableau's ten categorical colours, told apart also by most
// colour-blind readers; more blocs cycle through plotutil's colours.
var blocColors = [...]color.RGBA{
	{0x4e, 0x79, 0xa7, 0xff}, {0xf2, 0x8e, 0x2b, 0xff},
	{0xe1, 0x57, 0x59, 0xff}, {0x59, 0xa1, 0x4f, 0xff},
	{0xb0, 0x7a, 0xa1, 0xff}, {0x76, 0xb7, 0xb2, 0xff},
	{0xed, 0xc9, 0x48, 0xff}, {0x9c, 0x75, 0x5f, 0xff},
	{0xff, 0x9d, 0xa7, 0xff}, {0xba, 0xb0, 0xac, 0xff},
}

// Color returns the colour this package gives bloc (or line) b, counting
// from 0: Tableau's ten categorical colours, then plotutil's.
func Color(b int) color.Color {
	if b >= 0 && b < len(blocColors) {
		return blocColors[b]
	}
	return plotutil.Color(b)
}

// sans is the typeface of every chart: at small sizes it reads better than
// gonum/plot's default serif.
var sans = font.Font{Typeface: "Liberation", Variant: "Sans"}

// newPlot returns a plot whose text is set in sans, tick labels at size.
func newPlot(size vg.Length) *plot.Plot {
	p := plot.New()
	p.Title.TextStyle.Font = font.From(sans, size*1.6)
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = font.From(sans, size*1.3)
		a.Tick.Label.Font = font.From(sans, size)
	}
	p.Legend.TextStyle.Font = font.From(sans, size*1.2)
	p.Legend.Padding = size / 4 // entries apart, not touching
	return p
}

// name is the label of a state: its name, or failing that its ISO3 or COW
// code.
func name(c votes.Country) string {
	if c.Name != "" {
		return c.Name
	}
	return code(c)
}

// code is the short label of a state: its code (votes.Country.Code:
// ISO3, or GFR, YAR, ZAN), or failing that its COW code.
func code(c votes.Country) string {
	if s := c.Code(); s != "" {
		return s
	}
	return strconv.Itoa(c.COW)
}

// legendRoom is a plotter that draws nothing but reserves room for the
// plot's legend outside the data: a band above the data (top) or at the
// right of it. It works through plot's glyph-box padding, so it holds at
// any size the plot is drawn at.
type legendRoom struct {
	right bool
}

// Plot implements plot.Plotter.
func (legendRoom) Plot(draw.Canvas, *plot.Plot) {}

// GlyphBoxes implements plot.GlyphBoxer.
func (r legendRoom) GlyphBoxes(p *plot.Plot) []plot.GlyphBox {
	size := p.Legend.Rectangle(draw.Canvas{}).Size()
	gap := vg.Points(6)
	if r.right {
		return []plot.GlyphBox{{X: 1, Y: 0.5, Rectangle: vg.Rectangle{Max: vg.Point{X: size.X + gap, Y: 1}}}}
	}
	return []plot.GlyphBox{{X: 0.5, Y: 1, Rectangle: vg.Rectangle{Max: vg.Point{X: 1, Y: size.Y + gap}}}}
}

// swatch is a legend thumbnail: a filled square.
type swatch struct{ c color.Color }

// Thumbnail implements plot.Thumbnailer.
func (s swatch) Thumbnail(c *draw.Canvas) {
	r := c.Rectangle
	c.FillPolygon(s.c, []vg.Point{r.Min, {X: r.Max.X, Y: r.Min.Y}, r.Max, {X: r.Min.X, Y: r.Max.Y}})
}

// frame is a legend thumbnail: an outlined square.
type frame struct{ c color.Color }

// Thumbnail implements plot.Thumbnailer.
func (t frame) Thumbnail(c *draw.Canvas) {
	// Inset by half the stroke, so the frame stays inside the legend.
	r := c.Rectangle
	in := vg.Points(1)
	r.Min.X, r.Min.Y, r.Max.X, r.Max.Y = r.Min.X+in, r.Min.Y+in, r.Max.X-in, r.Max.Y-in
	c.StrokeLines(draw.LineStyle{Color: t.c, Width: vg.Points(2)},
		[]vg.Point{r.Min, {X: r.Max.X, Y: r.Min.Y}, r.Max, {X: r.Min.X, Y: r.Max.Y}, r.Min})
}
