// Crimea asks which Balkan states vote with Russia on Crimea in the UN
// General Assembly.
//
// It reads the embedded roll-call record, names the states that stand
// apart from the rest of the Balkans, tells when their votes changed, says
// how sure that is, sets the Ukraine resolutions of the emergency special
// session ES-11 beside them and follows the alignment of the state that
// stands apart since 1992.
//
// It runs as a notebook: each step prints a heading, a sentence of context
// and its result. With no flags it reads the embedded record (package
// undata); the flags run the same analysis on any record, group and
// reference state:
//
//	go run ./examples/crimea
//	go run ./examples/crimea -data UNVotes.csv -group "Western Balkans" -against Russia
//	go run ./examples/crimea -csv /tmp/crimea.csv -out /tmp/crimea
//
// The steps: the roll calls found, with their tallies; how each member of
// the group voted; who stands apart from the group in its votes with the
// reference (the median/MAD rule of alignment.Outliers), when its votes
// last changed and who changed on the same roll call (votes.LastChange),
// and how unlikely its record would be by chance (the exact test of
// alignment.GroupRecord.Permutation: "Serbia voted with Russian
// Federation on 10 of 14 Crimea resolutions (p = 2.2e-10; ...)"); the
// second family of roll calls, the resolutions of the emergency special
// session ES-11 on Ukraine (from 2022), in the same form; the outlier's
// agreement with the reference and with the median EU member in each
// session since 2006, with a seeded 95% bootstrap interval for the former
// (alignment.BootstrapPairSeries), a sentence on how sure the last
// session's score is, and where the record is thin in those sessions
// (audit.Cover); and the change points of both series since 1992 (session
// 47; the record counts Yugoslavia's seat as Serbia's) by
// alignment.ChangePoints, in a sentence and, with -out, on a picture.
//
// The long view compares like with like: from 2020 the record holds only
// resolutions adopted as a whole (the UN's resolution data), while before
// it holds separate votes on paragraphs and amendments, failed drafts and
// motions too, so its series and change points are computed on the roll
// calls votes.AdoptedResolutions keeps, in every session.
//
// Flags:
//
//	-data FILE      a file or unvotes folder that votes.ReadFile reads (default: the embedded record)
//	-match REGEXP   which roll calls, by resolution symbol, title, subjects or description
//	-group NAME     a group of states, as votes.LookupGroup knows it (default Balkans)
//	-against STATE  the reference state (default Russia)
//	-csv FILE       write each member's record against the reference, with its p-value, for both families of roll calls, to FILE (default: none)
//	-out DIR        draw the long view with its change points, PNG and SVG, into DIR, made if missing (default: no picture)
//	-h              print this usage and exit
//
// It writes no file but the -csv file and, with -out, crimea-longview.png
// and crimea-longview.svg; the -csv file's directory and the -out directory
// are checked before the work starts. The CSV holds the exact test of both
// families of roll calls (alignment.WriteLabelledCSV of the two
// PermutationTests): one row per family and member of the group, smallest
// p-value first within a family, with the columns
//
//	family                  the roll calls: "Crimea resolutions" (or those -match selects), "ES-11 resolutions"
//	group                   the group's name
//	iso3_a,cow_a,name_a     the reference state
//	iso3_b,cow_b,name_b     the member
//	with,n                  the roll calls on which the member cast the reference's vote, and those on which both cast a vote
//	expected                the mean of with if the votes of the members present on each roll call were shared out among them at random
//	p_upper,p_lower         the chance under that null of voting with the reference as often as with or more, and as often or less
//	p_value                 the two-sided p-value, twice the smaller tail, at most 1 (NaN if n is 0)
//	outlier                 whether the median/MAD rule says the member stands apart
//	index                   the index the test scores: the rule's (identical votes here)
//	score,expected_score    the member's score on it, and its mean under the null
//	outlier_index           the index the median/MAD rule judged on
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"

	"github.com/unga-go/unga/alignment"
	"github.com/unga-go/unga/examples/internal/cli"
	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
)

