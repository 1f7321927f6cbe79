package chart

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/unga-go/unga/cluster"
	"github.com/unga-go/unga/internal/testenv"
	"github.com/unga-go/unga/votes"
)

// fixture is session 74 of the embedded record as testdata/cluster holds
// it (made by gen.py with numpy and scipy): the 193 states that voted, with
// 1 - agreement between every pair, and scipy's Ward clustering into five
// blocs.
type fixture struct {
	states []votes.Country
	dist   *mat.SymDense
	tree   *cluster.Dendrogram
	labels []int // scipy's fcluster(ward, 5, "maxclust") - 1
}

var session74 = sync.OnceValues(func() (*fixture, error) {
	read := func(name string) ([][]string, error) {
		f, err := os.Open(filepath.Join("..", "testdata", "cluster", name))
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r := csv.NewReader(f)
		r.Comment = '#'
		return r.ReadAll()
	}
	rows, err := read("session74_distance.csv")
	if err != nil {
		return nil, err
	}
	n := len(rows) - 1
	fx := &fixture{dist: mat.NewSymDense(n, nil)}
	for i, r := range rows[1:] {
		cow, err := strconv.Atoi(r[0])
		if err != nil {
			return nil, err
		}
		fx.states = append(fx.states, votes.Country{COW: cow, ISO3: r[1], Name: r[2]})
		for j := i; j < n; j++ {
			v, err := strconv.ParseFloat(r[4+j], 64)
			if err != nil {
				return nil, err
			}
			fx.dist.SetSym(i, j, v)
		}
	}
	if fx.tree, err = cluster.Hierarchical(fx.dist, cluster.Ward); err != nil {
		return nil, err
	}
	fc, err := read("fcluster_ward.csv")
	if err != nil {
		return nil, err
	}
	for _, r := range fc[1:] {
		l, err := strconv.Atoi(r[3]) // maxclust5
		if err != nil {
			return nil, err
		}
		fx.labels = append(fx.labels, l-1)
	}
	return fx, nil
})

func load(t *testing.T) *fixture {
	t.Helper()
	fx, err := session74()
	if err != nil {
		t.Fatal(err)
	}
	if len(fx.states) != 193 || len(fx.labels) != 193 {
		t.Fatalf("fixture has %d states and %d labels, want 193", len(fx.states), len(fx.labels))
	}
	return fx
}

// agreement returns 1 - dist.
func (fx *fixture) agreement() *mat.SymDense {
	n := len(fx.states)
	sim := mat.NewSymDense(n, nil)
	for i := range n {
		for j := i; j < n; j++ {
			sim.SetSym(i, j, 1-fx.dist.At(i, j))
		}
	}
	return sim
}

// render writes c as PNG and SVG, checks that the PNG decodes at the size
// the chart asks for (at DPI dots per inch), and returns the image and the
// SVG text. In short mode and under -race (testenv.Quick) it skips the PNG
// of a chart larger than 2000×2000 dots (a heatmap of 193 states takes
// seconds) and returns a nil image.
func render(t *testing.T, c *Chart) (image.Image, string) {
	t.Helper()
	var sb bytes.Buffer
	if err := c.WriteSVG(&sb); err != nil {
		t.Fatal(err)
	}
	svg := sb.String()
	if !strings.HasPrefix(svg, "<?xml") || !strings.Contains(svg, "<svg") {
		t.Errorf("SVG output does not start as an SVG document: %.80q", svg)
	}
	if testenv.Quick(t) && c.Width.Dots(DPI)*c.Height.Dots(DPI) > 2000*2000 {
		return nil, svg
	}
	var pb bytes.Buffer
	if err := c.WritePNG(&pb); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&pb)
	if err != nil {
		t.Fatal(err)
	}
	// vgimg rounds the size in dots to the nearest.
	wantW := int(math.Round(c.Width.Dots(DPI)))
	wantH := int(math.Round(c.Height.Dots(DPI)))
	if b := img.Bounds(); b.Dx() != wantW || b.Dy() != wantH {
		t.Errorf("PNG is %dx%d, want %dx%d", b.Dx(), b.Dy(), wantW, wantH)
	}
	return img, svg
}

