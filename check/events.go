package check

import (
	"strconv"
	"strings"

	"opcheck/scan"
)

// This file records what each commsNotification says happened, for the
// timeline (timeline.go). It reads the notification's nodes itself, so the
// checks of notification() can change without touching it.

// Event is one thing that happened to a resource, as one notification (or
// one participant of a roster notification) tells it.
//
// Line and Column are 1-based, columns counted in Unicode code points, like
// a Diagnostic's; Offset is the byte offset of the notification object (or
// the participant's object in a roster) in the input, and Length its size.
type Event struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Offset int `json:"offset"`
	Length int `json:"-"`
	// ChangeType is the notification's changeType: created, updated or
	// deleted (as written).
	ChangeType string `json:"changeType"`
	// Status is a call's state, an operation's status, or for a participant
	// a word a person reads: joined, muted, in lobby or left. A roster
	// notification's event on its call says how many participants it lists.
	Status string `json:"status"`
	// ClientContext is the resource's clientContext, "" where it has none.
	ClientContext string `json:"clientContext,omitempty"`
	// ResultInfo is the resource's resultInfo, nil where it has none.
	ResultInfo *ResultInfo `json:"resultInfo,omitempty"`
}

// ResultInfo is the code, subcode and message a resource ended with.
type ResultInfo struct {
	Code    int    `json:"code"`
	Subcode int    `json:"subcode"`
	Message string `json:"message"`
}

// event is an Event with what the timeline needs to put it on its track and
// to locate what it reveals.
type event struct {
	Event
	key    string       // the track: a resource's canonical URL, lower-cased
	url    string       // the resourceUrl the track shows
	typ    string       // the resource's type, without "#"
	kind   resourceKind // call, participant or operation (unknown otherwise)
	call   string       // the call's id, lower-cased ("" when unknown)
	roster bool         // a roster change shown on its call
	// ptr is the JSON Pointer of the notification (or participant) and
	// data that of its resourceData relative to it ("" for a participant).
	ptr, data string
	// Members an anomaly points at: status (or changeType), @odata.type
	// and clientContext; length 0 when absent.
	status, odataType, context span2

	_ [0]func() // no == (and no generated equality function)
}

// span2 is a located member value: bytes of the input (which scan keeps
// under 4 GiB), and which member it is.
type span2 struct {
	off, n int32
	member eventMember
	_      [0]func()
}

// eventMember names the member a span2 holds, for its JSON Pointer.
type eventMember uint8

const (
	memberNone       eventMember = iota // the event's own object
	memberChangeType                    // /changeType of the notification
	memberStatus                        // /status of the data
	memberState                         // /state of the data
	memberODataType                     // /@odata.type of the data
	memberContext                       // /clientContext of the data
)

// pointer returns the JSON Pointer of m, relative to its event's.
func (m eventMember) pointer(ev *event) string {
	switch m {
	case memberChangeType:
		return ev.ptr + "/changeType"
	case memberStatus:
		return ev.ptr + ev.data + "/status"
	case memberState:
		return ev.ptr + ev.data + "/state"
	case memberODataType:
		return ev.ptr + ev.data + "/@odata.type"
	case memberContext:
		return ev.ptr + ev.data + "/clientContext"
	}
	return ev.ptr
}

// fields are the members of one object that the timeline reads: each the
// node of the first member with the name, -1 when there is none.
type fields struct {
	resourceURL, resource, changeType, resourceData         int
	odataType, id, status, state, clientContext, resultInfo int
	isInLobby, isMuted                                      int
}

// fieldsOf reads the members of object node obj in one pass.
func (c *checker) fieldsOf(obj int) fields {
	f := fields{-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1}
	d := c.doc
	if obj < 0 || d.Nodes[obj].Kind != scan.Object {
		return f
	}
	for m := obj + 1; m < int(d.Nodes[obj].Next); m = int(d.Nodes[m].Next) {
		var at *int
		switch d.Key(m) {
		case "resourceUrl":
			at = &f.resourceURL
		case "resource":
			at = &f.resource
		case "changeType":
			at = &f.changeType
		case "resourceData":
			at = &f.resourceData
		case "@odata.type":
			at = &f.odataType
		case "id":
			at = &f.id
		case "status":
			at = &f.status
		case "state":
			at = &f.state
		case "clientContext":
			at = &f.clientContext
		case "resultInfo":
			at = &f.resultInfo
		case "isInLobby":
			at = &f.isInLobby
		case "isMuted":
			at = &f.isMuted
		default:
			continue
		}
		if *at < 0 {
			*at = m
		}
	}
	return f
}

