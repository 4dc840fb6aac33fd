package check

import (
	"slices"
	"strconv"
	"strings"

	"opcheck/scan"
)

// Track is the history of one resource of a callback stream — a call, one
// of its operations or one of its participants — with its events in input
// order. Result.Timeline lists the tracks in the order the resources first
// appear.
type Track struct {
	// ResourceURL names the resource: a path /communications/calls/{id},
	// …/operations/{id} or …/participants/{id}, or the URL as written when
	// opcheck cannot read it ("" when only resourceData's id names it).
	ResourceURL string `json:"resourceUrl"`
	// Type is the resource's type as its first event gives it: resourceData's
	// @odata.type without "#", or the type its URL implies.
	Type   string  `json:"type"`
	Events []Event `json:"events"`
}

// Codes of the anomalies the timeline reveals.
const (
	codeAfterDeleted     = "timeline-after-deleted"
	codeAfterTerminal    = "timeline-after-terminal"
	codeStatusBackwards  = "timeline-status-backwards"
	codeOperationChanged = "timeline-operation-changed"
	codeCallEndedOpen    = "timeline-call-ended-open"

	// The two ways an operation changes, which share a code.
	codeTypeChanged    = codeOperationChanged + "/type"
	codeContextChanged = codeOperationChanged + "/context"
)

// isTimelineCode reports whether code is one of the timeline's anomalies.
func isTimelineCode(code string) bool { return strings.HasPrefix(code, "timeline-") }

// timeline checks the events of the whole input together: it sorts and
// locates them, builds the tracks, and adds the anomalies they reveal to
// the result (within MaxFindings).
func (c *checker) timeline() {
	// The parts come in input order and each is walked in order, so the
	// events are in offset order already.
	evs := c.events
	cur := scan.NewCursor(c.src)
	for i := range evs {
		evs[i].Line, evs[i].Column = cur.At(evs[i].Offset)
	}
	tracks, anomalies := buildTimeline(evs, c.src)
	c.res.Timeline = tracks
	for _, d := range anomalies {
		if len(c.res.Diagnostics) >= MaxFindings {
			c.dropped++
			continue
		}
		c.res.Diagnostics = append(c.res.Diagnostics, d)
	}
}

// trackState is what buildTimeline remembers of a track while it walks the
// events: indexes into the events, -1 for none yet.
type trackState struct {
	ev       *event // the first event
	last     int    // the last event whose status has a rank
	terminal int    // the first event with a terminal status
	deleted  int    // the first event with changeType deleted
	typ      int    // the last event whose resourceData named its type
	context  int    // the last event with a clientContext
	status   int    // the last event with a status
}

// buildTimeline returns the tracks of evs (sorted by offset and located)
// and the anomalies they reveal, located in src and sorted like
// Result.Diagnostics. It is a pure function of its arguments, so a Session
// can call it again after changing some of the events.
func buildTimeline(evs []event, src []byte) ([]Track, []Diagnostic) {
	tracks := []Track{}
	var states []trackState
	index := map[string]int{}
	var out []Diagnostic
	for i := range evs {
		ev := &evs[i]
		k, ok := index[ev.key]
		if !ok {
			k = len(tracks)
			index[ev.key] = k
			tracks = append(tracks, Track{ResourceURL: ev.url, Type: ev.typ})
			states = append(states, trackState{ev: ev, last: -1, terminal: -1, deleted: -1, typ: -1, context: -1, status: -1})
		}
		tracks[k].Events = append(tracks[k].Events, ev.Event)
		st := &states[k]
		r := rank(ev.kind, ev.Status)
		code, on, was := "", ev.status, -1
		switch {
		case ev.roster:
			// A roster change says nothing about the call's own state.
		case st.deleted >= 0:
			code, was = codeAfterDeleted, st.deleted
		case st.terminal >= 0 && ev.Status != "" && !strings.EqualFold(ev.Status, evs[st.terminal].Status):
			code, was = codeAfterTerminal, st.terminal
		case r >= 0 && st.last >= 0 && r < rank(ev.kind, evs[st.last].Status):
			code, was = codeStatusBackwards, st.last
		}
		if code != "" {
			out = append(out, anomaly(ev, &evs[was], on, code, src))
		}
		if ev.kind == resourceOperation && !ev.roster {
			code = ""
			switch {
			case ev.odataType.n > 0 && st.typ >= 0 && !strings.EqualFold(ev.typ, evs[st.typ].typ):
				code, on, was = codeTypeChanged, ev.odataType, st.typ
			case ev.ClientContext != "" && st.context >= 0 && ev.ClientContext != evs[st.context].ClientContext:
				code, on, was = codeContextChanged, ev.context, st.context
			}
			if code != "" {
				out = append(out, anomaly(ev, &evs[was], on, code, src))
			}
		}
		if ev.roster {
			continue
		}
		if ev.odataType.n > 0 {
			st.typ = i
		}
		if ev.ClientContext != "" {
			st.context = i
		}
		if ev.Status != "" {
			st.status = i
		}
		if r >= 0 {
			st.last = i
		}
		if st.terminal < 0 && terminal(ev.kind, ev.Status) {
			st.terminal = i
		}
		if st.deleted < 0 && strings.EqualFold(ev.ChangeType, "deleted") {
			st.deleted = i
		}
	}
	out = append(out, endedOpen(evs, states, src)...)
	slices.SortStableFunc(out, byOffsetCode)
	return tracks, out
}

