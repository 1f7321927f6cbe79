package votes

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"github.com/unga-go/unga/internal/csvscan"
)

// A Reader reads roll-call data. Its zero value reads strictly, within
// the default limits: the first bad row ends the read with a *ParseError.
//
// With Lenient set, a bad row is skipped instead and counted in
// SkippedRows, and the first MaxSkipped of them are kept in Skipped with
// their reasons, so that nothing is dropped silently; errors that make the
// whole input unreadable (a missing column, bad quoting, a line over the
// limit, a truncated gzip stream) still end the read.
//
// The limits bound the memory and time a hostile or broken input can
// take: a file without a line end, or with a million columns, fails on its
// first line, a file of a million roll calls on the one past
// MaxRollCalls, a gzip bomb once it has decompressed to
// MaxDecompressedBytes, each with an error wrapping ErrLimit that ends
// the read even when Lenient is set. The zero value of each is its
// default; a negative value is an error.
//
// A Reader is not safe for concurrent use: a read appends to Skipped and
// SkippedRows. Use one Reader per goroutine.
type Reader struct {
	Lenient bool

	// Skipped lists the first MaxSkipped rows a lenient read left out, in
	// input order; SkippedRows counts all of them, so that the rows past
	// the list are still reported. Each read adds to both.
	Skipped     []*ParseError
	SkippedRows int

	// Repaired lists the first MaxSkipped problems a read found in the
	// input and resolved without leaving anything out, in either mode: the
	// UN's resolution data repeat lines, repeat names in a list, publish
	// counts that disagree with their lists, and so on (see the package
	// documentation for each). RepairedRows counts all of them. Each read
	// adds to both.
	Repaired     []*ParseError
	RepairedRows int

	// MaxSkipped is how many skipped rows are kept in Skipped, and how
	// many repairs in Repaired
	// (1,000 if 0; negative keeps none).
	MaxSkipped int

	// MaxLineBytes bounds a line, and a record whose quoted fields span
	// lines (1 MiB if 0). MaxFieldBytes bounds a field (256 KiB if 0),
	// MaxColumns the fields of a record (1,000 if 0).
	MaxLineBytes  int
	MaxFieldBytes int
	MaxColumns    int

	// MaxRollCalls bounds the roll calls of a read (100,000 if 0): a read
	// of more fails with ErrLimit on the row that adds one too many. Memory grows with the roll calls a file names, whatever their
	// votes, so this bounds a read's memory as the byte limits cannot: 4
	// million roll calls of one vote each fit in a 20 MB gzip file.
	MaxRollCalls int

	// MaxDecompressedBytes bounds the text a gzip-compressed input may
	// decompress to (2 GiB if 0); past it, the read
	// fails with ErrLimit. A gzip stream of newlines compresses a
	// thousandfold, and would otherwise cost a minute of CPU per 4 GiB
	// without a row to show for it. Input that is not compressed is not
	// bounded so: its cost is its size.
	MaxDecompressedBytes int64

	// AllowEmpty accepts an input with a header but no data rows, read as
	// an empty dataset; otherwise such input is an error wrapping
	// ErrEmpty, since a truncated or misread file looks just like it.
	AllowEmpty bool

	// Source, if not empty, is recorded as the RollCall.Source of every
	// roll call read that has none ("UN resolution data, 81.json"), so
	// that a dataset joined from several reads (Join) says where each
	// roll call came from. A canonical file keeps the sources it carries.
	Source string

	// opsOnly makes tests read every vote row as an op, the row-by-row
	// reference the dense fast paths must agree with.
	opsOnly bool
	// parts, if not 0, makes tests cut every block into that many parts,
	// however small: where the cuts fall must not change what is read.
	parts int
}

// The default limits of a Reader, which its fields' documentation states. The longest line of the real files is
// 1,535 bytes (a description in un_roll_calls.csv), the widest header 31
// columns (the canonical layout). The General Assembly held about 7,000
// roll calls from 1946 to 2025, and a UN Digital Library file holds up to
// about 15,000 records; its 2026 file, the largest real input, is 365 MB.
// At the default limits, a 20 MB gzip of 4 million one-vote roll calls is
// refused at a peak heap of about 300 MiB (880 MB allocated in all).
const (
	defaultMaxLineBytes         = 1 << 20
	defaultMaxFieldBytes        = 256 << 10
	defaultMaxColumns           = 1000
	defaultMaxSkipped           = 1000
	defaultMaxRollCalls         = 100_000
	defaultMaxDecompressedBytes = 2 << 30
)

// limits returns a Reader's limits with the defaults filled in.
func (r *Reader) limits() csvscan.Limits {
	l := csvscan.Limits{Line: r.MaxLineBytes, Field: r.MaxFieldBytes, Columns: r.MaxColumns}
	if l.Line <= 0 {
		l.Line = defaultMaxLineBytes
	}
	if l.Field <= 0 {
		l.Field = defaultMaxFieldBytes
	}
	if l.Columns <= 0 {
		l.Columns = defaultMaxColumns
	}
	return l
}

// checkLimits refuses a negative limit: 0 asks for the default, and a
// negative value is a mistake, not a wish for no limit or the least one.
func (r *Reader) checkLimits() error {
	for _, l := range [...]struct {
		name string
		n    int64
	}{{"MaxLineBytes", int64(r.MaxLineBytes)}, {"MaxFieldBytes", int64(r.MaxFieldBytes)}, {"MaxColumns", int64(r.MaxColumns)},
		{"MaxRollCalls", int64(r.MaxRollCalls)}, {"MaxDecompressedBytes", r.MaxDecompressedBytes}} {
		if l.n < 0 {
			return fmt.Errorf("votes: Reader.%s = %d, want 0 (the default) or more", l.name, l.n)
		}
	}
	return nil
}

