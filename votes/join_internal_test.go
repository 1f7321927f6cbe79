package votes

import "testing"

// The one form Join matches symbols by: unvotes writes parts as letters
// after the number ("R/61/128AB"), the UN's data as a space and a range
// ("A/RES/75/254 A-C").
func TestJoinKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"R/74/17", "A/RES/74/17"},
		{"A/RES/74/17", "A/RES/74/17"},
		{" a/res/74/17 ", "A/RES/74/17"},
		{"A/RES/75/254 A-C", "A/RES/75/254ABC"},
		{"R/75/254ABC", "A/RES/75/254ABC"},
		{"A/RES/75/290 A", "A/RES/75/290A"},
		{"R/61/128AB", "A/RES/61/128AB"},
		{"A/RES/61/128 A-B", "A/RES/61/128AB"},
		{"A/RES/ES-11/1", "A/RES/ES-11/1"},
		{"ESS/11/1", "A/RES/ES-11/1"},
		{"", ""},
	} {
		if got := joinKey(tc.in); got != tc.want {
			t.Errorf("joinKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
