package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/andybalholm/brotli"

	"opcheck/internal/headers"
	"opcheck/internal/precompress"
)

// Files of the test tree.
var (
	indexHTML = []byte("<!doctype html>\n<title>opcheck</title>\n" +
		strings.Repeat(`<p>paste a payload and read the diagnostics</p>`+"\n", 40))
	appJS    = []byte(strings.Repeat("globalThis.opcheck.check(payload);\n", 60))
	styleCSS = []byte(strings.Repeat("body { margin: 0; font-family: sans-serif; }\n", 30))
	fakeWasm = func() []byte {
		b := []byte("\x00asm\x01\x00\x00\x00")
		for i := range 8000 {
			b = append(b, byte(i%251), byte(i%13), 'o', 'p', 'c', 'h', 'e', 'c', 'k')
		}
		return b
	}()
	// appBrSibling is a precompressed sibling made at a quality the
	// server never uses, so tests can tell it from a startup compression.
	appBrSibling = precompress.Brotli(appJS, 0)
	// appGzSibling carries a file name in its header, which the server's
	// own gzip output never does.
	appGzSibling = func() []byte {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Name = "from-the-tree"
		w.Write(appJS)
		w.Close()
		return b.Bytes()
	}()
)

// testFS is a small packed site: hashed and plain names, precompressed
// siblings for one asset, a subfolder, a dot file, and a file outside the
// page that traversal attempts aim at after cleaning.
func testFS() fstest.MapFS {
	return fstest.MapFS{
		"index.html":              {Data: indexHTML},
		"app.0123456789.js":       {Data: appJS},
		"app.0123456789.js.br":    {Data: appBrSibling},
		"app.0123456789.js.gz":    {Data: appGzSibling},
		"opcheck.abcdef0123.wasm": {Data: fakeWasm},
		"style.css":               {Data: styleCSS},
		"data.json":               {Data: []byte(`{"kind":"inviteParticipantsOperation","items":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30]}`)},
		"icon.svg":                {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)},
		"logo.png":                {Data: []byte("\x89PNG\r\n\x1a\n" + strings.Repeat("\x00", 64))},
		"favicon.ico":             {Data: []byte("\x00\x00\x01\x00")},
		"README.md":               {Data: []byte("# opcheck\n")},
		"notes.txt":               {Data: []byte("ok")},
		"font.xyz":                {Data: []byte("unknown type")},
		"sub/page.html":           {Data: []byte("<p>nested</p>")},
		"secret.txt":              {Data: []byte("top secret")},
		".keep":                   {Data: []byte("marker")},
		".git/config":             {Data: []byte("[core]")},
	}
}

// newTestServer builds a server over testFS whose log goes to logBuf (if
// not nil).
func newTestServer(t testing.TB, logBuf io.Writer) *server {
	t.Helper()
	if logBuf == nil {
		logBuf = io.Discard
	}
	s, err := newServer(testFS(), slog.New(slog.NewTextHandler(logBuf, nil)))
	if err != nil {
		t.Fatalf("newServer: %v", err)
	}
	return s
}

// do sends one request through s.ServeHTTP.
func do(s http.Handler, method, target string, header ...string) *http.Response {
	req := httptest.NewRequest(method, target, nil)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	return rec.Result()
}

// body reads and closes resp.Body.
func body(t testing.TB, resp *http.Response) []byte {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// decode undoes Content-Encoding.
func decode(t *testing.T, enc string, b []byte) []byte {
	t.Helper()
	var r io.Reader
	switch enc {
	case "":
		return b
	case "br":
		r = brotli.NewReader(bytes.NewReader(b))
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("gzip header: %v", err)
		}
		r = zr
	default:
		t.Fatalf("unexpected Content-Encoding %q", enc)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("decoding %s: %v", enc, err)
	}
	return out
}

