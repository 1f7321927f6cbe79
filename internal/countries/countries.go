// Package countries holds everything the module knows about the states
// that have sat in the General Assembly, in one place.
//
// That is the table of states (codes, names, earlier names, aliases, seat
// changes), the lists that order or group them (the best-known states,
// the built-in groups with their members' days, the UN's admissions), and
// the raw lookups on them: by COW code, by any name or code a source
// writes, and the seats that passed to a successor. Lookups return a
// state's place in Table; package votes makes its Country and Group values
// from these rows and is the API users see.
package countries

import (
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
)

// Entry is a row of Table: a state, its codes, its name and the other
// names and codes the sources use for it.
type Entry struct {
	COW        int
	ISO2, ISO3 string
	Name       string
	Aliases    []string
}

// Day returns midnight UTC of a day.
func Day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// DateKeys are keys that name different states before and after a day:
// the UN Digital Library writes "CHN" and "CHINA" for the Republic of China
// until the People's Republic took China's seat on 25 October 1971.
var DateKeys = [...]struct {
	Key           string
	Before, After int
	SwitchDay     time.Time
}{
	{"chn", 713, 710, Day(1971, 10, 25)},
	{"cn", 713, 710, Day(1971, 10, 25)},
	{"china", 713, 710, Day(1971, 10, 25)},
}

// seatChanges are seats that passed from one state to its successor under
// the same or a similar name. Unified Germany sits in the Federal Republic's
// seat since 3 October 1990 and its official name is still "Federal
// Republic of Germany"; unified Yemen took the Yemen Arab Republic's seat on
// 22 May 1990. The sources file some votes of the new state under the old
// one (unvotes lists Germany's and Yemen's votes of November and December
// 1990 as the Federal Republic's and the Yemen Arab Republic's; Voeten codes
// Germany's as 255 but Yemen's as 678), so a vote is given to whichever of
// the two held the seat on the day.
var seatChanges = [...]struct {
	before, after int
	switchDay     time.Time
}{
	{260, 255, Day(1990, 10, 3)},
	{678, 679, Day(1990, 5, 22)},
}

// SeatChanging reports whether the state at place p of Table is one side
// of a seat change, cheaply: it is asked for every vote row.
func SeatChanging(p int) bool { return index().seat[p] }

// SeatHolder returns the place in Table of the state that held the seat
// of the state at place p on day t: p itself, unless that state is one
// side of a seat change. A zero t leaves p as it is.
func SeatHolder(p int, t time.Time) int {
	if t.IsZero() || !index().seat[p] {
		return p
	}
	cow := Table[p].COW
	for _, sc := range seatChanges {
		if cow == sc.before || cow == sc.after {
			holder := sc.after
			if t.Before(sc.switchDay) {
				holder = sc.before
			}
			q, _ := Pos(holder)
			return q
		}
	}
	return p
}

type countryIndex struct {
	byKey map[string]int   // place in Table by folded key
	pos   [1000]int16      // 1 + place in Table by COW code (codes run from 2 to 990), 0 if none
	seat  [len(Table)]bool // by place in Table: one side of a seat change
}

// Pos returns the place of the state with COW code cow in Table, without
// a map lookup: readers call it for every row.
func Pos(cow int) (int, bool) {
	if cow < 0 || cow >= 1000 {
		return 0, false
	}
	p := index().pos[cow]
	return int(p) - 1, p > 0
}

// index builds the lookup index once; it is never modified afterwards,
// so it is safe for concurrent use.
var index = sync.OnceValue(func() *countryIndex {
	ix := &countryIndex{byKey: make(map[string]int, 8*len(Table))}
	for p, e := range Table {
		ix.pos[e.COW] = int16(p + 1)
		for _, sc := range seatChanges {
			if e.COW == sc.before || e.COW == sc.after {
				ix.seat[p] = true
			}
		}
		for _, k := range append([]string{e.ISO2, e.ISO3, e.Name}, e.Aliases...) {
			if k = FoldKey(k); k != "" {
				ix.byKey[k] = p
			}
		}
	}
	for _, c := range Codes {
		ix.byKey[FoldKey(c.Code)] = int(ix.pos[c.COW]) - 1
	}
	return ix
})

