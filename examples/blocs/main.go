// Command blocs finds the voting blocs of a session of the UN General
// Assembly.
//
// It says who sits in which, where the Balkan states and Russia fall, and
// how firm the blocs are (a bootstrap over the roll calls); asked to, it
// draws the answer as a dendrogram, an agreement heatmap in dendrogram
// order, a map of the states (classical MDS) coloured by bloc and a heatmap
// of how often each pair shares a bloc, and writes the blocs and their
// stability as CSV tables.
//
// It runs as a notebook: each step prints a heading, a sentence of context
// and its result. With no flags it clusters the last session (80) of the
// embedded record with Ward's linkage into five blocs, and writes
// no file:
//
//	go run ./examples/blocs
//	go run ./examples/blocs -out /tmp/blocs -csv /tmp/blocs74.csv
//	go run ./examples/blocs -session 60 -method louvain -k 4 -out /tmp/blocs60
//	go run ./examples/blocs -method ward -k 3 -stability-csv /tmp/stability74.csv
//
// Flags:
//
//	-data FILE      a file or unvotes folder that votes.ReadFile reads (default: the embedded record)
//	-session N      the regular session to cluster (default: the last in the record)
//	-method NAME    single, complete, average, weighted, centroid, median, ward, kmedoids or louvain (default ward)
//	-k N            the number of blocs, at most the number of states clustered (louvain: the least number; it scans the resolution) (default 5)
//	-min N          the least number of roll calls two states must both have voted on (default 10)
//	-out DIR        write the pictures, PNG and SVG, into DIR, made if missing (default: no pictures)
//	-csv FILE       write the blocs to FILE as CSV (default: none)
//	-resamples N    bootstrap resamples of the roll calls for how firm the blocs are; 0 for none (default 200)
//	-seed N         the bootstrap's seed (default 1)
//	-stability-csv FILE  write each state's stay rate to FILE as CSV (default: none)
//	-h              print this usage and exit
//
// Output files are checked before the work starts: an -out directory that
// cannot be made or written, or a -csv file whose directory does not exist,
// is an error at once. The pictures are blocsN-dendrogram, blocsN-heatmap,
// blocsN-mds and, with the bootstrap, blocsN-together (N the session), each
// .png and .svg.
//
// How firm the blocs are: cluster.Stability draws the session's roll calls
// with replacement -resamples times (seeded: the same seed gives the same
// figures), clusters the same states again by the same method and counts
// how often each pair of states shares a bloc and how often each state
// stays in its bloc (the resample's cluster that overlaps the bloc most).
// Hierarchical linkages and k-medoids are bootstrapped; Louvain is not
// (its scan over the resolution would have to be redone on every
// resample). The notebook prints each bloc's mean Jaccard overlap, each
// Balkan state's and Russia's stay rate and share of resamples in Russia's
// bloc, the sentence "Serbia is in the same bloc as Russia in N% of
// resamples", with the Monte Carlo error of that share, and one sentence on
// how sure the blocs are (the mean stay rate, the firmest and the weakest
// bloc). The bootstrap of 200 resamples takes well under a second
// (cluster.BenchmarkStability, Ward's three blocs of session 74: about
// 0.1 s on the 2-core machine of BENCHMARKS.md).
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
// The stability table (-stability-csv) is cluster.BlocStability's
// WriteCSV, one row per state clustered, in the same order as -csv, with
// the columns
//
//	iso3,cow,name     the state
//	bloc              its bloc, counted from 0, as in -csv
//	stay              the share of resamples in which it stayed in its bloc
//	bloc_jaccard      its bloc's mean best Jaccard overlap (below about 0.6 a bloc is hardly there)
//	resamples         the resamples clustered
//
// It is a table of its own rather than a column of -csv, whose columns
// are the library's Partition rows and exist with no bootstrap (Louvain,
// -resamples 0).
//
// The blocs are printed one per line, tab-separated, so that a script can
// read them with `grep '^bloc'`:
//
//	bloc <number> <size> <named by> <member; member; ...>
//
// and each Balkan state and Russia as
//
//	state <ISO3> <name> <bloc number> <bloc named by> <silhouette width (NaN, undefined, for one bloc)>
//
// and, with the bootstrap, each bloc's and each of these states' firmness as
//
//	firm <bloc number> <Jaccard>
//	stay <ISO3> <name> <share of resamples in its bloc> <share in Russia's bloc>
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
	// The bootstrap: resamples (0 for none) and seed; the stability table.
	resamples int
	seed      uint64
	stabPath  string    // "" for none
	stab      *cli.File // opened by run before the work
}

