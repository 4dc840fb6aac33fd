package check

import (
	"strconv"
	"strings"

	"opcheck/graph"
)

// This file holds what real callbacks taught: the members Graph sends that
// its metadata does not declare, and the marks a .NET bot's log leaves on
// the payloads it prints.

// sighting is a member Graph was seen to send on a type whose metadata does
// not declare it. Seen names where, so that a reader can check it; the
// inputs themselves are under testdata/observed (see its MANIFEST.tsv).
type sighting struct {
	typ, member string
	api         string // the version whose metadata lacks it; "" for both
	seen        string
	// callback limits the row to callbacks: where a member was seen only
	// there, a bot that writes it into a request, or a response that
	// carries it, is still told that it means nothing.
	callback bool
}

// sightings lists the members Graph is observed to send that the metadata
// lacks. A row names the type that carries the member; a type derived
// from it matches too.
var sightings = []sighting{
	{"participantInfo", "clientVersion", "", "roster callbacks recorded in microsoft-graph-comms-samples#513", false},
	{"participantInfo", "endpointId", "", "roster callbacks recorded in microsoft-graph-comms-samples#513", false},
	{"participantInfo", "id", "", "callers in the call: answer docs (v1.0), microsoft-graph-comms-samples#667 and msteams-docs#9159", false},
	{"participantInfo", "replacementLink", "", "callbacks recorded in microsoft-graph-comms-samples#599", false},
	{"invitationParticipantInfo", "clientVersion", "", "an invite operation callback recorded in microsoft-graph-comms-samples#599", false},
	{"invitationParticipantInfo", "endpointId", "", "an invite operation callback recorded in microsoft-graph-comms-samples#599", false},
	{"invitationParticipantInfo", "replacementLink", "", "an invite operation callback recorded in microsoft-graph-comms-samples#599", false},
	{"invitationParticipantInfo", "id", "", "incoming-call targets in the call: answer (v1.0) and call: redirect (beta) docs and msteams-docs#9159", false},
	{"invitationParticipantInfo", "languageId", "", "microsoft-graph-comms-samples#599 and the call: answer docs (v1.0)", true},
	{"invitationParticipantInfo", "region", "", "incoming-call targets in the call: answer docs (v1.0) and msteams-docs#9159", true},
	{"invitationParticipantInfo", "endpointType", "v1.0", "microsoft-graph-comms-samples#599 and the call: answer docs (v1.0)", true},
	{"identity", "tenantId", "", "the participant: invite docs (v1.0) and callbacks in microsoft-graph-comms-samples#513, #599", false},
	{"identity", "identityProvider", "", "the call: answer and participant: invite docs (v1.0) and microsoft-graph-comms-samples#513, #599", false},
	{"identitySet", "applicationInstance", "", "incoming-call targets in the call: answer docs (v1.0) and msteams-docs#9159", false},
	{"identitySet", "guest", "", "a call logged in microsoft-graph-comms-samples#91", false},
	{"call", "meetingCapability", "v1.0", "a v1.0 call logged in msteams-docs#9159", false},
	{"call", "terminationReason", "v1.0", "v1.0 calls in microsoft-graph-comms-samples#667 and msteams-docs#9159", false},
	{"call", "activeModalities", "v1.0", "a call logged in microsoft-graph-comms-samples#91", false},
	{"call", "mediaHostedRegion", "", "a call logged in msteams-docs#9159", false},
	{"call", "applicationMetadata", "", "the policy-based recording call in the call: answer docs (v1.0)", false},
	{"participant", "publishedStates", "", "roster callbacks recorded in microsoft-graph-comms-samples#513", false},
}

// sighted returns the sighting of member key on t (or a type t derives
// from) in t's API version, or nil; callback says whether the member is in
// a callback's resourceData.
func sighted(t *graph.Type, key, api string, callback bool) *sighting {
	for i := range sightings {
		s := &sightings[i]
		if s.member != key || s.api != "" && s.api != api || s.callback && !callback {
			continue
		}
		for x := t; x != nil; x = x.Base {
			if x.Short == s.typ && x.Namespace == "microsoft.graph" {
				return s
			}
		}
	}
	return nil
}

