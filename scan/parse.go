package scan

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"slices"
	"sort"
	"strconv"
	"unsafe"
)

// MaxDepth is how deeply arrays and objects may nest: a value nested deeper
// gives a fatal "too-deep" issue. encoding/json uses the same limit.
const MaxDepth = 10000

// MaxIssues is how many recoverable issues one [Parse] reports; past it, a
// single "too-many-issues" info issue says the rest were left out.
const MaxIssues = 1000

// mapThreshold is the member count from which an object's names are kept in
// a hash map to find duplicates; smaller objects are searched linearly.
const mapThreshold = 16

// Parse scans src, UTF-8 JSON text holding one value, in a single pass. It returns the document and the problems found, sorted by offset.
// The Doc is nil exactly when one of the issues is Fatal: either nothing
// could be recovered, or a syntax error left the author's intent unclear.
// Otherwise every issue was recovered from (a trailing comma, a comment, a
// byte-order mark, ...) and the Doc holds the values as the author meant them.
//
// The Doc refers to src, which must not be modified afterwards.
func Parse(src []byte) (*Doc, []Issue) {
	var p parser
	p.src = src
	p.parse()
	if !slices.IsSortedFunc(p.issues, byOffset) {
		sort.Stable(issuesByOffset(p.issues))
	}
	if p.fatal {
		return nil, p.issues
	}
	d := &Doc{Src: src, Nodes: p.nodes}
	if len(src) > 0 {
		d.str = unsafe.String(unsafe.SliceData(src), len(src))
	}
	return d, p.issues
}

func byOffset(a, b Issue) int { return cmp.Compare(a.Offset, b.Offset) }

// issuesByOffset sorts issues by offset with sort.Stable, whose one
// implementation serves every slice type in the wasm.
type issuesByOffset []Issue

func (s issuesByOffset) Len() int           { return len(s) }
func (s issuesByOffset) Less(i, j int) bool { return s[i].Offset < s[j].Offset }
func (s issuesByOffset) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

// frame is an open array or object.
type frame struct {
	node uint32
	// keys maps the hash of each member name to the first member with it,
	// once the object has mapThreshold members.
	keys map[uint64]uint32
}

// The parser's states: what the next token may be.
const (
	stValue  = iota // a value
	stMember        // a member name, in an object
	stAfter         // a comma or closing bracket, after a value
)

// Whether a closing bracket may come where a value or member is expected.
const (
	closeNo       = iota // no: a value is required (the root, after ':')
	closeEmpty           // yes: the container is empty so far
	closeTrailing        // yes, but it follows a comma (a trailing comma)
)

type parser struct {
	src    []byte
	pos    int
	nodes  []Node
	stack  []frame
	issues []Issue
	fatal  bool
	kept   int // recoverable issues recorded, up to MaxIssues+1

	// The member name waiting for its value; keyEnd is 0 when none.
	keyStart, keyEnd uint32
	keyFlags         uint8
	keyHash          uint64

	lastFixEnd int                 // end of the last fix recorded
	nlStrEnd   int                 // end of the last string holding a raw line break
	maps       []map[uint64]uint32 // cleared maps to reuse
	bufA, bufB []byte              // scratch for decoding names
}

func (p *parser) parse() {
	src := p.src
	if uint64(len(src)) >= 1<<32-1 {
		p.fail(CodeTooLarge, "the input is larger than 4 GiB, more than this scanner can locate", 0, 0)
		return
	}
	switch {
	case len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF:
		p.issue(SeverityWarning, CodeBOM, "the input starts with a byte-order mark (U+FEFF), which JSON does not allow; it was ignored",
			0, 3, &Edit{Title: "Remove the byte-order mark", Offset: 0, Length: 3})
		p.pos = 3
	case len(src) >= 2 && (src[0] == 0xFE && src[1] == 0xFF || src[0] == 0xFF && src[1] == 0xFE):
		p.fail(CodeSyntax, "the input starts with a UTF-16 byte-order mark; JSON must be UTF-8 text, so save it as UTF-8", 0, 2)
		return
	}
	if !p.space() {
		return
	}
	if p.pos >= len(src) {
		msg := "the input is empty; expected a JSON value"
		if len(src) > 0 {
			msg = "the input holds no JSON value, only whitespace or comments"
		}
		p.fail(CodeEmptyInput, msg, len(src), 0)
		return
	}
	p.nodes = spareNodes(estimateNodes(src))
	p.stack = make([]frame, 0, 16)
	p.run()
}

