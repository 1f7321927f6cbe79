package countries

import (
	"strings"
	"testing"
	"time"
)

// TestCountryKeysUnique checks that no name or code of the table, once
// folded, names two states, except the keys documented in DateKeys, which
// name different seats before and after a day; and that no COW code is in
// the table twice, which Pos's index assumes.
func TestCountryKeysUnique(t *testing.T) {
	dated := map[string]bool{}
	for _, d := range DateKeys {
		dated[d.Key] = true
	}
	owner := map[string]int{}
	place := map[int]int{} // COW code to place in Table
	for p, e := range Table {
		if q, ok := place[e.COW]; ok {
			t.Errorf("COW %d is at places %d and %d of Table", e.COW, q, p)
		}
		place[e.COW] = p
		if got, ok := Pos(e.COW); !ok || got != p {
			t.Errorf("Pos(%d) = %d, %v; want %d", e.COW, got, ok, p)
		}
		for _, k := range append([]string{e.ISO2, e.ISO3, e.Name}, e.Aliases...) {
			fk := FoldKey(k)
			if fk == "" {
				continue
			}
			if prev, ok := owner[fk]; ok && prev != e.COW && !dated[fk] {
				t.Errorf("key %q (%q) names COW %d and %d", fk, k, prev, e.COW)
			}
			owner[fk] = e.COW
		}
	}
	// Each date-dependent key is a key of the state that holds it today,
	// and the lookup index resolves it to that state.
	for _, d := range DateKeys {
		p, ok := Lookup(d.Key, d.SwitchDay.AddDate(0, 0, -1))
		if !ok || Table[p].COW != d.Before {
			t.Errorf("%q the day before %s: COW %d, want %d", d.Key, d.SwitchDay.Format("2006-01-02"), Table[p].COW, d.Before)
		}
		if p, _ := ByKey(d.Key); Table[p].COW != d.After {
			t.Errorf("%q today: COW %d, want %d", d.Key, Table[p].COW, d.After)
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
		if got := FoldKey(in); got != want {
			t.Errorf("FoldKey(%q) = %q, want %q", in, got, want)
		}
	}
	for _, e := range Table {
		if strings.TrimSpace(e.Name) == "" {
			t.Errorf("COW %d has no name", e.COW)
		}
	}
}

// The UN's resolution data spell Türkiye four ways, one with a combining
// dot above (U+0307) and one with Ý where Latin-5 has İ.
func TestTurkiyeSpellings(t *testing.T) {
	for _, s := range []string{"TÜRKİYE", "TÜRKI\u0307YE", "TÜRKIYE", "TÜRKÝYE", "TURKIYE", "CÔTE D'IVOIRE", "NETHERLANDS (KINGDOM OF THE)"} {
		if _, ok := LookupSource(s, time.Time{}); !ok {
			t.Errorf("%q does not resolve", s)
		}
	}
}

// TestCodes checks that every state has a printable code, that no two
// share one, and that each is a key of its own state and of no other.
func TestCodes(t *testing.T) {
	seen := map[string]int{}
	for p, e := range Table {
		c := Code(p)
		if c == "" {
			t.Errorf("COW %d (%s) has no code", e.COW, e.Name)
			continue
		}
		if q, ok := seen[c]; ok {
			t.Errorf("code %s is COW %d's and COW %d's", c, Table[q].COW, e.COW)
		}
		seen[c] = p
		if q, ok := ByKey(FoldKey(c)); !ok || q != p {
			t.Errorf("code %s of COW %d finds place %d, %v; want %d", c, e.COW, q, ok, p)
		}
	}
	for _, c := range Codes {
		p, ok := Pos(c.COW)
		if !ok || Table[p].ISO3 != "" {
			t.Errorf("Codes gives %s to COW %d, which is not in Table or has an ISO3 code", c.Code, c.COW)
		}
		for _, e := range Table {
			for _, k := range append([]string{e.ISO2, e.ISO3, e.Name}, e.Aliases...) {
				if FoldKey(k) == FoldKey(c.Code) && e.COW != c.COW {
					t.Errorf("code %s of COW %d is a key of COW %d", c.Code, c.COW, e.COW)
				}
			}
		}
	}
}
