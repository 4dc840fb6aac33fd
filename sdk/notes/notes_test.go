package notes

import (
	"strconv"
	"strings"
	"testing"

	"opcheck/check"
	"opcheck/graph"
)

// validate checks text against v1.0 and annotates the result, as the CLI
// does.
func validate(text string) *check.Result {
	r := check.Validate([]byte(text), nil)
	Annotate([]byte(text), r)
	return r
}

// find returns the first diagnostic with the code, or nil.
func find(r *check.Result, code string) *check.Diagnostic {
	for i := range r.Diagnostics {
		if r.Diagnostics[i].Code == code {
			return &r.Diagnostics[i]
		}
	}
	return nil
}

// codes lists the codes of r's findings, for failure messages.
func codes(r *check.Result) string {
	var b strings.Builder
	for _, d := range r.Diagnostics {
		b.WriteString(d.Code + " ")
	}
	return b.String()
}

// TestSDKNotes checks which findings carry SDK sentences, and which SDKs
// they name.
func TestSDKNotes(t *testing.T) {
	tests := []struct {
		name string
		in   string
		code string
		want check.SDKNotes
	}{
		{"enum case", `{"@odata.type":"#microsoft.graph.playPromptOperation","id":"a","status":"completed"}`, "enum-case", check.SDKNotes{
			Go: "GetStatus() returns nil; no error", TypeScript: "status is undefined; no error", Java: "getStatus() returns null; no error"}},
		{"enum case beyond the first letter", `{"@odata.type":"#microsoft.graph.playPromptOperation","id":"a","status":"COMPLETED"}`, "enum-case", check.SDKNotes{
			Go: "GetStatus() returns nil; no error", TypeScript: "status is undefined; no error", Java: "getStatus() returns null; no error", Python: "status is None; no error"}},
		{"enum unknown", `{"@odata.type":"#microsoft.graph.playPromptOperation","id":"a","status":"Done"}`, "enum-unknown", check.SDKNotes{
			Go: "GetStatus() returns nil; no error", TypeScript: "status is undefined; no error", DotNet: "Status is null; no error",
			Java: "getStatus() returns null; no error", Python: "status is None; no error"}},
		{"code out of range", `{"@odata.type":"#microsoft.graph.playPromptOperation","id":"a","status":"Failed","resultInfo":{"code":4294967295,"subcode":0}}`, "out-of-range", check.SDKNotes{
			Go:         "the whole read fails: GetObjectValue returns an error and no object",
			TypeScript: "code is the number as written, outside the declared type",
			DotNet:     "deserialization throws; no object",
			Java:       "getCode() returns a converted value (a string parsed, or a number wrapped or truncated)",
			Python:     "code is the number as written, outside the declared type"}},
		{"type case", `{"@odata.type":"#microsoft.graph.InviteParticipantsOperation","id":"a","status":"Running"}`, "odata-type-unknown", check.SDKNotes{
			Go:         "a *models.CommsOperation is built; the inviteParticipantsOperation members go to GetAdditionalData()",
			TypeScript: "the commsOperation deserializer runs; the inviteParticipantsOperation members go to additionalData",
			DotNet:     "a CommsOperation is built; the inviteParticipantsOperation members go to AdditionalData",
			Java:       "a CommsOperation is built; the inviteParticipantsOperation members go to getAdditionalData()"}},
		{"type without #", `{"@odata.type":"microsoft.graph.inviteParticipantsOperation","id":"a","status":"Running"}`, "odata-type-no-hash", check.SDKNotes{
			Go:         "a *models.CommsOperation is built; the inviteParticipantsOperation members go to GetAdditionalData()",
			TypeScript: "the commsOperation deserializer runs; the inviteParticipantsOperation members go to additionalData",
			DotNet:     "a CommsOperation is built; the inviteParticipantsOperation members go to AdditionalData",
			Java:       "a CommsOperation is built; the inviteParticipantsOperation members go to getAdditionalData()",
			Python:     "a CommsOperation is built; the inviteParticipantsOperation members go to additional_data"}},
		{"undeclared null", `{"@odata.type":"#microsoft.graph.playPromptOperation","id":"a","status":"Running","region": null}`, "unknown-property", check.SDKNotes{
			Go:         "the member is dropped: neither a property nor GetAdditionalData() holds it",
			TypeScript: `additionalData["region"] holds the value; no typed property is set`,
			DotNet:     `AdditionalData["region"] holds the value; no typed property is set`,
			Java:       "the member is dropped: neither a property nor getAdditionalData() holds it",
			Python:     `additional_data["region"] holds the value; no typed property is set`}},
		{"string for a string property", `{"@odata.type":"#microsoft.graph.playPromptOperation","id":"a","status":"Running","clientContext":5}`, "wrong-type", check.SDKNotes{
			Go:         "the whole read fails: GetObjectValue returns an error and no object",
			TypeScript: "clientContext is undefined; no error",
			DotNet:     "ClientContext is null; no error",
			Java:       "getClientContext() returns a converted value (a string parsed, or a number wrapped or truncated)",
			Python:     "client_context is None; no error"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := validate(tt.in)
			d := find(res, tt.code)
			if d == nil {
				t.Fatalf("no %s finding; got %s", tt.code, codes(res))
			}
			if d.SDK == nil {
				t.Fatalf("%s: no SDK notes", tt.code)
			}
			if *d.SDK != tt.want {
				t.Errorf("got %+v\nwant %+v", *d.SDK, tt.want)
			}
		})
	}
}

