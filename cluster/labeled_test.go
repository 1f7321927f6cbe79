package cluster_test

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"gonum.org/v1/gonum/mat"

	"github.com/unga-go/unga/alignment"
	"github.com/unga-go/unga/cluster"
	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
)

// record loads the embedded 1946-2019 record once.
var record = sync.OnceValues(undata.Load)

// sessionMatrix returns Voeten's agree index between the states of one
// session of the embedded record.
func sessionMatrix(tb testing.TB, session int) *alignment.Matrix {
	tb.Helper()
	ds, err := record()
	if err != nil {
		tb.Fatal(err)
	}
	m, err := alignment.AgreementMatrix(ds.Filter(votes.InSessions(session, session)), alignment.Agree, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// labeled returns the distances of a session of the record.
func labeled(tb testing.TB, session, minN int) *cluster.Labeled {
	tb.Helper()
	l, err := cluster.Distances(sessionMatrix(tb, session), minN)
	if err != nil {
		tb.Fatal(err)
	}
	l.Session = session
	return l
}

func iso3s(cs []votes.Country) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.ISO3
	}
	return out
}

// TestDistancesSession74 checks who is left out of session 74 (2019-20,
// 91 contested roll calls). The 193 members voted; Dominica cast 9 votes
// and Equatorial Guinea 17 (the votes column of
// testdata/cluster/session74_distance.csv, counted by gen.py from the
// unvotes files). With a minimum of 10, Dominica has too few votes and
// Equatorial Guinea, which shares fewer than 10 roll calls with some
// states, is the one DropMissing's rule leaves out; the seven states in
// the record that no longer exist cast no vote.
func TestDistancesSession74(t *testing.T) {
	l := labeled(t, 74, 10)
	if len(l.States) != 191 {
		t.Errorf("%d states kept, want 191", len(l.States))
	}
	type drop struct {
		COW    int
		Reason cluster.DropReason
		Votes  int
	}
	want := []drop{
		{54, cluster.FewVotes, 9}, {260, cluster.NoVote, 0}, {265, cluster.NoVote, 0}, {315, cluster.NoVote, 0},
		{411, cluster.FewJoint, 17}, {511, cluster.NoVote, 0}, {678, cluster.NoVote, 0}, {680, cluster.NoVote, 0},
		{713, cluster.NoVote, 0},
	}
	var got []drop
	for _, d := range l.Dropped {
		got = append(got, drop{d.State.COW, d.Reason, d.Votes})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("dropped (-want +got):\n%s", diff)
	}
	// The distances are 1 - the matrix's scores, the diagonal 0.
	m := sessionMatrix(t, 74)
	usa, isr := slices.IndexFunc(l.States, func(c votes.Country) bool { return c.ISO3 == "USA" }),
		slices.IndexFunc(l.States, func(c votes.Country) bool { return c.ISO3 == "ISR" })
	s, _ := m.Lookup(l.States[usa], l.States[isr])
	if got := l.Dist.At(usa, isr); got != 1-s.Value || l.Dist.At(usa, usa) != 0 || l.Sim.At(usa, isr) != s.Value {
		t.Errorf("USA-ISR distance %v, want 1 - %v", got, s.Value)
	}
	if got := cluster.NoVote.String() + "/" + cluster.FewJoint.String(); got != "no vote/too few joint votes" {
		t.Errorf("reasons print as %q", got)
	}
}

