package parallel

import (
	"runtime"
	"slices"
	"sync/atomic"
	"testing"
)

func TestWorkers(t *testing.T) {
	g := runtime.GOMAXPROCS(0)
	for _, c := range []struct{ n, workers, want int }{
		{0, 0, 0}, {1, 0, 1}, {1000, 0, g}, {1000, 3, 3}, {2, 5, 2}, {1000, -1, g},
	} {
		if got := Workers(c.n, c.workers); got != c.want {
			t.Errorf("Workers(%d, %d) = %d, want %d", c.n, c.workers, got, c.want)
		}
	}
}

// TestFor: every k is called once, and w stays below Workers.
func TestFor(t *testing.T) {
	for _, workers := range []int{0, 1, 3, 8} {
		const n = 1000
		var calls [n]atomic.Int32
		nw := Workers(n, workers)
		bad := atomic.Bool{}
		For(n, workers, func(w, k int) {
			if w < 0 || w >= nw {
				bad.Store(true)
			}
			calls[k].Add(1)
		})
		if bad.Load() {
			t.Errorf("workers %d: a goroutine index outside [0, %d)", workers, nw)
		}
		for k := range calls {
			if c := calls[k].Load(); c != 1 {
				t.Fatalf("workers %d: f called %d times for k = %d, want 1", workers, c, k)
			}
		}
	}
}

// TestBlocks: the ranges cover [0, n) once, in the split w*n/W.
func TestBlocks(t *testing.T) {
	for _, c := range []struct{ n, workers int }{{0, 0}, {1, 4}, {10, 3}, {1000, 7}} {
		got := make(chan [2]int, 64)
		Blocks(c.n, c.workers, func(lo, hi int) { got <- [2]int{lo, hi} })
		close(got)
		var ranges [][2]int
		for r := range got {
			ranges = append(ranges, r)
		}
		slices.SortFunc(ranges, func(a, b [2]int) int { return a[0] - b[0] })
		nw := max(Workers(c.n, c.workers), 1)
		if len(ranges) != nw {
			t.Fatalf("Blocks(%d, %d): %d ranges, want %d", c.n, c.workers, len(ranges), nw)
		}
		for w, r := range ranges {
			if want := [2]int{w * c.n / nw, (w + 1) * c.n / nw}; r != want {
				t.Errorf("Blocks(%d, %d): range %d = %v, want %v", c.n, c.workers, w, r, want)
			}
		}
	}
}
