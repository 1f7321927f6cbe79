package cluster_test

import (
	"math"
	"strconv"
	"testing"

	"github.com/unga-go/unga/cluster"
	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
	"gonum.org/v1/gonum/mat"
)

// TestPCAVotes compares the PCA of session 74's vote matrix, built here
// from the embedded record, with numpy's SVD of the same matrix in gen.py
// (testdata/cluster/pca.csv): the states that cast a vote on all 91 roll
// calls, yes 1, abstain 2, no 3, nothing imputed. Scores agree up to the
// sign of each axis.
func TestPCAVotes(t *testing.T) {
	ds, err := undata.Load()
	if err != nil {
		t.Fatal(err)
	}
	s74 := ds.Filter(votes.InSessions(74, 74))
	var iso []string
	var data []float64
	for i, c := range s74.Countries() {
		row := s74.Row(i)
		complete := true
		for _, v := range row {
			complete = complete && v.Cast()
		}
		if !complete {
			continue
		}
		iso = append(iso, c.ISO3)
		for _, v := range row {
			data = append(data, float64(v)) // Yes 1, Abstain 2, No 3
		}
	}
	x := mat.NewDense(len(iso), s74.NumRollCalls(), data)
	m, err := cluster.PCA(x, 2)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := readCSV("pca.csv")
	if err != nil {
		t.Fatal(err)
	}
	head, err := readHeader("pca.csv")
	if err != nil {
		t.Fatal(err)
	}
	for j := range 2 {
		want, _ := strconv.ParseFloat(head[2+j], 64)
		if math.Abs(m.Explained[j]-want) > 1e-9 {
			t.Errorf("explained[%d] = %v, numpy %v", j, m.Explained[j], want)
		}
	}
	if len(rows)-1 != len(iso) {
		t.Fatalf("%d complete states, numpy has %d", len(iso), len(rows)-1)
	}
	for j := range 2 {
		sign := 0.0
		for i, r := range rows[1:] {
			if r[0] != iso[i] {
				t.Fatalf("row %d: %s, numpy %s", i, iso[i], r[0])
			}
			want, _ := strconv.ParseFloat(r[1+j], 64)
			got := m.Coords.At(i, j)
			if sign == 0 && math.Abs(want) > 1e-6 {
				sign = math.Copysign(1, got*want)
			}
			if math.Abs(sign*got-want) > 1e-9 {
				t.Errorf("axis %d, %s: %v, numpy %v", j, iso[i], got, want)
			}
		}
	}
}
