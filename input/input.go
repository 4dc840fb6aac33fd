package input

import (
	"bytes"
	"sort"
	"strconv"
)

// Form is the outer form of an input.
type Form string

// The forms Parse recognises.
const (
	// JSON is a bare JSON document.
	JSON Form = "json"
	// HTTP is a raw HTTP response or request: start line, headers, a blank
	// line, then the body.
	HTTP Form = "http"
	// Markdown is a docs page whose fenced code blocks carry
	// <!-- { "blockType": ... } --> annotations.
	Markdown Form = "markdown"
	// Log is a log excerpt: JSON bodies with text (timestamps, "Received
	// notification:") before or between them, or many bodies in a row.
	Log Form = "log"
)

// Severities of a Finding.
const (
	sevError   = "error"
	sevWarning = "warning"
	sevInfo    = "info"
)

// Finding is a problem found while splitting the input, located in it.
type Finding struct {
	// Severity is "error", "warning" or "info".
	Severity string
	// Code is a stable kebab-case name of the problem, e.g. "http-status".
	Code string
	// Message says in plain words what is wrong and what was expected.
	Message string
	// Offset and Length locate the offending bytes of the original input.
	Offset, Length int
	// Fix, when not nil, is an edit of the original input that repairs the
	// problem.
	Fix *Edit
}

// Edit replaces Length bytes at Offset of the original input with
// Replacement (Length 0 inserts).
type Edit struct {
	Title       string
	Offset      int
	Length      int
	Replacement string
}

// Header is one header line of an HTTP message.
type Header struct {
	// Name and Value are as written, the value without surrounding blanks.
	Name, Value string
	// Offset and Length locate the whole line, without its line break.
	Offset, Length int
	// ValueOffset and ValueLength locate the value.
	ValueOffset, ValueLength int
}

// Message is an HTTP request or response found in the input.
type Message struct {
	// Request is true for a request, false for a response.
	Request bool
	// Method and Target are the request line's method and target (requests
	// only), located by MethodOffset and TargetOffset. Both are empty when
	// the request line could not be read.
	Method, Target             string
	MethodOffset, TargetOffset int
	// Proto is the protocol version as written ("HTTP/1.1", "HTTP/2"); it
	// is optional on a request line.
	Proto string
	// Status and Reason are the status line's code and reason phrase
	// (responses only); StatusOffset and StatusLength locate the code's
	// digits.
	Status                     int
	Reason                     string
	StatusOffset, StatusLength int
	// Headers are the header lines in order.
	Headers []Header
	// BodyOffset and BodyLength locate the body in the original input: the
	// bytes after the blank line up to the end of the message, without the
	// line breaks that end it. BodyLength 0 means there is no body.
	BodyOffset, BodyLength int
}

// Header returns the first header whose name equals name, ignoring case, or
// nil if the message has none.
func (m *Message) Header(name string) *Header {
	if m == nil {
		return nil
	}
	for i := range m.Headers {
		if equalFold(m.Headers[i].Name, name) {
			return &m.Headers[i]
		}
	}
	return nil
}

// Block is a fenced code block of a Markdown page and its annotation.
type Block struct {
	// Type is the annotation's blockType: "request", "response", "example",
	// "resource" or "ignored"; "" when the block has no annotation or an
	// annotation without a known blockType.
	Type string
	// ODataType is the annotation's "@odata.type", as written.
	ODataType string
	// Truncated and IsCollection are the annotation's "truncated" and
	// "isCollection" (false unless the annotation says true).
	Truncated, IsCollection bool
	// Name is the annotation's "name".
	Name string
	// AnnotationOffset and AnnotationLength locate the whole
	// <!-- { ... } --> comment; AnnotationLength is 0 without one.
	AnnotationOffset, AnnotationLength int
	// Lang is the first word of the fence's info string ("http", "json").
	Lang string
	// Offset and Length locate the block's content: the lines between the
	// fences, without the line break before the closing fence.
	Offset, Length int
}

// Part is one JSON document to validate, or an HTTP message whose body may
// be JSON.
type Part struct {
	// Offset and Length locate the JSON text in the original input; Length
	// is 0 when there is none (an HTTP message without a body).
	Offset, Length int
	// HTTP is non-nil when the part is (the body of) an HTTP message.
	HTTP *Message
	// Block is non-nil when the part came from a Markdown code block.
	Block *Block
}

// Split is what Parse found in an input.
type Split struct {
	// Form is the recognised (or forced) form; "" when nothing was
	// recognised (Findings then holds a "no-json" error).
	Form Form
	// Parts are in input order and do not overlap.
	Parts []Part
	// Findings are sorted by offset.
	Findings []Finding
}

// Parse recognises the form of src, or uses force when it is not "", and
// splits it into parts. It never panics and takes time linear in len(src).
//
// Detection, in order: JSON when the first non-blank byte (after an optional
// byte-order mark) is '{', or '[' unless it opens a bracketed log prefix
// such as "[INFO] ... {"; HTTP when the first non-blank line starts with
// "HTTP/" or is a request line ("POST /v1.0/communications/..."); Markdown
// when the text has fenced code blocks, front matter, headings or HTML
// comments; Log when a JSON object starts after some text. Otherwise the
// result has no parts and a "no-json" error.
//
// A JSON input is one part, the whole input (the JSON scanner reports what
// trails the value). A log has a part per JSON body: each object up to its
// matching brace, or up to the line that starts the next body when it is
// still open there (see log.go). An HTTP input has a part per message, located at its body;
// a Markdown page a part per annotated request, response, example or
// resource block.
func Parse(src []byte, force Form) Split {
	p := &parser{src: src}
	form := force
	switch force {
	case "":
		form = detect(src)
	case JSON, HTTP, Markdown, Log:
	default:
		p.add(sevError, "form", "unknown input form "+strconv.Quote(string(force))+
			": use json, http, markdown or log (or nothing, to detect it)", 0, 0, nil)
		form = detect(src)
	}
	switch form {
	case JSON:
		p.parts = append(p.parts, Part{Offset: 0, Length: len(src)})
	case HTTP:
		p.httpMessages(0, len(src), nil)
	case Markdown:
		p.markdown()
	case Log:
		p.log()
	default:
		p.noJSON()
	}
	sort.Stable(findingsByOffset(p.findings))
	return Split{Form: form, Parts: p.parts, Findings: p.findings}
}

