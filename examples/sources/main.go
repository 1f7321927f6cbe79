// Sources compares the embedded roll-call record of the UN General Assembly
// with another source, vote by vote.
//
// It says what it finds: which roll
// calls match, which votes differ, by state and by session, which states'
// rows are swapped or shifted, which tallies disagree with the official
// totals, and where either record is thin.
//
// It runs as a notebook: each step prints a heading, a sentence of context
// and its result. With no flags it compares the record with Voeten's 2016
// file in testdata/voeten (looked for from the current folder upwards), on
// which every vote agrees; the 2010 excerpt of the UN Digital Library finds
// Greece and Grenada swapped in session 65:
//
//	go run ./examples/sources
//	go run ./examples/sources -data testdata/undl/scrape_2010.csv.gz
//
// It ends with what it concludes and one sentence on how sure: its findings
// are counts of every vote on the matched roll calls, not estimates, so
// they carry no margin of error; for each swap it says how many roll calls
// support it. It prints what each record covers (audit.Cover: sessions,
// span, roll calls listed twice or dated outside their session, thin
// state-sessions, years that lack a resumed session), for both records.
//
// For scripts, each swap is printed on a line of its own,
// "swap<TAB>session<TAB>ISO3<TAB>ISO3<TAB>roll calls", the codes in
// alphabetical order and the roll calls as the record's rcids.
//
// Flags:
//
//	-data FILE  the other source: any file or unvotes folder votes.ReadFile reads
//	            (default: testdata/voeten/UNVotesPublished.csv.gz)
//	-csv FILE   write the differences by state and session as tidy CSV
//	            (its directory is checked before the work starts)
//
// The CSV is audit.Comparison's WriteCSV: one row per state and session
// with at least one difference (none with the default file), with the
// columns
//
//	iso3,cow,name   the state
//	session         the session
//	n               the matched roll calls with a cast vote in either source
//	differ          those on which both cast a vote and the votes differ
//	only_a,only_b   those with a cast vote in the record only, in the other source only
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/unga-go/unga/audit"
	"github.com/unga-go/unga/examples/internal/cli"
	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
)

// defaultData is Voeten's 2016 file, relative to the repository's root.
const defaultData = "testdata/voeten/UNVotesPublished.csv.gz"

func main() {
	err := run(os.Args[1:], os.Stdout)
	if errors.Is(err, flag.ErrHelp) {
		return
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "sources:", err)
		os.Exit(1)
	}
}

type config struct {
	data, csv string
}

const usage = `usage: sources [-data FILE] [-csv FILE]

Compares the embedded UN General Assembly record (as published) with another
source, vote by vote, says what each covers and what it concludes, and how
sure (counts, not estimates; the roll calls behind each swap).

  -data FILE  the other source: any file or unvotes folder votes.ReadFile reads
              (default: testdata/voeten/UNVotesPublished.csv.gz, looked for
              from the current folder upwards)
  -csv FILE   write the differences by state and session as tidy CSV
`

// parse reads the flags. -h prints the usage to stdout and returns
// flag.ErrHelp, which main treats as success.
func parse(args []string, stdout io.Writer) (*config, error) {
	fs := flag.NewFlagSet("sources", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	data := fs.String("data", "", "the other source")
	csvOut := fs.String("csv", "", "write the differences by state and session as tidy CSV")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
		}
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	cfg := &config{data: *data, csv: *csvOut}
	if cfg.data == "" {
		p, err := findUp(defaultData)
		if err != nil {
			return nil, err
		}
		cfg.data = p
	}
	return cfg, nil
}

// findUp looks for rel in the current folder and its parents, so that the
// default works from anywhere in the repository.
func findUp(rel string) (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, rel)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no -data given and %s not found here or above: run from the repository or pass -data FILE", rel)
		}
		dir = parent
	}
}

