package audit

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/unga-go/unga/internal/tidy"
	"github.com/unga-go/unga/votes"
)

// CompareOptions controls Compare. A nil *CompareOptions means the zero
// value, which means the defaults.
type CompareOptions struct {
	// MinRun is the least number of roll calls a swap or shift must hold
	// on to be reported. Zero means 3; a negative MinRun is an error
	// (ErrInvalidOptions).
	MinRun int
	// MinShare is the least share of the informative roll calls (those on
	// which the first dataset gives the two states different votes) that a
	// swap or shift must explain. Zero means 0.75; a share that is NaN or
	// outside [0, 1] is an error (ErrInvalidOptions).
	MinShare float64
}

func (o *CompareOptions) get() (CompareOptions, error) {
	var out CompareOptions
	if o != nil {
		out = *o
	}
	if err := checkCount("MinRun", out.MinRun); err != nil {
		return out, err
	}
	if err := checkNumber("MinShare", out.MinShare, 1); err != nil {
		return out, err
	}
	if out.MinRun == 0 {
		out.MinRun = 3
	}
	if out.MinShare == 0 {
		out.MinShare = 0.75
	}
	return out, nil
}

// MatchedBy tells how two roll calls were matched.
type MatchedBy int

const (
	// ByResolution: both roll calls carry the same normalised resolution
	// symbol; among several roll calls on one symbol (paragraph and
	// amendment votes, or a roll call listed twice), the votes decided,
	// and they agree as for a match by date.
	ByResolution MatchedBy = iota
	// ByDateAndVotes: at least one of the two has no symbol; they were held
	// on the same day and their votes agree.
	ByDateAndVotes
	// ByVotes: one of the two has no date (nor a symbol both share); their
	// votes agree.
	ByVotes
)

// String returns "resolution", "date and votes" or "votes", and
// "MatchedBy(n)" for a value that is not one of the constants.
func (m MatchedBy) String() string {
	switch m {
	case ByResolution:
		return "resolution"
	case ByDateAndVotes:
		return "date and votes"
	case ByVotes:
		return "votes"
	}
	return fmt.Sprintf("MatchedBy(%d)", int(m))
}

// A Match pairs roll call A of the first dataset with roll call B of the
// second (column indices).
type Match struct {
	A, B int
	By   MatchedBy
}

// A Difference is one state's vote on one matched roll call that the two
// datasets record differently. See Compare for what counts.
type Difference struct {
	Match   int // index in Comparison.Matches
	Country votes.Country
	A, B    votes.Vote
}

// Kind tells whether both sources give a cast vote (Differ) or only one.
func (d Difference) Kind() DiffKind {
	switch {
	case d.A.Cast() && d.B.Cast():
		return Differ
	case d.A.Cast():
		return OnlyA
	}
	return OnlyB
}

// DiffKind classifies a Difference.
type DiffKind int

const (
	Differ DiffKind = iota // both cast a vote, and the votes differ
	OnlyA                  // a cast vote in the first dataset only
	OnlyB                  // a cast vote in the second dataset only
)

// A Swap is a pair of states whose votes the second dataset exchanges,
// against the first, on the roll calls listed.
type Swap struct {
	Session int
	// A and B are the two states, A's ISO3 code first in alphabetical
	// order.
	A, B votes.Country
	// RollCalls are the IDs, in the first dataset, of the roll calls on
	// which the second gives each state the other's vote.
	RollCalls []int
	// Informative counts the session's matched roll calls on which the
	// first dataset gives the two states different votes: the only ones
	// on which a swap can show. Swaps are reported when RollCalls covers
	// at least CompareOptions.MinShare of them.
	Informative int
}

// A Shift is a state whose votes, in the first dataset, stand on another
// state's row in the second, without the reverse (that would be a Swap).
type Shift struct {
	Session     int
	From, To    votes.Country // From's votes (first dataset) on To's row (second)
	RollCalls   []int         // IDs in the first dataset
	Informative int           // as for Swap
}

// Missing counts, for one state and session, the matched roll calls on
// which only one dataset records a cast vote for the state, leaving out
// those a swap or shift explains.
type Missing struct {
	Country votes.Country
	Session int
	OnlyA   int // cast vote in the first dataset, none in the second
	OnlyB   int // the reverse
	Of      int // matched roll calls of the session
}

