package input

import (
	"bytes"
	"strconv"
	"strings"
)

// maxHeaderFindings caps the "http-header" findings of one message, so that
// a body pasted without its blank line does not drown the report.
const maxHeaderFindings = 5

// maxHeaders caps the headers read from one message: real messages have a
// few dozen, and the cap keeps memory small on hostile input.
const maxHeaders = 500

// methods are the request methods a request line may start with.
var methods = []string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}

// requestLineHelp ends every request-line finding.
const requestLineHelp = `: a request line is METHOD TARGET [HTTP/1.1], for example ` +
	`"POST https://graph.microsoft.com/v1.0/communications/calls/{id}/playPrompt"`

// looksLikeRequestLine reports whether line starts with a known method, a
// space and something more: the start of an HTTP request.
func looksLikeRequestLine(line []byte) bool {
	for _, m := range methods {
		if len(line) > len(m)+1 && string(line[:len(m)]) == m && line[len(m)] == ' ' &&
			!isBlank(line[len(m)+1:]) {
			return true
		}
	}
	return false
}

// isStatusLine reports whether line starts like a status line: "HTTP/"
// followed by a version.
func isStatusLine(line []byte) bool {
	return len(line) > 5 && bytes.HasPrefix(line, []byte("HTTP/")) && isDigit(line[5])
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// httpMessages splits src[start:end] into HTTP messages and adds a part for
// each. A body ends where the next message's start line starts, so that a
// pasted request followed by its response gives two parts. blk is the Markdown
// block the messages come from, or nil.
func (p *parser) httpMessages(start, end int, blk *Block) {
	src := p.src
	i := start
	for i < end {
		le, next := lineAt(src, i, end)
		if !isBlank(src[i:le]) {
			break
		}
		i = next
	}
	if i >= end {
		p.add(sevError, "no-json", "the HTTP message is empty: paste a status line or request line, "+
			"headers, a blank line and the JSON body", start, end-start, nil)
		return
	}
	for i < end {
		i = p.httpMessage(i, end, blk)
	}
}

// httpMessage reads the message whose start line is at i, adds its part and
// returns where the next message starts (end when there is none).
func (p *parser) httpMessage(i, end int, blk *Block) int {
	src := p.src
	m := &Message{}
	le, next := lineAt(src, i, end)
	line := src[i:le]
	if bytes.HasPrefix(line, []byte("HTTP/")) {
		p.statusLine(m, i, le)
	} else {
		m.Request = true
		p.requestLine(m, i, le, blk != nil)
	}

	// Headers, up to the blank line.
	bodyStart, msgEnd := end, end
	headerFindings := 0
	for j := next; ; {
		if j >= end {
			bodyStart = end
			break
		}
		le, nx := lineAt(src, j, end)
		line := src[j:le]
		if isBlank(line) {
			bodyStart = nx
			break
		}
		if line[0] == '{' || line[0] == '[' {
			eol := "\n"
			if le < end && src[le] == '\r' {
				eol = "\r\n"
			}
			p.add(sevWarning, "http-missing-blank-line", "the body starts right after the headers: "+
				"HTTP needs a blank line between the headers and the body", j, le-j,
				&Edit{Title: "Insert a blank line before the body", Offset: j, Replacement: eol})
			bodyStart = j
			break
		}
		if isStatusLine(line) {
			// The next message follows one that has no body.
			bodyStart, msgEnd = j, j
			break
		}
		colon := headerColon(src, j, le)
		switch {
		case colon < 0:
			if headerFindings < maxHeaderFindings {
				headerFindings++
				p.add(sevError, "http-header", "this is not a header line: a header is Name: value, "+
					"and the headers end with a blank line before the body", j, le-j, nil)
			}
		case len(m.Headers) < maxHeaders:
			// Past the cap, lines are only scanned for the end of the headers.
			m.Headers = append(m.Headers, parseHeader(src, j, colon, le))
			if len(m.Headers) == maxHeaders {
				p.add(sevWarning, "http-header", "this message has more than "+strconv.Itoa(maxHeaders-1)+
					" headers: the ones after this line are not read", j, le-j, nil)
			}
		}
		j = nx
	}

	// The body runs up to the start line of the next message: a status line,
	// or a request line after a blank line (neither can start a line of a
	// JSON body).
	if msgEnd == end {
		blank := false
		for j := bodyStart; j < end; {
			le, nx := lineAt(src, j, end)
			line := src[j:le]
			if isStatusLine(line) || blank && looksLikeRequestLine(line) {
				msgEnd = j
				break
			}
			blank = isBlank(line)
			j = nx
		}
	}
	bodyEnd := msgEnd
	for bodyEnd > bodyStart && (src[bodyEnd-1] == '\n' || src[bodyEnd-1] == '\r') {
		bodyEnd--
	}
	m.BodyOffset = bodyStart
	if !isBlank(src[bodyStart:bodyEnd]) {
		m.BodyLength = bodyEnd - bodyStart
	}

	p.checkMessage(m, blk)
	p.parts = append(p.parts, Part{Offset: m.BodyOffset, Length: m.BodyLength, HTTP: m, Block: blk})
	return msgEnd
}

// statusLine reads "HTTP/1.1 200 OK" in src[i:le] into m.
func (p *parser) statusLine(m *Message, i, le int) {
	src := p.src
	j := i + 5
	for j < le && (isDigit(src[j]) || src[j] == '.') {
		j++
	}
	proto := src[i:j]
	ok := validProto(proto) && j < le && src[j] == ' '
	k := j
	if ok {
		for k < le && src[k] == ' ' {
			k++
		}
		s := k
		for k < le && isDigit(src[k]) {
			k++
		}
		ok = k-s == 3 && (k == le || src[k] == ' ')
		if ok {
			m.Proto = string(proto)
			m.Status, _ = strconv.Atoi(string(src[s:k]))
			m.StatusOffset, m.StatusLength = s, 3
			r := indentEnd(src, k, le)
			m.Reason = string(src[r:trimRightBlank(src, r, le)])
		}
	}
	if !ok {
		p.add(sevError, "status-line", "this is not a valid status line: a response starts with the "+
			`protocol and a three-digit status code, for example "HTTP/1.1 200 OK"`, i, le-i, nil)
	}
}

// validProto reports whether b is "HTTP/" followed by a digit and an
// optional "." and digit.
func validProto(b []byte) bool {
	v := b[5:]
	return len(v) == 1 && isDigit(v[0]) || len(v) == 3 && isDigit(v[0]) && v[1] == '.' && isDigit(v[2])
}

// requestLine reads "METHOD TARGET [HTTP/x.y]" in src[i:le] into m and checks
// that the target is a Graph request that returns a comms operation.
func (p *parser) requestLine(m *Message, i, le int, inBlock bool) {
	src := p.src
	var words [4][2]int // start, end of up to 4 words
	n := 0
	for j := i; j < le && n < len(words); {
		j = indentEnd(src, j, le)
		if j == le {
			break
		}
		s := j
		for j < le && src[j] != ' ' && src[j] != '\t' {
			j++
		}
		words[n] = [2]int{s, j}
		n++
	}
	bad := func(why string) {
		p.add(sevError, "request-line", "this is not a valid request line ("+why+")"+requestLineHelp, i, le-i, nil)
	}
	if n == 0 {
		bad("the line is empty")
		return
	}
	method := string(src[words[0][0]:words[0][1]])
	known := false
	for _, k := range methods {
		if method == k {
			known = true
		}
	}
	if !known {
		up := strings.ToUpper(method)
		for _, k := range methods {
			if up == k {
				p.add(sevError, "request-line", "the method is written in upper case: "+k, words[0][0], len(method),
					&Edit{Title: "Write " + k, Offset: words[0][0], Length: len(method), Replacement: k})
				return
			}
		}
		if !inBlock && !looksLikeWord(method) {
			bad("it starts with neither a method nor \"HTTP/\"")
			return
		}
		bad("unknown method " + quoteShort([]byte(method), 20) + ", expected GET, POST, PATCH, PUT or DELETE")
		return
	}
	if n < 2 {
		bad("the target is missing")
		return
	}
	target := string(src[words[1][0]:words[1][1]])
	if !strings.HasPrefix(target, "/") {
		if rest, ok := cutScheme(target); !ok || rest == "" {
			bad("the target " + quoteShort([]byte(target), 40) + " is neither a path starting with / nor an https:// URL")
			return
		}
	}
	switch {
	case n == 3:
		w := src[words[2][0]:words[2][1]]
		if !bytes.HasPrefix(w, []byte("HTTP/")) || !validProto(w) {
			bad("there are words after the target")
			return
		}
		m.Proto = string(w)
	case n > 3:
		bad("there are words after the target")
		return
	}
	m.Method, m.MethodOffset = method, words[0][0]
	m.Target, m.TargetOffset = target, words[1][0]
	p.checkPath(m)
}

// looksLikeWord reports whether s is all letters, like a method name.
func looksLikeWord(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := lower(s[i]); c < 'a' || c > 'z' {
			return false
		}
	}
	return s != ""
}

