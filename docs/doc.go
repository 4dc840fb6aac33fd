// Package docs carries docs/rules.md, the one description of every finding
// code, into the programs that describe codes to their users: [Rules] reads
// each code's entry (severity, description, example) from the embedded
// page, so the page stays the only copy.
package docs
