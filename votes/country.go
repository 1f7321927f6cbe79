package votes

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
)

// Country is a state that has sat in the General Assembly.
//
// Its identity is its Correlates of War code, which the sources share: the
// seat of Yugoslavia, Serbia and Montenegro and Serbia is one Country (COW
// 345) under three names, as is the Soviet Union and Russia (365). States
// that merged or split keep separate identities, as in the COW list: the
// Federal Republic of Germany (260) and the German Democratic Republic (265)
// before 1990, Germany (255) after; the Yemen Arab Republic (678) and the
// Yemen People's Republic (680) before 1990, Yemen (679) after. The Republic
// of China (713, "Taiwan") held China's seat until October 1971, the People's
// Republic (710) since.
//
// Country values are comparable and may be used as map keys.
type Country struct {
	COW  int    // Correlates of War state code
	ISO2 string // ISO 3166-1 alpha-2 code today, or when the state last existed; "" where there is none
	ISO3 string // ISO 3166-1 alpha-3 code, likewise
	Name string // short English name today, or when the state last existed
}

// String returns the country's name.
func (c Country) String() string { return c.Name }

// NameOn returns the name the state bore on the given day, so that a 1995
// vote of COW 345 reads "Yugoslavia" and a 2019 one "Serbia".
func (c Country) NameOn(t time.Time) string {
	for _, e := range nameEras {
		if e.cow == c.COW && t.Before(e.until) {
			return e.name
		}
	}
	return c.Name
}

