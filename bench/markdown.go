package bench

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"opcheck/check"
)

// workerThreshold mirrors WORKER_THRESHOLD in web/src/checker.js: the page
// validates texts shorter than this (UTF-16 units; the documents are ASCII,
// so bytes) on the page, passing a string, and longer ones in its worker,
// passing TextEncoder bytes. Budgets compare the path the page takes.
const workerThreshold = 200_000

// benchSizes are the nominal document sizes of issue 5; the report's
// per-size summary walks them as the measurement does.
var benchSizes = []int{1 << 10, 100 << 10, 1 << 20, 10 << 20}

// pagePath is the method the page uses for a document of n bytes.
func pagePath(n int) string {
	if n < workerThreshold {
		return "opcheck-string"
	}
	return "opcheck-bytes"
}

// budget is one target of issue 5 with its measured value.
type budget struct {
	Name     string
	Target   string
	Measured string
	Met      bool
	Known    bool // false when nothing was measured
	Missed   string
}

// ratios returns opcheck/ajv for every document of a nominal size, on the
// page's path.
func (r *report) ratios(size int) []float64 {
	var out []float64
	for i := range r.Docs {
		d := &r.Docs[i]
		if d.Size != size {
			continue
		}
		if a := d.mbps("ajv"); a > 0 {
			out = append(out, d.mbps(pagePath(d.Bytes))/a)
		}
	}
	return out
}

// hasLog reports whether a log document was measured.
func (r *report) hasLog() bool {
	for i := range r.Docs {
		if r.Docs[i].Shape == "log" {
			return true
		}
	}
	return false
}

func (r *report) edit(size int) *editRow {
	for i := range r.Edits {
		if r.Edits[i].Size == size {
			return &r.Edits[i]
		}
	}
	return nil
}

func (r *report) firstLoadBytes() int {
	n := 0
	for _, a := range r.Load.Assets {
		n += a.Transfer
	}
	return n
}

// findingsMedian is the median time at which the page had painted its
// first check, of the loads that noted one ("–" in the report when none did).
func findingsMedian(ts []loadTiming) float64 {
	var xs []float64
	for _, t := range ts {
		if t.FindingsAt > 0 {
			xs = append(xs, t.FindingsAt)
		}
	}
	return median(xs)
}

// freshReadyMedian is the median ready time of the loads in fresh browser contexts.
func (r *report) freshReadyMedian() float64 {
	var xs []float64
	for _, t := range r.Load.Fresh {
		xs = append(xs, t.Ready)
	}
	return median(xs)
}

func (r *report) readyMedians() (noCache, cached float64) {
	pick := func(ts []loadTiming) []float64 {
		var xs []float64
		for _, t := range ts {
			xs = append(xs, t.Ready)
		}
		return xs
	}
	return median(pick(r.Load.NoCache)), median(pick(r.Load.Cached))
}

