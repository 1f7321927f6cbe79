package cluster

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/unga-go/unga/internal/countries"
	"github.com/unga-go/unga/internal/tidy"
	"github.com/unga-go/unga/votes"
)

// Partition assigns each of n items to one of K clusters.
//
// Labels must lie in [0, n), n the number of items: a partition of n items
// has at most n clusters, and the methods allocate by cluster, so a label
// beyond n would cost memory in proportion to its value. Every method
// panics on a label out of range (labels a program reads from a file go
// through Labeled.Partition, Silhouette or Compare, which return an error
// wrapping ErrLabels instead).
type Partition struct {
	// Labels holds the cluster of each item, 0 to K-1, each in [0, n).
	Labels []int
	// Medoids holds, for k-medoids, the item at the centre of each cluster
	// (Medoids[c] is in cluster c); nil otherwise.
	Medoids []int
	// Cost is, for k-medoids, the sum of the distances from each item to
	// its medoid.
	Cost float64
	// Names optionally names the items for String (say country names in
	// the order of the distance matrix); nil prints the names of States,
	// or indices.
	Names []string
	// States, when not nil, are the states the items stand for, in item
	// order. The methods of Labeled set them; Name, WriteCSV and Compare use
	// them.
	States []votes.Country
	// Session is the session the partition describes, for WriteCSV; 0 if
	// unknown. The methods of Labeled copy it from Labeled.Session.
	Session int
	// Silhouette holds the silhouette width of each item (see the function
	// Silhouette), or nil if not computed. The methods of Labeled compute
	// it when there are at least two clusters.
	Silhouette []float64
}

// K returns the number of clusters: one more than the largest label. It
// panics if a label is not in [0, n).
func (p *Partition) K() int {
	if err := checkRange(p.Labels); err != nil {
		panic(err.Error())
	}
	k := 0
	for _, l := range p.Labels {
		k = max(k, l+1)
	}
	return k
}

// checkRange reports a label outside [0, len(labels)), wrapping ErrLabels.
func checkRange(labels []int) error {
	for i, l := range labels {
		if l < 0 || l >= len(labels) {
			return fmt.Errorf("%w: label %d of item %d not in [0, %d)", ErrLabels, l, i, len(labels))
		}
	}
	return nil
}

// Items returns the items of cluster c in increasing order (nil for a
// cluster with no items).
func (p *Partition) Items(c int) []int {
	var m []int
	for i, l := range p.Labels {
		if l == c {
			m = append(m, i)
		}
	}
	return m
}

// Sizes returns the number of items in each cluster. It panics if a label
// is not in [0, n).
func (p *Partition) Sizes() []int {
	s := make([]int, p.K())
	for _, l := range p.Labels {
		s[l]++
	}
	return s
}

// MeanSilhouette returns the mean silhouette width of the items, or NaN if
// Silhouette is nil.
func (p *Partition) MeanSilhouette() float64 {
	if p.Silhouette == nil {
		return math.NaN()
	}
	var s float64
	for _, w := range p.Silhouette {
		s += w
	}
	return s / float64(len(p.Silhouette))
}

func (p *Partition) name(i int) string {
	switch {
	case i < len(p.Names):
		return p.Names[i]
	case i < len(p.States):
		return p.States[i].Name
	}
	return strconv.Itoa(i)
}

// bestKnown lists states by how well a reader knows them, by ISO3 code:
// the list of the table of states, which BestKnown documents.
var bestKnown = &countries.BestKnown

// BestKnownISO3 returns the ISO3 codes of the best-known states, best
// known first: the order in which Partition.BestKnown and Name put a
// bloc's members first (see BestKnown for the list). A chart can use it
// to choose which states to label, in step with the blocs' names. The
// slice is a copy.
func BestKnownISO3() []string { return slices.Clone(bestKnown[:]) }

// fame returns the rank of a state in bestKnown, or len(bestKnown).
func fame(iso3 string) int {
	if r := slices.Index(bestKnown[:], iso3); r >= 0 {
		return r
	}
	return len(bestKnown)
}

