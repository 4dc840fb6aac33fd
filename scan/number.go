package scan

// number scans the number at p.pos. It recovers from the forms JSON does not
// allow but whose value is plain (01, +1, .5, 1., 1e, NaN, Infinity), and
// fails on anything else that is no value.
func (p *parser) number() bool {
	src := p.src
	n := len(src)
	start := p.pos
	c := src[start]
	if c != '-' && c != '+' && c != '.' && c != 'N' && c != 'I' && !isDigit(c) {
		p.failFound(expectedValue, "")
		return false
	}
	i := start
	neg, plus := c == '-', c == '+'
	if neg || plus {
		i++
	}
	if i < n && (src[i] == 'N' || src[i] == 'I') {
		j := i
		for j < n && isWordByte(src[j]) {
			j++
		}
		if w := string(src[i:j]); w == "NaN" || w == "Infinity" {
			p.issue(SeverityError, CodeInvalidNumber, "'"+string(src[start:j])+"' is not a JSON number: JSON has no NaN or Infinity (use null, or a string if the API takes one)",
				start, j-start, nil)
			p.add(Number, start, j, 0)
			p.pos = j
			return true
		}
		if i == start {
			p.failFound(expectedValue, "")
			return false
		}
	}
	intStart := i
	for i < n && isDigit(src[i]) {
		i++
	}
	intDigits := i - intStart
	dot, fracDigits := -1, 0
	if i < n && src[i] == '.' {
		dot = i
		i++
		for i < n && isDigit(src[i]) {
			i++
		}
		fracDigits = i - dot - 1
	}
	if intDigits == 0 && fracDigits == 0 {
		if i == start+1 && c == '.' || i == start {
			p.failFound(expectedValue, "")
		} else {
			p.pos = i
			p.failFound("expected a digit after '"+string(src[start:i])+"'", "")
		}
		return false
	}
	exp, expDigits := -1, 0
	if i < n && (src[i] == 'e' || src[i] == 'E') {
		exp = i
		i++
		if i < n && (src[i] == '+' || src[i] == '-') {
			i++
		}
		d := i
		for i < n && isDigit(src[i]) {
			i++
		}
		expDigits = i - d
	}
	p.add(Number, start, i, 0)
	p.pos = i

	var problem string
	switch {
	case plus:
		problem = "JSON numbers have no '+' sign"
	case intDigits == 0:
		problem = "JSON numbers need a digit before the decimal point"
	case intDigits > 1 && src[intStart] == '0':
		problem = "JSON numbers do not start with 0 unless they are 0 or 0.something"
	case dot >= 0 && fracDigits == 0:
		problem = "JSON numbers need a digit after the decimal point"
	case exp >= 0 && expDigits == 0:
		problem = "its exponent '" + string(src[exp:i]) + "' has no digits"
	default:
		return true
	}
	// The fix: the same value written as JSON.
	b := make([]byte, 0, i-start+1)
	if neg {
		b = append(b, '-')
	}
	digits := src[intStart : intStart+intDigits]
	for len(digits) > 1 && digits[0] == '0' {
		digits = digits[1:]
	}
	if len(digits) == 0 {
		digits = []byte{'0'}
	}
	b = append(b, digits...)
	if fracDigits > 0 {
		b = append(b, src[dot:dot+1+fracDigits]...)
	}
	if expDigits > 0 {
		b = append(b, src[exp:i]...)
	}
	fixed := string(b)
	p.issue(SeverityError, CodeInvalidNumber, "the number "+shorten(src[start:i])+" is not valid JSON: "+problem, start, i-start,
		&Edit{Title: "Write it as " + shorten(b), Offset: start, Length: i - start, Replacement: fixed})
	return true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
