package alignment

import "github.com/unga-go/unga/votes"

// StateDepartmentRule returns the index and options with which the US
// State Department's annual report to Congress, "Voting Practices in the
// United Nations" (submitted pursuant to Public Laws 101-246 and 108-447;
// the first, for 1984, appeared in 1985), computes the voting coincidence
// of a state with the United States for a calendar year. Every recorded
// plenary vote of the year counts, unanimous ones included
// (KeepUnanimous), and the rule changed twice:
//
//   - the reports through 2016: identical votes / (identical + opposite
//     votes), over the votes on which both voted yes or no; abstentions and
//     absences are left out (Coincidence: the "votes only" column);
//   - the reports for 2017-2020: a "same" vote scores one point, a
//     "partial" one (one state abstained, the other voted yes or no) half
//     a point and an "opposite" one none, over the votes both cast,
//     absences left out (CoincidencePartial; two abstentions are "same");
//   - the reports from 2021: as for 2017-2020, and an absence counts as an
//     abstention (CoincidencePartial with AbsentAsAbstain).
//
// The absences the last rule counts are in the UN's voting records and in
// Voeten's file, not in the unvotes record, where a state that did not
// vote has no record and is left out under every rule.
func StateDepartmentRule(year int) (Index, Options) {
	o := Options{KeepUnanimous: true}
	switch {
	case year <= 2016:
		return Coincidence, o
	case year <= 2020:
		return CoincidencePartial, o
	}
	o.AbsentAsAbstain = true
	return CoincidencePartial, o
}

// StateDepartment returns the voting coincidence of states a and b over the
// roll calls of ds held in the calendar year year, under the rule of the
// State Department's report for that year (StateDepartmentRule): the
// report's percentage for a state, with b the United States, is 100 times
// its Value. Its N counts the roll calls the rule counts. To rank every
// state by it, pass the rule to Rank:
//
//	x, o := alignment.StateDepartmentRule(2018)
//	rk, err := alignment.Rank(ds.Filter(votes.InYears(2018, 2018)), usa, x, &o)
//
// It returns Pair's errors: one wrapping votes.ErrUnknownCountry if a state
// has no row in ds, ErrEmpty if ds holds no roll call in that year.
func StateDepartment(ds *votes.Dataset, year int, a, b votes.Country) (Score, error) {
	x, o := StateDepartmentRule(year)
	t, err := Pair(ds.Filter(votes.InYears(year, year)), a, b, &o)
	if err != nil {
		return Score{}, err
	}
	return t.Score(x, 1), nil
}
