package alignment

import (
	"math"
	"strings"
	"testing"

	"github.com/unga-go/unga/votes"
)

// TestPermutationOnVerdictIndex checks that the permutation test scores
// the index the outlier verdict uses, by a hand count. The reference votes
// yes twice; member A votes yes then abstains, B abstains then yes, C no
// twice. Under Agree, the distances |a-b| from the reference's yes are
// (A, B, C) = (0, 1, 2) then (1, 0, 2): on each roll call 0, 1 or 2 with
// chance 1/3 each, so the sum of two is 0..4 with chances (1, 2, 3, 2,
// 1)/9. A's sum is 1: P(<= 1) = 3/9, P(>= 1) = 8/9, p = 2/3, score 1 -
// 1/4 = 0.75 against 1 - 2/4 = 0.5 expected. C's sum is 4: P(>= 4) = 1/9,
// p = 2/9, score 0. Counting identical votes instead (the test's only
// measure before), C's p-value was 2 x (2/3)^2 = 8/9.
func TestPermutationOnVerdictIndex(t *testing.T) {
	ref, a, b, c := country(t, "RUS"), country(t, "FRA"), country(t, "DEU"), country(t, "ITA")
	Y, N, A := votes.Yes, votes.No, votes.Abstain
	ds := fixture(t, []votes.Country{a, b, c, ref}, []fixtureRC{
		{74, "2019-10-01", []votes.Vote{Y, A, N, Y}},
		{74, "2019-10-02", []votes.Vote{A, Y, N, Y}},
	})
	g := votes.NewGroup("GRULAC", a, b, c) // a name that takes "'s"
	pt, err := permutation(ds, g, ref, &OutlierOptions{Index: Agree, KeepUnanimous: true})
	if err != nil {
		t.Fatal(err)
	}
	if pt.Index != Agree {
		t.Fatalf("test index %v, want agree", pt.Index)
	}
	near := func(x, y float64) bool { return math.Abs(x-y) < 1e-12 }
	ma, _ := pt.lookup(a)
	mc, _ := pt.lookup(c)
	if !near(ma.PUpper, 3./9) || !near(ma.PLower, 8./9) || !near(ma.PValue, 2./3) || !near(ma.Score, 0.75) || !near(ma.ExpectedScore, 0.5) {
		t.Errorf("A: %+v", ma)
	}
	if !near(mc.PUpper, 1) || !near(mc.PLower, 1./9) || !near(mc.PValue, 2./9) || mc.Score != 0 {
		t.Errorf("C: %+v", mc)
	}
	want := "Italy scored 0.00 on agree with Russian Federation over 2 roll calls (p = 0.22; 0.50 expected if the GRULAC's votes on each were shared out among them at random)."
	if got := pt.Sentence(""); got != want {
		t.Errorf("Sentence:\n got %s\nwant %s", got, want)
	}
	for _, r := range pt.rows() {
		if r.Index != "agree" || r.OutlierIndex != "agree" {
			t.Errorf("row %+v: index %q, outlier index %q", r, r.Index, r.OutlierIndex)
		}
	}

	// Kappa is no sum over roll calls: the test counts identical votes,
	// and the row and the sentence say so.
	pk, err := permutation(ds, g, ref, &OutlierOptions{Index: Kappa, KeepUnanimous: true})
	if err != nil {
		t.Fatal(err)
	}
	if mc, _ := pk.lookup(c); pk.Index != Identical || !near(mc.PValue, 8./9) {
		t.Errorf("kappa: test index %v, C %+v; want identical, p = 8/9", pk.Index, mc)
	}
	if r := pk.rows()[0]; r.Index != "identical" || r.OutlierIndex != "kappa" {
		t.Errorf("kappa row: index %q, outlier index %q", r.Index, r.OutlierIndex)
	}
	if s := pk.Sentence(""); !strings.Contains(s, "the GRULAC's votes") || !strings.Contains(s, "The test counts identical votes; whether a member stands apart was judged on kappa.") {
		t.Errorf("kappa sentence %q", s)
	}
}

func TestPossessive(t *testing.T) {
	for in, want := range map[string]string{"the Balkans": "the Balkans'", "the GRULAC": "the GRULAC's", "the EU": "the EU's"} {
		if got := possessive(in); got != want {
			t.Errorf("possessive(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSumDistribution(t *testing.T) {
	third := []float64{1. / 3, 1. / 3, 1. / 3}
	got := sumDistribution([][]float64{third, third})
	for k, want := range []float64{1, 2, 3, 2, 1} {
		if math.Abs(got[k]-want/9) > 1e-15 {
			t.Errorf("P(%d) = %g, want %g", k, got[k], want/9)
		}
	}
}
