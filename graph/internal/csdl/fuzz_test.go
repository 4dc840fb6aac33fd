package csdl

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// FuzzParse feeds Parse arbitrary documents, seeded from testdata/*.xml.
// Invariants: no panic; a failure is an *Error located inside the input; a
// success is fully resolved (sorted types, every reference known and
// written with its namespace, not an alias).
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "*.xml"))
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse(data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("got error of type %T (%v), want *Error", err, err)
			}
			if lines := bytes.Count(data, []byte("\n")) + 1; e.Line < 0 || e.Line > lines {
				t.Fatalf("error line %d outside the input's %d lines: %v", e.Line, lines, err)
			}
			return
		}
		known := map[string]*Type{}
		for _, ty := range d.Types {
			known[ty.Name] = ty
		}
		if !sort.SliceIsSorted(d.Types, func(i, j int) bool { return d.Types[i].Name < d.Types[j].Name }) {
			t.Fatal("types not sorted by name")
		}
		for _, ty := range d.Types {
			if ty.Base != "" && known[ty.Base] == nil {
				t.Fatalf("type %s: base %s unresolved", ty.Name, ty.Base)
			}
			for _, p := range ty.Properties {
				if known[p.Type] == nil && !isPrimitive(p.Type) {
					t.Fatalf("property %s.%s: type %s unresolved", ty.Name, p.Name, p.Type)
				}
				for a := range d.Aliases {
					if strings.HasPrefix(p.Type, a+".") && known[p.Type] == nil {
						t.Fatalf("property %s.%s: alias %s left in %s", ty.Name, p.Name, a, p.Type)
					}
				}
			}
		}
	})
}
