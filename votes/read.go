package votes

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

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
// The limits bound the memory a hostile or broken input can take: a file
// without a line end, or with a million columns, fails on its first line
// with an error wrapping ErrLimit. The zero value of each is its default.
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

	// MaxSkipped is how many skipped rows are kept in Skipped
	// (DefaultMaxSkipped if 0; negative keeps none).
	MaxSkipped int

	// MaxLineBytes bounds a line, and a record whose quoted fields span
	// lines (DefaultMaxLineBytes if 0). MaxFieldBytes bounds a field
	// (DefaultMaxFieldBytes if 0), MaxColumns the fields of a record
	// (DefaultMaxColumns if 0).
	MaxLineBytes  int
	MaxFieldBytes int
	MaxColumns    int

	// AllowEmpty accepts an input with a header but no data rows, read as
	// an empty dataset; otherwise such input is an error wrapping
	// ErrEmpty, since a truncated or misread file looks just like it.
	AllowEmpty bool

	// opsOnly makes tests read every vote row as an op, the row-by-row
	// reference the dense fast paths must agree with.
	opsOnly bool
	// parts, if not 0, makes tests cut every block into that many parts,
	// however small: where the cuts fall must not change what is read.
	parts int
}

// The default limits of a Reader. The longest line of the real files is
// 1,535 bytes (a description in un_roll_calls.csv), the widest header 31
// columns (the canonical layout).
const (
	DefaultMaxLineBytes  = 1 << 20
	DefaultMaxFieldBytes = 256 << 10
	DefaultMaxColumns    = 1000
	DefaultMaxSkipped    = 1000
)

// limits returns a Reader's limits with the defaults filled in.
func (r *Reader) limits() csvscan.Limits {
	l := csvscan.Limits{Line: r.MaxLineBytes, Field: r.MaxFieldBytes, Columns: r.MaxColumns}
	if l.Line <= 0 {
		l.Line = DefaultMaxLineBytes
	}
	if l.Field <= 0 {
		l.Field = DefaultMaxFieldBytes
	}
	if l.Columns <= 0 {
		l.Columns = DefaultMaxColumns
	}
	return l
}

// Read reads one file of any supported format, detected from its header:
// Voeten's file (old or new column set), the UN Digital Library bulk CSV
// (2025 or 2026 layout), or this package's canonical CSV. Gzip-compressed
// input is decompressed transparently. The unvotes layout comes in three
// files: use ReadUnvotes, or ReadFile on their folder.
func Read(r io.Reader) (*Dataset, error) { return new(Reader).Read(r) }

// ReadFile reads a file, as Read does, or a folder holding the unvotes files
// un_votes.csv, un_roll_calls.csv and optionally un_roll_call_issues.csv
// (each possibly gzipped, with the suffix .gz).
func ReadFile(name string) (*Dataset, error) { return new(Reader).ReadFile(name) }

// ReadUnvotes reads the unvotes/tidytuesday layout: the votes (rcid,
// country, country_code, vote), the roll calls (rcid, session,
// importantvote, date, unres, amend, para, short, descr) and, if issues is
// not nil, the issue codes (rcid, short_name, issue). Columns are taken by
// name; "NA" is read as missing except in country_code, where it is
// Namibia's code.
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
)

var formatNames = [...]string{"unknown", "unvotes", "Voeten", "UN Digital Library", "canonical"}

// String names the format; an unknown value gives "Format(99)".
func (f Format) String() string {
	if f < 0 || int(f) >= len(formatNames) {
		return "Format(" + strconv.Itoa(int(f)) + ")"
	}
	return formatNames[f]
}

// DetectFormat tells the format of a file from its header line.
func DetectFormat(header []string) Format {
	has := func(name string) bool {
		for _, h := range header {
			if strings.EqualFold(strings.TrimSpace(h), name) {
				return true
			}
		}
		return false
	}
	// One distinctive column decides, so that a file missing a required
	// column is reported as such rather than as of unknown format.
	switch {
	case has("cow") && has("rcid"):
		return FormatCanonical
	case has("undl_id") || has("ms_vote") || has("ms_code"):
		return FormatUNDL
	case has("ccode"):
		return FormatVoeten
	case has("rcid") && (has("country") || has("country_code")):
		return FormatUnvotes
	}
	return FormatUnknown
}

// Read reads one file of any supported format; see the package function Read.
func (r *Reader) Read(src io.Reader) (*Dataset, error) {
	return r.read(src, nameOf(src, ""))
}

func (r *Reader) read(src io.Reader, file string) (*Dataset, error) {
	src, closeFn, err := decompress(src)
	if err != nil {
		return nil, &ParseError{File: file, Line: 1, Err: err}
	}
	defer closeFn()
	s := r.newScanner(src, file)
	if err := s.readHeader(); err != nil {
		return nil, err
	}
	skipped := r.SkippedRows
	var d *Dataset
	switch f := DetectFormat(s.header); f {
	case FormatVoeten:
		d, err = r.readVoeten(s)
	case FormatUNDL:
		d, err = r.readUNDL(s)
	case FormatCanonical:
		d, err = r.readCanonical(s)
	case FormatUnvotes:
		return nil, &ParseError{File: file, Line: 1, Err: fmt.Errorf("%w: an unvotes vote file needs its roll calls; use ReadUnvotes or ReadFile on the folder", ErrUnknownFormat)}
	default:
		return nil, &ParseError{File: file, Line: 1, Err: fmt.Errorf("%w: header %s", ErrUnknownFormat, quotePrefix([]byte(strings.Join(s.header, ","))))}
	}
	if err != nil {
		return nil, err
	}
	if err := r.checkEmpty(d, file, skipped); err != nil {
		return nil, err
	}
	return d, nil
}

