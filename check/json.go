package check

import (
	"strconv"
	"unicode/utf8"
)

// AppendJSON appends r as a JSON object to dst. The CLI's -format json output
// and the wasm adapter both use it, so the browser and the command line agree
// field for field. It is written by hand to keep encoding/json and reflect
// out of the WebAssembly build.
func (r *Result) AppendJSON(dst []byte) []byte {
	dst = append(dst, '{')
	if r.File != "" {
		dst = append(dst, `"file":`...)
		dst = appendString(dst, r.File)
		dst = append(dst, ',')
	}
	dst = append(dst, `"kind":`...)
	dst = appendString(dst, string(r.Kind))
	dst = append(dst, `,"api":`...)
	dst = appendString(dst, r.API)
	dst = append(dst, `,"objects":[`...)
	for i, o := range r.Objects {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"pointer":`...)
		dst = appendString(dst, o.Pointer)
		dst = append(dst, `,"type":`...)
		dst = appendString(dst, o.Type)
		dst = appendInt(dst, `,"offset":`, o.Offset)
		dst = appendInt(dst, `,"length":`, o.Length)
		dst = append(dst, '}')
	}
	dst = append(dst, `],"diagnostics":[`...)
	var seen escaped
	for i := range r.Diagnostics {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = r.Diagnostics[i].appendJSON(dst, &seen)
	}
	dst = append(dst, `],"timeline":[`...)
	for i := range r.Timeline {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = r.Timeline[i].AppendJSON(dst)
	}
	return append(dst, "]}"...)
}

// AppendJSON appends t as a JSON object to dst.
func (t *Track) AppendJSON(dst []byte) []byte {
	dst = append(dst, `{"resourceUrl":`...)
	dst = appendString(dst, t.ResourceURL)
	dst = append(dst, `,"type":`...)
	dst = appendString(dst, t.Type)
	dst = append(dst, `,"events":[`...)
	for i := range t.Events {
		if i > 0 {
			dst = append(dst, ',')
		}
		e := &t.Events[i]
		dst = appendInt(dst, `{"line":`, e.Line)
		dst = appendInt(dst, `,"column":`, e.Column)
		dst = appendInt(dst, `,"offset":`, e.Offset)
		dst = append(dst, `,"changeType":`...)
		dst = appendString(dst, e.ChangeType)
		dst = append(dst, `,"status":`...)
		dst = appendString(dst, e.Status)
		if e.ClientContext != "" {
			dst = append(dst, `,"clientContext":`...)
			dst = appendString(dst, e.ClientContext)
		}
		if r := e.ResultInfo; r != nil {
			dst = appendInt(dst, `,"resultInfo":{"code":`, r.Code)
			dst = appendInt(dst, `,"subcode":`, r.Subcode)
			dst = append(dst, `,"message":`...)
			dst = appendString(dst, r.Message)
			dst = append(dst, '}')
		}
		dst = append(dst, '}')
	}
	return append(dst, "]}"...)
}

// AppendJSON appends d as a JSON object to dst.
func (d *Diagnostic) AppendJSON(dst []byte) []byte {
	return d.appendJSON(dst, nil)
}

// appendJSON is AppendJSON, copying a message already written to dst (as
// seen remembers) rather than escaping it again.
func (d *Diagnostic) appendJSON(dst []byte, seen *escaped) []byte {
	dst = append(dst, `{"severity":`...)
	dst = appendString(dst, string(d.Severity))
	dst = append(dst, `,"code":`...)
	dst = appendString(dst, d.Code)
	dst = append(dst, `,"message":`...)
	dst = seen.append(dst, d.Message)
	dst = append(dst, `,"pointer":`...)
	dst = appendString(dst, d.Pointer)
	dst = appendInt(dst, `,"line":`, d.Line)
	dst = appendInt(dst, `,"column":`, d.Column)
	dst = appendInt(dst, `,"endLine":`, d.EndLine)
	dst = appendInt(dst, `,"endColumn":`, d.EndColumn)
	dst = appendInt(dst, `,"offset":`, d.Offset)
	dst = appendInt(dst, `,"length":`, d.Length)
	if f := d.Fix; f != nil {
		dst = append(dst, `,"fix":{"title":`...)
		dst = appendString(dst, f.Title)
		dst = appendInt(dst, `,"offset":`, f.Offset)
		dst = appendInt(dst, `,"length":`, f.Length)
		dst = append(dst, `,"replacement":`...)
		dst = appendString(dst, f.Replacement)
		dst = append(dst, '}')
	}
	if n := d.SDK; n != nil {
		dst = n.appendJSON(append(dst, `,"sdk":`...))
	}
	return append(dst, '}')
}

// appendJSON appends n as a JSON object, leaving out empty sentences.
func (n *SDKNotes) appendJSON(dst []byte) []byte {
	dst = append(dst, '{')
	sep := false
	for _, f := range [...]struct{ key, s string }{{"go", n.Go}, {"typescript", n.TypeScript}, {"dotnet", n.DotNet}, {"java", n.Java}, {"python", n.Python}} {
		if f.s == "" {
			continue
		}
		if sep {
			dst = append(dst, ',')
		}
		sep = true
		dst = appendString(append(appendString(dst, f.key), ':'), f.s)
	}
	return append(dst, '}')
}

// appendInt appends key and n. It is not inlined: each of its many call
// sites would otherwise carry its own copy of append's growth, which costs
// the WebAssembly build kilobytes.
//
//go:noinline
func appendInt(dst []byte, key string, n int) []byte {
	return strconv.AppendInt(append(dst, key...), int64(n), 10)
}

const hexDigits = "0123456789abcdef"

// plainASCII marks the ASCII bytes appendString writes as they are: one
// look-up per byte rather than six comparisons.
var plainASCII = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// appendString appends s as a JSON string. Invalid UTF-8 becomes U+FFFD, and
// U+2028/U+2029 are escaped so the output is also safe inside a <script>.
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if plainASCII[c] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
