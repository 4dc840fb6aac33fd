package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	"opcheck/internal/headers"
)

// Limits of the http.Server. Every request here is a small GET or HEAD
// without a body, and the largest response is the wasm module.
const (
	// readHeaderTimeout bounds the request line and headers. A browser
	// sends them in one packet; a client that dribbles them (slowloris)
	// would otherwise hold a connection and a goroutine forever.
	readHeaderTimeout = 5 * time.Second
	// readTimeout bounds reading the whole request. No route takes a
	// body, so this only needs to cover the headers plus slack.
	readTimeout = 10 * time.Second
	// writeTimeout bounds writing one response, counted from the end of
	// the request headers. The wasm module is a few MB even compressed;
	// a minute lets it through a link of about 1 Mbit/s.
	writeTimeout = 60 * time.Second
	// idleTimeout closes keep-alive connections that carry no request, so
	// idle tabs do not pin sockets; a page loads all its assets in
	// well under this.
	idleTimeout = 60 * time.Second
	// maxHeaderBytes caps the request line plus headers. The page sends
	// no cookies, but a shared link may carry a long query string; 64 KiB
	// is generous for that and small enough to bound memory per
	// connection. Beyond it net/http answers 431.
	maxHeaderBytes = 64 << 10
	// shutdownTimeout is how long SIGINT or SIGTERM waits for responses
	// in flight before closing their connections. It is shorter than the
	// grace period container runtimes usually give (10 s).
	shutdownTimeout = 8 * time.Second
	// maxLoggedPath caps the path in an access-log line.
	maxLoggedPath = 512
)

// server answers every request for the playground's assets. Create it with
// newServer; its limits may be changed before serve is called.
type server struct {
	logger *slog.Logger
	assets map[string]*asset
	mux    *http.ServeMux

	// Limits copied into the http.Server by httpServer; newServer sets
	// them to the constants above, and tests shorten them.
	readHeaderTimeout time.Duration
	readTimeout       time.Duration
	writeTimeout      time.Duration
	idleTimeout       time.Duration
	maxHeaderBytes    int
	shutdownTimeout   time.Duration

	// testHookServe, when set, runs before an asset's body is written;
	// tests use it to hold a response in flight.
	testHookServe func(*http.Request)
	// testHookShutdown, when set, runs when graceful shutdown begins.
	testHookShutdown func()
}

// newServer loads every asset of fsys (compressing those that lack
// precompressed siblings) and registers the routes. It fails when fsys has
// no index.html or cannot be read.
func newServer(fsys fs.FS, logger *slog.Logger) (*server, error) {
	assets, err := loadAssets(fsys)
	if err != nil {
		return nil, err
	}
	s := &server{
		logger:            logger,
		assets:            assets,
		mux:               http.NewServeMux(),
		readHeaderTimeout: readHeaderTimeout,
		readTimeout:       readTimeout,
		writeTimeout:      writeTimeout,
		idleTimeout:       idleTimeout,
		maxHeaderBytes:    maxHeaderBytes,
		shutdownTimeout:   shutdownTimeout,
	}
	s.routes()
	return s, nil
}

// routes registers every route. Methods other than GET and HEAD never reach
// the mux: ServeHTTP answers them with 405 first.
func (s *server) routes() {
	s.mux.HandleFunc("GET /healthz", s.handleHealthz)
	s.mux.HandleFunc("GET /{$}", s.handleIndex)
	s.mux.HandleFunc("GET /", s.handleAsset)
}

// ServeHTTP sets the security headers, rejects disallowed methods and
// paths, dispatches to the routes and writes one access-log line.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &recorder{ResponseWriter: w}
	h := w.Header()
	for _, sh := range headers.Security {
		h.Set(sh.Name, sh.Value)
	}

	switch {
	case r.Method != http.MethodGet && r.Method != http.MethodHead:
		s.handleMethodNotAllowed(rec, r)
	case !safePath(r.URL):
		s.handleNotFound(rec, r)
	default:
		s.mux.ServeHTTP(rec, r)
	}
	s.logRequest(r, rec, time.Since(start))
}

// safePath reports whether u's path is one this server may look up: an
// absolute, canonical path without dot segments or dot names, backslashes,
// control characters, percent signs left after decoding (double encoding),
// or encoded slashes and backslashes.
func safePath(u *url.URL) bool {
	lower := strings.ToLower(u.EscapedPath())
	if strings.Contains(lower, "%2f") || strings.Contains(lower, "%5c") {
		return false
	}
	p := u.Path
	if p == "" || p[0] != '/' || path.Clean(p) != p {
		return false
	}
	for i := 0; i < len(p); i++ {
		if c := p[i]; c < 0x20 || c == 0x7f || c == '\\' || c == '%' {
			return false
		}
	}
	return !strings.Contains(p, "/.")
}

// handleIndex serves index.html for "/".
func (s *server) handleIndex(w http.ResponseWriter, r *http.Request) {
	s.serveAsset(w, r, s.assets["index.html"])
}

