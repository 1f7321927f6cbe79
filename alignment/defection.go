package alignment

import (
	"math"

	"github.com/unga-go/unga/votes"
)

// defectionTest returns the expected number of defections and the chance
// of d or more, for a member that defects on each of its votes with the
// given chances independently (see Defection.PValue); NaN for no vote.
func defectionTest(chances []float64, d int) (expected, p float64) {
	if len(chances) == 0 {
		return math.NaN(), math.NaN()
	}
	return floatSum(chances), min(1, floatSum(poissonBinomial(chances)[d:]))
}

// count returns the number of votes v in t.
func count(t votes.Tally, v votes.Vote) int {
	switch v {
	case votes.Yes:
		return t.Yes
	case votes.No:
		return t.No
	case votes.Abstain:
		return t.Abstain
	}
	return 0
}
