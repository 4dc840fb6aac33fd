package input

import (
	"strconv"
	"unicode/utf8"
)

// blockTypes are the blockType values of the docs annotations.
var blockTypes = []string{"request", "response", "example", "resource", "ignored"}

// maxAnnotationDepth bounds the nesting of an annotation's JSON.
const maxAnnotationDepth = 64

// annotation is what a <!-- { ... } --> comment says about the next fenced
// block.
type annotation struct {
	offset, length int // the whole comment
	// blockType is a known type ("" otherwise); hasBlockType is set when
	// the comment has a "blockType" member at all.
	blockType    string
	hasBlockType bool
	odataType    string
	hasODataType bool
	truncated    bool
	isCollection bool
	name         string
}

// jsonKind is the kind of an annotation value.
type jsonKind uint8

const (
	kindNone jsonKind = iota
	kindString
	kindNumber
	kindBool
	kindNull
	kindObject
	kindArray
)

var jsonKindNames = [...]string{"nothing", "a string", "a number", "a boolean", "null", "an object", "an array"}

// jsonValue is a value read by annParser: its bytes src[start:end], and for
// a string its decoded text, for a boolean its value.
type jsonValue struct {
	kind       jsonKind
	start, end int
	str        string
	b          bool
}

// annParser is a small JSON reader for annotation comments. It stops at the
// first syntax error, which it reports as an "annotation" finding; members
// read before the error are kept.
type annParser struct {
	p     *parser
	src   []byte
	i     int
	end   int
	depth int
	err   bool
}

// parseAnnotation reads the JSON object in src[start:end] (the text between
// "<!--" and "-->") into a.
func (p *parser) parseAnnotation(a *annotation, start, end int) {
	ap := &annParser{p: p, src: p.src, i: start, end: end}
	ap.ws()
	if ap.i >= end || ap.src[ap.i] != '{' {
		ap.fail("the annotation must be a JSON object in braces", ap.i, 0, nil)
		return
	}
	ap.object(func(key string, v jsonValue) { p.annotationMember(a, key, v) })
	if ap.err {
		return
	}
	ap.ws()
	if ap.i < end {
		ap.fail("unexpected text after the annotation's closing brace", ap.i, end-ap.i, nil)
	}
}

// annotationMember applies one top-level member of an annotation.
func (p *parser) annotationMember(a *annotation, key string, v jsonValue) {
	switch key {
	case "blockType":
		a.hasBlockType = true
		if v.kind != kindString {
			p.add(sevError, "annotation", `"blockType" must be a string, not `+jsonKindNames[v.kind]+
				": one of request, response, example, resource, ignored", v.start, v.end-v.start, nil)
			return
		}
		for _, t := range blockTypes {
			if v.str == t {
				a.blockType = t
				return
			}
		}
		for _, t := range blockTypes {
			if equalFold(v.str, t) {
				p.add(sevError, "annotation", "blockType "+strconv.Quote(v.str)+" is written in lower case: "+
					strconv.Quote(t), v.start, v.end-v.start,
					&Edit{Title: "Write " + strconv.Quote(t), Offset: v.start, Length: v.end - v.start, Replacement: strconv.Quote(t)})
				a.blockType = t
				return
			}
		}
		p.add(sevError, "annotation", "unknown blockType "+quoteShort([]byte(v.str), 40)+
			": use request, response, example, resource or ignored", v.start, v.end-v.start, nil)
	case "@odata.type":
		a.hasODataType = true
		if v.kind != kindString {
			p.add(sevError, "annotation", `"@odata.type" must be a string naming a type, not `+
				jsonKindNames[v.kind], v.start, v.end-v.start, nil)
			return
		}
		a.odataType = v.str
	case "truncated":
		a.truncated = p.annotationBool(key, v)
	case "isCollection":
		a.isCollection = p.annotationBool(key, v)
	case "name":
		if v.kind == kindString {
			a.name = v.str
		}
	}
}

