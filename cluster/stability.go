package cluster

import (
	"errors"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/unga-go/unga/alignment"
	"github.com/unga-go/unga/internal/parallel"
	"github.com/unga-go/unga/internal/tidy"
	"github.com/unga-go/unga/votes"
	"gonum.org/v1/gonum/mat"
)

// A Method clusters items from their distances, returning a label per
// item (0 to K-1). HierarchicalK and KMedoidsK make the usual ones.
type Method func(dist *mat.SymDense) ([]int, error)

// HierarchicalK clusters with Hierarchical(dist, linkage) cut into k
// clusters (Dendrogram.CutK).
func HierarchicalK(linkage Linkage, k int) Method {
	return func(dist *mat.SymDense) ([]int, error) {
		d, err := Hierarchical(dist, linkage)
		if err != nil {
			return nil, err
		}
		return d.CutK(k)
	}
}

// KMedoidsK clusters with KMedoids(dist, k).
func KMedoidsK(k int) Method {
	return func(dist *mat.SymDense) ([]int, error) {
		p, err := KMedoids(dist, k)
		if err != nil {
			return nil, err
		}
		return p.Labels, nil
	}
}

// StabilityOptions controls Stability. A nil pointer or the zero value
// means the defaults. A negative Resamples or MinVotes is an error
// wrapping ErrInvalidOptions, not a default.
type StabilityOptions struct {
	// Options chooses the roll calls (unanimous ones dropped unless
	// KeepUnanimous) and MinN for the agreement scores. MinMembership is
	// refused (alignment.ErrInvalidOptions, from alignment.NewResampler):
	// the states clustered are chosen by MinVotes, or by narrowing ds.
	alignment.Options
	// Resamples is the number of bootstrap resamples; zero means 200.
	Resamples int
	// Seed seeds the resamples as alignment.Resampler does: the same seed
	// gives the same result on any number of cores.
	Seed uint64
	// MinVotes is the least number of votes a state must have cast on the
	// roll calls to be clustered; zero means a quarter of them. States
	// that vote rarely are left without a joint vote with some other state in many
	// resamples, where their distance is undefined and the clustering
	// fails.
	MinVotes int
}

// check reports a negative count.
func (o *StabilityOptions) check() error {
	switch {
	case o.Resamples < 0:
		return fmt.Errorf("%w: StabilityOptions.Resamples = %d, want 0 (default 200) or more", ErrInvalidOptions, o.Resamples)
	case o.MinVotes < 0:
		return fmt.Errorf("%w: StabilityOptions.MinVotes = %d, want 0 (default: a quarter of the roll calls) or more", ErrInvalidOptions, o.MinVotes)
	}
	return nil
}

// ErrNoClustering: the method failed on the data as they are.
var ErrNoClustering = errors.New("cluster: the method failed on the data")

// ErrNoResample: the method failed on every resample, so that no share
// can be counted (each would be 0/0). A resample fails where a pair of
// states has no joint vote among the roll calls drawn: leave out the
// states that vote rarely (a higher MinVotes, or for Labeled.Stability a
// higher minimum for Distances) or select more roll calls.
var ErrNoResample = errors.New("cluster: the method failed on every resample")

// BlocStability says how firm the blocs of a clustering are under
// resampling of the roll calls.
type BlocStability struct {
	// Countries are the states clustered, in row (COW) order: those that
	// cast at least MinVotes votes on the roll calls. Dropped lists the
	// others.
	Countries []votes.Country
	Dropped   []votes.Country
	// Labels is the clustering of the data as they are, numbered as the
	// method numbers it unless Relabel renumbered it.
	Labels []int
	// Together holds, for each pair of states, the share of resamples in
	// which they were in the same cluster (1 on the diagonal).
	Together *mat.SymDense
	// Stay holds, for each state, the share of resamples in which it was
	// in the cluster that matched its bloc best: the cluster of the
	// resample with the largest Jaccard overlap with the bloc.
	Stay []float64
	// Jaccard holds, for each bloc (label), the mean over the resamples of
	// its best Jaccard overlap with a cluster of the resample (Hennig's
	// cluster-wise stability: below about 0.6 a bloc is hardly there).
	Jaccard []float64
	// Resamples counts the resamples clustered; Failed those on which the
	// method failed (a pair without joint votes in the resample, say),
	// which count nowhere.
	Resamples, Failed int
}

