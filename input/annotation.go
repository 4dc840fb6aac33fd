package input

import (
	"strconv"

	"opcheck/scan"
)

// blockTypes are the blockType values of the docs annotations.
var blockTypes = []string{"request", "response", "example", "resource", "ignored"}

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

// jsonValue is one member value of an annotation: its bytes src[start:end]
// in the page, its kind, and for a string its decoded text.
type jsonValue struct {
	kind       scan.Kind
	start, end int
	str        string
}

// kindName names a kind for a message: "a string", "a boolean", ...
func kindName(k scan.Kind) string {
	switch k {
	case scan.String:
		return "a string"
	case scan.Number:
		return "a number"
	case scan.True, scan.False:
		return "a boolean"
	case scan.Null:
		return "null"
	case scan.Object:
		return "an object"
	case scan.Array:
		return "an array"
	}
	return "nothing"
}

// parseAnnotation reads the JSON object in src[start:end] (the text between
// "<!--" and "-->") into a with scan.Parse. Like a reader that stops at the
// first error, it reports only the first JSON error, as an "annotation"
// finding, and applies only the members that end before it. When scan
// cannot recover from the error, a one-byte repair (a missing comma, a
// missing closing brace) or cutting the text after the object is tried:
// if the repaired text reads, the repair is offered as the fix and the
// members before it are applied.
func (p *parser) parseAnnotation(a *annotation, start, end int) {
	body := p.src[start:end]
	if s := skipSpaceTo(p.src, start, end); s == end || p.src[s] != '{' {
		p.add(sevError, "annotation", "the annotation must be a JSON object in braces", s, 0, nil)
		return
	}
	doc, issues := scan.Parse(body)
	limit := len(body) // members ending after it are not applied
	var first *scan.Issue
	for i := range issues {
		if issues[i].Severity == scan.SeverityError {
			first = &issues[i]
			break
		}
	}
	if first != nil {
		limit = first.Offset
		msg, off, length := first.Message, first.Offset, first.Length
		var fix *Edit
		if first.Fix != nil {
			f := *first.Fix
			fix = &Edit{Title: f.Title, Offset: start + f.Offset, Length: f.Length, Replacement: f.Replacement}
		}
		// A name without quotes stays the plain error it always was,
		// pointing at the name's first byte: nothing from that member on
		// is applied, so the block is left unchecked rather than read
		// from a guess.
		if first.Code == scan.CodeUnquotedKey {
			msg, length, fix = "expected a member name in double quotes", 1, nil
		}
		if doc == nil && first.Fatal {
			var r repair
			doc, r = repairAnnotation(body, first.Offset)
			if doc != nil {
				limit = r.at
				if r.insert != "" {
					fix = &Edit{Title: r.title, Offset: start + r.at, Replacement: r.insert}
				}
				if r.msg != "" {
					msg = r.msg
				}
			}
		}
		p.add(sevError, "annotation", "the annotation is not valid JSON: "+msg, start+off, length, fix)
	}
	if doc == nil || doc.Nodes[0].Kind != scan.Object {
		return
	}
	for j := 1; j < int(doc.Nodes[0].Next); j = int(doc.Nodes[j].Next) {
		n := &doc.Nodes[j]
		if int(n.End) > limit {
			break
		}
		p.annotationMember(a, doc.Key(j), jsonValue{kind: n.Kind, start: start + int(n.Start),
			end: start + int(n.End), str: doc.Text(j)})
	}
}

// repair is an edit that makes an annotation readable: insert at offset at
// of the body, or, with no insert, a cut there.
type repair struct {
	at            int
	insert, title string
	msg           string // replaces scan's message when not ""
}

// repairAnnotation tries the repairs of an annotation body whose fatal
// error is at off, and returns the document read from the first repaired
// text that reads, with its repair; the document is nil when none does.
// Each try is one more linear scan of the body, only on a fatal error.
func repairAnnotation(body []byte, off int) (*scan.Doc, repair) {
	prev := off // just after the token before the error
	for prev > 0 && isSpace(body[prev-1]) {
		prev--
	}
	var tries []repair
	if prev > 0 && prev < off && !containsByte(",:{[", body[prev-1]) {
		tries = append(tries, repair{at: prev, insert: ",", title: "Insert a comma"})
	}
	tries = append(tries,
		repair{at: len(body), insert: "}", title: "Close the object", msg: "the object that starts here is never closed"},
		repair{at: off})
	for _, r := range tries {
		text := make([]byte, 0, len(body)+len(r.insert))
		if r.insert != "" {
			text = append(append(append(text, body[:r.at]...), r.insert...), body[r.at:]...)
		} else {
			text = append(text, body[:r.at]...)
		}
		if doc, _ := scan.Parse(text); doc != nil {
			return doc, r
		}
	}
	return nil, repair{}
}

func containsByte(s string, c byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return true
		}
	}
	return false
}

// annotationMember applies one top-level member of an annotation.
func (p *parser) annotationMember(a *annotation, key string, v jsonValue) {
	switch key {
	case "blockType":
		a.hasBlockType = true
		if v.kind != scan.String {
			p.add(sevError, "annotation", `"blockType" must be a string, not `+kindName(v.kind)+
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
		if v.kind != scan.String {
			p.add(sevError, "annotation", `"@odata.type" must be a string naming a type, not `+
				kindName(v.kind), v.start, v.end-v.start, nil)
			return
		}
		a.odataType = v.str
	case "truncated":
		a.truncated = p.annotationBool(key, v)
	case "isCollection":
		a.isCollection = p.annotationBool(key, v)
	case "name":
		if v.kind == scan.String {
			a.name = v.str
		}
	}
}

// annotationBool reads a member that must be true or false.
func (p *parser) annotationBool(key string, v jsonValue) bool {
	switch {
	case v.kind == scan.True || v.kind == scan.False:
		return v.kind == scan.True
	case v.kind == scan.String && (v.str == "true" || v.str == "false"):
		p.add(sevError, "annotation", strconv.Quote(key)+" is the string "+strconv.Quote(v.str)+
			", but it must be the boolean "+v.str+" (without quotes)", v.start, v.end-v.start,
			&Edit{Title: "Write " + v.str + " without quotes", Offset: v.start, Length: v.end - v.start, Replacement: v.str})
		return v.str == "true"
	default:
		p.add(sevError, "annotation", strconv.Quote(key)+" must be true or false, not "+kindName(v.kind),
			v.start, v.end-v.start, nil)
		return false
	}
}
