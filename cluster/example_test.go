package cluster_test

import (
	"fmt"
	"log"

	"github.com/unga-go/unga/cluster"
)

// The blocs of session 74 (2019-20) by average linkage on 1 - agreement,
// cut into four clusters: the United States and Israel, the West, the rest,
// and Nauru. The distances come from testdata/cluster/session74_distance.csv.
func Example() {
	s, err := loadSession74()
	if err != nil {
		log.Fatal(err)
	}
	d, err := cluster.Hierarchical(s.dist, cluster.Average)
	if err != nil {
		log.Fatal(err)
	}
	labels, err := d.CutK(4)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(&cluster.Partition{Labels: labels, Names: s.iso3})
	// Output:
	// 0 (2):
	//     USA, ISR
	// 1 (50):
	//     CAN, GBR, IRL, NLD, BEL, LUX, FRA, MCO, LIE, CHE, ESP, AND, PRT, DEU, POL, AUT, HUN, CZE, SVK,
	//     ITA, SMR, MLT, ALB, MNE, MKD, HRV, BIH, SVN, GRC, CYP, BGR, MDA, ROU, EST, LVA, LTU, UKR, GEO,
	//     FIN, SWE, NOR, DNK, ISL, TUR, KOR, JPN, AUS, NZL, MHL, FSM
	// 2 (140):
	//     BHS, CUB, HTI, DOM, JAM, TTO, BRB, DMA, GRD, LCA, VCT, ATG, KNA, MEX, BLZ, GTM, HND, SLV, NIC,
	//     CRI, PAN, COL, VEN, GUY, SUR, ECU, PER, BRA, BOL, PRY, CHL, ARG, URY, SRB, RUS, BLR, ARM, AZE,
	//     CPV, STP, GNB, GNQ, GMB, MLI, SEN, BEN, MRT, NER, CIV, GIN, BFA, LBR, SLE, GHA, TGO, CMR, NGA,
	//     GAB, CAF, TCD, COG, COD, UGA, KEN, TZA, BDI, RWA, SOM, DJI, ETH, ERI, AGO, MOZ, ZMB, ZWE, MWI,
	//     ZAF, NAM, LSO, BWA, SWZ, MDG, COM, MUS, SYC, MAR, DZA, TUN, LBY, SDN, SSD, IRN, IRQ, EGY, SYR,
	//     LBN, JOR, SAU, YEM, KWT, BHR, QAT, ARE, OMN, AFG, TKM, TJK, KGZ, UZB, KAZ, CHN, MNG, PRK, IND,
	//     BTN, PAK, BGD, MMR, LKA, MDV, NPL, THA, KHM, LAO, VNM, MYS, SGP, BRN, PHL, IDN, TLS, PNG, VUT,
	//     SLB, KIR, TUV, FJI, TON, PLW, WSM
	// 3 (1):
	//     NRU
}

func ExampleHierarchical() {
	s, err := loadSession74()
	if err != nil {
		log.Fatal(err)
	}
	d, err := cluster.Hierarchical(s.dist, cluster.Ward)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(d)
	leaves := d.Leaves()
	fmt.Println("leftmost leaves:", s.iso3[leaves[0]], s.iso3[leaves[1]], s.iso3[leaves[2]])
	// Output:
	// ward linkage of 193 items, heights 0 to 3.007
	//  step     a     b     height  size
	//   187   315   368   0.447326     6
	//   188   374   378   0.492163   120
	//   189   377   381   0.675227   141
	//   190   379   380   0.949266    52
	//   191   382   383   3.006577   193
	// leftmost leaves: NRU BRA LBR
}

// Cutting the average-linkage tree at a height: states whose blocs join
// below 1 - 0.85 agreement.
func ExampleDendrogram_CutHeight() {
	s, err := loadSession74()
	if err != nil {
		log.Fatal(err)
	}
	d, err := cluster.Hierarchical(s.dist, cluster.Average)
	if err != nil {
		log.Fatal(err)
	}
	p := &cluster.Partition{Labels: d.CutHeight(0.15)}
	fmt.Println(p.K(), "clusters, sizes", p.Sizes())
	// Output:
	// 9 clusters, sizes [2 4 46 2 2 134 1 1 1]
}

