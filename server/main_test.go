package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"opcheck/internal/headers"
)

// TestBinary builds the real command, serves a folder with it and stops it
// with SIGTERM, as a supervisor would.
func TestBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "opcheck-server")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	site := filepath.Join(tmp, "site")
	if err := os.Mkdir(site, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"index.html": indexHTML, "opcheck.abcdef0123.wasm": fakeWasm} {
		if err := os.WriteFile(filepath.Join(site, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-addr", "127.0.0.1:0", "-dir", site)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill() // in case a check below fails first

	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("reading the URL line: %v (stderr: %s)", err, stderr.String())
	}
	url := strings.TrimSpace(line)
	if !strings.HasPrefix(url, "http://127.0.0.1:") || !strings.HasSuffix(url, "/") || strings.HasSuffix(url, ":0/") {
		t.Fatalf("first stdout line = %q, want http://127.0.0.1:<real port>/", url)
	}

	req, _ := http.NewRequest("GET", url+"opcheck.abcdef0123.wasm", nil)
	req.Header.Set("Accept-Encoding", "br")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		t.Fatal(err)
	}
	wantHeaders := map[string]string{
		"Content-Type":     "application/wasm",
		"Content-Encoding": "br",
		"Vary":             "Accept-Encoding",
		"Cache-Control":    headers.CacheImmutable,
	}
	for h, want := range wantSecurityHeaders {
		wantHeaders[h] = want
	}
	if resp.StatusCode != http.StatusOK {
		t.Errorf("got status %d, want 200", resp.StatusCode)
	}
	for h, want := range wantHeaders {
		if got := resp.Header.Get(h); got != want {
			t.Errorf("got %s %q, want %q", h, got, want)
		}
	}
	if got := decode(t, "br", b); !bytes.Equal(got, fakeWasm) {
		t.Errorf("decoded body is %d bytes that differ from the %d-byte wasm", len(got), len(fakeWasm))
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("after SIGTERM: %v, want exit status 0 (stderr: %s)", err, stderr.String())
	}
	if _, err := net.DialTimeout("tcp", strings.TrimSuffix(strings.TrimPrefix(url, "http://"), "/"), time.Second); err == nil {
		t.Error("the port still accepts connections after exit")
	}
	log := stderr.String()
	if strings.Count(log, "msg=request ") != 1 || !strings.Contains(log, "msg=stopped") {
		t.Errorf("stderr should hold one access-log line and a stop line:\n%s", log)
	}
}

func TestRunErrors(t *testing.T) {
	notDir := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(notDir, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := t.TempDir()
	site := t.TempDir()
	if err := os.WriteFile(filepath.Join(site, "index.html"), indexHTML, 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		wantErr string
	}{
		{"missing folder", []string{"-dir", filepath.Join(empty, "nope")}, "-dir"},
		{"file, not folder", []string{"-dir", notDir}, "is not a folder"},
		{"folder without a page", []string{"-dir", empty}, "no index.html"},
		{"bad address", []string{"-dir", site, "-addr", "127.0.0.1:notaport"}, "listen"},
		{"stray argument", []string{"extra"}, "unexpected arguments"},
		{"unknown flag", []string{"-port", "1"}, "flag provided but not defined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), tt.args, &stdout, &stderr)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("got error %v, want one containing %q", err, tt.wantErr)
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout got %q, want nothing when startup fails", stdout.String())
			}
		})
	}
}

func TestDisplayURL(t *testing.T) {
	tests := []struct {
		name string
		addr net.Addr
		want string
	}{
		{"loopback", &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}, "http://127.0.0.1:8080/"},
		{"ipv6 loopback", &net.TCPAddr{IP: net.IPv6loopback, Port: 9}, "http://[::1]:9/"},
		{"unspecified v4", &net.TCPAddr{IP: net.IPv4zero, Port: 80}, "http://localhost:80/"},
		{"unspecified v6", &net.TCPAddr{IP: net.IPv6unspecified, Port: 80}, "http://localhost:80/"},
		{"no ip", &net.TCPAddr{Port: 3000}, "http://localhost:3000/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := displayURL(tt.addr); got != tt.want {
				t.Errorf("displayURL(%v) = %q, want %q", tt.addr, got, tt.want)
			}
		})
	}
}
