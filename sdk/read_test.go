package sdk

import (
	"encoding/json"
	"strings"
	"testing"

	"opcheck/graph"
)

func decode(t *testing.T, s string) any {
	t.Helper()
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestRead checks the predictions for the payloads the issue measured, and
// for the SDKs that differ from them.
func TestRead(t *testing.T) {
	m := graph.Lookup("v1.0")
	op, call := m.Type("microsoft.graph.commsOperation"), m.Type("microsoft.graph.call")
	tests := []struct {
		name     string
		lang     Lang
		typ      *graph.Type
		json     string
		wantType string
		wantFail bool
		path     []string // to the member checked
		want     Member
	}{
		{"status case go", Go, op, `{"status":"completed"}`, "microsoft.graph.commsOperation", false, []string{"status"}, Member{Outcome: Absent}},
		{"status case ts", TypeScript, op, `{"status":"completed"}`, "microsoft.graph.commsOperation", false, []string{"status"}, Member{Outcome: Absent}},
		{"status case dotnet", DotNet, op, `{"status":"completed"}`, "microsoft.graph.commsOperation", false, []string{"status"}, Member{Outcome: Typed, Value: "Completed"}},
		{"status case python", Python, op, `{"status":"completed"}`, "microsoft.graph.commsOperation", false, []string{"status"}, Member{Outcome: Typed, Value: "Completed"}},
		{"no hash go", Go, op, `{"@odata.type":"microsoft.graph.playPromptOperation","completionReason":"completedSuccessfully"}`,
			"microsoft.graph.commsOperation", false, []string{"completionReason"}, Member{Outcome: Additional}},
		{"type case python", Python, op, `{"@odata.type":"#microsoft.graph.SendDtmfTonesOperation","completionReason":"completedSuccessfully"}`,
			"microsoft.graph.sendDtmfTonesOperation", false, []string{"completionReason"}, Member{Outcome: Typed, Value: "completedSuccessfully"}},
		{"type case ts", TypeScript, op, `{"@odata.type":"#microsoft.graph.InviteParticipantsOperation","participants":[]}`,
			"microsoft.graph.commsOperation", false, []string{"participants"}, Member{Outcome: Additional}},
		{"code string go", Go, op, `{"resultInfo":{"code":"500"}}`, "microsoft.graph.commsOperation", true, nil, Member{}},
		{"code string ts", TypeScript, op, `{"resultInfo":{"code":"500"}}`, "microsoft.graph.commsOperation", false, []string{"resultInfo", "code"}, Member{Outcome: Absent}},
		{"code string java", Java, op, `{"resultInfo":{"code":"500"}}`, "microsoft.graph.commsOperation", false, []string{"resultInfo", "code"}, Member{Outcome: Coerced, Value: "500"}},
		{"code range go", Go, op, `{"resultInfo":{"code":4294967295}}`, "microsoft.graph.commsOperation", true, nil, Member{}},
		{"code range ts", TypeScript, op, `{"resultInfo":{"code":4294967295}}`, "microsoft.graph.commsOperation", false, []string{"resultInfo", "code"}, Member{Outcome: Kept, Value: "4294967295"}},
		{"call state go", Go, call, `{"state":"Established"}`, "microsoft.graph.call", false, []string{"state"}, Member{Outcome: Absent}},
		{"call state python", Python, call, `{"state":"Established"}`, "microsoft.graph.call", false, []string{"state"}, Member{Outcome: Typed, Value: "established"}},
		{"null undeclared go", Go, op, `{"region":null}`, "microsoft.graph.commsOperation", false, []string{"region"}, Member{Outcome: Absent}},
		{"null undeclared ts", TypeScript, op, `{"region":null}`, "microsoft.graph.commsOperation", false, []string{"region"}, Member{Outcome: Additional}},
		{"type not string go", Go, op, `{"@odata.type":5}`, "microsoft.graph.commsOperation", true, nil, Member{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := Read(tt.lang, m, tt.typ, decode(t, tt.json))
			if o.Type != tt.wantType || o.Fail != tt.wantFail {
				t.Fatalf("got type %s fail %v, want %s fail %v", o.Type, o.Fail, tt.wantType, tt.wantFail)
			}
			if tt.path == nil {
				return
			}
			var got Member
			for i, k := range tt.path {
				got = o.Members[k]
				if i < len(tt.path)-1 {
					o = got.Object
				}
			}
			if got.Outcome != tt.want.Outcome || got.Value != tt.want.Value {
				t.Errorf("%v: got %s %q, want %s %q", tt.path, got.Outcome, got.Value, tt.want.Outcome, tt.want.Value)
			}
		})
	}
}

// TestReadNoPanic reads odd shapes in every SDK: whatever the input, Read
// answers and never panics.
func TestReadNoPanic(t *testing.T) {
	m := graph.Lookup("v1.0")
	inputs := []string{`null`, `[]`, `"x"`, `5`, `{"resultInfo":"x"}`, `{"resultInfo":[1,2]}`, `{"@odata.type":null}`,
		`{"status":["Completed"]}`, `{"resultInfo":{"code":1e400}}`, `{"resultInfo":{"code":-0.0}}`}
	for _, l := range Langs() {
		for _, in := range inputs {
			if o := Read(l, m, m.Type("microsoft.graph.commsOperation"), decode(t, in)); o == nil {
				t.Errorf("%s %s: nil object", l, in)
			}
		}
	}
}
