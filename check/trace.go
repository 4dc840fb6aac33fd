package check

import (
	"bytes"
	"sort"

	"opcheck/graph"
	"opcheck/input"
	"opcheck/scan"
)

// trace is what a full check records for a Session: where the items of the
// top-level "value" array of a collection or callback body lie, so that an
// edit inside one of them can be checked by scanning and checking that item
// alone.
type trace struct {
	// ok is set when the last check allows checking an item alone: a JSON
	// document whose root object holds the items in "value", checked as a
	// collection or a callback body, with no finding and no scanner issue
	// left out for being past the limits.
	ok bool
	// shape is KindCollection or KindNotifications.
	shape Kind
	// elem is a collection's item type, and elemByItem whether its first
	// item decided it (then an edit of that item needs a full check).
	elem       *graph.Type
	elemByItem bool
	// byItems is set when the shape was detected from the items: then it
	// is KindNotifications exactly when notes > 0.
	byItems bool
	notes   int
	// issues are the scanner's issues (set while checking, then dropped),
	// and nIssues how many there are.
	issues  []scan.Issue
	nIssues int
	// spans are the items, in order; in a log, its bodies.
	spans []span

	// log is set when the spans are the bodies of a log, each checked as
	// its own document; an edit inside one checks that body alone.
	log bool
	// from is the first body an edit may check alone: 1 when the text was
	// first taken for one JSON document (the first body then decides that
	// it is not one), else 0.
	from int
	// head is the end of the text's first non-blank line, which form
	// detection reads: an edit must come after it.
	head int
	// fellBack is set while checking when the text was first taken for one
	// JSON document and is checked as a log; firstBroken when the first
	// part checked has JSON that could not be read; parsed counts the
	// parts checked.
	fellBack, firstBroken bool
	parsed                int
	// events are the timeline's events of the whole text, located and in
	// offset order; an item check replaces the item's own.
	events []event
	own    []string // the events' own strings (see texts)
	// ownUsed is how many of own were in use when last counted.
	ownUsed int
	// unlocated says the events' lines and columns are not set yet.
	unlocated bool
}

// span is one item of the "value" array.
type span struct {
	start, end int // its bytes in the text
	issues     int // scanner issues inside it
	object     bool
	note       bool // it looks like a notification (counted in notes)
	// line and col are the position of start; line is 0 until a session
	// needs it.
	line, col int
	// next is, for a log body cut off by the next one, where that one
	// starts; else -1.
	next int
}

// part records the items of the part just checked, which was asked to be
// checked as shape (KindAuto to detect it).
func (t *trace) part(c *checker, shape Kind) {
	d := c.doc
	if t.spans != nil || d.Nodes[0].Kind != scan.Object || c.shape != KindCollection && c.shape != KindNotifications {
		return
	}
	value := d.Member(0, "value")
	if value < 0 || d.Nodes[value].Kind != scan.Array {
		return
	}
	_, decided := detectEnvelope(d, value)
	t.byItems = shape == KindAuto && !decided
	t.shape = c.shape
	t.elem, t.elemByItem = c.elem, c.elemByItem
	t.spans = make([]span, 0, d.Nodes[value].Count)
	for e := value + 1; e < int(d.Nodes[value].Next); e = int(d.Nodes[e].Next) {
		n := &d.Nodes[e]
		sp := span{start: c.base + int(n.Start), end: c.base + int(n.End), object: n.Kind == scan.Object}
		if t.byItems && looksLikeNotification(d, e) {
			sp.note = true
			t.notes++
		}
		t.spans = append(t.spans, sp)
	}
}

// done completes the trace once the whole input is checked: it decides
// whether items may be checked alone, and counts each item's issues.
func (t *trace) done(c *checker, split input.Split) {
	issues := t.issues
	t.issues = nil
	t.events, t.own, t.ownUsed, t.unlocated = c.events, c.own, len(c.own), c.unlocatedEvents
	if split.Form == input.Log {
		t.doneLog(c, split)
		return
	}
	t.ok = t.spans != nil && split.Form == input.JSON && len(split.Parts) == 1 && len(split.Findings) == 0 &&
		c.dropped == 0 && len(issues) <= scan.MaxIssues
	if !t.ok {
		return
	}
	t.nIssues = len(issues)
	k := 0
	for _, is := range issues { // sorted by offset, like the spans
		for k < len(t.spans) && t.spans[k].end <= is.Offset {
			k++
		}
		if k < len(t.spans) && t.spans[k].start <= is.Offset {
			t.spans[k].issues++
		}
	}
}

