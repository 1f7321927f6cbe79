package alignment

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/unga-go/unga/internal/tidy"
	"github.com/unga-go/unga/votes"
)

// MemberTest is one member's record with the reference state under the
// permutation test of PermutationTest.
type MemberTest struct {
	Country votes.Country
	name    string // as in the GroupRecord (OutlierRecord.Name)
	// With counts the roll calls on which the member cast the reference's
	// vote, N those on which both cast a vote.
	With, N int
	// Expected is the mean of With under the null: the sum over those
	// roll calls of the share of the members present who voted as the
	// reference.
	Expected float64
	// Score is the member's score with the reference over the N roll
	// calls on the test's index (PermutationTest.Index): With/N for
	// Identical, else the OutlierRecord's Score. ExpectedScore is its mean
	// under the null.
	Score, ExpectedScore float64
	// PUpper is the chance under the null of a Score as high as the
	// member's or higher (for Identical: voting with the reference as
	// often as With or more), PLower of one as low or lower; PValue is the
	// two-sided p-value, twice the smaller tail, at most 1. All are NaN
	// when N is 0.
	PUpper, PLower, PValue float64
	outlier                bool // the GroupRecord's median/MAD verdict
}

// PermutationTest holds the test of every member of an GroupRecord.
type PermutationTest struct {
	Group     votes.Group
	Reference votes.Country
	// Index is the index the test scores, the one the report's verdict
	// uses (OutlierOptions.Index), where that index is a sum over roll calls:
	// Identical, Agree, SAbs, SSquared and CoincidencePartial. For Kappa,
	// Pi and Coincidence, which are not, the test counts identical votes
	// (Index is Identical), and the rows and sentences name both.
	Index   Index
	Members []MemberTest // by COW code, as in the report
	refName string
	verdict Index // the index of the report's verdict
}

// distance returns the distance of a cast vote v from the reference's cast
// vote r under index x, of which x is 1 - (sum of distances) / n or / 2n
// (see scoreOfDistance).
func distance(x Index, v, r votes.Vote) int {
	d := int(v) - int(r)
	switch x {
	case Identical:
		if d != 0 {
			return 1
		}
		return 0
	case SSquared:
		return d * d
	}
	return max(d, -d)
}

// testIndex returns the index the permutation test scores for a report
// judged on x, and the largest distance of one roll call under it.
func testIndex(x Index) (Index, int) {
	switch x {
	case Identical:
		return Identical, 1
	case Agree, SAbs, CoincidencePartial:
		return x, 2
	case SSquared:
		return x, 4
	}
	return Identical, 1
}

// scoreOfDistance returns index x over n roll calls whose distances sum to
// d: Identical 1 - d/n, SAbs 1 - d/n, Agree, CoincidencePartial and
// SSquared 1 - d/(2n).
func scoreOfDistance(x Index, d float64, n int) float64 {
	switch x {
	case Identical, SAbs:
		return 1 - d/float64(n)
	}
	return 1 - d/(2*float64(n))
}

