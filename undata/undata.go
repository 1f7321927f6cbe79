// Package undata embeds the full roll-call record of the UN General Assembly
// from 1946 to 2019 (sessions 1-74), so that programs and examples run with
// nothing to download.
//
// The data are those of the R package unvotes 0.3.0 (MIT licence), built
// from Erik Voeten's Harvard Dataverse release of 2021 (CC0): 6,203 roll
// calls, 200 states, 870,109 votes, in the tidytuesday 2021-03-23 layout.
// Absences are not recorded in this source. About 3 MB of gzipped CSV is
// linked into any program that imports this package; programs that read
// their own files need only the votes package.
//
//	ds, err := undata.Load()
package undata

import (
	"embed"
	"io/fs"

	"github.com/unga-go/unga/votes"
)

//go:embed un_votes.csv.gz un_roll_calls.csv.gz un_roll_call_issues.csv.gz
var files embed.FS

// Files returns the embedded files, un_votes.csv.gz, un_roll_calls.csv.gz
// and un_roll_call_issues.csv.gz, for programs that want to read them
// themselves.
func Files() fs.FS { return files }

// Load reads the embedded record. Each call builds a new dataset, which
// takes some tens of milliseconds; keep the result rather than calling it
// again.
func Load() (*votes.Dataset, error) {
	v, err := files.Open("un_votes.csv.gz")
	if err != nil {
		return nil, err
	}
	defer v.Close()
	rc, err := files.Open("un_roll_calls.csv.gz")
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	is, err := files.Open("un_roll_call_issues.csv.gz")
	if err != nil {
		return nil, err
	}
	defer is.Close()
	return votes.ReadUnvotes(v, rc, is)
}

// MustLoad is Load for programs that cannot go on without the data. It
// panics if the embedded files cannot be read, which would mean a broken
// build.
func MustLoad() *votes.Dataset {
	ds, err := Load()
	if err != nil {
		panic("undata: " + err.Error())
	}
	return ds
}

// LoadFile reads the named file or unvotes folder with votes.ReadFile, or
// the embedded record if name is empty: the behaviour of the examples'
// -data flag.
func LoadFile(name string) (*votes.Dataset, error) {
	if name == "" {
		return Load()
	}
	return votes.ReadFile(name)
}
