package input

import (
	"strings"
	"testing"
)

func TestLog(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  []string // summary(): parts, then findings
	}{
		{
			name:  "notification after a timestamp",
			input: `2026-11-26T01:02:03Z Received notification: {"value":[{"changeType":"updated"}]} status=ok`,
			want:  []string{"part 44+36", "info log-prefix-skipped @0+44"},
		},
		{
			name:  "braces inside strings do not end the value",
			input: `got: {"a":"}{","b":"\"}"} tail {`,
			want:  []string{"part 5+20", "info log-prefix-skipped @0+5"},
		},
		{
			name:  "unbalanced value runs to the end",
			input: "got: {\"a\": [1, 2}\n",
			want:  []string{"part 5+13", "info log-prefix-skipped @0+5"},
		},
		{
			name:  "unclosed value runs to the end",
			input: "got: {\"a\": \"x",
			want:  []string{"part 5+8", "info log-prefix-skipped @0+5"},
		},
		{
			name:  "template braces in the prefix are passed over",
			input: `[worker ${id}] {tag} sent {"id":"1"}`,
			want:  []string{"part 26+10", "info log-prefix-skipped @0+26"},
		},
		{
			name:  "only brace-like text: the first brace",
			input: "state {idle} now",
			want:  []string{"part 6+6", "info log-prefix-skipped @0+6"},
		},
		{
			name:  "empty object",
			input: "payload: {}",
			want:  []string{"part 9+2", "info log-prefix-skipped @0+9"},
		},
		{
			name:  "pretty json after a line",
			input: "01:02:03 Received notification:\n{\n  \"value\": []\n}\n01:02:04 done\n",
			want:  []string{"part 32+17", "info log-prefix-skipped @0+32"},
		},
		{
			name:  "more json follows",
			input: "a: {\"id\":\"1\"}\nb: {\"id\":\"2\"}\nc: {\"id\":\"3\"}\n",
			want:  []string{"part 3+10", "part 17+10", "part 31+10", "info log-prefix-skipped @0+3"},
		},
		{
			name:  "json lines",
			input: "{\"id\":\"1\"}\n{\"id\":\"2\"}\r\n{\"id\":\"3\"}",
			want:  []string{"part 0+10", "part 11+10", "part 23+10"},
		},
		{
			name:  "back to back",
			input: `{"id":"1"}{"id":"2"} {"id":"3"}`,
			want:  []string{"part 0+10", "part 10+10", "part 21+10"},
		},
		{
			name:  "timestamp and bracket prefixes on every line",
			input: "2026-03-01T10:00:00.123Z INFO Callback received: {\"a\":1}\n[12:00:01] notification {\"b\":2}\n",
			want:  []string{"part 49+7", "part 81+7", "info log-prefix-skipped @0+49"},
		},
		{
			name:  "pretty bodies between plain log lines",
			input: "10:00 got:\n{\n  \"a\": {\n    \"b\": [1]\n  }\n}\n10:01 handled\n10:02 got:\n{\n  \"c\": 2\n}\n",
			want:  []string{"part 11+29", "part 66+12", "info log-prefix-skipped @0+11"},
		},
		{
			name:  "braces in strings and plain text between bodies",
			input: "{\"a\":\"}{\\\"\"}\nstate {idle} now\n{\"b\":\"{\"}",
			want:  []string{"part 0+12", "part 30+9"},
		},
		{
			name:  "a cut-off body does not hide the next",
			input: "{\"a\":[{\"b\":1}\n{\"c\":2}\n",
			want:  []string{"part 0+13", "part 14+7", "warning log-body-cut @13+1"},
		},
		{
			name:  "cut off inside a string",
			input: "x {\"a\":\"abc\n2026-01-01 got {\"c\":\"}\"}\n",
			want:  []string{"part 2+9", "part 27+9", "info log-prefix-skipped @0+2", "warning log-body-cut @11+16"},
		},
		{
			name:  "a log line inside a pretty body stays in it",
			input: "{\n  \"a\": 1,\n10:00 WARN slow\n  \"b\": 2\n}\n{\"c\":3}",
			want:  []string{"part 0+38", "part 39+7"},
		},
		{
			name:  "a missing brace: the next body line starts a new one",
			input: "{\n  \"a\": {\n    \"b\": 1\n}\n{\n  \"c\": 2\n}\n",
			want:  []string{"part 0+23", "part 24+12", "warning log-body-cut @23+1"},
		},
		{
			name:  "no json",
			input: "nothing to see",
			want:  []string{"error no-json @0+14"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.input)
			s := Parse(src, Log)
			checkInvariants(t, src, s)
			if got := summary(s); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"), render(src, s))
			}
		})
	}
}

func TestLogPrefixMessage(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  string
	}{
		{"short prefix quoted whole", "2026-11-26T01:02:03Z Received notification: {}",
			`skipped 44 bytes of log text before the JSON ("2026-11-26T01:02:03Z Received notification: ")`},
		{"long prefix keeps its end", strings.Repeat("x", 100) + " callback body: {}",
			`skipped 116 bytes of log text before the JSON ("...` + strings.Repeat("x", 44) + ` callback body: ")`},
		{"line breaks are escaped", "line one\nline two\n{}",
			`skipped 18 bytes of log text before the JSON ("line one\nline two\n")`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Parse([]byte(tt.input), Log)
			f := findCode(s, "log-prefix-skipped")
			if f == nil {
				t.Fatalf("got no log-prefix-skipped finding, want %q", tt.want)
			}
			if f.Message != tt.want {
				t.Errorf("got %q, want %q", f.Message, tt.want)
			}
		})
	}
}

func TestBalancedEnd(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  int
	}{
		{"object", `{"a":1} x`, 7},
		{"nested", `{"a":[{"b":{}}]}`, 16},
		{"escaped quote", `{"a":"\\"}`, 10},
		{"escaped backslash then quote", `{"a":"\\\\"} x`, 12},
		{"array", `[1,[2]]`, 7},
		{"open", `{"a":{}`, -1},
		{"escape at the end", `{"a":"\`, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := balancedEnd([]byte(tt.input), 0); got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
}
