package check

import (
	"strconv"
	"strings"
	"unsafe"

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

// event is what the timeline keeps of an Event while it puts it on its
// track and looks for what it reveals. It holds no pointer: its strings are
// texts, places in the input or in the events' own strings, so that a long
// stream's events cost the collector nothing and a Session can move them
// with the text.
type event struct {
	_                            [0]func() // no == (and no generated equality function)
	line, column, offset, length int32
	changeType, status, context  texts
	// The resultInfo, where the resource has one.
	result        bool
	code, subcode int32
	message       texts
	// The resource whose track the event is on: its kind, call and id. For
	// a resource no URL names (refKind unknown), id is the URL as written,
	// or "#" and resourceData's id where there is no URL.
	refKind  resourceKind
	call, id texts
	// hash is the track's key (see trackKey), taken while the input around
	// it is fresh in the processor's caches.
	hash uint64
	// url is the resourceUrl as written; canonical says it is already the
	// path opcheck shows for the track.
	url       texts
	canonical bool
	typ       texts        // the resource's type, without "#"
	kind      resourceKind // call, participant or operation (unknown otherwise)
	roster    bool         // a roster change shown on its call
	// What the timeline compares, read once: the status's place in its
	// progression (-1 where it has none), whether the status ends the
	// resource, and whether the changeType is deleted.
	rank              int8
	terminal, deleted bool
	// The JSON Pointer of the notification is list/item; a participant of
	// a roster (participant >= 0) adds /resourceData/participant.
	list              texts
	item, participant int32
	// Members an anomaly points at: status (or changeType), @odata.type
	// and clientContext; length 0 when absent.
	statusAt, typeAt, contextAt span2
}

// textFields are ev's texts, for a Session to move them.
func (ev *event) textFields() [9]*texts {
	return [...]*texts{&ev.changeType, &ev.status, &ev.context, &ev.message, &ev.call, &ev.id, &ev.url, &ev.typ, &ev.list}
}

// move shifts ev and the parts of the input it names by delta bytes.
func (ev *event) move(delta int32) {
	ev.offset += delta
	for _, x := range ev.textFields() {
		if x.n > 0 {
			x.off += delta
		}
	}
	ev.statusAt.off += delta
	ev.typeAt.off += delta
	ev.contextAt.off += delta
}

// texts is a string an event keeps without a pointer: bytes [off, off+n) of
// the input when n >= 0, else entry off of the events' own strings, which
// hold what the input does not hold as it is (a decoded escape, a word
// opcheck writes).
type texts struct{ off, n int32 }

// eventText reads the texts of events: the input they were recorded from,
// and their own strings.
type eventText struct {
	src []byte
	own []string
}

// get returns the string x names. Like the scanner's, it may share the
// input's memory. It is called from many places, most of them rare (the
// anomalies' messages), and kept out of line for the size of opcheck.wasm.
//
//go:noinline
func (t *eventText) get(x texts) string {
	switch {
	case x.n < 0:
		return t.own[x.off]
	case x.n == 0:
		return ""
	}
	return unsafe.String(&t.src[x.off], int(x.n))
}

// keep returns s as a texts of the events of this check: its place in the
// input when it is part of it, else an entry of c.own.
func (c *checker) keep(s string) texts {
	if s == "" {
		return texts{}
	}
	p, src := uintptr(unsafe.Pointer(unsafe.StringData(s))), c.src
	if len(src) > 0 {
		if at := p - uintptr(unsafe.Pointer(&src[0])); at < uintptr(len(src)) && at+uintptr(len(s)) <= uintptr(len(src)) {
			return texts{int32(at), int32(len(s))}
		}
	}
	if n := len(c.own); n > 0 && c.own[n-1] == s {
		return texts{int32(n - 1), -1} // the words opcheck writes come in runs
	}
	c.own = append(c.own, s)
	return texts{int32(len(c.own) - 1), -1}
}

// trackKey returns the hash of the track of a resource: resources are the
// same when their kind, call and id are, ids in either case.
func trackKey(k resourceKind, call, id string) uint64 {
	return foldHash(foldHash(uint64(k), call), id)
}

// sameTrack reports whether ev and o belong on one track (see trackKey).
func (t *eventText) sameTrack(ev, o *event) bool {
	return ev.refKind == o.refKind && equalFoldASCII(t.get(ev.call), t.get(o.call)) && equalFoldASCII(t.get(ev.id), t.get(o.id))
}

// trackURL is the resourceUrl the track of ev shows.
func (t *eventText) trackURL(ev *event) string {
	if ev.canonical || ev.refKind == resourceUnknown {
		return t.get(ev.url)
	}
	return canonicalURL(resourceRef{Kind: ev.refKind, Call: t.get(ev.call), ID: t.get(ev.id)})
}

// pointer returns the JSON Pointer of ev's notification, or participant.
func (t *eventText) pointer(ev *event) string {
	p := t.get(ev.list) + "/" + strconv.Itoa(int(ev.item))
	if ev.participant >= 0 {
		p += "/resourceData/" + strconv.Itoa(int(ev.participant))
	}
	return p
}

// dataPointer is the JSON Pointer of what ev's members are read from: the
// notification's resourceData, or the participant.
func (t *eventText) dataPointer(ev *event) string {
	if ev.participant >= 0 {
		return t.pointer(ev)
	}
	return t.pointer(ev) + "/resourceData"
}

// public returns ev as an Event, its ResultInfo taken from infos.
func (t *eventText) public(ev *event, infos *[]ResultInfo) Event {
	e := Event{Line: int(ev.line), Column: int(ev.column), Offset: int(ev.offset), Length: int(ev.length),
		ChangeType: t.get(ev.changeType), Status: t.get(ev.status), ClientContext: t.get(ev.context)}
	if ev.result {
		*infos = append(*infos, ResultInfo{Code: int(ev.code), Subcode: int(ev.subcode), Message: t.get(ev.message)})
		e.ResultInfo = &(*infos)[len(*infos)-1]
	}
	return e
}

// span2 is a located member value: bytes of the input (which scan keeps
// under 4 GiB), and which member it is.
type span2 struct {
	off, n int32
	member eventMember
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

// memberPointer returns the JSON Pointer of member m of event ev.
func (t *eventText) memberPointer(ev *event, m eventMember) string {
	switch m {
	case memberChangeType:
		return t.pointer(ev) + "/changeType"
	case memberStatus:
		return t.dataPointer(ev) + "/status"
	case memberState:
		return t.dataPointer(ev) + "/state"
	case memberODataType:
		return t.dataPointer(ev) + "/@odata.type"
	case memberContext:
		return t.dataPointer(ev) + "/clientContext"
	}
	return t.pointer(ev)
}

// fields are the members of one object that the timeline reads: each the
// node of the first member with the name, -1 when there is none.
type fields struct {
	odataType, id, status, state, clientContext, resultInfo int
	isInLobby, isMuted                                      int
}

// fieldsOf reads the members of object node obj in one pass. The names it
// looks for differ in length, so a member's length says which one it may be.
func (c *checker) fieldsOf(obj int) fields {
	f := fields{-1, -1, -1, -1, -1, -1, -1, -1}
	d := c.doc
	if obj < 0 || d.Nodes[obj].Kind != scan.Object {
		return f
	}
	at := [...]*int{&f.odataType, &f.id, &f.status, &f.state, &f.clientContext, &f.resultInfo, &f.isInLobby, &f.isMuted}
	for m := obj + 1; m < int(d.Nodes[obj].Next); m = int(d.Nodes[m].Next) {
		name := d.Key(m)
		if len(name) >= len(fieldOfLength) {
			continue
		}
		if k := fieldOfLength[len(name)]; k > 0 && name == fieldNames[k-1] && *at[k-1] < 0 {
			*at[k-1] = m
		}
	}
	return f
}

// fieldNames are the members fieldsOf reads, in the order of fields, and
// fieldOfLength is, for each length of a name, 1 + its index there.
var (
	fieldNames    = [...]string{"@odata.type", "id", "status", "state", "clientContext", "resultInfo", "isInLobby", "isMuted"}
	fieldOfLength = func() (t [14]int8) {
		for i, name := range fieldNames {
			if t[len(name)] != 0 {
				panic("check: two timeline fields of one length: " + name)
			}
			t[len(name)] = int8(i + 1)
		}
		return t
	}()
)

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
// the only call notification() makes into the timeline. url is the node of
// its resourceUrl (or resource) and data of its resourceData, -1 for none,
// and ref is what url names.
func (c *checker) recordEvent(e, url, data int, ref resourceRef) {
	d := c.doc
	u := c.str(url)
	if u == "" && url >= 0 && d.Key(url) == "resourceUrl" {
		u = c.str(d.Member(e, "resource"))
		ref = parseResource(u)
	}
	canonical := isCanonical(u, ref)
	if len(c.events) == cap(c.events) {
		// Room for as many more events as notifications of this size fit
		// in the rest of the document, so that a long batch grows once.
		n := &d.Nodes[e]
		grown := make([]event, len(c.events), 2*len(c.events)+1+(len(d.Src)-int(n.End))/max(int(n.End-n.Start), 64))
		copy(grown, c.events)
		c.events = grown
	}
	change := d.Member(e, "changeType")
	changeType := c.str(change)
	roster := data >= 0 && d.Nodes[data].Kind == scan.Array
	var df fields
	if !roster {
		if data >= 0 && d.Nodes[data].Kind != scan.Object {
			data = -1
		}
		df = c.fieldsOf(data)
		if ref.Kind == resourceUnknown && u == "" && c.str(df.id) == "" {
			return // nothing names the resource
		}
	}
	// The event is written in place: it is large, and a stream has many.
	c.events = append(c.events, event{})
	ev := &c.events[len(c.events)-1]
	ev.changeType, ev.list, ev.item, ev.participant, ev.rank = c.keep(changeType), c.eventList, int32(c.eventItem), -1, -1
	ev.deleted = strings.EqualFold(changeType, "deleted")
	c.setSpan(&ev.statusAt, change, memberChangeType)
	c.setEventNode(ev, e)
	if ev.statusAt.n == 0 {
		c.setSpan(&ev.statusAt, e, memberNone)
	}

	if !roster {
		if ref.Kind == resourceParticipants && data >= 0 {
			if id := c.str(df.id); id != "" {
				ref, canonical = resourceRef{Kind: resourceParticipant, Call: ref.Call, ID: id}, false
			}
		}
		c.dataEvent(ev, data, df, changeType, ref, u, canonical)
		return
	}
	// A roster: one event on the call, one per participant.
	base := *ev
	ev.kind, ev.roster, ev.url = resourceCall, true, c.keep(u)
	ev.refKind, ev.call = resourceCall, c.keep(ref.Call)
	ev.hash = trackKey(resourceCall, ref.Call, "")
	ev.canonical = ref.Kind == resourceCall && canonical
	ev.typ = c.keep("microsoft.graph.call")
	ev.status = c.keep(rosterStatus(int(d.Nodes[data].Count)))
	for p, k := data+1, 0; p < int(d.Nodes[data].Next); p, k = int(d.Nodes[p].Next), k+1 {
		pf := c.fieldsOf(p)
		id := c.str(pf.id)
		if id == "" || ref.Call == "" {
			continue
		}
		c.events = append(c.events, base)
		ev := &c.events[len(c.events)-1]
		ev.participant = int32(k)
		c.dataEvent(ev, p, pf, changeType, resourceRef{Kind: resourceParticipant, Call: ref.Call, ID: id}, "", false)
		c.setEventNode(ev, p)
		c.setSpan(&ev.statusAt, p, memberNone)
	}
}

// isCanonical reports whether url, which names ref, is written as opcheck
// writes a track's path (/communications/calls/{id}, …/operations/{id},
// …/participants[/{id}]), so that the track can show it as it is: the form
// plainResource reads, naming the same resource.
func isCanonical(url string, ref resourceRef) bool {
	p, ok := plainResource(url)
	return ok && p == ref
}

// dataEvent completes ev from resourceData (or a participant of it) at node
// data (-1 for none) with members f, for the resource ref names, after a
// notification of changeType change; canonical says url is already the
// resource's path.
func (c *checker) dataEvent(ev *event, data int, f fields, change string, ref resourceRef, url string, canonical bool) {
	d := c.doc
	typ := strings.TrimPrefix(c.str(f.odataType), "#")
	c.setSpan(&ev.typeAt, f.odataType, memberODataType)
	kind := ref.Kind
	if kind == resourceUnknown || kind == resourceParticipants {
		switch {
		case strings.EqualFold(typ, "microsoft.graph.call"):
			kind = resourceCall
		case strings.EqualFold(typ, "microsoft.graph.participant"):
			kind = resourceParticipant
		default:
			kind = resourceOperation
		}
	}
	ev.kind = kind
	if typ == "" {
		typ = impliedType(kind)
	}
	ev.typ = c.keep(typ)
	ev.url, ev.canonical = c.keep(url), canonical
	ev.refKind, ev.call, ev.id = ref.Kind, c.keep(ref.Call), c.keep(ref.ID)
	if ref.Kind == resourceUnknown {
		// No URL opcheck can read: the track is the URL as written, or the
		// resource's id.
		ref.Call, ref.ID = "", url
		if url == "" {
			ref.ID = "#" + c.str(f.id)
		}
		ev.call, ev.id = texts{}, c.keep(ref.ID)
	}
	ev.hash = trackKey(ref.Kind, ref.Call, ref.ID)
	if data < 0 {
		return
	}
	var status string
	switch kind {
	case resourceCall:
		status = c.str(f.state)
		c.setSpan(&ev.statusAt, f.state, memberState)
	case resourceParticipant:
		status = participantStatus(c, f, change)
	default:
		status = c.str(f.status)
		c.setSpan(&ev.statusAt, f.status, memberStatus)
	}
	ev.status = c.keep(status)
	r := rank(kind, status)
	ev.rank, ev.terminal = int8(r), terminal(kind, r)
	ev.context = c.keep(c.str(f.clientContext))
	c.setSpan(&ev.contextAt, f.clientContext, memberContext)
	if r := f.resultInfo; r >= 0 && d.Nodes[r].Kind == scan.Object && !(c.skipTracks && c.trace == nil) {
		// Only a track shows the resultInfo: a check without tracks, and
		// no Session to build them later, leaves it.
		ev.result = true
		var seen [3]bool // the first member of each name counts
		for m := r + 1; m < int(d.Nodes[r].Next); m = int(d.Nodes[m].Next) {
			switch key := d.Key(m); {
			case key == "code" && !seen[0]:
				v, _ := d.Int(m)
				ev.code, seen[0] = int32(v), true
			case key == "subcode" && !seen[1]:
				v, _ := d.Int(m)
				ev.subcode, seen[1] = int32(v), true
			case key == "message" && !seen[2]:
				ev.message, seen[2] = c.keep(c.str(m)), true
			}
		}
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

// canonicalURL returns the path that names ref, a resource of a known kind.
// Ids keep their case in the path, and compare without it.
func canonicalURL(ref resourceRef) string {
	path := "/communications/calls/" + ref.Call
	switch ref.Kind {
	case resourceParticipants:
		path += "/participants"
	case resourceParticipant:
		path += "/participants/" + ref.ID
	case resourceOperation:
		path += "/operations/" + ref.ID
	}
	return path
}

// setSpan notes node m's value (when m >= 0) as member mb of its event.
func (c *checker) setSpan(s *span2, m int, mb eventMember) {
	if m < 0 {
		return
	}
	n := &c.doc.Nodes[m]
	*s = span2{off: int32(c.base + int(n.Start)), n: int32(n.End - n.Start), member: mb}
}

// setEventNode places ev on node i, and locates it unless the check leaves
// that to its caller. Events come in input order, so one cursor does.
func (c *checker) setEventNode(ev *event, i int) {
	n := &c.doc.Nodes[i]
	ev.offset, ev.length = int32(c.base+int(n.Start)), int32(n.End-n.Start)
	if c.unlocatedEvents {
		return
	}
	if c.eventCursor == nil {
		c.eventCursor = scan.NewCursor(c.src)
	}
	l, col := c.eventCursor.At(int(ev.offset))
	ev.line, ev.column = int32(l), int32(col)
}
