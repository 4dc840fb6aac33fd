package bench

// TestBrowserBench measures the real page, served by the real server binary
// (../bin/opcheck-server, made by `make build`), in headless Chromium driven
// through the DevTools protocol, and writes the results as BENCHMARKS.md.
// It is a measurement, not a unit test: it runs only with
// OPCHECK_BROWSER_BENCH=1 (make bench sets it), and it fails only when
// something does not work (a page error, a validator that disagrees with
// itself), never on a timing.

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"opcheck/graph"
	"opcheck/internal/benchdoc"
	"opcheck/internal/browsertest"
)

var (
	reportFile = flag.String("report", "", "write the results to this Markdown `file` (BENCHMARKS.md)")
	nativeFile = flag.String("native", "", "`file` with the output of the native go test -bench run, to include in the report")
	wasmFile   = flag.String("wasm", "", "`file` with the output of the core benchmarks run under wasm (GOOS=js GOARCH=wasm go test -bench), to include in the report")
	loadFile   = flag.String("loadtest", "", "`file` with the output of the server's load test (make loadtest), to include in the report")
	freshSite  = flag.String("fresh-site", "", "TestBrowserBenchFresh: serve this packed `folder` instead of the embedded page (to compare two builds)")
)

const (
	serverBin = "../bin/opcheck-server"
	distDir   = "../web/dist"
	// benchTimeout bounds the whole browser run; make bench must finish in
	// under 10 minutes on 2 cores.
	benchTimeout = 7 * time.Minute
)

// probeJS is installed in every page before its own scripts.
//
//go:embed probe.js
var probeJS string

// editSizes are the sizes of the edit measurement, and its keystrokes per size.
var editSizes = []struct{ size, edits int }{{2 << 10, 30}, {100 << 10, 30}, {10 << 20, 8}}

