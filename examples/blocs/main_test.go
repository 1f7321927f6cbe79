package main

import (
	"bytes"
	"fmt"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/unga-go/unga/internal/testenv"
	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
)

// record loads the embedded record once for the tests that do not go
// through run.
var record = sync.OnceValues(undata.Load)

// in74 puts "-session 74" before args (a later -session wins): the tests
// hold the figures of session 74, the session of the scipy, R and BSV
// references; TestDefaultSession runs the default, the last session.
func in74(args []string) []string {
	return append([]string{"-session", "74"}, args...)
}

// With no -session, the notebook clusters the last session of the record
// (80; 2025-26).
func TestDefaultSession(t *testing.T) {
	ds, err := record()
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := parse([]string{"-resamples", "0"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := analyze(ds, cfg, &out); err != nil {
		t.Fatal(err)
	}
	if last := ds.Sessions()[len(ds.Sessions())-1]; last != 80 || !strings.Contains(out.String(), "Session 80") {
		t.Errorf("last session %d; output lacks \"Session 80\":\n%s", last, out.String())
	}
}

func analyzeArgs(t *testing.T, args ...string) (string, error) {
	t.Helper()
	ds, err := record()
	if err != nil {
		t.Fatal(err)
	}
	// No bootstrap unless asked for (a later -resamples wins): it would
	// double the time of a run.
	cfg, err := parse(append(in74([]string{"-resamples", "0"}), args...), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	err = analyze(ds, cfg, &out)
	return out.String(), err
}

// printedBloc is one "bloc" line of the output.
type printedBloc struct {
	number, size int
	name         string
	members      []string // ISO3 codes, as printed (by COW code)
}

// parseBlocs reads the bloc lines as a script would, resolving the member
// names to ISO3 codes.
func parseBlocs(t *testing.T, out string) []printedBloc {
	t.Helper()
	var bs []printedBloc
	for line := range strings.Lines(out) {
		if !strings.HasPrefix(line, "bloc\t") {
			continue
		}
		f := strings.Split(strings.TrimSuffix(line, "\n"), "\t")
		if len(f) != 5 {
			t.Fatalf("bloc line has %d fields, want 5: %q", len(f), line)
		}
		var b printedBloc
		var err1, err2 error
		b.number, err1 = strconv.Atoi(f[1])
		b.size, err2 = strconv.Atoi(f[2])
		if err1 != nil || err2 != nil {
			t.Fatalf("bad bloc line %q", line)
		}
		b.name = f[3]
		for name := range strings.SplitSeq(f[4], "; ") {
			c, err := votes.LookupCountry(name)
			if err != nil {
				t.Fatalf("bloc %d: member %q: %v", b.number, name, err)
			}
			b.members = append(b.members, c.ISO3)
		}
		if len(b.members) != b.size {
			t.Errorf("bloc %d lists %d members, says %d", b.number, len(b.members), b.size)
		}
		bs = append(bs, b)
	}
	return bs
}

// blocOf returns the number of the bloc holding iso3, or 0.
func blocOf(bs []printedBloc, iso3 string) int {
	for _, b := range bs {
		if slices.Contains(b.members, iso3) {
			return b.number
		}
	}
	return 0
}

// canonical renders a partition as its sorted, sorted member lists.
func canonical(groups [][]string) []string {
	out := make([]string, len(groups))
	for i, g := range groups {
		g = slices.Clone(g)
		slices.Sort(g)
		out[i] = strings.Join(g, " ")
	}
	slices.Sort(out)
	return out
}

// scipyPartition reads scipy's fcluster(Z, k, "maxclust") of the session-74
// fixture (testdata/cluster, made by gen.py with scipy 1.10.1) as groups of
// ISO3 codes.
func scipyPartition(t *testing.T, method string, k int) [][]string {
	t.Helper()
	read := func(name string) [][]string {
		return readCSV(t, filepath.Join("..", "..", "testdata", "cluster", name))
	}
	dist := read("session74_distance.csv")
	labels := read("fcluster_" + method + ".csv")
	col := slices.Index(labels[0], "maxclust"+strconv.Itoa(k))
	if col < 0 || len(labels) != len(dist) {
		t.Fatalf("fcluster_%s.csv: no column maxclust%d or %d rows for %d states", method, k, len(labels)-1, len(dist)-1)
	}
	groups := map[string][]string{}
	for r := 1; r < len(dist); r++ {
		groups[labels[r][col]] = append(groups[labels[r][col]], dist[r][1])
	}
	var out [][]string
	for _, g := range groups {
		out = append(out, g)
	}
	return out
}

// The default run on session 74 prints five blocs covering the 191 states
// with at least 10 joint votes with every other, and places the Balkan
// states and Russia; it writes nothing but the -csv file asked for (no
// picture in the current directory), one row per state clustered.
func TestRunSession74(t *testing.T) {
	cwd := t.TempDir()
	t.Chdir(cwd)
	var out bytes.Buffer
	if err := run(in74([]string{"-csv", "blocs.csv"}), &out); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	if entries, err := os.ReadDir(cwd); err != nil || len(entries) != 1 || entries[0].Name() != "blocs.csv" {
		t.Errorf("the current directory holds %v (%v), want blocs.csv alone", entries, err)
	}
	if strings.Contains(s, "Pictures") {
		t.Errorf("pictures drawn without -out:\n%s", s)
	}
	checkCSV(t, "blocs.csv", s)
	for _, want := range []string{
		"91 roll calls, 2019-11-07 to 2020-01-14.",
		// Dominica voted on 9 roll calls of session 74, Equatorial Guinea on
		// 17 (tally of the unvotes record, testdata/cluster "votes" column);
		// 193 states voted.
		"191 states clustered; 7 cast no vote in the session; 2 left out for too few joint votes: Dominica, Equatorial Guinea.",
		"Hierarchical clustering of 1 - agreement, ward linkage, cut into 5 blocs.",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	bs := parseBlocs(t, s)
	if len(bs) != 5 {
		t.Fatalf("%d blocs, want 5:\n%s", len(bs), s)
	}
	var all []string
	for k, b := range bs {
		if b.number != k+1 {
			t.Errorf("bloc %d printed as number %d", k+1, b.number)
		}
		all = append(all, b.members...)
	}
	slices.Sort(all)
	if len(all) != 191 || len(slices.Compact(all)) != 191 {
		t.Errorf("blocs list %d states (%d distinct), want 191 each once", len(all), len(slices.Compact(slices.Clone(all))))
	}
	// The Western bloc: the US and Israel with Canada and Australia; the
	// EU states apart; Serbia with Russia, China and Cuba; the other
	// Balkan states with the EU (as scipy's Ward clustering of the 193
	// states puts them, testdata/cluster/fcluster_ward.csv).
	same := [][]string{
		{"USA", "ISR", "CAN", "AUS"},
		{"GBR", "FRA", "DEU", "ALB", "BIH", "BGR", "HRV", "GRC", "MNE", "MKD", "ROU", "SVN"},
		{"SRB", "RUS", "CHN", "CUB", "VEN", "IRN", "SYR"},
	}
	for _, g := range same {
		for _, iso := range g[1:] {
			if blocOf(bs, iso) != blocOf(bs, g[0]) {
				t.Errorf("%s in bloc %d, %s in bloc %d; want them together", iso, blocOf(bs, iso), g[0], blocOf(bs, g[0]))
			}
		}
	}
	if blocOf(bs, "USA") == blocOf(bs, "GBR") || blocOf(bs, "GBR") == blocOf(bs, "RUS") || blocOf(bs, "RUS") == blocOf(bs, "IND") {
		t.Errorf("the US, UK, Russia and India blocs are not all apart:\n%s", s)
	}
	// Blocs are named by their best-known members (cluster.Partition.Name),
	// printed by the country table's names.
	name := func(iso3 string) string {
		c, err := votes.LookupCountry(iso3)
		if err != nil {
			t.Fatal(err)
		}
		return c.Name
	}
	east := name("CHN") + ", " + name("RUS") + ", " + name("IRN") + ", ..."
	west := name("GBR") + ", " + name("FRA") + ", " + name("DEU") + ", ..."
	for _, want := range []string{
		"state\tSRB\t" + name("SRB") + "\t3\t" + east + "\t",
		"state\tRUS\t" + name("RUS") + "\t3\t" + east + "\t",
		"state\tHRV\t" + name("HRV") + "\t4\t" + west + "\t",
		"state\tBIH\t" + name("BIH") + "\t4\t" + west + "\t",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if n := strings.Count(s, "\nstate\t"); n != 11 {
		t.Errorf("%d state lines, want 11 (10 Balkan states and Russia)", n)
	}
	// The bootstrap runs by default (its figures: stability_test.go).
	serbiaWithRussia(t, s)
	if n := strings.Count(s, "\nfirm\t"); n != 5 || strings.Count(s, "\nstay\t") != 11 || !strings.Contains(s, "\nHow sure: over 200 resamples") {
		t.Errorf("%d firm lines, want 5, or no stay lines or sentence on how sure:\n%s", n, s)
	}
}

// checkCSV checks the -csv table against the printed bloc and state lines.
func checkCSV(t *testing.T, name, out string) {
	t.Helper()
	recs := readCSV(t, name)
	if got := strings.Join(recs[0], ","); got != "iso3,cow,name,session,bloc,bloc_name,silhouette" {
		t.Errorf("header %q", got)
	}
	if len(recs) != 192 {
		t.Fatalf("%d rows, want 191 (the states clustered)", len(recs)-1)
	}
	bs := parseBlocs(t, out)
	for _, r := range recs[1:] {
		if r[3] != "74" {
			t.Errorf("row %v: session %s, want 74", r, r[3])
		}
		// The CSV counts blocs from 0, the printed lines from 1.
		if b := blocOf(bs, r[0]); strconv.Itoa(b-1) != r[4] || bs[b-1].name != r[5] {
			t.Errorf("row %v: bloc %s %q, printed in bloc %d %q", r, r[4], r[5], b, bs[b-1].name)
		}
		if r[0] == "SRB" {
			w, err := strconv.ParseFloat(r[6], 64)
			if err != nil {
				t.Fatal(err)
			}
			if line := fmt.Sprintf("state\tSRB\t%s\t%d\t%s\t%.3f\n", r[2], blocOf(bs, "SRB"), r[5], w); !strings.Contains(out, line) {
				t.Errorf("CSV row %v does not match the printed state line %q", r, line)
			}
		}
	}
}

// The pictures, PNG and SVG, go into the -out directory, made if missing.
// In short mode and under -race only the 83 states with 90 joint votes with every other
// are drawn, from 50 resamples: the full heatmap takes seconds to render.
func TestPictures(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "pics")
	args, n := in74([]string{"-out", dir}), 191
	if testenv.Quick(t) {
		args, n = append(args, "-min", "90", "-resamples", "50"), 83
	}
	var out bytes.Buffer
	if err := run(args, &out); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	if want := fmt.Sprintf("%d states clustered", n); !strings.Contains(s, want) {
		t.Fatalf("output lacks %q", want)
	}
	for _, name := range []string{"dendrogram", "heatmap", "mds", "together"} {
		base := filepath.Join(dir, "blocs74-"+name)
		f, err := os.Open(base + ".png")
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil {
			t.Errorf("%s.png: %v", base, err)
		} else if cfg.Width < 1000 || cfg.Height < 1000 {
			t.Errorf("%s.png is %dx%d, too small for %d readable labels", base, cfg.Width, cfg.Height, n)
		}
		svg, err := os.ReadFile(base + ".svg")
		if err != nil {
			t.Fatal(err)
		}
		// Every picture names (or, the map, labels) France and the US.
		label := "France"
		if name == "mds" {
			label = "FRA"
		}
		if !bytes.Contains(svg, []byte("<svg")) || !bytes.Contains(svg, []byte(">"+label+"<")) || !bytes.Contains(svg, []byte("Session 74")) {
			t.Errorf("%s.svg is not an SVG with a title naming the states", base)
		}
		if !strings.Contains(s, "wrote "+base+".png\n") || !strings.Contains(s, "wrote "+base+".svg\n") {
			t.Errorf("output does not list %s.png and .svg", base)
		}
	}
}

// Bad output paths fail before the work starts: nothing is printed.
func TestBadOutputs(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, []byte("keep\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-out", filepath.Join(file, "pics")}, "-out: "},
		{[]string{"-out", file}, "-out: "},
		{[]string{"-csv", filepath.Join(dir, "missing", "blocs.csv")}, "-csv: cannot write"},
		{[]string{"-csv", dir}, "-csv: " + dir + " is a directory"},
		{[]string{"-stability-csv", filepath.Join(dir, "missing", "s.csv")}, "-stability-csv: cannot write"},
	} {
		var out bytes.Buffer
		err := run(tc.args, &out)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("run(%q) = %v, want an error with %q", tc.args, err, tc.want)
		}
		if out.Len() > 0 {
			t.Errorf("run(%q) printed %d bytes before failing", tc.args, out.Len())
		}
	}
	// A run that fails after the outputs were checked leaves the -csv file
	// as it was.
	if err := run([]string{"-session", "99", "-csv", file}, io.Discard); err == nil {
		t.Error("session 99: no error")
	}
	if b, _ := os.ReadFile(file); string(b) != "keep\n" {
		t.Errorf("a failed run changed the -csv file to %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files left in the directory, want 1", len(entries))
	}
}

// -h prints the usage on stdout and succeeds, as do -help and --help.
func TestHelp(t *testing.T) {
	for _, arg := range []string{"-h", "-help", "--help"} {
		var out bytes.Buffer
		if err := run([]string{arg}, &out); err != nil {
			t.Errorf("%s: %v", arg, err)
		}
		for _, want := range []string{"Usage: blocs [flags]", "-csv string", "-out string", "-session int", "(default: the last in the record)"} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("%s: usage lacks %q:\n%s", arg, want, out.String())
			}
		}
	}
}