// svgText reports whether the SVG shows s as text. vgsvg escapes XML.
func svgText(svg, s string) bool {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\'':
			b.WriteString("&#39;")
		case '&':
			b.WriteString("&amp;")
		default:
			b.WriteRune(r)
		}
	}
	return strings.Contains(svg, ">"+b.String()+"<")
}

func TestDendrogram(t *testing.T) {
	fx := load(t)
	names := []string{"Latin America", "Africa and Asia", "China, Russia", "Europe", "United States"}
	c, err := Dendrogram(fx.tree, fx.states, &DendrogramOptions{
		Title: "Session 74",
		Blocs: Blocs{Labels: fx.labels, Names: names},
		Cut:   0.5,
	})
	if err != nil {
		t.Fatal(err)
	}
	// 193 rows of rowHeight, 1.2 inch of axes and title, the legend.
	if c.Width != 10*vg.Inch || c.Height < 193*rowHeight+1.2*vg.Inch {
		t.Errorf("size %v x %v, want 10 inches wide and at least %v high", c.Width, c.Height, 193*rowHeight+1.2*vg.Inch)
	}
	_, svg := render(t, c)
	for _, s := range fx.states {
		if !svgText(svg, s.Name) {
			t.Errorf("SVG lacks the label %q", s.Name)
		}
	}
	// Bloc sizes counted in testdata/cluster/fcluster_ward.csv (maxclust5).
	for _, l := range []string{"1: Latin America (21)", "2: Africa and Asia (106)", "3: China, Russia (14)", "4: Europe (46)", "5: United States (6)"} {
		if !svgText(svg, l) {
			t.Errorf("SVG lacks the legend entry %q", l)
		}
	}
	if !svgText(svg, "merge height (ward linkage)") || !svgText(svg, "cut at 0.5") {
		t.Error("SVG lacks the axis label or the cut")
	}
}

// The sizes scipy's Ward clustering gives the five blocs of session 74
// (counted in testdata/cluster/fcluster_ward.csv) show in the legend.
func TestBlocsLegend(t *testing.T) {
	fx := load(t)
	b := &Blocs{Labels: fx.labels, Names: []string{"A", "", "C"}}
	var got []string
	k, err := b.k(len(fx.states))
	if err != nil {
		t.Fatal(err)
	}
	for l := range k {
		got = append(got, b.legend(l))
	}
	want := []string{"1: A (21)", "bloc 2 (106)", "3: C (14)", "bloc 4 (46)", "bloc 5 (6)"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("legend %q, want %q", got, want)
	}
}

// BlocsOf names the blocs by cluster.Partition.Name: the Western bloc of
// session 74 (United States, Israel, Canada, Australia, Marshall Islands,
// Micronesia; fcluster_ward.csv) by its first three in cluster's list of
// best-known states.
func TestBlocsOf(t *testing.T) {
	fx := load(t)
	b := BlocsOf(&cluster.Partition{Labels: fx.labels, States: fx.states})
	if len(b.Names) != 5 || &b.Labels[0] != &fx.labels[0] {
		t.Fatalf("BlocsOf: %d names, labels not the partition's", len(b.Names))
	}
	if got, want := b.legend(4), "5: United States, Canada, Australia, ... (6)"; got != want {
		t.Errorf("legend %q, want %q", got, want)
	}
}

