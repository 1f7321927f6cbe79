package alignment

import (
	"bytes"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/unga-go/unga/votes"
)

// TestPermutationCrimea tests the Balkan states' records with Russia on
// the seven Crimea roll calls (hand count from the votes). Serbia voted on
// six, all with Russia; on five of them the ten Balkan members all cast a
// vote, Serbia alone with Russia (share 1/10), and on one Bosnia and
// Herzegovina did not vote (1/9). By hand: P(6 of 6) = (1/10)^5 * (1/9) =
// 1.111e-06, two-sided 2.222e-06, and the expected count 5/10 + 1/9 =
// 0.611. On the seventh, where Serbia did not vote, no member voted with
// Russia (share 0). The others voted with Russia on none: P(0 or fewer)
// = 0.9^5 * (8/9) * 1 = 0.525, and the upper tail is 1, so their p-value
// is 1.
func TestPermutationCrimea(t *testing.T) {
	crimea := load(t).Filter(votes.TextMatches(regexp.MustCompile(`(?i)crimea`)))
	balkans, err := votes.LookupGroup("Balkans")
	if err != nil {
		t.Fatal(err)
	}
	pt, err := permutation(crimea, balkans, country(t, "RUS"), nil)
	if err != nil {
		t.Fatal(err)
	}
	srb, ok := pt.lookup(country(t, "SRB"))
	if !ok {
		t.Fatal("Serbia not in the test")
	}
	if srb.With != 6 || srb.N != 6 || math.Abs(srb.PUpper-1.0/9e5) > 1e-12 || math.Abs(srb.PValue-2.0/9e5) > 1e-12 ||
		math.Abs(srb.Expected-(0.5+1.0/9)) > 1e-12 || !srb.outlier {
		t.Errorf("Serbia: %+v", srb)
	}
	if srb.PValue >= 0.01 {
		t.Errorf("Serbia's p-value %g is not far below 0.01", srb.PValue)
	}
	for _, m := range pt.Members {
		if m.Country.COW == 345 {
			continue
		}
		if m.With != 0 || m.PValue != 1 || m.outlier {
			t.Errorf("%s: %+v, want no vote with Russia and p = 1", m.name, m)
		}
		if m.N >= 6 && math.Abs(m.PLower-math.Pow(0.9, 5)*8/9) > 1e-12 {
			t.Errorf("%s: lower tail %g, want %g", m.name, m.PLower, math.Pow(0.9, 5)*8/9)
		}
	}
	// The reference by its name of the day, whatever the country table
	// prints it as.
	want := "Serbia voted with " + country(t, "RUS").Name + " on 6 of 6 Crimea resolutions (p = 2.2e-06; 0.6 expected if the Balkans' votes on each were shared out among them at random)."
	if got := pt.Sentence("Crimea resolutions"); got != want {
		t.Errorf("Sentence:\n got %s\nwant %s", got, want)
	}
	if got, ok := pt.MemberSentence(country(t, "SRB"), "Crimea resolutions"); !ok || got != want {
		t.Errorf("MemberSentence(Serbia) = %q, %v; want %q", got, ok, want)
	}
	if got, ok := pt.MemberSentence(country(t, "USA"), "Crimea resolutions"); ok {
		t.Errorf("MemberSentence of a state outside the Balkans = %q, true; want false", got)
	}
	rows := pt.rows()
	if rows[0].COWB != 345 || rows[0].PValue != srb.PValue || rows[0].ISO3A != "RUS" || rows[0].Group != "Balkans" {
		t.Errorf("first row %+v, want Serbia's", rows[0])
	}
	var b bytes.Buffer
	if err := pt.WriteCSV(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "group,iso3_a,cow_a,name_a,iso3_b,cow_b,name_b,with,n,expected,p_upper,p_lower,p_value,outlier,index,score,expected_score,outlier_index\nBalkans,RUS,365,Russian Federation,SRB,345,") {
		t.Errorf("CSV starts %q", b.String()[:120])
	}
}

// TestPermutationAlike: the EU voted as one on the Crimea resolutions,
// all against Russia, so that sharing its votes out at random changes
// nothing and no member's record is unlikely: every p-value is 1.
func TestPermutationAlike(t *testing.T) {
	crimea := load(t).Filter(votes.TextMatches(regexp.MustCompile(`(?i)crimea`)))
	eu, err := votes.LookupGroup("EU")
	if err != nil {
		t.Fatal(err)
	}
	pt, err := permutation(crimea, eu, country(t, "RUS"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(pt.Members) < 27 {
		t.Fatalf("%d EU members", len(pt.Members))
	}
	for _, m := range pt.Members {
		if m.N > 0 && m.PValue < 0.5 {
			t.Errorf("%s: p = %g, want no evidence", m.name, m.PValue)
		}
	}
}

// TestPoissonBinomial checks the exact distribution against the binomial
// (all chances equal) and a hand count.
func TestPoissonBinomial(t *testing.T) {
	d := poissonBinomial([]float64{0.5, 0.5, 0.5})
	for k, want := range []float64{1. / 8, 3. / 8, 3. / 8, 1. / 8} {
		if math.Abs(d[k]-want) > 1e-15 {
			t.Errorf("P(%d) = %g, want %g", k, d[k], want)
		}
	}
	// 0.1 and 0.6: P(0) = 0.9*0.4, P(1) = 0.1*0.4 + 0.9*0.6, P(2) = 0.06.
	d = poissonBinomial([]float64{0.1, 0.6})
	for k, want := range []float64{0.36, 0.58, 0.06} {
		if math.Abs(d[k]-want) > 1e-15 {
			t.Errorf("P(%d) = %g, want %g", k, d[k], want)
		}
	}
}

// permutationRow names the member as OutlierRecord.Name and outlierRow do: by
// its name on the last roll call it sat for. COW 345 voted in 2000 as
// "Yugoslavia" (votes.Country.NameOn), though its Country.Name is
// "Serbia".
func TestPermutationRowName(t *testing.T) {
	rus, fra, srb := country(t, "RUS"), country(t, "FRA"), country(t, "SRB")
	Y, N, A := votes.Yes, votes.No, votes.Abstain
	ds := fixture(t, []votes.Country{fra, srb, rus}, []fixtureRC{
		{55, "2000-10-02", []votes.Vote{Y, N, N}},
		{55, "2000-10-03", []votes.Vote{N, A, Y}},
	})
	rep, err := Outliers(ds, votes.NewGroup("G", fra, srb), rus, nil)
	if err != nil {
		t.Fatal(err)
	}
	pt := rep.Permutation()
	var got []string
	for _, r := range rep.rows() {
		got = append(got, "outlier "+r.NameB)
	}
	for _, m := range pt.Members {
		got = append(got, "member "+m.name)
	}
	for _, r := range pt.rows() {
		got = append(got, "permutation "+r.NameB)
	}
	slices.Sort(got)
	want := []string{"member France", "member Yugoslavia", "outlier France", "outlier Yugoslavia", "permutation France", "permutation Yugoslavia"}
	if !slices.Equal(got, want) {
		t.Errorf("names %q, want %q", got, want)
	}
}
