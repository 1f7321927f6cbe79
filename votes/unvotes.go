package votes

import (
	"bufio"
	"fmt"
	"io"

	"github.com/unga-go/unga/internal/countries"
)

// readUnvotes reads the unvotes triplet: the votes, the roll calls and, if
// not nil, the issues.
func (r *reader) readUnvotes(votes, rollCalls, issues io.Reader) (*result, error) {
	b := newBuilder()
	// The roll calls and issues are read while the first block of votes is
	// parsed; the votes are applied once they are in.
	done := make(chan error, 1)
	go func() {
		err := r.unvotesRollCalls(b, rollCalls)
		if err == nil && issues != nil {
			err = r.unvotesIssues(b, issues)
		}
		done <- err
	}()
	var rcErr error
	waited := false
	wait := func() error {
		if !waited {
			rcErr, waited = <-done, true
		}
		return rcErr
	}
	err := r.unvotesVotes(b, votes, wait)
	// A sequential read would have stopped at the roll calls' error first.
	if err := wait(); err != nil {
		return nil, err
	}
	if err != nil {
		return nil, err
	}
	d := b.dataset()
	// Roll calls without any vote are an empty dataset too.
	if len(d.Countries) == 0 {
		if err := r.checkEmpty(&result{}, nameOf(votes, "un_votes.csv")); err != nil {
			return nil, err
		}
	}
	return d, nil
}

func (r *reader) openScanner(src io.Reader, def string) (*scanner, func(), error) {
	file := nameOf(src, def)
	src, closeFn, err := decompress(src)
	if err != nil {
		return nil, nil, &ParseError{File: file, Line: 1, Err: err}
	}
	s := r.newScanner(src, file)
	if err := s.readHeader(); err != nil {
		closeFn()
		return nil, nil, err
	}
	return s, closeFn, nil
}

