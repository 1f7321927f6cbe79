package main

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	csvName := filepath.Join(dir, "ip.csv")
	if err := run([]string{"-out", dir, "-csv", csvName}, &out); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	for _, want := range []string{"## 3. Serbia", "converged true", "SRB", "RUS"} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	for _, name := range []string{"idealpoints.png", "idealpoints.svg"} {
		if fi, err := os.Stat(filepath.Join(dir, name)); err != nil || fi.Size() < 1000 {
			t.Errorf("%s: %v", name, err)
		}
	}
	f, err := os.Open(csvName)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(recs[0], ","); got != "iso3,cow,session,ideal_point,se,n_votes" {
		t.Errorf("header %q", got)
	}
	// Serbia (COW 345) was out of the Assembly in sessions 47-54 (1992-2000)
	// and returned in session 55; the US votes in all 25 sessions.
	var srb, usa int
	for _, r := range recs[1:] {
		switch r[1] {
		case "345":
			srb++
		case "2":
			usa++
		}
	}
	if srb != 20 || usa != 25 {
		t.Errorf("rows: Serbia %d (want 20), USA %d (want 25)", srb, usa)
	}
	// An unknown issue code is an error, not a panic.
	if err := run([]string{"-out", dir, "-issue", "zz"}, &out); err == nil {
		t.Error("issue zz: no error")
	}
}
