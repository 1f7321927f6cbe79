package idealpoint

import (
	"io"

	"github.com/unga-go/unga/internal/tidy"
)

// Level is the coverage of the interval (Lo, Hi) in tidy rows: ideal point
// ± 1.959964 SE, a 95% normal interval.
const Level = 0.95

const z95 = 1.959963984540054

// PositionRow is one state's ideal point in tidy form: one row per state
// (and session, in a dynamic fit).
type PositionRow struct {
	ISO3       string  `csv:"iso3"`
	COW        int     `csv:"cow"`
	Name       string  `csv:"name"`
	Session    int     `csv:"session"` // 0 in a static fit over several sessions
	IdealPoint float64 `csv:"ideal_point"`
	SE         float64 `csv:"se"`
	Lo         float64 `csv:"lo"` // IdealPoint - 1.96 SE (Level 0.95)
	Hi         float64 `csv:"hi"` // IdealPoint + 1.96 SE
	N          int     `csv:"n"`  // votes the estimate rests on
}

func rows(ps []Position) []PositionRow {
	out := make([]PositionRow, len(ps))
	for i, p := range ps {
		out[i] = PositionRow{
			ISO3: p.Country.ISO3, COW: p.Country.COW, Name: p.Country.Name,
			Session: p.Session, IdealPoint: p.IdealPoint, SE: p.SE,
			Lo: p.IdealPoint - z95*p.SE, Hi: p.IdealPoint + z95*p.SE, N: p.Votes,
		}
	}
	return out
}

// Rows returns the positions as tidy rows, ordered by COW code.
func (r *Result) Rows() []PositionRow { return rows(r.Positions) }

// WriteCSV writes Rows as CSV with the header
// iso3,cow,name,session,ideal_point,se,lo,hi,n.
func (r *Result) WriteCSV(w io.Writer) error { return tidy.Write(w, r.Rows()) }

// Rows returns the positions as tidy rows, ordered by COW code and
// session.
func (r *DynamicResult) Rows() []PositionRow { return rows(r.Positions) }

// WriteCSV writes Rows as CSV with the header
// iso3,cow,name,session,ideal_point,se,lo,hi,n.
func (r *DynamicResult) WriteCSV(w io.Writer) error { return tidy.Write(w, r.Rows()) }
