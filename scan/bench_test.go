package scan

import (
	"encoding/json"
	"strconv"
	"testing"
)

// graphDoc generates a pretty-printed collection of Graph comms operations
// with nested participants, of about size bytes.
func graphDoc(size int) []byte {
	var ops []any
	for i := 0; ; i++ {
		var parts []any
		for j := range 1 + i%4 {
			id := strconv.Itoa(i*10 + j)
			parts = append(parts, map[string]any{
				"@odata.type":    "#microsoft.graph.invitationParticipantInfo",
				"replacesCallId": "a7ebfb2d-871e-419c-87af-27290b22e8d" + id,
				"hidden":         j%2 == 0,
				"identity": map[string]any{
					"@odata.type": "#microsoft.graph.identitySet",
					"user": map[string]any{
						"@odata.type": "#microsoft.graph.identity",
						"id":          "278405a3-f568-4b3e-b684-00919346" + id,
						"displayName": "Participant \"" + id + "\" caf\u00e9",
					},
				},
			})
		}
		ops = append(ops, map[string]any{
			"@odata.type":   "#microsoft.graph.inviteParticipantsOperation",
			"id":            "cf6aee6c-ee6c-cf6a-6cee-6acf6cee" + strconv.Itoa(i),
			"status":        "completed",
			"clientContext": "f2fa86af-3c51-4bc2-8fc0-475452d9764f",
			"resultInfo":    map[string]any{"@odata.type": "#microsoft.graph.resultInfo", "code": 200, "subcode": 5000 + i, "message": "ok"},
			"participants":  parts,
		})
		b, err := json.MarshalIndent(map[string]any{"value": ops}, "", "  ")
		if err != nil {
			panic(err)
		}
		if len(b) >= size {
			return b
		}
	}
}

var benchSizes = []struct {
	name string
	size int
}{{"1KB", 1 << 10}, {"100KB", 100 << 10}, {"1MB", 1 << 20}}

// benchDocs caches the generated documents: making the 1 MB one is slow.
var benchDocs = map[int][]byte{}

func benchDoc(size int) []byte {
	if b, ok := benchDocs[size]; ok {
		return b
	}
	b := graphDoc(size)
	if size > 4096 { // grow in big steps: MarshalIndent per step is quadratic
		b = graphDocFast(size)
	}
	benchDocs[size] = b
	return b
}

// graphDocFast repeats the operations of a small document up to size bytes.
func graphDocFast(size int) []byte {
	var small struct {
		Value []json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(graphDoc(16<<10), &small); err != nil {
		panic(err)
	}
	out := []byte("{\n  \"value\": [\n    ")
	for i := 0; len(out) < size; i++ {
		if i > 0 {
			out = append(out, ",\n    "...)
		}
		out = append(out, small.Value[i%len(small.Value)]...)
	}
	return append(out, "\n  ]\n}"...)
}

// forEachSize runs fn as a sub-benchmark on the document of every size,
// with its bytes counted and its allocations reported.
func forEachSize(b *testing.B, fn func(b *testing.B, src []byte)) {
	for _, s := range benchSizes {
		src := benchDoc(s.size)
		b.Run(s.name, func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			fn(b, src)
		})
	}
}

func BenchmarkParse(b *testing.B) {
	forEachSize(b, func(b *testing.B, src []byte) {
		for b.Loop() {
			doc, issues := Parse(src)
			if doc == nil || len(issues) != 0 {
				b.Fatalf("got %v", describe(issues))
			}
		}
	})
}

func BenchmarkEncodingJSONValid(b *testing.B) {
	forEachSize(b, func(b *testing.B, src []byte) {
		for b.Loop() {
			if !json.Valid(src) {
				b.Fatal("got invalid")
			}
		}
	})
}

func BenchmarkEncodingJSONUnmarshal(b *testing.B) {
	forEachSize(b, func(b *testing.B, src []byte) {
		for b.Loop() {
			var v any
			if err := json.Unmarshal(src, &v); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func TestBenchDocs(t *testing.T) {
	// The benchmark documents are valid, of the size asked, and Graph-shaped.
	for _, s := range benchSizes[:2] {
		src := benchDoc(s.size)
		if len(src) < s.size || len(src) > 2*s.size+4096 {
			t.Errorf("%s: got %d bytes", s.name, len(src))
		}
		doc, issues := Parse(src)
		if doc == nil || len(issues) != 0 || !json.Valid(src) {
			t.Fatalf("%s: got %v", s.name, describe(issues))
		}
		v := doc.Member(0, "value")
		if v < 0 || doc.Nodes[v].Kind != Array || doc.Nodes[v].Count == 0 {
			t.Fatalf("%s: got no operations", s.name)
		}
		if p := doc.Member(v+1, "participants"); p < 0 || doc.Nodes[p].Count == 0 {
			t.Errorf("%s: got no participants", s.name)
		}
	}
}
