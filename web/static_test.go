package web

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"opcheck/internal/headers"
)

// staticDir is the folder `make dist` writes for static hosts.
const staticDir = "../dist"

// headerRule is one rule of a _headers file: a path pattern and the
// headers of the responses it matches.
type headerRule struct {
	pattern string
	headers [][2]string
}

// parseHeadersFile reads the _headers convention: a path on a line of its
// own starts a rule, indented "Name: value" lines follow it, and blank lines
// and lines starting with "#" are ignored. A "*" in a path matches any run
// of characters.
func parseHeadersFile(text string) ([]headerRule, error) {
	var rules []headerRule
	for i, line := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
		case line[0] != ' ' && line[0] != '\t':
			if !strings.HasPrefix(trimmed, "/") || strings.Count(trimmed, "*") > 1 {
				return nil, fmt.Errorf("line %d: %q is not a path", i+1, trimmed)
			}
			rules = append(rules, headerRule{pattern: trimmed})
		default:
			name, value, ok := strings.Cut(trimmed, ":")
			if !ok || len(rules) == 0 || strings.TrimSpace(name) == "" {
				return nil, fmt.Errorf("line %d: %q is not a header of a rule", i+1, trimmed)
			}
			r := &rules[len(rules)-1]
			r.headers = append(r.headers, [2]string{strings.TrimSpace(name), strings.TrimSpace(value)})
		}
	}
	return rules, nil
}

func (r headerRule) matches(p string) bool {
	before, after, splat := strings.Cut(r.pattern, "*")
	if !splat {
		return p == r.pattern
	}
	return len(p) >= len(before)+len(after) && strings.HasPrefix(p, before) && strings.HasSuffix(p, after)
}

// staticHost serves a folder as a plain static host that honours _headers
// does: "/" is index.html, a missing file is 404.html with status 404,
// _headers itself is not served, every file goes out as it is on disk
// (such hosts compress on their own; this one does not compress at all),
// and each response gets the headers of every rule that matches its path,
// a header set by two rules joined with ", ". Content-Type comes from the
// rules, or else from the file's extension.
type staticHost struct {
	dir   string
	rules []headerRule
}

func (s *staticHost) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	status, name := http.StatusOK, strings.TrimPrefix(r.URL.Path, "/")
	if name == "" {
		name = "index.html"
	}
	body, err := os.ReadFile(filepath.Join(s.dir, filepath.FromSlash(path.Clean("/"+name))))
	if err != nil || name == "_headers" {
		status, name = http.StatusNotFound, "404.html"
		if body, err = os.ReadFile(filepath.Join(s.dir, name)); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
	}
	h := w.Header()
	for _, rule := range s.rules {
		if !rule.matches(r.URL.Path) {
			continue
		}
		for _, kv := range rule.headers {
			if old := h.Get(kv[0]); old != "" {
				kv[1] = old + ", " + kv[1]
			}
			h.Set(kv[0], kv[1])
		}
	}
	if h.Get("Content-Type") == "" {
		h.Set("Content-Type", mime.TypeByExtension(path.Ext(name)))
	}
	w.WriteHeader(status)
	w.Write(body)
}

