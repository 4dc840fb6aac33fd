// Package precompress compresses the page's assets for serving: the
// packer uses it at build time at the highest settings, the server at
// start-up for any asset that arrives without its compressed siblings.
package precompress

import (
	"bytes"
	"compress/gzip"

	"github.com/andybalholm/brotli"
)

// Brotli returns data compressed with brotli at quality (0 to 11).
func Brotli(data []byte, quality int) []byte {
	var b bytes.Buffer
	w := brotli.NewWriterLevel(&b, quality)
	// Writes to a bytes.Buffer cannot fail, so neither can Write or Close.
	w.Write(data)
	w.Close()
	return b.Bytes()
}

// Gzip returns data compressed with gzip at its best compression. The
// header carries no name and no time, so the bytes are reproducible.
func Gzip(data []byte) []byte {
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.BestCompression) // the level is valid
	w.Write(data)
	w.Close()
	return b.Bytes()
}
