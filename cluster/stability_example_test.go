package cluster_test

import (
	"fmt"
	"log"

	"github.com/unga-go/unga/alignment"
	"github.com/unga-go/unga/cluster"
	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
)

// How firm are Ward's three blocs of session 74? The roll calls are
// resampled 200 times and each resample clustered again: the United
// States and Israel always share a bloc, Serbia only sometimes joins
// Russia's.
func ExampleStability() {
	ds, err := undata.Load()
	if err != nil {
		log.Fatal(err)
	}
	s74 := ds.Filter(votes.InSessions(74, 74))
	rep, err := cluster.Stability(s74, cluster.HierarchicalK(cluster.Ward, 3), &cluster.StabilityOptions{Seed: 1})
	if err != nil {
		log.Fatal(err)
	}
	usa, _ := votes.LookupCountry("USA")
	isr, _ := votes.LookupCountry("ISR")
	srb, _ := votes.LookupCountry("SRB")
	rus, _ := votes.LookupCountry("RUS")
	together, _ := rep.Pair(usa, isr)
	fmt.Printf("The United States and Israel share a bloc in %.0f%% of %d resamples.\n", 100*together, rep.Resamples)
	together, _ = rep.Pair(srb, rus)
	stay, _ := rep.StayOf(srb)
	fmt.Printf("Serbia is in Russia's bloc in %.0f%% of resamples; it stays in the bloc it has in the data in %.0f%%.\n", 100*together, 100*stay)
	for b, j := range rep.Jaccard {
		var names []string
		for i, c := range rep.Countries {
			if rep.Labels[i] == b && (c == usa || c == rus || c == srb || len(names) == 0) {
				names = append(names, c.ISO3)
			}
		}
		fmt.Printf("bloc %d (%v...): mean Jaccard %.2f\n", b, names, j)
	}
	// Output:
	// The United States and Israel share a bloc in 100% of 200 resamples.
	// Serbia is in Russia's bloc in 46% of resamples; it stays in the bloc it has in the data in 46%.
	// bloc 0 ([BHS SRB RUS]...): mean Jaccard 0.99
	// bloc 1 ([GBR]...): mean Jaccard 0.98
	// bloc 2 ([USA]...): mean Jaccard 0.89
}

// How firm are Ward's three blocs of the states Distances keeps in
// session 74? Labeled.Stability bootstraps those states, and Relabel
// numbers the report's blocs as the Partition numbers them, so that a row
// of the report and a row of the partition speak of the same bloc. The
// states are those ExampleStability clusters, and the Jaccards the same.
func ExampleLabeled_Stability() {
	ds, err := undata.Load()
	if err != nil {
		log.Fatal(err)
	}
	s74 := ds.Filter(votes.InSessions(74, 74))
	m, err := alignment.AgreementMatrix(s74, alignment.Agree, nil)
	if err != nil {
		log.Fatal(err)
	}
	l, err := cluster.Distances(m, 10)
	if err != nil {
		log.Fatal(err)
	}
	p, err := l.Cut(cluster.Ward, 3)
	if err != nil {
		log.Fatal(err)
	}
	rep, err := l.Stability(s74, cluster.HierarchicalK(cluster.Ward, 3), &cluster.StabilityOptions{Seed: 1})
	if err != nil {
		log.Fatal(err)
	}
	if err := rep.Relabel(p.Labels); err != nil {
		log.Fatal(err) // the bootstrap's blocs are not p's
	}
	for b := range p.K() {
		fmt.Printf("bloc %d (%s): mean Jaccard %.2f\n", b, p.Name(b), rep.Jaccard[b])
	}
	// Output:
	// bloc 0 (China, Russian Federation, India, ...): mean Jaccard 0.99
	// bloc 1 (United Kingdom, France, Germany, ...): mean Jaccard 0.98
	// bloc 2 (United States, Canada, Australia, ...): mean Jaccard 0.89
}
