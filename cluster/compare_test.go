package cluster_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
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
		p, err := labeled(t, s, 10).Cut(cluster.Average, 4)
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
	if len(tab.ItemA) != 180 || math.Abs(tab.ARI()-0.9432568035582416) > 1e-12 {
		t.Errorf("%d shared, ARI %v; want 180, 0.9432568035582416", len(tab.ItemA), tab.ARI())
	}
	// Main destinations: 0→1 (46), 1→2 (127), 2→1 (3 of 5), 3→0 (1).
	// Main sources: 0←3 (a tie of one state each with 2; 3's main
	// destination is 0), 1←0, 2←1. Matched: 0-1, 1-2 and 3-0. Bloc 2 of
	// 60 (Australia, Israel and the Pacific) merged into the West.
	if !slices.Equal(tab.Match, []int{1, 2, -1, 0}) {
		t.Errorf("match %v, want [1 2 -1 0]", tab.Match)
	}
	wantRe := []cluster.Regrouping{{A: []int{0, 2}, B: []int{1}}}
	if diff := cmp.Diff(wantRe, tab.Regroupings()); diff != "" {
		t.Errorf("regroupings (-want +got):\n%s", diff)
	}
	type move struct {
		iso3            string
		from, to, blocB int
	}
	var moved []move
	for _, mv := range tab.Moves().List {
		moved = append(moved, move{mv.State.ISO3, mv.From, mv.To, mv.BlocB})
	}
	// Serbia left the West's bloc for the rest's; Israel left Australia's
	// bloc for the United States'; Palau joined the rest. Australia, the
	// Marshall Islands and Micronesia are the merge, not moves.
	want2 := []move{{"SRB", 0, 1, 2}, {"ISR", 2, 3, 0}, {"PLW", 2, 1, 2}}
	if diff := cmp.Diff(want2, moved, cmp.AllowUnexported(move{})); diff != "" {
		t.Errorf("moves (-want +got):\n%s", diff)
	}
	// The comparison is over the states present in both, whatever else
	// each partition holds: B has 11 states A lacks.
	if len(b.Labels)-len(tab.ItemA) != 11 {
		t.Errorf("%d states of 74 not in 60, want 11", len(b.Labels)-len(tab.ItemA))
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
	if lines[0] != "iso3,cow,name,session_a,session_b,from_bloc,from_name,to_bloc,to_name,bloc_b" {
		t.Errorf("header %q", lines[0])
	}
	// Serbia's blocs both in 60's numbering: 0 (the West) to 1 (the rest,
	// bloc 2 of 74).
	if want := `SRB,345,Serbia,60,74,0,"GBR, FRA, DEU, ...",1,"CHN, RUS, IND, ...",2`; lines[1] != want {
		t.Errorf("Serbia's row %q, want %q", lines[1], want)
	}
	if len(lines) != 5 {
		t.Errorf("%d lines, want a header, 3 moves and an empty last", len(lines))
	}
	rows := tab.Rows()
	if len(rows) != 16 || rows[1].N != 46 || rows[1].Flow != "match" || rows[0].Flow != "" || *rows[0].SessionA != 60 || *rows[0].SessionB != 74 {
		t.Errorf("cross-tab rows %+v", rows[:2])
	}
	sb.Reset()
	if err := tab.WriteCSV(&sb); err != nil {
		t.Fatal(err)
	}
	if h, _, _ := strings.Cut(sb.String(), "\n"); h != "session_a,bloc_a,bloc_name_a,session_b,bloc_b,bloc_name_b,n,flow" {
		t.Errorf("cross-tab header %q", h)
	}
}

