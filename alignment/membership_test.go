package alignment

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/unga-go/unga/votes"
)

// A state recorded as a member (a vote or an absence) on one roll call of
// a session is a member for all of them; one recorded on none is not.
func TestMembershipFixture(t *testing.T) {
	a, b, c := country(t, "USA"), country(t, "Canada"), country(t, "Mexico")
	const y, n, ab, nm = votes.Yes, votes.No, votes.Absent, votes.NonMember
	ds := fixture(t, []votes.Country{a, b, c}, []fixtureRC{
		{60, "2005-10-01", []votes.Vote{y, n, nm}},
		{60, "2005-11-01", []votes.Vote{n, y, nm}},
		{61, "2006-10-01", []votes.Vote{y, n, nm}},
		{61, "2006-11-01", []votes.Vote{n, y, ab}}, // Mexico absent: a member for all of session 61
		{62, "2007-10-01", []votes.Vote{y, n, y}},
	})
	ms := memberships(ds, &Options{})
	want := map[int]string{a.COW: "5/5 2005-10-01 2007-10-01", b.COW: "5/5 2005-10-01 2007-10-01", c.COW: "3/5 2006-10-01 2007-10-01"}
	for i, s := range ds.Countries() {
		m := ms[i]
		got := strings.Join([]string{itoa(m.RollCalls) + "/" + itoa(m.Of), date(m.First), date(m.Last)}, " ")
		if got != want[s.COW] {
			t.Errorf("%s: %s, want %s", s, got, want[s.COW])
		}
	}
	rk, err := Rank(ds, a, Agree, &Options{MinMembership: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(rk.States) != 1 || rk.States[0].Country != b || len(rk.Partial) != 1 || rk.Partial[0] != c {
		t.Errorf("MinMembership 1: ranked %v, partial %v", rk.States, rk.Partial)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// South Sudan over 2000-2019 gets a score on its 2011-2019 votes alone:
// the ranking says so, and MinMembership leaves it out.
func TestRankMembership(t *testing.T) {
	ds := load(t).Filter(votes.InYears(2000, 2019))
	chn := country(t, "China")
	rk, err := Rank(ds, chn, Agree, nil)
	if err != nil {
		t.Fatal(err)
	}
	check := func(key, first string, share float64) {
		t.Helper()
		c := country(t, key)
		for _, s := range rk.States {
			if s.Country == c {
				m := s.Membership
				if date(m.First) != first || date(m.Last) != "2019-12-27" || math.Abs(m.Share()-share) > 0.0005 {
					t.Errorf("%s: %d of %d roll calls, %s to %s", key, m.RollCalls, m.Of, date(m.First), date(m.Last))
				}
				if !strings.Contains(rk.String(), s.Country.Name+" ") || !strings.Contains(rk.String(), "; member "+first) {
					t.Errorf("%s: WriteTo does not say it joined on %s", key, first)
				}
				return
			}
		}
		t.Errorf("%s not ranked", key)
	}
	check("South Sudan", "2011-09-16", 0.447)
	check("Montenegro", "2006-10-30", 0.704)
	for _, r := range rk.rows() {
		if r.ISO3B == "SSD" && (r.MemberFrom != "2011-09-16" || r.MemberShare > 0.5) {
			t.Errorf("South Sudan's row: %+v", r)
		}
	}
	rk, err = Rank(ds, chn, Agree, &Options{MinMembership: 0.95})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range rk.States {
		if s.Membership.Share() < 0.95 {
			t.Errorf("%s ranked with a membership of %.2f", s.Country, s.Membership.Share())
		}
	}
	for _, c := range []string{"SSD", "MNE"} {
		if !strings.Contains(countryList(rk.Partial), c) {
			t.Errorf("%s not in Partial: %s", c, countryList(rk.Partial))
		}
	}
}

func countryList(cs []votes.Country) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString(c.ISO3 + " ")
	}
	return b.String()
}

// A series says, period by period, how much of it a state was a member
// for: South Sudan sat from session 66, which opened in September 2011, so
// for part of 2011 and all of 2012; by session, all of 66.
func TestReferenceSeriesMembership(t *testing.T) {
	ds := load(t).Filter(votes.InYears(2010, 2012))
	chn, ssd := country(t, "China"), country(t, "South Sudan")
	for _, by := range []By{ByYear, BySession} {
		var rs *ReferenceSeries
		var err error
		if by == ByYear {
			rs, err = WithReference(ds, ByYear, chn, Agree, nil)
		} else {
			rs, err = WithReference(ds, BySession, chn, Agree, nil)
		}
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(rs.Countries, func(c votes.Country) bool { return c == ssd })
		got := map[int]float64{}
		for k, p := range rs.Periods {
			got[p] = rs.Membership(i, k).Share()
		}
		if by == ByYear && !(got[2010] == 0 && got[2011] > 0 && got[2011] < 1 && got[2012] == 1) ||
			by == BySession && !(got[65] == 0 && got[66] == 1) {
			t.Errorf("%v: South Sudan's membership %v", by, got)
		}
		for _, r := range rs.rows() {
			if r.ISO3B == "SSD" && r.Year == 2011 && by == ByYear && (r.MemberShare != got[2011] || r.MemberFrom != "2011-09-16") {
				t.Errorf("row %+v, membership %g", r, got[2011])
			}
		}
	}
}

// Every call that takes Options either honours MinMembership or refuses
// it with ErrInvalidOptions; none ignores it. South Sudan, admitted on 14
// July 2011, sat from session 66 (September 2011): over 2010-2012 it was
// a member for part of the selection, and for part of 2011.
func TestMinMembershipEveryCall(t *testing.T) {
	ds := load(t).Filter(votes.InYears(2010, 2012))
	chn, usa, ssd := country(t, "China"), country(t, "USA"), country(t, "South Sudan")
	eu, err := votes.LookupGroup("EU")
	if err != nil {
		t.Fatal(err)
	}
	full := &Options{MinMembership: 1}
	boot := &BootstrapOptions{Options: *full, Resamples: 40, Seed: 1}
	member := func(votes.Country, time.Time) bool { return true }

	// Out of range, in every call: ErrInvalidOptions.
	for _, bad := range []float64{math.NaN(), -0.1, 1.5, math.Inf(1)} {
		o := &Options{MinMembership: bad}
		bo := &BootstrapOptions{Options: *o}
		for name, err := range map[string]error{
			"Rank":               second(Rank(ds, chn, Agree, o)),
			"AgreementMatrix":    second(AgreementMatrix(ds, Agree, o)),
			"WithReference":      second(WithReference(ds, BySession, chn, Agree, o)),
			"Pair":               second(Pair(ds, chn, usa, o)),
			"BootstrapReference": second(BootstrapReference(ds, chn, Agree, bo)),
			"ComparePeriods":     second(ComparePeriods(ds, ds, chn, Agree, bo)),
			"NewResampler":       second(NewResampler(ds, bo)),
		} {
			if !errors.Is(err, ErrInvalidOptions) {
				t.Errorf("%s, MinMembership %g: error %v, want ErrInvalidOptions", name, bad, err)
			}
		}
	}

	// The calls about one pair or one group refuse it.
	for name, err := range map[string]error{
		"Pair":                 second(Pair(ds, chn, usa, full)),
		"PairBySession":        second(PairBy(ds, BySession, chn, usa, full)),
		"PairByYear":           second(PairBy(ds, ByYear, chn, usa, full)),
		"BootstrapPair":        second(BootstrapPair(ds, chn, usa, Agree, boot)),
		"BootstrapPairSeries":  second(BootstrapPairSeries(ds, BySession, chn, usa, Agree, boot)),
		"Cohesion":             second(Cohesion(ds, eu, full)),
		"CohesionByYear":       second(CohesionBy(ds, ByYear, eu, full)),
		"Defections":           second(Defections(ds, eu, full)),
		"BootstrapCohesion":    second(BootstrapCohesion(ds, eu, boot)),
		"BootstrapGroupMedian": second(BootstrapGroupMedian(ds, BySession, chn, member, Agree, boot)),
		"NewResampler":         second(NewResampler(ds, boot)),
	} {
		if !errors.Is(err, ErrInvalidOptions) || !strings.Contains(err.Error(), "MinMembership") {
			t.Errorf("%s: error %v, want ErrInvalidOptions naming MinMembership", name, err)
		}
	}

	// The rankings leave South Sudan out and name it.
	rb, err := BootstrapReference(ds, chn, Agree, boot)
	if err != nil {
		t.Fatal(err)
	}
	if _, in := rb.lookup(ssd); in || !slices.Contains(rb.Partial, ssd) {
		t.Errorf("BootstrapReference: South Sudan ranked (%v) or not in Partial %v", in, countryList(rb.Partial))
	}
	cp, err := ComparePeriods(ds.Filter(votes.InYears(2010, 2010)), ds.Filter(votes.InYears(2011, 2012)), chn, Agree, boot)
	if err != nil {
		t.Fatal(err)
	}
	if _, in := cp.lookup(ssd); in || !slices.Contains(cp.Partial, ssd) {
		t.Errorf("ComparePeriods: South Sudan ranked (%v) or not in Partial %v", in, countryList(cp.Partial))
	}

	// The matrices leave it out; the states kept keep their scores.
	m0, err := AgreementMatrix(ds, Agree, nil)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := m0.Lookup(usa, chn)
	m, err := AgreementMatrix(ds, Agree, full)
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := m.Lookup(usa, chn); !ok || got != want || slices.Contains(m.Countries, ssd) {
		t.Errorf("AgreementMatrix: USA-China %v, want %v; South Sudan kept: %v", got, want, slices.Contains(m.Countries, ssd))
	}
	ts, err := allTables(ds, full)
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(ts.Countries, ssd) || len(ts.Countries) != len(m.Countries) {
		t.Errorf("allTables: %d states, South Sudan kept: %v", len(ts.Countries), slices.Contains(ts.Countries, ssd))
	}
	bm, err := BootstrapMatrix(ds, Agree, boot)
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(bm.Estimate.Countries, ssd) {
		t.Error("BootstrapMatrix: South Sudan kept")
	}

	// The series judge it period by period: out of 2011, in 2012.
	sm, err := AgreementBy(ds, ByYear, Agree, full)
	if err != nil {
		t.Fatal(err)
	}
	for k, y := range sm.Periods {
		if in := sm.Matrices[k].index(ssd) >= 0; in != (y == 2012) {
			t.Errorf("AgreementByYear %d: South Sudan in the matrix: %v", y, in)
		}
	}
	rs, err := WithReference(ds, ByYear, chn, Agree, full)
	if err != nil {
		t.Fatal(err)
	}
	col, err := rs.State(ssd)
	if err != nil {
		t.Fatal(err)
	}
	for k, y := range rs.Periods {
		if nan := math.IsNaN(col[k].Value); nan != (y != 2012) {
			t.Errorf("WithReferenceByYear %d: South Sudan %v (member share %.3f)", y, col[k], rs.Membership(slices.Index(rs.Countries, ssd), k).Share())
		}
	}
	if col[1].N == 0 {
		t.Errorf("WithReferenceByYear 2011: n %d, want the roll calls it voted on", col[1].N)
	}
}

// second returns the error of a call's two results.
func second[T any](_ T, err error) error { return err }