func ExampleKMedoids() {
	s, err := loadSession74()
	if err != nil {
		log.Fatal(err)
	}
	p, err := cluster.KMedoids(s.dist, 3)
	if err != nil {
		log.Fatal(err)
	}
	p.Names = s.iso3
	fmt.Print(p)
	fmt.Printf("total distance to medoids %.4f\n", p.Cost)
	// Output:
	// 0 (52, medoid PRT):
	//     USA, CAN, GBR, IRL, NLD, BEL, LUX, FRA, MCO, LIE, CHE, ESP, AND, PRT, DEU, POL, AUT, HUN, CZE,
	//     SVK, ITA, SMR, MLT, ALB, MNE, MKD, HRV, SRB, BIH, SVN, GRC, CYP, BGR, MDA, ROU, EST, LVA, LTU,
	//     UKR, GEO, FIN, SWE, NOR, DNK, ISL, TUR, ISR, KOR, JPN, AUS, NZL, FSM
	// 1 (55, medoid GNQ):
	//     CUB, HTI, DMA, GRD, VCT, NIC, VEN, RUS, BLR, ARM, STP, GNB, GNQ, MLI, NER, LBR, CMR, CAF, COG,
	//     TZA, BDI, RWA, SOM, AGO, MOZ, ZWE, ZAF, NAM, SWZ, COM, SYC, DZA, SSD, IRN, EGY, LBN, KWT, QAT,
	//     OMN, TKM, TJK, KGZ, UZB, CHN, MNG, PRK, IND, BTN, PAK, MMR, LKA, NPL, THA, KHM, SGP
	// 2 (86, medoid COD):
	//     BHS, DOM, JAM, TTO, BRB, LCA, ATG, KNA, MEX, BLZ, GTM, HND, SLV, CRI, PAN, COL, GUY, SUR, ECU,
	//     PER, BRA, BOL, PRY, CHL, ARG, URY, AZE, CPV, GMB, SEN, BEN, MRT, CIV, GIN, BFA, SLE, GHA, TGO,
	//     NGA, GAB, TCD, COD, UGA, KEN, DJI, ETH, ERI, ZMB, MWI, LSO, BWA, MDG, MUS, MAR, TUN, LBY, SDN,
	//     IRQ, SYR, JOR, SAU, YEM, BHR, ARE, AFG, KAZ, BGD, MDV, LAO, VNM, MYS, BRN, PHL, IDN, TLS, PNG,
	//     VUT, SLB, KIR, TUV, FJI, TON, NRU, MHL, PLW, WSM
	// total distance to medoids 6.3001
}

// How many blocs? The mean silhouette width of the k-medoids partitions.
func ExampleSilhouette() {
	s, err := loadSession74()
	if err != nil {
		log.Fatal(err)
	}
	for k := 2; k <= 6; k++ {
		p, err := cluster.KMedoids(s.dist, k)
		if err != nil {
			log.Fatal(err)
		}
		_, mean, err := cluster.Silhouette(s.dist, p.Labels)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("k=%d mean silhouette %.4f\n", k, mean)
	}
	// Output:
	// k=2 mean silhouette 0.7402
	// k=3 mean silhouette 0.2512
	// k=4 mean silhouette 0.2729
	// k=5 mean silhouette 0.2175
	// k=6 mean silhouette 0.2277
}