// checkPath warns when a request's target is a Graph URL that is not one of
// the operationPaths. A POST to some other host or path is left alone: it is
// likely Graph's notification callback to the bot.
func (p *parser) checkPath(m *Message) {
	op, pm := matchTarget(m.Target)
	off, length := m.TargetOffset, len(m.Target)
	switch {
	case op != nil && op.method == m.Method:
	case op != nil:
		p.add(sevWarning, "request-path", "this call is made with "+op.method+", not "+m.Method, m.MethodOffset, len(m.Method),
			&Edit{Title: "Use " + op.method, Offset: m.MethodOffset, Length: len(m.Method), Replacement: op.method})
	case pm.betaOnly:
		p.add(sevWarning, "request-path", "this call exists only in the beta version of Graph, not in v1.0", off, length, nil)
	case pm.graph || m.Method != "POST":
		p.add(sevWarning, "request-path", "this request does not return a comms operation: operations come from "+
			"the actions on /communications/calls/{id} (participants/invite, playPrompt, recordResponse, "+
			"mute, ...) and from GET /communications/calls/{id}/operations/{id}", off, length, nil)
	}
}

// headerColon returns the offset of the colon of the header line
// src[i:le], or -1 when the line is not "Name: value" with a token name.
func headerColon(src []byte, i, le int) int {
	c := bytes.IndexByte(src[i:le], ':')
	if c <= 0 {
		return -1
	}
	for _, b := range src[i : i+c] {
		if !isTokenByte(b) {
			return -1
		}
	}
	return i + c
}

