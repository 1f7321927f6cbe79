// Command blocs asks which voting blocs sat in a session of the UN General
// Assembly, who sits in which, and where the Balkan states and Russia fall;
// asked to, it draws the answer as a dendrogram, an agreement heatmap in
// dendrogram order and a map of the states (classical MDS) coloured by bloc,
// and writes the blocs as a CSV table.
//
// It runs as a notebook: each step prints a heading, a sentence of context
// and its result. With no flags it clusters session 74 (2019-20) of the
// embedded 1946-2019 record with Ward's linkage into five blocs, and writes
// no file:
//
//	go run ./examples/blocs
//	go run ./examples/blocs -out /tmp/blocs -csv /tmp/blocs74.csv
//	go run ./examples/blocs -session 60 -method louvain -k 4 -out /tmp/blocs60
//
// Flags:
//
//	-data FILE      a file or unvotes folder that votes.ReadFile reads (default: the embedded record)
//	-session N      the regular session to cluster (default 74)
//	-method NAME    single, complete, average, weighted, centroid, median, ward, kmedoids or louvain (default ward)
//	-k N            the number of blocs (louvain: the least number; it scans the resolution) (default 5)
//	-min N          the least number of roll calls two states must both have voted on (default 10)
//	-out DIR        write the pictures, PNG and SVG, into DIR, made if missing (default: no pictures)
//	-csv FILE       write the blocs to FILE as CSV (default: none)
//	-h              print this usage and exit
//
// Output files are checked before the work starts: an -out directory that
// cannot be made or written, or a -csv file whose directory does not exist,
// is an error at once. The pictures are blocsN-dendrogram, blocsN-heatmap
// and blocsN-mds (N the session), each .png and .svg.
//
// The CSV is cluster.Partition's WriteCSV: one row per state clustered
// (those left out are listed in the notebook), in COW-code order, with the
// columns
//
//	iso3,cow,name     the state
//	session           the session clustered
//	bloc              its bloc, counted from 0: the printed bloc number minus 1
//	bloc_name         the bloc's name, as printed
//	silhouette        its silhouette width (1: well inside its bloc; below 0: closer to another; NaN for one bloc)
//
// The blocs are printed one per line, tab-separated, so that a script can
// read them with `grep '^bloc'`:
//
//	bloc <number> <size> <named by> <member; member; ...>
//
// and each Balkan state and Russia as
//
//	state <ISO3> <name> <bloc number> <bloc named by> <silhouette width>
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"gonum.org/v1/gonum/mat"

	"github.com/unga-go/unga/alignment"
	"github.com/unga-go/unga/cluster"
	"github.com/unga-go/unga/examples/internal/cli"
	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "blocs:", err)
		os.Exit(1)
	}
}

// config is what the flags ask for.
type config struct {
	data    string
	session int
	method  string
	linkage cluster.Linkage // when method is a linkage
	k, minN int
	out     string    // directory for the pictures; "" for none
	csvPath string    // "" for none
	csv     *cli.File // opened by run before the work
}

// isLinkage reports whether the method is hierarchical clustering.
func (c *config) isLinkage() bool { return c.method != "kmedoids" && c.method != "louvain" }

const usage = `Usage: blocs [flags]

Blocs clusters the states of one session of the UN General Assembly by how
alike they vote, prints the blocs and where the Balkan states and Russia
fall, and with -out draws a dendrogram, a heatmap and a map (PNG and SVG),
with -csv writes the blocs as CSV (iso3,cow,name,session,bloc,bloc_name,
silhouette; bloc counts from 0).

	go run ./examples/blocs -session 74 -out /tmp/blocs -csv /tmp/blocs74.csv`