// With every state that voted (-min 1), the printed blocs of each
// monotone linkage are scipy's fcluster(linkage(method), k, "maxclust") on
// the fixture distances, member for member.
func TestBlocsMatchScipy(t *testing.T) {
	for _, method := range []string{"single", "complete", "average", "weighted", "ward"} {
		for _, k := range []int{2, 3, 5, 8} {
			out, err := analyzeArgs(t, "-min", "1", "-method", method, "-k", strconv.Itoa(k))
			if err != nil {
				t.Fatalf("%s k=%d: %v", method, k, err)
			}
			var got [][]string
			for _, b := range parseBlocs(t, out) {
				got = append(got, b.members)
			}
			if diff := cmp.Diff(canonical(scipyPartition(t, method, k)), canonical(got)); diff != "" {
				t.Errorf("%s k=%d: blocs differ from scipy (-want +got):\n%s", method, k, diff)
			}
		}
	}
}

func TestBadFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-method", "kmeans"}, `unknown linkage "kmeans"`},
		{[]string{"-k", "0"}, "-k 0: want at least 1 bloc"},
		{[]string{"-min", "0"}, "-min 0: want at least 1 roll call"},
		{[]string{"-session", "x"}, "invalid value"},
		{[]string{"extra"}, "unexpected argument"},
		{[]string{"extra", "-out", ""}, "unexpected argument \"extra\""},
	} {
		_, err := parse(tc.args, io.Discard)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("parse(%q) = %v, want an error containing %q", tc.args, err, tc.want)
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-session", "99"}, "no roll calls in session 99 (the record has sessions 1-80)"},
		{[]string{"-k", "500"}, "-k 500: only 191 states of session 74 to cluster (with -min 10): choose -k 191 or fewer"},
		{[]string{"-k", "192"}, "-k 192: only 191 states of session 74"},
	} {
		_, err := analyzeArgs(t, tc.args...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("analyze(%q) = %v, want an error containing %q", tc.args, err, tc.want)
		}
	}
}

