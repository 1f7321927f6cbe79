// Package testenv tells the tests of unga how much of the real data to work
// on.
//
// The full run (go test ./..., without -short or -race) checks everything on
// the whole record. Under -short, and under the race detector, slow tests
// check a part: the race detector makes numeric work 10-20 times slower, and
// it is there to catch data races, which the reduced runs exercise as well,
// since they go through the same concurrent code (parallel kernels, the
// goroutines of the bootstrap and of Stability, the parallel readers of votes) on
// smaller inputs.
package testenv

import "testing"

// Quick reports whether a slow test should check its reduced subset: in
// short mode (go test -short) or in a build with the race detector
// (go test -race). The reduced subset must still go through the concurrent
// code paths the full run does.
func Quick(tb testing.TB) bool {
	tb.Helper()
	return testing.Short() || Race
}
