package input

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// render writes a Split as readable text for golden files: every located
// range is shown with its line:column and the text it covers, so that a
// reviewer sees at once whether an offset is right.
func render(src []byte, s Split) string {
	var b strings.Builder
	fmt.Fprintf(&b, "form: %s\n", s.Form)
	for i, p := range s.Parts {
		fmt.Fprintf(&b, "part %d: %s\n", i+1, span(src, p.Offset, p.Length))
		if m := p.HTTP; m != nil {
			if m.Request {
				fmt.Fprintf(&b, "  request: method %q @%d, target %q @%d, proto %q\n",
					m.Method, m.MethodOffset, m.Target, m.TargetOffset, m.Proto)
				if rt, ok := OperationPath(m.Method, m.Target); ok {
					fmt.Fprintf(&b, "  returns: %s\n", rt)
				}
			} else {
				fmt.Fprintf(&b, "  response: proto %q, status %d %s, reason %q\n",
					m.Proto, m.Status, span(src, m.StatusOffset, m.StatusLength), m.Reason)
			}
			for _, h := range m.Headers {
				fmt.Fprintf(&b, "  header %q = %q: line %s, value @%d+%d\n",
					h.Name, h.Value, span(src, h.Offset, h.Length), h.ValueOffset, h.ValueLength)
			}
			fmt.Fprintf(&b, "  body: @%d+%d\n", m.BodyOffset, m.BodyLength)
		}
		if k := p.Block; k != nil {
			fmt.Fprintf(&b, "  block: type %q, @odata.type %q, truncated %v, isCollection %v, name %q, lang %q\n",
				k.Type, k.ODataType, k.Truncated, k.IsCollection, k.Name, k.Lang)
			fmt.Fprintf(&b, "  block content: %s\n", span(src, k.Offset, k.Length))
			if k.AnnotationLength > 0 {
				fmt.Fprintf(&b, "  annotation: %s\n", span(src, k.AnnotationOffset, k.AnnotationLength))
			}
		}
	}
	for _, f := range s.Findings {
		fmt.Fprintf(&b, "%s %s: %s\n  at %s\n", f.Severity, f.Code, f.Message, span(src, f.Offset, f.Length))
		if f.Fix != nil {
			fmt.Fprintf(&b, "  fix %q: replace %s with %q\n", f.Fix.Title, span(src, f.Fix.Offset, f.Fix.Length), f.Fix.Replacement)
		}
	}
	return b.String()
}

// span shows the range [off, off+length) of src: offsets, line:column of
// its start and a shortened quote of its text.
func span(src []byte, off, length int) string {
	if off < 0 || length < 0 || off+length > len(src) {
		return fmt.Sprintf("@%d+%d (OUT OF RANGE)", off, length)
	}
	line := 1 + bytes.Count(src[:off], []byte("\n"))
	col := off - (bytes.LastIndexByte(src[:off], '\n') + 1) + 1
	text := src[off : off+length]
	if len(text) > 50 {
		text = append(append(append([]byte{}, text[:24]...), "..."...), text[len(text)-23:]...)
	}
	return fmt.Sprintf("@%d+%d (%d:%d) %s", off, length, line, col, strconv.Quote(string(text)))
}

// checkInvariants asserts what must hold for every input: offsets inside
// the input, parts in order and not overlapping, findings sorted, known
// severities, and fixes inside the input.
func checkInvariants(t *testing.T, src []byte, s Split) {
	t.Helper()
	in := func(what string, off, length int) {
		t.Helper()
		if off < 0 || length < 0 || off+length > len(src) {
			t.Fatalf("%s @%d+%d is outside the input of %d bytes", what, off, length, len(src))
		}
	}
	prevEnd := 0
	for i, p := range s.Parts {
		in("part", p.Offset, p.Length)
		if p.Offset < prevEnd {
			t.Fatalf("part %d @%d+%d starts before the end of the previous part at %d", i, p.Offset, p.Length, prevEnd)
		}
		prevEnd = p.Offset + p.Length
		if m := p.HTTP; m != nil {
			in("body", m.BodyOffset, m.BodyLength)
			if m.BodyOffset != p.Offset || m.BodyLength != p.Length {
				t.Fatalf("part %d @%d+%d differs from its body @%d+%d", i, p.Offset, p.Length, m.BodyOffset, m.BodyLength)
			}
			in("status", m.StatusOffset, m.StatusLength)
			in("method", m.MethodOffset, len(m.Method))
			in("target", m.TargetOffset, len(m.Target))
			if string(src[m.MethodOffset:m.MethodOffset+len(m.Method)]) != m.Method ||
				string(src[m.TargetOffset:m.TargetOffset+len(m.Target)]) != m.Target {
				t.Fatalf("part %d: method %q or target %q are not where they point", i, m.Method, m.Target)
			}
			for _, h := range m.Headers {
				in("header", h.Offset, h.Length)
				in("header value", h.ValueOffset, h.ValueLength)
				if string(src[h.ValueOffset:h.ValueOffset+h.ValueLength]) != h.Value {
					t.Fatalf("header %q: value %q is not where it points", h.Name, h.Value)
				}
			}
		}
		if k := p.Block; k != nil {
			in("block", k.Offset, k.Length)
			in("annotation", k.AnnotationOffset, k.AnnotationLength)
			if p.Offset < k.Offset || p.Offset+p.Length > k.Offset+k.Length {
				t.Fatalf("part %d @%d+%d is outside its block @%d+%d", i, p.Offset, p.Length, k.Offset, k.Length)
			}
		}
	}
	prev := 0
	for _, f := range s.Findings {
		in("finding "+f.Code, f.Offset, f.Length)
		if f.Offset < prev {
			t.Fatalf("finding %s at %d comes after one at %d", f.Code, f.Offset, prev)
		}
		prev = f.Offset
		switch f.Severity {
		case "error", "warning", "info":
		default:
			t.Fatalf("finding %s has severity %q", f.Code, f.Severity)
		}
		if f.Code == "" || f.Message == "" {
			t.Fatalf("finding without code or message: %+v", f)
		}
		if f.Fix != nil {
			in("fix of "+f.Code, f.Fix.Offset, f.Fix.Length)
		}
	}
}

// applyFix returns src with one edit applied.
func applyFix(src []byte, e *Edit) []byte {
	out := append([]byte{}, src[:e.Offset]...)
	out = append(out, e.Replacement...)
	return append(out, src[e.Offset+e.Length:]...)
}

// summary lists a Split's parts and findings compactly, for table tests:
// "part 12+30", "error http-status @9+3".
func summary(s Split) []string {
	var out []string
	for _, p := range s.Parts {
		out = append(out, fmt.Sprintf("part %d+%d", p.Offset, p.Length))
	}
	for _, f := range s.Findings {
		out = append(out, fmt.Sprintf("%s %s @%d+%d", f.Severity, f.Code, f.Offset, f.Length))
	}
	return out
}

// md turns three single quotes into three backticks, so that Markdown
// fences fit in Go raw strings.
func md(s string) string { return strings.ReplaceAll(s, "'''", "```") }
