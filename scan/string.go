package scan

import (
	"encoding/binary"
	"strconv"
	"unicode/utf8"
)

// plain[c] is true for the bytes a string scan can pass over without a look:
// printable ASCII other than quotes and backslash.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 0x80; c++ {
		t[c] = true
	}
	t['"'], t['\\'], t['\''] = false, false, false
	return t
}()

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// special8 reports whether any of the 8 bytes in x needs a look inside a
// string: a control character, a quote, a backslash or a non-ASCII byte.
// Subtracting 1 from a byte sets its high bit only when the byte is 0 (or
// a lower byte borrowed, which needs a 0 there), so x^c - ones flags bytes
// equal to c, x - 0x20*ones flags bytes below 0x20, and x itself flags
// bytes from 0x80. It never misses one; it may flag a word that has one
// elsewhere, which only sends the scan to the byte loop.
func special8(x uint64) bool {
	return (x|(x-0x20*ones)|((x^'"'*ones)-ones)|((x^'\\'*ones)-ones)|((x^'\''*ones)-ones))&highs != 0
}

// str scans the string whose opening quote (" or ') is at p.pos and leaves
// p.pos after its closing quote. It reports raw control characters, unknown
// escapes, bytes that are not UTF-8 and lone surrogates, and returns Escaped
// in flags when the string holds a backslash. In a single-quoted string,
// control characters and unknown escapes are left to its single-quotes fix,
// and a line break before the closing quote is fatal.
func (p *parser) str(quote byte) (flags uint8, ok bool) {
	src := p.src
	start := p.pos
	single := quote == '\''
	newline := -1
	i := start + 1
	for {
		for i+8 <= len(src) && !special8(binary.LittleEndian.Uint64(src[i:])) {
			i += 8
		}
		for i < len(src) && plain[src[i]] {
			i++
		}
		if i >= len(src) {
			if single {
				p.failSingle(start)
				return 0, false
			}
			msg := "this string is never closed: there is no closing '\"' before the end of the input (the location points at its opening quote)"
			if newline >= 0 {
				msg += "; it runs over a line break at byte " + strconv.Itoa(newline) + ", where its closing quote may be missing"
			}
			p.fail(CodeSyntax, msg, start, 1)
			return 0, false
		}
		switch c := src[i]; {
		case c == quote:
			p.pos = i + 1
			if newline >= 0 {
				p.nlStrEnd = p.pos
			}
			return flags, true
		case c == '\\':
			flags |= Escaped
			i = p.escape(i, quote)
		case c < 0x20:
			if single {
				if c == '\n' || c == '\r' {
					p.failSingle(start)
					return 0, false
				}
			} else {
				if c == '\n' && newline < 0 {
					newline = i
				}
				p.issue(SeverityError, CodeControlCharacter, "the control character "+hexRune(rune(c))+controlName(c)+
					" must be escaped inside a string: write "+string(appendControl(nil, c)), i, 1,
					&Edit{Title: "Escape the control character", Offset: i, Length: 1, Replacement: string(appendControl(nil, c))})
			}
			i++
		case c >= 0x80:
			r, n := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && n == 1 {
				p.issue(SeverityError, CodeInvalidUTF8, "the byte 0x"+hexByte(c)+" in this string is not UTF-8; save the text as UTF-8", i, 1, nil)
			}
			i += n
		default: // the other kind of quote
			i++
		}
	}
}

// failSingle reports a single-quoted string with no closing quote on its line.
func (p *parser) failSingle(start int) {
	p.fail(CodeSyntax, "found a string in single quotes that is not closed on its line; JSON strings use double quotes", start, 1)
}

// escape checks the backslash escape at src[i] and returns the offset just
// past what it consumed.
func (p *parser) escape(i int, quote byte) int {
	src := p.src
	single := quote == '\''
	if i+1 >= len(src) {
		return i + 1 // the string is never closed
	}
	switch e := src[i+1]; e {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return i + 2
	case '\'':
		if !single {
			p.issue(SeverityError, CodeInvalidEscape, `\' is not a JSON escape; a ' needs no backslash inside a double-quoted string`, i, 2,
				&Edit{Title: "Remove the backslash", Offset: i, Length: 2, Replacement: "'"})
		}
		return i + 2
	case 'u':
		r, ok := hex4(src, i+2)
		if !ok {
			if !single {
				n := 2
				for n < 6 && i+n < len(src) && hexVal(src[i+n]) >= 0 {
					n++
				}
				p.invalidEscape(i, n, `\u must be followed by four hexadecimal digits, found `+showRaw(src[i:i+n]))
			}
			return i + 1
		}
		if r >= 0xD800 && r < 0xDC00 {
			if i+12 <= len(src) && src[i+6] == '\\' && src[i+7] == 'u' {
				if r2, ok := hex4(src, i+8); ok && r2 >= 0xDC00 && r2 < 0xE000 {
					return i + 12
				}
			}
			p.loneSurrogate(i, "high", "not followed by the low half")
			return i + 6
		}
		if r >= 0xDC00 && r < 0xE000 {
			p.loneSurrogate(i, "low", "not preceded by the high half")
		}
		return i + 6
	default:
		if !single {
			n := 2
			if e >= 0x80 {
				_, size := utf8.DecodeRune(src[i+1:])
				n = 1 + size
			}
			p.invalidEscape(i, n, showRaw(src[i:i+n])+" is not a JSON escape")
		}
		return i + 1
	}
}

