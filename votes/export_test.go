package votes

import "io"

// ReadRowByRow reads as Read does but without the fast paths, row by row:
// the reference they must agree with.
func ReadRowByRow(r io.Reader) (*Dataset, error) { return (&Reader{opsOnly: true}).Read(r) }

// GunzipPath returns the decompressed contents of a gzipped test file,
// decompressed once per test binary and shared: read only.
var GunzipPath = gunzipPath

// RowByRowReader returns a Reader that reads as ReadRowByRow does.
func RowByRowReader() *Reader { return &Reader{opsOnly: true} }
