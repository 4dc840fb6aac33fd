package check

import (
	"slices"
	"strings"
	"testing"
)

// note wraps one notification, with the given resourceUrl member (written
// out, "" for none) and resourceData, in a callback body.
func note(change, url, data string) string {
	if url != "" {
		url += ", "
	}
	return `{"value": [{"changeType": "` + change + `", ` + url + `"resourceData": ` + data + `}]}`
}

const (
	callURL  = `"resourceUrl": "/communications/calls/c1"`
	rosterP  = `{"id": "p1", "info": {"identity": {"user": {"id": "u1"}}}, "isMuted": false, "isInLobby": false}`
	typedOp  = `{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "o1", "status": "Running"}`
	typedCal = `{"@odata.type": "#microsoft.graph.call", "state": "established"}`
)

// TestResourceData checks what a notification's resourceData is taken for,
// from its @odata.type, its shape, its members and the resourceUrl, and
// that a disagreement is one finding, not a cascade.
func TestResourceData(t *testing.T) {
	tests := []struct {
		name      string
		input     string
		wantTypes []string // the types of Result.Objects after the notification
		wantCodes []string // every code, sorted; nil for none
	}{
		{"a typed call at a call URL", note("updated", callURL, typedCal), []string{"call"}, nil},
		{"an untyped call at a call URL", note("updated", callURL, `{"state": "established"}`), []string{"call"}, nil},
		{"an untyped call, no URL member: the members say", note("updated", "", `{"state": "established", "direction": "incoming"}`), []string{"call"}, []string{"missing-id", "missing-property"}},
		{"a call at the older resource member", note("updated", `"resource": "/app/calls/c1"`, `{"state": "established"}`), []string{"call"}, nil},
		{"a call at a full URL without the leading slash", note("updated", `"resourceUrl": "https://graph.microsoft.com/beta/communications/calls/c1"`, typedCal), []string{"call"}, nil},
		{"a roster update", note("updated", `"resourceUrl": "communications/calls/c1/participants"`, `[`+rosterP+`, `+rosterP+`]`), []string{"participant", "participant"}, nil},
		{"a roster item that is not an object", note("updated", `"resourceUrl": "/communications/calls/c1/participants"`, `[`+rosterP+`, 3]`), []string{"participant"}, []string{"not-an-object"}},
		{"one participant", note("updated", `"resourceUrl": "/communications/calls/c1/participants/p1"`, rosterP), []string{"participant"}, nil},
		{"one participant without its id", note("updated", `"resourceUrl": "/communications/calls/c1/participants/p1"`, `{"info": {"identity": {}}, "isMuted": true, "isInLobby": false}`), []string{"participant"}, nil},
		{"an operation", note("updated", `"resourceUrl": "/communications/calls/c1/operations/o1"`, typedOp), []string{"playPromptOperation"}, nil},
		{"an operation without its id", note("updated", `"resourceUrl": "/communications/calls/c1/operations/o1"`, `{"status": "Running"}`), []string{"commsOperation"}, nil},
		{"an untyped object at an unknown URL: an operation", note("updated", `"resourceUrl": "/x"`, `{"id": "o1", "status": "Running"}`), []string{"commsOperation"}, nil},
		{"a call where the URL names the participants", note("updated", `"resourceUrl": "/communications/calls/c1/participants"`, typedCal), []string{"call"}, []string{"resource-url-mismatch"}},
		{"a call where the URL names an operation", note("updated", `"resourceUrl": "/communications/calls/c1/operations/o1"`, typedCal), []string{"call"}, []string{"resource-url-mismatch"}},
		{"an untyped call where the URL names an operation", note("updated", `"resourceUrl": "/communications/calls/c1/operations/o1"`, `{"state": "established", "mediaState": {"audio": "active"}}`), []string{"call"}, []string{"resource-url-mismatch"}},
		{"participants where the URL names the call", note("updated", callURL, `[`+rosterP+`]`), []string{"participant"}, []string{"resource-url-mismatch"}},
		{"an operation where the URL names the call", note("updated", callURL, typedOp), []string{"playPromptOperation"}, []string{"resource-url-mismatch"}},
		{"one participant where the URL names the roster", note("updated", `"resourceUrl": "/communications/calls/c1/participants"`, rosterP), []string{"participant"}, []string{"resource-url-mismatch"}},
		{"the call's id differs", note("updated", callURL, `{"state": "established", "id": "c2"}`), []string{"call"}, []string{"notification-id-mismatch"}},
		{"the call's id as another GUID spelling", note("updated", `"resourceUrl": "/communications/calls/4C1E0A002B3D4E5F8A9B0C1D2E3F4A5B"`, `{"state": "established", "id": "4c1e0a00-2b3d-4e5f-8a9b-0c1d2e3f4a5b"}`), []string{"call"}, nil},
		{"the participant's id differs", note("updated", `"resourceUrl": "/communications/calls/c1/participants/p2"`, rosterP), []string{"participant"}, []string{"notification-id-mismatch"}},
		{"an operation's id differs", note("updated", `"resourceUrl": "/communications/calls/c1/operations/o2"`, typedOp), []string{"playPromptOperation"}, []string{"notification-id-mismatch"}},
		{"a string", note("updated", callURL, `"c1"`), nil, []string{"wrong-type"}},
		{"deleted while established", note("deleted", callURL, typedCal), []string{"call"}, []string{"call-deleted-not-terminated"}},
		{"deleted when terminated", note("deleted", callURL, `{"state": "terminated", "resultInfo": {"code": 500, "subcode": 7106}}`), []string{"call"}, nil},
		{"incoming as created", note("created", callURL, `{"state": "incoming"}`), []string{"call"}, nil},
		{"incoming as updated", note("updated", callURL, `{"state": "incoming"}`), []string{"call"}, []string{"incoming-call-not-created"}},
		{"a call rule does not read an operation", note("updated", `"resourceUrl": "/communications/calls/c1/operations/o1"`, `{"id": "o1", "status": "Running", "state": "incoming"}`), []string{"commsOperation"}, []string{"unknown-property"}},
		{"an operation rule does not read a call", note("updated", callURL, `{"state": "terminated", "status": "Completed"}`), []string{"call"}, []string{"unknown-property"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.input)
			r := Validate(src, nil)
			checkInvariants(t, src, r)
			if r.Kind != KindNotifications {
				t.Errorf("kind = %q, want %q", r.Kind, KindNotifications)
			}
			var types []string
			for _, o := range r.Objects[1:] {
				types = append(types, strings.TrimPrefix(o.Type, "microsoft.graph."))
			}
			if !slices.Equal(types, tt.wantTypes) {
				t.Errorf("objects checked as %v, want %v", types, tt.wantTypes)
			}
			var got []string
			for _, d := range r.Diagnostics {
				got = append(got, d.Code)
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.wantCodes) {
				t.Errorf("codes %v, want %v; got %s", got, tt.wantCodes, codes(r))
			}
		})
	}
}

