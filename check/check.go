package check

import (
	"bytes"
	"slices"
	"sort"
	"strconv"
	"strings"

	"opcheck/graph"
	"opcheck/input"
	"opcheck/scan"
)

// Validate checks src and returns every finding, located. It never panics on
// any input and always returns a non-nil Result with non-nil slices. Options
// it does not know are treated as the defaults; call Options.Verify first to
// report them.
func Validate(src []byte, opts *Options) *Result {
	return validate(src, opts, nil)
}

// validate is Validate; when t is not nil, it also records in t what a
// Session needs to check a single item of the document again later.
func validate(src []byte, opts *Options, t *trace) *Result {
	var o Options
	if opts != nil {
		o = *opts
	}
	c := newChecker(src, &o)
	c.lookupKinds()
	c.trace, c.skipTracks = t, o.SkipTracks
	// Without tracks, the events' positions serve only the anomalies, which
	// locate() places like every finding; a Session places them when it
	// builds the tracks.
	c.unlocatedEvents = o.SkipTracks

	if len(bytes.TrimSpace(src)) == 0 {
		c.res.Kind = KindOperation
		what := "the input is empty"
		if len(src) > 0 {
			what = "the input holds only white space"
		}
		c.res.Diagnostics = append(c.res.Diagnostics, Diagnostic{Severity: Error, Code: "empty-input", Length: len(src),
			Message: "nothing to check: " + what + "; paste an operation, a callback body, a raw HTTP response, a docs page or a log line"})
		locate(src, c.res.Diagnostics)
		return c.res
	}
	split := input.Parse(src, formOf(o.Kind))
	c.parts(split, o.Kind)
	if split.Form == input.JSON && o.Kind == KindAuto && c.fatalAt >= 0 {
		// Text that starts like one JSON document but has more after it
		// may be many bodies in a row (JSON Lines, "}{"): checked as a log
		// when it splits into more than one.
		if logSplit := input.Parse(src, input.Log); len(logSplit.Parts) > 1 && moreAfterFirst(src, logSplit, c.fatalAt) {
			c.res.Diagnostics, c.res.Objects, c.events = c.res.Diagnostics[:0], c.res.Objects[:0], c.events[:0]
			c.eventCursor, c.own = nil, c.own[:0]
			c.dropped, c.fatalAt = 0, -1
			if t != nil {
				*t = trace{fellBack: true}
			}
			split = logSplit
			c.parts(split, o.Kind)
		}
	}
	if split.Form == input.JSON {
		c.res.Kind = c.shape
	}
	c.timeline()
	if t != nil {
		t.done(c, split)
	}
	if c.dropped > 0 {
		c.res.Diagnostics = append(c.res.Diagnostics, Diagnostic{Severity: Info, Code: "too-many-findings",
			Message: strconv.Itoa(c.dropped) + " more findings are not listed (opcheck lists " + strconv.Itoa(MaxFindings) + "); fix the first ones, which often explain the rest"})
	}
	if !sortedByOffsetCode(c.res.Diagnostics) { // they mostly come in order
		sort.Stable(diagsByOffsetCode(c.res.Diagnostics))
	}
	locate(src, c.res.Diagnostics)
	return c.res
}

// moreAfterFirst reports whether the scanner, reading src as one document,
// stopped at fatalAt only because text follows a first value that it read
// whole: the first body of the log split closes with its brace, and only
// blanks lie between it and fatalAt. A document broken inside, whose lines
// may look like bodies of their own, stays one document.
func moreAfterFirst(src []byte, logSplit input.Split, fatalAt int) bool {
	first := logSplit.Parts[0]
	end := first.Offset + first.Length
	if src[end-1] != '}' || fatalAt < end || !isBlank(src[end:fatalAt]) {
		return false
	}
	for _, f := range logSplit.Findings {
		if f.Code == input.CodeBodyCut && f.Offset == end {
			return false
		}
	}
	return true
}

// parts checks every part of split and records the splitter's findings.
func (c *checker) parts(split input.Split, forced Kind) {
	c.res.Kind = Kind(split.Form)
	for _, f := range split.Findings {
		c.addFinding(f)
	}
	if n := len(split.Parts); n > 1 && split.Form == input.Log {
		// A log of callbacks holds a notification and its operation per
		// body, most often: one allocation rather than one per doubling.
		c.res.Objects = make([]Object, 0, 2*n)
	}
	for i := range split.Parts {
		c.part(&split.Parts[i], forced)
	}
}

