// Package cluster finds voting blocs: which groups of states vote alike in a
// session, who sits where, and how stable that picture is.
//
// Everything works on a matrix of distances (or similarities) between
// items, so the package does not depend on how they were computed. For the
// General Assembly the usual distance is 1 - Voeten's agree index: for two
// states, the mean over the roll calls both voted on of 1 - |a-b|/2 with yes
// = 1, abstain = 2, no = 3, so that agreeing scores 1, yes against abstain
// 0.5 and yes against no 0. Distances come from joint votes only; a pair that
// never voted together has no distance (NaN), and DropMissing (with
// Distances, built on it) leaves such states out and says which. Nothing
// is ever imputed.
//
// The methods:
//
//   - Hierarchical: agglomerative clustering with single, complete, average
//     (UPGMA), weighted (WPGMA), centroid, median or Ward linkage. The
//     merges equal those of scipy.cluster.hierarchy.linkage row for row
//     (same pairs, same cluster numbers, heights to rounding), ties
//     included; Dendrogram.Leaves gives scipy's leaf order for plotting, and
//     CutK and CutHeight the flat clusters of fcluster.
//   - KMedoids: PAM (BUILD then SWAP), deterministic, with Silhouette widths
//     to judge any partition.
//   - Louvain: modularity communities of the weighted agreement graph, with
//     a resolution parameter and a seed; Q is gonum's community.Q of the
//     result. Agreement is so widespread in the Assembly that resolution 1
//     finds one or two giant blocs (Macon, Mucha and Porter 2012, Physica A
//     391): ScanResolution shows what higher resolutions separate. The
//     useful range is narrow: on session 74, resolution 1 gives two blocs,
//     1.035 five, and past about 1.08 the graph falls apart into dozens
//     of communities of one or two states.
//   - MDS (classical Torgerson scaling) and PCA place items on a 2-D map,
//     with the share of variance each axis explains.
//
// From an alignment.Matrix, Distances gives in one call the distances
// between the states that can be clustered (a Labeled), naming those left
// out and why (no vote, too few votes, too few joint votes); its methods
// (Cut, a hierarchical clustering cut into k blocs; KMedoids, Louvain,
// MDS) return partitions that know their states, with silhouette widths,
// and errors that name states rather than indices. Compare
// cross-tabulates two partitions (the blocs of two sessions, say), with
// the adjusted Rand index; it matches each bloc to the one that took most
// of its states when that one drew most of its states from it, reports
// the merges and splits the table shows (Regroupings), and lists as moves
// only the states that left their bloc for another, both numbered as in
// the first partition. Partition.Name names a bloc by its best-known
// members (BestKnownISO3 lists the best-known states in order). Stability
// says how firm the blocs of a dataset are: it resamples the roll calls,
// clusters every resample again with a Method (HierarchicalK, KMedoidsK),
// and reports how often each pair of states shares a bloc, how often each
// state stays in its own, and each bloc's mean Jaccard overlap;
// Labeled.Stability does so for the states of a Labeled, and
// BlocStability.Relabel numbers the report's blocs as a Partition
// numbers them (checking that they are the same blocs), so that the two
// tables match. Partitions, comparisons, moves and stability reports write
// themselves as tidy CSV (WriteCSV).
//
// Bad input gets an error wrapping a sentinel (ErrNaN, ErrNegative,
// ErrDiagonal, ErrK, ErrTooFew, ...) to test with errors.Is, never a panic.
// An option out of its range (a negative count, a NaN resolution) is an
// error wrapping ErrInvalidOptions, as in gonum's optimize: never clamped
// or replaced by a default. Programmer errors panic, as in gonum, and each function says when: an
// unknown Linkage, a Partition with a label outside [0, n), a Labeled whose
// matrices do not fit its states. Distances too large for float64
// arithmetic (beyond about 3e150, whose squares overflow) are scaled down
// by a power of two, which is exact, and the results scaled back; a result
// that itself exceeds the largest float64 is an error wrapping ErrInfinite.
// Functions take a mat.Symmetric (a *mat.SymDense, say); Symmetrize checks
// and converts a plain mat.Matrix. Results print as readable tables
// through String; set their Names field to print names instead of indices.
//
// The main call, with m an agreement matrix of one session:
//
//	l, err := cluster.Distances(m, 10) // states with at least 10 joint votes
//	if err != nil {
//		return err
//	}
//	p, err := l.Cut(cluster.Average, 4)
//	if err != nil {
//		return err
//	}
//	fmt.Print(p)          // the blocs, by state name
//	err = p.WriteCSV(w)   // iso3,cow,name,session,bloc,bloc_name,silhouette
package cluster
