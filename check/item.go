package check

import (
	"bytes"
	"sort"

	"opcheck/graph"
	"opcheck/input"
	"opcheck/scan"
)

// This file is the Session's incremental path: an edit inside one item of
// a collection or callback body is checked by scanning and checking that
// item alone, as the full check would have checked it (same expected type,
// same pointer, same offsets), and moving the other findings along.
//
// It is taken only where the result is the full check's, byte for byte:
//   - the item is an object, and the edit leaves its first and last byte, so
//     the scanner finds the same items around it;
//   - the item alone scans without a fatal issue, as one object from its
//     first to its last byte, nested shallowly enough that the two levels
//     above it could not reach scan.MaxDepth;
//   - the document's scanner issues stay within scan.MaxIssues, and its
//     findings within MaxFindings, so that nothing is left out;
//   - the shape, when it was detected from the items, stays the same.
// Everything else goes back to a full check.

// place is what Apply notes about an item before changing its text.
type place struct {
	textLen   int // length of the whole text
	endLine   int // position just past the item's last byte
	endColumn int
}

// itemOf returns the index of the item every change falls strictly inside
// of, or -1.
func (s *Session) itemOf(changes []Change) int {
	t := &s.tr
	if !t.ok || len(changes) == 0 {
		return -1
	}
	k := t.item(changes[0].Offset)
	if k < 0 || !t.spans[k].object || t.log && k < t.from {
		return -1
	}
	start, end := t.spans[k].start, t.spans[k].end
	for _, c := range changes {
		if c.Offset <= start || c.Offset+c.Length >= end || t.log && c.Offset <= t.head {
			return -1
		}
		end += len(c.Text) - c.Length
	}
	return k
}

// before notes the position of item k's end in the text as it is.
func (s *Session) before(k int) place {
	sp := &s.tr.spans[k]
	line, col := s.itemStart(k)
	l, c := scan.NewCursor(s.text[sp.start:sp.end]).At(sp.end - sp.start)
	line, col = shift(line, col, l, c)
	return place{textLen: len(s.text), endLine: line, endColumn: col}
}

// shift returns the position (l, c) of a text that starts at (line, col).
func shift(line, col, l, c int) (int, int) {
	if l == 1 {
		return line, col + c - 1
	}
	return line + l - 1, c
}

// itemStart returns the position of item k's first byte. It counts from the
// nearest position known before it: an earlier item's, a finding's, or the
// start of the text, and remembers the items it passes.
func (s *Session) itemStart(k int) (line, col int) {
	spans := s.tr.spans
	if spans[k].line > 0 {
		return spans[k].line, spans[k].col
	}
	from, line, col := 0, 1, 1
	j := k - 1
	for j >= 0 && spans[j].line == 0 {
		j--
	}
	if j >= 0 {
		from, line, col = spans[j].start, spans[j].line, spans[j].col
	}
	// A finding between that item and this one is nearer. Its offset must
	// be an ASCII byte, which no character before it can take in.
	ds := s.res.Diagnostics
	for i := sort.Search(len(ds), func(i int) bool { return ds[i].Offset >= spans[k].start }) - 1; i >= 0 && ds[i].Offset > from; i-- {
		if s.text[ds[i].Offset] < 0x80 {
			from, line, col = ds[i].Offset, ds[i].Line, ds[i].Column
			break
		}
	}
	cur := scan.NewCursor(s.text[from:])
	for i := j + 1; i <= k; i++ {
		if spans[i].start < from {
			continue
		}
		l, c := cur.At(spans[i].start - from)
		spans[i].line, spans[i].col = shift(line, col, l, c)
	}
	return spans[k].line, spans[k].col
}