func TestBrowserBench(t *testing.T) {
	if os.Getenv("OPCHECK_BROWSER_BENCH") != "1" {
		t.Skip("the browser benchmark takes minutes: it runs with OPCHECK_BROWSER_BENCH=1, as make bench sets")
	}
	requireBuilt(t)
	start := time.Now()
	rep := &report{Command: "make bench"}
	rep.Machine = describeMachine()

	site := buildSite(t)
	rep.WasmRaw, rep.WasmBr = wasmSizes(t, site)
	real := startServer(t)                   // the embedded assets: the first load
	benchURL := startServer(t, "-dir", site) // the same page plus bench.js and the documents

	ctx, cancel := context.WithTimeout(context.Background(), benchTimeout)
	defer cancel()
	b := startBrowser(t, ctx)
	v, err := chromedp.CallBrowser(b.Ctx, browser.GetVersion, cdp.Empty{})
	if err != nil {
		t.Fatalf("browser version: %v", err)
	}
	rep.Machine.Chromium = v.Product

	rep.Load = measureLoad(t, b, real, site)
	rep.Load.Fresh = measureFresh(t, b, real)
	t.Logf("first load measured (%s)", time.Since(start).Round(time.Second))
	rep.Docs, rep.CallCost, rep.Memory = measureThroughput(t, b, benchURL)
	t.Logf("throughput measured (%s)", time.Since(start).Round(time.Second))
	rep.Twins = measureTwins(t, b, benchURL)
	t.Logf("findings-heavy twins measured (%s)", time.Since(start).Round(time.Second))
	rep.EchoFloor = measureEchoFloor(t, b)
	rep.Edits = measureEdits(t, b, benchURL, site)
	t.Logf("edits measured (%s)", time.Since(start).Round(time.Second))

	if *nativeFile != "" {
		f, err := os.Open(*nativeFile)
		if err != nil {
			t.Fatalf("-native: %v", err)
		}
		rep.Native, err = parseNative(f)
		f.Close()
		if err != nil {
			t.Fatalf("-native: %v", err)
		}
	}
	if *wasmFile != "" {
		f, err := os.Open(*wasmFile)
		if err != nil {
			t.Fatalf("-wasm: %v", err)
		}
		rows, err := parseNative(f)
		f.Close()
		if err != nil {
			t.Fatalf("-wasm: %v", err)
		}
		rep.Wasm = lastOfEach(rows)
	}
	if *loadFile != "" {
		out, err := os.ReadFile(*loadFile)
		if err != nil {
			t.Fatalf("-loadtest: %v", err)
		}
		rep.ServerLoad = parseServerLoad(string(out))
	}
	rep.Machine.LoadAfter = loadAverage()
	rep.Problems = b.Problems()
	b.ReportProblems()

	md := rep.markdown()
	fmt.Println(md)
	if *reportFile != "" {
		if err := os.WriteFile(*reportFile, []byte(md), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", *reportFile)
	}
}

// TestBrowserTwins is the findings-heavy part of TestBrowserBench alone, to
// work on what findings cost in the page without the whole run:
//
//	OPCHECK_BROWSER_BENCH=1 go test -count=1 -run '^TestBrowserTwins$' -v ./bench/
func TestBrowserTwins(t *testing.T) {
	if os.Getenv("OPCHECK_BROWSER_BENCH") != "1" {
		t.Skip("a browser measurement: it runs with OPCHECK_BROWSER_BENCH=1")
	}
	requireBuilt(t)
	site := buildSite(t)
	url := startServer(t, "-dir", site)
	ctx, cancel := context.WithTimeout(context.Background(), benchTimeout)
	defer cancel()
	b := startBrowser(t, ctx)
	rep := &report{Twins: measureTwins(t, b, url)}
	b.ReportProblems()
	var md strings.Builder
	rep.writeTwins(func(format string, args ...any) { fmt.Fprintf(&md, format, args...) })
	t.Log(md.String())
}

// requireBuilt stops the test when what it measures has not been built.
func requireBuilt(t *testing.T) {
	t.Helper()
	for _, need := range []struct{ path, fix string }{
		{serverBin, "run make build"},
		{filepath.Join(distDir, "index.html"), "run make build"},
		{browsertest.ChromiumPath, "install Chromium: apt-get install chromium"},
		{filepath.Join("node_modules", "ajv", "package.json"), "run npm ci in bench/"},
	} {
		if _, err := os.Stat(need.path); err != nil {
			t.Fatalf("%s is missing: %s", need.path, need.fix)
		}
	}
}

// TestBrowserBenchFresh measures only the fresh-context first load, which
// make bench reports beside the warm one: a quick look at the checker's
// start, run with OPCHECK_BROWSER_BENCH=1 go test -run '^TestBrowserBenchFresh$' -v ./bench/.
func TestBrowserBenchFresh(t *testing.T) {
	if os.Getenv("OPCHECK_BROWSER_BENCH") != "1" {
		t.Skip("a browser measurement: it runs with OPCHECK_BROWSER_BENCH=1")
	}
	for _, need := range []string{serverBin, browsertest.ChromiumPath} {
		if _, err := os.Stat(need); err != nil {
			t.Fatalf("%s is missing: run make build", need)
		}
	}
	var args []string
	if *freshSite != "" {
		args = []string{"-dir", *freshSite}
	}
	real := startServer(t, args...)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	b := startBrowser(t, ctx)
	b.open(real) // the browser process starts warm, as in make bench
	r := report{Load: loadResult{Fresh: measureFresh(t, b, real)}}
	for _, tm := range r.Load.Fresh {
		t.Logf("ready at %s (wasm requested at %s, DOMContentLoaded %s, download + compile %s, first check painted %s)", ms(tm.Ready), ms(tm.WasmStart), ms(tm.DOMContentLoaded), ms(tm.InstantiateEnd-tm.InstantiateStart), ms(tm.FindingsAt))
	}
	t.Logf("navigation → opcheck.ready in a fresh browser context: %s median of %d loads (first check painted: %s median)", ms(r.freshReadyMedian()), len(r.Load.Fresh), ms(findingsMedian(r.Load.Fresh)))
	b.ReportProblems()
}

// ---- the site --------------------------------------------------------------

// docName names a benchmark document's file under bench-docs/. The
// extension is none the server compresses, so that it starts at once.
func docName(shape benchdoc.Shape, size int, broken bool) string {
	v := "valid"
	if broken {
		v = "broken"
	}
	return fmt.Sprintf("%s-%s-%s.doc", shape, strings.ReplaceAll(sizeName(size), " ", ""), v)
}

// repeatedName names the findings-heavy twin of the valid collection of a
// size (benchdoc.Repeated).
func repeatedName(size int) string {
	return "collection-" + strings.ReplaceAll(sizeName(size), " ", "") + "-repeated.doc"
}

func editName(size int) string {
	return "edit-" + strings.ReplaceAll(sizeName(size), " ", "") + ".doc"
}

// buildSite copies the built page into a temporary folder and adds
// bench.js (the harness and ajv's validator, built by build.mjs from the
// generated schema) and the documents.
func buildSite(t *testing.T) string {
	t.Helper()
	tmp := t.TempDir()
	site := filepath.Join(tmp, "site")
	if err := os.CopyFS(site, os.DirFS(distDir)); err != nil {
		t.Fatalf("copy %s: %v", distDir, err)
	}
	os.Remove(filepath.Join(site, ".keep"))

	schema, err := Schema(graph.Lookup("v1.0"))
	if err != nil {
		t.Fatal(err)
	}
	schemaFile := filepath.Join(tmp, "schema.json")
	if err := os.WriteFile(schemaFile, schema, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(tmp, "node")
	if b, err := exec.Command("node", "build.mjs", schemaFile, out).CombinedOutput(); err != nil {
		t.Fatalf("node build.mjs: %v\n%s", err, b)
	}
	js, err := os.ReadFile(filepath.Join(out, "bench.js"))
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, b []byte) {
		p := filepath.Join(site, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("bench.js", js)
	for _, shape := range benchdoc.Shapes {
		for _, size := range benchSizes {
			for _, broken := range []bool{false, true} {
				write("bench-docs/"+docName(shape, size, broken), benchdoc.Generate(shape, size, broken, 1))
			}
		}
	}
	for _, size := range twinSizes {
		write("bench-docs/"+repeatedName(size), benchdoc.Repeated(size, 1))
	}
	for _, broken := range []bool{false, true} {
		write("bench-docs/"+docName(benchdoc.Log, logSize, broken), benchdoc.Generate(benchdoc.Log, logSize, broken, 1))
	}
	for _, e := range editSizes {
		write("bench-docs/"+editName(e.size), editDoc(t, e.size))
	}
	return site
}

// logSize is the size of the bot log measured beside the JSON documents:
// a callback body per line, as a day of a busy bot's log holds them.
const logSize = 10 << 20

// logMethods are what is timed on the log, which is not one JSON document:
// JSON.parse and ajv cannot read it.
const logMethods = `["opcheck-string", "opcheck-bytes"]`

// editDoc is a valid collection pretty-printed with two spaces, as people
// paste it, of about size bytes.
func editDoc(t *testing.T, size int) []byte {
	t.Helper()
	n := size
	var out bytes.Buffer
	for range 3 {
		doc := benchdoc.Generate(benchdoc.Collection, n, false, 1)
		out.Reset()
		if err := json.Indent(&out, doc, "", "  "); err != nil {
			t.Fatal(err)
		}
		n = int(float64(n) * float64(size) / float64(out.Len()))
	}
	return out.Bytes()
}

// wasmSizes returns the size of the site's wasm and of its brotli form.
func wasmSizes(t *testing.T, site string) (raw, br int) {
	t.Helper()
	matches, _ := filepath.Glob(filepath.Join(site, "opcheck.*.wasm"))
	if len(matches) != 1 {
		t.Fatalf("want one opcheck.*.wasm in the built page, found %q", matches)
	}
	st, err := os.Stat(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	stBr, err := os.Stat(matches[0] + ".br")
	if err != nil {
		t.Fatal(err)
	}
	return int(st.Size()), int(stBr.Size())
}

// encodingOf tells which representation of a file the browser received,
// from the size of the body it reports.
func encodingOf(site, urlPath string, encoded int) string {
	name := strings.TrimPrefix(urlPath, "/")
	if name == "" {
		name = "index.html"
	}
	for _, e := range []struct{ ext, name string }{{"", "identity"}, {".br", "br"}, {".gz", "gzip"}} {
		if st, err := os.Stat(filepath.Join(site, name+e.ext)); err == nil && int(st.Size()) == encoded {
			return e.name
		}
	}
	return "?"
}

// ---- server and browser ----------------------------------------------------

// startServer runs the server binary on a free loopback port and returns the
// page's URL, which the server prints first; the test stops it.
func startServer(t *testing.T, args ...string) string {
	t.Helper()
	url, stop, err := browsertest.StartServer(serverBin, io.Discard, 60*time.Second, args...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	return url
}

// tab is the one browser tab the benchmark drives.
type tab struct {
	*browsertest.Tab
}

// startBrowser launches Chromium under parent, watches its tab for page
// problems and installs the probe in every page it loads.
func startBrowser(t *testing.T, parent context.Context) *tab {
	t.Helper()
	ctx, stop, err := browsertest.StartBrowser(parent,
		// A headless tab is never hidden, but keep its timers honest anyway.
		chromedp.Flag("disable-background-timer-throttling", true),
		chromedp.Flag("disable-renderer-backgrounding", true),
	)
	if err != nil {
		t.Fatalf("start Chromium: %v", err)
	}
	t.Cleanup(stop)
	p := &tab{browsertest.Watch(t, ctx)}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: probeJS}); err != nil {
		t.Fatalf("install the probe: %v", err)
	}
	if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatalf("network: %v", err)
	}
	return p
}

// eval evaluates a JavaScript expression (promises awaited) into T.
func eval[T any](p *tab, expr string) T {
	p.T.Helper()
	return browsertest.Eval[T](p.Tab, expr)
}

// waitReadyJS resolves once the page's checker is ready and it has shown
// (painted) its first check.
const waitReadyJS = `new Promise((resolve, reject) => {
  const t0 = Date.now();
  (function poll() {
    const probe = globalThis.__opcheckProbe;
    const panel = document.getElementById("diagnostics");
    if (probe && probe.readyAt >= 0 && probe.findingsAt >= 0 && document.body.dataset.ready === "true" && panel && !panel.classList.contains("stale")) return resolve(true);
    if (Date.now() - t0 > 30000) return reject(new Error("the page was not ready within 30 s"));
    setTimeout(poll, 10);
  })();
})`

// open navigates to url and waits until the checker is ready.
func (p *tab) open(url string) {
	p.T.Helper()
	p.Do(chromedp.Navigate(url))
	eval[bool](p, waitReadyJS)
}

func (p *tab) setCacheDisabled(off bool) {
	p.T.Helper()
	if _, err := chromedp.Call(p.Ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: off}); err != nil {
		p.T.Fatalf("set cache disabled: %v", err)
	}
}

// ---- first load ------------------------------------------------------------

// loadsPerMode is how many loads are timed with and without the HTTP cache,
// after warm-up loads that are not.
const (
	loadsPerMode = 7
	loadWarmups  = 2
)

// measureLoad times loads of the real page in a browser that has already
// loaded it (warm: the browser process and its caches are up), first with
// the HTTP cache disabled (every byte transferred and the wasm compiled
// again, as on a first visit), then enabled (a returning visitor).
func measureLoad(t *testing.T, p *tab, url, site string) loadResult {
	t.Helper()
	res := loadResult{Warmups: loadWarmups}
	timing := func() loadTiming { return eval[loadTiming](p, timingJS) }
	for _, cached := range []bool{false, true} {
		p.setCacheDisabled(!cached)
		for i := 0; i < loadWarmups+loadsPerMode; i++ {
			p.open(url)
			if i < loadWarmups {
				continue
			}
			tm := timing()
			if cached {
				res.Cached = append(res.Cached, tm)
				continue
			}
			res.NoCache = append(res.NoCache, tm)
			if res.Assets == nil {
				// The first load is what arrives until opcheck.ready: the page
				// fetches opcheck-tools.wasm later, in idle time, or on first use.
				res.Assets = eval[[]asset](p, `[performance.getEntriesByType("navigation")[0],
					...performance.getEntriesByType("resource").filter((e) => e.startTime <= globalThis.__opcheckProbe.readyAt)].map((e) => ({
					path: new URL(e.name).pathname, type: e.initiatorType || e.entryType,
					transferSize: e.transferSize, encodedBodySize: e.encodedBodySize, decodedBodySize: e.decodedBodySize, duration: e.duration }))`)
				for i := range res.Assets {
					a := &res.Assets[i]
					a.Encoding = encodingOf(site, a.Path, a.Encoded)
				}
				mem := eval[[]int](p, `globalThis.__opcheckProbe.instances.map((i) => i.exports.mem.buffer.byteLength)`)
				if len(mem) == 0 {
					t.Fatal("the probe saw no WebAssembly instance on the page")
				}
				res.Baseline = mem[0]
			}
		}
	}
	p.setCacheDisabled(false)
	return res
}

// timingJS reads a load's milestones from the probe and Navigation Timing.
const timingJS = `(() => {
	const probe = globalThis.__opcheckProbe;
	const nav = performance.getEntriesByType("navigation")[0];
	return { readyAt: probe.readyAt, instantiateStart: probe.instantiateStart, instantiateEnd: probe.instantiateEnd, findingsAt: probe.findingsAt,
		domContentLoaded: nav ? nav.domContentLoadedEventEnd : -1,
		wasmStart: performance.getEntriesByType("resource").find((e) => /\/opcheck\.[0-9a-f]+\.wasm$/.test(e.name))?.startTime ?? -1 };
})()`

// freshLoads is how many loads are timed each in a fresh browser context.
const freshLoads = 7

// measureFresh times loads of the real page each in a new browser context
// of the running browser: no HTTP cache and no compiled code from an earlier
// load, and no saved text, as on a first visit (the browser process is warm).
func measureFresh(t *testing.T, b *tab, url string) []loadTiming {
	t.Helper()
	var out []loadTiming
	for range freshLoads {
		ctx, cancel := chromedp.NewContext(b.Ctx, chromedp.WithNewBrowserContext())
		p := &tab{browsertest.Watch(t, ctx)}
		if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: probeJS}); err != nil {
			cancel()
			t.Fatalf("install the probe: %v", err)
		}
		p.open(url)
		out = append(out, eval[loadTiming](p, timingJS))
		p.ReportProblems()
		cancel()
	}
	return out
}

