package alignment

import (
	"io"
	"math"
	"slices"

	"github.com/unga-go/unga/internal/tidy"
	"github.com/unga-go/unga/votes"
)

// Tidy rows: every result writes, with WriteCSV, one observation per
// row under a header of the `csv` tags (lower snake
// case). A state is iso3, cow, name; a pair iso3_a ... name_b. A NaN score
// is written "NaN". In a series, session is the regular session and year
// the year it opened (by session), or session 0 and year the calendar year
// (by year).

func pairOf(a, b votes.Country) tidy.Pair {
	return tidy.Pair{ISO3A: a.ISO3, COWA: a.COW, NameA: a.Name, ISO3B: b.ISO3, COWB: b.COW, NameB: b.Name}
}

// tableRow is one cell of a joint-vote table.
type tableRow struct {
	VoteA string `csv:"vote_a"` // yes, abstain or no
	VoteB string `csv:"vote_b"`
	N     int    `csv:"n"`
}

var castNames = [3]string{"yes", "abstain", "no"}

// rows returns the rows of WriteCSV.
func (t *Table) rows() []tableRow {
	out := make([]tableRow, 0, 9)
	for i := range 3 {
		for j := range 3 {
			out = append(out, tableRow{VoteA: castNames[i], VoteB: castNames[j], N: t[i][j]})
		}
	}
	return out
}

// WriteCSV writes as tidy CSV, with a header line, the nine cells of the
// table, A's votes as the outer loop.
func (t *Table) WriteCSV(w io.Writer) error { return tidy.Write(w, t.rows()) }

// pairTableRow is one cell of the joint-vote table of a pair of states.
type pairTableRow struct {
	tidy.Pair
	VoteA string `csv:"vote_a"` // yes, abstain or no
	VoteB string `csv:"vote_b"`
	N     int    `csv:"n"`
}

// rows returns the rows of WriteCSV.
func (ts *pairTables) rows() []pairTableRow {
	n := len(ts.Countries)
	out := make([]pairTableRow, 0, 9*n*(n-1)/2)
	for i, a := range ts.Countries {
		for j := i + 1; j < n; j++ {
			b := ts.Countries[j]
			t := ts.Table(i, j)
			for _, c := range t.rows() {
				out = append(out, pairTableRow{Pair: pairOf(a, b), VoteA: c.VoteA, VoteB: c.VoteB, N: c.N})
			}
		}
	}
	return out
}

// WriteCSV writes as tidy CSV, with a header line, the tables of every pair
// of different states (i < j, in row order) in long form: nine rows per
// pair, A's votes as the outer loop.
func (ts *pairTables) WriteCSV(w io.Writer) error { return tidy.Write(w, ts.rows()) }

// pairRow is the score of one pair of states.
type pairRow struct {
	tidy.Pair
	Index string  `csv:"index"`
	Score float64 `csv:"score"`
	N     int     `csv:"n"`
}

func makePairRow(a, b votes.Country, x Index, s Score) pairRow {
	return pairRow{Pair: pairOf(a, b), Index: x.String(), Score: s.Value, N: s.N}
}

// rows returns the rows of WriteCSV.
func (m *Matrix) rows() []pairRow {
	n := len(m.Countries)
	out := make([]pairRow, 0, n*(n-1)/2)
	for i := range n {
		for j := i + 1; j < n; j++ {
			out = append(out, makePairRow(m.Countries[i], m.Countries[j], m.Index, m.At(i, j)))
		}
	}
	return out
}

// WriteCSV writes as tidy CSV, with a header line, the matrix in long form:
// one row per pair of different states (i < j, in row order), with its n;
// NaN scores included.
func (m *Matrix) WriteCSV(w io.Writer) error { return tidy.Write(w, m.rows()) }

// pairPeriodRow is the score of one pair of states in one period.
type pairPeriodRow struct {
	tidy.Pair
	Session int     `csv:"session"` // 0 in a series by year
	Year    int     `csv:"year"`    // the calendar year, or the year the session opened
	Index   string  `csv:"index"`
	Score   float64 `csv:"score"`
	N       int     `csv:"n"`
}

// period returns the session and year columns of period p.
func period(by By, p int) (session, year int) {
	if by == ByYear {
		return 0, p
	}
	return p, openingYear(p)
}

func makePairPeriodRow(a, b votes.Country, by By, p int, x Index, s Score) pairPeriodRow {
	r := makePairRow(a, b, x, s)
	session, year := period(by, p)
	return pairPeriodRow{Pair: r.Pair,
		Session: session, Year: year, Index: r.Index, Score: r.Score, N: r.N}
}

// rows returns the rows of WriteCSV.
func (ps *PairSeries) rows() []pairPeriodRow {
	var out []pairPeriodRow
	for k, p := range ps.Periods {
		for _, x := range Indices() {
			out = append(out, makePairPeriodRow(ps.A, ps.B, ps.By, p, x, ps.Tables[k].Score(x, 1)))
		}
	}
	return out
}

// WriteCSV writes as tidy CSV, with a header line, every index of the pair
// in every period: period by period, the indices in the order of Indices.
func (ps *PairSeries) WriteCSV(w io.Writer) error { return tidy.Write(w, ps.rows()) }

// rows returns the rows of WriteCSV.
func (sm *MatrixSeries) rows() []pairPeriodRow {
	var out []pairPeriodRow
	for k, m := range sm.Matrices {
		n := len(m.Countries)
		for i := range n {
			for j := i + 1; j < n; j++ {
				out = append(out, makePairPeriodRow(m.Countries[i], m.Countries[j], sm.By, sm.Periods[k], m.Index, m.At(i, j)))
			}
		}
	}
	return out
}

// WriteCSV writes as tidy CSV, with a header line, each period's matrix in
// long form: period by period, one row per pair of different states that
// voted in it.
func (sm *MatrixSeries) WriteCSV(w io.Writer) error { return tidy.Write(w, sm.rows()) }

// referenceRow is one state's score with the reference in one period, and
// its rank in that period among the series' states.
type referenceRow struct {
	Session int `csv:"session"` // 0 in a series by year
	Year    int `csv:"year"`    // the calendar year, or the year the session opened
	Rank    int `csv:"rank"`    // 1 for the highest score in the period; 0 for NaN
	tidy.Pair
	Index string  `csv:"index"`
	Score float64 `csv:"score"`
	N     int     `csv:"n"`
	// The share of the period's roll calls state b was a member for, and
	// the first and last of them (ReferenceSeries.Membership).
	MemberShare float64 `csv:"member_share"`
	MemberFrom  string  `csv:"member_from"`
	MemberTo    string  `csv:"member_to"`
}

// rows returns the rows of WriteCSV.
func (rs *ReferenceSeries) rows() []referenceRow {
	out := make([]referenceRow, 0, len(rs.Countries)*len(rs.Periods))
	order := make([]int, 0, len(rs.Countries))
	for k, p := range rs.Periods {
		order = order[:0]
		for i, c := range rs.Countries {
			if c.COW != rs.Reference.COW {
				order = append(order, i)
			}
		}
		slices.SortStableFunc(order, func(x, y int) int {
			return compareRanked(rs.At(x, k), rs.At(y, k), rs.Countries[x].COW, rs.Countries[y].COW)
		})
		session, year := period(rs.By, p)
		for r, i := range order {
			s, m := rs.At(i, k), rs.Membership(i, k)
			pr := makePairRow(rs.Reference, rs.Countries[i], rs.Index, s)
			rank := r + 1
			if math.IsNaN(s.Value) {
				rank = 0
			}
			out = append(out, referenceRow{Session: session, Year: year, Rank: rank,
				Pair:  pr.Pair,
				Index: pr.Index, Score: pr.Score, N: pr.N, MemberShare: m.Share(), MemberFrom: date(m.First), MemberTo: date(m.Last)})
		}
	}
	return out
}

// WriteCSV writes as tidy CSV, with a header line, every state's score with
// the reference (a is the reference, b the state), period by period, each
// period ranked as Rank ranks: highest score first (ties: larger n, then
// COW code), NaN scores last with rank 0. The reference itself is left out.
// Narrow the states first (Dataset.SelectCountries) to rank a group, such
// as the Balkan states, within each session: the scores do not change.
func (rs *ReferenceSeries) WriteCSV(w io.Writer) error { return tidy.Write(w, rs.rows()) }