// annotationBool reads a member that must be true or false.
func (p *parser) annotationBool(key string, v jsonValue) bool {
	switch {
	case v.kind == kindBool:
		return v.b
	case v.kind == kindString && (v.str == "true" || v.str == "false"):
		p.add(sevError, "annotation", strconv.Quote(key)+" is the string "+strconv.Quote(v.str)+
			", but it must be the boolean "+v.str+" (without quotes)", v.start, v.end-v.start,
			&Edit{Title: "Write " + v.str + " without quotes", Offset: v.start, Length: v.end - v.start, Replacement: v.str})
		return v.str == "true"
	default:
		p.add(sevError, "annotation", strconv.Quote(key)+" must be true or false, not "+jsonKindNames[v.kind],
			v.start, v.end-v.start, nil)
		return false
	}
}

func (ap *annParser) fail(msg string, off, length int, fix *Edit) {
	if ap.err {
		return
	}
	ap.err = true
	ap.p.add(sevError, "annotation", "the annotation is not valid JSON: "+msg, off, length, fix)
}

func (ap *annParser) ws() {
	for ap.i < ap.end && isSpace(ap.src[ap.i]) {
		ap.i++
	}
}

// value reads one value at ap.i.
func (ap *annParser) value() jsonValue {
	ap.ws()
	v := jsonValue{start: ap.i}
	if ap.i >= ap.end {
		ap.fail("a value is missing before the end of the comment", ap.i, 0, nil)
		return v
	}
	switch c := ap.src[ap.i]; {
	case c == '"':
		v.kind = kindString
		v.str = ap.str()
	case c == '{':
		v.kind = kindObject
		ap.object(nil)
	case c == '[':
		v.kind = kindArray
		ap.array()
	case c == '-' || isDigit(c):
		v.kind = kindNumber
		for ap.i < ap.end && (isDigit(ap.src[ap.i]) || containsByte("+-.eE", ap.src[ap.i])) {
			ap.i++
		}
		if _, err := strconv.ParseFloat(string(ap.src[v.start:ap.i]), 64); err != nil {
			ap.fail("malformed number", v.start, ap.i-v.start, nil)
		}
	default:
		w := ap.i
		for w < ap.end && lower(ap.src[w]) >= 'a' && lower(ap.src[w]) <= 'z' {
			w++
		}
		switch string(ap.src[ap.i:w]) {
		case "true", "false":
			v.kind, v.b = kindBool, ap.src[ap.i] == 't'
		case "null":
			v.kind = kindNull
		default:
			if w == ap.i {
				w = ap.i + 1
			}
			what := "unexpected " + quoteShort(ap.src[ap.i:w], 20)
			if c == '\'' {
				what = "strings are written in double quotes"
			}
			ap.fail(what+" where a value was expected", ap.i, w-ap.i, nil)
			return v
		}
		ap.i = w
	}
	v.end = ap.i
	return v
}

func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}

// str reads a string at ap.i and returns its decoded text.
func (ap *annParser) str() string {
	start := ap.i
	ap.i++
	var buf []byte
	plain := ap.i
	for ap.i < ap.end {
		c := ap.src[ap.i]
		switch {
		case c == '"':
			s := string(ap.src[plain:ap.i])
			if buf != nil {
				s = string(append(buf, ap.src[plain:ap.i]...))
			}
			ap.i++
			return s
		case c == '\n' || c == '\r':
			ap.fail("the string is not closed on its line", start, ap.i-start, nil)
			return ""
		case c == '\\':
			buf = append(buf, ap.src[plain:ap.i]...)
			if ap.i+1 >= ap.end {
				ap.i++
				plain = ap.i
				continue
			}
			e := ap.src[ap.i+1]
			ap.i += 2
			switch e {
			case '"', '\\', '/':
				buf = append(buf, e)
			case 'b':
				buf = append(buf, '\b')
			case 'f':
				buf = append(buf, '\f')
			case 'n':
				buf = append(buf, '\n')
			case 'r':
				buf = append(buf, '\r')
			case 't':
				buf = append(buf, '\t')
			case 'u':
				r, err := strconv.ParseUint(string(ap.src[ap.i:min(ap.i+4, ap.end)]), 16, 32)
				if err != nil || ap.i+4 > ap.end {
					ap.fail(`malformed \u escape`, ap.i-2, min(6, ap.end-ap.i+2), nil)
					return ""
				}
				buf = utf8.AppendRune(buf, rune(r))
				ap.i += 4
			default:
				ap.fail("unknown escape \\"+string(rune(e)), ap.i-2, 2, nil)
				return ""
			}
			plain = ap.i
		default:
			ap.i++
		}
	}
	ap.fail("the string is not closed", start, ap.i-start, nil)
	return ""
}