// estimateNodes guesses how many values src holds from the commas and
// opening brackets in its first 16 KiB (one per value, give or take the
// ones inside strings), so that Nodes is allocated once, at about its size,
// whether the document is pretty-printed or compact.
func estimateNodes(src []byte) int {
	sample := src[:min(len(src), 16<<10)]
	n := 1 + bytes.Count(sample, comma) + bytes.Count(sample, openObject) + bytes.Count(sample, openArray)
	if len(sample) < len(src) {
		// Extrapolate, but no further than one value per 8 bytes: a sample
		// that is one long string of commas must not reserve gigabytes.
		n = min(int(float64(n)*float64(len(src))/float64(len(sample))*1.1), len(src)/8)
	}
	return n + 8
}

var comma, openObject, openArray = []byte{','}, []byte{'{'}, []byte{'['}

// run scans the values, from the root value to the end of the input.
func (p *parser) run() {
	src := p.src
	n := len(src)
	state, mode, comma := stValue, closeNo, 0
	// The mode and comma before the current member's name, restored when an
	// ellipsis stands for its value and the member is dropped.
	memberMode, memberComma := closeNo, 0
	for {
		switch state {
		case stValue:
			if !p.space() {
				return
			}
			if p.pos >= n {
				p.failEOF()
				return
			}
			switch c := src[p.pos]; c {
			case '{':
				if !p.open(Object) {
					return
				}
				state, mode = stMember, closeEmpty
				continue
			case '[':
				if !p.open(Array) {
					return
				}
				mode = closeEmpty
				continue
			case ']', '}':
				if mode == closeNo || !p.closes(c) {
					p.failFound(expectedValue, "")
					return
				}
				if mode == closeTrailing {
					p.trailingComma(comma)
				}
				p.close()
				state = stAfter
				continue
			case '"':
				start := p.pos
				flags, ok := p.str('"')
				if !ok {
					return
				}
				p.add(String, start, p.pos, flags)
			case '\'':
				start := p.pos
				flags, ok := p.single()
				if !ok {
					return
				}
				p.add(String, start, p.pos, flags)
			case 't':
				if !p.literal("true", True) {
					return
				}
			case 'f':
				if !p.literal("false", False) {
					return
				}
			case 'n':
				if !p.literal("null", Null) {
					return
				}
			default:
				if p.ellipsisLen(p.pos) > 0 {
					if len(p.stack) == 0 {
						d, l := p.found(p.pos)
						p.fail(CodeEllipsis, "expected the JSON value, found "+d+", which stands for omitted content", p.pos, l)
						return
					}
					if p.topKind() == Array {
						var ok bool
						if mode, ok = p.skipEllipsis(p.pos, mode, comma, ""); !ok {
							return
						}
						continue
					}
					// An ellipsis for a member's value: drop the member.
					name := p.keyName()
					p.keyEnd = 0
					m, ok := p.skipEllipsis(int(p.keyStart), memberMode, memberComma, name)
					if !ok {
						return
					}
					state, mode, comma = stMember, m, memberComma
					continue
				}
				if !p.number() {
					return
				}
			}
			state = stAfter

		case stAfter:
			if len(p.stack) == 0 {
				p.end()
				return
			}
			if !p.space() {
				return
			}
			if p.pos >= n {
				p.failEOF()
				return
			}
			c := src[p.pos]
			kind := p.topKind()
			if c == ',' {
				comma, mode = p.pos, closeTrailing
				p.pos++
				state = stValue
				if kind == Object {
					state = stMember
				}
				continue
			}
			if c == ']' && kind == Array || c == '}' && kind == Object {
				p.close()
				continue
			}
			p.failAfter(kind)
			return

		case stMember:
			if !p.space() {
				return
			}
			if p.pos >= n {
				p.failEOF()
				return
			}
			memberMode, memberComma = mode, comma
			start := p.pos
			var flags uint8
			switch c := src[p.pos]; {
			case c == '"':
				f, ok := p.str('"')
				if !ok {
					return
				}
				flags = f
			case c == '}':
				if mode == closeTrailing {
					p.trailingComma(comma)
				}
				p.close()
				state = stAfter
				continue
			case c == '\'':
				f, ok := p.single()
				if !ok {
					return
				}
				flags = f
			case isIdentStart(c):
				p.unquotedKey()
			case p.ellipsisLen(p.pos) > 0:
				var ok bool
				if mode, ok = p.skipEllipsis(p.pos, mode, comma, ""); !ok {
					return
				}
				continue
			default:
				hint := ""
				if c == ']' {
					hint = "; this object is closed with '}'"
				}
				p.failFound("expected a member name in double quotes or '}'", hint)
				return
			}
			p.keyStart, p.keyEnd = uint32(start), uint32(p.pos)
			p.keyFlags = 0
			if flags&Escaped != 0 {
				p.keyFlags = KeyEscaped
			}
			p.duplicate()
			if !p.space() {
				return
			}
			if p.pos >= n {
				p.failEOF()
				return
			}
			if src[p.pos] != ':' {
				p.failFound("expected ':' after the member name "+p.keyName(), "")
				return
			}
			p.pos++
			state, mode = stValue, closeNo
		}
	}
}