// isLinkage reports whether the method is hierarchical clustering.
func (c *config) isLinkage() bool { return c.method != "kmedoids" && c.method != "louvain" }

const usage = `Usage: blocs [flags]

Blocs clusters the states of one session of the UN General Assembly by how
alike they vote, prints the blocs, where the Balkan states and Russia fall
and how firm the blocs are (a bootstrap over the roll calls: "Serbia is in
the same bloc as Russia in N% of resamples"; not for louvain), and with
-out draws a dendrogram, a heatmap, a map and a heatmap of how often each
pair shares a bloc (PNG and SVG), with -csv writes the blocs as CSV
(iso3,cow,name,session,bloc,bloc_name,silhouette; bloc counts from 0), with
-stability-csv each state's stay rate (iso3,cow,name,bloc,stay,
bloc_jaccard,resamples).

	go run ./examples/blocs -session 74 -out /tmp/blocs -csv /tmp/blocs74.csv
	go run ./examples/blocs -method average -k 4 -resamples 1000 -seed 2`

// parse reads the flags. With -h it returns a nil config and a nil error
// after printing the usage to stdout.
func parse(args []string, stdout io.Writer) (*config, error) {
	fs := flag.NewFlagSet("blocs", flag.ContinueOnError)
	cfg := &config{}
	fs.StringVar(&cfg.data, "data", "", "a file or unvotes folder that votes reads (default: the embedded record, 1946-2026)")
	fs.IntVar(&cfg.session, "session", 0, "regular session to cluster (default: the last in the record)")
	fs.StringVar(&cfg.method, "method", "ward", "single, complete, average, weighted, centroid, median, ward, kmedoids or louvain")
	fs.IntVar(&cfg.k, "k", 5, "number of blocs (louvain: the least number)")
	fs.IntVar(&cfg.minN, "min", 10, "least number of roll calls two states must both have voted on")
	fs.StringVar(&cfg.out, "out", "", "write the pictures (PNG and SVG) into this directory (default: no pictures)")
	fs.StringVar(&cfg.csvPath, "csv", "", "write the blocs to this CSV file (default: none)")
	fs.IntVar(&cfg.resamples, "resamples", 200, "bootstrap resamples of the roll calls for how firm the blocs are; 0 for none")
	fs.Uint64Var(&cfg.seed, "seed", 1, "seed of the bootstrap (the same seed gives the same figures)")
	fs.StringVar(&cfg.stabPath, "stability-csv", "", "write each state's stay rate to this CSV file (default: none)")
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
	if cfg.session < 0 {
		return nil, fmt.Errorf("-session %d: want a session number, or 0 for the last in the record", cfg.session)
	}
	if cfg.k < 1 {
		return nil, fmt.Errorf("-k %d: want at least 1 bloc", cfg.k)
	}
	if cfg.minN < 1 {
		return nil, fmt.Errorf("-min %d: want at least 1 roll call", cfg.minN)
	}
	if cfg.resamples < 0 {
		return nil, fmt.Errorf("-resamples %d: want 0 (no bootstrap) or more", cfg.resamples)
	}
	if cfg.stabPath != "" && cfg.resamples == 0 {
		return nil, errors.New("-stability-csv needs a bootstrap: -resamples 0 asks for none")
	}
	if cfg.stabPath != "" && cfg.method == "louvain" {
		return nil, errors.New("-stability-csv: the Louvain blocs are not bootstrapped; choose a linkage or kmedoids")
	}
	return cfg, nil
}

func run(args []string, stdout io.Writer) error {
	cfg, err := parse(args, stdout)
	if cfg == nil || err != nil {
		return err
	}
	// Outputs first: a bad path fails now, not after the work. A flag left
	// empty asks for nothing: no directory, a nil *cli.File.
	if err := cli.Dir(cfg.out); err != nil {
		return fmt.Errorf("-out: %w", err)
	}
	if cfg.csv, err = cli.Create(cfg.csvPath); err != nil {
		return fmt.Errorf("-csv: %w", err)
	}
	defer cfg.csv.Discard()
	if cfg.stab, err = cli.Create(cfg.stabPath); err != nil {
		return fmt.Errorf("-stability-csv: %w", err)
	}
	defer cfg.stab.Discard()
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
	labeled   *cluster.Labeled // the states kept and their distances
	countries []votes.Country  // kept, by COW code
	sim, dist *mat.SymDense    // agreement and 1 - agreement, kept states
	rollCalls int
	first     time.Time // the session's first roll call
}

