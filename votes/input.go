package votes

// The readers live here, with the model they fill, rather than in an
// internal package of their own: a reader then writes votes' RollCall,
// Vote, Flag, Issue and Tally directly, and its errors are votes'
// *ParseError and sentinels, so that each type and each rule is defined
// once and a new RollCall field is added in rollcall.go and in the readers
// and writers that fill it, nowhere else. The alternative, an internal
// engine writing through a narrow sink interface of plain values, would
// keep the readers apart but add an interface call per vote row on the
// hot path and a second vocabulary of codes for the values. What is
// independent of the layouts and of the model stays internal: CSV
// splitting and block boundaries (internal/csvscan) and the table of
// states (internal/countries).
//
// The files: input.go (format detection, gzip, the shared field
// parsers), fields.go (sessions, dates, resolutions, issues), scanner.go
// (records with positions), one file per layout (unvotes.go, voeten.go,
// undl.go, canonical.go, codes.go for their vote codes), parallel.go (the
// vote rows on all cores), builder.go and index.go (the dense layout a
// read ends in), dataset.go (newDataset, where a read becomes a Dataset).

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/unga-go/unga/internal/csvscan"
)

// readConfig is what a Reader asks of a read: its leniency, limits and
// the fast paths tests turn off.
type readConfig struct {
	Lenient bool
	// Keep is how many skipped rows the read may keep in result.Skipped
	// (it counts them all in SkippedRows), KeepRepaired how many repairs
	// in result.Repaired.
	Keep         int
	KeepRepaired int
	Limits       csvscan.Limits // all set
	AllowEmpty   bool

	// MaxRollCalls bounds the roll calls read, MaxDecompressed the bytes
	// a gzip stream decompresses to; both set.
	MaxRollCalls    int
	MaxDecompressed int64

	// OpsOnly reads every vote row as an op, the row-by-row reference the
	// dense fast paths must agree with; Parts, if not 0, cuts every block
	// into that many parts, however small.
	OpsOnly bool
	Parts   int
}

// source is the input of a read: one file of any layout, or, with Unvotes
// set, the unvotes triplet (Data is then un_votes.csv).
type source struct {
	Data      io.Reader
	Name      string // the file's name for errors; "" takes Data's own (an *os.File's) or the layout's file name
	Unvotes   bool
	RollCalls io.Reader
	Issues    io.Reader // optional
}

// readSource reads src. Its result holds the rows a lenient read skipped
// even when the read fails, so that they are still reported.
func readSource(src source, cfg readConfig) (*result, error) {
	r := &reader{cfg: cfg}
	var res *result
	var err error
	if src.Unvotes {
		res, err = r.readUnvotes(src.Data, src.RollCalls, src.Issues)
	} else {
		res, err = r.read(src.Data, nameOf(src.Data, src.Name))
	}
	if res == nil {
		res = &result{}
	}
	res.Skipped, res.SkippedRows = r.skipped, r.skippedRows
	res.Repaired, res.RepairedRows = r.repaired, r.repairedRows
	if err != nil {
		return res, err
	}
	return res, nil
}

// reader is one read: its settings, the rows it skipped and the problems
// it repaired.
type reader struct {
	cfg          readConfig
	skipped      []*ParseError
	skippedRows  int
	repaired     []*ParseError
	repairedRows int
}

func (r *reader) limits() csvscan.Limits { return r.cfg.Limits }

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
	case len(header) > 0 && strings.HasPrefix(strings.TrimLeft(header[0], " \t\ufeff"), "{"):
		return FormatUNXML // a line of JSON, split at its commas
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

func (r *reader) read(src io.Reader, file string) (*result, error) {
	src, closeFn, err := decompress(src, r.cfg.MaxDecompressed)
	if err != nil {
		return nil, &ParseError{File: file, Line: 1, Err: err}
	}
	defer closeFn()
	if br, ok := src.(*bufio.Reader); ok && isJSONLines(br) {
		return r.readUNXML(br, file)
	}
	s := r.newScanner(src, file)
	if err := s.readHeader(); err != nil {
		return nil, err
	}
	var d *result
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
	if err := r.checkEmpty(d, file); err != nil {
		return nil, err
	}
	return d, nil
}

// checkEmpty returns ErrEmpty for a result without roll calls or states
// read from rows none of which was skipped, unless AllowEmpty is set.
func (r *reader) checkEmpty(d *result, file string) error {
	if r.cfg.AllowEmpty || d.Empty || d.NumRollCalls() > 0 || len(d.Countries) > 0 || r.skippedRows > 0 {
		return nil
	}
	return &ParseError{File: file, Line: 2, Err: fmt.Errorf("%w: a header and nothing after it (set Reader.AllowEmpty to accept that)", ErrEmpty)}
}

// quotePrefix quotes at most 64 bytes of b: an error message must stay
// short whatever the input holds.
func quotePrefix(b []byte) string { return csvscan.QuotePrefix(b) }

// skip records a bad row when reading leniently; otherwise it returns the
// error that ends the read.
func (r *reader) skip(err *ParseError) error {
	if !r.cfg.Lenient || errors.Is(err, ErrLimit) {
		// A limit ends the read: its purpose is to stop it.
		return err
	}
	r.skippedRows++
	if len(r.skipped) < r.cfg.Keep {
		r.skipped = append(r.skipped, err)
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
func decompress(src io.Reader, maxBytes int64) (io.Reader, func(), error) {
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
		zbr := bufio.NewReaderSize(&capReader{r: zr, left: maxBytes, max: maxBytes}, 1<<16)
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

// capReader reads r, and fails with ErrLimit once r has given more than
// max bytes.
type capReader struct {
	r         io.Reader
	left, max int64
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		// Only a byte more than max is over the limit: input of exactly
		// max bytes is read.
		var one [1]byte
		if n, err := c.r.Read(one[:]); n == 0 {
			return 0, err
		}
		return 0, fmt.Errorf("%w: the gzip stream decompresses to more than %d bytes (Reader.MaxDecompressedBytes)", ErrLimit, c.max)
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
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

// wholeNumber parses a count, "120" or the Digital Library's "120.0",
// without allocating in the common case. A count has no sign: "-120" is no
// count.
func wholeNumber(b []byte) (int, bool) {
	if len(b) > 0 && b[0] == '-' {
		return 0, false
	}
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