// topKind is the kind of the innermost open container.
func (p *parser) topKind() Kind {
	return p.nodes[p.stack[len(p.stack)-1].node].Kind
}

// closes reports whether bracket c closes the innermost open container.
func (p *parser) closes(c byte) bool {
	if len(p.stack) == 0 {
		return false
	}
	k := p.topKind()
	return c == ']' && k == Array || c == '}' && k == Object
}

// add appends a node for a value spanning [start, end), as a member of the
// open object or array.
func (p *parser) add(kind Kind, start, end int, flags uint8) {
	i := uint32(len(p.nodes))
	nd := Node{Start: uint32(start), End: uint32(end), Next: i + 1, Kind: kind, Flags: flags}
	if len(p.stack) > 0 {
		f := &p.stack[len(p.stack)-1]
		p.nodes[f.node].Count++
		if p.keyEnd != 0 {
			nd.KeyStart, nd.KeyEnd = p.keyStart, p.keyEnd
			nd.Flags |= p.keyFlags
			p.keyEnd = 0
			if f.keys != nil {
				if _, dup := f.keys[p.keyHash]; !dup {
					f.keys[p.keyHash] = i
				}
			}
		}
	}
	p.nodes = append(p.nodes, nd)
}

// open starts the object or array whose bracket is at p.pos.
func (p *parser) open(kind Kind) bool {
	if len(p.stack) >= MaxDepth {
		p.fail(CodeTooDeep, "values are nested more than "+strconv.Itoa(MaxDepth)+" levels deep, more than this checker accepts", p.pos, 1)
		return false
	}
	i := len(p.nodes)
	p.add(kind, p.pos, p.pos+1, 0)
	p.stack = append(p.stack, frame{node: uint32(i)})
	p.pos++
	return true
}

// close ends the innermost container at its closing bracket at p.pos.
func (p *parser) close() {
	f := p.stack[len(p.stack)-1]
	p.stack = p.stack[:len(p.stack)-1]
	nd := &p.nodes[f.node]
	p.pos++
	nd.End = uint32(p.pos)
	nd.Next = uint32(len(p.nodes))
	if f.keys != nil {
		clear(f.keys)
		p.maps = append(p.maps, f.keys)
	}
}

// end checks that only whitespace follows the root value.
func (p *parser) end() {
	if !p.space() || p.pos >= len(p.src) {
		return
	}
	hint := "; a document holds exactly one value"
	if p.src[p.pos] == ',' {
		hint = "; to hold several values, put them in an array"
	}
	p.failFound("unexpected text after the JSON value: expected the end of the input", hint)
}

// failEOF reports the end of the input inside an open container.
func (p *parser) failEOF() {
	nd := &p.nodes[p.stack[len(p.stack)-1].node]
	what, closer := "array", "']'"
	if nd.Kind == Object {
		what, closer = "object", "'}'"
	}
	p.fail(CodeSyntax, "this "+what+" is never closed: the input ends at byte "+strconv.Itoa(len(p.src))+
		" before the "+closer+" that would close it (the location points at its opening bracket)", int(nd.Start), 1)
}

