package votes

import (
	"fmt"
	"slices"
)

// A Succession counts the votes of a state that no longer sits as those of
// the state that took its seat, for JoinPredecessors.
type Succession struct {
	Predecessor, Successor Country
}

// Successions returns the successions JoinPredecessors applies by default:
// the Federal Republic of Germany (COW 260) as Germany (255), whose seat
// unified Germany took on 3 October 1990, and the Yemen Arab Republic (678)
// as Yemen (679), whose seat unified Yemen took on 22 May 1990. The German
// Democratic Republic (265) and the Yemen People's Republic (680), which
// gave up their seats, are not joined; pass them explicitly if an analysis
// wants them. Each call returns a new slice.
func Successions() []Succession {
	s := func(before, after int) Succession {
		p, _ := CountryByCOW(before)
		q, _ := CountryByCOW(after)
		return Succession{p, q}
	}
	return []Succession{s(260, 255), s(678, 679)}
}

// JoinPredecessors returns a dataset in which each predecessor's votes count
// as its successor's: the predecessor's row is merged into the successor's
// (made if the dataset has none) and dropped, so that a series of Germany
// runs from the Federal Republic's admission in 1973 on, unbroken in 1990.
// A nil table means Successions().
//
// A cell takes whichever of the two rows records the state in the Assembly
// (a vote cast or an absence); a non-member record or nothing on one side
// leaves the other. A roll call on which both rows record the state in the
// Assembly is a conflict, and an error naming both and the roll call: the
// two did not sit at once. Voeten's member flags and the Digital Library's
// notes move with the votes. Roll calls, and their Unanimous flags, are
// unchanged: they were judged on the Assembly as read.
//
// A table that names a state twice as a predecessor, or a state as both a
// predecessor and a successor, or a state as its own successor, is an error.
func (d *Dataset) JoinPredecessors(table []Succession) (*Dataset, error) {
	if table == nil {
		table = Successions()
	}
	into := map[int]int{} // predecessor COW to successor COW
	succ := map[int]bool{}
	for _, s := range table {
		p, q := s.Predecessor.COW, s.Successor.COW
		switch {
		case p == q:
			return nil, fmt.Errorf("votes: %s (COW %d) cannot succeed itself", s.Predecessor.Name, p)
		case into[p] != 0:
			return nil, fmt.Errorf("votes: %s (COW %d) has two successors", s.Predecessor.Name, p)
		}
		into[p] = q
		succ[q] = true
	}
	for p := range into {
		if succ[p] {
			c, _ := CountryByCOW(p)
			return nil, fmt.Errorf("votes: %s (COW %d) is both a predecessor and a successor; join in one step", c.Name, p)
		}
	}

	// The rows of the result, by COW code, each with the rows of d it merges.
	sources := map[int][]int{}
	for i, c := range d.countries {
		cow := c.COW
		if q, ok := into[cow]; ok {
			cow = q
		}
		sources[cow] = append(sources[cow], i)
	}
	cows := make([]int, 0, len(sources))
	for cow := range sources {
		cows = append(cows, cow)
	}
	slices.Sort(cows)

	nr := len(d.rollCalls)
	out := &Dataset{
		countries: make([]Country, len(cows)),
		rollCalls: slices.Clone(d.rollCalls),
		votes:     make([]Vote, len(cows)*nr),
		index:     make(map[int]int, len(cows)),
		passed:    d.passed, // a successor takes its predecessors' votes, not more
	}
	// Which row of d filled each cell of the result (1 + row), for the
	// sparse details; only kept when there are any.
	var owners []int32
	if len(d.member)+len(d.notes) > 0 {
		owners = make([]int32, len(out.votes))
	}
	owner := make([]int32, nr)
	for k, cow := range cows {
		c, ok := d.index[cow]
		if ok {
			out.countries[k] = d.countries[c]
		} else if out.countries[k], ok = CountryByCOW(cow); !ok {
			return nil, fmt.Errorf("votes: successor COW %d is not a known state", cow)
		}
		out.index[cow] = k
		dst := out.votes[k*nr : (k+1)*nr]
		clear(owner)
		for _, i := range sources[cow] {
			for j, v := range d.votes[i*nr : (i+1)*nr] {
				if v == NoRecord {
					continue
				}
				cur := dst[j]
				switch {
				case inAssembly(cur) && inAssembly(v):
					o := d.countries[owner[j]-1]
					rc := &d.rollCalls[j]
					return nil, fmt.Errorf("votes: %s (COW %d) and %s (COW %d) both have a vote on roll call %d (%s, %s): they cannot be joined",
						o.Name, o.COW, d.countries[i].Name, d.countries[i].COW, rc.ID, rc.Resolution, rc.Date.Format("2006-01-02"))
				case inAssembly(v) || cur == NoRecord:
					dst[j] = v
					owner[j] = int32(i + 1)
				}
			}
		}
		if owners != nil {
			copy(owners[k*nr:], owner)
		}
	}
	// from maps a cell of d to its cell in the result, if it was taken.
	from := func(cell int) (int, bool) {
		i, j := cell/nr, cell%nr
		cow := d.countries[i].COW
		if q, ok := into[cow]; ok {
			cow = q
		}
		n := out.index[cow]*nr + j
		return n, owners[n] == int32(i+1)
	}
	out.member = moveCells(d.member, from)
	out.notes = moveCells(d.notes, from)
	return out, nil
}

// inAssembly reports whether v records a state sitting in the Assembly: a
// vote cast or an absence.
func inAssembly(v Vote) bool { return v >= Yes && v <= Absent }