// parse reads the flags. With -h it returns a nil config and a nil error
// after printing the usage to stdout.
func parse(args []string, stdout io.Writer) (*config, error) {
	fs := flag.NewFlagSet("blocs", flag.ContinueOnError)
	cfg := &config{}
	fs.StringVar(&cfg.data, "data", "", "a file or unvotes folder that votes reads (default: the embedded 1946-2019 record)")
	fs.IntVar(&cfg.session, "session", 74, "regular session to cluster")
	fs.StringVar(&cfg.method, "method", "ward", "single, complete, average, weighted, centroid, median, ward, kmedoids or louvain")
	fs.IntVar(&cfg.k, "k", 5, "number of blocs (louvain: the least number)")
	fs.IntVar(&cfg.minN, "min", 10, "least number of roll calls two states must both have voted on")
	fs.StringVar(&cfg.out, "out", "", "write the pictures (PNG and SVG) into this directory (default: no pictures)")
	fs.StringVar(&cfg.csvPath, "csv", "", "write the blocs to this CSV file (default: none)")
	if help, err := cli.Parse(fs, args, stdout, usage); help || err != nil {
		return nil, err
	}
	cfg.method = strings.ToLower(cfg.method)
	if cfg.isLinkage() {
		l, err := cluster.ParseLinkage(cfg.method)
		if err != nil {
			return nil, fmt.Errorf("-method: %w", err)
		}
		cfg.linkage = l
	}
	if cfg.k < 1 {
		return nil, fmt.Errorf("-k %d: want at least 1 bloc", cfg.k)
	}
	if cfg.minN < 1 {
		return nil, fmt.Errorf("-min %d: want at least 1 roll call", cfg.minN)
	}
	return cfg, nil
}

func run(args []string, stdout io.Writer) error {
	cfg, err := parse(args, stdout)
	if cfg == nil || err != nil {
		return err
	}
	// Outputs first: a bad path fails now, not after the work.
	if cfg.out != "" {
		if err := cli.Dir(cfg.out); err != nil {
			return fmt.Errorf("-out: %w", err)
		}
	}
	if cfg.csvPath != "" {
		if cfg.csv, err = cli.Create(cfg.csvPath); err != nil {
			return fmt.Errorf("-csv: %w", err)
		}
		defer cfg.csv.Discard()
	}
	ds, err := undata.LoadFile(cfg.data)
	if err != nil {
		return err
	}
	return analyze(ds, cfg, stdout)
}

// printer prints the notebook's steps.
type printer struct {
	w    io.Writer
	n    int
	errs []error
}

func (p *printer) step(title string) {
	p.n++
	p.printf("\n## %d. %s\n", p.n, title)
}

func (p *printer) say(format string, args ...any) { p.printf(format+"\n", args...) }

func (p *printer) printf(format string, args ...any) {
	if _, err := fmt.Fprintf(p.w, format, args...); err != nil {
		p.errs = append(p.errs, err)
	}
}

// session holds one session's states, agreement and distances.
type session struct {
	countries []votes.Country // kept, by COW code
	sim, dist *mat.SymDense   // agreement and 1 - agreement, kept states
	rollCalls int
	first     time.Time // the session's first roll call
}

