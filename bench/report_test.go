package bench

import (
	"math"
	"slices"
	"strings"
	"testing"
)

func TestParseNative(t *testing.T) {
	tests := []struct {
		name    string
		input   string
		want    []nativeRow
		wantErr bool
	}{
		{
			name: "benchmem rows with MB/s, header and PASS lines skipped",
			input: `goos: linux
goarch: amd64
pkg: opcheck/check
cpu: Intel(R) Xeon(R) Processor
BenchmarkValidate/roster/1KB/valid-2         	   24504	     48900 ns/op	  27.89 MB/s	   12345 B/op	     101 allocs/op
BenchmarkEncodingJSON/roster/1KB/valid-2     	   40000	     30000 ns/op	  45.47 MB/s	    9000 B/op	      80 allocs/op
PASS
ok  	opcheck/check	12.3s
`,
			want: []nativeRow{
				{Name: "Validate/roster/1KB/valid", NsPerOp: 48900, MBps: 27.89, BPerOp: 12345, Allocs: 101, HasMBps: true, HasAlloc: true},
				{Name: "EncodingJSON/roster/1KB/valid", NsPerOp: 30000, MBps: 45.47, BPerOp: 9000, Allocs: 80, HasMBps: true, HasAlloc: true},
			},
		},
		{
			name:  "no MB/s, no -N suffix",
			input: "BenchmarkLookup \t 1000000\t 12.5 ns/op\n",
			want:  []nativeRow{{Name: "Lookup", NsPerOp: 12.5}},
		},
		{
			name:  "a failed benchmark line is not a row",
			input: "BenchmarkX-2 --- FAIL: something\n",
		},
		{
			name:    "a value that is not a number",
			input:   "BenchmarkX-2 100 abc ns/op\n",
			wantErr: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseNative(strings.NewReader(tt.input))
			if (err != nil) != tt.wantErr {
				t.Fatalf("got error %v, want error %v", err, tt.wantErr)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d rows %+v, want %d", len(got), got, len(tt.want))
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("row %d: got %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestPercentile(t *testing.T) {
	tests := []struct {
		name  string
		input []float64
		p     float64
		want  float64
	}{
		{"median of odd count", []float64{5, 1, 3}, 50, 3},
		{"median of even count", []float64{4, 1, 3, 2}, 50, 2.5},
		{"p95 interpolates", []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21}, 95, 20},
		{"p100 is the maximum", []float64{3, 9, 1}, 100, 9},
		{"one value", []float64{7}, 95, 7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := percentile(tt.input, tt.p); got != tt.want {
				t.Errorf("percentile(%v, %v): got %v, want %v", tt.input, tt.p, got, tt.want)
			}
		})
	}
	if got := percentile(nil, 50); !math.IsNaN(got) {
		t.Errorf("percentile(nil): got %v, want NaN", got)
	}
	in := []float64{3, 1, 2}
	percentile(in, 50)
	if in[0] != 3 || in[1] != 1 {
		t.Errorf("percentile sorted its input in place: %v", in)
	}
}

// sampleReport is a small report with known numbers.
func sampleReport() *report {
	doc := func(size, bytes int, opMs, ajvMs float64) docResult {
		d := docResult{Shape: "roster", Size: size, Bytes: bytes, Methods: map[string]methodResult{
			"opcheck-string": {MedianMs: opMs}, "opcheck-bytes": {MedianMs: opMs}, "ajv": {MedianMs: ajvMs}, "json-parse": {MedianMs: ajvMs / 2},
		}}
		return d
	}
	return &report{
		Command: "make bench",
		Docs: []docResult{
			doc(100<<10, 100_000, 1, 2),     // opcheck 2× faster
			doc(1<<20, 1_000_000, 10, 5),    // opcheck 2× slower
			doc(10<<20, 10_000_000, 50, 50), // equal: below the 2× budget
		},
		WasmRaw: 3_000_000, WasmBr: 700_000,
		Load: loadResult{
			Assets:  []asset{{Path: "/", Transfer: 2_000}, {Path: "/opcheck.wasm", Transfer: 1_100_000}},
			NoCache: []loadTiming{{Ready: 250}, {Ready: 350}, {Ready: 280}},
			Cached:  []loadTiming{{Ready: 100}},
			Fresh:   []loadTiming{{Ready: 240, FindingsAt: 400}, {Ready: 260, FindingsAt: 420}, {Ready: 230, FindingsAt: 380}},
		},
		Edits: []editRow{
			{Size: 100 << 10, Samples: []editSample{{EchoMs: 5, PaintedMs: 10, ValidateStartMs: 2}, {EchoMs: 6, PaintedMs: 12, ValidateStartMs: 2}}},
			{Size: 10 << 20, Samples: []editSample{{EchoMs: 8, PaintedMs: 400, ValidateStartMs: 300, LongestTaskMs: 70}}},
		},
		Memory:    []memoryRow{{Size: 10 << 20, Largest: 10_000_000, Memory: 30_000_000}},
		EchoFloor: []float64{17, 18, 16},
		Twins: []twinRow{
			{Size: 1 << 20, Clean: twinTiming{Bytes: 1_000_000, MedianMs: 10}, Heavy: twinTiming{Bytes: 1_000_000, MedianMs: 12, Findings: 3800}},      // 1.2×
			{Size: 10 << 20, Clean: twinTiming{Bytes: 10_000_000, MedianMs: 100}, Heavy: twinTiming{Bytes: 9_000_000, MedianMs: 180, Findings: 10001}}, // 2× per byte
		},
		Native: []nativeRow{
			{Name: "Validate/roster/1MB/valid", MBps: 200, HasMBps: true},
			{Name: "Validate/collection/1MB/valid", MBps: 300, HasMBps: true},
			{Name: "Validate/collection/1MB/repeated", MBps: 100, HasMBps: true}, // left out of the medians
			{Name: "GJSONValid/roster/1MB/valid", MBps: 800, HasMBps: true},
		},
		Wasm: []nativeRow{
			{Name: "Validate/roster/1MB/valid", MBps: 40, HasMBps: true},
			{Name: "Validate/collection/1MB/valid", MBps: 60, HasMBps: true},
			{Name: "Validate/collection/1MB/repeated", MBps: 20, HasMBps: true},
			{Name: "Scan/roster/1MB/valid", MBps: 150, HasMBps: true},
			{Name: "GJSONValid/roster/1MB/valid", MBps: 160, HasMBps: true},
		},
	}
}

func TestBudgets(t *testing.T) {
	want := map[string]bool{ // budget name prefix → met
		"opcheck ÷ ajv throughput (parse + validate, allErrors), 100 KB": true,
		"opcheck ÷ ajv throughput (parse + validate, allErrors), 1 MB":   false,
		"opcheck ÷ ajv throughput (parse + validate, allErrors), 10 MB":  false,
		"opcheck.wasm, brotli":                       true,
		"first load over the wire":                   false,
		"navigation → opcheck.ready":                 true, // median 280
		"navigation → opcheck.ready, fresh":          true, // median 240
		"edit → findings painted p95, 100 KB":        true,
		"edit → findings painted p95, 10 MB":         false,
		"typing never blocked":                       false, // a 70 ms task
		"peak wasm memory after validating 10 MB":    true,  // 3×
		"findings-heavy collection ÷ its clean twin": false, // 2× at 10 MB
	}
	bs := sampleReport().budgets()
	if len(bs) != len(want) {
		t.Fatalf("got %d budgets, want %d", len(bs), len(want))
	}
	for _, b := range bs {
		found := false
		for prefix, met := range want {
			if strings.HasPrefix(b.Name, prefix) {
				found = true
				if !b.Known {
					t.Errorf("%s: not measured, want measured", b.Name)
				}
				if b.Met != met {
					t.Errorf("%s (%s): got met=%v, want %v", b.Name, b.Measured, b.Met, met)
				}
				if !b.Met && b.Missed == "" {
					t.Errorf("%s: missed without a line saying what it would take", b.Name)
				}
			}
		}
		if !found {
			t.Errorf("unexpected budget %q", b.Name)
		}
	}
}

func TestTwinCost(t *testing.T) {
	tests := []struct {
		name string
		row  twinRow
		want float64 // NaN: unknown
	}{
		{"findings cost nothing", twinRow{Clean: twinTiming{Bytes: 1000, MedianMs: 2}, Heavy: twinTiming{Bytes: 1000, MedianMs: 2}}, 1},
		{"per byte: a shorter heavy document", twinRow{Clean: twinTiming{Bytes: 1000, MedianMs: 2}, Heavy: twinTiming{Bytes: 500, MedianMs: 2}}, 2},
		{"three times slower", twinRow{Clean: twinTiming{Bytes: 2000, MedianMs: 1}, Heavy: twinTiming{Bytes: 1000, MedianMs: 1.5}}, 3},
		{"from the pairs when there are any", twinRow{Clean: twinTiming{Bytes: 1000, MedianMs: 2}, Heavy: twinTiming{Bytes: 500, MedianMs: 9}, PairMedian: 0.6}, 1.2},
		{"pairs without sizes", twinRow{Heavy: twinTiming{MedianMs: 2}, PairMedian: 0.6}, math.NaN()},
		{"clean not measured", twinRow{Heavy: twinTiming{Bytes: 1000, MedianMs: 2}}, math.NaN()},
		{"heavy not measured", twinRow{Clean: twinTiming{Bytes: 1000, MedianMs: 2}}, math.NaN()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.row.cost()
			if math.IsNaN(tt.want) != math.IsNaN(got) || !math.IsNaN(got) && math.Abs(got-tt.want) > 1e-9 {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestBudgetsUnmeasured(t *testing.T) {
	for _, b := range (&report{}).budgets() {
		if b.Known && b.Name != "opcheck.wasm, brotli" && b.Name != "first load over the wire (HTML, JS, CSS, wasm, editor)" {
			t.Errorf("%s: known with nothing measured", b.Name)
		}
	}
}

func TestMarkdown(t *testing.T) {
	md := sampleReport().markdown()
	for _, want := range []string{
		"# opcheck benchmarks",
		"| opcheck ÷ ajv throughput (parse + validate, allErrors), 1 MB | ≥ 1× | 0.50× lowest, 0.50× median of 1 documents | **missed** |",
		"| opcheck ÷ ajv throughput (parse + validate, allErrors), 100 KB | ≥ 1× | 2.00× lowest",
		"### Missed budgets: what was tried, what it would take",
		"| roster 100 KB valid | 100000 | 100.0 | 100.0 | 50.0 | 100.0 | 2.00× |",
		"| **total** | | **1102.0 KB** |",
		"| navigation → opcheck.ready, fresh browser context (no HTTP cache), localhost | ≤ 250 ms | 240 ms median of 3 loads |",
		"| fresh browser context each load (a first visit) | 3 | 240 ms | 230 ms | 260 ms |",
		// The first check painted, and a dash for loads that noted none.
		"| 3 | 240 ms | 230 ms | 260 ms | 0.0 ms | 240 ms | 400 ms |",
		"| disabled (first visit) | 3 | 280 ms | 250 ms | 350 ms | 0.0 ms | 280 ms | – |",
		"| 10 MB | 10.00 MB | 30.00 MB | 3.0× |",
		"Not included in this run",
		"| bare textarea (the floor) | – | 3 | 17 ms / 18 ms |",
		"(a bare textarea: p95 18 ms)",
		"## Go in WebAssembly (outside the browser)",
		"| roster/1MB/valid | 160.0 | 150.0 | 40.0 | 200.0 | 800.0 | 0.20× |",
		// The 1 MB ratio line argues from the measured floor and ajv's rate.
		"gjson.Valid — one pass that only says whether the text is JSON, keeping nothing — runs at 160 MB/s",
		"while JSON.parse plus ajv runs at 200 MB/s in the page at this size",
		"opcheck's Validate runs at 50 MB/s there (250 MB/s natively)",
		"| findings-heavy collection ÷ its clean twin, time per byte in the page (issue 11) | ≤ 1.5× | 1.20× at 1 MB, 2.00× at 10 MB | **missed** |",
		"## What findings cost (issue 11)",
		"| page | 1 MB | 100.0 | 83.3 | 3800 | 1.20× | met |",
		"| page | 10 MB | 100.0 | 50.0 | 10001 | 2.00× | **missed** |",
		"| native | 1 MB | 300.0 | 100.0 | – | 3.00× | **missed** |",
		"| wasm (Node) | 1 MB | 60.0 | 20.0 | – | 3.00× | **missed** |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown lacks %q", want)
		}
	}
	if strings.Contains(md, "NaN") {
		t.Error("the Markdown shows NaN")
	}
}

// FuzzParseNative feeds arbitrary text to the benchmark-output parser: it
// must not panic, and every row it returns must name a benchmark.
func FuzzParseNative(f *testing.F) {
	f.Add("BenchmarkValidate/roster/1KB/valid-2 \t 24504\t 48900 ns/op\t 27.89 MB/s\t 12345 B/op\t 101 allocs/op\n")
	f.Add("BenchmarkX-2 --- FAIL\nok opcheck/check 1s\n")
	f.Add("Benchmark 1 2 ns/op 3 MB/s\n")
	f.Fuzz(func(t *testing.T, s string) {
		rows, err := parseNative(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, r := range rows {
			if !strings.Contains(s, "Benchmark"+r.Name) || strings.ContainsAny(r.Name, " \t\n\r") {
				t.Errorf("row name %q: want a benchmark's name from the input, without its prefix and without spaces", r.Name)
			}
		}
	})
}

func TestParseServerLoad(t *testing.T) {
	out := `=== RUN   TestLoad
    load_test.go:164: 
        20000 requests, 32 clients, 4.43s wall, 4515 requests/s overall, GOMAXPROCS=2, startup 280ms
        
        | asset | bytes sent | requests | errors | requests/s | p50 | p90 | p99 |
        |---|---:|---:|---:|---:|---:|---:|---:|
        | index.html | 74 | 10000 | 0 | 2258 | 5.55ms | 10.34ms | 14.87ms |
--- PASS: TestLoad (4.74s)
`
	got := parseServerLoad(out)
	if len(got) != 4 || !strings.HasPrefix(got[0], "20000 requests") || got[3] != "| index.html | 74 | 10000 | 0 | 2258 | 5.55ms | 10.34ms | 14.87ms |" {
		t.Errorf("got %q", got)
	}
}

func TestLastOfEach(t *testing.T) {
	rows := []nativeRow{{Name: "A", MBps: 1}, {Name: "B", MBps: 2}, {Name: "A", MBps: 3}, {Name: "C", MBps: 4}, {Name: "B", MBps: 5}}
	got := lastOfEach(rows)
	want := []nativeRow{{Name: "A", MBps: 3}, {Name: "B", MBps: 5}, {Name: "C", MBps: 4}}
	if len(got) != len(want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("row %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}

// TestMarkdownLog: the bot log is timed with opcheck alone; its row shows
// dashes where JSON.parse and ajv could not run, and it stays out of the
// opcheck ÷ ajv budgets.
func TestMarkdownLog(t *testing.T) {
	r := sampleReport()
	before := r.ratios(10 << 20)
	r.Docs = append(r.Docs, docResult{Shape: "log", Size: 10 << 20, Bytes: 10_500_000, Methods: map[string]methodResult{
		"opcheck-string": {MedianMs: 150}, "opcheck-bytes": {MedianMs: 140},
	}})
	r.Docs[len(r.Docs)-1].Opcheck.Errors = 3
	md := r.markdown()
	for _, want := range []string{
		"| log 10 MB valid | 10500000 | 70.0 | 75.0 | – | – | –× | 3/0 | – |",
		"The *log* rows are a bot's log of callbacks",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the Markdown lacks %q", want)
		}
	}
	if strings.Contains(md, "NaN") {
		t.Error("the Markdown shows NaN")
	}
	if got := r.ratios(10 << 20); !slices.Equal(got, before) {
		t.Errorf("10 MB ratios: got %v with the log, want %v as without it", got, before)
	}
	if strings.Contains(sampleReport().markdown(), "The *log* rows") {
		t.Error("a report without a log explains the log rows")
	}
}
