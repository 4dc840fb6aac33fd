package graph

import (
	"os"
	"path/filepath"
	"testing"

	"opcheck/graph/internal/csdl"
)

// BenchmarkBuild measures what package initialisation pays: linking the
// generated tables of both versions into Models.
func BenchmarkBuild(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if ms := build(apiRows[:]); len(ms) != 2 {
			b.Fatalf("got %d models, want 2", len(ms))
		}
	}
}

// BenchmarkParseXML is the obvious alternative to BenchmarkBuild: parsing
// both CSDL files at start-up (it does less, since it builds no Model).
func BenchmarkParseXML(b *testing.B) {
	dir := filepath.Join("..", "..", "shared", "graph-metadata")
	v1, err1 := os.ReadFile(filepath.Join(dir, "comms-v1.0.csdl.xml"))
	beta, err2 := os.ReadFile(filepath.Join(dir, "comms-beta.csdl.xml"))
	if err1 != nil || err2 != nil {
		b.Skipf("The metadata directory %s is not here: %v %v", dir, err1, err2)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, data := range [][]byte{v1, beta} {
			if _, err := csdl.Parse(data); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkType(b *testing.B) {
	m := Lookup("beta")
	for _, name := range []string{"#microsoft.graph.playPromptOperation", "#graph.playPromptOperation", "#Edm.String"} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if m.Type(name) == nil {
					b.Fatal("not found")
				}
			}
		})
	}
}

func BenchmarkProperty(b *testing.B) {
	t := Lookup("beta").Type("microsoft.graph.playPromptOperation")
	for _, name := range []string{"completionReason", "status", "id", "missing"} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				t.Property(name)
			}
		})
	}
}