func TestContentTypes(t *testing.T) {
	s := newTestServer(t, nil)
	tests := []struct {
		name string
		path string
		want string
	}{
		{"root", "/", "text/html; charset=utf-8"},
		{"index by name", "/index.html", "text/html; charset=utf-8"},
		{"nested html", "/sub/page.html", "text/html; charset=utf-8"},
		{"javascript", "/app.0123456789.js", "text/javascript; charset=utf-8"},
		{"css", "/style.css", "text/css; charset=utf-8"},
		{"wasm", "/opcheck.abcdef0123.wasm", "application/wasm"},
		{"json", "/data.json", "application/json"},
		{"svg", "/icon.svg", "image/svg+xml"},
		{"png", "/logo.png", "image/png"},
		{"ico", "/favicon.ico", "image/x-icon"},
		{"markdown", "/README.md", "text/markdown; charset=utf-8"},
		{"text", "/notes.txt", "text/plain; charset=utf-8"},
		{"unknown", "/font.xyz", "application/octet-stream"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := do(s, "GET", tt.path)
			body(t, resp)
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("GET %s: got status %d, want 200", tt.path, resp.StatusCode)
			}
			if got := resp.Header.Get("Content-Type"); got != tt.want {
				t.Errorf("GET %s: got Content-Type %q, want %q", tt.path, got, tt.want)
			}
		})
	}
}

func TestEncodingNegotiation(t *testing.T) {
	s := newTestServer(t, nil)
	tests := []struct {
		name     string
		path     string
		accept   string // "" sends no Accept-Encoding
		want     string // Content-Encoding
		wantVary bool
		original []byte
	}{
		{"no header", "/", "", "", true, indexHTML},
		{"browser default prefers brotli", "/", "gzip, deflate, br, zstd", "br", true, indexHTML},
		{"gzip only", "/", "gzip", "gzip", true, indexHTML},
		{"x-gzip alias", "/", "x-gzip", "gzip", true, indexHTML},
		{"brotli refused", "/", "br;q=0, gzip", "gzip", true, indexHTML},
		{"both refused", "/", "br;q=0, gzip;q=0", "", true, indexHTML},
		{"gzip ranked higher", "/", "br;q=0.4, gzip;q=0.8", "gzip", true, indexHTML},
		{"star", "/", "*", "br", true, indexHTML},
		{"identity ranked highest", "/", "identity, br;q=0.5", "", true, indexHTML},
		{"unknown codings only", "/", "zstd, deflate", "", true, indexHTML},
		{"upper case", "/", "BR", "br", true, indexHTML},
		{"wasm brotli", "/opcheck.abcdef0123.wasm", "br", "br", true, fakeWasm},
		{"wasm gzip", "/opcheck.abcdef0123.wasm", "gzip", "gzip", true, fakeWasm},
		{"css", "/style.css", "br", "br", true, styleCSS},
		{"too small to gain", "/notes.txt", "br, gzip", "", true, []byte("ok")},
		{"png never compressed", "/logo.png", "br, gzip", "", false, []byte("\x89PNG\r\n\x1a\n" + strings.Repeat("\x00", 64))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var resp *http.Response
			if tt.accept == "" {
				resp = do(s, "GET", tt.path)
			} else {
				resp = do(s, "GET", tt.path, "Accept-Encoding", tt.accept)
			}
			b := body(t, resp)
			if got := resp.Header.Get("Content-Encoding"); got != tt.want {
				t.Errorf("got Content-Encoding %q, want %q", got, tt.want)
			}
			if got := resp.Header.Get("Vary") == "Accept-Encoding"; got != tt.wantVary {
				t.Errorf("got Vary %q, want Accept-Encoding: %v", resp.Header.Get("Vary"), tt.wantVary)
			}
			if got, want := resp.Header.Get("Content-Length"), strconv.Itoa(len(b)); got != want {
				t.Errorf("got Content-Length %s, want %s", got, want)
			}
			if got := decode(t, tt.want, b); !bytes.Equal(got, tt.original) {
				t.Errorf("decoded body is %d bytes that differ from the %d-byte file", len(got), len(tt.original))
			}
		})
	}
}

func TestPrecompressedSiblings(t *testing.T) {
	s := newTestServer(t, nil)
	tests := []struct {
		name   string
		accept string
		want   []byte
	}{
		{"brotli sibling", "br", appBrSibling},
		{"gzip sibling", "gzip", appGzSibling},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := do(s, "GET", "/app.0123456789.js", "Accept-Encoding", tt.accept)
			if got := body(t, resp); !bytes.Equal(got, tt.want) {
				t.Errorf("got a %d-byte body, want the tree's %d-byte sibling", len(got), len(tt.want))
			}
		})
	}
	for _, p := range []string{"/app.0123456789.js.br", "/app.0123456789.js.gz"} {
		if resp := do(s, "GET", p); resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: got status %d, want 404 (siblings are not URLs)", p, resp.StatusCode)
		}
	}
}