// defaultMatch finds the Crimea resolutions. A/RES/68/262 of March 2014
// never names Crimea ("Territorial integrity of Ukraine"), so the pattern
// asks for its symbol too; a title would match A/RES/ES-11/4 of October
// 2022 as well ("Territorial integrity of Ukraine: defending the
// principles of the Charter"), on the regions annexed in 2022, which
// belongs to the second family.
const defaultMatch = `(?i)crimea|^A/RES/68/262$`

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
	csvPath      string    // "" for none
	csv          *cli.File // opened by run before the work
	out          string    // directory for the picture; "" for none
}

const usage = `Usage: crimea [flags]

Crimea finds the roll calls of the UN General Assembly on Crimea, shows how
each Balkan state voted on them, who stands apart from the group in its
votes with Russia, when its votes changed and how unlikely its record is by
chance (an exact test); shows the Ukraine resolutions of the emergency
special session ES-11 in the same form; then follows that state's
agreement with Russia and with the EU session by session, on the
resolutions adopted as a whole, with bootstrap intervals, and finds when it
changed since 1992. The flags run the same analysis on another record,
group, reference state or set of roll calls. -csv writes each member's
record against the reference with its test, for both families of roll
calls (family, then alignment.PermutationTest's columns: group,
iso3_a..name_a for the reference, iso3_b..name_b for the member, with, n,
expected, p_upper, p_lower, p_value, outlier, index, score, expected_score,
outlier_index); -out draws the agreement since 1992 with its bands and
change points (crimea-longview.png and .svg).

	go run ./examples/crimea -group "Western Balkans" -against Russia -csv /tmp/crimea.csv -out /tmp/crimea`

