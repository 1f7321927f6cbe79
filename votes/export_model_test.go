package votes

// LookupSource is the lookup the readers use for names read from files
// (countries.LookupSource, which the readers call for every name and code).
var LookupSource = lookupSource
