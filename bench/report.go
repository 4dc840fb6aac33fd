package bench

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// report is everything one run of the browser benchmark measured, and what
// BENCHMARKS.md is written from.
type report struct {
	Command string
	Machine machine
	Load    loadResult
	Docs    []docResult
	// Twins are the findings-heavy collections timed beside their clean
	// twins.
	Twins    []twinRow
	CallCost callCost
	Memory   []memoryRow
	Edits    []editRow
	// EchoFloor is the echo of each keystroke into a bare textarea, in ms.
	EchoFloor []float64
	Native    []nativeRow
	// Wasm is the same core benchmarks compiled to wasm and run under Node.
	Wasm []nativeRow
	// ServerLoad is the summary and table the server's load test printed.
	ServerLoad []string
	WasmBr     int // bytes of the precompressed opcheck wasm (.wasm.br)
	WasmRaw    int
	Problems   []string // page errors seen while measuring
}

// machine describes where the numbers were taken.
type machine struct {
	CPUs     int
	CPU      string
	MemoryGB float64
	Chromium string
	Go       string
	Node     string
	OS       string
	// LoadBefore and LoadAfter are /proc/loadavg's 1-minute load average
	// when the run started and ended: the machine is shared, and this says
	// how much.
	LoadBefore, LoadAfter string
}

// asset is one response of the first load, as Resource Timing reports it.
type asset struct {
	Path     string  `json:"path"`
	Type     string  `json:"type"` // initiatorType ("navigation", "script", "fetch", ...)
	Transfer int     `json:"transferSize"`
	Encoded  int     `json:"encodedBodySize"`
	Decoded  int     `json:"decodedBodySize"`
	Duration float64 `json:"duration"`
	Encoding string  `json:"-"` // "br", "gzip" or "identity", from the body size
}

// loadTiming is one navigation's milestones, in ms after navigation start.
type loadTiming struct {
	Ready            float64 `json:"readyAt"`
	InstantiateStart float64 `json:"instantiateStart"`
	InstantiateEnd   float64 `json:"instantiateEnd"`
	DOMContentLoaded float64 `json:"domContentLoaded"`
	WasmStart        float64 `json:"wasmStart"`  // when the request for opcheck.wasm started
	FindingsAt       float64 `json:"findingsAt"` // when the page had painted its first check
}

// loadResult is the first-load measurement: the assets of one load without
// the HTTP cache, the timings of several loads without it and with it in a
// warm browser context, and of loads each in a fresh browser context (no
// HTTP cache, no compiled code: a first visit).
type loadResult struct {
	Assets   []asset
	NoCache  []loadTiming
	Cached   []loadTiming
	Fresh    []loadTiming
	Warmups  int
	Baseline int // wasm memory after the page is ready, bytes
}

// callCost is the time of one call on the text "{}", in ms.
type callCost struct {
	OpcheckMs float64 `json:"opcheckMs"`
	AjvMs     float64 `json:"ajvMs"`
}

// methodResult is one method's timing on one document.
type methodResult struct {
	MedianMs float64 `json:"medianMs"`
	Samples  int     `json:"samples"`
	Reps     int     `json:"reps"`
}

// docResult is the throughput measurement of one document.
type docResult struct {
	Shape   string
	Size    int // the nominal size: 1 KB ... 10 MB
	Broken  bool
	Bytes   int                     `json:"bytes"`
	Methods map[string]methodResult `json:"methods"`
	Opcheck struct {
		Errors   int `json:"errors"`
		Warnings int `json:"warnings"`
		Infos    int `json:"infos"`
	} `json:"opcheck"`
	Ajv struct {
		Valid  bool `json:"valid"`
		Errors int  `json:"errors"`
	} `json:"ajv"`
}

// twinTiming is opcheck's time on one document of a pair.
type twinTiming struct {
	Bytes    int     `json:"bytes"`
	MedianMs float64 `json:"medianMs"`
	Samples  int     `json:"samples"`
	Findings int     `json:"findings"` // only for the findings-heavy one
}

// twinRow is the valid collection of one size and its findings-heavy twin
// (benchdoc.Repeated), timed in turns.
type twinRow struct {
	Size  int        // nominal size
	Clean twinTiming `json:"clean"`
	Heavy twinTiming `json:"heavy"`
	// PairMedian is the median over rounds of the heavy sample's ms over
	// the clean one's, the two taken back to back (0: not measured).
	PairMedian float64 `json:"pairMedian"`
}

// cost is the findings-heavy document's time per byte over the clean
// one's: 1 means findings cost nothing; NaN when either is missing. It is
// read from the pairs of samples when there are any, which a shared
// machine's changing load disturbs less than the two medians.
func (tw *twinRow) cost() float64 {
	if tw.PairMedian > 0 && tw.Clean.Bytes > 0 && tw.Heavy.Bytes > 0 {
		return tw.PairMedian * float64(tw.Clean.Bytes) / float64(tw.Heavy.Bytes)
	}
	return perByteRatio(tw.Heavy.MedianMs, tw.Heavy.Bytes, tw.Clean.MedianMs, tw.Clean.Bytes)
}

