// Command site turns the packed page (web/dist, which web/pack writes) into
// a folder that a static host or a CDN serves as it is: the same
// content-hashed files and their precompressed .br and .gz siblings, a
// 404.html, and a _headers file with the Content-Security-Policy, the
// other security headers, the wasm Content-Type and the caching rules,
// written from [opcheck/internal/headers], the definitions opcheck-server
// sends.
//
// Usage:
//
//	go run ./web/site -in web/dist -out dist
//
// The output folder must not exist or be empty. Names that start with a
// dot (web/dist's .keep marker) are left out.
package main
