package votes_test

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/unga-go/unga/votes"
)

func TestAllCountries(t *testing.T) {
	all := votes.AllCountries()
	if !slices.IsSortedFunc(all, func(a, b votes.Country) int { return a.COW - b.COW }) {
		t.Error("AllCountries is not sorted by COW code")
	}
	seen := map[int]bool{}
	for _, c := range all {
		if seen[c.COW] {
			t.Errorf("COW %d listed twice", c.COW)
		}
		seen[c.COW] = true
		if got, ok := votes.CountryByCOW(c.COW); !ok || got != c {
			t.Errorf("CountryByCOW(%d) = %v, %v", c.COW, got, ok)
		}
		// Every state is found by its own name and codes.
		for _, k := range []string{c.Name, c.ISO2, c.ISO3, strconv.Itoa(c.COW)} {
			if k == "" {
				continue
			}
			got, err := votes.LookupCountry(k)
			if err != nil || got.COW != c.COW {
				// Keys that changed hands name today's holder.
				if k == "DE" || k == "DEU" || k == "YE" || k == "YEM" || k == "CN" || k == "CHN" {
					continue
				}
				t.Errorf("LookupCountry(%q) = %v (COW %d), %v; want COW %d", k, got, got.COW, err, c.COW)
			}
		}
	}
	// 200 states in unvotes and in Voeten's file, and the table holds at
	// least those.
	if len(all) < 200 {
		t.Errorf("%d states in the table, want at least 200", len(all))
	}
	if _, ok := votes.CountryByCOW(999); ok {
		t.Error("CountryByCOW(999) found a state")
	}
	for _, k := range []string{"Atlantis", "", "XX", "9999"} {
		if _, err := votes.LookupCountry(k); !errors.Is(err, votes.ErrUnknownCountry) {
			t.Errorf("LookupCountry(%q): %v, want ErrUnknownCountry", k, err)
		}
	}
}

// TestSourcesResolve checks that every (name, code) pair of un_votes.csv
// and every ccode of Voeten's file names a state of the table, the code
// agreeing with the name.
func TestSourcesResolve(t *testing.T) {
	pairs := map[[2]string]bool{}
	for _, r := range rawUnvotesRows(t) {
		pairs[[2]string{r.country, r.code}] = true
	}
	// 200 names, each with one code (Python csv on un_votes.csv).
	if len(pairs) != 200 {
		t.Errorf("%d (name, code) pairs, want 200", len(pairs))
	}
	for p := range pairs {
		c, err := votes.LookupSource(p[0], time.Time{})
		if err != nil {
			t.Errorf("unvotes name %q: %v", p[0], err)
			continue
		}
		if p[1] == "NA" {
			// R's missing value, also Namibia's code: the name decides.
			if c.COW != 565 && c.ISO2 != "" {
				t.Errorf("%q has code NA but ISO code %q", p[0], c.ISO2)
			}
			continue
		}
		byCode, err := votes.LookupSource(p[1], time.Time{})
		if err != nil || byCode.COW != c.COW {
			t.Errorf("unvotes %q is COW %d, its code %q gives %v (%v)", p[0], c.COW, p[1], byCode, err)
		}
	}
	ccodes := map[int]bool{}
	for _, r := range rawVoetenRows(t) {
		ccodes[r.ccode] = true
	}
	if len(ccodes) != 200 {
		t.Errorf("%d ccodes in Voeten's file, want 200", len(ccodes))
	}
	for cc := range ccodes {
		if _, ok := votes.CountryByCOW(cc); !ok {
			t.Errorf("Voeten's ccode %d is not in the table", cc)
		}
	}
}

