package votes

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/unga-go/unga/internal/countries"
)

// The UN's machine-readable resolution data (github.com/UNxml/GAresolutions,
// data_extract/*.json) come as JSON Lines, one object a line, one line per
// adopted resolution. This file reads them into unxmlRecords; the rules for
// each defect of the files are in the package documentation.

// unxmlLine is one line as the files write it. Unknown members are allowed,
// so that a later release with more members still reads.
type unxmlLine struct {
	Symbol             string     `json:"symbol"`
	PV                 string     `json:"pv"`
	Title              string     `json:"title"`
	Session            string     `json:"session"`
	AdoptionDate       string     `json:"adoption_date"`
	Draft              string     `json:"originating_document"`
	Committee          string     `json:"committee"`
	AgendaItem         string     `json:"agenda_item"`
	AgendaItemName     string     `json:"agenda_item_name"`
	AdoptionType       string     `json:"adoption_type"`
	VotingType         string     `json:"voting_type"`
	InFavour           []string   `json:"MS_in_favour"`
	Against            []string   `json:"MS_against"`
	Abstaining         []string   `json:"MS_abstaining"`
	InFavourCount      string     `json:"MS_in_favour_count"`
	AgainstCount       string     `json:"MS_against_count"`
	AbstainingCount    string     `json:"MS_abstaining_count"`
	Sponsors           []string   `json:"sponsors"`
	AdditionalSponsors []string   `json:"additional_sponsors"`
	Subjects           [][]string `json:"subjects"`
	SDGs               []string   `json:"SDGs"`
}

// adoption is how a resolution was adopted.
type adoption int8

const (
	adoptedUnstated    adoption = iota // the line does not say
	adoptedWithoutVote                 // "Without a vote"
	adoptedRecorded                    // "By a recorded vote"
)

// unxmlRecord is one resolution read from a line.
type unxmlRecord struct {
	line     int
	symbol   string // normalised, "A/RES/75/290 A"
	raw      string // as written
	id       int    // derived from the symbol (unxmlID)
	session  int    // regular session in progress on the day
	special  string // "ES-11"; "" for a regular session
	date     time.Time
	adoption adoption

	// votes holds the states on the three lists (Yes, No, Abstain), by
	// COW code; the other members on the day are Absent.
	votes map[int]Vote
	// counts are the published counts (-1 where "N.A." or empty) of the
	// Yes, No and Abstain lists.
	counts [3]int

	sponsors, additional []Country
	otherSponsors        []string // sponsors that are not states, as written

	subjects, sdgs                                    []string
	committee, agendaItem, agendaName, draft, meeting string
	title                                             string
}

// sessionKey names the session a resolution belongs to for the counts of
// adoptions: the regular session of its symbol, or the emergency special
// session.
func (rec *unxmlRecord) sessionKey() (int, string) {
	if rec.special != "" {
		return 0, rec.special
	}
	return rec.session, ""
}

// unxmlResult is what one read of the files gives.
type unxmlResult struct {
	records   []*unxmlRecord // roll calls: recorded votes with lists, one per symbol, in input order
	adoptions []Adoption     // by session, in the order first met
	un        Group          // the members of the United Nations by date (LookupGroup("UN"))
}

// Adoption counts the adopted resolutions of one session by how they were
// adopted: the share adopted without a vote (by consensus) is
// WithoutVote / (WithoutVote + RecordedVote). Resolutions are counted once
// each, by symbol, however many lines repeat them.
type Adoption struct {
	Session int    // regular session; 0 for an emergency special session
	Special string // "ES-11"; "" for a regular session

	WithoutVote  int // adopted without a vote: no roll call
	RecordedVote int // adopted by a recorded vote, including any left out for want of lists
	Unstated     int // the source does not say how (each reported when read)
}

// unbis names the UNBIS Thesaurus, the scheme of the subject terms read.
const unbis = "UNBIS Thesaurus"

// subjectSep joins the terms of RollCall.Subjects, as the UN Digital
// Library's subjects column does. No UNBIS term holds it.
const subjectSep = "; "