// budgets evaluates every budget of issue 5 against the measurements.
func (r *report) budgets() []budget {
	var bs []budget
	ratio := func(size int, want float64) {
		xs := r.ratios(size)
		b := budget{Name: "opcheck ÷ ajv throughput (parse + validate, allErrors), " + sizeName(size), Target: fmt.Sprintf("≥ %g×", want)}
		if len(xs) > 0 {
			lo := slices.Min(xs)
			b.Known, b.Met = true, lo >= want
			b.Measured = fmt.Sprintf("%s× lowest, %s× median of %d documents", num(lo, 2), num(median(xs), 2), len(xs))
		}
		b.Missed = r.missedRatio(size)
		bs = append(bs, b)
	}
	ratio(100<<10, 1)
	ratio(1<<20, 1)
	ratio(10<<20, 2)

	bs = append(bs, budget{Name: "opcheck.wasm, brotli", Target: "≤ 800 KB", Known: r.WasmBr > 0, Met: r.WasmBr <= 800_000,
		Measured: kb(r.WasmBr) + " (" + kb(r.WasmRaw) + " raw)", Missed: missedWasm})
	total := r.firstLoadBytes()
	bs = append(bs, budget{Name: "first load over the wire (HTML, JS, CSS, wasm, editor)", Target: "≤ 1,050 KB", Known: total > 0, Met: total <= 1_050_000,
		Measured: kb(total) + " transferred", Missed: missedLoad})
	noCache, cached := r.readyMedians()
	bs = append(bs, budget{Name: "navigation → opcheck.ready, warm browser, localhost", Target: "≤ 300 ms", Known: !math.IsNaN(noCache), Met: noCache <= 300,
		Measured: fmt.Sprintf("%s median without the HTTP cache (%s with it)", ms(noCache), ms(cached)), Missed: missedReady})
	fresh := r.freshReadyMedian()
	bs = append(bs, budget{Name: "navigation → opcheck.ready, fresh browser context (no HTTP cache), localhost", Target: "≤ 250 ms", Known: !math.IsNaN(fresh), Met: fresh <= 250,
		Measured: fmt.Sprintf("%s median of %d loads", ms(fresh), len(r.Load.Fresh)), Missed: missedReady})

	paint := func(size int, want float64) {
		b := budget{Name: "edit → findings painted p95, " + sizeName(size), Target: fmt.Sprintf("≤ %g ms", want), Missed: missedPaint(size)}
		if e := r.edit(size); e != nil && len(e.Samples) > 0 {
			p95 := percentile(e.pick(func(s editSample) float64 { return s.PaintedMs }), 95)
			b.Known, b.Met = true, p95 <= want
			b.Measured = fmt.Sprintf("%s (p50 %s)", ms(p95), ms(median(e.pick(func(s editSample) float64 { return s.PaintedMs }))))
		}
		bs = append(bs, b)
	}
	paint(100<<10, 16)
	paint(10<<20, 100)

	b := budget{Name: "typing never blocked: keystroke echo p95 ≤ one frame, no main-thread task ≥ 50 ms while a check runs", Target: "≤ 16.7 ms, none", Missed: missedBlocked}
	if len(r.Edits) > 0 {
		worstEcho, longest := 0.0, 0.0
		for i := range r.Edits {
			e := &r.Edits[i]
			worstEcho = max(worstEcho, percentile(e.pick(func(s editSample) float64 { return s.EchoMs }), 95))
			longest = max(longest, slices.Max(e.pick(func(s editSample) float64 { return s.LongestTaskMs })))
		}
		b.Known, b.Met = true, worstEcho <= 16.7 && longest < 50
		b.Measured = fmt.Sprintf("echo p95 %s at worst; longest task %s", ms(worstEcho), ms(longest))
		if longest == 0 {
			b.Measured = fmt.Sprintf("echo p95 %s at worst; no long task", ms(worstEcho))
		}
		if len(r.EchoFloor) > 0 {
			b.Measured += fmt.Sprintf(" (a bare textarea: p95 %s)", ms(percentile(r.EchoFloor, 95)))
		}
	}
	bs = append(bs, b)

	b = budget{Name: "findings-heavy collection ÷ its clean twin, time per byte in the page (issue 11)", Target: "≤ 1.5×", Missed: missedTwins}
	var costs []string
	worst := 0.0
	for i := range r.Twins {
		if c := r.Twins[i].cost(); !math.IsNaN(c) {
			worst = max(worst, c)
			costs = append(costs, num(c, 2)+"× at "+sizeName(r.Twins[i].Size))
		}
	}
	if len(costs) > 0 {
		b.Known, b.Met = true, worst <= twinBudget
		b.Measured = strings.Join(costs, ", ")
	}
	bs = append(bs, b)

	b = budget{Name: "peak wasm memory after validating 10 MB", Target: "≤ 4× the document", Missed: missedMemory}
	for _, m := range r.Memory {
		if m.Size == 10<<20 && m.Largest > 0 {
			x := float64(m.Memory) / float64(m.Largest)
			b.Known, b.Met = true, x <= 4
			b.Measured = fmt.Sprintf("%s× (%s MB for a %s MB document)", num(x, 2), num(float64(m.Memory)/1e6, 1), num(float64(m.Largest)/1e6, 1))
		}
	}
	bs = append(bs, b)
	return bs
}