// Permutation tests whether each member's record with the reference is
// one the group's votes could give by chance: how likely the member would
// be to score as high with the reference (or as low) as it did if, on each
// roll call, the votes the members present cast were shared out among them
// at random. A member is present on a roll call if it was in the group
// that day and cast a vote; only roll calls on which the reference and the
// member cast a vote count.
//
// The score is that of the report's verdict, Options.Index, where it is a
// sum over roll calls (see PermutationTest.Index); so a member that stands
// apart on Agree is tested on Agree. Under the null a member's vote on roll
// call j is one drawn from the present members' votes, independently from
// one roll call to the next, so its distance from the reference's vote
// (0 or 1 for Identical, |a-b| for Agree, SAbs and CoincidencePartial,
// (a-b)^2 for SSquared) follows the shares of those votes, and the sum of
// distances is a sum of independent variables whose distribution is
// computed exactly (for Identical, a Poisson binomial). No random numbers
// are used. Each member is tested on its own; with many members, mind the
// number of tests.
func (rep *GroupRecord) Permutation() *PermutationTest {
	x, dmax := testIndex(rep.Options.Index)
	pt := &PermutationTest{Group: rep.Group, Reference: rep.Reference, Index: x, verdict: rep.Options.Index}
	pt.refName = rep.ReferenceName()
	nr := len(rep.RollCalls)
	// share[j] is p_j, the share of the present members who voted as the
	// reference, NaN where the reference or every member cast no vote;
	// q[j][d] the share whose vote lies at distance d from the reference's.
	share := make([]float64, nr)
	q := make([][]float64, nr)
	for j, rc := range rep.RollCalls {
		share[j] = math.NaN()
		if !rc.Reference.Cast() {
			continue
		}
		present, same := 0, 0
		q[j] = make([]float64, dmax+1)
		for _, m := range rep.States {
			if v := m.Votes[j]; v.Cast() {
				present++
				if v == rc.Reference {
					same++
				}
				q[j][distance(x, v, rc.Reference)]++
			}
		}
		if present > 0 {
			share[j] = float64(same) / float64(present)
			for d := range q[j] {
				q[j][d] /= float64(present)
			}
		}
	}
	var ps []float64
	var qs [][]float64
	for _, m := range rep.States {
		mt := MemberTest{Country: m.Country, name: m.Name, outlier: m.Outlier}
		ps, qs = ps[:0], qs[:0]
		obs, mean := 0, 0.0 // the sum of distances and its mean under the null
		for j, v := range m.Votes {
			if !v.Cast() || math.IsNaN(share[j]) {
				continue
			}
			mt.N++
			r := rep.RollCalls[j].Reference
			if v == r {
				mt.With++
			}
			obs += distance(x, v, r)
			for d, p := range q[j] {
				mean += float64(d) * p
			}
			ps = append(ps, share[j])
			qs = append(qs, q[j])
			mt.Expected += share[j]
		}
		mt.PUpper, mt.PLower, mt.PValue = math.NaN(), math.NaN(), math.NaN()
		mt.Score, mt.ExpectedScore = math.NaN(), math.NaN()
		if mt.N > 0 {
			mt.Score = scoreOfDistance(x, float64(obs), mt.N)
			mt.ExpectedScore = scoreOfDistance(x, mean, mt.N)
			if x == Identical {
				dist := poissonBinomial(ps)
				mt.PUpper = min(1, floatSum(dist[mt.With:]))
				mt.PLower = min(1, floatSum(dist[:mt.With+1]))
			} else {
				// A high score is a small distance.
				dist := sumDistribution(qs)
				mt.PUpper = min(1, floatSum(dist[:obs+1]))
				mt.PLower = min(1, floatSum(dist[obs:]))
			}
			mt.PValue = min(1, 2*min(mt.PUpper, mt.PLower))
		}
		pt.Members = append(pt.Members, mt)
	}
	return pt
}

