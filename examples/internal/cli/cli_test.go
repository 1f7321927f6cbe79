package cli

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/unga-go/unga/chart"
	"github.com/unga-go/unga/votes"
)

func flags() *flag.FlagSet {
	fs := flag.NewFlagSet("prog", flag.ContinueOnError)
	fs.Int("k", 5, "number of blocs")
	fs.String("out", "", "directory for the pictures")
	return fs
}

func TestParse(t *testing.T) {
	for _, arg := range []string{"-h", "-help", "--help"} {
		var out bytes.Buffer
		help, err := Parse(flags(), []string{"-k", "3", arg}, &out, "Usage: prog [flags]\n\nProg does things.\n")
		if !help || err != nil {
			t.Errorf("%s: help %v, err %v; want true, nil", arg, help, err)
		}
		for _, want := range []string{"Usage: prog [flags]\n\nProg does things.\n\nFlags:\n", "-k int", "number of blocs (default 5)", "-out string"} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("%s: usage lacks %q:\n%s", arg, want, out.String())
			}
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-x"}, "flag provided but not defined: -x (prog -h lists the flags)"},
		{[]string{"-k", "x"}, `invalid value "x" for flag -k`},
		// A stray argument stops the flag package: the flags after it
		// would be ignored, so it is an error.
		{[]string{"extra", "-out", ""}, `unexpected argument "extra": prog takes only flags`},
		{[]string{"-k", "2", "extra"}, `unexpected argument "extra"`},
	} {
		var out bytes.Buffer
		help, err := Parse(flags(), tc.args, &out, "usage")
		if help || err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Parse(%q) = %v, %v; want an error with %q", tc.args, help, err, tc.want)
		}
		if out.Len() > 0 {
			t.Errorf("Parse(%q) wrote %q", tc.args, out.String())
		}
	}
	if help, err := Parse(flags(), []string{"-k", "2"}, io.Discard, "usage"); help || err != nil {
		t.Errorf("good flags: %v, %v", help, err)
	}
}

func TestDir(t *testing.T) {
	dir := t.TempDir()
	if err := Dir(filepath.Join(dir, "a", "b")); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(filepath.Join(dir, "a", "b"))
	if err != nil || len(entries) != 0 {
		t.Errorf("Dir left %v (%v) behind", entries, err)
	}
	// A path through a regular file fails, even for root.
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Dir(filepath.Join(file, "pics")); err == nil {
		t.Error("Dir under a regular file: no error")
	}
	if err := Dir(file); err == nil {
		t.Error("Dir on a regular file: no error")
	}
	// No directory asked for: nothing made, here or in the temporary
	// directory.
	t.Chdir(dir)
	if err := Dir(""); err != nil {
		t.Errorf("Dir(\"\"): %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("Dir(\"\") left %d entries in the current directory, want 2", len(entries))
	}
}

func TestFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	if err := os.WriteFile(path, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A failed run leaves the old file as it was and no temporary file.
	f, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	f.Discard()
	f.Discard()
	if b, _ := os.ReadFile(path); string(b) != "old\n" {
		t.Errorf("after Discard the file holds %q", b)
	}
	f, err = Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Commit(func(w io.Writer) error { _, err := io.WriteString(w, "a,b\n"); return err }); err != nil {
		t.Fatal(err)
	}
	f.Discard() // after Commit: nothing
	if b, _ := os.ReadFile(path); string(b) != "a,b\n" {
		t.Errorf("after Commit the file holds %q", b)
	}
	boom := errors.New("boom")
	f, err = Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Commit(func(w io.Writer) error { io.WriteString(w, "partial"); return boom }); !errors.Is(err, boom) {
		t.Errorf("Commit with a failing writer: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "a,b\n" {
		t.Errorf("a failed Commit changed the file to %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files in the directory, want 1 (no temporary file left)", len(entries))
	}
	// No file asked for: a nil *File, which a deferred Discard accepts.
	if f, err := Create(""); f != nil || err != nil {
		t.Errorf("Create(\"\") = %v, %v; want nil, nil", f, err)
	}
	for _, bad := range []string{filepath.Join(dir, "missing", "out.csv"), dir} {
		if _, err := Create(bad); err == nil {
			t.Errorf("Create(%s): no error", bad)
		}
	}
}

func TestRuns(t *testing.T) {
	for _, tc := range []struct {
		keys []int
		want string
	}{
		{nil, ""},
		{[]int{65}, "65"},
		{[]int{47, 48, 49, 50, 51, 52, 53, 54}, "47-54"},
		{[]int{47, 49, 50, 51, 60}, "47 | 49-51 | 60"},
		{[]int{1, 2, 4, 5}, "1-2 | 4-5"},
	} {
		if got := strings.Join(Runs(tc.keys), " | "); got != tc.want {
			t.Errorf("Runs(%v) = %q, want %q", tc.keys, got, tc.want)
		}
	}
}

func TestSavePicture(t *testing.T) {
	c, err := chart.Lines([]chart.Line{{Name: "a", X: []float64{1, 2}, Y: []float64{0.5, 0.7}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files, err := SavePicture(c, dir, "pic")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join(dir, "pic.png"), filepath.Join(dir, "pic.svg")}
	if strings.Join(files, " ") != strings.Join(want, " ") {
		t.Errorf("SavePicture wrote %q, want %q", files, want)
	}
	for _, f := range want {
		if fi, err := os.Stat(f); err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
	if _, err := SavePicture(c, filepath.Join(dir, "missing"), "pic"); err == nil {
		t.Error("SavePicture into a missing directory: no error")
	}
}

// Describe counts the states and roll calls of a three-line record in
// Voeten's layout and gives the dates of its first and last roll calls.
func TestDescribe(t *testing.T) {
	const file = `rcid,session,vote,ccode,member,importantvote,date,unres,me,nu,di,hr,co,ec,year
1,74,1,2,1,0,10/1/2019,R/74/1,0,0,0,0,0,0,2019
1,74,3,20,1,0,10/1/2019,R/74/1,0,0,0,0,0,0,2019
2,74,1,2,1,0,12/18/2019,R/74/2,0,0,0,0,0,0,2019
`
	ds, err := votes.Read(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := Describe(ds), "2 states, 2 roll calls, 2019-10-01 to 2019-12-18"; got != want {
		t.Errorf("Describe = %q, want %q", got, want)
	}
}
