package check

import (
	"strings"
	"testing"
)

// TestBadInputCatalogue is the list of hostile or broken inputs users
// paste: each must be answered with located, plain findings, quickly and
// without a panic.
func TestBadInputCatalogue(t *testing.T) {
	big := func(n int, unit string) string { return strings.Repeat(unit, n/len(unit)) }
	tests := []struct {
		name     string
		input    string
		wantCode string // a code that must be among the findings; "" for none at all
	}{
		{"empty", "", "empty-input"},
		{"only whitespace", " \n\t\r\n ", "empty-input"},
		{"byte-order mark", "\ufeff" + `{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "a", "status": "Running"}`, "bom"},
		{"invalid UTF-8", `{"id": "a", "status": "Running", "clientContext": "` + "\xff\xfe" + `"}`, "invalid-utf8"},
		{"NUL bytes", "{\"id\": \"a\",\x00 \"status\": \"Running\"}", "json-syntax"},
		{"NUL inside a string", "{\"id\": \"a\x00\", \"status\": \"Running\"}", "control-character"},
		{"lone surrogate escape", `{"id": "a", "status": "Running", "clientContext": "\udc00"}`, "lone-surrogate"},
		{"100,000 levels of nesting", strings.Repeat(`{"a":`, 100000), "too-deep"},
		{"100,000 levels of arrays", strings.Repeat("[", 100000) + strings.Repeat("]", 100000), "too-deep"},
		{"1e999", `{"id": "a", "status": "Running", "resultInfo": {"code": 1e999, "subcode": 0}}`, "out-of-range"},
		{"400-digit integer", `{"id": "a", "status": "Running", "resultInfo": {"code": ` + strings.Repeat("9", 400) + `, "subcode": 0}}`, "out-of-range"},
		{"a 5 MB string", `{"id": "a", "status": "Running", "clientContext": "` + big(5<<20, "x") + `"}`, ""},
		{"a 2 MB line of members", `{"id": "a", "status": "Running"` + big(2<<20, `, "x": 1`) + `}`, "duplicate-key"},
		{"duplicate keys", `{"id": "a", "id": "b", "status": "Running"}`, "duplicate-key"},
		{"binary garbage", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "no-json"},
		{"script in keys and values", `{"id": "a", "status": "Running", "</script><script>alert(1)</script>": "<img src=x onerror=alert(1)>", "clientContext": "javascript:alert(1)"}`, "unknown-property"},
		{"a 50 MB paste", `{"value": [` + strings.TrimSuffix(big(50<<20, `{"id": "a", "status": "Running"},`), ",") + `]}`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.input)
			r := Validate(src, nil)
			checkInvariants(t, src, r)
			if tt.wantCode == "" {
				for _, d := range r.Diagnostics {
					if d.Severity == Error {
						t.Errorf("unexpected %s at %d:%d: %s", d.Code, d.Line, d.Column, d.Message)
					}
				}
				return
			}
			d := find(r, tt.wantCode)
			if d == nil {
				t.Fatalf("no %s finding; got %.300s", tt.wantCode, codes(r))
			}
			if d.Line < 1 || d.Column < 1 || len(d.Message) < 20 {
				t.Errorf("%s is not located or explained: %d:%d %q", d.Code, d.Line, d.Column, d.Message)
			}
		})
	}
}
