// Package notes says, under each finding of a check.Result, what each
// Microsoft Graph SDK makes of the value the finding is about: it fills
// Diagnostic.SDK with one sentence per SDK that reads the value differently
// from a correct read, from the behaviours package sdk tabulates.
//
// The pass lives apart from package check so that the validator's
// WebAssembly module, which links check, does not carry it: the CLI calls
// [Annotate] after check.Validate, and the page calls it through the
// lazily loaded tools module. Package check does not import this one.
//
// The package is pure Go.
package notes