// failAfter reports a token after a value in an array or object that is
// neither a comma nor the right closing bracket.
func (p *parser) failAfter(kind Kind) {
	c := p.src[p.pos]
	nd := &p.nodes[p.stack[len(p.stack)-1].node]
	prefix := "expected ',' or ']' after an array element"
	if kind == Object {
		prefix = "expected ',' or '}' after an object member"
	}
	hint := ""
	switch {
	case c == ']' || c == '}':
		hint = "; the " + kind.String() + " opened at byte " + strconv.Itoa(int(nd.Start)) + " is not closed yet"
	case c == '"' || c == '{' || c == '[' || c == '\'' || c == '-' || isWordByte(c):
		hint = "; is a comma missing before it?"
	}
	if last := len(p.nodes) - 1; last >= 0 && p.nodes[last].Kind == String && int(p.nodes[last].End) == p.nlStrEnd {
		hint += " (the string at byte " + strconv.Itoa(int(p.nodes[last].Start)) +
			" runs over a line break: is its closing quote missing?)"
	}
	p.failFound(prefix, hint)
}

// trailingComma reports the comma at offset comma before a closing bracket.
func (p *parser) trailingComma(comma int) {
	what := "element"
	if p.src[p.pos] == '}' {
		what = "member"
	}
	p.issue(SeverityError, CodeTrailingComma, "trailing comma: JSON allows no comma after the last "+what+", found one before '"+string(p.src[p.pos])+"'",
		comma, 1, &Edit{Title: "Remove the trailing comma", Offset: comma, Length: 1})
}

// literal scans true, false or null at p.pos.
func (p *parser) literal(word string, kind Kind) bool {
	src := p.src
	end := p.pos + len(word)
	if end <= len(src) && string(src[p.pos:end]) == word && (end == len(src) || !isWordByte(src[end])) {
		p.add(kind, p.pos, end, 0)
		p.pos = end
		return true
	}
	p.failFound(expectedValue, "")
	return false
}

// space skips whitespace and comments, reporting each comment. It returns
// false after a fatal issue (a comment that is never closed).
func (p *parser) space() bool {
	src := p.src
	i := p.pos
	if i < len(src) && src[i] > ' ' && src[i] != '/' {
		return true // the common case: a token right here
	}
	for {
		for i+8 <= len(src) && binary.LittleEndian.Uint64(src[i:]) == 0x2020202020202020 {
			i += 8 // a run of indentation
		}
		for i < len(src) && white[src[i]] {
			i++
		}
		if i+1 < len(src) && src[i] == '/' && (src[i+1] == '/' || src[i+1] == '*') {
			p.pos = i
			if !p.comment() {
				return false
			}
			i = p.pos
			continue
		}
		p.pos = i
		return true
	}
}

// white[c] is true for the whitespace bytes JSON allows between tokens.
var white = [256]bool{' ': true, '\t': true, '\n': true, '\r': true}

// comment reports the comment at p.pos and skips it.
func (p *parser) comment() bool {
	src := p.src
	start := p.pos
	var end int
	kind := "//"
	if src[start+1] == '/' {
		end = start + 2
		for end < len(src) && src[end] != '\n' && src[end] != '\r' {
			end++
		}
	} else {
		kind = "/* */"
		end = -1
		for i := start + 2; i+1 < len(src); i++ {
			if src[i] == '*' && src[i+1] == '/' {
				end = i + 2
				break
			}
		}
		if end < 0 {
			p.fail(CodeSyntax, "this /* comment is never closed: no */ before the end of the input (and JSON allows no comments)", start, 2)
			return false
		}
	}
	p.pos = end
	// A comment alone on its line is removed with its line.
	from, to := start, end
	for from > 0 && (src[from-1] == ' ' || src[from-1] == '\t') {
		from--
	}
	after := end
	for after < len(src) && (src[after] == ' ' || src[after] == '\t') {
		after++
	}
	alone := (from == 0 || src[from-1] == '\n') && from >= p.lastFixEnd
	switch {
	case alone && after == len(src):
		to = after
	case alone && src[after] == '\n':
		to = after + 1
	case alone && src[after] == '\r':
		to = after + 1
		if to < len(src) && src[to] == '\n' {
			to++
		}
	default:
		from = start
	}
	p.issue(SeverityError, CodeComment, "found a "+kind+" comment; JSON does not allow comments", start, end-start,
		&Edit{Title: "Remove the comment", Offset: from, Length: to - from})
	return true
}