// The lines for missed budgets: what was tried, and what it would take.
// They are facts about this build and page, kept here beside the budgets
// they explain; update them when the levers change.
func (r *report) missedRatio(size int) string {
	s := "Tried, and kept: one scan of the bytes into a node array that is reused between checks (scan.Doc.Release), a walk " +
		"that allocates nothing per object or member, lines and columns counted eight bytes at a time, strings ruled out as " +
		"placeholders on their bytes before decoding, primitive types dispatched by identity rather than by name, small " +
		"integers parsed without strconv, the last few @odata.type names remembered (each of these found with Node's CPU " +
		"profile of the wasm benchmarks, where every call into the runtime is dear), the text passed as a Uint8Array from " +
		"TextEncoder, and the result handed back as JSON bytes that the page parses in one call. Measured and dropped: wasm-opt -O3 (binaryen 108) and " +
		"profile-guided inlining (a native CPU profile as default.pgo), neither faster beyond the noise under Node. "
	floor, validate, native := r.wasmMedian("GJSONValid/"), r.wasmMedian("Validate/"), r.nativeMedian("Validate/")
	ajv := r.ajvMedian(size)
	if floor > 0 && ajv > 0 {
		s += fmt.Sprintf("The limit is Go's WebAssembly output, not this design: under Node, gjson.Valid — one pass that only says "+
			"whether the text is JSON, keeping nothing — runs at %s MB/s (median of the 1 MB documents, section \"Go in "+
			"WebAssembly\" below), while JSON.parse plus ajv runs at %s MB/s in the page at this size; so no Go validator "+
			"that reads every byte can reach 1× ajv in wasm, whatever its walk. ", num(floor, 0), num(ajv, 0))
		if validate > 0 && native > 0 {
			s += fmt.Sprintf("opcheck's Validate runs at %s MB/s there (%s MB/s natively). ", num(validate, 0), num(native, 0))
		}
	}
	return s + "It would take a different compiler for the hot path (TinyGo, built on LLVM, is the usual candidate; it is not " +
		"installable here, as neither a Go module nor a Debian package), or a decision to state the budget relative to what Go's " +
		"wasm can do, for instance opcheck ÷ gjson.Valid in the same runtime."
}

// wasmMedian is the median MB/s of the 1 MB rows of a wasm benchmark.
func (r *report) wasmMedian(prefix string) float64 { return medianMBps(r.Wasm, prefix) }

// nativeMedian is the same for the native run.
func (r *report) nativeMedian(prefix string) float64 { return medianMBps(r.Native, prefix) }

func medianMBps(rows []nativeRow, prefix string) float64 {
	var xs []float64
	for _, n := range rows {
		// The findings-heavy twin has its own table (writeTwins).
		if strings.HasPrefix(n.Name, prefix) && strings.Contains(n.Name, "/1MB/") && !strings.HasSuffix(n.Name, "/repeated") && n.HasMBps {
			xs = append(xs, n.MBps)
		}
	}
	if len(xs) == 0 {
		return 0
	}
	return median(xs)
}

// ajvMedian is the median in-page MB/s of JSON.parse plus ajv at a size.
func (r *report) ajvMedian(size int) float64 {
	var xs []float64
	for i := range r.Docs {
		if d := &r.Docs[i]; d.Size == size {
			if v := d.mbps("ajv"); v > 0 {
				xs = append(xs, v)
			}
		}
	}
	if len(xs) == 0 {
		return 0
	}
	return median(xs)
}

const missedWasm = "Built with -trimpath -ldflags=-s -w and precompressed with brotli 11 by web/pack. Formatting, queries, share links " +
	"and redaction (gjson, pretty, encoding/json, compress/flate, net/url: 1.8 MB raw) moved to opcheck-tools.wasm, which the page " +
	"loads only when first used or in idle time. What is left is the Go runtime, fmt and reflect (imported by safejs), the generated " +
	"Graph model and the validator; going further would take a smaller Go runtime than the standard toolchain's."

const missedLoad = "The validator's wasm is most of the bytes; the editor bundle (CodeMirror 6, minified, brotli) is the rest, and the " +
	"tools module is not part of the first load. It would take lazy-loading editor extensions the first paint does not need."

const missedReady = "The page starts the wasm download early and compiles it while it streams (instantiateStreaming); the time left is " +
	"V8 compiling the module and Go's runtime start. Splitting the tools off cut the module by a third; a smaller runtime is the " +
	"remaining lever. With the HTTP cache Chromium reuses its compiled code, which is the time a returning visitor sees."

func missedPaint(size int) string {
	if size >= 10<<20 {
		return "A text this long lives in a worker running the same wasm, which keeps it (check.Session): the page sends it " +
			"whole once and then only the editor's changes, and an edit inside one item of a collection or callback body " +
			"re-checks that item alone. What remains is the worker's round trip, the findings' DOM and the frame; missing " +
			"100 ms would mean an edit that the session cannot confine to one item (it then checks the whole text, about " +
			"200 ms in wasm)."
	}
	return "Checks this cheap run in a microtask right after the keystroke, so the findings are shown in the same frame as " +
		"the typed character: painted equals the echo, and the echo is where the time goes. A bare textarea in this headless " +
		"Chromium echoes at the floor row's times (a key sent through the DevTools protocol), and this page's echo usually " +
		"comes one frame later: CodeMirror applies the key about 4 ms after the keydown, and the frame that shows it, with " +
		"the editor's own update, lands on the next vsync. Leaving the findings' DOM and lint marks out made no difference. " +
		"It would take a lighter editor update per keystroke, or a browser that delivers input earlier in its frame."
}