// A TallyMismatch is a roll call whose published totals (RollCall.Totals)
// disagree with the votes counted in a dataset: its own, or the other's on
// the matched roll call.
type TallyMismatch struct {
	Source     string // "a" or "b": the dataset that publishes the totals
	Counted    string // "a" or "b": the dataset whose votes were counted
	RollCall   int    // ID in Source
	Resolution string
	Date       time.Time
	Totals     votes.Tally // published
	Tally      votes.Tally // counted
}

// Comparison is the result of Compare.
type Comparison struct {
	A, B *votes.Dataset

	Matches                []Match
	UnmatchedA, UnmatchedB []int // column indices of the roll calls left unmatched

	// Compared counts the votes compared: a state and matched roll call
	// with a cast vote in either dataset. Agree counts those with the same
	// cast vote in both.
	Compared, Agree int
	Differences     []Difference // by match, then state

	Swaps   []Swap
	Shifts  []Shift
	Missing []Missing
	Tallies []TallyMismatch

	states   []votes.Country // the union of both datasets' states, by COW
	sessions []int
	counts   [][]counter // by session index, then state
}

type counter struct{ n, differ, onlyA, onlyB int }

// Compare matches the roll calls of a and b and compares every state's vote
// on each matched pair.
//
// Roll calls are matched first by normalised resolution symbol (RollCall.
// Resolution) where both have one. A symbol with one roll call in each
// dataset matches them, however much their votes differ. One resolution
// can have several roll calls (votes on paragraphs and amendments, or a
// roll call a source lists twice): among the candidates, pairs are taken
// best first by how close their tallies are over the states both record,
// then by how few states they disagree on, then by how few states have a
// cast vote in one only, then by how close their dates are; and only if
// they disagree on at most a tenth of the states both record. A roll call
// with no such counterpart (a paragraph vote only one source holds) is
// left unmatched rather than paired with another vote on the resolution.
// The test cannot tell apart two votes on one resolution that agree that
// closely, as most pairs that share a symbol do (TestSameSymbolAgreement
// counts them); taking one for the other puts at most a tenth of the
// states in Differences. The roll calls left, where at
// least one side has no symbol, are matched in the same way among those
// held on the same day, if they disagree on at most a tenth of the states
// both record; an undated roll call, by its votes alone. Whatever is left
// is reported in UnmatchedA and UnmatchedB. A matched pair counts to the
// first dataset's session.
//
// Matching by votes alone compares each undated roll call with every roll
// call the other side has left, state by state: cheap when few are
// undated, but for two sources without dates it takes time in the product
// of their roll calls and states, and it cannot tell apart roll calls
// whose votes are close when the true counterpart is missing.
//
// What counts as a difference: only cast votes (yes, no, abstain) are
// compared. Absent, NonMember and NoRecord are all "no cast vote" and equal
// to each other, because sources differ in how they record absence (the
// unvotes record has no absences, Voeten's files and the UN Digital Library
// do). So a vote differs if both cast different votes (Differ), or if only
// one source has a cast vote (OnlyA, OnlyB).
//
// Differences are then examined for swaps (two states whose votes are
// exchanged over a session), shifts (a state's votes on another state's row)
// and missing states, and every roll call with published totals is checked
// against the counted votes.
//
// Compare returns ErrEmpty if either dataset has no roll call and an error
// wrapping ErrInvalidOptions for a bad option.
func Compare(a, b *votes.Dataset, opts *CompareOptions) (*Comparison, error) {
	o, err := opts.get()
	if err != nil {
		return nil, err
	}
	if a.NumRollCalls() == 0 || b.NumRollCalls() == 0 {
		return nil, ErrEmpty
	}
	c := &Comparison{A: a, B: b}
	m := newMatrices(a, b)
	c.states = m.states
	c.match(m)
	c.compare(m)
	c.findSwaps(m, o)
	c.findMissing()
	c.checkTallies()
	return c, nil
}

// matrices holds both datasets transposed, roll call by roll call, over the
// union of their states, so that a roll call's votes lie together.
type matrices struct {
	states []votes.Country
	nu     int
	ta, tb []votes.Vote // [j*nu + u]
}