// TestSDKNotesAbsent checks findings no SDK reads differently: none gets
// notes.
func TestSDKNotesAbsent(t *testing.T) {
	for _, in := range []string{
		`{"@odata.type":"#microsoft.graph.playPromptOperation","status":"Running"}`,                                                                                          // missing-id
		`{"@odata.type":"#microsoft.graph.playPromptOperation","id":"a","status":"Failed"}`,                                                                                  // failed-without-result
		`{"@odata.type":"#microsoft.graph.playPromptOperation","id":"a","status":"Running",}`,                                                                                // trailing-comma
		`{"@odata.type":"#microsoft.graph.playPromptOperation","id":"a","status":"Failed","resultInfo":{"@odata.type":"microsoft.graph.resultInfo","code":500,"subcode":1}}`, // odata-type-no-hash on the type the position holds
	} {
		for _, d := range validate(in).Diagnostics {
			if d.SDK != nil {
				t.Errorf("%s: %s has SDK notes %+v", in, d.Code, *d.SDK)
			}
		}
	}
}

// TestSDKNotesShared checks that a mistake repeated in every item builds
// its sentences once: the findings share one SDKNotes.
func TestSDKNotesShared(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"value":[`)
	for i := range 200 {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"@odata.type":"#microsoft.graph.playPromptOperation","id":"` + strconv.Itoa(i) + `","status":"Running","region":"emea"}`)
	}
	b.WriteString(`]}`)
	res := validate(b.String())
	var first *check.SDKNotes
	n := 0
	for i := range res.Diagnostics {
		d := &res.Diagnostics[i]
		if d.Code != "unknown-property" {
			continue
		}
		n++
		if first == nil {
			first = d.SDK
		}
		if d.SDK == nil || d.SDK != first {
			t.Fatalf("finding %d: SDK %p, want the shared %p", n, d.SDK, first)
		}
	}
	if n != 200 {
		t.Errorf("got %d unknown-property findings, want 200", n)
	}
}

// repeatedMistakes is a collection of about size bytes whose every item
// has the same two undeclared members: the findings-heavy document of
// issue 11.
func repeatedMistakes(size int) []byte {
	var b strings.Builder
	b.WriteString(`{"value":[`)
	for i := 0; b.Len() < size; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`{"@odata.type":"#microsoft.graph.playPromptOperation","id":"` + strconv.Itoa(i) +
			`","status":"Completed","clientContext":"c","region":"emea","languageId":"en-US","resultInfo":{"code":200,"subcode":0,"message":"ok"}}`)
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}

// BenchmarkSDKNotes measures the notes pass alone on the findings of a
// findings-heavy 1 MB document, beside Validate and Annotate together.
func BenchmarkSDKNotes(b *testing.B) {
	doc := repeatedMistakes(1 << 20)
	b.Run("validate", func(b *testing.B) {
		b.SetBytes(int64(len(doc)))
		b.ReportAllocs()
		for b.Loop() {
			Annotate(doc, check.Validate(doc, nil))
		}
	})
	b.Run("notes-only", func(b *testing.B) {
		res := check.Validate(doc, nil)
		m := graph.Lookup("v1.0")
		b.SetBytes(int64(len(doc)))
		b.ReportAllocs()
		for b.Loop() {
			for i := range res.Diagnostics {
				res.Diagnostics[i].SDK = nil
			}
			annotate(res.Diagnostics, res.Objects, doc, m)
		}
		b.ReportMetric(float64(len(res.Diagnostics)), "findings")
	})
}
