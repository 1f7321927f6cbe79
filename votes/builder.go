package votes

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/unga-go/unga/internal/countries"
)

// result is what a read gives newDataset to build a Dataset from.
type result struct {
	Countries []int          // place in countries.Table of each row, in COW order
	RollCalls []RollCall     // by column: session, date, then ID
	Votes     []Vote         // len(Countries)*len(RollCalls), row i at [i*nr:(i+1)*nr]
	Notes     map[int]string // by cell: the Digital Library's note on a vote

	// Unanimity is the source's word on whether a roll call (by column) is
	// unanimous (the canonical layout's "unanimous" column), which
	// overrides the judgement on the votes read.
	Unanimity map[int]bool

	// Empty is set when the source says the dataset is empty: the
	// canonical layout's row of empty fields, which Write writes for a
	// dataset without states or roll calls.
	Empty bool

	// The rows a lenient read skipped: the first readConfig.Keep of them, and
	// how many there were.
	Skipped     []*ParseError
	SkippedRows int

	// What the read found wrong and resolved (Reader.Repaired), and the
	// adoptions by session (Dataset.Adoptions): the UN's resolution data
	// give them.
	Repaired     []*ParseError
	RepairedRows int
	Adoptions    []Adoption

	b      *builder
	order  []int // the builder's roll call of each column
	newCol []int // the column of each of the builder's roll calls
	newRow []int // the row of each place in countries.Table
}

// NumRollCalls returns the number of roll calls (columns).
func (d *result) NumRollCalls() int { return len(d.order) }

// RollCall returns roll call j, by column: by session, date, then ID.
func (d *result) RollCall(j int) *RollCall { return d.b.rollCalls.at(d.order[j]) }

// members returns the member flags other than the votes imply, by cell
// (i*nr+j); nil if there are none.
func (d *result) members() map[int]Flag {
	if d.b == nil || len(d.b.member) == 0 {
		return nil
	}
	nr := len(d.order)
	m := make(map[int]Flag, len(d.b.member))
	for key, f := range d.b.member {
		m[d.newRow[key[0]]*nr+d.newCol[key[1]]] = f
	}
	return m
}

// fill writes the votes into dst, a matrix of len(Countries) rows of
// NumRollCalls() columns, row i at [i*nr:(i+1)*nr]. It works on all cores.
func (d *result) fill(dst []Vote) {
	if d.b == nil {
		return
	}
	nr := len(d.order)
	rows := d.b.rows
	onRows(len(rows), func(lo, hi int) {
		for p, row := range rows[lo:hi] {
			if row == nil {
				continue
			}
			r := d.newRow[lo+p]
			out := dst[r*nr : (r+1)*nr]
			for k, v := range row[:min(len(row), nr)] {
				out[d.newCol[k]] = v
			}
		}
	})
}

// builder accumulates votes as a reader streams them and lays them out
// densely at the end. Rows are indexed by the state's place in countries.Table
// and grow as roll calls are discovered, so no intermediate list of
// (state, roll call, vote) triples is kept.
type builder struct {
	rollCalls rollCallList
	rcIndex   idIndex // roll-call ID to discovery order
	lastID    int     // cache: sources list a roll call's votes together
	lastIdx   int
	rows      [][]Vote // by countries.Table position, then discovery order
	member    map[[2]int]Flag
	notes     map[[2]int]string
	// The roll-call columns as written, by discovery order, for sources
	// that repeat them on every row: the date and the other columns read,
	// joined by \x1f, which later rows must not contradict.
	raw [][2]string

	// maxRollCalls bounds the roll calls (readConfig.MaxRollCalls); 0 in
	// tests that build by hand.
	maxRollCalls int

	// unanimity given by the source (the canonical layout carries the
	// decision made when the data were first read), by discovery order
	unanimity map[int]bool
}

// setUnanimous records the source's word on whether roll call k (discovery
// order) is unanimous, which then overrides the judgement on the votes read.
func (b *builder) setUnanimous(k int, u bool) {
	if b.unanimity == nil {
		b.unanimity = make(map[int]bool)
	}
	b.unanimity[k] = u
}

func newBuilder() *builder {
	return &builder{lastIdx: -1, rows: make([][]Vote, len(countries.Table))}
}

// newBuilder returns a builder for r's read, within its limits.
func (r *reader) newBuilder() *builder {
	b := newBuilder()
	b.maxRollCalls = r.cfg.MaxRollCalls
	return b
}

// full returns the error for one roll call more than the limit allows, or
// nil if there is room for n more.
func (b *builder) full(n int) error {
	if b.maxRollCalls > 0 && b.rollCalls.len()+n > b.maxRollCalls {
		return fmt.Errorf("%w: more than %d roll calls (Reader.MaxRollCalls)", ErrLimit, b.maxRollCalls)
	}
	return nil
}

