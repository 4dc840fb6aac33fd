// Package input recognises the outer form of what a developer pastes into
// opcheck — a bare JSON document, a raw HTTP message, a Markdown docs page or
// a log excerpt holding one or many JSON bodies — and splits it into the JSON documents ([Part] values) that
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
// # Finding codes
//
//   - no-json (error): nothing to check was found; the message says what
//     forms are accepted. form (error): an unknown forced form.
//   - status-line, request-line (error): a start line that cannot be read;
//     request-path (warning): a Graph request that returns no comms
//     operation, or uses the wrong method (with a fix) or a beta-only path
//     in v1.0.
//   - http-status: a status other than 200 or 202 (warning), 4xx or 5xx
//     (error). http-content-type (error): a body that is not declared as
//     JSON. http-content-length (error; info in a block marked truncated):
//     a Content-Length that is not the body's length, fixed in place.
//     http-header (error): a line that is not a header.
//     http-missing-blank-line (warning): the body starts right after the
//     headers.
//   - annotation: malformed annotation JSON, a quoted boolean, an unknown
//     blockType (errors, most with a fix); a response or example without
//     "@odata.type" (info); an annotation no block follows (warning).
//     block-content: a block that holds the wrong thing or nothing.
//     unclosed-fence (warning). unannotated-blocks (info): a page without
//     any annotation, whose JSON and HTTP blocks are checked as they are.
//   - log-prefix-skipped (info): the text before a log's first JSON body;
//     log-body-cut (warning): a body still open where the next line starts
//     a new one, which is then checked on its own.
//
// The package uses no encoding/json, fmt, reflect or regexp, so that it stays
// small and fast in WebAssembly; every function is linear in the input size
// and never panics.
package input
