package redact

import (
	"strconv"
	"strings"
)

// Text returns s with every value it recognises replaced by a placeholder
// that keeps the value's shape:
//
//	GUID                 00000000-0000-0000-0000-000000000001 (or 32 digits when
//	                     written without dashes; surrounding braces are kept)
//	e-mail address       user1@example.com
//	phone number         +10000000001 (also after "tel:")
//	name                 Name 1
//	token or secret      <token-1> (also a credential in a URL's query or userinfo)
//	media or recording   https://example.com/media-1
//	URL
//
// Numbers count distinct values of each kind in order of first appearance,
// and the same value (GUIDs and e-mail addresses compared without regard to
// case or dashes, phone numbers by their digits) gets the same placeholder
// everywhere in s. Placeholders hold no quote, backslash or control
// character, and only text inside JSON strings (or text that could not be
// JSON) changes, so valid JSON stays valid with the same structure. Text is
// idempotent: Text(Text(s)) == Text(s).
//
// Names are only recognised as the string values of JSON members such as
// "displayName", "givenName" or "userPrincipalName" (also inside JSON that a
// log line carries as an escaped string); the same name elsewhere in free
// text is left alone.
func Text(s string) string {
	r := redactor{s: s}
	r.run()
	if r.out == nil {
		return s
	}
	return string(append(r.out, s[r.done:]...))
}

// kind is a family of placeholders, each numbered on its own.
type kind int

const (
	guidKind kind = iota
	emailKind
	phoneKind
	nameKind
	tokenKind
	urlKind
	kinds
)

// prev classifies what lies just before the scanner, for the rules on where
// a phone number may start.
type prev int

const (
	prevEdge  prev = iota // start of text, after an escape, or after a delimiter
	prevInner             // after a word, a match, or a character of an address
)

type redactor struct {
	s    string
	out  []byte // nil until the first replacement
	done int    // s[:done] is already in out
	seen [kinds]map[string]int

	// Ends of runs known not to start a match of that kind anywhere before
	// them: they keep hostile input (a megabyte of "a-a-a-...") linear.
	noEmailUntil, noTokenUntil, noJWTUntil int
}

func (r *redactor) run() {
	s := r.s
	before := prevEdge
	for i := 0; i < len(s); {
		if end := r.match(i, before); end > i {
			i, before = end, prevInner
			continue
		}
		switch c := s[i]; {
		case c == '\\':
			i += escapeLen(s, i)
			before = prevEdge
		case isAlnum(c):
			for i < len(s) && isAlnum(s[i]) {
				i++
			}
			before = prevInner
		default:
			i++
			before = prevInner // "_" and the other characters of an address
			if !isLocal(c) {
				before = prevEdge
			}
		}
	}
}

// match tries every recogniser at s[i], in priority order, and returns the
// end of what it replaced, or i.
func (r *redactor) match(i int, before prev) int {
	s := r.s
	switch c := s[i]; {
	case c == '"' || c == '\\' && i+1 < len(s) && s[i+1] == '"':
		if end := r.member(i); end > 0 {
			return end
		}
	case c == '?' || c == '&' || c == '\\':
		if start, end := queryParamAt(s, i); end > 0 {
			r.replaceToken(start, end)
			return end
		}
	case c == '<':
		if end := tokenPlaceholderAt(s, i); end > 0 {
			r.replace(i, end, tokenKind, s[i:end])
			return end
		}
	case c == '+':
		if before == prevEdge {
			if end, digits := phoneAt(s, i); end > 0 {
				r.replace(i, end, phoneKind, digits)
				return end
			}
		}
	case isAlnum(c):
		if end := r.member(i); end > 0 {
			return end
		}
		if start, end := schemeTokenAt(s, i); end > 0 {
			r.replaceToken(start, end)
			return end
		}
		if start, end := userinfoAt(s, i); end > 0 {
			r.replaceToken(start, end)
			return end
		}
		if start, end, digits := telAt(s, i); end > 0 {
			r.replace(start, end, phoneKind, digits)
			return end
		}
		if i >= r.noJWTUntil {
			end, runEnd := jwtAt(s, i)
			if end > 0 {
				r.replace(i, end, tokenKind, s[i:end])
				return end
			}
			r.noJWTUntil = runEnd
		}
		if i >= r.noEmailUntil {
			end, runEnd := emailAt(s, i)
			if end > 0 {
				r.replace(i, end, emailKind, strings.ToLower(s[i:end]))
				return end
			}
			r.noEmailUntil = runEnd
		}
		if end, key := guidAt(s, i); end > 0 {
			r.replace(i, end, guidKind, key)
			return end
		}
		if i >= r.noTokenUntil {
			end, runEnd := opaqueAt(s, i)
			if end > 0 {
				r.replace(i, end, tokenKind, s[i:end])
				return end
			}
			r.noTokenUntil = runEnd
		}
	}
	return i
}