func TestETags(t *testing.T) {
	s := newTestServer(t, nil)
	for _, p := range []string{"/", "/opcheck.abcdef0123.wasm", "/app.0123456789.js"} {
		t.Run(p, func(t *testing.T) {
			tags := map[string]string{}
			for _, enc := range []string{"br", "gzip", "identity"} {
				resp := do(s, "GET", p, "Accept-Encoding", enc)
				body(t, resp)
				tag := resp.Header.Get("Etag")
				if !strings.HasPrefix(tag, `"`) || !strings.HasSuffix(tag, `"`) || len(tag) < 3 {
					t.Fatalf("%s: got ETag %q, want a strong quoted tag", enc, tag)
				}
				if other, dup := tags[tag]; dup {
					t.Errorf("%s and %s share ETag %s", enc, other, tag)
				}
				tags[tag] = enc

				resp = do(s, "GET", p, "Accept-Encoding", enc, "If-None-Match", tag)
				if b := body(t, resp); resp.StatusCode != http.StatusNotModified || len(b) != 0 {
					t.Errorf("%s If-None-Match: got status %d with %d bytes, want 304 with none", enc, resp.StatusCode, len(b))
				}
				for _, h := range []string{"Etag", "Vary", "Cache-Control"} {
					if resp.Header.Get(h) == "" {
						t.Errorf("%s: 304 lacks %s", enc, h)
					}
				}
			}
			// A tag of one encoding does not validate another.
			var brTag string
			for tag, enc := range tags {
				if enc == "br" {
					brTag = tag
				}
			}
			resp := do(s, "GET", p, "Accept-Encoding", "gzip", "If-None-Match", brTag)
			body(t, resp)
			if resp.StatusCode != http.StatusOK {
				t.Errorf("gzip request with the brotli ETag: got status %d, want 200", resp.StatusCode)
			}
		})
	}
}

func TestCacheControl(t *testing.T) {
	s := newTestServer(t, nil)
	tests := []struct {
		name string
		path string
		want string
	}{
		{"root", "/", "no-cache"},
		{"index", "/index.html", "no-cache"},
		{"hashed js", "/app.0123456789.js", "public, max-age=31536000, immutable"},
		{"hashed wasm", "/opcheck.abcdef0123.wasm", "public, max-age=31536000, immutable"},
		{"plain name", "/style.css", "no-cache"},
		{"favicon", "/favicon.ico", "no-cache"},
		{"404", "/missing.js", "no-cache"},
		{"healthz", "/healthz", "no-store"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := do(s, "GET", tt.path)
			body(t, resp)
			if got := resp.Header.Get("Cache-Control"); got != tt.want {
				t.Errorf("GET %s: got Cache-Control %q, want %q", tt.path, got, tt.want)
			}
		})
	}
}

// wantSecurityHeaders lists the headers every response carries.
var wantSecurityHeaders = map[string]string{
	"Content-Security-Policy":    headers.ContentSecurityPolicy,
	"X-Content-Type-Options":     "nosniff",
	"Referrer-Policy":            "no-referrer",
	"Cross-Origin-Opener-Policy": "same-origin",
}