// seriesRow is one named series' score in one period.
type seriesRow struct {
	Series  string  `csv:"series"`
	Session int     `csv:"session"` // 0 in a series by year
	Year    int     `csv:"year"`
	Score   float64 `csv:"score"`
	N       int     `csv:"n"`
}

// rows returns the rows of WriteCSV.
func (s *Series) rows() []seriesRow {
	var out []seriesRow
	for c, name := range s.names {
		for k, p := range s.periods {
			session, year := period(s.by, p)
			sc := s.columns[c][k]
			out = append(out, seriesRow{Series: name, Session: session, Year: year, Score: sc.Value, N: sc.N})
		}
	}
	return out
}

// WriteCSV writes as tidy CSV, with a header line, the series column by
// column, period by period.
func (s *Series) WriteCSV(w io.Writer) error { return tidy.Write(w, s.rows()) }

// rankRow is one state's place in a ranking: a is the reference, b the
// state ranked.
type rankRow struct {
	Rank int `csv:"rank"` // 0 for a state without a score (last)
	tidy.Pair
	Index string  `csv:"index"`
	Score float64 `csv:"score"`
	N     int     `csv:"n"`
	// The state's Membership: the share of the selection's roll calls
	// it was a member for, and the first and last of them (yyyy-mm-dd).
	MemberShare float64 `csv:"member_share"`
	MemberFrom  string  `csv:"member_from"`
	MemberTo    string  `csv:"member_to"`
}

// rows returns the rows of WriteCSV.
func (rk *Ranking) rows() []rankRow {
	out := make([]rankRow, 0, len(rk.States))
	for _, s := range rk.States {
		p := makePairRow(rk.Reference, s.Country, rk.Index, s.Score)
		m := s.Membership
		out = append(out, rankRow{Rank: s.Rank, Pair: p.Pair,
			Index: p.Index, Score: p.Score, N: p.N, MemberShare: m.Share(), MemberFrom: date(m.First), MemberTo: date(m.Last)})
	}
	return out
}

// WriteCSV writes as tidy CSV, with a header line, the ranking in order,
// the states without a score (NaN) last; the states without a vote
// (NoVotes) are not in it.
func (rk *Ranking) WriteCSV(w io.Writer) error { return tidy.Write(w, rk.rows()) }

// cohesionRow is a group's cohesion on one roll call.
type cohesionRow struct {
	Group      string  `csv:"group"`
	RCID       int     `csv:"rcid"`
	Session    int     `csv:"session"`
	Year       int     `csv:"year"`
	Date       string  `csv:"date"` // yyyy-mm-dd
	Resolution string  `csv:"resolution"`
	Yes        int     `csv:"yes"`
	No         int     `csv:"no"`
	Abstain    int     `csv:"abstain"`
	Absent     int     `csv:"absent"` // members recorded absent
	Rice       float64 `csv:"rice"`
	HNR        float64 `csv:"hnr"` // Hix, Noury and Roland's agreement index
}

// rows returns the rows of WriteCSV.
func (r *GroupCohesion) rows() []cohesionRow {
	out := make([]cohesionRow, 0, len(r.RollCalls))
	for _, c := range r.RollCalls {
		rc := r.ds.RollCall(c.Index)
		out = append(out, cohesionRow{
			Group: r.Group, RCID: rc.ID, Session: rc.Session, Year: rc.Year(), Date: rc.Date.Format("2006-01-02"),
			Resolution: rc.Resolution, Yes: c.Tally.Yes, No: c.Tally.No, Abstain: c.Tally.Abstain, Absent: c.Tally.NonVoting,
			Rice: c.rice, HNR: c.hnr,
		})
	}
	return out
}

// WriteCSV writes as tidy CSV, with a header line, one row per roll call of
// the report.
func (r *GroupCohesion) WriteCSV(w io.Writer) error { return tidy.Write(w, r.rows()) }