// rollCall returns the roll call of a recorded vote.
func (rec *unxmlRecord) rollCall() RollCall {
	rc := RollCall{
		ID: rec.id, Session: rec.session, Special: rec.special, Date: rec.date,
		Resolution: rec.symbol, RawResolution: rec.raw, Title: rec.title,
		Meeting: rec.meeting, AgendaTitle: rec.agendaName,
		Subjects: strings.Join(rec.subjects, subjectSep), Committee: rec.committee, AgendaItem: rec.agendaItem,
		SDGs: rec.sdgs, Sponsors: rec.sponsors, AdditionalSponsors: rec.additional, OtherSponsors: rec.otherSponsors,
	}
	// originating_document is the draft ("A/80/L.6") of a resolution
	// adopted without reference to a Main Committee, and the committee's
	// report with its paragraph ("A/77/463/Add.3, para. 29") of the others.
	if strings.Contains(rec.draft, "/L.") {
		rc.Draft = rec.draft
	} else {
		rc.CommitteeReport = rec.draft
	}
	// A count the source leaves out ("N.A.") goes with an empty list: the
	// UN prints no count of none.
	n := [3]int{}
	for _, v := range rec.votes {
		switch v {
		case Yes:
			n[0]++
		case No:
			n[1]++
		case Abstain:
			n[2]++
		}
	}
	for k, c := range rec.counts {
		if c < 0 && n[k] == 0 {
			rec.counts[k] = 0
		} else if c < 0 {
			return rc // no totals: a count missing beside a list
		}
	}
	rc.Totals = Tally{Yes: rec.counts[0], No: rec.counts[1], Abstain: rec.counts[2]}
	rc.HasTotals = true
	return rc
}

// vote returns what state c did on a recorded vote: its list, or Absent if
// it was a member of the United Nations (un) on none, or NonMember.
func (rec *unxmlRecord) vote(c Country, un Group) Vote {
	if v, ok := rec.votes[c.COW]; ok {
		return v
	}
	if un.Contains(c, rec.date) {
		return Absent
	}
	return NonMember
}

// unxmlReader is one read of the files.
type unxmlReader struct {
	p       *problems
	file    string
	bySym   map[string]*unxmlRecord // every resolution read, by symbol
	counted map[string]adoption     // the adoption counted for each symbol
	res     unxmlResult
	adopt   map[[2]string]int // session key to index in res.adoptions
}

// problems collects what a read of the UN's resolution data skips (bad
// lines, under the Reader's strict or lenient policy) and repairs, keeping
// the first keep skipped lines and keepRepaired repairs and counting all.
type problems struct {
	lenient                   bool
	keep, keepRepaired        int
	skipped, repaired         []*ParseError
	skippedRows, repairedRows int
}

// skip records a bad line when reading leniently; otherwise it returns the
// error that ends the read.
func (p *problems) skip(err *ParseError) error {
	if !p.lenient {
		return err
	}
	p.skippedRows++
	if len(p.skipped) < p.keep {
		p.skipped = append(p.skipped, err)
	}
	return nil
}

// repair records a problem the reader resolved, in either mode.
func (p *problems) repair(err *ParseError) {
	p.repairedRows++
	if len(p.repaired) < p.keepRepaired {
		p.repaired = append(p.repaired, err)
	}
}

// parseUNXML reads JSON Lines of the UN's resolution data from src,
// already decompressed, with lines of at most limit bytes. Problems it
// resolves are reported with p.repair, bad lines with p.skip, which ends a
// strict read.
func parseUNXML(src io.Reader, file string, limit int, p *problems) (*unxmlResult, error) {
	u := &unxmlReader{p: p, file: file, bySym: make(map[string]*unxmlRecord),
		counted: make(map[string]adoption), adopt: make(map[[2]string]int)}
	var err error
	if u.res.un, err = LookupGroup("UN"); err != nil {
		panic("votes: no built-in UN group: " + err.Error()) // a bug, caught by every test of this reader
	}
	br, ok := src.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(src, 64<<10)
	}
	var buf []byte
	for n := 1; ; n++ {
		line, err := readLine(br, limit, buf[:0])
		buf = line
		if err == io.EOF && len(line) == 0 {
			break
		}
		if err != nil && err != io.EOF {
			return nil, &ParseError{File: file, Line: n, Err: err}
		}
		if len(bytes.TrimSpace(line)) == 0 {
			if err == io.EOF {
				break
			}
			continue // a blank line, as between concatenated files
		}
		if perr := u.line(line, n); perr != nil {
			if err := p.skip(perr); err != nil {
				return nil, err
			}
		}
		if err == io.EOF {
			break
		}
	}
	return &u.res, nil
}