func TestSecurityHeadersOnEveryResponse(t *testing.T) {
	s := newTestServer(t, nil)
	etag := do(s, "GET", "/").Header.Get("Etag")
	tests := []struct {
		name       string
		method     string
		path       string
		header     []string
		wantStatus int
	}{
		{"page", "GET", "/", nil, 200},
		{"head", "HEAD", "/", nil, 200},
		{"compressed asset", "GET", "/opcheck.abcdef0123.wasm", []string{"Accept-Encoding", "br"}, 200},
		{"not modified", "GET", "/", []string{"If-None-Match", etag}, 304},
		{"partial", "GET", "/style.css", []string{"Range", "bytes=0-3"}, 206},
		{"bad range", "GET", "/style.css", []string{"Range", "bytes=99999-"}, 416},
		{"not found", "GET", "/nope", nil, 404},
		{"traversal", "GET", "/%2e%2e/go.mod", nil, 404},
		{"method", "POST", "/", nil, 405},
		{"healthz", "GET", "/healthz", nil, 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := do(s, tt.method, tt.path, tt.header...)
			body(t, resp)
			if resp.StatusCode != tt.wantStatus {
				t.Fatalf("got status %d, want %d", resp.StatusCode, tt.wantStatus)
			}
			for h, want := range wantSecurityHeaders {
				if got := resp.Header.Get(h); got != want {
					t.Errorf("got %s %q, want %q", h, got, want)
				}
			}
		})
	}
}

func TestMethodNotAllowed(t *testing.T) {
	s := newTestServer(t, nil)
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND"} {
		for _, p := range []string{"/", "/app.0123456789.js", "/healthz", "/missing"} {
			resp := do(s, m, p)
			body(t, resp)
			if resp.StatusCode != http.StatusMethodNotAllowed {
				t.Errorf("%s %s: got status %d, want 405", m, p, resp.StatusCode)
			}
			if got := resp.Header.Get("Allow"); got != "GET, HEAD" {
				t.Errorf("%s %s: got Allow %q, want %q", m, p, got, "GET, HEAD")
			}
		}
	}
}

func TestRejectedPaths(t *testing.T) {
	s := newTestServer(t, nil)
	tests := []struct {
		name   string
		target string
	}{
		{"dot dot", "/../go.mod"},
		{"dot dot to an existing file", "/sub/../secret.txt"},
		{"encoded dots", "/%2e%2e/go.mod"},
		{"encoded dots upper case", "/%2E%2E/secret.txt"},
		{"encoded slash", "/sub%2fpage.html"},
		{"encoded dots and slash", "/sub/%2e%2e%2fsecret.txt"},
		{"backslash", `/sub\..\secret.txt`},
		{"encoded backslash", "/sub%5c..%5csecret.txt"},
		{"double encoded dots", "/%252e%252e/secret.txt"},
		{"double encoded slash", "/sub%252fpage.html"},
		{"single dot segment", "/./index.html"},
		{"double slash", "//index.html"},
		{"trailing slash", "/index.html/"},
		{"folder", "/sub"},
		{"folder with slash", "/sub/"},
		{"dot file", "/.keep"},
		{"encoded dot file", "/%2ekeep"},
		{"dot folder", "/.git/config"},
		{"nul", "/index.html%00"},
		{"nul alone", "/%00"},
		{"control character", "/index%0a.html"},
		{"missing file", "/missing.wasm"},
		{"sibling of a missing file", "/nothing.js.br"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := do(s, "GET", tt.target)
			b := body(t, resp)
			if resp.StatusCode != http.StatusNotFound {
				t.Fatalf("GET %s: got status %d, want 404", tt.target, resp.StatusCode)
			}
			if !bytes.Equal(b, []byte(headers.NotFoundPage)) {
				t.Errorf("GET %s: got body %q, want the 404 page", tt.target, b)
			}
		})
	}
}

func TestNotFoundPage(t *testing.T) {
	s := newTestServer(t, nil)
	resp := do(s, "GET", "/no/such/page")
	b := body(t, resp)
	if resp.StatusCode != http.StatusNotFound {
		t.Fatalf("got status %d, want 404", resp.StatusCode)
	}
	if got := resp.Header.Get("Content-Type"); got != "text/html; charset=utf-8" {
		t.Errorf("got Content-Type %q, want text/html", got)
	}
	if !bytes.Contains(b, []byte(`<a href="/">`)) {
		t.Errorf("404 page has no link back to the playground:\n%s", b)
	}
	head := do(s, "HEAD", "/no/such/page")
	if b := body(t, head); head.StatusCode != http.StatusNotFound || len(b) != 0 {
		t.Errorf("HEAD: got status %d with %d body bytes, want 404 with none", head.StatusCode, len(b))
	}
}

