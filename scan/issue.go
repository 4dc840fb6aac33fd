package scan

import (
	"strconv"
	"unicode/utf8"
)

// Severities of an [Issue].
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityInfo    Severity = "info"
)

// Issue codes reported by [Parse]. They are stable: clients may match on them.
const (
	// CodeTrailingComma is a comma after the last element or member (recovered).
	CodeTrailingComma = "trailing-comma"
	// CodeComment is a // or /* */ comment (recovered).
	CodeComment = "comment"
	// CodeSingleQuotes is a string in single quotes (recovered when it closes on its line).
	CodeSingleQuotes = "single-quotes"
	// CodeUnquotedKey is a member name without quotes (recovered when identifier-like).
	CodeUnquotedKey = "unquoted-key"
	// CodeEllipsis is "..." or "…" standing for omitted content (skipped).
	CodeEllipsis = "ellipsis"
	// CodeDuplicateKey is a member name used twice in one object (a warning).
	CodeDuplicateKey = "duplicate-key"
	// CodeInvalidUTF8 is a byte sequence that is not UTF-8 inside a string (recovered).
	CodeInvalidUTF8 = "invalid-utf8"
	// CodeBOM is a UTF-8 byte-order mark before the value (a warning).
	CodeBOM = "bom"
	// CodeLoneSurrogate is a \u escape holding half of a UTF-16 surrogate pair (a warning).
	CodeLoneSurrogate = "lone-surrogate"
	// CodeControlCharacter is a raw control character inside a string (recovered).
	CodeControlCharacter = "control-character"
	// CodeInvalidEscape is a backslash escape JSON does not define (recovered).
	CodeInvalidEscape = "invalid-escape"
	// CodeInvalidNumber is a number JSON does not allow, such as 01, +1, .5, 1. or NaN (recovered).
	CodeInvalidNumber = "invalid-number"
	// CodeSyntax is any other syntax error; always fatal.
	CodeSyntax = "json-syntax"
	// CodeEmptyInput is nothing but whitespace (or comments); fatal.
	CodeEmptyInput = "empty-input"
	// CodeTooDeep is nesting deeper than [MaxDepth]; fatal.
	CodeTooDeep = "too-deep"
	// CodeTooLarge is input too large for 32-bit offsets; fatal.
	CodeTooLarge = "too-large"
	// CodeTooManyIssues is more than [MaxIssues] problems; the rest are not listed (info).
	CodeTooManyIssues = "too-many-issues"
)

// issue records a recoverable problem and returns its index in p.issues, or
// -1 when MaxIssues was reached and it was left out.
func (p *parser) issue(sev Severity, code, msg string, off, length int, fix *Edit) int {
	if p.kept >= MaxIssues {
		if p.kept == MaxIssues {
			p.kept++
			p.issues = append(p.issues, Issue{Severity: SeverityInfo, Code: CodeTooManyIssues,
				Message: "more than " + strconv.Itoa(MaxIssues) + " problems; the rest are not listed",
				Offset:  off})
		}
		return -1
	}
	p.kept++
	p.issues = append(p.issues, Issue{Severity: sev, Code: code, Message: msg, Offset: off, Length: length, Fix: fix})
	if fix != nil {
		p.noteFix(fix)
	}
	return len(p.issues) - 1
}

// noteFix remembers where the last fix ends, so that a later fix reaching
// back never overlaps it.
func (p *parser) noteFix(fix *Edit) {
	if e := fix.Offset + fix.Length; e > p.lastFixEnd {
		p.lastFixEnd = e
	}
}

// fail records the fatal problem that stops the scan.
func (p *parser) fail(code, msg string, off, length int) {
	p.fatal = true
	p.issues = append(p.issues, Issue{Severity: SeverityError, Code: code, Message: msg, Offset: off, Length: length, Fatal: true})
}

// failFound records a fatal problem at p.pos: prefix + ", found " + what is there.
func (p *parser) failFound(prefix, hint string) {
	desc, n := p.found(p.pos)
	p.fail(CodeSyntax, prefix+", found "+desc+hint, p.pos, n)
}

const expectedValue = "expected a value (string, number, object, array, true, false or null)"

// found describes the token at offset i for a message and returns its length.
func (p *parser) found(i int) (string, int) {
	src := p.src
	if i >= len(src) {
		return "the end of the input", 0
	}
	c := src[i]
	switch {
	case isWordByte(c):
		j := i
		for j < len(src) && j-i < 40 && isWordByte(src[j]) {
			j++
		}
		w := string(src[i:j])
		return "'" + w + "'" + wordHint(w), j - i
	case c == '.' && p.ellipsisLen(i) > 0:
		n := p.ellipsisLen(i)
		return "'" + string(src[i:i+n]) + "'", n
	case c == '\'':
		return "a single quote (')", 1
	case c < 0x20 || c == 0x7f:
		return "the control character " + hexRune(rune(c)), 1
	case c < 0x80:
		return "'" + string(rune(c)) + "'", 1
	}
	r, n := utf8.DecodeRune(src[i:])
	if r == utf8.RuneError && n == 1 {
		return "the byte 0x" + hexByte(c) + ", which is not UTF-8", 1
	}
	desc := "'" + string(r) + "' (" + hexRune(r) + ")"
	switch r {
	case '\u201c', '\u201d', '\u2018', '\u2019':
		desc += ", a typographic quote; JSON strings use plain \" quotes"
	case '\u00a0', '\u2002', '\u2003', '\u2009', '\u200b', '\ufeff':
		desc += ", an invisible space; between tokens JSON allows only spaces, tabs and line breaks"
	case '\u2026':
		desc += ", an ellipsis"
	}
	return desc, n
}

// wordHint adds a hint for words that look like a JSON literal written the
// way another language writes it.
func wordHint(w string) string {
	switch w {
	case "True", "TRUE":
		return "; JSON writes it in lower case: true"
	case "False", "FALSE":
		return "; JSON writes it in lower case: false"
	case "Null", "NULL", "None", "nil":
		return "; JSON writes it as null"
	case "undefined":
		return "; JSON has no undefined: use null or leave the member out"
	}
	return ""
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$'
}

const hexDigits = "0123456789ABCDEF"

func hexByte(c byte) string {
	return string([]byte{hexDigits[c>>4], hexDigits[c&15]})
}

// hexRune writes r as U+XXXX.
func hexRune(r rune) string {
	s := strconv.FormatUint(uint64(r), 16)
	for len(s) < 4 {
		s = "0" + s
	}
	b := []byte("U+" + s)
	for i := range b {
		if b[i] >= 'a' && b[i] <= 'f' {
			b[i] -= 'a' - 'A'
		}
	}
	return string(b)
}

// shorten quotes text for a message, cutting it when long.
func shorten(b []byte) string {
	if len(b) > 40 {
		cut := 37
		for cut > 0 && !utf8.RuneStart(b[cut]) {
			cut--
		}
		return string(b[:cut]) + "…"
	}
	return string(b)
}