// checkEmpty returns ErrEmpty for a dataset without roll calls or states
// read from rows none of which was skipped, unless AllowEmpty is set.
func (r *Reader) checkEmpty(d *Dataset, file string, skippedBefore int) error {
	if r.AllowEmpty || len(d.rollCalls) > 0 || len(d.countries) > 0 || r.SkippedRows > skippedBefore {
		return nil
	}
	return &ParseError{File: file, Line: 2, Err: fmt.Errorf("%w: a header and nothing after it (set Reader.AllowEmpty to accept that)", ErrEmpty)}
}

// quotePrefix quotes at most 64 bytes of b: an error message must stay
// short whatever the input holds.
func quotePrefix(b []byte) string { return csvscan.QuotePrefix(b) }

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
		return r.read(f, name)
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

// skip records a bad row when reading leniently; otherwise it returns the
// error that ends the read.
func (r *Reader) skip(err *ParseError) error {
	if !r.Lenient {
		return err
	}
	r.SkippedRows++
	max := r.MaxSkipped
	if max == 0 {
		max = DefaultMaxSkipped
	}
	if len(r.Skipped) < max {
		r.Skipped = append(r.Skipped, err)
	}
	return nil
}

// nameOf returns the file name of src if it has one (an *os.File does).
func nameOf(src io.Reader, def string) string {
	if n, ok := src.(interface{ Name() string }); ok {
		return n.Name()
	}
	return def
}

// decompress returns src, or a gzip reader over it if it starts with the
// gzip magic number.
func decompress(src io.Reader) (io.Reader, func(), error) {
	if src == nil {
		return nil, nil, errors.New("votes: nil reader")
	}
	br := bufio.NewReaderSize(src, 1<<16)
	magic, _ := br.Peek(2)
	if len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, nil, err
		}
		zbr := bufio.NewReaderSize(zr, 1<<16)
		if err := checkEncoding(zbr); err != nil {
			return nil, nil, err
		}
		return zbr, func() { zr.Close() }, nil
	}
	if err := checkEncoding(br); err != nil {
		return nil, nil, err
	}
	return br, func() {}, nil
}

// checkEncoding rejects UTF-16 text, with or without a byte-order mark,
// which would otherwise read as a garbled header of unknown format.
func checkEncoding(br *bufio.Reader) error {
	b, _ := br.Peek(4)
	utf16 := len(b) >= 2 && (b[0] == 0xff && b[1] == 0xfe || b[0] == 0xfe && b[1] == 0xff)
	// Without a mark, ASCII text in UTF-16 has every other byte zero.
	utf16 = utf16 || len(b) == 4 && (b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0 || b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0)
	if utf16 {
		return fmt.Errorf("%w: the input is UTF-16 text; convert it to UTF-8", ErrUnknownFormat)
	}
	return nil
}

// canonicalSession marks, in the columns passed to parseRollCallColumns,
// the canonical layout, which reads its session itself.
const canonicalSession = -2

// parseID parses a roll-call ID: rcid or undl_id, from 0 to 2^31-1 in
// every layout, since a vote row keeps it in 32 bits.
func parseID(b []byte) (int, bool) {
	n, ok := atoi(b)
	return n, ok && n >= 0 && n <= math.MaxInt32
}

// isNA reports a field the sources leave missing: empty or "NA".
func isNA(b []byte) bool { return len(b) == 0 || (len(b) == 2 && b[0] == 'N' && b[1] == 'A') }

// atoi parses a decimal integer without allocating.
func atoi(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 18 {
		return 0, false
	}
	neg := false
	if b[0] == '-' {
		neg, b = true, b[1:]
		if len(b) == 0 {
			return 0, false
		}
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// wholeNumber parses "120" and "120.0" without allocating in the common case.
func wholeNumber(b []byte) (int, bool) {
	if n, ok := atoi(b); ok {
		return n, true
	}
	return parseWholeNumber(string(b))
}

// parseFlag parses 0/1/NA/empty (also "0.0", "1.0", TRUE/FALSE).
//
// A trailing backslash and quote are tolerated: Voeten's 2016 file has the
// value 0\" (written "0\""") in the ec column of the 197 rows of rcid 1429,
// an artifact of escaping backslashes on export.
func parseFlag(b []byte) (Flag, bool) {
	if isNA(b) {
		return FlagUnknown, true
	}
	if len(b) == 3 && b[1] == '\\' && b[2] == '"' {
		b = b[:1]
	}
	if len(b) == 1 {
		switch b[0] {
		case '0':
			return FlagFalse, true
		case '1':
			return FlagTrue, true
		}
	}
	switch strings.ToLower(string(bytes.TrimSpace(b))) {
	case "1", "1.0", "true", "yes":
		return FlagTrue, true
	case "0", "0.0", "false", "no":
		return FlagFalse, true
	}
	return FlagUnknown, false
}

func badNumber(b []byte) error { return fmt.Errorf("%w %s", ErrBadNumber, quotePrefix(b)) }

func quoteErr(what string, b []byte) error {
	return fmt.Errorf("%s %s", what, quotePrefix(b))
}
