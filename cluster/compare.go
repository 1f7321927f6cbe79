package cluster

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/unga-go/unga/internal/tidy"
	"github.com/unga-go/unga/votes"
)

// CrossTab is the contingency table of two partitions over the items they
// share, with what became of each cluster: how the blocs of one session
// map onto those of another.
//
// Each cluster of A has a main destination, the cluster of B that received
// most of its shared items, and each cluster of B a main source, the
// cluster of A that gave it most (ties: the lower cluster of B; for a
// source, a cluster of A whose main destination it is, then the lower).
// Two clusters are matched when each is the other's main one: the same
// bloc in both partitions. Following the main links groups the clusters
// into regroupings, each holding exactly one matched pair: a matched pair
// alone (the bloc kept its shape), several clusters of A whose main
// destination is one cluster of B (a merge), or one cluster of A that is
// the main source of several of B (a split), or both. A move is a shared
// item whose clusters in A and in B lie in different regroupings: it left
// its bloc for another. Items that go from one cluster to another within a
// regrouping are part of the merge or split, not moves. A cluster with no
// shared item is in no regrouping.
type CrossTab struct {
	A, B *Partition
	// ItemA and ItemB list the shared items: the kth is item ItemA[k] of A
	// and item ItemB[k] of B. They are in A's item order.
	ItemA, ItemB []int
	// Counts[a][b] is the number of shared items in cluster a of A and
	// cluster b of B; len(Counts) is A.K() and each row has B.K() entries.
	Counts [][]int
	// Match[a] is the cluster of B matched to cluster a of A, or -1 if
	// none is.
	Match []int
	// homeA[a] and homeB[b] are the cluster of A matched in the
	// regrouping of a cluster of A or of B (-1 for one without shared
	// items): the regrouping's number in A's numbering.
	homeA, homeB []int
	// dest[a] is a's main destination, src[b] b's main source (-1 for
	// none).
	dest, src []int
}

