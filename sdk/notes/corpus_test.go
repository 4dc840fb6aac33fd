package notes

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"opcheck/check"
	"opcheck/sdk"
)

// corpusDir is package check's corpus, whose findings the notes are about.
const corpusDir = "../../check/testdata/corpus"

// TestCorpus annotates the findings of every file of check's corpus and
// compares the notes with testdata/corpus.golden: per file, each finding
// with notes (position, code, pointer) and its sentences, one SDK a line.
// check's own goldens hold the findings without them.
func TestCorpus(t *testing.T) {
	f, err := os.Open(filepath.Join(corpusDir, "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b bytes.Buffer
	files, noted := 0, 0
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		cols := strings.Split(sc.Text(), "\t")
		if n == 1 || len(cols) < 2 {
			continue
		}
		src, err := os.ReadFile(filepath.Join(corpusDir, cols[0]))
		if err != nil {
			t.Fatal(err)
		}
		files++
		r := check.Validate(src, &check.Options{API: cols[1]})
		Annotate(src, r)
		head := false
		for _, d := range r.Diagnostics {
			if d.SDK == nil {
				continue
			}
			if !head {
				b.WriteString("== " + cols[0] + "\n")
				head = true
			}
			noted++
			b.WriteString(strconv.Itoa(d.Line) + ":" + strconv.Itoa(d.Column) + " " + d.Code + " " + strconv.Quote(d.Pointer) + "\n")
			for _, l := range sdk.Langs() {
				if s := Get(d.SDK, l); s != "" {
					b.WriteString("    " + l.String() + ": " + s + "\n")
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if files == 0 || noted == 0 {
		t.Fatalf("%d corpus files, %d findings with notes: the corpus should give some", files, noted)
	}
	const path = "testdata/corpus.golden"
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./sdk/notes -update writes it)", err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("%s differs from the notes (go test ./sdk/notes -update rewrites it after review):\n--- got\n%s", path, b.Bytes())
	}
}
