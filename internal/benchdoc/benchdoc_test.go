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
	if bytes.Equal(Generate(Collection, 4096, false, 1), Generate(Collection, 4096, false, 2)) {
		t.Error("different seeds gave the same document")
	}
}