// ellipsisLen is the length of the ellipsis at offset i ("..." or longer,
// or one or more "…"), or 0 when there is none.
func (p *parser) ellipsisLen(i int) int {
	src := p.src
	j := i
	for j < len(src) && src[j] == '.' {
		j++
	}
	if j-i >= 3 {
		return j - i
	}
	j = i
	for j+2 < len(src) && src[j] == 0xE2 && src[j+1] == 0x80 && src[j+2] == 0xA6 {
		j += 3
	}
	return j - i
}

// skipEllipsis skips an ellipsis where a value or member is expected, in
// a container whose closing mode is mode (comma: the offset of the comma
// before it, when mode is closeTrailing). It returns the mode after it: a
// skipped ellipsis that took its comma with it leaves the container as if
// empty so far.
func (p *parser) skipEllipsis(from, mode, comma int, name string) (int, bool) {
	back := -1
	if mode == closeTrailing {
		back = comma
	}
	took, ok := p.ellipsis(from, back, name)
	if took {
		mode = closeEmpty
	}
	return mode, ok
}

// ellipsis reports and skips the ellipsis at p.pos, with a comma after it.
// Its fix removes [from, the ellipsis's end): from is the ellipsis itself, or
// the member name whose value it stands for (name is then that name). When a
// closing bracket follows and back >= 0, the fix takes the comma at back
// along instead, and took reports so: that comma is then no trailing comma.
// When a fix would overlap an earlier one (a comment, a quoted name), the
// ellipsis gets none.
func (p *parser) ellipsis(from, back int, name string) (took, ok bool) {
	src := p.src
	start := p.pos
	p.pos += p.ellipsisLen(start)
	end := p.pos
	before := p.lastFixEnd
	what := "'" + string(src[start:end]) + "'"
	msg := "found " + what + " where a value is expected; it stands for omitted content, is not JSON, and was skipped"
	if name != "" {
		msg = "found " + what + " in place of the value of " + name + "; it stands for omitted content, is not JSON, and the member was skipped"
	} else if len(p.stack) > 0 && p.topKind() == Object {
		msg = "found " + what + " where a member is expected; it stands for omitted content, is not JSON, and was skipped"
	}
	var fix *Edit
	if before <= from {
		fix = &Edit{Title: "Remove the " + what, Offset: from, Length: end - from}
	}
	idx := p.issue(SeverityError, CodeEllipsis, msg, start, end-start, fix)
	fixes := p.lastFixEnd
	if !p.space() {
		return false, false
	}
	if p.pos < len(src) && src[p.pos] == ',' {
		p.pos++
		if fix != nil && p.lastFixEnd == fixes {
			to := p.pos
			for to < len(src) && (src[to] == ' ' || src[to] == '\t') {
				to++ // and the spaces after the comma
			}
			// Alone on its line, it goes with its line.
			ls := from
			for ls > 0 && (src[ls-1] == ' ' || src[ls-1] == '\t') {
				ls--
			}
			if ls > 0 && src[ls-1] == '\n' && ls >= before && to < len(src) && src[to] == '\n' {
				fix.Offset, to = ls, to+1
			}
			fix.Length = to - fix.Offset
		} else {
			fix = nil // a comment lies between; leave the fix to the person
		}
	} else if fix != nil && back >= 0 && p.pos < len(src) && (src[p.pos] == ']' || src[p.pos] == '}') && before <= back {
		took = true
		fix.Offset, fix.Length = back, end-back
	}
	if idx >= 0 {
		p.issues[idx].Fix = fix
		if fix != nil {
			p.noteFix(fix)
		}
	}
	return took, true
}

// isIdentStart reports whether c may start an unquoted member name.
func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '$' || c == '@'
}

// isIdent reports whether c may continue an unquoted member name.
func isIdent(c byte) bool {
	return isIdentStart(c) || c >= '0' && c <= '9' || c == '.' || c == '-'
}

// unquotedKey reports and skips an identifier-like member name at p.pos.
func (p *parser) unquotedKey() {
	src := p.src
	start := p.pos
	i := start + 1
	for i < len(src) && isIdent(src[i]) {
		i++
	}
	p.pos = i
	name := string(src[start:i])
	p.issue(SeverityError, CodeUnquotedKey, "the member name "+name+" is not in quotes; JSON member names are strings in double quotes",
		start, i-start, &Edit{Title: "Put the name in double quotes", Offset: start, Length: i - start, Replacement: `"` + name + `"`})
}

