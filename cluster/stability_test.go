package cluster_test

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/unga-go/unga/alignment"
	"github.com/unga-go/unga/cluster"
	"github.com/unga-go/unga/internal/testenv"
	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
)

var votes74 = sync.OnceValues(func() (*votes.Dataset, error) {
	ds, err := undata.Load()
	if err != nil {
		return nil, err
	}
	return ds.Filter(votes.InSessions(74, 74)), nil
})

func lookup(tb testing.TB, key string) votes.Country {
	tb.Helper()
	c, err := votes.LookupCountry(key)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// TestStabilitySession74 bootstraps Ward's three blocs of session 74
// (200 resamples of the 91 roll calls). The United States and Israel
// vote alike on almost everything (agreement 0.96) and must share a bloc
// in nearly every resample; Serbia sits between the West and the rest
// and must not be firmly in either. The clustering of the data as they
// are must be the one Hierarchical gives on 1 - AgreementMatrix, and the
// result the same on one core as on several (not in short mode or under -race).
func TestStabilitySession74(t *testing.T) {
	s74, err := votes74()
	if err != nil {
		t.Fatal(err)
	}
	method := cluster.HierarchicalK(cluster.Ward, 3)
	rep, err := cluster.Stability(s74, method, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Resamples != 200 || rep.Failed != 0 {
		t.Errorf("%d resamples, %d failed; want 200, 0", rep.Resamples, rep.Failed)
	}
	// Dropped: the seven seats without a vote in session 74 and the two
	// states with fewer than 23 votes (a quarter of 91): Dominica (9) and
	// Equatorial Guinea (17), counted by hand from the record.
	if len(rep.Dropped) != 9 || len(rep.Countries) != 191 {
		t.Errorf("%d dropped, %d clustered; want 9, 191", len(rep.Dropped), len(rep.Countries))
	}
	if v, _ := rep.Pair(lookup(t, "USA"), lookup(t, "ISR")); v < 0.99 {
		t.Errorf("USA and Israel together in %.3f of resamples, want nearly all", v)
	}
	if v, _ := rep.Pair(lookup(t, "FRA"), lookup(t, "DEU")); v < 0.99 {
		t.Errorf("France and Germany together in %.3f of resamples, want nearly all", v)
	}
	if v, _ := rep.Pair(lookup(t, "SRB"), lookup(t, "RUS")); v < 0.2 || v > 0.8 {
		t.Errorf("Serbia and Russia together in %.3f of resamples, want neither firm nor never", v)
	}
	for b, j := range rep.Jaccard {
		if j < 0.8 {
			t.Errorf("bloc %d: mean Jaccard %.3f, want Ward's three blocs firm", b, j)
		}
	}

	// The clustering of the data as they are.
	m, err := alignment.AgreementMatrix(s74, alignment.Agree, nil)
	if err != nil {
		t.Fatal(err)
	}
	var rows []int
	for _, c := range rep.Countries {
		for i, d := range m.Countries {
			if d.COW == c.COW {
				rows = append(rows, i)
			}
		}
	}
	dist := mat.NewSymDense(len(rows), nil)
	for a, i := range rows {
		for b, j := range rows {
			dist.SetSym(a, b, 1-m.Scores.At(i, j))
		}
	}
	want, err := method(dist)
	if err != nil {
		t.Fatal(err)
	}
	for i := range want {
		if want[i] != rep.Labels[i] {
			t.Fatalf("labels differ from Hierarchical on 1 - AgreementMatrix at %s", rep.Countries[i])
		}
	}

	if !testenv.Quick(t) {
		prev := runtime.GOMAXPROCS(1)
		one, err := cluster.Stability(s74, method, nil)
		runtime.GOMAXPROCS(prev)
		if err != nil {
			t.Fatal(err)
		}
		if !mat.Equal(one.Together, rep.Together) {
			t.Error("co-clustering differs between one core and several")
		}
	}

	var b bytes.Buffer
	if err := rep.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "iso3,cow,name,bloc,stay,bloc_jaccard,resamples\n") || strings.Count(b.String(), "\n") != 192 {
		t.Errorf("CSV: %.200q", b.String())
	}
	if got := len(rep.PairRows()); got != 191*190/2 {
		t.Errorf("%d pair rows, want %d", got, 191*190/2)
	}
}

// TestStabilityBadMethod: a method that fails, or returns the wrong
// number of labels, on the data as they are gives ErrNoClustering; one
// that fails on some resamples has them counted in Failed.
func TestStabilityBadMethod(t *testing.T) {
	s74, err := votes74()
	if err != nil {
		t.Fatal(err)
	}
	short := func(dist *mat.SymDense) ([]int, error) { return []int{0}, nil }
	if _, err := cluster.Stability(s74, short, &cluster.StabilityOptions{Resamples: 2}); !errors.Is(err, cluster.ErrNoClustering) {
		t.Errorf("one label for many states: %v", err)
	}
	calls := 0
	var mu sync.Mutex
	flaky := func(dist *mat.SymDense) ([]int, error) {
		mu.Lock()
		defer mu.Unlock()
		calls++
		r, _ := dist.Dims()
		if calls%2 == 0 {
			return nil, errors.New("flaky")
		}
		return make([]int, r), nil
	}
	rep, err := cluster.Stability(s74, flaky, &cluster.StabilityOptions{Resamples: 10})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Failed != 5 || rep.Resamples != 5 || rep.Stay[0] != 1 {
		t.Errorf("failed %d, clustered %d, stay %g; want 5, 5, 1", rep.Failed, rep.Resamples, rep.Stay[0])
	}
}

// pairwise returns a dataset of session 74 in which six states each vote
// on five of fifteen roll calls: roll call j has two voters, a pair of
// states of its own, one voting yes and the other no or abstain. Every
// pair of states thus has exactly one joint vote, and a resample that
// fails to draw any one of the fifteen roll calls leaves a pair without
// a joint vote: its distance is undefined and the clustering fails. A
// resample draws all fifteen with chance 15!/15^15, about 3e-6.
func pairwise(tb testing.TB) *votes.Dataset {
	tb.Helper()
	cows := []int{2, 20, 70, 200, 220, 365} // USA, CAN, MEX, GBR, FRA, RUS
	var b strings.Builder
	b.WriteString("rcid,session,vote,ccode,member,importantvote,date,unres,me,nu,di,hr,co,ec,year\n")
	j := 0
	for a := range cows {
		for c := a + 1; c < len(cows); c++ {
			j++
			other := 3 // no
			if (a+c)%2 == 1 {
				other = 2 // abstain
			}
			for _, v := range [][2]int{{cows[a], 1}, {cows[c], other}} {
				fmt.Fprintf(&b, "%d,74,%d,%d,1,0,10/%d/2019,R/74/%d,0,0,0,0,0,0,2019\n", j, v[1], v[0], j, j)
			}
		}
	}
	ds, err := votes.Read(strings.NewReader(b.String()))
	if err != nil {
		tb.Fatal(err)
	}
	return ds
}

// TestStabilityNoResample: when the method fails on every resample there
// is no share to report (each would be 0/0, NaN); Stability says so with
// ErrNoResample and what to do, rather than a report of NaN.
func TestStabilityNoResample(t *testing.T) {
	ds := pairwise(t)
	const resamples, seed = 50, 3
	// The fixture's premise, checked with the resampler Stability draws
	// from: every resample misses one of the fifteen roll calls.
	rs, err := alignment.NewResampler(ds, &alignment.BootstrapOptions{Resamples: resamples, Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	if rs.RollCalls() != 15 {
		t.Fatalf("%d roll calls resampled, want 15", rs.RollCalls())
	}
	for r := range resamples {
		drawn := map[int]bool{}
		for _, j := range rs.Columns(r) {
			drawn[j] = true
		}
		if len(drawn) == 15 {
			t.Fatalf("resample %d draws every roll call: choose another seed", r)
		}
	}

	rep, err := cluster.Stability(ds, cluster.HierarchicalK(cluster.Average, 2), &cluster.StabilityOptions{Resamples: resamples, Seed: seed, MinVotes: 1})
	if !errors.Is(err, cluster.ErrNoResample) {
		t.Fatalf("error %v, report %+v; want ErrNoResample", err, rep)
	}
	// It says what to do, and why the first resample failed.
	for _, want := range []string{"raise MinVotes", "50 of 50", cluster.ErrNaN.Error()} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	if !errors.Is(err, cluster.ErrNaN) {
		t.Errorf("error %v does not wrap the resample's ErrNaN", err)
	}
	// The data as they are cluster: every pair has its joint vote.
	if _, err := cluster.Stability(ds, cluster.HierarchicalK(cluster.Average, 2), &cluster.StabilityOptions{Resamples: 1, Seed: seed, MinVotes: 1}); !errors.Is(err, cluster.ErrNoResample) {
		t.Errorf("one resample: %v, want ErrNoResample", err)
	}
}
