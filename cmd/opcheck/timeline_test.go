package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// timelineStream is a callback body: a call, a roster and an operation
// that runs again after it completed.
const timelineStream = `{"value": [
{"changeType": "created", "resourceUrl": "/communications/calls/c1", "resourceData": {"@odata.type": "#microsoft.graph.call", "state": "incoming"}},
{"changeType": "updated", "resourceUrl": "/communications/calls/c1/participants", "resourceData": [{"id": "p1", "isMuted": true}]},
{"changeType": "deleted", "resourceUrl": "/communications/calls/c1/operations/o1", "resourceData": {"@odata.type": "#microsoft.graph.playPromptOperation", "id": "o1", "status": "Completed", "clientContext": "hi", "resultInfo": {"code": 200, "subcode": 0, "message": "ok"}}},
{"changeType": "updated", "resourceUrl": "/communications/calls/c1/operations/o1", "resourceData": {"@odata.type": "#microsoft.graph.playPromptOperation", "id": "o1", "status": "Running", "clientContext": "hi"}}
]}`

func TestTimelineFormat(t *testing.T) {
	tests := []struct {
		name  string
		stdin string
		want  string
	}{
		{"a stream", timelineStream, `/communications/calls/c1 microsoft.graph.call
  -:2:1 created incoming
  -:3:1 updated roster: 1 participant

/communications/calls/c1/participants/p1 microsoft.graph.participant
  -:3:100 updated muted

/communications/calls/c1/operations/o1 microsoft.graph.playPromptOperation
  -:4:1 deleted Completed clientContext="hi" resultInfo=200/0 "ok"
  -:5:1 updated Running clientContext="hi"
    ! 5:178 warning: operation "o1" has an event (updated, Running) after it was deleted at 4:1; ` +
			`Graph sends nothing for a resource once it is deleted, so this notification arrived out of order or belongs to another resource: ` +
			`a bot must not bring the resource back to life [timeline-after-deleted]

`},
		{"no notifications", `{"id": "a", "status": "Running"}`, "-: no notifications, so no timeline\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			run([]string{"-format", "timeline"}, strings.NewReader(tt.stdin), &out, &errOut)
			if out.String() != tt.want {
				t.Errorf("got\n%q\nwant\n%q", out.String(), tt.want)
			}
			if errOut.Len() > 0 {
				t.Errorf("stderr %q", errOut.String())
			}
		})
	}
}

// TestTimelineJSON checks that -format json carries the timeline, with its
// keys, for the same stream.
func TestTimelineJSON(t *testing.T) {
	var out bytes.Buffer
	run([]string{"-format", "json"}, strings.NewReader(timelineStream), &out, &bytes.Buffer{})
	var got []struct {
		Timeline []struct {
			ResourceURL string           `json:"resourceUrl"`
			Type        string           `json:"type"`
			Events      []map[string]any `json:"events"`
		} `json:"timeline"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out.String())
	}
	if len(got) != 1 || len(got[0].Timeline) != 3 {
		t.Fatalf("got %+v, want one result with three tracks", got)
	}
	op := got[0].Timeline[2]
	if op.ResourceURL != "/communications/calls/c1/operations/o1" || op.Type != "microsoft.graph.playPromptOperation" || len(op.Events) != 2 {
		t.Fatalf("operation track %+v", op)
	}
	e := op.Events[0]
	for _, k := range []string{"line", "column", "offset", "changeType", "status", "clientContext", "resultInfo"} {
		if _, ok := e[k]; !ok {
			t.Errorf("event lacks %q: %v", k, e)
		}
	}
	if _, ok := op.Events[1]["resultInfo"]; ok {
		t.Errorf("an event without resultInfo has one: %v", op.Events[1])
	}
}
