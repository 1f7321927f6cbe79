package alignment

import (
	"fmt"
	"math"
	"strings"

	"github.com/unga-go/unga/votes"
)

// A Table counts the joint votes of two states A and B over a set of roll
// calls on which both cast a vote: Table[a][b] is the number of roll calls
// on which A voted a and B voted b, with 0 for yes, 1 for abstain and 2 for
// no (the vote codes 1, 2, 3 minus one). Roll calls on which either state
// has no cast vote (absent, not a member, nothing recorded) are not in it.
//
// Every index of this package is a function of the table; the zero Table
// holds no roll call, and every index of it is NaN.
type Table [3][3]int

// cell returns the table cell of two cast votes.
func cell(a, b votes.Vote) (int, int) { return int(a) - 1, int(b) - 1 }

// add counts one roll call on which A voted a and B voted b. Votes that are
// not cast (see votes.Vote.Cast) are ignored.
func (t *Table) add(a, b votes.Vote) {
	if a.Cast() && b.Cast() {
		i, j := cell(a, b)
		t[i][j]++
	}
}

// N returns the number of roll calls in the table.
func (t *Table) N() int {
	n := 0
	for i := range 3 {
		n += t[i][0] + t[i][1] + t[i][2]
	}
	return n
}

// transpose returns the table seen from B's side.
func (t *Table) transpose() Table {
	var u Table
	for i := range 3 {
		for j := range 3 {
			u[j][i] = t[i][j]
		}
	}
	return u
}

// sums holds the moments the indices need, in exact integer arithmetic,
// with votes coded 1 (yes), 2 (abstain) and 3 (no).
type sums struct {
	n, same, absDiff, sqDiff int
	a, b, aa, bb             int
	yn, opposite, partial    int
}

func (t *Table) sums() sums {
	// Straight-line: all-pairs matrices score tens of thousands of tables.
	r0, r1, r2 := t[0][0]+t[0][1]+t[0][2], t[1][0]+t[1][1]+t[1][2], t[2][0]+t[2][1]+t[2][2]
	c0, c1, c2 := t[0][0]+t[1][0]+t[2][0], t[0][1]+t[1][1]+t[2][1], t[0][2]+t[1][2]+t[2][2]
	partial := t[0][1] + t[1][0] + t[1][2] + t[2][1]
	opposite := t[0][2] + t[2][0]
	return sums{
		n:        r0 + r1 + r2,
		same:     t[0][0] + t[1][1] + t[2][2],
		absDiff:  partial + 2*opposite,
		sqDiff:   partial + 4*opposite,
		a:        r0 + 2*r1 + 3*r2,
		b:        c0 + 2*c1 + 3*c2,
		aa:       r0 + 4*r1 + 9*r2,
		bb:       c0 + 4*c1 + 9*c2,
		yn:       t[0][0] + t[2][2] + opposite,
		opposite: opposite,
		partial:  partial,
	}
}

// Index names an agreement index between two states.
type Index int

// The indices. Votes are coded yes = 1, abstain = 2, no = 3; a and b are the
// votes of the two states, n the number of roll calls in the table.
const (
	// Identical is the share of roll calls on which both cast the same vote.
	Identical Index = iota
	// Agree is Voeten's dyadic agreement score, the mean of 1 - |a-b|/2:
	// 1 for the same vote, 1/2 when one abstains, 0 for yes against no.
	Agree
	// SAbs is Signorino and Ritter's (1999) S with absolute distance and
	// d_max fixed at 2: 1 - sum|a-b|/n, equal to 2*Agree - 1.
	SAbs
	// SSquared is S with squared distance: 1 - sum(a-b)^2/(2n).
	SSquared
	// Kappa is Cohen's kappa as Hage (2011) writes it for interval data:
	// 1 - sum(a-b)^2 / (sum a^2 + sum b^2 - (2/n) sum a sum b). It corrects
	// for each state's own distribution of votes: a pair that votes yes on
	// everything scores 0, not 1. A zero denominator gives 0.
	Kappa
	// Pi is Scott's pi as in Hage (2011): 1 - sum(a-b)^2 /
	// (sum a^2 + sum b^2 - (sum a + sum b)^2/(2n)), correcting for the
	// pooled distribution of both states' votes. A zero denominator gives 0.
	Pi
	// Coincidence is the US State Department's voting coincidence:
	// identical / (identical + opposite) over the roll calls on which both
	// voted yes or no; abstentions are left out, and its n counts only
	// those roll calls.
	// StateDepartment applies it, or CoincidencePartial, as the report of
	// a given year does.
	Coincidence
	// CoincidencePartial is the State Department's newer variant, which
	// counts a roll call where one state abstained and the other did not
	// as half an agreement: (same + partial/2) / (same + partial + opposite),
	// two abstentions being the same vote. Over the same roll calls it
	// equals Agree.
	CoincidencePartial

	numIndices
)

