// Package undata embeds the full roll-call record of the UN General Assembly
// from 1946 to 2019 (sessions 1-74), so that programs and examples run with
// nothing to download.
//
// The data are those of the R package unvotes 0.3.0 (MIT licence), built
// from Erik Voeten's Harvard Dataverse release of 2021 (CC0), in the
// tidytuesday 2021-03-23 layout (undata's and votes' tests count its roll
// calls, states and votes).
// Absences are not recorded in this source.
//
// # Errata
//
// The published record has errors that the UN's own record shows. Load
// corrects those an official record we hold supports (Errata, each with its
// evidence); LoadPublished reads the record exactly as published. Errors
// without such support are left as published and reported by package
// audit instead: Zimbabwe missing on roll calls of 2016, resolutions
// listed twice with different dates, dates that contradict the
// session, no roll call from January to September 2019.
//
// About 3 MB of gzipped CSV is
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

// Load reads the embedded record and applies the Errata: the record as
// the UN's own record supports it. Each call builds a new dataset, which
// takes some tens of milliseconds; keep the result rather than calling it
// again. LoadPublished reads the record exactly as published.
func Load() (*votes.Dataset, error) {
	ds, err := LoadPublished()
	if err != nil {
		return nil, err
	}
	es := Errata()
	cs := make([]votes.Correction, len(es))
	for k, e := range es {
		cs[k] = e.Correction
	}
	return ds.Correct(cs...)
}

// LoadPublished reads the embedded record exactly as unvotes 0.3.0
// publishes it, errors and all, so that figures computed on the published
// data can be reproduced.
func LoadPublished() (*votes.Dataset, error) {
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

// LoadFile reads the named file or unvotes folder with votes.ReadFile, or
// the embedded record (corrected, as Load) if name is empty: the behaviour
// of the examples' -data flag. Files are read as they are: the Errata apply
// to the embedded record only.
func LoadFile(name string) (*votes.Dataset, error) {
	if name == "" {
		return Load()
	}
	return votes.ReadFile(name)
}
