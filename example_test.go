package unga_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/unga-go/unga/alignment"
	"github.com/unga-go/unga/alignment/idealpoint"
	"github.com/unga-go/unga/audit"
	"github.com/unga-go/unga/cluster"
	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
)

// The states most and least aligned with the United States in 2019, by
// Voeten's agreement score and by the State Department's coincidence.
// Israel comes first either way.
func Example_alignedWithUS() {
	ds, err := undata.Load()
	if err != nil {
		log.Fatal(err)
	}
	usa, err := votes.LookupCountry("United States")
	if err != nil {
		log.Fatal(err)
	}
	y2019 := ds.Filter(votes.InYears(2019, 2019))
	for _, x := range []alignment.Index{alignment.Agree, alignment.Coincidence} {
		rk, err := alignment.Rank(y2019, usa, x, &alignment.Options{MinN: 10})
		if err != nil {
			log.Fatal(err)
		}
		for _, end := range [][]alignment.Ranked{rk.Top(15), rk.Bottom(15)} {
			fmt.Print(x)
			for _, r := range end {
				fmt.Print(" ", r.Country.ISO3)
			}
			fmt.Println()
		}
		fmt.Println(x, rk.Top(1)[0].Country.Name, rk.Top(1)[0].Score)
	}
	// Output:
	// agree ISR FSM MHL CAN AUS GBR FRA CZE LVA HUN ROU EST LTU DEU POL
	// agree SOM SYR PRK GIN TKM COG IRN NIC VEN KHM CUB MRT BDI LBN ZWE
	// agree Israel 0.9602 (n=88)
	// coincidence ISR FSM CAN AUS MHL GBR FRA CZE HUN LTU DEU ROU LVA EST POL
	// coincidence PRK SYR IRN SOM VEN ZWE CUB COG NIC BLR SSD MRT TKM BDI LBN
	// coincidence Israel 0.9747 (n=79)
}

