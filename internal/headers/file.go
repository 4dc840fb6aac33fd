package headers

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"
)

// MaxRules is the most rules a _headers file may hold on the strictest of
// the hosts that read one (Cloudflare Pages); File refuses to write more.
const MaxRules = 100

// File returns the _headers file, the convention that Cloudflare Pages and
// Netlify read, for a static copy of the page made of the files names
// (slash-separated, relative to the site's root). A rule is a path on a
// line of its own followed by indented "Name: value" lines:
//
//   - "/*" carries the Security headers, so every response has them;
//   - "/" and each file carry that file's Cache-Control (immutable for
//     content-hashed names, revalidated otherwise), and each .wasm file
//     its Content-Type, which WebAssembly's streaming compilation needs
//     and some hosts get wrong.
//
// No two rules that match one path set the same header, so hosts that
// merge the rules of every matching path send each header once. The
// precompressed siblings of a file (X.br and X.gz beside X) get no rule:
// hosts that honour _headers compress on their own, and a server that
// serves such siblings for X sends X's headers.
func File(names []string) ([]byte, error) {
	present := map[string]bool{}
	for _, n := range names {
		present[n] = true
	}
	var b strings.Builder
	b.WriteString("# The headers of opcheck's static build, written by `make dist` from\n" +
		"# internal/headers, the definitions opcheck-server sends as well.\n")
	rule := func(p string, hs ...Header) {
		b.WriteString("\n" + p + "\n")
		for _, h := range hs {
			b.WriteString("  " + h.Name + ": " + h.Value + "\n")
		}
	}
	rule("/*", Security...)
	rules := 1
	if present["index.html"] {
		rule("/", Header{"Cache-Control", CacheControl("index.html")})
		rules++
	}
	for _, n := range slices.Sorted(maps.Keys(present)) {
		if isSibling(n, present) {
			continue
		}
		if strings.ContainsAny(n, "*: \t\r\n#") || strings.HasPrefix(n, "/") {
			return nil, fmt.Errorf("headers: file name %q cannot be a _headers path", n)
		}
		hs := []Header{{"Cache-Control", CacheControl(n)}}
		if path.Ext(n) == ".wasm" {
			hs = append(hs, Header{"Content-Type", ContentType(n)})
		}
		rule("/"+n, hs...)
		rules++
	}
	if rules > MaxRules {
		return nil, fmt.Errorf("headers: %d rules, more than the %d a _headers file may hold", rules, MaxRules)
	}
	return []byte(b.String()), nil
}

// isSibling reports whether name is a precompressed form (X.br, X.gz) of
// a compressible file X among present.
func isSibling(name string, present map[string]bool) bool {
	for _, ext := range []string{".br", ".gz"} {
		if base, ok := strings.CutSuffix(name, ext); ok && present[base] && Compressible(base) {
			return true
		}
	}
	return false
}