// sumDistribution returns the distribution of the sum of independent
// variables, the k-th taking value d with chance qs[k][d].
func sumDistribution(qs [][]float64) []float64 {
	out := []float64{1}
	for _, q := range qs {
		next := make([]float64, len(out)+len(q)-1)
		for a, pa := range out {
			if pa == 0 {
				continue
			}
			for d, pd := range q {
				next[a+d] += pa * pd
			}
		}
		out = next
	}
	return out
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

// lookup returns the test of member c, and whether c is a member.
func (pt *PermutationTest) lookup(c votes.Country) (MemberTest, bool) {
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

// MemberSentence is Sentence for member c, whatever its p-value, and false
// if c is not a member of the group tested: for an outlier found on one
// family of roll calls, its record on another.
func (pt *PermutationTest) MemberSentence(c votes.Country, topic string) (string, bool) {
	m, ok := pt.lookup(c)
	if !ok {
		return "", false
	}
	return pt.memberSentence(m, topic), true
}

// memberSentence is Sentence for member m.
func (pt *PermutationTest) memberSentence(m MemberTest, topic string) string {
	if topic == "" {
		topic = "roll calls"
	}
	if m.N == 0 {
		return fmt.Sprintf("%s never voted on the %s when %s did.", m.name, topic, pt.refName)
	}
	var s string
	if pt.Index == Identical {
		s = fmt.Sprintf("%s voted with %s on %d of %d %s (p = %s; %.1f expected if %s votes on each were shared out among them at random).",
			m.name, pt.refName, m.With, m.N, topic, formatP(m.PValue), m.Expected, possessive("the "+pt.Group.Name))
	} else {
		s = fmt.Sprintf("%s scored %.2f on %s with %s over %d %s (p = %s; %.2f expected if %s votes on each were shared out among them at random).",
			m.name, m.Score, pt.Index, pt.refName, m.N, topic, formatP(m.PValue), m.ExpectedScore, possessive("the "+pt.Group.Name))
	}
	if pt.Index != pt.verdict {
		s += fmt.Sprintf(" The test counts identical votes; whether a member stands apart was judged on %s.", pt.verdict)
	}
	return s
}

// possessive returns the possessive of a name: "the Balkans'" for a
// plural in s, "the GRULAC's" and "the EU's" otherwise.
func possessive(name string) string {
	if strings.HasSuffix(name, "s") {
		return name + "'"
	}
	return name + "'s"
}

// Sentence states the record and two-sided p-value of the member with the
// smallest p-value (the first by COW code among ties), or says that no
// member was tested: "Serbia voted with Russia on 6 of 6 Crimea
// resolutions (p = 2.2e-06; 0.6 expected if the Balkans' votes on each
// were shared out among them at random)." topic names the roll calls; ""
// means "roll calls". On another index than Identical it states the
// member's score: "Honduras scored 0.58 on agree with Russia over 6
// Crimea resolutions (p = ...; 0.78 expected if the GRULAC's votes on
// each ...)". Where the verdict's index is not the test's (see
// PermutationTest.Index) it names both.
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
	return pt.memberSentence(pt.Members[best], topic)
}

// permutationRow is one member's record with the reference and its test:
// state a is the reference and b the member, as in outlierRow: name_b is
// the member's name on the last roll call it sat for (OutlierRecord.Name, as
// in the GroupRecord), name_a the reference's Country.Name.
type permutationRow struct {
	Group string `csv:"group"`
	tidy.Pair
	With     int     `csv:"with"`
	N        int     `csv:"n"`
	Expected float64 `csv:"expected"`
	PUpper   float64 `csv:"p_upper"`
	PLower   float64 `csv:"p_lower"`
	PValue   float64 `csv:"p_value"`
	// Outlier is the median/MAD verdict, judged on OutlierIndex
	// (OutlierOptions.Index).
	Outlier bool `csv:"outlier"`
	// Index is the index the test scores (PermutationTest.Index), the
	// verdict's OutlierIndex unless that one is not a sum over roll
	// calls; Score and ExpectedScore are the member's score on it and its
	// mean under the null. The p-values are those of Score (of With, for
	// Identical).
	Index         string  `csv:"index"`
	Score         float64 `csv:"score"`
	ExpectedScore float64 `csv:"expected_score"`
	OutlierIndex  string  `csv:"outlier_index"`
}

// rows returns the rows of WriteCSV.
func (pt *PermutationTest) rows() []permutationRow {
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
	out := make([]permutationRow, len(ms))
	r := pt.Reference
	for k, m := range ms {
		out[k] = permutationRow{
			Group: pt.Group.Name,
			Pair:  tidy.Pair{ISO3A: r.ISO3, COWA: r.COW, NameA: r.Name, ISO3B: m.Country.ISO3, COWB: m.Country.COW, NameB: m.name},
			With:  m.With, N: m.N, Expected: m.Expected,
			Index: pt.Index.String(), Score: m.Score, ExpectedScore: m.ExpectedScore,
			PUpper: m.PUpper, PLower: m.PLower, PValue: m.PValue,
			Outlier: m.outlier, OutlierIndex: pt.verdict.String(),
		}
	}
	return out
}

// WriteCSV writes as tidy CSV, with a header line, one tidy row per member,
// smallest p-value first, members without a p-value (N = 0) last, ties by
// COW code.
func (pt *PermutationTest) WriteCSV(w io.Writer) error { return tidy.Write(w, pt.rows()) }