// Stability bootstraps a clustering of the states of ds: it draws the
// roll calls with replacement (alignment.Resampler), recomputes Voeten's
// agreement for every pair, clusters 1 - agreement with method, and
// counts how often each pair of states shares a cluster and how often
// each state stays in the cluster that matches its bloc of the data as
// they are. States that cast fewer than MinVotes votes on the roll calls
// are left out and listed. Resamples are clustered on GOMAXPROCS
// goroutines (see package unga, Goroutines); each depends on the seed and its number alone, so method
// must be safe for concurrent use (HierarchicalK and KMedoidsK are).
//
// It returns alignment's errors for an empty selection or bad
// alignment.Options, one wrapping ErrInvalidOptions for a negative
// Resamples or MinVotes, and one wrapping ErrNoClustering if method fails
// on the data as they are or returns labels that are not one per state in
// [0, states); a resample on which it does is counted in Failed. If every resample fails the error wraps
// ErrNoResample (and the first resample's error) rather than report
// shares of no resample.
func Stability(ds *votes.Dataset, method Method, opts *StabilityOptions) (*BlocStability, error) {
	var o StabilityOptions
	if opts != nil {
		o = *opts
	}
	if err := o.check(); err != nil {
		return nil, err
	}
	if o.Resamples == 0 {
		o.Resamples = 200
	}
	rs, err := alignment.NewResampler(ds, &alignment.BootstrapOptions{Options: o.Options, Resamples: o.Resamples, Seed: o.Seed})
	if err != nil {
		return nil, err
	}
	base := rs.Matrix(-1, alignment.Agree)
	cols := rs.Columns(-1)
	if o.MinVotes == 0 {
		o.MinVotes = max(1, (len(cols)+3)/4)
	}
	cast := make([]int, ds.NumCountries())
	for _, j := range cols {
		for i := range cast {
			if v := ds.Vote(i, j); v.Cast() || v == votes.Absent && o.AbsentAsAbstain {
				cast[i]++
			}
		}
	}
	rep := &BlocStability{}
	var keep []int
	for i, c := range base.Countries {
		if cast[i] >= o.MinVotes {
			keep = append(keep, i)
			rep.Countries = append(rep.Countries, c)
		} else {
			rep.Dropped = append(rep.Dropped, c)
		}
	}
	n := len(keep)
	if n == 0 {
		return nil, fmt.Errorf("%w: no state cast %d votes", alignment.ErrNoVotes, o.MinVotes)
	}
	dist := func(m *alignment.Matrix) *mat.SymDense {
		d := mat.NewSymDense(n, nil)
		for a, i := range keep {
			for b := a; b < n; b++ {
				d.SetSym(a, b, 1-m.Scores.At(i, keep[b]))
			}
		}
		return d
	}
	rep.Labels, err = method(dist(base))
	if err == nil {
		err = checkLabels(rep.Labels, n)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNoClustering, err)
	}
	k := slices.Max(rep.Labels) + 1

	labels := make([][]int, o.Resamples)
	errs := make([]error, o.Resamples)
	parallel.For(o.Resamples, 0, func(_, r int) {
		l, err := method(dist(rs.Matrix(r, alignment.Agree)))
		if err == nil {
			err = checkLabels(l, n)
		}
		if err != nil {
			errs[r] = err
			return
		}
		labels[r] = l
	})
	if !slices.ContainsFunc(labels, func(l []int) bool { return l != nil }) {
		// Every share below would be 0/0: NaN that prints as a figure.
		return nil, fmt.Errorf("%w (%d of %d; resample 0: %w): leave out the states that vote rarely (raise MinVotes, or for Labeled.Stability the minimum of Distances) or select more roll calls",
			ErrNoResample, o.Resamples, o.Resamples, errs[0])
	}

	together := make([]int, n*n)
	stay := make([]int, n)
	jac := make([]float64, k)
	blocSize := make([]int, k)
	for _, l := range rep.Labels {
		blocSize[l]++
	}
	for _, l := range labels {
		if l == nil {
			rep.Failed++
			continue
		}
		rep.Resamples++
		for a := range n {
			for b := a; b < n; b++ {
				if l[a] == l[b] {
					together[a*n+b]++
				}
			}
		}
		kr := slices.Max(l) + 1
		size := make([]int, kr)
		overlap := make([]int, k*kr)
		for a := range n {
			size[l[a]]++
			overlap[rep.Labels[a]*kr+l[a]]++
		}
		match := make([]int, k)
		for b := range k {
			best := -1.0
			for c := range kr {
				in := overlap[b*kr+c]
				j := float64(in) / float64(blocSize[b]+size[c]-in)
				if j > best {
					best, match[b] = j, c
				}
			}
			jac[b] += best
		}
		for a := range n {
			if l[a] == match[rep.Labels[a]] {
				stay[a]++
			}
		}
	}
	rep.Together = mat.NewSymDense(n, nil)
	rep.Stay = make([]float64, n)
	den := float64(rep.Resamples)
	for a := range n {
		for b := a; b < n; b++ {
			rep.Together.SetSym(a, b, float64(together[a*n+b])/den)
		}
		rep.Stay[a] = float64(stay[a]) / den
	}
	for b := range jac {
		jac[b] /= den
	}
	rep.Jaccard = jac
	return rep, nil
}

