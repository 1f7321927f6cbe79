package cluster_test

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"strings"

	"github.com/unga-go/unga/alignment"
	"github.com/unga-go/unga/cluster"
	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
)

// From the agreement matrix of session 74 (2019-20) to the distances
// between the states that can be clustered, with those left out named.
func ExampleDistances() {
	ds, err := undata.Load()
	if err != nil {
		log.Fatal(err)
	}
	m, err := alignment.AgreementMatrix(ds.Filter(votes.InSessions(74, 74)), alignment.Agree, nil)
	if err != nil {
		log.Fatal(err)
	}
	l, err := cluster.Distances(m, 10)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(l.States), "states kept")
	for _, d := range l.Dropped {
		if d.Reason != cluster.NoVote {
			fmt.Printf("left out %s: %v (%d votes)\n", d.State.ISO3, d.Reason, d.Votes)
		}
	}
	// Output:
	// 191 states kept
	// left out DMA: too few votes (9 votes)
	// left out GNQ: too few joint votes (17 votes)
}

// Five blocs of session 74 by Ward's linkage, each named by its best-known
// members (here by ISO3 code), with the mean silhouette width.
func ExampleLabeled_Cut() {
	ds, err := undata.Load()
	if err != nil {
		log.Fatal(err)
	}
	m, err := alignment.AgreementMatrix(ds.Filter(votes.InSessions(74, 74)), alignment.Agree, nil)
	if err != nil {
		log.Fatal(err)
	}
	l, err := cluster.Distances(m, 10)
	if err != nil {
		log.Fatal(err)
	}
	p, err := l.Cut(cluster.Ward, 5)
	if err != nil {
		log.Fatal(err)
	}
	for c, size := range p.Sizes() {
		var best []string
		for _, i := range p.BestKnown(c)[:min(3, size)] {
			best = append(best, p.States[i].ISO3)
		}
		fmt.Printf("bloc %d: %3d states, %s\n", c, size, strings.Join(best, " "))
	}
	fmt.Printf("mean silhouette %.3f\n", p.MeanSilhouette())
	// Output:
	// bloc 0:  25 states, BRA MEX COL
	// bloc 1: 101 states, IND IDN SAU
	// bloc 2:  13 states, CHN RUS IRN
	// bloc 3:  46 states, GBR FRA DEU
	// bloc 4:   6 states, USA CAN AUS
	// mean silhouette 0.546
}

// Blocs in sessions 60 (2005-06) and 74 (2019-20): which merged or split,
// and which states moved, over the states that sat in both. A bloc is
// matched to the bloc of the other session that took most of its states,
// if that one also drew most of its states from it; moves are numbered
// and named in session 60's blocs.
func ExampleCompare() {
	ds, err := undata.Load()
	if err != nil {
		log.Fatal(err)
	}
	var blocs []*cluster.Partition
	for _, session := range []int{60, 74} {
		m, err := alignment.AgreementMatrix(ds.Filter(votes.InSessions(session, session)), alignment.Agree, nil)
		if err != nil {
			log.Fatal(err)
		}
		l, err := cluster.Distances(m, 10)
		if err != nil {
			log.Fatal(err)
		}
		l.Session = session
		p, err := l.Cut(cluster.Average, 4)
		if err != nil {
			log.Fatal(err)
		}
		blocs = append(blocs, p)
	}
	tab, err := cluster.Compare(blocs[0], blocs[1])
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(tab)
	fmt.Print(tab.Moves())
	// Output:
	// A \ B      0     1     2     3
	// 0          0   *46     1     0
	// 1          0     0  *127     0
	// 2          1     3     1     0
	// 3         *1     0     0     0
	// 180 shared items, adjusted Rand index 0.9433
	// merge: A 0 (United Kingdom, France, Germany, ...) + 2 (Australia, Israel, Marshall Islands, ...) -> B 1 (United Kingdom, France, Germany, ...)
	// Serbia: 0 (United Kingdom, France, Germany, ...) -> 1 (China, Russian Federation, India, ...)
	// Israel: 2 (Australia, Israel, Marshall Islands, ...) -> 3 (United States)
	// Palau: 2 (Australia, Israel, Marshall Islands, ...) -> 1 (China, Russian Federation, India, ...)
}

// The blocs as a tidy CSV table: one row per state. Names set to ISO3
// codes name the blocs by codes; the name column keeps the states' names.
func ExamplePartition_WriteCSV() {
	ds, err := undata.Load()
	if err != nil {
		log.Fatal(err)
	}
	m, err := alignment.AgreementMatrix(ds.Filter(votes.InSessions(74, 74)), alignment.Agree, nil)
	if err != nil {
		log.Fatal(err)
	}
	l, err := cluster.Distances(m, 10)
	if err != nil {
		log.Fatal(err)
	}
	l.Session = 74
	p, err := l.KMedoids(3)
	if err != nil {
		log.Fatal(err)
	}
	p.Names = make([]string, len(p.States))
	for i, c := range p.States {
		p.Names[i] = c.ISO3
	}
	var b bytes.Buffer
	if err := p.WriteCSV(&b); err != nil {
		log.Fatal(err)
	}
	// The header and the rows of Canada and China.
	for _, line := range strings.SplitAfter(b.String(), "\n") {
		if strings.HasPrefix(line, "iso3,") || strings.HasPrefix(line, "CAN,") || strings.HasPrefix(line, "CHN,") {
			os.Stdout.WriteString(line)
		}
	}
	// Output:
	// iso3,cow,name,session,bloc,bloc_name,silhouette
	// CAN,20,Canada,74,0,"USA, GBR, FRA, ...",0.5449306859450578
	// CHN,710,China,74,1,"CHN, RUS, IND, ...",0.3177501248827778
}
