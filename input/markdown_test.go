package input

import (
	"strings"
	"testing"
)

// mdCases are Markdown inputs with the summary() of their Split.
var mdCases = []struct {
	name  string
	input string
	want  []string // summary(): parts, then findings
}{
	{
		name:  "example block",
		input: md("# T\n<!-- { \"blockType\": \"example\", \"@odata.type\": \"microsoft.graph.commsOperation\" } -->\n'''json\n{\"id\": \"1\"}\n'''\n"),
		want:  []string{"part 97+11"},
	},
	{
		name:  "annotation over lines and blank lines before the fence",
		input: md("<!-- {\n  \"blockType\": \"resource\"\n}\n-->\n\n\n'''json\n{}\n'''\n"),
		want:  []string{"part 49+2"},
	},
	{
		name:  "closing on the same line as the brace",
		input: md("<!-- {\n  \"blockType\": \"resource\"\n}-->\n'''json\n{}\n'''"),
		want:  []string{"part 46+2"},
	},
	{
		name:  "unannotated blocks are skipped on an annotated page",
		input: md("<!-- { \"blockType\": \"ignored\" } -->\n'''http\nGET x\n'''\n'''json\n{}\n'''\n"),
		want:  []string{"error no-json @0+0"},
	},
	{
		name:  "text between annotation and fence",
		input: md("<!-- { \"blockType\": \"resource\" } -->\nSome text.\n'''json\n{}\n'''\n"),
		want:  []string{"warning annotation @0+36", "error no-json @0+0"},
	},
	{
		name:  "annotation at the end",
		input: md("'''json\n{}\n'''\n<!-- { \"type\": \"#page.annotation\" } -->\n<!-- { \"blockType\": \"example\" } -->\n"),
		want:  []string{"error no-json @0+0", "warning annotation @55+35"},
	},
	{
		name:  "response block with http",
		input: md("<!-- { \"blockType\": \"response\", \"@odata.type\": \"x\" } -->\n'''http\nHTTP/1.1 200 OK\nContent-Length: 2\n\n{}\n'''\n"),
		want:  []string{"part 100+2"},
	},
	{
		name:  "response block with bare json",
		input: md("<!-- { \"blockType\": \"response\", \"@odata.type\": \"x\" } -->\n'''json\n\n  {}\n'''\n"),
		want:  []string{"part 68+2"},
	},
	{
		name:  "response without odata type",
		input: md("<!-- { \"blockType\": \"response\" } -->\n'''json\n{}\n'''\n"),
		want:  []string{"part 45+2", "info annotation @0+36"},
	},
	{
		name:  "truncated as a string",
		input: md("<!-- { \"blockType\": \"response\", \"truncated\": \"true\", \"@odata.type\": \"x\" } -->\n'''http\nHTTP/1.1 200 OK\nContent-Length: 9\n\n{}\n'''\n"),
		want:  []string{"part 121+2", "error annotation @45+6", "info http-content-length @118+1"},
	},
	{
		name:  "isCollection as a number",
		input: md("<!-- { \"blockType\": \"example\", \"isCollection\": 1, \"@odata.type\": \"x\" } -->\n'''json\n[]\n'''\n"),
		want:  []string{"part 83+2", "error annotation @47+1"},
	},
	{
		name:  "unknown block type",
		input: md("<!-- { \"blockType\": \"sample\" } -->\n'''json\n{}\n'''\n"),
		want:  []string{"error no-json @0+0", "error annotation @20+8"},
	},
	{
		name:  "block type in the wrong case",
		input: md("<!-- { \"blockType\": \"Resource\" } -->\n'''json\n{}\n'''\n"),
		want:  []string{"part 45+2", "error annotation @20+10"},
	},
	{
		name:  "malformed annotation",
		input: md("<!-- { \"blockType\": \"resource\", } -->\n'''json\n{}\n'''\n"),
		want:  []string{"part 46+2", "error annotation @30+1"},
	},
	{
		name:  "missing comma in annotation",
		input: md("<!-- { \"blockType\": \"resource\"\n \"name\": \"x\" } -->\n'''json\n{}\n'''\n"),
		want:  []string{"part 58+2", "error annotation @32+1"},
	},
	{
		name:  "unclosed annotation comment",
		input: md("<!-- { \"blockType\": \"resource\" }\n'''json\n{}\n'''\n"),
		want:  []string{"error annotation @0+4", "warning annotation @0+48", "error no-json @0+0", "error annotation @33+1"},
	},
	{
		name:  "unquoted member name applies nothing",
		input: md("<!-- { blockType: \"resource\" } -->\n'''json\n{}\n'''\n"),
		want:  []string{"error no-json @0+0", "error annotation @7+1"},
	},
	{
		name:  "text after the object keeps the members",
		input: md("<!-- { \"blockType\": \"resource\" } x -->\n'''json\n{}\n'''\n"),
		want:  []string{"part 47+2", "error annotation @33+1"},
	},
	{
		name: "deeply nested annotation",
		input: md("<!-- { \"blockType\": \"resource\", \"k\": " + strings.Repeat("[", 100) + strings.Repeat("]", 100) +
			" } -->\n'''json\n{}\n'''\n"),
		want: []string{"part 252+2"},
	},
	{
		name:  "request block",
		input: md("<!-- { \"blockType\": \"request\", \"name\": \"invite\" } -->\n'''http\nPOST https://graph.microsoft.com/v1.0/communications/calls/1/participants/invite\nContent-Type: application/json\n\n{\"participants\": []}\n'''\n"),
		want:  []string{"part 175+20"},
	},
	{
		name:  "request block with a bad request line",
		input: md("<!-- { \"blockType\": \"request\" } -->\n'''http\nGET ** Entity URI not found\n'''\n"),
		want:  []string{"part 71+0", "error request-line @44+27"},
	},
	{
		name:  "request block with lower-case method",
		input: md("<!-- { \"blockType\": \"request\" } -->\n'''http\npost /v1.0/communications/calls/1/mute\n'''\n"),
		want:  []string{"part 82+0", "error request-line @44+4"},
	},
	{
		name:  "request block with a wrong path",
		input: md("<!-- { \"blockType\": \"request\" } -->\n'''http\nGET https://graph.microsoft.com/v1.0/me\n'''\n"),
		want:  []string{"part 83+0", "warning request-path @48+35"},
	},
	{
		name:  "request block with bare json",
		input: md("<!-- { \"blockType\": \"request\" } -->\n'''json\n{\"a\": 1}\n'''\n"),
		want:  []string{"part 44+8", "error block-content @44+8"},
	},
	{
		name:  "request block holding a response",
		input: md("<!-- { \"blockType\": \"request\" } -->\n'''http\nHTTP/1.1 200 OK\n\n{}\n'''\n"),
		want:  []string{"part 61+2", "warning block-content @44+15"},
	},
	{
		name:  "response block holding a request",
		input: md("<!-- { \"blockType\": \"response\", \"@odata.type\": \"x\" } -->\n'''http\nGET /v1.0/communications/calls/1/operations/2\n'''\n"),
		want:  []string{"part 110+0", "warning block-content @65+45"},
	},
	{
		name:  "empty response block",
		input: md("<!-- { \"blockType\": \"response\", \"@odata.type\": \"x\" } -->\n'''http\n'''\n"),
		want:  []string{"error block-content @0+56", "error no-json @0+0"},
	},
	{
		name:  "resource block with text",
		input: md("<!-- { \"blockType\": \"resource\" } -->\n'''\nsee the table\n'''\n"),
		want:  []string{"error no-json @0+0", "error block-content @41+13"},
	},
	{
		name:  "unclosed fence",
		input: "<!-- { \"blockType\": \"resource\" } -->\n````json\n{}\n```\n",
		want:  []string{"part 46+6", "warning unclosed-fence @37+8"},
	},
	{
		name:  "tilde fence and longer closing fence",
		input: "<!-- { \"blockType\": \"resource\" } -->\n~~~json\n{}\n~~~~~\n",
		want:  []string{"part 45+2"},
	},
	{
		name:  "inline triple backticks are no fence",
		input: md("<!-- { \"blockType\": \"resource\" } -->\n'''a''' text\n'''json\n{}\n'''\n"),
		want:  []string{"warning annotation @0+36", "error no-json @0+0"},
	},
	{
		name:  "comments inside blocks are content",
		input: md("'''\n<!-- { \"blockType\": \"resource\" } -->\n'''\n'''json\n{}\n'''\n"),
		want:  []string{"part 53+2", "info unannotated-blocks @53+0"},
	},
	{
		name:  "page without annotations checks json and http blocks",
		input: md("Got this:\n'''\nHTTP/1.1 200 OK\n\n{}\n'''\nand\n'''js\nconst x = 1\n'''\n'''json\n[1]\n'''\n"),
		want:  []string{"part 31+2", "part 72+3", "info unannotated-blocks @14+0"},
	},
	{
		name:  "front matter is skipped",
		input: md("---\ntitle: \"<!-- { x -->\"\n---\n<!-- { \"blockType\": \"resource\" } -->\n'''json\n{}\n'''\n"),
		want:  []string{"part 75+2"},
	},
	{
		name:  "two blocks in order",
		input: md("<!-- { \"blockType\": \"request\" } -->\n'''http\nPOST /v1.0/communications/calls/1/playPrompt\n\n{\"a\":1}\n'''\n<!-- { \"blockType\": \"response\", \"@odata.type\": \"x\" } -->\n'''http\nHTTP/1.1 200 OK\n\n{\"b\":2}\n'''\n"),
		want:  []string{"part 90+7", "part 184+7"},
	},
	{
		name:  "crlf page",
		input: md("<!-- { \"blockType\": \"resource\" } -->\r\n'''json\r\n{}\r\n'''\r\n"),
		want:  []string{"part 47+2"},
	},
}