const missedBlocked = "No main-thread task of 50 ms or more is left at any size: long texts stay in a worker that receives " +
	"only the editor's changes, the findings list is built in slices, and texts of a million characters or more are shown " +
	"without syntax colours (CodeMirror's parser ran 100 ms slices on the page for such texts). The echo is about one frame " +
	"above the bare-textarea floor of this browser (see the edit table and the 100 KB line above); under one frame at p95 " +
	"would take a lighter editor update per keystroke, and the floor itself comes close to a frame here."

// twinBudget is issue 11's bound on what findings may cost: a document
// that repeats one mistake in every item, checked at most this many times
// slower per byte than its clean twin.
const twinBudget = 1.5

const missedTwins = "Kept: what a finding says about an undeclared member (the \"did you mean\" search, the message) worked out " +
	"once per type and name per check and shared by every repeat (check/memo.go); pointers copied into shared blocks; the " +
	"findings slice sized once from the rate seen so far; findings located in one walk when they come in order; a repeated " +
	"message's JSON escaped once and then copied (check/escaped.go). What is left grows with the findings themselves: each " +
	"carries its own pointer, its line and column, about 330 bytes of JSON, and the page's JSON.parse turns each into an " +
	"object. Less would take a result that lists each distinct message once and refers to it from its findings, which the " +
	"page, the CLI's JSON and their tests would all have to read."

const missedMemory = "Go's wasm memory only grows, so its peak is the largest check's live heap plus what the collector " +
	"lets pile up plus pieces too small to reuse. Kept: a heap limit of three times the text plus 16 MB while checking " +
	"(debug.SetMemoryLimit), a collection before each check of 4 MB or more, node arrays and text buffers rounded up to size " +
	"classes so that documents of similar size reuse each other's freed spans (internal/sizeclass), Result.Objects reserved " +
	"at once, the node array reused between checks. Measured under Node on the same documents and not kept: a limit of " +
	"twice the text reaches about 4× but costs a fifth more time per large check (about 100 collections instead of 24), " +
	"and the result moves erratically with the limit (1.75× gave more memory than 2×), because what remains is " +
	"fragmentation. The live set alone is about 2.5 times the text (the text, its 28-byte-per-value node array, the result " +
	"and its JSON), so a sure 4× would take validating during the scan, with no node array for the whole document."

// markdown renders the report as BENCHMARKS.md.
func (r *report) markdown() string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	m := r.Machine
	w("# opcheck benchmarks\n\n")
	w("Written by `%s` (bench/browser_test.go) on %s. Every number is a median of repeated runs in one browser session, unless it says otherwise. KB = 1,000 bytes, MB = 10⁶ bytes.\n\n", r.Command, time.Now().UTC().Format("2006-01-02"))
	w("- Machine: %d × %s, %s GB memory, %s\n", m.CPUs, m.CPU, num(m.MemoryGB, 1), m.OS)
	w("- Browser: %s (Debian chromium, `--headless --no-sandbox --disable-gpu`, fresh profile), driven by chromedp\n", m.Chromium)
	w("- Go: %s; Node: %s (ajv 8.20.0 and esbuild 0.28.2 from bench/package-lock.json)\n", m.Go, m.Node)
	w("- Load average (1 min) of the shared machine: %s when the browser run started, %s when it ended. Absolute times move with it; ratios measured side by side in one session move much less.\n\n", m.LoadBefore, m.LoadAfter)

	w("## Budgets (issue 5)\n\n| Budget | Target | Measured | |\n|---|---|---|---|\n")
	bs := r.budgets()
	for _, x := range bs {
		status := "not measured"
		if x.Known {
			status = "**missed**"
			if x.Met {
				status = "met"
			}
		}
		w("| %s | %s | %s | %s |\n", x.Name, x.Target, x.Measured, status)
	}
	var missed []budget
	for _, x := range bs {
		if x.Known && !x.Met {
			missed = append(missed, x)
		}
	}
	if len(missed) > 0 {
		w("\n### Missed budgets: what was tried, what it would take\n\n")
		for _, x := range missed {
			w("- **%s** (%s): %s\n", x.Name, x.Measured, x.Missed)
		}
	}

	r.writeThroughput(w)
	r.writeTwins(w)
	r.writeLoad(w)
	r.writeEdits(w)
	r.writeMemory(w)
	r.writeNative(w)
	r.writeWasm(w)
	r.writeServerLoad(w)
	r.writeMethod(w)
	if len(r.Problems) > 0 {
		w("\n## Page problems seen while measuring\n\n")
		for _, p := range r.Problems {
			w("- %s\n", p)
		}
	}
	return b.String()
}

