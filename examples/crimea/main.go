// Crimea asks which Balkan states vote with Russia on Crimea, from the UN
// General Assembly's roll-call record, and finds that Serbia is the only
// one.
//
// It runs as a notebook: each step prints a heading, a sentence of context
// and its result. With no flags it reads the embedded 1946-2019 record
// (package undata); the flags run the same analysis on any record, group and
// reference state:
//
//	go run ./examples/crimea
//	go run ./examples/crimea -data UNVotes.csv -group "Western Balkans" -against Russia
//
// Flags:
//
//	-data FILE      a file or unvotes folder that votes.ReadFile reads (default: the embedded record)
//	-match REGEXP   which roll calls, by resolution symbol, title or description
//	-group NAME     a group of states, as votes.LookupGroup knows it (default Balkans)
//	-against STATE  the reference state (default Russia)
package main

import (
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"strings"

	"github.com/unga-go/unga/alignment"
	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
)

// defaultMatch finds the Crimea resolutions. A/RES/68/262 never names
// Crimea in its title ("Territorial integrity of Ukraine"), so the pattern
// asks for that title too.
const defaultMatch = `(?i)crimea|territorial integrity of ukraine`

// sinceSession is the first session of the long view: 61 opened in
// September 2006, Serbia's first as a state on its own.
const sinceSession = 61

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "crimea:", err)
		os.Exit(1)
	}
}

// config is what the flags ask for.
type config struct {
	data, match  string
	re           *regexp.Regexp
	group        votes.Group
	ref          votes.Country
	label, topic string
}

