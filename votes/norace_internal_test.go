//go:build !race

package votes

// raceDetectorOn reports a build with -race; see race_internal_test.go.
const raceDetectorOn = false