// TestStandaloneKinds checks that a bare call, a bare participant and a
// participants collection are checked as what they are, detected or forced.
func TestStandaloneKinds(t *testing.T) {
	const call = `{"@odata.type": "#microsoft.graph.call", "id": "c1", "state": "established", "callbackUri": "https://bot.example.org/cb"}`
	const untypedCall = `{"id": "c1", "state": "established", "callbackUri": "https://bot.example.org/cb", "direction": "outgoing"}`
	const part = `{"id": "p1", "info": {"identity": {}}, "isMuted": false, "isInLobby": true}`
	tests := []struct {
		name      string
		input     string
		kind      Kind // forced; KindAuto to detect
		wantKind  Kind
		wantType  string // of the first object
		wantCodes []string
	}{
		{"a typed call", call, KindAuto, KindCall, "call", nil},
		{"an untyped call", untypedCall, KindAuto, KindCall, "call", nil},
		{"a call without its id", `{"@odata.type": "#microsoft.graph.call", "state": "established", "callbackUri": "https://bot.example.org/cb"}`, KindAuto, KindCall, "call", []string{"missing-id"}},
		{"a call without its callbackUri", `{"@odata.type": "#microsoft.graph.call", "id": "c1", "state": "established"}`, KindAuto, KindCall, "call", []string{"missing-property"}},
		{"a participant", part, KindAuto, KindParticipant, "participant", nil},
		{"a participant forced", `{"id": "p1", "info": {"identity": {}}, "isMuted": false, "isInLobby": true, "status": "x"}`, KindParticipant, KindParticipant, "participant", []string{"unknown-property"}},
		{"a call forced as an operation", untypedCall, KindOperation, KindOperation, "commsOperation", []string{"unknown-property", "unknown-property", "unknown-property"}},
		{"an operation is still one", `{"id": "o1", "status": "Running"}`, KindAuto, KindOperation, "commsOperation", nil},
		{"a participants collection", `{"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#communications/calls('c1')/participants", "value": [` + part + `]}`, KindAuto, KindCollection, "participant", nil},
		{"a calls collection", `{"@odata.context": "$metadata#communications/calls", "value": [` + call + `]}`, KindAuto, KindCollection, "call", nil},
		{"a collection its first item decides", `{"value": [` + part + `, {"id": "p2", "status": "x"}]}`, KindAuto, KindCollection, "participant", []string{"missing-property", "missing-property", "missing-property", "unknown-property"}},
		{"a wrapped call", `{"value": ` + call + `}`, KindAuto, KindWrapped, "call", []string{"wrapped-entity"}},
		{"an HTTP response with a call", "HTTP/1.1 200 OK\nContent-Type: application/json\n\n" + call, KindAuto, KindHTTP, "call", nil},
		{"a docs block annotated as a call", "<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.call\"} -->\n```json\n" + untypedCall + "\n```\n", KindAuto, KindMarkdown, "call", nil},
		{"a docs block annotated as a participant collection", "<!-- {\"blockType\": \"response\", \"@odata.type\": \"microsoft.graph.participant\", \"isCollection\": true} -->\n```json\n{\"value\": [" + part + "]}\n```\n", KindAuto, KindMarkdown, "participant", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.input)
			r := Validate(src, &Options{Kind: tt.kind})
			checkInvariants(t, src, r)
			if r.Kind != tt.wantKind {
				t.Errorf("kind = %q, want %q", r.Kind, tt.wantKind)
			}
			if len(r.Objects) == 0 || strings.TrimPrefix(r.Objects[0].Type, "microsoft.graph.") != tt.wantType {
				t.Errorf("objects %v, want the first of type %s", r.Objects, tt.wantType)
			}
			var got []string
			for _, d := range r.Diagnostics {
				got = append(got, d.Code)
			}
			slices.Sort(got)
			if !slices.Equal(got, tt.wantCodes) {
				t.Errorf("codes %v, want %v; got %s", got, tt.wantCodes, codes(r))
			}
		})
	}
}

