//go:build race

package testenv

// Race reports a build with the race detector (go test -race).
const Race = true
