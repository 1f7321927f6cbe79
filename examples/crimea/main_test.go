package main

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
)

// record loads the embedded record once for the tests that do not go
// through run.
var record = sync.OnceValues(undata.Load)

func analyzeArgs(t *testing.T, args ...string) (string, error) {
	t.Helper()
	ds, err := record()
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := parse(args)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	err = analyze(ds, cfg, &out)
	return out.String(), err
}

// The finding of the issue, from the embedded record: Serbia voted no with
// Russia on the six Crimea resolutions of 2016-2019 and was absent on
// A/RES/68/262; Bosnia and Herzegovina abstained; the other Balkan states
// voted yes. Tallies are the UN's (yes-no-abstain).
func TestRunCrimea(t *testing.T) {
	var out bytes.Buffer
	if err := run(nil, &out); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	for _, want := range []string{
		"Serbia is the only Balkan state that voted with Russian Federation on 6 of 6 Crimea resolutions it voted on.",
		"A/RES/68/262   2014-03-27 100-11-58      no       Territorial integrity of Ukraine",
		"A/RES/71/205   2016-12-19 70-25-77",
		"A/RES/72/190   2017-12-19 70-26-76",
		"A/RES/73/194   2018-12-17 66-19-72",
		"A/RES/73/263   2018-12-22 65-27-70",
		"A/RES/74/17    2019-12-09 63-19-66",
		"A/RES/74/168   2019-12-18 65-23-83",
		"Serbia                   absent   no       no       no       no       no       no\n",
		"Bosnia and Herzegovina   absent   abstain  abstain  absent   abstain  abstain  abstain\n",
		"Albania                  yes      yes      yes      yes      yes      yes      yes\n",
		"Serbia                       6       0         0      1   6       1.000  stands apart\n",
		"Bosnia and Herzegovina       0       0         5      2   5       0.000\n",
		// Session 74: Serbia-Russia Agree 0.7439 on 82 roll calls (the
		// issue's independent figure).
		"74      2019               0.744   82",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if n := strings.Count(s, "stands apart\n"); n != 1 {
		t.Errorf("%d members flagged, want 1:\n%s", n, s)
	}
	if again, err := analyzeArgs(t); err != nil || again != s {
		t.Errorf("output is not deterministic (err %v)", err)
	}
}

// On a record where nobody stands apart the example says so.
func TestRunNobodyApart(t *testing.T) {
	out, err := analyzeArgs(t, "-group", "EU")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"No EU state stands apart from the rest in its votes with Russian Federation on 7 Crimea resolutions",
		"No EU state was singled out on these roll calls",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// Another record through -data: Voeten's file, which records absences (vote
// code 8) and ends in 2015, so only A/RES/68/262 is there. Serbia and
// Bosnia and Herzegovina were absent (code 8 in the file); one roll call is
// too few to single anyone out.
func TestRunVoetenFile(t *testing.T) {
	var out bytes.Buffer
	err := run([]string{"-data", "../../testdata/voeten/UNVotesPublished.csv.gz", "-match", `^A/RES/68/262$`, "-group", "Western Balkans"}, &out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"A/RES/68/262   2014-03-27 100-11-58      no",
		"Serbia                       0       0         0      1   0          NA  not judged (n < 3)\n",
		"Too few Western Balkan states voted on 3 or more of the 1 roll calls",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestRunBadInput(t *testing.T) {
	tests := []struct {
		args []string
		want error  // nil: any error
		msg  string // in the message
	}{
		{[]string{"-against", "Atlantis"}, votes.ErrUnknownCountry, "Atlantis"},
		{[]string{"-group", "Hanseatic League"}, votes.ErrUnknownGroup, "Hanseatic"},
		{[]string{"-match", "("}, nil, "-match"},
		{[]string{"-data", "testdata/does-not-exist.csv"}, nil, "does-not-exist"},
		{[]string{"extra"}, nil, "unexpected"},
	}
	if _, err := analyzeArgs(t, "-match", "no such resolution xyz"); err == nil || !strings.Contains(err.Error(), "no roll call matches") {
		t.Errorf("-match without a match: %v", err)
	}
	for _, tc := range tests {
		err := run(tc.args, &bytes.Buffer{})
		if err == nil || (tc.want != nil && !errors.Is(err, tc.want)) || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("run(%q) = %v, want an error with %q", tc.args, err, tc.msg)
		}
	}
}
