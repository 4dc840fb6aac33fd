// Package bench measures opcheck where its users meet it, in a browser, next
// to what they would otherwise use: ajv 8 with a JSON Schema. [Schema]
// derives that schema from the same [opcheck/graph] model the checker uses,
// so that both check the same rules on the same documents (those of
// [opcheck/internal/benchdoc]).
//
// The measurements themselves are TestBrowserBench, which drives headless
// Chromium against the real server and page and writes BENCHMARKS.md. It
// runs only when OPCHECK_BROWSER_BENCH=1 is set, as `make bench` does.
package bench
