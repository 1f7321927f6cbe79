// Package idealpoint estimates the ideal points of states from their
// votes in the UN General Assembly.
//
// An ideal point is one number per state (and session) that places it on
// the main dimension of conflict in the Assembly, the measure of Bailey,
// Strezhnev & Voeten (2017, "Estimating Dynamic State Preferences from
// United Nations Voting Data", Journal of Conflict Resolution 61(2)).
//
// # Model
//
// Each state i has a position θ_i, each contested roll call j a
// discrimination b_j and two cut points g1_j ≤ g2_j. A vote is the sign of
// a latent z = b_j·θ_i + ε, ε standard normal, against the cut points:
//
//	P(yes)     = Φ(g1 - b·θ)
//	P(abstain) = Φ(g2 - b·θ) - Φ(g1 - b·θ)
//	P(no)      = 1 - Φ(g2 - b·θ)
//
// an ordinal probit with abstention between yes and no. Absences and
// non-members are missing; unanimous roll calls carry no information and
// are dropped. A roll call without abstentions has one cut point (a binary
// probit). Priors: θ ~ N(0, 1), b ~ N(0, 2²) (N(0, 0.5²) in a dynamic
// fit, below), g ~ N(0, 5²).
//
// # Estimation
//
// Estimate finds the posterior mode of all parameters jointly, the fixed
// point that the expectation-maximisation algorithm of Imai, Lo & Olmsted
// (2016, APSR; emIRT's ordIRT) converges to, by exact block coordinate
// ascent instead of data augmentation: a damped Newton step for the three
// parameters of every roll call given the positions, then for every
// position given the roll calls. The ordinal probit log-likelihood is
// concave in each block (Pratt 1981), so each step is an ascent step
// (checked by a line search when it is large). After every sweep the
// parameters jump along the directions in which the likelihood is flat (a
// shift of the positions absorbed by the cut points, a rescaling against
// the discriminations) to the prior's optimum, which removes the slow
// zig-zag of plain block updates. Everything is deterministic: the start is
// the leading principal component of the mean-imputed vote matrix, and
// parallel work is split into fixed blocks.
//
// EstimateDynamic fits all sessions at once. A state's positions in
// successive sessions follow a Gaussian random walk, θ_s ~ N(θ_{s-1},
// Drift²·gap) with θ at its first session ~ N(0, 1), as in Bailey,
// Strezhnev & Voeten; roll calls have their own parameters, their
// discriminations under a tighter prior, N(0, 0.5²): pooled over many
// sessions, a bloc that votes on one side of nearly every roll call (the
// Soviet bloc before 1990) is otherwise carried far out by sharp roll
// calls. The Hessian of a state's path is tridiagonal, so its Newton step
// is a Thomas-algorithm solve in O(sessions), the Kalman-smoother update of
// emIRT's dynIRT in another form, and the flat directions are moved per
// session.
//
// Drift (default 0.1 per session, on the scale of the prior) smooths the
// paths. Looser drifts let the joint posterior mode misplace blocs that
// vote on one side of nearly every roll call: at 0.3 the per-session
// correlation with Bailey, Strezhnev & Voeten falls to 0.86 in the 1960s
// and 1970s, at 0.85 to 0.78 (0.98-0.99 at 0.1).
//
// # Scale, sign and uncertainty
//
// Static estimates are reported with mean 0 and standard deviation 1 over
// the states in the fit. Dynamic estimates are mapped by one affine
// transformation for the whole record to mean 0 and standard deviation 1
// over all state-sessions, so they are comparable across sessions (a
// state's movement is real movement relative to the others, not a change of
// scale). The sign is fixed so that the anchor state, the United States
// unless Options.Anchor says otherwise, is positive: positive positions
// vote like the United States.
//
// SE is the posterior standard deviation of a Laplace approximation, on
// the reported scale, in two steps. First the curvature of each state's
// path at the mode with the roll calls held fixed (for a dynamic path, the
// diagonal of the inverse of its tridiagonal negative Hessian: its own
// votes and what the random walk brings from its other sessions). Then,
// session by session, the roll-call parameters are integrated out: with P
// the diagonal of those precisions, D the negative Hessian of the session's
// roll-call parameters and B the cross derivatives, the positions'
// precision is P - B D⁻¹ Bᵀ, a dense matrix per session whose inverse
// carries what the roll calls' uncertainty shares between states (the
// shift and rescaling of a session that the likelihood cannot see, how far
// a bloc stands from the rest). A static fit reports standardized
// positions, so its SE is that of the standardized position (delta
// method): a common shift or rescaling of all states is not uncertainty
// about where a state stands among them. The cost is one Cholesky
// factorisation per session (about 200 states). On votes simulated from
// the model (TestSECoverageSimulated) 94% of the true positions lie within
// ±1.96 SE.
//
// In a dynamic fit the path's curvature is taken with the random walk's
// step standard deviation set to DynamicOptions.UncertaintyDrift (default
// 0.85), not Drift: the drift the whole 1946-2019 record supports, the
// empirical-Bayes fixed point of the EM update of the random walk's
// variance (fits at Drift 0.7 and 1 support 0.74 and 0.97). Drift 0.1 keeps
// the positions stable; the standard errors say how far each session's own
// votes, and a plausible amount of borrowing from the neighbouring
// sessions, pin a state down. The Laplace approximation of that posterior
// is taken at its own mode: with the roll calls held at the fit, Newton
// steps move each path from the reported positions to where its votes and
// the looser random walk balance (a median 0.09 and a 90th percentile 0.29
// of the standard deviation of all positions), and the roll calls are
// integrated out there too. At the reported positions the curvature would
// mix the two priors. With UncertaintyDrift equal to Drift the SE is the
// Laplace approximation under the smoothing prior itself, about a third as
// wide. On paths simulated with steps of 0.85 (TestSECoverageDynamic) the
// defaults put 96.4% of the true positions within ±1.96 SE of that mode and
// 97.2% within ±1.96 SE of the reported positions (slightly wide: the
// smoothed positions lie nearer the truth), against 75% with
// UncertaintyDrift = Drift; on paths with steps of 0.3 they cover 99%,
// wider than needed.
//
// Measured against the posterior spread of Bailey, Strezhnev & Voeten
// (their (Q95%-Q5%)/3.29 in ReadBSV's file) over sessions 50-74 of the
// dynamic fit of the whole record on the roll calls their estimates rest on
// (BSVRollCalls), relative to the spread of the points in each session
// (TestUncertaintyAgainstBSV): our SE is a median 0.90 of theirs
// (0.85-0.97 by session; 0.37 with UncertaintyDrift equal to Drift), and
// the per-session correlation of the two averages 0.92, lowest 0.81
// (session 50). Both widen towards the end opposite the West (Syria, Iran,
// Cuba: about twice the SE of the centre) and for the states that missed
// many votes.
//
// On all roll calls, the separate votes on paragraphs and amendments that
// BSV leave out included, the positions agree with theirs as well
// (TestAgainstBSV) but the standard errors less: a median ratio of 0.84 and
// a correlation of mean 0.86, below 0.8 in sessions 55, 64, 66 and 71
// (0.67). Those votes often set apart the states at the end opposite the
// West (session 71 holds 40, many of them paragraphs of disarmament
// resolutions on which Syria, Iran and Cuba abstain together), so our
// standard errors at that end shrink while theirs, without the votes, do
// not. The difference is in the data, not the method: to compare with
// their estimates, filter the dataset with BSVRollCalls first.
//
// Integrating out the roll-call parameters adds about 2% to the SE; it is
// kept, as that uncertainty is real. Tried and not kept, all measured on
// all roll calls: the exact one-dimensional posterior of each position on
// a grid instead of its curvature (these posteriors are close to normal);
// a parametric bootstrap (10 replicates of 10 warm-started sweeps take
// about 10 s and correlate at 0.35: the refits do not converge, and within
// the time of a fit there are too few replicates); a sandwich (robust)
// variance per state-session (0.33); a drift per state by EM with the roll
// calls fixed (0.78); a looser or tighter discrimination prior (0.82 and
// 0.83, and the positions agree less with theirs). Other values of
// UncertaintyDrift trade the ratio against the correlation: on all roll
// calls 0.5 gives a median ratio of 0.70 and a correlation of 0.87, 1.2
// gives 0.92 and 0.84.
//
// # Has a state moved?
//
// DynamicFit.Move gives the change of a state's ideal point between two
// sessions with its standard error, and Moves the changes of every state
// (tidy rows: moveRow). The two positions lie on one path and their errors
// are correlated, so the SE of the change is √(SE₁² + SE₂² - 2ρ·SE₁·SE₂),
// with ρ (Move.Corr) the correlation of the two positions in the same
// Laplace approximation as the SEs: the inverse of the path's tridiagonal
// negative Hessian, whose correlations multiply along the path. Combining
// the two SEs as if independent overstates it. Move.Moved(Level) says
// whether the change exceeds 1.96 SE. At the defaults the correlation is
// modest, as UncertaintyDrift lets each session's votes place the state:
// 0.17 on average between sessions 73 and 74 of the record, 0.002 between
// 70 and 74. On simulated paths (TestMoveSECalibrated) the SE of the
// change matches the spread of its error at the true drift (root mean
// square of error/SE 0.86 between neighbouring sessions, 0.79 combined as
// if independent; 1.04 nine sessions apart); at the defaults it is wide
// between neighbouring sessions (0.51), whose smoothed positions move less.
//
//	mv, err := dyn.Move(serbia, 70, 74)
//	fmt.Println(mv) // the change, its SE and 95% interval, and whether it moved
//
// # Successor states
//
// A state that changed its COW code has two paths: the Federal Republic of
// Germany (260) until 1990 and Germany (255) after, the Yemen Arab
// Republic (678) and Yemen (679). To follow one line, join the
// predecessors' votes to the successors before estimating
// ([votes.Dataset.JoinPredecessors] with a nil table counts FRG as Germany
// and YAR as Yemen):
//
//	joined, err := ds.JoinPredecessors(nil)
//	...
//	dyn, err := idealpoint.EstimateDynamic(context.Background(), joined, nil)
//
// # Long fits
//
// Estimate and EstimateDynamic stop at the end of the sweep
// in which their context is done and return its error. Options.Progress
// is called after every sweep, for a progress line.
//
// # Comparing with the published estimates
//
// ReadBSV reads Bailey, Strezhnev & Voeten's estimates file (posterior
// means and quantiles by state and session) for comparison by COW code and
// session; the scales differ by an affine map. Their estimates leave out
// the separate votes on paragraphs and amendments of the recent sessions;
// BSVRollCalls selects the same roll calls:
//
//	dyn, err := idealpoint.EstimateDynamic(context.Background(), ds.Filter(idealpoint.BSVRollCalls()), nil)
//
// # Bad input
//
// Sets with fewer than 3 contested roll calls or 3
// voting states return ErrTooFewRollCalls or ErrTooFewStates (a dynamic
// fit skips such sessions and lists them). States without a cast vote get
// no position. Perfect separation (a state always on one side, a roll call
// that splits the states exactly by position) is held finite by the
// priors. The number of sweeps is bounded by Options.MaxIter; results
// report the sweeps done, whether the fit converged and the last change.
//
//	ds, _ := undata.Load()
//	res, err := idealpoint.Estimate(context.Background(), ds.Filter(votes.InSessions(74, 74)), nil)
//	dyn, err := idealpoint.EstimateDynamic(context.Background(), ds, nil)
package idealpoint
