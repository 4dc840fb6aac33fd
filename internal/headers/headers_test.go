package headers

import (
	"strconv"
	"strings"
	"testing"
)

func TestPerFile(t *testing.T) {
	tests := []struct {
		name, contentType, cache string
		compressible             bool
	}{
		{"index.html", "text/html; charset=utf-8", CacheRevalidate, true},
		{"app.ab9c483957.js", "text/javascript; charset=utf-8", CacheImmutable, true},
		{"opcheck.ed1bd45b13.wasm", "application/wasm", CacheImmutable, true},
		{"sub/style.abf3245f0c.css", "text/css; charset=utf-8", CacheImmutable, true},
		{"data.0123456789", "application/octet-stream", CacheImmutable, false},
		{"favicon.ico", "image/x-icon", CacheRevalidate, false},
		{"app.ab9c48395.js", "text/javascript; charset=utf-8", CacheRevalidate, true},  // 9 digits: not a hash
		{"app.AB9C483957.js", "text/javascript; charset=utf-8", CacheRevalidate, true}, // upper case: not web/pack's
		{"app.ab9c483957.js.br", "application/octet-stream", CacheRevalidate, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ContentType(tt.name); got != tt.contentType {
				t.Errorf("ContentType = %q, want %q", got, tt.contentType)
			}
			if got := CacheControl(tt.name); got != tt.cache {
				t.Errorf("CacheControl = %q, want %q", got, tt.cache)
			}
			if got := Compressible(tt.name); got != tt.compressible {
				t.Errorf("Compressible = %v, want %v", got, tt.compressible)
			}
		})
	}
}

func TestFile(t *testing.T) {
	got, err := File([]string{"index.html", "index.html.br", "index.html.gz", "opcheck.ed1bd45b13.wasm", "opcheck.ed1bd45b13.wasm.br",
		"app.ab9c483957.js", "404.html", "photo.png.gz"})
	if err != nil {
		t.Fatal(err)
	}
	want := `# The headers of opcheck's static build, written by ` + "`make dist`" + ` from
# internal/headers, the definitions opcheck-server sends as well.

/*
  Content-Security-Policy: ` + ContentSecurityPolicy + `
  X-Content-Type-Options: nosniff
  Referrer-Policy: no-referrer
  Cross-Origin-Opener-Policy: same-origin

/
  Cache-Control: no-cache

/404.html
  Cache-Control: no-cache

/app.ab9c483957.js
  Cache-Control: public, max-age=31536000, immutable

/index.html
  Cache-Control: no-cache

/opcheck.ed1bd45b13.wasm
  Cache-Control: public, max-age=31536000, immutable
  Content-Type: application/wasm

/photo.png.gz
  Cache-Control: no-cache
`
	if string(got) != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestFileRefuses(t *testing.T) {
	tests := []struct {
		name    string
		names   []string
		wantErr string
	}{
		{"a colon", []string{"a:b.js"}, `file name "a:b.js"`},
		{"a space", []string{"a b.js"}, `file name "a b.js"`},
		{"a splat", []string{"*.js"}, `file name "*.js"`},
		{"too many rules", manyNames(MaxRules), "more than the 100"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := File(tt.names)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("got error %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
	if _, err := File(manyNames(MaxRules - 1)); err != nil {
		t.Errorf("got %v for %d files (with /*, %d rules), want none", err, MaxRules-1, MaxRules)
	}
}

func manyNames(n int) []string {
	names := make([]string, n)
	for i := range names {
		names[i] = "f" + strconv.Itoa(i) + ".js"
	}
	return names
}