// observedProperty reports member m, which t does not declare, as info when
// Graph is known to send it, and reports whether it did.
func (c *checker) observedProperty(m int, key string, t *graph.Type) bool {
	s := sighted(t, key, c.model.API, c.inCallback())
	if s == nil {
		return false
	}
	// A row for one version only is for a member the other one declares.
	only := ""
	if s.api != "" {
		only = " (only " + c.model.Other().API + " declares it)"
	}
	c.reportKey(Info, "observed-property", m, `"`+key+`" is not declared on `+t.Short+` in `+c.model.API+only+
		`, but Graph sends it (seen in `+s.seen+`); undocumented, so SDKs keep it in additional data`, nil)
	return true
}

// inCallback reports whether the value being checked is inside a callback's
// resourceData.
func (c *checker) inCallback() bool {
	for _, tok := range c.ptr {
		if tok.index < 0 && tok.key == "resourceData" {
			return true
		}
	}
	return false
}

// sdkLog gathers, while one document is checked, the marks of a log written
// by a .NET bot: enum members written with a capital first letter (the
// SDK's serializer writes "Updated" where Graph sends "updated") and values
// the SDK's log redactor masked ("(Generic: YpP/k/4t)").
type sdkLog struct {
	capital, exact, masked int        // capitalized enum values, exact ones, masked values
	at                     []sdkAt    // the marked values
	first                  [2]sdkMark // the first capitalized value, the first masked one
}

// sdkAt is a marked value: its offset in the input and, for an enum value,
// the member as Graph sends it.
type sdkAt struct {
	offset int
	wire   string
}

// idless marks, in sdkAt.wire, a call without "id": a .NET bot logs the
// call resource the SDK built from the callbacks, whose resourceUrl, not
// resourceData, names the call; so the id is missing from the log, not from
// what Graph sent.
const idless = "\x00call without id"

// sdkMark is the first marked value of a kind: where it is, and what.
type sdkMark struct {
	offset, length             int
	pointer, prop, value, wire string
}

// enumValue notes an enum value name, found at node e of property prop,
// that differs from member only in case: it marks a .NET bot's log when it
// is the member with a capital first letter.
func (c *checker) enumValue(e int, name, member, prop string) {
	if f := member[0]; f >= 'a' && f <= 'z' && name[0] == f-'a'+'A' && name[1:] == member[1:] {
		c.sdk.capital++
		c.markSDK(e, 0, prop, name, member)
	}
}

// maskedValue notes a string value the .NET SDK's log redactor wrote in
// place of the real one, and reports whether s is one.
func (c *checker) maskedValue(e int, s string) bool {
	if !isMasked(s) {
		return false
	}
	c.sdk.masked++
	c.markSDK(e, 1, "", s, "")
	return true
}

func (c *checker) markSDK(e, kind int, prop, value, wire string) {
	n := &c.doc.Nodes[e]
	c.sdk.at = append(c.sdk.at, sdkAt{c.base + int(n.Start), wire})
	if f := &c.sdk.first[kind]; f.value == "" {
		*f = sdkMark{c.base + int(n.Start), int(n.End - n.Start), c.pointer(), prop, value, wire}
	}
}

// isMasked reports whether s is a value as the .NET SDK's log redactor
// writes it: "(Generic: YpP/k/4t)", "(Identity: SDrwD0Cy)": a capitalized
// word, a colon and a short token of base64 characters, in parentheses.
func isMasked(s string) bool {
	n := len(s)
	if n < len("(A: xxxx)") || s[0] != '(' || s[n-1] != ')' || s[1] < 'A' || s[1] > 'Z' {
		return false
	}
	colon := strings.Index(s, ": ")
	if colon < 0 || n-colon-3 < 4 || n-colon-3 > 16 {
		return false
	}
	for i := 2; i < n-1; i++ {
		b := s[i] | 0x20 // lower case, for letters
		letter := b >= 'a' && b <= 'z'
		switch {
		case i < colon && !letter,
			i > colon+1 && !letter && !(s[i] >= '0' && s[i] <= '9' || s[i] == '+' || s[i] == '/' || s[i] == '='):
			return false
		}
	}
	return true
}

