package permalink

import (
	"bytes"
	"compress/flate"
	"encoding/base64"
	"encoding/json"
	"io"
	"testing"
)

// benchState is 100 KB of JSON-like text, the size of a large callback batch.
var benchState = State{Text: bigText(100 << 10), API: "v1.0", Query: "value.#.resourceData.id", View: "diagnostics"}

func BenchmarkEncode(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchState.Text)))
	var frag string
	for b.Loop() {
		frag = Encode(benchState)
	}
	b.ReportMetric(float64(len(frag)), "link-chars")
}

func BenchmarkDecode(b *testing.B) {
	frag := Encode(benchState)
	b.ReportAllocs()
	b.SetBytes(int64(len(benchState.Text)))
	for b.Loop() {
		if _, err := Decode(frag); err != nil {
			b.Fatal(err)
		}
	}
}

// The obvious alternative: the state as JSON, deflated with a fresh writer.
// It shows what the binary layout and the pooled writer save.

func BenchmarkEncodeJSONAlternative(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(benchState.Text)))
	var frag string
	for b.Loop() {
		raw, _ := json.Marshal(benchState)
		var z bytes.Buffer
		w, _ := flate.NewWriter(&z, flate.BestCompression)
		w.Write(raw)
		w.Close()
		frag = "1." + base64.RawURLEncoding.EncodeToString(z.Bytes())
	}
	b.ReportMetric(float64(len(frag)), "link-chars")
}

func BenchmarkDecodeJSONAlternative(b *testing.B) {
	raw, _ := json.Marshal(benchState)
	var z bytes.Buffer
	w, _ := flate.NewWriter(&z, flate.BestCompression)
	w.Write(raw)
	w.Close()
	frag := base64.RawURLEncoding.EncodeToString(z.Bytes())
	b.ReportAllocs()
	b.SetBytes(int64(len(benchState.Text)))
	for b.Loop() {
		data, _ := base64.RawURLEncoding.DecodeString(frag)
		out, _ := io.ReadAll(flate.NewReader(bytes.NewReader(data)))
		var s State
		if err := json.Unmarshal(out, &s); err != nil {
			b.Fatal(err)
		}
	}
}
