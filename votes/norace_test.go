//go:build !race

package votes_test

// raceDetector reports a build with -race; see race_test.go.
const raceDetector = false
