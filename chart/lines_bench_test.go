package chart

import (
	"bytes"
	"fmt"
	"image"
	stdraw "image/draw"
	"image/png"
	"io"
	"math"
	"math/rand/v2"
	"testing"
)

// benchLines is n points of a noisy line with a band, as a long series of
// per-roll-call scores would be: the line turns at every point.
func benchLines(n int) []Line {
	rng := rand.New(rand.NewPCG(1, 2))
	x, y, lo, hi := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	for k := range n {
		x[k] = float64(k)
		y[k] = rng.NormFloat64()
		lo[k], hi[k] = y[k]-0.5, y[k]+0.5
	}
	return []Line{{Name: "wavy", X: x, Y: y, Lo: lo, Hi: hi}}
}

// BenchmarkLinesPNG draws one line with its band as PNG at growing sizes.
func BenchmarkLinesPNG(b *testing.B) {
	for _, n := range []int{250, 1000, 2000, 4000} {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			lines := benchLines(n)
			for b.Loop() {
				c, err := Lines(lines, nil)
				if err != nil {
					b.Fatal(err)
				}
				if err := c.WritePNG(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestLinesPieces: a long line and its band, drawn in pieces (as Lines
// draws them to keep the PNG rasterizer linear), look like the same line
// and band drawn as one path. Pieces of 3 points put a seam at every
// other point, the most a seam can show.
func TestLinesPieces(t *testing.T) {
	lines := benchLines(300)
	lines[0].Y[150], lines[0].Lo[150], lines[0].Hi[150] = math.NaN(), math.NaN(), math.NaN() // a gap, two runs
	draw := func(piece int) *image.RGBA {
		c, err := linesIn(lines, nil, piece)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := c.WritePNG(&b); err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(&b)
		if err != nil {
			t.Fatal(err)
		}
		rgba := image.NewRGBA(img.Bounds())
		stdraw.Draw(rgba, img.Bounds(), img, img.Bounds().Min, stdraw.Src)
		return rgba
	}
	whole, pieces := draw(1<<30), draw(8)
	if whole.Bounds() != pieces.Bounds() {
		t.Fatalf("sizes %v and %v", whole.Bounds(), pieces.Bounds())
	}
	// A piece left out, or drawn where nothing was, turns ink to paper or
	// paper to ink; a seam or an anti-aliased edge drawn twice only shades.
	var differ, lost, inked int
	for i := range whole.Pix {
		a, b := whole.Pix[i], pieces.Pix[i]
		if a != 0xff {
			inked++
		}
		if a != b {
			differ++
		}
		if a < 160 && b > 235 || b < 160 && a > 235 {
			lost++
		}
	}
	t.Logf("%d of %d bytes inked, %d differ, %d between ink and paper", inked, len(whole.Pix), differ, lost)
	if lost > 0 || differ > inked/10 {
		t.Errorf("one path and pieces differ in %d of %d inked bytes, %d between ink and paper", differ, inked, lost)
	}
}
