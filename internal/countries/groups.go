package countries

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// The built-in groups are data: each member is a key LookupKey takes
// (ISO3, or the COW code as a string for a state without one) with the days
// it joined and left. A change known only to the month or the year is
// written as the first day of that month or year, and the description says
// so.

// Days on which states left the Assembly or a seat changed hands.
const (
	zanzibarUnion     = "1964-04-26"
	yemeniUnity       = "1990-05-22"
	germanUnity       = "1990-10-03"
	czechoslovakSplit = "1993-01-01"
	chinaSeat         = "1971-10-25" // A/RES/2758 (XXVI)
	eu2004            = "2004-05-01"
	eu2007            = "2007-01-01"
)

func always(keys ...string) []GroupMember {
	out := make([]GroupMember, len(keys))
	for i, k := range keys {
		out[i] = GroupMember{Key: k}
	}
	return out
}

func since(from string, keys ...string) []GroupMember {
	out := make([]GroupMember, len(keys))
	for i, k := range keys {
		out[i] = GroupMember{Key: k, From: from}
	}
	return out
}

// periods gives one state's spans from alternating days: joined, left,
// joined again, ...; an odd count leaves the last span open.
func periods(key string, days ...string) []GroupMember {
	var out []GroupMember
	for i := 0; i < len(days); i += 2 {
		m := GroupMember{Key: key, From: days[i]}
		if i+1 < len(days) {
			m.Until = days[i+1]
		}
		out = append(out, m)
	}
	return out
}

func concat(parts ...[]GroupMember) []GroupMember { return slices.Concat(parts...) }

// unAdmissions are the days on which states were admitted to the United
// Nations (un.org, "Growth in United Nations membership" and "Member
// States"), the original members on 24 October 1945, when the Charter
// entered into force. The exceptions, which end or interrupt a membership,
// are in unDef.
var unAdmissions = []struct {
	day  string
	keys []string
}{
	{"1945-10-24", []string{"ARG", "AUS", "BEL", "BOL", "BRA", "BLR", "CAN", "CHL", "713", "COL", "CRI", "CUB",
		"315", "DNK", "DOM", "ECU", "EGY", "SLV", "ETH", "FRA", "GRC", "GTM", "HTI", "HND", "IND", "IRN", "IRQ",
		"LBN", "LBR", "LUX", "MEX", "NLD", "NZL", "NIC", "NOR", "PAN", "PRY", "PER", "PHL", "POL", "SAU", "ZAF",
		"SYR", "TUR", "UKR", "RUS", "GBR", "USA", "URY", "VEN", "345"}},
	{"1946-11-19", []string{"AFG", "ISL", "SWE"}},
	{"1946-12-16", []string{"THA"}},
	{"1947-09-30", []string{"PAK", "678"}},
	{"1948-04-19", []string{"MMR"}},
	{"1949-05-11", []string{"ISR"}},
	{"1950-09-28", []string{"IDN"}},
	{"1955-12-14", []string{"ALB", "AUT", "BGR", "KHM", "LKA", "FIN", "HUN", "IRL", "ITA", "JOR", "LAO", "LBY",
		"NPL", "PRT", "ROU", "ESP"}},
	{"1956-11-12", []string{"MAR", "SDN", "TUN"}},
	{"1956-12-18", []string{"JPN"}},
	{"1957-03-08", []string{"GHA"}},
	{"1957-09-17", []string{"MYS"}},
	{"1958-12-12", []string{"GIN"}},
	{"1960-09-20", []string{"CMR", "CAF", "TCD", "COG", "COD", "CYP", "BEN", "GAB", "CIV", "MDG", "NER", "SOM",
		"TGO", "BFA"}},
	{"1960-09-28", []string{"MLI", "SEN"}},
	{"1960-10-07", []string{"NGA"}},
	{"1961-09-27", []string{"SLE"}},
	{"1961-10-27", []string{"MRT", "MNG"}},
	{"1961-12-14", []string{"TZA"}},
	{"1962-09-18", []string{"BDI", "JAM", "RWA", "TTO"}},
	{"1962-10-08", []string{"DZA"}},
	{"1962-10-25", []string{"UGA"}},
	{"1963-05-14", []string{"KWT"}},
	{"1963-12-16", []string{"KEN", "Zanzibar"}},
	{"1964-12-01", []string{"MWI", "MLT", "ZMB"}},
	{"1965-09-21", []string{"GMB", "MDV", "SGP"}},
	{"1966-09-20", []string{"GUY"}},
	{"1966-10-17", []string{"BWA", "LSO"}},
	{"1966-12-09", []string{"BRB"}},
	{"1967-12-14", []string{"680"}},
	{"1968-04-24", []string{"MUS"}},
	{"1968-09-24", []string{"SWZ"}},
	{"1968-11-12", []string{"GNQ"}},
	{"1970-10-13", []string{"FJI"}},
	{"1971-09-21", []string{"BHR", "BTN", "QAT"}},
	{"1971-10-07", []string{"OMN"}},
	{"1971-10-25", []string{"710"}},
	{"1971-12-09", []string{"ARE"}},
	{"1973-09-18", []string{"BHS", "260", "265"}},
	{"1974-09-17", []string{"BGD", "GRD", "GNB"}},
	{"1975-09-16", []string{"CPV", "MOZ", "STP"}},
	{"1975-10-10", []string{"PNG"}},
	{"1975-11-12", []string{"COM"}},
	{"1975-12-04", []string{"SUR"}},
	{"1976-09-21", []string{"SYC"}},
	{"1976-12-01", []string{"AGO"}},
	{"1976-12-15", []string{"WSM"}},
	{"1977-09-20", []string{"DJI", "VNM"}},
	{"1978-09-19", []string{"SLB"}},
	{"1978-12-18", []string{"DMA"}},
	{"1979-09-18", []string{"LCA"}},
	{"1980-08-25", []string{"ZWE"}},
	{"1980-09-16", []string{"VCT"}},
	{"1981-09-15", []string{"VUT"}},
	{"1981-09-25", []string{"BLZ"}},
	{"1981-11-11", []string{"ATG"}},
	{"1983-09-23", []string{"KNA"}},
	{"1984-09-21", []string{"BRN"}},
	{"1990-04-23", []string{"NAM"}},
	{"1990-05-22", []string{"679"}},
	{"1990-09-18", []string{"LIE"}},
	{"1990-10-03", []string{"255"}},
	{"1991-09-17", []string{"PRK", "EST", "FSM", "LVA", "LTU", "MHL", "KOR"}},
	{"1992-03-02", []string{"ARM", "AZE", "KAZ", "KGZ", "MDA", "SMR", "TJK", "TKM", "UZB"}},
	{"1992-05-22", []string{"BIH", "HRV", "SVN"}},
	{"1992-07-31", []string{"GEO"}},
	{"1993-01-19", []string{"CZE", "SVK"}},
	{"1993-04-08", []string{"MKD"}},
	{"1993-05-28", []string{"ERI", "MCO"}},
	{"1993-07-28", []string{"AND"}},
	{"1994-12-15", []string{"PLW"}},
	{"1999-09-14", []string{"KIR", "NRU", "TON"}},
	{"2000-09-05", []string{"TUV"}},
	{"2002-09-10", []string{"CHE"}},
	{"2002-09-27", []string{"TLS"}},
	{"2006-06-28", []string{"MNE"}},
	{"2011-07-14", []string{"SSD"}},
}

