package csdl

import (
	"bytes"
	"errors"
	"flag"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestGenerateGolden pins the generated source for two small documents;
// reviewers read the diff of testdata/tables.golden when the output changes.
func TestGenerateGolden(t *testing.T) {
	got, err := Generate(readTestdata(t, "v1.xml"), readTestdata(t, "beta.xml"))
	if err != nil {
		t.Fatalf("Generate: got error %v, want none", err)
	}
	golden := filepath.Join("testdata", "tables.golden")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want := readTestdata(t, "tables.golden")
	if !bytes.Equal(got, want) {
		t.Errorf("generated source differs from %s (rerun with -update and review the diff):\n%s", golden, got)
	}
}

func TestGenerateOutput(t *testing.T) {
	src, err := Generate(readTestdata(t, "v1.xml"), readTestdata(t, "beta.xml"))
	if err != nil {
		t.Fatalf("Generate: got error %v, want none", err)
	}
	if first, _, _ := bytes.Cut(src, []byte("\n")); string(first) != Header {
		t.Errorf("got first line %q, want %q", first, Header)
	}
	f, err := parser.ParseFile(token.NewFileSet(), "tables_gen.go", src, 0)
	if err != nil {
		t.Fatalf("generated source does not parse: %v", err)
	}
	if got, want := f.Name.Name, "package graph"[len("package "):]; got != want {
		t.Errorf("got package %s, want %s", got, want)
	}
	for _, want := range []string{
		`api: "v1.0"`, `api: "beta"`,
		`{alias: "graph", namespace: "microsoft.graph"}`,
		`{name: "microsoft.graph.callRecords.userIdentity", kind: ComplexType, base: "microsoft.graph.identity", open: true`,
		`{name: "status", typ: "microsoft.graph.operationStatus"}`,
		`{name: "participants", typ: "Edm.String", collection: true, nullable: true}`,
		`{name: "Paused", value: 2}`,
		`stub: true`,
	} {
		// gofmt aligns keyed fields, so compare with spaces collapsed.
		if !strings.Contains(collapse(string(src)), want) {
			t.Errorf("generated source lacks %q", want)
		}
	}
}

func TestGenerateErrorNamesVersion(t *testing.T) {
	good := readTestdata(t, "v1.xml")
	bad := bytes.Replace(good, []byte(`Type="graph.resultInfo"`), []byte(`Type="graph.resultInfos"`), 1)
	tests := []struct {
		name     string
		v1, beta []byte
		wantAPI  string
	}{
		{"v1.0 broken", bad, good, "v1.0"},
		{"beta broken", good, bad, "beta"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Generate(tt.v1, tt.beta)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got error %v, want *Error", err)
			}
			if e.API != tt.wantAPI || !strings.Contains(e.Msg, "graph.resultInfos") {
				t.Errorf("got %v, want an error in %s naming graph.resultInfos", err, tt.wantAPI)
			}
		})
	}
}

// collapse replaces every run of spaces and tabs by one space.
func collapse(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}
