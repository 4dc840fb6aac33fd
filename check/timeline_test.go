package check

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// Streams for the timeline tests: one call, its operations and its
// participants, each notification written by a helper.
const tlCall = "/communications/calls/c0ffee00-0000-4000-8000-000000000001"

// tlCallNote is a notification of the call in state.
func tlCallNote(change, state string) string {
	return `{"changeType": "` + change + `", "resourceUrl": "` + tlCall + `", "resourceData": {"@odata.type": "#microsoft.graph.call", "state": "` + state + `"}}`
}

// tlOpNote is a notification of operation id, of type typ, with status and
// clientContext ctx.
func tlOpNote(change, id, typ, status, ctx string) string {
	return `{"changeType": "` + change + `", "resourceUrl": "` + tlCall + `/operations/` + id + `", "resourceData": {"@odata.type": "#microsoft.graph.` + typ +
		`", "id": "` + id + `", "status": "` + status + `", "clientContext": "` + ctx + `"}}`
}

// tlRoster is a roster notification listing participants by id.
func tlRoster(change string, ids ...string) string {
	var ps []string
	for _, id := range ids {
		ps = append(ps, `{"@odata.type": "#microsoft.graph.participant", "id": "`+id+`", "isMuted": false, "isInLobby": false}`)
	}
	return `{"changeType": "` + change + `", "resourceUrl": "` + tlCall + `/participants", "resourceData": [` + strings.Join(ps, ", ") + `]}`
}

// tlBody is a callback body holding notes, one per line.
func tlBody(notes ...string) string {
	return "{\"value\": [\n" + strings.Join(notes, ",\n") + "\n]}"
}

// timelineCodes returns the timeline anomalies of r as "code@line".
func timelineCodes(r *Result) []string {
	var got []string
	for _, d := range r.Diagnostics {
		if isTimelineCode(d.Code) {
			got = append(got, fmt.Sprintf("%s@%d", d.Code, d.Line))
		}
	}
	return got
}

// TestTimelineAnomalies builds streams with each kind of anomaly, and clean
// ones, and checks the anomalies found and the line each is on (the line of
// the notification that reveals it: the body's notes start on line 2).
func TestTimelineAnomalies(t *testing.T) {
	const op, op2 = "0a000000-0000-4000-8000-000000000001", "0b000000-0000-4000-8000-000000000002"
	tests := []struct {
		name  string
		input string
		want  []string
	}{
		{"clean call with operations and roster", tlBody(
			tlCallNote("created", "incoming"),
			tlCallNote("updated", "establishing"),
			tlCallNote("updated", "established"),
			tlRoster("updated", "p1", "p2"),
			tlOpNote("updated", op, "playPromptOperation", "Running", "a"),
			tlOpNote("deleted", op, "playPromptOperation", "Completed", "a"),
			tlCallNote("updated", "hold"),
			tlCallNote("updated", "established"),
			tlRoster("deleted", "p2"),
			tlCallNote("deleted", "terminated"),
		), nil},
		{"clean: terminated repeated as deleted", tlBody(
			tlCallNote("updated", "terminated"),
			tlCallNote("deleted", "terminated"),
		), nil},
		{"clean: operations only, no call", tlBody(
			tlOpNote("updated", op, "recordOperation", "notStarted", "r"),
			tlOpNote("updated", op, "recordOperation", "Running", "r"),
			tlOpNote("deleted", op, "recordOperation", "Failed", "r"),
		), nil},
		{"clean: .NET-capitalised call states", tlBody(
			tlCallNote("Updated", "Establishing"),
			tlCallNote("Updated", "Established"),
		), nil},
		{"operation Completed then Running", tlBody(
			tlOpNote("updated", op, "playPromptOperation", "Completed", "a"),
			tlOpNote("updated", op, "playPromptOperation", "Running", "a"),
		), []string{"timeline-after-terminal@3"}},
		{"call established then establishing", tlBody(
			tlCallNote("updated", "established"),
			tlCallNote("updated", "establishing"),
		), []string{"timeline-status-backwards@3"}},
		{"operation Running then notStarted", tlBody(
			tlOpNote("updated", op, "recordOperation", "Running", "r"),
			tlOpNote("updated", op, "recordOperation", "notStarted", "r"),
		), []string{"timeline-status-backwards@3"}},
		{"call terminated then established", tlBody(
			tlCallNote("updated", "terminated"),
			tlCallNote("updated", "established"),
		), []string{"timeline-after-terminal@3"}},
		{"event after deleted", tlBody(
			tlOpNote("deleted", op, "playPromptOperation", "Completed", "a"),
			tlOpNote("updated", op, "playPromptOperation", "Completed", "a"),
		), []string{"timeline-after-deleted@3"}},
		{"participant back after leaving", tlBody(
			tlRoster("updated", "p1"),
			tlRoster("deleted", "p1"),
			tlRoster("updated", "p1"),
		), []string{"timeline-after-deleted@4"}},
		{"operation changes type", tlBody(
			tlOpNote("updated", op, "playPromptOperation", "Running", "a"),
			tlOpNote("deleted", op, "recordOperation", "Completed", "a"),
		), []string{"timeline-operation-changed@3"}},
		{"operation changes clientContext", tlBody(
			tlOpNote("updated", op, "playPromptOperation", "Running", "a"),
			tlOpNote("deleted", op, "playPromptOperation", "Completed", "b"),
		), []string{"timeline-operation-changed@3"}},
		{"call ends with an operation running", tlBody(
			tlCallNote("updated", "established"),
			tlOpNote("updated", op, "playPromptOperation", "Running", "a"),
			tlOpNote("updated", op2, "recordOperation", "Running", "r"),
			tlOpNote("deleted", op2, "recordOperation", "Completed", "r"),
			tlCallNote("deleted", "terminated"),
		), []string{"timeline-call-ended-open@6"}},
		{"an operation of another call is not this call's", tlBody(
			tlCallNote("updated", "established"),
			strings.Replace(tlOpNote("updated", op, "playPromptOperation", "Running", "a"), "c0ffee00", "deadbeef", 1),
			tlCallNote("deleted", "terminated"),
		), nil},
		{"ids compare without case", tlBody(
			tlOpNote("deleted", op, "playPromptOperation", "Completed", "a"),
			strings.Replace(tlOpNote("updated", op, "playPromptOperation", "Running", "a"), "/operations/0a", "/operations/0A", 1),
		), []string{"timeline-after-deleted@3"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.input)
			r := Validate(src, nil)
			checkInvariants(t, src, r)
			got := timelineCodes(r)
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("got anomalies %q, want %q", got, tt.want)
			}
			for _, d := range r.Diagnostics {
				if isTimelineCode(d.Code) && (d.Severity != Warning || !strings.Contains(d.Message, ":") || len(d.Message) < 80) {
					t.Errorf("%s: %s %q does not say where the earlier event was and what to make of it", d.Code, d.Severity, d.Message)
				}
			}
		})
	}
}