// formOf maps a forced input kind to the outer form the splitter should use.
func formOf(k Kind) input.Form {
	switch k {
	case KindHTTP:
		return input.HTTP
	case KindMarkdown:
		return input.Markdown
	case KindLog:
		return input.Log
	case KindOperation, KindCollection, KindWrapped, KindNotifications, KindCall, KindParticipant:
		return input.JSON
	}
	return ""
}

// MaxFindings caps the findings of one input: past it, a single info
// finding says how many more there were. Ten thousand is more than anyone
// reads, and keeps a pathological paste (a million unknown members) from
// costing the page seconds to render.
const MaxFindings = 10000

// newChecker returns a checker of src against the model o.API names.
func newChecker(src []byte, o *Options) *checker {
	model := graph.Lookup(o.API)
	if model == nil {
		model = graph.Lookup("v1.0")
	}
	return &checker{src: src, model: model, fatalAt: -1, res: &Result{API: model.API, Objects: []Object{}, Diagnostics: []Diagnostic{}, Timeline: []Track{}}, idGiven: -1, partial: -1}
}

// lookupKinds finds the types the checker tells apart; every check calls
// it after newChecker, which stays small enough to inline, so that the
// checker lives on Validate's stack.
func (c *checker) lookupKinds() {
	c.opType, c.callType, c.participantType = c.model.Type(graph.OperationRoot), c.model.Type(callName), c.model.Type(participantName)
}

// checker holds the state of one Validate call.
type checker struct {
	dropped int // findings past MaxFindings
	src     []byte
	model   *graph.Model
	res     *Result
	shape   Kind // the JSON shape of the last part, for Result.Kind
	fatalAt int  // where the first part whose JSON could not be read stopped, or -1

	// The part being checked.
	doc       *scan.Doc
	base      int       // offset of doc.Src in src
	ptr       []token   // the JSON Pointer of the value being checked, unescaped
	pbuf      []byte    // reused to write pointers out
	pdone     []written // the tokens whose text pbuf holds
	strs      strs      // where the pointers are kept
	truncated bool      // a docs block marked truncated: absent properties are fine
	types     [8]typeHit
	nextType  int    // the entry of types to replace next
	resource  bool   // a docs resource block: type names stand in for values
	sdk       sdkLog // the marks of a .NET bot's log in the document
	memo      memo   // what was said about findings, to say it again for free
	// idGiven is the node of an entity whose "id" may be absent, because
	// the notification's resourceUrl names it; partial is the node of a
	// call that a notification carries as a delta, whose other
	// non-nullable members may be absent too. -1 when there is none.
	idGiven, partial int
	// elem is the item type of the last collection checked, and elemByItem
	// whether its first item decided it.
	elem       *graph.Type
	elemByItem bool

	// The types the checker tells apart.
	opType, callType, participantType *graph.Type

	trace *trace // what a Session keeps of this check, or nil

	events []event  // what the notifications say happened, for the timeline
	own    []string // the events' own strings (see texts)
	// eventList is the JSON Pointer of the notifications' array, and
	// eventItem the index in it of the notification being checked.
	eventList texts
	eventItem int
	// eventCursor locates the events as they come, unless unlocatedEvents
	// says the caller does (a Session checking one item again).
	eventCursor     *scan.Cursor
	unlocatedEvents bool
	skipTracks      bool // Options.SkipTracks
}

// addFinding records a finding of the splitter (already in input offsets).
func (c *checker) addFinding(f input.Finding) {
	d := Diagnostic{Severity: Severity(f.Severity), Code: f.Code, Message: f.Message, Offset: f.Offset, Length: f.Length}
	if f.Fix != nil {
		d.Fix = &Fix{Title: f.Fix.Title, Offset: f.Fix.Offset, Length: f.Fix.Length, Replacement: f.Fix.Replacement}
	}
	c.res.Diagnostics = append(c.res.Diagnostics, d)
}

// report records a finding about bytes [off, off+length) of the current
// document, at the current pointer.
func (c *checker) report(sev Severity, code string, off, length int, msg string, fix *Fix) {
	if len(c.res.Diagnostics) >= MaxFindings {
		c.dropped++
		return
	}
	if fix != nil {
		fix.Offset += c.base
	}
	if ds := c.res.Diagnostics; len(ds) == cap(ds) && len(ds) >= 256 {
		c.res.Diagnostics = slices.Grow(ds, moreFindings(len(ds), c.base+off, len(c.src)))
	}
	c.res.Diagnostics = append(c.res.Diagnostics, Diagnostic{
		Severity: sev, Code: code, Message: msg, Pointer: c.pointer(),
		Offset: c.base + off, Length: length, Fix: fix,
	})
}