func (r *reader) unvotesRollCalls(b *builder, src io.Reader) error {
	s, done, err := r.openScanner(src, "un_roll_calls.csv")
	if err != nil {
		return err
	}
	defer done()
	col, err := s.columns([]string{"rcid", "session", "date"}, "importantvote", "unres", "amend", "para", "short", "descr")
	if err != nil {
		return err
	}
	for {
		if err := s.next(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
		perr := s.checkWidth()
		var rc RollCall
		if perr == nil {
			rc, perr = parseRollCallFields(s, col)
		}
		if perr == nil {
			if _, ok := b.addRollCall(rc); !ok {
				perr = s.errorAt(col["rcid"], "rcid", fmt.Errorf("%w: rcid %d", ErrDuplicateRollCall, rc.ID))
			}
		}
		if perr != nil {
			if err := r.skip(perr); err != nil {
				return err
			}
		}
	}
}

// parseRollCallFields reads the roll-call columns shared by the unvotes
// roll-call file, Voeten's file and the canonical CSV. Absent columns are
// -1 in col and read as missing, except the session: without its column the
// session follows from the date, and a roll call without either is an
// error. The canonical CSV reads its own session column (col has none) and
// checks it.
func parseRollCallFields(s *scanner, col map[string]int) (RollCall, *ParseError) {
	rc, perr := parseRollCallColumns(s, col)
	if perr != nil {
		return rc, perr
	}
	i, ok := col["session"]
	if !ok {
		return rc, nil
	}
	if i < 0 {
		if rc.Date.IsZero() {
			return rc, s.errorAt(col["date"], "date", fmt.Errorf("%w: no date and no session column, so the session is unknown", ErrBadSession))
		}
		rc.Session = SessionOf(rc.Date)
		return rc, nil
	}
	n, special, err := ParseSession(string(s.field(i)))
	if err != nil {
		return rc, s.errorAt(i, "session", err)
	}
	rc.Session = n
	if special != "" {
		if rc.Date.IsZero() {
			return rc, s.errorAt(i, "session", fmt.Errorf("%w: a vote of special session %s without a date cannot be placed in a regular session", ErrBadSession, special))
		}
		rc.Special = special
		rc.Session = SessionOf(rc.Date)
	}
	if err := checkSession(&rc); err != nil {
		return rc, s.errorAt(i, "session", err)
	}
	return rc, nil
}

// parseRollCallColumns reads the columns of parseRollCallFields but the
// session.
func parseRollCallColumns(s *scanner, col map[string]int) (RollCall, *ParseError) {
	var rc RollCall
	var ok bool
	if rc.ID, ok = parseID(s.field(col["rcid"])); !ok {
		return rc, s.errorAt(col["rcid"], "rcid", badNumber(s.field(col["rcid"])))
	}
	// Voeten's 2016 file has no date for rcid 4592 (its 197 rows say NA):
	// keep the roll call with a zero Date rather than lose its votes.
	// Write wrote a zero date as 0001-01-01 before it wrote NA.
	if d := s.field(col["date"]); !isNA(d) && !(col["session"] == canonicalSession && string(d) == "0001-01-01") {
		t, ok := parseISODate(d)
		var err error
		if !ok {
			t, err = parseDate(string(d))
		}
		if err != nil {
			return rc, s.errorAt(col["date"], "date", err)
		}
		rc.Date = t
	}
	rc.RawResolution = string(s.field(col["unres"]))
	if rc.RawResolution == "NA" {
		rc.RawResolution = ""
	}
	rc.Resolution = NormalizeResolution(rc.RawResolution)
	rc.Special = specialOf(rc.Resolution)
	for _, f := range [...]struct {
		name string
		dst  *Flag
	}{{"importantvote", &rc.Important}, {"amend", &rc.Amendment}, {"para", &rc.Paragraph}} {
		i := col[f.name]
		v, ok := parseFlag(s.field(i))
		if !ok {
			return rc, s.errorAt(i, f.name, quoteErr("want 0, 1 or NA, got", s.field(i)))
		}
		*f.dst = v
	}
	rc.Short = naString(s.field(col["short"]))
	rc.Description = naString(s.field(col["descr"]))
	return rc, nil
}

// naString returns a text field, with "NA" read as missing, as R writes it.
func naString(b []byte) string {
	if isNA(b) {
		return ""
	}
	return string(b)
}

func (r *reader) unvotesIssues(b *builder, src io.Reader) error {
	s, done, err := r.openScanner(src, "un_roll_call_issues.csv")
	if err != nil {
		return err
	}
	defer done()
	col, err := s.columns([]string{"rcid"}, "short_name", "issue")
	if err != nil {
		return err
	}
	if col["short_name"] < 0 && col["issue"] < 0 {
		return &ParseError{File: s.file, Line: 1, Field: "short_name", Err: fmt.Errorf("%w \"short_name\" or \"issue\"", ErrMissingColumn)}
	}
	for {
		if err := s.next(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
		if perr := r.unvotesIssue(b, s, col); perr != nil {
			if err := r.skip(perr); err != nil {
				return err
			}
		}
	}
}

func (r *reader) unvotesIssue(b *builder, s *scanner, col map[string]int) *ParseError {
	if err := s.checkWidth(); err != nil {
		return err
	}
	id, ok := parseID(s.field(col["rcid"]))
	if !ok {
		return s.errorAt(col["rcid"], "rcid", badNumber(s.field(col["rcid"])))
	}
	k, ok := b.rollCall(id)
	if !ok {
		return s.errorAt(col["rcid"], "rcid", fmt.Errorf("an issue of an %w: rcid %d is not in the roll calls", ErrUnknownRollCall, id))
	}
	name, i := "short_name", col["short_name"]
	if i < 0 {
		name, i = "issue", col["issue"]
	}
	is, ok := issueOf(s.field(i))
	if !ok {
		_, err := ParseIssue(string(s.field(i)))
		return s.errorAt(i, name, err)
	}
	b.rollCalls.at(k).Issues |= is
	return nil
}

// unvotesVotes reads the vote file; ready is called, once, before the
// first vote is applied, and returns the roll calls' error if any.
func (r *reader) unvotesVotes(b *builder, src io.Reader, ready func() error) error {
	file := nameOf(src, "un_votes.csv")
	src, closeFn, err := decompress(src)
	if err != nil {
		return &ParseError{File: file, Line: 1, Err: err}
	}
	defer closeFn()
	br, ok := src.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(src, 1<<16)
	}
	s := r.newScanner(br, file)
	if err := s.readHeader(); err != nil {
		return err
	}
	col, err := s.columns([]string{"rcid", "vote"}, "country", "country_code")
	if err != nil {
		return err
	}
	if col["country"] < 0 && col["country_code"] < 0 {
		return &ParseError{File: s.file, Line: 1, Field: "country", Err: fmt.Errorf("%w \"country\" or \"country_code\"", ErrMissingColumn)}
	}
	cols := unvotesColumns{col["rcid"], col["vote"], col["country"], col["country_code"]}
	return r.readVoteRows(b, br, file, len(s.header), s.sp.NextLine(), ready, true, func() rowParser {
		return newUnvotesParser(cols, len(s.header))
	})
}

type unvotesColumns struct{ rcid, vote, country, code int }

// unvotesParser parses the rows of un_votes.csv.
type unvotesParser struct {
	col unvotesColumns
	// The file spells each state the same way throughout, so each (name,
	// code) pair is resolved once. Within each roll call the states come
	// in the same order, so the pair that followed the previous row's last
	// time is tried first, which saves hashing the name on nearly every
	// row.
	seen   []seenCountry
	byName map[string]int
	last   int // index in seen of the previous row's state, -1 if none
	// plainLayout is set when the header is exactly rcid,country,
	// country_code,vote, which denseLines expects.
	plainLayout bool
}

type seenCountry struct {
	name, code string
	key        string // name + "," + code + ",", as it starts the rest of a plain line after the rcid
	pos        int16
	next       int // index in seen of the state that followed this one last time, -1 if none
}

func newUnvotesParser(col unvotesColumns, width int) *unvotesParser {
	return &unvotesParser{col: col, byName: make(map[string]int), last: -1,
		plainLayout: width == 4 && col == unvotesColumns{rcid: 0, country: 1, code: 2, vote: 3}}
}

// lookup returns the index in seen of the state with the given name and
// code, resolving it if it is new.
func (u *unvotesParser) lookup(s *scanner, name, code []byte) (int, *ParseError) {
	e, err := u.find(name, code)
	if err != nil {
		field, i := "country", u.col.country
		if i < 0 {
			field, i = "country_code", u.col.code
		}
		return -1, s.errorAt(i, field, err)
	}
	return e, nil
}

// find is lookup without the error's position.
func (u *unvotesParser) find(name, code []byte) (int, error) {
	if u.last >= 0 {
		if n := u.seen[u.last].next; n >= 0 && string(name) == u.seen[n].name && string(code) == u.seen[n].code {
			return n, nil
		}
	}
	e, ok := u.byName[string(name)]
	if !ok || u.seen[e].code != string(code) {
		c, err := unvotesCountry(string(name), string(code))
		if err != nil {
			return -1, err
		}
		pos, _ := countries.Pos(c.COW)
		key := string(name) + "," + string(code) + ","
		u.seen = append(u.seen, seenCountry{name: key[:len(name)], code: key[len(name)+1 : len(key)-1], key: key, pos: int16(pos), next: -1})
		e = len(u.seen) - 1
		if !ok {
			u.byName[string(name)] = e
		}
	}
	if u.last >= 0 {
		u.seen[u.last].next = e
	}
	return e, nil
}

// denseLines is the dense-mode fast path for the plain layout, where nearly
// all the time of a load goes: it parses lines from the start of data for
// as long as they are the common case, straight into p's cells, and returns
// how many bytes and lines it used. The first line it declines goes to
// the general path, and so does a line whose vote p refuses
// (p.failed is then set).
func (u *unvotesParser) denseLines(data []byte, p *part) (used, lines int) {
	if !u.plainLayout || !p.dense {
		return 0, 0
	}
	i := 0
	for i < len(data) && !p.failed {
		j, id := i, 0
		for j < len(data) && j-i < 9 {
			c := data[j] - '0'
			if c > 9 {
				break
			}
			id = id*10 + int(c)
			j++
		}
		if j == i || j >= len(data) || data[j] != ',' {
			break
		}
		j++
		// The state: nearly always the one that followed the previous
		// row's state last time, whose name and code are compared as one.
		e := -1
		if u.last >= 0 {
			e = u.seen[u.last].next
		}
		if e < 0 || !hasPrefixAt(data, j, u.seen[e].key) {
			// Not past the line's end: a name or code never holds one.
			k := j
			for k < len(data) && data[k] != ',' && data[k] != '"' && data[k] != '\n' && data[k] != '\r' {
				k++
			}
			m := k + 1
			for m < len(data) && data[m] != ',' && data[m] != '"' && data[m] != '\n' && data[m] != '\r' {
				m++
			}
			if m >= len(data) || data[k] != ',' || data[m] != ',' {
				break
			}
			var err error
			if e, err = u.find(data[j:k], data[k+1:m]); err != nil {
				break
			}
		}
		j += len(u.seen[e].key)
		var v Vote
		switch {
		case hasPrefixAt(data, j, "yes"):
			v, j = Yes, j+3
		case hasPrefixAt(data, j, "no"):
			v, j = No, j+2
		case hasPrefixAt(data, j, "abstain"):
			v, j = Abstain, j+7
		default:
			return i, lines
		}
		next, ok := lineEnd(data, j)
		if !ok {
			return i, lines
		}
		u.last = e
		p.putDense(int32(id), u.seen[e].pos, v)
		if p.failed {
			break
		}
		i, lines = next, lines+1
	}
	return i, lines
}

// lineEnd returns where the line after the one ending at data[j] starts,
// and false if the line does not end there: a fast path has read all of it.
func lineEnd(data []byte, j int) (int, bool) {
	switch {
	case j == len(data):
		return j, true
	case data[j] == '\n':
		return j + 1, true
	case data[j] == '\r' && (j+1 == len(data) || data[j+1] == '\n'):
		return min(j+2, len(data)), true
	}
	return j, false
}

// hasPrefixAt reports whether data[i:] starts with prefix.
func hasPrefixAt(data []byte, i int, prefix string) bool {
	return len(data)-i >= len(prefix) && string(data[i:i+len(prefix)]) == prefix
}

func (u *unvotesParser) begin() {}

func (u *unvotesParser) parseRow(s *scanner, p *part) {
	if op, perr := u.row(s); perr != nil {
		p.fail(perr)
	} else {
		p.put(op)
	}
}

func (u *unvotesParser) row(s *scanner) (voteOp, *ParseError) {
	col := u.col
	if err := s.checkWidth(); err != nil {
		return voteOp{}, err
	}
	id, ok := parseID(s.field(col.rcid))
	if !ok {
		return voteOp{}, s.errorAt(col.rcid, "rcid", badNumber(s.field(col.rcid)))
	}
	e, perr := u.lookup(s, s.field(col.country), s.field(col.code))
	if perr != nil {
		return voteOp{}, perr
	}
	u.last = e
	v, ok := unvotesVote(s.field(col.vote))
	if !ok {
		return voteOp{}, s.errorAt(col.vote, "vote", fmt.Errorf("%w %s (%s)", ErrUnknownVote, quotePrefix(s.field(col.vote)), unvotesCodes))
	}
	return voteOp{rcid: int32(id), line: int32(s.line), rcidCol: int32(s.column(col.rcid)), voteCol: int32(s.column(col.vote)),
		pos: u.seen[e].pos, vote: v, member: impliedMember(v)}, nil
}

// unvotesCountry resolves a state from its unvotes name and ISO code. The
// name decides: the code is "NA" both for Namibia and, as R's missing
// value, for states without an ISO code (the Federal Republic of Germany,
// the Yemen Arab Republic, Zanzibar). An unknown name is an error even if
// the code is known, since a code alone cannot be trusted here; the code is
// used only where the name is missing. A code other than "NA" that names
// another state than the name is an error: the row cannot say whose vote
// it is.
func unvotesCountry(name, code string) (Country, error) {
	if name != "" && name != "NA" {
		c, err := lookupSourceToday(name)
		if err != nil {
			return Country{}, fmt.Errorf("%w %s", ErrUnknownCountry, quotePrefix([]byte(name)))
		}
		if code != "" && code != "NA" {
			if cc, err := lookupSourceToday(code); err == nil && cc.COW != c.COW {
				return Country{}, fmt.Errorf("%w: country %s is %s (COW %d) but country_code %s is %s (COW %d)",
					ErrUnknownCountry, quotePrefix([]byte(name)), c.Name, c.COW, quotePrefix([]byte(code)), cc.Name, cc.COW)
			}
		}
		return c, nil
	}
	if code != "" {
		if c, err := lookupSourceToday(code); err == nil {
			return c, nil
		}
	}
	return Country{}, fmt.Errorf("%w %s (code %s)", ErrUnknownCountry, quotePrefix([]byte(name)), quotePrefix([]byte(code)))
}
