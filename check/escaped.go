package check

import "unsafe"

// escaped remembers where the last few messages were written, escaped, into
// one JSON output, so that a message repeated by thousands of findings is
// escaped once and then copied. Findings that repeat share one message
// string (see memo), so a message is recognised by its address and length:
// no bytes compared, no hashing. The nil *escaped remembers nothing.
type escaped struct {
	at   [16]escapedAt
	next int // the entry of at to replace next
}

type escapedAt struct {
	p          *byte // the string's bytes
	n          int   // and its length
	start, end int   // where it is, as a JSON string, in the output
}

// append appends s as a JSON string to dst, which must be the output the
// remembered offsets point into.
func (e *escaped) append(dst []byte, s string) []byte {
	if e == nil || len(s) < 16 {
		return appendString(dst, s)
	}
	p := unsafe.StringData(s)
	for _, a := range e.at {
		if a.p == p && a.n == len(s) {
			return append(dst, dst[a.start:a.end]...)
		}
	}
	start := len(dst)
	dst = appendString(dst, s)
	e.at[e.next] = escapedAt{p, len(s), start, len(dst)}
	e.next = (e.next + 1) % len(e.at)
	return dst
}
