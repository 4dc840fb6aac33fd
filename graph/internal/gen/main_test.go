package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// csdlDir is the parser's testdata, two small valid documents.
var csdlDir = filepath.Join("..", "csdl", "testdata")

// writeMetadata puts v1 and beta under the file names run reads.
func writeMetadata(t *testing.T, v1, beta []byte) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range map[string][]byte{files["v1.0"]: v1, files["beta"]: beta} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestRun(t *testing.T) {
	v1, err := os.ReadFile(filepath.Join(csdlDir, "v1.xml"))
	if err != nil {
		t.Fatal(err)
	}
	beta, err := os.ReadFile(filepath.Join(csdlDir, "beta.xml"))
	if err != nil {
		t.Fatal(err)
	}
	broken := []byte(strings.Replace(string(beta), `Type="graph.resultInfo"`, `Type="graph.nowhere"`, 1))
	tests := []struct {
		name    string
		v1      []byte
		beta    []byte
		wantErr string // "" for success
	}{
		{"valid", v1, beta, ""},
		{"broken beta names file, line and type", v1, broken, files["beta"] + ":23:9: property microsoft.graph.commsOperation.resultInfo: unknown type graph.nowhere"},
		{"broken v1.0", broken, beta, files["v1.0"] + ":23:9:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeMetadata(t, tt.v1, tt.beta)
			out := filepath.Join(t.TempDir(), "tables_gen.go")
			err := run(dir, out)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("got error %v, want one containing %q", err, tt.wantErr)
				}
				if _, statErr := os.Stat(out); !os.IsNotExist(statErr) {
					t.Errorf("got %s written, want no output on error", out)
				}
				return
			}
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			src, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(src), "// Code generated ") || !strings.Contains(string(src), "DO NOT EDIT.") {
				t.Errorf("got output starting %q, want a generated-code header", src[:min(len(src), 60)])
			}
		})
	}
}

func TestRunMissingDir(t *testing.T) {
	err := run(filepath.Join(t.TempDir(), "absent"), filepath.Join(t.TempDir(), "out.go"))
	if err == nil || !strings.Contains(err.Error(), files["v1.0"]) {
		t.Errorf("got error %v, want one naming %s", err, files["v1.0"])
	}
}