func run(args []string, stdout io.Writer) error {
	cfg, err := parse(args, stdout)
	if err != nil {
		return err
	}
	// The output first: a bad path fails now, not after the comparison.
	// No -csv gives a nil *cli.File.
	out, err := cli.Create(cfg.csv)
	if err != nil {
		return fmt.Errorf("-csv: %w", err)
	}
	defer out.Discard()
	record, err := undata.LoadPublished()
	if err != nil {
		return err
	}
	other, err := votes.ReadFile(cfg.data)
	if err != nil {
		return err
	}
	c, err := analyze(record, other, cfg, stdout)
	if err != nil {
		return err
	}
	if out != nil {
		return out.Commit(c.WriteCSV)
	}
	return nil
}

// analyze prints the notebook comparing the record with other.
func analyze(record, other *votes.Dataset, cfg *config, stdout io.Writer) (*audit.Comparison, error) {
	p := &printer{w: stdout}
	name := filepath.Base(cfg.data)

	p.step("Load the two records")
	p.say("The embedded record is the unvotes data (Voeten's roll calls, 1946-2019) exactly as published (undata.LoadPublished): the corrections undata.Load applies are left out, so that what is found here is what the published record holds. It records no absences.")
	p.say(fmt.Sprintf("Record: %s. %s: %s.", cli.Describe(record), name, cli.Describe(other)))

	c, err := audit.Compare(record, other, nil)
	if err != nil {
		return nil, err
	}

	p.step("Match the roll calls")
	p.say("Roll calls are matched by resolution symbol where both have one; a resolution with several roll calls (paragraph and amendment votes, or one listed twice) is matched by the closest tallies and votes. The rest are matched by date and votes, an undated one by its votes alone.")
	by := map[audit.MatchedBy]int{}
	for _, m := range c.Matches {
		by[m.By]++
	}
	p.printf("%d roll calls matched: %d by resolution, %d by date and votes, %d by votes alone.\n", len(c.Matches), by[audit.ByResolution], by[audit.ByDateAndVotes], by[audit.ByVotes])
	p.printf("Unmatched in the record: %d%s.\n", len(c.UnmatchedA), sessionsOf(record, c.UnmatchedA))
	p.printf("Unmatched in %s: %d%s.\n", name, len(c.UnmatchedB), sessionsOf(other, c.UnmatchedB))
	if len(c.UnmatchedB) > 0 && len(c.UnmatchedB) <= 10 {
		for _, j := range c.UnmatchedB {
			rc := other.RollCall(j)
			p.printf("  %s: %d %s %s %s\n", name, rc.ID, day(rc), orNone(rc.Resolution), other.Tally(j))
		}
	}

	p.step("Compare the votes")
	p.say("On every matched roll call, every state's vote. Only cast votes (yes, no, abstain) are compared: absent, not a member and no record count as the same, because the record has no absences. A vote differs if both cast different votes, or if only one source has a cast vote.")
	differ, onlyA, onlyB := 0, 0, 0
	for _, d := range c.Differences {
		switch d.Kind() {
		case audit.Differ:
			differ++
		case audit.OnlyA:
			onlyA++
		case audit.OnlyB:
			onlyB++
		}
	}
	if len(c.Differences) == 0 {
		p.printf("All %s votes cast on the matched roll calls agree.\n", thousands(c.Compared))
	} else {
		p.printf("Of %s votes cast on the matched roll calls, %s agree; %d differ, %d are cast in the record only and %d in %s only.\n",
			thousands(c.Compared), thousands(c.Agree), differ, onlyA, onlyB, name)
	}

	p.step("Differences by state and by session")
	if len(c.Differences) == 0 {
		p.say("None.")
	} else {
		p.say("The states with differences, most first (n: matched roll calls with a cast vote in either), and the sessions they fall in. The full table by state and session is what -csv writes.")
		tw := tabwriter.NewWriter(p, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "state\tn\tdiffer\trecord only\tother only")
		states := c.ByState()
		for k, r := range states {
			if k == 15 {
				fmt.Fprintf(tw, "... %d more\t\t\t\t\n", len(states)-k)
				break
			}
			fmt.Fprintf(tw, "%s %s\t%d\t%d\t%d\t%d\n", r.Country.Code(), r.Country.Name, r.N, r.Differ, r.OnlyA, r.OnlyB)
		}
		tw.Flush()
		p.printf("\n")
		tw = tabwriter.NewWriter(p, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "session\tmatched\tvotes\tdiffer\trecord only\tother only")
		for _, r := range c.BySession() {
			if r.Differ+r.OnlyA+r.OnlyB > 0 {
				fmt.Fprintf(tw, "%d\t%d\t%d\t%d\t%d\t%d\n", r.Session, r.Matched, r.N, r.Differ, r.OnlyA, r.OnlyB)
			}
		}
		tw.Flush()
	}

	p.step("Swaps, shifts and missing states")
	p.say("A swap is two states whose votes the other source exchanges over a session's roll calls; a shift, a state's votes on another state's row. Swaps are printed for scripts, one a line: swap, session, the two ISO3 codes, the record's rcids.")
	for _, s := range c.Swaps {
		p.printf("%s\n", s.Line())
	}
	errata := undata.Errata()
	for _, s := range c.Swaps {
		p.printf("%s and %s, session %d: swapped on %d of the %d roll calls on which the record gives them different votes; %s.\n",
			s.A.Name, s.B.Name, s.Session, len(s.RollCalls), s.Informative, erratumNote(errata, s))
	}
	for _, s := range c.Shifts {
		p.printf("shift\t%d\t%s\t%s\t%d roll calls: %s's votes on %s's row\n", s.Session, s.From.Code(), s.To.Code(), len(s.RollCalls), s.From.Name, s.To.Name)
	}
	if len(c.Swaps)+len(c.Shifts) == 0 {
		p.say("No swap and no shift.")
	}
	if len(c.Missing) == 0 {
		p.say("No state is missing from either source on a matched roll call.")
	} else {
		p.say("Cast votes only one source has, by state and session (swaps and shifts left out):")
		for _, m := range c.Missing {
			p.printf("  %s %s, session %d: %d in the record only, %d in %s only (of %d matched roll calls)\n", m.Country.Code(), m.Country.Name, m.Session, m.OnlyA, m.OnlyB, name, m.Of)
		}
	}

	p.step("Tallies against official totals")
	p.say("Where a source publishes totals (the UN Digital Library does), they are checked against the votes counted, in that source and in the other on the matched roll call.")
	if len(c.Tallies) == 0 {
		p.say("Every published total agrees with the votes counted (or no source publishes totals).")
	}
	for _, t := range c.Tallies {
		who := "the record's votes"
		if t.Counted == "b" {
			who = name + "'s votes"
		}
		p.printf("  %s %s: published %s, %s count %s\n", orNone(t.Resolution), t.Date.Format("2006-01-02"), t.Totals, who, t.Tally)
	}

	p.step("What each record covers")
	p.say("Roll calls by year, and where a year lacks the votes of the session resumed in it, judged against the sessions around (audit.Cover).")
	for _, d := range []struct {
		label string
		ds    *votes.Dataset
	}{{"The record", record}, {name, other}} {
		cov, err := audit.Cover(d.ds, nil)
		if err != nil {
			return nil, err
		}
		var notes []string
		if !cov.First.IsZero() {
			for y := cov.First.Year(); y <= cov.Last.Year(); y++ {
				if s := cov.YearNote(y); s != "" {
					notes = append(notes, s)
				}
			}
		}
		p.printf("%s: %d sessions, %s to %s.", d.label, len(cov.Sessions), cov.First.Format("2006-01-02"), cov.Last.Format("2006-01-02"))
		if len(cov.Undated) > 0 {
			p.printf(" %d roll calls without a date.", len(cov.Undated))
		}
		if len(cov.Duplicates) > 0 {
			p.printf(" %d resolutions listed twice on different days.", len(cov.Duplicates))
		}
		if len(cov.DateConflicts) > 0 {
			p.printf(" %d roll calls dated outside their session.", len(cov.DateConflicts))
		}
		if len(cov.Thin) > 0 {
			p.printf(" %d state-sessions with votes on fewer than half the session's contested roll calls.", len(cov.Thin))
		}
		p.printf("\n")
		for _, n := range notes {
			p.printf("  %s\n", n)
		}
	}

	p.step("What it concludes")
	switch {
	case len(c.Differences) == 0:
		p.say(fmt.Sprintf("The two sources agree on every vote they share (%s cast votes on %d roll calls). Agreement between them is no check of either against the UN's own record: %s and the record come from the same hand.", thousands(c.Compared), len(c.Matches), name))
	case len(c.Swaps) > 0:
		var parts []string
		for _, s := range c.Swaps {
			parts = append(parts, fmt.Sprintf("%s and %s in session %d", s.A.Name, s.B.Name, s.Session))
		}
		p.say(fmt.Sprintf("The sources differ on %d votes. The record swaps %s: every analysis of these states in that session inherits the error unless the record is corrected (undata.Load applies undata.Errata).", len(c.Differences), strings.Join(parts, "; ")))
	default:
		p.say(fmt.Sprintf("The sources differ on %d votes, without a pattern of swapped or shifted rows; the tables above say where.", len(c.Differences)))
	}
	p.say(howSure(c, name))
	return c, p.err
}

