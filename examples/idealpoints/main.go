// Command idealpoints follows Serbia against the other Balkan states,
// Russia and the United States on the main dimension of UN General
// Assembly voting, from session 50 (1995) to the last in the record, with
// dynamic ideal points.
//
// It runs as a notebook: each step prints a heading, a sentence of context
// and its result. It writes no file unless asked to:
//
//	go run ./examples/idealpoints
//	go run ./examples/idealpoints -out /tmp/ip -csv /tmp/ip.csv
//	go run ./examples/idealpoints -from 60 -to 74 -issue hr -out /tmp/ip-hr
//
// Flags:
//
//	-data FILE    a file or unvotes folder that votes.ReadFile reads (default: the embedded record)
//	-from N       the first session (default 50)
//	-to N         the last session (default: the last in the record)
//	-issue CODE   estimate on one issue's roll calls only: me, nu, di, hr, co or ec
//	-all          keep the separate votes on paragraphs and amendments that
//	              Bailey, Strezhnev and Voeten leave out (default: leave them out)
//	-out DIR      write the picture, idealpoints.png and idealpoints.svg, into DIR, made if missing (default: no picture)
//	-csv FILE     write every estimate to FILE as CSV (default: none)
//	-h            print this usage and exit
//
// A range reaching beyond the record's sessions is cut to them, and the
// notebook says so; a range wholly outside them is an error.
//
// Output files are checked before the estimation starts: an -out directory
// that cannot be made or written, or a -csv file whose directory does not
// exist, is an error at once.
//
// While the model is fitted a progress line on stderr counts the sweeps.
//
// The fit uses the roll calls Bailey, Strezhnev and Voeten's estimates rest
// on (idealpoint.BSVRollCalls): the record's separate votes on paragraphs
// and amendments of a draft (sessions 52-72) are left out and counted, as
// in their estimates; on those roll calls the library's standard errors
// were checked against their posterior spread. -all keeps them.
//
// The notebook notes the sessions of the range that the record covers
// thinly (audit.Cover on the whole record, a SessionNote per session): the
// record lacks, for example, the resumed part of session 73 (January to
// September 2019). It ends its table with one sentence on how sure the main
// finding is: where Serbia stands against Russia and Croatia in the last
// session of the range, with their 95% intervals (the library's standard
// errors, ±1.96 SE), and whether the intervals overlap; for the default
// sessions 50-80:
//
//	How sure: in session 80 Serbia's ideal point is 0.56 ± 0.18 (95% interval), Russia's -0.21 ± 0.21
//	and Croatia's 1.56 ± 0.26; its interval overlaps neither, so Serbia stands clearly between
//	Russia and Croatia.
//
// A last sentence says whether Serbia has moved between the first and the
// last session of the range in which it has a position, from
// idealpoint.DynamicFit.Move: the change, its standard error (which
// counts the correlation of the two positions along Serbia's path) and its
// 95% interval. For the default sessions 50-80:
//
//	Has it moved? Serbia: 0.99 in session 55, 0.56 in session 80: change -0.43, SE 0.20 (0.20 if independent),
//	95% interval [-0.83, -0.03], larger than its uncertainty.
//
// The CSV is idealpoint.DynamicFit's WriteCSV: one row per state and
// session estimated, by COW code and session, with the columns
//
//	iso3,cow,name   the state
//	session         the session
//	ideal_point     the posterior mode (the United States positive)
//	se              its standard error
//	lo,hi           the 95% interval, ideal_point ± 1.96 se
//	n               the number of votes it rests on
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"gonum.org/v1/plot/vg"

	"github.com/unga-go/unga/alignment/idealpoint"
	"github.com/unga-go/unga/audit"
	"github.com/unga-go/unga/chart"
	"github.com/unga-go/unga/examples/internal/cli"
	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
)

// states are followed in the table and the picture, by ISO3 code.
var states = []string{"USA", "SRB", "ALB", "BIH", "BGR", "HRV", "GRC", "MNE", "MKD", "ROU", "SVN", "RUS"}

// bold are drawn with their uncertainty bands; the others as thin lines.
var bold = map[string]bool{"USA": true, "SRB": true, "RUS": true, "HRV": true}

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "idealpoints:", err)
		os.Exit(1)
	}
}

// config is what the flags ask for.
type config struct {
	data     string
	from, to int
	issue    votes.Issue
	hasIssue bool
	all      bool      // keep the votes on parts of a draft
	out      string    // directory for the picture; "" for none
	csvPath  string    // "" for none
	csv      *cli.File // opened by run before the work
}

const usage = `Usage: idealpoints [flags]

Idealpoints estimates dynamic ideal points (Bailey, Strezhnev and Voeten's
model) for every state over a range of sessions of the UN General Assembly,
prints those of Serbia, the other Balkan states, Russia and the United
States, notes the sessions the record covers thinly, says how sure it is
(Serbia's 95% interval against Russia's and Croatia's), and with -out draws
them with uncertainty bands (PNG and SVG), with -csv writes every estimate
(iso3,cow,name,session,ideal_point,se,lo,hi,n).

	go run ./examples/idealpoints -out /tmp/ip -csv /tmp/ip.csv`