// BestKnown returns the items of cluster c with the best-known first, the
// order Name uses.
//
// Best known means, by ISO3 code of States: first the five permanent
// members of the Security Council (United States, China, Russia, United
// Kingdom, France); then the other members of the G20 (Germany, Japan,
// India, Brazil, Canada, Australia, Italy, South Korea, Mexico, Indonesia,
// Turkey, Saudi Arabia, Argentina, South Africa); then a fixed list of
// states often in the news on Assembly votes (Israel, Iran, Cuba,
// Venezuela, North Korea, Syria, Ukraine, Egypt, Nigeria, Pakistan, Serbia,
// Belarus, Nicaragua, Spain, the Netherlands, Poland, Sweden, Norway,
// Switzerland, New Zealand, Kenya, Ethiopia, Algeria, Morocco, Iraq,
// Vietnam, the Philippines, Thailand, Malaysia, Singapore, Bangladesh,
// Colombia, Chile, Peru, Hungary, the Marshall Islands, Micronesia, Palau,
// Nauru), each list in that order. Other members come after, the most
// typical of the cluster first (highest silhouette width, when known),
// then in item order. Without States, items are ordered by the last two
// rules only.
func (p *Partition) BestKnown(c int) []int {
	items := p.Items(c)
	key := func(i int) int {
		if i < len(p.States) {
			return fame(p.States[i].ISO3)
		}
		return len(bestKnown)
	}
	slices.SortStableFunc(items, func(i, j int) int {
		if c := cmp.Compare(key(i), key(j)); c != 0 {
			return c
		}
		if len(p.Silhouette) == len(p.Labels) {
			// Higher width first; cmp.Compare orders NaN below
			// every number, so with the arguments swapped NaN
			// comes last.
			return cmp.Compare(p.Silhouette[j], p.Silhouette[i])
		}
		return 0
	})
	return items
}

// Name names cluster c by its three best-known members (see BestKnown),
// followed by ", ..." when it has more: "United States, United Kingdom,
// France, ...". It returns "" for a cluster with no items.
func (p *Partition) Name(c int) string {
	items := p.BestKnown(c)
	names := make([]string, 0, 4)
	for _, i := range items[:min(3, len(items))] {
		names = append(names, p.name(i))
	}
	if len(items) > 3 {
		names = append(names, "...")
	}
	return strings.Join(names, ", ")
}

// String lists the clusters: number, size, medoid (for k-medoids), then
// the members on indented lines.
func (p *Partition) String() string {
	var b strings.Builder
	p.write(&b)
	return b.String()
}

func (p *Partition) write(b *strings.Builder) {
	for c := range p.K() {
		m := p.Items(c)
		fmt.Fprintf(b, "%d (%d", c, len(m))
		if c < len(p.Medoids) {
			fmt.Fprintf(b, ", medoid %s", p.name(p.Medoids[c]))
		}
		b.WriteString("):")
		// Wrap the members at about 100 columns, indented.
		col := 100
		for j, i := range m {
			name := p.name(i)
			if j < len(m)-1 {
				name += ","
			}
			if col+len(name)+2 > 100 {
				b.WriteString("\n   ")
				col = 3
			}
			b.WriteString(" ")
			b.WriteString(name)
			col += len(name) + 1
		}
		b.WriteString("\n")
	}
}

// partitionRow is one state of a partition, a row of its WriteCSV.
type partitionRow struct {
	ISO3 string `csv:"iso3"`
	COW  int    `csv:"cow"`
	Name string `csv:"name"`
	// Session is nil (an empty cell) when the partition does not know it.
	Session    *int    `csv:"session"`
	Bloc       int     `csv:"bloc"`      // the label, from 0
	BlocName   string  `csv:"bloc_name"` // Partition.Name of the bloc
	Silhouette float64 `csv:"silhouette"`
}

// rows returns the rows of WriteCSV.
func (p *Partition) rows() []partitionRow {
	names := make([]string, p.K())
	for c := range names {
		names[c] = p.Name(c)
	}
	session := sessionPtr(p.Session)
	rows := make([]partitionRow, len(p.Labels))
	for i, l := range p.Labels {
		r := partitionRow{Name: p.name(i), Session: session, Bloc: l, BlocName: names[l], Silhouette: math.NaN()}
		if i < len(p.States) {
			r.ISO3, r.COW, r.Name = p.States[i].ISO3, p.States[i].COW, p.States[i].Name
		}
		if i < len(p.Silhouette) {
			r.Silhouette = p.Silhouette[i]
		}
		rows[i] = r
	}
	return rows
}

// WriteCSV writes as tidy CSV, with a header line, one row per item in item
// order (for the methods of Labeled, by COW code): the state, the session,
// its bloc with the bloc's Name, and its silhouette width (NaN when not
// computed). Items without a state (a Partition with no States) have an
// empty ISO3, COW 0 and their Names entry or index as name. It panics if a
// label is not in [0, n); the header is:
// iso3,cow,name,session,bloc,bloc_name,silhouette.
func (p *Partition) WriteCSV(w io.Writer) error {
	return tidy.Write(w, p.rows())
}