// readLine reads one line without its end into buf, failing with ErrLimit
// if it is longer than limit bytes.
func readLine(br *bufio.Reader, limit int, buf []byte) ([]byte, error) {
	for {
		part, err := br.ReadSlice('\n')
		buf = append(buf, part...)
		if len(buf) > limit+2 {
			return nil, fmt.Errorf("%w: a line is longer than %d bytes", ErrLimit, limit)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		buf = bytes.TrimSuffix(buf, []byte("\n"))
		buf = bytes.TrimSuffix(buf, []byte("\r"))
		if len(buf) > limit {
			return nil, fmt.Errorf("%w: a line is longer than %d bytes", ErrLimit, limit)
		}
		return buf, err
	}
}

// line reads line n.
func (u *unxmlReader) line(b []byte, n int) *ParseError {
	at := func(field string, err error) *ParseError {
		return &ParseError{File: u.file, Line: n, Field: field, Err: err}
	}
	var l unxmlLine
	if err := json.Unmarshal(b, &l); err != nil {
		pe := at("", fmt.Errorf("%w: %v", ErrBadJSON, err))
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			pe.Column = int(se.Offset)
		case errors.As(err, &te):
			pe.Column, pe.Field = int(te.Offset), te.Field
		}
		return pe
	}
	rec := &unxmlRecord{line: n, raw: l.Symbol, symbol: NormalizeResolution(l.Symbol), title: l.Title,
		draft: strings.TrimSpace(l.Draft), meeting: strings.TrimSpace(l.PV), agendaItem: strings.TrimSpace(l.AgendaItem),
		agendaName: strings.TrimSpace(l.AgendaItemName)}
	var err error
	if rec.session, rec.special, rec.id, err = parseUNXMLSymbol(rec.symbol); err != nil {
		return at("symbol", err)
	}
	if rec.date, err = parseUNXMLDate(l.AdoptionDate); err != nil {
		return at("adoption_date", err)
	}
	if rec.special != "" {
		rec.session = SessionOf(rec.date)
	} else if err := checkSession(&RollCall{Session: rec.session, Date: rec.date}); err != nil {
		return at("adoption_date", fmt.Errorf("%s: %w", rec.symbol, err))
	}
	switch {
	case strings.EqualFold(strings.TrimSpace(l.AdoptionType), "By a recorded vote") || l.VotingType == "adoptedRecordedVote":
		rec.adoption = adoptedRecorded
	case strings.EqualFold(strings.TrimSpace(l.AdoptionType), "Without a vote") || l.VotingType == "adoptedWithoutVote":
		rec.adoption = adoptedWithoutVote
	case strings.TrimSpace(l.AdoptionType) == "" && l.VotingType == "":
	default:
		return at("adoption_type", fmt.Errorf("%w: adoption_type %q, voting_type %q (want \"By a recorded vote\" or \"Without a vote\")",
			ErrUnknownVote, l.AdoptionType, l.VotingType))
	}
	rec.committee = strings.TrimSpace(l.Committee)
	if c, ok := fixCommittee(rec.committee); ok {
		u.p.repair(at("committee", fmt.Errorf("committee %q read as %q", rec.committee, c)))
		rec.committee = c
	}
	for _, s := range l.Subjects {
		if len(s) != 2 || strings.TrimSpace(s[0]) == "" {
			return at("subjects", fmt.Errorf("%w: a subject is not a pair [term, scheme]: %q", ErrBadJSON, s))
		}
		// The other schemes are the Dag Hammarskjöld Library's names of
		// bodies and instruments ("DHLAUTH") and references to the agenda
		// (["71b", "A/79/251"]), which AgendaItem already gives.
		if s[1] == unbis {
			rec.subjects = append(rec.subjects, strings.TrimSpace(s[0]))
		}
	}
	for _, s := range l.SDGs {
		rec.sdgs = append(rec.sdgs, strings.TrimSpace(s))
	}
	if perr := u.sponsors(rec, &l, at); perr != nil {
		return perr
	}

	lists := [3]struct {
		field, countField string
		names             []string
		count             string
		vote              Vote
	}{
		{"MS_in_favour", "MS_in_favour_count", l.InFavour, l.InFavourCount, Yes},
		{"MS_against", "MS_against_count", l.Against, l.AgainstCount, No},
		{"MS_abstaining", "MS_abstaining_count", l.Abstaining, l.AbstainingCount, Abstain},
	}
	listed := 0
	for k, li := range lists {
		rec.counts[k] = -1
		if c := strings.TrimSpace(li.count); c != "" && c != "N.A." {
			v, err := strconv.Atoi(c)
			if err != nil || v < 0 {
				return at(li.countField, fmt.Errorf("%w %q", ErrBadNumber, c))
			}
			rec.counts[k] = v
		}
		listed += len(li.names)
	}
	if rec.adoption != adoptedRecorded {
		if listed > 0 {
			return at("adoption_type", fmt.Errorf("%w: %s is not adopted by a recorded vote but lists %d votes", ErrConflict, rec.symbol, listed))
		}
		return u.add(rec, at)
	}
	if listed == 0 {
		u.count(rec)
		return at("MS_in_favour", fmt.Errorf("%w: %s is adopted by a recorded vote (counted %d-%d-%d) but lists no state; left out",
			ErrNoVotes, rec.symbol, max(rec.counts[0], 0), max(rec.counts[1], 0), max(rec.counts[2], 0)))
	}
	rec.votes = make(map[int]Vote, 200)
	from := make(map[int]string, 200) // the list each state is on
	for k, li := range lists {
		n, repeated := 0, 0
		for _, name := range li.names {
			if amb := ambiguous(name, namingUN); amb != nil {
				return at(li.field, amb)
			}
			c, err := lookupSource(name, rec.date)
			if err != nil {
				return at(li.field, err)
			}
			if prev, ok := rec.votes[c.COW]; ok {
				if prev != li.vote {
					return at(li.field, fmt.Errorf("%w: %s is on %s and %s of %s", ErrDuplicateVote, c.Name, from[c.COW], li.field, rec.symbol))
				}
				repeated++
				continue
			}
			if !u.res.un.Contains(c, rec.date) {
				return at(li.field, fmt.Errorf("%w: %s was not a member on %s", ErrUnknownCountry, c.Name, rec.date.Format(time.DateOnly)))
			}
			rec.votes[c.COW], from[c.COW] = li.vote, li.field
			n++
		}
		if repeated > 0 {
			u.p.repair(at(li.field, fmt.Errorf("%w: %s lists %d names, %d of them again; read once", ErrRepeatedName, rec.symbol, n+repeated, repeated)))
		}
		if rec.counts[k] >= 0 && rec.counts[k] != n {
			u.p.repair(at(li.countField, fmt.Errorf("%w: %s counts %d, lists %d states; the list is read", ErrCountMismatch, rec.symbol, rec.counts[k], n)))
		}
	}
	return u.add(rec, at)
}