// str returns string node m's value, or "" when m is absent or no string.
// Like the scanner's, the string may share the input's memory (a Session
// detaches what it keeps).
func (c *checker) str(m int) string {
	if m < 0 || c.doc.Nodes[m].Kind != scan.String {
		return ""
	}
	return c.doc.Text(m)
}

// recordEvent notes what the notification at node e says happened; it is
// the only call notification() makes into the timeline.
func (c *checker) recordEvent(e int) {
	d := c.doc
	if d.Nodes[e].Kind != scan.Object {
		return
	}
	f := c.fieldsOf(e)
	url := c.str(f.resourceURL)
	if url == "" {
		url = c.str(f.resource)
	}
	ref, canonical := readResource(url)
	data := f.resourceData
	if len(c.events) == cap(c.events) {
		// Room for as many more events as notifications of this size fit
		// in the rest of the document, so that a long batch grows once.
		n := &d.Nodes[e]
		grown := make([]event, len(c.events), 2*len(c.events)+1+(len(d.Src)-int(n.End))/max(int(n.End-n.Start), 64))
		copy(grown, c.events)
		c.events = grown
	}
	base := event{Event: Event{ChangeType: c.str(f.changeType)}, call: strings.ToLower(ref.Call), ptr: c.pointer(), data: "/resourceData"}
	c.setSpan(&base.status, f.changeType, memberChangeType)
	c.setEventNode(&base, e)
	if base.status.n == 0 {
		c.setSpan(&base.status, e, memberNone)
	}

	if data >= 0 && d.Nodes[data].Kind == scan.Array {
		// A roster: one event on the call, one per participant.
		ev := base
		ev.kind, ev.roster = resourceCall, true
		ev.url, ev.key = canonicalURL(resourceRef{Kind: resourceCall, Call: ref.Call}, url)
		ev.typ = "microsoft.graph.call"
		ev.Status = rosterStatus(int(d.Nodes[data].Count))
		c.events = append(c.events, ev)
		for p, k := data+1, 0; p < int(d.Nodes[data].Next); p, k = int(d.Nodes[p].Next), k+1 {
			pf := c.fieldsOf(p)
			id := c.str(pf.id)
			if id == "" || ref.Call == "" {
				continue
			}
			c.events = append(c.events, base)
			ev := &c.events[len(c.events)-1]
			ev.ptr, ev.data = base.ptr+"/resourceData/"+strconv.Itoa(k), ""
			c.dataEvent(ev, p, pf, resourceRef{Kind: resourceParticipant, Call: ref.Call, ID: id}, "", false)
			c.setEventNode(ev, p)
			c.setSpan(&ev.status, p, memberNone)
		}
		return
	}
	if data >= 0 && d.Nodes[data].Kind != scan.Object {
		data = -1
	}
	df := c.fieldsOf(data)
	if ref.Kind == resourceUnknown && url == "" && c.str(df.id) == "" {
		return // nothing names the resource
	}
	if ref.Kind == resourceParticipants && data >= 0 {
		if id := c.str(df.id); id != "" {
			ref, canonical = resourceRef{Kind: resourceParticipant, Call: ref.Call, ID: id}, false
		}
	}
	c.events = append(c.events, base)
	c.dataEvent(&c.events[len(c.events)-1], data, df, ref, url, canonical)
}

// readResource is parseResource, and whether url is already written as
// opcheck writes a track's path (/communications/calls/{id}, …/operations/{id},
// …/participants[/{id}]), so that the track can use it as it is.
func readResource(url string) (ref resourceRef, canonical bool) {
	ref = parseResource(url)
	rest, ok := strings.CutPrefix(url, "/communications/calls/")
	if !ok || ref.Kind == resourceUnknown {
		return ref, false
	}
	if rest, ok = strings.CutPrefix(rest, ref.Call); !ok {
		return ref, false
	}
	var coll string
	switch ref.Kind {
	case resourceCall:
		return ref, rest == ""
	case resourceParticipants:
		return ref, rest == "/participants"
	case resourceParticipant:
		coll = "/participants/"
	default:
		coll = "/operations/"
	}
	id, ok := strings.CutPrefix(rest, coll)
	return ref, ok && id == ref.ID
}