// howSure says in a sentence how sure the findings are: they are counts of
// every vote on the matched roll calls, not estimates from a sample, so
// they have no margin of error; what they rest on is the number of roll
// calls behind each swap, and the roll calls matched.
func howSure(c *audit.Comparison, name string) string {
	s := fmt.Sprintf("How sure: these findings are counts, not estimates: every one of the %s votes cast on the %d matched roll calls was compared, none sampled, so they carry no margin of error; they say nothing of roll calls that only one source holds, nor of an error both sources share.",
		thousands(c.Compared), len(c.Matches))
	for _, sw := range c.Swaps {
		s += fmt.Sprintf(" The swap of %s and %s in session %d rests on %d roll calls on which %s gives each the other's vote, of the %d on which the record gives them different votes.",
			sw.A.Name, sw.B.Name, sw.Session, len(sw.RollCalls), name, sw.Informative)
	}
	return s
}

// erratumNote says whether undata.Errata corrects swap s.
func erratumNote(errata []undata.Erratum, s audit.Swap) string {
	for _, e := range errata {
		pair := (e.A.COW == s.A.COW && e.B.COW == s.B.COW) || (e.A.COW == s.B.COW && e.B.COW == s.A.COW)
		if pair && slices.Equal(sorted(e.RollCalls), sorted(s.RollCalls)) {
			return "undata.Load corrects exactly these roll calls (undata.Errata)"
		}
		if pair {
			return "undata.Errata corrects this pair on other roll calls: compare the lists"
		}
	}
	return "not in undata.Errata"
}