func TestMarkdown(t *testing.T) {
	for _, tt := range mdCases {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.input)
			s := Parse(src, Markdown)
			checkInvariants(t, src, s)
			if got := summary(s); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"), render(src, s))
			}
		})
	}
}

// TestMarkdownBlock checks the facts a block carries.
func TestMarkdownBlock(t *testing.T) {
	src := []byte(md("Intro\n<!-- {\n  \"blockType\": \"response\",\n  \"truncated\": true,\n  \"isCollection\": true,\n" +
		"  \"name\": \"get_ops\",\n  \"@odata.type\": \"microsoft.graph.commsOperation\",\n  \"sampleKeys\": [\"a\", {\"b\": [1, -2.5e3, null, false]}]\n}\n-->\n" +
		"''' http  {.x}\nHTTP/1.1 200 OK\n\n{\"value\": []}\n'''\n"))
	s := Parse(src, "")
	checkInvariants(t, src, s)
	if len(s.Findings) != 0 || len(s.Parts) != 1 {
		t.Fatalf("got %d findings and %d parts, want none and one:\n%s", len(s.Findings), len(s.Parts), render(src, s))
	}
	b := s.Parts[0].Block
	want := Block{Type: "response", ODataType: "microsoft.graph.commsOperation", Truncated: true, IsCollection: true,
		Name: "get_ops", AnnotationOffset: 6, AnnotationLength: 211, Lang: "http", Offset: 233, Length: 30}
	if *b != want {
		t.Errorf("got %+v, want %+v", *b, want)
	}
	if got := string(src[b.Offset : b.Offset+b.Length]); got != "HTTP/1.1 200 OK\n\n{\"value\": []}" {
		t.Errorf("got content %q, want the lines between the fences", got)
	}
	if got := string(src[b.AnnotationOffset : b.AnnotationOffset+b.AnnotationLength]); !strings.HasPrefix(got, "<!--") || !strings.HasSuffix(got, "-->") {
		t.Errorf("got annotation %q, want the whole comment", got)
	}
}

