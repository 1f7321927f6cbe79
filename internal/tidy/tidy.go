// Package tidy writes the library's result tables as tidy CSV: one
// observation per row, a header of lower-case column names taken from the
// rows' `csv` struct tags.
//
// It uses github.com/gocarina/gocsv with a csv.Writer of its own for every
// call and never touches gocsv's package-level settings, which are shared
// by every user of gocsv in a program.
package tidy

import (
	"encoding/csv"
	"io"

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