// handleAsset serves the file the path names, or the 404 page.
func (s *server) handleAsset(w http.ResponseWriter, r *http.Request) {
	a, ok := s.assets[strings.TrimPrefix(r.URL.Path, "/")]
	if !ok {
		s.handleNotFound(w, r)
		return
	}
	s.serveAsset(w, r, a)
}

// serveAsset negotiates the encoding and lets http.ServeContent handle
// conditional and range requests against that representation.
func (s *server) serveAsset(w http.ResponseWriter, r *http.Request, a *asset) {
	h := w.Header()
	h.Set("Content-Type", a.contentType)
	h.Set("Cache-Control", a.cacheControl)
	enc := identity
	if a.compressible {
		h.Add("Vary", "Accept-Encoding")
		var have [numEncodings]bool
		for e, rep := range a.reps {
			have[e] = rep != nil
		}
		enc = negotiate(r.Header.Values("Accept-Encoding"), have)
	}
	rep := a.reps[enc]
	h.Set("Etag", rep.etag)
	if enc != identity {
		h.Set("Content-Encoding", enc.token())
		// ServeContent leaves Content-Length unset when Content-Encoding
		// is set (it guards against compress-on-the-fly wrappers); these
		// bytes are final, so say how many.
		h.Set("Content-Length", strconv.Itoa(len(rep.body)))
	}
	if s.testHookServe != nil {
		s.testHookServe(r)
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(rep.body))
}

// handleHealthz tells a supervisor the process is up.
func (s *server) handleHealthz(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", "3")
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write([]byte("ok\n"))
	}
}

// handleNotFound writes the 404 page.
func (s *server) handleNotFound(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", headers.CacheRevalidate)
	h.Set("Content-Length", strconv.Itoa(len(headers.NotFoundPage)))
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write([]byte(headers.NotFoundPage))
	}
}

// handleMethodNotAllowed answers any method but GET and HEAD.
func (s *server) handleMethodNotAllowed(w http.ResponseWriter, r *http.Request) {
	const msg = "this server only answers GET and HEAD\n"
	h := w.Header()
	h.Set("Allow", "GET, HEAD")
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("Cache-Control", headers.CacheRevalidate)
	h.Set("Content-Length", strconv.Itoa(len(msg)))
	w.WriteHeader(http.StatusMethodNotAllowed)
	w.Write([]byte(msg))
}

// logRequest writes the access-log line. It logs the path but never the
// query string or any header, where tokens could be.
func (s *server) logRequest(r *http.Request, rec *recorder, d time.Duration) {
	p := r.URL.Path
	if len(p) > maxLoggedPath {
		p = p[:maxLoggedPath] + "..."
	}
	status := rec.status
	if status == 0 { // the handler wrote nothing at all
		status = http.StatusOK
	}
	enc := rec.encoding
	if enc == "" {
		enc = "identity"
	}
	s.logger.LogAttrs(r.Context(), slog.LevelInfo, "request",
		slog.String("method", r.Method),
		slog.String("path", p),
		slog.Int("status", status),
		slog.Int64("bytes", rec.bytes),
		slog.Duration("duration", d),
		slog.String("encoding", enc),
	)
}

// recorder remembers what a handler sent, for the access log.
type recorder struct {
	http.ResponseWriter
	status   int
	bytes    int64
	encoding string // Content-Encoding when the header was written
}

// WriteHeader records the status and the body's encoding.
func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
		r.encoding = r.Header().Get("Content-Encoding")
	}
	r.ResponseWriter.WriteHeader(code)
}

// Write counts body bytes.
func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.WriteHeader(http.StatusOK)
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

// Unwrap gives http.ResponseController the underlying writer.
func (r *recorder) Unwrap() http.ResponseWriter {
	return r.ResponseWriter
}

// httpServer returns an http.Server for s with its limits applied.
func (s *server) httpServer() *http.Server {
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: s.readHeaderTimeout,
		ReadTimeout:       s.readTimeout,
		WriteTimeout:      s.writeTimeout,
		IdleTimeout:       s.idleTimeout,
		MaxHeaderBytes:    s.maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(s.logger.Handler(), slog.LevelWarn),
	}
	if s.testHookShutdown != nil {
		srv.RegisterOnShutdown(s.testHookShutdown)
	}
	return srv
}

// serve answers requests on ln until ctx is done, then shuts down
// gracefully: it stops accepting, closes idle connections and waits up to
// shutdownTimeout for responses in flight. It returns nil after a clean
// shutdown.
func (s *server) serve(ctx context.Context, ln net.Listener) error {
	srv := s.httpServer()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	s.logger.Info("shutting down", slog.Duration("deadline", s.shutdownTimeout))
	sctx, cancel := context.WithTimeout(context.Background(), s.shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
		return fmt.Errorf("shutdown: responses still in flight after %v: %w", s.shutdownTimeout, err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	s.logger.Info("stopped")
	return nil
}
