package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"opcheck/docs"
)

var update = flag.Bool("update", false, "rewrite testdata/golden from the current output")

// goldenInputs are checked together, as a workflow would check a folder:
// an HTTP response with errors on several lines, a log line with an info,
// and JSON whose finding follows characters outside ASCII and the BMP.
var goldenInputs = []string{"testdata/response.http", "testdata/log.txt", "testdata/nonascii.json"}

// TestFormatsGolden runs the command with each CI format on goldenInputs and
// compares its output with testdata/golden (go test -update rewrites them).
func TestFormatsGolden(t *testing.T) {
	for _, format := range []string{"sarif", "github"} {
		t.Run(format, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if code := run(append([]string{"-format", format}, goldenInputs...), nil, &out, &errOut); code != 1 {
				t.Fatalf("exit code = %d, want 1, as for text (stderr %q)", code, errOut.String())
			}
			golden := filepath.Join("testdata", "golden", "findings."+format)
			if *update {
				if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out.Bytes(), want) {
				t.Errorf("output differs from %s (go test -update rewrites it; review the diff):\n%s", golden, out.String())
			}
		})
	}
}

// sarifOf runs the command with -format sarif on stdin and decodes the log.
func sarifOf(t *testing.T, stdin string) (sarifLog, []byte) {
	t.Helper()
	var out, errOut bytes.Buffer
	run([]string{"-format", "sarif"}, strings.NewReader(stdin), &out, &errOut)
	var log sarifLog
	if err := json.Unmarshal(out.Bytes(), &log); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out.String())
	}
	return log, out.Bytes()
}

// TestSARIFColumns checks that regions count code points, as the run's
// columnKind says, where UTF-16 code units would give other numbers.
func TestSARIFColumns(t *testing.T) {
	tests := []struct {
		name, in, code   string
		startCol, endCol int
	}{
		{"ascii", `{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "a", "status": "Complete"}`, "enum-unknown", 78, 88},
		{"accents and an emoji before", `{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "é🎵", "status": "Complété"}`, "enum-unknown", 79, 89},
		{"emoji inside", `{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "a", "status": "🎵🎵"}`, "enum-unknown", 78, 82},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			log, _ := sarifOf(t, tt.in)
			run := log.Runs[0]
			if run.ColumnKind != "unicodeCodePoints" {
				t.Errorf("got columnKind %q, want unicodeCodePoints", run.ColumnKind)
			}
			if len(run.Results) != 1 || run.Results[0].RuleID != tt.code {
				t.Fatalf("got results %+v, want one %s", run.Results, tt.code)
			}
			r := run.Results[0].Locations[0].Physical.Region
			if r.StartLine != 1 || r.EndLine != 1 || r.StartColumn != tt.startCol || r.EndColumn != tt.endCol {
				t.Errorf("got region %+v, want line 1, columns %d-%d", r, tt.startCol, tt.endCol)
			}
			// The value's opening quote follows the last ": "; counted in
			// code points it is the start column, and the emoji cases
			// show that UTF-16 units would count differently.
			prefix := tt.in[:strings.LastIndex(tt.in, ": ")+2]
			if got := utf8.RuneCountInString(prefix) + 1; got != tt.startCol {
				t.Errorf("the value starts at code point column %d, want the case to say %d", got, tt.startCol)
			}
			units := len(utf16.Encode([]rune(tt.in)))
			if differs := units != utf8.RuneCountInString(tt.in); differs != strings.ContainsRune(tt.in, '🎵') {
				t.Errorf("UTF-16 units %d, code points %d: the case does not test what it says", units, utf8.RuneCountInString(tt.in))
			}
		})
	}
}

