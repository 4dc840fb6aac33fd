// Package input recognises the outer form of what a developer pastes into
// opcheck — a bare JSON document, a raw HTTP message, a Markdown docs page or
// a log excerpt — and splits it into the JSON documents ([Part] values) that
// the validator checks, each located by exact byte offsets in the original
// input.
//
// [Parse] is the entry point. Along the way it reports the findings that need
// no JSON parsing: a malformed request or status line, a wrong status code,
// Content-Type or Content-Length (see http.go), a broken
// <!-- { ... } --> annotation of a docs code block (see markdown.go), log
// text skipped before the JSON (see log.go). [OperationPath] tells which
// comms operation type a Graph request returns (see paths.go).
//
// The package uses no encoding/json, fmt, reflect or regexp, so that it stays
// small and fast in WebAssembly; every function is linear in the input size
// and never panics.
package input
