package input

import "strconv"

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
		if src[i] != '{' {
			continue
		}
		if first < 0 {
			first = i
		}
		j := skipSpace(src, i+1)
		if j < len(src) && (src[j] == '"' || src[j] == '}') {
			return i
		}
	}
	if strict {
		return -1
	}
	return first
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

// log adds the part of a log excerpt: the first JSON object, from its '{'
// to its matching '}' (or to the end of the input when it does not close),
// and says what text was skipped before it.
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
	end := balancedEnd(src, start)
	if end < 0 {
		p.parts = append(p.parts, Part{Offset: start, Length: len(src) - start})
		return
	}
	p.parts = append(p.parts, Part{Offset: start, Length: end - start})
	if more := findObject(src, end, true); more >= 0 && balancedEnd(src, more) > 0 {
		line := 1
		for _, c := range src[:more] {
			if c == '\n' {
				line++
			}
		}
		p.add(sevInfo, "log-more-json", "more JSON follows on line "+strconv.Itoa(line)+
			"; only the first document of a log is checked, so paste the others one at a time", more, 1, nil)
	}
}