// TestLabeledScipy checks the one-call route against scipy: with a
// minimum of 1 every state that voted in session 74 is kept, as in the
// fixture, and the cut of the tree equals scipy 1.10.1's
// fcluster(linkage(d, method), k, "maxclust") - 1 (testdata/cluster).
func TestLabeledScipy(t *testing.T) {
	l := labeled(t, 74, 1)
	s := mustSession74(t)
	if diff := cmp.Diff(s.iso3, iso3s(l.States)); diff != "" {
		t.Fatalf("states differ from the fixture's (-want +got):\n%s", diff)
	}
	for _, method := range []cluster.Linkage{cluster.Average, cluster.Ward, cluster.Complete} {
		rows, err := readCSV("fcluster_" + method.String() + ".csv")
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range []int{2, 4, 5} {
			col := slices.Index(rows[0], "maxclust"+strconv.Itoa(k))
			want := make([]int, len(rows)-1)
			for r := range want {
				v, err := strconv.Atoi(rows[r+1][col])
				if err != nil {
					t.Fatal(err)
				}
				want[r] = v - 1
			}
			p, err := l.Cut(method, k)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, p.Labels); diff != "" {
				t.Errorf("%v k=%d differs from scipy (-want +got):\n%s", method, k, diff)
			}
			if p.Session != 74 || len(p.Silhouette) != len(l.States) || len(p.States) != len(l.States) {
				t.Errorf("%v k=%d: session %d, %d widths, %d states", method, k, p.Session, len(p.Silhouette), len(p.States))
			}
			widths, mean, err := cluster.Silhouette(l.Dist, want)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(widths, p.Silhouette) || p.MeanSilhouette() != mean {
				t.Errorf("%v k=%d: silhouettes differ from Silhouette's", method, k)
			}
		}
	}
}

