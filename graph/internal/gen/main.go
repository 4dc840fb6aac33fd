// Command gen writes graph/tables_gen.go from the comms CSDL extracts.
// It is run by `go generate ./graph` from the graph directory:
//
//	go run ./internal/gen [-metadata DIR] [-out FILE]
//
// DIR holds comms-v1.0.csdl.xml and comms-beta.csdl.xml (default
// ../../shared/graph-metadata, relative to the graph directory).
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"opcheck/graph/internal/csdl"
)

// Files names each version's CSDL file inside the metadata directory.
var files = map[string]string{
	"v1.0": "comms-v1.0.csdl.xml",
	"beta": "comms-beta.csdl.xml",
}

func main() {
	dir := flag.String("metadata", filepath.Join("..", "..", "shared", "graph-metadata"), "directory holding the comms CSDL files")
	out := flag.String("out", "tables_gen.go", "Go file to write")
	flag.Parse()
	if err := run(*dir, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(dir, out string) error {
	v1, err := os.ReadFile(filepath.Join(dir, files["v1.0"]))
	if err != nil {
		return err
	}
	beta, err := os.ReadFile(filepath.Join(dir, files["beta"]))
	if err != nil {
		return err
	}
	src, err := csdl.Generate(v1, beta)
	if err != nil {
		var e *csdl.Error
		if errors.As(err, &e) && e.API != "" && e.Line > 0 {
			// Point at the file so editors can jump to the line.
			return fmt.Errorf("%s:%d:%d: %s", filepath.Join(dir, files[e.API]), e.Line, e.Col, e.Msg)
		}
		return err
	}
	if old, err := os.ReadFile(out); err == nil && bytes.Equal(old, src) {
		return nil
	}
	return os.WriteFile(out, src, 0o644)
}
