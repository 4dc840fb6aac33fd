package scan

import "unicode/utf8"

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
