package votes

// LookupSource is the lookup the readers use for names read from files
// (countries.LookupSource, which the engine calls too).
var LookupSource = lookupSource
