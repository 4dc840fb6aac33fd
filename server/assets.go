package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"runtime"
	"strings"
	"sync"

	"opcheck/internal/headers"
	"opcheck/internal/precompress"
)

// Limits on what a served tree may hold, so that -dir pointed at the wrong
// folder (a home directory, /) fails at once with a clear message instead of
// reading gigabytes into memory.
const (
	maxAssets     = 10_000
	maxAssetBytes = 512 << 20
)

// startupBrotliQuality is the brotli quality used for assets that come
// without a precompressed .br sibling. Quality 5 compresses a 6 MB wasm in
// well under a second and gets most of quality 11's gain; web/pack spends
// quality 11 at build time instead.
const startupBrotliQuality = 5

// encoding names a representation of an asset.
type encoding int

const (
	identity encoding = iota
	encBrotli
	encGzip
	numEncodings
)

// token is the encoding's Content-Encoding value; identity has none.
func (e encoding) token() string {
	return [...]string{"", "br", "gzip"}[e]
}

// etagSuffix marks the encoding in its ETag.
func (e encoding) etagSuffix() string {
	return [...]string{"", "-br", "-gz"}[e]
}

// siblingExt is the file extension of a precompressed sibling.
func (e encoding) siblingExt() string {
	return [...]string{"", ".br", ".gz"}[e]
}

// representation is one encoding of an asset, ready to send.
type representation struct {
	body []byte
	etag string // strong, quoted
}

// asset is one servable file with everything its responses need, computed
// once at startup.
type asset struct {
	contentType  string
	cacheControl string
	compressible bool
	// reps is indexed by encoding; identity is always set, the others are
	// nil when the asset has no smaller compressed form.
	reps [numEncodings]*representation
}

// loadAssets reads every servable file of fsys and prepares its
// representations. Files that start with a dot (and folders that do) and
// anything that is not a regular file are skipped.
func loadAssets(fsys fs.FS) (map[string]*asset, error) {
	var names []string
	present := map[string]bool{}
	total := 0
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != "." && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if len(names) == maxAssets {
			return fmt.Errorf("more than %d files; serve the built page's folder", maxAssets)
		}
		if total += int(info.Size()); total > maxAssetBytes {
			return fmt.Errorf("more than %d MiB of files; serve the built page's folder", maxAssetBytes>>20)
		}
		names = append(names, p)
		present[p] = true
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load assets: %w", err)
	}
	if !present["index.html"] {
		return nil, fmt.Errorf("load assets: no index.html among the %d files served (run make build, or pass -dir with a built page)", len(names))
	}

	assets := make(map[string]*asset, len(names))
	var toCompress []compressJob
	for _, name := range names {
		if isSibling(name, present) {
			continue
		}
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("load assets: %w", err)
		}
		a := &asset{
			contentType:  headers.ContentType(name),
			cacheControl: headers.CacheControl(name),
			compressible: headers.Compressible(name),
		}
		a.reps[identity] = newRepresentation(body, identity)
		if a.compressible {
			for _, enc := range []encoding{encBrotli, encGzip} {
				sib := name + enc.siblingExt()
				if !present[sib] {
					toCompress = append(toCompress, compressJob{a, enc})
					continue
				}
				packed, err := fs.ReadFile(fsys, sib)
				if err != nil {
					return nil, fmt.Errorf("load assets: %w", err)
				}
				a.reps[enc] = newRepresentation(packed, enc)
			}
		}
		assets[name] = a
	}
	compressAll(toCompress)
	return assets, nil
}

// isSibling reports whether name is a precompressed form of another file
// in the tree.
func isSibling(name string, present map[string]bool) bool {
	for _, enc := range []encoding{encBrotli, encGzip} {
		if base, ok := strings.CutSuffix(name, enc.siblingExt()); ok && present[base] && headers.Compressible(base) {
			return true
		}
	}
	return false
}

// newRepresentation wraps body with a strong ETag derived from its bytes and
// marked with its encoding.
func newRepresentation(body []byte, enc encoding) *representation {
	sum := sha256.Sum256(body)
	return &representation{body: body, etag: `"` + hex.EncodeToString(sum[:8]) + enc.etagSuffix() + `"`}
}

// compressJob asks for one compressed representation of an asset.
type compressJob struct {
	a   *asset
	enc encoding
}

// compressAll runs the jobs on every core and keeps each result that is
// smaller than the asset's identity bytes.
func compressAll(jobs []compressJob) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for _, j := range jobs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			raw := j.a.reps[identity].body
			var packed []byte
			if j.enc == encBrotli {
				packed = precompress.Brotli(raw, startupBrotliQuality)
			} else {
				packed = precompress.Gzip(raw)
			}
			if len(packed) < len(raw) {
				j.a.reps[j.enc] = newRepresentation(packed, j.enc)
			}
		}()
	}
	wg.Wait()
}
