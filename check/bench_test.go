package check

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/tidwall/gjson"

	"opcheck/internal/benchdoc"
	"opcheck/scan"
)

// benchSizes are the document sizes users paste, from one operation to a
// day of callbacks.
var benchSizes = []int{1 << 10, 100 << 10, 1 << 20, 10 << 20}

func sizeName(n int) string {
	if n >= 1<<20 {
		return strconv.Itoa(n>>20) + "MB"
	}
	return strconv.Itoa(n>>10) + "KB"
}

// forEachDoc runs fn as a sub-benchmark for every shape, size and validity,
// and for the findings-heavy twin of each collection (named "repeated":
// the valid collection with the same two undeclared members in every
// item), whose cost beside "valid" is what findings cost.
func forEachDoc(b *testing.B, fn func(b *testing.B, doc []byte)) {
	for _, shape := range benchdoc.Shapes {
		for _, size := range benchSizes {
			for _, variant := range []string{"valid", "broken", "repeated"} {
				if variant == "repeated" && shape != benchdoc.Collection {
					continue
				}
				b.Run(string(shape)+"/"+sizeName(size)+"/"+variant, func(b *testing.B) {
					var doc []byte
					if variant == "repeated" {
						doc = benchdoc.Repeated(size, 1)
					} else {
						doc = benchdoc.Generate(shape, size, variant == "broken", 1)
					}
					b.SetBytes(int64(len(doc)))
					b.ReportAllocs()
					b.ResetTimer()
					fn(b, doc)
				})
			}
		}
	}
}

// BenchmarkValidate measures the whole check of a document: scan, walk,
// diagnostics with positions.
func BenchmarkValidate(b *testing.B) {
	forEachDoc(b, func(b *testing.B, doc []byte) {
		for b.Loop() {
			Validate(doc, nil)
		}
	})
}

// BenchmarkEncodingJSON is the reference row: decoding the same bytes
// into generic values with encoding/json, which checks syntax only.
func BenchmarkEncodingJSON(b *testing.B) {
	forEachDoc(b, func(b *testing.B, doc []byte) {
		for b.Loop() {
			var v any
			if err := json.Unmarshal(doc, &v); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkScan is the scanner alone, the part of Validate that every byte
// goes through: syntax, node array, no types.
func BenchmarkScan(b *testing.B) {
	forEachDoc(b, func(b *testing.B, doc []byte) {
		for b.Loop() {
			d, _ := scan.Parse(doc)
			d.Release()
		}
	})
}

// BenchmarkGJSONValid is the floor for one pass in Go: gjson.Valid answers
// only whether the text is JSON, keeping nothing. make bench runs it under
// wasm beside Validate, to show what Go's WebAssembly output can do at all.
func BenchmarkGJSONValid(b *testing.B) {
	forEachDoc(b, func(b *testing.B, doc []byte) {
		for b.Loop() {
			if !gjson.ValidBytes(doc) {
				b.Fatal("not JSON")
			}
		}
	})
}

// BenchmarkAppendJSON measures writing a result as the JSON that the page
// parses and the CLI prints, for the clean collection and its
// findings-heavy twin; bytes are those of the document.
func BenchmarkAppendJSON(b *testing.B) {
	for _, size := range []int{1 << 20, 10 << 20} {
		for _, variant := range []string{"valid", "repeated"} {
			b.Run("collection/"+sizeName(size)+"/"+variant, func(b *testing.B) {
				doc := benchdoc.Generate(benchdoc.Collection, size, false, 1)
				if variant == "repeated" {
					doc = benchdoc.Repeated(size, 1)
				}
				r := Validate(doc, nil)
				out := r.AppendJSON(nil)
				b.SetBytes(int64(len(doc)))
				b.ReportAllocs()
				b.ResetTimer()
				for b.Loop() {
					out = r.AppendJSON(out[:0])
				}
			})
		}
	}
}

// BenchmarkValidateLog measures a bot's log of callbacks, a body per line
// after a timestamp, split into its bodies and each checked: per byte it
// should cost about what the callbacks document of the same size does.
func BenchmarkValidateLog(b *testing.B) {
	for _, size := range benchSizes {
		for _, broken := range []bool{false, true} {
			name := sizeName(size) + "/valid"
			if broken {
				name = sizeName(size) + "/broken"
			}
			b.Run(name, func(b *testing.B) {
				doc := benchdoc.Generate(benchdoc.Log, size, broken, 1)
				if r := Validate(doc, nil); r.Kind != KindLog || len(r.Objects) < 2 {
					b.Fatalf("got kind %q and %d objects, want a log of many bodies", r.Kind, len(r.Objects))
				}
				b.SetBytes(int64(len(doc)))
				b.ReportAllocs()
				b.ResetTimer()
				for b.Loop() {
					Validate(doc, nil)
				}
			})
		}
	}
}
