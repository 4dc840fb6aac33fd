package docs

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestRules(t *testing.T) {
	tests := []struct {
		code, severity, summary, exampleLang, example string
	}{
		{"trailing-comma", "error", "A comma after the last member or element, which JavaScript allows and JSON does not.",
			"json", "{\"id\": \"a\", \"status\": \"Running\",}\n"},
		{"duplicate-key", "warning", "A member name appears twice in one object; Graph clients silently keep only one of them.",
			"json", "{\"id\": \"a\", \"status\": \"Running\", \"status\": \"Completed\"}\n"},
		{"log-prefix-skipped", "info", "Text before the first `{` (a timestamp, \"Received notification:\") was skipped; the message quotes it.",
			"text", "2026-11-26T10:15:02.118Z INFO Received notification: {\"id\": \"a\", \"status\": \"Running\", \"@odata.type\": \"#microsoft.graph.playPromptOperation\"}\n"},
		{"http-content-length", "error",
			"error; info inside a docs block marked `\"truncated\": true`, where a shorter body is expected. `Content-Length` does not match the body's bytes.",
			"http", "HTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: 12\n\n{\"@odata.type\": \"#microsoft.graph.playPromptOperation\", \"id\": \"a\", \"status\": \"Running\"}\n"},
		{"too-deep", "error", "Nesting deeper than the scanner follows (10,000 levels); no real payload comes close.", "", ""},
		{"unannotated-blocks", "info", "A docs page none of whose code blocks carries an annotation, so nothing on it is checked.",
			"markdown", "# Notes\n```json\n{\"id\": \"a\"}\n```\n"},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			r, ok := Lookup(tt.code)
			if !ok {
				t.Fatalf("no rule %s", tt.code)
			}
			if r.Severity != tt.severity {
				t.Errorf("got severity %q, want %q", r.Severity, tt.severity)
			}
			if r.Summary != tt.summary {
				t.Errorf("got summary %q, want %q", r.Summary, tt.summary)
			}
			if r.ExampleLang != tt.exampleLang || r.Example != tt.example {
				t.Errorf("got example %q %q, want %q %q", r.ExampleLang, r.Example, tt.exampleLang, tt.example)
			}
			if !strings.HasPrefix(r.Description, tt.severity) || strings.Contains(r.Description, "**") {
				t.Errorf("got description %q, want plain text that starts with the severity", r.Description)
			}
			if strings.HasPrefix(r.Markdown, "###") || !strings.HasPrefix(r.Markdown, "**") {
				t.Errorf("got markdown %q, want the entry without its heading", r.Markdown)
			}
		})
	}
	if _, ok := Lookup("no-such-code"); ok {
		t.Error("Lookup found a code rules.md does not list")
	}
}

// TestEveryRuleComplete checks that every entry has what a rule needs: a
// severity, a one-sentence summary that names no severity in bold, and a
// section that does not run into the next heading.
func TestEveryRuleComplete(t *testing.T) {
	rules := Rules()
	if len(rules) < 40 {
		t.Fatalf("got %d rules from rules.md; the headings must read ### `code`", len(rules))
	}
	seen := map[string]bool{}
	for _, r := range rules {
		if seen[r.Code] {
			t.Errorf("%s: listed twice", r.Code)
		}
		seen[r.Code] = true
		if r.Severity == "" || r.Summary == "" || strings.Contains(r.Summary, "**") || !strings.HasSuffix(r.Summary, ".") {
			t.Errorf("%s: got severity %q, summary %q", r.Code, r.Severity, r.Summary)
		}
		if strings.Contains(r.Markdown, "\n## ") {
			t.Errorf("%s: the entry runs into a heading:\n%s", r.Code, r.Markdown)
		}
	}
}

// TestEveryEmittedCodeHasRule reads the checker's sources and checks that
// every code they can report has an entry in rules.md: the second argument
// of each report, reportNode and reportKey call in check, of each add call
// in input that passes a code, and every Code constant of scan.
func TestEveryEmittedCodeHasRule(t *testing.T) {
	codes := map[string]string{} // code -> where
	for _, dir := range []string{"../check", "../scan", "../input"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		fset := token.NewFileSet()
		for _, file := range files {
			if strings.HasSuffix(file, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, file, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					sel, ok := n.Fun.(*ast.SelectorExpr)
					if !ok || len(n.Args) < 2 || !slices.Contains([]string{"report", "reportNode", "reportKey", "add"}, sel.Sel.Name) {
						return true
					}
					if code, ok := stringLit(n.Args[1]); ok {
						codes[code] = fset.Position(n.Pos()).String()
					}
				case *ast.ValueSpec:
					for i, name := range n.Names {
						if strings.HasPrefix(name.Name, "Code") && i < len(n.Values) {
							if code, ok := stringLit(n.Values[i]); ok {
								codes[code] = fset.Position(name.Pos()).String()
							}
						}
					}
				}
				return true
			})
		}
	}
	if len(codes) < 40 {
		t.Fatalf("found %d codes in the sources; the calls that report them have changed shape", len(codes))
	}
	for code, where := range codes {
		if why := unreachable[code]; why != "" {
			t.Logf("%s: not listed: %s", code, why)
			continue
		}
		if _, ok := Lookup(code); !ok {
			t.Errorf("%s (reported at %s) has no entry in rules.md", code, where)
		}
	}
}

// unreachable are codes in the sources that no input to check.Validate can
// produce, and why.
var unreachable = map[string]string{
	"form": "input.Parse's answer to an unknown forced form; check.Options.Verify refuses such a kind first",
}

func stringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}
