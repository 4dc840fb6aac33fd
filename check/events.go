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

// span2 is a located member value: bytes of the input, and its JSON
// Pointer relative to its event's (after the event's data when inData).
type span2 struct {
	off, n int
	member string
	inData bool
	_      [0]func()
}

// recordEvent notes what the notification at node e says happened; it is
// the only call notification() makes into the timeline.
func (c *checker) recordEvent(e int) {
	d := c.doc
	if d.Nodes[e].Kind != scan.Object {
		return
	}
	url := c.stringMember(e, "resourceUrl")
	if url == "" {
		url = c.stringMember(e, "resource")
	}
	ref := parseResource(url)
	change := c.stringMember(e, "changeType")
	data := d.Member(e, "resourceData")
	base := event{Event: Event{ChangeType: change}, call: strings.ToLower(ref.Call), ptr: c.pointer(), data: "/resourceData"}
	c.setSpan(&base.status, d.Member(e, "changeType"), "/changeType", false)
	c.setEventNode(&base, e)
	if base.status.n == 0 {
		c.setSpan(&base.status, e, "", false)
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
			id := c.stringMember(p, "id")
			if d.Nodes[p].Kind != scan.Object || id == "" || ref.Call == "" {
				continue
			}
			ev := base
			ev.ptr, ev.data = base.ptr+"/resourceData/"+strconv.Itoa(k), ""
			ev = c.dataEvent(ev, p, resourceRef{Kind: resourceParticipant, Call: ref.Call, ID: id}, "")
			c.setEventNode(&ev, p)
			c.setSpan(&ev.status, p, "", false)
			c.events = append(c.events, ev)
		}
		return
	}
	if data >= 0 && d.Nodes[data].Kind != scan.Object {
		data = -1
	}
	if ref.Kind == resourceUnknown && url == "" && (data < 0 || c.stringMember(data, "id") == "") {
		return // nothing names the resource
	}
	if ref.Kind == resourceParticipants && data >= 0 {
		if id := c.stringMember(data, "id"); id != "" {
			ref = resourceRef{Kind: resourceParticipant, Call: ref.Call, ID: id}
		}
	}
	c.events = append(c.events, c.dataEvent(base, data, ref, url))
}

// dataEvent completes ev from resourceData (or a participant of it) at node
// data (-1 for none), for the resource ref names.
func (c *checker) dataEvent(ev event, data int, ref resourceRef, url string) event {
	d := c.doc
	if data >= 0 {
		ev.typ = strings.TrimPrefix(c.stringMember(data, "@odata.type"), "#")
		c.setSpan(&ev.odataType, d.Member(data, "@odata.type"), "/@odata.type", true)
	}
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
	if ref.Kind == resourceUnknown {
		// No URL opcheck can read: the track is the URL as written, or the
		// resource's id.
		id := c.stringMember(data, "id")
		ev.url, ev.key = url, strings.ToLower(url)
		if url == "" {
			ev.key = "#" + strings.ToLower(id)
		}
	} else {
		ev.url, ev.key = canonicalURL(ref, url)
	}
	if data < 0 {
		return ev
	}
	member := "/status"
	switch kind {
	case resourceCall:
		member = "/state"
	case resourceParticipant:
		ev.Status = participantStatus(c, data, ev.ChangeType)
		member = ""
	}
	if member != "" {
		ev.Status = c.stringMember(data, member[1:])
		c.setSpan(&ev.status, d.Member(data, member[1:]), member, true)
	}
	ev.ClientContext = c.stringMember(data, "clientContext")
	c.setSpan(&ev.context, d.Member(data, "clientContext"), "/clientContext", true)
	if r := d.Member(data, "resultInfo"); r >= 0 && d.Nodes[r].Kind == scan.Object {
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
	return ev
}

// participantStatus says in a word what a participant's notification shows.
func participantStatus(c *checker, p int, change string) string {
	d := c.doc
	isTrue := func(name string) bool {
		m := d.Member(p, name)
		return m >= 0 && d.Nodes[m].Kind == scan.True
	}
	switch {
	case strings.EqualFold(change, "deleted"):
		return "left"
	case isTrue("isInLobby"):
		return "in lobby"
	case isTrue("isMuted"):
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
// copied (the text it comes from may change under a Session), or "".
func (c *checker) stringMember(obj int, name string) string {
	if obj < 0 {
		return ""
	}
	m := c.doc.Member(obj, name)
	if m < 0 || c.doc.Nodes[m].Kind != scan.String {
		return ""
	}
	return strings.Clone(c.doc.Text(m))
}

// setSpan notes node m's value (when m >= 0), member of its event's
// notification or (inData) of its data.
func (c *checker) setSpan(s *span2, m int, member string, inData bool) {
	if m < 0 {
		return
	}
	n := &c.doc.Nodes[m]
	*s = span2{off: c.base + int(n.Start), n: int(n.End - n.Start), member: member, inData: inData}
}

// setEventNode places ev on node i.
func (c *checker) setEventNode(ev *event, i int) {
	n := &c.doc.Nodes[i]
	ev.Offset, ev.Length = c.base+int(n.Start), int(n.End-n.Start)
}
