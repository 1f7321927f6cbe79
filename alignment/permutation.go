package alignment

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/unga-go/unga/internal/tidy"
	"github.com/unga-go/unga/votes"
)

// MemberTest is one member's record with the reference state under the
// permutation test of PermutationTest.
type MemberTest struct {
	Country votes.Country
	Name    string // as in the OutlierReport
	// With counts the roll calls on which the member cast the reference's
	// vote, N those on which both cast a vote.
	With, N int
	// Expected is the mean of With under the null: the sum over those
	// roll calls of the share of the members present who voted as the
	// reference.
	Expected float64
	// PUpper is the chance under the null of voting with the reference
	// as often as With or more, PLower of as often or less; PValue is the
	// two-sided p-value, twice the smaller tail, at most 1. All are NaN
	// when N is 0.
	PUpper, PLower, PValue float64
	// Outlier is the OutlierReport's median/MAD verdict.
	Outlier bool
}

// PermutationTest holds the test of every member of an OutlierReport.
type PermutationTest struct {
	Group     votes.Group
	Reference votes.Country
	Options   OutlierOptions
	Members   []MemberTest // by COW code, as in the report
	refName   string
}

// Permutation tests whether each member's record with the reference is
// one the group's votes could give by chance: how likely the member would
// be to vote with the reference as often (or as seldom) as it did if, on
// each roll call, the votes the members present cast were shared out among
// them at random. A member is present on a roll call if it was in the
// group that day and cast a vote; only roll calls on which the reference
// and the member cast a vote count.
//
// Under that null a member's vote on roll call j is one drawn from the
// present members' votes, so it agrees with the reference with chance
// p_j, the share of them who voted as the reference did, independently
// from one roll call to the next: the number of agreements is a sum of
// independent Bernoulli(p_j) (a Poisson binomial), whose tails are
// computed exactly. No random numbers are used. Each member is tested on
// its own; with many members, mind the number of tests.
func (rep *OutlierReport) Permutation() *PermutationTest {
	pt := &PermutationTest{Group: rep.Group, Reference: rep.Reference, Options: rep.Options}
	pt.refName = rep.ReferenceName()
	nr := len(rep.RollCalls)
	// share[j] is p_j, NaN where the reference or every member cast no
	// vote.
	share := make([]float64, nr)
	for j, rc := range rep.RollCalls {
		share[j] = math.NaN()
		if !rc.Reference.Cast() {
			continue
		}
		present, same := 0, 0
		for _, m := range rep.States {
			if v := m.Votes[j]; v.Cast() {
				present++
				if v == rc.Reference {
					same++
				}
			}
		}
		if present > 0 {
			share[j] = float64(same) / float64(present)
		}
	}
	var ps []float64
	for _, m := range rep.States {
		mt := MemberTest{Country: m.Country, Name: m.Name, Outlier: m.Outlier}
		ps = ps[:0]
		for j, v := range m.Votes {
			if !v.Cast() || math.IsNaN(share[j]) {
				continue
			}
			mt.N++
			if v == rep.RollCalls[j].Reference {
				mt.With++
			}
			ps = append(ps, share[j])
			mt.Expected += share[j]
		}
		mt.PUpper, mt.PLower, mt.PValue = math.NaN(), math.NaN(), math.NaN()
		if mt.N > 0 {
			dist := poissonBinomial(ps)
			mt.PUpper = min(1, floatSum(dist[mt.With:]))
			mt.PLower = min(1, floatSum(dist[:mt.With+1]))
			mt.PValue = min(1, 2*min(mt.PUpper, mt.PLower))
		}
		pt.Members = append(pt.Members, mt)
	}
	return pt
}

// Permutation runs Outliers(ds, g, ref, opts) and tests its members: see
// OutlierReport.Permutation. It returns Outliers' errors.
func Permutation(ds *votes.Dataset, g votes.Group, ref votes.Country, opts *OutlierOptions) (*PermutationTest, error) {
	rep, err := Outliers(ds, g, ref, opts)
	if err != nil {
		return nil, err
	}
	return rep.Permutation(), nil
}

// poissonBinomial returns the distribution of the number of successes of
// independent trials with chances ps: out[k] = P(k successes).
func poissonBinomial(ps []float64) []float64 {
	out := make([]float64, len(ps)+1)
	out[0] = 1
	for n, p := range ps {
		for k := n + 1; k > 0; k-- {
			out[k] = out[k]*(1-p) + out[k-1]*p
		}
		out[0] *= 1 - p
	}
	return out
}

