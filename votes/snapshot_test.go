package votes_test

import (
	"bytes"
	"errors"
	"fmt"
	"log"
	"slices"
	"testing"

	"github.com/unga-go/unga/votes"
)

// snapshotRoundTrip encodes d and decodes it into a new dataset.
func snapshotRoundTrip(t *testing.T, d *votes.Dataset) (*votes.Dataset, []byte) {
	t.Helper()
	b, err := d.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	got := new(votes.Dataset)
	if err := got.UnmarshalBinary(b); err != nil {
		t.Fatal(err)
	}
	return got, b
}

// The snapshot keeps everything: the unvotes record, the UN's resolution
// data (sponsors, SDGs, absences, adoptions), Voeten's member flags and
// the Digital Library's notes; and it is the same for equal datasets.
func TestMarshalBinaryRoundTrip(t *testing.T) {
	un, _ := readUNXMLAll(t)
	undl, err := votes.ReadFile("../testdata/undl/scrape_2010.csv.gz")
	if err != nil {
		t.Fatal(err)
	}
	for name, d := range map[string]*votes.Dataset{
		"unvotes": unvotesData(t),
		"UN":      un,
		"Voeten":  voetenData(t).Filter(votes.InSessions(40, 50)),
		"UNDL":    undl,
		"empty":   new(votes.Dataset),
	} {
		got, b := snapshotRoundTrip(t, d)
		if diff := diffDatasets(d, got); diff != "" {
			t.Errorf("%s: the snapshot differs:\n%s", name, diff)
		}
		if !slices.Equal(d.Adoptions(), got.Adoptions()) {
			t.Errorf("%s: adoptions %v, want %v", name, got.Adoptions(), d.Adoptions())
		}
		again, _ := got.MarshalBinary()
		if !bytes.Equal(b, again) {
			t.Errorf("%s: the snapshot of the decoded dataset is not the same bytes", name)
		}
	}
}

// A snapshot that is not one, of another version, truncated or with a
// byte changed is refused with ErrBadSnapshot, and the dataset is left as
// it was.
func TestUnmarshalBinaryBad(t *testing.T) {
	d := unvotesData(t).Filter(votes.InSessions(74, 74))
	b, err := d.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	flip := func(at int) []byte {
		c := slices.Clone(b)
		c[at] ^= 0x40
		return c
	}
	version := slices.Clone(b)
	version[len("unga-votes-snapshot\x00")]++
	for name, bad := range map[string][]byte{
		"nil":       nil,
		"CSV":       []byte("rcid,session\n1,1\n"),
		"version":   version,
		"truncated": b[:len(b)/2],
		"no sum":    b[:len(b)-4],
		"header":    flip(3),
		"strings":   flip(40),
		"middle":    flip(len(b) / 2),
		"last":      flip(len(b) - 5),
	} {
		got := new(votes.Dataset)
		if err := got.UnmarshalBinary(bad); !errors.Is(err, votes.ErrBadSnapshot) {
			t.Errorf("%s: %v, want ErrBadSnapshot", name, err)
		}
		if got.NumRollCalls() != 0 || got.NumCountries() != 0 {
			t.Errorf("%s: the dataset was changed", name)
		}
	}
}

// FuzzUnmarshalBinary checks that no input makes UnmarshalBinary panic,
// and that what it accepts encodes back to the same bytes.
func FuzzUnmarshalBinary(f *testing.F) {
	un, _ := readUNXMLAll(f)
	for _, d := range []*votes.Dataset{new(votes.Dataset), un.Filter(votes.Resolutions("A/RES/77/229", "A/RES/ES-11/1"))} {
		b, err := d.MarshalBinary()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d := new(votes.Dataset)
		if err := d.UnmarshalBinary(b); err != nil {
			return
		}
		again, err := d.MarshalBinary()
		if err != nil || !bytes.Equal(again, b) {
			t.Errorf("accepted a snapshot that does not encode back to itself: %v", err)
		}
	})
}

// A dataset travels as a compact snapshot, which reads back many times
// faster than a text layout; package undata embeds its record so.
func ExampleDataset_MarshalBinary() {
	ds, err := votes.ReadFile("../testdata/unxml/ES-11.jsonl.gz")
	if err != nil {
		log.Fatal(err)
	}
	b, err := ds.MarshalBinary()
	if err != nil {
		log.Fatal(err)
	}
	back := new(votes.Dataset)
	if err := back.UnmarshalBinary(b); err != nil {
		log.Fatal(err)
	}
	i, _ := back.CountryIndex("Serbia")
	for j, rc := range back.RollCalls() {
		fmt.Println(rc.Resolution, rc.Date.Format("2006-01-02"), "Serbia", back.Vote(i, j))
	}
	// Output:
	// A/RES/ES-11/1 2022-03-02 Serbia yes
	// A/RES/ES-11/2 2022-03-24 Serbia yes
	// A/RES/ES-11/3 2022-04-07 Serbia yes
	// A/RES/ES-11/4 2022-10-12 Serbia yes
	// A/RES/ES-11/5 2022-11-14 Serbia abstain
	// A/RES/ES-11/6 2023-02-23 Serbia yes
}