// isSDKLog decides whether the document just checked was printed by a .NET
// bot. One masked value is proof. Capitalized enum values are, when no enum
// value of the document is written as Graph writes it, and there are two
// of them, or one inside a log (a hand-written payload with one capital is
// the usual enum-case mistake).
func (c *checker) isSDKLog() bool {
	s := &c.sdk
	return s.masked > 0 || s.capital > 0 && s.exact == 0 && (s.capital >= 2 || c.res.Kind == KindLog)
}

// sdkLogDone ends a document: when it is a .NET bot's log, the findings
// about the values the SDK changed, from index from of the diagnostics on,
// give way to one finding that says so.
func (c *checker) sdkLogDone(from int) {
	s := &c.sdk
	if c.isSDKLog() {
		c.sdkLogSay(from)
	}
	*s = sdkLog{at: s.at[:0]}
}

// sdkLogSay replaces the findings about values the SDK changed, from index
// from of the diagnostics on, with one that says what the document is.
func (c *checker) sdkLogSay(from int) {
	s := &c.sdk
	ds := c.res.Diagnostics
	keep := ds[:from]
	for i := from; i < len(ds); i++ {
		if !s.changed(&ds[i]) {
			keep = append(keep, ds[i])
		}
	}
	msg, at := "", -1
	for k := range s.first {
		f := &s.first[k]
		switch {
		case f.value == "":
			continue
		case f.wire != "":
			msg += `; "` + f.prop + `" "` + f.value + `" is how the .NET SDK logs it; Graph sends "` + f.wire + `"`
		default:
			msg += "; " + quoteShort(f.value) + " is a value the SDK's log redactor masked"
		}
		if at < 0 || f.offset < s.first[at].offset {
			at = k
		}
	}
	if n := s.capital + s.masked - b2i(s.first[0].value != "") - b2i(s.first[1].value != ""); n > 0 {
		msg += "; " + strconv.Itoa(n) + " more such value(s), not reported one by one"
	}
	f := &s.first[at]
	c.res.Diagnostics = append(keep, Diagnostic{Severity: Info, Code: "dotnet-log", Pointer: f.pointer, Offset: f.offset, Length: f.length,
		Message: "this reads like a .NET bot's log, which shows what the Graph SDK re-serialized, not what Graph sent: " + msg[2:]})
}

// changed reports whether d is about a value the SDK changed: such a
// finding is about the log, not about what Graph sent.
func (s *sdkLog) changed(d *Diagnostic) bool {
	for _, a := range s.at {
		if a.offset != d.Offset {
			continue
		}
		switch d.Code {
		case "enum-case", "enum-unknown", "wrong-type", "placeholder":
			return true
		case "terminal-status-change":
			return a.wire == "deleted" // a "Deleted" the SDK wrote was a "deleted" on the wire
		case "missing-id":
			return a.wire == idless
		}
	}
	return false
}

// sdkMarks counts, for a Session, the capitalized enum values that the
// findings ds report outside the item at [start, end) of the old text,
// which an edit of delta bytes made into text; and whether they hold a
// dotnet-log finding. From these and the item's own marks the session
// knows whether an edit inside the item can change the verdict about the
// whole document.
func sdkMarks(ds []Diagnostic, text []byte, start, end, delta int) (capitals int, log bool) {
	for i := range ds {
		d := &ds[i]
		if d.Code == "dotnet-log" {
			return capitals, true
		}
		off := d.Offset
		switch {
		case d.Code != "enum-case" || off >= start && off < end:
			continue
		case off >= end:
			off += delta
		}
		if off+1 < len(text) && text[off+1] >= 'A' && text[off+1] <= 'Z' {
			capitals++
		}
	}
	return capitals, false
}