// add keeps a record, or merges it with an earlier line of the same symbol.
func (u *unxmlReader) add(rec *unxmlRecord, at func(string, error) *ParseError) *ParseError {
	if prev, ok := u.bySym[rec.symbol]; ok {
		switch {
		case prev.adoption != rec.adoption:
			return at("adoption_type", fmt.Errorf("%w: %s: line %d and line %d say differently how it was adopted", ErrConflict, rec.symbol, prev.line, rec.line))
		case !prev.date.Equal(rec.date):
			return at("adoption_date", fmt.Errorf("%w: %s is dated %s on line %d and %s on line %d", ErrConflict, rec.symbol,
				prev.date.Format(time.DateOnly), prev.line, rec.date.Format(time.DateOnly), rec.line))
		case !maps.Equal(prev.votes, rec.votes):
			return at("MS_in_favour", fmt.Errorf("%w: %s has different votes on line %d and line %d", ErrConflict, rec.symbol, prev.line, rec.line))
		}
		u.p.repair(at("symbol", fmt.Errorf("%w: %s repeats line %d with the same votes; line %d is read", ErrDuplicateRollCall, rec.symbol, prev.line, prev.line)))
		return nil
	}
	u.bySym[rec.symbol] = rec
	u.count(rec)
	if rec.adoption == adoptedRecorded {
		u.res.records = append(u.res.records, rec)
	}
	if rec.adoption == adoptedUnstated {
		u.p.repair(at("adoption_type", fmt.Errorf("%w: %s does not say how it was adopted and lists no votes; counted as unstated", ErrNoVotes, rec.symbol)))
	}
	return nil
}

