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
	// events are in offset order and located already (setEventNode).
	tracks, anomalies := buildTimeline(c.events, &eventText{src: c.src, own: c.own}, !c.skipTracks)
	if len(anomalies) > 0 && c.unlocatedEvents {
		// The anomalies' messages name where the earlier events are: place
		// the events, which a check without tracks leaves, and build again.
		locateEvents(c.events, c.src)
		c.unlocatedEvents = false
		tracks, anomalies = buildTimeline(c.events, &eventText{src: c.src, own: c.own}, !c.skipTracks)
	}
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
	first    int32 // the first event
	last     int32 // the last event whose status has a rank
	terminal int32 // the first event with a terminal status
	deleted  int32 // the first event with changeType deleted
	typ      int32 // the last event whose resourceData named its type
	context  int32 // the last event with a clientContext
	status   int32 // the last event with a status
}

// buildTimeline returns the tracks of evs (sorted by offset and located),
// whose texts t reads, and the anomalies they reveal, sorted like
// Result.Diagnostics; with withTracks false, the tracks are left empty. It
// is a pure function of its arguments, so a Session can call it again after
// changing some of the events.
func buildTimeline(evs []event, t *eventText, withTracks bool) ([]Track, []Diagnostic) {
	return buildTimelineIn(&timelineScratch{}, evs, t, withTracks)
}

// timelineScratch is the memory buildTimelineIn works in, which a Session
// keeps from one edit to the next.
type timelineScratch struct {
	index              map[uint64]int32
	on, firsts, counts []int32
	states             []trackState
}

// buildTimelineIn is buildTimeline, working in sc.
func buildTimelineIn(sc *timelineScratch, evs []event, t *eventText, withTracks bool) ([]Track, []Diagnostic) {
	// First the track of each event, and how many events each track has,
	// so that all the tracks' events share one array.
	if sc.index == nil {
		sc.index = make(map[uint64]int32, len(evs))
	}
	clear(sc.index)
	ix := trackIndex{index: sc.index, t: t}
	on := slices.Grow(sc.on[:0], len(evs))[:len(evs)]
	firsts := slices.Grow(sc.firsts[:0], len(evs)) // each track's first event
	counts := slices.Grow(sc.counts[:0], len(evs))
	defer func() { sc.on, sc.firsts, sc.counts = on, firsts, counts }()
	results := 0
	for i := range evs {
		k, fresh := ix.find(evs, int32(i), firsts)
		if fresh {
			firsts = append(firsts, int32(i))
			counts = append(counts, 0)
		}
		on[i] = k
		counts[k]++
		if evs[i].result {
			results++
		}
	}
	states := slices.Grow(sc.states[:0], len(firsts))[:len(firsts)]
	sc.states = states
	for k, f := range firsts {
		states[k] = trackState{first: f, last: -1, terminal: -1, deleted: -1, typ: -1, context: -1, status: -1}
	}
	tracks := []Track{}
	var infos []ResultInfo
	if withTracks {
		all := make([]Event, len(evs))
		infos = make([]ResultInfo, 0, results)
		tracks = make([]Track, len(firsts))
		at := 0
		for k, f := range firsts {
			ev := &evs[f]
			tracks[k] = Track{ResourceURL: t.trackURL(ev), Type: t.get(ev.typ), Events: all[at : at : at+int(counts[k])]}
			at += int(counts[k])
		}
	}

	var out []Diagnostic
	for i := range evs {
		ev, i := &evs[i], int32(i)
		k := on[i]
		if withTracks {
			tracks[k].Events = append(tracks[k].Events, t.public(ev, &infos))
		}
		st := &states[k]
		code, mark, was := "", ev.statusAt, int32(-1)
		switch {
		case ev.roster:
			// A roster change says nothing about the call's own state.
		case st.deleted >= 0:
			code, was = codeAfterDeleted, st.deleted
		case st.terminal >= 0 && ev.status.n != 0 && !strings.EqualFold(t.get(ev.status), t.get(evs[st.terminal].status)):
			code, was = codeAfterTerminal, st.terminal
		case ev.rank >= 0 && st.last >= 0 && ev.rank < evs[st.last].rank:
			code, was = codeStatusBackwards, st.last
		}
		if code != "" {
			out = append(out, t.anomaly(ev, &evs[was], mark, code))
		}
		if ev.kind == resourceOperation && !ev.roster {
			code = ""
			switch {
			case ev.typeAt.n > 0 && st.typ >= 0 && !strings.EqualFold(t.get(ev.typ), t.get(evs[st.typ].typ)):
				code, mark, was = codeTypeChanged, ev.typeAt, st.typ
			case ev.context.n != 0 && st.context >= 0 && t.get(ev.context) != t.get(evs[st.context].context):
				code, mark, was = codeContextChanged, ev.contextAt, st.context
			}
			if code != "" {
				out = append(out, t.anomaly(ev, &evs[was], mark, code))
			}
		}
		if ev.roster {
			continue
		}
		if ev.typeAt.n > 0 {
			st.typ = i
		}
		if ev.context.n != 0 {
			st.context = i
		}
		if ev.status.n != 0 {
			st.status = i
		}
		if ev.rank >= 0 {
			st.last = i
		}
		if st.terminal < 0 && ev.terminal {
			st.terminal = i
		}
		if st.deleted < 0 && ev.deleted {
			st.deleted = i
		}
	}
	out = append(out, endedOpen(evs, states, &ix, firsts)...)
	if len(out) > 1 {
		slices.SortStableFunc(out, byOffsetCode)
	}
	return tracks, out
}

