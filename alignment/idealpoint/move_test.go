package idealpoint

import (
	"context"
	"errors"
	"github.com/unga-go/unga/votes"
	"math"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/stat"
)

// fitMoveSim fits simulateDynamic's votes as fitDynamicSim does and
// returns the estimates, the truth (both standardized), the SEs on that
// scale and the model.
func fitMoveSim(t *testing.T, n, s, nItem int, tau, drift, seDrift float64, seed uint64) (est, tr, se []float64, m *model) {
	truth, items, groups := simulateDynamic(n, s, nItem, tau, seed)
	m = simDynamicModel(n, s, items, groups, drift*drift)
	m.varB = defaultVarB
	m.initPCA()
	for k := range s {
		x, y := m.theta[k*n:(k+1)*n], truth[k*n:(k+1)*n]
		if stat.Correlation(x, y, nil) < 0 {
			for i := range x {
				x[i] = -x[i]
			}
		}
	}
	m.seStepScale = seDrift * seDrift / (drift * drift)
	m.initItems()
	if err := m.fit(coreSettings{maxIter: 500, tol: 1e-5}); err != nil {
		t.Fatal(err)
	}
	est = slices.Clone(m.theta)
	_, sd := standardize(est)
	tr = slices.Clone(truth)
	standardize(tr)
	se = make([]float64, len(est))
	for u := range se {
		se[u] = math.Sqrt(m.curv[u]) / sd
	}
	return est, tr, se, m
}

// TestMoveSECalibrated: on paths simulated from the model (100 states, 10
// sessions, 30 roll calls each), the standard error of a state's change
// between two sessions, with the correlation along its path, matches the
// spread of the change's error over the state-sessions: the root mean
// square of error/SE lies in 0.8-1.2, the band TestSECoverageDynamic
// allows the positions themselves (with 900 changes between neighbouring
// sessions its sampling error is about 1/√1800, 2.4%, widened for what a
// session's roll calls share among its states).
//
// With steps of 0.3 fitted at the true drift (the setting in which the
// positions' standard errors are honest) neighbouring sessions correlate at
// 0.17 on average, the SE of their change is 0.91 of the independent
// combination and the RMS is 0.86 (0.79 combined as if independent);
// three sessions apart the correlation is 0.01, nine apart 0.000 (RMS
// 1.04). At the defaults (Drift 0.1, UncertaintyDrift 0.85, steps 0.85)
// the paths link neighbouring sessions less (0.04) and the smoothed
// positions move less than the SE allows (RMS 0.51 between neighbours,
// 1.10 nine apart): logged, not checked.
func TestMoveSECalibrated(t *testing.T) {
	const n, s, nItem = 100, 10, 30
	for _, tc := range []struct {
		tau, drift, seDrift float64
		check               bool
	}{
		{0.3, 0.3, 0.3, true},
		{0.85, defaultDrift, defaultUncertaintyDrift, false},
	} {
		est, tr, se, m := fitMoveSim(t, n, s, nItem, tc.tau, tc.drift, tc.seDrift, 3)
		for _, gap := range []int{1, 3, 9} {
			var z2, zi2, rhoSum, ratio float64
			var cnt int
			for k := 0; k+gap < s; k++ {
				for i := range n {
					u, v := k*n+i, (k+gap)*n+i
					rho := 1.0
					for l := k + 1; l <= k+gap; l++ {
						rho *= m.lagCorr[l*n+i]
					}
					sc, si := changeSE(se[u], se[v], rho), math.Hypot(se[u], se[v])
					if rho > 1e-6 && !(sc < si) {
						t.Fatalf("state %d, sessions %d-%d: correlation %.3f, SE %.4f not below the independent %.4f", i, k, k+gap, rho, sc, si)
					}
					e := est[v] - est[u] - (tr[v] - tr[u])
					z2 += e * e / (sc * sc)
					zi2 += e * e / (si * si)
					rhoSum += rho
					ratio += sc / si
					cnt++
				}
			}
			nf := float64(cnt)
			rms, rmsInd := math.Sqrt(z2/nf), math.Sqrt(zi2/nf)
			t.Logf("steps %.2f, Drift %.2f, UncertaintyDrift %.2f, %d sessions apart: mean corr %.3f, SE/independent %.3f; RMS error/SE %.3f (independent %.3f)",
				tc.tau, tc.drift, tc.seDrift, gap, rhoSum/nf, ratio/nf, rms, rmsInd)
			if !tc.check {
				continue
			}
			if rms < 0.8 || rms > 1.2 {
				t.Errorf("steps %.2f, %d sessions apart: RMS error/SE %.3f, want 0.8-1.2", tc.tau, gap, rms)
			}
			if gap == 1 && (rhoSum/nf < 0.1 || !(math.Abs(rms-1) < math.Abs(rmsInd-1))) {
				t.Errorf("steps %.2f, neighbouring sessions: mean correlation %.3f (want > 0.1), RMS error/SE %.3f, no nearer 1 than the independent combination's %.3f",
					tc.tau, rhoSum/nf, rms, rmsInd)
			}
		}
	}
}

