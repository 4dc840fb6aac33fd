package redact

import "strings"

// Recognisers. Each looks at s from i, where the scanner stands at the start
// of a word or just after a delimiter, and returns the end of what it
// recognised, or -1. Several also return the end of the run they examined, so
// that the scanner can skip later attempts that would fail the same way.
//
// Text must be idempotent, so every recogniser also accepts its own
// placeholder, and the rules at the edges of a value (what may precede a
// phone number, what may follow an address) are chosen so that a
// placeholder, which may differ from the value it replaced in length and in
// its first character, is recognised at the same place in the next pass.

// guidAt recognises a GUID, 8-4-4-4-12 hex digits or 32 without dashes, not
// followed by a letter or digit ("_" may follow: some ids join two GUIDs
// with it). The key is the 32 digits in lower case, so
// every spelling of one GUID shares a placeholder. Without dashes, a run that
// could be a JSON number or part of one is not a GUID: one after "." or "+"
// (a fraction or an exponent), digits with one e or E inside, or only digits
// not starting with 0 (as no JSON number does). Placeholders are 32 digits
// starting with 0, so the rules hold for them alike.
func guidAt(s string, i int) (end int, key string) {
	if i+36 <= len(s) && (i+36 == len(s) || !isAlnum(s[i+36])) {
		ok := true
		for j := range 36 {
			c := s[i+j]
			if j == 8 || j == 13 || j == 18 || j == 23 {
				ok = c == '-'
			} else {
				ok = isHex(c)
			}
			if !ok {
				break
			}
		}
		if ok {
			g := s[i : i+36]
			return i + 36, strings.ToLower(g[0:8] + g[9:13] + g[14:18] + g[19:23] + g[24:36])
		}
	}
	if i+32 <= len(s) && (i+32 == len(s) || !isAlnum(s[i+32])) && (i == 0 || s[i-1] != '.' && s[i-1] != '+') {
		run := s[i : i+32]
		letters, es := 0, 0
		for j := range 32 {
			c := run[j]
			if !isHex(c) {
				return -1, ""
			}
			if !isDigit(c) {
				letters++
			}
			if c == 'e' || c == 'E' {
				es++
			}
		}
		switch {
		case letters == 1 && es == 1 && run[0] != 'e' && run[0] != 'E' && run[31] != 'e' && run[31] != 'E':
			return -1, "" // 1e31 and the like: a JSON number
		case letters == 0 && run[0] != '0':
			return -1, "" // a JSON number
		}
		return i + 32, strings.ToLower(run)
	}
	return -1, ""
}

// emailAt recognises local@domain.tld. runEnd is the end of the local part's
// run: no address starts before it when this one fails.
func emailAt(s string, i int) (end, runEnd int) {
	j := i
	for j < len(s) && isLocal(s[j]) {
		j++
	}
	if j >= len(s) || s[j] != '@' || j == i {
		return -1, j
	}
	d := j + 1
	e := d
	for e < len(s) && isDomain(s[e]) {
		e++
	}
	if e > d && s[e-1] == '-' {
		return -1, j // a host name never ends with '-'
	}
	if e > d && s[e-1] == '.' && e < len(s) && s[e] == '<' {
		return -1, j // a token that followed the dot was replaced: keep deciding as before
	}
	for e > d && s[e-1] == '.' {
		e-- // the full stop of a sentence
	}
	if !validDomain(s[d:e]) {
		return -1, j
	}
	return e, j
}

// validDomain reports whether d is two or more non-empty dot-separated labels
// whose last is two or more letters.
func validDomain(d string) bool {
	dot := strings.LastIndexByte(d, '.')
	if dot <= 0 || len(d)-dot-1 < 2 || strings.Contains(d, "..") {
		return false
	}
	for _, c := range []byte(d[dot+1:]) {
		if !isAlpha(c) {
			return false
		}
	}
	return true
}

// phoneAt recognises an international number at s[i] == '+': 7 to 15
// digits, with single or paired separators among "-.()" between them, that
// ends cleanly (see numberEnds). digits is the key.
func phoneAt(s string, i int) (end int, digits string) {
	k := i + 1
	if k >= len(s) || !isDigit(s[k]) {
		return -1, ""
	}
	n, last := 0, k
	for k < len(s) {
		if isDigit(s[k]) {
			if n++; n > 15 {
				return -1, ""
			}
			k++
			last = k
			continue
		}
		m := k
		for m < len(s) && m-k < 2 && isPhoneSep(s[m]) {
			m++
		}
		if m == k || m >= len(s) || !isDigit(s[m]) {
			break
		}
		k = m
	}
	if n < 7 {
		return -1, ""
	}
	if !numberEnds(s, last) {
		return -1, ""
	}
	return last, onlyDigits(s[i:last])
}

