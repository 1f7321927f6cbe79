// Package unga is the home of a library for the roll-call votes of the UN
// General Assembly. It holds no code of its own: its examples answer, in a
// few lines each, the questions analysts ask most, on the record embedded
// in package undata (1946-2019).
//
// The packages:
//
//   - votes: the data model and readers (unvotes, Voeten's Dataverse file,
//     the UN Digital Library bulk CSV); one identity per state across
//     sources and names; filters by session, year, issue and text; groups
//     of states with membership by date.
//   - undata: the embedded record, with its documented errata applied.
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
// states as iso3, cow and name.
package unga
