package idealpoint

import (
	"fmt"
	"io"

	"github.com/unga-go/unga/internal/tidy"
	"gonum.org/v1/gonum/stat/distuv"
)

// Level is the coverage of the interval (Lo, Hi) in tidy rows: ideal point
// ± 1.959964 SE, a 95% normal interval (Position.Interval(Level)).
const Level = 0.95

// Interval returns the normal interval of p at the given coverage level:
// IdealPoint ± z SE, z the normal quantile of (1+level)/2 (1.959964 at
// 0.95). It panics if level is not in (0, 1).
func (p Position) Interval(level float64) (lo, hi float64) {
	checkLevel(level)
	z := distuv.UnitNormal.Quantile((1 + level) / 2)
	return p.IdealPoint - z*p.SE, p.IdealPoint + z*p.SE
}

// checkLevel panics if level is not a coverage in (0, 1): a level such as
// 95 (meant as a percentage) is a programmer error, not data.
func checkLevel(level float64) {
	if !(level > 0 && level < 1) {
		panic(fmt.Sprintf("idealpoint: interval level %v not in (0, 1)", level))
	}
}

// positionRow is one state's ideal point in tidy form: one row per state
// (and session, in a dynamic fit).
type positionRow struct {
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

func rows(ps []Position) []positionRow {
	out := make([]positionRow, len(ps))
	for i, p := range ps {
		lo, hi := p.Interval(Level)
		out[i] = positionRow{
			ISO3: p.Country.ISO3, COW: p.Country.COW, Name: p.Country.Name,
			Session: p.Session, IdealPoint: p.IdealPoint, SE: p.SE,
			Lo: lo, Hi: hi, N: p.Votes,
		}
	}
	return out
}

// rows returns the rows of WriteCSV.
func (r *Fit) rows() []positionRow { return rows(r.Positions) }

// WriteCSV writes as tidy CSV, with a header line, the positions as tidy
// rows, ordered by COW code.
func (r *Fit) WriteCSV(w io.Writer) error { return tidy.Write(w, r.rows()) }

// rows returns the rows of WriteCSV.
func (r *DynamicFit) rows() []positionRow { return rows(r.Positions) }

// WriteCSV writes as tidy CSV, with a header line, the positions as tidy
// rows, ordered by COW code and session.
func (r *DynamicFit) WriteCSV(w io.Writer) error { return tidy.Write(w, r.rows()) }
