package tidy

import (
	"io"
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

// writer returns a function that writes rows.
func writer[R any](rows []R) func(io.Writer) error {
	return func(w io.Writer) error { return Write(w, rows) }
}

func TestWriteLabelled(t *testing.T) {
	a := writer([]row{{"SRB", 345, "Serbia", 0.5}})
	b := writer([]row{{"RUS", 365, "Russian Federation", 0.25}, {"CIV", 437, "Cote d'Ivoire", math.NaN()}})
	other := writer([]struct {
		ISO3 string `csv:"iso3"`
	}{{"SRB"}})
	var s strings.Builder
	if err := WriteLabelled(&s, "session", []string{"73", "74"}, []func(io.Writer) error{a, b}); err != nil {
		t.Fatal(err)
	}
	want := "session,iso3,cow,name,score\n73,SRB,345,Serbia,0.5\n74,RUS,365,Russian Federation,0.25\n74,CIV,437,Cote d'Ivoire,NaN\n"
	if s.String() != want {
		t.Errorf("got %q, want %q", s.String(), want)
	}
	for _, tc := range []struct {
		column string
		labels []string
		write  []func(io.Writer) error
	}{
		{"session", []string{"73"}, []func(io.Writer) error{a, b}},
		{"", []string{"73", "74"}, []func(io.Writer) error{a, b}},
		{"cow", []string{"73", "74"}, []func(io.Writer) error{a, b}},
		{"session", nil, nil},
		{"session", []string{"73", "74"}, []func(io.Writer) error{a, other}},
	} {
		s.Reset()
		if err := WriteLabelled(&s, tc.column, tc.labels, tc.write); err == nil || s.Len() != 0 {
			t.Errorf("column %q, labels %v: wrote %q, error %v", tc.column, tc.labels, s.String(), err)
		}
	}
}
