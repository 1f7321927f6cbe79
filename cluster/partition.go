package cluster

import (
	"fmt"
	"strconv"
	"strings"
)

// Partition assigns each of n items to one of K clusters.
type Partition struct {
	// Labels holds the cluster of each item, 0 to K-1.
	Labels []int
	// Medoids holds, for k-medoids, the item at the centre of each cluster
	// (Medoids[c] is in cluster c); nil otherwise.
	Medoids []int
	// Cost is, for k-medoids, the sum of the distances from each item to
	// its medoid.
	Cost float64
	// Names optionally names the items for String (say country names in
	// the order of the distance matrix); nil prints indices.
	Names []string
}

// K returns the number of clusters: one more than the largest label.
func (p *Partition) K() int {
	k := 0
	for _, l := range p.Labels {
		k = max(k, l+1)
	}
	return k
}

// Members returns the items of cluster c in increasing order.
func (p *Partition) Members(c int) []int {
	var m []int
	for i, l := range p.Labels {
		if l == c {
			m = append(m, i)
		}
	}
	return m
}

// Sizes returns the number of items in each cluster.
func (p *Partition) Sizes() []int {
	s := make([]int, p.K())
	for _, l := range p.Labels {
		s[l]++
	}
	return s
}

func (p *Partition) name(i int) string {
	if i < len(p.Names) {
		return p.Names[i]
	}
	return strconv.Itoa(i)
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
		m := p.Members(c)
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