func TestLookupCountry(t *testing.T) {
	for _, tc := range []struct {
		key string
		cow int
	}{
		{"Serbia", 345}, {"SRB", 345}, {"RS", 345}, {"YU", 345}, {"345", 345}, {"Yugoslavia", 345},
		{"SERBIA", 345}, {"Serbia and Montenegro", 345}, {"yugoslavia", 345},
		{"RUSSIAN FEDERATION", 365}, {"Soviet Union", 365}, {"USSR", 365},
		{"BOSNIA AND HERZEGOVINA", 346}, {"Bosnia & Herzegovina", 346},
		{"NA", 565}, {"Namibia", 565}, {"NAM", 565},
		{"Côte d'Ivoire", 437}, {"COTE D'IVOIRE", 437},
		{"Federal Republic of Germany", 260}, {"German Democratic Republic", 265},
		{"Yemen Arab Republic", 678}, {"Yemen People's Republic", 680}, {"Zanzibar", 511},
		// Today's holders of the keys that changed hands.
		{"DEU", 255}, {"Germany", 255}, {"CHINA", 710}, {"YEMEN", 679},
	} {
		c, err := votes.LookupCountry(tc.key)
		if err != nil || c.COW != tc.cow {
			t.Errorf("LookupCountry(%q) = %v (COW %d), %v; want COW %d", tc.key, c, c.COW, err, tc.cow)
		}
	}
}

func TestLookupCountryOn(t *testing.T) {
	// Switch days: German unification 3 October 1990, Yemeni 22 May 1990,
	// GA resolution 2758 of 25 October 1971 on China's seat.
	for _, tc := range []struct {
		key, day string
		cow      int
	}{
		{"DEU", "1990-10-02", 260}, {"DEU", "1990-10-03", 255}, {"GERMANY", "1973-09-18", 260}, {"DE", "2019-12-09", 255},
		{"CHINA", "1971-10-24", 713}, {"CHINA", "1971-10-25", 710}, {"CHN", "1950-01-01", 713}, {"CN", "2022-03-02", 710},
		{"YEMEN", "1990-05-21", 678}, {"YEMEN", "1990-05-22", 679}, {"YEM", "1970-01-01", 678}, {"YE", "2000-01-01", 679},
		// Keys of one state whatever the day.
		{"SRB", "1950-01-01", 345}, {"Taiwan", "2020-01-01", 713},
		// The name of a seat's former holder, on a day after the change,
		// is its successor: unified Germany's official name is the old one.
		{"Federal Republic of Germany", "1990-10-02", 260}, {"Federal Republic of Germany", "1995-01-01", 255},
		{"Yemen Arab Republic", "1990-05-21", 678}, {"Yemen Arab Republic", "1990-12-06", 679},
	} {
		c, err := votes.LookupCountryOn(tc.key, day(tc.day))
		if err != nil || c.COW != tc.cow {
			t.Errorf("LookupCountryOn(%q, %s) = %v (COW %d), %v; want COW %d", tc.key, tc.day, c, c.COW, err, tc.cow)
		}
	}
}

func TestNameOn(t *testing.T) {
	for _, tc := range []struct {
		cow       int
		day, name string
	}{
		{345, "1995-06-01", "Yugoslavia"}, {345, "2003-02-03", "Yugoslavia"}, {345, "2003-02-04", "Serbia and Montenegro"},
		{345, "2004-06-01", "Serbia and Montenegro"}, {345, "2006-06-03", "Serbia"}, {345, "2019-12-09", "Serbia"},
		{365, "1990-01-01", "Union of Soviet Socialist Republics"}, {365, "1992-01-01", "Russian Federation"},
		{343, "2018-12-22", "The former Yugoslav Republic of Macedonia"}, {343, "2019-12-09", "North Macedonia"},
		{2, "1950-01-01", "United States"}, {490, "1965-01-01", "Democratic Republic of the Congo"},
		{490, "1980-01-01", "Zaire"}, {490, "2019-01-01", "Democratic Republic of the Congo"},
		{640, "2019-12-09", "Turkey"}, {640, "2022-06-01", "Turkiye"}, {402, "2010-01-01", "Cape Verde"},
		// A zero day is today's name.
		{345, "", "Serbia"}, {365, "", "Russian Federation"},
	} {
		c, _ := votes.CountryByCOW(tc.cow)
		var on time.Time
		if tc.day != "" {
			on = day(tc.day)
		}
		if got := c.NameOn(on); got != tc.name {
			t.Errorf("COW %d on %s: %q, want %q", tc.cow, tc.day, got, tc.name)
		}
	}
}

