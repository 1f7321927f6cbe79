package main

import (
	"errors"
	"fmt"
	"image/color"
	"io"
	"math"
	"strings"

	"github.com/unga-go/unga/alignment"
	"github.com/unga-go/unga/audit"
	"github.com/unga-go/unga/chart"
	"github.com/unga-go/unga/examples/internal/cli"
	"github.com/unga-go/unga/votes"
	"gonum.org/v1/plot/vg"
)

// The long view: the outlier's agreement with the reference and with the
// median EU member, session by session. The table starts in 2006
// (tableSession), the change points and the picture in 1992 (firstSession).
const (
	// firstSession opened in September 1992, the first after the break-up
	// of Yugoslavia; the record counts the Yugoslav seat as Serbia's (COW
	// 345 is one state), so Serbia's series runs on from there.
	firstSession = 47
	// tableSession opened in September 2006, Serbia's first as a state on
	// its own.
	tableSession = 61
	// minN is the least number of joint roll calls a session's score may
	// rest on: fewer (the Federal Republic of Yugoslavia did not sit from
	// 1992 to 2000) give no score.
	minN = 10
	// seed fixes the bootstrap's resamples, so that every run prints the
	// same intervals.
	seed = 2014
)

// longView holds the series of member m since firstSession.
type longView struct {
	m, ref   votes.Country
	mName    string
	periods  []int
	withRef  []alignment.Score
	euMedian []alignment.Score
	iv       []alignment.Interval // the bootstrap interval of withRef, one per period
	euIv     []alignment.Interval // that of euMedian
	cov      *audit.Coverage
}

// widerPattern prints the agreement of member m with the reference and with
// the median EU member session by session since 2006, how sure the last
// session's score is, and when either changed since 1992.
func widerPattern(p *printer, ds *votes.Dataset, m alignment.OutlierRecord, ref votes.Country, cfg *config) error {
	// The series compare like with like: from 2020 the record holds only
	// resolutions adopted as a whole (the UN's resolution data), so the
	// sessions before are cut to the same kind (audit's KindNote says
	// where the record changes kind).
	all := ds.Filter(votes.InSessions(firstSession, 1<<30))
	since := all.Filter(votes.AdoptedResolutions())
	if since.NumRollCalls() == 0 {
		p.say(fmt.Sprintf("The record has no session since 1992 (session %d) to follow %s's votes in.", firstSession, m.Name))
		noPicture(p, cfg)
		return p.err
	}
	eu, err := votes.LookupGroup("EU")
	if err != nil {
		return err
	}
	// The bootstraps carry the scores on the data as they are (each
	// Interval's Score) along with their intervals, so the series are not
	// computed a second time. Both cut since's roll calls into sessions the
	// same way, so their Periods are the same. A member without a vote
	// since 1992 (West Germany) has no series: the notebook says so, with
	// the library's word on who held the seat, and ends.
	bopts := &alignment.BootstrapOptions{Options: alignment.Options{MinN: minN}, Seed: seed}
	sb, err := alignment.BootstrapPairSeries(since, alignment.BySession, m.Country, ref, alignment.Agree, bopts)
	if errors.Is(err, alignment.ErrNoVotes) {
		p.say(fmt.Sprintf("There is no series to follow since 1992 (session %d), nor changes to find in one (%v).", firstSession, err))
		noPicture(p, cfg)
		return p.err
	}
	if err != nil {
		return err
	}
	gb, err := alignment.BootstrapGroupMedian(since, alignment.BySession, m.Country, eu.Contains, alignment.Agree, bopts)
	if err != nil {
		return err
	}
	cov, err := audit.Cover(ds, nil)
	if err != nil {
		return err
	}
	lv := &longView{m: m.Country, ref: ref, mName: m.Name, periods: sb.Periods,
		withRef: sb.Scores(), euMedian: gb.Scores(), iv: sb.Intervals, euIv: gb.Intervals, cov: cov}

	p.say(fmt.Sprintf("Is this a Crimea story or a habit? %s's agreement with %s and with the median EU member in every session since 2006, over the roll calls on resolutions adopted as a whole that were not unanimous (Voeten's agreement score: 1 same vote, 0.5 one abstains, 0 yes against no), with a 95%% bootstrap interval for the score with %s (the session's roll calls resampled 1,000 times, seed %d). The EU median is the median of %s's scores with the states in the EU on the day of the session's first roll call; \"states\" counts them. A score on fewer than %d roll calls is NA.",
		m.Name, ref.Name, ref.Name, seed, m.Name, minN))
	p.say(fmt.Sprintf("Like with like: the UN's data, from 2020, hold only resolutions adopted as a whole, while the record before also holds separate votes on paragraphs and amendments, failed drafts and motions. votes.AdoptedResolutions keeps the first kind in every session, so that a break in 2020 is not the record's: it leaves out %d of the %d roll calls since 1992.%s",
		all.NumRollCalls()-since.NumRollCalls(), all.NumRollCalls(), kindNotes(cov, lv.periods)))
	p.write(lv.writeTable)
	last := -1
	for k, period := range lv.periods {
		if period >= tableSession && !math.IsNaN(lv.withRef[k].Value) {
			last = k
		}
	}
	if last < 0 {
		p.say(fmt.Sprintf("%s has no score with %s since 2006.", m.Name, ref.Name))
	} else {
		p.say(lv.sureSentence(last))
	}
	if notes := lv.coverageNotes(); notes != "" {
		p.say(notes)
	}

	p.step("When the alignment changed")
	return lv.changes(p, cfg)
}

// kindNotes gives, after a space, the sessions of the series at which
// audit's KindNote says the record changes kind, or "".
func kindNotes(cov *audit.Coverage, periods []int) string {
	var at []int
	for _, s := range periods {
		if cov.KindNote(s) != "" {
			at = append(at, s)
		}
	}
	if len(at) == 0 {
		return ""
	}
	keys := make([]string, len(at))
	for k, s := range at {
		keys[k] = fmt.Sprint(s)
	}
	return fmt.Sprintf(" On all roll calls the record changes kind at sessions %s (audit.Coverage.KindNote).", join(keys))
}

// writeTable writes the series since tableSession.
func (lv *longView) writeTable(w io.Writer) (int64, error) {
	var b strings.Builder
	wide := max(len(lv.ref.Name), 5)
	fmt.Fprintf(&b, "%-7s %-5s %*s %-16s %4s %9s %6s\n", "session", "year", wide, lv.ref.Name, "95% interval", "n", "EU median", "states")
	for k, period := range lv.periods {
		if period < tableSession {
			continue
		}
		sc, eu := lv.withRef[k], lv.euMedian[k]
		ci := ""
		if iv := lv.iv[k]; !math.IsNaN(iv.Lo) {
			ci = fmt.Sprintf("%.3f-%.3f", iv.Lo, iv.Hi)
		}
		fmt.Fprintf(&b, "%-7d %-5d %*s %-16s %4d %9s %6d\n", period, sessionYear(period), wide, num(sc.Value, 3), ci, sc.N, num(eu.Value, 3), eu.N)
	}
	b.WriteString("\n")
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// sureSentence says how sure the score of the k-th session is: "In session
// 74 (2019) Serbia's agreement with Russian Federation is 0.744 (95%
// interval 0.671-0.819, 82 roll calls)."
func (lv *longView) sureSentence(k int) string {
	s, iv := lv.periods[k], lv.iv[k]
	return fmt.Sprintf("How sure: in session %d (%d) %s's agreement with %s is %.3f (%.0f%% interval %.3f-%.3f, %d roll calls).",
		s, sessionYear(s), lv.mName, lv.ref.Name, iv.Value, 100*iv.Level, iv.Lo, iv.Hi, iv.N)
}

// coverageNotes says where the record is thin in the sessions of the
// table (audit.Cover): in full for a session whose resumed part is missing,
// by number for one that lacks a month its neighbours have.
func (lv *longView) coverageNotes() string {
	var full []string
	var months []string
	for _, period := range lv.periods {
		if period < tableSession {
			continue
		}
		note := lv.cov.SessionNote(period)
		if note == "" {
			continue
		}
		if sc, ok := lv.cov.Session(period); ok && sc.ResumedMissing {
			full = append(full, note)
		} else {
			months = append(months, fmt.Sprint(period))
		}
	}
	var b strings.Builder
	if len(full) > 0 {
		b.WriteString("Where the record is thin: " + strings.Join(full, " "))
	}
	if len(months) > 0 {
		if b.Len() > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "Sessions %s each lack a month of votes that the sessions around them have.", join(months))
	}
	return b.String()
}

