//go:build js && wasm

package main

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hack-pad/safejs"

	"opcheck/wasm/internal/jstest"
	"opcheck/wasm/jsapi"
)

// TestCorpusMatchesCLI runs every corpus file through opcheck.validate, as
// the page calls it, and compares the result with the JSON golden file the
// CLI's output is checked against: the page and the command line must agree
// field for field.
func TestCorpusMatchesCLI(t *testing.T) {
	const dir = "../check/testdata"
	f, err := os.Open(filepath.Join(dir, "corpus/MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	stringify, err := safejs.MustGetGlobal("JSON").Get("stringify")
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(f)
	sc.Scan() // the header
	n := 0
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 2 {
			continue
		}
		path, apiVersion := cols[0], cols[1]
		src, err := os.ReadFile(filepath.Join(dir, "corpus", path))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(dir, "golden", path+".json"))
		if err != nil {
			t.Fatal(err)
		}
		v := jstest.Call(t, api, "validate", jstest.Bytes(t, string(src)), map[string]any{"api": apiVersion})
		if !jstest.OK(t, v) {
			t.Errorf("%s: %s", path, jstest.Str(t, v, "error.message"))
			continue
		}
		if err := v.Delete("ok"); err != nil {
			t.Fatal(err)
		}
		s, err := stringify.Invoke(v)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := s.String()
		// JSON.stringify escapes less than the core's encoder (<, >, &); compare
		// the decoded values by re-encoding the golden the same way.
		norm, err := stringify.Invoke(mustParse(t, string(want)))
		if err != nil {
			t.Fatal(err)
		}
		wantNorm, _ := norm.String()
		if got != wantNorm {
			t.Errorf("%s: the page's result differs from the CLI's:\npage: %s\ncli:  %s", path, got, wantNorm)
		}
		n++
	}
	if n == 0 {
		t.Fatal("no corpus files compared")
	}
}

func mustParse(t *testing.T, s string) safejs.Value {
	t.Helper()
	v, err := jsapi.ParseJSON(s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
