package votes

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// ErrJoin reports two datasets that Join cannot put together: a roll call
// of the second that cannot be matched, or that would take the ID of
// another roll call of the first.
var ErrJoin = errors.New("votes: datasets do not join")

// A JoinLog tells what Join did with each roll call of its second
// dataset.
type JoinLog struct {
	// Matched pairs each roll call of b that a holds with a's, as columns
	// {in a, in b}, in b's order. The join keeps a's roll call and votes.
	Matched [][2]int
	// Added lists the columns of b's roll calls that a lacks, which the
	// join adds.
	Added []int
	// Conflicts lists the votes on matched roll calls that a and b record
	// differently, by match and then state; the join keeps a's.
	Conflicts []JoinConflict
}

// A JoinConflict is one state's vote on one matched roll call that the two
// datasets of a Join record differently: both cast different votes, or
// only one of them records a cast vote.
type JoinConflict struct {
	Match    int // index in JoinLog.Matched
	Country  Country
	InA, InB Vote
}

// String summarises the report: "90 matched, 640 added, 0 conflicts".
func (r *JoinLog) String() string {
	return fmt.Sprintf("%d matched, %d added, %d conflicts", len(r.Matched), len(r.Added), len(r.Conflicts))
}

// Join returns the roll calls of a and b in one dataset: all of a's, and
// those of b that a lacks, each with its votes, its RollCall.Source and
// its Unanimous flag as judged on its own source. The states are those of
// either; a state has NoRecord on the roll calls of a dataset that has no
// row for it. a and b are not changed.
//
// A roll call of b is the same as one of a if both have the same
// resolution symbol and date. Symbols are compared in one form, whatever
// the source wrote: "R/74/17" is "A/RES/74/17", and the part of a
// resolution adopted in parts is its letters, "A/RES/75/254 A-C" and
// "A/RES/75/254ABC" alike. Where a holds several roll calls on the symbol
// that day (separate votes on paragraphs or amendments), a vote on a whole
// text is matched with a's vote on a whole text, and among those left,
// with the roll call on which the two record the fewest states
// differently. A roll call of b without a symbol is matched by ID and
// date, as between two releases of one source.
//
// Only cast votes are compared, as audit.Compare compares them: Absent,
// NonMember and NoRecord are all no cast vote, because sources differ in
// how they record absence (the unvotes record has no absences, the UN's
// resolution data do). A state that casts different votes in a and b on a
// matched roll call, or a cast vote in only one, is a JoinConflict of the
// report; the join keeps a's vote.
//
// The counts of Dataset.Adoptions are a's, and b's for the sessions a
// does not count.
//
// Join returns an error wrapping ErrJoin, and no dataset, if a roll call
// of b has a symbol that a holds on other days only (one of the two dates
// is wrong, or the symbol: filter the roll call out of one of them, and
// join again), if one without a symbol has no match by ID and date, or if
// a roll call to be added has the ID of another roll call of a.
func Join(a, b *Dataset) (*Dataset, *JoinLog, error) {
	bySymbol := make(map[string][]int) // columns of a
	for j := range a.rollCalls {
		if s := joinKey(a.rollCalls[j].Resolution); s != "" {
			bySymbol[s] = append(bySymbol[s], j)
		}
	}
	byID := make(map[int]int, len(a.rollCalls))
	for j := range a.rollCalls {
		byID[a.rollCalls[j].ID] = j
	}
	// A row index of each dataset's states in the other, -1 if none.
	rowIn := func(from, to *Dataset) []int {
		out := make([]int, len(from.countries))
		for i, c := range from.countries {
			k, ok := to.index[c.COW]
			out[i] = -1
			if ok {
				out[i] = k
			}
		}
		return out
	}
	bInA := rowIn(b, a)
	aInB := rowIn(a, b)
	// differ lists the states that a's roll call ja and b's jb record
	// differently.
	differ := func(ja, jb int, add func(JoinConflict)) int {
		n := 0
		cls := func(v Vote) Vote {
			if v.Cast() {
				return v
			}
			return NoRecord
		}
		for i, c := range a.countries {
			va, vb := cls(a.Vote(i, ja)), NoRecord
			if k := aInB[i]; k >= 0 {
				vb = cls(b.Vote(k, jb))
			}
			if va != vb {
				n++
				if add != nil {
					add(JoinConflict{Country: c, InA: va, InB: vb})
				}
			}
		}
		for k, c := range b.countries {
			if bInA[k] >= 0 {
				continue
			}
			if vb := cls(b.Vote(k, jb)); vb != NoRecord {
				n++
				if add != nil {
					add(JoinConflict{Country: c, InA: NoRecord, InB: vb})
				}
			}
		}
		return n
	}
	whole := func(rc *RollCall) bool { return rc.Amendment != FlagTrue && rc.Paragraph != FlagTrue }

	rep := new(JoinLog)
	for jb := range b.rollCalls {
		rb := &b.rollCalls[jb]
		sym := joinKey(rb.Resolution)
		var cands []int
		if sym == "" {
			ja, ok := byID[rb.ID]
			if !ok || !a.rollCalls[ja].Date.Equal(rb.Date) {
				return nil, nil, fmt.Errorf("%w: roll call %d of the second dataset (%s) has no resolution symbol, and the first has no roll call %d of that day to match it with",
					ErrJoin, rb.ID, dateString(rb.Date), rb.ID)
			}
			cands = []int{ja}
		} else {
			all := bySymbol[sym]
			for _, ja := range all {
				if a.rollCalls[ja].Date.Equal(rb.Date) {
					cands = append(cands, ja)
				}
			}
			if len(all) > 0 && len(cands) == 0 {
				ra := &a.rollCalls[all[0]]
				return nil, nil, fmt.Errorf("%w: %s is dated %s in the second dataset (ID %d), but %s in the first (ID %d): filter the wrong one out of one dataset and join again",
					ErrJoin, rb.Resolution, dateString(rb.Date), rb.ID, dateString(ra.Date), ra.ID)
			}
			if len(cands) == 0 {
				rep.Added = append(rep.Added, jb)
				continue
			}
		}
		if same := slices.DeleteFunc(slices.Clone(cands), func(ja int) bool { return whole(&a.rollCalls[ja]) != whole(rb) }); len(same) > 0 {
			cands = same
		}
		best, fewest := cands[0], -1
		if len(cands) > 1 {
			for _, ja := range cands {
				if n := differ(ja, jb, nil); fewest < 0 || n < fewest {
					best, fewest = ja, n
				}
			}
		}
		m := len(rep.Matched)
		rep.Matched = append(rep.Matched, [2]int{best, jb})
		differ(best, jb, func(c JoinConflict) {
			c.Match = m
			rep.Conflicts = append(rep.Conflicts, c)
		})
	}
	for _, jb := range rep.Added {
		if ja, ok := byID[b.rollCalls[jb].ID]; ok {
			return nil, nil, fmt.Errorf("%w: roll call %d of the second dataset (%s) is not in the first, which has roll call %d (%s, %s): give one of them other IDs",
				ErrJoin, b.rollCalls[jb].ID, b.rollCalls[jb].Resolution, a.rollCalls[ja].ID, a.rollCalls[ja].Resolution, dateString(a.rollCalls[ja].Date))
		}
	}
	return joined(a, b, rep.Added), rep, nil
}

