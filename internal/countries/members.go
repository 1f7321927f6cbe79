package countries

import "time"

// LastAdmission is the day the last state joined the United Nations: South
// Sudan, on 14 July 2011. Since then the members have been the 193 states
// of Table that still exist; before it, membership by date is not in the
// table.
var LastAdmission = Day(2011, 7, 14)

// gone are the states of Table that no longer sit: the Federal Republic
// of Germany and the German Democratic Republic (1990), Czechoslovakia
// (1992), Zanzibar (1964), the Yemen Arab Republic and Democratic Yemen
// (1990), and the Republic of China (1971).
var gone = [...]int{260, 265, 315, 511, 678, 680, 713}

// MemberOn reports whether the state with COW code cow was a member of the
// United Nations on day t. known is false for a day before LastAdmission,
// on which the table cannot tell.
func MemberOn(cow int, t time.Time) (member, known bool) {
	if t.Before(LastAdmission) {
		return false, false
	}
	if _, ok := Pos(cow); !ok {
		return false, true
	}
	for _, g := range gone {
		if g == cow {
			return false, true
		}
	}
	return true, true
}