// nameEras lists earlier names with the day the next name took effect, in
// date order per state. Dates are those of the change of name at the UN.
var nameEras = [...]struct {
	cow   int
	name  string
	until time.Time
}{
	{345, "Yugoslavia", day(2003, 2, 4)},
	{345, "Serbia and Montenegro", day(2006, 6, 3)},
	{365, "Soviet Union", day(1991, 12, 24)},
	{370, "Byelorussian SSR", day(1991, 9, 19)},
	{369, "Ukrainian SSR", day(1991, 8, 24)},
	{343, "Macedonia", day(2019, 2, 14)},
	{572, "Swaziland", day(2018, 4, 19)},
	{490, "Congo - Kinshasa", day(1971, 10, 27)},
	{490, "Zaire", day(1997, 5, 17)},
	{439, "Upper Volta", day(1984, 8, 4)},
	{434, "Dahomey", day(1975, 11, 30)},
	{780, "Ceylon", day(1972, 5, 22)},
	{775, "Burma", day(1989, 6, 18)},
	{651, "Egypt", day(1958, 2, 22)},
	{651, "United Arab Republic", day(1971, 9, 2)},
	{811, "Cambodia", day(1970, 10, 9)},
	{811, "Khmer Republic", day(1975, 4, 17)},
	{811, "Democratic Kampuchea", day(1993, 9, 24)},
	{316, "Czech Republic", day(2016, 5, 17)},
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// dateKeys are keys that name different states before and after a day:
// the UN Digital Library writes "CHN" and "CHINA" for the Republic of China
// until the People's Republic took China's seat on 25 October 1971.
var dateKeys = [...]struct {
	key           string
	before, after int
	switchDay     time.Time
}{
	{"chn", 713, 710, day(1971, 10, 25)},
	{"cn", 713, 710, day(1971, 10, 25)},
	{"china", 713, 710, day(1971, 10, 25)},
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
	{260, 255, day(1990, 10, 3)},
	{678, 679, day(1990, 5, 22)},
}

// seatChanging reports whether the state at place p of countryTable is one
// side of a seat change, cheaply: it is asked for every vote row.
func seatChanging(p int) bool { return countries().seat[p] }

// seatHolder returns the state that held c's seat on day t: c itself,
// unless c is one side of a seat change. A zero t leaves c as it is.
func seatHolder(c Country, t time.Time) Country {
	if t.IsZero() {
		return c
	}
	for _, sc := range seatChanges {
		if c.COW == sc.before || c.COW == sc.after {
			cow := sc.after
			if t.Before(sc.switchDay) {
				cow = sc.before
			}
			if cow != c.COW {
				c, _ = CountryByCOW(cow)
			}
			return c
		}
	}
	return c
}

type countryEntry struct {
	cow        int
	iso2, iso3 string
	name       string
	aliases    []string
}

type countryIndex struct {
	byCOW map[int]Country
	byKey map[string]Country
	pos   [1000]int16             // 1 + place in countryTable by COW code (codes run from 2 to 990), 0 if none
	seat  [len(countryTable)]bool // by place in countryTable: one side of a seat change
}

// tablePos returns the place of the state with COW code cow in
// countryTable, without a map lookup: readers call it for every row.
func tablePos(cow int) (int, bool) {
	if cow < 0 || cow >= 1000 {
		return 0, false
	}
	p := countries().pos[cow]
	return int(p) - 1, p > 0
}

// countries builds the lookup index once; it is never modified afterwards,
// so it is safe for concurrent use.
var countries = sync.OnceValue(func() *countryIndex {
	ix := &countryIndex{byCOW: make(map[int]Country, len(countryTable)), byKey: make(map[string]Country, 8*len(countryTable))}
	for _, e := range countryTable {
		c := Country{COW: e.cow, ISO2: e.iso2, ISO3: e.iso3, Name: e.name}
		ix.byCOW[e.cow] = c
		ix.pos[e.cow] = int16(len(ix.byCOW))
		for _, sc := range seatChanges {
			if e.cow == sc.before || e.cow == sc.after {
				ix.seat[ix.pos[e.cow]-1] = true
			}
		}
		for _, k := range append([]string{e.iso2, e.iso3, e.name}, e.aliases...) {
			if k = foldKey(k); k != "" {
				ix.byKey[k] = c
			}
		}
	}
	return ix
})

// AllCountries returns every state in the built-in table, ordered by COW code.
func AllCountries() []Country {
	out := make([]Country, 0, len(countryTable))
	for _, e := range countryTable {
		out = append(out, Country{COW: e.cow, ISO2: e.iso2, ISO3: e.iso3, Name: e.name})
	}
	return out
}

// CountryByCOW returns the state with the given Correlates of War code.
func CountryByCOW(cow int) (Country, bool) {
	c, ok := countries().byCOW[cow]
	return c, ok
}

// LookupCountry finds a state by any of its names or codes: the COW code
// ("345"), ISO alpha-2 or alpha-3 ("RS", "SRB", "YU", "YUG"), the names the
// sources use ("Yugoslavia", "SERBIA", "Bosnia & Herzegovina", "RUSSIAN
// FEDERATION") and common aliases ("Soviet Union"). Matching ignores case,
// accents and punctuation. "NA" is Namibia.
//
// A key that named different states over time ("Germany", "China",
// "Yemen") resolves to the state that holds the seat today; use
// LookupCountryOn for the state of a given day.
func LookupCountry(key string) (Country, error) {
	return LookupCountryOn(key, time.Time{})
}

// LookupCountryOn is LookupCountry for a key read on a given day: "DEU"
// before 3 October 1990 is the Federal Republic of Germany and "Federal
// Republic of Germany" after it is Germany; "CHINA" before 25 October 1971
// is the Republic of China; "YEMEN" before 22 May 1990 is the Yemen Arab
// Republic and "Yemen Arab Republic" after it is Yemen. A zero day means
// today.
func LookupCountryOn(key string, on time.Time) (Country, error) {
	k := foldKey(key)
	if code, numeric := cowKey(key); numeric {
		k = code
	}
	if c, ok := countries().lookup(k, on); ok {
		return seatHolder(c, on), nil
	}
	return Country{}, fmt.Errorf("%w %q", ErrUnknownCountry, key)
}

func (ix *countryIndex) lookup(k string, on time.Time) (Country, bool) {
	if k == "" {
		return Country{}, false
	}
	if !on.IsZero() {
		for _, d := range dateKeys {
			if d.key == k {
				cow := d.after
				if on.Before(d.switchDay) {
					cow = d.before
				}
				return ix.byCOW[cow], true
			}
		}
	}
	if c, ok := ix.byKey[k]; ok {
		return c, true
	}
	if n, err := strconv.Atoi(k); err == nil {
		c, ok := ix.byCOW[n]
		return c, ok
	}
	return Country{}, false
}

// foldKey reduces a name or code to the form LookupCountry compares:
// lower case, without accents or punctuation, "&" as "and", "St." as
// "saint", words separated by one space, without a leading "the".
func foldKey(s string) string {
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
		case r == '\'' || r == '’' || r == '.':
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
