// Package engine is the reading engine of package votes, behind one
// function, Read: format detection and gzip, the layout parsers (unvotes,
// Voeten, the UN Digital Library, the canonical CSV), the parallel vote-row
// path with its dense mode and fast paths, and the builder that lays the
// votes out as a matrix. The CSV splitter and block reader it runs on are
// package csvscan; the country table is package countries.
//
// Its model types (Vote, Flag, Issue, RollCall, Tally) mirror package
// votes' with the same fields and values, since votes, which calls it, is
// the one to import; votes converts a Result to a Dataset by a copy. Its
// errors are votes' own: votes re-exports the sentinels and ParseError, so
// that errors.Is and errors.As hold on what Read returns.
package engine