// Compare returns the cross-tabulation of partitions a and b. When both
// have States, the shared items are the states present in both, matched by
// COW code (the states of one session against those of another); when
// neither has, the items are matched by index and the partitions must have
// the same number of items. The error wraps ErrLabels if only one has
// States, if the numbers of items differ without States, if a state
// appears twice in one partition, or if a label is not in [0, n) (n the
// number of items of its partition).
func Compare(a, b *Partition) (*CrossTab, error) {
	for _, p := range []*Partition{a, b} {
		if err := checkRange(p.Labels); err != nil {
			return nil, err
		}
	}
	t := &CrossTab{A: a, B: b}
	switch {
	case (a.States == nil) != (b.States == nil):
		return nil, fmt.Errorf("%w: compare a partition of states with one of plain items", ErrLabels)
	case a.States == nil:
		if len(a.Labels) != len(b.Labels) {
			return nil, fmt.Errorf("%w: compare partitions of %d and %d items", ErrLabels, len(a.Labels), len(b.Labels))
		}
		for i := range a.Labels {
			t.ItemA = append(t.ItemA, i)
			t.ItemB = append(t.ItemB, i)
		}
	default:
		for _, p := range []*Partition{a, b} {
			if len(p.States) != len(p.Labels) {
				return nil, fmt.Errorf("%w: partition with %d labels and %d states", ErrLabels, len(p.Labels), len(p.States))
			}
		}
		inB := make(map[int]int, len(b.States))
		for j, c := range b.States {
			if _, dup := inB[c.COW]; dup {
				return nil, fmt.Errorf("%w: %s (COW %d) twice in a partition", ErrLabels, c.Name, c.COW)
			}
			inB[c.COW] = j
		}
		seen := make(map[int]bool, len(a.States))
		for i, c := range a.States {
			if seen[c.COW] {
				return nil, fmt.Errorf("%w: %s (COW %d) twice in a partition", ErrLabels, c.Name, c.COW)
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
	t.regroup()
	return t, nil
}

// regroup finds the main links, the matched pairs and the regroupings.
func (t *CrossTab) regroup() {
	ka, kb := t.A.K(), t.B.K()
	t.dest, t.src = make([]int, ka), make([]int, kb)
	for x, row := range t.Counts {
		t.dest[x] = -1
		for y, n := range row {
			if n > 0 && (t.dest[x] < 0 || n > row[t.dest[x]]) {
				t.dest[x] = y
			}
		}
	}
	for y := range kb {
		t.src[y] = -1
		for x, row := range t.Counts {
			n := row[y]
			if n == 0 {
				continue
			}
			if s := t.src[y]; s < 0 || n > t.Counts[s][y] || n == t.Counts[s][y] && t.dest[x] == y && t.dest[s] != y {
				t.src[y] = x
			}
		}
	}
	t.Match = make([]int, ka)
	for x, y := range t.dest {
		t.Match[x] = -1
		if y >= 0 && t.src[y] == x {
			t.Match[x] = y
		}
	}
	// Every cluster with shared items links to its main one; the links
	// form trees around the matched pairs (a cycle of main links longer
	// than a pair would need equal counts that the tie rules break), so
	// following them from any cluster ends at a matched pair.
	t.homeA, t.homeB = make([]int, ka), make([]int, kb)
	var home func(x int) int // x of A, with shared items
	home = func(x int) int {
		if t.Match[x] >= 0 {
			return x
		}
		return home(t.src[t.dest[x]])
	}
	for x := range ka {
		t.homeA[x] = -1
		if t.dest[x] >= 0 {
			t.homeA[x] = home(x)
		}
	}
	for y := range kb {
		t.homeB[y] = -1
		if s := t.src[y]; s >= 0 {
			t.homeB[y] = t.homeA[s]
		}
	}
}

// Regrouping is a group of clusters of two partitions that make one bloc
// in both, joined by their main links (see CrossTab): one cluster of A
// matched to one of B, with the clusters of A merged into it and those of
// B split from it.
type Regrouping struct {
	// A and B are the clusters of each partition, in increasing order;
	// CrossTab.Match says which two are matched.
	A, B []int
}

// Kind returns "merge" for several clusters of A and one of B, "split" for
// one of A and several of B, "merge and split" for several of both, and
// "kept" for a matched pair alone.
func (r Regrouping) Kind() string {
	switch {
	case len(r.A) > 1 && len(r.B) > 1:
		return "merge and split"
	case len(r.A) > 1:
		return "merge"
	case len(r.B) > 1:
		return "split"
	}
	return "kept"
}

// Regroupings returns the regroupings of more than one cluster on a side:
// the merges and splits, in the order of their matched cluster of A.
func (t *CrossTab) Regroupings() []Regrouping {
	var out []Regrouping
	for x, y := range t.Match {
		if y < 0 {
			continue
		}
		var r Regrouping
		for a, h := range t.homeA {
			if h == x {
				r.A = append(r.A, a)
			}
		}
		for b, h := range t.homeB {
			if h == x {
				r.B = append(r.B, b)
			}
		}
		if len(r.A) > 1 || len(r.B) > 1 {
			out = append(out, r)
		}
	}
	return out
}

// flow names what cell (a, b) of the table holds: "" (no item), "match",
// "merge" (b is a's main destination, a not matched to it), "split" (a is
// b's main source), "regroup" (another cell inside a regrouping) or "move".
func (t *CrossTab) flow(a, b int) string {
	switch {
	case t.Counts[a][b] == 0:
		return ""
	case t.Match[a] == b:
		return "match"
	case t.homeA[a] != t.homeB[b]:
		return "move"
	case t.dest[a] == b:
		return "merge"
	case t.src[b] == a:
		return "split"
	}
	return "regroup"
}

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
	expected := sumA * sumB / c2(len(t.ItemA))
	den := (sumA+sumB)/2 - expected
	if den == 0 || len(t.ItemA) < 2 {
		return 1
	}
	return (sumAB - expected) / den
}

// String prints the table: one row per cluster of A, one column per
// cluster of B, the matched cells marked with *; then the ARI, and a line
// per merge or split, each side in its own partition's numbering.
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
	fmt.Fprintf(&b, "%d shared items, adjusted Rand index %.4f\n", len(t.ItemA), t.ARI())
	list := func(p *Partition, cs []int) string {
		s := make([]string, len(cs))
		for i, c := range cs {
			s[i] = fmt.Sprintf("%d (%s)", c, p.Name(c))
		}
		return strings.Join(s, " + ")
	}
	for _, r := range t.Regroupings() {
		fmt.Fprintf(&b, "%s: A %s -> B %s\n", r.Kind(), list(t.A, r.A), list(t.B, r.B))
	}
	return b.String()
}

// crossTabRow is one cell of a CrossTab, a row of its WriteCSV.
type crossTabRow struct {
	SessionA  *int   `csv:"session_a"` // nil (empty) when unknown
	BlocA     int    `csv:"bloc_a"`
	BlocNameA string `csv:"bloc_name_a"`
	SessionB  *int   `csv:"session_b"`
	BlocB     int    `csv:"bloc_b"`
	BlocNameB string `csv:"bloc_name_b"`
	N         int    `csv:"n"` // shared items in both blocs
	// Flow says what the cell holds (see CrossTab): "match" for a matched
	// pair, "merge" for bloc A's main destination when A is not matched
	// to it, "split" for bloc B's main source when B is not matched to
	// it, "regroup" for another cell inside a merge or split, "move" for
	// states that left their bloc, "" for no state.
	Flow string `csv:"flow"`
}

// rows returns the rows of WriteCSV.
func (t *CrossTab) rows() []crossTabRow {
	sa, sb := sessionPtr(t.A.Session), sessionPtr(t.B.Session)
	var rows []crossTabRow
	for x, row := range t.Counts {
		na := t.A.Name(x)
		for y, n := range row {
			rows = append(rows, crossTabRow{SessionA: sa, BlocA: x, BlocNameA: na, SessionB: sb, BlocB: y, BlocNameB: t.B.Name(y), N: n, Flow: t.flow(x, y)})
		}
	}
	return rows
}

// WriteCSV writes as tidy CSV, with a header line, one row per cell of the
// table, by cluster of A then of B, zero cells included; the header is:
// session_a,bloc_a,bloc_name_a,session_b,bloc_b,bloc_name_b,n,flow.
func (t *CrossTab) WriteCSV(w io.Writer) error {
	return tidy.Write(w, t.rows())
}

func sessionPtr(s int) *int {
	if s == 0 {
		return nil
	}
	return &s
}

// Move is a shared item that left its bloc for another (see CrossTab):
// its clusters in A and in B lie in different regroupings. From and To
// number both blocs in A's numbering: From is its cluster in A, To the
// cluster of A matched in the regrouping of its cluster in B (the bloc it
// joined, as A knew it); BlocB is its cluster in B.
type Move struct {
	State        votes.Country // the state, when the partitions have States
	ItemA, ItemB int           // its index in A and in B
	From, To     int           // clusters of A
	BlocB        int           // its cluster in B
}

// Moves lists who moved between two partitions.
type Moves struct {
	// List holds the moves, in A's item order.
	List []Move
	tab  *CrossTab // for the blocs' names and sessions
}

// Moves returns the shared items that moved (see CrossTab), in A's item
// order. The states of a merge or split are not moves: Regroupings lists
// those blocs, and Counts their sizes.
func (t *CrossTab) Moves() *Moves {
	m := &Moves{tab: t}
	for k, i := range t.ItemA {
		j := t.ItemB[k]
		from, to := t.A.Labels[i], t.B.Labels[j]
		if t.homeA[from] == t.homeB[to] {
			continue
		}
		mv := Move{ItemA: i, ItemB: j, From: from, To: t.homeB[to], BlocB: to}
		if t.A.States != nil {
			mv.State = t.A.States[i]
		}
		m.List = append(m.List, mv)
	}
	return m
}

// String prints one line per move: the state (or item), the bloc it left
// and the bloc it joined, both by their number and Name in A.
func (m *Moves) String() string {
	var b strings.Builder
	a := m.tab.A
	for _, mv := range m.List {
		fmt.Fprintf(&b, "%s: %d (%s) -> %d (%s)\n", a.name(mv.ItemA), mv.From, a.Name(mv.From), mv.To, a.Name(mv.To))
	}
	return b.String()
}

// moveRow is one move, a row of its WriteCSV. The blocs left and joined are
// numbered and named as in A; bloc_b is the state's bloc in B, numbered as
// in B's own rows.
type moveRow struct {
	ISO3     string `csv:"iso3"`
	COW      int    `csv:"cow"`
	Name     string `csv:"name"`
	SessionA *int   `csv:"session_a"` // nil (empty) when unknown
	SessionB *int   `csv:"session_b"`
	From     int    `csv:"from_bloc"`
	FromName string `csv:"from_name"`
	To       int    `csv:"to_bloc"`
	ToName   string `csv:"to_name"`
	BlocB    int    `csv:"bloc_b"`
}

// rows returns the rows of WriteCSV.
func (m *Moves) rows() []moveRow {
	a := m.tab.A
	sa, sb := sessionPtr(a.Session), sessionPtr(m.tab.B.Session)
	rows := make([]moveRow, len(m.List))
	for k, mv := range m.List {
		rows[k] = moveRow{ISO3: mv.State.ISO3, COW: mv.State.COW, Name: a.name(mv.ItemA), SessionA: sa, SessionB: sb,
			From: mv.From, FromName: a.Name(mv.From), To: mv.To, ToName: a.Name(mv.To), BlocB: mv.BlocB}
		if a.States != nil {
			rows[k].Name = mv.State.Name
		}
	}
	return rows
}

// WriteCSV writes as tidy CSV, with a header line, one row per move, in the
// order of List; the header is:
// iso3,cow,name,session_a,session_b,from_bloc,from_name,to_bloc,to_name,bloc_b.
func (m *Moves) WriteCSV(w io.Writer) error {
	return tidy.Write(w, m.rows())
}