// floatSum adds xs from the smallest, so that tiny tails keep their
// digits.
func floatSum(xs []float64) float64 {
	ys := slices.Clone(xs)
	slices.Sort(ys)
	s := 0.0
	for _, y := range ys {
		s += y
	}
	return s
}

// Lookup returns the test of member c, and whether c is a member.
func (pt *PermutationTest) Lookup(c votes.Country) (MemberTest, bool) {
	k := slices.IndexFunc(pt.Members, func(m MemberTest) bool { return m.Country.COW == c.COW })
	if k < 0 {
		return MemberTest{}, false
	}
	return pt.Members[k], true
}

// formatP writes a p-value to two significant digits: "0.42", "0.0031",
// "2.1e-05".
func formatP(p float64) string {
	switch {
	case math.IsNaN(p):
		return "NA"
	case p >= 0.001:
		return fmt.Sprintf("%.2g", p)
	}
	return fmt.Sprintf("%.1e", p)
}

// MemberSentence states member m's record and its two-sided p-value:
// "Serbia voted with Russia on 6 of 6 Crimea resolutions (p = 2.2e-06;
// 0.6 expected if the Balkans' votes on each were shared out among them
// at random)." topic names the roll calls; "" means "roll calls".
func (pt *PermutationTest) MemberSentence(m MemberTest, topic string) string {
	if topic == "" {
		topic = "roll calls"
	}
	if m.N == 0 {
		return fmt.Sprintf("%s never voted on the %s when %s did.", m.Name, topic, pt.refName)
	}
	return fmt.Sprintf("%s voted with %s on %d of %d %s (p = %s; %.1f expected if the %s' votes on each were shared out among them at random).",
		m.Name, pt.refName, m.With, m.N, topic, formatP(m.PValue), m.Expected, pt.Group.Name)
}

// Sentence is MemberSentence for the member with the smallest p-value
// (the first by COW code among ties), or says that no member was tested.
func (pt *PermutationTest) Sentence(topic string) string {
	best := -1
	for k, m := range pt.Members {
		if m.N > 0 && (best < 0 || m.PValue < pt.Members[best].PValue) {
			best = k
		}
	}
	if best < 0 {
		if topic == "" {
			topic = "roll calls"
		}
		return fmt.Sprintf("No member of the %s voted on the %s when %s did.", pt.Group.Name, topic, pt.refName)
	}
	return pt.MemberSentence(pt.Members[best], topic)
}

// PermutationRow is one member's record with the reference and its test:
// state a is the reference and b the member, as in OutlierRow: name_b is
// the member's name on the last roll call it sat for (MemberTest.Name, as
// in the OutlierReport), name_a the reference's Country.Name.
type PermutationRow struct {
	Group    string  `csv:"group"`
	ISO3A    string  `csv:"iso3_a"`
	COWA     int     `csv:"cow_a"`
	NameA    string  `csv:"name_a"`
	ISO3B    string  `csv:"iso3_b"`
	COWB     int     `csv:"cow_b"`
	NameB    string  `csv:"name_b"`
	With     int     `csv:"with"`
	N        int     `csv:"n"`
	Expected float64 `csv:"expected"`
	PUpper   float64 `csv:"p_upper"`
	PLower   float64 `csv:"p_lower"`
	PValue   float64 `csv:"p_value"`
	Outlier  bool    `csv:"outlier"`
}

// Rows returns one tidy row per member, smallest p-value first, members
// without a p-value (N = 0) last, ties by COW code.
func (pt *PermutationTest) Rows() []PermutationRow {
	ms := slices.Clone(pt.Members)
	slices.SortStableFunc(ms, func(p, q MemberTest) int {
		np, nq := math.IsNaN(p.PValue), math.IsNaN(q.PValue)
		if np != nq {
			if np {
				return 1
			}
			return -1
		}
		if np {
			return 0
		}
		return cmp.Compare(p.PValue, q.PValue)
	})
	out := make([]PermutationRow, len(ms))
	r := pt.Reference
	for k, m := range ms {
		out[k] = PermutationRow{
			Group: pt.Group.Name,
			ISO3A: r.ISO3, COWA: r.COW, NameA: r.Name,
			ISO3B: m.Country.ISO3, COWB: m.Country.COW, NameB: m.Name,
			With: m.With, N: m.N, Expected: m.Expected,
			PUpper: m.PUpper, PLower: m.PLower, PValue: m.PValue, Outlier: m.Outlier,
		}
	}
	return out
}

// WriteCSV writes Rows as CSV with a header.
func (pt *PermutationTest) WriteCSV(w io.Writer) error { return tidy.Write(w, pt.Rows()) }
