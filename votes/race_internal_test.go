//go:build race

package votes

// raceDetectorOn reports a build with -race, where reading the whole real
// files twice over takes long: tests then read a part of them.
const raceDetectorOn = true