// unEnds are the days on which a UN membership ended or was interrupted,
// and, for an interruption, resumed (un.org, "Member States", notes).
var unEnds = []struct {
	key, until, resumed, why string
}{
	{"713", chinaSeat, "", "the People's Republic of China took China's seat, A/RES/2758 (XXVI)"},
	{"SYR", "1958-02-21", "1961-10-13", "Syria was part of the United Arab Republic, which kept Egypt's seat"},
	{"Zanzibar", zanzibarUnion, "", "Tanganyika and Zanzibar united as one member, Tanzania"},
	{"IDN", "1965-01-20", "1966-09-28", "Indonesia withdrew from the UN and resumed its participation"},
	{"678", yemeniUnity, "", "the two Yemens united as one member, Yemen"},
	{"680", yemeniUnity, "", "the two Yemens united"},
	{"260", germanUnity, "", "the two German states united as one member, Germany"},
	{"265", germanUnity, "", "the two German states united"},
	{"345", "1992-09-22", "2000-11-01", "COW 345, Yugoslavia: the Federal Republic of Yugoslavia did not take its seat, A/RES/47/1, until it was admitted"},
	{"315", czechoslovakSplit, "", "Czechoslovakia was dissolved"},
}

// UNDef returns the definition of the "UN" group: every member state
// from its admission, with the ends and breaks of unEnds.
func UNDef() GroupDef {
	d := GroupDef{Name: "UN", Aliases: []string{"United Nations", "UN members", "UN member states"}}
	ends := make(map[string]int)
	for i, e := range unEnds {
		ends[e.key] = i
	}
	var sb strings.Builder
	sb.WriteString("The member states of the United Nations, each from its admission (un.org, 'Growth in United " +
		"Nations membership' and 'Member States'). South Africa counts as a member throughout, though the " +
		"Assembly barred it from its work from 12 November 1974 to 23 June 1994 (A/RES/48/258). Ends and breaks: ")
	for i, e := range unEnds {
		c := mustKey(e.key)
		if i > 0 {
			sb.WriteString("; ")
		}
		fmt.Fprintf(&sb, "%s until %s", c.Name, longDay(e.until))
		if e.resumed != "" {
			fmt.Fprintf(&sb, " and again from %s", longDay(e.resumed))
		}
		fmt.Fprintf(&sb, " (%s)", e.why)
	}
	sb.WriteString(". Admissions: ")
	for i, a := range unAdmissions {
		if i > 0 {
			sb.WriteString("; ")
		}
		var names []string
		for _, k := range a.keys {
			names = append(names, mustKey(k).Name)
			if j, ok := ends[k]; ok {
				e := unEnds[j]
				d.Members = append(d.Members, periods(k, a.day, e.until)...)
				if e.resumed != "" {
					d.Members = append(d.Members, periods(k, e.resumed)...)
				}
			} else {
				d.Members = append(d.Members, periods(k, a.day)...)
			}
		}
		fmt.Fprintf(&sb, "%s: %s", longDay(a.day), strings.Join(names, ", "))
	}
	sb.WriteString(".")
	d.Description = sb.String()
	return d
}

func longDay(s string) string { return MustDay(s).Format("2 January 2006") }

// A GroupMember is one state's span in a built-in group: Key is any key
// LookupKey takes (ISO3, or the COW code as a string for a state without
// one), From and Until are yyyy-mm-dd or "" (since before 1946, still a
// member).
type GroupMember struct {
	Key, From, Until string
}

// A GroupDef defines a built-in group; package votes builds its Group.
type GroupDef struct {
	Name        string
	Aliases     []string
	Description string
	Members     []GroupMember
	// Seated: a member counts only while it is a member of the United
	// Nations (UNDef), so that a state is in its UN regional group from
	// its admission until it ceased to exist.
	Seated bool
}

// LookupKey returns the place in Table of the state a key names today:
// a name, an ISO code or a COW code as a string.
func LookupKey(key string) (int, bool) {
	k := FoldKey(key)
	if code, numeric := CowKey(key); numeric {
		k = code
	}
	return Lookup(k, time.Time{})
}

// mustKey returns the row of Table a key of the groups' data names; a key
// that names no state is a bug in the data, caught by the tests.
func mustKey(key string) *Entry {
	p, ok := LookupKey(key)
	if !ok {
		panic("countries: bad key in the built-in groups: " + key)
	}
	return &Table[p]
}

// MustDay parses a day of the groups' data, yyyy-mm-dd; "" is the zero
// time. A bad day is a bug in the data, caught by the tests.
func MustDay(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic("countries: bad date in a built-in group: " + s)
	}
	return t
}

// The UN regional groups (UN Department for General Assembly and Conference
// Management, "United Nations Regional Groups of Member States"), as they
// stand today; their members count from their admission to the UN.
const regionalNote = " Each state counts from its admission to the UN until it ceased to exist (see the UN " +
	"group). The five groups took their present shape in 1963-66 (A/RES/1991 (XVIII) of 17 December 1963); " +
	"before that this group holds the states that later formed it, which the Assembly's earlier, informal " +
	"groups did not always match. The moves between groups named in the five descriptions are the only " +
	"ones this table records."

