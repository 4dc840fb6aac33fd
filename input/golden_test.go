package input

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the testdata/*.golden files from the current output")

// testdataInputs lists the inputs under testdata: every file but the golden
// ones.
func testdataInputs(t testing.TB) []string {
	t.Helper()
	var files []string
	for _, pattern := range []string{"*.md", "*.http", "*.txt", "*.json"} {
		m, err := filepath.Glob(filepath.Join("testdata", pattern))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		t.Fatal("no inputs under testdata")
	}
	return files
}

// TestGolden parses every testdata input with form detection and compares
// the rendering of its Split with the file's .golden twin. Run
// `go test ./input/ -run Golden -update` to rewrite them, then read the diff.
func TestGolden(t *testing.T) {
	for _, file := range testdataInputs(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			s := Parse(src, "")
			checkInvariants(t, src, s)
			got := render(src, s)
			golden := file + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s; run with -update and read the diff.\ngot:\n%s", file, golden, got)
			}
		})
	}
}

// TestGoldenForms checks that each testdata file is recognised as the form
// its name says, so that a golden file cannot silently record a wrong
// detection.
func TestGoldenForms(t *testing.T) {
	for _, file := range testdataInputs(t) {
		want := map[string]Form{".md": Markdown, ".http": HTTP, ".json": JSON}[filepath.Ext(file)]
		switch {
		case strings.HasSuffix(file, "-log.txt"):
			want = Log
		case filepath.Ext(file) == ".txt":
			want = ""
		}
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if got := Parse(src, "").Form; got != want {
			t.Errorf("%s: got form %q, want %q", file, got, want)
		}
	}
}
