package countries

import "time"

// The facts about the states that are not one per row of Table: earlier
// names with their dates, the codes of the states without an ISO3 code,
// and the order of fame that names blocs. They are kept here, beside
// Table, so that everything the module knows about a state is in this
// package and nowhere else.

// FormerNames lists the names a state bore at the UN before its Name, each
// with the day the next name took effect, in date order per state. Dates
// are those of the change of name at the UN.
var FormerNames = [...]struct {
	COW   int
	Name  string
	Until time.Time
}{
	{345, "Yugoslavia", Day(2003, 2, 4)},
	{345, "Serbia and Montenegro", Day(2006, 6, 3)},
	{365, "Union of Soviet Socialist Republics", Day(1991, 12, 24)},
	{370, "Byelorussian Soviet Socialist Republic", Day(1991, 9, 19)},
	{369, "Ukrainian Soviet Socialist Republic", Day(1991, 8, 24)},
	{343, "The former Yugoslav Republic of Macedonia", Day(2019, 2, 14)},
	{572, "Swaziland", Day(2018, 4, 19)},
	{490, "Democratic Republic of the Congo", Day(1971, 10, 27)},
	{490, "Zaire", Day(1997, 5, 17)},
	{439, "Upper Volta", Day(1984, 8, 4)},
	{434, "Dahomey", Day(1975, 11, 30)},
	{780, "Ceylon", Day(1972, 5, 22)},
	{775, "Burma", Day(1989, 6, 18)},
	{651, "Egypt", Day(1958, 2, 22)},
	{651, "United Arab Republic", Day(1971, 9, 2)},
	{811, "Cambodia", Day(1970, 10, 9)},
	{811, "Khmer Republic", Day(1975, 4, 17)},
	{811, "Democratic Kampuchea", Day(1993, 9, 24)},
	{316, "Czech Republic", Day(2016, 5, 17)},
	{402, "Cape Verde", Day(2013, 10, 24)},
	{620, "Libyan Arab Jamahiriya", Day(2011, 9, 16)},
	{640, "Turkey", Day(2022, 6, 1)},
}

// Codes are the printable codes of the states ISO 3166-1 gives no alpha-3
// code of their own, their ISO3 being "" in Table: the Correlates of War
// abbreviations. ISO coded the Federal Republic of Germany DE/DEU and the
// Yemen Arab Republic YE/YEM, codes their successors kept (so ISO 3166-3
// has no former code for them), and Zanzibar, which merged into Tanzania
// in 1964, before ISO 3166, was never coded. No code here is an ISO3 code
// of Table or a key of another state.
var Codes = [...]struct {
	COW  int
	Code string
}{
	{260, "GFR"},
	{511, "ZAN"},
	{678, "YAR"},
}

// BestKnown lists states by how well a reader knows them, by ISO3 code:
// the five permanent members of the Security Council, the other members
// of the G20, then states often in the news on Assembly votes. Package
// cluster names blocs by it (cluster.BestKnownISO3, whose doc lists it).
var BestKnown = [...]string{
	"USA", "CHN", "RUS", "GBR", "FRA",
	"DEU", "JPN", "IND", "BRA", "CAN", "AUS", "ITA", "KOR", "MEX", "IDN", "TUR", "SAU", "ARG", "ZAF",
	"ISR", "IRN", "CUB", "VEN", "PRK", "SYR", "UKR", "EGY", "NGA", "PAK", "SRB", "BLR", "NIC",
	"ESP", "NLD", "POL", "SWE", "NOR", "CHE", "NZL", "KEN", "ETH", "DZA", "MAR", "IRQ", "VNM", "PHL",
	"THA", "MYS", "SGP", "BGD", "COL", "CHL", "PER", "HUN", "MHL", "FSM", "PLW", "NRU",
}