// count counts a resolution's adoption in its session, once per symbol.
func (u *unxmlReader) count(rec *unxmlRecord) {
	if _, done := u.counted[rec.symbol]; done {
		return
	}
	u.counted[rec.symbol] = rec.adoption
	s, sp := rec.sessionKey()
	key := [2]string{strconv.Itoa(s), sp}
	i, ok := u.adopt[key]
	if !ok {
		i = len(u.res.adoptions)
		u.adopt[key] = i
		u.res.adoptions = append(u.res.adoptions, Adoption{Session: s, Special: sp})
	}
	a := &u.res.adoptions[i]
	switch rec.adoption {
	case adoptedWithoutVote:
		a.WithoutVote++
	case adoptedRecorded:
		a.RecordedVote++
	default:
		a.Unstated++
	}
}

// sponsorOrgan matches a sponsor that is an organ or an officer, not a
// state: "SUBMITTED BY THE CHAIR OF THE COMMITTEE", "the representative of
// Canada, on behalf of the Bureau", "ON THE BASIS OF THE REPORT OF THE
// CREDENTIALS COMMITTEE", and the officer named on a line of its own, "AHMED
// MAGDY (EGYPT) AND ON THE BASIS OF INFORMAL CONSULTATIONS ON DRAFT
// RESOLUTION".
var sponsorOrgan = regexp.MustCompile(`(?i)^\s*(was\s+)?(submitted by|introduced in|the representative of|on the basis of)\b|\bon the basis of informal consultations\b`)

// onBehalf matches what follows a state's name when it sponsors for a
// group, without parentheses: "EGYPT, ON BEHALF OF ..." (stripParens takes
// "CUBA (ON BEHALF OF ...)", "ROMANIA (IN ITS CAPACITY AS CHAIR OF ...)" and
// "SENEGAL (OF BEHALF OF ...)").
var onBehalf = regexp.MustCompile(`(?i)\s*,\s*(on|of) behalf of\b.*$`)

// sponsorSplit separates the entries of a sponsor entry that holds
// several: "AUSTRIA, KAZAKHSTAN AND MALAYSIA", "CHILE,DOMINICAN REPUBLIC".
var sponsorSplit = regexp.MustCompile(`\s*[,;]\s*`)

// sponsors resolves the sponsors and additional sponsors of a line.
func (u *unxmlReader) sponsors(rec *unxmlRecord, l *unxmlLine, at func(string, error) *ParseError) *ParseError {
	for _, f := range [...]struct {
		field string
		names []string
		dst   *[]Country
	}{{"sponsors", l.Sponsors, &rec.sponsors}, {"additional_sponsors", l.AdditionalSponsors, &rec.additional}} {
		seen := make(map[int]bool)
		for _, name := range f.names {
			cs, ok := resolveSponsor(name, rec.date)
			if !ok {
				name = strings.TrimSpace(name)
				if name == "" {
					continue
				}
				rec.otherSponsors = append(rec.otherSponsors, name)
				if !sponsorOrgan.MatchString(name) && !isObserver(name) {
					u.p.repair(at(f.field, fmt.Errorf("%w %q: kept as a sponsor that is not a state", ErrUnknownCountry, name)))
				}
				continue
			}
			for _, c := range cs {
				if !seen[c.COW] {
					seen[c.COW] = true
					*f.dst = append(*f.dst, c)
				}
			}
		}
	}
	return nil
}

// isObserver reports a sponsor that is a non-member observer state, such as
// the State of Palestine, which may sponsor but does not vote.
func isObserver(name string) bool {
	k := countries.FoldKey(onBehalf.ReplaceAllString(stripParens(name), ""))
	for _, n := range nonMembers {
		if n.key == k {
			return true
		}
	}
	return false
}

