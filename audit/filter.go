package audit

import (
	"time"

	"github.com/unga-go/unga/votes"
)

// rollCallKey identifies a roll call through Dataset.Filter and
// SelectCountries, which copy its fields.
type rollCallKey struct {
	id         int
	session    int
	date       time.Time
	resolution string
}

func keyOf(rc *votes.RollCall) rollCallKey {
	return rollCallKey{rc.ID, rc.Session, rc.Date, rc.Resolution}
}

// Filters returns two filters that keep the matched roll calls (Matches)
// of each side, so that both sources can be scored on the same roll
// calls: a keeps them in c.A, b in c.B, or in any selection of them
// (Dataset.Filter, SelectCountries). A roll call is recognised by its ID,
// session, date and resolution symbol, which a selection keeps; applied to
// another dataset, a filter keeps the roll calls that carry the same four.
func (c *Comparison) Filters() (a, b votes.Filter) {
	ka := make(map[rollCallKey]bool, len(c.Matches))
	kb := make(map[rollCallKey]bool, len(c.Matches))
	for _, m := range c.Matches {
		ka[keyOf(c.A.RollCall(m.A))] = true
		kb[keyOf(c.B.RollCall(m.B))] = true
	}
	return func(d *votes.Dataset, j int) bool { return ka[keyOf(d.RollCall(j))] },
		func(d *votes.Dataset, j int) bool { return kb[keyOf(d.RollCall(j))] }
}
