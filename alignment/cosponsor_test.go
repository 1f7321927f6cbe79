package alignment_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/unga-go/unga/alignment"
	"github.com/unga-go/unga/chart"
	"github.com/unga-go/unga/cluster"
	"github.com/unga-go/unga/votes"
)

// cosponsorFixture is three recorded votes in the UN's resolution data
// layout, sponsored by Ukraine and Poland; Ukraine, Poland and Lithuania
// (Lithuania as an additional sponsor); and Cuba.
func cosponsorFixture(t *testing.T) *votes.Dataset {
	t.Helper()
	var b strings.Builder
	for k, sp := range [][2][]string{
		{{"UKRAINE", "POLAND"}, {}},
		{{"UKRAINE", "POLAND"}, {"LITHUANIA"}},
		{{"CUBA"}, {}},
	} {
		line, _ := json.Marshal(map[string]any{
			"symbol": "A/RES/79/" + string(rune('1'+k)), "adoption_date": "1 December 2024", "adoption_type": "By a recorded vote",
			"MS_in_favour": []string{"UKRAINE", "POLAND", "LITHUANIA", "CUBA"}, "MS_against": []string{}, "MS_abstaining": []string{},
			"sponsors": sp[0], "additional_sponsors": sp[1],
		})
		b.Write(line)
		b.WriteByte('\n')
	}
	ds, err := votes.Read(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

func TestCosponsorMatrix(t *testing.T) {
	ds := cosponsorFixture(t)
	m, err := alignment.CosponsorMatrix(ds)
	if err != nil {
		t.Fatal(err)
	}
	look := func(a, b string) alignment.Score {
		ca, _ := votes.LookupCountry(a)
		cb, _ := votes.LookupCountry(b)
		s, ok := m.Lookup(ca, cb)
		if !ok {
			t.Fatalf("%s, %s not in the matrix", a, b)
		}
		return s
	}
	for _, tc := range []struct {
		a, b     string
		together int
		either   int
	}{
		{"UKR", "POL", 2, 2}, {"UKR", "LTU", 1, 2}, {"UKR", "CUB", 0, 3}, {"UKR", "UKR", 2, 2}, {"LTU", "LTU", 1, 1},
	} {
		s := look(tc.a, tc.b)
		if s.N != tc.either || math.Abs(s.Value*float64(s.N)-float64(tc.together)) > 1e-12 {
			t.Errorf("%s-%s: %v, want %d of %d together", tc.a, tc.b, s, tc.together, tc.either)
		}
	}
	if m.Index != alignment.Cosponsorship || m.Index.String() != "cosponsorship" {
		t.Errorf("index %v", m.Index)
	}
	// cluster and chart take it as they take an agreement matrix.
	if _, err := cluster.Distances(m, 1); err != nil {
		t.Errorf("cluster.Distances: %v", err)
	}
	if _, err := chart.Heatmap(m.Scores, m.Countries, nil); err != nil {
		t.Errorf("chart.Heatmap: %v", err)
	}
	var buf bytes.Buffer
	if err := m.WriteCSV(&buf); err != nil || !strings.Contains(buf.String(), "\nPOL,290,Poland,UKR,369,Ukraine,cosponsorship,1,2\n") {
		t.Errorf("CSV without the row of Poland and Ukraine (%d bytes), %v", buf.Len(), err)
	}
}

func TestCosponsorMatrixNoSponsors(t *testing.T) {
	ds := must(record()).Filter(votes.InSessions(74, 74))
	if _, err := alignment.CosponsorMatrix(ds); !errors.Is(err, alignment.ErrEmpty) {
		t.Errorf("err = %v, want ErrEmpty on the unvotes record, which has no sponsors", err)
	}
}

// unxml reads the UN's resolution data of the given sessions leniently.
func unxml(sessions ...string) *votes.Dataset {
	var all []byte
	for _, s := range sessions {
		all = append(all, must(os.ReadFile("../testdata/unxml/"+s+".jsonl.gz"))...)
	}
	r := &votes.Reader{Lenient: true}
	return must(r.Read(bytes.NewReader(all)))
}

// How often Serbia sponsored a recorded vote's draft together with Russia,
// and with Croatia, in sessions 77-80 (2022-2025), in the UN's resolution
// data (source: United Nations).
func ExampleCosponsorMatrix() {
	ds := unxml("77", "78", "79", "80").Filter(votes.InSessions(77, 80))
	m, err := alignment.CosponsorMatrix(ds)
	if err != nil {
		panic(err)
	}
	srb := must(votes.LookupCountry("Serbia"))
	own, _ := m.Lookup(srb, srb)
	fmt.Printf("Serbia sponsored %d of %d roll calls\n", own.N, ds.NumRollCalls())
	for _, key := range []string{"Russia", "Croatia", "Ukraine"} {
		s, _ := m.Lookup(srb, must(votes.LookupCountry(key)))
		// The share's n is the roll calls either sponsored; the share times
		// n is the number they sponsored together.
		fmt.Printf("with %-7s %2.0f of %3d (%.3f)\n", key, s.Value*float64(s.N), s.N, s.Value)
	}
	// Output:
	// Serbia sponsored 54 of 452 roll calls
	// with Russia   8 of 116 (0.069)
	// with Croatia 52 of 138 (0.377)
	// with Ukraine 34 of 105 (0.324)
}
