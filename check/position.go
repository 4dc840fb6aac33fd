package check

import (
	"slices"
	"unicode/utf8"
)

// locate fills Line, Column, EndLine and EndColumn of every diagnostic from
// its byte Offset and Length, in one pass over src. Lines end at "\n",
// "\r\n" or a lone "\r", as editors count them; columns count code points
// (the "\r" of a "\r\n" counts as one, at the end of its line).
// Offsets past the input are clamped to its end.
func locate(src []byte, ds []Diagnostic) {
	if len(ds) == 0 {
		return
	}
	// Every offset to resolve, sorted, each once.
	type mark struct {
		off int
		d   *Diagnostic
		end bool
	}
	marks := make([]mark, 0, 2*len(ds))
	for i := range ds {
		d := &ds[i]
		d.Offset = clamp(d.Offset, 0, len(src))
		d.Length = clamp(d.Length, 0, len(src)-d.Offset)
		marks = append(marks, mark{d.Offset, d, false}, mark{d.Offset + d.Length, d, true})
	}
	slices.SortStableFunc(marks, func(a, b mark) int { return a.off - b.off })

	line, col, pos := 1, 1, 0
	for _, m := range marks {
		for pos < m.off {
			c := src[pos]
			switch {
			case c == '\n':
				line, col = line+1, 1
				pos++
			case c == '\r' && (pos+1 == len(src) || src[pos+1] != '\n'):
				line, col = line+1, 1
				pos++
			case c < utf8.RuneSelf:
				col++
				pos++
			default:
				_, size := utf8.DecodeRune(src[pos:])
				col++
				pos += size
			}
		}
		if m.end {
			m.d.EndLine, m.d.EndColumn = line, col
		} else {
			m.d.Line, m.d.Column = line, col
		}
	}
}

func clamp(n, lo, hi int) int {
	if n < lo {
		return lo
	}
	if n > hi {
		return hi
	}
	return n
}
