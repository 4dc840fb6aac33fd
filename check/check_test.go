package check

import (
	"strings"
	"testing"
)

// find returns the first diagnostic with the code, or nil.
func find(r *Result, code string) *Diagnostic {
	for i := range r.Diagnostics {
		if r.Diagnostics[i].Code == code {
			return &r.Diagnostics[i]
		}
	}
	return nil
}

func codes(r *Result) string {
	var b strings.Builder
	for _, d := range r.Diagnostics {
		b.WriteString(d.Code + "@" + d.Pointer + " ")
	}
	return b.String()
}

const invite = `{
  "@odata.type": "#microsoft.graph.inviteParticipantsOperation",
  "id": "0b5e4e4a-3c5f-4b4e-9d7a-2f6c1e8a9b10",
  "status": "Running",
  "clientContext": "c1",
  "participants": [
    {
      "identity": {
        "@odata.type": "#microsoft.graph.identitySet",
        "user": {"@odata.type": "#microsoft.graph.identity", "id": "8b2c1d5e-0000-4000-8000-00000000aaaa", "displayName": "Ana Ruiz"}
      }
    }
  ]
}`

func TestValidOperationHasNoFindings(t *testing.T) {
	for _, api := range []string{"v1.0", "beta"} {
		r := Validate([]byte(invite), &Options{API: api})
		if len(r.Diagnostics) != 0 {
			t.Errorf("%s: got findings %s, want none", api, codes(r))
		}
		if got, want := r.Kind, KindOperation; got != want {
			t.Errorf("%s: kind = %q, want %q", api, got, want)
		}
		if len(r.Objects) != 1 || r.Objects[0].Type != "microsoft.graph.inviteParticipantsOperation" || r.Objects[0].Pointer != "" {
			t.Errorf("%s: objects = %+v, want the one invite operation at the root", api, r.Objects)
		}
	}
}