// TestCompareMergeSplit: a merge, a split and one move, worked by hand.
// Fourteen items; A has blocs 0 (items 0-4), 1 (5-8), 2 (9-11) and 3
// (12-13). In B, bloc 1 of A merges into bloc 0 except item 8, which joins
// bloc 2's successor, and bloc 3 splits in two. The table is
//
//	A \ B  0  1  2  3
//	0      5  0  0  0
//	1      3  1  0  0
//	2      0  3  0  0
//	3      0  0  1  1
//
// Main destinations 0→0, 1→0, 2→1, 3→2 (a tie, the lower); main sources
// 0←0, 1←2, 2←3, 3←3. So 0-0, 2-1 and 3-2 are matched; 1 merged into 0;
// 3 split into 2 and 3; item 8 moved from 1 to 2 (A's numbering). A
// greedy matching by overlap left bloc 1 unmatched and counted its four
// items and item 13 as five moves, each printed in its own numbering.
func TestCompareMergeSplit(t *testing.T) {
	a := &cluster.Partition{Labels: []int{0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 3, 3}}
	b := &cluster.Partition{Labels: []int{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 3}}
	tab, err := cluster.Compare(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(tab.Match, []int{0, -1, 1, 2}) {
		t.Errorf("match %v, want [0 -1 1 2]", tab.Match)
	}
	want := []cluster.Regrouping{
		{A: []int{0, 1}, B: []int{0}},
		{A: []int{3}, B: []int{2, 3}},
	}
	if diff := cmp.Diff(want, tab.Regroupings()); diff != "" {
		t.Errorf("regroupings (-want +got):\n%s", diff)
	}
	if k := []string{tab.Regroupings()[0].Kind(), tab.Regroupings()[1].Kind()}; !slices.Equal(k, []string{"merge", "split"}) {
		t.Errorf("kinds %v", k)
	}
	moves := tab.Moves()
	if diff := cmp.Diff([]cluster.Move{{ItemA: 8, ItemB: 8, From: 1, To: 2, BlocB: 1}}, moves.List); diff != "" {
		t.Errorf("moves (-want +got):\n%s", diff)
	}
	if got, want := moves.String(), "8: 1 (5, 6, 7, ...) -> 2 (9, 10, 11)\n"; got != want {
		t.Errorf("moves print %q, want %q", got, want)
	}
	var flows []string
	for _, r := range tab.Rows() {
		if r.Flow != "" {
			flows = append(flows, fmt.Sprintf("%d%d %s", r.BlocA, r.BlocB, r.Flow))
		}
	}
	if diff := cmp.Diff([]string{"00 match", "10 merge", "11 move", "21 match", "32 match", "33 split"}, flows); diff != "" {
		t.Errorf("flows (-want +got):\n%s", diff)
	}
	if !strings.Contains(tab.String(), "merge: A 0 (0, 1, 2, ...) + 1 (5, 6, 7, ...) -> B 0 (0, 1, 2, ...)\nsplit: A 3 (12, 13) -> B 2 (12) + 3 (13)\n") {
		t.Errorf("table lacks the merge and the split:\n%s", tab)
	}
}

// TestCompareHugeLabel: a label far beyond the number of items is an
// error, not a table of 2^40 columns that exhausts memory.
func TestCompareHugeLabel(t *testing.T) {
	ok := &cluster.Partition{Labels: []int{0, 1}}
	for _, labels := range [][]int{{0, 1 << 40}, {0, 2}, {-1, 0}} {
		bad := &cluster.Partition{Labels: labels}
		for _, pair := range [][2]*cluster.Partition{{bad, ok}, {ok, bad}} {
			if _, err := cluster.Compare(pair[0], pair[1]); !errors.Is(err, cluster.ErrLabels) {
				t.Errorf("labels %v: error %v, want ErrLabels", labels, err)
			}
		}
	}
}

// TestCompareRandom: on random partitions (ties between overlaps are
// frequent with few items) every cluster with shared items lies in
// exactly one regrouping, each regrouping holds exactly one matched pair,
// and every shared item is in a matched cell, inside a regrouping, or a
// move.
func TestCompareRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 2000 {
		n := 1 + rng.IntN(12)
		a, b := make([]int, n), make([]int, n)
		ka, kb := 1+rng.IntN(n), 1+rng.IntN(n)
		for i := range n {
			a[i], b[i] = rng.IntN(ka), rng.IntN(kb)
		}
		tab, err := cluster.Compare(&cluster.Partition{Labels: a}, &cluster.Partition{Labels: b})
		if err != nil {
			t.Fatal(err)
		}
		// Regroupings lists only merges and splits; a matched pair alone
		// is a regrouping of its own.
		inA, inB := map[int]int{}, map[int]int{}
		for _, r := range tab.Regroupings() {
			matched := 0
			for _, x := range r.A {
				inA[x]++
				if slices.Contains(r.B, tab.Match[x]) {
					matched++
				}
			}
			for _, y := range r.B {
				inB[y]++
			}
			if matched != 1 {
				t.Fatalf("trial %d: a %v b %v: regrouping %+v holds %d matched pairs", trial, a, b, r, matched)
			}
		}
		for x, y := range tab.Match {
			if y >= 0 && inA[x] == 0 {
				inA[x], inB[y] = 1, inB[y]+1
			}
		}
		for y := range tab.B.K() {
			if inB[y] > 1 {
				t.Fatalf("trial %d: a %v b %v: cluster %d of B in %d regroupings", trial, a, b, y, inB[y])
			}
		}
		for x := range tab.Counts {
			if slices.ContainsFunc(tab.Counts[x], func(n int) bool { return n > 0 }) != (inA[x] == 1) {
				t.Fatalf("trial %d: a %v b %v: cluster %d of A in %d regroupings", trial, a, b, x, inA[x])
			}
		}
		moves := 0
		for _, r := range tab.Rows() {
			if r.Flow == "move" {
				moves += r.N
			}
		}
		if len(tab.Moves().List) != moves {
			t.Fatalf("trial %d: %d moves listed, %d in the table", trial, len(tab.Moves().List), moves)
		}
	}
}
