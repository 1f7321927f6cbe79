package tidy

import (
	"math"
	"strings"
	"testing"
)

type row struct {
	ISO3  string  `csv:"iso3"`
	COW   int     `csv:"cow"`
	Name  string  `csv:"name"`
	Score float64 `csv:"score"`
}

func TestWrite(t *testing.T) {
	for _, tc := range []struct {
		rows []row
		want string
	}{
		{nil, "iso3,cow,name,score\n"},
		{[]row{{"CIV", 437, "Cote d'Ivoire", 0.5}, {"NAM", 565, "Namibia, \"NA\"", math.NaN()}},
			"iso3,cow,name,score\nCIV,437,Cote d'Ivoire,0.5\nNAM,565,\"Namibia, \"\"NA\"\"\",NaN\n"},
	} {
		var b strings.Builder
		if err := Write(&b, tc.rows); err != nil {
			t.Fatal(err)
		}
		if b.String() != tc.want {
			t.Errorf("Write(%v) = %q, want %q", tc.rows, b.String(), tc.want)
		}
	}
}
