// Package unga is the home of a library for the roll-call votes of the UN
// General Assembly. It holds no code of its own: its examples answer, in a
// few lines each, the questions analysts ask most, on the record embedded
// in package undata (1946-2026: the unvotes data to 2019, the United
// Nations' resolution data from 2020; source: United Nations).
//
// The packages:
//
//   - votes: the data model and readers (unvotes, Voeten's Dataverse file,
//     the UN Digital Library bulk CSV); one identity per state across
//     sources and names; filters by session, year, issue and text; groups
//     of states with membership by date.
//   - undata: the embedded record, with its documented errata applied,
//     each roll call naming its source.
//   - alignment: agreement indices for a pair or all pairs, rankings, series
//     by session or calendar year, group cohesion, defections, outliers,
//     bootstrap intervals; alignment/idealpoint for ideal points.
//   - cluster: voting blocs (hierarchical, k-medoids, Louvain), partitions
//     compared, MDS and PCA maps.
//   - audit: two sources compared vote by vote, swaps and shifts found, what
//     a dataset covers.
//   - chart: the pictures (dendrogram, heatmap, map, lines with bands).
//
// Every result can leave as tidy CSV (WriteCSV): one observation per row,
// states as iso3, cow and name. The iso3 column is the ISO 3166-1 alpha-3
// code, empty for the three states without one of their own (the Federal
// Republic of Germany, the Yemen Arab Republic, Zanzibar), which the cow
// column identifies; votes.Country.Code gives them a printable code.
//
// # Names
//
// A result type is named for what it holds, a noun without a Report or
// Result suffix, in every package: alignment.Ranking, alignment.GroupCohesion,
// idealpoint.DynamicFit, cluster.BlocStability, audit.SuspicionRanking,
// votes.JoinLog.
//
// # Errors
//
// A bad input or option value is an error, never a panic and never
// clamped to a default (as in gonum's optimize); panics are kept for
// programmer errors, such as matrices of mismatched sizes. Each package
// documents its sentinel errors one by one, for errors.Is; the message of
// each starts with the package's name ("votes: ", "alignment: ",
// "idealpoint: ", "cluster: ", "audit: ", "chart: "), and an error that
// wraps one starts with it and goes on to say which file, state, entry or
// option is at fault. The readers' errors come inside a *votes.ParseError
// that gives the file, line and column first.
//
// # Goroutines
//
// The long computations (the readers' parsing of the vote rows, the
// all-pairs kernels and the bootstraps of alignment, the ideal-point
// fits, cluster's stability resamples) spread their work over GOMAXPROCS
// goroutines, and no more than they have pieces of work. A caller limits
// them by lowering GOMAXPROCS (runtime.GOMAXPROCS, or the GOMAXPROCS
// environment variable); idealpoint's Workers option sets them for one
// fit. Results do not depend on the number of goroutines: each piece of
// work, and each resample's random stream, is fixed before the work is
// shared out.
package unga