// resolveSponsor resolves a sponsor entry to the states it names: one name,
// a name sponsoring for a group, or a list of names every one of which
// resolves. ok is false if any part does not resolve.
func resolveSponsor(name string, on time.Time) ([]Country, bool) {
	if c, err := lookupSource(name, on); err == nil {
		return []Country{c}, true
	}
	if sponsorOrgan.MatchString(name) {
		return nil, false
	}
	// The asides go first, so that "Cuba (on behalf of ...) and Russian
	// Federation" keeps both states.
	bare := onBehalf.ReplaceAllString(stripParens(name), "")
	if c, err := lookupSource(bare, on); err == nil {
		return []Country{c}, true
	}
	var out []Country
	for _, part := range sponsorSplit.Split(strings.TrimSpace(bare), -1) {
		part = strings.Trim(part, " .\u00a0")
		if p, ok := strings.CutPrefix(strings.ToLower(part), "and "); ok {
			part = part[len(part)-len(p):]
		}
		if part == "" {
			continue
		}
		cs, ok := splitAnd(part, on)
		if !ok {
			return nil, false
		}
		out = append(out, cs...)
	}
	return out, len(out) > 0
}

// splitAnd resolves "X and Y" to the states X and Y, where the names may
// themselves hold "and" ("Trinidad and Tobago and Uruguay"): the whole if it
// resolves, else the first split at an " and " whose both sides resolve.
func splitAnd(s string, on time.Time) ([]Country, bool) {
	if c, err := lookupSource(s, on); err == nil {
		return []Country{c}, true
	}
	low := strings.ToLower(s)
	for i := 0; ; {
		k := strings.Index(low[i:], " and ")
		if k < 0 {
			return nil, false
		}
		i += k
		if a, err := lookupSource(s[:i], on); err == nil {
			if rest, ok := splitAnd(s[i+5:], on); ok {
				return append([]Country{a}, rest...), true
			}
		}
		i += 5
	}
}

// stripParens removes "(on behalf of ...)" and "(in its capacity as ...)"
// asides, nested parentheses included, and keeps the others ("BOLIVIA
// (PLURINATIONAL STATE OF)").
func stripParens(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '(')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		rest := strings.ToLower(strings.TrimSpace(s[i+1:]))
		aside := strings.HasPrefix(rest, "on behalf") || strings.HasPrefix(rest, "of behalf") || strings.HasPrefix(rest, "in its capacity")
		depth, j := 0, i
		for ; j < len(s); j++ {
			if s[j] == '(' {
				depth++
			} else if s[j] == ')' {
				depth--
				if depth == 0 {
					break
				}
			}
		}
		if aside {
			b.WriteString(s[:i])
		} else {
			b.WriteString(s[:min(j+1, len(s))])
		}
		if j >= len(s) {
			return b.String()
		}
		s = s[j+1:]
	}
}

// fixCommittee reads the form "#fifthCommittee", which five lines of the
// files give, as "Fifth Committee"; ok is false for any other value.
func fixCommittee(s string) (string, bool) {
	rest, ok := strings.CutPrefix(s, "#")
	if !ok {
		return "", false
	}
	ord, ok := strings.CutSuffix(rest, "Committee")
	if !ok || ord == "" {
		return "", false
	}
	return strings.ToUpper(ord[:1]) + ord[1:] + " Committee", true
}

// unxmlSymbol matches a resolution symbol: session (or emergency special
// session), number, and part ("A", "A-C").
var unxmlSymbol = regexp.MustCompile(`^A/RES/(ES-)?([0-9]{1,3})/([0-9]{1,4})(?: ([A-Z])(?:-([A-Z]))?)?$`)

