package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// liveServer is a server answering on a loopback listener.
type liveServer struct {
	*server
	url    string
	addr   string
	cancel context.CancelFunc
	done   chan error // receives serve's result
}

// startLive starts s (after configure, if any, has adjusted it) on
// 127.0.0.1 with a free port and stops it when the test ends.
func startLive(t *testing.T, s *server) *liveServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ls := &liveServer{server: s, addr: ln.Addr().String(), url: displayURL(ln.Addr()), cancel: cancel, done: make(chan error, 1)}
	go func() { ls.done <- s.serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-ls.done:
		case <-time.After(15 * time.Second):
			t.Error("server did not stop within 15s")
		}
	})
	return ls
}

// statusLine reads the first line of an HTTP response from conn.
func statusLine(t *testing.T, conn net.Conn) string {
	t.Helper()
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		t.Fatalf("reading the status line: %v", err)
	}
	return strings.TrimSpace(line)
}

func TestOversizedHeadersGet431(t *testing.T) {
	ls := startLive(t, newTestServer(t, nil))
	conn, err := net.Dial("tcp", ls.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	big := strings.Repeat("a", ls.maxHeaderBytes+8<<10)
	go fmt.Fprintf(conn, "GET / HTTP/1.1\r\nHost: x\r\nX-Big: %s\r\n\r\n", big)
	if got := statusLine(t, conn); !strings.HasPrefix(got, "HTTP/1.1 431 ") {
		t.Errorf("got status line %q, want 431", got)
	}

	// A request just under the limit is still served.
	resp, err := http.Get(ls.url + "healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("healthz after the oversized request: got %d, want 200", resp.StatusCode)
	}
}

func TestSlowHeadersAreCut(t *testing.T) {
	s := newTestServer(t, nil)
	s.readHeaderTimeout = 200 * time.Millisecond
	ls := startLive(t, s)
	conn, err := net.Dial("tcp", ls.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// Start a request and never finish its headers.
	if _, err := io.WriteString(conn, "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: "); err != nil {
		t.Fatal(err)
	}
	// The server must close the connection long before this deadline.
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	n, err := conn.Read(make([]byte, 512))
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Fatalf("connection still open after 10s; want it cut after %v", s.readHeaderTimeout)
	}
	if err == nil {
		// net/http may answer 408 before closing; then it must close.
		if _, err = io.ReadAll(conn); err != nil {
			t.Fatalf("after %d bytes: %v", n, err)
		}
	}
}

func TestManyIdleConnections(t *testing.T) {
	const idle = 200
	ls := startLive(t, newTestServer(t, nil))
	var conns []net.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for i := range idle {
		c, err := net.Dial("tcp", ls.addr)
		if err != nil {
			t.Fatalf("dial %d: %v", i, err)
		}
		conns = append(conns, c)
	}
	// Half of them have finished a request and sit in keep-alive.
	for _, c := range conns[:idle/2] {
		if _, err := io.WriteString(c, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
			t.Fatal(err)
		}
		if got := statusLine(t, c); got != "HTTP/1.1 200 OK" {
			t.Fatalf("keep-alive request: got %q", got)
		}
	}
	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get(ls.url)
	if err != nil {
		t.Fatalf("fresh request with %d idle connections open: %v", idle, err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || string(b) != string(indexHTML) {
		t.Errorf("got status %d with %d bytes, want 200 with the page", resp.StatusCode, len(b))
	}
}

func TestGracefulShutdownFinishesInFlight(t *testing.T) {
	s := newTestServer(t, nil)
	inHandler := make(chan struct{})
	shutdownBegun := make(chan struct{})
	var once sync.Once
	s.testHookServe = func(r *http.Request) {
		if r.URL.Path == "/opcheck.abcdef0123.wasm" {
			once.Do(func() { close(inHandler) })
			<-shutdownBegun
		}
	}
	s.testHookShutdown = func() { close(shutdownBegun) }
	ls := startLive(t, s)

	type result struct {
		status int
		body   []byte
		err    error
	}
	got := make(chan result, 1)
	go func() {
		resp, err := http.Get(ls.url + "opcheck.abcdef0123.wasm")
		if err != nil {
			got <- result{err: err}
			return
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		got <- result{resp.StatusCode, b, err}
	}()
	select {
	case <-inHandler:
	case <-time.After(10 * time.Second):
		t.Fatal("the request never reached the handler")
	}
	ls.cancel() // as SIGTERM does through signal.NotifyContext

	r := <-got
	if r.err != nil {
		t.Fatalf("in-flight request failed: %v", r.err)
	}
	if r.status != http.StatusOK || string(r.body) != string(fakeWasm) {
		t.Errorf("got status %d with %d bytes, want 200 with all %d", r.status, len(r.body), len(fakeWasm))
	}
	select {
	case err := <-ls.done:
		if err != nil {
			t.Errorf("serve returned %v after a clean shutdown, want nil", err)
		}
		ls.done <- err // for the cleanup
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not return after shutdown")
	}
	if _, err := net.DialTimeout("tcp", ls.addr, time.Second); err == nil {
		t.Error("the listener still accepts after shutdown")
	}
}

func TestShutdownDeadline(t *testing.T) {
	s := newTestServer(t, nil)
	s.shutdownTimeout = 100 * time.Millisecond
	release := make(chan struct{})
	inHandler := make(chan struct{}, 1)
	s.testHookServe = func(*http.Request) {
		inHandler <- struct{}{}
		<-release
	}
	ls := startLive(t, s)
	defer close(release)
	go func() {
		if resp, err := http.Get(ls.url); err == nil {
			resp.Body.Close()
		}
	}()
	<-inHandler
	ls.cancel()
	select {
	case err := <-ls.done:
		if err == nil || !strings.Contains(err.Error(), "still in flight") {
			t.Errorf("got %v, want an error saying responses were still in flight", err)
		}
		ls.done <- err
	case <-time.After(10 * time.Second):
		t.Fatal("serve ignored its shutdown deadline")
	}
}

// TestRawRequestTargets sends request lines byte for byte, as an attacker
// would, bypassing any client-side cleaning.
func TestRawRequestTargets(t *testing.T) {
	ls := startLive(t, newTestServer(t, nil))
	tests := []struct {
		name   string
		target string
		want   []int // acceptable statuses
	}{
		{"dot dot", "/../secret.txt", []int{404}},
		{"dot dot deep", "/sub/../../../../etc/passwd", []int{404}},
		{"encoded dots", "/%2e%2e/secret.txt", []int{404}},
		{"encoded slash", "/sub%2f..%2fsecret.txt", []int{404}},
		{"backslash", `/sub\..\secret.txt`, []int{404}},
		{"double encoding", "/%252e%252e/secret.txt", []int{404}},
		{"encoded nul", "/index.html%00", []int{404}},
		{"raw nul", "/index.html\x00", []int{400, 404}},
		{"absolute form", "http://x/../secret.txt", []int{404}},
		{"plain file still served", "/secret.txt", []int{200}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			conn, err := net.Dial("tcp", ls.addr)
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", tt.target)
			line := statusLine(t, conn)
			var code int
			fmt.Sscanf(line, "HTTP/1.1 %d", &code)
			if !slices.Contains(tt.want, code) {
				t.Errorf("GET %q: got %q, want status in %v", tt.target, line, tt.want)
			}
		})
	}
}