// TestAnnotationFixes applies each annotation fix and checks that the
// finding goes away.
func TestAnnotationFixes(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  string
	}{
		{"truncated string", `<!-- { "blockType": "example", "@odata.type": "x", "truncated": "true" } -->`,
			`<!-- { "blockType": "example", "@odata.type": "x", "truncated": true } -->`},
		{"isCollection string", `<!-- { "blockType": "example", "@odata.type": "x", "isCollection": "false" } -->`,
			`<!-- { "blockType": "example", "@odata.type": "x", "isCollection": false } -->`},
		{"block type case", `<!-- { "blockType": "Example", "@odata.type": "x" } -->`,
			`<!-- { "blockType": "example", "@odata.type": "x" } -->`},
		{"trailing comma", `<!-- { "blockType": "example", "@odata.type": "x", } -->`,
			`<!-- { "blockType": "example", "@odata.type": "x" } -->`},
		{"trailing comma in array", `<!-- { "blockType": "example", "@odata.type": "x", "k": [1,] } -->`,
			`<!-- { "blockType": "example", "@odata.type": "x", "k": [1] } -->`},
		{"missing comma", "<!-- { \"blockType\": \"example\"\n\"@odata.type\": \"x\" } -->",
			"<!-- { \"blockType\": \"example\",\n\"@odata.type\": \"x\" } -->"},
		{"missing brace", `<!-- { "blockType": "example", "@odata.type": "x" -->`,
			`<!-- { "blockType": "example", "@odata.type": "x" }-->`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(md(tt.input + "\n'''json\n{}\n'''\n"))
			s := Parse(src, Markdown)
			checkInvariants(t, src, s)
			f := findFix(s, "annotation")
			if f == nil {
				t.Fatalf("got no annotation finding with a fix, want one:\n%s", render(src, s))
			}
			fixed := applyFix(src, f.Fix)
			if want := md(tt.want + "\n'''json\n{}\n'''\n"); string(fixed) != want {
				t.Fatalf("got %q, want %q", fixed, want)
			}
			if s := Parse(fixed, Markdown); len(s.Findings) != 0 {
				t.Errorf("got findings after the fix, want none:\n%s", render(fixed, s))
			}
		})
	}
}

