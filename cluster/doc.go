// Package cluster finds voting blocs: which groups of states vote alike in a
// session, who sits where, and how stable that picture is.
//
// Everything works on a matrix of distances (or similarities) between
// items, so the package does not depend on how they were computed. For the
// General Assembly the usual distance is 1 - Voeten's agree index: for two
// states, the mean over the roll calls both voted on of 1 - |a-b|/2 with yes
// = 1, abstain = 2, no = 3, so that agreeing scores 1, yes against abstain
// 0.5 and yes against no 0. Distances come from joint votes only; a pair that
// never voted together has no distance (NaN), and DropMissing, the one
// function that accepts NaN, leaves such states out and says which. Nothing
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
// Bad input gets an error wrapping a sentinel (ErrNaN, ErrNegative,
// ErrDiagonal, ErrK, ...) to test with errors.Is, never a panic. Functions
// take a mat.Symmetric (a *mat.SymDense, say); Symmetrize checks and converts
// a plain mat.Matrix. Results print as readable tables through String; set
// their Names field to print country names instead of indices.
//
// The main call, with dist the distances between the states of a session in
// COW-code order and names beside it:
//
//	d, err := cluster.Hierarchical(dist, cluster.Average)
//	if err != nil {
//		return err
//	}
//	labels, err := d.CutK(4)
//	if err != nil {
//		return err
//	}
//	fmt.Print(&cluster.Partition{Labels: labels, Names: names})
package cluster
