//go:build js && wasm

package main

import (
	"strings"
	"testing"

	"opcheck/wasm/internal/jstest"
)

func TestValidateLocatesSyntaxError(t *testing.T) {
	for _, text := range []any{`{"a": }`, jstest.Bytes(t, `{"a": }`)} {
		v := jstest.Call(t, api, "validate", text, map[string]any{"api": "v1.0"})
		if !jstest.OK(t, v) {
			t.Fatalf("ok = false: %s", jstest.Str(t, v, "error.message"))
		}
		if got := jstest.Num(t, v, "diagnostics.length"); got == 0 {
			t.Fatal("no diagnostics for invalid JSON")
		}
		if got, want := jstest.Str(t, v, "diagnostics.0.severity"), "error"; got != want {
			t.Errorf("severity = %q, want %q", got, want)
		}
		if line, col := jstest.Num(t, v, "diagnostics.0.line"), jstest.Num(t, v, "diagnostics.0.column"); line != 1 || col != 7 {
			t.Errorf("position = %d:%d, want 1:7", line, col)
		}
		if got, want := jstest.Str(t, v, "api"), "v1.0"; got != want {
			t.Errorf("api = %q, want %q", got, want)
		}
	}
}

// Buffers are reused between calls: a long input followed by a short one
// must not leave bytes of the first in the second.
func TestValidateReusesBuffersSafely(t *testing.T) {
	long := `{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "a", "status": "Running", "clientContext": "` + strings.Repeat("x", 500) + `"}`
	jstest.Call(t, api, "validate", jstest.Bytes(t, long))
	v := jstest.Call(t, api, "validate", jstest.Bytes(t, `{"a": }`))
	if got := jstest.Num(t, v, "diagnostics.0.offset"); got != 6 {
		t.Errorf("offset = %d, want 6", got)
	}
	if got := jstest.Num(t, v, "diagnostics.length"); got != 1 {
		t.Errorf("%d diagnostics, want 1", got)
	}
}

func TestValidateArgumentErrors(t *testing.T) {
	tests := []struct {
		name    string
		args    []any
		wantErr string
	}{
		{"no arguments", nil, "want (text, options?)"},
		{"number as text", []any{42}, "must be a string or a Uint8Array"},
		{"options not an object", []any{"{}", "beta"}, "options must be an object"},
		{"api not a string", []any{"{}", map[string]any{"api": 1}}, "option api must be a string"},
		{"unknown api", []any{"{}", map[string]any{"api": "v2"}}, `unknown API version "v2"`},
		{"unknown kind", []any{"{}", map[string]any{"kind": "xml"}}, `unknown input kind "xml"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := jstest.Call(t, api, "validate", tt.args...)
			if jstest.OK(t, v) {
				t.Fatalf("ok = true, want an error containing %q", tt.wantErr)
			}
			if got := jstest.Str(t, v, "error.message"); !strings.Contains(got, tt.wantErr) {
				t.Errorf("error = %q, want it to contain %q", got, tt.wantErr)
			}
		})
	}
}