// object reads an object at ap.i; member is called for each member when not
// nil.
func (ap *annParser) object(member func(key string, v jsonValue)) {
	if ap.depth++; ap.depth > maxAnnotationDepth {
		ap.fail("it is nested too deeply", ap.i, 1, nil)
		return
	}
	defer func() { ap.depth-- }()
	ap.i++ // '{'
	ap.ws()
	if ap.i < ap.end && ap.src[ap.i] == '}' {
		ap.i++
		return
	}
	for !ap.err {
		ap.ws()
		if ap.i >= ap.end {
			ap.fail("the closing brace is missing", ap.i, 0, &Edit{Title: "Close the object", Offset: ap.i, Replacement: "}"})
			return
		}
		if ap.src[ap.i] != '"' {
			ap.fail("expected a member name in double quotes", ap.i, 1, nil)
			return
		}
		key := ap.str()
		if ap.err {
			return
		}
		ap.ws()
		if ap.i >= ap.end || ap.src[ap.i] != ':' {
			ap.fail("expected ':' after the member name", ap.i, 0, nil)
			return
		}
		ap.i++
		v := ap.value()
		if ap.err {
			return
		}
		if member != nil {
			member(key, v)
		}
		if !ap.next('}') {
			return
		}
	}
}

// array reads an array at ap.i.
func (ap *annParser) array() {
	if ap.depth++; ap.depth > maxAnnotationDepth {
		ap.fail("it is nested too deeply", ap.i, 1, nil)
		return
	}
	defer func() { ap.depth-- }()
	ap.i++ // '['
	ap.ws()
	if ap.i < ap.end && ap.src[ap.i] == ']' {
		ap.i++
		return
	}
	for !ap.err {
		ap.value()
		if ap.err || !ap.next(']') {
			return
		}
	}
}

// next reads what follows a member or element: a comma (true: another one
// follows) or the closing bracket (false). It reports a trailing comma and
// a missing comma, with a fix.
func (ap *annParser) next(closing byte) bool {
	after := ap.i
	ap.ws()
	if ap.i >= ap.end {
		ap.fail("the closing "+string(closing)+" is missing", ap.i, 0,
			&Edit{Title: "Close it", Offset: ap.i, Replacement: string(closing)})
		return false
	}
	switch c := ap.src[ap.i]; c {
	case closing:
		ap.i++
		return false
	case ',':
		comma := ap.i
		ap.i++
		ap.ws()
		if ap.i < ap.end && ap.src[ap.i] == closing {
			ap.fail("a comma before "+string(closing)+" is not allowed in JSON", comma, 1,
				&Edit{Title: "Remove the comma", Offset: comma, Length: 1})
			return false
		}
		return true
	case '"', '{', '[', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 't', 'f', 'n':
		ap.fail("a comma is missing between two values", after, 0,
			&Edit{Title: "Insert a comma", Offset: after, Replacement: ","})
		return false
	default:
		ap.fail("expected ',' or "+string(closing)+", found "+quoteShort(ap.src[ap.i:ap.i+1], 4), ap.i, 1, nil)
		return false
	}
}
