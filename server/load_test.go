package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

// Load test shape: bounded in count and time, loopback only.
const (
	loadRequests = 20_000
	loadClients  = 32
	loadCap      = 30 * time.Second
	loadWasmSize = 3 << 20
)

// fakeModule returns n deterministic bytes that compress about as well as
// a Go wasm module (roughly 4:1 with brotli): tokens drawn from a skewed
// vocabulary, with some noise.
func fakeModule(n int) []byte {
	rng := rand.New(rand.NewPCG(7, 11))
	vocab := make([][]byte, 4096)
	for i := range vocab {
		w := make([]byte, 3+rng.IntN(10))
		for j := range w {
			w[j] = byte(rng.UintN(256))
		}
		vocab[i] = w
	}
	b := make([]byte, 0, n+16)
	b = append(b, "\x00asm\x01\x00\x00\x00"...)
	for len(b) < n {
		if rng.IntN(4) == 0 {
			b = append(b, byte(rng.UintN(256)))
			continue
		}
		// Squaring a uniform index favours the first words, as real code
		// reuses a few opcodes and names far more than the rest.
		f := rng.Float64()
		b = append(b, vocab[int(f*f*float64(len(vocab)))]...)
	}
	return b[:n]
}

// TestLoad fires loadRequests requests from loadClients concurrent clients
// at the page and at a 3 MB module (asking for brotli) over loopback, wants
// no errors, and prints throughput and latency percentiles per asset. It
// runs only with OPCHECK_LOADTEST=1:
//
//	OPCHECK_LOADTEST=1 go test -run TestLoad -v ./server/
func TestLoad(t *testing.T) {
	if os.Getenv("OPCHECK_LOADTEST") != "1" {
		t.Skip("set OPCHECK_LOADTEST=1 to run the loopback load test")
	}
	wasm := fakeModule(loadWasmSize)
	fsys := fstest.MapFS{
		"index.html":              {Data: indexHTML},
		"opcheck.abcdef0123.wasm": {Data: wasm},
	}
	startup := time.Now()
	s, err := newServer(fsys, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	startupTime := time.Since(startup)
	ls := startLive(t, s)

	type target struct {
		name, path, accept, wantEnc string
		wantLen                     int
	}
	brLen := len(s.assets["opcheck.abcdef0123.wasm"].reps[encBrotli].body)
	targets := []target{
		{"index.html", "/", "gzip, deflate, br", "br", len(s.assets["index.html"].reps[encBrotli].body)},
		{"3 MB wasm (br)", "/opcheck.abcdef0123.wasm", "br", "br", brLen},
	}

	client := &http.Client{Transport: &http.Transport{
		MaxIdleConnsPerHost: loadClients,
		DisableCompression:  true,
	}}
	defer client.CloseIdleConnections()
	ctx, cancel := context.WithTimeout(context.Background(), loadCap)
	defer cancel()

	type sample struct {
		target int
		d      time.Duration
		err    error
	}
	samples := make([]sample, loadRequests)
	next := make(chan int)
	go func() {
		defer close(next)
		for i := range loadRequests {
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	begin := time.Now()
	for range loadClients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				tg := targets[i%len(targets)]
				start := time.Now()
				err := fetchOnce(ctx, client, ls.url+strings.TrimPrefix(tg.path, "/"), tg.accept, tg.wantEnc, tg.wantLen)
				samples[i] = sample{i % len(targets), time.Since(start), err}
			}
		}()
	}
	wg.Wait()
	wall := time.Since(begin)

	var table strings.Builder
	fmt.Fprintf(&table, "\n%d requests, %d clients, %v wall, %.0f requests/s overall, GOMAXPROCS=%d, startup %v\n\n",
		loadRequests, loadClients, wall.Round(time.Millisecond), float64(loadRequests)/wall.Seconds(), runtime.GOMAXPROCS(0), startupTime.Round(time.Millisecond))
	table.WriteString("| asset | bytes sent | requests | errors | requests/s | p50 | p90 | p99 |\n")
	table.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|\n")
	totalErrs := 0
	for ti, tg := range targets {
		var ds []time.Duration
		errs, done := 0, 0
		var firstErr error
		for _, smp := range samples {
			if smp.target != ti || smp.d == 0 {
				continue
			}
			done++
			if smp.err != nil {
				errs++
				if firstErr == nil {
					firstErr = smp.err
				}
				continue
			}
			ds = append(ds, smp.d)
		}
		slices.Sort(ds)
		fmt.Fprintf(&table, "| %s | %d | %d | %d | %.0f | %v | %v | %v |\n", tg.name, tg.wantLen, done, errs,
			float64(done)/wall.Seconds(), pct(ds, 50), pct(ds, 90), pct(ds, 99))
		totalErrs += errs
		if firstErr != nil {
			t.Errorf("%s: %d errors, the first: %v", tg.name, errs, firstErr)
		}
	}
	t.Log(table.String())
	unfinished := 0
	for _, smp := range samples {
		if smp.d == 0 {
			unfinished++
		}
	}
	if unfinished > 0 {
		t.Errorf("%d of %d requests did not run within the %v cap", unfinished, loadRequests, loadCap)
	}
	if totalErrs > 0 {
		t.Errorf("got %d errors, want 0", totalErrs)
	}
}

// fetchOnce GETs url, reads the whole body and checks status, encoding and
// length.
func fetchOnce(ctx context.Context, client *http.Client, url, accept, wantEnc string, wantLen int) error {
	req, err := http.NewRequestWithContext(ctx, "GET", url, nil)
	if err != nil {
		return err
	}
	req.Header.Set("Accept-Encoding", accept)
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	if err != nil {
		return fmt.Errorf("reading body after %d bytes: %w", n, err)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	if got := resp.Header.Get("Content-Encoding"); got != wantEnc {
		return fmt.Errorf("Content-Encoding %q, want %q", got, wantEnc)
	}
	if n != int64(wantLen) || resp.Header.Get("Content-Length") != strconv.Itoa(wantLen) {
		return fmt.Errorf("got %d bytes (Content-Length %s), want %d", n, resp.Header.Get("Content-Length"), wantLen)
	}
	return nil
}

// pct returns the p-th percentile of sorted durations (nearest rank).
func pct(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := (len(sorted)*p + 99) / 100
	return sorted[max(i-1, 0)].Round(10 * time.Microsecond)
}