// telAt recognises a tel: URI with 3 to 15 digits that ends cleanly (see
// numberEnds); the number, from after "tel:" to its last digit, is what gets
// replaced. The cap matters beyond E.164: a GUID placeholder (32 digits) that
// follows the number can then never join it.
func telAt(s string, i int) (start, end int, digits string) {
	if len(s)-i < 4 || !strings.EqualFold(s[i:i+4], "tel:") {
		return -1, -1, ""
	}
	j := i + 4
	if j < len(s) && s[j] == '+' {
		j++
	}
	n, last := 0, -1
	for k := j; k < len(s); k++ {
		if isDigit(s[k]) {
			if n++; n > 15 {
				return -1, -1, "" // longer than any phone number
			}
			last = k + 1
		} else if !isPhoneSep(s[k]) {
			break
		}
	}
	if n < 3 || !numberEnds(s, last) {
		return -1, -1, ""
	}
	return i + 4, last, onlyDigits(s[i+4 : last])
}

// numberEnds reports whether the phone number whose last digit is
// s[last-1] ends there: after any separators, neither a word character nor a
// token placeholder follows. Without that rule a GUID or token right after a
// number, once replaced by a placeholder that starts with a digit or "<",
// would join the number or split from it in the next pass.
func numberEnds(s string, last int) bool {
	for last < len(s) && isPhoneSep(s[last]) {
		last++
	}
	return last == len(s) || !isWord(s[last]) && s[last] != '<'
}

// schemeTokenAt recognises "Bearer <credentials>" and "Basic <credentials>"
// (any case), returning the credentials' extent. After "Basic" the
// credentials must look like base64 (a digit, two capitals, or one of
// "+/="), so that prose such as "basic information" stays.
func schemeTokenAt(s string, i int) (start, end int) {
	for _, scheme := range [...]string{"bearer", "basic"} {
		n := len(scheme)
		if len(s)-i <= n || s[i+n] != ' ' || !strings.EqualFold(s[i:i+n], scheme) {
			continue
		}
		j := i + n
		for j < len(s) && s[j] == ' ' {
			j++
		}
		if e := tokenPlaceholderAt(s, j); e > 0 {
			return j, e
		}
		k, upper, marked := j, 0, false
		for ; k < len(s) && (isToken68(s[k]) || s[k] == '=' && k > j); k++ {
			if isUpper(s[k]) {
				upper++
			}
			marked = marked || isDigit(s[k]) || s[k] == '+' || s[k] == '/' || s[k] == '='
		}
		if k > j && (scheme == "bearer" || marked || upper >= 2) {
			return j, k
		}
	}
	return -1, -1
}

// jwtAt recognises a JWT-like "eyJ..." token: three base64url parts joined by
// dots (the last may be empty). runEnd is the end of the first part.
func jwtAt(s string, i int) (end, runEnd int) {
	if !strings.HasPrefix(s[i:], "eyJ") {
		return -1, i
	}
	p1 := base64Run(s, i)
	if p1-i < 10 || p1 >= len(s) || s[p1] != '.' {
		return -1, p1
	}
	p2 := base64Run(s, p1+1)
	if p2-p1-1 < 2 || p2 >= len(s) || s[p2] != '.' {
		return -1, p1
	}
	return base64Run(s, p2+1), p1
}

// opaqueAt recognises a long opaque token: 32 or more characters of
// [A-Za-z0-9_-] with at least one upper-case letter, one lower-case letter
// and one digit. A "-" or "_" followed by a GUID ends the run, so the GUID
// keeps its own placeholder. runEnd is the end of the run examined.
func opaqueAt(s string, i int) (end, runEnd int) {
	var upper, lower, digit bool
	j := i
	for ; j < len(s) && (isWord(s[j]) || s[j] == '-'); j++ {
		c := s[j]
		if (c == '-' || c == '_') && j > i {
			if e, _ := guidAt(s, j+1); e > 0 {
				break
			}
		}
		upper = upper || isUpper(c)
		lower = lower || isLower(c)
		digit = digit || isDigit(c)
	}
	if j-i >= 32 && upper && lower && digit {
		return j, j
	}
	return -1, j
}

// tokenPlaceholderAt recognises "<token-N>", the placeholder of tokens, with
// at most nine digits: "<token-" followed by a GUID that became 32 digits
// is not one.
func tokenPlaceholderAt(s string, i int) int {
	const open = "<token-"
	if !strings.HasPrefix(s[i:], open) {
		return -1
	}
	j := i + len(open)
	for j < len(s) && isDigit(s[j]) && j-i-len(open) < 9 {
		j++
	}
	if j == i+len(open) || j >= len(s) || s[j] != '>' {
		return -1
	}
	return j + 1
}

func base64Run(s string, i int) int {
	for i < len(s) && (isWord(s[i]) || s[i] == '-') {
		i++
	}
	return i
}

func onlyDigits(s string) string {
	b := make([]byte, 0, len(s))
	for _, c := range []byte(s) {
		if isDigit(c) {
			b = append(b, c)
		}
	}
	return string(b)
}

// isLocal reports whether c may appear in the local part of an address.
func isLocal(c byte) bool {
	return isWord(c) || c == '.' || c == '-' || c == '+' || c == '%'
}

func isDomain(c byte) bool   { return isAlnum(c) || c == '.' || c == '-' }
func isPhoneSep(c byte) bool { return c == '-' || c == '.' || c == '(' || c == ')' }

// isToken68 reports whether c may appear in HTTP credentials (RFC 9110
// token68, without its trailing '=').
func isToken68(c byte) bool {
	return isAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/'
}
