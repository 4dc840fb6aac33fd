// Command pack turns the page's build output into the assets that the server
// embeds: every file except a few well-known entry points gets a
// content-hashed name (app.js becomes app.3fa9c1d2e4.js), references to the
// old names inside HTML, JavaScript and CSS are rewritten to the new ones, and
// compressible files get precompressed .br and .gz siblings.
//
// Usage:
//
//	go run ./web/pack -in build/web -out web/dist
//
// The output folder is emptied first (its .keep marker stays), so it always
// holds exactly one build. pack prints one line per asset with its raw,
// brotli and gzip sizes.
//
// # Naming
//
// The hash is the first 10 hex digits of the SHA-256 of the file's final
// bytes, inserted before the last extension: name.<hash>.ext, or name.<hash>
// for a file without an extension. index.html, favicon.ico and robots.txt
// keep their names, because browsers and crawlers ask for them by fixed URL.
//
// # References
//
// A reference is a textual occurrence of another asset's path (relative to
// -in, with forward slashes) inside an .html, .js, .mjs or .css file, not
// glued to a neighbouring name character: "app.js" matches in
// src="./app.js" and in new Worker('app.js?x'), but not in myapp.js,
// app.json or app.js.map. A file is hashed only after its own references are
// rewritten, so files are processed in dependency order; a cycle (a.js names
// b.js and b.js names a.js, or a file naming itself) is an error, because no
// content hash could be stable.
//
// # Compression
//
// Files of compressible types (html, js, mjs, css, wasm, json, svg, txt, md,
// map, xml, webmanifest) get X.br (brotli quality 11) and X.gz (gzip best
// compression) beside them, each only when it is smaller than X. The output
// is deterministic: packing the same input twice gives identical bytes.
package main
