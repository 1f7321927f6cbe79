// Package alignment measures how alike states vote in the UN General
// Assembly.
//
// It gives agreement indices for a pair of states, all-pairs matrices,
// rankings against a reference state, series by session or by calendar
// year, the cohesion of a group and its defectors, and the members of a
// group that stand apart from the rest, with bootstrap intervals, an exact
// test for "stands apart" and change points saying how sure each finding
// is. A result type is named for what it holds, a noun without a Report or
// Result suffix (Matrix, Ranking, PairSeries, MatrixBootstrap,
// GroupCohesion, GroupRecord). Every result writes itself as tidy CSV
// (WriteCSV);
// WriteLabelledCSV writes several results of one kind (two
// sessions, three indices) as one table with a column that tells them
// apart.
//
// # The joint-vote table
//
// Every pairwise index derives from one object, the Table: the 3x3 counts
// of the votes of state A (yes, abstain, no) against those of state B, over
// the roll calls on which both cast one of these three votes. With votes
// coded yes = 1, abstain = 2, no = 3, the indices are (see Index):
//
//   - Identical: the share of identical votes.
//   - Agree: Voeten's dyadic agreement score, the mean of 1 - |a-b|/2.
//   - SAbs and SSquared: Signorino and Ritter's S with d_max fixed at 2,
//     1 - sum|a-b|/n and 1 - sum(a-b)^2/(2n); SAbs = 2*Agree - 1.
//   - Kappa and Pi: Cohen's kappa and Scott's pi as in Hage (2011), which
//     correct for chance agreement: a pair that always votes yes scores 0.
//   - Coincidence and CoincidencePartial: the US State Department's
//     measures, identical / (identical + opposite) over yes and no votes,
//     and the variant that counts an abstention against a yes or no as half.
//     StateDepartment gives the measure of a given year's report, whose
//     rule changed in 2017 and 2021 (StateDepartmentRule).
//
// Each score comes with the number n of roll calls behind it (Score). A
// score on fewer roll calls than Options.MinN, and any score on none, is
// NaN, never a silent 0 or 1; so is a group's mean cohesion on fewer roll
// calls, overall or in a period, and a member's share of defections on
// fewer votes.
//
// # Absences, non-members, unanimity
//
// Only cast votes count. A roll call on which either state was absent, was
// not a member of the UN, or has no record (the unvotes data record no
// absences) is left out of the pair's table; it neither agrees nor
// disagrees. Options.AbsentAsAbstain counts an absence (votes.Absent) as an
// abstention instead, as the US State Department's report and many scrapes
// of the UN Digital Library do, so that their coincidence tables can be
// reproduced. Group measures follow the same rule: Rice's index and Hix,
// Noury and Roland's count the members' cast votes, a defection is a cast
// vote against the group's majority, and the outlier report counts a member
// without a cast vote as absent (non-members of the UN, as coded by Voeten,
// are not counted at all).
//
// By default roll calls on which every cast vote was the same are dropped,
// as Voeten does: they say nothing about who sides with whom. There is one
// rule for every index, matrix, ranking, series, Cohesion, Defections and
// Outliers: a roll call is unanimous if votes.RollCall.Unanimous says so.
// That flag is judged once, when the dataset is read, on every vote read,
// and kept through Filter and SelectCountries, so narrowing the states
// never changes a score: US-Canada in session 74 is Agree 0.6923 on 91 roll
// calls on the whole Assembly and on the two states alone. Where the source
// also publishes totals (the UN Digital Library), the votes read decide,
// not the totals. Options.KeepUnanimous (OutlierOptions.KeepUnanimous)
// keeps them. In the unvotes record few roll calls are unanimous (82, none
// in session 74), since votes taken without a recorded vote are not in it.
//
// # Periods, undated roll calls
//
// Series come by regular session or by calendar year: every function that
// returns one (AgreementBy, PairBy, WithReference, CohesionBy,
// BootstrapPairSeries, BootstrapGroupMedian) takes a By, BySession or
// ByYear, after the dataset, and the series' By field says which keys
// Periods holds. A roll
// call without a date belongs to its session but to no year: series by year
// leave it out and count it (Undated). Group measures need the day of a
// vote to know who was a member: Cohesion, Defections and Outliers leave
// undated roll calls out of the group and count them, and a period's date
// (the day GroupMedian and BootstrapGroupMedian judge membership on) is
// that of its first dated roll call, unanimous or not, so that no undated
// roll call counts every state that was ever a member and dropping
// unanimous roll calls does not change who is one.
//
// # Rankings and NaN
//
// Rank orders every state by its score with a reference state, with n and
// a minimum n: scores NaN (too few roll calls in common) come last, after
// every number, and Top and Bottom never return them; states without any
// cast vote are left out and named (Ranking.NoVotes). Tied scores are
// listed larger n first, then by COW code, and each state has its own
// rank (Ranked.Rank: 1, 2, 3 for a tie at the top). BootstrapReference
// lists states in the same order but ranks as its resamples do, tied
// states sharing the best rank (RankedInterval.Rank: 1, 1, 3).
// GroupDefections ranks the members by their share of defections, the
// members without a vote (share NaN) last, and leaves out states that were
// not members during the selection. ComparePeriods ranks the states by the
// change of their score between two selections ("whose agreement with
// China rose most between 2000-2004 and 2015-2019?"), NaN changes last,
// with a bootstrap interval for each change. Rankings say how much of the
// selection each state was a member for (Membership): a state admitted
// midway is scored on its part alone, and Options.MinMembership ranks only
// the states that were members for enough of it. The matrices and the
// series of every state honour it too (a state left out of a matrix, or
// NaN in a period of a ReferenceSeries); the functions about one pair or
// one group refuse it (ErrInvalidOptions) rather than ignore it.
//
// # How sure
//
// A score on 82 roll calls has a wide margin. The bootstrap functions
// resample the roll calls of a selection with replacement and give
// percentile intervals (Interval) for a pair (BootstrapPair), every pair at
// once (BootstrapMatrix, whose pairs share their resamples so that the
// difference of two pairs' scores has an interval too: Difference), a
// series resampled within each period (BootstrapPairSeries, and a group's
// median score with a state, BootstrapGroupMedian), every state's
// score and rank against a reference (BootstrapReference) and a group's
// cohesion (BootstrapCohesion). Resample r draws from a stream derived from
// BootstrapOptions.Seed and r alone, so a seed gives the same intervals on
// any number of cores. Session 74, Serbia and Russia: Agree 0.7439 (n=82),
// 95% interval about [0.66, 0.82].
//
// Whether a member "stands apart" from its group is tested exactly
// (GroupRecord.Permutation): if the group's votes on each roll call were
// shared out at random among the members present, a member's count of votes
// with the reference would follow a Poisson-binomial distribution, whose
// tails give the p-value. On the record to 2019, Serbia voted with Russia
// on 6 of 6 Crimea resolutions, p about 2e-6; to 2025, on 10 of 14, p
// about 2e-10 (examples/crimea). In a group that votes alike no member's
// p-value is small. The test scores the index the verdict uses
// (OutlierOptions.Index) where that index is a sum over roll calls
// (Identical, Agree, SAbs, SSquared, CoincidencePartial), exactly, from the
// distribution of a sum of per-roll-call distances; for Kappa, Pi and
// Coincidence it counts identical votes, and its rows and sentences name
// both indices (PermutationTest.Index).
//
// ChangePoints finds where a series changed level: an exact segmentation
// minimising a Gaussian -2 log likelihood, each score weighted by its n,
// plus a penalty per change, with a likelihood-ratio interval for each
// change's date. Serbia and Russia, 1992-2019: one change, at session 68
// [67-70], from 0.79 to 0.71; the EU median's, weighed by the precision of
// its bootstrap intervals (EffectiveN), at 63 and 72, from 0.97 to 0.90 to
// 0.85.
//
// # Co-sponsorship
//
// CosponsorMatrix measures alignment by what states put their names to
// rather than how they vote: for each pair, the share of the roll calls
// either sponsored that both sponsored, from the sponsors the UN's
// resolution data give (source: United Nations). It has the shape of an
// agreement matrix (Index Cosponsorship), so cluster.Distances and
// chart.Heatmap take it.
//
// # Panics and errors
//
// Data problems return errors, with messages starting "alignment: ", to
// test with errors.Is: ErrEmpty (no roll call left), ErrNoVotes (a state
// or a group without a cast vote in the selection), ErrTooFewMembers (a
// group measure on a single voting member), votes.ErrUnknownCountry (a
// state without a row). A state without a vote is an error for every call
// about that state (Pair, the pair series, Rank, WithReference,
// ComparePeriods, the bootstraps of a pair or a reference, Outliers'
// reference, and the accessors of one pair's or one state's series:
// MatrixSeries.Pair, ReferenceSeries.State and Series), never a NaN table:
// Germany (COW 255) on 1985 data fails with ErrNoVotes naming the Federal
// Republic (GFR, COW 260), which held the seat then (votes.Successions),
// and pointing to votes.LookupCountryOn and
// (*votes.Dataset).JoinPredecessors. A matrix or a ranking lists such a
// state as NaN or in Ranking.NoVotes, and Matrix.Lookup says false for it.
//
// A bad option value is an error too, ErrInvalidOptions, as in gonum's
// optimize: a NaN or infinite number, a negative count, a level outside
// (0, 1), an Index field that is not a constant, fewer bootstrap
// resamples than an interval at the level asked needs (MinResamples: 40
// for 95%). The zero value of every option field means its default;
// nothing is clamped. ChangePoints refuses an infinite score
// (ErrInvalidScore).
//
// Programmer errors in arguments panic, as a slice index out of range
// does, with a message starting "alignment: ": an Index or By argument
// that is not one of the constants, a state or period index out of range
// (Matrix.At, ReferenceSeries.At), a Series column
// of the wrong length, change-point keys out of order. Each function's doc
// says when it panics.
//
// # Speed
//
// AgreementMatrix and AgreementBy turn every state's
// votes into three bit vectors (cast, abstain-or-no, no). Over the roll
// calls both states cast, |a-b| is the number of these sets in which their
// bits differ, so Agree and S take three AND/XOR + popcount passes per 64
// roll calls and the full 3x3 table nine; on amd64 a POPCNT assembly kernel
// does the Agree and S passes. Work is spread over GOMAXPROCS goroutines
// (the module's doc, package unga, says how to limit them).
//
// The main call:
//
//	ds, err := undata.Load()
//	m, err := alignment.AgreementMatrix(ds.Filter(votes.InSessions(74, 74)), alignment.Agree, nil)
//	s, _ := m.Lookup(usa, israel) // 0.9607 (n=89)
//
// the states closest to the United States in 2019:
//
//	rk, err := alignment.Rank(ds.Filter(votes.InYears(2019, 2019)), usa, alignment.Agree, nil)
//	top := rk.Top(15) // Israel first, 0.9602 (n=88)
//
// and for a group:
//
//	eu, err := votes.LookupGroup("EU")
//	cs, err := alignment.CohesionBy(ds.Filter(votes.InYears(1995, 2019)), alignment.ByYear, eu, nil)
//	err = cs.WriteCSV(os.Stdout)
package alignment