// changes prints the change points of both series since firstSession and,
// with -out, draws them.
func (lv *longView) changes(p *printer, cfg *config) error {
	chRef, err := alignment.ChangePoints(lv.periods, lv.withRef, nil)
	if errors.Is(err, alignment.ErrEmpty) {
		p.say(fmt.Sprintf("%s and %s voted together on %d or more roll calls in no session since 1992: there is no series to find changes in.", lv.mName, lv.ref.Name, minN))
		noPicture(p, cfg)
		return p.err
	}
	if err != nil {
		return err
	}
	// GroupMedian's N counts EU members, not roll calls: each session is
	// weighed by the precision of its bootstrap interval instead, as an
	// effective number of roll calls (ChangePoints' doc).
	eu := make([]alignment.Score, len(lv.euMedian))
	for k, s := range lv.euMedian {
		eu[k] = s
		eu[k].N = alignment.EffectiveN(lv.euIv[k])
	}
	chEU, err := alignment.ChangePoints(lv.periods, eu, nil)
	if err != nil {
		return err
	}
	skipped := ""
	if len(chRef.Skipped) > 0 {
		skipped = fmt.Sprintf(" Sessions %s are left out: %s and %s both voted on fewer than %d of their roll calls", spans(chRef.Skipped), lv.mName, lv.ref.Name, minN)
		if lv.m.COW == 345 {
			skipped += " (the record counts Yugoslavia's seat as Serbia's; the Federal Republic did not sit from 1992 to 2000)"
		}
		skipped += "."
	}
	p.say(fmt.Sprintf("Did %s's alignment shift, or do the scores only wander? Change points (alignment.ChangePoints) of both series since 1992 (session %d): levels that hold over at least 3 sessions, each session's score weighted by its roll calls, a change kept only if it pays a penalty of 3.5 ln T (T sessions), with a 95%% interval for its date.%s",
		lv.mName, firstSession, skipped))
	p.say(fmt.Sprintf("%s's agreement with %s %s; with the EU median it %s.", lv.mName, lv.ref.Name, describe(chRef), describe(chEU)))
	if cfg.out == "" {
		return p.err
	}
	files, err := lv.draw(chRef, chEU, cfg.out)
	if err != nil {
		return err
	}
	p.say(fmt.Sprintf("Drew both series, each band its 95%% bootstrap interval (alignment.BootstrapPairSeries and BootstrapGroupMedian), and each change point a dashed line with its interval shaded: %s.", strings.Join(files, ", ")))
	return p.err
}

// noPicture says, with -out, that there is nothing to draw.
func noPicture(p *printer, cfg *config) {
	if cfg.out != "" {
		p.say(fmt.Sprintf("No picture drawn into %s: there is no series to draw.", cfg.out))
	}
}

