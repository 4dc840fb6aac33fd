// Package scan parses JSON in one pass into a flat, position-preserving
// [Doc], and reports syntax problems as located [Issue] values instead of a
// bare error, recovering where the author's intent is plain (a trailing
// comma, a comment, a byte-order mark) so that later checks still run.
package scan