// TestLabeledMethods checks that the one-call k-medoids and Louvain equal
// the plain functions on the same matrices, with the states attached.
func TestLabeledMethods(t *testing.T) {
	l := labeled(t, 74, 10)
	p, err := l.KMedoids(3)
	if err != nil {
		t.Fatal(err)
	}
	q, err := cluster.KMedoids(l.Dist, 3)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(p.Labels, q.Labels) || !slices.Equal(p.Medoids, q.Medoids) || p.Cost != q.Cost || p.States == nil {
		t.Errorf("Labeled.KMedoids differs from KMedoids")
	}
	c, err := l.Louvain(&cluster.LouvainOptions{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	d, err := cluster.Louvain(l.Sim, &cluster.LouvainOptions{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(c.Labels, d.Labels) || c.Q != d.Q || c.States == nil || c.Silhouette == nil {
		t.Errorf("Labeled.Louvain differs from Louvain")
	}
	// Without Sim, Louvain weighs by 1 - Dist, the same numbers here.
	noSim := *l
	noSim.Sim = nil
	e, err := noSim.Louvain(&cluster.LouvainOptions{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(e.Labels, d.Labels) {
		t.Errorf("Louvain on 1 - Dist differs from Louvain on Sim")
	}
	if _, err := l.Cut(cluster.Ward, 192); !errors.Is(err, cluster.ErrK) {
		t.Errorf("192 blocs of 191 states: error %v, want ErrK", err)
	}
	if _, err := l.KMedoids(0); !errors.Is(err, cluster.ErrK) {
		t.Errorf("0 medoids: error %v, want ErrK", err)
	}
	labels := slices.Repeat([]int{2, 5}, len(l.States)/2+1)[:len(l.States)]
	r, err := l.Partition(labels)
	if err != nil {
		t.Fatal(err)
	}
	if r.K() != 6 || r.Sizes()[0] != 0 || r.Silhouette == nil {
		t.Errorf("Partition of labels 2 and 5: K %d, sizes %v", r.K(), r.Sizes())
	}
	labels[7] = -1
	if _, err := l.Partition(labels); !errors.Is(err, cluster.ErrLabels) {
		t.Errorf("negative label: error %v, want ErrLabels", err)
	}
	if _, err := l.Partition(labels[1:]); !errors.Is(err, cluster.ErrLabels) {
		t.Errorf("short labels: error %v, want ErrLabels", err)
	}
	mp, err := l.MDS(2)
	if err != nil {
		t.Fatal(err)
	}
	if mp.Names[0] != "USA" {
		t.Errorf("MDS names start %q", mp.Names[0])
	}
}

// TestErrorsNameStates: a NaN on the
// diagonal, and one off it, reported by state, not by index.
func TestErrorsNameStates(t *testing.T) {
	l := labeled(t, 74, 10)
	nru := slices.IndexFunc(l.States, func(c votes.Country) bool { return c.ISO3 == "NRU" })
	tuv := slices.IndexFunc(l.States, func(c votes.Country) bool { return c.ISO3 == "TUV" })
	for _, tc := range []struct {
		i, j  int
		v     float64
		want  error
		names []string
	}{
		{nru, nru, math.NaN(), cluster.ErrNaN, []string{l.States[nru].Name, "itself"}},
		{nru, tuv, math.NaN(), cluster.ErrNaN, []string{l.States[nru].Name, l.States[tuv].Name}},
		{nru, tuv, -0.5, cluster.ErrNegative, []string{l.States[nru].Name, l.States[tuv].Name}},
		{tuv, tuv, 0.25, cluster.ErrDiagonal, []string{l.States[tuv].Name, "itself"}},
	} {
		bad := *l
		bad.Dist = mat.NewSymDense(len(l.States), nil)
		bad.Dist.CopySym(l.Dist)
		bad.Dist.SetSym(tc.i, tc.j, tc.v)
		_, err1 := bad.Cut(cluster.Average, 3)
		_, err2 := bad.KMedoids(3)
		for _, err := range []error{err1, err2} {
			if !errors.Is(err, tc.want) {
				t.Errorf("(%d,%d) = %v: error %v, want %v", tc.i, tc.j, tc.v, err, tc.want)
				continue
			}
			msg := err.Error()
			for _, name := range tc.names {
				if !strings.Contains(msg, name) {
					t.Errorf("error %q does not name %q", msg, name)
				}
			}
			if strings.Count(msg, "cluster:") != 1 || strings.Contains(msg, "[") {
				t.Errorf("error %q: want one prefix and no indices", msg)
			}
		}
	}
	// Louvain on a similarity that can be negative (S_abs) names the pair.
	ds, err := record()
	if err != nil {
		t.Fatal(err)
	}
	m, err := alignment.AgreementMatrix(ds.Filter(votes.InSessions(74, 74)), alignment.SAbs, nil)
	if err != nil {
		t.Fatal(err)
	}
	ls, err := cluster.Distances(m, 10)
	if err != nil {
		t.Fatal(err)
	}
	_, err = ls.Louvain(nil)
	if !errors.Is(err, cluster.ErrNegative) || !strings.Contains(err.Error(), "similarity between ") {
		t.Errorf("Louvain on S_abs: error %v, want ErrNegative naming a pair", err)
	}
	one := &cluster.Labeled{States: l.States[:1], Dist: mat.NewSymDense(1, nil)}
	if _, err := one.Cut(cluster.Ward, 1); !errors.Is(err, cluster.ErrTooFew) || !strings.Contains(err.Error(), l.States[0].Name) {
		t.Errorf("one state: error %v, want ErrTooFew naming it", err)
	}
}

// TestDropAll: session 74 has 91 contested roll calls (UN record,
// unanimous ones left out; testdata/scripts/agreement.py), so a minimum of 92 leaves no state;
// session 78 of testdata/undl/undl_2026.csv has too few roll calls for a
// minimum of 10; an all-NaN matrix has no distance at all. Each is an
// error wrapping ErrTooFew, never a panic.
func TestDropAll(t *testing.T) {
	_, err := cluster.Distances(sessionMatrix(t, 74), 92)
	if !errors.Is(err, cluster.ErrTooFew) || !strings.Contains(err.Error(), "no state cast votes on more than 91") {
		t.Errorf("session 74, minimum 92: error %v", err)
	}
	s := mustSession74(t)
	if _, err := cluster.DropMissing(s.dist, s.votes, 92); !errors.Is(err, cluster.ErrTooFew) || !strings.Contains(err.Error(), "the largest is 91") {
		t.Errorf("DropMissing, minimum 92: error %v", err)
	}
	ds, err := votes.ReadFile("../testdata/undl/undl_2026.csv")
	if err != nil {
		t.Fatal(err)
	}
	m, err := alignment.AgreementMatrix(ds.Filter(votes.InSessions(78, 78)), alignment.Agree, &alignment.Options{MinN: 10})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cluster.Distances(m, 10); !errors.Is(err, cluster.ErrTooFew) {
		t.Errorf("undl_2026 session 78: error %v, want ErrTooFew", err)
	}
	nan := mat.NewSymDense(3, nil)
	for i := range 3 {
		for j := i; j < 3; j++ {
			nan.SetSym(i, j, math.NaN())
		}
	}
	for _, counts := range [][]int{nil, {5, 5, 5}} {
		if _, err := cluster.DropMissing(nan, counts, 1); !errors.Is(err, cluster.ErrTooFew) {
			t.Errorf("all NaN, counts %v: error %v, want ErrTooFew", counts, err)
		}
	}
	if _, err := cluster.DropMissing(&mat.SymDense{}, nil, 0); !errors.Is(err, cluster.ErrTooFew) {
		t.Errorf("no items: error %v, want ErrTooFew", err)
	}
}

// TestSymmetrizeNaN: a missing distance is missing both
// ways; Symmetrize accepts it, so that DropMissing can follow.
func TestSymmetrizeNaN(t *testing.T) {
	nan := math.NaN()
	d := mat.NewDense(3, 3, []float64{
		0, nan, 0.2,
		nan, 0, 0.3,
		0.2, 0.3, 0,
	})
	s, err := cluster.Symmetrize(d, 0)
	if err != nil {
		t.Fatal(err)
	}
	sub, err := cluster.DropMissing(s, []int{5, 4, 5}, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(sub.Kept, []int{0, 2}) {
		t.Errorf("kept %v, want [0 2]", sub.Kept)
	}
	// NaN against a number is not symmetric.
	d.Set(1, 0, 0.1)
	if _, err := cluster.Symmetrize(d, 0); !errors.Is(err, cluster.ErrNotSymmetric) {
		t.Errorf("NaN against 0.1: error %v, want ErrNotSymmetric", err)
	}
}

// TestLabelsOutOfRange: a Partition's labels lie in [0, n). A negative
// label, or one of 1<<40 for two items, is a programmer error for the
// methods without an error result (they panic, with the package name)
// and an error wrapping ErrLabels for Compare, Labeled.Partition and
// BlocStability.Relabel. Sizes, String and Compare once allocated by
// the label's value, exhausting memory on 1<<40.
func TestLabelsOutOfRange(t *testing.T) {
	for _, tc := range []struct {
		labels []int
		want   string
	}{
		{[]int{0, -1, 1}, "cluster: bad labels: label -1 of item 1 not in [0, 3)"},
		{[]int{0, 1 << 40}, "cluster: bad labels: label 1099511627776 of item 1 not in [0, 2)"},
		{[]int{0, 2}, "cluster: bad labels: label 2 of item 1 not in [0, 2)"},
	} {
		p := &cluster.Partition{Labels: tc.labels}
		wantPanic(t, tc.want, func() { p.K() })
		wantPanic(t, tc.want, func() { p.Sizes() })
		wantPanic(t, tc.want, func() { _ = p.String() })
		wantPanic(t, tc.want, func() { p.Rows() })
		if _, err := cluster.Compare(p, p); !errors.Is(err, cluster.ErrLabels) || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("Compare(%v): error %v, want ErrLabels starting %q", tc.labels, err, tc.want)
		}
	}
	if _, _, err := cluster.Silhouette(mat.NewSymDense(3, nil), []int{0, -1, 1}); !errors.Is(err, cluster.ErrLabels) {
		t.Errorf("Silhouette: error %v, want ErrLabels", err)
	}
	l := labeled(t, 74, 10)
	labels := make([]int, len(l.States))
	labels[1] = 1 << 40
	if _, err := l.Partition(labels); !errors.Is(err, cluster.ErrLabels) || !strings.Contains(err.Error(), "label 1099511627776 of Canada not in [0, 191)") {
		t.Errorf("Labeled.Partition: error %v, want ErrLabels naming Canada", err)
	}
	rep := &cluster.BlocStability{Countries: l.States, Labels: make([]int, len(l.States)), Jaccard: []float64{1}}
	if err := rep.Relabel(labels); !errors.Is(err, cluster.ErrLabels) {
		t.Errorf("Relabel: error %v, want ErrLabels", err)
	}
}

// TestDendrogramRows: the merges as CSV are scipy's linkage matrix
// (testdata/cluster/linkage_average.csv, scipy 1.10.1) with a step column.
func TestDendrogramRows(t *testing.T) {
	s := mustSession74(t)
	d, err := cluster.Hierarchical(s.dist, cluster.Average)
	if err != nil {
		t.Fatal(err)
	}
	want, err := readCSV("linkage_average.csv")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := d.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if lines[0] != "step,a,b,height,size" || len(lines) != len(want) {
		t.Fatalf("header %q, %d lines; want %d", lines[0], len(lines), len(want))
	}
	for k, r := range want[1:] {
		f := strings.Split(lines[k+1], ",")
		h1, _ := strconv.ParseFloat(f[3], 64)
		h2, _ := strconv.ParseFloat(r[2], 64)
		if f[0] != strconv.Itoa(k) || f[1] != r[0] || f[2] != r[1] || f[4] != r[3] || math.Abs(h1-h2) > 1e-9 {
			t.Errorf("row %d: %q, scipy %q", k, lines[k+1], r)
		}
	}
}

// TestZeroLabeled: the zero Labeled has no states; its methods say so.
func TestZeroLabeled(t *testing.T) {
	var l cluster.Labeled
	_, err1 := l.Cut(cluster.Average, 1)
	_, err2 := l.KMedoids(1)
	_, err3 := l.Louvain(nil)
	_, err4 := l.MDS(1)
	for _, err := range []error{err1, err2, err3, err4} {
		if !errors.Is(err, cluster.ErrTooFew) {
			t.Errorf("zero Labeled: error %v, want ErrTooFew", err)
		}
	}
	if p, err := l.Partition(nil); err != nil || p.K() != 0 {
		t.Errorf("zero Labeled: Partition(nil) = %v, %v", p, err)
	}
	wantPanic(t, "cluster: Labeled with 2 states", func() { (&cluster.Labeled{States: make([]votes.Country, 2)}).KMedoids(1) })
}

// TestDistancesNegativeMinimum: a negative minimum of joint votes is an
// invalid option; it once counted silently as 1.
func TestDistancesNegativeMinimum(t *testing.T) {
	if _, err := cluster.Distances(sessionMatrix(t, 74), -5); !errors.Is(err, cluster.ErrInvalidOptions) {
		t.Errorf("minimum -5: error %v, want ErrInvalidOptions", err)
	}
}

// A map names a state without an ISO3 code by its code (GFR), not a blank.
func TestMapNamesCode(t *testing.T) {
	l := &cluster.Labeled{States: []votes.Country{lookup(t, "USA"), lookup(t, "260"), lookup(t, "RUS")},
		Dist: mat.NewSymDense(3, []float64{0, 0.2, 0.8, 0.2, 0, 0.7, 0.8, 0.7, 0})}
	m, err := l.MDS(2)
	if err != nil {
		t.Fatal(err)
	}
	if m.Names[1] != "GFR" {
		t.Errorf("names %q, want GFR second", m.Names)
	}
}