// analyze prints the notebook for session cfg.session of ds.
func analyze(ds *votes.Dataset, cfg *config, stdout io.Writer) error {
	p := &printer{w: stdout}

	if cfg.session == 0 {
		held := ds.Sessions()
		if len(held) == 0 {
			return errors.New("the record holds no roll call")
		}
		cfg.session = held[len(held)-1]
	}
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
	// cluster.Distances keeps the states with at least minN joint votes
	// with every other kept state, never filling in a distance, and says
	// why it left each of the others out.
	l, err := cluster.Distances(m, cfg.minN)
	if err != nil {
		return err
	}
	ses := &session{labeled: l, countries: l.States, dist: l.Dist, sim: l.Sim, rollCalls: s.NumRollCalls(), first: first}
	var absent, few []votes.Country
	for _, d := range l.Dropped {
		if d.Reason == cluster.NoVote {
			absent = append(absent, d.State)
		} else {
			few = append(few, d.State)
		}
	}
	p.say("%d states clustered; %d cast no vote in the session; %d left out for too few joint votes%s.", len(ses.countries), len(absent), len(few), listNames(few))
	if len(ses.countries) < 2 {
		return fmt.Errorf("%d states to cluster: too few", len(ses.countries))
	}
	if cfg.k > len(ses.countries) {
		return fmt.Errorf("-k %d: only %d states of session %d to cluster (with -min %d): choose -k %d or fewer",
			cfg.k, len(ses.countries), cfg.session, cfg.minN, len(ses.countries))
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
	oneBloc := len(res.blocs) == 1
	if oneBloc {
		p.say("Mean silhouette width undefined: with one bloc there is no other to be closer to (NaN, as in the CSV).")
	} else {
		p.say("Mean silhouette width %.3f (1: every state much closer to its own bloc than to the next; 0: on the border).", res.silhouette.mean)
	}

	p.step("The Balkans and Russia")
	p.say("Where each Balkan state and Russia fall; the silhouette width says how firmly (negative: closer to another bloc).")
	if oneBloc {
		p.say("With one bloc the silhouette width is undefined: NaN, as in the CSV.")
	}
	if err := where(p, ses, res); err != nil {
		return err
	}

	var rep *cluster.BlocStability
	if cfg.resamples > 0 {
		p.step("How firm the blocs are")
		if rep, err = stability(s, ses, res, cfg); err != nil {
			return err
		}
		if rep == nil {
			p.say("The Louvain blocs are not bootstrapped: the scan over the resolution would have to be redone on every resample. Choose a linkage or kmedoids to see how firm the blocs are.")
		} else if err := firmness(p, ses, res, rep, cfg); err != nil {
			return err
		}
	}

	if cfg.csv != nil || cfg.stab != nil {
		p.step("CSV")
	}
	if cfg.csv != nil {
		if err := cfg.csv.Commit(func(w io.Writer) error { return writeCSV(w, ses, res, cfg.session) }); err != nil {
			return err
		}
		p.say("wrote %s: one row per state clustered, columns iso3, cow, name, session, bloc (from 0), bloc_name, silhouette", cfg.csvPath)
	}
	if cfg.stab != nil {
		if err := cfg.stab.Commit(rep.WriteCSV); err != nil {
			return err
		}
		p.say("wrote %s: one row per state clustered, columns iso3, cow, name, bloc (from 0, as in -csv), stay, bloc_jaccard, resamples", cfg.stabPath)
	}

	if cfg.out != "" {
		p.step("Pictures")
		files, err := drawPictures(ses, res, rep, cfg)
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
	states, err := balkansAndRussia(ses)
	if err != nil {
		return err
	}
	for _, c := range states {
		i := slices.Index(ses.countries, c)
		if i < 0 {
			p.say("state\t%s\t%s\t-\tnot clustered\t-", c.Code(), c.Name)
			continue
		}
		b := res.blocs[res.labels[i]]
		p.say("state\t%s\t%s\t%d\t%s\t%.3f", c.Code(), c.Name, b.number, b.name, res.silhouette.widths[i])
	}
	return nil
}

// balkansAndRussia returns the Balkan states (members of the group on the
// session's first roll call) among the states clustered, by COW code, then
// Russia, last.
func balkansAndRussia(ses *session) ([]votes.Country, error) {
	balkans, err := votes.LookupGroup("Balkans")
	if err != nil {
		return nil, err
	}
	russia, err := votes.LookupCountry("Russia")
	if err != nil {
		return nil, err
	}
	var states []votes.Country
	for _, c := range ses.countries {
		if balkans.Contains(c, ses.first) {
			states = append(states, c)
		}
	}
	return append(states, russia), nil
}
