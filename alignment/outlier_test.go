package alignment

import (
	"errors"
	"math"
	"regexp"
	"slices"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/unga-go/unga/votes"
)

// crimea returns the seven roll calls on Crimea and the territorial
// integrity of Ukraine in the unvotes record (A/RES/68/262, 71/205, 72/190,
// 73/194, 73/263, 74/17, 74/168).
func crimea(t testing.TB) *votes.Dataset {
	load(t) // fails the test if the record does not load
	return crimeaOnce()
}

var crimeaOnce = sync.OnceValue(func() *votes.Dataset {
	ds, _ := record()
	return ds.Filter(votes.TextMatches(regexp.MustCompile(`(?i)crimea|territorial integrity of ukraine`)))
})

func group(t testing.TB, name string) votes.Group {
	g, err := votes.LookupGroup(name)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestRiceHixNouryRoland(t *testing.T) {
	tests := []struct {
		t        votes.Tally
		rice, ai float64
	}{
		// A/RES/68/262's tally in the record, 100-11-58
		// (testdata/scripts/crimea.py). AI (Hix, Noury & Roland 2005)
		// by hand: (100 - 69/2) / 169 = 0.3876; Rice: 89/111.
		{votes.Tally{Yes: 100, No: 11, Abstain: 58}, 89.0 / 111, 0.3876},
		{votes.Tally{Yes: 8, No: 1, Abstain: 1}, 7.0 / 9, 0.7},
		{votes.Tally{Yes: 5, No: 5}, 0, 0.25}, // (5 - 5/2) / 10
		{votes.Tally{Yes: 4, No: 4, Abstain: 4}, 0, 0},
		{votes.Tally{Abstain: 4}, math.NaN(), 1},
		{votes.Tally{}, math.NaN(), math.NaN()},
	}
	for _, tc := range tests {
		if got := Rice(tc.t); !near(got, tc.rice, 1e-12) {
			t.Errorf("Rice(%v) = %v, want %v", tc.t, got, tc.rice)
		}
		if got := HixNouryRoland(tc.t); !near(got, tc.ai, 5e-5) {
			t.Errorf("HixNouryRoland(%v) = %v, want %v", tc.t, got, tc.ai)
		}
	}
}

// Tallies of the Balkan states on the Crimea roll calls, from the UN record
// (Serbia no from 71/205 on, Bosnia and Herzegovina abstaining or absent,
// the other eight yes).
func TestCohesionCrimea(t *testing.T) {
	rep, err := Cohesion(crimea(t), group(t, "Balkans"), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, rc := range rep.RollCalls {
		got = append(got, rc.Tally.String())
	}
	want := []string{"8-0-0", "8-1-1", "8-1-1", "8-1-0", "8-1-1", "8-1-1", "8-1-1"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("tallies (-want +got):\n%s", diff)
	}
	// Means by hand: AI (1 + 5*0.7 + 7.5/9)/7, Rice (1 + 6*7/9)/7.
	if !near(rep.HNR, (1+5*0.7+7.5/9)/7, 1e-12) || !near(rep.Rice, (1+6*7.0/9)/7, 1e-12) {
		t.Errorf("means AI %v Rice %v", rep.HNR, rep.Rice)
	}
}

func TestDefectionsCrimea(t *testing.T) {
	rep, err := Defections(crimea(t), group(t, "Balkans"), nil)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][2]int{}
	for _, m := range rep.States {
		got[m.Country.ISO3] = [2]int{m.Defections, m.N}
	}
	want := map[string][2]int{
		"ALB": {0, 7}, "MNE": {0, 7}, "MKD": {0, 7}, "HRV": {0, 7}, "SRB": {6, 6},
		"BIH": {5, 5}, "SVN": {0, 7}, "GRC": {0, 7}, "BGR": {0, 7}, "ROU": {0, 7},
	}
	if diff := cmp.Diff(want, got); diff != "" || rep.RollCalls != 7 {
		t.Errorf("defections, %d roll calls (-want +got):\n%s", rep.RollCalls, diff)
	}
}

// From the record (testdata/scripts/crimea.py): Serbia voted no with Russia on 71/205, 72/190,
// 73/194, 73/263, 74/17 and 74/168 and was absent on 68/262; Bosnia and
// Herzegovina abstained (absent on 68/262 and 73/194); the others voted yes.
func TestOutliersCrimea(t *testing.T) {
	rep, err := Outliers(crimea(t), group(t, "Balkans"), country(t, "Russia"), nil)
	if err != nil {
		t.Fatal(err)
	}
	type rec struct{ With, Against, Abstained, Absent int }
	got := map[string]rec{}
	for _, m := range rep.States {
		got[m.Name] = rec{m.With, m.Against, m.Abstained, m.Absent}
	}
	yes := rec{0, 7, 0, 0}
	want := map[string]rec{
		"Albania": yes, "Montenegro": yes, "North Macedonia": yes, "Croatia": yes, "Slovenia": yes,
		"Greece": yes, "Bulgaria": yes, "Romania": yes,
		"Serbia": {6, 0, 0, 1}, "Bosnia and Herzegovina": {0, 0, 5, 2},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
	var flagged []string
	for _, m := range rep.Outliers() {
		flagged = append(flagged, m.Name)
	}
	if !slices.Equal(flagged, []string{"Serbia"}) {
		t.Errorf("flagged %v, want [Serbia]", flagged)
	}
	var res []string
	for _, rc := range rep.RollCalls {
		res = append(res, rc.Resolution+" "+rc.Tally.String())
	}
	wantRes := []string{"A/RES/68/262 100-11-58", "A/RES/71/205 70-25-77", "A/RES/72/190 70-26-76", "A/RES/73/194 66-19-72",
		"A/RES/73/263 65-27-70", "A/RES/74/17 63-19-66", "A/RES/74/168 65-23-83"}
	if diff := cmp.Diff(wantRes, res); diff != "" {
		t.Errorf("roll calls (-want +got):\n%s", diff)
	}
}

func TestOutliersNoneApart(t *testing.T) {
	nordic := votes.NewGroup("Nordic", country(t, "DNK"), country(t, "FIN"), country(t, "ISL"), country(t, "NOR"), country(t, "SWE"))
	rep, err := Outliers(crimea(t), nordic, country(t, "Russia"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Outliers()) != 0 {
		t.Errorf("flagged %v", rep.Outliers())
	}
	if rep.Median != 0 || rep.MAD != 0 {
		t.Errorf("median %v MAD %v, want 0 and 0 (no Nordic state voted with Russia)", rep.Median, rep.MAD)
	}
}

func TestGroupErrors(t *testing.T) {
	cr := crimea(t)
	balkans := group(t, "Balkans")
	rus := country(t, "Russia")
	noRussia := cr.SelectCountries(func(c votes.Country) bool { return c.COW != rus.COW })
	if _, err := Outliers(noRussia, balkans, rus, nil); !errors.Is(err, votes.ErrUnknownCountry) {
		t.Errorf("reference not in dataset: %v", err)
	}
	empty := cr.Filter(votes.InSessions(1, 1))
	if _, err := Outliers(empty, balkans, rus, nil); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty selection: %v", err)
	}
	if _, err := Cohesion(empty, balkans, nil); !errors.Is(err, ErrEmpty) {
		t.Errorf("Cohesion, empty selection: %v", err)
	}
	if _, err := Defections(empty, balkans, nil); !errors.Is(err, ErrEmpty) {
		t.Errorf("Defections, empty selection: %v", err)
	}
	gone := votes.NewGroup("Gone", country(t, "265"), country(t, "315")) // GDR, Czechoslovakia
	if _, err := Outliers(cr, gone, rus, nil); !errors.Is(err, ErrNoVotes) {
		t.Errorf("group without votes: %v", err)
	}
	if _, err := Cohesion(cr, gone, nil); !errors.Is(err, ErrNoVotes) {
		t.Errorf("Cohesion, group without votes: %v", err)
	}
	if _, err := Defections(cr, gone, nil); !errors.Is(err, ErrNoVotes) {
		t.Errorf("Defections, group without votes: %v", err)
	}
	if _, err := Outliers(cr, balkans, country(t, "265"), nil); !errors.Is(err, ErrNoVotes) {
		t.Errorf("reference without votes: %v", err)
	}
}

// Under Coincidence a member's Score.N counts only the roll calls on which
// both it and the reference voted yes or no, and Judged asks that many;
// a group whose members only abstained when the reference voted did vote,
// and is reported rather than ErrNoVotes.
//
// Fixture, by hand, Russia the reference, a group of France, Germany and
// Serbia (MinN 3 by default). Roll calls: Russia yes, no, yes, no; France
// yes, no, abstain, abstain (With 2, Abstained 2); Germany and Serbia
// abstain throughout (Abstained 4). Coincidence: France 2/2 = 1 on N 2,
// not judged; Germany and Serbia NaN on N 0. Agree: France (1+1+.5+.5)/4 =
// 0.75 on N 4, Germany and Serbia 0.5 on N 4, all judged.
func TestOutliersCoincidenceN(t *testing.T) {
	rus, fra, deu, srb := country(t, "RUS"), country(t, "FRA"), country(t, "DEU"), country(t, "SRB")
	Y, N, A := votes.Yes, votes.No, votes.Abstain
	ds := fixture(t, []votes.Country{fra, deu, srb, rus}, []fixtureRC{
		{74, "2019-10-01", []votes.Vote{Y, A, A, Y}},
		{74, "2019-10-02", []votes.Vote{N, A, A, N}},
		{74, "2019-10-03", []votes.Vote{A, A, A, Y}},
		{74, "2019-10-04", []votes.Vote{A, A, A, N}},
	})
	g := votes.NewGroup("G", fra, deu, srb)
	type rec struct {
		With, Against, Abstained int
		Score                    Score
		Judged                   bool
	}
	nan := math.NaN()
	for _, tc := range []struct {
		x    Index
		want map[int]rec
	}{
		{Coincidence, map[int]rec{fra.COW: {2, 0, 2, Score{1, 2}, false}, deu.COW: {0, 0, 4, Score{nan, 0}, false}, srb.COW: {0, 0, 4, Score{nan, 0}, false}}},
		{Agree, map[int]rec{fra.COW: {2, 0, 2, Score{0.75, 4}, true}, deu.COW: {0, 0, 4, Score{0.5, 4}, true}, srb.COW: {0, 0, 4, Score{0.5, 4}, true}}},
	} {
		rep, err := Outliers(ds, g, rus, &OutlierOptions{Index: tc.x})
		if err != nil {
			t.Errorf("%v: %v", tc.x, err)
			continue
		}
		if len(rep.States) != 3 {
			t.Errorf("%v: %d members, want 3", tc.x, len(rep.States))
		}
		for _, m := range rep.States {
			w := tc.want[m.Country.COW]
			got := rec{m.With, m.Against, m.Abstained, m.Score, m.Judged}
			if got.With != w.With || got.Against != w.Against || got.Abstained != w.Abstained || got.Judged != w.Judged ||
				got.Score.N != w.Score.N || !(got.Score.Value == w.Score.Value || math.IsNaN(got.Score.Value) && math.IsNaN(w.Score.Value)) {
				t.Errorf("%v, %s: %+v, want %+v", tc.x, m.Country, got, w)
			}
		}
	}
	// Germany and Serbia alone cast 4 votes each when Russia did, all
	// abstentions: a report with nobody judged, not ErrNoVotes.
	rep, err := Outliers(ds, votes.NewGroup("G2", deu, srb), rus, &OutlierOptions{Index: Coincidence})
	if err != nil {
		t.Fatalf("Coincidence, members only abstaining: %v", err)
	}
	for _, m := range rep.States {
		if m.Abstained != 4 || m.Score.N != 0 || m.Judged {
			t.Errorf("Coincidence, %s: %+v, want 4 abstentions, N 0, not judged", m.Country, m)
		}
	}
	if len(rep.States) != 2 || !math.IsNaN(rep.Median) {
		t.Errorf("Coincidence: %d members, median %v, want 2 and NaN", len(rep.States), rep.Median)
	}
}

// MinJudged judged members are needed to flag any. Fixture, by hand
// (Identical with Russia, MinN 3): France and Germany vote as Russia on
// all three roll calls (1), Serbia against it on all three (0). With the
// three judged: median 1, MAD 0, Serbia 1 away: it stands apart. France
// and Serbia alone are MinJudged-1 = 2 judged: nobody is flagged.
func TestOutliersMinJudged(t *testing.T) {
	if MinJudged != 3 {
		t.Fatalf("MinJudged = %d, the fixture is built for 3", MinJudged)
	}
	rus, fra, deu, srb := country(t, "RUS"), country(t, "FRA"), country(t, "DEU"), country(t, "SRB")
	Y, N := votes.Yes, votes.No
	ds := fixture(t, []votes.Country{fra, deu, srb, rus}, []fixtureRC{
		{74, "2019-10-01", []votes.Vote{Y, Y, N, Y}},
		{74, "2019-10-02", []votes.Vote{N, N, Y, N}},
		{74, "2019-10-03", []votes.Vote{Y, Y, N, Y}},
	})
	for _, tc := range []struct {
		g    votes.Group
		want []string
	}{
		{votes.NewGroup("three", fra, deu, srb), []string{srb.Name}},
		{votes.NewGroup("two", fra, srb), nil},
	} {
		rep, err := Outliers(ds, tc.g, rus, nil)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range rep.Outliers() {
			got = append(got, m.Country.Name)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("group %s: outliers %q, want %q", tc.g.Name, got, tc.want)
		}
	}
}
