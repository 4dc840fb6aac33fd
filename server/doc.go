// Command opcheck-server serves the opcheck playground: the page, its
// scripts and the WebAssembly module, embedded in the binary by `make build`
// (see [opcheck/web.Dist]) or read from a folder with -dir.
//
// Usage:
//
//	opcheck-server [-addr 127.0.0.1:8080] [-dir build/web]
//
// The first line on standard output is the URL to open, with the real port
// when -addr asks for port 0. Access-log lines go to standard error, one per
// request, without query strings or headers. SIGINT or SIGTERM stops the
// server after the responses in flight have finished (within a deadline).
//
// # What it serves
//
// Every regular file of the served tree is read once at startup; names that
// start with a dot are skipped, and so are symbolic links. A later change on
// disk needs a restart. "/" is index.html, "/healthz" answers "ok", and any
// other path names a file; folders are never listed. Paths that are not in
// canonical form (dot segments, doubled or trailing slashes), that contain a
// backslash, a percent sign after decoding, an encoded slash or a control
// character, or whose segments start with a dot get the 404 page. Only GET
// and HEAD are allowed; anything else is 405 with "Allow: GET, HEAD".
//
// # Compression
//
// Compressible types (html, js, css, wasm, json, svg, txt, md, ...) are sent
// as brotli or gzip when the request's Accept-Encoding allows it: the
// coding with the highest q-value wins, brotli on a tie, and q=0 refuses a
// coding. The bytes come from precompressed X.br and X.gz files beside X
// when the tree has them (web/pack writes them); otherwise they are
// compressed once at startup and kept in memory, never per request. Such
// siblings are representations of X, not URLs of their own: /app.js.br is a
// 404 whenever app.js exists, so each resource has one URL and one set of
// headers. Every compressible asset carries "Vary: Accept-Encoding".
//
// # Caching
//
// Each representation has its own strong ETag, so If-None-Match answers 304
// per encoding. Content-hashed names (name.<10 hex digits>.ext) are cached
// for a year as immutable; index.html and everything else must be
// revalidated ("no-cache").
//
// Range requests are served by [net/http.ServeContent] against the
// representation that was negotiated: for identity that is the file's
// bytes; for brotli or gzip the ranges count bytes of the compressed body
// (as HTTP defines ranges over the selected representation), and the
// per-encoding ETag keeps If-Range honest. A client that wants ranges of
// the plain file asks for identity, as browsers do for media.
//
// # Headers on every response
//
// Content-Security-Policy (only the page's own scripts, styles and workers,
// WebAssembly compilation allowed, any http(s) URL reachable by fetch),
// X-Content-Type-Options: nosniff, Referrer-Policy: no-referrer and
// Cross-Origin-Opener-Policy: same-origin are set on every response the
// handler writes, errors included. (Responses that net/http writes before
// any handler runs, such as 431 for oversized headers, carry none.)
package main