// doneLog makes the bodies of a log the spans. A body may be checked alone
// when nothing was left out, and, for a text first taken for one JSON
// document, when the first body reads as one value followed only by blanks
// up to the second: the text then fails as one document at the second
// body's '{', whatever the bodies after the first hold.
func (t *trace) doneLog(c *checker, split input.Split) {
	*t = trace{log: true, fellBack: t.fellBack, firstBroken: t.firstBroken, events: t.events, own: t.own, ownUsed: t.ownUsed, unlocated: t.unlocated}
	parts := split.Parts
	t.ok = len(parts) > 0 && c.dropped == 0
	if t.fellBack {
		t.from = 1
		t.ok = t.ok && len(parts) > 1 && !t.firstBroken &&
			isBlank(c.src[parts[0].Offset+parts[0].Length:parts[1].Offset])
	}
	if !t.ok {
		return
	}
	i := 0
	for i < len(c.src) && isBlank(c.src[i:i+1]) {
		i++
	}
	t.head = i + bytes.IndexByte(c.src[i:], '\n')
	if t.head < i {
		t.head = len(c.src)
	}
	t.spans = make([]span, len(parts))
	fs := split.Findings // sorted by offset, like the parts
	for k, p := range parts {
		sp := span{start: p.Offset, end: p.Offset + p.Length, object: true, next: -1}
		for len(fs) > 0 && fs[0].Offset < sp.end {
			fs = fs[1:]
		}
		for i := 0; i < len(fs) && fs[i].Offset == sp.end; i++ {
			if fs[i].Code == input.CodeBodyCut {
				sp.next = fs[i].Offset + fs[i].Length
			}
		}
		t.spans[k] = sp
	}
}

// isBlank reports whether b holds only JSON's blanks.
func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// fits reports whether the diagnostics and objects of r keep to the items:
// each lies, with its fix, inside one item or wholly between items. Only
// then does a change inside an item leave the others' findings as they
// are, but for their offsets.
func (t *trace) fits(r *Result) bool {
	for i := range r.Diagnostics {
		d := &r.Diagnostics[i]
		lo, hi := t.region(d.Offset)
		if d.Offset+d.Length > hi {
			return false
		}
		if f := d.Fix; f != nil && (f.Offset < lo || f.Offset+f.Length > hi) {
			return false
		}
	}
	for i, o := range r.Objects {
		if i > 0 && o.Offset < r.Objects[i-1].Offset {
			return false
		}
		k := t.item(o.Offset)
		if k < 0 || o.Offset+o.Length > t.spans[k].end {
			return false
		}
	}
	return true
}

// item returns the index of the item whose bytes hold offset off, or -1.
func (t *trace) item(off int) int {
	k := sort.Search(len(t.spans), func(k int) bool { return t.spans[k].end > off })
	if k < len(t.spans) && t.spans[k].start <= off {
		return k
	}
	return -1
}

// region returns the bytes a finding at offset off must keep to: its
// item's, or the gap between the items around it.
func (t *trace) region(off int) (lo, hi int) {
	k := sort.Search(len(t.spans), func(k int) bool { return t.spans[k].end > off })
	switch {
	case k < len(t.spans) && t.spans[k].start <= off:
		return t.spans[k].start, t.spans[k].end
	case k == len(t.spans):
		lo, hi = 0, int(^uint(0)>>1)
	default:
		lo, hi = 0, t.spans[k].start
	}
	if k > 0 {
		lo = t.spans[k-1].end
	}
	return lo, hi
}

// locateEvents sets the lines and columns of the events in text, when the
// check that recorded them left them out.
func (t *trace) locateEvents(text []byte) {
	if t.unlocated {
		locateEvents(t.events, text)
		t.unlocated = false
	}
}

// locateEvents sets the lines and columns of evs, in offset order, in text.
func locateEvents(evs []event, text []byte) {
	cur := scan.NewCursor(text)
	for i := range evs {
		ev := &evs[i]
		l, c := cur.At(int(ev.offset))
		ev.line, ev.column = int32(l), int32(c)
	}
}
