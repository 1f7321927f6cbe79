package idealpoint

import (
	"strings"
	"testing"

	"github.com/unga-go/unga/votes"
)

// A state without an ISO3 code prints by its code (votes.Country.Code),
// not as a blank: the Federal Republic of Germany as GFR.
func TestPositionsPrintCode(t *testing.T) {
	frg, err := votes.LookupCountry("260")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	writePositions(&b, []Position{{Country: frg, Session: 40, IdealPoint: 1, SE: 0.1, Votes: 100}}, true)
	if !strings.Contains(b.String(), "\nGFR  Federal Republic of Germany") {
		t.Errorf("positions print\n%s\nwant a line starting GFR", b.String())
	}
}
