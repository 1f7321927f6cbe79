package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/unga-go/unga/cluster"
	"github.com/unga-go/unga/internal/testenv"
	"github.com/unga-go/unga/votes"
)

// readCSV reads a whole CSV file, header first.
func readCSV(t *testing.T, name string) [][]string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

var withRussia = regexp.MustCompile(`\nSerbia is in the same bloc as Russia in (\d+)% of resamples \(± (\d+) points of Monte Carlo error with 200 resamples\)`)

// serbiaWithRussia returns the printed share of resamples in which Serbia
// shares Russia's bloc, in percent.
func serbiaWithRussia(t *testing.T, out string) int {
	t.Helper()
	m := withRussia.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("output lacks the sentence on Serbia and Russia:\n%s", out)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// The bootstrap of Ward's three blocs of session 74: the figures the
// cluster package's author measured independently with cluster.Stability
// on the session (its own state selection and seed, 200 resamples) are
// Serbia with Russia in 46% of resamples and the US with Israel in 100%.
// A share of 200 resamples has a Monte Carlo standard error of at most 3.5
// points, so another seed may move it by up to 10 points (seeds 0, 1, 2
// and 42 give 44-50%).
func TestStabilityWard3(t *testing.T) {
	dir := t.TempDir()
	blocsCSV, stabCSV := filepath.Join(dir, "blocs.csv"), filepath.Join(dir, "stability.csv")
	var buf bytes.Buffer
	if err := run(in74([]string{"-method", "ward", "-k", "3", "-csv", blocsCSV, "-stability-csv", stabCSV}), &buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if n := serbiaWithRussia(t, out); n < 36 || n > 56 {
		t.Errorf("Serbia with Russia in %d%% of resamples, want 46 ± 10", n)
	}
	if !strings.Contains(out, "(± 7 points of Monte Carlo error with 200 resamples)") {
		t.Errorf("Monte Carlo error is not 1.96·sqrt(0.46·0.54/200) = 7 points:\n%s", out)
	}
	if !strings.Contains(out, "\nHow sure: over 200 resamples a state stays in its bloc in ") {
		t.Errorf("output lacks the sentence on how sure the blocs are:\n%s", out)
	}
	if n := strings.Count(out, "\nfirm\t"); n != 3 {
		t.Errorf("%d firm lines, want one per bloc (3)", n)
	}

	blocs, stab := readCSV(t, blocsCSV), readCSV(t, stabCSV)
	if got := strings.Join(stab[0], ","); got != "iso3,cow,name,bloc,stay,bloc_jaccard,resamples" {
		t.Errorf("stability header %q", got)
	}
	if len(stab) != len(blocs) || len(stab) != 192 {
		t.Fatalf("%d stability rows, %d bloc rows, want 191 each", len(stab)-1, len(blocs)-1)
	}
	rows := map[string][]string{}
	for k, r := range stab[1:] {
		rows[r[0]] = r
		// Both tables count the blocs alike, state by state.
		if b := blocs[k+1]; b[0] != r[0] || b[4] != r[3] {
			t.Errorf("row %d: blocs.csv has %s in bloc %s, stability.csv %s in bloc %s", k+1, b[0], b[4], r[0], r[3])
		}
		if r[6] != "200" {
			t.Errorf("row %v: %s resamples, want 200", r, r[6])
		}
	}
	// The US and Israel both stay in their bloc in every resample: they
	// share a bloc in 100% of them.
	for _, iso := range []string{"USA", "ISR"} {
		if rows[iso][4] != "1" {
			t.Errorf("%s stays in %s of resamples, want 1", iso, rows[iso][4])
		}
	}
	if rows["USA"][3] != rows["ISR"][3] {
		t.Errorf("the US in bloc %s, Israel in %s", rows["USA"][3], rows["ISR"][3])
	}
	// The printed stay line of Serbia is its row of the table.
	stay, err := strconv.ParseFloat(rows["SRB"][4], 64)
	if err != nil {
		t.Fatal(err)
	}
	if line := "\nstay\tSRB\t" + rows["SRB"][2] + "\t" + strconv.FormatFloat(stay, 'f', 3, 64) + "\t"; !strings.Contains(out, line) {
		t.Errorf("output lacks %q", line)
	}
}

// Average linkage, 4 blocs: the cluster package's author measured Serbia
// with Russia in 34% of 200 resamples (another seed; ± 10 points as above).
func TestStabilityAverage4(t *testing.T) {
	if testenv.Quick(t) {
		t.Skip("a second bootstrap")
	}
	out, err := analyzeArgs(t, "-method", "average", "-k", "4", "-resamples", "200")
	if err != nil {
		t.Fatal(err)
	}
	if n := serbiaWithRussia(t, out); n < 24 || n > 44 {
		t.Errorf("Serbia with Russia in %d%% of resamples, want 34 ± 10", n)
	}
}

// The same seed gives the same figures; Louvain is not bootstrapped; no
// bootstrap with -resamples 0.
func TestStabilityOptions(t *testing.T) {
	a, err := analyzeArgs(t, "-method", "kmedoids", "-k", "3", "-resamples", "40", "-seed", "7")
	if err != nil {
		t.Fatal(err)
	}
	b, err := analyzeArgs(t, "-method", "kmedoids", "-k", "3", "-resamples", "40", "-seed", "7")
	if err != nil {
		t.Fatal(err)
	}
	if a != b || !strings.Contains(a, "How sure: over 40 resamples") {
		t.Errorf("two runs with seed 7 differ or lack the bootstrap:\n%s\n---\n%s", a, b)
	}
	out, err := analyzeArgs(t, "-method", "louvain", "-resamples", "200")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "The Louvain blocs are not bootstrapped") || strings.Contains(out, "How sure") {
		t.Errorf("louvain: bootstrapped or silent about it:\n%s", out)
	}
	if out, _ = analyzeArgs(t); strings.Contains(out, "How firm") {
		t.Errorf("-resamples 0 bootstraps:\n%s", out)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-resamples", "-1"}, "-resamples -1: want 0"},
		{[]string{"-resamples", "0", "-stability-csv", "x.csv"}, "-stability-csv needs a bootstrap"},
		{[]string{"-method", "louvain", "-stability-csv", "x.csv"}, "not bootstrapped"},
	} {
		if _, err := parse(tc.args, io.Discard); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("parse(%q) = %v, want an error containing %q", tc.args, err, tc.want)
		}
	}
}

