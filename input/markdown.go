package input

import (
	"bytes"
	"strconv"
)

// looksLikeMarkdown reports whether src has what a Markdown page has and a
// log has not: a fenced code block, front matter, an ATX heading or an HTML
// comment at the start of a line.
func looksLikeMarkdown(src []byte) bool {
	first := true
	for i := skipBOM(src); i < len(src); {
		le, next := lineAt(src, i, len(src))
		line := src[i:trimRightBlank(src, i, le)]
		t := src[indentEnd(src, i, le):le]
		switch {
		case first && string(line) == "---",
			bytes.HasPrefix(t, []byte("```")), bytes.HasPrefix(t, []byte("~~~")),
			bytes.HasPrefix(t, []byte("<!--")),
			isHeading(line):
			return true
		}
		if !isBlank(line) {
			first = false
		}
		i = next
	}
	return false
}

// isHeading reports whether line is an ATX heading: one to six '#' then a
// space or the end of the line.
func isHeading(line []byte) bool {
	n := 0
	for n < len(line) && line[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && (n == len(line) || line[n] == ' ' || line[n] == '\t')
}

// fenceAt reads an opening code fence at src[i:le] (i past the
// indentation): three or more backticks or tildes, then the info string.
func fenceAt(src []byte, i, le int) (ch byte, n int, info []byte, ok bool) {
	if i >= le || src[i] != '`' && src[i] != '~' {
		return 0, 0, nil, false
	}
	ch = src[i]
	j := i
	for j < le && src[j] == ch {
		j++
	}
	if j-i < 3 {
		return 0, 0, nil, false
	}
	s := indentEnd(src, j, le)
	info = src[s:trimRightBlank(src, s, le)]
	if ch == '`' && bytes.IndexByte(info, '`') >= 0 {
		return 0, 0, nil, false // inline code, not a fence
	}
	return ch, j - i, info, true
}

// isFenceClose reports whether src[i:le] closes a fence of n ch bytes.
func isFenceClose(src []byte, i, le int, ch byte, n int) bool {
	j := indentEnd(src, i, le)
	k := j
	for k < le && src[k] == ch {
		k++
	}
	return k-j >= n && isBlank(src[k:le])
}

// markdown finds the fenced code blocks of a docs page and the
// <!-- { ... } --> annotation before each, and adds a part for each block
// annotated as request, response, example or resource. An annotation
// belongs to the next fenced block when only blank lines (or other HTML
// comments) separate them. When the page has no annotation at all (a
// snippet from an issue or a chat, not a docs page), the blocks that hold
// JSON or HTTP are checked as they are.
func (p *parser) markdown() {
	src := p.src
	n := len(src)
	i := p.frontMatter()
	var pending *annotation
	var plain []*Block
	blocks := 0
	for i < n {
		le, next := lineAt(src, i, n)
		ind := indentEnd(src, i, le)
		if ch, k, info, ok := fenceAt(src, ind, le); ok {
			b, after := p.fencedBlock(i, le, next, ch, k, info)
			switch {
			case pending != nil:
				p.annotatedBlock(heapBlock(b), pending)
				pending = nil
			case !p.sawAnnotation && startsCheckable(src, skipSpaceTo(src, b.Offset, b.Offset+b.Length), b.Offset+b.Length):
				// Kept in case the page turns out to have no annotation.
				plain = append(plain, heapBlock(b))
			}
			blocks++
			i = after
			continue
		}
		if bytes.HasPrefix(src[ind:le], []byte("<!--")) {
			var a *annotation
			a, i = p.comment(ind)
			if a != nil {
				p.dangling(pending)
				pending = a
			}
			continue
		}
		if !isBlank(src[i:le]) {
			p.dangling(pending)
			pending = nil
		}
		i = next
	}
	p.dangling(pending)

	if !p.sawAnnotation && len(plain) > 0 {
		p.add(sevInfo, "unannotated-blocks", "no code block of this page has a <!-- { \"blockType\": ... } --> "+
			"annotation, so every block that holds JSON or HTTP is checked as it is", plain[0].Offset, 0, nil)
		for _, b := range plain {
			p.blockContent(b, nil)
		}
	}
	if len(p.parts) == 0 {
		msg := "no JSON to check: the page has no code block annotated as request, response, example or resource"
		switch {
		case p.sawAnnotation:
		case blocks == 0:
			msg = "no JSON to check: the page has no fenced code block (``` or ~~~) holding JSON or an HTTP message"
		case blocks == 1:
			msg = "no JSON to check: the page's only code block holds neither JSON nor an HTTP message"
		default:
			msg = "no JSON to check: none of the page's " + strconv.Itoa(blocks) + " code blocks holds JSON or an HTTP message"
		}
		p.add(sevError, "no-json", msg, 0, 0, nil)
	}
}

// heapBlock returns a pointer to a copy of b, so that only the blocks that
// are kept cost an allocation.
func heapBlock(b Block) *Block { return &b }

// frontMatter returns the offset just past the page's front matter (a first
// line "---" up to the next "---" or "..." line), or past the BOM when
// there is none.
func (p *parser) frontMatter() int {
	src := p.src
	i := skipBOM(src)
	le, next := lineAt(src, i, len(src))
	if string(src[i:trimRightBlank(src, i, le)]) != "---" {
		return i
	}
	for j := next; j < len(src); {
		le, nx := lineAt(src, j, len(src))
		if t := string(src[j:trimRightBlank(src, j, le)]); t == "---" || t == "..." {
			return nx
		}
		j = nx
	}
	return i
}

// fencedBlock reads the block whose opening fence is the line src[i:le]
// and returns it with the offset just past its closing fence.
func (p *parser) fencedBlock(i, le, next int, ch byte, k int, info []byte) (Block, int) {
	src := p.src
	n := len(src)
	lang := info
	if j := bytes.IndexAny(lang, " \t{"); j >= 0 {
		lang = lang[:j]
	}
	b := Block{Lang: string(lang), Offset: next}
	closeAt, after := -1, n
	for j := next; j < n; {
		le2, nx := lineAt(src, j, n)
		if isFenceClose(src, j, le2, ch, k) {
			closeAt, after = j, nx
			break
		}
		j = nx
	}
	end := closeAt
	if closeAt < 0 {
		end = n
		fence := string(bytes.Repeat([]byte{ch}, k))
		ins := "\n" + fence + "\n"
		if n > 0 && src[n-1] == '\n' {
			ins = fence + "\n"
		}
		p.add(sevWarning, "unclosed-fence", "this code block is never closed: its content runs to the end of the input",
			i, le-i, &Edit{Title: "Close the code block", Offset: n, Replacement: ins})
	}
	// The line break before the closing fence ends the content's last line.
	if end > next && src[end-1] == '\n' {
		end--
		if end > next && src[end-1] == '\r' {
			end--
		}
	}
	b.Length = end - next
	return b, after
}

// comment reads the HTML comment starting at src[i] ("<!--") and returns
// its annotation, if the comment holds a JSON object, and the start of the
// line after the comment.
func (p *parser) comment(i int) (*annotation, int) {
	src := p.src
	n := len(src)
	end := bytes.Index(src[i+4:], []byte("-->"))
	closed := end >= 0
	bodyEnd, after := n, n
	if closed {
		bodyEnd = i + 4 + end
		after = bodyEnd + 3
	}
	le, next := lineAt(src, after, n)
	if s := skipSpaceTo(src, i+4, bodyEnd); s == bodyEnd || src[s] != '{' {
		return nil, next
	}
	a := &annotation{offset: i, length: after - i}
	p.sawAnnotation = true
	if !closed {
		p.add(sevError, "annotation", "this annotation comment is never closed with -->", i, 4, nil)
	}
	p.parseAnnotation(a, i+4, bodyEnd)
	if !isBlank(src[after:le]) {
		p.dangling(a)
		return nil, next
	}
	return a, next
}

// dangling reports an annotation that no code block follows.
func (p *parser) dangling(a *annotation) {
	if a != nil && a.hasBlockType {
		p.add(sevWarning, "annotation", "this annotation is not followed by a code block, so it applies to nothing: "+
			"put the block right after it", a.offset, a.length, nil)
	}
}

// annotatedBlock applies an annotation to its block and checks the block.
func (p *parser) annotatedBlock(b *Block, a *annotation) {
	b.Type, b.ODataType, b.Name = a.blockType, a.odataType, a.name
	b.Truncated, b.IsCollection = a.truncated, a.isCollection
	b.AnnotationOffset, b.AnnotationLength = a.offset, a.length
	switch b.Type {
	case "", "ignored":
		return
	case "response", "example":
		if !a.hasODataType {
			p.add(sevInfo, "annotation", "the annotation has no \"@odata.type\", so it does not say which type the "+
				b.Type+" holds", a.offset, a.length, nil)
		}
	}
	p.blockContent(b, a)
}

// blockContent adds the parts of a block: an HTTP message, or bare JSON.
func (p *parser) blockContent(b *Block, a *annotation) {
	src := p.src
	start, end := b.Offset, b.Offset+b.Length
	what := "the " + b.Type + " block"
	if b.Type == "" {
		what = "the block"
	}
	i := skipSpaceTo(src, start, end)
	if i == end {
		off, length := start, 0
		if a != nil {
			off, length = a.offset, a.length
		}
		p.add(sevError, "block-content", what+" is empty", off, length, nil)
		return
	}
	le, _ := lineAt(src, i, end)
	line := src[i:le]
	isJSON := src[i] == '{' || src[i] == '['
	switch {
	case b.Type == "request" && isJSON:
		p.add(sevError, "block-content", what+" holds bare JSON: a request block starts with its request line, "+
			"for example \"POST https://graph.microsoft.com/v1.0/communications/calls/{id}/playPrompt\"", i, le-i, nil)
		p.parts = append(p.parts, Part{Offset: i, Length: end - i, Block: b})
	case b.Type == "request":
		if isStatusLine(line) {
			p.add(sevWarning, "block-content", what+" holds a response (it starts with a status line)", i, le-i, nil)
		}
		p.httpMessages(i, end, b)
	case isJSON:
		p.parts = append(p.parts, Part{Offset: i, Length: end - i, Block: b})
	case isStatusLine(line):
		p.httpMessages(i, end, b)
	case looksLikeRequestLine(line):
		if b.Type != "" {
			p.add(sevWarning, "block-content", what+" holds a request (it starts with a request line)", i, le-i, nil)
		}
		p.httpMessages(i, end, b)
	default:
		p.add(sevError, "block-content", what+" holds neither JSON nor an HTTP message", i, le-i, nil)
	}
}

// startsCheckable reports whether src[i:end] starts with JSON or an HTTP
// start line.
func startsCheckable(src []byte, i, end int) bool {
	if i >= end {
		return false
	}
	le, _ := lineAt(src, i, end)
	return src[i] == '{' || src[i] == '[' || isStatusLine(src[i:le]) || looksLikeRequestLine(src[i:le])
}

// skipSpaceTo returns the first index in [i, end) that is not blank, or end.
func skipSpaceTo(src []byte, i, end int) int {
	for i < end && isSpace(src[i]) {
		i++
	}
	return i
}