// replaceToken replaces s[start:end], a token or a token placeholder.
func (r *redactor) replaceToken(start, end int) { r.replace(start, end, tokenKind, r.s[start:end]) }

// replace writes the placeholder of key in place of s[start:end].
func (r *redactor) replace(start, end int, k kind, key string) {
	m := r.seen[k]
	if m == nil {
		m = map[string]int{}
		r.seen[k] = m
	}
	n, ok := m[key]
	if !ok {
		n = len(m) + 1
		m[key] = n
	}
	if r.out == nil {
		r.out = make([]byte, 0, len(r.s)+len(r.s)/8)
	}
	r.out = append(r.out, r.s[r.done:start]...)
	r.out = appendPlaceholder(r.out, k, n, r.s[start:end])
	r.done = end
}

// appendPlaceholder appends the n-th placeholder of kind k, shaped like
// orig where the kind has several shapes.
func appendPlaceholder(b []byte, k kind, n int, orig string) []byte {
	switch k {
	case guidKind:
		if len(orig) == 32 {
			return appendPadded(b, n, 32)
		}
		b = append(b, "00000000-0000-0000-0000-"...)
		return appendPadded(b, n, 12)
	case emailKind:
		b = append(b, "user"...)
		b = strconv.AppendInt(b, int64(n), 10)
		return append(b, "@example.com"...)
	case phoneKind:
		b = append(b, "+1"...)
		return appendPadded(b, n, 10)
	case nameKind:
		b = append(b, "Name "...)
		return strconv.AppendInt(b, int64(n), 10)
	case urlKind:
		b = append(b, "https://example.com/media-"...)
		return strconv.AppendInt(b, int64(n), 10)
	default:
		b = append(b, "<token-"...)
		b = strconv.AppendInt(b, int64(n), 10)
		return append(b, '>')
	}
}

// appendPadded appends n in decimal, zero-padded to width digits.
func appendPadded(b []byte, n, width int) []byte {
	var d [20]byte
	digits := strconv.AppendInt(d[:0], int64(n), 10)
	for range width - len(digits) {
		b = append(b, '0')
	}
	return append(b, digits...)
}

// escapeLen is the length of the backslash escape at s[i]: six for \uXXXX,
// two otherwise (one at the very end of s).
func escapeLen(s string, i int) int {
	if i+1 >= len(s) {
		return 1
	}
	if s[i+1] == 'u' && i+6 <= len(s) && isHex(s[i+2]) && isHex(s[i+3]) && isHex(s[i+4]) && isHex(s[i+5]) {
		return 6
	}
	return 2
}

func isWord(c byte) bool { return isAlnum(c) || c == '_' }
func isAlnum(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isHex(c byte) bool   { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }
func isUpper(c byte) bool { return 'A' <= c && c <= 'Z' }
func isLower(c byte) bool { return 'a' <= c && c <= 'z' }
func isAlpha(c byte) bool { return isUpper(c) || isLower(c) }