// dataEvent completes ev from resourceData (or a participant of it) at node
// data (-1 for none) with members f, for the resource ref names; canonical
// says url is already the resource's path.
func (c *checker) dataEvent(ev *event, data int, f fields, ref resourceRef, url string, canonical bool) {
	d := c.doc
	ev.typ = strings.TrimPrefix(c.str(f.odataType), "#")
	c.setSpan(&ev.odataType, f.odataType, memberODataType)
	kind := ref.Kind
	if kind == resourceUnknown || kind == resourceParticipants {
		switch strings.ToLower(ev.typ) {
		case "microsoft.graph.call":
			kind = resourceCall
		case "microsoft.graph.participant":
			kind = resourceParticipant
		default:
			kind = resourceOperation
		}
	}
	ev.kind = kind
	if ev.typ == "" {
		ev.typ = impliedType(kind)
	}
	switch {
	case canonical:
		ev.url, ev.key = url, strings.ToLower(url)
	case ref.Kind == resourceUnknown:
		// No URL opcheck can read: the track is the URL as written, or the
		// resource's id.
		ev.url, ev.key = url, strings.ToLower(url)
		if url == "" {
			ev.key = "#" + strings.ToLower(c.str(f.id))
		}
	default:
		ev.url, ev.key = canonicalURL(ref, url)
	}
	if data < 0 {
		return
	}
	switch kind {
	case resourceCall:
		ev.Status = c.str(f.state)
		c.setSpan(&ev.status, f.state, memberState)
	case resourceParticipant:
		ev.Status = participantStatus(c, f, ev.ChangeType)
	default:
		ev.Status = c.str(f.status)
		c.setSpan(&ev.status, f.status, memberStatus)
	}
	ev.ClientContext = c.str(f.clientContext)
	c.setSpan(&ev.context, f.clientContext, memberContext)
	if r := f.resultInfo; r >= 0 && d.Nodes[r].Kind == scan.Object {
		ri := &ResultInfo{Message: c.stringMember(r, "message")}
		if n := d.Member(r, "code"); n >= 0 {
			v, _ := d.Int(n)
			ri.Code = int(v)
		}
		if n := d.Member(r, "subcode"); n >= 0 {
			v, _ := d.Int(n)
			ri.Subcode = int(v)
		}
		ev.ResultInfo = ri
	}
}

// participantStatus says in a word what a participant's notification shows.
func participantStatus(c *checker, f fields, change string) string {
	isTrue := func(m int) bool { return m >= 0 && c.doc.Nodes[m].Kind == scan.True }
	switch {
	case strings.EqualFold(change, "deleted"):
		return "left"
	case isTrue(f.isInLobby):
		return "in lobby"
	case isTrue(f.isMuted):
		return "muted"
	}
	return "joined"
}

// rosterStatus is the status a roster change shows on its call.
func rosterStatus(n int) string {
	if n == 1 {
		return "roster: 1 participant"
	}
	return "roster: " + strconv.Itoa(n) + " participants"
}

// impliedType is the type a resourceUrl of kind k names.
func impliedType(k resourceKind) string {
	switch k {
	case resourceCall:
		return "microsoft.graph.call"
	case resourceParticipant, resourceParticipants:
		return "microsoft.graph.participant"
	case resourceOperation:
		return "microsoft.graph.commsOperation"
	}
	return ""
}

// canonicalURL returns the path that names ref, and the key of its track.
// Ids keep their case in the path, and compare without it.
func canonicalURL(ref resourceRef, url string) (path, key string) {
	path = "/communications/calls/" + ref.Call
	switch ref.Kind {
	case resourceParticipants:
		path += "/participants"
	case resourceParticipant:
		path += "/participants/" + ref.ID
	case resourceOperation:
		path += "/operations/" + ref.ID
	case resourceUnknown:
		path = url
	}
	return path, strings.ToLower(path)
}

// stringMember returns the string value of member name of object node obj,
// or "". Like the scanner's, the string may share the input's memory (a
// Session detaches what it keeps).
func (c *checker) stringMember(obj int, name string) string {
	if obj < 0 {
		return ""
	}
	m := c.doc.Member(obj, name)
	if m < 0 || c.doc.Nodes[m].Kind != scan.String {
		return ""
	}
	return c.doc.Text(m)
}

// setSpan notes node m's value (when m >= 0) as member mb of its event.
func (c *checker) setSpan(s *span2, m int, mb eventMember) {
	if m < 0 {
		return
	}
	n := &c.doc.Nodes[m]
	*s = span2{off: int32(c.base + int(n.Start)), n: int32(n.End - n.Start), member: mb}
}

// setEventNode places ev on node i.
func (c *checker) setEventNode(ev *event, i int) {
	n := &c.doc.Nodes[i]
	ev.Offset, ev.Length = c.base+int(n.Start), int(n.End-n.Start)
}
