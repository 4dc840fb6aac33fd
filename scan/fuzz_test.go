package scan

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"unicode/utf8"
)

// testdataFiles reads the sample documents under testdata/.
func testdataFiles() [][]byte {
	names, _ := filepath.Glob(filepath.Join("testdata", "*.json"))
	var out [][]byte
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			panic(err)
		}
		out = append(out, b)
	}
	return out
}

func TestTestdataFiles(t *testing.T) {
	// The corpus holds both documents Parse accepts and ones it recovers.
	files := testdataFiles()
	if len(files) < 5 {
		t.Fatalf("got %d files under testdata, want at least 5", len(files))
	}
	var clean, recovered int
	for _, src := range files {
		doc, issues := Parse(src)
		checkInvariants(t, src, doc, issues)
		switch {
		case doc != nil && len(issues) == 0:
			clean++
		case doc != nil:
			recovered++
		}
	}
	if clean == 0 || recovered == 0 {
		t.Errorf("got %d clean and %d recovered files, want some of each", clean, recovered)
	}
}

// FuzzParse checks, for any input: no panic; issues located inside it; a
// Doc exactly when no issue is fatal; a well-formed node tree; the same
// result twice; agreement with encoding/json.Valid; and fixes that never
// overlap and, when every error has one, leave a document with no error.
func FuzzParse(f *testing.F) {
	for _, src := range corpus() {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, issues := Parse(src)
		checkInvariants(t, src, doc, issues)

		doc2, issues2 := Parse(src)
		if !reflect.DeepEqual(issues, issues2) || (doc == nil) != (doc2 == nil) || doc != nil && !reflect.DeepEqual(doc.Nodes, doc2.Nodes) {
			t.Fatalf("got different results for the same input")
		}

		valid := json.Valid(src)
		bom := hasCode(issues, CodeBOM)
		if valid && utf8.Valid(src) {
			if doc == nil {
				t.Fatalf("encoding/json accepts %q, got %v", src, describe(issues))
			}
			for _, is := range issues {
				if is.Severity == SeverityError {
					t.Fatalf("encoding/json accepts %q, got %v", src, describe(issues))
				}
			}
		}
		if doc != nil && !hasError(issues) && !bom && !valid {
			t.Fatalf("encoding/json rejects %q, got no error", src)
		}

		fixed, ok := applyFixes(src, issues)
		if !ok {
			t.Fatalf("got overlapping fixes: %v", describe(issues))
		}
		if doc == nil || hasCode(issues, CodeTooManyIssues) {
			return
		}
		for _, is := range issues {
			if is.Severity == SeverityError && is.Fix == nil {
				return
			}
		}
		fdoc, fissues := Parse(fixed)
		if fdoc == nil || hasError(fissues) {
			t.Fatalf("%q fixed to %q, which still has errors: %v", src, fixed, describe(fissues))
		}
		if utf8.Valid(fixed) && !json.Valid(fixed) {
			t.Fatalf("%q fixed to %q, which encoding/json rejects", src, fixed)
		}
	})
}
