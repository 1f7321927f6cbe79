package cluster_test

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/unga-go/unga/cluster"
	"github.com/unga-go/unga/votes"
)

// TestARIKnown checks the adjusted Rand index on the examples of
// scikit-learn's adjusted_rand_score documentation, worked by hand from
// Hubert and Arabie's formula: [0 0 1 2] against [0 0 1 1] has Σ C(n_ab) =
// 1, Σ C(a_i) = 1, Σ C(b_j) = 2 and C(4) = 6, so E = 1/3 and ARI = (1 -
// 1/3) / (3/2 - 1/3) = 4/7; [0 0 1 1] against [0 1 0 1] gives (0 - 2/3) /
// (2 - 2/3) = -1/2.
func TestARIKnown(t *testing.T) {
	for _, tc := range []struct {
		a, b []int
		want float64
	}{
		{[]int{0, 0, 1, 1}, []int{0, 0, 1, 1}, 1},
		{[]int{0, 0, 1, 1}, []int{1, 1, 0, 0}, 1},
		{[]int{0, 0, 1, 2}, []int{0, 0, 1, 1}, 4.0 / 7},
		{[]int{0, 0, 1, 1}, []int{0, 0, 1, 2}, 4.0 / 7},
		{[]int{0, 0, 0, 0}, []int{0, 1, 2, 3}, 0},
		{[]int{0, 0, 1, 1}, []int{0, 1, 0, 1}, -0.5},
		// Degenerate: all together, or all alone, in both: 1 as in
		// scikit-learn.
		{[]int{0, 0, 0}, []int{1, 1, 1}, 1},
		{[]int{0, 1, 2}, []int{2, 0, 1}, 1},
		{[]int{0}, []int{0}, 1},
	} {
		tab, err := cluster.Compare(&cluster.Partition{Labels: tc.a}, &cluster.Partition{Labels: tc.b})
		if err != nil {
			t.Fatal(err)
		}
		if got := tab.ARI(); math.Abs(got-tc.want) > 1e-15 {
			t.Errorf("ARI(%v, %v) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
	if _, err := cluster.Compare(&cluster.Partition{Labels: []int{0, 1}}, &cluster.Partition{Labels: []int{0}}); !errors.Is(err, cluster.ErrLabels) {
		t.Errorf("2 items against 1: error %v, want ErrLabels", err)
	}
	withStates := &cluster.Partition{Labels: []int{0}, States: []votes.Country{{COW: 2, ISO3: "USA"}}}
	if _, err := cluster.Compare(withStates, &cluster.Partition{Labels: []int{0}}); !errors.Is(err, cluster.ErrLabels) {
		t.Errorf("states against items: error %v, want ErrLabels", err)
	}
	twice := &cluster.Partition{Labels: []int{0, 1}, States: []votes.Country{{COW: 2}, {COW: 2}}}
	if _, err := cluster.Compare(withStates, twice); !errors.Is(err, cluster.ErrLabels) {
		t.Errorf("a state twice: error %v, want ErrLabels", err)
	}
	// The error gives the sizes of the partition at fault, here the second.
	unlabeled := &cluster.Partition{Labels: []int{0, 0}, States: []votes.Country{{COW: 2}}}
	if _, err := cluster.Compare(withStates, unlabeled); !errors.Is(err, cluster.ErrLabels) || !strings.Contains(err.Error(), "2 labels and 1 states") {
		t.Errorf("2 labels for 1 state in b: error %v, want ErrLabels naming 2 labels and 1 states", err)
	}
}

// sessions60and74 returns the blocs of sessions 60 (2005-06) and 74
// (2019-20): average linkage on 1 - agree, four blocs, states with at
// least 10 joint votes.
func sessions60and74(t *testing.T) (*cluster.Partition, *cluster.Partition) {
	t.Helper()
	var ps []*cluster.Partition
	for _, s := range []int{60, 74} {
		p, err := labeled(t, s, 10).Hierarchical(cluster.Average, 4)
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	return ps[0], ps[1]
}

// TestCompareSessions: who moved between sessions 60 and 74. The cross-tab
// and the ARI were recomputed independently with python3 from the two
// label vectors and COW codes (matching states by COW code, counting
// pairs together or apart in each as scikit-learn's pair_confusion_matrix
// does: ARI = 2(tp tn - fn fp) / ((tp+fn)(fn+tn) + (tp+fp)(fp+tn)) =
// 0.9432568035582416). 180 states are in both.
func TestCompareSessions(t *testing.T) {
	a, b := sessions60and74(t)
	tab, err := cluster.Compare(a, b)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]int{
		{0, 46, 1, 0},  // the West in 60
		{0, 0, 127, 0}, // the rest
		{1, 3, 1, 0},   // Australia, Israel and the Pacific
		{1, 0, 0, 0},   // the United States alone
	}
	if diff := cmp.Diff(want, tab.Counts); diff != "" {
		t.Errorf("cross-tab (-want +got):\n%s", diff)
	}
	if tab.Len() != 180 || math.Abs(tab.ARI()-0.9432568035582416) > 1e-12 {
		t.Errorf("%d shared, ARI %v; want 180, 0.9432568035582416", tab.Len(), tab.ARI())
	}
	// Greedy best overlap: 127 (1→2), then 46 (0→1), then among ones
	// the first free pair (2→0); bloc 3 of 60 is left unmatched.
	if !slices.Equal(tab.Match, []int{1, 2, 0, -1}) {
		t.Errorf("match %v, want [1 2 0 -1]", tab.Match)
	}
	var moved []string
	for _, mv := range tab.Moves().List {
		moved = append(moved, mv.State.ISO3)
	}
	// Serbia left the West's bloc; Australia, the Marshall Islands and
	// Micronesia joined it; Palau joined the rest; the United States,
	// alone in 60, sits with Israel in 74.
	if diff := cmp.Diff([]string{"USA", "SRB", "AUS", "MHL", "PLW", "FSM"}, moved); diff != "" {
		t.Errorf("moves (-want +got):\n%s", diff)
	}
	// The comparison is over the states present in both, whatever else
	// each partition holds: B has 11 states A lacks.
	if len(b.Labels)-tab.Len() != 11 {
		t.Errorf("%d states of 74 not in 60, want 11", len(b.Labels)-tab.Len())
	}
}

// TestCompareRows checks the tidy rows of a comparison.
func TestCompareRows(t *testing.T) {
	a, b := sessions60and74(t)
	a.Names = iso3s(a.States) // names that do not depend on the country table
	b.Names = iso3s(b.States)
	tab, err := cluster.Compare(a, b)
	if err != nil {
		t.Fatal(err)
	}
	var sb strings.Builder
	if err := tab.Moves().WriteCSV(&sb); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(sb.String(), "\n")
	if lines[0] != "iso3,cow,name,session_a,bloc_a,bloc_name_a,session_b,bloc_b,bloc_name_b" {
		t.Errorf("header %q", lines[0])
	}
	if want := `SRB,345,Serbia,60,0,"GBR, FRA, DEU, ...",74,2,"CHN, RUS, IND, ..."`; lines[2] != want {
		t.Errorf("Serbia's row %q, want %q", lines[2], want)
	}
	if len(lines) != 8 {
		t.Errorf("%d lines, want a header, 6 moves and an empty last", len(lines))
	}
	rows := tab.Rows()
	if len(rows) != 16 || rows[1].N != 46 || !rows[1].Matched || rows[0].Matched || *rows[0].SessionA != 60 || *rows[0].SessionB != 74 {
		t.Errorf("cross-tab rows %+v", rows[:2])
	}
	sb.Reset()
	if err := tab.WriteCSV(&sb); err != nil {
		t.Fatal(err)
	}
	if h, _, _ := strings.Cut(sb.String(), "\n"); h != "session_a,bloc_a,bloc_name_a,session_b,bloc_b,bloc_name_b,n,matched" {
		t.Errorf("cross-tab header %q", h)
	}
}