// k-medoids and Louvain print blocs in the same form; both keep the US
// with Israel and Russia with China, apart from the EU states, and list
// every state once. At resolution 1 Louvain splits the Assembly in two, as
// Macon, Mucha and Porter (2012) found of the Assembly's later sessions.
func TestOtherMethods(t *testing.T) {
	for _, tc := range []struct {
		method string
		want   []string
	}{
		{"kmedoids", []string{"k-medoids (PAM) with k = 5", "Medoids, bloc by bloc: "}},
		{"louvain", []string{"1.000        2  [135 56]", "Taking γ = 1.035: 5 blocs"}},
	} {
		out, err := analyzeArgs(t, "-method", tc.method)
		if err != nil {
			t.Fatalf("%s: %v", tc.method, err)
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s: output lacks %q:\n%s", tc.method, w, out)
			}
		}
		bs := parseBlocs(t, out)
		if len(bs) != 5 {
			t.Errorf("%s: %d blocs, want 5", tc.method, len(bs))
		}
		n := 0
		for _, b := range bs {
			n += b.size
		}
		if n != 191 {
			t.Errorf("%s: %d states in the blocs, want 191", tc.method, n)
		}
		if blocOf(bs, "USA") != blocOf(bs, "ISR") || blocOf(bs, "RUS") != blocOf(bs, "ARM") && tc.method == "louvain" ||
			blocOf(bs, "RUS") != blocOf(bs, "CHN") && tc.method == "kmedoids" || blocOf(bs, "RUS") == blocOf(bs, "FRA") {
			t.Errorf("%s: unexpected blocs:\n%s", tc.method, out)
		}
	}
}

// TestDropEveryState: inputs that once panicked
// in cluster.DropMissing, end with an error that says what to do: session
// 74 has 91 contested roll calls, so -min 92 leaves no state; session 78 of
// the UNDL fixture has too few roll calls for the default minimum.
func TestDropEveryState(t *testing.T) {
	for _, args := range [][]string{
		{"-session", "74", "-min", "92"},
		{"-data", filepath.Join("..", "..", "testdata", "undl", "undl_2026.csv"), "-session", "78"},
	} {
		err := run(args, io.Discard)
		if err == nil || !strings.Contains(err.Error(), "lower the minimum") {
			t.Errorf("%q: error %v, want one that says to lower the minimum", args, err)
		}
	}
}

// TestOneBloc: with one bloc the silhouette width is undefined (there is
// no other bloc to be closer to). The CSV writes NaN; the notebook must say
// so too, not print 0.000, which reads as "on the border".
func TestOneBloc(t *testing.T) {
	name := filepath.Join(t.TempDir(), "one.csv")
	var buf bytes.Buffer
	if err := run(in74([]string{"-k", "1", "-resamples", "0", "-csv", name}), &buf); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.Contains(out, "\nMean silhouette width undefined") || strings.Contains(out, "0.000") {
		t.Errorf("the mean silhouette width is not said to be undefined, or a width prints as 0.000:\n%s", out)
	}
	if n := strings.Count(out, "\t1\tUnited States, China, Russian Federation, ...\tNaN\n"); n != 11 {
		t.Errorf("%d state lines with silhouette NaN, want 11 (ten Balkan states and Russia):\n%s", n, out)
	}
	checkCSV(t, name, out)
	for _, r := range readCSV(t, name)[1:] {
		if r[6] != "NaN" {
			t.Fatalf("row %v: silhouette %s, want NaN", r, r[6])
		}
	}
}

// TestEveryStateAlone: -k as large as the number of states clustered (191
// in session 74) puts every state in a bloc of its own, with every method;
// the dendrogram's cut then lies below the first merge. It used to index
// the merges at -1 and panic.
func TestEveryStateAlone(t *testing.T) {
	for _, method := range []string{"ward", "single", "kmedoids"} {
		out, err := analyzeArgs(t, "-method", method, "-k", "191")
		if err != nil {
			t.Fatalf("%s: %v", method, err)
		}
		bs := parseBlocs(t, out)
		if len(bs) != 191 {
			t.Errorf("%s: %d blocs, want 191", method, len(bs))
		}
		for _, b := range bs {
			if b.size != 1 {
				t.Errorf("%s: bloc %d has %d states", method, b.number, b.size)
			}
		}
	}
	if testing.Short() {
		return // drawing 191 blocs takes seconds
	}
	ds, err := record()
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := parse(in74([]string{"-k", "191", "-resamples", "0"}), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	cfg.out = t.TempDir()
	if err := analyze(ds, cfg, io.Discard); err != nil {
		t.Fatalf("with pictures: %v", err)
	}
}

// TestMedoidsInTheirBlocs: the medoids are printed bloc by bloc, and each
// is a member of its bloc. In session 31 three states voted exactly alike
// with Cambodia; k-medoids once made Cambodia a medoid and left it in
// another medoid's cluster, so the notebook listed it in the wrong bloc.
func TestMedoidsInTheirBlocs(t *testing.T) {
	for _, tc := range []struct{ session, k string }{{"31", "3"}, {"74", "5"}, {"74", "10"}} {
		out, err := analyzeArgs(t, "-method", "kmedoids", "-session", tc.session, "-k", tc.k)
		if err != nil {
			t.Fatal(err)
		}
		var medoids []string
		var members [][]string
		for line := range strings.Lines(out) {
			line = strings.TrimSuffix(line, "\n")
			if m, ok := strings.CutPrefix(line, "Medoids, bloc by bloc: "); ok {
				m, _, _ = strings.Cut(m, "; total distance")
				medoids = strings.Split(m, ", ")
			}
			if strings.HasPrefix(line, "bloc\t") {
				f := strings.Split(line, "\t")
				members = append(members, strings.Split(f[len(f)-1], "; "))
			}
		}
		k, _ := strconv.Atoi(tc.k)
		if len(medoids) != k || len(members) != k {
			t.Fatalf("session %s, k=%s: %d medoids and %d blocs printed:\n%s", tc.session, tc.k, len(medoids), len(members), out)
		}
		for b, m := range medoids {
			if !slices.Contains(members[b], m) {
				t.Errorf("session %s, k=%s: medoid %s of bloc %d is not among its members", tc.session, tc.k, m, b+1)
			}
		}
	}
}