// perByteRatio is (a per byte) ÷ (b per byte), NaN unless both are known.
func perByteRatio(aMs float64, aBytes int, bMs float64, bBytes int) float64 {
	if aMs <= 0 || bMs <= 0 || aBytes <= 0 || bBytes <= 0 {
		return math.NaN()
	}
	return (aMs / float64(aBytes)) / (bMs / float64(bBytes))
}

// mbps is the method's throughput in MB/s (10^6 bytes per second).
func (d *docResult) mbps(method string) float64 {
	m, ok := d.Methods[method]
	if !ok || m.MedianMs <= 0 {
		return 0
	}
	return float64(d.Bytes) / 1e6 / (m.MedianMs / 1e3)
}

// memoryRow is the Go instance's memory after validating every document of
// one size.
type memoryRow struct {
	Size    int // nominal document size
	Largest int // bytes of the largest document of that size
	Memory  int // memory.buffer.byteLength
}

// editSample is one keystroke's timings, in ms after its keydown.
type editSample struct {
	EchoMs          float64 `json:"echoMs"`
	PaintedMs       float64 `json:"paintedMs"`
	ValidateStartMs float64 `json:"validateStartMs"`
	LongestTaskMs   float64 `json:"longestTaskMs"`
}

// editRow is the edit measurement at one document size.
type editRow struct {
	Size    int // nominal size
	Bytes   int
	Samples []editSample
}

func (e *editRow) pick(f func(editSample) float64) []float64 {
	xs := make([]float64, len(e.Samples))
	for i, s := range e.Samples {
		xs[i] = f(s)
	}
	return xs
}

// nativeRow is one line of `go test -bench` output.
type nativeRow struct {
	Name     string // without the "Benchmark" prefix and the -N suffix
	NsPerOp  float64
	MBps     float64
	BPerOp   float64
	Allocs   float64
	HasMBps  bool
	HasAlloc bool
}

// parseNative reads the benchmark lines of `go test -bench -benchmem`
// output; other lines are skipped.
func parseNative(r io.Reader) ([]nativeRow, error) {
	var rows []nativeRow
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		if _, err := strconv.Atoi(f[1]); err != nil {
			continue // a "BenchmarkX ... FAIL" or a log line
		}
		row := nativeRow{Name: strings.TrimPrefix(f[0], "Benchmark")}
		if i := strings.LastIndexByte(row.Name, '-'); i > 0 {
			if _, err := strconv.Atoi(row.Name[i+1:]); err == nil {
				row.Name = row.Name[:i]
			}
		}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				return nil, fmt.Errorf("bench: %q: value %q: %w", sc.Text(), f[i], err)
			}
			switch f[i+1] {
			case "ns/op":
				row.NsPerOp = v
			case "MB/s":
				row.MBps, row.HasMBps = v, true
			case "B/op":
				row.BPerOp, row.HasAlloc = v, true
			case "allocs/op":
				row.Allocs = v
			}
		}
		rows = append(rows, row)
	}
	return rows, sc.Err()
}

// lastOfEach keeps one row per benchmark name, in the order the names first
// appear, with the values of the name's last row: the wasm run goes twice
// (-count 2), and its first pass runs partly before V8 has optimized the
// module.
func lastOfEach(rows []nativeRow) []nativeRow {
	at := map[string]int{}
	var out []nativeRow
	for _, r := range rows {
		if i, ok := at[r.Name]; ok {
			out[i] = r
			continue
		}
		at[r.Name] = len(out)
		out = append(out, r)
	}
	return out
}

// percentile returns the p-th percentile (0..100) of xs by linear
// interpolation between closest ranks; NaN for no values.
func percentile(xs []float64, p float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	rank := p / 100 * float64(len(s)-1)
	lo := int(math.Floor(rank))
	hi := int(math.Ceil(rank))
	return s[lo] + (s[hi]-s[lo])*(rank-float64(lo))
}

func median(xs []float64) float64 { return percentile(xs, 50) }

// sizeName names a nominal size: "1 KB", "100 KB", "10 MB".
func sizeName(n int) string {
	if n >= 1<<20 {
		return strconv.Itoa(n>>20) + " MB"
	}
	return strconv.Itoa(n>>10) + " KB"
}

// kb formats bytes as KB (1000 bytes, as the budgets count) with one
// decimal.
func kb(n int) string { return strconv.FormatFloat(float64(n)/1000, 'f', 1, 64) + " KB" }

func ms(v float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	if v < 10 {
		return strconv.FormatFloat(v, 'f', 1, 64) + " ms"
	}
	return strconv.FormatFloat(v, 'f', 0, 64) + " ms"
}

func num(v float64, prec int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "–"
	}
	return strconv.FormatFloat(v, 'f', prec, 64)
}

// parseServerLoad keeps what the server's load test reports: its summary
// line ("N requests, C clients, ...") and its Markdown table.
func parseServerLoad(out string) []string {
	var lines []string
	for _, l := range strings.Split(out, "\n") {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "|") || strings.Contains(l, " requests, ") {
			lines = append(lines, l)
		}
	}
	return lines
}
