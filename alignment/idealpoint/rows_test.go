package idealpoint

import (
	"context"
	"encoding/csv"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/unga-go/unga/votes"
)

func TestRows(t *testing.T) {
	ds := loadReal(t)
	st, err := Estimate(context.Background(), ds.Filter(votes.InSessions(74, 74)), nil)
	if err != nil {
		t.Fatal(err)
	}
	dyn, err := EstimateDynamic(context.Background(), ds.Filter(votes.InSessions(73, 74)), nil)
	if err != nil {
		t.Fatal(err)
	}
	// Session 74: 193 members, all cast a vote on a contested roll call.
	rows := st.rows()
	if len(rows) != 193 {
		t.Errorf("%d rows, want 193", len(rows))
	}
	for i, r := range rows {
		p := st.Positions[i]
		if r.Session != 74 || r.COW != p.Country.COW || r.ISO3 != p.Country.ISO3 || r.N != p.Votes ||
			math.Abs(r.Lo-(p.IdealPoint-1.96*p.SE)) > 1e-4*p.SE || math.Abs(r.Hi-(p.IdealPoint+1.96*p.SE)) > 1e-4*p.SE {
			t.Fatalf("row %d = %+v for %+v", i, r, p)
		}
	}
	// A static fit over two sessions has no session.
	two, err := Estimate(context.Background(), ds.Filter(votes.InSessions(73, 74)), nil)
	if err != nil {
		t.Fatal(err)
	}
	if s := two.Positions[0].Session; s != 0 {
		t.Errorf("sessions 73-74: Session = %d, want 0", s)
	}
	for _, tc := range []struct {
		name string
		w    func(*strings.Builder) error
		n    int
	}{
		{"static", func(b *strings.Builder) error { return st.WriteCSV(b) }, 193},
		{"dynamic", func(b *strings.Builder) error { return dyn.WriteCSV(b) }, len(dyn.Positions)},
	} {
		var b strings.Builder
		if err := tc.w(&b); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(strings.NewReader(b.String())).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if h := strings.Join(recs[0], ","); h != "iso3,cow,name,session,ideal_point,se,lo,hi,n" {
			t.Errorf("%s: header %q", tc.name, h)
		}
		if len(recs) != tc.n+1 {
			t.Errorf("%s: %d rows, want %d", tc.name, len(recs)-1, tc.n)
		}
		// The United States is first (COW 2) and positive.
		if v, _ := strconv.ParseFloat(recs[1][4], 64); recs[1][0] != "USA" || !(v > 0) {
			t.Errorf("%s: first row %v", tc.name, recs[1])
		}
	}
	// Path: Russia in sessions 73 and 74, in order.
	rus, _ := votes.LookupCountry("RUS")
	path := dyn.Path(rus)
	if len(path) != 2 || path[0].Session != 73 || path[1].Session != 74 || path[0].Country.COW != 365 {
		t.Errorf("Russia's path %+v", path)
	}
	if p := dyn.Path(votes.Country{COW: 99999}); len(p) != 0 {
		t.Errorf("unknown state's path %+v", p)
	}
}

// TestJoinPredecessors: with the Federal Republic's votes counted as
// Germany's (votes.Dataset.JoinPredecessors), Germany's path runs through
// 1990; without, Germany (255) starts in session 45 (unification on 3
// October 1990) and the Federal Republic (260) stops after session 44.
func TestJoinPredecessors(t *testing.T) {
	ds := loadReal(t).Filter(votes.InSessions(43, 47))
	joined, err := ds.JoinPredecessors(nil)
	if err != nil {
		t.Fatal(err)
	}
	deu, frg := votes.Country{COW: 255}, votes.Country{COW: 260}
	plain, err := EstimateDynamic(context.Background(), ds, nil)
	if err != nil {
		t.Fatal(err)
	}
	dyn, err := EstimateDynamic(context.Background(), joined, nil)
	if err != nil {
		t.Fatal(err)
	}
	sessions := func(ps []Position) []int {
		var s []int
		for _, p := range ps {
			s = append(s, p.Session)
		}
		return s
	}
	t.Logf("plain: Germany %v, FRG %v; joined: Germany %v, FRG %v",
		sessions(plain.Path(deu)), sessions(plain.Path(frg)), sessions(dyn.Path(deu)), sessions(dyn.Path(frg)))
	if got := sessions(dyn.Path(deu)); !slices.Equal(got, []int{43, 44, 45, 46, 47}) || len(dyn.Path(frg)) != 0 {
		t.Errorf("joined: Germany in sessions %v, FRG %v; want 43-47 and none", got, sessions(dyn.Path(frg)))
	}
	if len(plain.Path(frg)) == 0 || len(plain.Path(deu)) >= 5 {
		t.Errorf("plain: Germany %v, FRG %v", sessions(plain.Path(deu)), sessions(plain.Path(frg)))
	}
}

// Position.Interval: z from the normal quantile (textbook values 1.644854,
// 1.959964, 2.575829 for 90%, 95%, 99%); a level outside (0, 1) panics.
func TestPositionInterval(t *testing.T) {
	p := Position{IdealPoint: 0.5, SE: 0.2}
	for _, tc := range []struct{ level, z float64 }{{0.90, 1.644854}, {0.95, 1.959964}, {0.99, 2.575829}} {
		lo, hi := p.Interval(tc.level)
		if math.Abs(lo-(0.5-tc.z*0.2)) > 1e-6 || math.Abs(hi-(0.5+tc.z*0.2)) > 1e-6 {
			t.Errorf("Interval(%v) = %v, %v; want 0.5 ∓ %v x 0.2", tc.level, lo, hi, tc.z)
		}
	}
	for _, level := range []float64{0, 1, math.NaN()} {
		func() {
			defer func() {
				if r := recover(); r == nil {
					t.Errorf("Interval(%v) did not panic", level)
				}
			}()
			p.Interval(level)
		}()
	}
}
