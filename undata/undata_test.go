package undata_test

import (
	"errors"
	"fmt"
	"io/fs"
	"testing"

	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
)

func ExampleLoad() {
	ds, err := undata.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	first, last := ds.Span()
	fmt.Println(ds.NumCountries(), "states,", ds.NumRollCalls(), "roll calls")
	fmt.Println(first.Format("2006-01-02"), "to", last.Format("2006-01-02"))
	// Output:
	// 200 states, 6203 roll calls
	// 1946-01-01 to 2020-01-14
}

func TestLoadFile(t *testing.T) {
	// An empty name is the embedded record: 6,203 roll calls
	// (testdata/scripts/counts.py).
	ds, err := undata.LoadFile("")
	if err != nil || ds.NumRollCalls() != 6203 {
		t.Fatalf("LoadFile(\"\") = %v roll calls, %v; want 6203", ds, err)
	}
	if _, err := undata.LoadFile("no/such/file.csv"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("LoadFile of a missing file: %v, want fs.ErrNotExist", err)
	}
}

func TestFiles(t *testing.T) {
	names, err := fs.Glob(undata.Files(), "*.csv.gz")
	if err != nil || len(names) != 3 {
		t.Errorf("embedded files %v, %v; want the three unvotes files", names, err)
	}
}

// BenchmarkLoad reads the embedded record, decompressing it as it goes, as
// the examples do.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := undata.Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// The record as published and as corrected: on A/RES/65/76 (rcid 5068) the
// UN's record has Greece voting no and Grenada yes.
func ExampleLoadPublished() {
	for _, load := range []func() (*votes.Dataset, error){undata.LoadPublished, undata.Load} {
		ds, err := load()
		if err != nil {
			fmt.Println(err)
			return
		}
		for j, rc := range ds.RollCalls() {
			if rc.ID == 5068 {
				grc, _ := ds.CountryIndex("GRC")
				grd, _ := ds.CountryIndex("GRD")
				fmt.Println(rc.Resolution, "Greece", ds.Vote(grc, j), "Grenada", ds.Vote(grd, j))
			}
		}
	}
	// Output:
	// A/RES/65/76 Greece yes Grenada no
	// A/RES/65/76 Greece no Grenada yes
}

func ExampleErrata() {
	for _, e := range undata.Errata() {
		fmt.Printf("%s and %s swapped on %d roll calls, from rcid %d to %d\n", e.A.ISO3, e.B.ISO3, len(e.RollCalls), e.RollCalls[0], e.RollCalls[len(e.RollCalls)-1])
	}
	// Output:
	// GRC and GRD swapped on 28 roll calls, from rcid 5052 to 5109
}

// BenchmarkLoadPublished reads the embedded record without the errata.
func BenchmarkLoadPublished(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := undata.LoadPublished(); err != nil {
			b.Fatal(err)
		}
	}
}