// TestLookupCommonNames checks the names people type, with the state each
// means (ISO 3166-1 alpha-3 codes).
func TestLookupCommonNames(t *testing.T) {
	for key, iso3 := range map[string]string{
		"UK": "GBR", "Britain": "GBR", "Great Britain": "GBR", "United Kingdom": "GBR",
		"USA": "USA", "US": "USA", "U.S.": "USA", "United States of America": "USA",
		"DPRK": "PRK", "DPR Korea": "PRK", "North Korea": "PRK", "South Korea": "KOR", "ROK": "KOR", "Republic of Korea": "KOR",
		"DRC": "COD", "DR Congo": "COD", "Congo-Kinshasa": "COD", "Congo - Kinshasa": "COD", "Zaire": "COD",
		"Congo-Brazzaville": "COG", "Republic of the Congo": "COG", "Congo - Brazzaville": "COG",
		"Lao PDR": "LAO", "Laos": "LAO", "Ivory Coast": "CIV", "Cote d'Ivoire": "CIV", "Côte d’Ivoire": "CIV",
		"Russia": "RUS", "Soviet Union": "RUS", "Iran": "IRN", "Syria": "SYR", "Vietnam": "VNM", "Viet Nam": "VNM",
		"Bolivia": "BOL", "Venezuela": "VEN", "Tanzania": "TZA", "Moldova": "MDA", "Czechia": "CZE",
		"Czech Republic": "CZE", "Turkey": "TUR", "Turkiye": "TUR", "Türkiye": "TUR", "North Macedonia": "MKD",
		"Macedonia": "MKD", "Eswatini": "SWZ", "Swaziland": "SWZ", "Cape Verde": "CPV", "Cabo Verde": "CPV",
		"Burma": "MMR", "East Timor": "TLS", "Micronesia": "FSM", "Brunei": "BRN", "The Gambia": "GMB",
		"Saint Lucia": "LCA", "St. Lucia": "LCA", "St Vincent": "VCT", "Sao Tome and Principe": "STP",
		"UAE": "ARE", "Republic of Guinea": "GIN", "Equatorial Guinea": "GNQ", "Papua New Guinea": "PNG",
		"Guinea-Bissau": "GNB", "Korea, Rep.": "KOR", "Congo, Dem. Rep.": "COD",
	} {
		c, err := votes.LookupCountry(key)
		if err != nil || c.ISO3 != iso3 {
			t.Errorf("LookupCountry(%q) = %v (%s), %v; want %s", key, c, c.ISO3, err, iso3)
		}
	}
}

