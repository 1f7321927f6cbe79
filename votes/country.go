package votes

import (
	"fmt"
	"strings"
	"time"

	"github.com/unga-go/unga/internal/countries"
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
// Name is the state's English short name at the UN today, as the General
// Assembly's voting records print it (the UN Digital Library's ms_name,
// which is the short name of the UN's list of member states and UNTERM),
// in title case and plain ASCII, without a trailing "(the)": "Saint Lucia",
// "Cote d'Ivoire", "Democratic Republic of the Congo", "Russian
// Federation", "Iran (Islamic Republic of)", "Republic of Korea", "Viet
// Nam", "Turkiye". The voting records shorten two names, and so does Name:
// "United Kingdom" and "United States" (the UN's short names add "of Great
// Britain and Northern Ireland" and "of America"). Two short names are keys
// LookupCountry refuses as ambiguous, "Congo" and "Guinea": for those two
// states Name is the UN's formal name, "Republic of the Congo" and
// "Republic of Guinea", so that every Name is found again by LookupCountry
// and no table prints a bare "Congo". States that no longer sit bear the
// UN's name for them when they last sat ("Federal Republic of Germany",
// "German Democratic Republic", "Czechoslovakia", "Democratic Yemen",
// "Zanzibar"), or their own formal name where the UN's is today another
// member's: "Yemen Arab Republic" (which sat as "Yemen") and "Republic of
// China" (which sat as "China" until 1971). NameOn gives the name of a
// given day ("Yugoslavia", "Swaziland", "Zaire"). A program should key
// states by ISO3 or COW, not by Name.
//
// Country values are comparable and may be used as map keys.
type Country struct {
	COW  int    // Correlates of War state code
	ISO2 string // ISO 3166-1 alpha-2 code today, or when the state last existed; "" where there is none
	ISO3 string // ISO 3166-1 alpha-3 code, likewise (see Code for the three states without one)
	Name string // the UN's English short name, in ASCII (see below)
}

// String returns the country's name.
func (c Country) String() string { return c.Name }

// Code returns a code to print for the state, never empty for a state of
// the table: its ISO3 code, or, for the three states ISO 3166-1 gives no
// alpha-3 code of their own, the Correlates of War abbreviation: "GFR"
// for the Federal Republic of Germany (ISO's DEU passed to Germany),
// "YAR" for the Yemen Arab Republic (YEM passed to Yemen) and "ZAN" for
// Zanzibar (never coded). LookupCountry(c.Code()) gives back c. The
// ISO3 field, and the iso3 column of every CSV written from it, stays
// empty for those three states: their cow column identifies them.
func (c Country) Code() string {
	if c.ISO3 != "" {
		return c.ISO3
	}
	if p, ok := countries.Pos(c.COW); ok {
		return countries.Code(p)
	}
	return ""
}

// NameOn returns the name the state bore at the UN on the given day, so
// that a 1995 vote of COW 345 reads "Yugoslavia" and a 2019 one "Serbia".
// A zero day gives Name.
func (c Country) NameOn(t time.Time) string {
	if t.IsZero() {
		return c.Name
	}
	for _, e := range countries.FormerNames {
		if e.COW == c.COW && t.Before(e.Until) {
			return e.Name
		}
	}
	return c.Name
}

func day(y int, m time.Month, d int) time.Time { return countries.Day(y, m, d) }

// countryAt returns the state at place p of countries.Table, the one
// table of states: a Country is made from its row, never stored apart.
func countryAt(p int) Country {
	e := &countries.Table[p]
	return Country{COW: e.COW, ISO2: e.ISO2, ISO3: e.ISO3, Name: e.Name}
}

// AllCountries returns every state in the built-in table, ordered by COW code.
func AllCountries() []Country {
	out := make([]Country, len(countries.Table))
	for p := range countries.Table {
		out[p] = countryAt(p)
	}
	return out
}

// CountryByCOW returns the state with the given Correlates of War code.
func CountryByCOW(cow int) (Country, bool) {
	p, ok := countries.Pos(cow)
	if !ok {
		return Country{}, false
	}
	return countryAt(p), true
}

// LookupCountry finds a state by any of its names or codes: the COW code
// ("345"), ISO alpha-2 or alpha-3 ("RS", "SRB", "YU", "YUG"), the UN's
// names ("Russian Federation", "Cote d'Ivoire"), the names the sources use
// ("Yugoslavia", "SERBIA", "Bosnia & Herzegovina", "Congo - Kinshasa") and
// common English names and abbreviations ("Russia", "UK", "Britain", "DPRK",
// "South Korea", "DRC", "Lao PDR", "Ivory Coast", "Soviet Union"). Matching
// ignores case, accents and punctuation, and a leading "the". "NA" is
// Namibia. LookupCountry(c.ISO3), LookupCountry(c.Code()) and
// LookupCountry(strconv.Itoa(c.COW)) give back c for every state that has
// such a code (codes that changed hands aside: see below).
//
// A key that ordinary usage gives to more than one state ("Congo", "Korea",
// "Guinea") is refused with an *AmbiguousCountryError, which wraps
// ErrAmbiguousCountry and lists the candidates with their codes: use a code
// or a longer name. "Congo" and "Guinea" are so refused although they are
// the UN's short names of COG and GIN (whose Names are therefore "Republic
// of the Congo" and "Republic of Guinea"): a lookup does not guess between
// states. Every Country's Name is found by LookupCountry. An unknown key gives an error wrapping ErrUnknownCountry; the
// message says so where the key names a non-member (the Holy See, the State
// of Palestine, Kosovo), which casts no vote in the General Assembly.
//
// A key that named different states over time ("Germany", "China",
// "Yemen", "DEU", "CHN", "YEM") is not ambiguous: it resolves to the state
// that holds the seat today (Germany, 255; China, 710; Yemen, 679); use
// LookupCountryOn for the state of a given day. The German Democratic
// Republic and the Yemen People's Republic are found only by their own
// names ("German Democratic Republic", "East Germany", "Democratic Yemen",
// "South Yemen") and codes.
func LookupCountry(key string) (Country, error) {
	return LookupCountryOn(key, time.Time{})
}

// LookupCountryOn is LookupCountry for a key read on a given day: "DEU"
// before 3 October 1990 is the Federal Republic of Germany and "Federal
// Republic of Germany" after it is Germany; "CHINA" before 25 October 1971
// is the Republic of China; "YEMEN" before 22 May 1990 is the Yemen Arab
// Republic and "Yemen Arab Republic" after it is Yemen. A zero day means
// today. Ambiguous keys are refused whatever the day.
func LookupCountryOn(key string, on time.Time) (Country, error) {
	k := countries.FoldKey(key)
	for _, a := range ambiguousKeys {
		if a.key == k {
			e := &AmbiguousCountryError{Key: key}
			for _, cow := range a.cows {
				c, _ := CountryByCOW(cow)
				e.Candidates = append(e.Candidates, c)
			}
			return Country{}, e
		}
	}
	c, err := lookupSource(key, on)
	if err != nil {
		for _, n := range nonMembers {
			if n.key == k {
				return Country{}, fmt.Errorf("%w %q (%s)", ErrUnknownCountry, key, n.what)
			}
		}
	}
	return c, err
}

// lookupSource resolves a name or code read from a data file, on the day of
// the roll call (zero: today), to the state that held the seat then.
// Unlike LookupCountry it takes the UN's short names "Congo" and "Guinea"
// for the states the UN gives them to (COG and GIN), as the UN Digital
// Library and unvotes write them: a file's names are the names of one
// naming scheme, not a person's shorthand. The readers make this lookup
// for every name and code they read.
func lookupSource(key string, on time.Time) (Country, error) {
	if p, ok := countries.LookupSource(key, on); ok {
		return countryAt(p), nil
	}
	return Country{}, fmt.Errorf("%w %q", ErrUnknownCountry, key)
}

// lookupSourceToday is lookupSource for a key read without a day.
func lookupSourceToday(key string) (Country, error) { return lookupSource(key, time.Time{}) }

// ambiguousKeys are folded keys that name several states in ordinary use.
// None of them is in countryTable but "congo" and "guinea", the UN's short
// names of COG and GIN, which lookupSource takes.
var ambiguousKeys = [...]struct {
	key  string
	cows []int
}{
	{"congo", []int{484, 490}},
	{"korea", []int{731, 732}},
	{"guinea", []int{438, 404, 411, 910}},
}

// nonMembers are keys of states and entities that are not members of the
// United Nations and so have no votes, for a clearer error.
var nonMembers = [...]struct{ key, what string }{
	{"holy see", "the Holy See is a non-member observer state and does not vote"},
	{"vatican", "the Holy See is a non-member observer state and does not vote"},
	{"vatican city", "the Holy See is a non-member observer state and does not vote"},
	{"palestine", "the State of Palestine is a non-member observer state and does not vote in the General Assembly"},
	{"state of palestine", "the State of Palestine is a non-member observer state and does not vote in the General Assembly"},
	{"pse", "the State of Palestine is a non-member observer state and does not vote in the General Assembly"},
	{"kosovo", "Kosovo is not a member of the United Nations"},
}

// AmbiguousCountryError reports a key that names more than one state.
type AmbiguousCountryError struct {
	Key        string    // the key as given
	Candidates []Country // the states it may mean, the likeliest first
}

// Error lists the candidates with their codes.
func (e *AmbiguousCountryError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%v %q: it may mean ", ErrAmbiguousCountry, e.Key)
	for i, c := range e.Candidates {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s (%s, COW %d)", c.Name, c.Code(), c.COW)
	}
	b.WriteString("; give a code or a longer name")
	return b.String()
}

// Unwrap lets errors.Is(err, ErrAmbiguousCountry) match.
func (e *AmbiguousCountryError) Unwrap() error { return ErrAmbiguousCountry }
