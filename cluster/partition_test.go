package cluster_test

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/unga-go/unga/cluster"
	"github.com/unga-go/unga/votes"
)

// TestName checks the documented order of best-known members on a bloc
// built by hand: France (a permanent member) before Israel (the fixed
// list) before the rest, these by silhouette width (Tuvalu's 0.5 before
// Tonga's 0.2, NaN last), then in item order.
func TestName(t *testing.T) {
	cs := []votes.Country{
		{COW: 955, ISO3: "TON"}, {COW: 220, ISO3: "FRA"}, {COW: 947, ISO3: "TUV"},
		{COW: 666, ISO3: "ISR"}, {COW: 946, ISO3: "KIR"}, {COW: 990, ISO3: "WSM"}, {COW: 2, ISO3: "USA"},
	}
	p := &cluster.Partition{
		Labels:     []int{0, 0, 0, 0, 0, 0, 1},
		States:     cs,
		Names:      iso3s(cs),
		Silhouette: []float64{0.2, 0.1, 0.5, 0.3, math.NaN(), 0.2, 0},
	}
	if got := p.BestKnown(0); !slices.Equal(got, []int{1, 3, 2, 0, 5, 4}) {
		t.Errorf("BestKnown(0) = %v, want [1 3 2 0 5 4]", got)
	}
	for c, want := range []string{"FRA, ISR, TUV, ...", "USA", ""} {
		if got := p.Name(c); got != want {
			t.Errorf("Name(%d) = %q, want %q", c, got, want)
		}
	}
	// Without States or widths, item order; without Names, indices.
	q := &cluster.Partition{Labels: []int{1, 0, 1, 1}}
	if got := q.Name(1); got != "0, 2, 3" {
		t.Errorf("plain Name(1) = %q", got)
	}
	if got := q.Items(1); !slices.Equal(got, []int{0, 2, 3}) {
		t.Errorf("Items(1) = %v", got)
	}
}

// TestBlocNamesSession74: the four average-linkage blocs of session 74
// (as in Example: the United States and Israel, the West, the rest and
// Nauru) are named by their permanent members first.
func TestBlocNamesSession74(t *testing.T) {
	p, err := labeled(t, 74, 10).Cut(cluster.Average, 4)
	if err != nil {
		t.Fatal(err)
	}
	p.Names = iso3s(p.States)
	var got []string
	for c := range p.K() {
		got = append(got, p.Name(c))
	}
	want := []string{"USA, ISR", "GBR, FRA, DEU, ...", "CHN, RUS, IND, ...", "NRU"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
}

// TestPartitionRows checks the tidy rows: one per state in COW order,
// with the session, the bloc, its name and the silhouette width, and an
// empty session and NaN width when unknown.
func TestPartitionRows(t *testing.T) {
	l := labeled(t, 74, 10)
	p, err := l.Cut(cluster.Average, 4)
	if err != nil {
		t.Fatal(err)
	}
	p.Names = iso3s(p.States)
	rows := p.Rows()
	if len(rows) != 191 || rows[0].ISO3 != "USA" || rows[0].COW != 2 || *rows[0].Session != 74 || rows[0].Bloc != 0 ||
		rows[0].BlocName != "USA, ISR" || rows[0].Silhouette != p.Silhouette[0] {
		t.Errorf("first row %+v", rows[0])
	}
	var b strings.Builder
	if err := p.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(b.String(), "\n")
	if lines[0] != "iso3,cow,name,session,bloc,bloc_name,silhouette" || !strings.HasPrefix(lines[2], `CAN,20,Canada,74,1,"GBR, FRA, DEU, ...",0.`) {
		t.Errorf("CSV starts %q", lines[:3])
	}
	q := &cluster.Partition{Labels: []int{0, 0}, Names: []string{"a", "b"}}
	b.Reset()
	if err := q.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	if want := "iso3,cow,name,session,bloc,bloc_name,silhouette\n,0,a,,0,\"a, b\",NaN\n,0,b,,0,\"a, b\",NaN\n"; b.String() != want {
		t.Errorf("plain partition CSV %q, want %q", b.String(), want)
	}
}

// TestBestKnownISO3: the exported list is the one BestKnown documents, in
// its order (transcribed here from the doc comment's names), is the order
// BestKnown ranks a bloc's members by, and is a copy.
func TestBestKnownISO3(t *testing.T) {
	want := strings.Fields(`USA CHN RUS GBR FRA
		DEU JPN IND BRA CAN AUS ITA KOR MEX IDN TUR SAU ARG ZAF
		ISR IRN CUB VEN PRK SYR UKR EGY NGA PAK SRB BLR NIC ESP NLD POL SWE NOR CHE NZL KEN ETH DZA MAR IRQ
		VNM PHL THA MYS SGP BGD COL CHL PER HUN MHL FSM PLW NRU`)
	got := cluster.BestKnownISO3()
	if !slices.Equal(got, want) {
		t.Fatalf("BestKnownISO3() = %v\nwant %v", got, want)
	}
	// The states, in reverse: BestKnown puts them back in the list's order.
	var cs []votes.Country
	for _, iso := range slices.Backward(got) {
		c, err := votes.LookupCountry(iso)
		if err != nil {
			t.Fatal(err)
		}
		cs = append(cs, c)
	}
	p := &cluster.Partition{Labels: make([]int, len(cs)), States: cs}
	for k, i := range p.BestKnown(0) {
		if cs[i].ISO3 != got[k] {
			t.Fatalf("BestKnown ranks %s %d-th, the list %s", cs[i].ISO3, k, got[k])
		}
	}
	got[0] = "XXX"
	if cluster.BestKnownISO3()[0] != "USA" {
		t.Error("BestKnownISO3 returns the package's own slice")
	}
}