func newMatrices(a, b *votes.Dataset) *matrices {
	pos := make(map[int]int)
	var states []votes.Country
	for _, d := range []*votes.Dataset{a, b} {
		for _, c := range d.Countries() {
			if _, ok := pos[c.COW]; !ok {
				pos[c.COW] = len(states)
				states = append(states, c)
			}
		}
	}
	slices.SortFunc(states, func(x, y votes.Country) int { return cmp.Compare(x.COW, y.COW) })
	for u, c := range states {
		pos[c.COW] = u
	}
	m := &matrices{states: states, nu: len(states)}
	transpose := func(d *votes.Dataset) []votes.Vote {
		nr := d.NumRollCalls()
		t := make([]votes.Vote, nr*m.nu)
		for i, c := range d.Countries() {
			u := pos[c.COW]
			for j, v := range d.Row(i) {
				t[j*m.nu+u] = v
			}
		}
		return t
	}
	m.ta, m.tb = transpose(a), transpose(b)
	return m
}

func (m *matrices) colA(j int) []votes.Vote { return m.ta[j*m.nu : (j+1)*m.nu] }
func (m *matrices) colB(j int) []votes.Vote { return m.tb[j*m.nu : (j+1)*m.nu] }

// cls is a vote as Compare sees it: the cast vote, or NoRecord for any
// other.
func cls(v votes.Vote) votes.Vote {
	if v.Cast() {
		return v
	}
	return votes.NoRecord
}

// pairCost is how far apart two roll calls are, for matching.
type pairCost struct {
	tally, disagree, common int // over the states with a cast vote in both
	oneSided                int // states with a cast vote in one only
	days                    int
	ja, jb                  int
}

// cost returns how far apart roll call ja of a and jb of b are. The steps
// that keep only pairs that agree call agreeing instead.
func (m *matrices) cost(a, b *votes.Dataset, ja, jb int) pairCost {
	p, _ := m.costIf(a, b, ja, jb, false)
	return p
}

// agreeing returns the cost of the pair and whether it agrees (pairCost.
// agree), giving up as soon as it cannot: the pairs the by-votes step
// examines are mostly two unrelated roll calls.
func (m *matrices) agreeing(a, b *votes.Dataset, ja, jb int) (pairCost, bool) {
	p, ok := m.costIf(a, b, ja, jb, true)
	return p, ok && p.agree()
}

// costIf is cost; with bounded, it returns false once the disagreements
// exceed a tenth of the states both could still record, which only the
// states not yet read can add to: the pair can no longer agree.
func (m *matrices) costIf(a, b *votes.Dataset, ja, jb int, bounded bool) (pairCost, bool) {
	var ta, tb [4]int
	p := pairCost{ja: ja, jb: jb}
	x, y := m.colA(ja), m.colB(jb)
	for u, va := range x {
		vb := y[u]
		if va.Cast() && vb.Cast() {
			p.common++
			ta[va]++
			tb[vb]++
			if va != vb {
				p.disagree++
				if bounded && p.disagree*10 > p.common+len(x)-1-u {
					return p, false
				}
			}
		} else if va.Cast() || vb.Cast() {
			p.oneSided++
		}
	}
	for k := 1; k < 4; k++ {
		p.tally += abs(ta[k] - tb[k])
	}
	da, db := a.RollCall(ja).Date, b.RollCall(jb).Date
	if da.IsZero() || db.IsZero() {
		p.days = 1 << 20
	} else {
		p.days = abs(int(da.Sub(db).Hours() / 24))
	}
	return p, true
}

// agree reports whether the two roll calls agree well enough to be taken
// for one on their votes: both record a cast vote for some state, and they
// disagree on at most a tenth of the states with a cast vote in both.
func (p pairCost) agree() bool { return p.common > 0 && p.disagree*10 <= p.common }

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func comparePairs(p, q pairCost) int {
	return cmp.Or(cmp.Compare(p.tally, q.tally), cmp.Compare(p.disagree, q.disagree),
		cmp.Compare(p.oneSided, q.oneSided), cmp.Compare(p.days, q.days), cmp.Compare(p.ja, q.ja), cmp.Compare(p.jb, q.jb))
}