// describe renders a series' change points: "changed once, at session 68
// (2013; interval 67-70), from 0.79 to 0.71", or "did not change (0.88
// throughout)".
func describe(ch *alignment.Changes) string {
	if len(ch.Points) == 0 {
		level := math.NaN()
		if len(ch.Segments) == 1 {
			level = ch.Segments[0].Level
		}
		return fmt.Sprintf("did not change (%s throughout)", num(level, 2))
	}
	times := map[int]string{1: "once", 2: "twice"}[len(ch.Points)]
	if times == "" {
		times = fmt.Sprintf("%d times", len(ch.Points))
	}
	var parts []string
	for k, c := range ch.Points {
		parts = append(parts, fmt.Sprintf("at session %d (%d; interval %d-%d), from %.2f to %.2f", c.Key, sessionYear(c.Key), c.Lo, c.Hi, ch.Segments[k].Level, ch.Segments[k+1].Level))
	}
	return "changed " + times + ", " + strings.Join(parts, ", then ")
}

// draw writes the picture of both series with their change points, as PNG
// and SVG, into dir, and returns the files' names.
func (lv *longView) draw(chRef, chEU *alignment.Changes, dir string) ([]string, error) {
	n := len(lv.periods)
	ref := chart.Line{Name: lv.ref.Name, X: make([]float64, n), Y: make([]float64, n), Lo: make([]float64, n), Hi: make([]float64, n)}
	eu := chart.Line{Name: "median EU member", X: make([]float64, n), Y: make([]float64, n), Lo: make([]float64, n), Hi: make([]float64, n)}
	for k, period := range lv.periods {
		x := float64(period)
		ref.X[k], eu.X[k] = x, x
		ref.Y[k], eu.Y[k] = lv.withRef[k].Value, lv.euMedian[k].Value
		ref.Lo[k], ref.Hi[k] = lv.iv[k].Lo, lv.iv[k].Hi
		eu.Lo[k], eu.Hi[k] = lv.euIv[k].Lo, lv.euIv[k].Hi
	}
	// A change at session k is drawn between k-1 and k, its interval
	// from just before Lo to just before Hi.
	var marks []chart.Mark
	for li, ch := range []*alignment.Changes{chRef, chEU} {
		for _, c := range ch.Points {
			marks = append(marks, chart.Mark{X: float64(c.Key) - 0.5, Lo: float64(c.Lo) - 0.5, Hi: float64(c.Hi) - 0.5, Color: chart.Color(li),
				Label: fmt.Sprintf("change at %d (%d-%d)", c.Key, c.Lo, c.Hi)})
		}
	}
	c, err := chart.Lines([]chart.Line{ref, eu, levels(lv.ref.Name+": levels", chRef, chart.Color(0)), levels("median EU member: level", chEU, chart.Color(1))},
		&chart.LinesOptions{
			Title:  fmt.Sprintf("%s's agreement by session since 1992, with change points", lv.mName),
			XLabel: fmt.Sprintf("session (%d opened in %d, %d in %d)", firstSession, sessionYear(firstSession), lv.periods[n-1], sessionYear(lv.periods[n-1])),
			YLabel: "agreement (Voeten's Agree)", Marks: marks,
		})
	if err != nil {
		return nil, err
	}
	c.Plot.X.Min = firstSession // the years without a score show as a gap
	return cli.SavePicture(c, dir, "crimea-longview")
}

// levels draws the levels of a series' segments as a thin line, broken
// between segments.
func levels(name string, ch *alignment.Changes, col color.Color) chart.Line {
	l := chart.Line{Name: name, Width: vg.Points(0.8), Color: col}
	for i, seg := range ch.Segments {
		if i > 0 {
			l.X = append(l.X, float64(seg.From)-0.5)
			l.Y = append(l.Y, math.NaN())
		}
		l.X = append(l.X, float64(seg.From))
		l.Y = append(l.Y, seg.Level)
		if seg.To > seg.From {
			l.X = append(l.X, float64(seg.To))
			l.Y = append(l.Y, seg.Level)
		}
	}
	return l
}

// sessionYear is the year in which regular session s opened (session 1 in
// 1946).
func sessionYear(s int) int { return 1945 + s }

// spans renders increasing keys as runs: "47-54", "47 and 49-51".
func spans(keys []int) string { return join(cli.Runs(keys)) }