// recheck checks item k again after its text changed by delta bytes, and
// returns the result for the whole text; nil when the item cannot be
// checked alone.
func (s *Session) recheck(k, delta int, was place) *Result {
	t := &s.tr
	sp := &t.spans[k]
	start, oldEnd, end := sp.start, sp.end, sp.end+delta
	sub := s.text[start:end]
	var c *checker
	var nIssues, notes, nItemIssues int
	var note bool
	if t.log {
		if c = s.checkBody(k, end, delta); c == nil {
			return nil
		}
	} else {
		if bytes.Count(sub, []byte{'{'})+bytes.Count(sub, []byte{'['}) > scan.MaxDepth-2 {
			return nil
		}
		doc, issues := scan.Parse(sub)
		if doc == nil {
			return nil
		}
		defer doc.Release()
		if root := doc.Nodes[0]; root.Kind != scan.Object || root.Start != 0 || int(root.End) != len(sub) {
			return nil
		}
		nItemIssues = len(issues)
		nIssues = t.nIssues - sp.issues + len(issues)
		if nIssues > scan.MaxIssues {
			return nil
		}
		note = t.byItems && looksLikeNotification(doc, 0)
		notes = t.notes - b2i(sp.note) + b2i(note)
		if t.byItems && (notes > 0) != (t.notes > 0) {
			return nil // the item decides the shape, which changes
		}

		// Check the item as the full check does, at the same offset and pointer.
		c = newChecker(s.text, &s.opts)
		c.lookupKinds()
		c.doc, c.base = doc, start
		c.unlocatedEvents = true // retimeline locates them from the item's start
		c.reportIssues(issues, token{key: "value", index: -1}, token{index: k})
		c.push("value")
		c.eventList = c.keep(c.pointer())
		switch t.shape {
		case KindCollection:
			if t.elem == nil || t.elemByItem && k == 0 && c.itemType(0) != t.elem {
				return nil // the first item decides what the others are, and now differently
			}
			c.collectionItem(0, k, t.elem)
		case KindNotifications:
			c.notificationItem(0, k, c.model.Type("microsoft.graph.commsNotification"), c.model.Type(graph.OperationRoot))
		default:
			return nil
		}
	}
	block, objs := c.res.Diagnostics, c.res.Objects

	old := s.res
	// Whether the document is a .NET bot's log depends on all of it: leave
	// it to a full check when the verdict is or may become yes.
	if capitals, log := sdkMarks(old.Diagnostics, s.text, start, oldEnd, delta); log || c.sdk.masked > 0 || capitals+c.sdk.capital >= 2 {
		return nil
	}
	i0, i1 := diagRange(old.Diagnostics, start, oldEnd)
	if c.dropped > 0 || len(old.Diagnostics)-(i1-i0)+len(block) > MaxFindings {
		return nil
	}
	for i := range block {
		d := &block[i]
		if d.Offset < start || d.Offset+d.Length > end {
			return nil
		}
		if f := d.Fix; f != nil && (f.Offset < start || f.Offset+f.Length > end) {
			return nil
		}
		detachDiagnostic(d, s.text)
	}
	for _, o := range objs {
		if o.Offset < start || o.Offset+o.Length > end {
			return nil
		}
	}
	sort.Stable(diagsByOffsetCode(block))

	// Locate the item's findings from its start, and move the later ones.
	line, col := sp.line, sp.col
	for i := range block {
		block[i].Offset -= start
		if block[i].related > 0 {
			block[i].related -= start
		}
	}
	locate(sub, block)
	for i := range block {
		d := &block[i]
		d.Offset += start
		d.Line, d.Column = shift(line, col, d.Line, d.Column)
		d.EndLine, d.EndColumn = shift(line, col, d.EndLine, d.EndColumn)
		if d.related > 0 {
			d.related += start
			d.relLine, d.relCol = shift(line, col, d.relLine, d.relCol)
			placeFirst(d)
		}
	}
	l, cl := scan.NewCursor(sub).At(len(sub))
	mv := mover{line: was.endLine, col: was.endColumn}
	mv.newLine, mv.newCol = shift(line, col, l, cl)

	diags := make([]Diagnostic, 0, len(old.Diagnostics)-(i1-i0)+len(block))
	diags = append(append(diags, old.Diagnostics[:i0]...), block...)
	nfix := 0
	for i := i1; i < len(old.Diagnostics); i++ {
		if old.Diagnostics[i].Fix != nil {
			nfix++
		}
	}
	fixes := make([]Fix, 0, nfix) // the moved fixes, in one allocation
	for _, d := range old.Diagnostics[i1:] {
		if d.related >= oldEnd {
			d.related += delta
			d.relLine, d.relCol = mv.position(d.relLine, d.relCol)
			placeFirst(&d)
		}
		d.Offset += delta
		d.Line, d.Column = mv.position(d.Line, d.Column)
		d.EndLine, d.EndColumn = mv.position(d.EndLine, d.EndColumn)
		if d.Fix != nil {
			fixes = append(fixes, *d.Fix)
			d.Fix = &fixes[len(fixes)-1]
			d.Fix.Offset += delta
		}
		diags = append(diags, d)
	}
	j0 := sort.Search(len(old.Objects), func(j int) bool { return old.Objects[j].Offset >= start })
	j1 := sort.Search(len(old.Objects), func(j int) bool { return old.Objects[j].Offset >= oldEnd })
	objects := make([]Object, 0, len(old.Objects)-(j1-j0)+len(objs))
	objects = append(append(objects, old.Objects[:j0]...), objs...)
	for _, o := range old.Objects[j1:] {
		o.Offset += delta
		objects = append(objects, o)
	}

	events, own, timeline, diags := s.retimeline(c, start, oldEnd, delta, line, col, &mv, diags)
	if len(diags) > MaxFindings {
		return nil
	}

	// Only now, with nothing left to fail, update the trace.
	t.ok = true
	sp.end, sp.issues, sp.note = end, nItemIssues, note
	if sp.next >= 0 {
		sp.next += delta
	}
	if !t.log {
		t.nIssues, t.notes = nIssues, notes
	}
	t.events, t.own = events, own
	for i := k + 1; i < len(t.spans); i++ {
		o := &t.spans[i]
		o.start += delta
		o.end += delta
		if o.next >= 0 {
			o.next += delta
		}
		if o.line > 0 {
			o.line, o.col = mv.position(o.line, o.col)
		}
	}
	s.res = &Result{Kind: old.Kind, API: old.API, Objects: objects, Diagnostics: diags, Timeline: timeline}
	return s.res
}