// ---- throughput --------------------------------------------------------------

// loadBench puts bench.js into the page (a script element: same origin, so
// the CSP lets it run) and initialises it.
func loadBench(p *tab) {
	p.T.Helper()
	eval[bool](p, `new Promise((resolve, reject) => {
		const s = document.createElement("script");
		s.src = "bench.js";
		s.onload = () => { opcheckBench.init(); resolve(true); };
		s.onerror = () => reject(new Error("bench.js did not load"));
		document.head.append(s);
	})`)
}

// roundsFor sets how long each document is measured: enough rounds for a
// median, few at 10 MB so that make bench stays within its time.
func roundsFor(size int) string {
	switch {
	case size >= 10<<20:
		return `{minMs: 0, minRounds: 5, maxRounds: 5}`
	case size >= 1<<20:
		return `{minMs: 0, minRounds: 9, maxRounds: 9}`
	}
	return `{minMs: 500, minRounds: 9, maxRounds: 60}`
}

// measureThroughput times opcheck (both ways of passing the text), ajv and
// JSON.parse on every document, size by size, and reads the Go instance's
// memory after each size.
func measureThroughput(t *testing.T, p *tab, url string) ([]docResult, callCost, []memoryRow) {
	t.Helper()
	p.open(url)
	loadBench(p)
	// The page fetches and compiles its tools module in idle time once the
	// first findings are painted; let that finish so it is not timed.
	eval[bool](p, `new Promise((resolve) => {
		const deadline = performance.now() + 20000;
		const wait = () => opcheck.toolsReady ? opcheck.toolsReady.then(() => resolve(true))
			: performance.now() > deadline ? resolve(false) : setTimeout(wait, 50);
		wait();
	})`)
	cost := eval[callCost](p, `opcheckBench.callCost()`)
	var docs []docResult
	var mem []memoryRow
	for _, size := range benchSizes {
		row := memoryRow{Size: size}
		for _, shape := range benchdoc.Shapes {
			for _, broken := range []bool{false, true} {
				name := docName(shape, size, broken)
				eval[map[string]int](p, fmt.Sprintf(`opcheckBench.load([%q])`, name))
				d := eval[docResult](p, fmt.Sprintf(`opcheckBench.throughput(%q, %s)`, name, roundsFor(size)))
				eval[chromedp.Void](p, fmt.Sprintf(`opcheckBench.drop([%q])`, name))
				d.Shape, d.Size, d.Broken = string(shape), size, broken
				docs = append(docs, d)
				row.Largest = max(row.Largest, d.Bytes)
				// The two must agree on the documents' validity, or they
				// do not check the same rules (see TestSchemaAgreesWithCheck).
				if !broken && (!d.Ajv.Valid || d.Opcheck.Errors+d.Opcheck.Warnings > 0) {
					t.Errorf("%s: a valid document: ajv valid=%v, opcheck %d errors, %d warnings", name, d.Ajv.Valid, d.Opcheck.Errors, d.Opcheck.Warnings)
				}
				if broken && size >= 100<<10 && (d.Ajv.Valid || d.Opcheck.Errors == 0) {
					t.Errorf("%s: a broken document: ajv valid=%v, opcheck %d errors", name, d.Ajv.Valid, d.Opcheck.Errors)
				}
			}
		}
		if size == logSize {
			for _, broken := range []bool{false, true} {
				d := measureLog(t, p, broken)
				docs = append(docs, d)
				row.Largest = max(row.Largest, d.Bytes)
			}
		}
		m := eval[[]int](p, `opcheckBench.memory()`)
		if len(m) == 0 {
			t.Fatal("no Go instance memory to read")
		}
		row.Memory = m[0]
		mem = append(mem, row)
		t.Logf("throughput: %s done", sizeName(size))
	}
	return docs, cost, mem
}