// Each rule, with the smallest input that triggers it and where it must point.
func TestRules(t *testing.T) {
	op := func(members string) string {
		return `{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "0b5e4e4a-3c5f-4b4e-9d7a-2f6c1e8a9b10", "status": "Running"` + members + `}`
	}
	tests := []struct {
		name         string
		api          string
		input        string
		wantCode     string
		wantSeverity Severity
		wantPointer  string
		wantText     string // the bytes the diagnostic covers
		wantMessage  string // a phrase the message must contain
	}{
		{"syntax error located", "", `{"a": }`, "json-syntax", Error, "", "}", ""},
		{"status case", "", `{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "x", "status": "running"}`, "enum-case", Warning, "/status", `"running"`, `"Running"`},
		{"status unknown member", "", `{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "x", "status": "Finished"}`, "enum-unknown", Error, "/status", `"Finished"`, "NotStarted, Running, Completed, Failed"},
		{"status placeholder", "", `{"id": "x", "status": "String"}`, "enum-unknown", Error, "/status", `"String"`, "placeholder"},
		{"enum not a string", "", `{"id": "x", "status": 2}`, "wrong-type", Error, "/status", `2`, "operationStatus"},
		{"closed type unknown property", "", op(`, "resultInfo": {"code": 200, "subCode": 0}`), "unknown-property", Error, "/resultInfo/subCode", `"subCode"`, `did you mean "subcode"`},
		{"open type unknown property", "", op(`, "colour": "red"`), "unknown-property", Warning, "/colour", `"colour"`, "open type"},
		{"declared on a derived type", "", `{"@odata.type": "#microsoft.graph.inviteParticipantsOperation", "id": "x", "status": "Running", "participants": [{"identity": {"phone": {"id": "+14255550100"}}}]}`,
			"unknown-property", Warning, "/participants/0/identity/phone", `"phone"`, "communicationsIdentitySet"},
		{"int32 out of range", "", op(`, "resultInfo": {"code": 3000000000, "subcode": 0}`), "out-of-range", Error, "/resultInfo/code", `3000000000`, "2147483647"},
		{"int as string", "", op(`, "resultInfo": {"code": "200", "subcode": 0}`), "wrong-type", Error, "/resultInfo/code", `"200"`, "expected a number"},
		{"null not allowed", "", `{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "x", "status": null}`, "null-not-allowed", Error, "/status", `null`, ""},
		{"collection expected", "", `{"@odata.type": "#microsoft.graph.inviteParticipantsOperation", "id": "x", "status": "Running", "participants": {"identity": {}}}`, "expected-collection", Error, "/participants", `{"identity": {}}`, "array"},
		{"single expected", "", op(`, "clientContext": ["a"]`), "expected-single", Error, "/clientContext", `["a"]`, ""},
		{"string placeholder", "", op(`, "clientContext": "Client Context value"`), "placeholder", Warning, "/clientContext", `"Client Context value"`, ""},
		{"unknown type with suggestion", "", `{"@odata.type": "#microsoft.graph.playPromptOperaton", "id": "x", "status": "Running"}`, "odata-type-unknown", Error, "/@odata.type", `"#microsoft.graph.playPromptOperaton"`, "did you mean microsoft.graph.playPromptOperation"},
		{"abstract type", "", `{"@odata.type": "#microsoft.graph.entity", "id": "x"}`, "odata-type-abstract", Error, "/@odata.type", `"#microsoft.graph.entity"`, "abstract"},
		{"type not an operation", "", `{"@odata.type": "#microsoft.graph.resultInfo", "code": 1}`, "odata-type-mismatch", Error, "/@odata.type", `"#microsoft.graph.resultInfo"`, ""},
		{"beta type against v1.0", "v1.0", `{"@odata.type": "#microsoft.graph.startRecordingOperation", "id": "x", "status": "Running"}`, "odata-type-other-version", Error, "/@odata.type", `"#microsoft.graph.startRecordingOperation"`, "beta only"},
		{"beta property against v1.0", "v1.0", op(`, "completionReason": "completedSuccessfully"`), "property-other-version", Warning, "/completionReason", `"completionReason"`, "beta only"},
		{"missing id", "", `{"@odata.type": "#microsoft.graph.playPromptOperation", "status": "Running"}`, "missing-id", Error, "", `{`, ""},
		{"missing status", "", `{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "x"}`, "missing-property", Warning, "", `{`, `"status"`},
		{"failed without result", "", `{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "x", "status": "Failed"}`, "failed-without-result", Warning, "/status", `"Failed"`, ""},
		{"result contradicts status", "", `{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "x", "status": "Completed", "resultInfo": {"code": 500, "subcode": 8510, "message": "x"}}`, "result-contradicts-status", Warning, "/resultInfo/code", `500`, ""},
		{"wrapped entity", "", `{"value": {"@odata.type": "#microsoft.graph.playPromptOperation", "id": "x", "status": "Running"}}`, "wrapped-entity", Error, "/value", `"value"`, "single entity"},
		{"collection not array", "", `{"@odata.context": "x", "value": 3}`, "expected-array", Error, "/value", `3`, ""},
		{"root not an object", "", `[1]`, "not-an-object", Error, "", `[1]`, "found an array"},
		{"error response", "", `{"error": {"code": "Forbidden", "message": "no"}}`, "error-response", Error, "/error", `"error"`, `"Forbidden"`},
		{"odata type not a string", "", `{"@odata.type": 5, "id": "x", "status": "Running"}`, "odata-type-invalid", Error, "/@odata.type", `5`, ""},
		{"unqualified type", "", `{"@odata.type": "#playPromptOperation", "id": "x", "status": "Running"}`, "odata-type-invalid", Error, "/@odata.type", `"#playPromptOperation"`, "namespace"},
		{"notification id mismatch", "", `{"value": [{"changeType": "updated", "resourceUrl": "/communications/calls/c/operations/11111111-1111-1111-1111-111111111111", "resourceData": {"@odata.type": "#microsoft.graph.playPromptOperation", "id": "22222222-2222-2222-2222-222222222222", "status": "Running"}}]}`,
			"notification-id-mismatch", Error, "/value/0/resourceData/id", `"22222222-2222-2222-2222-222222222222"`, ""},
		{"notification missing resourceUrl", "", `{"value": [{"changeType": "updated", "resourceData": {"@odata.type": "#microsoft.graph.playPromptOperation", "id": "x", "status": "Running"}}]}`, "missing-property", Error, "/value/0", `{`, "resourceUrl"},
		{"terminal status not deleted", "", `{"value": [{"changeType": "updated", "resourceUrl": "/communications/calls/c/operations/x", "resourceData": {"@odata.type": "#microsoft.graph.playPromptOperation", "id": "x", "status": "Completed"}}]}`, "terminal-status-change", Info, "/value/0/changeType", `"updated"`, ""},
		{"changeType member", "", `{"value": [{"changeType": "Updated", "resourceUrl": "/communications/calls/c/operations/x", "resourceData": {"@odata.type": "#microsoft.graph.playPromptOperation", "id": "x", "status": "Running"}}]}`, "enum-case", Warning, "/value/0/changeType", `"Updated"`, ""},
		{"boolean as string", "", `{"@odata.type": "#microsoft.graph.inviteParticipantsOperation", "id": "x", "status": "Running", "participants": [{"hidden": "true", "identity": {}}]}`, "wrong-type", Error, "/participants/0/hidden", `"true"`, "true or false"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Validate([]byte(tt.input), &Options{API: tt.api})
			d := find(r, tt.wantCode)
			if d == nil {
				t.Fatalf("no %s finding; got %s", tt.wantCode, codes(r))
			}
			if d.Severity != tt.wantSeverity {
				t.Errorf("severity = %s, want %s", d.Severity, tt.wantSeverity)
			}
			if d.Pointer != tt.wantPointer {
				t.Errorf("pointer = %q, want %q", d.Pointer, tt.wantPointer)
			}
			if got := tt.input[d.Offset : d.Offset+d.Length]; !strings.HasPrefix(got, tt.wantText) || tt.wantText != "{" && got != tt.wantText {
				t.Errorf("range covers %q, want %q", got, tt.wantText)
			}
			if !strings.Contains(d.Message, tt.wantMessage) {
				t.Errorf("message = %q, want it to contain %q", d.Message, tt.wantMessage)
			}
			if d.Line < 1 || d.Column < 1 || d.EndLine < d.Line {
				t.Errorf("position %d:%d-%d:%d is not a range", d.Line, d.Column, d.EndLine, d.EndColumn)
			}
		})
	}
}

