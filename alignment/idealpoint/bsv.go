package idealpoint

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/unga-go/unga/votes"
)

// q5 and q95 index PublishedEstimate.Quantiles.
const q5, q95 = 1, 5

// bsvFile names the input of ReadBSV in its errors.
const bsvFile = "ideal point estimates"

// PublishedEstimate is one state's published ideal point in one session.
type PublishedEstimate struct {
	COW     int    // Correlates of War code (ccode)
	ISO3    string // ISO 3166 alpha-3 code as published (iso3c)
	Name    string // country name as published, in UTF-8
	Session int
	Votes   int // votes the estimate rests on (NVotes)
	// IdealPoint is the posterior mean.
	IdealPoint float64
	// Quantiles are the posterior quantiles at 0, 5, 10, 50, 90, 95 and
	// 100%, in that order.
	Quantiles [7]float64
}

// SD is the posterior standard deviation implied by the 5% and 95%
// quantiles, (Q95 - Q5) / 3.29, exact for a normal posterior and robust to
// the long tails of the 0% and 100% quantiles of a finite sample of draws.
func (e PublishedEstimate) SD() float64 {
	return (e.Quantiles[q95] - e.Quantiles[q5]) / (2 * 1.6448536269514722)
}

// Published holds published ideal point estimates, ordered by COW code and
// session.
type Published struct {
	Estimates []PublishedEstimate
}

// Get returns the estimate of state c (matched by COW code) in session s.
func (p *Published) Get(c votes.Country, session int) (PublishedEstimate, bool) {
	return p.lookup(c.COW, session)
}

func (p *Published) lookup(cow, session int) (PublishedEstimate, bool) {
	i, ok := slices.BinarySearchFunc(p.Estimates, [2]int{cow, session}, func(e PublishedEstimate, k [2]int) int {
		if e.COW != k[0] {
			return e.COW - k[0]
		}
		return e.Session - k[1]
	})
	if !ok {
		return PublishedEstimate{}, false
	}
	return p.Estimates[i], true
}

// session returns the estimates of session s, ordered by COW code.
func (p *Published) session(s int) []PublishedEstimate {
	var out []PublishedEstimate
	for _, e := range p.Estimates {
		if e.Session == s {
			out = append(out, e)
		}
	}
	return out
}

// BSVRollCalls returns a filter that keeps the roll calls Bailey,
// Strezhnev & Voeten estimate their ideal points from, so that a fit can be
// compared with theirs on the same votes:
//
//	dyn, err := idealpoint.EstimateDynamic(context.Background(), ds.Filter(idealpoint.BSVRollCalls()), nil)
//
// It leaves out the separate votes on amendments and on paragraphs of a
// draft (RollCall.IsPart) from session 40 on, and keeps
// every other roll call. Their files count those of the early record,
// where each such vote carries its own symbol (sessions 1-39), but not
// those of sessions 52-72, which the record takes from the meeting records
// under the symbol of the resolution they are part of. The
// rule is read from their files: with it, the contested roll calls of each
// session 1-74 number exactly the most votes any state's estimate rests on
// (NVotes) (TestBSVRollCalls). Roll calls whose flags the source does not
// give (the UN Digital Library) are kept.
//
// The choice matters for the standard errors more than for the positions:
// these votes often set apart the states at the end opposite the West
// (Syria, Iran and Cuba abstain together on paragraph after paragraph of
// the disarmament resolutions of session 71), so on all roll calls those
// states' standard errors are smaller than BSV's, and the correlation of
// the two falls in the sessions that hold many such votes (see the package
// documentation, "Scale, sign and uncertainty").
func BSVRollCalls() votes.Filter {
	return func(d *votes.Dataset, j int) bool {
		rc := d.RollCall(j)
		return !rc.IsPart() || rc.Session < bsvPartsFrom
	}
}

// bsvPartsFrom is the first session whose votes on amendments and
// paragraphs BSVRollCalls leaves out. Sessions 40-51 hold none, so any
// boundary from 40 to 52 selects the same roll calls.
const bsvPartsFrom = 40

// bsvColumns is the header of Bailey, Strezhnev & Voeten's file. "QO%" is
// spelt with the letter O in the April 2020 release; "Q0%" is accepted too.
var bsvColumns = []string{"Row", "ccode", "session", "NVotes", "IdealPoint",
	"QO%", "Q5%", "Q10%", "Q50%", "Q90%", "Q95%", "Q100%", "iso3c", "Countryname"}