func TestVerifyKinds(t *testing.T) {
	for _, k := range []Kind{KindCall, KindParticipant} {
		if err := (&Options{Kind: k}).Verify(); err != nil {
			t.Errorf("Verify(%q) = %v, want nil", k, err)
		}
	}
	err := (&Options{Kind: "calls"}).Verify()
	if err == nil || !strings.Contains(err.Error(), "call, participant") {
		t.Errorf("Verify(calls) = %v, want an error listing call and participant", err)
	}
}

// TestDuplicateKeyPlace checks that a repeated name's finding points at
// the member and names the first by line and column of the whole input,
// also when the JSON sits inside an HTTP message.
func TestDuplicateKeyPlace(t *testing.T) {
	tests := []struct {
		name, input, wantPointer, wantPlace string
	}{
		{"at the root", "{\"id\": \"a\",\n \"status\": \"Running\",\n \"status\": \"Failed\"}", "/status", "(first at line 2, column 2)"},
		{"nested", `{"id": "a", "status": "Running", "resultInfo": {"code": 200, "subcode": 0, "code": 500}}`, "/resultInfo/code", "(first at line 1, column 49)"},
		{"in a roster item", note("updated", `"resourceUrl": "/communications/calls/c1/participants"`, `[`+rosterP+`, {"id": "p2", "id": "p3", "info": {"identity": {}}, "isMuted": true, "isInLobby": false}]`), "/value/0/resourceData/1/id", "(first at line 1, column 210)"},
		{"a name written with an escape", `{"id": "a", "status": "Running", "st\u0061tus": "Failed"}`, "/status", "(first at line 1, column 13)"},
		{"in an HTTP body", "HTTP/1.1 200 OK\nContent-Type: application/json\n\n{\"id\": \"a\",\n \"id\": \"b\", \"status\": \"Running\"}", "/id", "(first at line 4, column 2)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Validate([]byte(tt.input), nil)
			d := find(r, "duplicate-key")
			if d == nil {
				t.Fatalf("no duplicate-key; got %s", codes(r))
			}
			if d.Pointer != tt.wantPointer {
				t.Errorf("pointer %q, want %q", d.Pointer, tt.wantPointer)
			}
			if !strings.Contains(d.Message, tt.wantPlace) || strings.Contains(d.Message, "byte") {
				t.Errorf("message %q, want it to name %s and no byte", d.Message, tt.wantPlace)
			}
		})
	}
}