// pixel returns the colour the PNG of c shows at data point (x, y).
func pixel(t *testing.T, c *Chart, x, y float64) color.Color {
	t.Helper()
	img := vgimg.NewWith(vgimg.UseWH(c.Width, c.Height), vgimg.UseDPI(DPI))
	dc := draw.New(img)
	c.Plot.Draw(dc)
	data := c.Plot.DataCanvas(dc)
	trX, trY := c.Plot.Transforms(&data)
	px := int(trX(x).Dots(DPI))
	py := img.Image().Bounds().Dy() - int(trY(y).Dots(DPI))
	return img.Image().At(px, py)
}

// reddish and bluish tell the two ends of Moreland's blue-red map apart.
func reddish(c color.Color) bool { r, _, b, _ := c.RGBA(); return r > b+0x4000 }
func bluish(c color.Color) bool  { r, _, b, _ := c.RGBA(); return b > r+0x4000 }

// Cells are where the order puts them: the first state at the top left, the
// highest value red and the lowest blue, a NaN grey.
func TestHeatmapCells(t *testing.T) {
	states := []votes.Country{{COW: 2, ISO3: "USA", Name: "United States"}, {COW: 20, ISO3: "CAN", Name: "Canada"}, {COW: 365, ISO3: "RUS", Name: "Russia"}}
	m := mat.NewSymDense(3, []float64{
		1, 0.9, 0.1,
		0.9, 1, math.NaN(),
		0.1, math.NaN(), 1,
	})
	for _, tc := range []struct {
		order []int
		// Column (x) and row from the top of a cell of value 0.1, and one
		// of NaN.
		lowX, lowRow, nanX, nanRow int
	}{
		{nil, 2, 0, 2, 1},
		{[]int{2, 1, 0}, 0, 2, 1, 0},
	} {
		c, err := Heatmap(m, states, &HeatmapOptions{Order: tc.order, Min: 0, Max: 1})
		if err != nil {
			t.Fatal(err)
		}
		// Cells at (column, 2 - row from the top).
		if col := pixel(t, c, float64(tc.lowX), float64(2-tc.lowRow)); !bluish(col) {
			t.Errorf("order %v: cell of 0.1 is %v, want blue", tc.order, col)
		}
		if col := pixel(t, c, 0, 2); !reddish(col) {
			t.Errorf("order %v: top left cell (a state with itself, 1) is %v, want red", tc.order, col)
		}
		if col := pixel(t, c, float64(tc.nanX), float64(2-tc.nanRow)); col != color.Color(color.RGBA{0x50, 0x50, 0x50, 0xff}) {
			t.Errorf("order %v: NaN cell is %v, want dark grey", tc.order, col)
		}
		_, svg := render(t, c)
		for _, s := range []string{"United States", "Canada", "Russia", "USA", "RUS", "agreement 1.00", "agreement 0.00", "no value"} {
			if !svgText(svg, s) {
				t.Errorf("order %v: SVG lacks %q", tc.order, s)
			}
		}
	}
	// A value outside a scale the caller fixed is an error, not a clamp.
	_, err := Heatmap(m, states, &HeatmapOptions{Min: 0.2, Max: 1})
	if !errors.Is(err, ErrRange) || !strings.Contains(err.Error(), "(United States, Russia) is 0.1") {
		t.Errorf("value under the scale: %v, want ErrRange naming the cell", err)
	}
	inf := mat.NewSymDense(3, nil)
	inf.SetSym(0, 1, math.Inf(1))
	if _, err := Heatmap(inf, states, nil); !errors.Is(err, ErrNotFinite) {
		t.Errorf("infinite cell: %v, want ErrNotFinite", err)
	}
}