// joined builds the join of a and the roll calls of b at the columns
// added: states by COW code, roll calls by session, date and ID.
func joined(a, b *Dataset, added []int) *Dataset {
	type col struct {
		from *Dataset
		j    int
	}
	cols := make([]col, 0, len(a.rollCalls)+len(added))
	for j := range a.rollCalls {
		cols = append(cols, col{a, j})
	}
	for _, j := range added {
		cols = append(cols, col{b, j})
	}
	slices.SortStableFunc(cols, func(x, y col) int {
		rx, ry := &x.from.rollCalls[x.j], &y.from.rollCalls[y.j]
		if c := cmp.Compare(rx.Session, ry.Session); c != 0 {
			return c
		}
		if c := rx.Date.Compare(ry.Date); c != 0 {
			return c
		}
		return cmp.Compare(rx.ID, ry.ID)
	})
	states := slices.Clone(a.countries)
	for _, c := range b.countries {
		if _, ok := a.index[c.COW]; !ok {
			states = append(states, c)
		}
	}
	slices.SortFunc(states, func(x, y Country) int { return cmp.Compare(x.COW, y.COW) })
	nr := len(cols)
	out := &Dataset{
		countries: states,
		rollCalls: make([]RollCall, nr),
		votes:     make([]Vote, len(states)*nr),
		index:     make(map[int]int, len(states)),
		adoptions: joinAdoptions(a.adoptions, b.adoptions),
	}
	for i, c := range states {
		out.index[c.COW] = i
	}
	newCol := map[*Dataset][]int{a: make([]int, len(a.rollCalls)), b: make([]int, len(b.rollCalls))}
	for _, s := range newCol {
		for j := range s {
			s[j] = -1
		}
	}
	for k, c := range cols {
		out.rollCalls[k] = c.from.rollCalls[c.j]
		newCol[c.from][c.j] = k
	}
	for _, d := range []*Dataset{a, b} {
		to := newCol[d]
		dnr := len(d.rollCalls)
		rows := make([]int, len(d.countries))
		for i, c := range d.countries {
			rows[i] = out.index[c.COW]
			dst := out.votes[rows[i]*nr : (rows[i]+1)*nr]
			for j, v := range d.votes[i*dnr : (i+1)*dnr] {
				if k := to[j]; k >= 0 {
					dst[k] = v
				}
			}
		}
		remap := func(cell int) (int, bool) {
			k := to[cell%dnr]
			return rows[cell/dnr]*nr + k, k >= 0
		}
		for cell, f := range moveCells(d.member, remap) {
			if out.member == nil {
				out.member = make(map[int]Flag)
			}
			out.member[cell] = f
		}
		for cell, s := range moveCells(d.notes, remap) {
			if out.notes == nil {
				out.notes = make(map[int]string)
			}
			out.notes[cell] = s
		}
	}
	return out
}

