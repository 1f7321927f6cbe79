package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/unga-go/unga/internal/testenv"
)

// The default sessions, 50-74, with the picture and the CSV. In short mode and under -race
// sessions 70-74 only (the fit of 25 sessions takes seconds).
func TestRun(t *testing.T) {
	dir := t.TempDir()
	var out, progress bytes.Buffer
	csvName := filepath.Join(dir, "ip.csv")
	pics := filepath.Join(dir, "pics")
	args := []string{"-out", pics, "-csv", csvName}
	// By default sessions 50 to 80, the last of the record. Serbia (COW
	// 345) was out of the Assembly in sessions 47-54 (1992-2000) and
	// returned in session 55; the US voted in all.
	wantSRB, wantUSA := 26, 31
	// Votes on paragraphs and amendments in the record's flags: 388 in
	// sessions 52-72, 73 of them in 71 and 72 (TestBSVRollCalls in
	// alignment/idealpoint checks the selection against BSV's files).
	wantParts := "388 separate votes on paragraphs and amendments left out"
	if testenv.Quick(t) {
		args = append(args, "-from", "70")
		wantSRB, wantUSA = 11, 11
		wantParts = "73 separate votes on paragraphs and amendments left out"
	}
	if err := run(args, &out, &progress); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	// The progress line ends with the uncertainty stage.
	if ps := progress.String(); !strings.Contains(ps, "idealpoints: fit, sweep 1 of at most") || !strings.Contains(ps, "idealpoints: uncertainty") || !strings.HasSuffix(ps, "\n") {
		t.Errorf("progress on stderr: %q", ps)
	}
	for _, want := range []string{wantParts, "## 3. Serbia", "converged true", "SRB", "RUS", "wrote " + filepath.Join(pics, "idealpoints.png") + "\n"} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	f, err := os.Open(filepath.Join(pics, "idealpoints.png"))
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := png.DecodeConfig(f)
	f.Close()
	// 9 × 5.5 inches at 150 dots per inch.
	if err != nil || cfg.Width != 1350 || cfg.Height != 825 {
		t.Errorf("idealpoints.png: %dx%d, %v; want 1350x825", cfg.Width, cfg.Height, err)
	}
	svg, err := os.ReadFile(filepath.Join(pics, "idealpoints.svg"))
	if err != nil || !bytes.Contains(svg, []byte(">SRB<")) || !bytes.Contains(svg, []byte(">RUS<")) {
		t.Errorf("idealpoints.svg does not name SRB and RUS (%v)", err)
	}
	cf, err := os.Open(csvName)
	if err != nil {
		t.Fatal(err)
	}
	defer cf.Close()
	recs, err := csv.NewReader(cf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(recs[0], ","); got != "iso3,cow,name,session,ideal_point,se,lo,hi,n" {
		t.Errorf("header %q", got)
	}
	var srb, usa int
	var srbFirst, srbLast []string // Serbia's first and last rows, by session
	atLast := map[string]string{}  // "ideal_point ± half the interval" in session 80, from the CSV
	for _, r := range recs[1:] {
		if r[3] == "80" {
			x, err1 := strconv.ParseFloat(r[4], 64)
			se, err2 := strconv.ParseFloat(r[5], 64)
			lo, err3 := strconv.ParseFloat(r[6], 64)
			hi, err4 := strconv.ParseFloat(r[7], 64)
			if err := errors.Join(err1, err2, err3, err4); err != nil {
				t.Fatal(err)
			}
			atLast[r[0]] = fmt.Sprintf("%.2f ± %.2f", x, (hi-lo)/2)
			// 1.959963984540054: scipy.stats.norm.ppf(0.975).
			if math.Abs((hi-lo)/2-1.959963984540054*se) > 1e-9 {
				t.Errorf("row %v: lo, hi are not ± 1.96 se", r)
			}
		}
		switch r[1] {
		case "345":
			if srb == 0 {
				srbFirst = r
			}
			srbLast = r
			srb++
		case "2":
			usa++
		}
	}
	if srb != wantSRB || usa != wantUSA {
		t.Errorf("rows: Serbia %d (want %d), USA %d (want %d)", srb, wantSRB, usa, wantUSA)
	}
	// The sentence on how sure quotes the CSV's intervals of session 80
	// (half the width of [lo, hi]), and they do not overlap: Serbia's lies
	// between Russia's and Croatia's.
	sure := fmt.Sprintf("How sure: in session 80 Serbia's ideal point is %s (95%% interval), Russia's %s and Croatia's %s; its interval overlaps neither, so Serbia stands clearly between Russia and Croatia.\n",
		atLast["SRB"], atLast["RUS"], atLast["HRV"])
	if !strings.Contains(s, sure) {
		t.Errorf("output lacks %q:\n%s", sure, s)
	}
	// The last sentence: Serbia's move between its first and its last
	// session in the range (55 and 80 by default), as the CSV has them.
	ideal := func(r []string) float64 {
		x, err := strconv.ParseFloat(r[4], 64)
		if err != nil {
			t.Fatal(err)
		}
		return x
	}
	a, b := ideal(srbFirst), ideal(srbLast)
	moved := fmt.Sprintf("Has it moved? Serbia: %.2f in session %s, %.2f in session %s: change %+.2f, SE ", a, srbFirst[3], b, srbLast[3], b-a)
	if !strings.Contains(s, moved) {
		t.Errorf("output lacks %q:\n%s", moved, s)
	}
	// The record lacks every roll call from January to September 2019
	// (testdata/scripts/counts.py), the resumed part of session 73.
	if !strings.Contains(s, "  Session 73 holds 95 roll calls; its 2019 votes (the resumed part) are missing") {
		t.Errorf("output lacks the coverage note on session 73:\n%s", s)
	}
}

// With -all the votes on paragraphs and amendments stay in: sessions 70-74
// hold 502 roll calls, 73 of them on amendments or paragraphs
// (testdata/scripts/counts.py), so 429 without those votes.
func TestAll(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-from", "70", "-to", "74", "-all"}, "\n502 roll calls, "},
		{[]string{"-from", "70", "-to", "74"}, "\n429 roll calls, "},
	} {
		var out bytes.Buffer
		if err := run(tc.args, &out, io.Discard); err != nil {
			t.Fatal(err)
		}
		s := out.String()
		if !strings.Contains(s, tc.want) {
			t.Errorf("run(%q): output lacks %q:\n%s", tc.args, tc.want, s)
		}
		if left := strings.Contains(s, "left out"); left == slices.Contains(tc.args, "-all") {
			t.Errorf("run(%q): says it left votes out: %v", tc.args, left)
		}
	}
}