// ErrBadHeader is returned (inside a *votes.ParseError) when the header is not
// that of the published file.
var ErrBadHeader = errors.New("idealpoint: not the header of Bailey, Strezhnev & Voeten's estimates")

// ReadBSV reads the ideal point estimates of Bailey, Strezhnev & Voeten
// (2017), as published in their Harvard Dataverse release
// (IdealpointestimatesAll_Apr2020.csv: sessions 1-74, 10,469 rows), so that
// a fit can be compared with them (use COW codes and sessions; their scale
// differs from ours by an affine map). Fit on the roll calls they use,
// selected by BSVRollCalls, for a like-for-like comparison.
//
// The columns are Row, ccode, session, NVotes, IdealPoint (posterior
// mean), QO%..Q100% (posterior quantiles at 0, 5, 10, 50, 90, 95 and 100%),
// iso3c and Countryname. The file is Latin-1; names that are not valid
// UTF-8 are decoded from Latin-1, so a copy re-saved as UTF-8 reads the
// same. Every error is a *votes.ParseError giving the line and column; a state
// listed twice for a session is an error. An "NA" ISO3 code (states the
// release gives none) is kept as "".
func ReadBSV(r io.Reader) (*Published, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = len(bsvColumns)
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err != nil {
		if err == io.EOF {
			return nil, &votes.ParseError{File: bsvFile, Line: 1, Err: fmt.Errorf("%w: empty input", ErrBadHeader)}
		}
		return nil, csvError(err)
	}
	for i, h := range head {
		h = strings.TrimPrefix(h, "\ufeff")
		if h != bsvColumns[i] && !(i == 5 && h == "Q0%") {
			return nil, &votes.ParseError{File: bsvFile, Line: 1, Column: col(cr, i), Field: bsvColumns[i],
				Err: fmt.Errorf("%w: column %d is %q, want %q", ErrBadHeader, i+1, h, bsvColumns[i])}
		}
	}
	p := &Published{}
	seen := map[[2]int]int{} // COW, session -> line
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(err)
		}
		line, _ := cr.FieldPos(0)
		bad := func(i int, err error) error {
			return &votes.ParseError{File: bsvFile, Line: line, Column: col(cr, i), Field: bsvColumns[i], Err: err}
		}
		var e PublishedEstimate
		ints := []*int{nil, &e.COW, &e.Session, &e.Votes}
		for i := 1; i <= 3; i++ {
			v, err := strconv.Atoi(rec[i])
			if err != nil || v < 0 {
				return nil, bad(i, fmt.Errorf("%q is not a non-negative integer", rec[i]))
			}
			*ints[i] = v
		}
		q := &e.Quantiles
		floats := []*float64{&e.IdealPoint, &q[0], &q[1], &q[2], &q[3], &q[4], &q[5], &q[6]}
		for k, f := range floats {
			i := 4 + k
			v, err := strconv.ParseFloat(rec[i], 64)
			if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				return nil, bad(i, fmt.Errorf("%q is not a finite number", rec[i]))
			}
			*f = v
		}
		if !slices.IsSorted(q[:]) {
			return nil, bad(5, fmt.Errorf("quantiles %v are not in increasing order", *q))
		}
		if iso := rec[12]; iso != "NA" {
			e.ISO3 = iso
		}
		e.Name = latin1(rec[13])
		k := [2]int{e.COW, e.Session}
		if first, dup := seen[k]; dup {
			return nil, bad(2, fmt.Errorf("COW %d session %d already listed on line %d", e.COW, e.Session, first))
		}
		seen[k] = line
		p.Estimates = append(p.Estimates, e)
	}
	slices.SortStableFunc(p.Estimates, func(a, b PublishedEstimate) int {
		if a.COW != b.COW {
			return a.COW - b.COW
		}
		return a.Session - b.Session
	})
	return p, nil
}

// col is the byte column of field i of the record just read.
func col(cr *csv.Reader, i int) int {
	_, c := cr.FieldPos(i)
	return c
}

// csvError turns an encoding/csv error into a *votes.ParseError.
func csvError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return &votes.ParseError{File: bsvFile, Line: pe.Line, Column: pe.Column, Err: pe.Err}
	}
	return err
}

// latin1 returns s unchanged if it is valid UTF-8, else decodes it from
// Latin-1 (ISO 8859-1), whose bytes are the first 256 code points.
func latin1(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		b.WriteRune(rune(s[i]))
	}
	return b.String()
}
