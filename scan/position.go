package scan

import (
	"encoding/binary"
	"math/bits"
	"unicode/utf8"
)

// Cursor turns byte offsets of a text into 1-based lines and columns,
// moving forward only, so that positions asked for in increasing order cost
// one pass over the text. Lines end at "\n", "\r\n" or a lone "\r", as
// editors count them; columns count code points (the "\r" of a "\r\n" is
// the last column of its line).
type Cursor struct {
	src            []byte
	pos, line, col int
}

// NewCursor starts a cursor at the beginning of src.
func NewCursor(src []byte) *Cursor {
	return &Cursor{src: src, line: 1, col: 1}
}

// At returns the line and column of byte offset off. Offsets must not
// decrease from one call to the next; an offset past the text is taken as
// its end, and one inside a character counts that character.
func (c *Cursor) At(off int) (line, col int) {
	off = min(off, len(c.src))
	for c.pos < off {
		// Thirty-two bytes at a time while they are ASCII above the line
		// breaks, as in most of a minified text: each is one column.
		for c.pos+32 <= off {
			w := c.src[c.pos : c.pos+32]
			a, b := binary.LittleEndian.Uint64(w), binary.LittleEndian.Uint64(w[8:])
			x, y := binary.LittleEndian.Uint64(w[16:]), binary.LittleEndian.Uint64(w[24:])
			if (a|b|x|y)&highs != 0 || belowCR(a)|belowCR(b)|belowCR(x)|belowCR(y) != 0 {
				break
			}
			c.col += 32
			c.pos += 32
		}
		if c.pos == off {
			break
		}
		// Eight bytes at a time while they are ASCII without a "\r": count
		// the line feeds among them, and the column is what follows the
		// last one. Anything else takes the byte loop below.
		if c.pos+8 <= off {
			x := binary.LittleEndian.Uint64(c.src[c.pos:])
			if x&highs == 0 && zeroBytes(x^'\r'*ones) == 0 {
				if lf := zeroBytes(x ^ '\n'*ones); lf != 0 {
					c.line += bits.OnesCount64(lf)
					// The last line feed is byte k; 7-k bytes follow it.
					k := (63 - bits.LeadingZeros64(lf)) / 8
					c.col = 1 + 7 - k
				} else {
					c.col += 8
				}
				c.pos += 8
				continue
			}
		}
		b := c.src[c.pos]
		switch {
		case b == '\n':
			c.line, c.col = c.line+1, 1
			c.pos++
		case b == '\r' && (c.pos+1 == len(c.src) || c.src[c.pos+1] != '\n'):
			c.line, c.col = c.line+1, 1
			c.pos++
		case b < utf8.RuneSelf:
			c.col++
			c.pos++
		default:
			_, size := utf8.DecodeRune(c.src[c.pos:])
			c.col++
			c.pos += size
		}
	}
	return c.line, c.col
}

// belowCR is not zero when a byte of x, all of whose bytes are ASCII, is at
// most '\r', and so may end a line.
func belowCR(x uint64) uint64 {
	return (x - ('\r'+1)*ones) &^ x & highs
}

// zeroBytes returns the high bit of each byte of x that is zero, and no
// other bit. Unlike the borrow trick of special8 it is exact: adding 0x7f
// to the low seven bits of a byte cannot carry into the next one.
func zeroBytes(x uint64) uint64 {
	const lows = 0x7f7f7f7f7f7f7f7f
	return ^((x&lows + lows) | x) & highs
}