func sorted(xs []int) []int {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s
}

// sessionsOf summarises the sessions of the roll calls js: ", in sessions
// 71-74", ", in sessions 59, 65" or ", in session 65".
func sessionsOf(ds *votes.Dataset, js []int) string {
	if len(js) == 0 {
		return ""
	}
	var ss []int
	for _, j := range js {
		ss = append(ss, ds.RollCall(j).Session)
	}
	slices.Sort(ss)
	ss = slices.Compact(ss)
	parts := cli.Runs(ss)
	if len(parts) > 8 {
		parts = append(parts[:8], "...")
	}
	if len(ss) == 1 {
		return ", in session " + parts[0]
	}
	return ", in sessions " + strings.Join(parts, ", ")
}

func day(rc *votes.RollCall) string {
	if rc.Date.IsZero() {
		return "(no date)"
	}
	return rc.Date.Format("2006-01-02")
}

func orNone(s string) string {
	if s == "" {
		return "(no symbol)"
	}
	return s
}

// thousands writes n with commas: 738,764.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// printer writes the notebook's steps and keeps the first write error.
type printer struct {
	w   io.Writer
	n   int
	err error
}

func (p *printer) step(heading string) {
	p.n++
	p.printf("\n## %d. %s\n\n", p.n, heading)
}

func (p *printer) say(s string) { p.printf("%s\n\n", s) }

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

// Write lets tables be written through the printer.
func (p *printer) Write(b []byte) (int, error) {
	if p.err != nil {
		return 0, p.err
	}
	n, err := p.w.Write(b)
	p.err = err
	return n, err
}
