package countries

import "strings"

// CowKey reads a lookup key made only of digits and at most one point as a
// COW code. FoldKey drops points, which made "2.0" the code 20 (Canada) and
// "3.65" 365 (Russia): here an integral decimal ("2.0") is its integer, and
// any other decimal is no code at all (""). numeric is false for a key that
// is not a number, which is looked up by name.
//
// A sign makes no code either: FoldKey drops it, which made "-2" the United
// States and "-365" Russia, so a signed number is numeric with no code.
func CowKey(key string) (code string, numeric bool) {
	key = strings.TrimSpace(key)
	if signed := strings.TrimLeft(key, "+-"); signed != key {
		if _, numeric := CowKey(signed); numeric {
			return "", true
		}
		return "", false
	}
	digits := 0
	for i := range len(key) {
		switch c := key[i]; {
		case '0' <= c && c <= '9':
			digits++
		case c != '.':
			return "", false
		}
	}
	if digits == 0 {
		return "", false
	}
	whole, frac, point := strings.Cut(key, ".")
	if !point {
		return whole, true
	}
	if whole == "" || strings.Trim(frac, "0") != "" {
		return "", true // "3.65", ".5", "2.0.0"
	}
	return whole, true
}