type writer func(format string, args ...any)

func (r *report) writeThroughput(w writer) {
	w("\n## Throughput in the page\n\n")
	w("MB/s of one call on the main thread of the real page. *opcheck string*: `opcheck.validate(text, {timeline: false})`, as the page checks while its Timeline view is closed (the timeline's anomalies are among the findings; its tracks, which the view fetches when opened, are not carried); *opcheck bytes*: the same with `new TextEncoder().encode(text)`, the encoding timed too; both include converting the result to JS objects. *ajv*: `validate(JSON.parse(text))` with the standalone validator of the generated schema, `allErrors: true`. The ratio is opcheck ÷ ajv on the path the page takes for that size (string under %d characters, bytes above). Findings: opcheck's errors/warnings, ajv's error count.\n\n", workerThreshold)
	w("| Document | Bytes | opcheck string | opcheck bytes | ajv | JSON.parse | opcheck ÷ ajv | opcheck findings | ajv errors |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	for i := range r.Docs {
		d := &r.Docs[i]
		v := "valid"
		if d.Broken {
			v = "broken"
		}
		ratio := math.NaN()
		if a := d.mbps("ajv"); a > 0 {
			ratio = d.mbps(pagePath(d.Bytes)) / a
		}
		ajvErrors := "–"
		if _, ok := d.Methods["ajv"]; ok {
			ajvErrors = strconv.Itoa(d.Ajv.Errors)
		}
		cell := func(method string) string {
			if _, ok := d.Methods[method]; !ok {
				return "–" // not timed on this document
			}
			return num(d.mbps(method), 1)
		}
		w("| %s %s %s | %d | %s | %s | %s | %s | %s× | %d/%d | %s |\n", d.Shape, sizeName(d.Size), v, d.Bytes,
			cell("opcheck-string"), cell("opcheck-bytes"), cell("ajv"), cell("json-parse"),
			num(ratio, 2), d.Opcheck.Errors, d.Opcheck.Warnings, ajvErrors)
	}
	if r.hasLog() {
		w("\nThe *log* rows are a bot's log of callbacks: a line per callback, a timestamp, level and message, then a commsNotifications body with one notification (`benchdoc.Log`). It is not one JSON document, so JSON.parse and ajv cannot read it and only opcheck is timed; opcheck splits it into its bodies and checks each, which should cost about what the callbacks document of the same size does.\n")
	}
	if c := r.CallCost; c.OpcheckMs > 0 {
		w("\nFixed cost of one call, on the text `{}`: opcheck.validate %s ms, JSON.parse + ajv %s ms. At 1 KB that cost is most of opcheck's time.\n", num(c.OpcheckMs, 3), num(c.AjvMs, 4))
	}
	w("\nPer size, opcheck ÷ ajv (lowest / median of the six documents):")
	for _, size := range benchSizes {
		if xs := r.ratios(size); len(xs) > 0 {
			w(" %s %s× / %s×;", sizeName(size), num(slices.Min(xs), 2), num(median(xs), 2))
		}
	}
	w("\n")
}

// writeTwins is what findings cost: the findings-heavy collection beside
// its clean twin, in the page, natively and in wasm under Node.
func (r *report) writeTwins(w writer) {
	w("\n## What findings cost (issue 11)\n\n")
	w("The valid collection beside its findings-heavy twin (`benchdoc.Repeated`: the same operations, each with the same two members its type does not declare, so about two findings per operation; opcheck lists the first %d). *Page*: `opcheck.validate` on TextEncoder bytes, as the page passes texts this long, converting the result to JS objects included; the two documents take turns in each round. *Native* and *wasm*: the rows `Validate/collection/<size>/valid` and `.../repeated` of the runs below. *Cost* is the findings-heavy document's time per byte ÷ the clean one's (in the page, the median over rounds of the two samples taken back to back); the budget is ≤ %g×.\n\n", check.MaxFindings, twinBudget)
	w("| Where | Size | clean MB/s | findings-heavy MB/s | findings | cost ÷ clean | ≤ %g× |\n|---|---|---:|---:|---:|---:|---|\n", twinBudget)
	verdict := func(c float64) string {
		switch {
		case math.IsNaN(c):
			return "–"
		case c <= twinBudget:
			return "met"
		}
		return "**missed**"
	}
	for i := range r.Twins {
		tw := &r.Twins[i]
		c := tw.cost()
		w("| page | %s | %s | %s | %d | %s× | %s |\n", sizeName(tw.Size), num(mbpsOf(tw.Clean), 1), num(mbpsOf(tw.Heavy), 1),
			tw.Heavy.Findings, num(c, 2), verdict(c))
	}
	for _, run := range []struct {
		where string
		rows  []nativeRow
	}{{"native", r.Native}, {"wasm (Node)", r.Wasm}} {
		for _, size := range benchSizes {
			clean, okC := findRow(run.rows, "Validate/collection/"+strings.ReplaceAll(sizeName(size), " ", "")+"/valid")
			heavy, okH := findRow(run.rows, "Validate/collection/"+strings.ReplaceAll(sizeName(size), " ", "")+"/repeated")
			if !okC || !okH || !clean.HasMBps || !heavy.HasMBps || heavy.MBps <= 0 {
				continue
			}
			c := clean.MBps / heavy.MBps
			w("| %s | %s | %s | %s | – | %s× | %s |\n", run.where, sizeName(size), num(clean.MBps, 1), num(heavy.MBps, 1), num(c, 2), verdict(c))
		}
	}
}