// Read reads one file of any supported format, detected from its header:
// Voeten's file (old or new column set), the UN Digital Library bulk CSV
// (2025 or 2026 layout), this package's canonical CSV, or the UN's
// resolution data (JSON Lines, told by their first character, "{"; the
// files of several sessions may be concatenated, gzipped or not; source:
// United Nations). Gzip-compressed input, of one or several members, is
// decompressed transparently. The unvotes layout comes in three
// files: use ReadUnvotes, or ReadFile on their folder.
func Read(r io.Reader) (*Dataset, error) { return new(Reader).Read(r) }

// ReadFile reads a file, as Read does, or a folder holding the unvotes files
// un_votes.csv, un_roll_calls.csv and optionally un_roll_call_issues.csv
// (each possibly gzipped, with the suffix .gz).
func ReadFile(name string) (*Dataset, error) { return new(Reader).ReadFile(name) }

// ReadUnvotes reads the unvotes/tidytuesday layout: the votes (rcid,
// country, country_code, vote), the roll calls (rcid, session,
// importantvote, date, unres, amend, para, short, descr) and, if issues is
// not nil, the issue codes (rcid, short_name, issue; the label issue is
// read only in a file without short_name). Columns are taken by name; "NA"
// is read as missing except in country_code, where it is Namibia's code.
func ReadUnvotes(votes, rollCalls, issues io.Reader) (*Dataset, error) {
	return new(Reader).ReadUnvotes(votes, rollCalls, issues)
}

// Format names a file layout Read recognises.
type Format int

const (
	FormatUnknown   Format = iota // none of the below
	FormatUnvotes                 // un_votes.csv of the unvotes triplet
	FormatVoeten                  // Voeten's Dataverse file
	FormatUNDL                    // the UN Digital Library bulk CSV
	FormatCanonical               // this package's canonical CSV (Write)
	FormatUNXML                   // the UN's resolution data, JSON Lines (source: United Nations)
)

var formatNames = [...]string{"unknown", "unvotes", "Voeten", "UN Digital Library", "canonical", "UN resolution data"}

// String names the format; an unknown value gives "Format(99)".
func (f Format) String() string {
	if f < 0 || int(f) >= len(formatNames) {
		return "Format(" + strconv.Itoa(int(f)) + ")"
	}
	return formatNames[f]
}

// Read reads one file of any supported format; see the package function Read.
func (r *Reader) Read(src io.Reader) (*Dataset, error) {
	return r.read(source{Data: src})
}

// ReadUnvotes reads the unvotes triplet; see the package function ReadUnvotes.
func (r *Reader) ReadUnvotes(votes, rollCalls, issues io.Reader) (*Dataset, error) {
	return r.read(source{Data: votes, Unvotes: true, RollCalls: rollCalls, Issues: issues})
}

// read reads src with r's settings, keeps the rows it skipped and
// builds the dataset from what it read.
func (r *Reader) read(src source) (*Dataset, error) {
	keep := r.MaxSkipped
	if keep == 0 {
		keep = defaultMaxSkipped
	}
	if err := r.checkLimits(); err != nil {
		return nil, err
	}
	res, err := readSource(src, readConfig{
		Lenient:         r.Lenient,
		Keep:            max(0, keep-len(r.Skipped)),
		KeepRepaired:    max(0, keep-len(r.Repaired)),
		Limits:          r.limits(),
		MaxRollCalls:    cmp.Or(r.MaxRollCalls, defaultMaxRollCalls),
		MaxDecompressed: cmp.Or(r.MaxDecompressedBytes, defaultMaxDecompressedBytes),
		AllowEmpty:      r.AllowEmpty,
		OpsOnly:         r.opsOnly,
		Parts:           r.parts,
	})
	r.Skipped = append(r.Skipped, res.Skipped...)
	r.SkippedRows += res.SkippedRows
	r.Repaired = append(r.Repaired, res.Repaired...)
	r.RepairedRows += res.RepairedRows
	if err != nil {
		return nil, err
	}
	d := newDataset(res)
	if r.Source != "" {
		for j := range d.rollCalls {
			if d.rollCalls[j].Source == "" {
				d.rollCalls[j].Source = r.Source
			}
		}
	}
	return d, nil
}

// ReadFile reads a file or an unvotes folder; see the package function ReadFile.
func (r *Reader) ReadFile(name string) (*Dataset, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return r.read(source{Data: f, Name: name})
	}
	open := func(base string, required bool) (*os.File, error) {
		for _, n := range [...]string{base, base + ".gz"} {
			f, err := os.Open(filepath.Join(name, n))
			if err == nil {
				return f, nil
			}
			if !errors.Is(err, os.ErrNotExist) {
				return nil, err
			}
		}
		if required {
			return nil, fmt.Errorf("votes: %s: no %s or %s.gz in the folder: %w", name, base, base, fs.ErrNotExist)
		}
		return nil, nil
	}
	vf, err := open("un_votes.csv", true)
	if err != nil {
		return nil, err
	}
	defer vf.Close()
	rf, err := open("un_roll_calls.csv", true)
	if err != nil {
		return nil, err
	}
	defer rf.Close()
	inf, err := open("un_roll_call_issues.csv", false)
	if err != nil {
		return nil, err
	}
	var issues io.Reader
	if inf != nil {
		defer inf.Close()
		issues = inf
	}
	return r.ReadUnvotes(vf, rf, issues)
}
