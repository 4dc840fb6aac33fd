package view

import (
	"encoding/json"
	"testing"

	"opcheck/graph"
	"opcheck/sdk"
)

func TestRead(t *testing.T) {
	m := graph.Lookup("v1.0")
	tests := []struct {
		name, lang, typ, src string
		want                 string
		wantErr              bool
	}{
		{"status case", "go", "microsoft.graph.commsOperation", `{"status":"completed","id":"a"}`,
			`{"type":"microsoft.graph.commsOperation","members":[{"key":"id","outcome":"typed","value":"a"},{"key":"status","outcome":"absent"}]}`, false},
		{"fails", "go", "microsoft.graph.commsOperation", `{"resultInfo":{"code":"500"}}`,
			`{"type":"microsoft.graph.commsOperation","fail":true,"members":[]}`, false},
		{"nested and items", "typescript", "microsoft.graph.call", `{"requestedModalities":["audio"],"resultInfo":{"code":4294967295}}`,
			`{"type":"microsoft.graph.call","members":[{"key":"requestedModalities","outcome":"typed","items":[{"outcome":"typed","value":"audio"}]},{"key":"resultInfo","outcome":"typed","object":{"type":"microsoft.graph.resultInfo","members":[{"key":"code","outcome":"kept","value":"4294967295"}]}}]}`, false},
		{"not JSON", "go", "microsoft.graph.commsOperation", `{"a":`, "", true},
		{"no such type", "go", "microsoft.graph.nothing", `{}`, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, _ := sdk.ParseLang(tt.lang)
			got, err := Read(l, m, tt.typ, []byte(tt.src))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err %v, wantErr %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if !json.Valid(got) {
				t.Fatalf("invalid JSON %s", got)
			}
			if string(got) != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestAppendJSONEscapes keeps odd keys and values valid JSON.
func TestAppendJSONEscapes(t *testing.T) {
	o := &sdk.Object{Type: "t", Members: map[string]sdk.Member{"a\x00\"<": {Outcome: sdk.Typed, Value: "\xff\n"}}}
	if got := AppendObject(nil, o); !json.Valid(got) {
		t.Errorf("invalid JSON %q", got)
	}
}