func parse(args []string) (*config, error) {
	fs := flag.NewFlagSet("crimea", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	data := fs.String("data", "", "a file or unvotes folder that votes reads (default: the embedded 1946-2019 record)")
	match := fs.String("match", defaultMatch, "regular expression selecting the roll calls")
	groupName := fs.String("group", "Balkans", "group of states")
	against := fs.String("against", "Russia", "reference state")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	cfg := &config{data: *data, match: *match}
	var err error
	if cfg.re, err = regexp.Compile(*match); err != nil {
		return nil, fmt.Errorf("-match: %w", err)
	}
	if cfg.group, err = votes.LookupGroup(*groupName); err != nil {
		return nil, fmt.Errorf("-group: %w", err)
	}
	if cfg.ref, err = votes.LookupCountry(*against); err != nil {
		return nil, fmt.Errorf("-against: %w", err)
	}
	cfg.label = cfg.group.Name // "EU" gives "the only EU state"
	if strings.HasSuffix(cfg.label, "ans") {
		cfg.label = strings.TrimSuffix(cfg.label, "s") // "Balkans" gives "the only Balkan state"
	}
	cfg.topic = "Crimea resolutions"
	if *match != defaultMatch {
		cfg.topic = fmt.Sprintf("roll calls matching %q", *match)
	}
	return cfg, nil
}

func run(args []string, stdout io.Writer) error {
	cfg, err := parse(args)
	if err != nil {
		return err
	}
	ds, err := undata.LoadFile(cfg.data)
	if err != nil {
		return err
	}
	return analyze(ds, cfg, stdout)
}

// analyze prints the notebook for the record ds.
func analyze(ds *votes.Dataset, cfg *config, stdout io.Writer) error {
	p := &printer{w: stdout}
	group, ref, label, topic := cfg.group, cfg.ref, cfg.label, cfg.topic

	p.step("Load the record")
	if cfg.data == "" {
		p.say("The embedded record is the unvotes data (Voeten's roll calls, 1946-2019); it records no absences, so a state without a vote is one without a record.")
	} else {
		p.say(fmt.Sprintf("Read from %s.", cfg.data))
	}
	first, last := ds.Span()
	p.say(fmt.Sprintf("%d states, %d roll calls, %s to %s.", ds.NumCountries(), ds.NumRollCalls(), first.Format("2006-01-02"), last.Format("2006-01-02")))

	p.step("Find the roll calls")
	sel := ds.Filter(votes.TextMatches(cfg.re))
	if cfg.match == defaultMatch {
		p.say("Resolutions whose symbol, title or description mentions Crimea; A/RES/68/262 of March 2014 does not name Crimea, but its title, \"Territorial integrity of Ukraine\", is matched too.")
	} else {
		p.say(fmt.Sprintf("Roll calls whose symbol, title or description matches %q.", cfg.match))
	}
	if sel.NumRollCalls() == 0 {
		return fmt.Errorf("no roll call matches %q", cfg.match)
	}
	rep, err := alignment.Outliers(sel, group, ref, nil)
	if err != nil {
		return err
	}
	p.say(fmt.Sprintf("%d found, with the tally of the whole Assembly (yes-no-abstain) and %s's vote:", len(rep.RollCalls), rep.Reference.Name))
	p.write(writeRollCalls(rep))

	p.step(fmt.Sprintf("How the %s voted", group.Name))
	p.say(fmt.Sprintf("Each member's vote on each roll call; \"absent\" means that no vote was recorded. The group: %s", group.Description))
	p.write(writeVotes(rep))

	p.step(fmt.Sprintf("Who stands apart, against %s", rep.Reference.Name))
	p.say(fmt.Sprintf("Each member's record against %s, and the members whose share of votes with %s lies far from the rest of the group's (median and MAD of the members' shares).", rep.Reference.Name, rep.Reference.Name))
	p.write(rep.WriteTo)
	p.printf("%s\n", sentence(rep, label, topic))

	apart := rep.Outliers()
	p.step("The wider pattern")
	if len(apart) == 0 {
		p.say(fmt.Sprintf("No %s state was singled out on these roll calls, so there is no one to follow session by session.", label))
		return p.err
	}
	return widerPattern(p, ds, apart[0], ref)
}

// widerPattern prints the agreement of member m with the reference and with
// the median EU member, session by session, since 2006.
func widerPattern(p *printer, ds *votes.Dataset, m alignment.OutlierRecord, ref votes.Country) error {
	recent := ds.Filter(votes.InSessions(sinceSession, 1<<30))
	if recent.NumRollCalls() == 0 {
		p.say(fmt.Sprintf("The record has no session since 2006 (session %d) to follow %s's votes in.", sinceSession, m.Name))
		return p.err
	}
	p.say(fmt.Sprintf("Is this a Crimea story or a habit? %s's agreement with %s and with the median EU member in every session since 2006, over all roll calls that were not unanimous (Voeten's agreement score: 1 same vote, 0.5 one abstains, 0 yes against no). The EU median is the median of %s's scores with the states in the EU on the day of the session's first roll call; its n counts those states, %s's the roll calls.",
		m.Name, ref.Name, m.Name, ref.Name))
	rs, err := alignment.WithReference(recent, m.Country, alignment.Agree, nil)
	if err != nil {
		return err
	}
	eu, err := votes.LookupGroup("EU")
	if err != nil {
		return err
	}
	s := rs.Series(ref)
	s.Title = fmt.Sprintf("%s's agreement, by session", m.Name)
	euMedian := rs.GroupMedian(eu.Contains)
	s.Add("EU median", euMedian)
	p.write(s.WriteTo)
	withRef, _ := rs.State(ref)
	a, na := mean(withRef)
	b, nb := mean(euMedian)
	p.printf("\nOver the %d sessions in which %s scored, its mean agreement with %s was %.2f; over %d, with the median EU member %.2f.\n", na, m.Name, ref.Name, a, nb, b)
	return p.err
}

// mean returns the mean of the scores that are not NaN and their number.
func mean(s []alignment.Score) (float64, int) {
	sum, n := 0.0, 0
	for _, x := range s {
		if !math.IsNaN(x.Value) {
			sum += x.Value
			n++
		}
	}
	if n == 0 {
		return math.NaN(), 0
	}
	return sum / float64(n), n
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

func (p *printer) write(f func(io.Writer) (int64, error)) {
	if p.err == nil {
		_, p.err = f(p.w)
	}
}
