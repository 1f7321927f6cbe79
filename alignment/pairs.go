package alignment

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"gonum.org/v1/gonum/mat"

	"github.com/unga-go/unga/votes"
)

// Errors, for errors.Is. Each message starts "alignment: " and goes on to
// say which state, group or option is at fault. An unknown state gives an
// error wrapping votes.ErrUnknownCountry.
var (
	// ErrEmpty: the selection holds no roll call (after dropping the
	// unanimous ones, unless they are kept), or ChangePoints was given no
	// score. It is this package's own: votes.ErrEmpty is a file without
	// data rows, audit.ErrEmpty a dataset with nothing to audit.
	ErrEmpty = errors.New("alignment: no roll calls in the selection")
	// ErrNoVotes: a state asked about (either state of a pair, the
	// reference of a ranking or series) or every member of a group cast
	// no vote on the roll calls of the selection. For a state, the error
	// names the state that held its seat then where votes.Successions
	// knows one (the Federal Republic for Germany before 1990), and says
	// to look the state up by date (votes.LookupCountryOn) or to count a
	// predecessor's votes as its successor's ((*votes.Dataset).JoinPredecessors).
	ErrNoVotes = errors.New("alignment: no votes cast in the selection")
	// ErrTooFewMembers: a group measure (Cohesion, Defections, Outliers
	// and the functions built on them) found a single member of the group
	// casting a vote in the selection. One member always votes with
	// itself: its Rice index would be 1, its defections 0 and its
	// permutation test p = 1, saying nothing about the group.
	ErrTooFewMembers = errors.New("alignment: fewer than two members of the group voted in the selection")
	// ErrInvalidOptions: an option value is out of range: a NaN or
	// infinite number, a negative count, a level not in (0, 1), a By or
	// Index field that is not one of the constants, or fewer bootstrap
	// resamples than an interval at the level asked needs
	// (MinResamples). The error names the field and the value. As in
	// gonum's optimize, a bad option is an error, never clamped to a
	// default nor a panic; the zero value of a field means its default.
	ErrInvalidOptions = errors.New("alignment: invalid options")
	// ErrInvalidScore: ChangePoints was given an infinite score or a
	// negative n.
	ErrInvalidScore = errors.New("alignment: invalid score")
)

// invalid returns an error wrapping ErrInvalidOptions.
func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrInvalidOptions}, args...)...)
}

// Options controls which roll calls count, how votes are read and how few
// roll calls are too few. A nil *Options means the zero value: unanimous
// roll calls dropped, absences left out, any n >= 1.
type Options struct {
	// KeepUnanimous keeps the roll calls flagged votes.RollCall.Unanimous.
	// By default they are dropped, as Voeten does: they say nothing about
	// who sides with whom. The flag is judged once, when the dataset is
	// read, on every vote read, so narrowing the states (SelectCountries)
	// never changes a score.
	KeepUnanimous bool
	// AbsentAsAbstain counts an absence (votes.Absent: a member listed
	// but not voting) as an abstention, as the US State Department's
	// report on voting practices does from its report for 2021
	// (StateDepartmentRule) and many scrapes of the UN Digital Library do: half a point against a yes or a no under
	// CoincidencePartial and Agree. Non-members and missing records still
	// do not count. The unvotes record holds no absences, so it changes
	// nothing there; Voeten's file and the Digital Library's have them.
	AbsentAsAbstain bool
	// MinN is the least number of roll calls a score may rest on; below it
	// the score is NaN. It holds for every score: a pair's index, each
	// period of a series, a group's mean Rice and HNR indices (overall and
	// in each period of CohesionBy, n counting the roll calls the mean is
	// over) and a member's share of defections
	// (n counting its votes on roll calls with a majority position). Zero
	// means 1; a negative MinN is an error (ErrInvalidOptions).
	MinN int
	// MinMembership keeps only the states that were UN members for at
	// least this share of the selection's roll calls (Membership.Share):
	// a state admitted midway would otherwise be scored on its part of
	// the period alone. 1 keeps only members for the whole selection;
	// 0.95 also keeps a state the data miss on a few roll calls at an end
	// of it (see Membership). Zero keeps every state; a value outside
	// [0, 1] (or NaN) is an error (ErrInvalidOptions).
	//
	// Rank, ComparePeriods and BootstrapReference rank only those states
	// and name the others (Partial); AgreementMatrix and
	// BootstrapMatrix leave the others out of the matrix; the series of
	// every state judge it period by period: AgreementBy leaves a state
	// out of a period's matrix, and WithReference scores it NaN in a
	// period it was a member for less of (ReferenceSeries.Membership says
	// which).
	// The functions about one pair or one group (Pair, the pair series,
	// BootstrapPair, BootstrapPairSeries, Cohesion and the functions
	// built on it, Defections, BootstrapGroupMedian) and NewResampler
	// have no state to leave out: they return ErrInvalidOptions if it is
	// set, rather than ignore it.
	MinMembership float64
}