// A fix, applied, must make its finding go away.
func TestFixesRepair(t *testing.T) {
	inputs := []string{
		`{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "x", "status": "running"}`,
		`{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "x", "status": "Running", "resultInfo": {"code": 1, "subCode": 2}}`,
		`{"@odata.type": "#microsoft.graph.playPromptOperaton", "id": "x", "status": "Running"}`,
		`{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "x", "status": "Running", "resultInfo": {"code": "200", "subcode": 0}}`,
	}
	for _, in := range inputs {
		r := Validate([]byte(in), nil)
		if len(r.Diagnostics) != 1 || r.Diagnostics[0].Fix == nil {
			t.Errorf("%s: want one finding with a fix, got %s", in, codes(r))
			continue
		}
		f := r.Diagnostics[0].Fix
		fixed := in[:f.Offset] + f.Replacement + in[f.Offset+f.Length:]
		if after := Validate([]byte(fixed), nil); len(after.Diagnostics) != 0 {
			t.Errorf("after %q: %s still has findings %s", f.Title, fixed, codes(after))
		}
	}
}

func TestPositionsCountCodePointsAndLineBreaks(t *testing.T) {
	tests := []struct {
		name              string
		input             string
		wantLine, wantCol int
	}{
		{"lf", "{\"id\": \"x\",\n  \"é\": \"x\",\n  \"status\": 1}", 3, 13},
		{"crlf", "{\"id\": \"x\",\r\n  \"status\": 1}", 2, 13},
		{"cr", "{\"id\": \"x\",\r  \"status\": 1}", 2, 13},
		{"astral", "{\"id\": \"x\", \"😀\": 1, \"status\": 1}", 1, 31},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Validate([]byte(tt.input), nil)
			d := find(r, "wrong-type")
			if d == nil {
				t.Fatalf("no wrong-type finding: %s", codes(r))
			}
			if got := tt.input[d.Offset : d.Offset+d.Length]; got != "1" {
				t.Errorf("range covers %q, want %q", got, "1")
			}
			if d.Line != tt.wantLine || d.Column != tt.wantCol || d.EndLine != tt.wantLine || d.EndColumn != tt.wantCol+1 {
				t.Errorf("got %d:%d-%d:%d, want %d:%d-%d:%d", d.Line, d.Column, d.EndLine, d.EndColumn, tt.wantLine, tt.wantCol, tt.wantLine, tt.wantCol+1)
			}
		})
	}
}

func TestDeterministic(t *testing.T) {
	in := []byte(`{"value": [{"status": "x", "a": 1, "b": 2}, {"status": "y", "c": [], "resultInfo": {"q": 1}}]}`)
	first := string(Validate(in, nil).AppendJSON(nil))
	for range 5 {
		if got := string(Validate(in, nil).AppendJSON(nil)); got != first {
			t.Fatalf("results differ between runs:\n%s\n%s", first, got)
		}
	}
}

func TestPlaceholders(t *testing.T) {
	tests := []struct {
		input string
		want  bool
	}{
		{"String", true},
		{"string", true},
		{"Int32 (enum)", true},
		{"Display Name value", true},
		{"notStarted | running | completed | failed", true},
		{"<access-token>", true},
		{"<token>", true},
		{"<token-x>", true},
		{"<token-12>", false}, // what redaction writes: a redacted value, not a placeholder
		{"Ana Ruiz", false},
		{"0b5e4e4a-3c5f-4b4e-9d7a-2f6c1e8a9b10", false},
		{"a | b in a sentence: see /docs", false},
		{"https://example.com/value", false},
		{"<not a placeholder>", false},
		{"", false},
	}
	for _, tt := range tests {
		if _, got := placeholder(tt.input); got != tt.want {
			t.Errorf("placeholder(%q) = %v, want %v", tt.input, got, tt.want)
		}
	}
}
