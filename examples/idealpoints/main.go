// Command idealpoints follows Serbia against the other Balkan states,
// Russia and the United States on the main dimension of UN General
// Assembly voting, sessions 50-74, with dynamic ideal points.
//
//	go run ./examples/idealpoints -out /tmp/ip [-data FILE] [-issue hr] [-csv FILE]
package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"image/color"
	"io"
	"os"
	"path/filepath"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"

	"github.com/unga-go/unga/alignment/idealpoint"
	"github.com/unga-go/unga/undata"
	"github.com/unga-go/unga/votes"
)

var states = []string{"USA", "SRB", "ALB", "BIH", "BGR", "HRV", "GRC", "MNE", "MKD", "ROU", "SVN", "RUS"}

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "idealpoints:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("idealpoints", flag.ContinueOnError)
	data := fs.String("data", "", "vote file or unvotes folder (default: the embedded record)")
	issue := fs.String("issue", "", "estimate on one issue's roll calls only (me, nu, di, hr, co, ec)")
	csvOut := fs.String("csv", "", "write every estimate to this CSV file")
	out := fs.String("out", ".", "directory for the pictures")
	if err := fs.Parse(args); err != nil {
		return err
	}

	step := func(title, text string) { fmt.Fprintf(stdout, "\n## %s\n%s\n", title, text) }

	step("1. The record", "All roll calls of the General Assembly, sessions 50 (1995) to 74 (2019).")
	ds, err := undata.LoadFile(*data)
	if err != nil {
		return err
	}
	ds = ds.Filter(votes.InSessions(50, 74))
	if *issue != "" {
		is, err := votes.ParseIssue(*issue)
		if err != nil {
			return err
		}
		ds = ds.Filter(votes.HasIssue(is))
		fmt.Fprintf(stdout, "Only roll calls on issue %q.\n", *issue)
	}
	fmt.Fprintf(stdout, "%d roll calls, %d states.\n", ds.NumRollCalls(), ds.NumCountries())

	step("2. Dynamic ideal points", "One ordinal probit model for all sessions; each state's position follows a random walk, so positions are comparable over time. The United States is positive; the scale has mean 0 and standard deviation 1 over all state-sessions.")
	res, err := idealpoint.EstimateDynamic(ds, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d state-sessions, %d contested roll calls, %d sweeps, converged %v.\n", len(res.Positions), res.RollCalls, res.Iterations, res.Converged)

	step("3. Serbia and its neighbours", "Ideal point by session (every fifth session; SE in the CSV and the bands of the plot).")
	paths := map[string][]idealpoint.Position{}
	fmt.Fprintf(stdout, "%-4s", "")
	cols := []int{50, 55, 60, 65, 70, 74}
	for _, s := range cols {
		fmt.Fprintf(stdout, " %6d", s)
	}
	fmt.Fprintln(stdout)
	for _, key := range states {
		c, err := votes.LookupCountry(key)
		if err != nil {
			return err
		}
		p := res.Path(c)
		paths[key] = p
		fmt.Fprintf(stdout, "%-4s", key)
		for _, s := range cols {
			v := "     -"
			for _, q := range p {
				if q.Session == s {
					v = fmt.Sprintf("%6.2f", q.IdealPoint)
				}
			}
			fmt.Fprintf(stdout, " %s", v)
		}
		fmt.Fprintln(stdout)
	}

	step("4. Picture", "Lines with ±1.96 SE bands for Serbia, Croatia, Russia and the United States; the other Balkan states as thin lines.")
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	p := plot.New()
	p.Title.Text = "UN General Assembly ideal points, sessions 50-74"
	p.X.Label.Text = "session"
	p.Y.Label.Text = "ideal point (US positive)"
	p.Legend.Top = true
	p.Legend.YOffs = -vg.Points(60) // below the US line, above the Balkan lines
	p.Legend.Left = true
	bold := map[string]bool{"USA": true, "SRB": true, "RUS": true, "HRV": true}
	for i, key := range states {
		path := paths[key]
		if len(path) == 0 {
			continue
		}
		xy := make(plotter.XYs, len(path))
		var band plotter.XYs
		for k, q := range path {
			xy[k] = plotter.XY{X: float64(q.Session), Y: q.IdealPoint}
			band = append(band, plotter.XY{X: float64(q.Session), Y: q.IdealPoint + 1.96*q.SE})
		}
		for k := len(path) - 1; k >= 0; k-- {
			q := path[k]
			band = append(band, plotter.XY{X: float64(q.Session), Y: q.IdealPoint - 1.96*q.SE})
		}
		l, err := plotter.NewLine(xy)
		if err != nil {
			return err
		}
		col := plotutil.Color(i)
		l.Color = col
		if bold[key] {
			l.Width = vg.Points(2)
			poly, err := plotter.NewPolygon(band)
			if err != nil {
				return err
			}
			r, g, b, _ := col.RGBA()
			poly.Color = color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 50}
			poly.LineStyle.Width = 0
			p.Add(poly)
		} else {
			l.Width = vg.Points(0.7)
		}
		p.Add(l)
		p.Legend.Add(key, l)
	}
	for _, ext := range []string{"png", "svg"} {
		name := filepath.Join(*out, "idealpoints."+ext)
		if err := p.Save(9*vg.Inch, 5.5*vg.Inch, name); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %s\n", name)
	}

	if *csvOut != "" {
		step("5. CSV", "Every estimate: iso3, cow, session, ideal_point, se, n_votes.")
		f, err := os.Create(*csvOut)
		if err != nil {
			return err
		}
		w := csv.NewWriter(f)
		w.Write([]string{"iso3", "cow", "session", "ideal_point", "se", "n_votes"})
		for _, q := range res.Positions {
			w.Write([]string{q.Country.ISO3, strconv.Itoa(q.Country.COW), strconv.Itoa(q.Session),
				strconv.FormatFloat(q.IdealPoint, 'f', 4, 64), strconv.FormatFloat(q.SE, 'f', 4, 64), strconv.Itoa(q.Votes)})
		}
		w.Flush()
		if err := w.Error(); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %d rows to %s\n", len(res.Positions), *csvOut)
	}
	return nil
}
