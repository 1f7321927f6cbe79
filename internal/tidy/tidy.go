// Package tidy writes the library's result tables as tidy CSV: one
// observation per row, a header of lower-case column names taken from the
// rows' `csv` struct tags.
//
// It uses github.com/gocarina/gocsv with a csv.Writer of its own for every
// call and never touches gocsv's package-level settings, which are shared
// by every user of gocsv in a program.
package tidy

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"

	"github.com/gocarina/gocsv"
)

// Write writes rows, a slice of structs with `csv` tags, as CSV with a
// header line. An empty slice writes the header alone.
func Write(w io.Writer, rows any) error {
	cw := csv.NewWriter(w)
	if err := gocsv.MarshalCSV(rows, gocsv.NewSafeCSVWriter(cw)); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// WriteLabelled writes several sets of rows of one type as one table: a
// first column named column holds each set's label, then the rows' own
// columns, under one header. labels and sets pair up by position. It
// returns an error, writing nothing, if their numbers differ, if column is
// empty or one of the rows' column names, or if a set cannot be written.
func WriteLabelled[R any](w io.Writer, column string, labels []string, sets [][]R) error {
	if len(labels) != len(sets) {
		return fmt.Errorf("%d labels for %d sets of rows", len(labels), len(sets))
	}
	if column == "" {
		return errors.New("no name for the label column")
	}
	out := [][]string{{column}}
	for k, rows := range append([][]R{nil}, sets...) {
		var b bytes.Buffer
		if err := Write(&b, rows); err != nil {
			return fmt.Errorf("rows labelled %q: %w", labels[k-1], err)
		}
		recs, err := csv.NewReader(&b).ReadAll()
		if err != nil {
			return err
		}
		if k == 0 {
			// The header, from an empty set.
			if slices.Contains(recs[0], column) {
				return fmt.Errorf("the label column %q is a column of the rows already", column)
			}
			out[0] = append(out[0], recs[0]...)
			continue
		}
		for _, r := range recs[1:] {
			out = append(out, append([]string{labels[k-1]}, r...))
		}
	}
	cw := csv.NewWriter(w)
	return cw.WriteAll(out)
}
