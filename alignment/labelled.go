package alignment

import (
	"fmt"
	"io"

	"github.com/unga-go/unga/internal/tidy"
)

// WriteLabelledCSV writes several results of one kind as one tidy CSV
// table, with a first column, named column, that tells them apart: two
// sessions' rankings or partitions, three indices' series, two periods.
// labels[k] labels the rows of sets[k], which are the Rows of any result
// of this module (alignment's, cluster's, audit's, idealpoint's), all of
// one type; the header is written once.
//
//	err := alignment.WriteLabelledCSV(f, "session", []string{"73", "74"}, p73.Rows(), p74.Rows())
//
// It returns an error, and writes nothing, if there are not as many labels
// as sets, or if column is empty or already a column of the rows.
func WriteLabelledCSV[R any](w io.Writer, column string, labels []string, sets ...[]R) error {
	if err := tidy.WriteLabelled(w, column, labels, sets); err != nil {
		return fmt.Errorf("alignment: %w", err)
	}
	return nil
}