// parseHeader reads the header line src[i:le] whose colon is at colon.
func parseHeader(src []byte, i, colon, le int) Header {
	v := indentEnd(src, colon+1, le)
	ve := trimRightBlank(src, v, le)
	return Header{
		Name: string(src[i:colon]), Value: string(src[v:ve]),
		Offset: i, Length: le - i, ValueOffset: v, ValueLength: ve - v,
	}
}

// isTokenByte reports whether c may appear in a header name.
func isTokenByte(c byte) bool {
	if c <= ' ' || c >= 0x7F {
		return false
	}
	return !strings.ContainsRune(`"(),/:;<=>?@[\]{}`, rune(c))
}

// checkMessage checks the status code, Content-Type and Content-Length of a
// message. A header that is absent is never a finding: pasted excerpts
// often omit headers.
func (p *parser) checkMessage(m *Message, blk *Block) {
	if !m.Request && m.StatusLength > 0 {
		code := strconv.Itoa(m.Status)
		switch {
		case m.Status == 200 || m.Status == 202:
		case m.Status >= 400:
			p.add(sevError, "http-status", "status "+code+" means the call failed: the body is an error, "+
				"not an operation (Graph answers a successful call with 200 OK or 202 Accepted)",
				m.StatusOffset, m.StatusLength, nil)
		default:
			p.add(sevWarning, "http-status", "status "+code+" is not what Graph sends for these calls: "+
				"it answers with 200 OK or 202 Accepted and the operation in the body",
				m.StatusOffset, m.StatusLength, nil)
		}
	}
	if h := m.Header("Content-Type"); h != nil && !isJSONMediaType(h.Value) {
		p.add(sevError, "http-content-type", "Content-Type is "+quoteShort([]byte(h.Value), 60)+
			", but the body must be JSON (application/json)", h.ValueOffset, h.ValueLength,
			&Edit{Title: "Use application/json", Offset: h.ValueOffset, Length: h.ValueLength, Replacement: "application/json"})
	}
	if h := m.Header("Content-Length"); h != nil {
		actual := strconv.Itoa(m.BodyLength)
		fix := &Edit{Title: "Set Content-Length to " + actual, Offset: h.ValueOffset, Length: h.ValueLength, Replacement: actual}
		n, err := strconv.Atoi(h.Value)
		switch {
		case err != nil || n < 0:
			p.add(sevError, "http-content-length", "Content-Length "+quoteShort([]byte(h.Value), 30)+
				" is not a byte count; the body has "+actual+" bytes", h.ValueOffset, h.ValueLength, fix)
		case n != m.BodyLength:
			sev, msg := sevError, "Content-Length says "+h.Value+" bytes, but the body has "+actual+" bytes"
			if blk != nil && blk.Truncated {
				sev, msg = sevInfo, msg+" (the block is marked truncated, so a shorter body is expected)"
			}
			p.add(sev, "http-content-length", msg, h.ValueOffset, h.ValueLength, fix)
		}
	}
}

// isJSONMediaType reports whether a Content-Type value names JSON:
// application/json or any type ending in +json, parameters allowed.
func isJSONMediaType(v string) bool {
	if i := strings.IndexByte(v, ';'); i >= 0 {
		v = v[:i]
	}
	v = strings.ToLower(strings.TrimSpace(v))
	return v == "application/json" || strings.HasSuffix(v, "+json") && strings.Contains(v, "/")
}
