package graph_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"opcheck/graph/internal/csdl"
)

// metadataDir is where go generate reads the CSDL extracts, relative to
// this package's directory.
var metadataDir = filepath.Join("..", "..", "shared", "graph-metadata")

// TestTablesUpToDate regenerates tables_gen.go in memory and fails if the
// committed file differs, so that a metadata update cannot be forgotten.
func TestTablesUpToDate(t *testing.T) {
	v1, err := os.ReadFile(filepath.Join(metadataDir, "comms-v1.0.csdl.xml"))
	if os.IsNotExist(err) {
		t.Skipf("The metadata directory %s is not here, so the generated tables cannot be compared with it.", metadataDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	beta, err := os.ReadFile(filepath.Join(metadataDir, "comms-beta.csdl.xml"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := csdl.Generate(v1, beta)
	if err != nil {
		t.Fatalf("regenerating from %s: %v", metadataDir, err)
	}
	got, err := os.ReadFile("tables_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("tables_gen.go is stale: it differs from what %s generates; run `go generate ./graph` and commit the result", metadataDir)
	}
}
