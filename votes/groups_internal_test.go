package votes

import (
	"os"
	"strings"
	"testing"

	"github.com/unga-go/unga/internal/countries"
)

// TestGroupAliases checks that every name and alias finds its own group
// (no two groups share a folded alias) and that LookupGroup's
// documentation lists it.
func TestGroupAliases(t *testing.T) {
	src, err := os.ReadFile("groups.go")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(src)
	doc = doc[strings.Index(doc, "// LookupGroup returns"):strings.Index(doc, "func LookupGroup(")]
	doc = strings.ReplaceAll(doc, "\n//  ", "")
	for _, d := range countries.GroupDefs() {
		for _, a := range append([]string{d.Name}, d.Aliases...) {
			if g, err := LookupGroup(a); err != nil || g.Name != d.Name {
				t.Errorf("LookupGroup(%q) = %q, %v; want %s", a, g.Name, err, d.Name)
			}
			if !strings.Contains(doc, `"`+a+`"`) {
				t.Errorf("LookupGroup's documentation does not list %q", a)
			}
		}
	}
}
