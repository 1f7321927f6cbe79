package cluster

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/unga-go/unga/internal/tidy"
	"github.com/unga-go/unga/votes"
)

// CrossTab is the contingency table of two partitions over the items they
// share, with the matching of their clusters: how the blocs of one session
// map onto those of another.
type CrossTab struct {
	A, B *Partition
	// ItemA and ItemB list the shared items: the kth is item ItemA[k] of A
	// and item ItemB[k] of B. They are in A's item order.
	ItemA, ItemB []int
	// Counts[a][b] is the number of shared items in cluster a of A and
	// cluster b of B; len(Counts) is A.K() and each row has B.K() entries.
	Counts [][]int
	// Match[a] is the cluster of B matched to cluster a of A, or -1 if
	// none is (see Compare).
	Match []int
}

// Compare returns the cross-tabulation of partitions a and b. When both
// have States, the shared items are the states present in both, matched by
// COW code (the states of one session against those of another); when
// neither has, the items are matched by index and the partitions must have
// the same number of items. The error wraps ErrLabels if only one has
// States, if the numbers of items differ without States, or if a state
// appears twice in one partition.
//
// The clusters are matched by their best overlap, greedily: the pair of
// clusters (one of a, one of b) sharing the most items is matched first,
// then the pair sharing the most among clusters not yet matched, and so on
// while pairs share any item; ties go to the lower cluster of a, then of b.
// Clusters left over (when the numbers of clusters differ, or a cluster
// shares nothing with those left) are matched to none.
//
// Compare panics if a label of a or b is negative.
func Compare(a, b *Partition) (*CrossTab, error) {
	t := &CrossTab{A: a, B: b}
	switch {
	case (a.States == nil) != (b.States == nil):
		return nil, fmt.Errorf("cluster: compare a partition of states with one of plain items: %w", ErrLabels)
	case a.States == nil:
		if len(a.Labels) != len(b.Labels) {
			return nil, fmt.Errorf("cluster: compare partitions of %d and %d items: %w", len(a.Labels), len(b.Labels), ErrLabels)
		}
		for i := range a.Labels {
			t.ItemA = append(t.ItemA, i)
			t.ItemB = append(t.ItemB, i)
		}
	default:
		for _, p := range []*Partition{a, b} {
			if len(p.States) != len(p.Labels) {
				return nil, fmt.Errorf("cluster: partition with %d labels and %d states: %w", len(p.Labels), len(p.States), ErrLabels)
			}
		}
		inB := make(map[int]int, len(b.States))
		for j, c := range b.States {
			if _, dup := inB[c.COW]; dup {
				return nil, fmt.Errorf("cluster: %s (COW %d) twice in a partition: %w", c.Name, c.COW, ErrLabels)
			}
			inB[c.COW] = j
		}
		seen := make(map[int]bool, len(a.States))
		for i, c := range a.States {
			if seen[c.COW] {
				return nil, fmt.Errorf("cluster: %s (COW %d) twice in a partition: %w", c.Name, c.COW, ErrLabels)
			}
			seen[c.COW] = true
			if j, ok := inB[c.COW]; ok {
				t.ItemA = append(t.ItemA, i)
				t.ItemB = append(t.ItemB, j)
			}
		}
	}
	ka, kb := a.K(), b.K()
	t.Counts = make([][]int, ka)
	for x := range t.Counts {
		t.Counts[x] = make([]int, kb)
	}
	for k, i := range t.ItemA {
		t.Counts[a.Labels[i]][b.Labels[t.ItemB[k]]]++
	}
	t.Match = t.match()
	return t, nil
}

// match pairs the clusters greedily by overlap.
func (t *CrossTab) match() []int {
	type pair struct{ a, b, n int }
	var pairs []pair
	for x, row := range t.Counts {
		for y, n := range row {
			if n > 0 {
				pairs = append(pairs, pair{x, y, n})
			}
		}
	}
	// Stable on (a, b) order: ties keep the lower clusters first.
	slices.SortStableFunc(pairs, func(p, q pair) int { return cmp.Compare(q.n, p.n) })
	match := make([]int, len(t.Counts))
	for x := range match {
		match[x] = -1
	}
	usedB := make([]bool, t.B.K())
	for _, p := range pairs {
		if match[p.a] < 0 && !usedB[p.b] {
			match[p.a], usedB[p.b] = p.b, true
		}
	}
	return match
}

// Len returns the number of shared items.
func (t *CrossTab) Len() int { return len(t.ItemA) }

// ARI returns the adjusted Rand index of the two partitions over the
// shared items (Hubert and Arabie 1985), the formula of scikit-learn's
// adjusted_rand_score: with n_ab the counts, a_i and b_j the row and column
// sums and C(x) = x(x-1)/2,
//
//	ARI = (Σ C(n_ab) - E) / ((Σ C(a_i) + Σ C(b_j))/2 - E),  E = Σ C(a_i) Σ C(b_j) / C(n).
//
// It is 1 for identical partitions (up to the cluster numbers), near 0 for
// unrelated ones, and can be negative (down to -1/2). When the denominator
// is 0 (both partitions put every item alone, or all items together, or
// there are fewer than two items) the partitions agree and ARI returns 1,
// as scikit-learn does.
func (t *CrossTab) ARI() float64 {
	c2 := func(x int) float64 { return float64(x) * float64(x-1) / 2 }
	var sumAB, sumA, sumB float64
	colSums := make([]int, t.B.K())
	for _, row := range t.Counts {
		rowSum := 0
		for y, n := range row {
			sumAB += c2(n)
			rowSum += n
			colSums[y] += n
		}
		sumA += c2(rowSum)
	}
	for _, n := range colSums {
		sumB += c2(n)
	}
	expected := sumA * sumB / c2(t.Len())
	den := (sumA+sumB)/2 - expected
	if den == 0 || t.Len() < 2 {
		return 1
	}
	return (sumAB - expected) / den
}

