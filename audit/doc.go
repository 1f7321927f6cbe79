// Package audit checks a roll-call record against another and against
// itself.
package audit

import "errors"

// ErrEmpty reports a dataset with no roll call to audit.
var ErrEmpty = errors.New("no roll calls")