// Session 74 in Ward order, outlined by bloc: the default scale runs from
// the lowest agreement, rounded down to a tenth, to 1.
func TestHeatmapSession74(t *testing.T) {
	fx := load(t)
	sim := fx.agreement()
	lo := 1.0
	for i := range 193 {
		for j := range i {
			lo = min(lo, sim.At(i, j))
		}
	}
	c, err := Heatmap(sim, fx.states, &HeatmapOptions{Order: fx.tree.Leaves(), Blocs: Blocs{Labels: fx.labels}})
	if err != nil {
		t.Fatal(err)
	}
	_, svg := render(t, c)
	floor := math.Floor(lo*10) / 10
	for _, s := range []string{fmt.Sprintf("agreement %.2f", floor), "agreement 1.00", fx.states[61].Name, "SRB", "bloc 5 (6)"} {
		if !svgText(svg, s) {
			t.Errorf("SVG lacks %q", s)
		}
	}
	if svgText(svg, "no value") {
		t.Error("legend lists NaN cells for a matrix without one")
	}
}

// A co-clustering frequency matrix: the share of partitions in which two
// states share a bloc, here of three cuts of the Ward tree, drawn on the
// fixed scale [0, 1].
func TestHeatmapCoClustering(t *testing.T) {
	fx := load(t)
	n := len(fx.states)
	freq := mat.NewSymDense(n, nil)
	cuts := []int{3, 5, 8}
	for _, k := range cuts {
		labels, err := fx.tree.CutK(k)
		if err != nil {
			t.Fatal(err)
		}
		for i := range n {
			for j := i; j < n; j++ {
				if labels[i] == labels[j] {
					freq.SetSym(i, j, freq.At(i, j)+1/float64(len(cuts)))
				}
			}
		}
	}
	c, err := Heatmap(freq, fx.states, &HeatmapOptions{Order: fx.tree.Leaves(), Value: "co-clustering frequency", Min: 0, Max: 1})
	if err != nil {
		t.Fatal(err)
	}
	_, svg := render(t, c)
	for _, s := range []string{"co-clustering frequency 0.00", "co-clustering frequency 0.50", "co-clustering frequency 1.00"} {
		if !svgText(svg, s) {
			t.Errorf("SVG lacks %q", s)
		}
	}
}

func TestMap(t *testing.T) {
	fx := load(t)
	m, err := cluster.MDS(fx.dist, 2)
	if err != nil {
		t.Fatal(err)
	}
	var always []votes.Country
	for _, c := range fx.states {
		switch c.ISO3 {
		case "RUS", "SRB", "ALB", "BIH", "BGR", "HRV", "GRC", "MNE", "MKD", "ROU", "SVN":
			always = append(always, c)
		}
	}
	c, err := Map(m, fx.states, &MapOptions{Blocs: Blocs{Labels: fx.labels}, Always: always})
	if err != nil {
		t.Fatal(err)
	}
	_, svg := render(t, c)
	// The Balkan states sit in the crowded European cluster, yet all are
	// labelled.
	for _, s := range always {
		if !svgText(svg, s.ISO3) {
			t.Errorf("SVG lacks the label %s", s.ISO3)
		}
	}
	// numpy's eigenvalues of the fixture: 5.197 and 1.083 of 8.179, the sum
	// of the positive ones (testdata/cluster/mds.csv): 64% and 13%.
	for _, s := range []string{"dimension 1 (64% of variance)", "dimension 2 (13% of variance)", "bloc 1 (21)"} {
		if !svgText(svg, s) {
			t.Errorf("SVG lacks %q", s)
		}
	}
	// Labels never overlap, so the crowded centre leaves some states
	// unlabelled; most of the rest are.
	if got := strings.Count(svg, "font-size:7px\">"); got < 60 || got >= 193 {
		t.Errorf("%d labels of 7 points, want 60 to 192", got)
	}

	bad := &cluster.Map{Coords: mat.NewDense(2, 2, []float64{0, 0, math.NaN(), 1})}
	if _, err := Map(bad, fx.states[:2], nil); !errors.Is(err, ErrNotFinite) || !strings.Contains(err.Error(), fx.states[1].Name) {
		t.Errorf("NaN coordinate: %v, want ErrNotFinite naming %s", err, fx.states[1].Name)
	}
}