// match fills Matches, UnmatchedA and UnmatchedB.
func (c *Comparison) match(m *matrices) {
	a, b := c.A, c.B
	usedA := make([]bool, a.NumRollCalls())
	usedB := make([]bool, b.NumRollCalls())
	// take pairs the candidates greedily, best first. Callers leave out
	// the candidates that fail their step's test (agree) before calling:
	// a rejected pair uses up neither roll call, so dropping it early
	// changes nothing but the memory and the sorting.
	take := func(cands []pairCost, by MatchedBy) {
		slices.SortFunc(cands, comparePairs)
		for _, p := range cands {
			if !usedA[p.ja] && !usedB[p.jb] {
				usedA[p.ja], usedB[p.jb] = true, true
				c.Matches = append(c.Matches, Match{A: p.ja, B: p.jb, By: by})
			}
		}
	}
	// By resolution.
	byRes := make(map[string][]int, b.NumRollCalls())
	for j, rc := range b.RollCalls() {
		if rc.Resolution != "" {
			byRes[rc.Resolution] = append(byRes[rc.Resolution], j)
		}
	}
	groupA := make(map[string][]int, len(byRes))
	var order []string
	for j, rc := range a.RollCalls() {
		if rc.Resolution != "" && byRes[rc.Resolution] != nil {
			if groupA[rc.Resolution] == nil {
				order = append(order, rc.Resolution)
			}
			groupA[rc.Resolution] = append(groupA[rc.Resolution], j)
		}
	}
	var cands []pairCost
	for _, res := range order {
		cands = cands[:0]
		// One roll call on the symbol in each dataset: the symbol names
		// it, and however much the votes differ, that is what the
		// comparison is for. Several on either side (the separate votes
		// on paragraphs and amendments share their resolution's symbol):
		// the
		// symbol no longer says which is which, so a pair must also agree
		// on the votes, as for a match by date. Without that test a
		// paragraph vote that one source lacks was paired with whatever
		// the other had left, and the difference between two different
		// votes reported as errors of the sources.
		ambiguous := len(groupA[res]) > 1 || len(byRes[res]) > 1
		for _, ja := range groupA[res] {
			for _, jb := range byRes[res] {
				if !ambiguous {
					cands = append(cands, m.cost(a, b, ja, jb))
				} else if p, ok := m.agreeing(a, b, ja, jb); ok {
					cands = append(cands, p)
				}
			}
		}
		take(cands, ByResolution)
	}
	// By date and votes, where one side has no symbol.
	byDay := make(map[time.Time][]int)
	for j, rc := range b.RollCalls() {
		if !usedB[j] && !rc.Date.IsZero() {
			byDay[rc.Date] = append(byDay[rc.Date], j)
		}
	}
	dayA := make(map[time.Time][]int)
	var days []time.Time
	for j, rc := range a.RollCalls() {
		if !usedA[j] && byDay[rc.Date] != nil {
			if dayA[rc.Date] == nil {
				days = append(days, rc.Date)
			}
			dayA[rc.Date] = append(dayA[rc.Date], j)
		}
	}
	for _, day := range days {
		cands = cands[:0]
		for _, ja := range dayA[day] {
			for _, jb := range byDay[day] {
				if a.RollCall(ja).Resolution != "" && b.RollCall(jb).Resolution != "" {
					continue // two different symbols: not the same roll call
				}
				if p, ok := m.agreeing(a, b, ja, jb); ok {
					cands = append(cands, p)
				}
			}
		}
		take(cands, ByDateAndVotes)
	}
	// An undated roll call (Voeten's 2016 file has one, rcid 4592, in
	// session 59 where unvotes, which dates it 2006-05-08, says 60) can
	// only be matched by its votes, among all the other side has left.
	var freeA, freeB []int
	for j, u := range usedA {
		if !u {
			freeA = append(freeA, j)
		}
	}
	for j, u := range usedB {
		if !u {
			freeB = append(freeB, j)
		}
	}
	cands = cands[:0]
	for _, ja := range freeA {
		rca := a.RollCall(ja)
		for _, jb := range freeB {
			rcb := b.RollCall(jb)
			if (rca.Date.IsZero() || rcb.Date.IsZero()) && (rca.Resolution == "" || rcb.Resolution == "") {
				if p, ok := m.agreeing(a, b, ja, jb); ok {
					cands = append(cands, p)
				}
			}
		}
	}
	take(cands, ByVotes)
	slices.SortFunc(c.Matches, func(x, y Match) int { return cmp.Compare(x.A, y.A) })
	for j, u := range usedA {
		if !u {
			c.UnmatchedA = append(c.UnmatchedA, j)
		}
	}
	for j, u := range usedB {
		if !u {
			c.UnmatchedB = append(c.UnmatchedB, j)
		}
	}
}

