package input

import (
	"bytes"
	"strconv"
)

// maxPrefixQuote is how much of a skipped log prefix a finding quotes.
const maxPrefixQuote = 60

// logStart returns the offset of the first JSON object in src at or after
// i, or -1: the first '{' whose next non-blank byte is '"' or '}' (so that
// "{main}" or "${user}" in the log text is passed over), else the first
// '{' at all.
func logStart(src []byte, i int) int {
	return findObject(src, i, false)
}

// findObject returns the offset of the first '{' at or after i whose next
// non-blank byte is '"' or '}'; unless strict, the first '{' at all when
// there is no such one; -1 when there is none.
func findObject(src []byte, i int, strict bool) int {
	first := -1
	for ; i < len(src); i++ {
		j := bytes.IndexByte(src[i:], '{')
		if j < 0 {
			break
		}
		i += j
		if first < 0 {
			first = i
		}
		if opensObject(src, i) {
			return i
		}
	}
	if strict {
		return -1
	}
	return first
}

// opensObject reports whether the '{' at src[i] is followed, after blanks,
// by '"' or '}': the start of a JSON object rather than of "{main}".
func opensObject(src []byte, i int) bool {
	j := skipSpace(src, i+1)
	return j < len(src) && (src[j] == '"' || src[j] == '}')
}

// balancedEnd returns the offset just past the JSON value that starts with
// the '{' or '[' at src[start], found by matching brackets outside strings,
// or -1 when the value does not close.
func balancedEnd(src []byte, start int) int {
	depth := 0
	inString := false
	for i := start; i < len(src); i++ {
		c := src[i]
		if inString {
			switch c {
			case '\\':
				i++
			case '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth <= 0 {
				return i + 1
			}
		}
	}
	return -1
}

// Byte classes of the body splitter; 0 is a byte it passes over.
const (
	clQuote = 1 + iota
	clBackslash
	clOpen
	clClose
	clNewline
)

// classes maps each byte to its class for bodyEnd.
var classes = [256]uint8{'"': clQuote, '\\': clBackslash, '{': clOpen, '[': clOpen, '}': clClose, ']': clClose, '\n': clNewline}

// bodyEnd returns where the JSON body that starts with the '{' at
// src[start] ends, matching brackets outside strings. A body that is still
// open at the end of a line followed by a line that starts a new body (see
// bodyLine) is cut there: end is the end of its last line and next the
// '{' of the new body. Otherwise next is -1, and end is just past the
// closing bracket, or len(src) when the body never closes. A line break
// ends a string, which JSON strings cannot hold, so that a body cut off in
// a string does not swallow the lines after it.
func bodyEnd(src []byte, start int) (end, next int) {
	depth := 0
	inString := false
	n := len(src)
	for i := start; i < n; i++ {
		for i < n && classes[src[i]] == 0 {
			i++
		}
		if i == n {
			break
		}
		switch classes[src[i]] {
		case clNewline:
			inString = false
			if b := bodyLine(src, i+1); b >= 0 {
				end := i
				if src[end-1] == '\r' {
					end--
				}
				return trimRightBlank(src, start, end), b
			}
		case clQuote:
			if inString {
				inString = false
				continue
			}
			// Skip the string's text at once up to its closing quote when
			// no escape or line break comes before it, as in most strings.
			if q := bytes.IndexByte(src[i+1:], '"'); q >= 0 {
				if s := src[i+1 : i+1+q]; bytes.IndexByte(s, '\\') < 0 && bytes.IndexByte(s, '\n') < 0 {
					i += q + 1
					continue
				}
			}
			inString = true
		case clBackslash:
			if inString && i+1 < n && src[i+1] != '\n' {
				i++
			}
		case clOpen:
			if !inString {
				depth++
			}
		case clClose:
			if !inString {
				depth--
				if depth <= 0 {
					return i + 1, -1
				}
			}
		}
	}
	return n, -1
}

// bodyLine returns the offset of the '{' of a new JSON body on the line
// that starts at i, or -1. A line starts a body when it starts with a '{'
// that opens an object, or with a log prefix (a letter, digit or '[', then
// text without quotes: "2026-03-01T10:00:00Z INFO got:", "[12:00:01]")
// followed by such a '{'. Lines of a pretty-printed body are indented or
// start with '"', '}' or ']', so they do not start a body.
func bodyLine(src []byte, i int) int {
	if i >= len(src) {
		return -1
	}
	switch c := src[i]; {
	case c == '{':
		if opensObject(src, i) {
			return i
		}
		return -1
	case c == '[' || '0' <= c && c <= '9' || 'a' <= lower(c) && lower(c) <= 'z':
	default:
		return -1
	}
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\n', '"':
			return -1
		case '{':
			if opensObject(src, j) {
				return j
			}
		}
	}
	return -1
}

// log adds the parts of a log excerpt: each JSON body, from its '{' to its
// matching '}' (or to where the next body starts, or to the end of the
// input, when it does not close). The first body is the first JSON object
// after the text that starts the log; each later one the next '{' that
// opens an object after it ends. The text before the first body is
// reported once; the log lines between bodies are passed over.
func (p *parser) log() {
	src := p.src
	start := logStart(src, 0)
	if start < 0 {
		p.noJSON()
		return
	}
	if prefix := src[:start]; !isBlank(prefix[skipBOM(prefix):]) {
		p.add(sevInfo, "log-prefix-skipped", "skipped "+strconv.Itoa(start)+" bytes of log text before the JSON ("+
			quoteShort(prefix, maxPrefixQuote)+")", 0, start, nil)
	}
	for start >= 0 {
		end, next := bodyEnd(src, start)
		p.parts = append(p.parts, Part{Offset: start, Length: end - start})
		if next < 0 {
			start = findObject(src, end, true)
			continue
		}
		p.add(sevWarning, CodeBodyCut, "this JSON body is cut off: it is still open at the end of its line, "+
			"and the next line starts a new body, which is checked on its own", end, next-end, nil)
		start = next
	}
}

// CodeBodyCut is the code of the finding a log gets where a JSON body that
// is still open gives way to the next one.
const CodeBodyCut = "log-body-cut"

// Body returns where the log body that starts with the '{' at src[start]
// ends, as Parse splits a log: end just past its closing bracket, or where
// it is cut off, with next the start of the body that cut it (-1 when none
// did). A Session uses it to tell whether an edit inside a body left the
// split as it was.
func Body(src []byte, start int) (end, next int) {
	if start < 0 || start >= len(src) || src[start] != '{' {
		return -1, -1
	}
	return bodyEnd(src, start)
}

// OpensObject reports whether src[i] is a '{' that a log's later bodies may
// start with: one followed, after blanks, by '"' or '}'.
func OpensObject(src []byte, i int) bool {
	return i >= 0 && i < len(src) && src[i] == '{' && opensObject(src, i)
}

// MarkdownLine reports whether a line of src[from:to] would make form
// detection take the text for a Markdown page (a fence, an HTML comment
// or a heading), so that an edit there may change the form.
func MarkdownLine(src []byte, from, to int) bool {
	for from > 0 && src[from-1] != '\n' {
		from--
	}
	if to > from {
		to, _ = lineAt(src, to-1, len(src))
	}
	// From a line other than the text's first, looksLikeMarkdown also
	// takes a "---" line for front matter: a full check then says.
	return looksLikeMarkdown(src[from:to])
}
