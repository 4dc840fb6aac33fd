//go:build js && wasm

package main

import (
	"strings"
	"testing"

	"opcheck/wasm/internal/jstest"
)

func TestFormatMinifyQuery(t *testing.T) {
	src := `{"b":1,"a":{"c":[1,2]}}`
	f := jstest.Call(t, api, "format", src, map[string]any{"indent": "    ", "sortKeys": true})
	if !jstest.OK(t, f) {
		t.Fatal(jstest.Str(t, f, "error.message"))
	}
	if got, want := jstest.Str(t, f, "text"), "{\n    \"a\": {\n        \"c\": [\n            1,\n            2\n        ]\n    },\n    \"b\": 1\n}\n"; got != want {
		t.Errorf("format = %q, want %q", got, want)
	}
	m := jstest.Call(t, api, "minify", "{ \"a\" : [ 1 , 2 ] }")
	if got, want := jstest.Str(t, m, "text"), `{"a":[1,2]}`; got != want {
		t.Errorf("minify = %q, want %q", got, want)
	}
	q := jstest.Call(t, api, "query", src, "a.c.1")
	if got, want := jstest.Str(t, q, "result"), "2"; got != want {
		t.Errorf("query = %q, want %q", got, want)
	}
	if e, _ := jstest.Get(t, jstest.Call(t, api, "query", src, "nope"), "exists").Bool(); e {
		t.Error("exists = true for a path that matches nothing")
	}
}

func TestFormatArgumentErrors(t *testing.T) {
	tests := []struct {
		name    string
		fn      string
		args    []any
		wantErr string
	}{
		{"format bad sortKeys", "format", []any{"{}", map[string]any{"sortKeys": "yes"}}, "option sortKeys must be a boolean"},
		{"format invalid json", "format", []any{`{"a":}`}, "not valid JSON at line 1, column 6"},
		{"minify two arguments", "minify", []any{"{}", "{}"}, "want (text)"},
		{"query without path", "query", []any{"{}"}, "want (text, path: string)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := jstest.Call(t, api, tt.fn, tt.args...)
			if jstest.OK(t, v) {
				t.Fatalf("ok = true, want an error containing %q", tt.wantErr)
			}
			if got := jstest.Str(t, v, "error.message"); !strings.Contains(got, tt.wantErr) {
				t.Errorf("error = %q, want it to contain %q", got, tt.wantErr)
			}
		})
	}
}
