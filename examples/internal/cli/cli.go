// Package cli holds what the example programs share around their analysis.
//
// That is parsing flags with a -h that prints the usage and succeeds, refusing
// stray arguments, checking output files and directories before the work
// starts, so that a bad path fails in a second rather than after the
// analysis, saving pictures as PNG and SVG, writing lists of sessions as
// runs, and saying in a line what a record holds.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/unga-go/unga/chart"
	"github.com/unga-go/unga/votes"
)

// Parse parses args with fs. With -h or -help it writes the usage to
// stdout (usage, a line of text and an example or two, then every flag with
// its default) and returns help true and a nil error: the program should
// stop and exit 0. A bad flag, or any argument left over after the flags,
// is an error that says how to see the usage.
func Parse(fs *flag.FlagSet, args []string, stdout io.Writer, usage string) (help bool, err error) {
	fs.SetOutput(io.Discard)
	err = fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		return true, Usage(fs, stdout, usage)
	}
	if err != nil {
		return false, fmt.Errorf("%w (%s -h lists the flags)", err, fs.Name())
	}
	if fs.NArg() > 0 {
		return false, fmt.Errorf("unexpected argument %q: %s takes only flags (%s -h lists them)", fs.Arg(0), fs.Name(), fs.Name())
	}
	return false, nil
}

// Usage writes usage and fs's flags with their defaults to w.
func Usage(fs *flag.FlagSet, w io.Writer, usage string) error {
	var b strings.Builder
	b.WriteString(strings.TrimRight(usage, "\n"))
	b.WriteString("\n\nFlags:\n")
	fs.SetOutput(&b)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
	_, err := io.WriteString(w, b.String())
	return err
}

// Dir makes the directory dir (and its parents) if it does not exist and
// checks that a file can be created in it. An empty dir, a flag left at
// its default, asks for no directory: Dir does nothing.
func Dir(dir string) error {
	if dir == "" {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".write-test-*")
	if err != nil {
		return fmt.Errorf("cannot write into %s: %w", dir, err)
	}
	name := f.Name()
	f.Close()
	return os.Remove(name)
}

// File is an output file that is checked before the work starts and
// written at its end: it is written to a temporary file in the same
// directory, which replaces path only once it is complete, so a run that
// fails leaves no partial file and an older file at path untouched.
type File struct {
	path string
	tmp  *os.File
}

// Create checks that path can be written (its directory exists and takes a
// new file; path is not a directory) and opens the temporary file. An
// empty path, a flag left at its default, asks for no file: Create returns
// a nil *File, which Discard accepts, and a nil error.
func Create(path string) (*File, error) {
	if path == "" {
		return nil, nil
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return nil, fmt.Errorf("%s is a directory", path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*")
	if err != nil {
		return nil, fmt.Errorf("cannot write %s: %w", path, err)
	}
	return &File{path: path, tmp: tmp}, nil
}

// Path returns the name the file will have.
func (f *File) Path() string { return f.path }

// Commit writes the file with write and moves it to its path. The File is
// spent afterwards, whether Commit succeeded or not.
func (f *File) Commit(write func(io.Writer) error) error {
	tmp := f.tmp
	f.tmp = nil
	err := write(tmp)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), f.path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("writing %s: %w", f.path, err)
	}
	return nil
}

// Discard removes the temporary file; path is left as it was. On a nil
// *File, or after Commit, it does nothing, so a program may defer it.
func (f *File) Discard() {
	if f == nil || f.tmp == nil {
		return
	}
	f.tmp.Close()
	os.Remove(f.tmp.Name())
	f.tmp = nil
}

// Runs writes increasing integers as runs of consecutive ones, for prose:
// 47, 48, 49, 52 gives "47-49" and "52".
func Runs(keys []int) []string {
	var runs []string
	for i := 0; i < len(keys); {
		j := i
		for j+1 < len(keys) && keys[j+1] == keys[j]+1 {
			j++
		}
		if j == i {
			runs = append(runs, strconv.Itoa(keys[i]))
		} else {
			runs = append(runs, fmt.Sprintf("%d-%d", keys[i], keys[j]))
		}
		i = j + 1
	}
	return runs
}

// SavePicture writes c into dir as name.png and name.svg, the two forms
// every example draws in, and returns the files written.
func SavePicture(c *chart.Chart, dir, name string) ([]string, error) {
	var files []string
	for _, ext := range []string{".png", ".svg"} {
		f := filepath.Join(dir, name+ext)
		if err := c.Save(f); err != nil {
			return files, err
		}
		files = append(files, f)
	}
	return files, nil
}

// Describe says in a line what ds holds, as the notebooks print it when
// they load a record: "200 states, 6203 roll calls, 1946-01-01 to
// 2020-01-14", the dates those of its first and last roll calls
// (votes.Dataset.Span).
func Describe(ds *votes.Dataset) string {
	first, last := ds.Span()
	return fmt.Sprintf("%d states, %d roll calls, %s to %s", ds.NumCountries(), ds.NumRollCalls(), first.Format("2006-01-02"), last.Format("2006-01-02"))
}