// String prints the table: one row per cluster of A, one column per
// cluster of B, the matched cells marked with *, then the ARI.
func (t *CrossTab) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-6s", "A \\ B")
	for y := range t.B.K() {
		fmt.Fprintf(&b, " %5d", y)
	}
	b.WriteString("\n")
	for x, row := range t.Counts {
		fmt.Fprintf(&b, "%-6d", x)
		for y, n := range row {
			cell := strconv.Itoa(n)
			if t.Match[x] == y {
				cell = "*" + cell
			}
			fmt.Fprintf(&b, " %5s", cell)
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "%d shared items, adjusted Rand index %.4f\n", t.Len(), t.ARI())
	return b.String()
}

// CrossTabRow is one cell of a CrossTab, a row of CrossTab.Rows.
type CrossTabRow struct {
	SessionA  *int   `csv:"session_a"` // nil (empty) when unknown
	BlocA     int    `csv:"bloc_a"`
	BlocNameA string `csv:"bloc_name_a"`
	SessionB  *int   `csv:"session_b"`
	BlocB     int    `csv:"bloc_b"`
	BlocNameB string `csv:"bloc_name_b"`
	N         int    `csv:"n"`       // shared items in both blocs
	Matched   bool   `csv:"matched"` // whether Compare matched the two blocs
}

// Rows returns one row per cell of the table, by cluster of A then of B,
// zero cells included.
func (t *CrossTab) Rows() []CrossTabRow {
	sa, sb := sessionPtr(t.A.Session), sessionPtr(t.B.Session)
	var rows []CrossTabRow
	for x, row := range t.Counts {
		na := t.A.Name(x)
		for y, n := range row {
			rows = append(rows, CrossTabRow{SessionA: sa, BlocA: x, BlocNameA: na, SessionB: sb, BlocB: y, BlocNameB: t.B.Name(y), N: n, Matched: t.Match[x] == y})
		}
	}
	return rows
}

// WriteCSV writes Rows as CSV with a header line:
// session_a,bloc_a,bloc_name_a,session_b,bloc_b,bloc_name_b,n,matched.
func (t *CrossTab) WriteCSV(w io.Writer) error {
	return tidy.Write(w, t.Rows())
}

func sessionPtr(s int) *int {
	if s == 0 {
		return nil
	}
	return &s
}

// Move is a shared item whose cluster in B is not the one matched to its
// cluster in A.
type Move struct {
	State        votes.Country // the state, when the partitions have States
	ItemA, ItemB int           // its index in A and in B
	From, To     int           // its cluster in A and in B
}

// Moves lists who moved between two partitions.
type Moves struct {
	Tab  *CrossTab
	List []Move
}

// Moves returns the shared items whose cluster in B is not the cluster
// matched to their cluster in A (see Compare), in A's item order. An item
// of a cluster of A matched to none has moved too.
func (t *CrossTab) Moves() *Moves {
	m := &Moves{Tab: t}
	for k, i := range t.ItemA {
		j := t.ItemB[k]
		from, to := t.A.Labels[i], t.B.Labels[j]
		if t.Match[from] == to {
			continue
		}
		mv := Move{ItemA: i, ItemB: j, From: from, To: to}
		if t.A.States != nil {
			mv.State = t.A.States[i]
		}
		m.List = append(m.List, mv)
	}
	return m
}

// String prints one line per move: the state (or item), the bloc it left
// and the bloc it joined, each with its number and Name.
func (m *Moves) String() string {
	var b strings.Builder
	for _, mv := range m.List {
		fmt.Fprintf(&b, "%s: %d (%s) -> %d (%s)\n", m.Tab.A.name(mv.ItemA), mv.From, m.Tab.A.Name(mv.From), mv.To, m.Tab.B.Name(mv.To))
	}
	return b.String()
}

// MoveRow is one move, a row of Moves.Rows.
type MoveRow struct {
	ISO3      string `csv:"iso3"`
	COW       int    `csv:"cow"`
	Name      string `csv:"name"`
	SessionA  *int   `csv:"session_a"` // nil (empty) when unknown
	BlocA     int    `csv:"bloc_a"`
	BlocNameA string `csv:"bloc_name_a"`
	SessionB  *int   `csv:"session_b"`
	BlocB     int    `csv:"bloc_b"`
	BlocNameB string `csv:"bloc_name_b"`
}

// Rows returns one row per move, in the order of List.
func (m *Moves) Rows() []MoveRow {
	a, b := m.Tab.A, m.Tab.B
	sa, sb := sessionPtr(a.Session), sessionPtr(b.Session)
	rows := make([]MoveRow, len(m.List))
	for k, mv := range m.List {
		rows[k] = MoveRow{ISO3: mv.State.ISO3, COW: mv.State.COW, Name: a.name(mv.ItemA),
			SessionA: sa, BlocA: mv.From, BlocNameA: a.Name(mv.From), SessionB: sb, BlocB: mv.To, BlocNameB: b.Name(mv.To)}
		if a.States != nil {
			rows[k].Name = mv.State.Name
		}
	}
	return rows
}

// WriteCSV writes Rows as CSV with a header line:
// iso3,cow,name,session_a,bloc_a,bloc_name_a,session_b,bloc_b,bloc_name_b.
func (m *Moves) WriteCSV(w io.Writer) error {
	return tidy.Write(w, m.Rows())
}
