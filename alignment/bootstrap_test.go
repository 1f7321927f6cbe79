package alignment

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/unga-go/unga/internal/testenv"
	"github.com/unga-go/unga/votes"
)

// TestBootstrapReferences checks the intervals of three pairs of session
// 74 against an independent computation, testdata/scripts/bootstrap74.py
// (python3/numpy: 100,000 resamples of the session's roll calls, unanimous
// ones judged on the whole Assembly and dropped, Voeten's Agree, 95%
// percentile interval by numpy.percentile). Both resample all of the
// session's roll calls, so that the pair's n varies too; the ends must
// agree within 0.01, the two generators' draws being different.
func TestBootstrapReferences(t *testing.T) {
	s74 := load(t).Filter(votes.InSessions(74, 74))
	for _, tc := range []struct {
		a, b   string
		score  float64
		n      int
		lo, hi float64
	}{
		{"SRB", "RUS", 0.7439, 82, 0.6648, 0.8176},
		{"USA", "ISR", 0.9607, 89, 0.9213, 0.9890},
		{"USA", "CAN", 0.6923, 91, 0.6154, 0.7692},
	} {
		pb, err := BootstrapPair(s74, country(t, tc.a), country(t, tc.b), Agree, &BootstrapOptions{Resamples: 10000, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		iv := pb
		if math.Abs(iv.Value-tc.score) > 5e-5 || iv.N != tc.n || math.Abs(iv.Lo-tc.lo) > 0.01 || math.Abs(iv.Hi-tc.hi) > 0.01 {
			t.Errorf("%s-%s: %v, want %.4f [%.4f, %.4f] (n=%d)", tc.a, tc.b, iv, tc.score, tc.lo, tc.hi, tc.n)
		}
		t.Logf("%s-%s: %v", tc.a, tc.b, iv)
	}
}

// TestBootstrapMatrixAgreesWithPair checks that the bit-parallel matrix
// bootstrap gives every pair the interval the cell-count pair bootstrap
// gives it on the same resamples, for the fast Agree kernel and the
// general table kernel, on one core and on several.
func TestBootstrapMatrixAgreesWithPair(t *testing.T) {
	s74 := load(t).Filter(votes.InSessions(74, 74))
	opts := &BootstrapOptions{Resamples: 200, Seed: 7}
	if testenv.Quick(t) {
		opts.Resamples = 50
	}
	for _, x := range []Index{Agree, Kappa} {
		bm, err := BootstrapMatrix(s74, x, opts)
		if err != nil {
			t.Fatal(err)
		}
		prev := runtime.GOMAXPROCS(1)
		one, err := BootstrapMatrix(s74, x, opts)
		runtime.GOMAXPROCS(prev)
		if err != nil {
			t.Fatal(err)
		}
		same := func(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }
		n := len(bm.Estimate.Countries)
		for i := range n {
			for j := i; j < n; j++ {
				if !same(bm.lo.At(i, j), one.lo.At(i, j)) || !same(bm.hi.At(i, j), one.hi.At(i, j)) {
					t.Fatalf("%v: pair %d,%d differs between 1 and %d cores", x, i, j, prev)
				}
			}
		}
		rng := rand.New(rand.NewPCG(1, 2))
		for range 20 {
			a, b := bm.Estimate.Countries[rng.IntN(n)], bm.Estimate.Countries[rng.IntN(n)]
			pb, err := BootstrapPair(s74, a, b, x, opts)
			got, _ := bm.Lookup(a, b)
			if errors.Is(err, ErrNoVotes) {
				// A state without a vote: an error for the pair, NaN in
				// the matrix.
				if !math.IsNaN(got.Value) || got.N != 0 {
					t.Errorf("%v %s-%s: BootstrapPair %v, matrix %v", x, a, b, err, got)
				}
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			if !same(got.Value, pb.Value) || got.N != pb.N || !same(got.Lo, pb.Lo) || !same(got.Hi, pb.Hi) {
				t.Errorf("%v %s-%s: matrix %v, pair %v", x, a, b, got, pb)
			}
		}
	}
}

// TestPercentiles checks the interpolated percentiles against a sort, on
// both paths (short tails kept in buffers, long ones selected), with ties
// and NaN.
func TestPercentiles(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{1, 2, 3, 10, 99, 1000, 5000} {
		for _, level := range []float64{0.95, 0.9, 0.5, 0.99} {
			xs := make([]float64, n)
			for k := range xs {
				xs[k] = float64(rng.IntN(50)) / 49
				if rng.IntN(20) == 0 {
					xs[k] = math.NaN()
				}
			}
			var fin []float64
			for _, x := range xs {
				if !math.IsNaN(x) {
					fin = append(fin, x)
				}
			}
			slices.Sort(fin)
			want := func(p float64) float64 {
				h := p * float64(len(fin)-1)
				i := int(math.Floor(h))
				if i+1 >= len(fin) {
					return fin[i]
				}
				return fin[i] + (h-float64(i))*(fin[i+1]-fin[i])
			}
			lo, hi, k := percentiles(slices.Clone(xs), level)
			if k != len(fin) {
				t.Fatalf("n=%d: %d values, want %d", n, k, len(fin))
			}
			if k == 0 {
				continue
			}
			if wl, wh := want((1-level)/2), want((1+level)/2); math.Abs(lo-wl) > 1e-12 || math.Abs(hi-wh) > 1e-12 {
				t.Errorf("n=%d level %g: [%g, %g], want [%g, %g]", n, level, lo, hi, wl, wh)
			}
		}
	}
}

// TestBootstrapDifference checks the interval of US-Israel minus
// US-Canada in session 74 against an independent computation: pure
// python3 (random.Random(1)), 100,000 resamples of the 91 roll calls,
// both pairs scored on each, type-7 percentiles: 0.2684 [0.1868, 0.3507].
func TestBootstrapDifference(t *testing.T) {
	s74 := load(t).Filter(votes.InSessions(74, 74))
	nr := 2000
	if testenv.Quick(t) {
		nr = 1000
	}
	bm, err := BootstrapMatrix(s74, Agree, &BootstrapOptions{Resamples: nr, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	usa, isr, can := country(t, "USA"), country(t, "ISR"), country(t, "CAN")
	d, err := bm.Difference(usa, isr, usa, can)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(d.Value-0.2684) > 5e-5 || math.Abs(d.Lo-0.1868) > 0.01 || math.Abs(d.Hi-0.3507) > 0.01 || d.Resamples != nr {
		t.Errorf("USA-ISR minus USA-CAN: %v, want 0.2684 [0.1868, 0.3507]", d)
	}
	// The same resamples for both: the difference's interval is narrower
	// than the two intervals' widths added, the pairs sharing the US.
	i1, _ := bm.Lookup(usa, isr)
	i2, _ := bm.Lookup(usa, can)
	if d.Hi-d.Lo >= (i1.Hi-i1.Lo)+(i2.Hi-i2.Lo) {
		t.Errorf("difference %v no narrower than %v and %v together", d, i1, i2)
	}
	if _, err := bm.Difference(usa, isr, usa, votes.Country{COW: 9999}); err == nil {
		t.Error("a state not in the matrix gave no error")
	}
	reps, ok := bm.replicates(usa, isr)
	if !ok || len(reps) != nr {
		t.Fatalf("%d replicates", len(reps))
	}
	lo, hi, _ := percentiles(reps, 0.95)
	if lo != i1.Lo || hi != i1.Hi {
		t.Errorf("replicates give [%g, %g], the matrix %v", lo, hi, i1)
	}
	var b strings.Builder
	if err := bm.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	n := len(bm.Estimate.Countries)
	if !strings.HasPrefix(b.String(), "iso3_a,cow_a,name_a,iso3_b,cow_b,name_b,index,score,n,lo,hi,level\n") || strings.Count(b.String(), "\n") != 1+n*(n-1)/2 {
		t.Errorf("CSV: %.200q, %d lines", b.String(), strings.Count(b.String(), "\n"))
	}
}

// TestBootstrapSeriesAndRanking: the session-74 interval of Serbia-Russia
// in a series resampled within sessions, and US-Canada and US-Israel in
// the ranking of every state with the United States, must agree with the
// references of TestBootstrapReferences (within 0.01). Israel votes with
// the United States far more than anyone else (0.96, next 0.73), so it
// ranks first in every resample.
func TestBootstrapSeriesAndRanking(t *testing.T) {
	ds := load(t)
	sb, err := BootstrapPairSeries(ds.Filter(votes.InSessions(70, 74)), BySession, country(t, "SRB"), country(t, "RUS"), Agree, &BootstrapOptions{Resamples: 4000})
	if err != nil {
		t.Fatal(err)
	}
	if len(sb.Periods) != 5 || sb.Periods[4] != 74 {
		t.Fatalf("keys %v", sb.Periods)
	}
	if iv := sb.Intervals[4]; iv.N != 82 || math.Abs(iv.Lo-0.6646) > 0.01 || math.Abs(iv.Hi-0.8171) > 0.01 {
		t.Errorf("session 74: %v, want 0.7439 [0.6646, 0.8171] (n=82)", iv)
	}
	rows := sb.rows()
	if rows[4].Session != 74 || rows[4].Year != 2019 || rows[4].ISO3A != "SRB" {
		t.Errorf("row %+v", rows[4])
	}
	by, err := BootstrapPairSeries(ds.Filter(votes.InYears(2018, 2019)), ByYear, country(t, "SRB"), country(t, "RUS"), Agree, &BootstrapOptions{Resamples: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(by.Periods) != 2 || by.Periods[0] != 2018 || by.rows()[1].Year != 2019 || by.rows()[1].Session != 0 {
		t.Errorf("by year: keys %v", by.Periods)
	}

	s74 := ds.Filter(votes.InSessions(74, 74))
	rb, err := BootstrapReference(s74, country(t, "USA"), Agree, &BootstrapOptions{Resamples: 4000})
	if err != nil {
		t.Fatal(err)
	}
	isr, _ := rb.lookup(country(t, "ISR"))
	if rb.States[0].Country.ISO3 != "ISR" || isr.Rank != 1 || isr.RankLo != 1 || isr.RankHi != 1 {
		t.Errorf("Israel: %+v", isr)
	}
	if math.Abs(isr.Lo-0.9213) > 0.01 || math.Abs(isr.Hi-0.9888) > 0.01 {
		t.Errorf("Israel: %v, want [0.9213, 0.9888]", isr.Interval)
	}
	can, _ := rb.lookup(country(t, "CAN"))
	if math.Abs(can.Lo-0.6099) > 0.01 || math.Abs(can.Hi-0.7692) > 0.01 || can.RankLo > can.Rank || can.RankHi < can.Rank {
		t.Errorf("Canada: %+v, want [0.6099, 0.7692]", can)
	}
	last := rb.States[len(rb.States)-1]
	if !math.IsNaN(last.Value) || last.Rank != 0 {
		t.Errorf("last: %+v, want a state without a score", last)
	}
	if _, ok := rb.lookup(country(t, "USA")); ok {
		t.Error("the reference ranks itself")
	}
}

// TestBootstrapCohesion checks the EU's cohesion in session 74: the
// estimates must be GroupCohesion's means, and the interval's width that
// of a normal approximation (2 x 1.96 x sd / sqrt(n) of the per-roll-call
// values, computed here) within a quarter.
func TestBootstrapCohesion(t *testing.T) {
	s74 := load(t).Filter(votes.InSessions(74, 74))
	eu, err := votes.LookupGroup("EU")
	if err != nil {
		t.Fatal(err)
	}
	cb, err := BootstrapCohesion(s74, eu, &BootstrapOptions{Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Cohesion(s74, eu, nil)
	if err != nil {
		t.Fatal(err)
	}
	if cb.HNR.Value != rep.HNR || cb.Rice.Value != rep.Rice {
		t.Errorf("estimates %v %v, GroupCohesion %g %g", cb.HNR, cb.Rice, rep.HNR, rep.Rice)
	}
	var ai []float64
	for _, c := range rep.RollCalls {
		ai = append(ai, HixNouryRoland(c.Tally))
	}
	mean, ss := 0.0, 0.0
	for _, x := range ai {
		mean += x / float64(len(ai))
	}
	for _, x := range ai {
		ss += (x - mean) * (x - mean)
	}
	width := 2 * 1.96 * math.Sqrt(ss/float64(len(ai)-1)/float64(len(ai)))
	if got := cb.HNR.Hi - cb.HNR.Lo; math.Abs(got-width) > width/4 {
		t.Errorf("AI interval %v, width %.4f, want about %.4f", cb.HNR, got, width)
	}
	if rows := cb.rows(); len(rows) != 2 || rows[1].Measure != "hnr" || rows[1].N != cb.HNR.N {
		t.Errorf("rows %+v", rows)
	}
}

// simulate writes a dataset in Voeten's layout, one roll call per column
// of v (v[i][j] is state i's vote on roll call j, all in session 74),
// with the states of session 74 in COW order, and reads it.
func simulate(tb testing.TB, states []votes.Country, v [][]votes.Vote) *votes.Dataset {
	tb.Helper()
	var b strings.Builder
	b.WriteString("rcid,session,vote,ccode,member,importantvote,date,unres,me,nu,di,hr,co,ec,year\n")
	for j := range v[0] {
		for i, row := range v {
			code := map[votes.Vote]int{votes.Yes: 1, votes.Abstain: 2, votes.No: 3, votes.Absent: 8}[row[j]]
			fmt.Fprintf(&b, "%d,74,%d,%d,1,0,10/%d/2019,R/74/%d,0,0,0,0,0,0,2019\n", j+1, code, states[i].COW, 1+j%28, j+1)
		}
	}
	ds, err := votes.Read(strings.NewReader(b.String()))
	if err != nil {
		tb.Fatal(err)
	}
	return ds
}

// TestBootstrapCoverage simulates pairs of states that agree with known
// probabilities and counts how often the 95% interval holds the truth.
//
// Simulation (seeded): datasets of the 192 states voting in
// session 74 (96 disjoint pairs) and 90 roll calls. For each pair, the chance of the same vote ps, of one
// abstaining when the other does not ph, and of yes against no 1-ps-ph,
// are drawn with ps uniform in [0.3, 0.9] and ph uniform in [0, 1-ps]; the
// true Agree is ps + ph/2. The first state of a pair is absent on each
// roll call with chance 0.05, so that n varies. Each roll call's outcome
// is drawn independently. The matrix bootstrap (1000 resamples) is run on
// each dataset, and the intervals of the 96 pairs checked: over 11
// datasets (1056 pairs), 93-97% must hold the truth (a binomial count from a true 95% lies
// there with chance 0.998). Short mode and -race run 2 datasets with 400
// resamples and asks 90-99%.
func TestBootstrapCoverage(t *testing.T) {
	s74 := load(t).Filter(votes.InSessions(74, 74))
	var states []votes.Country
	for i, c := range s74.Countries() {
		if slices.ContainsFunc(s74.Row(i), votes.Vote.Cast) {
			states = append(states, c)
		}
	}
	states = states[:len(states)/2*2]
	sets, lo, hi, resamples := 11, 0.93, 0.97, 1000
	if testenv.Quick(t) {
		sets, lo, hi, resamples = 2, 0.90, 0.99, 400
	}
	rng := rand.New(rand.NewPCG(12, 34))
	hits, total := 0, 0
	for range sets {
		const nr = 90
		v := make([][]votes.Vote, len(states))
		truth := make([]float64, len(states)/2)
		for p := range truth {
			ps := 0.3 + 0.6*rng.Float64()
			ph := (1 - ps) * rng.Float64()
			truth[p] = ps + ph/2
			a, b := make([]votes.Vote, nr), make([]votes.Vote, nr)
			for j := range nr {
				u := rng.Float64()
				switch {
				case u < ps:
					a[j] = []votes.Vote{votes.Yes, votes.Abstain, votes.No}[rng.IntN(3)]
					b[j] = a[j]
				case u < ps+ph:
					pr := [][2]votes.Vote{{votes.Yes, votes.Abstain}, {votes.Abstain, votes.Yes}, {votes.No, votes.Abstain}, {votes.Abstain, votes.No}}[rng.IntN(4)]
					a[j], b[j] = pr[0], pr[1]
				default:
					pr := [][2]votes.Vote{{votes.Yes, votes.No}, {votes.No, votes.Yes}}[rng.IntN(2)]
					a[j], b[j] = pr[0], pr[1]
				}
				if rng.Float64() < 0.05 {
					a[j] = votes.Absent
				}
			}
			v[2*p], v[2*p+1] = a, b
		}
		ds := simulate(t, states, v)
		bm, err := BootstrapMatrix(ds, Agree, &BootstrapOptions{Seed: uint64(total), Resamples: resamples})
		if err != nil {
			t.Fatal(err)
		}
		for p, want := range truth {
			iv, ok := bm.Lookup(states[2*p], states[2*p+1])
			if !ok {
				t.Fatalf("pair %d not in the matrix", p)
			}
			total++
			if iv.Lo <= want && want <= iv.Hi {
				hits++
			}
		}
	}
	cover := float64(hits) / float64(total)
	t.Logf("coverage %d of %d = %.3f", hits, total, cover)
	if cover < lo || cover > hi {
		t.Errorf("95%% intervals held the truth in %d of %d simulated pairs (%.3f), want %.2f-%.2f", hits, total, cover, lo, hi)
	}
}

// TestBootstrapMatrixBlocked forces the blocked path (states taken in
// blocks, each resample packed again for each) and checks that it gives
// the intervals of the path that holds every resample at once.
func TestBootstrapMatrixBlocked(t *testing.T) {
	s74 := load(t).Filter(votes.InSessions(74, 74))
	opts := &BootstrapOptions{Resamples: 60, Seed: 9}
	want, err := BootstrapMatrix(s74, Agree, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer func(m int) { maxHeld = m }(maxHeld)
	maxHeld = 8 * 60 * 500 // 500 pair scores a block: blocks of a few rows
	got, err := BootstrapMatrix(s74, Agree, opts)
	if err != nil {
		t.Fatal(err)
	}
	same := func(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }
	n := len(want.Estimate.Countries)
	for i := range n {
		for j := i; j < n; j++ {
			if !same(got.lo.At(i, j), want.lo.At(i, j)) || !same(got.hi.At(i, j), want.hi.At(i, j)) {
				t.Fatalf("pair %d,%d: blocked %v, held %v", i, j, got.At(i, j), want.At(i, j))
			}
		}
	}
}

// BootstrapReference reads the reference's votes as Rank does: with
// AbsentAsAbstain a reference recorded only absent abstained throughout.
// Fixture, by hand (Agree with Russia abstaining): Germany abstains on
// both roll calls, 1; France yes then no, 1/2 and 1/2, 0.5; Serbia no and
// no, 0.5. Without the option Russia cast no vote: ErrNoVotes from both.
func TestBootstrapReferenceAbsentAsAbstain(t *testing.T) {
	rus, fra, deu, srb := country(t, "RUS"), country(t, "FRA"), country(t, "DEU"), country(t, "SRB")
	Y, N, A, X := votes.Yes, votes.No, votes.Abstain, votes.Absent
	ds := fixture(t, []votes.Country{fra, deu, srb, rus}, []fixtureRC{
		{74, "2019-10-02", []votes.Vote{Y, A, N, X}},
		{74, "2019-10-03", []votes.Vote{N, A, N, X}},
	})
	if _, err := Rank(ds, rus, Agree, nil); !errors.Is(err, ErrNoVotes) {
		t.Errorf("Rank without AbsentAsAbstain: %v, want ErrNoVotes", err)
	}
	if _, err := BootstrapReference(ds, rus, Agree, &BootstrapOptions{Resamples: 40}); !errors.Is(err, ErrNoVotes) {
		t.Errorf("BootstrapReference without AbsentAsAbstain: %v, want ErrNoVotes", err)
	}
	opts := &BootstrapOptions{Options: Options{AbsentAsAbstain: true}, Resamples: 40, Seed: 1}
	rk, err := Rank(ds, rus, Agree, &opts.Options)
	if err != nil {
		t.Fatalf("Rank: %v", err)
	}
	rb, err := BootstrapReference(ds, rus, Agree, opts)
	if err != nil {
		t.Fatalf("BootstrapReference: %v", err)
	}
	want := map[int]Score{deu.COW: {1, 2}, fra.COW: {0.5, 2}, srb.COW: {0.5, 2}}
	for _, s := range rk.States {
		if s.Score != want[s.Country.COW] {
			t.Errorf("Rank: %s %v, want %v", s.Country, s.Score, want[s.Country.COW])
		}
	}
	for _, s := range rb.States {
		if s.Score != want[s.Country.COW] {
			t.Errorf("BootstrapReference: %s %v, want %v", s.Country, s.Score, want[s.Country.COW])
		}
	}
	if len(rk.States) != 3 || len(rb.States) != 3 {
		t.Errorf("%d states ranked by Rank, %d by BootstrapReference, want 3", len(rk.States), len(rb.States))
	}
}

// BootstrapReference lists states in Rank's order (ties to the larger n,
// then the lower COW code; NaN last, likewise) and ranks ties together,
// where Rank gives each its own place. Fixture, by hand (Identical with
// Russia, MinN 2): Serbia with Russia on all 3 roll calls (1, n 3);
// Germany on the 2 it voted on (1, n 2); the United Kingdom against it on
// all 3 (0, n 3); France on the one it voted on (NaN, n 1); the United
// States absent throughout (NaN, n 0; not in Rank, which names it in
// NoVotes).
func TestBootstrapReferenceTies(t *testing.T) {
	usa, gbr, fra, deu, srb, rus := country(t, "USA"), country(t, "GBR"), country(t, "FRA"), country(t, "DEU"), country(t, "SRB"), country(t, "RUS")
	Y, N, X := votes.Yes, votes.No, votes.Absent
	ds := fixture(t, []votes.Country{usa, gbr, fra, deu, srb, rus}, []fixtureRC{
		{74, "2019-10-01", []votes.Vote{X, N, Y, Y, Y, Y}},
		{74, "2019-10-02", []votes.Vote{X, Y, X, N, N, N}},
		{74, "2019-10-03", []votes.Vote{X, N, X, X, Y, Y}},
	})
	opts := &BootstrapOptions{Options: Options{MinN: 2}, Resamples: 40, Seed: 1}
	rk, err := Rank(ds, rus, Identical, &opts.Options)
	if err != nil {
		t.Fatal(err)
	}
	rb, err := BootstrapReference(ds, rus, Identical, opts)
	if err != nil {
		t.Fatal(err)
	}
	var gotRank, gotBoot []string
	for _, s := range rk.States {
		gotRank = append(gotRank, fmt.Sprintf("%s %d", s.Country.ISO3, s.Rank))
	}
	for _, s := range rb.States {
		gotBoot = append(gotBoot, fmt.Sprintf("%s %d", s.Country.ISO3, s.Rank))
	}
	if want := []string{"SRB 1", "DEU 2", "GBR 3", "FRA 0"}; !slices.Equal(gotRank, want) {
		t.Errorf("Rank: %q, want %q", gotRank, want)
	}
	if want := []string{"SRB 1", "DEU 1", "GBR 3", "FRA 0", "USA 0"}; !slices.Equal(gotBoot, want) {
		t.Errorf("BootstrapReference: %q, want %q", gotBoot, want)
	}
}
