package cluster_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"runtime"
	"slices"
	"strconv"
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
	checkPairsCSV(t, rep)
}

// checkPairsCSV reads back the report's pairs as CSV: a header, one row
// per pair of different states in row order, each share the one Pair
// gives and the count of resamples.
func checkPairsCSV(t *testing.T, rep *cluster.BlocStability) {
	t.Helper()
	var b bytes.Buffer
	if err := rep.WritePairsCSV(&b); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if h := strings.Join(rows[0], ","); h != "iso3_a,cow_a,name_a,iso3_b,cow_b,name_b,together,resamples" {
		t.Errorf("pairs header %q", h)
	}
	n := len(rep.Countries)
	if len(rows)-1 != n*(n-1)/2 {
		t.Fatalf("%d pair rows, want %d", len(rows)-1, n*(n-1)/2)
	}
	k := 1
	for i, a := range rep.Countries {
		for _, c := range rep.Countries[i+1:] {
			r := rows[k]
			k++
			want, _ := rep.Pair(a, c)
			got, err := strconv.ParseFloat(r[6], 64)
			if r[0] != a.ISO3 || r[1] != strconv.Itoa(a.COW) || r[3] != c.ISO3 || r[5] != c.Name || err != nil || got != want || r[7] != strconv.Itoa(rep.Resamples) {
				t.Fatalf("pair row %q, want %s and %s together %v in %d resamples", r, a.ISO3, c.ISO3, want, rep.Resamples)
			}
		}
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

// TestStabilityBadOptions: a negative count is an invalid option, from
// the function and from Labeled.Stability; Resamples: -1 once meant the
// default 200 and MinVotes: -1 a quarter of the roll calls, silently.
func TestStabilityBadOptions(t *testing.T) {
	s74, err := votes74()
	if err != nil {
		t.Fatal(err)
	}
	l := labeled(t, 74, 10)
	for _, o := range []cluster.StabilityOptions{{Resamples: -1}, {MinVotes: -1}} {
		if _, err := cluster.Stability(s74, cluster.KMedoidsK(2), &o); !errors.Is(err, cluster.ErrInvalidOptions) {
			t.Errorf("Stability(%+v): error %v, want ErrInvalidOptions", o, err)
		}
		if _, err := l.Stability(s74, cluster.KMedoidsK(2), &o); !errors.Is(err, cluster.ErrInvalidOptions) {
			t.Errorf("Labeled.Stability(%+v): error %v, want ErrInvalidOptions", o, err)
		}
	}
	// The states clustered are chosen by MinVotes: MinMembership is
	// refused, not ignored.
	o := &cluster.StabilityOptions{Options: alignment.Options{MinMembership: 1}}
	if _, err := cluster.Stability(s74, cluster.KMedoidsK(2), o); !errors.Is(err, alignment.ErrInvalidOptions) {
		t.Errorf("Stability with MinMembership: error %v, want alignment.ErrInvalidOptions", err)
	}
}

// pairwise reads testdata/cluster/pairwise.csv (Voeten's layout), a
// dataset of session 74 in which six states each vote
// on five of fifteen roll calls: roll call j has two voters, a pair of
// states of its own, one voting yes and the other no or abstain. Every
// pair of states thus has exactly one joint vote, and a resample that
// fails to draw any one of the fifteen roll calls leaves a pair without
// a joint vote: its distance is undefined and the clustering fails. A
// resample draws all fifteen with chance 15!/15^15, about 3e-6.
func pairwise(tb testing.TB) *votes.Dataset {
	tb.Helper()
	ds, err := votes.ReadFile("../testdata/cluster/pairwise.csv")
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
	if n := len(rs.Columns(-1)); n != 15 {
		t.Fatalf("%d roll calls resampled, want 15", n)
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

// TestRelabel renumbers a report by hand onto another numbering of the
// same partition, and refuses partitions that are not the same.
func TestRelabel(t *testing.T) {
	states := []votes.Country{lookup(t, "USA"), lookup(t, "CAN"), lookup(t, "GBR"), lookup(t, "RUS"), lookup(t, "CHN")}
	report := func() *cluster.BlocStability {
		return &cluster.BlocStability{
			Countries: states,
			Labels:    []int{0, 0, 1, 2, 2},
			Stay:      []float64{1, 0.9, 0.8, 0.7, 0.6},
			Jaccard:   []float64{0.9, 0.5, 0.7},
			Together:  mat.NewSymDense(5, nil),
			Resamples: 10,
		}
	}
	rep := report()
	if err := rep.Relabel([]int{2, 2, 0, 1, 1}); err != nil {
		t.Fatal(err)
	}
	// Bloc 0 of the report (USA, CAN, Jaccard 0.9) is now 2, bloc 1 (GBR,
	// 0.5) is 0, bloc 2 (RUS, CHN, 0.7) is 1.
	if want := []int{2, 2, 0, 1, 1}; !slices.Equal(rep.Labels, want) {
		t.Errorf("labels %v, want %v", rep.Labels, want)
	}
	if want := []float64{0.5, 0.7, 0.9}; !slices.Equal(rep.Jaccard, want) {
		t.Errorf("Jaccard %v, want %v", rep.Jaccard, want)
	}
	if row := rep.Rows()[0]; row.Bloc != 2 || row.BlocJaccard != 0.9 || row.Stay != 1 {
		t.Errorf("row of the US %+v, want bloc 2, Jaccard 0.9, stay 1", row)
	}
	// The labels are copied.
	in := []int{0, 0, 1, 2, 2}
	if err := rep.Relabel(in); err != nil {
		t.Fatal(err)
	}
	in[0] = 7
	if rep.Labels[0] != 0 || !slices.Equal(rep.Jaccard, []float64{0.9, 0.5, 0.7}) {
		t.Errorf("after relabelling back: labels %v, Jaccard %v", rep.Labels, rep.Jaccard)
	}

	for _, tc := range []struct {
		labels []int
		want   string
	}{
		// Bloc 0 of the report split in two.
		{[]int{0, 1, 2, 3, 3}, "United States and Canada share bloc 0 of the report but are in blocs 0 and 1 of labels"},
		// Blocs 1 and 2 of the report joined.
		{[]int{0, 0, 1, 1, 1}, "United Kingdom and Russian Federation share bloc 1 of labels but are in blocs 1 and 2 of the report"},
		{[]int{0, 0, 1, 2}, "4 labels for the 5 states"},
		{[]int{0, 0, -1, 2, 2}, "label -1 of United Kingdom"},
		// One to one, but no state in bloc 1: its Jaccard would be made up.
		{[]int{0, 0, 2, 3, 3}, "no state has label 1 of 4"},
	} {
		rep := report()
		err := rep.Relabel(tc.labels)
		if !errors.Is(err, cluster.ErrLabels) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Relabel(%v) = %v, want ErrLabels and %q", tc.labels, err, tc.want)
		}
		if want := report(); !slices.Equal(rep.Labels, want.Labels) || !slices.Equal(rep.Jaccard, want.Jaccard) {
			t.Errorf("Relabel(%v) changed the report: labels %v, Jaccard %v", tc.labels, rep.Labels, rep.Jaccard)
		}
	}
}

// TestLabeledStability bootstraps Ward's three blocs of the states
// Distances keeps in session 74 (at least 10 joint votes with every other:
// 191 states) and numbers the report as the Partition does. It must give
// the figures of the function Stability on those states, and refuse a
// dataset that lacks one of them.
func TestLabeledStability(t *testing.T) {
	s74, err := votes74()
	if err != nil {
		t.Fatal(err)
	}
	m, err := alignment.AgreementMatrix(s74, alignment.Agree, &alignment.Options{MinN: 10})
	if err != nil {
		t.Fatal(err)
	}
	l, err := cluster.Distances(m, 10)
	if err != nil {
		t.Fatal(err)
	}
	p, err := l.Cut(cluster.Ward, 3)
	if err != nil {
		t.Fatal(err)
	}
	method := cluster.HierarchicalK(cluster.Ward, 3)
	opts := &cluster.StabilityOptions{Resamples: 40, Seed: 5, MinVotes: 80} // MinVotes ignored
	rep, err := l.Stability(s74, method, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(rep.Countries, l.States) || len(rep.Dropped) != 0 {
		t.Fatalf("%d states clustered, %d dropped; want l's %d, 0", len(rep.Countries), len(rep.Dropped), len(l.States))
	}
	if err := rep.Relabel(p.Labels); err != nil {
		t.Fatal(err)
	}
	for i, r := range rep.Rows() {
		if pr := p.Rows()[i]; r.ISO3 != pr.ISO3 || r.Bloc != pr.Bloc {
			t.Fatalf("row %d: %s in bloc %d, the partition has %s in %d", i, r.ISO3, r.Bloc, pr.ISO3, pr.Bloc)
		}
	}
	// By hand: the function on the same states, every one kept.
	kept := map[votes.Country]bool{}
	for _, c := range l.States {
		kept[c] = true
	}
	want, err := cluster.Stability(s74.SelectCountries(func(c votes.Country) bool { return kept[c] }), method,
		&cluster.StabilityOptions{Resamples: 40, Seed: 5, MinVotes: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !mat.Equal(rep.Together, want.Together) || !slices.Equal(rep.Stay, want.Stay) {
		t.Error("Labeled.Stability differs from Stability on the same states")
	}

	noUSA := s74.SelectCountries(func(c votes.Country) bool { return c.ISO3 != "USA" })
	if _, err := l.Stability(noUSA, method, opts); !errors.Is(err, cluster.ErrTooFew) || !strings.Contains(err.Error(), "United States") {
		t.Errorf("a dataset without the US: %v, want ErrTooFew naming it", err)
	}
	swapped := &cluster.Labeled{States: []votes.Country{lookup(t, "RUS"), lookup(t, "USA")}, Dist: mat.NewSymDense(2, []float64{0, 0.5, 0.5, 0})}
	if _, err := swapped.Stability(s74, cluster.HierarchicalK(cluster.Average, 2), opts); !errors.Is(err, cluster.ErrLabels) {
		t.Errorf("states out of COW order: %v, want ErrLabels", err)
	}
	if _, err := (&cluster.Labeled{}).Stability(s74, method, opts); !errors.Is(err, cluster.ErrTooFew) {
		t.Errorf("no states: %v, want ErrTooFew", err)
	}
}
