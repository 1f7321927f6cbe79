package votes_test

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/unga-go/unga/internal/testenv"
	"github.com/unga-go/unga/votes"
)

// shuffleRows returns data with the lines after its header in a random
// (seeded) order. The files shuffled here have no field spanning lines.
func shuffleRows(data []byte, seed uint64) []byte {
	header, rest, _ := bytes.Cut(data, []byte("\n"))
	lines := bytes.SplitAfter(rest, []byte("\n"))
	if n := len(lines); n > 0 && len(lines[n-1]) == 0 {
		lines = lines[:n-1]
	}
	if n := len(lines); n > 0 && !bytes.HasSuffix(lines[n-1], []byte("\n")) {
		lines[n-1] = append(bytes.Clone(lines[n-1]), '\n')
	}
	rng := rand.New(rand.NewPCG(seed, seed+1))
	rng.Shuffle(len(lines), func(i, j int) { lines[i], lines[j] = lines[j], lines[i] })
	out := append(append([]byte{}, header...), '\n')
	return append(out, bytes.Join(lines, nil)...)
}

// A file read with its vote rows in another order gives the same dataset:
// the first row of a roll call gives its details only because every row
// of it must give the same, and rows of one roll call need not be
// together. (The canonical layout is left out: its first row of a roll
// call carries the details, by design.)
func TestShuffledRows(t *testing.T) {
	voeten := rawVoeten(t)
	if testenv.Quick(t) {
		voeten = headLines(voeten, 200_001)
	}
	raw := rawUnvotes(t)
	scrape, err := votes.GunzipPath("../testdata/undl/scrape_2010.csv.gz")
	if err != nil {
		t.Fatal(err)
	}
	for name, read := range map[string]func(shuffle bool) (*votes.Dataset, error){
		"Voeten": func(shuffle bool) (*votes.Dataset, error) {
			if shuffle {
				return votes.Read(bytes.NewReader(shuffleRows(voeten, 1)))
			}
			return votes.Read(bytes.NewReader(voeten))
		},
		"unvotes": func(shuffle bool) (*votes.Dataset, error) {
			v, rc := raw.votes, raw.rollCalls
			if shuffle {
				v, rc = shuffleRows(v, 2), shuffleRows(rc, 3)
			}
			return votes.ReadUnvotes(bytes.NewReader(v), bytes.NewReader(rc), bytes.NewReader(raw.issues))
		},
		"Digital Library": func(shuffle bool) (*votes.Dataset, error) {
			if shuffle {
				return votes.Read(bytes.NewReader(shuffleRows(scrape, 4)))
			}
			return votes.Read(bytes.NewReader(scrape))
		},
	} {
		want, err := read(false)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got, err := read(true)
		if err != nil {
			t.Fatalf("%s, shuffled: %v", name, err)
		}
		if d := diffDatasets(want, got); d != "" {
			t.Errorf("%s, shuffled:\n%s", name, d)
		}
	}
}

// The same votes in two layouts read alike: the unvotes record of sessions
// 71-74, written in the Digital Library's layout, reads back with the same
// states, roll calls (ID aside) and votes.
func TestLayoutsAgree(t *testing.T) {
	want := unvotesData(t).Filter(votes.InSessions(71, 74))
	got, err := votes.Read(bytes.NewReader(undlFrom(want)))
	if err != nil {
		t.Fatal(err)
	}
	if got.NumRollCalls() != want.NumRollCalls() {
		t.Fatalf("%d roll calls, want %d", got.NumRollCalls(), want.NumRollCalls())
	}
	for j, rc := range want.RollCalls() {
		g := got.RollCall(j)
		if g.ID != 1000000+rc.ID || !g.Date.Equal(rc.Date) || g.Session != rc.Session || g.Resolution != rc.Resolution {
			t.Fatalf("roll call %d: %d %v %d %s, want %d %v %d %s", j, g.ID, g.Date, g.Session, g.Resolution, 1000000+rc.ID, rc.Date, rc.Session, rc.Resolution)
		}
		for c, v := range want.VotesOn(j) {
			i, ok := got.IndexOf(c)
			gv := votes.NoRecord
			if ok {
				gv = got.Vote(i, j)
			}
			// The Digital Library's empty vote is a member's absence.
			if v == votes.NoRecord && gv == votes.Absent {
				continue
			}
			if gv != v {
				t.Errorf("%s on rcid %d: %v, want %v", c.Name, rc.ID, gv, v)
			}
		}
	}
}
