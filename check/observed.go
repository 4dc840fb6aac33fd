package check

import (
	"slices"
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
	{"participantInfo", "replacementLink", "", "callbacks recorded in microsoft-graph-comms-samples#599", false},
	{"invitationParticipantInfo", "clientVersion", "", "an invite operation callback recorded in microsoft-graph-comms-samples#599", false},
	{"invitationParticipantInfo", "endpointId", "", "an invite operation callback recorded in microsoft-graph-comms-samples#599", false},
	{"invitationParticipantInfo", "replacementLink", "", "an invite operation callback recorded in microsoft-graph-comms-samples#599", false},
	{"invitationParticipantInfo", "languageId", "", "microsoft-graph-comms-samples#599 and the call: answer docs (v1.0)", true},
	{"invitationParticipantInfo", "region", "", "incoming-call targets in the call: answer docs (v1.0) and msteams-docs#9159", true},
	{"invitationParticipantInfo", "endpointType", "v1.0", "microsoft-graph-comms-samples#599 and the call: answer docs (v1.0)", true},
	{"identity", "tenantId", "", "the participant: invite docs (v1.0) and callbacks in microsoft-graph-comms-samples#513, #599", false},
	{"identity", "identityProvider", "", "the call: answer and participant: invite docs (v1.0) and microsoft-graph-comms-samples#513, #599", false},
	{"identitySet", "applicationInstance", "", "incoming-call targets in the call: answer docs (v1.0) and msteams-docs#9159", false},
	{"identitySet", "guest", "", "a call logged in microsoft-graph-comms-samples#91", false},
	{"call", "meetingCapability", "v1.0", "a v1.0 call logged in msteams-docs#9159", false},
	{"call", "terminationReason", "v1.0", "a v1.0 call logged in msteams-docs#9159", false},
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
	msg := `"` + key + `" is not declared on ` + t.Short + ` in ` + c.model.API + `, but Graph sends it`
	if o := c.model.Other(); o != nil {
		if ot := o.Type(t.Name); ot != nil && ot.Property(key) != nil {
			msg = `"` + key + `" is declared on ` + t.Short + ` in ` + o.API + ` only, but Graph sends it in ` + c.model.API + ` too`
		}
	}
	c.reportKey(Info, "observed-property", m, msg+` (seen in `+s.seen+`): undocumented there; SDKs keep it in additional data`, nil)
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
	capital, exact, masked int     // capitalized enum values, exact ones, masked values
	at                     []sdkAt // the marked values
	first                  sdkMark
	firstMasked            sdkMark
}

// sdkAt is a marked value: its offset in the input and, for an enum value,
// the member as Graph sends it.
type sdkAt struct {
	offset int
	wire   string
}

// sdkMark is the first marked value of a kind: where, and what it says.
type sdkMark struct {
	offset, length int
	pointer, text  string
}

// enumValue notes an enum value name, found at node e of property prop:
// exact says it names a member as the metadata writes it, else member is
// the one it differs from in case. It reports whether the value is a
// capitalized member, as the .NET SDK writes it.
func (c *checker) enumValue(e int, name, member, prop string, exact bool) bool {
	if name == "" {
		return false
	}
	if exact {
		if f := name[0]; f >= 'a' && f <= 'z' {
			c.sdk.exact++
		}
		return false
	}
	if f := member[0]; !(f >= 'a' && f <= 'z') || name[1:] != member[1:] || name[0] != f-'a'+'A' {
		return false
	}
	c.sdk.capital++
	c.markSDK(e, &c.sdk.first, member, `"`+prop+`" "`+name+`" is how the .NET SDK logs it; Graph sends "`+member+`"`)
	return true
}

// maskedValue notes a string value the .NET SDK's log redactor wrote in
// place of the real one, and reports whether s is one.
func (c *checker) maskedValue(e int, s string) bool {
	if !isMasked(s) {
		return false
	}
	c.sdk.masked++
	c.markSDK(e, &c.sdk.firstMasked, "", quoteShort(s)+" is a value the SDK's log redactor masked")
	return true
}

func (c *checker) markSDK(e int, first *sdkMark, wire, text string) {
	n := &c.doc.Nodes[e]
	c.sdk.at = append(c.sdk.at, sdkAt{c.base + int(n.Start), wire})
	if first.text == "" {
		*first = sdkMark{offset: c.base + int(n.Start), length: int(n.End - n.Start), pointer: c.pointer(), text: text}
	}
}

// isMasked reports whether s is a value as the .NET SDK's log redactor
// writes it: "(Generic: YpP/k/4t)", "(Identity: SDrwD0Cy)": a capitalized
// word, a colon and a short token of base64 characters, in parentheses.
func isMasked(s string) bool {
	if len(s) < len("(A: xxxx)") || s[0] != '(' || s[len(s)-1] != ')' || s[1] < 'A' || s[1] > 'Z' {
		return false
	}
	word, token, ok := strings.Cut(s[1:len(s)-1], ": ")
	if !ok || len(token) < 4 || len(token) > 16 {
		return false
	}
	for _, r := range word {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	for _, r := range token {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '+' || r == '/' || r == '=') {
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
	defer func() { *s = sdkLog{at: s.at[:0]} }()
	if !c.isSDKLog() {
		return
	}
	ds := c.res.Diagnostics
	keep := ds[:from]
	for _, d := range ds[from:] {
		if k := slices.IndexFunc(s.at, func(a sdkAt) bool { return a.offset == d.Offset }); k >= 0 {
			switch d.Code {
			case "enum-case", "enum-unknown", "wrong-type", "placeholder":
				continue
			case "terminal-status-change":
				if s.at[k].wire == "deleted" {
					continue // a "Deleted" the SDK wrote was a "deleted" on the wire
				}
			}
		}
		keep = append(keep, d)
	}
	c.res.Diagnostics = keep
	first, other := s.first, s.firstMasked
	if first.text == "" || other.text != "" && other.offset < first.offset {
		first, other = other, first
	}
	msg := "this reads like a .NET bot's log, which shows what the Graph SDK re-serialized, not what Graph sent: " + first.text
	if other.text != "" {
		msg += "; " + other.text
	}
	if n := s.capital + s.masked - 1 - b2i(other.text != ""); n > 0 {
		msg += "; " + strconv.Itoa(n) + " more such value"
		if n > 1 {
			msg += "s"
		}
		msg += ", not reported one by one"
	}
	c.res.Diagnostics = append(c.res.Diagnostics, Diagnostic{Severity: Info, Code: "dotnet-log", Message: msg,
		Pointer: first.pointer, Offset: first.offset, Length: first.length})
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
