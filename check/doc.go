// Package check validates Microsoft Graph comms operations, in whatever form a
// developer pastes them, against the generated [opcheck/graph] model, and
// reports each finding as a located [Diagnostic].
package check
