// Package votes reads the roll-call votes of the UN General Assembly into
// one in-memory model, with states that keep one identity across sources
// and changes of name.
//
// # Sources
//
// Four public layouts are read, taking columns by name and gzip
// transparently:
//
//   - the unvotes / tidytuesday triplet (un_votes.csv, un_roll_calls.csv,
//     un_roll_call_issues.csv), sessions 1-74: ReadUnvotes, or ReadFile on
//     their folder. R writes missing values as "NA", which is also
//     Namibia's ISO code: states are matched by name first, so Namibia is
//     never lost.
//   - Erik Voeten's Dataverse file (UNVotesPublished.csv, or UNVotes.csv with
//     the newer columns), one row per state and roll call, votes coded 1 yes,
//     2 abstain, 3 no, 8 absent, 9 not a member, dates m/d/yyyy, a
//     session-based year column. A roll call's details come from its first
//     good row; every other row of it must give the same text in every
//     roll-call column read (ErrConflict). The year, Country and
//     Countryname columns are not read (the year follows from the session,
//     the state from ccode), and rows may differ in them.
//   - the UN Digital Library bulk CSV (2025 and 2026 layouts), states by ISO
//     alpha-3 and upper-case name, votes Y, N, A, X, sessions "79" or
//     "ES-11", totals "120.0" (a count, never negative).
//   - the UN's machine-readable General Assembly resolutions
//     (github.com/UNxml/GAresolutions, data_extract/*.json, sessions 74
//     on), JSON Lines, one object a line, one line per adopted resolution;
//     see "The UN's resolution data" below. Source: United Nations.
//
// Read and ReadFile detect the layout from the header (JSON Lines from
// their first character, "{"). Write writes a canonical CSV that reads
// back into an equal dataset, an empty one too (as a header and a row of
// empty fields). Its iso3 and country columns are for people and are not
// read: cow names the state. The readers are this package's own and fill
// the types below directly: there is one definition of the model, and of
// its errors.
//
// Each layout accepts exactly its own vote codes (unvotes yes, abstain, no;
// Voeten 1, 2, 3, 8, 9; the Digital Library Y, N, A, X or empty; the
// canonical CSV the names Vote.String gives), and a bad code's error lists
// them. Dates are yyyy-mm-dd (a time of day after it is allowed) or
// m/d/yyyy, in the years 1945-2100. A regular session must agree with its
// date: the vote falls between September of 1943+N and September of
// 1947+N, a tolerance that every real file needs (unvotes and Voeten date
// 47/1 1992-09-03, still in session 46, and 59/307 2005-12-08, in session
// 60). A vote of a special session takes the regular session in progress
// on its date, so one without a date is an error; without a session column
// (some Voeten extracts) every roll call takes the session of its date.
// Rows of one roll call must agree on every roll-call column read (Voeten
// and the Digital Library repeat them on every row; a later row of the
// canonical CSV leaves them empty or repeats them), and a vote given twice
// on its note and member flag (ErrConflict); a state's name and code must
// not name two states (ErrUnknownCountry); a column read must not be named
// twice (ErrDuplicateColumn). Each of these is an error with its line,
// never a silent choice of the first row or the last.
//
// # The UN's resolution data
//
// The files are published by the United Nations' Documentation division.
// Their terms: free to use at the user's risk, and whoever uses them must
// acknowledge the United Nations as the source; so must anything built on
// what this package reads from them.
//
// Each line gives a resolution's symbol ("A/RES/80/4", "A/RES/75/290 A",
// "A/RES/ES-11/1"), title, adoption date ("29 October 2025", with a
// no-break space or not, or "2019-10-10 00:00:00" in 74.json), meeting
// record (pv), the draft ("A/80/L.6") or, for a resolution a Main
// Committee reported, the committee's report ("A/77/463/Add.3, para. 29")
// as originating_document (read as RollCall.Draft or CommitteeReport),
// Main Committee, agenda item
// and its name, how it was adopted (adoption_type "By a recorded vote" or
// "Without a vote", from session 78 also voting_type), the three lists
// MS_in_favour, MS_against and MS_abstaining with their counts (strings,
// "N.A." where there is none), sponsors and additional sponsors, subjects
// and SDGs. Subjects are pairs [term, scheme]: the UNBIS Thesaurus terms
// ("CRIMEA (UKRAINE)") are read into RollCall.Subjects, joined by "; " as
// the Digital Library joins them (RollCall.SubjectTerms splits them); the
// Dag Hammarskjöld Library's names of bodies and instruments (scheme
// "DHLAUTH", 2,541 pairs) and the references to the agenda (["68c",
// "A/77/251"]) are not read. A recorded vote becomes a roll call whose ID is
// derived from the symbol (the same whichever files are read together);
// states on the lists vote Yes, No or Abstain, every other member of the
// day is Absent (absent, or without a vote under Article 19), and a state
// that was not a member is NonMember, membership being the "UN" group's
// (LookupGroup), the one table of admissions and departures. The
// canonical CSV (Write) and WriteLong carry every field read;
// Dataset.Adoptions stays with the dataset. Resolutions adopted without a vote
// are not roll calls: Dataset.Adoptions counts them, with the recorded
// votes, session by session. Names are resolved by the one country table,
// which takes every spelling of the files ("TÜRKİYE" with İ or with I and
// a combining dot, "TÜRKÝYE", "TURKIYE", "CÔTE D'IVOIRE", "NETHERLANDS
// (KINGDOM OF THE)"); an unknown name on a list is a *ParseError with its
// line and field, never a dropped vote.
//
// Sponsors are resolved to states where the entry names states: one name,
// a state sponsoring for a group ("CUBA (ON BEHALF OF ... THE GROUP OF 77
// AND CHINA)"), or a list of names every one of which resolves ("Austria,
// Trinidad and Tobago and Uruguay"). Anything else is kept apart, as
// written, in RollCall.OtherSponsors: organs and officers ("SUBMITTED BY
// THE CHAIR OF THE COMMITTEE", "the representative of Canada, on behalf of
// the Bureau"), observer states ("STATE OF PALESTINE"), and the entries the
// files garble ("GE RMANY", "ANGOLA BAHAMAS", "SOLOMON" on one line and
// "ISLANDS" on the next), each of the last reported in Reader.Repaired,
// since a lookup must not guess.
//
// What the files get wrong, and what the reader does (Reader.Repaired for
// what it resolves, Reader.Skipped and Reader.Lenient for what it must
// leave out, as for the other layouts):
//
//   - a resolution on several lines with the same votes (36 extra lines in
//     79.json, A/RES/79/263-334; 3 in 80.json, 80/64, 80/131, 80/144): one
//     roll call, from the first line; each repeat is reported
//     (ErrDuplicateRollCall). The repeats differ only in the spelling or
//     order of names, sponsors and SDGs;
//   - the same symbol with other votes, date or adoption: an error naming
//     both lines (ErrConflict);
//   - a list that names a state twice (A/RES/75/290 A lists its 90 states
//     in favour and 47 abstaining twice each): read once, reported
//     (ErrRepeatedName);
//   - a count that disagrees with its list (A/RES/77/293 counts 59
//     abstentions and lists 58): the list decides, reported
//     (ErrCountMismatch). "N.A." is no count, and nothing to check;
//   - a recorded vote without lists (A/RES/75/254 A-C, counted 168-2-0): an
//     error (ErrNoVotes); a lenient read leaves it out and counts it in
//     Skipped, and Adoptions still counts it as adopted by a recorded vote;
//   - a state on two lists of one resolution: an error (ErrDuplicateVote);
//   - a line that does not say how the resolution was adopted and lists no
//     votes (A/RES/79/259 A-C, 80/84 A-B, 80/236 A-B, 80/244 A-C): counted
//     as Unstated in Adoptions, reported (ErrNoVotes);
//   - a committee written "#fifthCommittee" (5 lines of 78.json): read as
//     "Fifth Committee", reported.
//
// The files lack ES-11/7 (24 February 2025) and later emergency-session
// resolutions, and 74.json stops on 2019-12-27, without the session's
// resolutions of 2020 (recorded votes on A/RES/74/300-307 among them).
//
// # Model
//
// A Dataset holds the states (rows, by Correlates of War code), the roll
// calls (columns, by session, date and id) and one Vote per cell:
// Yes, Abstain, No, Absent (a member that did not vote), NonMember, or
// NoRecord where the source says nothing (the unvotes data record no
// absences). Resolution symbols are normalised to "A/RES/68/262" whatever
// the source wrote ("R/68/262"); the raw text is kept. Sessions are regular
// session numbers; votes of emergency special sessions carry the name in
// one form ("ES-11", "S-10", whatever the source wrote: "es-011" is
// "ES-11") in RollCall.Special (ParseSession).
//
// RollCall.Source names where a roll call came from, as the reader was
// told (Reader.Source). Join puts two datasets together roll call by roll
// call: the first's roll calls, and the second's that the first lacks,
// matched by symbol and date, with the votes they record differently
// reported; package undata joins the unvotes record with the UN's
// resolution data so, and a program extends a record with a newer file
// the same way.
//
// Dataset.MarshalBinary encodes a dataset as a compact, checksummed
// snapshot that UnmarshalBinary reads back whole, many times faster than
// any text layout (package undata embeds its record so); a snapshot is
// this package's own and versioned, not a format for exchange.
//
// # Identity
//
// A state's identity is its COW code. Yugoslavia, Serbia and Montenegro and
// Serbia are COW 345 in every source (Voeten and unvotes call it
// Yugoslavia to the end; the Digital Library writes SRB "SERBIA"), the
// Soviet Union and Russia are 365. A vote belongs to the state that held the
// seat on the day: unvotes files united Germany's and Yemen's votes of late
// 1990 under the Federal Republic and the Yemen Arab Republic, and they are
// read as Germany's (255) and Yemen's (679), which makes every vote of
// Voeten's 2016 file agree with unvotes. Dataset.JoinPredecessors goes
// further, on request: it counts the Federal Republic's and the Yemen Arab
// Republic's votes as Germany's and Yemen's (Successions), so that their
// series do not break in 1990.
//
// Country.Name is the UN's English short name of today in plain ASCII, as
// the General Assembly's voting records print it ("Saint Lucia", "Cote
// d'Ivoire", "Democratic Republic of the Congo", "Russian Federation",
// "Iran (Islamic Republic of)", "United Kingdom", "United States");
// Country.NameOn gives the name of a day ("Yugoslavia", "Zaire"). Tables
// should identify states by ISO3 or COW code, which never change. Three
// states have no ISO3 code of their own (the Federal Republic of Germany,
// the Yemen Arab Republic, Zanzibar): their ISO3 is empty, in every CSV
// too, and Country.Code gives a code to print for every state (GFR, YAR,
// ZAN for those three).
//
// LookupCountry takes any name or code: the UN's, the sources', and the
// common ones ("UK", "Britain", "DPRK", "DRC", "Lao PDR", "South Korea",
// "Ivory Coast", "Russia", "Turkey"). A key that names several states
// ("Congo", "Korea", "Guinea") is an error wrapping ErrAmbiguousCountry that
// lists them with their codes (*AmbiguousCountryError): a lookup never
// guesses between states. A number is a COW code only if it is all digits
// ("2", or "2.0"): "-2", "+2", "2.5" and "(2)" are no code. Readers follow
// the same rule in the naming of their source, which may give a short name
// to one state: the UN's own files call the Republic of the Congo "CONGO"
// and Guinea "GUINEA", unvotes calls Guinea "Guinea" but never writes a
// bare "Congo", so "Congo" in an unvotes file, and "Korea" anywhere, is an
// *AmbiguousCountryError with its line. Keys that changed hands
// ("Germany", "CHN", "YEM") are read by the day of the roll call
// (LookupCountryOn).
//
// # Selections
//
// Dataset.Filter keeps the roll calls that pass every Filter (InSessions,
// InYears, Between, HasIssue, ImportantOnly, Resolutions, TextMatches,
// Contested, Special, Amendments, AdoptedResolutions, and for the UN's
// resolution data HasSubject, SponsoredBy and InCommittee);
// Dataset.SelectCountries keeps
// states, and Dataset.Voters the states that cast a vote in the selection,
// saying which it dropped. Between compares calendar days, each end's day
// as it reads in its own location, so a day built in any time zone selects
// the roll calls of that day. A roll call without a date passes no date
// filter (InYears, or Between with an end set). A reversed range
// (InYears(2019, 2010), InSessions(74, 60), Between with from after to) is
// a mistake in the program: the filter panics, as a reversed slice
// expression does, rather than select nothing. RollCall.Unanimous is
// judged once, on every vote read, and
// kept by every selection: narrowing the states never makes a roll call
// unanimous. So is whether a roll call carried, which AdoptedResolutions
// reads.
//
// From 2020 on the UN's resolution data hold only adopted resolutions,
// voted as a whole; before, the record also holds separate votes on
// paragraphs and amendments (RollCall.IsPart), failed drafts and motions.
// A series that crosses the two mixes kinds of roll call, and the break
// can look like a trend: filter with AdoptedResolutions on both sides
// (audit's Coverage.KindNote says where a dataset's kind changes). WriteLong writes any selection as a long, vote-level CSV.
//
// Within a selection, LastChange finds where a state's votes last changed:
// given its row (Dataset.Row), the roll call from which it has cast one
// vote, after casting another, such as a state's turn from no to
// abstaining on a family of resolutions.
//
// Groups have membership by date (LookupGroup, Groups): the UN and its
// five regional groups, the EU and its candidates, NATO, the Balkans, the
// P5, G7, G20, BRICS, ASEAN, the African Union, the Arab League, the OIC,
// the Non-Aligned Movement and the G77, each change dated and sourced in
// the group's Description. Membership on a roll call is
// Group.ContainsOn(c, rc) (or MembersOn): on the roll call's day, or, for a
// roll call without a date (Voeten's 2016 file has one), throughout its
// session (SessionSpan), so that an undated roll call can never count a
// state that left or joined during the session. Group.Contains with a zero
// day means "ever a member" and is not for roll calls. (Package alignment's
// group measures take the stricter course of leaving undated roll calls out
// and counting them.)
//
// # Errors
//
// Bad input gives a *ParseError with file, line, column and field, wrapping
// a sentinel error (ErrUnknownVote, ErrMissingColumn, ErrDuplicateVote,
// ErrBadDate, ErrUnknownCountry, ...) for errors.Is. Messages quote at most
// 64 bytes of the input. A Reader with Lenient set skips bad rows, keeps
// the first MaxSkipped (1,000) of them in Reader.Skipped and counts all in
// Reader.SkippedRows.
//
// Memory is bounded whatever the input: a line, or a record whose quoted
// fields span lines, is at most 1 MiB, a field 256 KiB, a record 1,000
// fields, a read 100,000 roll calls, and a gzip stream may decompress to
// at most 2 GiB (ErrLimit, which ends a lenient read too; a Reader's
// MaxLineBytes, MaxFieldBytes, MaxColumns, MaxRollCalls and
// MaxDecompressedBytes raise them), so a gigabyte without a line end fails
// on its first megabyte, held in memory or not, and a 20 MB gzip of 4
// million one-vote roll calls is refused within 1 GiB. A header without
// rows is ErrEmpty unless Reader.AllowEmpty is set; lines ending in CR
// alone, quoted fields or not, and UTF-16 text are named as such
// (ErrUnknownFormat); a reader that keeps returning no data fails with
// io.ErrNoProgress; a missing file of an unvotes folder wraps
// fs.ErrNotExist. A Reader is not safe for concurrent use; a Dataset is.
//
// # Speed
//
// The vote rows, a million in each of the big files, are parsed on all
// cores. Input held in a bytes.Reader is parsed where it lies, with no
// copy, and a strings.Reader's is copied 8 MiB at a time: the three
// unvotes files load in about 25 ms on two cores, Voeten's file in about
// 30 ms. A file or gzip stream is read in blocks, the next read while the
// last is parsed. Rows are first parsed
// by fast paths that compare each row with the row expected; anything
// unusual is parsed again row by row, so errors and skipped rows are always
// those of a row-by-row read. BENCHMARKS.md in the repository has the
// figures.
//
// A typical start:
//
//	ds, err := undata.Load() // or votes.ReadFile("UNVotes.csv")
//	crimea := ds.Filter(votes.TextMatches(regexp.MustCompile(`(?i)crimea`)))
//	srb, err := crimea.CountryIndex("Serbia")
//	for j, rc := range crimea.RollCalls() {
//		fmt.Println(rc.Resolution, crimea.Vote(srb, j))
//	}
package votes
