package votes_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"testing"
)

// A truncated gzip stream must end the read, strict or lenient, with a
// *ParseError wrapping io.ErrUnexpectedEOF on the line where the stream
// stops: one past the lines that compress/gzip can restore.
func TestMalformedTruncatedGzip(t *testing.T) {
	for _, tc := range []malformedCase{
		{file: "unvotes/votes_truncated.csv.gz", read: readUnvotes("votes")},
		{file: "voeten/truncated.csv.gz", read: readOne},
		{file: "undl/truncated.csv.gz", read: readOne},
	} {
		t.Run(tc.file, func(t *testing.T) {
			path := malformed + tc.file
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			zr, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			restored, err := io.ReadAll(zr)
			if !errors.Is(err, io.ErrUnexpectedEOF) {
				t.Fatalf("the fixture is not truncated: %v", err)
			}
			tc.err, tc.fatal = io.ErrUnexpectedEOF, true
			tc.line = bytes.Count(restored, []byte("\n")) + 1
			checkMalformed(t, tc)
		})
	}
}
