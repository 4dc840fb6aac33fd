// Package web holds the browser playground: the page's sources live beside
// this file, and the packed build of them is embedded in the server binary.
package web

import (
	"embed"
	"io/fs"
)

// dist is filled by `make build`, which runs the page's build into build/web
// and then `go run ./web/pack -in build/web -out web/dist`. On a fresh clone
// it holds only the committed .keep marker, so this package always compiles.
//
//go:embed all:dist
var dist embed.FS

// Dist returns the packed assets as a file system rooted at web/dist:
// index.html, content-hashed files such as opcheck.3fa9c1d2e4.wasm, and their
// precompressed .br and .gz siblings. Before `make build` has run it holds
// only the .keep marker.
func Dist() fs.FS {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		// fs.Sub fails only for an invalid path, and "dist" is valid.
		panic("web: " + err.Error())
	}
	return sub
}
