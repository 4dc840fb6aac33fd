package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"opcheck/internal/headers"
)

func TestBuild(t *testing.T) {
	page := fstest.MapFS{
		"index.html":                 {Data: []byte("<!doctype html><script src=app.ab9c483957.js></script>")},
		"index.html.br":              {Data: []byte("br")},
		"app.ab9c483957.js":          {Data: []byte("console.log(1)")},
		"opcheck.ed1bd45b13.wasm":    {Data: []byte("\x00asm")},
		"opcheck.ed1bd45b13.wasm.gz": {Data: []byte("gz")},
		".keep":                      {Data: nil},
		".hidden/x.js":               {Data: []byte("no")},
	}
	out := filepath.Join(t.TempDir(), "dist")
	n, err := build(page, out)
	if err != nil {
		t.Fatal(err)
	}
	if n != 6 {
		t.Errorf("got %d files, want 6 (5 of the page and 404.html)", n)
	}
	for name, f := range page {
		got, err := os.ReadFile(filepath.Join(out, name))
		hidden := strings.HasPrefix(name, ".")
		switch {
		case hidden && err == nil:
			t.Errorf("%s was copied, want names with a dot left out", name)
		case !hidden && err != nil:
			t.Errorf("%s: %v", name, err)
		case !hidden && string(got) != string(f.Data):
			t.Errorf("%s: got %q, want the page's bytes %q", name, got, f.Data)
		}
	}
	if got, _ := os.ReadFile(filepath.Join(out, "404.html")); string(got) != headers.NotFoundPage {
		t.Errorf("got 404.html %q, want the server's 404 page", got)
	}
	got, err := os.ReadFile(filepath.Join(out, "_headers"))
	if err != nil {
		t.Fatal(err)
	}
	want, _ := headers.File([]string{"404.html", "app.ab9c483957.js", "index.html", "index.html.br", "opcheck.ed1bd45b13.wasm", "opcheck.ed1bd45b13.wasm.gz"})
	if string(got) != string(want) {
		t.Errorf("got _headers\n%s\nwant\n%s", got, want)
	}
	for _, s := range []string{"Content-Security-Policy: " + headers.ContentSecurityPolicy, "\n/opcheck.ed1bd45b13.wasm\n  Cache-Control: " + headers.CacheImmutable + "\n  Content-Type: application/wasm\n"} {
		if !strings.Contains(string(got), s) {
			t.Errorf("_headers lacks %q", s)
		}
	}
}

func TestBuildRefuses(t *testing.T) {
	full := t.TempDir()
	if err := os.WriteFile(filepath.Join(full, "old.js"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	index := &fstest.MapFile{Data: []byte("<!doctype html>")}
	tests := []struct {
		name    string
		page    fstest.MapFS
		out     string
		wantErr string
	}{
		{"no index", fstest.MapFS{"app.js": {Data: []byte("x")}}, filepath.Join(t.TempDir(), "d"), "no index.html"},
		{"output not empty", fstest.MapFS{"index.html": index}, full, "is not empty"},
		{"a _headers of its own", fstest.MapFS{"index.html": index, "_headers": {Data: []byte("/*")}}, filepath.Join(t.TempDir(), "d"), "already has a _headers"},
		{"a name _headers cannot hold", fstest.MapFS{"index.html": index, "a b.js": {Data: []byte("x")}}, filepath.Join(t.TempDir(), "d"), `file name "a b.js"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := build(tt.page, tt.out)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("got error %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}