// keyName is the pending member name, quoted, for messages.
func (p *parser) keyName() string {
	b := p.keyBytes(p.keyStart, p.keyEnd, p.keyFlags&KeyEscaped != 0, &p.bufA)
	return strconv.Quote(shorten(b))
}

// keyBytes returns the member name spanning [start, end): decoded into *buf
// when escaped, else a slice of the source.
func (p *parser) keyBytes(start, end uint32, escaped bool, buf *[]byte) []byte {
	q := p.src[start]
	if q != '"' && q != '\'' {
		return p.src[start:end]
	}
	inner := p.src[start+1 : end-1]
	if !escaped {
		return inner
	}
	*buf = appendDecoded((*buf)[:0], inner)
	return *buf
}

// duplicate reports the pending member name when an earlier member of the
// same object has it. Objects up to mapThreshold members are searched
// linearly; larger ones keep a map from name hash to member.
func (p *parser) duplicate() {
	f := &p.stack[len(p.stack)-1]
	obj := f.node
	count := p.nodes[obj].Count
	if count == 0 {
		return
	}
	key := p.keyBytes(p.keyStart, p.keyEnd, p.keyFlags&KeyEscaped != 0, &p.bufA)
	if f.keys == nil && count < mapThreshold {
		p.findDuplicate(obj, key)
		return
	}
	if f.keys == nil {
		if n := len(p.maps); n > 0 {
			f.keys = p.maps[n-1]
			p.maps = p.maps[:n-1]
		} else {
			f.keys = make(map[uint64]uint32, 2*mapThreshold)
		}
		for j := obj + 1; j < uint32(len(p.nodes)); j = p.nodes[j].Next {
			nd := &p.nodes[j]
			h := hashKey(p.keyBytes(nd.KeyStart, nd.KeyEnd, nd.Flags&KeyEscaped != 0, &p.bufB))
			if _, ok := f.keys[h]; !ok {
				f.keys[h] = j
			}
		}
	}
	p.keyHash = hashKey(key)
	j, ok := f.keys[p.keyHash]
	if !ok {
		return
	}
	nd := &p.nodes[j]
	if string(p.keyBytes(nd.KeyStart, nd.KeyEnd, nd.Flags&KeyEscaped != 0, &p.bufB)) == string(key) {
		p.reportDuplicate(j)
		return
	}
	p.findDuplicate(obj, key) // two names share a hash: search them all
}

// findDuplicate searches the members of obj for name key.
func (p *parser) findDuplicate(obj uint32, key []byte) {
	src := p.src
	plain := p.keyFlags == 0 && src[p.keyStart] == '"'
	n := p.keyEnd - p.keyStart
	for j := obj + 1; j < uint32(len(p.nodes)); j = p.nodes[j].Next {
		nd := &p.nodes[j]
		if plain && nd.Flags&KeyEscaped == 0 && src[nd.KeyStart] == '"' {
			// The common case: two names without escapes, compared as written.
			// Lengths first, then the first byte after the quote: most
			// names differ there, without a call to compare them whole.
			if nd.KeyEnd-nd.KeyStart == n && src[nd.KeyStart+1] == src[p.keyStart+1] &&
				string(src[nd.KeyStart:nd.KeyEnd]) == string(src[p.keyStart:p.keyEnd]) {
				p.reportDuplicate(j)
				return
			}
			continue
		}
		if nd.KeyEnd-nd.KeyStart < uint32(len(key)) {
			continue // a name is never shorter than its source, quotes aside
		}
		if string(p.keyBytes(nd.KeyStart, nd.KeyEnd, nd.Flags&KeyEscaped != 0, &p.bufB)) == string(key) {
			p.reportDuplicate(j)
			return
		}
	}
}

// reportDuplicate reports the pending member name as a repeat of member j's.
func (p *parser) reportDuplicate(j uint32) {
	k := p.issue(SeverityWarning, CodeDuplicateKey, "the member name "+p.keyName()+DuplicateKeyPlace+"; Graph keeps only one of the values, and which one is not defined",
		int(p.keyStart), int(p.keyEnd-p.keyStart), nil)
	if k >= 0 {
		p.issues[k].Related = int(p.nodes[j].KeyStart)
	}
}

// DuplicateKeyPlace is the words of a CodeDuplicateKey message after which
// a caller may say where the first member is, from the issue's Related.
const DuplicateKeyPlace = " appears twice in this object"

// hashKey is 64-bit FNV-1a.
func hashKey(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}