// joinAdoptions returns the counts of a, and those of b for the sessions
// a does not count.
func joinAdoptions(a, b []Adoption) []Adoption {
	if len(b) == 0 {
		return a
	}
	out := slices.Clone(a)
	for _, x := range b {
		if !slices.ContainsFunc(a, func(y Adoption) bool { return y.Session == x.Session && y.Special == x.Special }) {
			out = append(out, x)
		}
	}
	return sortedAdoptions(out)
}

// joinKey returns a resolution symbol in the one form Join matches by:
// upper case, in the UN's form (NormalizeResolution), without spaces, and
// the part of a resolution adopted in parts as its letters: "A/RES/75/254
// A-C" and "R/75/254ABC" are both "A/RES/75/254ABC".
func joinKey(sym string) string {
	s := strings.ToUpper(NormalizeResolution(sym))
	s = strings.Join(strings.Fields(s), "")
	if i := strings.LastIndexByte(s, '/'); i >= 0 {
		tail := s[i+1:]
		n := strings.IndexFunc(tail, func(r rune) bool { return r < '0' || r > '9' })
		if n > 0 {
			part := tail[n:]
			if len(part) == 3 && part[1] == '-' && part[0] >= 'A' && part[2] <= 'Z' && part[0] < part[2] {
				var b strings.Builder
				for c := part[0]; c <= part[2]; c++ {
					b.WriteByte(c)
				}
				part = b.String()
			}
			s = s[:i+1] + tail[:n] + part
		}
	}
	return s
}

// dateString formats a roll call's date, "undated" for none.
func dateString(t time.Time) string {
	if t.IsZero() {
		return "undated"
	}
	return t.Format(time.DateOnly)
}