// TestTimelineTracks checks the tracks of a stream: one per resource, in
// order of first appearance, events in input order with their fields.
func TestTimelineTracks(t *testing.T) {
	const op = "0a000000-0000-4000-8000-000000000001"
	result := strings.Replace(tlCallNote("deleted", "terminated"), `"state"`, `"resultInfo": {"code": 500, "subcode": 7106, "message": "Ended"}, "state"`, 1)
	src := []byte(tlBody(
		tlCallNote("created", "incoming"),
		tlRoster("updated", "p1"),
		tlOpNote("updated", op, "playPromptOperation", "Running", "ctx"),
		`{"changeType": "updated", "resourceUrl": "`+tlCall+`/participants/p1", "resourceData": {"id": "p1", "isMuted": true}}`,
		result,
	))
	r := Validate(src, nil)
	var got []string
	for _, tr := range r.Timeline {
		s := tr.ResourceURL + " " + tr.Type + ":"
		for _, e := range tr.Events {
			s += fmt.Sprintf(" %d:%d %s/%s", e.Line, e.Column, e.ChangeType, e.Status)
			if e.ClientContext != "" {
				s += " ctx=" + e.ClientContext
			}
			if e.ResultInfo != nil {
				s += fmt.Sprintf(" %d/%d %s", e.ResultInfo.Code, e.ResultInfo.Subcode, e.ResultInfo.Message)
			}
			if string(src[e.Offset]) != "{" {
				t.Errorf("event at %d:%d: offset %d is not an object's start", e.Line, e.Column, e.Offset)
			}
		}
		got = append(got, s)
	}
	want := []string{
		tlCall + " microsoft.graph.call: 2:1 created/incoming 3:1 updated/roster: 1 participant 6:1 deleted/terminated 500/7106 Ended",
		tlCall + "/participants/p1 microsoft.graph.participant: 3:134 updated/joined 5:1 updated/muted",
		tlCall + "/operations/" + op + " microsoft.graph.playPromptOperation: 4:1 updated/Running ctx=ctx",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("tracks:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestTimelineJSON checks the JSON shape of the timeline: the keys in
// their order, optional ones left out, and an empty array without
// notifications.
func TestTimelineJSON(t *testing.T) {
	const op = "0a000000-0000-4000-8000-000000000001"
	tests := []struct {
		name, input, want string
	}{
		{"no notifications", `{"id": "a", "status": "Running"}`, `"timeline":[]}`},
		{"empty input", ``, `"timeline":[]}`},
		{"an operation", tlBody(tlOpNote("updated", op, "playPromptOperation", "Running", "c")),
			`"timeline":[{"resourceUrl":"` + tlCall + `/operations/` + op + `","type":"microsoft.graph.playPromptOperation","events":[{"line":2,"column":1,"offset":12,"changeType":"updated","status":"Running","clientContext":"c"}]}]}`},
		{"a result, no context", `{"value": [{"changeType": "deleted", "resourceUrl": "/app/calls/X", "resourceData": {"state": "terminated", "resultInfo": {"code": 500, "subcode": 7106, "message": "m\"q"}}}]}`,
			`"timeline":[{"resourceUrl":"/communications/calls/X","type":"microsoft.graph.call","events":[{"line":1,"column":12,"offset":11,"changeType":"deleted","status":"terminated","resultInfo":{"code":500,"subcode":7106,"message":"m\"q"}}]}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := Validate([]byte(tt.input), nil).AppendJSON(nil)
			if !json.Valid(out) {
				t.Fatalf("not JSON: %s", out)
			}
			if i := strings.Index(string(out), `"timeline":`); i < 0 || string(out[i:]) != tt.want {
				t.Errorf("got %s\nwant …%s", out, tt.want)
			}
		})
	}
}

// TestTimelineSeveralParts checks that the events of several documents in
// one input (here two notification blocks of a docs page, each its own
// part) make one timeline, in offset order.
func TestTimelineSeveralParts(t *testing.T) {
	const op = "0a000000-0000-4000-8000-000000000001"
	block := func(note string) string {
		return "<!-- { \"blockType\": \"example\", \"@odata.type\": \"microsoft.graph.commsNotifications\" } -->\n```json\n" + tlBody(note) + "\n```\n"
	}
	src := "# Notifications\n\nFirst:\n\n" + block(tlOpNote("deleted", op, "playPromptOperation", "Completed", "a")) +
		"\nThen:\n\n" + block(tlOpNote("updated", op, "playPromptOperation", "Running", "a"))
	r := Validate([]byte(src), nil)
	if r.Kind != KindMarkdown || len(r.Timeline) != 1 || len(r.Timeline[0].Events) != 2 {
		t.Fatalf("got kind %s and %d tracks (%+v), want one track of two events from a docs page", r.Kind, len(r.Timeline), r.Timeline)
	}
	if a, b := r.Timeline[0].Events[0], r.Timeline[0].Events[1]; a.Line != 8 || b.Line != 17 || a.Offset >= b.Offset {
		t.Errorf("events at lines %d and %d (offsets %d, %d), want 8 and 17 in order", a.Line, b.Line, a.Offset, b.Offset)
	}
	if got := timelineCodes(r); strings.Join(got, " ") != codeAfterDeleted+"@17" {
		t.Errorf("got anomalies %q, want %s@17", got, codeAfterDeleted)
	}
}

// TestSessionTimeline edits one notification of a stream so that an
// anomaly appears on, then leaves, another one: the session answers each
// edit by checking the one item, and its result is Validate's.
func TestSessionTimeline(t *testing.T) {
	const op = "0a000000-0000-4000-8000-000000000001"
	src := []byte(tlBody(
		tlCallNote("updated", "established"),
		tlOpNote("updated", op, "playPromptOperation", "Running", "é"),
		tlOpNote("deleted", op, "playPromptOperation", "Completed", "é"),
		tlCallNote("deleted", "terminated"),
	))
	steps := []timelineEdit{
		{"Running becomes Failed: the next event changes it", `"Running"`, `"Failed"`, []string{"timeline-after-terminal@4"}},
		{"and back", `"Failed"`, `"Running"`, nil},
		{"the call goes back", `"terminated"`, `"establishing"`, []string{"timeline-status-backwards@5"}},
		{"a longer context moves the later events", `"é"}`, `"ééé, more"}`, []string{"timeline-operation-changed@4", "timeline-status-backwards@5"}},
		{"the call ends while the operation runs", `"Completed", "clientContext": "é"`, `"Running", "clientContext": "ééé, more"`, []string{"timeline-status-backwards@5"}},
		{"and it ends", `"establishing"`, `"terminated"`, []string{"timeline-call-ended-open@5"}},
	}
	for _, opts := range []*Options{nil, {SkipTracks: true}} {
		sessionTimeline(t, src, steps, opts)
	}
}

// timelineEdit replaces the first from with to and expects the anomalies
// want (code@line, as timelineCodes writes them).
type timelineEdit struct {
	name, from, to string
	want           []string
}

// sessionTimeline makes the edits of steps to src, one at a time, in a
// Session checking with opts, and compares each result with Validate's.
func sessionTimeline(t *testing.T, src []byte, steps []timelineEdit, opts *Options) {
	t.Helper()
	s := NewSession()
	s.Check(src, opts)
	text := src
	for _, st := range steps {
		i := strings.Index(string(text), st.from)
		if i < 0 {
			t.Fatalf("%s: %q not in the text", st.name, st.from)
		}
		before := s.items
		r, err := s.Apply([]Change{{Offset: i, Length: len(st.from), Text: []byte(st.to)}})
		if err != nil {
			t.Fatal(err)
		}
		text = applyNaive(text, []Change{{Offset: i, Length: len(st.from), Text: []byte(st.to)}})
		sameAsValidate(t, s, r, text, opts, st.name)
		if opts != nil && opts.SkipTracks && len(r.Timeline) != 0 {
			t.Errorf("%s: SkipTracks, yet the result lists %d tracks", st.name, len(r.Timeline))
		}
		if s.items != before+1 {
			t.Errorf("%s: the edit was not checked item by item", st.name)
		}
		if got := timelineCodes(r); strings.Join(got, " ") != strings.Join(st.want, " ") {
			t.Errorf("%s: got anomalies %q, want %q", st.name, got, st.want)
		}
	}
}

// TestSkipTracks checks that SkipTracks leaves out the tracks and nothing
// else: the findings, the timeline's anomalies among them, stay the same.
func TestSkipTracks(t *testing.T) {
	tracked := 0
	for _, doc := range sessionDocs(t) {
		var opts Options
		if doc.opts != nil {
			opts = *doc.opts
		}
		full := Validate(doc.src, &opts)
		opts.SkipTracks = true
		lean := Validate(doc.src, &opts)
		if len(lean.Timeline) != 0 {
			t.Errorf("%s: SkipTracks, yet %d tracks", doc.name, len(lean.Timeline))
		}
		// A Session's check says the same, and builds the tracks on demand.
		s := NewSession()
		if got, want := s.Check(doc.src, &opts).AppendJSON(nil), lean.AppendJSON(nil); !bytes.Equal(got, want) {
			t.Errorf("%s: a Session with SkipTracks differs from Validate:\n got %s\nwant %s", doc.name, got, want)
		}
		if got, want := tracksJSON(s.Tracks()), tracksJSON(full.Timeline); !bytes.Equal(got, want) {
			t.Errorf("%s: Tracks() differs from Validate's timeline:\n got %s\nwant %s", doc.name, got, want)
		}
		tracked += len(full.Timeline)
		full.Timeline = []Track{}
		if got, want := lean.AppendJSON(nil), full.AppendJSON(nil); !bytes.Equal(got, want) {
			t.Errorf("%s: SkipTracks changed more than the tracks:\n got %s\nwant %s", doc.name, got, want)
		}
	}
	if tracked == 0 {
		t.Fatal("no document has a timeline: the test compares nothing")
	}
}

// TestSessionOwnStrings edits a roster, whose participants' words and
// escaped ids are the events' own strings, many times, with the table of
// those strings rebuilt every few edits: each result is Validate's.
func TestSessionOwnStrings(t *testing.T) {
	defer func(n int) { ownSlack = n }(ownSlack)
	ownSlack = 4
	src := []byte(tlBody(
		tlRoster("updated", `p\u0031`, "p2"),
		tlOpNote("updated", "o1", "playPromptOperation", "Running", `c\u00e9`),
		tlRoster("updated", `p\u0031`, "p3"),
	))
	s := NewSession()
	sameAsValidate(t, s, s.Check(src, nil), src, nil, "check")
	text := src
	compacted := 0
	for step := range 40 {
		i := bytes.LastIndex(text, []byte(`"p3"`))
		if step%2 == 1 {
			i = bytes.LastIndex(text, []byte(`"p4"`))
		}
		to := []byte(`"p4"`)
		if step%2 == 1 {
			to = []byte(`"p3"`)
		}
		if i < 0 {
			t.Fatalf("step %d: the participant to rename is gone from %s", step, text)
		}
		before, had := s.items, len(s.tr.own)
		ch := Change{Offset: i, Length: 4, Text: to}
		r, err := s.Apply([]Change{ch})
		if err != nil {
			t.Fatal(err)
		}
		text = applyNaive(text, []Change{ch})
		sameAsValidate(t, s, r, text, nil, "step "+fmt.Sprint(step))
		if s.items != before+1 {
			t.Fatalf("step %d: the edit was not checked item by item", step)
		}
		if len(s.tr.own) < had {
			compacted++
		}
	}
	if compacted == 0 {
		t.Error("the own strings were never rebuilt")
	}
}
