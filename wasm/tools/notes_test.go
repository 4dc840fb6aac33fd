//go:build js && wasm

package main

import (
	"strconv"
	"strings"
	"testing"

	"opcheck/check"
	"opcheck/sdk/notes"
	"opcheck/wasm/internal/jstest"
)

// notesArgs is sdkNotes' options for r, as the page builds them from the
// checker's result.
func notesArgs(r *check.Result) map[string]any {
	objs := make([]any, len(r.Objects))
	for i, o := range r.Objects {
		objs[i] = map[string]any{"pointer": o.Pointer, "type": o.Type, "offset": o.Offset, "length": o.Length}
	}
	ds := make([]any, len(r.Diagnostics))
	for i, d := range r.Diagnostics {
		ds[i] = map[string]any{"code": d.Code, "pointer": d.Pointer, "offset": d.Offset, "length": d.Length}
	}
	return map[string]any{"api": r.API, "objects": objs, "findings": ds}
}

// TestSDKNotes checks that sdkNotes, given only what the page holds of a
// check, returns for each finding the notes the CLI prints, for ASCII text
// and for text whose byte offsets are not UTF-16 positions.
func TestSDKNotes(t *testing.T) {
	tests := []struct {
		name, text string
		code, go_  string // a finding that must carry notes, and its Go sentence
	}{
		{"ascii", `{"@odata.type":"#microsoft.graph.playPromptOperation","id":"a","status":"completed"}`,
			"enum-case", "GetStatus() returns nil; no error"},
		{"non-ascii before the value", `{"@odata.type":"#microsoft.graph.playPromptOperation","clientContext":"café 🎉 ünïcode","id":"a","status":"completed"}`,
			"enum-case", "GetStatus() returns nil; no error"},
		{"non-ascii member", `{"@odata.type":"#microsoft.graph.playPromptOperation","id":"é","status":"Running","résumé":"x","resultInfo":{"code":"500"}}`,
			"wrong-type", "the whole read fails: GetObjectValue returns an error and no object"},
		{"beta", `{"@odata.type":"#microsoft.graph.playPromptOperation","id":"a","status":"Done"}`,
			"enum-unknown", "GetStatus() returns nil; no error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			version := "v1.0"
			if tt.name == "beta" {
				version = "beta"
			}
			r := check.Validate([]byte(tt.text), &check.Options{API: version})
			want := check.Validate([]byte(tt.text), &check.Options{API: version})
			notes.Annotate([]byte(tt.text), want)
			v := jstest.Call(t, api, "sdkNotes", tt.text, notesArgs(r))
			if !jstest.OK(t, v) {
				t.Fatal(jstest.Str(t, v, "error.message"))
			}
			found := false
			for i, d := range want.Diagnostics {
				k := jstest.Num(t, v, "index."+strconv.Itoa(i))
				if d.SDK == nil {
					if k != -1 {
						t.Errorf("%s: index %d, want -1 (no notes)", d.Code, k)
					}
					continue
				}
				if k < 0 {
					t.Fatalf("%s: no notes, want %+v", d.Code, *d.SDK)
				}
				at := "notes." + strconv.Itoa(k) + "."
				for _, f := range []struct{ key, want string }{{"go", d.SDK.Go}, {"typescript", d.SDK.TypeScript}, {"dotnet", d.SDK.DotNet}, {"java", d.SDK.Java}, {"python", d.SDK.Python}} {
					got := ""
					if x := jstest.Get(t, v, at+f.key); !x.IsUndefined() {
						got = jstest.Str(t, v, at+f.key)
					}
					if got != f.want {
						t.Errorf("%s %s: got %q, want %q", d.Code, f.key, got, f.want)
					}
				}
				if d.Code == tt.code {
					found = true
					if d.SDK.Go != tt.go_ {
						t.Errorf("%s: Go sentence %q, want %q", d.Code, d.SDK.Go, tt.go_)
					}
				}
			}
			if !found {
				t.Errorf("no %s finding with notes", tt.code)
			}
		})
	}
}

// TestSDKNotesShared checks that a mistake repeated in every item travels
// once: the findings share one entry of notes.
func TestSDKNotesShared(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"value":[`)
	for i := range 50 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"@odata.type":"#microsoft.graph.playPromptOperation","id":"` + strconv.Itoa(i) + `","status":"Running","region":"emea"}`)
	}
	b.WriteString(`]}`)
	r := check.Validate([]byte(b.String()), nil)
	v := jstest.Call(t, api, "sdkNotes", b.String(), notesArgs(r))
	if n, _ := jstest.Get(t, v, "notes").Length(); n != 1 {
		t.Errorf("%d distinct notes, want 1", n)
	}
	if n, _ := jstest.Get(t, v, "index").Length(); n != len(r.Diagnostics) {
		t.Errorf("index has %d entries, want one per finding (%d)", n, len(r.Diagnostics))
	}
}

// TestSDKNotesArgumentErrors checks that bad arguments get a clear error.
func TestSDKNotesArgumentErrors(t *testing.T) {
	finding := func(off, n int) map[string]any {
		return map[string]any{"code": "enum-case", "pointer": "/status", "offset": off, "length": n}
	}
	tests := []struct {
		name    string
		args    []any
		wantErr string
	}{
		{"one argument", []any{"{}"}, "want (text, {api, objects, findings})"},
		{"no findings", []any{"{}", map[string]any{"objects": []any{}}}, "findings: want an array"},
		{"offset past the text", []any{"{}", map[string]any{"objects": []any{}, "findings": []any{finding(1, 5)}}}, "findings[0]: offset and length lie outside the text"},
		{"negative length", []any{"{}", map[string]any{"objects": []any{}, "findings": []any{finding(0, -1)}}}, "findings[0]: offset and length lie outside"},
		{"fractional offset", []any{"{}", map[string]any{"objects": []any{}, "findings": []any{map[string]any{"code": "x", "pointer": "", "offset": 0.5, "length": 0}}}}, "offset must be an integer"},
		{"object without type", []any{"{}", map[string]any{"objects": []any{map[string]any{"pointer": "", "type": 3, "offset": 0, "length": 2}}, "findings": []any{}}}, "option type must be a string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := jstest.Call(t, api, "sdkNotes", tt.args...)
			if jstest.OK(t, v) {
				t.Fatalf("ok = true, want an error containing %q", tt.wantErr)
			}
			if got := jstest.Str(t, v, "error.message"); !strings.Contains(got, tt.wantErr) {
				t.Errorf("error = %q, want it to contain %q", got, tt.wantErr)
			}
		})
	}
}
