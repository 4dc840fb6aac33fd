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
			want:  []string{"part 3+10", "info log-prefix-skipped @0+3", "info log-more-json @17+1"},
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