func mbpsOf(tt twinTiming) float64 {
	if tt.MedianMs <= 0 {
		return math.NaN()
	}
	return float64(tt.Bytes) / 1e6 / (tt.MedianMs / 1e3)
}

// findRow returns the row named name.
func findRow(rows []nativeRow, name string) (nativeRow, bool) {
	for _, n := range rows {
		if n.Name == name {
			return n, true
		}
	}
	return nativeRow{}, false
}

func (r *report) writeLoad(w writer) {
	l := r.Load
	w("\n## First load\n\n")
	w("The real page from `bin/opcheck-server` (embedded assets), in a browser that had loaded it %d times before (warm process). Bytes as Resource Timing reports them for one load with the HTTP cache disabled; the encoding is inferred from the body size (the server's precompressed `.br`/`.gz` files).\n\n", l.Warmups)
	w("| Asset | Encoding | Transferred | Body | Decoded |\n|---|---|---:|---:|---:|\n")
	var tr, enc, dec int
	for _, a := range l.Assets {
		w("| `%s` (%s) | %s | %s | %s | %s |\n", a.Path, a.Type, a.Encoding, kb(a.Transfer), kb(a.Encoded), kb(a.Decoded))
		tr, enc, dec = tr+a.Transfer, enc+a.Encoded, dec+a.Decoded
	}
	w("| **total** | | **%s** | %s | %s |\n\n", kb(tr), kb(enc), kb(dec))
	row := func(name string, ts []loadTiming) {
		pick := func(f func(loadTiming) float64) []float64 {
			var xs []float64
			for _, t := range ts {
				xs = append(xs, f(t))
			}
			return xs
		}
		ready := pick(func(t loadTiming) float64 { return t.Ready })
		if len(ready) == 0 {
			return
		}
		w("| %s | %d | %s | %s | %s | %s | %s | %s |\n", name, len(ts), ms(median(ready)), ms(slices.Min(ready)), ms(slices.Max(ready)),
			ms(median(pick(func(t loadTiming) float64 { return t.InstantiateEnd - t.InstantiateStart }))),
			ms(median(pick(func(t loadTiming) float64 { return t.Ready - t.InstantiateEnd }))),
			ms(findingsMedian(ts)))
	}
	w("Milliseconds from navigation start (`performance.timeOrigin`) to `opcheck.ready` resolving, noted by a probe script installed before the page's own (it wraps the namespace's setter and `WebAssembly.compileStreaming`, `instantiateStreaming` and `instantiate`, and watches for the `data-checked-seq` attribute the page sets on its findings panel once a check is painted, nothing else). *First check painted* is that moment for the page's first check: the checker and the editor both ready and the findings on screen. The fresh-context loads each open a new browser context (as a new profile has: no HTTP cache, no compiled code) in the running browser, so the browser process itself is warm.\n\n")
	w("| HTTP cache | Loads | Ready, median | min | max | download + compile (first compileStreaming or instantiate call to its end), median | then → ready, median | first check painted, median |\n|---|---:|---:|---:|---:|---:|---:|---:|\n")
	row("disabled (first visit)", l.NoCache)
	row("enabled (returning visit)", l.Cached)
	row("fresh browser context each load (a first visit)", l.Fresh)
}

