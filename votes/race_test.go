//go:build race

package votes_test

// raceDetector reports a build with -race, where the full-size round trips
// take minutes: those tests then work on a part of the data.
const raceDetector = true