// session returns the session of match k: the first dataset's.
func (c *Comparison) session(k int) int { return c.A.RollCall(c.Matches[k].A).Session }

// compare fills the differences and the counters.
func (c *Comparison) compare(m *matrices) {
	sidx := make(map[int]int)
	for k := range c.Matches {
		s := c.session(k)
		if _, ok := sidx[s]; !ok {
			sidx[s] = len(c.sessions)
			c.sessions = append(c.sessions, s)
		}
	}
	c.counts = make([][]counter, len(c.sessions))
	for k := range c.counts {
		c.counts[k] = make([]counter, m.nu)
	}
	for k, mt := range c.Matches {
		row := c.counts[sidx[c.session(k)]]
		x, y := m.colA(mt.A), m.colB(mt.B)
		for u, va := range x {
			vb := y[u]
			ca, cb := va.Cast(), vb.Cast()
			if !ca && !cb {
				continue
			}
			c.Compared++
			row[u].n++
			switch {
			case ca && cb && va == vb:
				c.Agree++
				continue
			case ca && cb:
				row[u].differ++
			case ca:
				row[u].onlyA++
			default:
				row[u].onlyB++
			}
			c.Differences = append(c.Differences, Difference{Match: k, Country: m.states[u], A: va, B: vb})
		}
	}
}

