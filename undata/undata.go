// Package undata embeds the roll-call record of the UN General Assembly
// from 1946 to 2026 (regular sessions 1-80, to June 2026, and the
// emergency special sessions ES-10 and ES-11 from 2020 on), so that
// programs and examples run with nothing to download.
//
// # Sources
//
// The record joins two sources, and each roll call names its own in
// RollCall.Source:
//
//   - SourceUnvotes, sessions 1-74 (1946-01-01 to 2020-01-14): the data of
//     the R package unvotes 0.3.0 (MIT licence), built from Erik Voeten's
//     Harvard Dataverse release of 2021 (CC0), in the tidytuesday
//     2021-03-23 layout, with the Errata applied. Absences are not
//     recorded in this source: a member that did not vote has
//     votes.NoRecord.
//   - SourceUN, from 2020 on: the United Nations' machine-readable General
//     Assembly resolutions (github.com/UNxml/GAresolutions at commit
//     42a69b67, published by the UN's Documentation division), read with
//     votes.FormatUNXML. Source: United Nations. These hold adopted
//     resolutions only, no failed drafts and no separate votes on
//     paragraphs or amendments, and record a member on none of the three
//     lists as Absent. Resolutions adopted without a vote are counted in
//     Dataset.Adoptions.
//
// Session 74 is in both: the record keeps unvotes' roll calls and adds the
// UN's roll calls unvotes lacks, matched by symbol and date (votes.Join).
// As of these releases, every one of the UN's 90 recorded votes of session
// 74 matches one of unvotes' 91 roll calls, and all 16,174 votes cast on
// them agree (audit.Compare; TestSessionOverlap holds the figures): the
// UN's data add no roll call to session 74, and unvotes' last roll call,
// of 2020-01-14, is the one the UN's file of the session, which stops on
// 2019-12-27, lacks. The UN's file lacks the session's resolutions of 2020
// as well (among them the recorded votes on A/RES/74/300-307 of August and
// September 2020), and ES-11/7 (24 February 2025) and the later
// resolutions of the emergency special sessions.
//
// What the UN's files get wrong (a name in several spellings, resolutions
// given on several lines, names listed twice, counts that disagree with
// the lists) is resolved as votes.FormatUNXML documents, and each case is
// reported by the Reader; A/RES/75/254 A-C, adopted by a recorded vote
// whose lists the file lacks, is left out. That work is done once, when
// the record is generated, not at every Load.
//
// # Building the record, and extending it
//
// Load reads a snapshot (votes.Dataset.MarshalBinary) that go generate
// builds from the source files: the three unvotes files embedded here
// (Files) and the UN's files under testdata/unxml of the repository.
// TestSnapshot checks that the snapshot equals a fresh build, and
// rewrites it with -update. The build is a few lines that a program can
// run too:
//
//	r := &votes.Reader{Source: undata.SourceUnvotes}
//	rec, err := r.ReadUnvotes(votesFile, rollCallsFile, issuesFile)
//	// ... rec, err = rec.Correct(the Correction of each of Errata()...)
//	un := &votes.Reader{Lenient: true, Source: undata.SourceUN}
//	for _, name := range []string{"74", "75", "76", "77", "78", "79", "80", "ES-10", "ES-11"} {
//		ds, err := un.ReadFile("testdata/unxml/" + name + ".jsonl.gz")
//		// ...
//		rec, rep, err = votes.Join(rec, ds)
//		// ...
//	}
//
// A newer file of the UN's data extends the record the same way:
//
//	rec, err := undata.Load()
//	// ...
//	r := &votes.Reader{Lenient: true, Source: undata.SourceUN}
//	newer, err := r.ReadFile("81.jsonl.gz")
//	// ... r.Skipped and r.Repaired say what the file got wrong
//	rec, rep, err := votes.Join(rec, newer)
//	// ... rep lists the roll calls matched and added, and any conflicts
//
// Example (Extend) runs it.
//
// # Errata
//
// The published record has errors that the UN's own record shows. Load
// corrects those an official record we hold supports (Errata, each with its
// evidence); LoadPublished reads the unvotes record exactly as published.
// Errors without such support are left as published and reported by
// package audit instead: Zimbabwe missing on 69 roll calls of 2016, seven
// resolutions listed twice with different dates, dates that contradict the
// session, no roll call from January to September 2019.
//
// # Credit and terms
//
// The data of 2020-2026 are the United Nations': whoever uses them must
// acknowledge the United Nations as the source; they are free to use at
// the user's risk. The unvotes data are under the MIT licence, Voeten's
// under CC0.
//
// About 5 MB of data are linked into any program that imports this
// package; programs that read their own files need only the votes
// package.
//
//	ds, err := undata.Load()
package undata

//go:generate go test -run ^TestSnapshot$ -update

import (
	"embed"
	"io/fs"

	"github.com/unga-go/unga/votes"
)

// The sources of the record, as RollCall.Source names them.
const (
	SourceUnvotes = "unvotes 0.3.0"
	SourceUN      = "UN resolution data" // source: United Nations
)

//go:embed un_votes.csv.gz un_roll_calls.csv.gz un_roll_call_issues.csv.gz
var files embed.FS

// snapshot is the record Load returns, as votes.Dataset.MarshalBinary
// encodes it, generated by TestSnapshot -update.
//
//go:embed record.snapshot
var snapshot []byte

// Files returns the embedded files of unvotes 0.3.0, un_votes.csv.gz,
// un_roll_calls.csv.gz and un_roll_call_issues.csv.gz, for programs that
// want to read them themselves.
func Files() fs.FS { return files }

// Load returns the record of 1946-2025: the unvotes record of sessions
// 1-74 with the Errata applied, joined with the UN's resolution data from
// 2020 on (see the package documentation). Each call builds a new
// dataset from the embedded snapshot, in a few milliseconds.
func Load() (*votes.Dataset, error) {
	ds := new(votes.Dataset)
	if err := ds.UnmarshalBinary(snapshot); err != nil {
		return nil, err
	}
	return ds, nil
}

// LoadPublished reads the embedded unvotes record (sessions 1-74) exactly
// as unvotes 0.3.0 publishes it, errors and all, so that figures computed
// on the published data can be reproduced: the files as votes.ReadUnvotes
// reads them, with no RollCall.Source. It parses the files at each call,
// which takes some tens of milliseconds.
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
// the embedded record (as Load) if name is empty: the behaviour of the
// examples' -data flag. Files are read as they are: the Errata apply to
// the embedded record only.
func LoadFile(name string) (*votes.Dataset, error) {
	if name == "" {
		return Load()
	}
	return votes.ReadFile(name)
}