// TestAnnotationErrors checks the messages of malformed annotations.
func TestAnnotationErrors(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  string // part of the message
	}{
		{"single quotes", `{ 'blockType': 'example' }`, "JSON strings use double quotes"},
		{"unquoted name", `{ blockType: "example" }`, "expected a member name in double quotes"},
		{"single-quoted value", `{ "blockType": 'example' }`, "JSON strings use double quotes"},
		{"bare word", `{ "blockType": example }`, `found 'example'`},
		{"missing colon", `{ "blockType" "example" }`, "expected ':'"},
		{"unclosed string", "{ \"blockType\": \"example }", "never closed"},
		{"string over lines", "{ \"blockType\": \"exa\nmple\" }", "must be escaped inside a string"},
		{"bad escape", `{ "name": "a\q" }`, `'\q' is not a JSON escape`},
		{"bad unicode escape", `{ "name": "\u12" }`, `\u must be followed by four hexadecimal digits`},
		{"bad number", `{ "n": 1.2.3 }`, "found '.'"},
		{"text after", `{ "blockType": "example" } x`, "unexpected text after"},
		{"missing comma in an array", `{ "a": [1 2] }`, "is a comma missing"},
		{"unclosed arrays", `{ "a": ` + strings.Repeat("[", 100) + ` }`, "found '}'"},
		{"unclosed object", `{ "a": 1`, "the object that starts here is never closed"},
		{"block type not a string", `{ "blockType": 1 }`, `"blockType" must be a string, not a number`},
		{"odata type not a string", `{ "blockType": "example", "@odata.type": [] }`, `must be a string naming a type, not an array`},
		{"truncated other string", `{ "truncated": "yes" }`, `"truncated" must be true or false, not a string`},
		{"truncated null", `{ "truncated": null }`, `not null`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(md("<!-- " + tt.input + " -->\n'''json\n{}\n'''\n"))
			s := Parse(src, Markdown)
			checkInvariants(t, src, s)
			f := findSeverity(s, "annotation", "error")
			if f == nil {
				t.Fatalf("got no annotation error, want one containing %q:\n%s", tt.want, render(src, s))
			}
			if !strings.Contains(f.Message, tt.want) || f.Severity != "error" {
				t.Errorf("got %s %q, want an error containing %q", f.Severity, f.Message, tt.want)
			}
		})
	}
}

func TestAnnotationStrings(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  string
	}{
		{"plain", `"abc"`, "abc"},
		{"escapes", `"a\"b\\c\/d\n\t\r\b\f"`, "a\"b\\c/d\n\t\r\b\f"},
		{"unicode", `"\u00e9\u0041"`, "éA"},
		{"utf-8 kept", `"né"`, "né"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(md("<!-- { \"blockType\": \"resource\", \"name\": " + tt.input + " } -->\n'''json\n{}\n'''\n"))
			s := Parse(src, Markdown)
			if len(s.Findings) != 0 || len(s.Parts) != 1 {
				t.Fatalf("got\n%s\nwant one part and no findings", render(src, s))
			}
			if got := s.Parts[0].Block.Name; got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// findFix returns the first finding with the code and a fix.
func findFix(s Split, code string) *Finding {
	for i := range s.Findings {
		if s.Findings[i].Code == code && s.Findings[i].Fix != nil {
			return &s.Findings[i]
		}
	}
	return nil
}

// findSeverity returns the first finding with the code and severity.
func findSeverity(s Split, code, severity string) *Finding {
	for i := range s.Findings {
		if s.Findings[i].Code == code && s.Findings[i].Severity == severity {
			return &s.Findings[i]
		}
	}
	return nil
}

func TestMarkdownNoJSONMessage(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  string
	}{
		{"no block", "# Title\n\ntext\n", "no fenced code block"},
		{"one block", md("# T\n'''\ntext\n'''\n"), "only code block holds neither"},
		{"two blocks", md("# T\n'''\na\n'''\n'''\nb\n'''\n"), "none of the page's 2 code blocks"},
		{"annotated page", md("<!-- { \"blockType\": \"ignored\" } -->\n'''\n{}\n'''\n"), "no code block annotated as request"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := findCode(Parse([]byte(tt.input), Markdown), "no-json")
			if f == nil || !strings.Contains(f.Message, tt.want) {
				t.Errorf("got %+v, want a no-json finding containing %q", f, tt.want)
			}
		})
	}
}