// TestMoveReal: the changes of every state between sessions 70 and 74 and
// between 73 and 74 on the record, their rows, and the errors.
func TestMoveReal(t *testing.T) {
	ds := loadReal(t)
	dyn, err := EstimateDynamic(context.Background(), ds.Filter(votes.InSessions(70, 74)).Filter(BSVRollCalls()), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range [][2]int{{70, 74}, {73, 74}, {74, 73}} {
		ms, err := dyn.Moves(p[0], p[1])
		if err != nil {
			t.Fatal(err)
		}
		// Every state that voted in both sessions: 193 members.
		if len(ms) != 193 {
			t.Errorf("sessions %d-%d: %d moves, want 193", p[0], p[1], len(ms))
		}
		var corr float64
		for _, mv := range ms {
			one, err := dyn.Move(mv.Country, p[0], p[1])
			if err != nil || one != mv {
				t.Fatalf("Move(%s, %d, %d) = %v, %v; Moves has %v", mv.Country, p[0], p[1], one, err, mv)
			}
			ind := math.Hypot(mv.From.SE, mv.To.SE)
			if !(mv.Corr >= 0 && mv.Corr < 1) || !(mv.SE > 0 && mv.SE <= ind) || mv.Change != mv.To.IdealPoint-mv.From.IdealPoint ||
				mv.From.Session != p[0] || mv.To.Session != p[1] {
				t.Errorf("%s %d-%d: %+v (independent SE %.4f)", mv.Country, p[0], p[1], mv, ind)
			}
			lo, hi := mv.Interval(Level)
			if mv.Moved(Level) != (lo > 0 || hi < 0) || math.Abs(hi-lo-2*1.959964*mv.SE) > 1e-5 {
				t.Errorf("%s: interval [%v, %v], SE %v, moved %v", mv.Country, lo, hi, mv.SE, mv.Moved(Level))
			}
			corr += mv.Corr
		}
		t.Logf("sessions %d-%d: mean correlation %.4f", p[0], p[1], corr/float64(len(ms)))
		rows := ms.rows()
		var b strings.Builder
		if err := ms.WriteCSV(&b); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
		if lines[0] != "iso3,cow,name,from,to,ideal_from,ideal_to,change,se,corr,lo,hi,moved" || len(lines) != len(rows)+1 {
			t.Errorf("CSV header %q, %d lines for %d rows", lines[0], len(lines), len(rows))
		}
		for k, r := range rows {
			mv := ms[k]
			if r.COW != mv.Country.COW || r.ISO3 == "" || r.From != p[0] || r.To != p[1] || r.Change != mv.Change || r.SE != mv.SE || r.Moved != mv.Moved(Level) {
				t.Errorf("row %d: %+v for %v", k, r, mv)
			}
		}
	}
	srb, _ := votes.LookupCountry("Serbia")
	ssd, _ := votes.LookupCountry("South Sudan")
	if _, err := dyn.Move(srb, 60, 74); !errors.Is(err, ErrNoPosition) {
		t.Errorf("Serbia, session 60 not estimated: %v, want ErrNoPosition", err)
	}
	if _, err := dyn.Move(srb, 74, 74); err == nil {
		t.Error("Serbia from 74 to 74: no error")
	}
	if _, err := dyn.Moves(60, 74); !errors.Is(err, ErrNoPosition) {
		t.Errorf("Moves from session 60: %v, want ErrNoPosition", err)
	}
	if mv, err := dyn.Move(ssd, 70, 74); err != nil || mv.From.Votes == 0 {
		t.Errorf("South Sudan 70-74: %v, %v", mv, err)
	}
	var zero DynamicFit
	zero.Positions = dyn.Positions
	if _, err := zero.Move(srb, 70, 74); err == nil {
		t.Error("a DynamicFit without correlations: no error")
	}
}
