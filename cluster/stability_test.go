package cluster_test

import (
	"bytes"
	"errors"
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