// trackIndex finds the track of an event by the hash of its resource.
// Hashes that collide are told apart by comparing the resources, and the
// later resource takes the next free hash.
type trackIndex struct {
	index map[uint64]int32
	t     *eventText
}

// find returns the track of event i, and whether it is a new one (then
// numbered len(firsts)); firsts are the tracks' first events.
func (ix *trackIndex) find(evs []event, i int32, firsts []int32) (k int32, fresh bool) {
	ev := &evs[i]
	for h := ev.hash; ; h++ {
		k, ok := ix.index[h]
		if !ok {
			k = int32(len(firsts))
			ix.index[h] = k
			return k, true
		}
		if ix.t.sameTrack(ev, &evs[firsts[k]]) {
			return k, false
		}
	}
}

// lookup returns the track of the call with id call, -1 when there is none.
func (ix *trackIndex) lookup(evs []event, call string, firsts []int32) int {
	for h := trackKey(resourceCall, call, ""); ; h++ {
		k, ok := ix.index[h]
		if !ok {
			return -1
		}
		if f := &evs[firsts[k]]; f.refKind == resourceCall && equalFoldASCII(ix.t.get(f.call), call) && f.id.n == 0 {
			return int(k)
		}
	}
}

// endedOpen reports each call that terminated while operations of it never
// reached a terminal status in the stream, on the call's terminated event,
// naming the first such operation and how many more there are.
func endedOpen(evs []event, states []trackState, ix *trackIndex, firsts []int32) []Diagnostic {
	ended := false
	for _, cs := range states {
		ended = ended || cs.terminal >= 0 && evs[cs.first].kind == resourceCall
	}
	if !ended {
		return nil
	}
	// The operations left open, counted on their call's track, in track order.
	type open struct {
		first int32
		n     int
	}
	var calls map[int]*open
	for _, os := range states {
		first := &evs[os.first]
		if first.kind != resourceOperation || first.call.n == 0 || os.status < 0 || os.terminal >= 0 || evs[os.status].rank < 0 {
			continue
		}
		k := ix.lookup(evs, ix.t.get(first.call), firsts)
		if k < 0 || evs[states[k].first].kind != resourceCall || states[k].terminal < 0 {
			continue
		}
		if calls == nil {
			calls = map[int]*open{}
		}
		o := calls[k]
		if o == nil {
			o = &open{first: os.status}
			calls[k] = o
		}
		o.n++
	}
	var out []Diagnostic
	for k, cs := range states {
		o := calls[k]
		if o == nil {
			continue
		}
		ev := &evs[cs.terminal]
		d := ix.t.anomaly(ev, &evs[o.first], ev.statusAt, codeCallEndedOpen)
		if o.n > 1 {
			d.Message = strings.Replace(d.Message, " never", " (and "+strconv.Itoa(o.n-1)+" more operations) never", 1)
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
func (t *eventText) explain(code string, ev, was *event) string {
	tmpl := messages[code]
	b := make([]byte, 0, len(tmpl)+100)
	for i := 0; i < len(tmpl); i++ {
		if tmpl[i] != '$' || i+1 == len(tmpl) {
			b = append(b, tmpl[i])
			continue
		}
		i++
		b = append(b, t.fill(tmpl[i], ev, was)...)
	}
	return string(b)
}

// fill is the text of $c in a message (see messages).
func (t *eventText) fill(c byte, ev, was *event) string {
	switch c {
	case 'r', 'R':
		if c == 'R' {
			ev = was
		}
		return t.resourceName(ev)
	case 'd':
		return t.describe(ev)
	case 'A':
		return strconv.Itoa(int(was.line)) + ":" + strconv.Itoa(int(was.column))
	}
	s := ""
	if c >= 'A' && c <= 'Z' {
		ev, c = was, c+'a'-'A'
	}
	switch c {
	case 's':
		s = t.get(ev.status)
	case 't':
		s = t.get(ev.typ)
	case 'x':
		s = t.get(ev.context)
	}
	return quoteShort(s)
}

// anomaly is a warning about event ev, which the earlier event was
// contradicts, located on the member on (or on ev where on lies outside
// it), with its position counted from ev's.
func (t *eventText) anomaly(ev, was *event, on span2, code string) Diagnostic {
	ptr := t.memberPointer(ev, on.member)
	msg := t.explain(code, ev, was)
	start, end := int(ev.offset), int(ev.offset+ev.length)
	off, n := int(on.off), int(on.n)
	if n == 0 || off < start || off+n > end {
		off, n = start, end-start
	}
	if code == codeTypeChanged || code == codeContextChanged {
		code = codeOperationChanged
	}
	d := Diagnostic{Severity: Warning, Code: code, Message: msg, Pointer: ptr, Offset: off, Length: n}
	if end <= len(t.src) {
		cur := scan.NewCursor(t.src[start:end])
		l, c := cur.At(off - start)
		d.Line, d.Column = shift(int(ev.line), int(ev.column), l, c)
		l, c = cur.At(off + n - start)
		d.EndLine, d.EndColumn = shift(int(ev.line), int(ev.column), l, c)
	}
	return d
}

// rank orders the statuses of a call or an operation as they progress; it
// is -1 for a status it does not know (and for participants, whose
// statuses come and go).
func rank(k resourceKind, status string) int {
	var order []ranked
	switch k {
	case resourceOperation:
		order = operationRanks
	case resourceCall:
		order = callRanks
	}
	for _, r := range order {
		if len(status) == len(r.status) && strings.EqualFold(status, r.status) {
			return r.rank
		}
	}
	return -1
}

// ranked is a status and its place among the statuses of its resource.
type ranked struct {
	status string
	rank   int
}

// operationRanks and callRanks are the statuses rank knows.
var (
	operationRanks = []ranked{{"notStarted", 0}, {"running", 1}, {"completed", 2}, {"failed", 2}}
	callRanks      = []ranked{{"incoming", 0}, {"establishing", 1}, {"ringing", 1}, {"redirecting", 1},
		{"established", 2}, {"hold", 2}, {"transferring", 2}, {"transferAccepted", 2}, {"terminating", 3}, {"terminated", 4}}
)

// terminal reports whether a status of rank r ends a resource of kind k:
// a terminated call, a Completed or Failed operation.
func terminal(k resourceKind, r int) bool {
	switch k {
	case resourceCall:
		return r == 4
	case resourceOperation:
		return r == 2
	}
	return false
}

// resourceName names ev's resource in a message: "the call", "operation
// "…"", "participant "…"".
func (t *eventText) resourceName(ev *event) string {
	url := t.trackURL(ev)
	id := url[strings.LastIndexByte(url, '/')+1:]
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
	return "the resource " + quoteShort(url)
}

// describe says what an event shows, for a message.
func (t *eventText) describe(ev *event) string {
	if ev.status.n == 0 {
		return t.get(ev.changeType)
	}
	return t.get(ev.changeType) + ", " + t.get(ev.status)
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