// At resolution 1 modularity finds two giant blocs in the agreement graph.
func ExampleLouvain() {
	s, err := loadSession74()
	if err != nil {
		log.Fatal(err)
	}
	c, err := cluster.Louvain(agreement(s.dist), &cluster.LouvainOptions{Seed: 1})
	if err != nil {
		log.Fatal(err)
	}
	c.Names = s.iso3
	fmt.Print(c)
	// Output:
	// resolution 1: 2 communities, Q = 0.0462
	// 0 (56):
	//     USA, CAN, HTI, GBR, IRL, NLD, BEL, LUX, FRA, MCO, LIE, CHE, ESP, AND, PRT, DEU, POL, AUT, HUN,
	//     CZE, SVK, ITA, SMR, MLT, ALB, MNE, MKD, HRV, SRB, BIH, SVN, GRC, CYP, BGR, MDA, ROU, EST, LVA,
	//     LTU, UKR, ARM, GEO, FIN, SWE, NOR, DNK, ISL, LBR, TUR, ISR, KOR, JPN, AUS, NZL, MHL, FSM
	// 1 (137):
	//     BHS, CUB, DOM, JAM, TTO, BRB, DMA, GRD, LCA, VCT, ATG, KNA, MEX, BLZ, GTM, HND, SLV, NIC, CRI,
	//     PAN, COL, VEN, GUY, SUR, ECU, PER, BRA, BOL, PRY, CHL, ARG, URY, RUS, BLR, AZE, CPV, STP, GNB,
	//     GNQ, GMB, MLI, SEN, BEN, MRT, NER, CIV, GIN, BFA, SLE, GHA, TGO, CMR, NGA, GAB, CAF, TCD, COG,
	//     COD, UGA, KEN, TZA, BDI, RWA, SOM, DJI, ETH, ERI, AGO, MOZ, ZMB, ZWE, MWI, ZAF, NAM, LSO, BWA,
	//     SWZ, MDG, COM, MUS, SYC, MAR, DZA, TUN, LBY, SDN, SSD, IRN, IRQ, EGY, SYR, LBN, JOR, SAU, YEM,
	//     KWT, BHR, QAT, ARE, OMN, AFG, TKM, TJK, KGZ, UZB, KAZ, CHN, MNG, PRK, IND, BTN, PAK, BGD, MMR,
	//     LKA, MDV, NPL, THA, KHM, LAO, VNM, MYS, SGP, BRN, PHL, IDN, TLS, PNG, VUT, SLB, KIR, TUV, FJI,
	//     TON, NRU, PLW, WSM
}

// Higher resolutions split the giant blocs, then shatter them.
func ExampleScanResolution() {
	s, err := loadSession74()
	if err != nil {
		log.Fatal(err)
	}
	res := []float64{1, 1.01, 1.02, 1.03, 1.04, 1.05, 1.06, 1.08, 1.1}
	scan, err := cluster.ScanResolution(agreement(s.dist), res, &cluster.LouvainOptions{Seed: 1})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Print(scan)
	// Output:
	// resolution communities largest               Q
	//          1           2 137 56           0.0462
	//       1.01           3 136 56 1         0.0400
	//       1.02           4 134 55 2         0.0340
	//       1.03           4 116 53 22        0.0289
	//       1.04           6 108 53 27        0.0244
	//       1.05          10 87 53 27         0.0206
	//       1.06          20 69 53 26         0.0179
	//       1.08          64 53 32 22         0.0151
	//        1.1          95 53 21 17         0.0133
}

func ExampleMDS() {
	s, err := loadSession74()
	if err != nil {
		log.Fatal(err)
	}
	m, err := cluster.MDS(s.dist, 2)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("explained %.1f%% and %.1f%%\n", 100*m.Explained[0], 100*m.Explained[1])
	for i, code := range s.iso3 {
		switch code {
		case "USA", "ISR", "GBR", "SRB", "RUS", "CHN", "CUB", "IND":
			fmt.Printf("%s %7.3f %7.3f\n", code, m.Coords.At(i, 0), m.Coords.At(i, 1))
		}
	}
	// Output:
	// explained 63.5% and 13.2%
	// USA   0.671   0.242
	// CUB  -0.168  -0.035
	// GBR   0.341  -0.074
	// SRB   0.094  -0.063
	// RUS  -0.045  -0.111
	// ISR   0.641   0.260
	// CHN  -0.125  -0.069
	// IND  -0.088  -0.038
}

// States that cast fewer than 20 votes in the 91 roll calls of session 74
// are left out before clustering.
func ExampleDropMissing() {
	s, err := loadSession74()
	if err != nil {
		log.Fatal(err)
	}
	sub, err := cluster.DropMissing(s.dist, s.votes, 20)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(sub.Kept), "kept")
	for _, i := range sub.Dropped {
		fmt.Printf("dropped %s (%d votes)\n", s.names[i], s.votes[i])
	}
	// Output:
	// 191 kept
	// dropped Dominica (9 votes)
	// dropped Equatorial Guinea (17 votes)
}