// cohesionPeriodRow is one measure of a group's cohesion in one period.
type cohesionPeriodRow struct {
	Group   string  `csv:"group"`
	Session int     `csv:"session"` // 0 in a series by year
	Year    int     `csv:"year"`
	Index   string  `csv:"index"` // "rice" or "hnr"
	Score   float64 `csv:"score"`
	N       int     `csv:"n"` // roll calls averaged
}

// rows returns the rows of WriteCSV.
func (cs *CohesionSeries) rows() []cohesionPeriodRow {
	out := make([]cohesionPeriodRow, 0, 2*len(cs.Periods))
	for k, p := range cs.Periods {
		session, year := period(cs.By, p)
		out = append(out,
			cohesionPeriodRow{Group: cs.Group, Session: session, Year: year, Index: "rice", Score: cs.Rice[k].Value, N: cs.Rice[k].N},
			cohesionPeriodRow{Group: cs.Group, Session: session, Year: year, Index: "hnr", Score: cs.HNR[k].Value, N: cs.HNR[k].N})
	}
	return out
}

// WriteCSV writes as tidy CSV, with a header line, period by period, the
// mean Rice index and the mean Hix-Noury-Roland index.
func (cs *CohesionSeries) WriteCSV(w io.Writer) error { return tidy.Write(w, cs.rows()) }

// defectionRow is one member's defections from its group's majority.
type defectionRow struct {
	Group      string  `csv:"group"`
	ISO3       string  `csv:"iso3"`
	COW        int     `csv:"cow"`
	Name       string  `csv:"name"`
	N          int     `csv:"n"` // votes cast when the group had a majority
	Defections int     `csv:"defections"`
	Share      float64 `csv:"share"`
	Expected   float64 `csv:"expected"` // defections expected by chance
	PValue     float64 `csv:"p_value"`  // of as many defections or more
}

// rows returns the rows of WriteCSV.
func (r *GroupDefections) rows() []defectionRow {
	out := make([]defectionRow, 0, len(r.States))
	for _, d := range r.States {
		out = append(out, defectionRow{Group: r.Group, ISO3: d.Country.ISO3, COW: d.Country.COW, Name: d.Country.Name, N: d.N, Defections: d.Defections, Share: d.Share, Expected: d.Expected, PValue: d.PValue})
	}
	return out
}

// WriteCSV writes as tidy CSV, with a header line, the members as ranked:
// the highest share first, NaN last.
func (r *GroupDefections) WriteCSV(w io.Writer) error { return tidy.Write(w, r.rows()) }

// outlierRow is one member's record against the reference: a is the
// reference, b the member. name_b is the member's name on the last roll
// call it sat for (OutlierRecord.Name: "Yugoslavia" in 2000), name_a the
// reference's Country.Name.
type outlierRow struct {
	Group string `csv:"group"`
	tidy.Pair
	With      int     `csv:"with"`
	Against   int     `csv:"against"`
	Abstained int     `csv:"abstained"`
	Absent    int     `csv:"absent"`
	Index     string  `csv:"index"`
	Score     float64 `csv:"score"`
	N         int     `csv:"n"`
	Judged    bool    `csv:"judged"`
	Outlier   bool    `csv:"outlier"`
}

// rows returns the rows of WriteCSV.
func (rep *GroupRecord) rows() []outlierRow {
	out := make([]outlierRow, 0, len(rep.States))
	ref := rep.Reference
	for _, m := range rep.States {
		out = append(out, outlierRow{
			Group: rep.Group.Name, Pair: tidy.Pair{ISO3A: ref.ISO3, COWA: ref.COW, NameA: ref.Name, ISO3B: m.Country.ISO3, COWB: m.Country.COW, NameB: m.Name},
			With: m.With, Against: m.Against, Abstained: m.Abstained, Absent: m.Absent,
			Index: rep.Options.Index.String(), Score: m.Score.Value, N: m.Score.N, Judged: m.Judged, Outlier: m.Outlier,
		})
	}
	return out
}

// WriteCSV writes as tidy CSV, with a header line, one row per member, by
// COW code.
func (rep *GroupRecord) WriteCSV(w io.Writer) error { return tidy.Write(w, rep.rows()) }
