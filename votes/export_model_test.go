package votes

// LookupSource is the lookup the readers use for names read from files.
var LookupSource = lookupSource