// pairwise reads the fixture of cluster's TestStabilityNoResample
// (testdata/cluster/pairwise.csv): six states, fifteen roll calls, every
// pair of states with exactly one joint vote, so that with -min 1 all six
// are clustered but a resample that misses one roll call cannot be.
func pairwise(t *testing.T) *votes.Dataset {
	t.Helper()
	ds, err := votes.ReadFile("../../testdata/cluster/pairwise.csv")
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// TestEveryResampleFails: when no resample can be clustered, the bootstrap
// has no figure to give; blocs stops with the library's error, which says
// what to do, rather than print "NaN%" and pick its firmest and weakest
// bloc among NaNs.
func TestEveryResampleFails(t *testing.T) {
	cfg, err := parse([]string{"-min", "1", "-k", "2", "-resamples", "30", "-seed", "3"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	err = analyze(pairwise(t), cfg, &out)
	// Seed 3: each of its first 50 resamples misses one of the fifteen
	// roll calls (cluster's TestStabilityNoResample checks it).
	if !errors.Is(err, cluster.ErrNoResample) || !strings.Contains(err.Error(), "higher -min") {
		t.Errorf("error %v, want cluster.ErrNoResample saying what to do", err)
	}
	if !strings.Contains(out.String(), "6 states clustered") {
		t.Errorf("the fixture's six states are not all clustered:\n%s", out.String())
	}
	if strings.Contains(out.String(), "NaN") {
		t.Errorf("output prints NaN:\n%s", out.String())
	}
}
