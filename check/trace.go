package check

import (
	"sort"

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
	// byItems is set when the shape was detected from the items: then it
	// is KindNotifications exactly when notes > 0.
	byItems bool
	notes   int
	// issues are the scanner's issues (set while checking, then dropped),
	// and nIssues how many there are.
	issues  []scan.Issue
	nIssues int
	// spans are the items, in order.
	spans []span
	// events are the timeline's events of the whole text, located and in
	// offset order; an item check replaces the item's own.
	events []event
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
	t.events = c.events
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
