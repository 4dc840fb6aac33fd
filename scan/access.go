package scan

import (
	"math"
	"strconv"
	"unsafe"
)

// sub returns source bytes [start, end) as a string: a slice of d.str
// without a copy, or a copy for a Doc built by hand, which has no d.str.
func (d *Doc) sub(start, end uint32) string {
	if len(d.str) == len(d.Src) && len(d.str) > 0 {
		return d.str[start:end]
	}
	return string(d.Src[start:end])
}

// Raw returns the source bytes of node i's value (a string with its quotes).
// The slice shares the source; do not modify it.
func (d *Doc) Raw(i int) []byte {
	n := &d.Nodes[i]
	return d.Src[n.Start:n.End:n.End]
}

// Text returns the decoded value of string node i, or "" when node i is not
// a string. It copies nothing unless the string holds escapes. Unknown
// escapes keep their backslash and lone surrogates read as U+FFFD; bytes
// that are not UTF-8 are kept as they are.
func (d *Doc) Text(i int) string {
	n := &d.Nodes[i]
	if n.Kind != String {
		return ""
	}
	if n.Flags&Escaped == 0 {
		return d.sub(n.Start+1, n.End-1)
	}
	return decode(d.Src[n.Start+1 : n.End-1])
}

// Key returns the decoded member name of node i, or "" when node i is not
// an object member.
func (d *Doc) Key(i int) string {
	n := &d.Nodes[i]
	if n.KeyEnd == 0 {
		return ""
	}
	if q := d.Src[n.KeyStart]; q != '"' && q != '\'' {
		return d.sub(n.KeyStart, n.KeyEnd) // a recovered unquoted name
	}
	if n.Flags&KeyEscaped == 0 {
		return d.sub(n.KeyStart+1, n.KeyEnd-1)
	}
	return decode(d.Src[n.KeyStart+1 : n.KeyEnd-1])
}

// decode returns the value of escaped string content s in one allocation.
func decode(s []byte) string {
	b := appendDecoded(make([]byte, 0, len(s)), s)
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// Member returns the index of the first member of object node obj named
// name, or -1 when there is none or obj is not an object.
func (d *Doc) Member(obj int, name string) int {
	o := &d.Nodes[obj]
	if o.Kind != Object {
		return -1
	}
	var buf []byte
	for j := uint32(obj) + 1; j < o.Next; j = d.Nodes[j].Next {
		n := &d.Nodes[j]
		q := d.Src[n.KeyStart]
		switch {
		case q != '"' && q != '\'':
			if string(d.Src[n.KeyStart:n.KeyEnd]) == name {
				return int(j)
			}
		case n.Flags&KeyEscaped == 0:
			if string(d.Src[n.KeyStart+1:n.KeyEnd-1]) == name {
				return int(j)
			}
		case int(n.KeyEnd-n.KeyStart) >= len(name): // decoding never lengthens
			buf = appendDecoded(buf[:0], d.Src[n.KeyStart+1:n.KeyEnd-1])
			if string(buf) == name {
				return int(j)
			}
		}
	}
	return -1
}

// Int returns the value of number node i when it is written as an integer
// (no fraction or exponent) that fits in an int64.
func (d *Doc) Int(i int) (int64, bool) {
	n := &d.Nodes[i]
	if n.Kind != Number {
		return 0, false
	}
	raw := d.Src[n.Start:n.End]
	var v int64
	for k, c := range raw {
		if !isDigit(c) && !(k == 0 && (c == '-' || c == '+')) {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	if len(raw) > 0 && len(raw) <= 18 && isDigit(raw[0]) {
		return v, true // no sign, and too short to overflow: strconv is slow in wasm
	}
	v, err := strconv.ParseInt(d.sub(n.Start, n.End), 10, 64)
	if err != nil {
		return 0, false
	}
	return v, true
}

// Float returns the value of number node i as the nearest float64; ok is
// false when it is beyond the float64 range (1e999) or not finite (a
// recovered NaN or Infinity).
func (d *Doc) Float(i int) (float64, bool) {
	n := &d.Nodes[i]
	if n.Kind != Number {
		return 0, false
	}
	v, err := strconv.ParseFloat(d.sub(n.Start, n.End), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// AppendPointerToken appends name to dst as one JSON Pointer (RFC 6901)
// reference token: ~ is written ~0 and / is written ~1. It does not add the
// leading '/'.
func AppendPointerToken(dst []byte, name string) []byte {
	for i := 0; i < len(name); i++ {
		switch name[i] {
		case '~':
			dst = append(dst, '~', '0')
		case '/':
			dst = append(dst, '~', '1')
		default:
			dst = append(dst, name[i])
		}
	}
	return dst
}