// parseUNXMLSymbol returns the session of a normalised symbol, the
// emergency special session it names, and the roll-call ID derived from
// it: 1,000,000,000 + 4,000,000 x s + 1,000 x number + part, where s is
// the regular session, or 200 + n for emergency special session n, and
// part 27 x first letter + last letter (A = 1; 0 for none). IDs are thus
// the same whichever files are read together, and far above the IDs of
// the other sources (unvotes' rcid, the Digital Library's record numbers).
func parseUNXMLSymbol(sym string) (session int, special string, id int, err error) {
	m := unxmlSymbol.FindStringSubmatch(sym)
	if m == nil {
		return 0, "", 0, fmt.Errorf("%w: %q is not a resolution symbol (A/RES/80/4, A/RES/ES-11/1, A/RES/75/290 A)", ErrBadSession, sym)
	}
	s, _ := strconv.Atoi(m[2])
	num, _ := strconv.Atoi(m[3])
	part := 0
	if m[4] != "" {
		last := m[4]
		if m[5] != "" {
			last = m[5]
		}
		part = 27*int(m[4][0]-'A'+1) + int(last[0]-'A'+1)
	}
	key := s
	if m[1] != "" {
		if s < 1 || s > 29 {
			return 0, "", 0, fmt.Errorf("%w: emergency special session %d in %q", ErrBadSession, s, sym)
		}
		special, key = "ES-"+m[2], 200+s
	} else if s < 1 || s > 199 {
		return 0, "", 0, fmt.Errorf("%w: session %d in %q", ErrBadSession, s, sym)
	}
	return s, special, 1_000_000_000 + 4_000_000*key + 1000*num + part, nil
}

// parseUNXMLDate parses the two forms of adoption_date: "2019-10-10
// 00:00:00" (74.json) and "29 October 2025", whose space may be a
// no-break space.
func parseUNXMLDate(s string) (time.Time, error) {
	s = strings.Join(strings.Fields(strings.ReplaceAll(s, "\u00a0", " ")), " ")
	for _, layout := range [...]string{"2006-01-02 15:04:05", "2 January 2006", time.DateOnly} {
		if t, err := time.Parse(layout, s); err == nil {
			y, m, d := t.Date()
			if y < 1945 || y > 2100 {
				break
			}
			return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
		}
	}
	return time.Time{}, fmt.Errorf("%w %q (want \"29 October 2025\" or \"2019-10-10 00:00:00\")", ErrBadDate, s)
}

// sortedAdoptions returns the counts by session: regular sessions in
// order, then emergency special sessions by number.
func sortedAdoptions(a []Adoption) []Adoption {
	out := slices.Clone(a)
	slices.SortStableFunc(out, func(x, y Adoption) int {
		if (x.Special == "") != (y.Special == "") {
			if x.Special == "" {
				return -1
			}
			return 1
		}
		if x.Special != "" {
			nx, _ := strconv.Atoi(strings.TrimPrefix(x.Special, "ES-"))
			ny, _ := strconv.Atoi(strings.TrimPrefix(y.Special, "ES-"))
			return nx - ny
		}
		return x.Session - y.Session
	})
	return out
}

// isJSONLines reports input whose first character, after white space and a
// byte-order mark, is "{": the UN's resolution data. No CSV layout Read
// knows starts so.
func isJSONLines(br *bufio.Reader) bool {
	b, _ := br.Peek(256)
	b = bytes.TrimLeft(b, " \t\r\n\ufeff")
	return len(b) > 0 && b[0] == '{'
}

// readUNXML reads the UN's resolution data into a result: a roll call per
// recorded vote, its lists as Yes, No and Abstain, the other members of the
// day Absent and the states not members NonMember, for every state that
// was a member on one of the days read or is on a list.
func (r *reader) readUNXML(br *bufio.Reader, file string) (*result, error) {
	p := &problems{lenient: r.cfg.Lenient, keep: r.cfg.Keep, keepRepaired: r.cfg.KeepRepaired}
	u, err := parseUNXML(br, file, r.cfg.Limits.Line, p)
	r.skipped, r.skippedRows = append(r.skipped, p.skipped...), r.skippedRows+p.skippedRows
	r.repaired, r.repairedRows = append(r.repaired, p.repaired...), r.repairedRows+p.repairedRows
	if err != nil {
		return nil, err
	}
	b := newBuilder()
	rows := make(map[int]bool) // by COW
	for _, rec := range u.records {
		for _, c := range u.un.Members(rec.date) {
			rows[c.COW] = true
		}
		for cow := range rec.votes {
			rows[cow] = true
		}
	}
	var states []Country
	for i := range countries.Table {
		if c := countryAt(i); rows[c.COW] {
			states = append(states, c)
			b.touch(c)
		}
	}
	for _, rec := range u.records {
		k, _ := b.addRollCall(rec.rollCall())
		for _, c := range states {
			b.set(c, k, rec.vote(c, u.un))
		}
	}
	res := b.dataset()
	res.Adoptions = sortedAdoptions(u.adoptions)
	return res, nil
}
