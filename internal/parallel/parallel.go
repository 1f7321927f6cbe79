// Package parallel runs the iterations of a loop on several goroutines,
// the one fan-out every package of the module uses.
//
// The number of goroutines is GOMAXPROCS unless a caller asks for another
// (the package doc of the module root says how a user limits it), and
// never more than the loop has iterations.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Workers returns the number of goroutines that a loop of n iterations
// runs on when workers are asked for: GOMAXPROCS if workers < 1, and at
// most n.
func Workers(n, workers int) int {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	return max(min(workers, n), 0)
}

// For calls f(w, k) for every k in [0, n) on Workers(n, workers)
// goroutines, handing out k in increasing order to whichever goroutine is
// free, and returns when every call has returned. w in [0, Workers(n,
// workers)) names the goroutine that makes the call, so that f can keep
// scratch space per goroutine in a slice indexed by w. With one worker
// the calls are made in order on the calling goroutine.
func For(n, workers int, f func(w, k int)) {
	nw := Workers(n, workers)
	if nw <= 1 {
		for k := range n {
			f(0, k)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range nw {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				k := int(next.Add(1) - 1)
				if k >= n {
					return
				}
				f(w, k)
			}
		}()
	}
	wg.Wait()
}

// Blocks calls f(lo, hi) on the ranges [w*n/W, (w+1)*n/W) for w in [0, W),
// W = Workers(n, workers), each on its own goroutine, and returns when
// every call has returned. The split depends only on n and W, so that a
// computation whose blocks draw from their own streams is the same from
// run to run. With one worker it calls f(0, n) on the calling goroutine.
func Blocks(n, workers int, f func(lo, hi int)) {
	nw := Workers(n, workers)
	if nw <= 1 {
		f(0, n)
		return
	}
	var wg sync.WaitGroup
	for w := range nw {
		lo, hi := w*n/nw, (w+1)*n/nw
		wg.Add(1)
		go func() {
			defer wg.Done()
			f(lo, hi)
		}()
	}
	wg.Wait()
}
