package check

import (
	"bufio"
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// corpusEntry is one line of testdata/corpus/MANIFEST.tsv.
type corpusEntry struct {
	path, api, title string
	codes            []string
}

func readManifest(t *testing.T) []corpusEntry {
	t.Helper()
	f, err := os.Open("testdata/corpus/MANIFEST.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var entries []corpusEntry
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if n == 1 || strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) != 5 {
			t.Fatalf("MANIFEST.tsv:%d: %d columns, want 5 (path, api, codes, title, purpose)", n, len(cols))
		}
		if strings.TrimSpace(cols[4]) == "" {
			t.Fatalf("MANIFEST.tsv:%d: %s has no purpose (the Examples list shows it)", n, cols[0])
		}
		entries = append(entries, corpusEntry{path: cols[0], api: cols[1], codes: strings.Fields(cols[2]), title: cols[3]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(entries) == 0 {
		t.Fatal("MANIFEST.tsv lists no files")
	}
	return entries
}

// render writes a result as the text a reviewer reads in a golden diff.
func render(r *Result) []byte {
	var b bytes.Buffer
	b.WriteString("kind: " + string(r.Kind) + "\napi: " + r.API + "\n")
	for _, o := range r.Objects {
		b.WriteString("object " + strconv.Quote(o.Pointer) + " " + o.Type + "\n")
	}
	for _, d := range r.Diagnostics {
		b.WriteString(strconv.Itoa(d.Line) + ":" + strconv.Itoa(d.Column) + "-" + strconv.Itoa(d.EndLine) + ":" + strconv.Itoa(d.EndColumn) +
			" " + string(d.Severity) + " " + d.Code + " " + strconv.Quote(d.Pointer) + "\n    " + d.Message + "\n")
		if f := d.Fix; f != nil {
			b.WriteString("    fix: " + f.Title + ": [" + strconv.Itoa(f.Offset) + "+" + strconv.Itoa(f.Length) + "] → " + strconv.Quote(f.Replacement) + "\n")
		}
	}
	return b.Bytes()
}

// TestCorpus validates every corpus file, checks the codes its manifest
// line promises, and compares the whole result with its golden files: a
// readable .golden and the exact JSON the CLI prints (.json), which the
// wasm adapter's test compares with what the page receives.
func TestCorpus(t *testing.T) {
	for _, e := range readManifest(t) {
		t.Run(e.path, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("testdata/corpus", e.path))
			if err != nil {
				t.Fatal(err)
			}
			r := Validate(src, &Options{API: e.api})
			got := map[string]bool{}
			for _, d := range r.Diagnostics {
				got[d.Code] = true
				if d.Offset < 0 || d.Offset+d.Length > len(src) {
					t.Errorf("%s: range [%d+%d] outside the %d-byte input", d.Code, d.Offset, d.Length, len(src))
				}
			}
			for _, c := range e.codes {
				if !got[c] {
					t.Errorf("no %s finding, which the manifest expects; got %s", c, codes(r))
				}
			}
			if len(e.codes) == 0 {
				for _, d := range r.Diagnostics {
					if d.Severity != Info {
						t.Errorf("a valid file has %s %s at %s: %s", d.Severity, d.Code, d.Pointer, d.Message)
					}
				}
			}
			golden(t, filepath.Join("testdata/golden", e.path+".golden"), render(r))
			golden(t, filepath.Join("testdata/golden", e.path+".json"), append(r.AppendJSON(nil), '\n'))
		})
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./check -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the result (go test ./check -update rewrites it after review):\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// TestRulesDocumented keeps docs/rules.md and the code in step: every code
// the corpus produces is documented, and every documented code is produced
// by some corpus file or by its own example in docs/rules.md.
func TestRulesDocumented(t *testing.T) {
	documented := map[string]bool{}
	for _, r := range readRules(t) {
		documented[r.code] = true
	}
	produced := map[string]string{}
	for _, e := range readManifest(t) {
		src, err := os.ReadFile(filepath.Join("testdata/corpus", e.path))
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range Validate(src, &Options{API: e.api}).Diagnostics {
			produced[d.Code] = e.path
		}
	}
	var missing []string
	for c, path := range produced {
		if !documented[c] {
			missing = append(missing, c+" (from "+path+")")
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("codes produced but not documented in docs/rules.md: %s", strings.Join(missing, ", "))
	}
}
