package alignment

import (
	"fmt"
	"io"

	"github.com/unga-go/unga/internal/tidy"
)

// WriteLabelledCSV writes several results of one kind as one tidy CSV
// table, with a first column, named column, that tells them apart: two
// sessions' rankings or partitions, three indices' series, two periods.
// labels[k] labels the rows that results[k].WriteCSV writes; results may
// be any of this module's (alignment's, cluster's, audit's, idealpoint's),
// all of one kind, and the header is written once.
//
//	err := alignment.WriteLabelledCSV(f, "session", []string{"73", "74"}, p73, p74)
//
// It returns an error, and writes nothing, if there are no results, not as
// many labels as results, if column is empty or already a column of the
// results, or if two results write different columns.
func WriteLabelledCSV(w io.Writer, column string, labels []string, results ...interface{ WriteCSV(io.Writer) error }) error {
	write := make([]func(io.Writer) error, len(results))
	for k, r := range results {
		write[k] = r.WriteCSV
	}
	if err := tidy.WriteLabelled(w, column, labels, write); err != nil {
		return fmt.Errorf("alignment: %w", err)
	}
	return nil
}