// moreFindings is the room to make for findings when n of them fill the
// slice and the next is at byte at of a text of size bytes. A document
// that repeats a mistake has thousands of findings, and append, growing by
// a quarter, copies them all a dozen times over: this makes room for as
// many as the rest of the text will hold at the rate seen so far (never
// more than MaxFindings in all, never less than a quarter more).
func moreFindings(n, at, size int) int {
	more := n / 4
	if at > 0 {
		more = max(more, n*(size-at)/at+n/8)
	}
	return max(1, min(more, MaxFindings+1-n))
}

// reportNode records a finding about node i's value.
func (c *checker) reportNode(sev Severity, code string, i int, msg string, fix *Fix) {
	n := &c.doc.Nodes[i]
	c.report(sev, code, int(n.Start), int(n.End-n.Start), msg, fix)
}

// reportKey records a finding about node i's member name (or its value
// where it has none).
func (c *checker) reportKey(sev Severity, code string, i int, msg string, fix *Fix) {
	n := &c.doc.Nodes[i]
	if n.KeyEnd == 0 {
		c.reportNode(sev, code, i, msg, fix)
		return
	}
	c.report(sev, code, int(n.KeyStart), int(n.KeyEnd-n.KeyStart), msg, fix)
}

// replaceNode is a fix that replaces node i's value with text.
func (c *checker) replaceNode(i int, title, text string) *Fix {
	n := &c.doc.Nodes[i]
	return &Fix{Title: title, Offset: int(n.Start), Length: int(n.End - n.Start), Replacement: text}
}

// part checks one JSON document found in the input.
func (c *checker) part(p *input.Part, forced Kind) {
	if p.Length == 0 {
		if m := p.HTTP; m != nil && !m.Request && m.Status == 200 {
			c.res.Diagnostics = append(c.res.Diagnostics, Diagnostic{
				Severity: Error, Code: "empty-input", Offset: m.StatusOffset, Length: m.StatusLength,
				Message: "this 200 OK response has no body; Graph answers these calls with the operation as JSON",
			})
		}
		return
	}
	if p.HTTP != nil && p.HTTP.Request || p.Block != nil && p.Block.Type == "request" {
		// A request body holds an action's parameters, which the operation
		// metadata does not describe: check its syntax only.
		c.parse(p)
		c.release()
		return
	}
	if !c.parse(p) {
		return
	}
	defer c.release()
	c.truncated, c.resource = false, false
	want := c.model.Type(graph.OperationRoot)
	collection := false
	if b := p.Block; b != nil {
		c.truncated = b.Truncated
		c.resource = b.Type == "resource"
		collection = b.IsCollection
		if b.ODataType != "" {
			if t := c.model.Type(b.ODataType); t != nil {
				want = t
			} else {
				c.res.Diagnostics = append(c.res.Diagnostics, Diagnostic{
					Severity: Error, Code: "odata-type-unknown",
					Message: `the docs annotation names "` + b.ODataType + `", which is not a ` + c.model.API + ` type` + c.typeHint(b.ODataType),
					Offset:  b.AnnotationOffset, Length: b.AnnotationLength,
				})
			}
		}
	}
	shape := forced
	if shape == KindHTTP || shape == KindMarkdown || shape == KindLog {
		shape = KindAuto
	}
	if shape == KindAuto && collection {
		shape = KindCollection
	}
	if want != nil && want.Name == "microsoft.graph.commsNotifications" {
		shape = KindNotifications
	}
	if c.res.Kind == KindLog && p.Block == nil && c.otherJSON() {
		c.skipOther()
		return
	}
	from := len(c.res.Diagnostics)
	id := c.root(shape, want)
	c.sdkLogDone(from)
	if c.trace != nil {
		c.trace.part(c, shape)
	}
	if p.HTTP != nil {
		c.location(p.HTTP, id)
	}
}

// release hands the part's parsed document back to the scanner for reuse.
func (c *checker) release() {
	c.doc.Release()
	c.doc = nil
}

// parse scans the part's JSON and records its syntax findings; it reports
// whether there is a document to check further.
func (c *checker) parse(p *input.Part) bool {
	doc, issues := scan.Parse(c.src[p.Offset : p.Offset+p.Length])
	c.doc, c.base, c.ptr = doc, p.Offset, c.ptr[:0]
	c.reportIssues(issues)
	if t := c.trace; t != nil {
		t.issues = issues
		t.firstBroken = t.firstBroken || t.parsed == 0 && doc == nil
		t.parsed++
	}
	if doc == nil && c.fatalAt < 0 {
		for _, is := range issues {
			if is.Fatal {
				c.fatalAt = c.base + is.Offset
				break
			}
		}
	}
	return doc != nil && len(doc.Nodes) > 0
}