// TestODataTypeNoHash checks the severity of a type name without its "#":
// a warning where an SDK would build a less derived type, else an info,
// and that the fix inserts the "#".
func TestODataTypeNoHash(t *testing.T) {
	tests := []struct {
		name, input string
		wantSev     Severity
		wantPtr     string
		wantPhrase  string
	}{
		{"a derived operation", `{"@odata.type": "microsoft.graph.playPromptOperation", "id": "a", "status": "Running"}`, Warning, "/@odata.type", "plain commsOperation"},
		{"a derived operation with members of its own", `{"@odata.type": "microsoft.graph.recordOperation", "id": "a", "status": "Running"}`, Warning, "/@odata.type", "(recordingAccessToken, recordingLocation)"},
		{"the expected type itself", `{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "a", "status": "Running", "resultInfo": {"@odata.type": "microsoft.graph.resultInfo", "code": 200, "subcode": 0}}`, Info, "/resultInfo/@odata.type", "same object"},
		{"a call in a notification", note("updated", callURL, `{"@odata.type": "microsoft.graph.call", "state": "established"}`), Info, "/value/0/resourceData/@odata.type", "same object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.input)
			r := Validate(src, nil)
			d := find(r, "odata-type-no-hash")
			if d == nil {
				t.Fatalf("no odata-type-no-hash; got %s", codes(r))
			}
			if d.Severity != tt.wantSev || d.Pointer != tt.wantPtr || !strings.Contains(d.Message, tt.wantPhrase) {
				t.Errorf("got %s at %q: %s; want %s at %q mentioning %q", d.Severity, d.Pointer, d.Message, tt.wantSev, tt.wantPtr, tt.wantPhrase)
			}
			f := d.Fix
			if f == nil {
				t.Fatal("no fix")
			}
			fixed := string(src[:f.Offset]) + f.Replacement + string(src[f.Offset+f.Length:])
			if r := Validate([]byte(fixed), nil); find(r, "odata-type-no-hash") != nil && strings.Count(tt.input, `"microsoft.graph.`) == 1 {
				t.Errorf("the fixed input still has odata-type-no-hash: %s", fixed)
			}
		})
	}
}
