package check

import (
	"strings"

	"opcheck/graph"
	"opcheck/scan"
)

// The entity types, besides operations, that a calling bot receives.
const (
	callName        = "microsoft.graph.call"
	participantName = "microsoft.graph.participant"
)

// kindOfType says which kind of resource an object of type t is: an
// operation, a call or a participant; resourceUnknown for anything else.
func (c *checker) kindOfType(t *graph.Type) resourceKind {
	switch {
	case t == nil:
		return resourceUnknown
	case c.opType != nil && t.IsA(c.opType):
		return resourceOperation
	case c.callType != nil && t.IsA(c.callType):
		return resourceCall
	case c.participantType != nil && t.IsA(c.participantType):
		return resourceParticipant
	}
	return resourceUnknown
}

// typeOfKind is the type an object of kind k is checked as when it does not
// name a more derived one.
func (c *checker) typeOfKind(k resourceKind) *graph.Type {
	switch k {
	case resourceCall:
		return c.callType
	case resourceParticipant, resourceParticipants:
		return c.participantType
	}
	return c.opType
}

// namedKind is the kind the object at node i names in its "@odata.type",
// read without reporting anything (the object's check reports problems).
func (c *checker) namedKind(i int) resourceKind {
	at := c.doc.Member(i, "@odata.type")
	if at < 0 || c.doc.Nodes[at].Kind != scan.String {
		return resourceUnknown
	}
	return c.kindOfType(c.lookupType(trimType(c.doc.Text(at))))
}

// guessKind reads an object without "@odata.type" by the members only one
// kind declares: a call has a state and a callbackUri, an operation a
// status, a participant its info and mute state. It returns
// resourceUnknown when no kind has more such members than the others.
func guessKind(d *scan.Doc, i int) resourceKind {
	var call, op, part int
	for m := i + 1; m < int(d.Nodes[i].Next); m = int(d.Nodes[m].Next) {
		switch d.Key(m) {
		case "state", "callbackUri", "direction", "mediaState", "source", "targets", "myParticipantId",
			"requestedModalities", "callChainId", "chatInfo", "meetingInfo", "incomingContext", "callRoutes",
			"mediaConfig", "callOptions", "answeredBy", "terminationReason", "toneInfo", "subject":
			call++
		case "status", "clientContext", "completionReason":
			op++
		case "info", "isMuted", "isInLobby", "mediaStreams", "removedState", "rosterSequenceNumber", "recordingInfo":
			part++
		}
	}
	switch {
	case call > op && call > part:
		return resourceCall
	case op > call && op > part:
		return resourceOperation
	case part > call && part > op:
		return resourceParticipant
	}
	return resourceUnknown
}

// entity checks the object at node i as an operation, a call or a
// participant, whichever want is, and records it in Result.Objects.
func (c *checker) entity(i int, want *graph.Type) *graph.Type {
	if c.kindOfType(want) == resourceOperation {
		return c.operation(i, want)
	}
	t := c.object(i, want)
	if t != nil {
		c.addObject(i, t)
	}
	return t
}

// standalone decides what the object at node i, a document's entity, is:
// the type a docs annotation names (want, when not the operation root),
// else its own "@odata.type", else its members; an operation when nothing
// says otherwise, as before calls were known.
func (c *checker) standalone(i int, want *graph.Type) resourceKind {
	if want != nil && want != c.opType {
		if k := c.kindOfType(want); k != resourceUnknown {
			return k
		}
		return resourceOperation // any other annotated type: checked as named
	}
	if k := c.namedKind(i); k != resourceUnknown {
		return k
	}
	if k := guessKind(c.doc, i); k == resourceCall || k == resourceParticipant {
		return k
	}
	return resourceOperation
}

// collectionType decides the item type of a collection response: the type
// a docs annotation names, else what "@odata.context" names
// (".../participants", ".../calls"), else what its first item is, else an
// operation. byItem is set when the first item decided, even for an
// operation: an edit of that item may change the type of all.
func (c *checker) collectionType(value int, want *graph.Type) (t *graph.Type, byItem bool) {
	if want != nil && want != c.opType {
		return want, false
	}
	d := c.doc
	if ctx := d.Member(0, "@odata.context"); ctx >= 0 && d.Nodes[ctx].Kind == scan.String {
		s := d.Text(ctx)
		if i := strings.LastIndexByte(s, '#'); i >= 0 {
			s = s[i+1:]
		}
		s = strings.TrimSuffix(s, "/$entity")
		switch s[strings.LastIndexByte(s, '/')+1:] {
		case "participants":
			return c.participantType, false
		case "calls":
			return c.callType, false
		case "operations":
			return c.opType, false
		}
	}
	if value >= 0 && d.Nodes[value].Kind == scan.Array && d.Nodes[value].Count > 0 {
		return c.itemType(value + 1), true
	}
	return c.opType, false
}

// itemType is the type of a collection whose first item is node first.
func (c *checker) itemType(first int) *graph.Type {
	if c.doc.Nodes[first].Kind != scan.Object {
		return c.opType
	}
	k := c.namedKind(first)
	if k == resourceUnknown {
		k = guessKind(c.doc, first)
	}
	if k == resourceCall || k == resourceParticipant {
		return c.typeOfKind(k)
	}
	return c.opType
}