// TestLookupAmbiguous checks that a key shared by several states is an
// error naming every candidate, whatever the day.
func TestLookupAmbiguous(t *testing.T) {
	for key, want := range map[string][]string{
		"Congo":     {"COG", "COD"},
		"the Congo": {"COG", "COD"},
		"CONGO":     {"COG", "COD"},
		"Korea":     {"PRK", "KOR"},
		"Guinea":    {"GIN", "GNB", "GNQ", "PNG"},
	} {
		for _, on := range []time.Time{{}, day("1980-01-01")} {
			c, err := votes.LookupCountryOn(key, on)
			var amb *votes.AmbiguousCountryError
			if !errors.Is(err, votes.ErrAmbiguousCountry) || !errors.As(err, &amb) {
				t.Errorf("LookupCountryOn(%q, %v) = %v, %v; want ErrAmbiguousCountry", key, on, c, err)
				continue
			}
			if errors.Is(err, votes.ErrUnknownCountry) {
				t.Errorf("%q: an ambiguous key is not unknown: %v", key, err)
			}
			var got []string
			for _, c := range amb.Candidates {
				got = append(got, c.ISO3)
				if !strings.Contains(err.Error(), c.ISO3) || !strings.Contains(err.Error(), c.Name) {
					t.Errorf("%q: message %q does not name %s (%s)", key, err, c.Name, c.ISO3)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("%q: candidates %v, want %v", key, got, want)
			}
		}
	}
	// Readers take "Congo" and "Guinea" as the UN writes them, for COG and
	// GIN (the UN Digital Library's "CONGO", unvotes' "Guinea").
	for key, iso3 := range map[string]string{"CONGO": "COG", "Guinea": "GIN", "GUINEA": "GIN"} {
		if c, err := votes.LookupSource(key, time.Time{}); err != nil || c.ISO3 != iso3 {
			t.Errorf("lookupSource(%q) = %v, %v; want %s", key, c, err, iso3)
		}
	}
	// The error reaches users through CountryIndex too.
	ds := unvotesData(t)
	if _, err := ds.CountryIndex("Korea"); !errors.Is(err, votes.ErrAmbiguousCountry) {
		t.Errorf(`CountryIndex("Korea"): %v, want ErrAmbiguousCountry`, err)
	}
	// Non-members are unknown, with a word on why.
	for _, k := range []string{"Holy See", "Vatican", "Palestine", "State of Palestine", "Kosovo"} {
		_, err := votes.LookupCountry(k)
		if !errors.Is(err, votes.ErrUnknownCountry) || !strings.Contains(err.Error(), "member") {
			t.Errorf("LookupCountry(%q): %v, want ErrUnknownCountry saying it is not a member", k, err)
		}
	}
}

// TestNamesPlain checks the printed names: ASCII only, no "St." and no
// "Congo - Kinshasa" style, and the UN short names of a few states the
// issue names (UN member states list).
func TestNamesPlain(t *testing.T) {
	for _, c := range votes.AllCountries() {
		for i := 0; i < len(c.Name); i++ {
			if c.Name[i] >= 0x80 {
				t.Errorf("COW %d: name %q is not ASCII", c.COW, c.Name)
				break
			}
		}
		if strings.Contains(c.Name, "St.") || strings.Contains(c.Name, " - ") || strings.Contains(c.Name, "&") {
			t.Errorf("COW %d: name %q is not the UN's style", c.COW, c.Name)
		}
	}
	for cow, want := range map[int]string{
		56: "Saint Lucia", 437: "Cote d'Ivoire", 490: "Democratic Republic of the Congo", 484: "Republic of the Congo",
		438: "Republic of Guinea",
		57:  "Saint Vincent and the Grenadines", 60: "Saint Kitts and Nevis", 403: "Sao Tome and Principe",
		365: "Russian Federation", 630: "Iran (Islamic Republic of)", 732: "Republic of Korea",
		731: "Democratic People's Republic of Korea", 200: "United Kingdom", 2: "United States",
		812: "Lao People's Democratic Republic", 816: "Viet Nam", 510: "United Republic of Tanzania",
		359: "Republic of Moldova", 652: "Syrian Arab Republic", 402: "Cabo Verde", 640: "Turkiye",
	} {
		if c, _ := votes.CountryByCOW(cow); c.Name != want {
			t.Errorf("COW %d is named %q, want %q", cow, c.Name, want)
		}
	}
}

// TestCode checks that every state has a printable code that finds it
// again: the Federal Republic of Germany, which "Germany" names in 1985,
// has no ISO3 code (ISO's DEU is Germany's) and printed as "(, COW 260)".
func TestCode(t *testing.T) {
	frg, err := votes.LookupCountryOn("Germany", time.Date(1985, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if frg.COW != 260 || frg.ISO3 != "" || frg.Code() != "GFR" {
		t.Errorf("Germany in 1985: COW %d, ISO3 %q, Code %q; want 260, \"\", \"GFR\"", frg.COW, frg.ISO3, frg.Code())
	}
	seen := map[string]int{}
	for _, c := range votes.AllCountries() {
		code := c.Code()
		if code == "" || (c.ISO3 != "" && code != c.ISO3) {
			t.Errorf("%s (COW %d): Code %q, ISO3 %q", c.Name, c.COW, code, c.ISO3)
		}
		if cow, dup := seen[code]; dup {
			t.Errorf("code %s is COW %d's and COW %d's", code, cow, c.COW)
		}
		seen[code] = c.COW
		if got, err := votes.LookupCountry(code); err != nil || got != c {
			t.Errorf("LookupCountry(%q) = %v, %v; want %s (COW %d)", code, got, err, c.Name, c.COW)
		}
	}
	for cow, want := range map[int]string{511: "ZAN", 678: "YAR", 265: "DDR", 345: "SRB"} {
		if c, _ := votes.CountryByCOW(cow); c.Code() != want {
			t.Errorf("COW %d: Code %q, want %q", cow, c.Code(), want)
		}
	}
}
