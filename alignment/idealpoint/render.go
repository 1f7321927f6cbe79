package idealpoint

import (
	"fmt"
	"io"
	"strings"
)

// writeTo writes the text String returns.
func (r *Fit) writeTo(w io.Writer) (int64, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "ideal points: %d states, %d contested roll calls (%d unanimous dropped), %d sweeps, converged %v\n",
		len(r.Positions), r.RollCalls, r.Unanimous, r.Iterations, r.Converged)
	writePositions(&b, r.Positions, false)
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// String returns the positions as a table: country, ideal point, SE, votes.
func (r *Fit) String() string {
	var b strings.Builder
	r.writeTo(&b)
	return b.String()
}

// writeTo writes the text String returns.
func (r *DynamicFit) writeTo(w io.Writer) (int64, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "dynamic ideal points: %d state-sessions, sessions %d, %d contested roll calls, %d sweeps, converged %v\n",
		len(r.Positions), len(r.Sessions), r.RollCalls, r.Iterations, r.Converged)
	writePositions(&b, r.Positions, true)
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// String returns every position as a table ordered by country and session.
func (r *DynamicFit) String() string {
	var b strings.Builder
	r.writeTo(&b)
	return b.String()
}

func writePositions(b *strings.Builder, ps []Position, session bool) {
	if session {
		fmt.Fprintf(b, "%-4s %-28s %7s %7s %6s %6s\n", "code", "country", "session", "ideal", "se", "votes")
	} else {
		fmt.Fprintf(b, "%-4s %-28s %7s %6s %6s\n", "code", "country", "ideal", "se", "votes")
	}
	for _, p := range ps {
		name := p.Country.Name
		if len(name) > 28 {
			name = name[:28]
		}
		if session {
			fmt.Fprintf(b, "%-4s %-28s %7d %7.3f %6.3f %6d\n", p.Country.Code(), name, p.Session, p.IdealPoint, p.SE, p.Votes)
		} else {
			fmt.Fprintf(b, "%-4s %-28s %7.3f %6.3f %6d\n", p.Country.Code(), name, p.IdealPoint, p.SE, p.Votes)
		}
	}
}