// The EU's cohesion (Rice index) per calendar year, 1995-2019, and the
// member that defects most from the EU majority.
func Example_euCohesion() {
	ds, err := undata.Load()
	if err != nil {
		log.Fatal(err)
	}
	eu, err := votes.LookupGroup("EU")
	if err != nil {
		log.Fatal(err)
	}
	period := ds.Filter(votes.InYears(1995, 2019))
	cs, err := alignment.CohesionBy(period, alignment.ByYear, eu, nil)
	if err != nil {
		log.Fatal(err)
	}
	for k, year := range cs.Periods {
		if year%4 == 3 {
			fmt.Println(year, cs.Rice[k])
		}
	}
	def, err := alignment.Defections(period, eu, nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, d := range def.States[:3] {
		fmt.Printf("%s defected on %d of %d votes\n", d.Country.Name, d.Defections, d.N)
	}
	// Output:
	// 1995 0.9504 (n=69)
	// 1999 0.9737 (n=82)
	// 2003 0.9446 (n=83)
	// 2007 0.9753 (n=88)
	// 2011 0.9792 (n=91)
	// 2015 0.9304 (n=70)
	// 2019 0.9335 (n=83)
	// United Kingdom defected on 343 of 2252 votes
	// France defected on 318 of 2241 votes
	// Cyprus defected on 145 of 1485 votes
}

// Each state's share of votes identical to Russia's in 2010-2019 as tidy
// CSV for another tool, and the Balkan states ranked by it within each
// session.
func Example_identicalToRussia() {
	ds, err := undata.Load()
	if err != nil {
		log.Fatal(err)
	}
	rus, err := votes.LookupCountry("RUS")
	if err != nil {
		log.Fatal(err)
	}
	rk, err := alignment.Rank(ds.Filter(votes.InYears(2010, 2019)), rus, alignment.Identical, nil)
	if err != nil {
		log.Fatal(err)
	}
	var ranking strings.Builder // or an *os.File
	if err := rk.WriteCSV(&ranking); err != nil {
		log.Fatal(err)
	}
	fmt.Print(strings.Join(strings.SplitAfter(ranking.String(), "\n")[:3], ""))
	balkans, err := votes.LookupGroup("Balkans")
	if err != nil {
		log.Fatal(err)
	}
	_, last := ds.Span() // the Balkan states of the day of the last roll call
	some := ds.Filter(votes.InSessions(70, 74)).SelectCountries(func(c votes.Country) bool {
		return c == rus || balkans.Contains(c, last)
	})
	rs, err := alignment.WithReference(some, alignment.BySession, rus, alignment.Identical, nil)
	if err != nil {
		log.Fatal(err)
	}
	var table strings.Builder // every state's rank in every session
	if err := rs.WriteCSV(&table); err != nil {
		log.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(table.String())).ReadAll()
	if err != nil {
		log.Fatal(err)
	}
	col := make(map[string]int)
	for k, name := range recs[0] {
		col[name] = k
	}
	for _, r := range recs[1:] {
		if rank := r[col["rank"]]; rank == "1" || rank == "2" {
			score, _ := strconv.ParseFloat(r[col["score"]], 64)
			fmt.Printf("session %s: %s %s %.3f (n=%s)\n", r[col["session"]], rank, r[col["iso3_b"]], score, r[col["n"]])
		}
	}
	// Output:
	// rank,iso3_a,cow_a,name_a,iso3_b,cow_b,name_b,index,score,n,member_share,member_from,member_to
	// 1,RUS,365,Russian Federation,UZB,704,Uzbekistan,identical,0.7569620253164557,790,0.9934924078091106,2010-10-26,2019-12-27
	// 2,RUS,365,Russian Federation,BLR,370,Belarus,identical,0.7569444444444444,864,1,2010-02-26,2019-12-27
	// session 70: 1 SRB 0.563 (n=71)
	// session 70: 2 HRV 0.548 (n=73)
	// session 71: 1 SVN 0.496 (n=113)
	// session 71: 2 MNE 0.495 (n=111)
	// session 72: 1 ALB 0.577 (n=123)
	// session 72: 2 MNE 0.574 (n=122)
	// session 73: 1 SRB 0.674 (n=92)
	// session 73: 2 GRC 0.600 (n=95)
	// session 74: 1 SRB 0.610 (n=82)
	// session 74: 2 MNE 0.517 (n=87)
}

// Task 1 on human-rights roll calls only: the same ranking, one filter
// more.
func Example_alignedWithUSOnHumanRights() {
	ds, err := undata.Load()
	if err != nil {
		log.Fatal(err)
	}
	usa, err := votes.LookupCountry("USA")
	if err != nil {
		log.Fatal(err)
	}
	hr := ds.Filter(votes.InYears(2019, 2019), votes.HasIssue(votes.HumanRights))
	rk, err := alignment.Rank(hr, usa, alignment.Agree, &alignment.Options{MinN: 5})
	if err != nil {
		log.Fatal(err)
	}
	for k, end := range [][]alignment.Ranked{rk.Top(15), rk.Bottom(15)} {
		fmt.Print([]string{"most:", "least:"}[k])
		for _, r := range end {
			fmt.Print(" ", r.Country.ISO3)
		}
		fmt.Println()
	}
	fmt.Println(rk.Top(1)[0].Country.Name, rk.Top(1)[0].Score, "on", hr.NumRollCalls(), "roll calls")
	// Output:
	// most: MHL FSM CAN AUS ISR GBR FRA DEU HUN CZE UKR NLD BEL LUX MCO
	// least: PRK SYR TKM CHN ZWE KHM NIC CUB RUS VEN UZB BDI VNM IND BLR
	// Marshall Islands 1.0000 (n=12) on 14 roll calls
}

// Voeten's Dataverse file against the embedded record, session 70: every
// roll call matched and every cast vote the same.
func Example_voetenAgainstRecord() {
	rec, err := undata.LoadPublished()
	if err != nil {
		log.Fatal(err)
	}
	voeten, err := votes.ReadFile("testdata/voeten/UNVotesPublished.csv.gz")
	if err != nil {
		log.Fatal(err)
	}
	s70 := votes.InSessions(70, 70)
	cmp, err := audit.Compare(rec.Filter(s70), voeten.Filter(s70), nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d roll calls matched, %d and %d unmatched\n", len(cmp.Matches), len(cmp.UnmatchedA), len(cmp.UnmatchedB))
	fmt.Printf("%d of %d votes agree; %d swaps, %d shifts\n", cmp.Agree, cmp.Compared, len(cmp.Swaps), len(cmp.Shifts))
	// Output:
	// 73 roll calls matched, 0 and 0 unmatched
	// 13087 of 13087 votes agree; 0 swaps, 0 shifts
}

// Ideal points of Serbia, Russia, the United States, Germany and China
// over time, on one scale (a dynamic fit), with the Federal Republic's
// votes counted as Germany's, on the roll calls Bailey, Strezhnev & Voeten
// estimate from (their standard errors are checked against ours on these).
func Example_idealPoints() {
	ds, err := undata.Load()
	if err != nil {
		log.Fatal(err)
	}
	joined, err := ds.Filter(votes.InSessions(40, 74), idealpoint.BSVRollCalls()).JoinPredecessors(nil)
	if err != nil {
		log.Fatal(err)
	}
	res, err := idealpoint.EstimateDynamic(context.Background(), joined, nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, key := range []string{"SRB", "RUS", "USA", "DEU", "CHN"} {
		c, err := votes.LookupCountry(key)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s", key)
		for _, p := range res.Path(c) {
			if p.Session%5 == 4 {
				fmt.Printf(" %d:%+.2f±%.2f", p.Session, p.IdealPoint, 1.96*p.SE)
			}
		}
		fmt.Println()
	}
	// Output:
	// SRB 44:-0.34±0.45 59:+0.97±0.27 64:+0.81±0.19 69:+0.83±0.20 74:+0.73±0.19
	// RUS 44:+0.05±0.37 49:+0.71±0.23 54:+0.45±0.20 59:+0.18±0.19 64:+0.07±0.21 69:+0.19±0.20 74:+0.19±0.22
	// USA 44:+4.01±0.36 49:+4.12±0.44 54:+4.22±0.43 59:+4.43±0.49 64:+4.51±0.46 69:+4.59±0.48 74:+4.66±0.64
	// DEU 44:+1.99±0.21 49:+1.72±0.29 54:+1.59±0.29 59:+1.48±0.29 64:+1.50±0.27 69:+1.64±0.25 74:+1.70±0.28
	// CHN 44:-0.26±0.26 49:-0.76±0.34 54:-0.77±0.30 59:-0.77±0.36 64:-0.72±0.30 69:-0.64±0.32 74:-0.60±0.33
}

// Voting blocs in session 60 (2005-06) and in session 74 (2019-20), and the
// states that moved between them, over the states that sat in both: a bloc
// of 60 is matched to the bloc of 74 that took most of its states, when
// that bloc drew most of its states from it; both blocs of a move are
// named as in 60.
func Example_blocsMoved() {
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
		dist, err := cluster.Distances(m, 10) // states with 10 joint votes or more
		if err != nil {
			log.Fatal(err)
		}
		dist.Session = session
		p, err := dist.Cut(cluster.Ward, 3)
		if err != nil {
			log.Fatal(err)
		}
		blocs = append(blocs, p)
	}
	tab, err := cluster.Compare(blocs[0], blocs[1])
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d states in both sessions, adjusted Rand index %.3f\n", len(tab.ItemA), tab.ARI())
	for _, mv := range tab.Moves().List {
		fmt.Printf("%s: %s -> %s\n", mv.State.ISO3, tab.A.Name(mv.From), tab.A.Name(mv.To))
	}
	// Output:
	// 180 states in both sessions, adjusted Rand index 0.955
	// CAN: United Kingdom, France, Germany, ... -> United States, Australia, Israel, ...
	// SRB: United Kingdom, France, Germany, ... -> China, Russian Federation, India, ...
	// PLW: United States, Australia, Israel, ... -> China, Russian Federation, India, ...
}

// The agreement matrix of session 74 in long form (one row per pair of
// states) and its blocs (one row per state), as tidy CSV files.
func Example_matrixAndBlocsToCSV() {
	ds, err := undata.Load()
	if err != nil {
		log.Fatal(err)
	}
	s74, silent := ds.Filter(votes.InSessions(74, 74)).Voters() // states that cast a vote
	m, err := alignment.AgreementMatrix(s74, alignment.Agree, nil)
	if err != nil {
		log.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "unga")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	pairs, err := os.Create(filepath.Join(dir, "agreement74.csv"))
	if err != nil {
		log.Fatal(err)
	}
	defer pairs.Close()
	if err := m.WriteCSV(pairs); err != nil {
		log.Fatal(err)
	}
	dist, err := cluster.Distances(m, 10)
	if err != nil {
		log.Fatal(err)
	}
	dist.Session = 74
	p, err := dist.Cut(cluster.Ward, 3)
	if err != nil {
		log.Fatal(err)
	}
	var blocs strings.Builder // or a file, as above
	if err := p.WriteCSV(&blocs); err != nil {
		log.Fatal(err)
	}
	fmt.Print(strings.Join(strings.SplitAfter(blocs.String(), "\n")[:4], ""))
	fmt.Println(len(m.Countries)*(len(m.Countries)-1)/2, "pairs in", filepath.Base(pairs.Name())+";", len(silent), "states without a vote left out")
	// Output:
	// iso3,cow,name,session,bloc,bloc_name,silhouette
	// USA,2,United States,74,2,"United States, Canada, Australia, ...",0.45801387110593367
	// CAN,20,Canada,74,2,"United States, Canada, Australia, ...",0.1492240344859215
	// BHS,31,Bahamas,74,0,"China, Russian Federation, India, ...",0.8209131369451763
	// 18528 pairs in agreement74.csv; 7 states without a vote left out
}
