//go:build !js

package main

import (
	"go/build/constraint"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEveryFileIsWasmOnly keeps the adapters out of native builds: every Go
// file under wasm/ but this one must carry the js && wasm constraint.
func TestEveryFileIsWasmOnly(t *testing.T) {
	var files []string
	err := filepath.WalkDir(".", func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, name := range files {
		if name == "tags_test.go" {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, src, parser.PackageClauseOnly|parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		var expr constraint.Expr
		for _, group := range f.Comments {
			if group.Pos() > f.Package {
				break
			}
			for _, c := range group.List {
				if strings.HasPrefix(c.Text, "//go:build ") {
					if expr, err = constraint.Parse(c.Text); err != nil {
						t.Fatalf("%s: %v", name, err)
					}
				}
			}
		}
		if expr == nil {
			t.Errorf("%s: no //go:build line; want //go:build js && wasm", name)
			continue
		}
		tags := func(want map[string]bool) func(string) bool { return func(tag string) bool { return want[tag] } }
		all := map[string]bool{"js": true, "wasm": true, "opcheck_testhook": true}
		if expr.Eval(tags(map[string]bool{"js": true, "opcheck_testhook": true})) || expr.Eval(tags(map[string]bool{"wasm": true, "opcheck_testhook": true})) || !expr.Eval(tags(all)) {
			t.Errorf("%s: build constraint %q, want js && wasm", name, expr)
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("no adapter files found")
	}
}