// reportIssues records the scanner's findings about c.doc, whose root
// value is at the JSON Pointer prefix (nil: the document's root).
func (c *checker) reportIssues(issues []scan.Issue, prefix ...token) {
	var dups map[int]int // a repeated member name's offset → its finding
	for _, is := range issues {
		var fix *Fix
		if is.Fix != nil {
			fix = &Fix{Title: is.Fix.Title, Offset: is.Fix.Offset, Length: is.Fix.Length, Replacement: is.Fix.Replacement}
		}
		n := len(c.res.Diagnostics)
		c.report(Severity(is.Severity), is.Code, is.Offset, is.Length, is.Message, fix)
		if is.Related > 0 && len(c.res.Diagnostics) > n {
			c.res.Diagnostics[n].related = c.base + is.Related
			if dups == nil {
				dups = map[int]int{}
			}
			dups[is.Offset] = n
		}
	}
	if dups != nil && c.doc != nil && len(c.doc.Nodes) > 0 {
		ptr := c.ptr
		c.ptr = append(c.ptr[:0], prefix...)
		c.keyPointers(0, dups)
		c.ptr = ptr[:0]
	}
}

// keyPointers sets the pointer of each finding about a repeated member
// name, found by the name's offset in dups, walking the value at node i.
func (c *checker) keyPointers(i int, dups map[int]int) {
	d := c.doc
	n := &d.Nodes[i]
	if n.Kind != scan.Object && n.Kind != scan.Array {
		return
	}
	for m, k := i+1, 0; m < int(n.Next); m, k = int(d.Nodes[m].Next), k+1 {
		if n.Kind == scan.Object {
			c.push(d.Key(m))
			if j, ok := dups[int(d.Nodes[m].KeyStart)]; ok {
				c.res.Diagnostics[j].Pointer = c.pointer()
			}
		} else {
			c.pushIndex(k)
		}
		c.keyPointers(m, dups)
		c.pop()
	}
}

// typeHint suggests the nearest known type name for an unknown one, or says
// in which API version it exists. A document that misspells a type does so
// in every item: the search runs once per name (see memo).
func (c *checker) typeHint(name string) string {
	k := sayKey{code: "type-hint", name: name}
	h, ok := c.memo.get(k)
	if !ok {
		h = c.memo.put(k, said{msg: c.sayTypeHint(name)})
	}
	return h.msg
}

// sayTypeHint is typeHint without the memo.
func (c *checker) sayTypeHint(name string) string {
	name = strings.TrimPrefix(name, "#")
	if o := c.model.Other(); o != nil && o.Type(name) != nil {
		return "; it exists in " + o.API + " only"
	}
	short := name[strings.LastIndexByte(name, '.')+1:]
	var names []string
	for _, t := range c.model.Types() {
		names = append(names, t.Short)
	}
	if s := closest(short, names); s != "" {
		if t := c.model.Type("microsoft.graph." + s); t != nil {
			return "; did you mean " + t.Name + "?"
		}
		for _, t := range c.model.Types() {
			if t.Short == s {
				return "; did you mean " + t.Name + "?"
			}
		}
	}
	return ""
}

// sortedByOffsetCode reports whether ds is in byOffsetCode's order. It
// compares in place: byOffsetCode takes its diagnostics by value, and
// copying two of them per comparison is dear in wasm.
func sortedByOffsetCode(ds []Diagnostic) bool {
	for i := 1; i < len(ds); i++ {
		if a, b := &ds[i-1], &ds[i]; a.Offset > b.Offset || a.Offset == b.Offset && a.Code > b.Code {
			return false
		}
	}
	return true
}

// byOffsetCode is the order of Result.Diagnostics: by offset, then code.
func byOffsetCode(a, b Diagnostic) int {
	if a.Offset != b.Offset {
		return a.Offset - b.Offset
	}
	return strings.Compare(a.Code, b.Code)
}

// diagsByOffsetCode sorts diagnostics by byOffsetCode with sort.Stable,
// whose one implementation serves every slice type: a generic stable sort
// per element type would cost the wasm a copy of its code each.
type diagsByOffsetCode []Diagnostic

func (s diagsByOffsetCode) Len() int           { return len(s) }
func (s diagsByOffsetCode) Less(i, j int) bool { return byOffsetCode(s[i], s[j]) < 0 }
func (s diagsByOffsetCode) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }
