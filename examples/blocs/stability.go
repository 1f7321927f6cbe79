package main

import (
	"errors"
	"fmt"
	"math"

	"github.com/unga-go/unga/cluster"
	"github.com/unga-go/unga/votes"
)

// stability bootstraps the clustering the user chose (cluster.Stability):
// the session's roll calls, the states clustered and the method are those
// of the blocs, so the report's clustering of the data as they are is the
// blocs themselves. Its labels (and Jaccard) are renumbered to the blocs'
// numbers (BlocStability.Relabel), so that -stability-csv counts blocs
// as -csv does. It returns nil for Louvain, which the library does not
// bootstrap.
func stability(s *votes.Dataset, ses *session, res *result, cfg *config) (*cluster.BlocStability, error) {
	var method cluster.Method
	switch {
	case cfg.method == "kmedoids":
		method = cluster.KMedoidsK(cfg.k)
	case cfg.isLinkage():
		method = cluster.HierarchicalK(cfg.linkage, cfg.k)
	default:
		return nil, nil
	}
	// The states clustered, no others (Labeled.Stability): narrowing the
	// states changes no pair's agreement (unanimity is judged when the
	// record is read). MinN is left at 1, so that a resample is lost only
	// where a pair has no joint vote at all.
	rep, err := ses.labeled.Stability(s, method, &cluster.StabilityOptions{Resamples: cfg.resamples, Seed: cfg.seed})
	if errors.Is(err, cluster.ErrNoResample) {
		return nil, fmt.Errorf("the bootstrap: %w (here a higher -min)", err)
	}
	if err != nil {
		return nil, err
	}
	// The same partition, numbered differently: Relabel numbers the
	// report's blocs as the blocs, and refuses anything else.
	if err := rep.Relabel(res.labels); err != nil {
		return nil, fmt.Errorf("the bootstrap's clustering of the session as it is is not the blocs: %w", err)
	}
	return rep, nil
}

// firmness prints how firm the blocs are: each bloc's Jaccard, each
// Balkan state's and Russia's stay rate and how often it shares Russia's
// bloc, and a sentence on how sure the blocs are.
func firmness(p *printer, ses *session, res *result, rep *cluster.BlocStability, cfg *config) error {
	p.say("Each of %d resamples draws the session's roll calls with replacement (seed %d) and clusters the same states again the same way (cluster.Stability).", cfg.resamples, cfg.seed)
	if rep.Failed > 0 {
		p.say("%d resamples could not be clustered (a pair with no joint vote) and count nowhere; %d did. A higher -min leaves out the states that vote rarely.", rep.Failed, rep.Resamples)
	}
	p.say("A bloc's Jaccard is its mean best overlap with a cluster of a resample (Hennig: below about 0.6 a bloc is hardly there).")
	p.say("One bloc a line, tab-separated: firm, bloc number, Jaccard.")
	for _, b := range res.blocs {
		p.say("firm\t%d\t%.3f", b.number, rep.Jaccard[b.number-1])
	}
	states, err := balkansAndRussia(ses)
	if err != nil {
		return err
	}
	russia := states[len(states)-1]
	p.say("One state a line, tab-separated: stay, ISO3, name, share of resamples in which it stays in its bloc, share in which it is in the same bloc as Russia.")
	for _, c := range states {
		stay, ok := rep.StayOf(c)
		if !ok {
			p.say("stay\t%s\t%s\t-\t-", c.Code(), c.Name)
			continue
		}
		withRussia, ok := rep.Pair(c, russia)
		if !ok {
			p.say("stay\t%s\t%s\t%.3f\t-", c.Code(), c.Name, stay)
			continue
		}
		p.say("stay\t%s\t%s\t%.3f\t%.3f", c.Code(), c.Name, stay, withRussia)
	}
	// The Balkan state most often with Russia, and how often the others are.
	top, topShare, rest := votes.Country{}, -1.0, 0.0
	for _, c := range states[:len(states)-1] {
		share, ok := rep.Pair(c, russia)
		if !ok {
			continue
		}
		if share > topShare {
			if topShare >= 0 {
				rest = max(rest, topShare)
			}
			top, topShare = c, share
		} else {
			rest = max(rest, share)
		}
	}
	if topShare >= 0 {
		others := "no other Balkan state is, in any resample"
		switch {
		case rest > 0 && rest < 0.01:
			others = "the other Balkan states in under 1%"
		case rest > 0:
			others = "the other Balkan states in at most " + percent(rest)
		}
		// The Monte Carlo error of a share of R resamples alone, not the
		// sampling error of the roll calls that the share itself measures.
		mc := 196 * math.Sqrt(topShare*(1-topShare)/float64(rep.Resamples))
		p.say("%s is in the same bloc as Russia in %s of resamples (± %.0f points of Monte Carlo error with %d resamples); %s.", top.Name, percent(topShare), mc, rep.Resamples, others)
	}
	meanStay := 0.0
	for _, s := range rep.Stay {
		meanStay += s
	}
	meanStay /= float64(len(rep.Stay))
	weak, firm := 0, 0
	for b, j := range rep.Jaccard {
		if j < rep.Jaccard[weak] {
			weak = b
		}
		if j > rep.Jaccard[firm] {
			firm = b
		}
	}
	p.say("How sure: over %d resamples a state stays in its bloc in %s of them on average; the firmest bloc (%d, %s) has Jaccard %.2f, the weakest (%d, %s) %.2f.",
		rep.Resamples, percent(meanStay), firm+1, res.blocs[firm].name, rep.Jaccard[firm], weak+1, res.blocs[weak].name, rep.Jaccard[weak])
	return nil
}

// percent renders a share as a whole percentage, and a share above 0 that
// would round to 0% as "under 1%".
func percent(x float64) string {
	if x > 0 && x < 0.01 {
		return "under 1%"
	}
	return fmt.Sprintf("%.0f%%", 100*x)
}
