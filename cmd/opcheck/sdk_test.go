package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestSDKFlag checks the SDK lines under a finding and how -sdk narrows
// them.
func TestSDKFlag(t *testing.T) {
	const input = `{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "x", "status": "completed", "resultInfo": {"code": "500", "subcode": 0}}`
	tests := []struct {
		name     string
		args     []string
		wantCode int
		want     []string // lines stdout must hold
		dontWant []string // substrings stdout must not hold
		wantErr  string
	}{
		{"all by default", nil, 1, []string{
			"  go: GetStatus() returns nil; no error\n",
			"  typescript: status is undefined; no error\n",
			"  go: the whole read fails: GetObjectValue returns an error and no object\n",
			"  java: getCode() returns a converted value (a string parsed, or a number wrapped or truncated)\n",
		}, []string{"  dotnet: Status"}, ""},
		{"narrowed", []string{"-sdk", "typescript,python"}, 1, []string{"  typescript: code is undefined; no error\n", "  python: code is None; no error\n"},
			[]string{"  go:", "  java:"}, ""},
		{"none", []string{"-sdk", "none"}, 1, nil, []string{"  go:", "  typescript:", "  python:"}, ""},
		{"json keeps every SDK", []string{"-format", "json", "-sdk", "none"}, 1, []string{`"sdk":{"go":"GetStatus() returns nil; no error"`}, nil, ""},
		{"unknown SDK", []string{"-sdk", "go,rust"}, 2, nil, nil, `unknown SDK "rust"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			code := run(append(tt.args, "-"), strings.NewReader(input), &out, &errOut)
			if code != tt.wantCode {
				t.Fatalf("exit %d, want %d; stderr %s", code, tt.wantCode, errOut.String())
			}
			for _, w := range tt.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("stdout lacks %q:\n%s", w, out.String())
				}
			}
			for _, w := range tt.dontWant {
				if strings.Contains(out.String(), w) {
					t.Errorf("stdout holds %q:\n%s", w, out.String())
				}
			}
			if !strings.Contains(errOut.String(), tt.wantErr) {
				t.Errorf("stderr %q lacks %q", errOut.String(), tt.wantErr)
			}
		})
	}
}