// checkBody checks body k of a log again, as the full check does, after
// an edit inside it that moved its end to end; nil when the edit may have
// changed how the log splits or what form it is taken for.
func (s *Session) checkBody(k, end, delta int) *checker {
	sp := &s.tr.spans[k]
	if !input.OpensObject(s.text, sp.start) {
		return nil
	}
	e, next := input.Body(s.text, sp.start)
	if e != end || (next >= 0) != (sp.next >= 0) || next >= 0 && next != sp.next+delta {
		return nil
	}
	if input.MarkdownLine(s.text, sp.start, end) {
		return nil
	}
	c := newChecker(s.text, &s.opts)
	c.lookupKinds()
	c.unlocatedEvents = true // retimeline locates them from the body's start
	c.res.Kind = KindLog     // as validate sets it before checking the bodies
	c.part(&input.Part{Offset: sp.start, Length: end - sp.start}, s.opts.Kind)
	return c
}

// mover moves positions that follow an item whose text changed.
type mover struct {
	line, col       int // the item's end before the change
	newLine, newCol int // and after
}

// position returns where a position after the item's end is now.
func (m *mover) position(line, col int) (int, int) {
	if line == m.line {
		return m.newLine, col - m.col + m.newCol
	}
	return line + m.newLine - m.line, col
}

