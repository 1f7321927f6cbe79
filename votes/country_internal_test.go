package votes

import (
	"strings"
	"testing"
)

// TestCountryKeysUnique checks that no name or code of the table, once
// folded, names two states, except the keys documented in dateKeys, which
// name different seats before and after a day.
func TestCountryKeysUnique(t *testing.T) {
	dated := map[string]bool{}
	for _, d := range dateKeys {
		dated[d.key] = true
	}
	owner := map[string]int{}
	for _, e := range countryTable {
		for _, k := range append([]string{e.iso2, e.iso3, e.name}, e.aliases...) {
			fk := foldKey(k)
			if fk == "" {
				continue
			}
			if prev, ok := owner[fk]; ok && prev != e.cow && !dated[fk] {
				t.Errorf("key %q (%q) names COW %d and %d", fk, k, prev, e.cow)
			}
			owner[fk] = e.cow
		}
	}
	// Each date-dependent key is a key of the state that holds it today,
	// and the lookup index resolves it to that state.
	for _, d := range dateKeys {
		c, ok := countries().lookup(d.key, d.switchDay.AddDate(0, 0, -1))
		if !ok || c.COW != d.before {
			t.Errorf("%q the day before %s: %v, want COW %d", d.key, d.switchDay.Format("2006-01-02"), c, d.before)
		}
		if c := countries().byKey[d.key]; c.COW != d.after {
			t.Errorf("%q today: COW %d, want %d", d.key, c.COW, d.after)
		}
	}
}

func TestFoldKey(t *testing.T) {
	for in, want := range map[string]string{
		"Côte d’Ivoire":                      "cote divoire",
		"COTE D'IVOIRE":                      "cote divoire",
		"Bosnia & Herzegovina":               "bosnia and herzegovina",
		"St. Kitts & Nevis":                  "saint kitts and nevis",
		"The Gambia":                         "gambia",
		"  RUSSIAN   FEDERATION ":            "russian federation",
		"VENEZUELA (BOLIVARIAN REPUBLIC OF)": "venezuela bolivarian republic of",
		"São Tomé and Príncipe":              "sao tome and principe",
		"Guinea-Bissau":                      "guinea bissau",
	} {
		if got := foldKey(in); got != want {
			t.Errorf("foldKey(%q) = %q, want %q", in, got, want)
		}
	}
	for _, e := range countryTable {
		if strings.TrimSpace(e.name) == "" {
			t.Errorf("COW %d has no name", e.cow)
		}
	}
}
