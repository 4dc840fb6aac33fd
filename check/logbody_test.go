package check

import "testing"

func TestLogBodyOther(t *testing.T) {
	const callback = `{"id": "a", "status": "Running", "@odata.type": "#microsoft.graph.playPromptOperation"}`
	tests := []struct {
		name  string
		src   string
		other int      // log-body-other findings
		codes []string // other codes that must be reported
	}{
		{"SDK event beside a callback", "10:00:01 INFO event {\"AadApplicationIdentity\": {\"AppId\": \"x\"}}\n10:00:02 INFO got " + callback + "\n", 1, nil},
		{"settings, then a broken callback", "{\"retries\": 3, \"endpoint\": \"https://bot.example.com\"}\n{\"id\": \"a\", \"status\": \"running\"}\n", 1, []string{"enum-case"}},
		{"an operation without a type is still checked", "INFO " + `{"status": "Done"}` + "\n", 0, []string{"enum-unknown", "missing-id"}},
		{"an id makes it an entity", "INFO " + `{"id": "x", "foo": 1}` + "\nINFO " + callback + "\n", 0, []string{"unknown-property"}},
		{"a call member makes it a call", "INFO " + `{"state": "established", "foo": 1}` + "\n", 0, nil},
		{"outside a log, still an operation", `{"retries": 3}`, 0, []string{"missing-id"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Validate([]byte(tt.src), nil)
			n := 0
			for _, d := range r.Diagnostics {
				if d.Code == "log-body-other" {
					n++
					if d.Severity != Info || tt.src[d.Offset] != '{' {
						t.Errorf("got %s at %q, want an info on the body's '{'", d.Severity, tt.src[d.Offset:])
					}
				}
			}
			if n != tt.other {
				t.Errorf("got %d log-body-other findings, want %d; got %s", n, tt.other, codes(r))
			}
			for _, c := range tt.codes {
				if find(r, c) == nil {
					t.Errorf("no %s finding; got %s", c, codes(r))
				}
			}
		})
	}
}
