// Package alignment measures how alike states vote in the UN General
// Assembly: agreement indices for a pair of states, all-pairs matrices,
// series by session, the cohesion of a group, and the members of a group
// that stand apart from the rest.
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
//
// Each score comes with the number n of roll calls behind it (Score). A
// score on fewer roll calls than Options.MinN, and any score on none, is
// NaN, never a silent 0 or 1.
//
// # Absences, non-members, unanimity
//
// Only cast votes count. A roll call on which either state was absent, was
// not a member of the UN, or has no record (the unvotes data record no
// absences) is left out of the pair's table; it neither agrees nor
// disagrees. Group measures follow the same rule: Rice's index and the
// agreement index count the members' cast votes, a defection is a cast vote
// against the group's majority, and the outlier report counts a member
// without a cast vote as absent (non-members of the UN, as coded by Voeten,
// are not counted at all).
//
// By default roll calls on which every cast vote was the same are dropped,
// as Voeten does: they say nothing about who sides with whom. Unanimity is
// judged on the states of the dataset passed in; Options.KeepUnanimous keeps
// them. In the unvotes record few roll calls are unanimous (none in session
// 74), since votes taken without a recorded vote are not in it.
//
// # Speed
//
// AgreementMatrix, AgreementBySession and AllTables turn every state's
// votes into three bit vectors (cast, abstain-or-no, no). Over the roll
// calls both states cast, |a-b| is the number of these sets in which their
// bits differ, so Agree and S take three AND/XOR + popcount passes per 64
// roll calls and the full 3x3 table nine; on amd64 a POPCNT assembly kernel
// does the Agree and S passes. Work is spread over GOMAXPROCS goroutines:
// all pairs of the 1946-2019 record (200 states, 6,203 roll calls) take a
// few milliseconds.
//
// The main call:
//
//	ds, err := undata.Load()
//	m, err := alignment.AgreementMatrix(ds.Filter(votes.InSessions(74, 74)), alignment.Agree, nil)
//	s, _ := m.Lookup(usa, israel) // 0.9607 (n=89)
//
// and for a group:
//
//	balkans, err := votes.LookupGroup("Balkans")
//	rep, err := alignment.Outliers(crimea, balkans, russia, nil)
//	fmt.Println(rep.Sentence())
package alignment
