package alignment

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/unga-go/unga/votes"
)

// binomialSeries simulates T sessions of n roll calls whose agreement is
// Binomial(n, p_k)/n, p_k = p before the shift and p+delta from period
// at on.
func binomialSeries(rng *rand.Rand, T, n int, p, delta float64, at int) ([]int, []Score) {
	keys, scores := make([]int, T), make([]Score, T)
	for k := range T {
		pk := p
		if k >= at {
			pk += delta
		}
		x := 0
		for range n {
			if rng.Float64() < pk {
				x++
			}
		}
		keys[k], scores[k] = 45+k, Score{Value: float64(x) / float64(n), N: n}
	}
	return keys, scores
}

// TestChangePointsSimulated plants shifts in simulated series and counts
// what ChangePoints finds (default options).
//
// Simulation (seeded), 1000 series each: 30 sessions
// of 80 roll calls, each roll call an agreement with chance p (uniform in
// [0.55, 0.7]), independently.
//   - With a shift: from a session drawn uniformly in 6..24 (so that 5
//     or more sessions lie on either side), p rises or falls (a coin toss)
//     by 0.15. Found: a change point within 2 sessions of the shift, in
//     at least 95% of series.
//   - Without: any change point is false, in at most 5% of series.
func TestChangePointsSimulated(t *testing.T) {
	const sims = 1000
	rng := rand.New(rand.NewPCG(2026, 11))
	found, falses, covered, hits := 0, 0, 0, 0
	for range sims {
		p := 0.55 + 0.15*rng.Float64()
		at := 5 + rng.IntN(19)
		delta := 0.15
		if rng.IntN(2) == 0 {
			delta = -0.15
			p += 0.15
		}
		keys, scores := binomialSeries(rng, 30, 80, p, delta, at)
		ch, err := ChangePoints(keys, scores, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range ch.Points {
			if math.Abs(float64(c.Key-keys[at])) <= 2 {
				found++
				if c.Lo <= keys[at] && keys[at] <= c.Hi {
					covered++
				}
				hits++
				break
			}
		}
		keys, scores = binomialSeries(rng, 30, 80, p, 0, 0)
		ch, err = ChangePoints(keys, scores, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(ch.Points) > 0 {
			falses++
		}
	}
	t.Logf("shift found in %d of %d (date interval held it in %d of %d); false change in %d of %d", found, sims, covered, hits, falses, sims)
	if float64(found) < 0.95*float64(sims) {
		t.Errorf("a shift of 0.15 found in %d of %d series, want 95%% or more", found, sims)
	}
	if float64(falses) > 0.05*float64(sims) {
		t.Errorf("a false change point in %d of %d series, want 5%% or fewer", falses, sims)
	}
}

// TestChangePointsSerbiaRussia: Serbia's agreement with Russia since
// 1992 (session 47; Yugoslavia's seat is Serbia's, COW 345), sessions on
// fewer than 10 joint roll calls left out (47, with one, and 48-54, when
// the Federal Republic did not sit). One change is found: from session
// 68 (2013-14) Serbia voted less with Russia. The levels are the
// n-weighted means of the session scores on either side, 0.7859 on 1142
// roll calls (55-67) and 0.7085 on 609 (68-74), computed with python3
// from the session scores (which ExamplePairBy-style tables show).
func TestChangePointsSerbiaRussia(t *testing.T) {
	ds := load(t).Filter(votes.InSessions(47, 74))
	ps, err := PairBy(ds, BySession, country(t, "SRB"), country(t, "RUS"), nil)
	if err != nil {
		t.Fatal(err)
	}
	ch, err := ChangePoints(ps.Periods, ps.Scores(Agree, 10), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(ch.Skipped) != 8 || ch.Skipped[0] != 47 || ch.keys[0] != 55 {
		t.Errorf("skipped %v, first kept %d; want 47-54 skipped", ch.Skipped, ch.keys[0])
	}
	if len(ch.Points) != 1 {
		t.Fatalf("%d change points, want 1:\n%v", len(ch.Points), ch)
	}
	p := ch.Points[0]
	if p.Key != 68 || p.Lo > 68 || p.Hi < 68 || math.Abs(ch.Segments[0].Level-0.7859) > 1e-4 || math.Abs(ch.Segments[1].Level-0.7085) > 1e-4 {
		t.Errorf("change %+v, levels %v, want at 68 from 0.7859 to 0.7085", p, ch.Segments)
	}
	t.Log(ch)
}

// TestChangePointsEdges: NaN and n = 0 skipped and counted, a flat series
// without change, rows, and panics on bad keys.
func TestChangePointsEdges(t *testing.T) {
	nan := math.NaN()
	keys := []int{1, 2, 3, 4, 5, 6, 7, 8}
	scores := []Score{{0.5, 10}, {nan, 0}, {0.5, 10}, {0.5, 0}, {0.5, 10}, {0.5, 10}, {0.5, 10}, {0.5, 10}}
	ch, err := ChangePoints(keys, scores, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(ch.Skipped) != 2 || ch.Skipped[0] != 2 || ch.Skipped[1] != 4 || len(ch.Points) != 0 || len(ch.Segments) != 1 || ch.Segments[0].Level != 0.5 {
		t.Errorf("%+v", ch)
	}
	// A clear step: 0.2 for six sessions, 0.8 for six, 100 roll calls each.
	keys, scores = nil, nil
	for k := range 12 {
		v := 0.2
		if k >= 6 {
			v = 0.8
		}
		keys, scores = append(keys, 2000+k), append(scores, Score{v + 0.01*float64(k%2), 100})
	}
	ch, err = ChangePoints(keys, scores, nil)
	if err != nil {
		t.Fatal(err)
	}
	rows := ch.rows()
	if len(rows) != 1 || rows[0].Key != 2006 || rows[0].Lo != 2006 || rows[0].Hi != 2006 || math.Abs(rows[0].Before-0.205) > 1e-9 || math.Abs(rows[0].After-0.805) > 1e-9 {
		t.Errorf("rows %+v", rows)
	}
	var b strings.Builder
	if err := ch.WriteCSV(&b); err != nil || !strings.HasPrefix(b.String(), "key,lo,hi,level,before,after\n2006,2006,2006,0.95,") {
		t.Errorf("CSV %q, %v", b.String(), err)
	}
	if _, err := ChangePoints(nil, nil, nil); err == nil {
		t.Error("no scores: no error")
	}
	defer func() {
		if recover() == nil {
			t.Error("decreasing keys did not panic")
		}
	}()
	ChangePoints([]int{2, 1}, []Score{{0.5, 1}, {0.5, 1}}, nil)
}