// endedOpen reports each call that terminated while operations of it never
// reached a terminal status in the stream, on the call's terminated event,
// naming the first such operation and how many more there are.
func endedOpen(evs []event, states []trackState, src []byte) []Diagnostic {
	var out []Diagnostic
	for _, cs := range states {
		if cs.ev.kind != resourceCall || cs.terminal < 0 || cs.ev.call == "" {
			continue
		}
		first, n := -1, 0
		for _, os := range states {
			if os.ev.kind != resourceOperation || os.ev.call != cs.ev.call || os.status < 0 || os.terminal >= 0 || rank(resourceOperation, evs[os.status].Status) < 0 {
				continue
			}
			if n == 0 {
				first = os.status
			}
			n++
		}
		if n == 0 {
			continue
		}
		ev := &evs[cs.terminal]
		d := anomaly(ev, &evs[first], ev.status, codeCallEndedOpen, src)
		if n > 1 {
			d.Message = strings.Replace(d.Message, " never", " (and "+strconv.Itoa(n-1)+" more operations) never", 1)
		}
		out = append(out, d)
	}
	return out
}

// messages are the anomalies' messages. In them, $r names the resource,
// $s and $t are its status and type here, $x its clientContext, $d says what
// the event shows; $S, $T, $X and $A are the earlier event's status, type,
// clientContext and position.
var messages = map[string]string{
	codeAfterDeleted: "$r has an event ($d) after it was deleted at $A; Graph sends nothing for a resource once it is deleted, " +
		"so this notification arrived out of order or belongs to another resource: a bot must not bring the resource back to life",
	codeAfterTerminal: "$r changes to $s after it reached $S at $A; an ended resource does not change again, " +
		"so this notification arrived out of order: a bot should keep the final state, not this one",
	codeStatusBackwards: "$r goes back from $S (at $A) to $s; notifications can arrive out of order, " +
		"and a bot that applies each as it comes would now hold the older state",
	codeTypeChanged: "$r was $T at $A and is $t here; one operation id names one operation, " +
		"so one of these notifications belongs to another operation and a bot would match its result to the wrong request",
	codeContextChanged: "$r has clientContext $X at $A and $x here; Graph echoes the request's clientContext unchanged, " +
		"so a bot that routes results by it would send this one elsewhere",
	codeCallEndedOpen: "the call ended here, but $R (last $S at $A) never reached Completed or Failed in this stream; " +
		"a bot waiting for that result would wait forever: treat the call's end as the end of its operations",
}

// explain fills in the message of code for event ev and the earlier event
// was.
func explain(code string, ev, was *event) string {
	tmpl := messages[code]
	b := make([]byte, 0, len(tmpl)+100)
	for i := 0; i < len(tmpl); i++ {
		if tmpl[i] != '$' || i+1 == len(tmpl) {
			b = append(b, tmpl[i])
			continue
		}
		i++
		b = append(b, fill(tmpl[i], ev, was)...)
	}
	return string(b)
}