// ---- findings-heavy twins ------------------------------------------------------

// twinSizes are the sizes at which the findings-heavy collection is timed
// beside its clean twin.
var twinSizes = []int{1 << 20, 10 << 20}

// twinRounds is how long a pair is measured: more rounds than
// roundsFor's, since the ratio, not a rate, is what the budget judges.
func twinRounds(size int) string {
	if size >= 10<<20 {
		return `{minRounds: 7, maxRounds: 7}`
	}
	return `{minRounds: 15, maxRounds: 15}`
}

// measureTwins times opcheck on the valid collection and its findings-heavy
// twin (the same operations, each with the same two undeclared members),
// taking turns, in a fresh page: what findings cost in the page.
func measureTwins(t *testing.T, p *tab, url string) []twinRow {
	t.Helper()
	p.open(url)
	loadBench(p)
	var rows []twinRow
	for _, size := range twinSizes {
		clean, heavy := docName(benchdoc.Collection, size, false), repeatedName(size)
		eval[map[string]int](p, fmt.Sprintf(`opcheckBench.load([%q, %q])`, clean, heavy))
		row := eval[twinRow](p, fmt.Sprintf(`opcheckBench.twins(%q, %q, %s)`, clean, heavy, twinRounds(size)))
		eval[chromedp.Void](p, fmt.Sprintf(`opcheckBench.drop([%q, %q])`, clean, heavy))
		row.Size = size
		if row.Heavy.Findings == 0 {
			t.Errorf("%s: no findings; the findings-heavy twin must have thousands", heavy)
		}
		rows = append(rows, row)
	}
	return rows
}