// Code returns the printable code of the state at place p of Table: its
// ISO3 code, or, for a state without one, its code in Codes.
func Code(p int) string {
	if iso := Table[p].ISO3; iso != "" {
		return iso
	}
	for _, c := range Codes {
		if c.COW == Table[p].COW {
			return c.Code
		}
	}
	return ""
}

// ByKey returns the place of the state a folded key names today, without
// the dated keys' rule (for tests of the table).
func ByKey(k string) (int, bool) {
	p, ok := index().byKey[k]
	return p, ok
}

// LookupSource resolves a name or code read from a data file, on the day
// of the roll call (zero: today), to the place of the state that held the
// seat then. It takes the UN's short names "Congo" and "Guinea" for the
// states the UN gives them to (COG and GIN), as the UN's own files write
// them: a file's names are the names of one naming scheme, not a person's
// shorthand. Package votes refuses them first where its source's naming
// or a person's does not give them to one state.
//
// A key is a COW code only if CowKey reads it as one: a key whose folded
// form is digits but that holds other marks ("(2)", "#2", "2-") is no
// code and no name.
func LookupSource(key string, on time.Time) (int, bool) {
	k := FoldKey(key)
	if code, numeric := CowKey(key); numeric {
		k = code
	} else if strings.Trim(k, "0123456789") == "" {
		return 0, false
	}
	if p, ok := Lookup(k, on); ok {
		return SeatHolder(p, on), true
	}
	return 0, false
}

// Lookup finds the place of the state a folded key names on a day (zero:
// today).
func Lookup(k string, on time.Time) (int, bool) {
	if k == "" {
		return 0, false
	}
	ix := index()
	if !on.IsZero() {
		for _, d := range DateKeys {
			if d.Key == k {
				cow := d.After
				if on.Before(d.SwitchDay) {
					cow = d.Before
				}
				return Pos(cow)
			}
		}
	}
	if p, ok := ix.byKey[k]; ok {
		return p, true
	}
	if n, err := strconv.Atoi(k); err == nil {
		return Pos(n)
	}
	return 0, false
}

// FoldKey reduces a name or code to the form lookups compare: lower case,
// without accents or punctuation, "&" as "and", "St." as "saint", words
// separated by one space, without a leading "the".
func FoldKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	word := func() {
		if b.Len() > 0 {
			space = true
		}
	}
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r == '\'' || r == '’' || r == '.' || unicode.Is(unicode.Mn, r):
			// A combining mark is part of the letter before it: the UN's
			// files write "TÜRKİYE" with I and U+0307 as well as with İ.
			// "Côte d’Ivoire" and "Cote d'Ivoire", "St." and "St": drop.
			continue
		case r == '&':
			word()
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString("and")
			word()
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteRune(foldRune(r))
		default:
			word()
		}
	}
	k := b.String()
	k = strings.TrimPrefix(k, "the ")
	if strings.HasPrefix(k, "st ") {
		k = "saint " + k[3:]
	}
	return k
}

// foldRune lower-cases r and strips the accents that occur in state names.
func foldRune(r rune) rune {
	r = unicode.ToLower(r)
	switch r {
	case 'á', 'à', 'â', 'ä', 'ã', 'å':
		return 'a'
	case 'é', 'è', 'ê', 'ë':
		return 'e'
	case 'í', 'ì', 'î', 'ï', 'ı':
		return 'i'
	case 'ó', 'ò', 'ô', 'ö', 'õ':
		return 'o'
	case 'ú', 'ù', 'û', 'ü':
		return 'u'
	case 'ç':
		return 'c'
	case 'ñ':
		return 'n'
	}
	return r
}

// PosIndex returns the table Pos reads: 1 + place in Table by COW code, 0
// if none, for loops that look up a code on every row.
func PosIndex() *[1000]int16 { return &index().pos }

// Seats returns, by place in Table, whether the state is one side of a
// seat change.
func Seats() *[len(Table)]bool { return &index().seat }