func TestLines(t *testing.T) {
	nan := math.NaN()
	lines := []Line{
		{Name: "Serbia", X: []float64{50, 51, 52, 53}, Y: []float64{nan, 1, 1.1, 1.2}, Lo: []float64{nan, 0.9, 1, 1.1}, Hi: []float64{nan, 1.1, 1.2, 1.3}},
		{Name: "Croatia", X: []float64{50, 51, 52, 53}, Y: []float64{1, nan, 1.3, 1.4}, Width: vg.Points(0.7)},
	}
	c, err := Lines(lines, &LinesOptions{Title: "ideal points", XLabel: "session", YLabel: "ideal point"})
	if err != nil {
		t.Fatal(err)
	}
	_, svg := render(t, c)
	for _, s := range []string{"Serbia", "Croatia", "ideal points", "session", "ideal point"} {
		if !svgText(svg, s) {
			t.Errorf("SVG lacks %q", s)
		}
	}
	// The band lies behind Serbia's line, in Serbia's colour, and the
	// legend sits right of the lines.
	if col := pixel(t, c, 52, 1.05); !sameHue(col, Color(0)) {
		t.Errorf("inside Serbia's band: %v, want a faded %v", col, Color(0))
	}
	if col := pixel(t, c, 52, 1.25); col != color.Color(color.RGBA{0xff, 0xff, 0xff, 0xff}) {
		t.Errorf("outside the band: %v, want white", col)
	}
	if col := pixel(t, c, 51.5, 1.35); col != color.Color(color.RGBA{0xff, 0xff, 0xff, 0xff}) {
		t.Errorf("Croatia's line is drawn across its gap at session 51: %v", col)
	}
	// Croatia's value at session 50, alone before the gap, is a dot in
	// its colour.
	if col := pixel(t, c, 50, 1); col != color.Color(Color(1)) {
		t.Errorf("Croatia's lone value at session 50: %v, want a dot of %v", col, Color(1))
	}

	for _, tc := range []struct {
		l    Line
		want error
	}{
		{Line{Name: "a", X: []float64{1, 1}, Y: []float64{0, 0}}, ErrRange},
		{Line{Name: "a", X: []float64{1, nan}, Y: []float64{0, 0}}, ErrNotFinite},
		{Line{Name: "a", X: []float64{1, 2}, Y: []float64{0, math.Inf(1)}}, ErrNotFinite},
		{Line{Name: "a", X: []float64{1, 2}, Y: []float64{0, 0}, Lo: []float64{0, 1}, Hi: []float64{1, 0}}, ErrRange},
	} {
		if _, err := Lines([]Line{tc.l}, nil); !errors.Is(err, tc.want) {
			t.Errorf("%+v: %v, want %v", tc.l, err, tc.want)
		}
	}
}

