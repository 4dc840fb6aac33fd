package input

import (
	"strings"
	"testing"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  Form
	}{
		{"object", `{"id":"1"}`, JSON},
		{"array", `[{"id":"1"}]`, JSON},
		{"leading blanks", "\n\t  {\"id\":\"1\"}", JSON},
		{"byte-order mark", "\xEF\xBB\xBF{\"id\":\"1\"}", JSON},
		{"json with fences inside strings", "{\"a\": \"```\"}\n", JSON},
		{"status line", "HTTP/1.1 200 OK\nContent-Type: application/json\n\n{}", HTTP},
		{"http/2 status line", "HTTP/2 202\n\n{}", HTTP},
		{"malformed status line", "HTTP/1.1 2OO OK\n\n{}", HTTP},
		{"status line after blank lines", "\r\n\r\nHTTP/1.1 200 OK\r\n\r\n{}", HTTP},
		{"request line", "POST /v1.0/communications/calls/1/playPrompt HTTP/1.1\n\n{}", HTTP},
		{"request line without version", "GET https://graph.microsoft.com/v1.0/communications/calls/1/operations/2", HTTP},
		{"fenced block", "Some text\n```json\n{}\n```\n", Markdown},
		{"tilde fence", "~~~\n{}\n~~~\n", Markdown},
		{"front matter", "---\ntitle: x\n---\ntext {\"a\":1}", Markdown},
		{"heading", "# Title\n\nsee {\"a\": 1}", Markdown},
		{"annotation comment", "<!-- { \"blockType\": \"example\" } -->\n", Markdown},
		{"log line", "2026-11-26T01:02:03Z Received notification: {\"value\":[]}", Log},
		{"log with braces in the prefix", "[main] {worker-1} got {\"id\":\"1\"}", Log},
		{"bracketed timestamp", "[2026-11-26 01:02:03] INFO {\"id\":\"1\"}", Log},
		{"array followed by text is still json", "[1, 2] trailing", JSON},
		{"array over lines", "[\n{\"id\": \"1\"}\n]", JSON},
		{"pretty json after a log line", "Received:\n{\n  \"id\": \"1\"\n}\n", Log},
		{"a hash without a space is no heading", "#tag then {\"a\":1}", Log},
		{"plain text", "hello world", ""},
		{"empty", "", ""},
		{"blanks only", " \n\t", ""},
		{"lowercase method is not a request line", "get /v1.0/me", ""},
		{"method without target", "GET ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Parse([]byte(tt.input), "").Form; got != tt.want {
				t.Errorf("got form %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name  string
		input string
		force Form
		want  []string
	}{
		{name: "json is the whole input", input: " {\"a\":1} trailing", want: []string{"part 0+17"}},
		{name: "json array", input: "[1,2]", want: []string{"part 0+5"}},
		{name: "nothing", input: "hello", want: []string{"error no-json @0+5"}},
		{name: "empty", input: "", want: []string{"error no-json @0+0"}},
		{name: "no-json quotes the first line", input: "\n\nhello\nworld", want: []string{"error no-json @2+5"}},
		{name: "forced json", input: "text {\"a\":1}", force: JSON, want: []string{"part 0+12"}},
		{name: "forced log on json", input: "  {\"a\":1} more", force: Log, want: []string{"part 2+7"}},
		{name: "forced http on json", input: "{\"a\":1}", force: HTTP, want: []string{
			"part 7+0", "error request-line @0+7"}},
		{name: "unknown forced form falls back to detection", input: "{}", force: "yaml", want: []string{
			"part 0+2", "error form @0+0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.input)
			s := Parse(src, tt.force)
			checkInvariants(t, src, s)
			if got := summary(s); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"), render(src, s))
			}
		})
	}
}

func TestMessageHeader(t *testing.T) {
	m := &Message{Headers: []Header{{Name: "Content-Type", Value: "a"}, {Name: "content-type", Value: "b"}, {Name: "X", Value: "c"}}}
	tests := []struct {
		name string
		want string // "" for nil
	}{
		{"Content-Type", "a"},
		{"CONTENT-TYPE", "a"},
		{"x", "c"},
		{"Content-Length", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			if h := m.Header(tt.name); h != nil {
				got = h.Value
			}
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	var nilMsg *Message
	if h := nilMsg.Header("X"); h != nil {
		t.Errorf("got %+v from a nil message, want nil", h)
	}
}

func TestQuoteShort(t *testing.T) {
	tests := []struct {
		name  string
		input string
		max   int
		want  string
	}{
		{"short", "abc", 10, `"abc"`},
		{"newline escaped", "a\nb", 10, `"a\nb"`},
		{"long keeps the end", "0123456789", 4, `"...6789"`},
		{"does not cut a rune", "aé", 1, `"..."`},
		{"rune kept whole", "xxé", 2, `"...é"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := quoteShort([]byte(tt.input), tt.max); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}