func (r *report) writeEdits(w writer) {
	w("\n## Edit → findings painted\n\n")
	w("A pretty-printed, valid collection of each size in the editor; each keystroke (a real key event through the DevTools protocol) replaces the first letter of a `status` value past the middle with the other case, so each one adds or removes a finding. Times from the keydown's timestamp: *echo* is the frame that shows the character, *painted* the first frame after the findings panel and lint marks show the new check (requestAnimationFrame, then a task): the echo's own frame when the check ran before it. *Check start* is when the page called opcheck (on the page or by posting to its worker), so *painted − check start* is the check and the painting without the page's debounce. *Longest task* is the longest main-thread task (Long Tasks API, ≥ 50 ms) between keydown and paint.\n\n")
	w("| Size | Bytes | Keystrokes | Echo p50 / p95 | Painted p50 / p95 | Check start p50 | Painted − check start p50 / p95 | Longest task |\n|---|---:|---:|---:|---:|---:|---:|---:|\n")
	for i := range r.Edits {
		e := &r.Edits[i]
		echo := e.pick(func(s editSample) float64 { return s.EchoMs })
		painted := e.pick(func(s editSample) float64 { return s.PaintedMs })
		start := e.pick(func(s editSample) float64 { return s.ValidateStartMs })
		work := e.pick(func(s editSample) float64 { return s.PaintedMs - s.ValidateStartMs })
		long := slices.Max(e.pick(func(s editSample) float64 { return s.LongestTaskMs }))
		longText := ms(long)
		if long == 0 {
			longText = "none"
		}
		w("| %s | %d | %d | %s / %s | %s / %s | %s | %s / %s | %s |\n", sizeName(e.Size), e.Bytes, len(e.Samples),
			ms(median(echo)), ms(percentile(echo, 95)), ms(median(painted)), ms(percentile(painted, 95)),
			ms(median(start)), ms(median(work)), ms(percentile(work, 95)), longText)
	}
	if len(r.EchoFloor) > 0 {
		w("| bare textarea (the floor) | – | %d | %s / %s | – | – | – | – |\n", len(r.EchoFloor), ms(median(r.EchoFloor)), ms(percentile(r.EchoFloor, 95)))
		w("\nThe last row is the same keystroke and the same timing on a page that holds only a `<textarea>`, in the same browser: the echo cannot be shorter than it, whatever the page does.\n")
	}
}

func (r *report) writeMemory(w writer) {
	w("\n## Wasm memory\n\n")
	w("`memory.buffer.byteLength` of the page's Go instance (it only grows), after it validated every document of a size, sizes in increasing order; %s after the page was ready.\n\n", mb(r.Load.Baseline))
	w("| Size | Largest document | Wasm memory | ÷ document |\n|---|---:|---:|---:|\n")
	for _, m := range r.Memory {
		w("| %s | %s | %s | %s× |\n", sizeName(m.Size), mb(m.Largest), mb(m.Memory), num(float64(m.Memory)/float64(max(m.Largest, 1)), 1))
	}
}

// mb formats bytes as MB, or as KB below one MB.
func mb(n int) string {
	if n < 1e6 {
		return kb(n)
	}
	return num(float64(n)/1e6, 2) + " MB"
}

func (r *report) writeNative(w writer) {
	w("\n## Native Go (the core outside the browser)\n\n")
	if len(r.Native) == 0 {
		w("Not included in this run (pass `-native FILE` with the output of `go test -run '^$' -bench . -benchmem ./check/`).\n")
		return
	}
	w("`go test -run '^$' -bench . -benchmem ./check/`: `check.Validate` against `encoding/json` decoding the same bytes into `any` (syntax only), on the same documents.\n\n")
	byName := map[string]nativeRow{}
	for _, n := range r.Native {
		byName[n.Name] = n
	}
	w("| Document | Validate MB/s | B/op | allocs/op | encoding/json MB/s | Validate ÷ encoding/json |\n|---|---:|---:|---:|---:|---:|\n")
	seen := false
	for _, n := range r.Native {
		doc, ok := strings.CutPrefix(n.Name, "Validate/")
		if !ok {
			continue
		}
		seen = true
		ref, hasRef := byName["EncodingJSON/"+doc]
		ratio := math.NaN()
		if hasRef && ref.MBps > 0 {
			ratio = n.MBps / ref.MBps
		}
		w("| %s | %s | %s | %s | %s | %s× |\n", doc, num(n.MBps, 1), num(n.BPerOp, 0), num(n.Allocs, 0), num(ref.MBps, 1), num(ratio, 2))
	}
	if !seen {
		w("| (no BenchmarkValidate rows in the file) | | | | | |\n")
	}
	var other []nativeRow
	for _, n := range r.Native {
		if !strings.HasPrefix(n.Name, "Validate/") && !strings.HasPrefix(n.Name, "EncodingJSON/") &&
			!strings.HasPrefix(n.Name, "Scan/") && !strings.HasPrefix(n.Name, "GJSONValid/") {
			other = append(other, n)
		}
	}
	if len(other) > 0 {
		w("\nOther core benchmarks in the same run:\n\n| Benchmark | ns/op | MB/s | B/op | allocs/op |\n|---|---:|---:|---:|---:|\n")
		for _, n := range other {
			mbs := "–"
			if n.HasMBps {
				mbs = num(n.MBps, 1)
			}
			w("| %s | %s | %s | %s | %s |\n", n.Name, num(n.NsPerOp, 0), mbs, num(n.BPerOp, 0), num(n.Allocs, 0))
		}
	}
}

