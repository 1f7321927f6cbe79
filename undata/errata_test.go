package undata_test

import (
	"math"
	"slices"
	"sync"
	"testing"

	"github.com/unga-go/unga/alignment"
	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
)

var (
	corrected = sync.OnceValues(undata.Load)
	published = sync.OnceValues(undata.LoadPublished)
)

func load(t *testing.T, f func() (*votes.Dataset, error)) *votes.Dataset {
	t.Helper()
	ds, err := f()
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func country(t *testing.T, key string) votes.Country {
	t.Helper()
	c, err := votes.LookupCountry(key)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// agreeBySession returns Voeten's agreement score of a and b in each of the
// sessions asked for, unanimous roll calls left out.
func agreeBySession(t *testing.T, ds *votes.Dataset, a, b string, sessions ...int) []float64 {
	t.Helper()
	ps, err := alignment.PairBy(ds, alignment.BySession, country(t, a), country(t, b), nil)
	if err != nil {
		t.Fatal(err)
	}
	scores := ps.Scores(alignment.Agree, 1)
	out := make([]float64, len(sessions))
	for k, s := range sessions {
		i := slices.Index(ps.Periods, s)
		if i < 0 {
			t.Fatalf("no session %d", s)
		}
		out[k] = scores[i].Value
	}
	return out
}

// Greece's agreement with Cyprus in session 65 is back in line with the
// sessions around it once the swap is corrected. Expected values from an
// independent count in Python over the unvotes CSV (Voeten's agreement: 1
// same vote, 0.5 one abstains, 0 yes against no; roll calls on which every
// vote cast was the same left out), with the 28 roll calls of the erratum
// swapped for the corrected record: sessions 64-66 give 0.9593 (86 roll
// calls), 0.9602 (88), 0.9794 (97) corrected; 0.8176 (85) in session 65 as
// published.
func TestErrataGreeceCyprus(t *testing.T) {
	got := agreeBySession(t, load(t, corrected), "GRC", "CYP", 64, 65, 66)
	want := []float64{0.9593, 0.9602, 0.9794}
	for k := range want {
		if math.Abs(got[k]-want[k]) > 5e-5 {
			t.Errorf("corrected: Greece-Cyprus in session %d = %.4f, want %.4f", 64+k, got[k], want[k])
		}
	}
	pub := agreeBySession(t, load(t, published), "GRC", "CYP", 65)
	if math.Abs(pub[0]-0.8176) > 5e-5 {
		t.Errorf("published: Greece-Cyprus in session 65 = %.4f, want 0.8176 (the swap)", pub[0])
	}
	// Grenada and Saint Lucia: 0.7651 in session 65 as published (Grenada
	// holding Greece's votes), 0.9568 corrected (same Python count).
	if got := agreeBySession(t, load(t, corrected), "GRD", "LCA", 65)[0]; math.Abs(got-0.9568) > 5e-5 {
		t.Errorf("corrected: Grenada-Saint Lucia in session 65 = %.4f, want 0.9568", got)
	}
	if got := agreeBySession(t, load(t, published), "GRD", "LCA", 65)[0]; math.Abs(got-0.7651) > 5e-5 {
		t.Errorf("published: Grenada-Saint Lucia in session 65 = %.4f, want 0.7651", got)
	}
}

// euAsOne counts the contested roll calls of a year on which an EU member
// voted, and those on which every EU member that cast a vote cast the same.
func euAsOne(t *testing.T, ds *votes.Dataset, year int) (one, all int) {
	t.Helper()
	eu, err := votes.LookupGroup("EU")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := alignment.Cohesion(ds.Filter(votes.InYears(year, year)), eu, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, rc := range rep.RollCalls {
		if rc.Tally.Unanimous() {
			one++
		}
	}
	return one, len(rep.RollCalls)
}

// EU cohesion in 2010: the EU voted as one on 43 of 88 contested roll calls
// (48.9%) as published, 58 of 88 (65.9%) corrected, between 2009 (60 of 82,
// 73.2%) and 2011 (78 of 98, 79.6%). Independent Python count over the
// unvotes CSV with the 27 members of 2010.
func TestErrataEUCohesion(t *testing.T) {
	for _, tc := range []struct {
		name      string
		load      func() (*votes.Dataset, error)
		year      int
		one, all_ int
	}{
		{"published", published, 2010, 43, 88},
		{"corrected", corrected, 2010, 58, 88},
		{"corrected", corrected, 2009, 60, 82},
		{"corrected", corrected, 2011, 78, 98},
	} {
		one, all := euAsOne(t, load(t, tc.load), tc.year)
		if one != tc.one || all != tc.all_ {
			t.Errorf("%s %d: EU as one on %d of %d roll calls, want %d of %d", tc.name, tc.year, one, all, tc.one, tc.all_)
		}
	}
}

// The published record still shows the swap: on A/RES/65/76 (rcid 5068) the
// UN records Greece no and Grenada yes (UN Digital Library excerpt,
// testdata/undl/scrape_2010.csv.gz); the published record has them the other
// way round. Both records hold the same votes otherwise.
func TestLoadPublished(t *testing.T) {
	// The unvotes part of the record, which LoadPublished reads as published.
	pub, cor := load(t, published), load(t, corrected).Filter(fromSource(undata.SourceUnvotes))
	if pub.NumRollCalls() != cor.NumRollCalls() || pub.NumCountries() != cor.NumCountries() {
		t.Fatalf("LoadPublished: %d roll calls of %d states; Load from unvotes: %d of %d", pub.NumRollCalls(), pub.NumCountries(), cor.NumRollCalls(), cor.NumCountries())
	}
	check := func(ds *votes.Dataset, name string, grc, grd votes.Vote) {
		t.Helper()
		j := slices.IndexFunc(collect(ds), func(rc *votes.RollCall) bool { return rc.ID == 5068 })
		g, _ := ds.CountryIndex("GRC")
		d, _ := ds.CountryIndex("GRD")
		if ds.Vote(g, j) != grc || ds.Vote(d, j) != grd {
			t.Errorf("%s: rcid 5068 Greece %v Grenada %v, want %v %v", name, ds.Vote(g, j), ds.Vote(d, j), grc, grd)
		}
	}
	check(pub, "LoadPublished", votes.Yes, votes.No)
	check(cor, "Load", votes.No, votes.Yes)
	// Every other cell is the same.
	differ := 0
	for i := range pub.NumCountries() {
		for j := range pub.NumRollCalls() {
			if pub.Vote(i, j) != cor.Vote(i, j) {
				differ++
			}
		}
	}
	// 28 roll calls, two states each.
	if differ != 56 {
		t.Errorf("Load and LoadPublished differ in %d votes, want 56", differ)
	}
}

func collect(ds *votes.Dataset) []*votes.RollCall {
	var out []*votes.RollCall
	for _, rc := range ds.RollCalls() {
		out = append(out, rc)
	}
	return out
}

func TestErrata(t *testing.T) {
	es := undata.Errata()
	if len(es) != 1 {
		t.Fatalf("%d errata, want 1", len(es))
	}
	e := es[0]
	if e.A.ISO3 != "GRC" || e.B.ISO3 != "GRD" || len(e.RollCalls) != 28 || e.Source == "" || e.Evidence == "" {
		t.Errorf("erratum %+v", e)
	}
	// Each call returns a new slice: changing it changes nothing else.
	es[0].RollCalls[0] = -1
	if undata.Errata()[0].RollCalls[0] != 5052 {
		t.Error("Errata shares its roll calls between calls")
	}
}
