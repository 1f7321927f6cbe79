package votes

import (
	"fmt"
	"strings"
	"time"
)

// RollCall describes one recorded vote of the General Assembly: on a
// resolution as a whole, on an amendment, or on a paragraph.
type RollCall struct {
	ID int // rcid in the unvotes and Voeten data; the record id in the UN Digital Library

	// Session is the regular session during which the vote was held: 74 is
	// the session that opened in September 2019. Votes of an emergency
	// special or special session carry the number of the regular session
	// then in progress, and the special session's name in Special.
	Session int
	Special string // "ES-11", "S-10"; "" for a vote in a regular session

	Date time.Time // day of the vote, midnight UTC; zero if the source gives none

	// Resolution is the symbol in the UN's form, "A/RES/68/262", whatever
	// form the source used ("R/68/262"); RawResolution is the source's text.
	Resolution    string
	RawResolution string

	Short       string // short title (unvotes, Voeten's newer files)
	Title       string // full title (UN Digital Library)
	Description string // Voeten's description of what was voted on

	// Fields of the UN Digital Library and of the UN's resolution data;
	// empty for the other sources.
	Draft           string // draft symbol, "A/ES-10/L.25"
	CommitteeReport string // committee report symbol (Digital Library)
	Meeting         string // meeting record, "A/ES-10/PV.41"
	AgendaTitle     string // the agenda item's title
	Subjects        string
	Link            string // the record's address (Digital Library)

	// Fields of the UN's resolution data; empty for the other sources.
	Committee  string   // the Main Committee that reported the draft, "Third Committee", or "Without reference to a Main Committee"
	AgendaItem string   // "Agenda item 38"
	SDGs       []string // Sustainable Development Goals and targets the resolution names: "16", "2.a"

	// Sponsors are the states that sponsored the draft and
	// AdditionalSponsors those that joined them later, in the source's
	// order, each once. OtherSponsors are the sponsors that are not member
	// states, as written: organs and officers ("SUBMITTED BY THE CHAIR OF
	// THE COMMITTEE"), observer states ("STATE OF PALESTINE"), and names
	// the source garbles ("GE RMANY"), which a read reports in
	// Reader.Repaired.
	Sponsors           []Country
	AdditionalSponsors []Country
	OtherSponsors      []string

	Issues    Issue // Voeten's issue codes
	Important Flag  // an "important vote" in the US State Department's report
	Amendment Flag  // a vote on an amendment
	Paragraph Flag  // a vote on a paragraph

	// Totals are the tallies the source publishes, if it does (HasTotals);
	// Dataset.Tally counts the votes actually in the data.
	Totals    Tally
	HasTotals bool

	// Unanimous reports that every vote cast on the roll call was the same
	// (or none was cast). It is judged once, when the dataset is read, on
	// every vote the source holds, and kept through Filter and
	// SelectCountries: narrowing the states never makes a roll call
	// unanimous. Where a source also publishes totals (the UN Digital
	// Library), the votes read decide, not the totals.
	Unanimous bool

	// Source names where the roll call came from, as the program that
	// read it said (Reader.Source): "unvotes 0.3.0" or "UN resolution
	// data" in the embedded record, which joins the two (see Join). Empty
	// if nobody said.
	Source string
}

// Year returns the calendar year of the vote, or 0 if the source gives no
// date. Voeten's "year" column is session-based; this is not.
func (rc *RollCall) Year() int {
	if rc.Date.IsZero() {
		return 0
	}
	return rc.Date.Year()
}

// IsPart reports whether the roll call is a separate vote on a part of a
// draft rather than on the draft as a whole: on an amendment or on a
// paragraph (Amendment or Paragraph set). Roll calls whose source does not
// code these flags (FlagUnknown) are not parts.
func (rc *RollCall) IsPart() bool {
	return rc.Amendment == FlagTrue || rc.Paragraph == FlagTrue
}

// Tally counts the votes on one roll call.
type Tally struct {
	Yes, No, Abstain int
	NonVoting        int // members present or listed that did not vote
	Members          int // members at the time, where the source gives it
}

// String formats the tally as the UN does, yes-no-abstain: "100-11-58".
func (t Tally) String() string { return fmt.Sprintf("%d-%d-%d", t.Yes, t.No, t.Abstain) }

// Unanimous reports whether every cast vote on the roll call was the same.
func (t Tally) Unanimous() bool {
	n := 0
	for _, c := range [...]int{t.Yes, t.No, t.Abstain} {
		if c > 0 {
			n++
		}
	}
	return n <= 1
}

// SubjectTerms returns the subject terms of Subjects, which joins them
// with "; " (the UN Digital Library's subjects column, and the UNBIS
// Thesaurus terms of the UN's resolution data); nil if there are none.
func (rc *RollCall) SubjectTerms() []string {
	if strings.TrimSpace(rc.Subjects) == "" {
		return nil
	}
	terms := strings.Split(rc.Subjects, subjectSep)
	for i, t := range terms {
		terms[i] = strings.TrimSpace(t)
	}
	return terms
}