func TestHealthz(t *testing.T) {
	s := newTestServer(t, nil)
	resp := do(s, "GET", "/healthz")
	if b := body(t, resp); resp.StatusCode != http.StatusOK || string(b) != "ok\n" {
		t.Errorf("got %d %q, want 200 %q", resp.StatusCode, b, "ok\n")
	}
	head := do(s, "HEAD", "/healthz")
	if b := body(t, head); head.StatusCode != http.StatusOK || len(b) != 0 {
		t.Errorf("HEAD: got %d with %d bytes, want 200 with none", head.StatusCode, len(b))
	}
}

func TestHead(t *testing.T) {
	s := newTestServer(t, nil)
	get := do(s, "GET", "/opcheck.abcdef0123.wasm", "Accept-Encoding", "br")
	getBody := body(t, get)
	head := do(s, "HEAD", "/opcheck.abcdef0123.wasm", "Accept-Encoding", "br")
	if b := body(t, head); len(b) != 0 {
		t.Errorf("HEAD sent %d body bytes, want none", len(b))
	}
	for _, h := range []string{"Content-Type", "Content-Encoding", "Content-Length", "Etag", "Vary", "Cache-Control"} {
		if got, want := head.Header.Get(h), get.Header.Get(h); got != want {
			t.Errorf("HEAD %s = %q, want GET's %q", h, got, want)
		}
	}
	if got := head.Header.Get("Content-Length"); got != strconv.Itoa(len(getBody)) {
		t.Errorf("HEAD Content-Length %s, want %d", got, len(getBody))
	}
}

func TestRange(t *testing.T) {
	s := newTestServer(t, nil)
	brBody := body(t, do(s, "GET", "/opcheck.abcdef0123.wasm", "Accept-Encoding", "br"))
	tests := []struct {
		name      string
		accept    string
		rng       string
		wantRange string
		want      []byte
	}{
		{"identity first bytes", "identity", "bytes=0-9", "bytes 0-9/" + strconv.Itoa(len(fakeWasm)), fakeWasm[:10]},
		{"identity suffix", "", "bytes=-4", "bytes " + strconv.Itoa(len(fakeWasm)-4) + "-" + strconv.Itoa(len(fakeWasm)-1) + "/" + strconv.Itoa(len(fakeWasm)), fakeWasm[len(fakeWasm)-4:]},
		{"brotli ranges count compressed bytes", "br", "bytes=0-9", "bytes 0-9/" + strconv.Itoa(len(brBody)), brBody[:10]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := do(s, "GET", "/opcheck.abcdef0123.wasm", "Accept-Encoding", tt.accept, "Range", tt.rng)
			b := body(t, resp)
			if resp.StatusCode != http.StatusPartialContent {
				t.Fatalf("got status %d, want 206", resp.StatusCode)
			}
			if got := resp.Header.Get("Content-Range"); got != tt.wantRange {
				t.Errorf("got Content-Range %q, want %q", got, tt.wantRange)
			}
			if !bytes.Equal(b, tt.want) {
				t.Errorf("got body %x, want %x", b, tt.want)
			}
		})
	}
	resp := do(s, "GET", "/style.css", "Range", "bytes=99999-")
	body(t, resp)
	if resp.StatusCode != http.StatusRequestedRangeNotSatisfiable {
		t.Errorf("range past the end: got status %d, want 416", resp.StatusCode)
	}
}

func TestAccessLog(t *testing.T) {
	var logBuf bytes.Buffer
	s := newTestServer(t, &logBuf)
	requests := []struct{ method, target string }{
		{"GET", "/?token=secret"},
		{"GET", "/app.0123456789.js?access_token=secret"},
		{"GET", "/missing?secret=1"},
		{"POST", "/?secret"},
		{"GET", "/healthz"},
	}
	for _, r := range requests {
		body(t, do(s, r.method, r.target, "Authorization", "Bearer secret", "Accept-Encoding", "br"))
	}
	lines := strings.Split(strings.TrimSpace(logBuf.String()), "\n")
	if len(lines) != len(requests) {
		t.Fatalf("got %d log lines, want %d:\n%s", len(lines), len(requests), logBuf.String())
	}
	if strings.Contains(logBuf.String(), "secret") {
		t.Errorf("the log holds a query string or header:\n%s", logBuf.String())
	}
	wants := []string{
		"method=GET path=/ status=200 bytes=",
		"method=GET path=/app.0123456789.js status=200",
		"method=GET path=/missing status=404",
		"method=POST path=/ status=405",
		"method=GET path=/healthz status=200 bytes=3",
	}
	for i, want := range wants {
		if !strings.Contains(lines[i], "msg=request "+want) {
			t.Errorf("log line %d = %q, want it to contain %q", i, lines[i], want)
		}
		for _, field := range []string{" duration=", " encoding="} {
			if !strings.Contains(lines[i], field) {
				t.Errorf("log line %d = %q lacks %s", i, lines[i], field)
			}
		}
	}
	if !strings.Contains(lines[0], "encoding=br") || !strings.Contains(lines[4], "encoding=identity") {
		t.Errorf("encodings not logged as sent:\n%s", logBuf.String())
	}
}