func GroupDefs() []GroupDef {
	return []GroupDef{
		UNDef(),
		{
			Name:    "African",
			Aliases: []string{"African Group", "Africa"},
			Description: "The UN's African Group, its 54 members today." + regionalNote + " Zanzibar is here " +
				"until its union with Tanganyika on 26 April 1964. South Africa is here from 23 June 1994, " +
				"when it resumed its seat in the Assembly (A/RES/48/258), and in no group before: from 12 " +
				"November 1974 the Assembly barred it from its work, and its place in the earlier, informal " +
				"groups is not established here.",
			Seated: true,
			Members: concat(always("DZA", "AGO", "BEN", "BWA", "BFA", "BDI", "CPV", "CMR", "CAF", "TCD", "COM", "COG",
				"COD", "CIV", "DJI", "EGY", "GNQ", "ERI", "SWZ", "ETH", "GAB", "GMB", "GHA", "GIN", "GNB", "KEN",
				"LSO", "LBR", "LBY", "MDG", "MWI", "MLI", "MRT", "MUS", "MAR", "MOZ", "NAM", "NER", "NGA", "RWA",
				"STP", "SEN", "SYC", "SLE", "SOM", "SSD", "SDN", "TGO", "TUN", "UGA", "TZA", "ZMB", "ZWE", "Zanzibar"),
				since("1994-06-23", "ZAF")),
		},
		{
			Name:    "Asia-Pacific",
			Aliases: []string{"Asia-Pacific Group", "Asia Pacific", "Asian", "Asian Group"},
			Description: "The UN's Asia-Pacific Group (the Asian Group until 2011), its 54 members today, " +
				"Cyprus among them." + regionalNote + " The Yemen Arab Republic and Democratic Yemen are here " +
				"until their union on 22 May 1990, the Republic of China until 25 October 1971 (the People's " +
				"Republic since). Kiribati, a member since 14 September 1999, was in no group at first and is in " +
				"this one today; it is counted from 1 January 2010, as the year 2010 is the one given for its " +
				"joining, but the sources disagree: a report of September 2011 on the group's new name lists " +
				"its Pacific members without Kiribati, and Wikipedia's 'United Nations Regional Groups' still " +
				"put it in no group in May 2014, so the true day may be later. Turkey, " +
				"which takes part in both this group and WEOG, is counted in WEOG, where it votes in elections.",
			Seated: true,
			Members: concat(always("AFG", "BHR", "BGD", "BTN", "BRN", "KHM", "CYP", "PRK", "FJI", "IND", "IDN",
				"IRN", "IRQ", "JPN", "JOR", "KAZ", "KWT", "KGZ", "LAO", "LBN", "MYS", "MDV", "MHL", "FSM",
				"MNG", "MMR", "NRU", "NPL", "OMN", "PAK", "PLW", "PNG", "PHL", "QAT", "KOR", "WSM", "SAU", "SGP",
				"SLB", "LKA", "SYR", "TJK", "THA", "TLS", "TON", "TKM", "TUV", "ARE", "UZB", "VUT", "VNM",
				"678", "680", "679", "713", "710"), since("2010-01-01", "KIR")),
		},
		{
			Name:    "Eastern European",
			Aliases: []string{"Eastern European Group", "EEG", "Eastern Europe"},
			Description: "The UN's Eastern European Group, its 23 members today (the Soviet Union as " +
				"Russia, Yugoslavia as Serbia, COW 345)." + regionalNote + " Czechoslovakia is here until " +
				"1 January 1993 and the German Democratic Republic until 3 October 1990. Yugoslavia is out " +
				"from 22 September 1992 to 1 November 2000, when it did not sit in the Assembly.",
			Seated: true,
			Members: always("ALB", "ARM", "AZE", "BLR", "BIH", "BGR", "HRV", "CZE", "EST", "GEO", "HUN", "LVA",
				"LTU", "MNE", "MKD", "POL", "MDA", "ROU", "RUS", "345", "SVK", "SVN", "UKR", "315", "265"),
		},
		{
			Name:    "GRULAC",
			Aliases: []string{"Latin American and Caribbean", "Latin American and Caribbean Group", "Latin America"},
			Description: "The UN's Group of Latin American and Caribbean States, its 33 members today." +
				regionalNote,
			Seated: true,
			Members: always("ATG", "ARG", "BHS", "BRB", "BLZ", "BOL", "BRA", "CHL", "COL", "CRI", "CUB", "DMA",
				"DOM", "ECU", "SLV", "GRD", "GTM", "GUY", "HTI", "HND", "JAM", "MEX", "NIC", "PAN", "PRY", "PER",
				"KNA", "LCA", "VCT", "SUR", "TTO", "URY", "VEN"),
		},
		{
			Name:    "WEOG",
			Aliases: []string{"Western European and Others", "Western European and Others Group", "Western Europe and Others"},
			Description: "The UN's Western European and Others Group: its 28 members today, Turkey among " +
				"them, and the United States, which sits with it as an observer and counts with it in " +
				"elections." + regionalNote + " The Federal Republic of Germany is here until 3 October 1990 " +
				"(Germany since). Israel, in no group before, is here since it joined on 28 May 2000, first " +
				"for a renewable term and in New York only (UN DGACM; Wikipedia, 'United Nations Regional " +
				"Groups').",
			Seated: true,
			Members: concat(always("AND", "AUS", "AUT", "BEL", "CAN", "DNK", "FIN", "FRA", "GRC", "ISL",
				"IRL", "ITA", "LIE", "LUX", "MLT", "MCO", "NLD", "NZL", "NOR", "PRT", "SMR", "ESP", "SWE", "CHE",
				"TUR", "GBR", "USA", "260", "255"), since("2000-05-28", "ISR")),
		},
		{
			Name: "Balkans",
			Description: "The states of the Balkan peninsula that sit in the UN: Albania, Bosnia and Herzegovina, " +
				"Bulgaria, Croatia, Greece, Montenegro, North Macedonia, Romania, Serbia (with Yugoslavia and " +
				"Serbia and Montenegro, COW 345) and Slovenia, at all dates. Kosovo is not a UN member.",
			Members: always("ALB", "BIH", "BGR", "HRV", "GRC", "MNE", "MKD", "ROU", "345", "SVN"),
		},
		{
			Name:    "Western Balkans",
			Aliases: []string{"WB6", "West Balkans"},
			Description: "The European Union's Western Balkans: Albania, Bosnia and Herzegovina, Montenegro, " +
				"North Macedonia and Serbia (Kosovo is not a UN member), and Croatia until it joined the EU on " +
				"1 July 2013 (European Commission, enlargement policy).",
			Members: concat(always("ALB", "BIH", "MNE", "MKD", "345"), periods("HRV", "", "2013-07-01")),
		},
		{
			Name:    "EU",
			Aliases: []string{"European Union", "EEC", "European Communities"},
			Description: "Member states of the European Union and, before 1993, the European Economic " +
				"Community, with accession dates (europa.eu, 'From 6 to 27 members'): the six founders on " +
				"1 January 1958 (the Federal Republic of Germany, Germany from 3 October 1990), Denmark, " +
				"Ireland and the United Kingdom 1973 (the UK left on 31 January 2020), Greece 1981, Spain and " +
				"Portugal 1986, Austria, Finland and Sweden 1995, ten states on 1 May 2004, Bulgaria and " +
				"Romania 2007, Croatia 1 July 2013.",
			Members: concat(
				since("1958-01-01", "BEL", "FRA", "ITA", "LUX", "NLD"),
				periods("260", "1958-01-01", germanUnity), periods("255", germanUnity),
				since("1973-01-01", "DNK", "IRL"),
				periods("GBR", "1973-01-01", "2020-02-01"),
				since("1981-01-01", "GRC"),
				since("1986-01-01", "ESP", "PRT"),
				since("1995-01-01", "AUT", "FIN", "SWE"),
				since(eu2004, "CYP", "CZE", "EST", "HUN", "LVA", "LTU", "MLT", "POL", "SVK", "SVN"),
				since(eu2007, "BGR", "ROU"),
				since("2013-07-01", "HRV"),
			),
		},
		{
			Name:    "EU candidates",
			Aliases: []string{"EU candidate countries", "Candidate countries", "EU candidate states"},
			Description: "The European Union's candidate countries, each from the day the European Council " +
				"granted it candidate status (for a Council of two days whose sources do not say on which " +
				"the decision fell, its last day) until it joined the EU or withdrew (European Council conclusions; " +
				"European Commission, 'EU enlargement'): the ten states of the 2004 and 2007 enlargements that " +
				"applied from central and eastern Europe, and Cyprus, from the Luxembourg European Council of " +
				"12-13 December 1997, which launched the accession process with all of them, Malta from the " +
				"Helsinki European Council of 10-11 December 1999, each until its accession (1 May 2004; " +
				"Bulgaria and Romania 1 January 2007); Turkey from 11 December 1999 (Helsinki); Croatia from " +
				"18 June 2004 until its accession on 1 July 2013; North Macedonia from 16 December 2005 (the " +
				"Council of 15-16 December); " +
				"Iceland from 17 June 2010 until it withdrew its application on 12 March 2015; Montenegro " +
				"from 17 December 2010; Serbia from 1 March 2012; Albania from 27 June 2014; Ukraine and " +
				"Moldova from 23 June 2022; Bosnia and Herzegovina from 15 December 2022; Georgia from " +
				"14 December 2023. Candidate status as a formal step dates from the 1990s: the applicants of " +
				"earlier enlargements are not here. Kosovo, a potential candidate, is not a UN member.",
			Members: concat(
				periods("CYP", "1997-12-13", eu2004),
				periods("CZE", "1997-12-13", eu2004), periods("EST", "1997-12-13", eu2004),
				periods("HUN", "1997-12-13", eu2004), periods("LVA", "1997-12-13", eu2004),
				periods("LTU", "1997-12-13", eu2004), periods("POL", "1997-12-13", eu2004),
				periods("SVK", "1997-12-13", eu2004), periods("SVN", "1997-12-13", eu2004),
				periods("MLT", "1999-12-11", eu2004),
				periods("BGR", "1997-12-13", eu2007), periods("ROU", "1997-12-13", eu2007),
				since("1999-12-11", "TUR"),
				periods("HRV", "2004-06-18", "2013-07-01"),
				since("2005-12-16", "MKD"),
				periods("ISL", "2010-06-17", "2015-03-12"),
				since("2010-12-17", "MNE"),
				since("2012-03-01", "345"),
				since("2014-06-27", "ALB"),
				since("2022-06-23", "UKR", "MDA"),
				since("2022-12-15", "BIH"),
				since("2023-12-14", "GEO"),
			),
		},
		{
			Name:    "NATO",
			Aliases: []string{"North Atlantic Treaty Organization"},
			Description: "Members of the North Atlantic Treaty Organization with accession dates (nato.int, " +
				"'NATO member countries'): twelve founders on 4 April 1949, Greece and Turkey 1952, the Federal " +
				"Republic of Germany 1955 (Germany from 3 October 1990), Spain 1982, Czechia, Hungary and " +
				"Poland 1999, seven states in 2004, Albania and Croatia 2009, Montenegro 2017, North " +
				"Macedonia 2020, Finland 2023, Sweden 2024.",
			Members: concat(
				since("1949-04-04", "BEL", "CAN", "DNK", "FRA", "ISL", "ITA", "LUX", "NLD", "NOR", "PRT", "GBR", "USA"),
				since("1952-02-18", "GRC", "TUR"),
				periods("260", "1955-05-06", germanUnity), periods("255", germanUnity),
				since("1982-05-30", "ESP"),
				since("1999-03-12", "CZE", "HUN", "POL"),
				since("2004-03-29", "BGR", "EST", "LVA", "LTU", "ROU", "SVK", "SVN"),
				since("2009-04-01", "ALB", "HRV"),
				since("2017-06-05", "MNE"),
				since("2020-03-27", "MKD"),
				since("2023-04-04", "FIN"),
				since("2024-03-07", "SWE"),
			),
		},
		{
			Name:    "P5",
			Aliases: []string{"Permanent five", "Permanent members", "Security Council permanent members"},
			Description: "The permanent members of the Security Council (UN Charter, Article 23), from the " +
				"Charter's entry into force on 24 October 1945: China, France, the Soviet Union (the Russian " +
				"Federation since 1991, one COW code), the United Kingdom and the United States. China's seat " +
				"was held by the Republic of China until 25 October 1971 and by the People's Republic since " +
				"(A/RES/2758 (XXVI)).",
			Members: concat(since("1945-10-24", "FRA", "RUS", "GBR", "USA"),
				periods("713", "1945-10-24", chinaSeat), periods("710", chinaSeat)),
		},
		{
			Name:    "G7",
			Aliases: []string{"Group of Seven"},
			Description: "The Group of Seven: France, the Federal Republic of Germany (Germany from 3 October " +
				"1990), Italy, Japan, the United Kingdom and the United States from the Rambouillet summit " +
				"of 15 November 1975, Canada from the San Juan summit of 27 June 1976 (G7 Research Group, " +
				"University of Toronto). The European Union, which takes part, is not a state and is left out. " +
				"Russia, in the G8 from 1997 until its suspension on 24 March 2014, was never in the G7 and is " +
				"not here.",
			Members: concat(since("1975-11-15", "FRA", "ITA", "JPN", "GBR", "USA"),
				periods("260", "1975-11-15", germanUnity), periods("255", germanUnity),
				since("1976-06-27", "CAN")),
		},
		{
			Name:    "G20",
			Aliases: []string{"Group of Twenty", "G-20"},
			Description: "The Group of Twenty's 19 member states, from its first meeting, of finance " +
				"ministers and central bank governors in Berlin on 15 December 1999 (g20.org, 'About the " +
				"G20'): Argentina, Australia, Brazil, Canada, China, France, Germany, India, Indonesia, Italy, " +
				"Japan, Mexico, the Republic of Korea, Russia, Saudi Arabia, South Africa, Turkey, the United " +
				"Kingdom and the United States. Its two other members are not states and are left out: the " +
				"European Union (a member from the start) and the African Union (a member since the New " +
				"Delhi summit of 9 September 2023).",
			Members: since("1999-12-15", "ARG", "AUS", "BRA", "CAN", "710", "FRA", "255", "IND", "IDN", "ITA",
				"JPN", "MEX", "KOR", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA"),
		},
		{
			Name:    "BRICS",
			Aliases: []string{"BRIC"},
			Description: "BRICS: Brazil, Russia, India and China from the first BRIC summit, in " +
				"Yekaterinburg on 16 June 2009; South Africa from 24 December 2010, when China, as chair, " +
				"announced that it had been invited and had accepted (it first took part in the Sanya summit " +
				"of 14 April 2011); Egypt, Ethiopia, Iran and the United Arab Emirates from 1 January 2024, " +
				"as agreed at the Johannesburg summit of August 2023; Indonesia from 6 January 2025, as " +
				"announced by Brazil's presidency (brics.br; Ministry of Foreign Affairs of the People's " +
				"Republic of China). Saudi Arabia, invited in 2023, has not confirmed that it takes up " +
				"membership and is not counted.",
			Members: concat(since("2009-06-16", "BRA", "RUS", "IND", "710"),
				since("2010-12-24", "ZAF"),
				since("2024-01-01", "EGY", "ETH", "IRN", "ARE"),
				since("2025-01-06", "IDN")),
		},
		{
			Name:    "ASEAN",
			Aliases: []string{"Association of Southeast Asian Nations"},
			Description: "Member states of the Association of Southeast Asian Nations (asean.org, 'ASEAN " +
				"Member States'): Indonesia, Malaysia, the Philippines, Singapore and Thailand from the " +
				"Bangkok Declaration of 8 August 1967, Brunei Darussalam from 7 January 1984, Viet Nam from " +
				"28 July 1995, Laos and Myanmar from 23 July 1997, Cambodia from 30 April 1999 and " +
				"Timor-Leste from 26 October 2025.",
			Members: concat(since("1967-08-08", "IDN", "MYS", "PHL", "SGP", "THA"),
				since("1984-01-07", "BRN"),
				since("1995-07-28", "VNM"),
				since("1997-07-23", "LAO", "MMR"),
				since("1999-04-30", "KHM"),
				since("2025-10-26", "TLS")),
		},
		{
			Name:        "African Union",
			Aliases:     []string{"AU", "OAU", "Organisation of African Unity", "Organization of African Unity"},
			Description: africanUnionDescription,
			Members:     suspend(africanUnion(), auSuspensions),
		},
		{
			Name:    "Arab League",
			Aliases: []string{"League of Arab States", "Arab Group", "Arab States"},
			Description: "Member states of the League of Arab States, with the days they joined (League of " +
				"Arab States; Wikipedia, 'Member states of the Arab League'): Egypt, Iraq, Jordan, Lebanon, " +
				"Saudi Arabia and Syria from its founding on 22 March 1945, the Yemen Arab Republic from " +
				"5 May 1945 (Yemen from 22 May 1990), Libya 28 March 1953, Sudan 19 January 1956, Morocco and " +
				"Tunisia 1 October 1958, Kuwait 20 July 1961, Algeria 16 August 1962, Democratic Yemen " +
				"12 December 1967 (until 22 May 1990), Bahrain and Qatar 11 September 1971, Oman 29 September " +
				"1971, the United Arab Emirates 6 December 1971, Mauritania 26 November 1973, Somalia " +
				"14 February 1974, Djibouti 4 September 1977, Comoros 20 November 1993. Suspensions, during " +
				"which a state is out: Egypt from 26 March 1979 (its peace treaty with Israel) to 23 May 1989; " +
				"Libya from 22 February 2011 to 27 August 2011, when the National Transitional Council took its " +
				"seat; Syria from 16 November 2011 to 7 May 2023. Palestine, a member since 9 September 1976, " +
				"is not a UN member state and is left out. The Arab Group at the UN is these 21 states and " +
				"Palestine.",
			Members: concat(
				since("1945-03-22", "IRQ", "JOR", "LBN", "SAU"),
				periods("EGY", "1945-03-22", "1979-03-26", "1989-05-23"),
				periods("SYR", "1945-03-22", "2011-11-16", "2023-05-07"),
				periods("678", "1945-05-05", yemeniUnity), periods("679", yemeniUnity),
				periods("LBY", "1953-03-28", "2011-02-22", "2011-08-27"),
				since("1956-01-19", "SDN"),
				since("1958-10-01", "MAR", "TUN"),
				since("1961-07-20", "KWT"),
				since("1962-08-16", "DZA"),
				periods("680", "1967-12-12", yemeniUnity),
				since("1971-09-11", "BHR", "QAT"),
				since("1971-09-29", "OMN"),
				since("1971-12-06", "ARE"),
				since("1973-11-26", "MRT"),
				since("1974-02-14", "SOM"),
				since("1977-09-04", "DJI"),
				since("1993-11-20", "COM"),
			),
		},
		{
			Name:        "OIC",
			Aliases:     []string{"Organisation of Islamic Cooperation", "Organization of Islamic Cooperation", "Organisation of the Islamic Conference", "Organization of the Islamic Conference"},
			Description: oicDescription,
			Members:     oic(),
		},
		{
			Name:        "NAM",
			Aliases:     []string{"Non-Aligned Movement", "Non-Aligned", "Nonaligned Movement"},
			Description: namDescription,
			Members:     nam(),
		},
		{
			Name:        "G77",
			Aliases:     []string{"Group of 77", "G-77", "Group of Seventy-Seven"},
			Description: g77Description,
			Members:     g77(),
		},
	}
}

// admitted returns the day key was first admitted to the UN, as written in
// unAdmissions.
func admitted(key string) string {
	for _, a := range unAdmissions {
		if slices.Contains(a.keys, key) {
			return a.day
		}
	}
	panic("countries: " + key + " is not in the UN admissions")
}

// fromFounding gives each state a span from the later of founded and its
// admission to the UN: the rule for the groups whose sources do not date
// each accession.
func fromFounding(founded string, keys ...string) []GroupMember {
	out := make([]GroupMember, len(keys))
	for i, k := range keys {
		from := admitted(k)
		if from < founded {
			from = founded
		}
		out[i] = GroupMember{Key: k, From: from}
	}
	return out
}

const africanUnionDescription = "Member states of the African Union and, before 9 July 2002, of the " +
	"Organisation of African Unity, with the days they joined (African Union, 'Member States', au.int; " +
	"Wikipedia, 'Member states of the African Union'): 32 founders on 25 May 1963 (with Tanganyika for " +
	"Tanzania), Kenya 13 December 1963 (some lists count it among the founders), Malawi 13 July 1964, Zambia 16 December 1964, the Gambia in 1965 " +
	"(counted from 1 January 1965: the sources disagree on the day), Botswana and Lesotho 31 October 1966, " +
	"Mauritius 1 August 1968, Eswatini 24 September 1968, Equatorial Guinea 12 October 1968, " +
	"Guinea-Bissau 19 November 1973, Cabo Verde, Comoros, Mozambique and Sao Tome and Principe 18 July " +
	"1975, Seychelles 29 June 1976, Djibouti 27 June 1977, Angola 11 February 1979, Zimbabwe in 1980 " +
	"(counted from 1 January 1980: the day is not established here), Namibia 1 June 1990, Eritrea 24 May " +
	"1993, South Africa 23 May 1994 (South African Department of International Relations and Cooperation), " +
	"South Sudan 27 July 2011. Morocco left the OAU on 12 November 1984 " +
	"and joined the African Union on 31 January 2017 (Assembly/AU/Dec.639(XXVIII)). A state is out while " +
	"the Union has suspended it from its activities (decisions of the Peace and Security Council): " +
	"Madagascar from 20 March 2009 to 27 January 2014 and again from 15 October 2025; Cote d'Ivoire from " +
	"9 December 2010 to 21 April 2011; Mali from 23 March 2012 to 24 October 2012, from 19 August 2020 to " +
	"9 October 2020 and from 1 June 2021; Guinea-Bissau from 17 April 2012 to 17 June 2014; the Central " +
	"African Republic from 25 March 2013 to 6 April 2016; Egypt from 5 July 2013 to 17 June 2014; Sudan " +
	"from 6 June 2019 to 6 September 2019 and from 27 October 2021; Guinea from 10 September 2021; Burkina " +
	"Faso from 31 January 2022; Niger from 22 August 2023; Gabon from 31 August 2023 to 30 April 2025. " +
	"Suspensions still in force are open-ended here. Earlier and shorter suspensions (Togo 2005, " +
	"Mauritania 2005-07 and 2008-09, Guinea 2008-10, Niger 2010-11, Burkina Faso 2015) are not dated " +
	"here, and those states count as members throughout them. The Sahrawi Arab Democratic Republic, a " +
	"member since 22 February 1982 and the 55th member, is not a UN member state and is left out: the " +
	"group has 54 states."

func africanUnion() []GroupMember {
	const oau = "1963-05-25"
	return concat(
		since(oau, "DZA", "BEN", "BFA", "BDI", "CMR", "CAF", "TCD", "COG", "COD", "CIV", "EGY", "ETH", "GAB",
			"GHA", "GIN", "LBR", "LBY", "MDG", "MLI", "MRT", "NER", "NGA", "RWA", "SEN", "SLE", "SOM", "SDN",
			"TZA", "TGO", "TUN", "UGA"),
		since("1963-12-13", "KEN"),
		since("1964-07-13", "MWI"),
		since("1964-12-16", "ZMB"),
		since("1965-01-01", "GMB"),
		since("1966-10-31", "BWA", "LSO"),
		since("1968-08-01", "MUS"),
		since("1968-09-24", "SWZ"),
		since("1968-10-12", "GNQ"),
		since("1975-07-18", "CPV", "COM", "MOZ", "STP"),
		since("1976-06-29", "SYC"),
		since("1977-06-27", "DJI"),
		since("1979-02-11", "AGO"),
		since("1980-01-01", "ZWE"),
		since("1990-06-01", "NAM"),
		since("1993-05-24", "ERI"),
		since("1994-05-23", "ZAF"),
		since("2011-07-27", "SSD"),
		periods("MAR", oau, "1984-11-12", "2017-01-31"),
		periods("GNB", "1973-11-19", "2012-04-17", "2014-06-17"),
	)
}

// auSuspensions are the suspensions africanUnion cuts out of the members'
// spans: key, then alternating first day out and first day back (none if
// still suspended).
var auSuspensions = map[string][]string{
	"MDG": {"2009-03-20", "2014-01-27", "2025-10-15"},
	"CIV": {"2010-12-09", "2011-04-21"},
	"MLI": {"2012-03-23", "2012-10-24", "2020-08-19", "2020-10-09", "2021-06-01"},
	"CAF": {"2013-03-25", "2016-04-06"},
	"EGY": {"2013-07-05", "2014-06-17"},
	"SDN": {"2019-06-06", "2019-09-06", "2021-10-27"},
	"GIN": {"2021-09-10"},
	"BFA": {"2022-01-31"},
	"NER": {"2023-08-22"},
	"GAB": {"2023-08-31", "2025-04-30"},
}

// suspend cuts the suspensions out of the members' spans.
func suspend(members []GroupMember, out map[string][]string) []GroupMember {
	var res []GroupMember
	for _, m := range members {
		cuts, ok := out[m.Key]
		if !ok {
			res = append(res, m)
			continue
		}
		cur := m
		for i := 0; i < len(cuts); i += 2 {
			head := cur
			head.Until = cuts[i]
			res = append(res, head)
			if i+1 == len(cuts) {
				cur.Key = ""
				break
			}
			cur.From = cuts[i+1]
		}
		if cur.Key != "" {
			res = append(res, cur)
		}
	}
	return res
}

const oicDescription = "Member states of the Organisation of Islamic Cooperation (the Organisation of " +
	"the Islamic Conference until 2011), by the year each joined (Egypt State Information Service, 'The " +
	"Organization of Islamic Cooperation', sis.gov.eg, 2023; the OIC, oic-oci.org, 'Member States'): the " +
	"states at the founding Rabat summit of 25 September 1969, from that day (Afghanistan, Algeria, Chad, " +
	"Egypt, Guinea, Indonesia, Iran, Jordan, Kuwait, Lebanon, Libya, Malaysia, Mali, Mauritania, Morocco, " +
	"Niger, Pakistan, Saudi Arabia, Senegal, Somalia, Sudan, Tunisia, Turkey and the Yemen Arab Republic, " +
	"Yemen from 22 May 1990); later members from 1 January of the year they joined, as the sources give " +
	"only the year: Bahrain, Oman, Qatar, Sierra Leone, Syria and the United Arab Emirates 1972; " +
	"Bangladesh, Burkina Faso, Cameroon, Gabon, the Gambia, Guinea-Bissau and Uganda 1974; Iraq 1975; " +
	"Comoros and Maldives 1976; Djibouti 1978; Benin 1983; Brunei Darussalam 1984; Nigeria 1986; Albania, " +
	"Azerbaijan, Kyrgyzstan, Tajikistan and Turkmenistan 1992; Mozambique 1994; Kazakhstan 1995; " +
	"Suriname and Uzbekistan 1996; Togo 1997; Guyana 1998; Cote d'Ivoire 2001. Suspensions, during which " +
	"a state is out: Egypt from May 1979 to March 1984 (counted from the first of each month) after its " +
	"peace treaty with Israel; Afghanistan from 1980 to March 1989 (from 1 January 1980 to 1 March 1989); " +
	"Syria from the extraordinary summit in Mecca of 14-15 August 2012 (from 15 August) until the Council " +
	"of Foreign Ministers reinstated it in Jeddah on 7 March 2025. Palestine, a member since 1969 and the " +
	"57th, is not a UN member state and is left out: the group has 56 states (Wikipedia gives some " +
	"states an earlier year, Syria and the Gulf states 1970). Democratic Yemen's membership is not dated by these sources and " +
	"it is left out."

func oic() []GroupMember {
	const rabat = "1969-09-25"
	return concat(
		since(rabat, "DZA", "TCD", "GIN", "IDN", "IRN", "JOR", "KWT", "LBN", "LBY", "MYS", "MLI", "MRT", "MAR",
			"NER", "PAK", "SAU", "SEN", "SOM", "SDN", "TUN", "TUR"),
		periods("AFG", rabat, "1980-01-01", "1989-03-01"),
		periods("EGY", rabat, "1979-05-01", "1984-03-01"),
		periods("678", rabat, yemeniUnity), periods("679", yemeniUnity),
		since("1972-01-01", "BHR", "OMN", "QAT", "SLE", "ARE"),
		periods("SYR", "1972-01-01", "2012-08-15", "2025-03-07"),
		since("1974-01-01", "BGD", "BFA", "CMR", "GAB", "GMB", "GNB", "UGA"),
		since("1975-01-01", "IRQ"),
		since("1976-01-01", "COM", "MDV"),
		since("1978-01-01", "DJI"),
		since("1983-01-01", "BEN"),
		since("1984-01-01", "BRN"),
		since("1986-01-01", "NGA"),
		since("1992-01-01", "ALB", "AZE", "KGZ", "TJK", "TKM"),
		since("1994-01-01", "MOZ"),
		since("1995-01-01", "KAZ"),
		since("1996-01-01", "SUR", "UZB"),
		since("1997-01-01", "TGO"),
		since("1998-01-01", "GUY"),
		since("2001-01-01", "CIV"),
	)
}

const nam1961 = "1961-09-01"

const namDescription = "Member states of the Non-Aligned Movement (120 members until January 2024, 121 " +
	"since: NAM, 'Member States', nam.go.ug; Wikipedia, 'Non-Aligned Movement'). The founders of the Belgrade " +
	"conference of 1 September 1961 count from that day: Afghanistan, Algeria, Cambodia, Cuba, Cyprus, " +
	"the Democratic Republic of the Congo, Egypt, Ethiopia, Ghana, Guinea, India, Indonesia, Iraq, " +
	"Lebanon, Mali, Morocco, Myanmar, Nepal, Saudi Arabia, Somalia, Sri Lanka, Sudan, Tunisia, the Yemen " +
	"Arab Republic (Yemen from 22 May 1990) and Yugoslavia. The day each later member joined is not in " +
	"these sources for most of them: a member whose year of joining is given here counts from 1 January of " +
	"that year (Chile and Peru 1973; Bolivia, Iran, Nicaragua and Pakistan 1979; Colombia and Ecuador " +
	"1983; Venezuela 1989; Mongolia, the Philippines, Thailand and Uzbekistan 1993; South Africa 1994; " +
	"Turkmenistan 1995; " +
	"Belarus 1998; the Dominican Republic 2000; Timor-Leste 2003; Azerbaijan and Fiji 2011); South Sudan, " +
	"the last African state to join, from 19 January 2024, when the Kampala summit admitted it (Kenya " +
	"Broadcasting Corporation, 19 January 2024); every other " +
	"member counts from its admission to the UN or 1 September 1961, whichever is later, which may be " +
	"before it joined. Former members: Cyprus and Malta (from 1973) until they joined the EU on 1 May 2004, " +
	"Argentina from 1973 until 1991 (counted to 1 January 1991), Yugoslavia until the Jakarta summit of " +
	"1 September 1992 did not seat it. Palestine is a member but not a UN member state and is left out: the " +
	"group has 120 states today, 119 before South Sudan joined."

func nam() []GroupMember {
	return concat(
		since(nam1961, "AFG", "DZA", "KHM", "CUB", "COD", "EGY", "ETH", "GHA", "GIN", "IND", "IDN", "IRQ", "LBN",
			"MLI", "MAR", "MMR", "NPL", "SAU", "SOM", "LKA", "SDN", "TUN"),
		periods("678", nam1961, yemeniUnity), periods("679", yemeniUnity),
		periods("680", admitted("680"), yemeniUnity),
		periods("CYP", nam1961, eu2004),
		periods("345", nam1961, "1992-09-01"),
		periods("MLT", "1973-01-01", eu2004),
		periods("ARG", "1973-01-01", "1991-01-01"),
		since("1973-01-01", "CHL", "PER"),
		since("1979-01-01", "BOL", "IRN", "NIC", "PAK"),
		since("1983-01-01", "COL", "ECU"),
		since("1989-01-01", "VEN"),
		since("1993-01-01", "MNG", "PHL", "THA", "UZB"),
		since("1995-01-01", "TKM"),
		since("1994-01-01", "ZAF"),
		since("1998-01-01", "BLR"),
		since("2000-01-01", "DOM"),
		since("2003-01-01", "TLS"),
		since("2011-01-01", "AZE", "FJI"),
		since("2024-01-19", "SSD"),
		// The African Group but South Sudan, and the rest of the 120
		// but Palestine, from admission or founding.
		fromFounding(nam1961, "AGO", "BEN", "BWA", "BFA", "BDI", "CPV", "CMR", "CAF", "TCD", "COM", "COG", "CIV",
			"DJI", "GNQ", "ERI", "SWZ", "GAB", "GMB", "GNB", "KEN", "LSO", "LBR", "LBY", "MDG", "MWI", "MRT",
			"MUS", "MOZ", "NAM", "NER", "NGA", "RWA", "STP", "SEN", "SYC", "SLE", "TGO", "UGA", "TZA",
			"ZMB", "ZWE",
			"BHR", "BGD", "BTN", "BRN", "PRK", "JOR", "KWT", "LAO", "MYS", "MDV", "OMN", "QAT", "SGP", "SYR",
			"ARE", "VNM", "PNG", "VUT",
			"ATG", "BHS", "BRB", "BLZ", "DMA", "GRD", "GTM", "GUY", "HTI", "HND", "JAM", "PAN", "KNA", "LCA",
			"VCT", "SUR", "TTO"),
	)
}

const g771964 = "1964-06-15"

const g77Description = "Member states of the Group of 77 (g77.org, 'The Member States of the Group of " +
	"77': 134 members until 2019, 135 since, China among them, which takes part as 'the Group of 77 and China'). It was " +
	"founded by the Joint Declaration of the Seventy-Seven Countries at UNCTAD on 15 June 1964. The day " +
	"each later member joined is not in the sources: every member counts from 15 June 1964 or its " +
	"admission to the UN, whichever is later, which for a state that joined later is before it joined; " +
	"South Africa, which joined after apartheid, counts from 1 January 1994 (the sources give the year). " +
	"Former members: Mexico until it joined the OECD on 18 May 1994; the Republic of Korea until it " +
	"joined the OECD on 12 December 1996; Cyprus and Malta until they joined the EU on 1 May 2004; " +
	"Yugoslavia, a founder, until it ceased to sit in the Assembly on 22 September 1992 (its later " +
	"standing is not established here). Palestine is a member but not a UN member state and is left out: " +
	"the group has 134 states. Azerbaijan joined as the 135th member at the Group's 43rd annual meeting of " +
	"ministers in New York in September 2019 (News.az, 28 September 2019; counted from 1 September 2019): " +
	"the published total of 134 predates it. Other former members (New Zealand, Palau, Romania) are not " +
	"dated by these sources and are left out."

func g77() []GroupMember {
	return concat(
		fromFounding(g771964,
			// Africa: the whole African Group.
			"DZA", "AGO", "BEN", "BWA", "BFA", "BDI", "CPV", "CMR", "CAF", "TCD", "COM", "COG", "COD", "CIV",
			"DJI", "EGY", "GNQ", "ERI", "SWZ", "ETH", "GAB", "GMB", "GHA", "GIN", "GNB", "KEN", "LSO", "LBR",
			"LBY", "MDG", "MWI", "MLI", "MRT", "MUS", "MAR", "MOZ", "NAM", "NER", "NGA", "RWA", "STP", "SEN",
			"SYC", "SLE", "SOM", "SSD", "SDN", "TGO", "TUN", "UGA", "TZA", "ZMB", "ZWE",
			// Asia and the Pacific.
			"AFG", "BHR", "BGD", "BTN", "BRN", "KHM", "710", "PRK", "FJI", "IND", "IDN", "IRN", "IRQ", "JOR",
			"KIR", "KWT", "LAO", "LBN", "MYS", "MDV", "MHL", "FSM", "MNG", "MMR", "NRU", "NPL", "OMN", "PAK",
			"PNG", "PHL", "QAT", "WSM", "SAU", "SGP", "SLB", "LKA", "SYR", "TJK", "THA", "TLS", "TON", "TKM",
			"ARE", "VUT", "VNM", "679",
			// Latin America and the Caribbean: GRULAC but Mexico.
			"ATG", "ARG", "BHS", "BRB", "BLZ", "BOL", "BRA", "CHL", "COL", "CRI", "CUB", "DMA", "DOM", "ECU",
			"SLV", "GRD", "GTM", "GUY", "HTI", "HND", "JAM", "NIC", "PAN", "PRY", "PER", "KNA", "LCA", "VCT",
			"SUR", "TTO", "URY", "VEN",
			// Europe.
			"BIH"),
		periods("678", g771964, yemeniUnity), periods("680", admitted("680"), yemeniUnity),
		periods("MEX", g771964, "1994-05-18"),
		periods("KOR", g771964, "1996-12-12"),
		periods("CYP", g771964, eu2004), periods("MLT", admitted("MLT"), eu2004),
		periods("345", g771964, "1992-09-22"),
		since("1994-01-01", "ZAF"),
		since("2019-09-01", "AZE"),
	)
}