// TestSARIFRules checks the rules: one per code among the results, in
// order, each described from docs/rules.md, and each result's ruleIndex
// naming its rule.
func TestSARIFRules(t *testing.T) {
	src, err := os.ReadFile("testdata/response.http")
	if err != nil {
		t.Fatal(err)
	}
	log, _ := sarifOf(t, string(src))
	if log.Version != "2.1.0" || len(log.Runs) != 1 {
		t.Fatalf("got version %q and %d runs, want 2.1.0 and 1", log.Version, len(log.Runs))
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name != "opcheck" {
		t.Errorf("got driver %q, want opcheck", run.Tool.Driver.Name)
	}
	rules := run.Tool.Driver.Rules
	codes := map[string]bool{}
	for _, res := range run.Results {
		codes[res.RuleID] = true
		if res.RuleIndex < 0 || res.RuleIndex >= len(rules) || rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s has ruleIndex %d, which is not its rule", res.RuleID, res.RuleIndex)
		}
		if res.Message.Text == "" || res.Locations[0].Physical.Artifact.URI != "-" {
			t.Errorf("result %s: got message %q, uri %q", res.RuleID, res.Message.Text, res.Locations[0].Physical.Artifact.URI)
		}
	}
	if len(rules) != len(codes) || len(rules) < 4 {
		t.Errorf("got %d rules for %d codes, want one each (and the sample to have several)", len(rules), len(codes))
	}
	levels := map[string]string{"error": "error", "warning": "warning", "info": "note"}
	for i, r := range rules {
		if i > 0 && rules[i-1].ID >= r.ID {
			t.Errorf("rules out of order: %s before %s", rules[i-1].ID, r.ID)
		}
		doc, ok := docs.Lookup(r.ID)
		if !ok {
			t.Fatalf("rule %s is not in rules.md", r.ID)
		}
		if r.ShortDescription == nil || r.ShortDescription.Text != doc.Summary || r.Help == nil ||
			!strings.Contains(r.Help.Text, doc.Description) || !strings.Contains(r.Help.Text, doc.Example) || r.Help.Markdown != doc.Markdown {
			t.Errorf("rule %s is not described from rules.md: %+v", r.ID, r)
		}
		if r.Default.Level != levels[doc.Severity] {
			t.Errorf("rule %s: got level %q, want %q", r.ID, r.Default.Level, levels[doc.Severity])
		}
	}
}

func TestFileURI(t *testing.T) {
	tests := []struct{ name, want string }{
		{"-", "-"},
		{"ops/a.json", "ops/a.json"},
		{"my ops/50% #1.json", "my%20ops/50%25%20%231.json"},
		{"a:b.json", "./a:b.json"},
		{"/srv/ops/a.json", "file:///srv/ops/a.json"},
	}
	for _, tt := range tests {
		if got := fileURI(tt.name); got != tt.want {
			t.Errorf("fileURI(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestSARIFSchema validates the golden log, and logs of every kind of input
// in the check corpus, against the SARIF 2.1.0 JSON schema with ajv under
// Node (make test installs them: testdata/sarif/package.json). A broken log
// must fail, so that the validator is known to look.
func TestSARIFSchema(t *testing.T) {
	dir := filepath.Join("testdata", "sarif")
	if _, err := exec.LookPath("node"); err != nil {
		missing(t, "node is not installed; the SARIF schema is checked with ajv under Node")
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules", "@microsoft", "jest-sarif")); err != nil {
		missing(t, "the schema's npm packages are missing: run `make sarif-schema` (make test does)")
	}
	tmp := t.TempDir()
	files := []string{filepath.Join("testdata", "golden", "findings.sarif")}
	corpus, _ := filepath.Glob(filepath.Join("..", "..", "check", "testdata", "corpus", "*", "*"))
	if len(corpus) == 0 {
		t.Fatal("no check corpus found")
	}
	var out bytes.Buffer
	run(append([]string{"-format", "sarif"}, corpus...), nil, &out, &bytes.Buffer{})
	files = append(files, write(t, tmp, "corpus.sarif", out.Bytes()))
	empty, _ := sarifOf(t, `{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "a", "status": "Running"}`)
	b, _ := json.Marshal(empty)
	files = append(files, write(t, tmp, "clean.sarif", b))
	broken := write(t, tmp, "broken.sarif", []byte(`{"version": "2.1.0", "runs": [{"tool": {"driver": {}}, "columnKind": "bytes"}]}`))
	files = append(files, broken)

	abs := make([]string, len(files))
	for i, f := range files {
		abs[i], _ = filepath.Abs(f)
	}
	cmd := exec.Command("node", append([]string{"validate.cjs"}, abs...)...)
	cmd.Dir = dir
	res, err := cmd.Output()
	if err != nil {
		t.Fatalf("node validate.cjs: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(res)), "\n")
	if len(lines) != len(files) {
		t.Fatalf("got %d verdicts for %d files:\n%s", len(lines), len(files), res)
	}
	for i, line := range lines {
		var v struct {
			Valid  bool  `json:"valid"`
			Errors []any `json:"errors"`
		}
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			t.Fatal(err)
		}
		if want := files[i] != broken; v.Valid != want {
			t.Errorf("%s: got valid %v, want %v: %v", files[i], v.Valid, want, v.Errors)
		}
	}
	if out.Len() < 10000 {
		t.Errorf("the corpus log has %d bytes; it should hold many results", out.Len())
	}
}

// missing skips a test whose tools are not installed, except in CI, where
// make installs them and their absence is a failure.
func missing(t *testing.T, why string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatal(why)
	}
	t.Skip(why)
}

func write(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