// parse reads the flags. With -h it returns a nil config and a nil error
// after printing the usage to stdout.
func parse(args []string, stdout io.Writer) (*config, error) {
	fs := flag.NewFlagSet("idealpoints", flag.ContinueOnError)
	cfg := &config{}
	var issue string
	fs.StringVar(&cfg.data, "data", "", "a file or unvotes folder that votes reads (default: the embedded record, 1946-2026)")
	fs.IntVar(&cfg.from, "from", 50, "first session")
	fs.IntVar(&cfg.to, "to", 0, "last session (default: the last in the record)")
	fs.StringVar(&issue, "issue", "", "estimate on one issue's roll calls only (me, nu, di, hr, co, ec)")
	fs.BoolVar(&cfg.all, "all", false, "keep the separate votes on paragraphs and amendments that Bailey, Strezhnev and Voeten leave out")
	fs.StringVar(&cfg.out, "out", "", "write the picture (PNG and SVG) into this directory (default: no picture)")
	fs.StringVar(&cfg.csvPath, "csv", "", "write every estimate to this CSV file (default: none)")
	if help, err := cli.Parse(fs, args, stdout, usage); help || err != nil {
		return nil, err
	}
	if cfg.from < 1 || cfg.to < 0 || (cfg.to != 0 && cfg.to < cfg.from) {
		return nil, fmt.Errorf("-from %d -to %d: want 1 <= from <= to, or -to 0 for the last session in the record", cfg.from, cfg.to)
	}
	if issue != "" {
		is, err := votes.ParseIssue(issue)
		if err != nil {
			return nil, fmt.Errorf("-issue: %w", err)
		}
		cfg.issue, cfg.hasIssue = is, true
	}
	return cfg, nil
}

// run runs the program: the notebook goes to stdout, the progress of the fit
// to stderr.
func run(args []string, stdout, stderr io.Writer) error {
	cfg, err := parse(args, stdout)
	if cfg == nil || err != nil {
		return err
	}
	// Outputs first: a bad path fails now, not after the estimation. A
	// flag left empty asks for nothing: no directory, a nil *cli.File.
	if err := cli.Dir(cfg.out); err != nil {
		return fmt.Errorf("-out: %w", err)
	}
	if cfg.csv, err = cli.Create(cfg.csvPath); err != nil {
		return fmt.Errorf("-csv: %w", err)
	}
	defer cfg.csv.Discard()
	ds, err := undata.LoadFile(cfg.data)
	if err != nil {
		return err
	}
	return analyze(ds, cfg, stdout, stderr)
}