// TestStaticDist serves the folder of `make dist` with staticHost and finds
// the page working there: the headers from _headers on every response, the
// checker ready, a finding for a broken payload, and no CSP violation (the
// tab fails the test on any).
func TestStaticDist(t *testing.T) {
	requireBrowser(t)
	index, err := os.ReadFile(filepath.Join(staticDir, "index.html"))
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%v: make test runs make dist first", err)
		}
		t.Skipf("skipping: %v: run make dist", err)
	}
	if packed, err := os.ReadFile("dist/index.html"); err != nil || !bytes.Equal(index, packed) {
		t.Fatalf("%s/index.html is not web/dist's (%v): run make dist after make web", staticDir, err)
	}
	text, err := os.ReadFile(filepath.Join(staticDir, "_headers"))
	if err != nil {
		t.Fatal(err)
	}
	rules, err := parseHeadersFile(string(text))
	if err != nil {
		t.Fatalf("_headers: %v", err)
	}
	srv := httptest.NewServer(&staticHost{dir: staticDir, rules: rules})
	defer srv.Close()

	wasm, _ := filepath.Glob(filepath.Join(staticDir, "opcheck.*.wasm"))
	if len(wasm) != 1 {
		t.Fatalf("got wasm modules %v in %s, want one opcheck.<hash>.wasm", wasm, staticDir)
	}
	tests := []struct {
		path         string
		status       int
		contentType  string
		cacheControl string
	}{
		{"/", 200, "text/html; charset=utf-8", headers.CacheRevalidate},
		{"/index.html", 200, "text/html; charset=utf-8", headers.CacheRevalidate},
		{"/" + filepath.Base(wasm[0]), 200, "application/wasm", headers.CacheImmutable},
		{"/no-such-page", 404, "text/html; charset=utf-8", ""},
		{"/_headers", 404, "text/html; charset=utf-8", ""},
	}
	for _, tt := range tests {
		res, err := http.Get(srv.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		h := res.Header
		if res.StatusCode != tt.status || h.Get("Content-Type") != tt.contentType || h.Get("Cache-Control") != tt.cacheControl {
			t.Errorf("GET %s: got %d, %q, %q; want %d, %q, %q", tt.path, res.StatusCode, h.Get("Content-Type"), h.Get("Cache-Control"),
				tt.status, tt.contentType, tt.cacheControl)
		}
		for _, sh := range headers.Security {
			if got := h.Values(sh.Name); len(got) != 1 || got[0] != sh.Value {
				t.Errorf("GET %s: got %s %q, want the server's %q", tt.path, sh.Name, got, sh.Value)
			}
		}
	}

	p := newTab(t)
	p.do(chromedp.Navigate(srv.URL + "/"))
	p.waitFor(`document.body.dataset.ready === "true"`, "the checker to be ready")
	p.setText(`{"a": }`)
	p.waitChecked()
	fs := p.findings()
	if len(fs) == 0 || fs[0].Severity != "error" || fs[0].Code != "json-syntax" || fs[0].Line != "1" || fs[0].Column != "7" {
		t.Errorf("got findings %+v, want a json-syntax error at 1:7 first", fs)
	}
}

// TestParseHeadersFile keeps the test host's reading of _headers honest.
func TestParseHeadersFile(t *testing.T) {
	rules, err := parseHeadersFile("# c\n/*\n  A: 1\n  B: x: y\n\n/app.*.js\n\tC: 2\n/\n  D: 3\n")
	if err != nil {
		t.Fatal(err)
	}
	want := []headerRule{
		{"/*", [][2]string{{"A", "1"}, {"B", "x: y"}}},
		{"/app.*.js", [][2]string{{"C", "2"}}},
		{"/", [][2]string{{"D", "3"}}},
	}
	if fmt.Sprint(rules) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", rules, want)
	}
	matches := []struct {
		rule  int
		path  string
		match bool
	}{
		{0, "/", true}, {0, "/a/b", true}, {1, "/app.123.js", true}, {1, "/app.js", false}, {1, "/x/app.1.js", false},
		{2, "/", true}, {2, "/index.html", false},
	}
	for _, m := range matches {
		if got := rules[m.rule].matches(m.path); got != m.match {
			t.Errorf("%s matches %s: got %v, want %v", rules[m.rule].pattern, m.path, got, m.match)
		}
	}
	for _, bad := range []string{"  A: 1\n", "/*\n  no colon\n", "app.js\n  A: 1\n", "/a*b*\n"} {
		if _, err := parseHeadersFile(bad); err == nil {
			t.Errorf("parseHeadersFile(%q): got no error", bad)
		}
	}
}