// findSwaps looks, session by session, at every state with MinRun or more
// differences for the state whose votes (in the first dataset) its row in
// the second carries.
func (c *Comparison) findSwaps(m *matrices, o CompareOptions) {
	bySession := make(map[int][]int) // matches
	for k := range c.Matches {
		s := c.session(k)
		bySession[s] = append(bySession[s], k)
	}
	type key struct{ s, u int }
	diffs := make(map[key][]int) // matches on which state u differs
	pos := make(map[int]int, len(m.states))
	for u, st := range m.states {
		pos[st.COW] = u
	}
	for _, d := range c.Differences {
		k := key{c.session(d.Match), pos[d.Country.COW]}
		diffs[k] = append(diffs[k], d.Match)
	}
	keys := make([]key, 0, len(diffs))
	for k, ms := range diffs {
		if len(ms) >= o.MinRun {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(x, y key) int { return cmp.Or(cmp.Compare(x.s, y.s), cmp.Compare(x.u, y.u)) })
	hits := make([]int, m.nu)
	swapped := make(map[[3]int]bool)
	for _, k := range keys {
		t := k.u
		clear(hits)
		for _, mi := range diffs[k] {
			mt := c.Matches[mi]
			x := m.colA(mt.A)
			want := cls(m.colB(mt.B)[t])
			for s, v := range x {
				if s != t && cls(v) == want {
					hits[s]++
				}
			}
		}
		for s, h := range hits {
			if h < o.MinRun {
				continue
			}
			lo, hi := min(s, t), max(s, t)
			if swapped[[3]int{k.s, lo, hi}] {
				continue
			}
			var informative int
			var shiftIDs, swapIDs, movedIDs []int
			for _, mi := range bySession[k.s] {
				mt := c.Matches[mi]
				x, y := m.colA(mt.A), m.colB(mt.B)
				if cls(x[s]) == cls(x[t]) {
					continue
				}
				informative++
				if cls(y[t]) == cls(x[s]) {
					id := c.A.RollCall(mt.A).ID
					shiftIDs = append(shiftIDs, id)
					if cls(y[s]) == cls(x[t]) {
						swapIDs = append(swapIDs, id)
					}
					if cls(y[s]) != cls(x[s]) {
						movedIDs = append(movedIDs, id)
					}
				}
			}
			enough := func(n int) bool { return n >= o.MinRun && float64(n) >= o.MinShare*float64(informative) }
			switch {
			case enough(len(swapIDs)):
				swapped[[3]int{k.s, lo, hi}] = true
				sa, sb := m.states[s], m.states[t]
				if sb.ISO3 < sa.ISO3 {
					sa, sb = sb, sa
				}
				c.Swaps = append(c.Swaps, Swap{Session: k.s, A: sa, B: sb, RollCalls: swapIDs, Informative: informative})
			case enough(len(shiftIDs)) && enough(len(movedIDs)):
				// The votes moved: s's own row lost them. Without that
				// test every state that votes like s would be a
				// candidate, since t's row then looks like a bloc's.
				c.Shifts = append(c.Shifts, Shift{Session: k.s, From: m.states[s], To: m.states[t], RollCalls: shiftIDs, Informative: informative})
			}
		}
	}
	// A pair found first as a shift in one direction may turn out a swap
	// when the other state is examined: keep the swap only.
	c.Shifts = slices.DeleteFunc(c.Shifts, func(sh Shift) bool {
		lo, hi := min(pos[sh.From.COW], pos[sh.To.COW]), max(pos[sh.From.COW], pos[sh.To.COW])
		return swapped[[3]int{sh.Session, lo, hi}]
	})
}

// explainedSet returns the cells (COW, roll-call ID of the first dataset)
// that a swap or shift explains.
func (c *Comparison) explainedSet() map[[2]int]bool {
	out := make(map[[2]int]bool)
	for _, sw := range c.Swaps {
		for _, id := range sw.RollCalls {
			out[[2]int{sw.A.COW, id}] = true
			out[[2]int{sw.B.COW, id}] = true
		}
	}
	for _, sh := range c.Shifts {
		for _, id := range sh.RollCalls {
			out[[2]int{sh.To.COW, id}] = true
		}
	}
	return out
}

// findMissing counts the cast votes only one side has, by state and
// session, leaving out those a swap or shift explains.
func (c *Comparison) findMissing() {
	explained := c.explainedSet()
	type key struct{ cow, s int }
	got := make(map[key]*Missing)
	var order []key
	for _, d := range c.Differences {
		kind := d.Kind()
		if kind == Differ || explained[[2]int{d.Country.COW, c.A.RollCall(c.Matches[d.Match].A).ID}] {
			continue
		}
		k := key{d.Country.COW, c.session(d.Match)}
		ms := got[k]
		if ms == nil {
			ms = &Missing{Country: d.Country, Session: k.s}
			got[k] = ms
			order = append(order, k)
		}
		if kind == OnlyA {
			ms.OnlyA++
		} else {
			ms.OnlyB++
		}
	}
	perSession := make(map[int]int)
	for k := range c.Matches {
		perSession[c.session(k)]++
	}
	for _, k := range order {
		ms := got[k]
		ms.Of = perSession[k.s]
		c.Missing = append(c.Missing, *ms)
	}
	slices.SortStableFunc(c.Missing, func(x, y Missing) int {
		return cmp.Or(cmp.Compare(x.Session, y.Session), cmp.Compare(x.Country.ISO3, y.Country.ISO3))
	})
}

// checkTallies compares published totals with the votes counted, in each
// dataset's own votes and in the other's on matched roll calls.
func (c *Comparison) checkTallies() {
	check := func(src, counted string, rc *votes.RollCall, ds *votes.Dataset, j int) {
		if !rc.HasTotals {
			return
		}
		t := ds.Tally(j)
		if rc.Totals.Yes != t.Yes || rc.Totals.No != t.No || rc.Totals.Abstain != t.Abstain {
			c.Tallies = append(c.Tallies, TallyMismatch{Source: src, Counted: counted, RollCall: rc.ID,
				Resolution: rc.Resolution, Date: rc.Date, Totals: rc.Totals, Tally: t})
		}
	}
	for j, rc := range c.A.RollCalls() {
		check("a", "a", rc, c.A, j)
	}
	for j, rc := range c.B.RollCalls() {
		check("b", "b", rc, c.B, j)
	}
	for _, mt := range c.Matches {
		check("b", "a", c.B.RollCall(mt.B), c.A, mt.A)
		check("a", "b", c.A.RollCall(mt.A), c.B, mt.B)
	}
}

// stateSessionRow is one state's comparison in one session: the main tidy
// table of a Comparison.
type stateSessionRow struct {
	ISO3    string `csv:"iso3"`
	COW     int    `csv:"cow"`
	Name    string `csv:"name"`
	Session int    `csv:"session"`
	N       int    `csv:"n"`      // matched roll calls with a cast vote in either dataset
	Differ  int    `csv:"differ"` // both cast, votes differ
	OnlyA   int    `csv:"only_a"` // cast in the first dataset only
	OnlyB   int    `csv:"only_b"` // cast in the second dataset only
}

// rows returns the rows of WriteCSV.
func (c *Comparison) rows() []stateSessionRow {
	order := make([]int, len(c.sessions))
	for k := range order {
		order[k] = k
	}
	slices.SortFunc(order, func(x, y int) int { return cmp.Compare(c.sessions[x], c.sessions[y]) })
	var out []stateSessionRow
	for _, k := range order {
		for u, ct := range c.counts[k] {
			if ct.differ+ct.onlyA+ct.onlyB == 0 {
				continue
			}
			st := c.states[u]
			out = append(out, stateSessionRow{st.ISO3, st.COW, st.Name, c.sessions[k], ct.n, ct.differ, ct.onlyA, ct.onlyB})
		}
	}
	return out
}

// StateCount is one state's votes compared over a Comparison's matched
// roll calls, and its differences by kind (Difference.Kind).
type StateCount struct {
	Country                 votes.Country
	N, Differ, OnlyA, OnlyB int
}

// ByState returns one StateCount per state with at least one difference,
// most differences first, then by COW code.
func (c *Comparison) ByState() []StateCount {
	sum := make([]counter, len(c.states))
	for _, row := range c.counts {
		for u, ct := range row {
			sum[u].n += ct.n
			sum[u].differ += ct.differ
			sum[u].onlyA += ct.onlyA
			sum[u].onlyB += ct.onlyB
		}
	}
	var out []StateCount
	for u, ct := range sum {
		if ct.differ+ct.onlyA+ct.onlyB > 0 {
			out = append(out, StateCount{c.states[u], ct.n, ct.differ, ct.onlyA, ct.onlyB})
		}
	}
	slices.SortStableFunc(out, func(x, y StateCount) int {
		return cmp.Compare(y.Differ+y.OnlyA+y.OnlyB, x.Differ+x.OnlyA+x.OnlyB)
	})
	return out
}

// SessionCount is one session of a Comparison: the roll calls of the
// session in each dataset, those matched, the votes compared (N) and their
// differences by kind.
type SessionCount struct {
	Session, RollCallsA, RollCallsB, Matched int
	N, Differ, OnlyA, OnlyB                  int
}

// BySession returns one SessionCount per session of either dataset, in
// order. A roll call counts to its own dataset's session; a match to the
// first dataset's.
func (c *Comparison) BySession() []SessionCount {
	rows := make(map[int]*SessionCount)
	get := func(s int) *SessionCount {
		if rows[s] == nil {
			rows[s] = &SessionCount{Session: s}
		}
		return rows[s]
	}
	for _, rc := range c.A.RollCalls() {
		get(rc.Session).RollCallsA++
	}
	for _, rc := range c.B.RollCalls() {
		get(rc.Session).RollCallsB++
	}
	for k := range c.Matches {
		get(c.session(k)).Matched++
	}
	for k, s := range c.sessions {
		r := get(s)
		for _, ct := range c.counts[k] {
			r.N += ct.n
			r.Differ += ct.differ
			r.OnlyA += ct.onlyA
			r.OnlyB += ct.onlyB
		}
	}
	out := make([]SessionCount, 0, len(rows))
	for _, r := range rows {
		out = append(out, *r)
	}
	slices.SortFunc(out, func(x, y SessionCount) int { return cmp.Compare(x.Session, y.Session) })
	return out
}

// WriteCSV writes as tidy CSV, with a header line, one row per state and
// session with at least one difference, by session and then COW code.
func (c *Comparison) WriteCSV(w io.Writer) error { return tidy.Write(w, c.rows()) }

// Line formats a swap for scripts: "swap<TAB>session<TAB>code<TAB>code
// <TAB>roll calls" (codes as votes.Country.Code gives them: GFR where
// there is no ISO3), the roll calls as comma-separated IDs of the first
// dataset.
func (s Swap) Line() string {
	ids := make([]string, len(s.RollCalls))
	for k, id := range s.RollCalls {
		ids[k] = strconv.Itoa(id)
	}
	return fmt.Sprintf("swap\t%d\t%s\t%s\t%s", s.Session, s.A.Code(), s.B.Code(), strings.Join(ids, ","))
}
