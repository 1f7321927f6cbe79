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

// Pair is the six columns of a pair of states, a and b, embedded in the
// rows of every result about pairs. (gocsv reads the columns of an
// embedded struct only if its type is exported.)
type Pair struct {
	ISO3A string `csv:"iso3_a"`
	COWA  int    `csv:"cow_a"`
	NameA string `csv:"name_a"`
	ISO3B string `csv:"iso3_b"`
	COWB  int    `csv:"cow_b"`
	NameB string `csv:"name_b"`
}

// Interval is the columns of a score with its interval, which follow a
// Pair in every bootstrap table: the index, the score with its n, the
// interval's ends and its level.
type Interval struct {
	Index string  `csv:"index"`
	Score float64 `csv:"score"`
	N     int     `csv:"n"`
	Lo    float64 `csv:"lo"`
	Hi    float64 `csv:"hi"`
	Level float64 `csv:"level"`
}

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

// WriteLabelled writes several tables as one: write[k] writes a CSV table
// with a header line, and labels[k] fills a first column, named column, in
// that table's rows. The header is written once. It returns an error,
// writing nothing, if labels and write differ in number or are empty, if
// column is empty or one of the tables' column names, if two headers
// differ, or if a table cannot be written.
func WriteLabelled(w io.Writer, column string, labels []string, write []func(io.Writer) error) error {
	if len(labels) != len(write) {
		return fmt.Errorf("%d labels for %d tables", len(labels), len(write))
	}
	if len(write) == 0 {
		return errors.New("no table to write")
	}
	if column == "" {
		return errors.New("no name for the label column")
	}
	var out [][]string
	for k, wr := range write {
		var b bytes.Buffer
		if err := wr(&b); err != nil {
			return fmt.Errorf("table labelled %q: %w", labels[k], err)
		}
		recs, err := csv.NewReader(&b).ReadAll()
		if err != nil {
			return fmt.Errorf("table labelled %q: %w", labels[k], err)
		}
		if len(recs) == 0 {
			return fmt.Errorf("table labelled %q has no header", labels[k])
		}
		if k == 0 {
			if slices.Contains(recs[0], column) {
				return fmt.Errorf("the label column %q is a column of the tables already", column)
			}
			out = append(out, append([]string{column}, recs[0]...))
		} else if !slices.Equal(recs[0], out[0][1:]) {
			return fmt.Errorf("table labelled %q has the columns %q, table labelled %q has %q", labels[k], recs[0], labels[0], out[0][1:])
		}
		for _, r := range recs[1:] {
			out = append(out, append([]string{labels[k]}, r...))
		}
	}
	cw := csv.NewWriter(w)
	return cw.WriteAll(out)
}