// measureLog times opcheck alone on the bot log of logSize.
func measureLog(t *testing.T, p *tab, broken bool) docResult {
	t.Helper()
	name := docName(benchdoc.Log, logSize, broken)
	eval[map[string]int](p, fmt.Sprintf(`opcheckBench.load([%q])`, name))
	rounds := strings.TrimSuffix(roundsFor(logSize), "}") + ", only: " + logMethods + "}"
	d := eval[docResult](p, fmt.Sprintf(`opcheckBench.throughput(%q, %s)`, name, rounds))
	eval[chromedp.Void](p, fmt.Sprintf(`opcheckBench.drop([%q])`, name))
	d.Shape, d.Size, d.Broken = string(benchdoc.Log), logSize, broken
	if !broken && d.Opcheck.Errors+d.Opcheck.Warnings > 0 || broken && d.Opcheck.Errors == 0 {
		t.Errorf("%s: opcheck found %d errors, %d warnings", name, d.Opcheck.Errors, d.Opcheck.Warnings)
	}
	return d
}

// ---- edit → findings painted ---------------------------------------------------

// measureEdits types one character at a time into the editor, in a
// pretty-printed collection of each size: it replaces the first letter of
// a "status" value past the middle of the text, alternating its case, so
// that every keystroke adds or removes a finding. Each keystroke is a real
// key event through the DevTools protocol.
func measureEdits(t *testing.T, p *tab, url, site string) []editRow {
	t.Helper()
	var rows []editRow
	for _, e := range editSizes {
		p.open(url) // a fresh page for each size
		loadBench(p)
		name := editName(e.size)
		sizes := eval[map[string]int](p, fmt.Sprintf(`opcheckBench.load([%q])`, name))
		at := eval[struct {
			Pos    int `json:"pos"`
			Length int `json:"length"`
		}](p, fmt.Sprintf(`opcheckBench.setDoc(%q)`, name))
		row := editRow{Size: e.size, Bytes: sizes[name]}
		for i := 0; i < e.edits; i++ {
			c := eval[string](p, fmt.Sprintf(`opcheckBench.charAt(%d)`, at.Pos))
			next := strings.ToUpper(c)
			if next == c {
				next = strings.ToLower(c)
			}
			eval[chromedp.Void](p, fmt.Sprintf(`opcheckBench.armEdit(%d)`, at.Pos))
			p.Do(chromedp.KeyEvent(next))
			s := eval[editSample](p, `opcheckBench.editResult()`)
			if got := eval[string](p, fmt.Sprintf(`opcheckBench.charAt(%d)`, at.Pos)); got != next {
				t.Fatalf("edit %d at %d: the editor holds %q, want the typed %q", i, at.Pos, got, next)
			}
			row.Samples = append(row.Samples, s)
			time.Sleep(50 * time.Millisecond)
		}
		rows = append(rows, row)
		t.Logf("edits: %s done", sizeName(e.size))
	}
	return rows
}

