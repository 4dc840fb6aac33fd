//go:build js && wasm

package main

import (
	"strings"
	"testing"

	"github.com/hack-pad/safejs"
)

// call invokes an installed function the way the page does and returns its
// result as a safejs value.
func call(t *testing.T, name string, args ...any) safejs.Value {
	t.Helper()
	ns, err := safejs.Global().Get("Object")
	if err != nil {
		t.Fatal(err)
	}
	if ns, err = ns.New(); err != nil {
		t.Fatal(err)
	}
	if err := install(ns); err != nil {
		t.Fatal(err)
	}
	v, err := ns.Call(name, args...)
	if err != nil {
		t.Fatalf("opcheck.%s: %v", name, err)
	}
	return v
}

func get(t *testing.T, v safejs.Value, path string) safejs.Value {
	t.Helper()
	for _, p := range strings.Split(path, ".") {
		var err error
		if v, err = v.Get(p); err != nil {
			t.Fatalf("get %s: %v", path, err)
		}
	}
	return v
}

func str(t *testing.T, v safejs.Value, path string) string {
	t.Helper()
	s, err := get(t, v, path).String()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return s
}

func num(t *testing.T, v safejs.Value, path string) int {
	t.Helper()
	n, err := get(t, v, path).Int()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return n
}

func ok(t *testing.T, v safejs.Value) bool {
	t.Helper()
	b, err := get(t, v, "ok").Bool()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestValidateLocatesSyntaxError(t *testing.T) {
	for _, text := range []any{`{"a": }`, mustBytes(t, `{"a": }`)} {
		v := call(t, "validate", text, map[string]any{"api": "v1.0"})
		if !ok(t, v) {
			t.Fatalf("ok = false: %s", str(t, v, "error.message"))
		}
		if got := num(t, v, "diagnostics.length"); got == 0 {
			t.Fatal("no diagnostics for invalid JSON")
		}
		d := get(t, v, "diagnostics.0")
		if got, want := str(t, d, "severity"), "error"; got != want {
			t.Errorf("severity = %q, want %q", got, want)
		}
		if line, col := num(t, d, "line"), num(t, d, "column"); line != 1 || col != 7 {
			t.Errorf("position = %d:%d, want 1:7", line, col)
		}
		if got, want := str(t, v, "api"), "v1.0"; got != want {
			t.Errorf("api = %q, want %q", got, want)
		}
	}
}

// mustBytes makes a Uint8Array of s, as the page's TextEncoder does.
func mustBytes(t *testing.T, s string) safejs.Value {
	t.Helper()
	u8, err := uint8Array.New(len(s))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := safejs.CopyBytesToJS(u8, []byte(s)); err != nil {
		t.Fatal(err)
	}
	return u8
}

func TestArgumentErrors(t *testing.T) {
	tests := []struct {
		name    string
		fn      string
		args    []any
		wantErr string
	}{
		{"no arguments", "validate", nil, "want (text, options?)"},
		{"number as text", "validate", []any{42}, "must be a string or a Uint8Array"},
		{"options not an object", "validate", []any{"{}", "beta"}, "options must be an object"},
		{"api not a string", "validate", []any{"{}", map[string]any{"api": 1}}, "option api must be a string"},
		{"unknown api", "validate", []any{"{}", map[string]any{"api": "v2"}}, `unknown API version "v2"`},
		{"unknown kind", "validate", []any{"{}", map[string]any{"kind": "xml"}}, `unknown input kind "xml"`},
		{"format bad indent option", "format", []any{"{}", map[string]any{"sortKeys": "yes"}}, "option sortKeys must be a boolean"},
		{"query without path", "query", []any{"{}"}, "want (text, path: string)"},
		{"format invalid json", "format", []any{`{"a":}`}, "not valid JSON at line 1, column 6"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := call(t, tt.fn, tt.args...)
			if ok(t, v) {
				t.Fatalf("ok = true, want an error containing %q", tt.wantErr)
			}
			if got := str(t, v, "error.message"); !strings.Contains(got, tt.wantErr) {
				t.Errorf("error = %q, want it to contain %q", got, tt.wantErr)
			}
		})
	}
}

// A panic in the core must come back as an error, and the instance must go
// on serving calls.
func TestPanicIsRecovered(t *testing.T) {
	api["testPanic"] = func([]safejs.Value) (any, error) { panic("boom") }
	defer delete(api, "testPanic")
	v := call(t, "testPanic")
	if ok(t, v) {
		t.Fatal("ok = true after a panic")
	}
	if got := str(t, v, "error.message"); !strings.Contains(got, "internal error: boom") {
		t.Errorf("error = %q, want it to mention the internal error", got)
	}
	after := call(t, "validate", `{"a": 1,}`)
	if !ok(t, after) || num(t, after, "diagnostics.length") == 0 {
		t.Fatal("validate did not work after a recovered panic")
	}
}

func TestFormatMinifyQuery(t *testing.T) {
	src := `{"b":1,"a":{"c":[1,2]}}`
	f := call(t, "format", src, map[string]any{"indent": "    ", "sortKeys": true})
	if !ok(t, f) {
		t.Fatal(str(t, f, "error.message"))
	}
	if got, want := str(t, f, "text"), "{\n    \"a\": {\n        \"c\": [\n            1,\n            2\n        ]\n    },\n    \"b\": 1\n}\n"; got != want {
		t.Errorf("format = %q, want %q", got, want)
	}
	m := call(t, "minify", "{ \"a\" : [ 1 , 2 ] }")
	if got, want := str(t, m, "text"), `{"a":[1,2]}`; got != want {
		t.Errorf("minify = %q, want %q", got, want)
	}
	q := call(t, "query", src, "a.c.1")
	if got, want := str(t, q, "result"), "2"; got != want {
		t.Errorf("query = %q, want %q", got, want)
	}
	if e, _ := get(t, call(t, "query", src, "nope"), "exists").Bool(); e {
		t.Error("exists = true for a path that matches nothing")
	}
}