// resourceData checks the resourceData of notification e, at node data,
// against what it holds, and returns that kind.
//
// What it holds is decided by the data itself where it says: its
// "@odata.type", else an array (the roster: participants), else the
// members only one kind declares. The resourceUrl decides where the data
// does not say. A resourceUrl that names another kind is one finding;
// the data is still checked as what it is, so that one mistake does not
// turn into a finding for each of its members.
func (c *checker) resourceData(e, data int, url int, ref resourceRef) resourceKind {
	d := c.doc
	kind := resourceUnknown
	switch d.Nodes[data].Kind {
	case scan.Array:
		kind = resourceParticipants
	case scan.Object:
		kind = c.namedKind(data)
		if kind == resourceUnknown {
			kind = guessKind(d, data)
		}
		if kind == resourceUnknown {
			kind = ref.Kind
			if kind == resourceParticipants {
				kind = resourceParticipant // one participant at the roster's URL: a mismatch, reported below
			}
		}
		if kind == resourceUnknown {
			kind = resourceOperation // what callbacks carried before calls were known
		}
	default:
		c.push("resourceData")
		c.reportNode(Error, "wrong-type", data, `"resourceData" carries the changed resource as an object (or, for a roster update, an array of participants), found `+article(d.Nodes[data].Kind), nil)
		c.pop()
		return resourceUnknown
	}
	if ref.Kind != resourceUnknown && ref.Kind != kind {
		key := d.Key(url)
		c.push(key)
		c.reportNode(Error, "resource-url-mismatch", url, key+` names `+ref.Kind.String()+`, but resourceData holds `+kind.String()+
			`; a bot that routes by `+key+` hands this data to the wrong handler (resourceData is checked as `+kind.String()+`)`, nil)
		c.pop()
	}

	c.push("resourceData")
	defer c.pop()
	// Where the resourceUrl names the resource, its id may be left out.
	if kind == resourceCall && ref.Call != "" || ref.Kind == kind && kind != resourceParticipants {
		c.idGiven = data
	}
	switch kind {
	case resourceParticipants:
		c.participants(data)
	case resourceCall:
		// A call notification carries what changed, not the whole call.
		c.partial = data
		c.entity(data, c.callType)
		c.partial = -1
	default:
		c.entity(data, c.typeOfKind(kind))
	}
	c.idGiven = -1
	if ref.Kind == kind {
		c.notificationID(data, kind, ref)
	}
	return kind
}

// participants checks a roster update: an array of participants.
func (c *checker) participants(data int) {
	d := c.doc
	for e, k := data+1, 0; e < int(d.Nodes[data].Next); e, k = int(d.Nodes[e].Next), k+1 {
		c.pushIndex(k)
		if d.Nodes[e].Kind != scan.Object {
			c.reportNode(Error, "not-an-object", e, "expected a participant object, found "+article(d.Nodes[e].Kind), nil)
		} else {
			c.entity(e, c.participantType)
		}
		c.pop()
	}
}

// notificationID checks that resourceData's id, when present, is the one
// the resourceUrl names.
func (c *checker) notificationID(data int, kind resourceKind, ref resourceRef) {
	d := c.doc
	want, noun := ref.ID, "operation"
	switch kind {
	case resourceCall:
		want, noun = ref.Call, "call"
	case resourceParticipant:
		noun = "participant"
	case resourceOperation:
	default:
		return
	}
	id := d.Member(data, "id")
	if want == "" || id < 0 || d.Nodes[id].Kind != scan.String || sameID(d.Text(id), want) {
		return
	}
	c.push("id")
	c.reportNode(Error, "notification-id-mismatch", id, `resourceData.id `+quoteShort(d.Text(id))+` is not the `+noun+` named by resourceUrl (`+quoteShort(want)+`); the bot would update the wrong `+noun, nil)
	c.pop()
}

// callChange applies the rules that tie a call notification's changeType
// to the state of the call it carries. Graph's docs deliver an incoming
// call as "created" and an ended one, in state "terminated", as "deleted".
func (c *checker) callChange(e, data int) {
	d := c.doc
	change, state := d.Member(e, "changeType"), d.Member(data, "state")
	if change < 0 || state < 0 || d.Nodes[change].Kind != scan.String || d.Nodes[state].Kind != scan.String {
		return
	}
	ch, s := d.Text(change), d.Text(state)
	switch {
	case ch == "deleted" && s != "terminated":
		c.push("changeType")
		c.reportNode(Warning, "call-deleted-not-terminated", change,
			`changeType "deleted" says the call is gone, but its state is "`+s+`"; Graph deletes a call when it has ended, and sends it in state "terminated"`, nil)
		c.pop()
	case s == "incoming" && ch != "created":
		c.push("changeType")
		c.reportNode(Warning, "incoming-call-not-created", change,
			`an incoming call is new to the bot: Graph delivers it with changeType "created", not "`+ch+`"; a bot that answers calls on "created" will not answer this one`, nil)
		c.pop()
	}
}