// analyze prints the notebook for session cfg.session of ds.
func analyze(ds *votes.Dataset, cfg *config, stdout io.Writer) error {
	p := &printer{w: stdout}

	p.step(fmt.Sprintf("Session %d", cfg.session))
	s := ds.Filter(votes.InSessions(cfg.session, cfg.session))
	if s.NumRollCalls() == 0 {
		return fmt.Errorf("no roll calls in session %d (the record has sessions %v)", cfg.session, span(ds.Sessions()))
	}
	first, last := s.Span()
	p.say("%d roll calls, %s to %s.", s.NumRollCalls(), first.Format("2006-01-02"), last.Format("2006-01-02"))

	p.step("Agreement")
	p.say("Voeten's agreement of each pair of states: the mean of 1 - |a-b|/2 over the roll calls on which both voted (yes 1, abstain 2, no 3);")
	p.say("unanimous roll calls are left out. A missing vote is never filled in: a pair scores on its joint votes only,")
	p.say("and a state with fewer than %d joint votes with some other state is left out of the clustering.", cfg.minN)
	m, err := alignment.AgreementMatrix(s, alignment.Agree, &alignment.Options{MinN: cfg.minN})
	if err != nil {
		return err
	}
	ses, dropped, err := prepare(m, cfg.minN)
	if err != nil {
		return err
	}
	ses.rollCalls, ses.first = s.NumRollCalls(), first
	var absent, few []votes.Country
	for _, c := range dropped {
		if i := slices.Index(m.Countries, c); i >= 0 && m.N(i, i) > 0 {
			few = append(few, c)
		} else {
			absent = append(absent, c)
		}
	}
	p.say("%d states clustered; %d cast no vote in the session; %d left out for too few joint votes%s.", len(ses.countries), len(absent), len(few), listNames(few))
	if len(ses.countries) < 2 {
		return fmt.Errorf("%d states to cluster: too few", len(ses.countries))
	}
	if cfg.k > len(ses.countries) {
		return fmt.Errorf("-k %d: only %d states to cluster", cfg.k, len(ses.countries))
	}

	p.step("Blocs")
	res, err := blocs(ses, cfg, p)
	if err != nil {
		return err
	}
	p.say("One bloc a line, tab-separated: bloc, number, size, named by its best-known members, every member (by COW code).")
	for _, b := range res.blocs {
		p.printf("bloc\t%d\t%d\t%s\t%s\n", b.number, len(b.members), b.name, strings.Join(b.memberNames(ses.countries), "; "))
	}
	p.say("Mean silhouette width %.3f (1: every state much closer to its own bloc than to the next; 0: on the border).", res.silhouette.mean)

	p.step("The Balkans and Russia")
	p.say("Where each Balkan state and Russia fall; the silhouette width says how firmly (negative: closer to another bloc).")
	if err := where(p, ses, res); err != nil {
		return err
	}

	if cfg.csv != nil {
		p.step("CSV")
		if err := cfg.csv.Commit(func(w io.Writer) error { return writeCSV(w, ses, res, cfg.session) }); err != nil {
			return err
		}
		p.say("wrote %s: one row per state clustered, columns iso3, cow, name, session, bloc (from 0), bloc_name, silhouette", cfg.csvPath)
	}

	if cfg.out != "" {
		p.step("Pictures")
		files, err := drawPictures(ses, res, cfg)
		if err != nil {
			return err
		}
		for _, f := range files {
			p.say("wrote %s", f)
		}
	}
	return errors.Join(p.errs...)
}

// writeCSV writes the blocs as a tidy table, one row per state clustered
// (cluster.Partition.WriteCSV).
func writeCSV(w io.Writer, ses *session, res *result, session int) error {
	part := &cluster.Partition{Labels: res.labels, States: ses.countries, Session: session}
	if len(res.blocs) > 1 { // else no silhouette: NaN
		part.Silhouette = res.silhouette.widths
	}
	return part.WriteCSV(w)
}

// span renders a list of sessions as "1-74".
func span(sessions []int) string {
	if len(sessions) == 0 {
		return "none"
	}
	return fmt.Sprintf("%d-%d", sessions[0], sessions[len(sessions)-1])
}

// listNames renders the left-out states after a colon, or nothing.
func listNames(cs []votes.Country) string {
	if len(cs) == 0 {
		return ""
	}
	names := make([]string, len(cs))
	for i, c := range cs {
		names[i] = c.Name
	}
	return ": " + strings.Join(names, ", ")
}

// where prints the bloc of each Balkan state (members of the group on the
// session's first roll call) and of Russia.
func where(p *printer, ses *session, res *result) error {
	balkans, err := votes.LookupGroup("Balkans")
	if err != nil {
		return err
	}
	russia, err := votes.LookupCountry("Russia")
	if err != nil {
		return err
	}
	var states []votes.Country
	for _, c := range ses.countries {
		if balkans.Contains(c, ses.first) {
			states = append(states, c)
		}
	}
	states = append(states, russia)
	for _, c := range states {
		i := slices.Index(ses.countries, c)
		if i < 0 {
			p.say("state\t%s\t%s\t-\tnot clustered\t-", c.ISO3, c.Name)
			continue
		}
		b := res.blocs[res.labels[i]]
		p.say("state\t%s\t%s\t%d\t%s\t%.3f", c.ISO3, c.Name, b.number, b.name, res.silhouette.widths[i])
	}
	return nil
}