func (r *report) writeServerLoad(w writer) {
	w("\n## The server under load (make loadtest)\n\n")
	if len(r.ServerLoad) == 0 {
		w("Not included in this run (pass `-loadtest FILE` with the output of `make loadtest`).\n")
		return
	}
	w("A bounded load on loopback only: `OPCHECK_LOADTEST=1 go test -count=1 -run '^TestLoad$' -v ./server/` (fixed request count, 30 s cap), against index.html and a 3 MB stand-in wasm served brotli-compressed, as a browser asks for them.\n\n")
	for _, l := range r.ServerLoad {
		if !strings.HasPrefix(l, "|") {
			w("%s\n\n", l)
			continue
		}
		w("%s\n", l)
	}
}

func (r *report) writeMethod(w writer) {
	w("\n## How the comparison is kept fair\n\n")
	w("- **Same rules.** The JSON Schema is generated from the same Graph model (`bench.Schema`, golden copy in bench/testdata/schema.v1.0.json): property kinds, Edm integer ranges, enum members, nullability (collection items too), non-nullable properties required, no undeclared members on any type (opcheck reports them on open types too, as warnings), and polymorphism by `@odata.type` with ajv's `discriminator` keyword (one lookup per object, as opcheck does, rather than trying every subtype), and the three document shapes. `TestSchemaAgreesWithCheck` runs ajv and opcheck on the benchmark documents and on the checker's v1.0 corpus and requires them to report findings at the same JSON Pointers.\n")
	w("- **What only opcheck does** (not in the schema, so ajv is spared the work): line/column/offset of every finding, messages with suggestions and fixes, documentation placeholders, and rules that relate values (resourceUrl vs resourceData.id, status vs resultInfo.code, changeType of ended operations).\n")
	w("- **ajv as a CSP-bound page would run it**: compiled at build time to standalone code (`ajv/dist/standalone`), bundled and minified by esbuild like the page; the page's CSP forbids compiling at run time.\n")
	w("- **Same page, same moment**: the methods take turns, one sample each per round, on the page served by the real server; each sample repeats a call until it lasts ≥ 4 ms (the timer is coarse without cross-origin isolation); medians of ≥ 5 samples.\n")
}

// writeWasm is the core's benchmarks compiled to wasm: how fast Go's
// WebAssembly is at one pass over the bytes, next to the native run.
func (r *report) writeWasm(w writer) {
	w("\n## Go in WebAssembly (outside the browser)\n\n")
	if len(r.Wasm) == 0 {
		w("Not included in this run (pass `-wasm FILE` with the output of the core benchmarks under `GOOS=js GOARCH=wasm`).\n")
		return
	}
	w("`GOOS=js GOARCH=wasm go test -run '^$' -bench '^Benchmark(Validate|Scan|GJSONValid)$/.*/1MB/' -benchtime 10x -count 2 ./check/`, run by Node %s with Go's wasm_exec: MB/s of the same 1 MB documents, from the second pass (the first runs partly before V8 has optimized the module). *gjson.Valid* only says whether the text is JSON (the floor for any one pass in Go); *scan.Parse* is opcheck's scanner (syntax, recoveries, node array); *Validate* the whole check. The native columns are the run above.\n\n", r.Machine.Node)
	w("| Document | gjson.Valid | scan.Parse | Validate | Validate native | gjson.Valid native | wasm ÷ native (Validate) |\n|---|---:|---:|---:|---:|---:|---:|\n")
	find := func(rows []nativeRow, name string) float64 {
		for _, n := range rows {
			if n.Name == name && n.HasMBps {
				return n.MBps
			}
		}
		return math.NaN()
	}
	for _, n := range r.Wasm {
		doc, ok := strings.CutPrefix(n.Name, "Validate/")
		if !ok {
			continue
		}
		native := find(r.Native, n.Name)
		w("| %s | %s | %s | %s | %s | %s | %s× |\n", doc, num(find(r.Wasm, "GJSONValid/"+doc), 1), num(find(r.Wasm, "Scan/"+doc), 1),
			num(n.MBps, 1), num(native, 1), num(find(r.Native, "GJSONValid/"+doc), 1), num(n.MBps/native, 2))
	}
}