// Cosponsorship is not an index of votes, and AgreementMatrix and the
// other functions of votes refuse it: it names the scores of
// CosponsorMatrix, the share of the resolutions two states sponsored that
// they sponsored together.
const Cosponsorship Index = 100

var indexNames = [...]string{"identical", "agree", "S_abs", "S_sq", "kappa", "pi", "coincidence", "coincidence2"}

// Indices returns every index, in order.
func Indices() []Index {
	out := make([]Index, numIndices)
	for i := range out {
		out[i] = Index(i)
	}
	return out
}

// check panics if x is not a known index: passing one is a programmer
// error, as an index out of range is.
func (x Index) check() {
	if x < 0 || x >= numIndices {
		panic(fmt.Sprintf("alignment: unknown index %d", int(x)))
	}
}

// String returns the index's short name, as the column headings show it.
func (x Index) String() string {
	if x >= 0 && x < numIndices {
		return indexNames[x]
	}
	if x == Cosponsorship {
		return "cosponsorship"
	}
	return fmt.Sprintf("Index(%d)", int(x))
}

// A Score is an index with the number of roll calls behind it. Value is NaN
// when N is below the minimum asked for (and always when N is 0).
type Score struct {
	Value float64
	N     int
}

// String formats the score as "0.9607 (n=89)", or "NA (n=2)".
func (s Score) String() string {
	if math.IsNaN(s.Value) {
		return fmt.Sprintf("NA (n=%d)", s.N)
	}
	return fmt.Sprintf("%.4f (n=%d)", s.Value, s.N)
}

// Score returns index x of the table with the number of roll calls it rests
// on (for Coincidence, those on which both voted yes or no). The value is
// NaN if that number is below minN; a minN below 1 counts as 1, so that an
// empty table never scores 0 or 1. It panics if x is not a known index.
func (t *Table) Score(x Index, minN int) Score {
	x.check()
	v, n := t.score(x, minN)
	return Score{Value: v, N: n}
}

// score is Score for the all-pairs kernels: the indices that need no more
// than counts of same, partial and opposite votes are computed from them
// directly.
func (t *Table) score(x Index, minN int) (float64, int) {
	minN = max(minN, 1)
	opposite := t[0][2] + t[2][0]
	switch x {
	case Agree, SAbs, SSquared, Identical, CoincidencePartial:
		same := t[0][0] + t[1][1] + t[2][2]
		partial := t[0][1] + t[1][0] + t[1][2] + t[2][1]
		n := same + partial + opposite
		if n < minN {
			return math.NaN(), n
		}
		fn := float64(n)
		switch x {
		case Agree:
			return 1 - float64(partial+2*opposite)/(2*fn), n
		case SAbs:
			return 1 - float64(partial+2*opposite)/fn, n
		case SSquared:
			return 1 - float64(partial+4*opposite)/(2*fn), n
		case Identical:
			return float64(same) / fn, n
		default:
			return (float64(same) + float64(partial)/2) / fn, n
		}
	case Coincidence:
		yn := t[0][0] + t[2][2] + opposite
		if yn < minN {
			return math.NaN(), yn
		}
		return float64(yn-opposite) / float64(yn), yn
	}
	s := t.sums()
	if s.n < minN {
		return math.NaN(), s.n
	}
	return s.value(x), s.n
}

// value computes index x from sums with n > 0 (yn > 0 for Coincidence).
func (s *sums) value(x Index) float64 {
	n := float64(s.n)
	switch x {
	case Identical:
		return float64(s.same) / n
	case Agree:
		return 1 - float64(s.absDiff)/(2*n)
	case SAbs:
		return 1 - float64(s.absDiff)/n
	case SSquared:
		return 1 - float64(s.sqDiff)/(2*n)
	case Kappa:
		// n*denominator is an integer: n(aa+bb) - 2ab, exact.
		den := s.n*(s.aa+s.bb) - 2*s.a*s.b
		if den == 0 {
			return 0
		}
		return 1 - n*float64(s.sqDiff)/float64(den)
	case Pi:
		sum := s.a + s.b
		den := 2*s.n*(s.aa+s.bb) - sum*sum
		if den == 0 {
			return 0
		}
		return 1 - 2*n*float64(s.sqDiff)/float64(den)
	case Coincidence:
		return float64(s.yn-s.opposite) / float64(s.yn)
	case CoincidencePartial:
		return (float64(s.same) + float64(s.partial)/2) / n
	}
	panic(fmt.Sprintf("alignment: unknown index %d", int(x)))
}

// String renders the table with A's votes as rows and B's as columns.
func (t *Table) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-9s %7s %7s %7s\n", "A \\ B", "yes", "abstain", "no")
	for i, name := range [...]string{"yes", "abstain", "no"} {
		fmt.Fprintf(&b, "%-9s %7d %7d %7d\n", name, t[i][0], t[i][1], t[i][2])
	}
	return b.String()
}
