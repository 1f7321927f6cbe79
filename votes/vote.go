package votes

import "fmt"

// Vote is what one state did on one roll call.
//
// The zero value, NoRecord, means the source has nothing for that state and
// roll call; it is distinct from Absent, which records a member that was
// listed but did not vote, and NonMember, which records a state that was not
// a member of the United Nations on that day.
//
// A Vote is one byte and its values are the constants below, 0 to 5, so that
// kernels may treat a row of votes as bytes; this will not change.
type Vote int8

const (
	NoRecord  Vote = iota // nothing recorded
	Yes                   // voted yes
	Abstain               // abstained
	No                    // voted no
	Absent                // a member that did not vote (Voeten's 8, the Digital Library's X or blank)
	NonMember             // not a member of the United Nations at the time (Voeten's 9)
)

// Cast reports whether v is a vote cast on the floor: Yes, Abstain or No.
// Agreement indices are computed over cast votes only.
func (v Vote) Cast() bool { return v >= Yes && v <= No }

// LastChange returns the index in vs of the vote that began its last run:
// the first of the votes cast (Vote.Cast) after the last cast vote that
// differs from the final one. It returns -1 if vs holds fewer than two
// different cast votes: there is no change to find. Votes not cast
// (Absent, NoRecord, NonMember) neither end a run nor begin one, so a run
// of no votes broken by an absence is one run.
//
// vs is one state's votes in order of date, such as a row of a dataset
// narrowed to a family of roll calls (Dataset.Row) or
// alignment.OutlierRecord's Votes; LastChange(vs[:k]) finds the change
// before the one at k, and two states whose LastChange is the same index
// changed on the same roll call.
func LastChange(vs []Vote) int {
	last, start := NoRecord, -1
	for k := len(vs) - 1; k >= 0; k-- {
		switch v := vs[k]; {
		case !v.Cast():
		case last == NoRecord:
			last, start = v, k
		case v == last:
			start = k
		default:
			return start
		}
	}
	return -1
}

// String returns the lower-case name used by the unvotes data ("yes",
// "abstain", "no") and by this package's canonical CSV ("absent",
// "non-member"); NoRecord is the empty string.
func (v Vote) String() string {
	if v >= 0 && int(v) < len(voteNames) {
		return voteNames[v]
	}
	return fmt.Sprintf("Vote(%d)", int8(v))
}

// voteNames are the names Vote.String gives, by value.
var voteNames = [...]string{NoRecord: "", Yes: "yes", Abstain: "abstain", No: "no", Absent: "absent", NonMember: "non-member"}

// Flag is a yes/no attribute of a roll call that a source may leave unknown,
// such as Voeten's "important vote" coding. The zero value is FlagUnknown.
type Flag int8

const (
	FlagUnknown Flag = iota // the source does not say
	FlagFalse               // coded 0
	FlagTrue                // coded 1
)

// String returns "1", "0" or "NA", as the sources write the flag.
func (f Flag) String() string {
	switch f {
	case FlagTrue:
		return "1"
	case FlagFalse:
		return "0"
	}
	return "NA"
}

// Issue is a set of the six issue areas Voeten codes roll calls by.
// A roll call may belong to several areas or to none.
type Issue uint8

const (
	MiddleEast  Issue = 1 << iota // "me": the Palestinian conflict
	Nuclear                       // "nu": nuclear weapons and nuclear material
	Disarmament                   // "di": arms control and disarmament
	HumanRights                   // "hr": human rights
	Colonialism                   // "co": colonialism
	Development                   // "ec": economic development
)

// Has reports whether every issue in x is in s.
func (s Issue) Has(x Issue) bool { return s&x == x && x != 0 }

// Codes returns the two-letter codes of the issues in s, in Voeten's order
// (me, nu, di, hr, co, ec).
func (s Issue) Codes() []string {
	var out []string
	for _, ic := range issueCodes {
		if s&ic.Issue != 0 {
			out = append(out, ic.Code)
		}
	}
	return out
}

// Label returns the unvotes label of a single issue ("Human rights"), or the
// codes joined by "+" for a set of several.
func (s Issue) Label() string {
	for _, ic := range issueCodes {
		if s == ic.Issue {
			return ic.Label
		}
	}
	return s.String()
}

// String returns the issue codes joined by "+", such as "me+hr".
func (s Issue) String() string {
	out := ""
	for i, c := range s.Codes() {
		if i > 0 {
			out += "+"
		}
		out += c
	}
	return out
}