// diagRange returns the diagnostics, sorted by offset, at offsets in
// [start, end).
func diagRange(ds []Diagnostic, start, end int) (i0, i1 int) {
	i0 = sort.Search(len(ds), func(i int) bool { return ds[i].Offset >= start })
	i1 = i0 + sort.Search(len(ds)-i0, func(i int) bool { return ds[i0+i].Offset >= end })
	return i0, i1
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// retimeline rebuilds the timeline after item [start, oldEnd) changed by
// delta bytes and now starts at (line, col): the item's events become
// fresh, those of c, the check of the item, and the ones after it move
// along. diags are the result's findings with the timeline's anomalies of
// the old text among them; it returns them with the new anomalies instead,
// and the events with their own strings. It may change the trace's events
// in place: when the edit fails after it, the session checks the whole
// text again.
func (s *Session) retimeline(c *checker, start, oldEnd, delta, line, col int, mv *mover, diags []Diagnostic) ([]event, []string, []Track, []Diagnostic) {
	old, fresh := s.tr.events, c.events
	e0 := sort.Search(len(old), func(i int) bool { return int(old[i].offset) >= start })
	e1 := e0 + sort.Search(len(old)-e0, func(i int) bool { return int(old[e0+i].offset) >= oldEnd })
	if len(old) == 0 && len(fresh) == 0 {
		return nil, nil, []Track{}, diags
	}
	// The item's own strings join the table after the others'; a table
	// that has grown well past what was last counted in use is rebuilt.
	own := s.tr.own
	base := int32(len(own))
	own = append(own[:len(own):len(own)], c.own...)
	events := old
	if len(fresh) != e1-e0 {
		events = make([]event, 0, len(old)-(e1-e0)+len(fresh))
		events = append(append(append(events, old[:e0]...), fresh...), old[e1:]...)
	} else {
		copy(events[e0:], fresh) // the usual edit: as many events as before
	}
	cur := scan.NewCursor(s.text[start:])
	for i := e0; i < e0+len(fresh); i++ {
		ev := &events[i]
		l, cl := cur.At(int(ev.offset) - start)
		l, cl = shift(line, col, l, cl)
		ev.line, ev.column = int32(l), int32(cl)
		for _, x := range ev.textFields() {
			if x.n < 0 {
				x.off += base
			}
		}
	}
	for i := e0 + len(fresh); i < len(events); i++ {
		ev := &events[i]
		ev.move(int32(delta))
		l, cl := mv.position(int(ev.line), int(ev.column))
		ev.line, ev.column = int32(l), int32(cl)
	}
	if s.tr.unlocated {
		// The anomalies are placed from their events: place them all, once.
		s.tr.events = events
		s.tr.locateEvents(s.text)
	}
	if len(own) > 2*s.tr.ownUsed+ownSlack {
		own, s.tr.ownUsed = compactOwn(events, own)
	}
	tracks, anomalies := buildTimelineIn(&s.scratch, events, &eventText{src: s.text, own: own}, !s.opts.SkipTracks)

	// Drop the old anomalies and merge the new ones in by offset and code.
	out := make([]Diagnostic, 0, len(diags)+len(anomalies))
	j := 0
	for _, d := range diags {
		if isTimelineCode(d.Code) {
			continue
		}
		for j < len(anomalies) && byOffsetCode(anomalies[j], d) < 0 {
			out = append(out, anomalies[j])
			j++
		}
		out = append(out, d)
	}
	return events, own, tracks, append(out, anomalies[j:]...)
}

// ownSlack is how far the events' own strings may grow past twice what was
// last in use before they are rebuilt (a variable for the tests).
var ownSlack = 1024

// compactOwn returns a table of the own strings that events use, which it
// renumbers, and how many there are.
func compactOwn(events []event, own []string) ([]string, int) {
	var kept []string
	for i := range events {
		for _, x := range events[i].textFields() {
			if x.n >= 0 {
				continue
			}
			if n := len(kept); n > 0 && kept[n-1] == own[x.off] {
				x.off = int32(n - 1)
				continue
			}
			kept = append(kept, own[x.off])
			x.off = int32(len(kept) - 1)
		}
	}
	return kept, len(kept)
}
