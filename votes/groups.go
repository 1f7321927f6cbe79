package votes

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/unga-go/unga/internal/countries"
)

// A Group is a named set of states whose membership may change over time,
// such as the European Union or the Balkans.
//
// Membership is asked on a day (Contains, Members) or on a roll call
// (ContainsOn). A roll call without a date (Voeten's 2016 file has one,
// rcid 4592) has no day to ask on: ContainsOn then counts a state only if
// it was a member throughout the roll call's session (SessionSpan), so that
// an undated roll call can never seat a state that had left or not yet
// joined; Contains with a zero day, by contrast, asks whether the state was
// ever a member, and must not be given an undated roll call's date.
type Group struct {
	Name        string
	Description string // what the group is and where its list comes from
	members     []membership
}

// membership is one state's time in a group: from From (inclusive) until
// Until (exclusive). A zero From means since before 1946; a zero Until
// means still a member.
type membership struct {
	country     Country
	from, until time.Time
}

// during reports whether the membership covers day t. A zero t asks whether
// the state was ever a member.
func (m membership) during(t time.Time) bool {
	if t.IsZero() {
		return true
	}
	return !t.Before(m.from) && (m.until.IsZero() || t.Before(m.until))
}

// NewGroup returns a group of the given states, members at all times.
func NewGroup(name string, members ...Country) Group {
	g := Group{Name: name}
	for _, c := range members {
		g.members = append(g.members, membership{country: c})
	}
	g.sort()
	return g
}

func (g *Group) sort() {
	slices.SortStableFunc(g.members, func(a, b membership) int {
		if a.country.COW != b.country.COW {
			return a.country.COW - b.country.COW
		}
		return a.from.Compare(b.from)
	})
}

// Contains reports whether c was a member on day t; a zero t asks whether c
// was ever a member. For a roll call, use ContainsOn, which does not take
// an undated roll call for "ever".
func (g Group) Contains(c Country, t time.Time) bool {
	for _, m := range g.members {
		if m.country.COW == c.COW && m.during(t) {
			return true
		}
	}
	return false
}

// ContainsOn reports whether c was a member of g when roll call rc was
// voted: on its day, or, for a roll call without a date, throughout its
// session (ContainsThroughout over SessionSpan(rc.Session)). A roll call
// with neither a date nor a session has no members. This is the rule every
// measure of a group on a roll call follows (group medians, cohesion,
// outliers), so that an undated roll call counts only states that were
// members whatever its day.
func (g Group) ContainsOn(c Country, rc *RollCall) bool {
	if !rc.Date.IsZero() {
		return g.Contains(c, rc.Date)
	}
	from, to := SessionSpan(rc.Session)
	if from.IsZero() {
		return false
	}
	return g.ContainsThroughout(c, from, to)
}

// MembersOn returns the states that were members of g when roll call rc was
// voted, by COW code, by the rule of ContainsOn.
func (g Group) MembersOn(rc *RollCall) []Country {
	var out []Country
	for _, m := range g.members {
		if (len(out) == 0 || out[len(out)-1] != m.country) && g.ContainsOn(m.country, rc) {
			out = append(out, m.country)
		}
	}
	return out
}

// ContainsThroughout reports whether c was a member on every day from from
// through to, inclusive. It panics if either day is zero or to is before
// from.
func (g Group) ContainsThroughout(c Country, from, to time.Time) bool {
	if from.IsZero() || to.IsZero() || to.Before(from) {
		panic("votes: ContainsThroughout needs two days in order")
	}
	cur := from // the first day not yet covered
	for _, m := range g.members {
		if m.country.COW != c.COW || cur.Before(m.from) {
			continue
		}
		if m.until.IsZero() {
			return true
		}
		if m.until.After(cur) {
			cur = m.until
			if cur.After(to) {
				return true
			}
		}
	}
	return false
}