// parse reads the flags. With -h it returns a nil config and a nil error
// after printing the usage to stdout.
func parse(args []string, stdout io.Writer) (*config, error) {
	fs := flag.NewFlagSet("crimea", flag.ContinueOnError)
	data := fs.String("data", "", "a file or unvotes folder that votes reads (default: the embedded record)")
	match := fs.String("match", defaultMatch, "regular expression selecting the roll calls")
	groupName := fs.String("group", "Balkans", "group of states")
	against := fs.String("against", "Russia", "reference state")
	csvPath := fs.String("csv", "", "write each member's record against the reference, with its p-value, for both families of roll calls, to this CSV file (default: none)")
	out := fs.String("out", "", "draw the long view with its change points (PNG and SVG) into this directory, made if missing (default: no picture)")
	if help, err := cli.Parse(fs, args, stdout, usage); help || err != nil {
		return nil, err
	}
	cfg := &config{data: *data, match: *match, csvPath: *csvPath, out: *out}
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
	cfg, err := parse(args, stdout)
	if cfg == nil || err != nil {
		return err
	}
	// Outputs first: a bad path fails now, not after the work. A flag left
	// empty asks for nothing: a nil *cli.File, no directory.
	if cfg.csv, err = cli.Create(cfg.csvPath); err != nil {
		return fmt.Errorf("-csv: %w", err)
	}
	defer cfg.csv.Discard()
	if err := cli.Dir(cfg.out); err != nil {
		return fmt.Errorf("-out: %w", err)
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
		p.say("The embedded record joins the unvotes data (Voeten's roll calls, 1946-2019), which records no absences, so that a state without a vote there is one without a record, and the United Nations' resolution data from 2020, which hold only resolutions adopted as a whole and count a member on none of the lists of a recorded vote as absent.")
	} else {
		p.say(fmt.Sprintf("Read from %s.", cfg.data))
	}
	p.say(cli.Describe(ds) + ".")

	p.step("Find the roll calls")
	sel := ds.Filter(votes.TextMatches(cfg.re))
	if cfg.match == defaultMatch {
		p.say("Resolutions whose symbol, title, subjects or description mention Crimea, and A/RES/68/262 of March 2014, \"Territorial integrity of Ukraine\", which does not name it but is matched by its symbol. The resolutions of the emergency special session on Ukraine (" + secondFamily + ") are a family of their own, below.")
	} else {
		p.say(fmt.Sprintf("Roll calls whose symbol, title, subjects or description match %q.", cfg.match))
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
	p.printf("%s", rep)
	p.printf("%s\n\n", sentence(rep, label, topic))
	apart := rep.Outliers()
	if len(apart) > 0 {
		if s := shiftSentence(rep, apart[0], topic); s != "" {
			p.say("When it changed: " + s)
		}
	}
	// The median/MAD rule says who stands apart; the exact test says how
	// unlikely that record would be by chance.
	pt := rep.Permutation()
	p.say(fmt.Sprintf("How sure: if, on each roll call, the votes the %s present cast were shared out among them at random, how likely would a member be to vote with %s as often (or as seldom) as it did? The exact test of alignment.GroupRecord.Permutation, for the member least likely under it: %s",
		group.Name, rep.Reference.Name, pt.Sentence(topic)))

	labels := []string{topic}
	tests := []interface{ WriteCSV(io.Writer) error }{pt}
	if pt2 := secondFamilyStep(p, ds, cfg, apart); pt2 != nil {
		labels, tests = append(labels, secondTopic), append(tests, pt2)
	}
	if cfg.csv != nil {
		if err := cfg.csv.Commit(func(w io.Writer) error { return alignment.WriteLabelledCSV(w, "family", labels, tests...) }); err != nil {
			return err
		}
		p.say(fmt.Sprintf("Wrote each member's record with its p-value, for %s, to %s.", join(the(labels)), cfg.csvPath))
	}

	p.step("The wider pattern")
	if len(apart) == 0 {
		p.say(fmt.Sprintf("No %s state was singled out on the %s, so there is no one to follow session by session.", label, topic))
		noPicture(p, cfg)
		return p.err
	}
	return widerPattern(p, ds, apart[0], ref, cfg)
}

// The second family of roll calls: the resolutions of the emergency
// special session on Ukraine, resumed in 2022.
const (
	secondFamily = "ES-11"
	secondTopic  = "ES-11 resolutions"
)

// secondFamilyStep prints the roll calls of the second family in the form
// of the first, with the votes of the first family's outlier, and returns
// their exact test; nil if the record holds none of them or the group cast
// no vote on them.
func secondFamilyStep(p *printer, ds *votes.Dataset, cfg *config, apart []alignment.OutlierRecord) *alignment.PermutationTest {
	p.step("The " + secondTopic)
	sel := ds.Filter(votes.Special(secondFamily))
	if sel.NumRollCalls() == 0 {
		p.say(fmt.Sprintf("The record holds no roll call of the emergency special session %s (Ukraine, from 2022).", secondFamily))
		return nil
	}
	rep, err := alignment.Outliers(sel, cfg.group, cfg.ref, nil)
	if err != nil {
		p.say(fmt.Sprintf("No record of the %s to show on the %s: %v.", cfg.group.Name, secondTopic, err))
		return nil
	}
	p.say(fmt.Sprintf("The resolutions of the emergency special session on Ukraine, in the same form: %d roll calls, with the tally of the whole Assembly and %s's vote, how the %s voted, and each member's record against %s.",
		len(rep.RollCalls), rep.ReferenceName(), cfg.group.Name, rep.ReferenceName()))
	p.write(writeRollCalls(rep))
	p.printf("\n")
	p.write(writeVotes(rep))
	p.printf("\n")
	p.printf("%s", rep)
	p.printf("%s\n\n", sentence(rep, cfg.label, secondTopic))
	if len(apart) > 0 {
		if s := familySentence(rep, apart[0].Country, cfg.label, secondTopic); s != "" {
			p.say(s)
		}
	}
	// The exact test of the first family's outlier, if there is one, not
	// of the member least likely under the null.
	pt := rep.Permutation()
	how := pt.Sentence(secondTopic)
	if len(apart) > 0 {
		if s, ok := pt.MemberSentence(apart[0].Country, secondTopic); ok {
			how = s
		}
	}
	p.say("How sure, by the same exact test: " + how)
	return pt
}

// printer writes the notebook's steps and keeps the first write error.
type printer struct {
	w   io.Writer
	n   int
	gap bool // the last thing written ends in a blank line
	err error
}

func (p *printer) step(heading string) {
	p.n++
	if !p.gap {
		p.printf("\n")
	}
	p.printf("## %d. %s\n\n", p.n, heading)
}

func (p *printer) say(s string) {
	p.printf("%s\n\n", s)
	p.gap = true
}

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
	p.gap = false
}

func (p *printer) write(f func(io.Writer) (int64, error)) {
	if p.err == nil {
		_, p.err = f(p.w)
	}
	p.gap = false
}
