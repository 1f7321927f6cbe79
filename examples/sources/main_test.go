package main

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/unga-go/unga/internal/testenv"
)

const scrape = "../../testdata/undl/scrape_2010.csv.gz"

// mainArgs, set in the environment, makes the test binary run main with
// these arguments instead of the tests, so that TestExitStatus sees the
// exit status a user sees.
const mainArgs = "UNGA_SOURCES_MAIN_ARGS"

func TestMain(m *testing.M) {
	if args, ok := os.LookupEnv(mainArgs); ok {
		os.Args = append([]string{"sources"}, strings.Fields(args)...)
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// With no flag the record is compared with Voeten's 2016 file, from which
// it was built: every one of the file's 738,764 cast votes (588,800 yes,
// 95,099 abstain, 54,865 no: the data notes' counts of vote codes 1-3)
// agrees, on all 5,429 of its roll calls (rcid 4592, undated in the file
// and in session 59 there, 60 in the record, matched by its votes).
func TestRunVoeten(t *testing.T) {
	if testenv.Quick(t) {
		t.Skip("reads Voeten's file (about 1 s)")
	}
	var out bytes.Buffer
	if err := run(nil, &out); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	for _, want := range []string{
		"All 738,764 votes cast on the matched roll calls agree.",
		"5429 roll calls matched: 5277 by resolution, 151 by date and votes, 1 by votes alone.",
		"Unmatched in UNVotesPublished.csv.gz: 0.",
		"No swap and no shift.",
		"2019 holds only November-December; the 2019 votes of session 73 are missing.",
		"The two sources agree on every vote they share",
		"How sure: these findings are counts, not estimates: every one of the 738,764 votes cast on the 5429 matched roll calls was compared, none sampled",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
}

// On the 2010 excerpt of the UN Digital Library the record has Greece and
// Grenada swapped in session 65: the swap line lists the 28 rcids (see
// undata/errata.go for how they were checked, roll call by roll call).
func TestRunUNDL(t *testing.T) {
	csvPath := filepath.Join(t.TempDir(), "diff.csv")
	var out bytes.Buffer
	if err := run([]string{"-data", scrape, "-csv", csvPath}, &out); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	swap := "swap\t65\tGRC\tGRD\t5052,5053,5054,5056,5057,5061,5068,5070,5071,5073,5076,5078,5082,5088,5092,5095,5096,5098,5099,5100,5102,5103,5104,5105,5106,5107,5108,5109\n"
	if !strings.Contains(s, swap) {
		t.Errorf("output lacks the swap line %q:\n%s", swap, s)
	}
	if n := strings.Count(s, "\nswap\t"); n != 1 {
		t.Errorf("%d swap lines, want 1", n)
	}
	for _, want := range []string{
		// 67 roll calls in the excerpt; the second roll call it files under
		// A/RES/65/109 (172-0-5) has no counterpart in the record.
		"66 roll calls matched: 64 by resolution, 2 by date and votes",
		"scrape_2010.csv.gz: 2010038 2010-12-10 A/RES/65/109 172-0-5",
		"Greece and Grenada, session 65: swapped on 28 of the 29 roll calls",
		"undata.Load corrects exactly these roll calls",
		// Togo's yes on A/RES/64/282 is missing from the record: the UN's
		// total is 131-2-1.
		"TGO Togo, session 64: 0 in the record only, 1 in scrape_2010.csv.gz only",
		"A/RES/64/282 2010-06-24: published 131-2-1, the record's votes count 130-2-1",
		"The record swaps Greece and Grenada in session 65",
		// The 28 rcids of the swap line, of the 29 roll calls on which the
		// record gives Greece and Grenada different votes (above).
		"The swap of Greece and Grenada in session 65 rests on 28 roll calls on which scrape_2010.csv.gz gives each the other's vote, of the 29 on which the record gives them different votes.",
		// Both records' coverage.
		"The record: 74 sessions, 1946-01-01 to 2020-01-14.",
		"scrape_2010.csv.gz: 2 sessions, 2010-02-26 to 2010-12-21.",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
	b, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	csv := string(b)
	for _, want := range []string{
		"iso3,cow,name,session,n,differ,only_a,only_b\n",
		"GRD,55,Grenada,65,62,25,3,0\n",
		",65,62,25,0,3\n",           // Greece, whatever its printed name
		"TGO,461,Togo,64,3,0,0,1\n", // cast on 3 of the 4 matched roll calls of session 64
	} {
		if !strings.Contains(csv, want) {
			t.Errorf("CSV lacks %q:\n%s", want, csv)
		}
	}
}

func TestRunFlags(t *testing.T) {
	var out bytes.Buffer
	if err := run([]string{"-h"}, &out); !errors.Is(err, flag.ErrHelp) || !strings.HasPrefix(out.String(), "usage: sources") {
		t.Errorf("-h: %v, %q", err, out.String())
	}
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"extra"}, "unexpected"},
		{[]string{"-data", "testdata/does-not-exist.csv"}, "does-not-exist"},
		{[]string{"-nosuchflag"}, "nosuchflag"},
		// A bad -csv path fails before the comparison: nothing printed.
		{[]string{"-csv", filepath.Join(t.TempDir(), "missing", "diff.csv")}, "-csv: cannot write"},
	} {
		var out bytes.Buffer
		err := run(tc.args, &out)
		if err == nil || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("run(%q) = %v, want an error with %q", tc.args, err, tc.msg)
		}
		if out.Len() > 0 {
			t.Errorf("run(%q) printed %d bytes before failing", tc.args, out.Len())
		}
	}
}

// The examples' rule: -h prints the usage on stdout and exits
// 0, although run returns flag.ErrHelp (main takes it for success); a
// stray argument is refused with exit status 1, before any work.
func TestExitStatus(t *testing.T) {
	for _, tc := range []struct {
		args           string
		code           int
		stdout, stderr string
	}{
		{"-h", 0, "usage: sources", ""},
		{"-help", 0, "usage: sources", ""},
		{"extra", 1, "", "sources: unexpected arguments"},
		{"-csv x.csv extra", 1, "", "sources: unexpected arguments"},
	} {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), mainArgs+"="+tc.args)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		code := 0
		if err := cmd.Run(); err != nil {
			var ee *exec.ExitError
			if !errors.As(err, &ee) {
				t.Fatal(err)
			}
			code = ee.ExitCode()
		}
		if code != tc.code || !strings.HasPrefix(stdout.String(), tc.stdout) || (tc.stdout == "" && stdout.Len() > 0) ||
			!strings.HasPrefix(stderr.String(), tc.stderr) || (tc.stderr == "" && stderr.Len() > 0) {
			t.Errorf("sources %s: exit %d, stdout %q, stderr %q; want exit %d, stdout %q..., stderr %q...",
				tc.args, code, stdout.String(), stderr.String(), tc.code, tc.stdout, tc.stderr)
		}
	}
}