func TestNewServerErrors(t *testing.T) {
	tests := []struct {
		name    string
		fsys    fstest.MapFS
		wantErr string
	}{
		{"no index", fstest.MapFS{"app.js": {Data: []byte("x")}}, "no index.html"},
		{"only the marker", fstest.MapFS{".keep": {Data: []byte("x")}}, "no index.html"},
		{"index only in a dot folder", fstest.MapFS{".hidden/index.html": {Data: []byte("x")}}, "no index.html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := newServer(tt.fsys, slog.New(slog.DiscardHandler))
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("got error %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

// BenchmarkServeHTTP measures the handler alone (no sockets) for the page
// and the wasm, against http.FileServerFS over the same tree as the obvious
// alternative (which neither negotiates encodings nor sets our headers).
func BenchmarkServeHTTP(b *testing.B) {
	s := newTestServer(b, nil)
	fileServer := http.FileServerFS(testFS())
	cases := []struct {
		name    string
		h       http.Handler
		target  string
		encoded string
	}{
		{"index/identity", s, "/", ""},
		{"index/br", s, "/", "br"},
		{"wasm/br", s, "/opcheck.abcdef0123.wasm", "br"},
		{"wasm/identity", s, "/opcheck.abcdef0123.wasm", ""},
		{"wasm/FileServerFS", fileServer, "/opcheck.abcdef0123.wasm", ""},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			req := httptest.NewRequest("GET", c.target, nil)
			if c.encoded != "" {
				req.Header.Set("Accept-Encoding", c.encoded)
			}
			b.ReportAllocs()
			for b.Loop() {
				rec := httptest.NewRecorder()
				c.h.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("got status %d", rec.Code)
				}
			}
		})
	}
}

// FuzzServePath sends arbitrary paths through the handler: it must never
// panic, must answer 200 only for a file of the tree (or / and /healthz),
// and must put the security headers on whatever it answers.
func FuzzServePath(f *testing.F) {
	for _, p := range []string{"/", "/index.html", "/../secret.txt", "/%2e%2e/x", "/sub%2fpage.html", `/a\b`,
		"/%252e", "/.keep", "/sub/page.html", "/healthz", "//x", "/x/"} {
		f.Add(p)
	}
	s := newTestServer(f, nil)
	fsys := testFS()
	f.Fuzz(func(t *testing.T, p string) {
		req, err := http.NewRequest("GET", "http://x"+p, nil)
		if err != nil || req.URL.Path == "" {
			t.Skip("not a request target")
		}
		req.RequestURI = req.URL.RequestURI()
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		for h, want := range wantSecurityHeaders {
			if got := rec.Header().Get(h); got != want {
				t.Fatalf("GET %q: got %s %q, want %q", p, h, got, want)
			}
		}
		if rec.Code != http.StatusOK {
			return
		}
		name := strings.TrimPrefix(req.URL.Path, "/")
		if name == "" || name == "healthz" {
			return
		}
		if _, ok := fsys[name]; !ok || strings.HasPrefix(name, ".") || strings.Contains(name, "/.") {
			t.Fatalf("GET %q (path %q): got 200 for something that is not a servable file", p, req.URL.Path)
		}
		if rec.Body.Len() > 0 && !bytes.Equal(rec.Body.Bytes(), fsys[name].Data) {
			t.Fatalf("GET %q: body differs from %s", p, name)
		}
	})
}