// SessionSpan returns days that bound regular session s of the General
// Assembly, generously: from 1 September of the year it opened (1945+s;
// the first session opened in January 1946, so its span starts on 1
// January 1946) through 30 September of the next year, which covers the
// session and its resumed parts whatever the exact opening day. It returns
// zero times for a session below 1 or above 8053, whose span would end
// after the year 9999. Membership throughout this span is
// membership throughout the session. (The sources number a few special and
// emergency special sessions held before a regular session opened with the
// coming session: 36 dated roll calls of the embedded record lie outside
// their session's span. The span bounds the regular session, which is what
// an undated roll call's membership needs.)
func SessionSpan(s int) (from, to time.Time) {
	if s < 1 || s > maxSpanSession {
		return time.Time{}, time.Time{}
	}
	from = time.Date(1945+s, time.September, 1, 0, 0, 0, 0, time.UTC)
	if s == 1 {
		from = time.Date(1946, time.January, 1, 0, 0, 0, 0, time.UTC)
	}
	return from, time.Date(1946+s, time.September, 30, 0, 0, 0, 0, time.UTC)
}

// maxSpanSession is the last session SessionSpan bounds: its span ends in
// 9999, the last year of four digits. Without a bound, 1946+s overflows an
// int for the largest s into a year before the first session.
const maxSpanSession = 9999 - 1946

// Members returns the states that were members on day t (ever, for a zero
// t), by COW code.
func (g Group) Members(t time.Time) []Country {
	var out []Country
	for _, m := range g.members {
		if m.during(t) && (len(out) == 0 || out[len(out)-1] != m.country) {
			out = append(out, m.country)
		}
	}
	return out
}

// String returns the group's name.
func (g Group) String() string { return g.Name }

// Groups returns the built-in groups: the Balkans, the Western Balkans, the
// European Union, NATO and the five UN regional groups (African,
// Asia-Pacific, Eastern European, Latin American and Caribbean, Western
// European and Others). Each call returns new values.
func Groups() []Group {
	out := make([]Group, 0, len(groupDefs))
	for _, d := range groupDefs {
		out = append(out, d.build())
	}
	return out
}

// LookupGroup returns the built-in group with the given name or alias, case
// insensitively: "Balkans", "Western Balkans", "EU", "NATO", "African",
// "Asia-Pacific", "Eastern European", "GRULAC", "WEOG".
func LookupGroup(name string) (Group, error) {
	k := countries.FoldKey(name)
	for _, d := range groupDefs {
		for _, a := range append([]string{d.name}, d.aliases...) {
			if countries.FoldKey(a) == k {
				return d.build(), nil
			}
		}
	}
	var names []string
	for _, d := range groupDefs {
		names = append(names, d.name)
	}
	return Group{}, fmt.Errorf("%w %q (known: %s)", ErrUnknownGroup, name, strings.Join(names, ", "))
}

type groupMember struct {
	key         string // any key LookupCountry takes
	from, until string // yyyy-mm-dd or ""
}

type groupDef struct {
	name        string
	aliases     []string
	description string
	members     []groupMember
}

func (d groupDef) build() Group {
	g := Group{Name: d.name, Description: d.description}
	for _, m := range d.members {
		c, err := LookupCountry(m.key)
		if err != nil {
			panic("votes: bad built-in group " + d.name + ": " + err.Error()) // a bug in the table, caught by the tests
		}
		g.members = append(g.members, membership{country: c, from: mustDay(m.from), until: mustDay(m.until)})
	}
	g.sort()
	return g
}

func mustDay(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic("votes: bad date in a built-in group: " + s)
	}
	return t
}

// Days on which states left the Assembly, for the groups that list them.
const (
	zanzibarUnion     = "1964-04-26"
	yemeniUnity       = "1990-05-22"
	germanUnity       = "1990-10-03"
	czechoslovakSplit = "1993-01-01"
	chinaSeat         = "1971-10-25"
)

func always(keys ...string) []groupMember {
	out := make([]groupMember, len(keys))
	for i, k := range keys {
		out[i] = groupMember{key: k}
	}
	return out
}

func since(from string, keys ...string) []groupMember {
	out := make([]groupMember, len(keys))
	for i, k := range keys {
		out[i] = groupMember{key: k, from: from}
	}
	return out
}

func concat(parts ...[]groupMember) []groupMember { return slices.Concat(parts...) }