// invalidEscape reports an unknown escape of length n at i; its fix escapes
// the backslash, which is how the scanner reads it.
func (p *parser) invalidEscape(i, n int, what string) {
	p.issue(SeverityError, CodeInvalidEscape, what+`; the escapes JSON knows are \" \\ \/ \b \f \n \r \t and \uXXXX, so a backslash of its own is written \\`,
		i, n, &Edit{Title: "Escape the backslash", Offset: i, Length: 1, Replacement: `\\`})
}

// showRaw quotes source bytes for a message: as they are between ' quotes
// when printable ASCII, else Go-quoted.
func showRaw(b []byte) string {
	for _, c := range b {
		if c < 0x20 || c >= 0x7f {
			return strconv.Quote(string(b))
		}
	}
	return "'" + string(b) + "'"
}

// loneSurrogate reports the \uXXXX escape at i holding half a surrogate pair.
func (p *parser) loneSurrogate(i int, half, why string) {
	p.issue(SeverityWarning, CodeLoneSurrogate, string(p.src[i:i+6])+" is the "+half+" half of a UTF-16 surrogate pair, "+why+
		"; it stands for no character and reads as U+FFFD", i, 6, nil)
}

// single scans a single-quoted string at p.pos and reports it.
func (p *parser) single() (flags uint8, ok bool) {
	start := p.pos
	flags, ok = p.str('\'')
	if !ok {
		return 0, false
	}
	p.issue(SeverityError, CodeSingleQuotes, "found a string in single quotes; JSON strings use double quotes", start, p.pos-start,
		&Edit{Title: "Use double quotes", Offset: start, Length: p.pos - start, Replacement: requote(p.src[start+1 : p.pos-1])})
	return flags, true
}

// requote writes the content of a single-quoted string as a JSON string
// with the same decoded value.
func requote(s []byte) string {
	b := make([]byte, 0, len(s)+8)
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"':
			b = append(b, '\\', '"')
		case c == '\\':
			if i+1 < len(s) {
				switch e := s[i+1]; e {
				case '\'':
					b = append(b, '\'')
					i++
					continue
				case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
					b = append(b, c, e)
					i++
					continue
				case 'u':
					if _, ok := hex4(s, i+2); ok {
						b = append(b, s[i:i+6]...)
						i += 5
						continue
					}
				}
			}
			b = append(b, '\\', '\\')
		case c < 0x20:
			b = appendControl(b, c)
		default:
			b = append(b, c)
		}
	}
	return string(append(b, '"'))
}

// appendControl appends the JSON escape of control character c.
func appendControl(b []byte, c byte) []byte {
	switch c {
	case '\b':
		return append(b, '\\', 'b')
	case '\f':
		return append(b, '\\', 'f')
	case '\n':
		return append(b, '\\', 'n')
	case '\r':
		return append(b, '\\', 'r')
	case '\t':
		return append(b, '\\', 't')
	}
	return append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&15])
}

// controlName names the common control characters for messages.
func controlName(c byte) string {
	switch c {
	case '\n':
		return " (line feed)"
	case '\r':
		return " (carriage return)"
	case '\t':
		return " (tab)"
	case 0:
		return " (NUL)"
	}
	return ""
}

// hexVal is the value of hexadecimal digit c, or -1.
func hexVal(c byte) rune {
	switch {
	case c >= '0' && c <= '9':
		return rune(c - '0')
	case c >= 'a' && c <= 'f':
		return rune(c - 'a' + 10)
	case c >= 'A' && c <= 'F':
		return rune(c - 'A' + 10)
	}
	return -1
}

// hex4 reads four hexadecimal digits at s[i:].
func hex4(s []byte, i int) (rune, bool) {
	if i+4 > len(s) {
		return 0, false
	}
	var r rune
	for _, c := range s[i : i+4] {
		v := hexVal(c)
		if v < 0 {
			return 0, false
		}
		r = r<<4 | v
	}
	return r, true
}

// appendDecoded appends the value of string content s (the bytes between the
// quotes) to dst. Unknown escapes keep their backslash, \' reads as ', and
// lone surrogates read as U+FFFD, as the scanner reports them.
func appendDecoded(dst, s []byte) []byte {
	for i := 0; i < len(s); {
		if s[i] != '\\' {
			j := i + 1
			for j < len(s) && s[j] != '\\' {
				j++
			}
			dst = append(dst, s[i:j]...)
			i = j
			continue
		}
		if i+1 >= len(s) {
			return append(dst, '\\')
		}
		switch e := s[i+1]; e {
		case '"', '\\', '/', '\'':
			dst = append(dst, e)
		case 'b':
			dst = append(dst, '\b')
		case 'f':
			dst = append(dst, '\f')
		case 'n':
			dst = append(dst, '\n')
		case 'r':
			dst = append(dst, '\r')
		case 't':
			dst = append(dst, '\t')
		case 'u':
			r, ok := hex4(s, i+2)
			if !ok {
				dst = append(dst, '\\')
				i++
				continue
			}
			i += 6
			if r >= 0xD800 && r < 0xE000 {
				if r2, ok := hex4(s, i+2); ok && r < 0xDC00 && s[i] == '\\' && s[i+1] == 'u' && r2 >= 0xDC00 && r2 < 0xE000 {
					r = (r-0xD800)<<10 | (r2 - 0xDC00) + 0x10000
					i += 6
				} else {
					r = utf8.RuneError
				}
			}
			dst = utf8.AppendRune(dst, r)
			continue
		default:
			dst = append(dst, '\\')
			i++
			continue
		}
		i += 2
	}
	return dst
}