// Stability bootstraps the clustering of l's states (see the function
// Stability), for blocs found with l's methods: ds must be the selection
// of roll calls l's matrix was scored on (alignment.Agree, with
// opts.Options as for the matrix; MinN may be lower, so that fewer
// resamples fail). The states clustered are l.States, all of them:
// opts.MinVotes is ignored (a negative one is still an error), since
// Distances chose the states already. To number the report's blocs as a
// Partition of l does, call Relabel with its Labels, which also checks
// that method, run on the data as they are, found that partition.
//
// The errors are those of the function Stability, one wrapping ErrTooFew
// if l has no states or a state of l cast no vote in ds (ds is not l's
// selection), and one wrapping ErrLabels if l.States are not in the order
// of ds's rows (by COW code, as Distances leaves them).
func (l *Labeled) Stability(ds *votes.Dataset, method Method, opts *StabilityOptions) (*BlocStability, error) {
	if err := l.check(1); err != nil {
		return nil, err
	}
	kept := make(map[votes.Country]bool, len(l.States))
	for _, c := range l.States {
		kept[c] = true
	}
	var o StabilityOptions
	if opts != nil {
		o = *opts
	}
	if err := o.check(); err != nil {
		return nil, err
	}
	// Every state of l cast at least one vote in its selection.
	o.MinVotes = 1
	rep, err := Stability(ds.SelectCountries(func(c votes.Country) bool { return kept[c] }), method, &o)
	if err != nil {
		return nil, err
	}
	if !slices.Equal(rep.Countries, l.States) {
		missing := slices.DeleteFunc(slices.Clone(l.States), func(c votes.Country) bool { return rep.index(c) >= 0 })
		if len(missing) == 0 {
			return nil, fmt.Errorf("%w: the states are not in the order of the selection's rows (by COW code), which the report keeps", ErrLabels)
		}
		return nil, fmt.Errorf("%w: %d of the %d states to cluster cast no vote in the selection (%s): is it the one the distances were scored on?",
			ErrTooFew, len(missing), len(l.States), (&Labeled{States: missing}).list())
	}
	return rep, nil
}

// checkLabels reports an error unless labels holds n labels in [0, n).
func checkLabels(labels []int, n int) error {
	if len(labels) != n {
		return fmt.Errorf("%d labels for %d states", len(labels), n)
	}
	for i, l := range labels {
		if l < 0 || l >= n {
			return fmt.Errorf("label %d of item %d not in [0, %d)", l, i, n)
		}
	}
	return nil
}

func (rep *BlocStability) index(c votes.Country) int {
	return slices.IndexFunc(rep.Countries, func(d votes.Country) bool { return d.COW == c.COW })
}

// Pair returns the share of resamples in which states a and b shared a
// cluster, and whether both were clustered.
func (rep *BlocStability) Pair(a, b votes.Country) (float64, bool) {
	i, j := rep.index(a), rep.index(b)
	if i < 0 || j < 0 {
		return math.NaN(), false
	}
	return rep.Together.At(i, j), true
}

// StayOf returns the share of resamples in which state c stayed in its
// bloc, and whether it was clustered.
func (rep *BlocStability) StayOf(c votes.Country) (float64, bool) {
	i := rep.index(c)
	if i < 0 {
		return math.NaN(), false
	}
	return rep.Stay[i], true
}