// parser accumulates the parts and findings of one input.
type parser struct {
	src      []byte
	parts    []Part
	findings []Finding
	// sawAnnotation is set once a Markdown page shows a <!-- { ... } -->
	// annotation: it is then a docs page, whose unannotated blocks are
	// skipped.
	sawAnnotation bool
}

func (p *parser) add(severity, code, msg string, off, length int, fix *Edit) {
	p.findings = append(p.findings, Finding{Severity: severity, Code: code, Message: msg, Offset: off, Length: length, Fix: fix})
}

// noJSON reports that nothing checkable was found.
func (p *parser) noJSON() {
	src := p.src
	i := skipSpace(src, skipBOM(src))
	if i == len(src) {
		p.add(sevError, "no-json", "the input is empty: paste a JSON document, a raw HTTP response or request, "+
			"a Markdown docs page with annotated code blocks, or a log excerpt", 0, len(src), nil)
		return
	}
	end, _ := lineAt(src, i, len(src))
	p.add(sevError, "no-json", "no JSON found: paste a JSON document, a raw HTTP response or request "+
		"(status or request line, headers, blank line, JSON body), a Markdown docs page with annotated "+
		"code blocks, or a log excerpt with a JSON object after its text", i, end-i, nil)
}

// detect recognises the form of src, or returns "" when it has none.
func detect(src []byte) Form {
	i := skipSpace(src, skipBOM(src))
	if i == len(src) {
		return ""
	}
	end, _ := lineAt(src, i, len(src))
	if src[i] == '{' || src[i] == '[' && !bracketedLogPrefix(src, i, end) {
		return JSON
	}
	line := src[i:end]
	if bytes.HasPrefix(line, []byte("HTTP/")) || looksLikeRequestLine(line) {
		return HTTP
	}
	if looksLikeMarkdown(src) {
		return Markdown
	}
	if logStart(src, 0) >= 0 {
		return Log
	}
	return ""
}

// bracketedLogPrefix reports whether the '[' at src[i] opens a log line's
// bracketed prefix ("[INFO] ...", "[2026-11-26 01:02:03] ...") rather than
// a JSON array: it closes on its line, text follows it there, and a JSON
// object comes later.
func bracketedLogPrefix(src []byte, i, lineEnd int) bool {
	e := balancedEnd(src[:lineEnd], i)
	return e > 0 && !isBlank(src[e:lineEnd]) && logStart(src, e) >= 0
}

// lineAt returns the end of the line starting at i (before "\n" or "\r\n")
// and the start of the next line, both at most end.
func lineAt(src []byte, i, end int) (lineEnd, next int) {
	j := bytes.IndexByte(src[i:end], '\n')
	if j < 0 {
		lineEnd, next = end, end
	} else {
		lineEnd, next = i+j, i+j+1
	}
	if lineEnd > i && src[lineEnd-1] == '\r' {
		lineEnd--
	}
	return lineEnd, next
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// skipSpace returns the first index at or after i that is not blank.
func skipSpace(src []byte, i int) int {
	for i < len(src) && isSpace(src[i]) {
		i++
	}
	return i
}

// skipBOM returns 3 when src starts with a UTF-8 byte-order mark, else 0.
func skipBOM(src []byte) int {
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		return 3
	}
	return 0
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if !isSpace(c) {
			return false
		}
	}
	return true
}

// indentEnd returns the index of the first byte of b[i:end] that is not a
// space or tab (end if there is none).
func indentEnd(b []byte, i, end int) int {
	for i < end && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	return i
}

// trimRightBlank returns end moved back over spaces and tabs, not before i.
func trimRightBlank(b []byte, i, end int) int {
	for end > i && (b[end-1] == ' ' || b[end-1] == '\t') {
		end--
	}
	return end
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// equalFold reports whether a and b are equal ignoring ASCII case.
func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lower(a[i]) != lower(b[i]) {
			return false
		}
	}
	return true
}

// quoteShort quotes b for a message, keeping at most about max bytes: the
// end when the text is longer (a log prefix matters most near the JSON).
func quoteShort(b []byte, max int) string {
	if len(b) <= max {
		return strconv.Quote(string(b))
	}
	i := len(b) - max
	for i < len(b) && b[i]&0xC0 == 0x80 { // do not cut a UTF-8 sequence
		i++
	}
	return "\"..." + strconv.Quote(string(b[i:]))[1:]
}

// findingsByOffset sorts findings by offset with sort.Stable, whose one
// implementation serves every slice type in the wasm.
type findingsByOffset []Finding

func (s findingsByOffset) Len() int           { return len(s) }
func (s findingsByOffset) Less(i, j int) bool { return s[i].Offset < s[j].Offset }
func (s findingsByOffset) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }
