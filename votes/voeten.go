package votes

import (
	"bytes"
	"fmt"
	"io"
)

// readVoeten reads Voeten's layout: one row per member state and roll call,
// with the roll call's columns repeated on every row. The 2016 release has
// rcid, session, vote, ccode, member, importantvote, date, unres, me, nu, di,
// hr, co, ec, year; releases since 2021 add Country, Countryname, short,
// descr, amend, para, yes, no, abstain. Columns are taken by name. The roll
// call's details come from its first row; later rows must agree on the date
// and resolution. The year column is derived from the session and not kept.
func (r *Reader) readVoeten(s *scanner) (*Dataset, error) {
	col, err := s.columns([]string{"rcid", "vote", "ccode", "date"},
		"session", "member", "importantvote", "unres", "me", "nu", "di", "hr", "co", "ec",
		"short", "descr", "amend", "para", "yes", "no", "abstain")
	if err != nil {
		return nil, err
	}
	b := newBuilder()
	st := &voetenState{k: -1, rcid: col["rcid"], vote: col["vote"], ccode: col["ccode"], member: col["member"], dateCol: col["date"], unres: col["unres"]}
	for {
		if err := s.next(); err == io.EOF {
			break
		} else if err != nil {
			return nil, err
		}
		if perr := r.voetenRow(b, s, col, st); perr != nil {
			if err := r.skip(perr); err != nil {
				return nil, err
			}
		}
	}
	return b.dataset(), nil
}

type voetenState struct {
	id         int
	k          int
	date, unre []byte
	// Positions of the columns read on every row.
	rcid, vote, ccode, member, dateCol, unres int
}

var issueColumns = [...]struct {
	name  string
	issue Issue
}{{"me", MiddleEast}, {"nu", Nuclear}, {"di", Disarmament}, {"hr", HumanRights}, {"co", Colonialism}, {"ec", Development}}

func (r *Reader) voetenRow(b *builder, s *scanner, col map[string]int, st *voetenState) *ParseError {
	if err := s.checkWidth(); err != nil {
		return err
	}
	id, ok := atoi(s.field(st.rcid))
	if !ok {
		return s.errorAt(col["rcid"], "rcid", badNumber(s.field(col["rcid"])))
	}
	k := st.k
	if id != st.id || k < 0 {
		var known bool
		k, known = b.rollCall(id)
		if !known {
			rc, perr := parseRollCallFields(s, col)
			if perr != nil {
				return perr
			}
			for _, ic := range issueColumns {
				i := col[ic.name]
				f, ok := parseFlag(s.field(i))
				if !ok {
					return s.errorAt(i, ic.name, quoteErr("want 0, 1 or NA, got", s.field(i)))
				}
				if f == FlagTrue {
					rc.Issues |= ic.issue
				}
			}
			if col["yes"] >= 0 {
				var t Tally
				for _, f := range [...]struct {
					name string
					dst  *int
				}{{"yes", &t.Yes}, {"no", &t.No}, {"abstain", &t.Abstain}} {
					v := s.field(col[f.name])
					if isNA(v) {
						continue
					}
					n, ok := wholeNumber(v)
					if !ok {
						return s.errorAt(col[f.name], f.name, badNumber(v))
					}
					*f.dst = n
					rc.HasTotals = true
				}
				rc.Totals = t
			}
			k, _ = b.addRollCall(rc)
		}
		st.id, st.k = id, k
		st.date = append(st.date[:0], s.field(col["date"])...)
		st.unre = append(st.unre[:0], s.field(col["unres"])...)
	} else if !bytes.Equal(st.date, s.field(st.dateCol)) || !bytes.Equal(st.unre, s.field(st.unres)) {
		return s.errorAt(st.dateCol, "date", fmt.Errorf("%w: rcid %d has date %q and resolution %q on an earlier row", ErrConflict, id, st.date, st.unre))
	}
	cow, ok := atoi(s.field(st.ccode))
	if !ok {
		return s.errorAt(st.ccode, "ccode", badNumber(s.field(st.ccode)))
	}
	c, ok := b.country(cow)
	if !ok {
		return s.errorAt(st.ccode, "ccode", fmt.Errorf("%w: COW code %d", ErrUnknownCountry, cow))
	}
	v, ok := parseVoteBytes(s.field(st.vote))
	if !ok || v == NoRecord {
		return s.errorAt(st.vote, "vote", fmt.Errorf("%w %q (want 1 yes, 2 abstain, 3 no, 8 absent or 9 non-member)", ErrUnknownVote, s.field(st.vote)))
	}
	if prev := b.set(c, k, v); prev != NoRecord && prev != v {
		b.set(c, k, prev)
		return s.errorAt(st.vote, "vote", fmt.Errorf("%w: %s on rcid %d, %s before, %s here", ErrDuplicateVote, c.Name, id, prev, v))
	}
	if i := st.member; i >= 0 {
		m, ok := parseFlag(s.field(i))
		if !ok {
			return s.errorAt(i, "member", quoteErr("want 0, 1 or NA, got", s.field(i)))
		}
		if m != impliedMember(v) {
			b.setMember(c, k, m)
		}
	}
	return nil
}

// impliedMember is the member flag a vote implies in Voeten's coding.
func impliedMember(v Vote) Flag {
	switch v {
	case Yes, Abstain, No, Absent:
		return FlagTrue
	}
	return FlagUnknown
}