// Relabel numbers the report's blocs as labels does, so that Labels,
// Jaccard and WriteCSV count them as the caller's partition does
// (the Labels of a Partition of the same states, say, which Partition.WriteCSV
// writes). labels holds one label per state of Countries, in that order,
// numbering the blocs 0 to K-1 with none empty, and must be the same
// partition as Labels numbered another way: each bloc of Labels one bloc
// of labels, and the reverse. Together and Stay, which are per state,
// do not change.
//
// Otherwise it returns an error wrapping ErrLabels, naming the states
// where the two partitions differ, and leaves the report as it was: the
// partition bootstrapped is not the caller's (another method, other
// options, other states), and its figures do not describe the caller's
// blocs.
func (rep *BlocStability) Relabel(labels []int) error {
	n := len(rep.Countries)
	if len(labels) != n || len(rep.Labels) != n {
		return fmt.Errorf("%w: %d labels for the %d states of the report", ErrLabels, len(labels), n)
	}
	k := 0
	for i, l := range labels {
		if l < 0 || l >= n {
			return fmt.Errorf("%w: label %d of %s not in [0, %d)", ErrLabels, l, rep.Countries[i].Name, n)
		}
		k = max(k, l+1)
	}
	// first[l] is the first state with label l of the report, firstNew[b]
	// the first with label b of labels: a one-to-one match pairs them.
	first, firstNew := map[int]int{}, map[int]int{}
	for i, l := range rep.Labels {
		b := labels[i]
		j, ok := first[l]
		if !ok {
			first[l] = i
		} else if labels[j] != b {
			return fmt.Errorf("%w: %s and %s share bloc %d of the report but are in blocs %d and %d of labels", ErrLabels,
				rep.Countries[j].Name, rep.Countries[i].Name, l, labels[j], b)
		}
		j, ok = firstNew[b]
		if !ok {
			firstNew[b] = i
		} else if rep.Labels[j] != l {
			return fmt.Errorf("%w: %s and %s share bloc %d of labels but are in blocs %d and %d of the report", ErrLabels,
				rep.Countries[j].Name, rep.Countries[i].Name, b, rep.Labels[j], l)
		}
	}
	if len(firstNew) != k {
		// A Jaccard for a bloc no state is in would be made up.
		for b := range k {
			if _, ok := firstNew[b]; !ok {
				return fmt.Errorf("%w: no state has label %d of %d: number the blocs 0 to K-1", ErrLabels, b, k)
			}
		}
	}
	jac := make([]float64, k)
	for l, i := range first {
		jac[labels[i]] = rep.Jaccard[l]
	}
	rep.Labels, rep.Jaccard = slices.Clone(labels), jac
	return nil
}

// stabilityRow is one state's bloc and how often it stayed there.
type stabilityRow struct {
	ISO3 string  `csv:"iso3"`
	COW  int     `csv:"cow"`
	Name string  `csv:"name"`
	Bloc int     `csv:"bloc"`
	Stay float64 `csv:"stay"`
	// BlocJaccard is the bloc's mean best Jaccard overlap.
	BlocJaccard float64 `csv:"bloc_jaccard"`
	Resamples   int     `csv:"resamples"`
}

// rows returns the rows of WriteCSV.
func (rep *BlocStability) rows() []stabilityRow {
	out := make([]stabilityRow, len(rep.Countries))
	for i, c := range rep.Countries {
		b := rep.Labels[i]
		out[i] = stabilityRow{c.ISO3, c.COW, c.Name, b, rep.Stay[i], rep.Jaccard[b], rep.Resamples}
	}
	return out
}

// WriteCSV writes as tidy CSV, with a header line, one tidy row per state
// clustered, in row order.
func (rep *BlocStability) WriteCSV(w io.Writer) error { return tidy.Write(w, rep.rows()) }

// togetherRow is the share of resamples in which two states shared a
// cluster, a row of WritePairsCSV.
type togetherRow struct {
	tidy.Pair
	Together  float64 `csv:"together"`
	Resamples int     `csv:"resamples"`
}

// pairRows returns the rows of WritePairsCSV.
func (rep *BlocStability) pairRows() []togetherRow {
	var out []togetherRow
	for i, a := range rep.Countries {
		for j := i + 1; j < len(rep.Countries); j++ {
			b := rep.Countries[j]
			out = append(out, togetherRow{tidy.Pair{ISO3A: a.ISO3, COWA: a.COW, NameA: a.Name, ISO3B: b.ISO3, COWB: b.COW, NameB: b.Name},
				rep.Together.At(i, j), rep.Resamples})
		}
	}
	return out
}

// WritePairsCSV writes Together as tidy CSV, with a header line: one row
// per pair of different states clustered, a before b in row order, with
// the columns iso3_a, cow_a, name_a, iso3_b, cow_b, name_b, together (the
// share) and resamples.
func (rep *BlocStability) WritePairsCSV(w io.Writer) error { return tidy.Write(w, rep.pairRows()) }
