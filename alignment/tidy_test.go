package alignment

import (
	"encoding/csv"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/unga-go/unga/votes"
)

// readCSV writes a result with its WriteCSV and reads it back.
func readCSV(t *testing.T, write func(*strings.Builder) error) (header []string, rows [][]string) {
	t.Helper()
	var b strings.Builder
	if err := write(&b); err != nil {
		t.Fatal(err)
	}
	all, err := csv.NewReader(strings.NewReader(b.String())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return all[0], all[1:]
}

// find returns the first row whose columns named in want hold those values.
func find(t *testing.T, header []string, rows [][]string, want map[string]string) []string {
	t.Helper()
	for _, r := range rows {
		ok := true
		for col, v := range want {
			k := slices.Index(header, col)
			if k < 0 {
				t.Fatalf("no column %q in %v", col, header)
			}
			ok = ok && r[k] == v
		}
		if ok {
			return r
		}
	}
	t.Fatalf("no row with %v", want)
	return nil
}

func col(t *testing.T, header, row []string, name string) string {
	t.Helper()
	k := slices.Index(header, name)
	if k < 0 {
		t.Fatalf("no column %q in %v", name, header)
	}
	return row[k]
}

const pairHeader = "iso3_a,cow_a,name_a,iso3_b,cow_b,name_b"

// The tidy tables of session 74 hold the figures of the other tests:
// USA-Israel Agree 0.9607 on 89 roll calls and its table
// (TestPairSession74), Israel first in 2019 on 88 (TestRankUSA2019), one
// row per observation.
func TestTidyRows(t *testing.T) {
	ds := load(t).Filter(votes.InSessions(74, 74))
	usa, isr := country(t, "USA"), country(t, "ISR")
	usaIsr := map[string]string{"iso3_a": "USA", "iso3_b": "ISR"}

	tab, err := Pair(ds, usa, isr, nil)
	if err != nil {
		t.Fatal(err)
	}
	h, rows := readCSV(t, func(b *strings.Builder) error { return tab.WriteCSV(b) })
	if strings.Join(h, ",") != "vote_a,vote_b,n" || len(rows) != 9 || strings.Join(rows[0], ",") != "yes,yes,18" || strings.Join(rows[8], ",") != "no,no,60" {
		t.Errorf("table CSV %v %v", h, rows)
	}

	ts, err := allTables(ds.SelectCountries(func(c votes.Country) bool { return c == usa || c == isr || c.ISO3 == "RUS" }), nil)
	if err != nil {
		t.Fatal(err)
	}
	h, rows = readCSV(t, func(b *strings.Builder) error { return ts.WriteCSV(b) })
	if strings.Join(h, ",") != pairHeader+",vote_a,vote_b,n" || len(rows) != 3*9 {
		t.Errorf("tables CSV: %v, %d rows", h, len(rows))
	}
	// USA (COW 2) before Israel (666): the table as above, A = USA.
	if r := find(t, h, rows, map[string]string{"iso3_a": "USA", "iso3_b": "ISR", "vote_a": "no", "vote_b": "no"}); r[8] != "60" {
		t.Errorf("USA-ISR no-no %v", r)
	}

	m, err := AgreementMatrix(ds, Agree, nil)
	if err != nil {
		t.Fatal(err)
	}
	h, rows = readCSV(t, func(b *strings.Builder) error { return m.WriteCSV(b) })
	if strings.Join(h, ",") != pairHeader+",index,score,n" || len(rows) != 200*199/2 {
		t.Errorf("matrix CSV: %v, %d rows", h, len(rows))
	}
	r := find(t, h, rows, usaIsr)
	if col(t, h, r, "index") != "agree" || !strings.HasPrefix(col(t, h, r, "score"), "0.9606") || col(t, h, r, "n") != "89" {
		t.Errorf("USA-ISR row %v", r)
	}
	// A state without a vote in 2019 (the GDR) scores NaN, written NaN.
	r = find(t, h, rows, map[string]string{"iso3_a": "USA", "cow_b": "265"})
	if col(t, h, r, "score") != "NaN" || col(t, h, r, "n") != "0" {
		t.Errorf("USA-GDR row %v", r)
	}

	ps, err := PairBy(load(t).Filter(votes.InSessions(73, 74)), BySession, usa, isr, nil)
	if err != nil {
		t.Fatal(err)
	}
	h, rows = readCSV(t, func(b *strings.Builder) error { return ps.WriteCSV(b) })
	if strings.Join(h, ",") != pairHeader+",session,year,index,score,n" || len(rows) != 2*len(Indices()) {
		t.Errorf("pair series CSV: %v, %d rows", h, len(rows))
	}
	r = find(t, h, rows, map[string]string{"session": "74", "index": "coincidence"})
	if col(t, h, r, "year") != "2019" || col(t, h, r, "score") != "0.975" || col(t, h, r, "n") != "80" {
		t.Errorf("coincidence row %v", r)
	}

	rk, err := Rank(load(t).Filter(votes.InYears(2019, 2019)), usa, Agree, nil)
	if err != nil {
		t.Fatal(err)
	}
	h, rows = readCSV(t, func(b *strings.Builder) error { return rk.WriteCSV(b) })
	if h[0] != "rank" || len(rows) != len(rk.States) || rows[0][0] != "1" || col(t, h, rows[0], "iso3_b") != "ISR" || col(t, h, rows[0], "n") != "88" {
		t.Errorf("ranking CSV %v %v", h, rows[:1])
	}

	rs, err := WithReference(load(t).Filter(votes.InYears(2018, 2019)), ByYear, usa, Agree, nil)
	if err != nil {
		t.Fatal(err)
	}
	h, rows = readCSV(t, func(b *strings.Builder) error { return rs.WriteCSV(b) })
	if len(rows) != 2*(len(rs.Countries)-1) {
		t.Errorf("reference series: %d rows for %d states", len(rows), len(rs.Countries))
	}
	r = find(t, h, rows, map[string]string{"iso3_b": "ISR", "year": "2019"})
	if col(t, h, r, "session") != "0" || col(t, h, r, "n") != "88" {
		t.Errorf("USA-ISR 2019 row %v", r)
	}
	// Each year's ranks are those Rank gives over that year alone.
	for _, year := range []int{2018, 2019} {
		rk, err := Rank(load(t).Filter(votes.InYears(year, year)), usa, Agree, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range rk.States {
			r := find(t, h, rows, map[string]string{"iso3_b": st.Country.ISO3, "year": strconv.Itoa(year)})
			want := strconv.Itoa(st.Rank)
			if math.IsNaN(st.Score.Value) {
				want = "0"
			}
			if got := col(t, h, r, "rank"); got != want {
				t.Errorf("%d %s: rank %s in the series, %s in Rank", year, st.Country.ISO3, got, want)
			}
		}
	}

	sm, err := AgreementBy(ds, BySession, Agree, nil)
	if err != nil {
		t.Fatal(err)
	}
	h, rows = readCSV(t, func(b *strings.Builder) error { return sm.WriteCSV(b) })
	nv := len(sm.Matrices[0].Countries)
	if len(rows) != nv*(nv-1)/2 || col(t, h, find(t, h, rows, usaIsr), "n") != "89" {
		t.Errorf("matrix series: %d rows for %d states", len(rows), nv)
	}

	s, err := rs.Series(isr)
	if err != nil {
		t.Fatal(err)
	}
	h, rows = readCSV(t, func(b *strings.Builder) error { return s.WriteCSV(b) })
	if strings.Join(h, ",") != "series,session,year,score,n" || len(rows) != 2 || rows[1][2] != "2019" || rows[1][4] != "88" {
		t.Errorf("series CSV %v %v", h, rows)
	}
}

// Group results: the Crimea figures of TestCohesionCrimea,
// TestDefectionsCrimea and TestOutliersCrimea as tidy rows.
func TestTidyGroups(t *testing.T) {
	cr, balkans, rus := crimea(t), group(t, "Balkans"), country(t, "Russia")
	coh, err := Cohesion(cr, balkans, nil)
	if err != nil {
		t.Fatal(err)
	}
	h, rows := readCSV(t, func(b *strings.Builder) error { return coh.WriteCSV(b) })
	if strings.Join(h, ",") != "group,rcid,session,year,date,resolution,yes,no,abstain,absent,rice,hnr" || len(rows) != 7 {
		t.Fatalf("cohesion CSV %v, %d rows", h, len(rows))
	}
	// A/RES/68/262 (rcid 5309): 8-0-0 among the Balkans.
	r := find(t, h, rows, map[string]string{"rcid": "5309"})
	if strings.Join(r[4:], ",") != "2014-03-27,A/RES/68/262,8,0,0,0,1,1" {
		t.Errorf("68/262 row %v", r)
	}
	cs, err := CohesionBy(cr, BySession, balkans, nil)
	if err != nil {
		t.Fatal(err)
	}
	h, rows = readCSV(t, func(b *strings.Builder) error { return cs.WriteCSV(b) })
	// Session 68 holds 68/262 alone: Rice 1 on one roll call.
	if strings.Join(h, ",") != "group,session,year,index,score,n" || strings.Join(rows[0], ",") != "Balkans,68,2013,rice,1,1" {
		t.Errorf("cohesion series CSV %v %v", h, rows)
	}
	def, err := Defections(cr, balkans, nil)
	if err != nil {
		t.Fatal(err)
	}
	h, rows = readCSV(t, func(b *strings.Builder) error { return def.WriteCSV(b) })
	// Serbia 6 of 6 and Bosnia and Herzegovina 5 of 5 share 1: the tie
	// goes to more defections.
	if len(rows) != 10 || col(t, h, rows[0], "iso3") != "SRB" || col(t, h, rows[1], "iso3") != "BIH" || col(t, h, rows[1], "share") != "1" {
		t.Errorf("defections CSV %v %v", h, rows)
	}
	rep, err := Outliers(cr, balkans, rus, nil)
	if err != nil {
		t.Fatal(err)
	}
	h, rows = readCSV(t, func(b *strings.Builder) error { return rep.WriteCSV(b) })
	r = find(t, h, rows, map[string]string{"iso3_b": "SRB"})
	if col(t, h, r, "iso3_a") != "RUS" || col(t, h, r, "with") != "6" || col(t, h, r, "absent") != "1" || col(t, h, r, "outlier") != "true" {
		t.Errorf("Serbia row %v", r)
	}
}

// TestTidyBootstraps reads back the tidy CSV of the bootstrap results:
// Serbia-Russia in session 74, Agree 0.7439 on 82 roll calls with the
// interval of testdata/scripts/bootstrap74.py (0.6648-0.8176, within
// 0.01, as TestBootstrapReferences); Israel first with the United States
// (0.9607, n=89, rank 1 in every resample); the EU's mean cohesion as
// Cohesion gives it.
func TestTidyBootstraps(t *testing.T) {
	ds := load(t)
	s74 := ds.Filter(votes.InSessions(74, 74))
	srb, rus, usa := country(t, "SRB"), country(t, "RUS"), country(t, "USA")
	bo := &BootstrapOptions{Resamples: 2000, Seed: 1}
	num := func(s string) float64 {
		t.Helper()
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}

	sb, err := BootstrapPairSeries(ds.Filter(votes.InSessions(73, 74)), BySession, srb, rus, Agree, bo)
	if err != nil {
		t.Fatal(err)
	}
	h, rows := readCSV(t, func(b *strings.Builder) error { return sb.WriteCSV(b) })
	if got := strings.Join(h, ","); got != pairHeader+",session,year,index,score,n,lo,hi,level" || len(rows) != 2 {
		t.Fatalf("series header %s, %d rows", got, len(rows))
	}
	r := find(t, h, rows, map[string]string{"iso3_a": "SRB", "iso3_b": "RUS", "session": "74", "year": "2019", "index": "agree", "n": "82", "level": "0.95"})
	if s, lo, hi := num(col(t, h, r, "score")), num(col(t, h, r, "lo")), num(col(t, h, r, "hi")); math.Abs(s-0.7439) > 5e-5 || math.Abs(lo-0.6648) > 0.01 || math.Abs(hi-0.8176) > 0.01 || lo != sb.Intervals[1].Lo || hi != sb.Intervals[1].Hi {
		t.Errorf("session 74 row %v, want 0.7439 [0.6648, 0.8176] and %v", r, sb.Intervals[1])
	}

	rb, err := BootstrapReference(s74, usa, Agree, bo)
	if err != nil {
		t.Fatal(err)
	}
	h, rows = readCSV(t, func(b *strings.Builder) error { return rb.WriteCSV(b) })
	if got := strings.Join(h, ","); got != pairHeader+",index,score,n,lo,hi,level,rank,rank_lo,rank_hi" || len(rows) != len(rb.States) {
		t.Fatalf("reference header %s, %d rows for %d states", got, len(rows), len(rb.States))
	}
	if r := rows[0]; col(t, h, r, "iso3_a") != "ISR" || col(t, h, r, "iso3_b") != "USA" || col(t, h, r, "n") != "89" || col(t, h, r, "rank") != "1" || col(t, h, r, "rank_lo") != "1" || col(t, h, r, "rank_hi") != "1" || math.Abs(num(col(t, h, r, "score"))-0.9607) > 5e-5 {
		t.Errorf("first row %v, want Israel, 0.9607 on 89, rank 1 [1, 1]", r)
	}
	if r := rows[len(rows)-1]; col(t, h, r, "score") != "NaN" || col(t, h, r, "rank") != "0" {
		t.Errorf("last row %v, want a state without a score, rank 0", r)
	}

	eu, err := votes.LookupGroup("EU")
	if err != nil {
		t.Fatal(err)
	}
	cb, err := BootstrapCohesion(s74, eu, bo)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Cohesion(s74, eu, nil)
	if err != nil {
		t.Fatal(err)
	}
	h, rows = readCSV(t, func(b *strings.Builder) error { return cb.WriteCSV(b) })
	if got := strings.Join(h, ","); got != "group,measure,score,n,lo,hi,level" || len(rows) != 2 {
		t.Fatalf("cohesion header %s, %d rows", got, len(rows))
	}
	for _, m := range []struct {
		name string
		want float64
		iv   Interval
	}{{"rice", rep.Rice, cb.Rice}, {"hnr", rep.HNR, cb.HNR}} {
		r := find(t, h, rows, map[string]string{"group": "EU", "measure": m.name})
		if s, lo, hi := num(col(t, h, r, "score")), num(col(t, h, r, "lo")), num(col(t, h, r, "hi")); s != m.want || lo != m.iv.Lo || hi != m.iv.Hi || !(lo <= s && s <= hi) {
			t.Errorf("%s row %v, want %g in %v", m.name, r, m.want, m.iv)
		}
	}
}
