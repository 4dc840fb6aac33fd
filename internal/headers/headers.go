package headers

import (
	"path"
	"regexp"
)

// ContentSecurityPolicy allows only the page's own scripts, styles, images
// and workers; WebAssembly compilation; blob: workers and images; and fetch
// to any http(s) URL, because the page can fetch a payload from a URL the
// user types. Nothing may frame the page, and it posts no forms.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"img-src 'self' data: blob:; connect-src 'self' https: http:; worker-src 'self' blob:; " +
	"object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// Header is one header name and value.
type Header struct{ Name, Value string }

// Security are the headers every response carries, errors included.
var Security = []Header{
	{"Content-Security-Policy", ContentSecurityPolicy},
	{"X-Content-Type-Options", "nosniff"},
	{"Referrer-Policy", "no-referrer"},
	{"Cross-Origin-Opener-Policy", "same-origin"},
}

// Cache-Control values: content-hashed files never change under their
// name, everything else is revalidated on every use.
const (
	CacheImmutable  = "public, max-age=31536000, immutable"
	CacheRevalidate = "no-cache"
)

// hashedNameRe matches web/pack's content-hashed names: name.<10 hex>.ext
// or name.<10 hex>.
var hashedNameRe = regexp.MustCompile(`^[^/]+\.[0-9a-f]{10}(\.[A-Za-z0-9]+)?$`)

// Hashed reports whether the file name (a slash-separated path) carries
// web/pack's content hash.
func Hashed(name string) bool { return hashedNameRe.MatchString(path.Base(name)) }

// CacheControl is the Cache-Control of the file name.
func CacheControl(name string) string {
	if Hashed(name) {
		return CacheImmutable
	}
	return CacheRevalidate
}

// contentTypes maps extensions to Content-Type values. The table is fixed
// rather than read from the system's MIME database, so every machine serves
// the same headers.
var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".wasm":        "application/wasm",
	".json":        "application/json",
	".map":         "application/json",
	".webmanifest": "application/manifest+json",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".jpg":         "image/jpeg",
	".jpeg":        "image/jpeg",
	".gif":         "image/gif",
	".webp":        "image/webp",
	".ico":         "image/x-icon",
	".md":          "text/markdown; charset=utf-8",
	".txt":         "text/plain; charset=utf-8",
	".xml":         "application/xml",
	".woff2":       "font/woff2",
	".gz":          "application/gzip",
}

// ContentType is the Content-Type of the file name, application/octet-stream
// for an extension the table does not know.
func ContentType(name string) string {
	if t, ok := contentTypes[path.Ext(name)]; ok {
		return t
	}
	return "application/octet-stream"
}

// compressibleExts are the types worth compressing; images and fonts
// already are.
var compressibleExts = map[string]bool{
	".html": true, ".js": true, ".mjs": true, ".css": true, ".wasm": true, ".json": true, ".map": true,
	".webmanifest": true, ".svg": true, ".md": true, ".txt": true, ".xml": true,
}

// Compressible reports whether the file name has a type worth compressing.
func Compressible(name string) bool { return compressibleExts[path.Ext(name)] }

// NotFoundPage is the body of every 404.
const NotFoundPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Not found - opcheck</title>
</head>
<body>
<h1>Nothing here</h1>
<p>No page of the opcheck playground lives at this address.</p>
<p><a href="/">Go to the playground</a></p>
</body>
</html>
`
