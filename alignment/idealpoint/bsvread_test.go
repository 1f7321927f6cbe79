package idealpoint

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/unga-go/unga/votes"
)

// TestReadBSV reads the published file (testdata/idealpoints, the April
// 2020 release) and checks values against the file as published:
// 10,469 rows; session 74's rows as published (USA 2.69, Israel 2.59, UK
// 1.73, Croatia 1.09, Serbia 0.47, Russia 0.14, China -0.33, Cuba -1.68);
// the first row (USA, session 1) read by hand.
func TestReadBSV(t *testing.T) {
	pub := readBSV(t)
	if n := len(pub.Estimates); n != 10469 {
		t.Errorf("%d estimates, want 10469", n)
	}
	want74 := map[string]float64{"USA": 2.69, "ISR": 2.59, "GBR": 1.73, "HRV": 1.09, "SRB": 0.47, "RUS": 0.14, "CHN": -0.33, "CUB": -1.68}
	for iso, v := range want74 {
		c, err := votes.LookupCountry(iso)
		if err != nil {
			t.Fatal(err)
		}
		e, ok := pub.Get(c, 74)
		// The file codes Serbia (COW 345) as YUG in every session.
		wantISO := map[string]string{"SRB": "YUG"}[iso]
		if wantISO == "" {
			wantISO = iso
		}
		if !ok || math.Abs(e.IdealPoint-v) > 0.005 || e.ISO3 != wantISO {
			t.Errorf("%s session 74: %+v, want %.2f", iso, e, v)
		}
	}
	if n := len(pub.session(74)); n != 193 {
		t.Errorf("session 74: %d states, want 193", n)
	}
	// Row 1: 1,2,1,42,1.675486,0.9274793,1.348943,1.401238,1.675082,1.93791,2.028481,2.717793,USA,United States
	want := PublishedEstimate{COW: 2, ISO3: "USA", Name: "United States", Session: 1, Votes: 42, IdealPoint: 1.675486,
		Quantiles: [7]float64{0.9274793, 1.348943, 1.401238, 1.675082, 1.93791, 2.028481, 2.717793}}
	if e, _ := pub.lookup(2, 1); e != want {
		t.Errorf("USA session 1: %+v, want %+v", e, want)
	}
	if sd := want.SD(); math.Abs(sd-(2.028481-1.348943)/3.2897072539) > 1e-9 {
		t.Errorf("SD = %v", sd)
	}
	// Latin-1 names are decoded: São Tomé & Príncipe (COW 403).
	if e, _ := pub.lookup(403, 30); e.Name != "São Tomé & Príncipe" {
		t.Errorf("COW 403 name %q", e.Name)
	}
	if _, ok := pub.lookup(2, 75); ok {
		t.Error("session 75 found")
	}
}

func TestReadBSVErrors(t *testing.T) {
	head := "Row,ccode,session,NVotes,IdealPoint,QO%,Q5%,Q10%,Q50%,Q90%,Q95%,Q100%,iso3c,Countryname\n"
	row := "1,2,1,42,1.675486,0.9274793,1.348943,1.401238,1.675082,1.93791,2.028481,2.717793,USA,United States\n"
	for _, tc := range []struct {
		name, in string
		line     int
		col      int
		want     string
	}{
		{"empty", "", 1, 0, "empty input"},
		{"header", strings.Replace(head, "IdealPoint", "Ideal", 1) + row, 1, 26, `column 5 is "Ideal", want "IdealPoint"`},
		{"number", head + strings.Replace(row, "1.675486", "x", 1), 2, 10, `:2:10: column "IdealPoint": "x" is not a finite number`},
		{"nan", head + strings.Replace(row, "1.675486", "NaN", 1), 2, 10, `"NaN" is not a finite number`},
		{"cow", head + strings.Replace(row, "1,2,1", "1,US,1", 1), 2, 3, `column "ccode": "US" is not a non-negative integer`},
		{"order", head + strings.Replace(row, "1.348943", "3", 1), 2, 0, "not in increasing order"},
		{"fields", head + "1,2,1\n", 2, 0, "wrong number of fields"},
		{"duplicate", head + row + strings.Replace(row, "1,", "2,", 1), 3, 5, "COW 2 session 1 already listed on line 2"},
	} {
		_, err := ReadBSV(strings.NewReader(tc.in))
		var pe *votes.ParseError
		if !errors.As(err, &pe) || pe.Line != tc.line || (tc.col > 0 && pe.Column != tc.col) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v (%+v), want line %d column %d %q", tc.name, err, pe, tc.line, tc.col, tc.want)
		}
	}
	// A Q0% header, UTF-8 names and an NA code are accepted.
	in := strings.Replace(head, "QO%", "Q0%", 1) + strings.Replace(row, "USA,United States", "NA,São Tomé", 1)
	pub, err := ReadBSV(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if e := pub.Estimates[0]; e.ISO3 != "" || e.Name != "São Tomé" {
		t.Errorf("%+v", e)
	}
}