// Without -out the example writes no picture, in the current directory or
// anywhere.
func TestNoPicturesByDefault(t *testing.T) {
	cwd := t.TempDir()
	t.Chdir(cwd)
	var out bytes.Buffer
	if err := run([]string{"-from", "73"}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	if entries, err := os.ReadDir(cwd); err != nil || len(entries) != 0 {
		t.Errorf("the current directory holds %v (%v), want nothing", entries, err)
	}
	if strings.Contains(out.String(), "Picture") || strings.Contains(out.String(), "wrote") {
		t.Errorf("output mentions a picture:\n%s", out.String())
	}
}

// Bad flags, stray arguments and bad output paths fail before the
// estimation: nothing is printed and nothing written.
func TestBadArgs(t *testing.T) {
	cwd := t.TempDir()
	t.Chdir(cwd)
	if err := os.WriteFile("file", nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		// The flag package stops at the first argument that is not a flag,
		// so these used to run with -out "." and ignore the rest.
		{[]string{"extra", "-out", ""}, `unexpected argument "extra"`},
		{[]string{"-csv", "x.csv", "extra"}, `unexpected argument "extra"`},
		{[]string{"-issue", "zz"}, "-issue: "},
		{[]string{"-from", "80", "-to", "74"}, "-from 80 -to 74"},
		{[]string{"-out", filepath.Join("file", "pics")}, "-out: "},
		{[]string{"-csv", filepath.Join("missing", "ip.csv")}, "-csv: cannot write"},
		{[]string{"-nosuchflag"}, "idealpoints -h lists the flags"},
	} {
		var out bytes.Buffer
		err := run(tc.args, &out, io.Discard)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("run(%q) = %v, want an error with %q", tc.args, err, tc.want)
		}
		if out.Len() > 0 {
			t.Errorf("run(%q) printed %q before failing", tc.args, out.String())
		}
	}
	if entries, _ := os.ReadDir(cwd); len(entries) != 1 {
		t.Errorf("%d entries in the current directory, want 1 (the test's own file)", len(entries))
	}
}

// -h prints the usage on stdout and succeeds.
func TestHelp(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"-h"}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Usage: idealpoints [flags]", "-csv string", "-out string", "-from int", "(default 50)", "-issue string", "-all"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("usage lacks %q:\n%s", want, out.String())
		}
	}
}

// A range beyond the record is cut to its sessions, with a word, and one
// wholly outside it is refused. -to 100000000 used to run out of memory
// (a note for every session of the range), and -to 9999 printed 9,925
// lines "Session N is not in the data.".
func TestRangeBeyondRecord(t *testing.T) {
	for _, to := range []string{"9999", "100000000"} {
		var out bytes.Buffer
		if err := run([]string{"-from", "79", "-to", to}, &out, io.Discard); err != nil {
			t.Fatalf("-to %s: %v", to, err)
		}
		got := out.String()
		want := "sessions 79 to 80 (-from 79 -to " + to + " asked; the record holds sessions 1-80)."
		if !strings.Contains(got, want) || strings.Contains(got, "not in the data") {
			t.Errorf("-to %s: output lacks %q or notes sessions not in the data:\n%s", to, want, got)
		}
		if n := strings.Count(got, "\n"); n > 60 {
			t.Errorf("-to %s: %d lines of output", to, n)
		}
	}
	for _, args := range [][]string{{"-from", "81", "-to", "9999"}, {"-from", "100000000", "-to", "100000000"}} {
		var out bytes.Buffer
		err := run(args, &out, io.Discard)
		if err == nil || !strings.Contains(err.Error(), "the record holds sessions 1-80") || out.Len() > 0 {
			t.Errorf("run(%q) = %v, printed %d bytes; want an error naming the record's sessions and no output", args, err, out.Len())
		}
	}
}
