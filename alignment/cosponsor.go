package alignment

import (
	"math"

	"github.com/unga-go/unga/votes"
)

// CosponsorMatrix measures alignment by sponsorship instead of votes: for
// every pair of states of ds, how often they sponsored the same draft,
// counting both RollCall.Sponsors and RollCall.AdditionalSponsors (the UN's
// resolution data give them; the other sources do not, and their roll
// calls count for nothing here).
//
// The result has the shape AgreementMatrix gives, with Index
// Cosponsorship, so that cluster.Distances and chart.Heatmap take it as
// they take an agreement matrix. N(i, j) is the number of roll calls of ds
// that i or j sponsored, and the score the share of them that both
// sponsored (the Jaccard index), so that the number sponsored together is
// Score × N, exactly. A state's N(i, i) is the number it sponsored, and its
// score with itself 1; a pair of which neither sponsored anything scores
// NaN with N 0. The states are the rows of ds, in its order.
//
// It returns ErrEmpty if no roll call of ds names a state as sponsor.
func CosponsorMatrix(ds *votes.Dataset) (*Matrix, error) {
	cs := countries(ds)
	n := len(cs)
	row := make(map[int]int, n)
	for i, c := range cs {
		row[c.COW] = i
	}
	together := make([]int32, n*n) // i <= j in the upper triangle
	alone := make([]int32, n)      // roll calls each sponsored
	var rows []int
	seen := make([]bool, n)
	found := false
	for _, rc := range ds.RollCalls() {
		rows = rows[:0]
		for _, list := range [...][]votes.Country{rc.Sponsors, rc.AdditionalSponsors} {
			for _, c := range list {
				// A sponsor without a row (not in a selection of states) is
				// not a pair of this matrix.
				if i, ok := row[c.COW]; ok && !seen[i] {
					seen[i] = true
					rows = append(rows, i)
				}
			}
		}
		for _, i := range rows {
			seen[i] = false
			alone[i]++
			for _, j := range rows {
				if i < j {
					together[i*n+j]++
				}
			}
		}
		found = found || len(rows) > 0
	}
	if !found {
		return nil, ErrEmpty
	}
	m := newMatrix(Cosponsorship, cs)
	for i := range n {
		for j := i; j < n; j++ {
			both := alone[i]
			if i != j {
				both = together[i*n+j]
			}
			either := alone[i] + alone[j] - both
			if i == j {
				either = alone[i]
			}
			s := Score{Value: math.NaN(), N: int(either)}
			if either > 0 {
				s.Value = float64(both) / float64(either)
			}
			m.set(i, j, s)
		}
	}
	return m, nil
}