// fill is the text of $c in a message (see messages).
func fill(c byte, ev, was *event) string {
	switch c {
	case 'r', 'R':
		if c == 'R' {
			ev = was
		}
		return resourceName(ev)
	case 'd':
		return describe(ev)
	case 'A':
		return strconv.Itoa(was.Line) + ":" + strconv.Itoa(was.Column)
	}
	s := ""
	if c >= 'A' && c <= 'Z' {
		ev, c = was, c+'a'-'A'
	}
	switch c {
	case 's':
		s = ev.Status
	case 't':
		s = ev.typ
	case 'x':
		s = ev.ClientContext
	}
	return quoteShort(s)
}

// anomaly is a warning about event ev, which the earlier event was
// contradicts, located on the member on (or on ev where on lies outside
// it), with its position counted from ev's.
func anomaly(ev, was *event, on span2, code string, src []byte) Diagnostic {
	ptr := on.member.pointer(ev)
	msg := explain(code, ev, was)
	off, n := int(on.off), int(on.n)
	if n == 0 || off < ev.Offset || off+n > ev.Offset+ev.Length {
		off, n = ev.Offset, ev.Length
	}
	if code == codeTypeChanged || code == codeContextChanged {
		code = codeOperationChanged
	}
	d := Diagnostic{Severity: Warning, Code: code, Message: msg, Pointer: ptr, Offset: off, Length: n}
	if src != nil && ev.Offset+ev.Length <= len(src) {
		cur := scan.NewCursor(src[ev.Offset : ev.Offset+ev.Length])
		l, c := cur.At(off - ev.Offset)
		d.Line, d.Column = shift(ev.Line, ev.Column, l, c)
		l, c = cur.At(off + n - ev.Offset)
		d.EndLine, d.EndColumn = shift(ev.Line, ev.Column, l, c)
	}
	return d
}

// rank orders the statuses of a call or an operation as they progress; it
// is -1 for a status it does not know (and for participants, whose
// statuses come and go).
func rank(k resourceKind, status string) int {
	s := strings.ToLower(status)
	switch k {
	case resourceOperation:
		switch s {
		case "notstarted":
			return 0
		case "running":
			return 1
		case "completed", "failed":
			return 2
		}
	case resourceCall:
		switch s {
		case "incoming":
			return 0
		case "establishing", "ringing", "redirecting":
			return 1
		case "established", "hold", "transferring", "transferaccepted":
			return 2
		case "terminating":
			return 3
		case "terminated":
			return 4
		}
	}
	return -1
}

// terminal reports whether status ends the resource: a terminated call, a
// Completed or Failed operation.
func terminal(k resourceKind, status string) bool {
	switch k {
	case resourceCall:
		return strings.EqualFold(status, "terminated")
	case resourceOperation:
		return strings.EqualFold(status, "completed") || strings.EqualFold(status, "failed")
	}
	return false
}

// resourceName names ev's resource in a message: "the call", "operation
// "…"", "participant "…"".
func resourceName(ev *event) string {
	id := ev.url[strings.LastIndexByte(ev.url, '/')+1:]
	switch {
	case ev.kind == resourceCall:
		return "the call"
	case id == "":
		return "the resource"
	case ev.kind == resourceParticipant:
		return "participant " + quoteShort(id)
	case ev.kind == resourceOperation:
		return "operation " + quoteShort(id)
	}
	return "the resource " + quoteShort(ev.url)
}

// describe says what an event shows, for a message.
func describe(ev *event) string {
	if ev.Status == "" {
		return ev.ChangeType
	}
	return ev.ChangeType + ", " + ev.Status
}

// EventAt returns the indexes in r.Timeline of the innermost event whose
// notification (or participant, in a roster) holds byte offset off: the
// event a timeline anomaly at off is about. Both are -1 when there is none.
func (r *Result) EventAt(off int) (track, event int) {
	track, event = -1, -1
	size := 0
	for i := range r.Timeline {
		for j, e := range r.Timeline[i].Events {
			if e.Offset <= off && off < e.Offset+e.Length && (track < 0 || e.Length < size) {
				track, event, size = i, j, e.Length
			}
		}
	}
	return track, event
}
