package graph_test

import (
	"go/parser"
	"go/token"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestRuntimeImports keeps the package light for WebAssembly and free of
// platform code: its non-test files may not import these.
func TestRuntimeImports(t *testing.T) {
	forbidden := map[string]string{
		"fmt":                         "size in the wasm binary",
		"encoding/json":               "size and reflection",
		"encoding/xml":                "the model must not parse XML at runtime",
		"reflect":                     "size",
		"regexp":                      "size and speed",
		"os":                          "the core stays platform-free",
		"net/http":                    "the core stays platform-free",
		"syscall/js":                  "the core stays platform-free",
		"github.com/hack-pad/safejs":  "the core stays platform-free",
		"opcheck/graph/internal/csdl": "the parser is for go generate only",
	}
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if why, bad := forbidden[path]; bad {
				t.Errorf("%s imports %s; want no such import (%s)", name, path, why)
			}
		}
	}
	if checked == 0 {
		t.Fatal("got no Go files to check, want the package's sources")
	}
}