// The labels of marks too close to share a line are drawn on different
// lines, and a label with room beside the ones before it stays on the top
// line: change points a session apart stay readable.
func TestLinesMarkLabelsApart(t *testing.T) {
	line := Line{Name: "a", X: []float64{50, 60, 70, 80}, Y: []float64{1, 2, 1, 2}}
	c, err := Lines([]Line{line}, &LinesOptions{Marks: []Mark{
		{X: 63, Label: "change at 63"}, {X: 64, Label: "change at 64"}, {X: 78, Label: "change at 78"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	_, svg := render(t, c)
	y := make(map[string]string)
	for _, m := range regexp.MustCompile(`<text x="[^"]*" y="([^"]*)"[^>]*\n?[^>]*>(change at \d+)<`).FindAllStringSubmatch(svg, -1) {
		y[m[2]] = m[1]
	}
	if len(y) != 3 || y["change at 63"] == y["change at 64"] || y["change at 63"] != y["change at 78"] {
		t.Errorf("label heights %v: want 63 and 78 on the top line, 64 below", y)
	}
}

// Marks: a dashed line at X in the mark's colour, its span shaded behind
// the lines, its label in the SVG, a mark outside the lines' range left
// out, and a mark that is not finite refused.
func TestLinesMarks(t *testing.T) {
	red := color.RGBA{0xd0, 0x20, 0x20, 0xff}
	line := Line{Name: "a", X: []float64{50, 51, 52, 53, 54, 55}, Y: []float64{1, 1, 1, 2, 2, 2}}
	c, err := Lines([]Line{line}, &LinesOptions{Marks: []Mark{
		{X: 52.5, Lo: 51.5, Hi: 54.5, Label: "change at 53", Color: red},
		{X: 70, Label: "beyond the lines"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	_, svg := render(t, c)
	if !svgText(svg, "change at 53") {
		t.Errorf("SVG lacks the mark's label")
	}
	if svgText(svg, "beyond the lines") {
		t.Errorf("a mark beyond the lines' X is drawn")
	}
	if c.Plot.X.Max != 55 {
		t.Errorf("the marks change the X range: max %v, want 55", c.Plot.X.Max)
	}
	// The span is the mark's colour faded on white; the line at X (dashed:
	// look along it for a dash) its colour; outside the span white.
	if col := pixel(t, c, 54, 1.5); !sameHue(col, red) {
		t.Errorf("inside the span: %v, want a faded %v", col, red)
	}
	if col := pixel(t, c, 50.5, 1.5); col != color.Color(color.RGBA{0xff, 0xff, 0xff, 0xff}) {
		t.Errorf("outside the span: %v, want white", col)
	}
	onLine := 0
	for k := range 20 {
		if col := pixel(t, c, 52.5, 1.2+0.03*float64(k)); col == color.Color(red) {
			onLine++
		}
	}
	if onLine == 0 || onLine == 20 {
		t.Errorf("%d of 20 points along the mark in its colour: want a dashed line", onLine)
	}
	for _, m := range []Mark{{X: math.NaN()}, {X: 1, Lo: math.Inf(-1), Hi: 2}, {X: 1, Hi: math.NaN()}} {
		if _, err := Lines([]Line{line}, &LinesOptions{Marks: []Mark{m}}); !errors.Is(err, ErrNotFinite) {
			t.Errorf("mark %+v: %v, want ErrNotFinite", m, err)
		}
	}
}

// sameHue reports whether c is col faded on white: each channel between
// col's and white, and the channels in col's order.
func sameHue(c, col color.Color) bool {
	r, g, b, _ := c.RGBA()
	cr, cg, cb, _ := col.RGBA()
	between := func(v, lo uint32) bool { return v >= lo && v < 0xffff }
	return between(r, cr) && between(g, cg) && between(b, cb) && (r < b) == (cr < cb)
}

func TestSegments(t *testing.T) {
	nan := math.NaN()
	got := segments([]float64{nan, 1, 2, nan, 3, nan}, []float64{0, 0, 0, 0, 0, 0})
	if fmt.Sprint(got) != "[[1 3] [4 5]]" {
		t.Errorf("segments = %v, want [[1 3] [4 5]]", got)
	}
	got = segments([]float64{1, 2, 3}, []float64{1, nan, 3})
	if fmt.Sprint(got) != "[[0 1] [2 3]]" {
		t.Errorf("segments with b = %v, want [[0 1] [2 3]]", got)
	}
}

func TestSave(t *testing.T) {
	c, err := Lines([]Line{{Name: "a", X: []float64{1, 2}, Y: []float64{1, 2}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, name := range []string{"a.png", "b.PNG", "c.svg"} {
		path := filepath.Join(dir, name)
		if err := c.Save(path); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if strings.EqualFold(filepath.Ext(name), ".png") {
			if _, err := png.DecodeConfig(bytes.NewReader(b)); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		} else if !bytes.Contains(b, []byte("<svg")) {
			t.Errorf("%s is not SVG", name)
		}
	}
	path := filepath.Join(dir, "d.pdf")
	if err := c.Save(path); err == nil || !strings.Contains(err.Error(), ".png or .svg") {
		t.Errorf("Save(.pdf) = %v, want an error naming the formats", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Save(.pdf) created the file (%v)", err)
	}
	if err := c.Save(filepath.Join(dir, "no", "such", "dir.png")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Save into a missing directory: %v", err)
	}
}

func TestPanics(t *testing.T) {
	fx := load(t)
	sim := fx.agreement()
	for name, f := range map[string]func(){
		"dendrogram states":  func() { Dendrogram(fx.tree, fx.states[:3], nil) },
		"dendrogram labels":  func() { Dendrogram(fx.tree, fx.states, &DendrogramOptions{Blocs: Blocs{Labels: []int{0}}}) },
		"negative label":     func() { Heatmap(sim, fx.states, &HeatmapOptions{Blocs: Blocs{Labels: make([]int, 192)}}) },
		"heatmap order":      func() { Heatmap(sim, fx.states, &HeatmapOptions{Order: make([]int, 192)}) },
		"map states":         func() { Map(&cluster.Map{Coords: mat.NewDense(2, 2, nil)}, fx.states, nil) },
		"map one dimension":  func() { Map(&cluster.Map{Coords: mat.NewDense(2, 1, nil)}, fx.states[:2], nil) },
		"line lengths":       func() { Lines([]Line{{X: []float64{1}, Y: []float64{1, 2}}}, nil) },
		"line band one-side": func() { Lines([]Line{{X: []float64{1}, Y: []float64{1}, Lo: []float64{0}}}, nil) },
	} {
		func() {
			defer func() {
				r := recover()
				if s, ok := r.(string); !ok || !strings.HasPrefix(s, "chart: ") {
					t.Errorf("%s: recovered %v, want a panic starting \"chart: \"", name, r)
				}
			}()
			f()
		}()
	}
}

// TestBadOptionValues: an option value out of its range is an error
// wrapping ErrRange that names it, not a panic (a length that does not fit
// the states stays one: see TestPanics).
func TestBadOptionValues(t *testing.T) {
	fx := load(t)
	sim := fx.agreement()
	neg := make([]int, 193)
	neg[7] = -1
	for name, tc := range map[string]struct {
		f    func() (*Chart, error)
		want string
	}{
		"heatmap order": {func() (*Chart, error) { return Heatmap(sim, fx.states, &HeatmapOptions{Order: make([]int, 193)}) }, "Order[1] = 0"},
		"heatmap scale": {func() (*Chart, error) { return Heatmap(sim, fx.states, &HeatmapOptions{Min: 1, Max: 1}) }, "Min = 1, Max = 1"},
		"heatmap label": {func() (*Chart, error) { return Heatmap(sim, fx.states, &HeatmapOptions{Blocs: Blocs{Labels: neg}}) }, "negative bloc label -1 of state 7"},
		"map label": {func() (*Chart, error) {
			return Map(&cluster.Map{Coords: mat.NewDense(193, 2, nil)}, fx.states, &MapOptions{Blocs: Blocs{Labels: neg}})
		}, "negative bloc label -1 of state 7"},
		"dendrogram label": {func() (*Chart, error) {
			return Dendrogram(fx.tree, fx.states, &DendrogramOptions{Blocs: Blocs{Labels: neg}})
		}, "negative bloc label -1 of state 7"},
	} {
		c, err := tc.f()
		if c != nil || !errors.Is(err, ErrRange) || !strings.HasPrefix(err.Error(), "chart: ") || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want ErrRange naming %q", name, err, tc.want)
		}
	}
}

// A state without an ISO3 code is labelled by its code (GFR), not its COW
// number.
func TestCodeWithoutISO3(t *testing.T) {
	frg, ok := votes.CountryByCOW(260)
	if !ok || code(frg) != "GFR" {
		t.Errorf("code(COW 260) = %q, want GFR", code(frg))
	}
}