// addRollCall registers a roll call and returns its discovery index; ok is
// false if the ID was already registered.
func (b *builder) addRollCall(rc RollCall) (int, bool) {
	if k, dup := b.rcIndex.get(rc.ID); dup {
		return k, false
	}
	k := b.rollCalls.add(rc)
	b.rcIndex.set(rc.ID, k)
	return k, true
}

// holder returns the place in countries.Table of the state that held c's
// seat on the day of roll call k: the sources file some of unified
// Germany's and Yemen's votes under the states they succeeded.
func (b *builder) holder(c Country, k int) int {
	p, _ := countries.Pos(c.COW)
	return b.seatHolder(p, k)
}

// seatHolder is holder for the state at place p of countries.Table.
func (b *builder) seatHolder(p, k int) int {
	return countries.SeatHolder(p, b.rollCalls.at(k).Date)
}

// rollCall returns the discovery index of roll call id.
func (b *builder) rollCall(id int) (int, bool) {
	if id == b.lastID && b.lastIdx >= 0 {
		return b.lastIdx, true
	}
	k, ok := b.rcIndex.get(id)
	if ok {
		b.lastID, b.lastIdx = id, k
	}
	return k, ok
}

// set records state c's vote on roll call k. It returns the vote already
// recorded, if any.
func (b *builder) set(c Country, k int, v Vote) (prev Vote) {
	p := b.holder(c, k)
	return b.setPos(p, k, v)
}

// setPos is set for the state at place p of countries.Table, already resolved
// to the seat holder.
func (b *builder) setPos(p, k int, v Vote) (prev Vote) {
	row := b.rows[p]
	if k >= len(row) {
		if row == nil {
			// Reserve for the roll calls known now, as for unvotes, where
			// they are all read before the votes.
			row = make([]Vote, max(b.rollCalls.len(), k+1))
		} else {
			row = append(row, make([]Vote, max(k+1-len(row), len(row)/2))...)
		}
		b.rows[p] = row
	}
	prev = row[k]
	row[k] = v
	return prev
}

func (b *builder) setMember(c Country, k int, f Flag) {
	if b.member == nil {
		b.member = make(map[[2]int]Flag)
	}
	p := b.holder(c, k)
	b.member[[2]int{p, k}] = f
}

func (b *builder) setNote(c Country, k int, s string) {
	if b.notes == nil {
		b.notes = make(map[[2]int]string)
	}
	p := b.holder(c, k)
	b.notes[[2]int{p, k}] = s
}

// memberOf returns the member flag recorded for state c's vote v on roll
// call k: the flag set, or the one v implies.
func (b *builder) memberOf(c Country, k int, v Vote) Flag {
	if f, ok := b.member[[2]int{b.holder(c, k), k}]; ok {
		return f
	}
	return impliedMember(v)
}

// note returns the note recorded for state c on roll call k, if any.
func (b *builder) note(c Country, k int) string {
	p := b.holder(c, k)
	return b.notes[[2]int{p, k}]
}

// dataset lays the votes out as the result's matrix: states by COW code,
// roll calls by session, date and ID.
func (b *builder) dataset() *result {
	order := make([]int, b.rollCalls.len())
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(x, y int) int {
		rx, ry := b.rollCalls.at(x), b.rollCalls.at(y)
		if c := cmp.Compare(rx.Session, ry.Session); c != 0 {
			return c
		}
		if c := rx.Date.Compare(ry.Date); c != 0 {
			return c
		}
		return cmp.Compare(rx.ID, ry.ID)
	})
	nr := len(order)
	newCol := make([]int, nr)
	for j, k := range order {
		newCol[k] = j
	}
	d := &result{b: b, order: order, newCol: newCol, newRow: make([]int, len(b.rows))}
	for p, row := range b.rows {
		if row != nil {
			d.newRow[p] = len(d.Countries)
			d.Countries = append(d.Countries, p)
		}
	}
	newRow := d.newRow
	for key, s := range b.notes {
		if d.Notes == nil {
			d.Notes = make(map[int]string)
		}
		d.Notes[newRow[key[0]]*nr+newCol[key[1]]] = s
	}
	for k, u := range b.unanimity {
		if d.Unanimity == nil {
			d.Unanimity = make(map[int]bool)
		}
		d.Unanimity[newCol[k]] = u
	}
	return d
}

// touch adds state c to the dataset even if it never votes.
func (b *builder) touch(c Country) {
	p, _ := countries.Pos(c.COW)
	if b.rows[p] == nil {
		b.rows[p] = make([]Vote, 0, b.rollCalls.len())
	}
}
