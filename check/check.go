package check

import (
	"bytes"
	"slices"
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
	c.trace = t

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
	c.res.Kind = Kind(split.Form)
	for _, f := range split.Findings {
		c.addFinding(f)
	}
	for i := range split.Parts {
		c.part(&split.Parts[i], o.Kind)
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
	slices.SortStableFunc(c.res.Diagnostics, byOffsetCode)
	locate(src, c.res.Diagnostics)
	return c.res
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
	case KindOperation, KindCollection, KindWrapped, KindNotifications:
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
	return &checker{src: src, model: model, res: &Result{API: model.API, Objects: []Object{}, Diagnostics: []Diagnostic{}, Timeline: []Track{}}}
}

// checker holds the state of one Validate call.
type checker struct {
	dropped int // findings past MaxFindings
	src     []byte
	model   *graph.Model
	res     *Result
	shape   Kind // the JSON shape of the last part, for Result.Kind

	// The part being checked.
	doc       *scan.Doc
	base      int     // offset of doc.Src in src
	ptr       []token // the JSON Pointer of the value being checked, unescaped
	pbuf      []byte  // reused to write pointers out
	truncated bool    // a docs block marked truncated: absent properties are fine
	types     [8]typeHit
	nextType  int  // the entry of types to replace next
	resource  bool // a docs resource block: type names stand in for values

	trace *trace // what a Session keeps of this check, or nil

	events []event // what the notifications say happened, for the timeline
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
	c.res.Diagnostics = append(c.res.Diagnostics, Diagnostic{
		Severity: sev, Code: code, Message: msg, Pointer: c.pointer(),
		Offset: c.base + off, Length: length, Fix: fix,
	})
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
	id := c.root(shape, want)
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
	if c.trace != nil {
		c.trace.issues = issues
	}
	return doc != nil && len(doc.Nodes) > 0
}

// reportIssues records the scanner's findings about c.doc.
func (c *checker) reportIssues(issues []scan.Issue) {
	for _, is := range issues {
		var fix *Fix
		if is.Fix != nil {
			fix = &Fix{Title: is.Fix.Title, Offset: is.Fix.Offset, Length: is.Fix.Length, Replacement: is.Fix.Replacement}
		}
		c.report(Severity(is.Severity), is.Code, is.Offset, is.Length, is.Message, fix)
	}
}

// typeHint suggests the nearest known type name for an unknown one, or says
// in which API version it exists.
func (c *checker) typeHint(name string) string {
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

// byOffsetCode is the order of Result.Diagnostics: by offset, then code.
func byOffsetCode(a, b Diagnostic) int {
	if a.Offset != b.Offset {
		return a.Offset - b.Offset
	}
	return strings.Compare(a.Code, b.Code)
}