// get returns the options as the functions use them, or an error wrapping
// ErrInvalidOptions.
func (o *Options) get() (Options, error) {
	if o == nil {
		return Options{}, nil
	}
	if err := o.check(); err != nil {
		return Options{}, err
	}
	return *o, nil
}

func (o *Options) check() error {
	if o.MinN < 0 {
		return invalid("MinN %d is negative", o.MinN)
	}
	if !(o.MinMembership >= 0 && o.MinMembership <= 1) {
		return invalid("MinMembership %g not in [0, 1]", o.MinMembership)
	}
	return nil
}

// takesNoMembership returns an error wrapping ErrInvalidOptions if
// o.MinMembership is set for call, a function about one pair or one group
// that has no states to rank or leave out: the option would otherwise be
// ignored without a word.
func (o *Options) takesNoMembership(call string) error {
	if o.MinMembership == 0 {
		return nil
	}
	return invalid("MinMembership %g: %s does not take it (it leaves out the states that were members for too little of the selection in Rank, ComparePeriods, BootstrapReference, the matrices and the series of every state); set it to 0, or see how much of the selection a state was a member for in Rank's Membership", o.MinMembership, call)
}

// counts reports whether roll call rc counts under o.
func (o *Options) counts(rc *votes.RollCall) bool { return o.KeepUnanimous || !rc.Unanimous }

// vote returns v as o reads it: an absence as an abstention if asked.
func (o *Options) vote(v votes.Vote) votes.Vote {
	if o.AbsentAsAbstain && v == votes.Absent {
		return votes.Abstain
	}
	return v
}

// rowOf returns the row of c in ds, or an error wrapping
// votes.ErrUnknownCountry.
func rowOf(ds *votes.Dataset, c votes.Country) (int, error) {
	i, ok := ds.IndexOf(c)
	if !ok {
		return -1, &votes.NotInDatasetError{Country: c}
	}
	return i, nil
}

// anyCounted reports whether o counts a roll call of ds.
func anyCounted(ds *votes.Dataset, o *Options) bool {
	for _, rc := range ds.RollCalls() {
		if o.counts(rc) {
			return true
		}
	}
	return false
}

// castAny reports whether row i of ds cast a vote, as o reads it, on a
// roll call o counts.
func castAny(ds *votes.Dataset, i int, o *Options) bool {
	row := ds.Row(i)
	for j, rc := range ds.RollCalls() {
		if o.counts(rc) && o.vote(row[j]).Cast() {
			return true
		}
	}
	return false
}

// noVotes returns the ErrNoVotes error for state c, which cast no vote in
// ds on the roll calls o counts: it names the state that held c's seat
// then, if votes.Successions knows one and it voted in ds, and says what
// to do.
func noVotes(ds *votes.Dataset, c votes.Country, o *Options) error {
	voted := func(d votes.Country) bool {
		i, ok := ds.IndexOf(d)
		return ok && castAny(ds, i, o)
	}
	for _, s := range votes.Successions() {
		switch {
		case s.Successor.COW == c.COW && voted(s.Predecessor):
			return fmt.Errorf("%w: %s cast no vote; its seat was held then by %s (%s): pass that state (votes.LookupCountryOn finds the state of a day), or count its votes as %s's with (*votes.Dataset).JoinPredecessors",
				ErrNoVotes, c, s.Predecessor, label(s.Predecessor), c)
		case s.Predecessor.COW == c.COW && voted(s.Successor):
			return fmt.Errorf("%w: %s cast no vote; its seat was held then by its successor %s (%s): pass that state (votes.LookupCountryOn finds the state of a day), or count the predecessor's votes as the successor's with (*votes.Dataset).JoinPredecessors",
				ErrNoVotes, c, s.Successor, label(s.Successor))
		}
	}
	return fmt.Errorf("%w: %s cast no vote; if it did not sit then, look up the state that did with votes.LookupCountryOn, or count a predecessor's votes as its successor's with (*votes.Dataset).JoinPredecessors",
		ErrNoVotes, c)
}

// label identifies a state by its codes: "DEU, COW 255", "GFR, COW 260"
// (votes.Country.Code), or "COW 999" for a state outside the table.
func label(c votes.Country) string {
	if code := c.Code(); code != "" {
		return fmt.Sprintf("%s, COW %d", code, c.COW)
	}
	return fmt.Sprintf("COW %d", c.COW)
}

// pairVoters returns the rows of states a and b in ds, or an error: one
// wrapping votes.ErrUnknownCountry if either has no row, ErrNoVotes (see
// noVotes) if either cast no vote on the roll calls o counts.
func pairVoters(ds *votes.Dataset, a, b votes.Country, o *Options) (int, int, error) {
	ia, ib, err := pairRows(ds, a, b)
	if err != nil {
		return -1, -1, err
	}
	if ds.NumRollCalls() == 0 {
		return -1, -1, ErrEmpty
	}
	for _, s := range []struct {
		i int
		c votes.Country
	}{{ia, a}, {ib, b}} {
		if !castAny(ds, s.i, o) {
			if !anyCounted(ds, o) {
				return -1, -1, ErrEmpty
			}
			return -1, -1, noVotes(ds, s.c, o)
		}
	}
	return ia, ib, nil
}

// pairRows returns the rows of states a and b in ds, or an error wrapping
// votes.ErrUnknownCountry.
func pairRows(ds *votes.Dataset, a, b votes.Country) (int, int, error) {
	ia, err := rowOf(ds, a)
	if err != nil {
		return -1, -1, err
	}
	ib, err := rowOf(ds, b)
	if err != nil {
		return -1, -1, err
	}
	return ia, ib, nil
}

// Pair returns the joint-vote table of states a and b over the roll calls
// of ds on which both cast a vote. Unanimous roll calls are dropped unless
// opts.KeepUnanimous; the rule is RollCall.Unanimous, so the table is the
// same on ds as on ds narrowed to a and b. It returns an error wrapping
// votes.ErrUnknownCountry if either state has no row in ds, ErrEmpty if no
// roll call is left to compare, ErrNoVotes if either state cast no vote on
// them (a state that did not sit then: see ErrNoVotes), and
// ErrInvalidOptions for a bad option. Two states that voted, but never on
// the same roll call, get an empty table, whose scores are NaN.
func Pair(ds *votes.Dataset, a, b votes.Country, opts *Options) (Table, error) {
	var t Table
	o, err := opts.get()
	if err != nil {
		return t, err
	}
	if err := o.takesNoMembership("Pair"); err != nil {
		return t, err
	}
	ia, ib, err := pairVoters(ds, a, b, &o)
	if err != nil {
		return t, err
	}
	ra, rb := ds.Row(ia), ds.Row(ib)
	for j, rc := range ds.RollCalls() {
		if o.counts(rc) {
			t.add(o.vote(ra[j]), o.vote(rb[j]))
		}
	}
	return t, nil
}

// pairTables holds the joint-vote table of every pair of states of a dataset,
// from which a Matrix of any index follows without going back to the votes.
type pairTables struct {
	// Countries are the states in row order, by COW code.
	Countries []votes.Country
	tabs      []Table // upper triangle with the diagonal, row by row
}

// tri returns the position of pair (i, j), i <= j, of n states in the upper
// triangle stored row by row.
func tri(n, i, j int) int { return i*n - i*(i-1)/2 + (j - i) }

// Table returns the joint-vote table of states i and j (rows of
// Countries), with i's votes as the table's rows. It panics if i or j is
// out of range.
func (ts *pairTables) Table(i, j int) Table {
	n := len(ts.Countries)
	if i < 0 || j < 0 || i >= n || j >= n {
		panic(fmt.Sprintf("alignment: Tables.Table(%d, %d) out of range [%d]", i, j, n))
	}
	if i > j {
		t := ts.tabs[tri(n, j, i)]
		return t.transpose()
	}
	return ts.tabs[tri(n, i, j)]
}

// allTables computes the joint-vote table of every pair of states in ds,
// with a bit-parallel kernel on GOMAXPROCS goroutines (see package unga,
// Goroutines). It returns ErrEmpty
// if ds has no roll call left to compare and ErrInvalidOptions for a bad
// option.
func allTables(ds *votes.Dataset, opts *Options) (*pairTables, error) {
	o, err := opts.get()
	if err != nil {
		return nil, err
	}
	if ds.NumRollCalls() == 0 {
		return nil, ErrEmpty
	}
	ds = members(ds, &o)
	b := newBitsets(ds, nil, o)
	if b.empty() {
		return nil, ErrEmpty
	}
	n := b.nc
	ts := &pairTables{Countries: countries(ds), tabs: make([]Table, n*(n+1)/2)}
	parallel(n, func(i int) {
		base := tri(n, i, i)
		for j := i; j < n; j++ {
			ts.tabs[base+j-i] = b.table(i, j, 0, b.nw)
		}
	})
	return ts, nil
}

// empty reports whether no state cast a vote.
func (b *bitsets) empty() bool {
	for i := range b.nc {
		if b.hi[i] > b.lo[i] {
			return false
		}
	}
	return true
}

func countries(ds *votes.Dataset) []votes.Country {
	out := make([]votes.Country, 0, ds.NumCountries())
	for _, c := range ds.Countries() {
		out = append(out, c)
	}
	return out
}

// Matrix returns index x of every pair, with scores on fewer than minN
// roll calls set to NaN (a minN below 1 counts as 1).
// It panics if x is not a known index.
func (ts *pairTables) Matrix(x Index, minN int) *Matrix {
	x.check()
	n := len(ts.Countries)
	m := newMatrix(x, ts.Countries)
	for i := range n {
		for j := i; j < n; j++ {
			s := ts.tabs[tri(n, i, j)].Score(x, minN)
			m.set(i, j, s)
		}
	}
	return m
}

// AgreementMatrix returns index x of every pair of states in ds. It
// computes the same joint-vote tables as allTables, scoring each as it goes
// instead of keeping it. It returns ErrEmpty if ds has no roll call left to
// compare and ErrInvalidOptions for a bad option. It panics if x is not a
// known index.
func AgreementMatrix(ds *votes.Dataset, x Index, opts *Options) (*Matrix, error) {
	x.check()
	o, err := opts.get()
	if err != nil {
		return nil, err
	}
	if ds.NumRollCalls() == 0 {
		return nil, ErrEmpty
	}
	ds = members(ds, &o)
	b := newBitsets(ds, nil, o)
	if b.empty() {
		return nil, ErrEmpty
	}
	m := newMatrix(x, countries(ds))
	parallel(b.nc, func(i int) {
		// Words outside [lo, hi) of state i are empty, so the pairs of
		// row i need no more than those, whoever the other state is.
		base := i*b.nw + b.lo[i]
		m.fillRow(i, b.words[base:base+b.hi[i]-b.lo[i]], b.words[base:], b.nw, o.MinN)
	})
	return m, nil
}

// rowScratch holds the buffers of one goroutine filling matrix rows.
type rowScratch struct {
	rows  []int
	block []word3
}

// fillRow scores the pairs (i, j), j >= i, of m: x holds state i's words,
// and y[r*stride:][:len(x)] the same words of state i+r, for r up to
// len(m.Countries)-i. Calls on different rows may run concurrently.
func (m *Matrix) fillRow(i int, x, y []word3, stride, minN int) {
	n := len(m.Countries)
	raw := m.Scores.RawSymmetric()
	scores := raw.Data[i*raw.Stride+i : i*raw.Stride+n]
	counts := m.counts[tri(n, i, i) : tri(n, i, i)+n-i]
	scoreRows(m.Index, x, y, stride, minN, scores, counts)
}

// scoreRows writes index x of one state's words xw against len(counts)
// rows of yw, row r being yw[r*stride:][:len(xw)], to scores and counts:
// the kernel of fillRow, which the bootstrap also runs on its own slices.
func scoreRows(x Index, xw, yw []word3, stride, minN int, scores []float64, counts []int32) {
	minN = max(minN, 1)
	switch x {
	case Agree:
		// Both rest on n and partial + 2*opposite alone: the cheapest
		// kernel.
		agreeRows(xw, yw, stride, minN, 2, scores, counts)
	case SAbs:
		agreeRows(xw, yw, stride, minN, 1, scores, counts)
	default:
		var t Table
		for r := range counts {
			tableOfWords(&t, xw, yw[r*stride:r*stride+len(xw)])
			v, c := t.score(x, minN)
			scores[r] = v
			counts[r] = int32(c)
		}
	}
}

// A Matrix holds one index for every pair of a set of states: a symmetric
// matrix of scores, the number of roll calls behind each, and the states in
// row order (by COW code). A state's score with itself is its score against
// its own votes (1 for Agree; NaN if it cast none).
type Matrix struct {
	Index     Index
	Countries []votes.Country
	// Scores holds the scores, NaN where fewer than the minimum number of
	// roll calls lie behind a pair. It goes straight into gonum's
	// mds.TorgersonScaling (as 1 - score) or mat.EigenSym.
	Scores *mat.SymDense
	counts []int32 // upper triangle with the diagonal, row by row (tri)
}

func newMatrix(x Index, cs []votes.Country) *Matrix {
	n := len(cs)
	m := &Matrix{Index: x, Countries: cs, counts: make([]int32, n*(n+1)/2)}
	if n > 0 {
		m.Scores = mat.NewSymDense(n, nil)
	} else {
		m.Scores = &mat.SymDense{}
	}
	return m
}

func (m *Matrix) set(i, j int, s Score) {
	n := len(m.Countries)
	m.Scores.SetSym(i, j, s.Value)
	if i > j {
		i, j = j, i
	}
	m.counts[tri(n, i, j)] = int32(s.N)
}

// n returns the number of roll calls behind the score of states i and j.
// It panics if i or j is out of range.
func (m *Matrix) n(i, j int) int {
	n := len(m.Countries)
	if i < 0 || j < 0 || i >= n || j >= n {
		panic(fmt.Sprintf("alignment: Matrix.At(%d, %d) out of range [%d]", i, j, n))
	}
	if i > j {
		i, j = j, i
	}
	return int(m.counts[tri(len(m.Countries), i, j)])
}

// At returns the score of states i and j with its n. It panics if i or j
// is out of range.
func (m *Matrix) At(i, j int) Score {
	n := m.n(i, j)
	return Score{Value: m.Scores.At(i, j), N: n}
}

// Lookup returns the score of states a and b, and whether there is one to
// give: false, with a NaN score, if either state is not in the matrix or
// has no score with itself (At(i, i).N is 0: it cast no vote the index
// counts, such as Germany, COW 255, on 1985 data; for a co-sponsorship
// matrix, it sponsored nothing), which Pair reports as ErrNoVotes. A pair
// of voting states that never voted together, or on fewer than the
// minimum number of roll calls, gives true with a NaN score and its n.
func (m *Matrix) Lookup(a, b votes.Country) (Score, bool) {
	i, j := m.index(a), m.index(b)
	if i < 0 || j < 0 {
		return Score{Value: math.NaN()}, false
	}
	if m.n(i, i) == 0 || m.n(j, j) == 0 {
		return Score{Value: math.NaN(), N: m.n(i, j)}, false
	}
	return m.At(i, j), true
}

func (m *Matrix) index(c votes.Country) int {
	for i, d := range m.Countries {
		if d.COW == c.COW {
			return i
		}
	}
	return -1
}

// writeTo writes the text String returns.
func (m *Matrix) writeTo(w io.Writer) (int64, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s, %d states\n%-4s", m.Index, len(m.Countries), "")
	for _, c := range m.Countries {
		fmt.Fprintf(&b, " %6s", code(c))
	}
	b.WriteByte('\n')
	for i, c := range m.Countries {
		fmt.Fprintf(&b, "%-4s", code(c))
		for j := range m.Countries {
			fmt.Fprintf(&b, " %6s", num(m.Scores.At(i, j), 3))
		}
		b.WriteByte('\n')
	}
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// String returns the matrix as a table: one row per state, columns headed
// by ISO alpha-3 codes (COW codes where there is none), scores to three
// decimals and "NA" for NaN.
func (m *Matrix) String() string {
	var b strings.Builder
	m.writeTo(&b)
	return b.String()
}

func code(c votes.Country) string {
	if code := c.Code(); code != "" {
		return code
	}
	return fmt.Sprint(c.COW)
}

func num(v float64, prec int) string {
	if math.IsNaN(v) {
		return "NA"
	}
	return fmt.Sprintf("%.*f", prec, v)
}