// analyze prints the notebook for the record ds and writes the files asked
// for.
func analyze(ds *votes.Dataset, cfg *config, stdout, stderr io.Writer) error {
	p := &printer{w: stdout}

	// The range is clamped to the sessions of the record, and a range
	// beyond it is refused: the steps below go session by session through
	// the range, which a -to of 100000000 would make run out of memory.
	held := ds.Sessions()
	if len(held) == 0 {
		return fmt.Errorf("the record holds no roll call")
	}
	first, last := held[0], held[len(held)-1]
	if cfg.to == 0 {
		cfg.to = last
	}
	if cfg.from > last || cfg.to < first {
		return fmt.Errorf("-from %d -to %d: the record holds sessions %d-%d", cfg.from, cfg.to, first, last)
	}
	var clamped string
	if cfg.from < first || cfg.to > last {
		clamped = fmt.Sprintf(" (-from %d -to %d asked; the record holds sessions %d-%d)", cfg.from, cfg.to, first, last)
		cfg.from, cfg.to = max(cfg.from, first), min(cfg.to, last)
	}

	p.step("The record", fmt.Sprintf("The roll calls of the General Assembly, sessions %d to %d%s.", cfg.from, cfg.to, clamped))
	// Coverage is judged on the whole record: a session's expected months
	// come from the sessions around it.
	cover, err := audit.Cover(ds, nil)
	if err != nil {
		return err
	}
	ds = ds.Filter(votes.InSessions(cfg.from, cfg.to))
	if cfg.hasIssue {
		ds = ds.Filter(votes.HasIssue(cfg.issue))
		p.printf("Only roll calls on issue %q.\n", cfg.issue)
	}
	if ds.NumRollCalls() == 0 {
		return fmt.Errorf("no roll call in sessions %d-%d", cfg.from, cfg.to)
	}
	if !cfg.all {
		n := ds.NumRollCalls()
		ds = ds.Filter(idealpoint.BSVRollCalls())
		p.printf("%d separate votes on paragraphs and amendments left out, as Bailey, Strezhnev and Voeten leave them out (-all keeps them).\n", n-ds.NumRollCalls())
		if ds.NumRollCalls() == 0 {
			return fmt.Errorf("sessions %d-%d hold only votes on paragraphs and amendments; -all keeps them", cfg.from, cfg.to)
		}
	}
	p.printf("%d roll calls, %d states.\n", ds.NumRollCalls(), ds.NumCountries())
	var notes []string
	for s := cfg.from; s <= cfg.to; s++ {
		if n := cover.SessionNote(s); n != "" {
			notes = append(notes, n)
		}
	}
	if len(notes) > 0 {
		p.printf("Coverage (audit.Cover): %d of these sessions lack roll calls that the sessions around them have; their positions rest on fewer votes (the n column of the CSV, wider bands):\n", len(notes))
		for _, n := range notes {
			p.printf("  %s\n", n)
		}
	}

	p.step("Dynamic ideal points", "One ordinal probit model for all sessions; each state's position follows a random walk, so positions are comparable over time. The United States is positive; the scale has mean 0 and standard deviation 1 over all state-sessions.")
	start := time.Now()
	res, err := idealpoint.EstimateDynamic(context.Background(), ds, &idealpoint.DynamicOptions{Options: idealpoint.Options{
		Progress: func(pr idealpoint.Progress) {
			fmt.Fprintf(stderr, "\ridealpoints: %s, sweep %d of at most %d, change %.1e, %.1fs  ", pr.Stage, pr.Sweep, pr.MaxIter, pr.Change, time.Since(start).Seconds())
		},
	}})
	fmt.Fprintln(stderr)
	if err != nil {
		return err
	}
	p.printf("%d state-sessions, %d contested roll calls, %d sweeps, converged %v.\n", len(res.Positions), res.RollCalls, res.Iterations, res.Converged)

	p.step("Serbia and its neighbours", "Ideal point by session (every fifth session and the last; SE in the CSV and the bands of the picture).")
	var cols []int
	for s := cfg.from; s <= cfg.to; s += 5 {
		cols = append(cols, s)
	}
	if cols[len(cols)-1] != cfg.to {
		cols = append(cols, cfg.to)
	}
	countries := map[string]votes.Country{}
	p.printf("%-4s", "")
	for _, s := range cols {
		p.printf(" %6d", s)
	}
	p.printf("\n")
	for _, key := range states {
		c, err := votes.LookupCountry(key)
		if err != nil {
			return err
		}
		countries[key] = c
		p.printf("%-4s", key)
		for _, s := range cols {
			v := "     -"
			if q, ok := res.At(c, s); ok {
				v = fmt.Sprintf("%6.2f", q.IdealPoint)
			}
			p.printf(" %s", v)
		}
		p.printf("\n")
	}
	p.printf("%s\n", howSure(res, countries, cfg.from, cfg.to))
	moved, err := hasMoved(res, countries["SRB"])
	if err != nil {
		return err
	}
	p.printf("%s\n", moved)

	if cfg.csv != nil {
		p.step("CSV", "Every estimate: iso3, cow, name, session, ideal_point, se, lo, hi (±1.96 SE), n.")
		if err := cfg.csv.Commit(res.WriteCSV); err != nil {
			return err
		}
		p.printf("wrote %d rows to %s\n", len(res.Positions), cfg.csvPath)
	}

	if cfg.out != "" {
		p.step("Picture", "Lines with ±1.96 SE bands for Serbia, Croatia, Russia and the United States; the other Balkan states as thin lines.")
		files, err := drawPicture(res, countries, cfg)
		if err != nil {
			return err
		}
		for _, f := range files {
			p.printf("wrote %s\n", f)
		}
	}
	return p.err
}

// drawPicture writes the ideal points of the states (countries, by ISO3
// code) as lines, PNG and SVG, into cfg.out, and returns the files written.
func drawPicture(res *idealpoint.DynamicFit, countries map[string]votes.Country, cfg *config) ([]string, error) {
	var lines []chart.Line
	for i, key := range states {
		x, y, lo, hi := res.Series(countries[key], idealpoint.Level)
		if len(x) == 0 {
			continue
		}
		l := chart.Line{Name: key, X: x, Y: y, Color: chart.Color(i), Width: vg.Points(0.7)}
		if bold[key] {
			l.Width = vg.Points(2)
			l.Lo, l.Hi = lo, hi
		}
		lines = append(lines, l)
	}
	title := fmt.Sprintf("UN General Assembly ideal points, sessions %d-%d", cfg.from, cfg.to)
	if cfg.hasIssue {
		title += fmt.Sprintf(", issue %q", cfg.issue)
	}
	c, err := chart.Lines(lines, &chart.LinesOptions{Title: title, XLabel: "session", YLabel: "ideal point (US positive)"})
	if err != nil {
		return nil, err
	}
	return cli.SavePicture(c, cfg.out, "idealpoints")
}

// printer writes the notebook's steps and keeps the first write error.
type printer struct {
	w   io.Writer
	n   int
	err error
}

func (p *printer) step(title, text string) {
	p.n++
	p.printf("\n## %d. %s\n%s\n", p.n, title, text)
}

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}