var groupDefs = [...]groupDef{
	{
		name: "Balkans",
		description: "The states of the Balkan peninsula that sit in the UN: Albania, Bosnia and Herzegovina, " +
			"Bulgaria, Croatia, Greece, Montenegro, North Macedonia, Romania, Serbia (with Yugoslavia and " +
			"Serbia and Montenegro, COW 345) and Slovenia, at all dates. Kosovo is not a UN member.",
		members: always("ALB", "BIH", "BGR", "HRV", "GRC", "MNE", "MKD", "ROU", "345", "SVN"),
	},
	{
		name:    "Western Balkans",
		aliases: []string{"WB6", "West Balkans"},
		description: "The European Union's Western Balkans: Albania, Bosnia and Herzegovina, Montenegro, " +
			"North Macedonia and Serbia (Kosovo is not a UN member), and Croatia until it joined the EU on " +
			"1 July 2013 (European Commission, enlargement policy).",
		members: concat(always("ALB", "BIH", "MNE", "MKD", "345"), []groupMember{{key: "HRV", until: "2013-07-01"}}),
	},
	{
		name:    "EU",
		aliases: []string{"European Union", "EEC", "European Communities"},
		description: "Member states of the European Union and, before 1993, the European Economic " +
			"Community, with accession dates (europa.eu, 'From 6 to 27 members'): the six founders on " +
			"1 January 1958 (the Federal Republic of Germany, Germany from 3 October 1990), Denmark, " +
			"Ireland and the United Kingdom 1973 (the UK left on 31 January 2020), Greece 1981, Spain and " +
			"Portugal 1986, Austria, Finland and Sweden 1995, ten states on 1 May 2004, Bulgaria and " +
			"Romania 2007, Croatia 1 July 2013.",
		members: concat(
			since("1958-01-01", "BEL", "FRA", "ITA", "LUX", "NLD"),
			[]groupMember{{key: "260", from: "1958-01-01", until: germanUnity}, {key: "255", from: germanUnity}},
			since("1973-01-01", "DNK", "IRL"),
			[]groupMember{{key: "GBR", from: "1973-01-01", until: "2020-02-01"}},
			since("1981-01-01", "GRC"),
			since("1986-01-01", "ESP", "PRT"),
			since("1995-01-01", "AUT", "FIN", "SWE"),
			since("2004-05-01", "CYP", "CZE", "EST", "HUN", "LVA", "LTU", "MLT", "POL", "SVK", "SVN"),
			since("2007-01-01", "BGR", "ROU"),
			since("2013-07-01", "HRV"),
		),
	},
	{
		name:    "NATO",
		aliases: []string{"North Atlantic Treaty Organization"},
		description: "Members of the North Atlantic Treaty Organization with accession dates (nato.int, " +
			"'NATO member countries'): twelve founders on 4 April 1949, Greece and Turkey 1952, the Federal " +
			"Republic of Germany 1955 (Germany from 3 October 1990), Spain 1982, Czechia, Hungary and " +
			"Poland 1999, seven states in 2004, Albania and Croatia 2009, Montenegro 2017, North " +
			"Macedonia 2020, Finland 2023, Sweden 2024.",
		members: concat(
			since("1949-04-04", "BEL", "CAN", "DNK", "FRA", "ISL", "ITA", "LUX", "NLD", "NOR", "PRT", "GBR", "USA"),
			since("1952-02-18", "GRC", "TUR"),
			[]groupMember{{key: "260", from: "1955-05-06", until: germanUnity}, {key: "255", from: germanUnity}},
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
		name:    "African",
		aliases: []string{"African Group", "Africa"},
		description: "The UN's African Group (UN Department for General Assembly and Conference " +
			"Management, 'United Nations Regional Groups of Member States'), today's 54 members at all " +
			"dates, with Zanzibar until its union with Tanganyika on 26 April 1964.",
		members: concat(always("DZA", "AGO", "BEN", "BWA", "BFA", "BDI", "CPV", "CMR", "CAF", "TCD", "COM", "COG",
			"COD", "CIV", "DJI", "EGY", "GNQ", "ERI", "SWZ", "ETH", "GAB", "GMB", "GHA", "GIN", "GNB", "KEN",
			"LSO", "LBR", "LBY", "MDG", "MWI", "MLI", "MRT", "MUS", "MAR", "MOZ", "NAM", "NER", "NGA", "RWA",
			"STP", "SEN", "SYC", "SLE", "SOM", "ZAF", "SSD", "SDN", "TGO", "TUN", "UGA", "TZA", "ZMB", "ZWE"),
			[]groupMember{{key: "Zanzibar", until: zanzibarUnion}}),
	},
	{
		name:    "Asia-Pacific",
		aliases: []string{"Asia-Pacific Group", "Asia Pacific", "Asian"},
		description: "The UN's Asia-Pacific Group (same source), today's members at all dates, with " +
			"the Yemen Arab Republic and the Yemen People's Republic until 22 May 1990 (Yemen since) and " +
			"the Republic of China until 25 October 1971 (the People's Republic since). Cyprus is here; Turkey, which takes part in both this group and WEOG, is counted in WEOG, where it " +
			"votes in elections.",
		members: concat(always("AFG", "BHR", "BGD", "BTN", "BRN", "KHM", "CYP", "PRK", "FJI", "IND", "IDN",
			"IRN", "IRQ", "JPN", "JOR", "KAZ", "KIR", "KWT", "KGZ", "LAO", "LBN", "MYS", "MDV", "MHL", "FSM",
			"MNG", "MMR", "NRU", "NPL", "OMN", "PAK", "PLW", "PNG", "PHL", "QAT", "KOR", "WSM", "SAU", "SGP",
			"SLB", "LKA", "SYR", "TJK", "THA", "TLS", "TON", "TKM", "TUV", "ARE", "UZB", "VUT", "VNM"),
			[]groupMember{{key: "678", until: yemeniUnity}, {key: "680", until: yemeniUnity}, {key: "679", from: yemeniUnity},
				{key: "713", until: chinaSeat}, {key: "710", from: chinaSeat}}),
	},
	{
		name:    "Eastern European",
		aliases: []string{"Eastern European Group", "EEG", "Eastern Europe"},
		description: "The UN's Eastern European Group (same source), today's 23 members at all dates " +
			"(the Soviet Union as Russia, Yugoslavia as Serbia), with Czechoslovakia until 1993 and the " +
			"German Democratic Republic until 3 October 1990.",
		members: concat(always("ALB", "ARM", "AZE", "BLR", "BIH", "BGR", "HRV", "CZE", "EST", "GEO", "HUN", "LVA",
			"LTU", "MNE", "MKD", "POL", "MDA", "ROU", "RUS", "345", "SVK", "SVN", "UKR"),
			[]groupMember{{key: "315", until: czechoslovakSplit}, {key: "265", until: germanUnity}}),
	},
	{
		name:    "GRULAC",
		aliases: []string{"Latin American and Caribbean", "Latin American and Caribbean Group", "Latin America"},
		description: "The UN's Group of Latin American and Caribbean States (same source), today's 33 " +
			"members at all dates.",
		members: always("ATG", "ARG", "BHS", "BRB", "BLZ", "BOL", "BRA", "CHL", "COL", "CRI", "CUB", "DMA",
			"DOM", "ECU", "SLV", "GRD", "GTM", "GUY", "HTI", "HND", "JAM", "MEX", "NIC", "PAN", "PRY", "PER",
			"KNA", "LCA", "VCT", "SUR", "TTO", "URY", "VEN"),
	},
	{
		name:    "WEOG",
		aliases: []string{"Western European and Others", "Western European and Others Group", "Western Europe and Others"},
		description: "The UN's Western European and Others Group (same source): its 28 members and the " +
			"United States, which sits with it as an observer and counts with it in elections, at all " +
			"dates, with Turkey, and the Federal Republic of Germany until 3 October 1990 (Germany since); " +
			"Israel since it joined on 28 May 2000.",
		members: concat(always("AND", "AUS", "AUT", "BEL", "CAN", "DNK", "FIN", "FRA", "GRC", "ISL",
			"IRL", "ITA", "LIE", "LUX", "MLT", "MCO", "NLD", "NZL", "NOR", "PRT", "SMR", "ESP", "SWE", "CHE",
			"TUR", "GBR", "USA"), []groupMember{{key: "260", until: germanUnity}, {key: "255", from: germanUnity}},
			since("2000-05-28", "ISR")),
	},
}
