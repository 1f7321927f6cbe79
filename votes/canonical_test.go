package votes_test

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/unga-go/unga/internal/testenv"
	"github.com/unga-go/unga/votes"
)

// roundTrip writes d in the canonical layout and reads it back.
func roundTrip(tb testing.TB, d *votes.Dataset) (*votes.Dataset, []byte) {
	tb.Helper()
	var buf bytes.Buffer
	if err := votes.Write(&buf, d); err != nil {
		tb.Fatalf("Write: %v", err)
	}
	if f := votes.DetectFormat(splitHeader(buf.Bytes())); f != votes.FormatCanonical {
		tb.Fatalf("Write's header is detected as %v", f)
	}
	got, err := votes.Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		tb.Fatalf("Read(Write(d)): %v", err)
	}
	return got, buf.Bytes()
}

func checkRoundTrip(t *testing.T, d *votes.Dataset) {
	t.Helper()
	got, _ := roundTrip(t, d)
	if diff := diffDatasets(d, got); diff != "" {
		t.Errorf("Read(Write(d)) differs from d:\n%s", diff)
	}
}

func TestCanonicalRoundTrip(t *testing.T) {
	// The full sources: every state, roll call, vote, member flag (Voeten's
	// 2,223 non-members flagged 1) and note survives. In short mode and
	// under the race detector (which makes these minutes long) a part of
	// each: sessions 40-50 hold 1,262 of Voeten's member flags (Python csv).
	full := func(d *votes.Dataset) *votes.Dataset {
		if testenv.Quick(t) {
			return d.Filter(votes.InSessions(40, 50))
		}
		return d
	}
	t.Run("unvotes", func(t *testing.T) {
		t.Parallel()
		checkRoundTrip(t, full(unvotesData(t)))
	})
	t.Run("Voeten", func(t *testing.T) {
		t.Parallel()
		checkRoundTrip(t, full(voetenData(t)))
	})
	for _, name := range []string{"undl_2025.csv", "undl_2026.csv"} {
		t.Run(name, func(t *testing.T) {
			checkRoundTrip(t, readFixture(t, "../testdata/undl/"+name))
		})
	}
}

func TestCanonicalRoundTripSubsets(t *testing.T) {
	u, v := unvotesData(t), voetenData(t)
	late := func(c votes.Country) bool {
		// Members since 1992 and later: the early roll calls have no
		// votes in the selection and must survive as empty columns.
		return c.COW == 341 || c.COW == 344 || c.COW == 349 || c.COW == 626
	}
	early := u.Filter(votes.InSessions(1, 10))
	for _, tc := range []struct {
		name string
		d    *votes.Dataset
		// Roll calls and states the selection must keep, and how many of
		// them have no vote at all.
		rollCalls, countries, emptyRollCalls, emptyCountries int
	}{
		// Counts from un_votes.csv and un_roll_calls.csv (Python csv).
		// Sessions 1-10: 470 roll calls; 65 states voted, the other 135
		// of the 200 keep their (empty) rows.
		{"unvotes sessions 1-10", early, 470, 200, 0, 135},
		// Four late members over the whole record: none of them voted on
		// 3,736 of the 6,203 roll calls.
		{"unvotes late members", u.SelectCountries(late), 6203, 4, 3736, 0},
		// The same four in sessions 1-10: states without a single vote.
		{"late members, sessions 1-10", early.SelectCountries(late), 470, 4, 470, 4},
		// 126 roll calls of sessions 60-70 coded importantvote 1 (Python
		// csv); the file has no row for the FRG (260) and the Yemen Arab
		// Republic (678) on them.
		{"Voeten important votes of sessions 60-70", v.Filter(votes.InSessions(60, 70), votes.ImportantOnly()), 126, 200, 0, 2},
		// COW 339-349: Albania, Montenegro, North Macedonia, Croatia,
		// Serbia, Bosnia and Herzegovina, Slovenia. Voeten lists every
		// state on every roll call (9 for non-members), so none is empty.
		{"Voeten Balkans", v.SelectCountries(func(c votes.Country) bool { return c.COW >= 339 && c.COW <= 349 }), 5429, 7, 0, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := tc.d
			if d.NumRollCalls() != tc.rollCalls {
				t.Errorf("%d roll calls, want %d", d.NumRollCalls(), tc.rollCalls)
			}
			if d.NumCountries() != tc.countries {
				t.Errorf("%d states, want %d", d.NumCountries(), tc.countries)
			}
			emptyR, emptyC := 0, 0
			for j := range d.NumRollCalls() {
				if d.Tally(j).Members == 0 {
					emptyR++
				}
			}
			for i := range d.NumCountries() {
				has := false
				for _, x := range d.Row(i) {
					if x != votes.NoRecord {
						has = true
						break
					}
				}
				if !has {
					emptyC++
				}
			}
			if emptyR != tc.emptyRollCalls || emptyC != tc.emptyCountries {
				t.Errorf("%d roll calls and %d states without votes, want %d and %d", emptyR, emptyC, tc.emptyRollCalls, tc.emptyCountries)
			}
			checkRoundTrip(t, d)
		})
	}
}

// Write builds most rows by hand: every one must be exactly what
// encoding/csv writes for the same fields, which re-encoding shows, on the
// whole unvotes record and on the Digital Library fixture, whose titles and
// notes need quotes. testenv.Quick (-short, -race) re-encodes sessions 1-3
// of the record only.
func TestWriteIsEncodingCSV(t *testing.T) {
	undl, err := votes.ReadFile("../testdata/undl/undl_2026.csv")
	if err != nil {
		t.Fatal(err)
	}
	uv := unvotesData(t)
	if testenv.Quick(t) {
		// The sessions of the roll calls whose descriptions hold quotes,
		// commas and newlines, and a few others.
		uv = uv.Filter(votes.InSessions(1, 3))
	}
	for name, d := range map[string]*votes.Dataset{"unvotes": uv, "undl": undl} {
		var out bytes.Buffer
		if err := votes.Write(&out, d); err != nil {
			t.Fatal(err)
		}
		records, err := csv.NewReader(bytes.NewReader(out.Bytes())).ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var again bytes.Buffer
		cw := csv.NewWriter(&again)
		cw.WriteAll(records)
		if !bytes.Equal(out.Bytes(), again.Bytes()) {
			a, b := out.Bytes(), again.Bytes()
			i := 0
			for i < min(len(a), len(b)) && a[i] == b[i] {
				i++
			}
			t.Errorf("%s: Write's output differs from encoding/csv's at byte %d: %q, not %q", name, i, a[i:min(i+80, len(a))], b[i:min(i+80, len(b))])
		}
		if n := bytes.Count(out.Bytes(), []byte("\"\"")); name == "undl" && n == 0 {
			t.Errorf("the fixture has no doubled quotes: the test says little")
		}
	}
}
