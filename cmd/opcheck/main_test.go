package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	valid := write("valid.json", `{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "0b5e4e4a-3c5f-4b4e-9d7a-2f6c1e8a9b10", "status": "Completed"}`)
	broken := write("broken.json", "{\n  \"a\": }")
	warning := write("warn.json", `{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "x", "status": "completed"}`)

	tests := []struct {
		name       string
		args       []string
		stdin      string
		wantCode   int
		wantOut    string // substring of stdout
		wantErrOut string // substring of stderr
	}{
		{"valid file", []string{valid}, "", 0, "", ""},
		{"syntax error, vet style", []string{broken}, "", 1, broken + ":2:8: error: ", ""},
		{"warning only exits 0", []string{warning}, "", 0, "warning: ", ""},
		{"stdin by default", nil, `{"a": }`, 1, "-:1:7: error: ", ""},
		{"stdin by dash", []string{"-"}, `{"a": }`, 1, "-:1:7: error: ", ""},
		{"json output", []string{"-format", "json", valid, broken}, "", 1, `"file":"` + valid + `"`, ""},
		{"beta", []string{"-api", "beta", valid}, "", 0, "", ""},
		{"unknown api", []string{"-api", "v2", valid}, "", 2, "", `unknown API version "v2"`},
		{"unknown format", []string{"-format", "xml", valid}, "", 2, "", `unknown format "xml"`},
		{"unknown kind", []string{"-kind", "yaml", valid}, "", 2, "", `unknown input kind "yaml"`},
		{"missing file", []string{filepath.Join(dir, "nope.json")}, "", 2, "", "no such file"},
		{"bad flag", []string{"-nope"}, "", 2, "", "usage: opcheck"},
		{"help", []string{"-h"}, "", 0, "", "usage: opcheck"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(tt.args, strings.NewReader(tt.stdin), &out, &errOut)
			if code != tt.wantCode {
				t.Errorf("exit code = %d, want %d (stderr %q)", code, tt.wantCode, errOut.String())
			}
			if !strings.Contains(out.String(), tt.wantOut) {
				t.Errorf("stdout = %q, want it to contain %q", out.String(), tt.wantOut)
			}
			if !strings.Contains(errOut.String(), tt.wantErrOut) {
				t.Errorf("stderr = %q, want it to contain %q", errOut.String(), tt.wantErrOut)
			}
		})
	}
}

// The JSON output is an array with one element per input, carrying the
// fields the page's opcheck.validate returns.
func TestJSONOutputShape(t *testing.T) {
	var out bytes.Buffer
	if code := run([]string{"-format", "json", "-"}, strings.NewReader(`{"a": }`), &out, &bytes.Buffer{}); code != 1 {
		t.Fatalf("exit code = %d, want 1", code)
	}
	var got []struct {
		File        string           `json:"file"`
		Kind        string           `json:"kind"`
		API         string           `json:"api"`
		Objects     []map[string]any `json:"objects"`
		Diagnostics []map[string]any `json:"diagnostics"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out.String())
	}
	if len(got) != 1 || got[0].File != "-" || got[0].API != "v1.0" || got[0].Objects == nil || len(got[0].Diagnostics) == 0 {
		t.Fatalf("got %+v", got)
	}
	d := got[0].Diagnostics[0]
	for _, k := range []string{"severity", "code", "message", "pointer", "line", "column", "endLine", "endColumn", "offset", "length"} {
		if _, ok := d[k]; !ok {
			t.Errorf("diagnostic lacks %q: %v", k, d)
		}
	}
	if d["line"] != 1.0 || d["column"] != 7.0 {
		t.Errorf("position = %v:%v, want 1:7", d["line"], d["column"])
	}
}

func TestTooLargeInputIsRefused(t *testing.T) {
	defer func(n int) { maxInput = n }(maxInput)
	maxInput = 1 << 10
	big := strings.NewReader(strings.Repeat(" ", maxInput+1))
	var errOut bytes.Buffer
	if code := run(nil, big, &bytes.Buffer{}, &errOut); code != 2 {
		t.Fatalf("exit code = %d, want 2", code)
	}
	if !strings.Contains(errOut.String(), "larger than") {
		t.Errorf("stderr = %q, want it to say the input is too large", errOut.String())
	}
}
