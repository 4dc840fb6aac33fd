package benchdoc

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestGenerate(t *testing.T) {
	for _, shape := range Shapes {
		for _, size := range []int{1 << 10, 100 << 10} {
			for _, broken := range []bool{false, true} {
				b := Generate(shape, size, broken, 1)
				if len(b) < size {
					t.Errorf("%s %d: %d bytes, want at least %d", shape, size, len(b), size)
				}
				if len(b) > size+4096 {
					t.Errorf("%s %d: %d bytes, want close to %d", shape, size, len(b), size)
				}
				if !json.Valid(b) {
					t.Errorf("%s %d broken=%v: not valid JSON", shape, size, broken)
				}
				if !bytes.Equal(b, Generate(shape, size, broken, 1)) {
					t.Errorf("%s %d: not deterministic", shape, size)
				}
			}
		}
	}
	for _, broken := range []bool{false, true} {
		b := Generate(Log, 100<<10, broken, 1)
		if len(b) < 100<<10 || len(b) > 100<<10+4096 {
			t.Errorf("log: %d bytes, want close to %d", len(b), 100<<10)
		}
		lines := bytes.Split(bytes.TrimSuffix(b, []byte("\n")), []byte("\n"))
		for i, line := range lines {
			const prefix = "Z INFO Bot.Callbacks Callback received: "
			at := bytes.Index(line, []byte(prefix))
			if at != len("2026-03-01T10:00:00.000") {
				t.Fatalf("log line %d: %q does not start with a timestamp and the message", i+1, line)
			}
			if body := line[at+len(prefix):]; !json.Valid(body) {
				t.Fatalf("log line %d broken=%v: the body is not valid JSON", i+1, broken)
			}
		}
		if len(lines) < 100 {
			t.Errorf("log: %d lines, want one per callback of a few hundred bytes", len(lines))
		}
	}
	if bytes.Equal(Generate(Collection, 4096, false, 1), Generate(Collection, 4096, false, 2)) {
		t.Error("different seeds gave the same document")
	}
}

func TestRepeated(t *testing.T) {
	const extra = `,"tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47","callChainId":"2f1a1100-2b3c-4d5e-8f90-a1b2c3d4e5f6"`
	for _, size := range []int{1 << 10, 100 << 10} {
		b := Repeated(size, 1)
		if len(b) < size || len(b) > size+4096 {
			t.Errorf("%d: %d bytes, want at least %d and close to it", size, len(b), size)
		}
		if !json.Valid(b) {
			t.Errorf("%d: not valid JSON", size)
		}
		var doc struct{ Value []map[string]any }
		if err := json.Unmarshal(b, &doc); err != nil {
			t.Fatal(err)
		}
		for i, op := range doc.Value {
			if op["tenantId"] == nil || op["callChainId"] == nil {
				t.Errorf("%d: operation %d lacks the two undeclared members", size, i)
			}
		}
		// Without the two members, it is the start of its clean twin:
		// every operation the same, byte for byte.
		stripped := bytes.ReplaceAll(b, []byte(extra), nil)
		if n := bytes.Count(b, []byte(extra)); n != len(doc.Value) {
			t.Errorf("%d: the members appear %d times, want once per operation (%d)", size, n, len(doc.Value))
		}
		clean := Generate(Collection, size, false, 1)
		body := stripped[:len(stripped)-2] // without the closing "]}"
		if !bytes.HasPrefix(clean, body) {
			t.Errorf("%d: without the undeclared members, the document is not the start of the clean collection", size)
		}
	}
}