// floorPage is a bare textarea and the same echo timing as armEdit's: from
// the keydown's timestamp to a task after the frame that follows the input
// event. It shows what this browser and this way of typing cost before any
// page does anything.
const floorPage = `data:text/html,<!doctype html><textarea id=t></textarea><script>
globalThis.armFloor = () => {
  const ta = document.getElementById("t");
  ta.focus();
  globalThis.floorEcho = new Promise((resolve) => ta.addEventListener("keydown", (e) => {
    const t0 = e.timeStamp;
    ta.addEventListener("input", () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0)), { once: true });
  }, { once: true }));
  return true;
};
</script>`

// measureEchoFloor times keystrokes into a bare textarea in the same
// browser, the floor under the editor's echo times.
func measureEchoFloor(t *testing.T, p *tab) []float64 {
	t.Helper()
	p.Do(chromedp.Navigate(floorPage))
	var echoes []float64
	for range 30 {
		eval[bool](p, `armFloor()`)
		p.Do(chromedp.KeyEvent("a"))
		echoes = append(echoes, eval[float64](p, `floorEcho`))
		time.Sleep(20 * time.Millisecond)
	}
	return echoes
}

// ---- the machine -------------------------------------------------------------

func describeMachine() machine {
	m := machine{CPUs: runtime.NumCPU(), Go: runtime.Version(), OS: runtime.GOOS + "/" + runtime.GOARCH}
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.CPU = strings.TrimSpace(v)
				break
			}
		}
	}
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if f := strings.Fields(l); len(f) >= 2 && f[0] == "MemTotal:" {
				kib, _ := strconv.ParseFloat(f[1], 64)
				m.MemoryGB = kib * 1024 / 1e9
			}
		}
	}
	m.LoadBefore = loadAverage()
	if out, err := exec.Command("node", "--version").Output(); err == nil {
		m.Node = strings.TrimSpace(string(out))
	}
	return m
}

// loadAverage is the 1-minute load average, or "?" where there is none.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) > 0 {
		return f[0]
	}
	return "?"
}
