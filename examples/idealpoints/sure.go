package main

import (
	"fmt"

	"github.com/unga-go/unga/alignment/idealpoint"
	"github.com/unga-go/unga/votes"
)

// howSure returns a sentence on how sure the main finding is: where Serbia
// stands between Russia and Croatia in the last session of the range in
// which all three have a position, judged by their 95% intervals
// (Position.Interval: the bands of the picture and the CSV's lo and hi): two states whose
// intervals do not overlap are told apart; two whose intervals overlap are
// not. countries holds the states by ISO3 code.
func howSure(res *idealpoint.DynamicFit, countries map[string]votes.Country, from, to int) string {
	for s := to; s >= from; s-- {
		srb, ok1 := res.At(countries["SRB"], s)
		rus, ok2 := res.At(countries["RUS"], s)
		hrv, ok3 := res.At(countries["HRV"], s)
		if !ok1 || !ok2 || !ok3 {
			continue
		}
		overlaps := func(a, b idealpoint.Position) bool {
			alo, ahi := a.Interval(idealpoint.Level)
			blo, bhi := b.Interval(idealpoint.Level)
			return alo <= bhi && blo <= ahi
		}
		pm := func(q idealpoint.Position) string {
			lo, hi := q.Interval(idealpoint.Level)
			return fmt.Sprintf("%.2f ± %.2f", q.IdealPoint, (hi-lo)/2)
		}
		between := min(rus.IdealPoint, hrv.IdealPoint) < srb.IdealPoint && srb.IdealPoint < max(rus.IdealPoint, hrv.IdealPoint)
		var verdict string
		switch r, h := overlaps(srb, rus), overlaps(srb, hrv); {
		case !r && !h && between:
			verdict = "its interval overlaps neither, so Serbia stands clearly between Russia and Croatia"
		case !r && !h:
			verdict = "its interval overlaps neither, so Serbia stands clearly apart from both, not between them"
		case r && h:
			verdict = "its interval overlaps both, so the data cannot tell Serbia from either"
		case r:
			verdict = "its interval overlaps Russia's, so the data cannot tell Serbia from Russia there"
		default:
			verdict = "its interval overlaps Croatia's, so the data cannot tell Serbia from Croatia there"
		}
		return fmt.Sprintf("How sure: in session %d Serbia's ideal point is %s (95%% interval), Russia's %s and Croatia's %s; %s.",
			s, pm(srb), pm(rus), pm(hrv), verdict)
	}
	return fmt.Sprintf("How sure: Serbia, Russia and Croatia have no session in %d-%d with a position for all three, so there is no comparison to make.", from, to)
}

// hasMoved returns a sentence on whether state c's ideal point moved
// between the first and the last session of the range in which it has a
// position: DynamicFit.Move, whose standard error counts the
// correlation of the two positions along the state's path.
func hasMoved(res *idealpoint.DynamicFit, c votes.Country) (string, error) {
	path := res.Path(c)
	if len(path) < 2 {
		return fmt.Sprintf("Has it moved? %s has a position in fewer than two sessions of the range.", c.Name), nil
	}
	mv, err := res.Move(c, path[0].Session, path[len(path)-1].Session)
	if err != nil {
		return "", err
	}
	return "Has it moved? " + mv.String() + ".", nil
}
