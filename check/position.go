package check

import (
	"slices"
	"strconv"
	"strings"

	"opcheck/scan"
)

// locate fills Line, Column, EndLine and EndColumn of every diagnostic from
// its byte Offset and Length, in one pass over src (lines and columns as
// scan.Cursor counts them). Offsets past the input are clamped to its end.
func locate(src []byte, ds []Diagnostic) {
	if len(ds) == 0 {
		return
	}
	// Every offset to resolve, sorted, each once.
	type mark struct {
		off  int
		d    *Diagnostic
		what uint8 // 0: the start, 1: the end, 2: the related place
	}
	marks := make([]mark, 0, 2*len(ds))
	for i := range ds {
		d := &ds[i]
		d.Offset = clamp(d.Offset, 0, len(src))
		d.Length = clamp(d.Length, 0, len(src)-d.Offset)
		marks = append(marks, mark{d.Offset, d, 0}, mark{d.Offset + d.Length, d, 1})
		if d.related > 0 {
			d.related = clamp(d.related, 0, len(src))
			marks = append(marks, mark{d.related, d, 2})
		}
	}
	slices.SortStableFunc(marks, func(a, b mark) int { return a.off - b.off })

	cur := scan.NewCursor(src)
	for _, m := range marks {
		line, col := cur.At(m.off)
		switch m.what {
		case 0:
			m.d.Line, m.d.Column = line, col
		case 1:
			m.d.EndLine, m.d.EndColumn = line, col
		default:
			m.d.relLine, m.d.relCol = line, col
			placeFirst(m.d)
		}
	}
}

// placeFirst writes into a duplicate-key message the line and column of
// the first member of the name, replacing the ones it names already.
func placeFirst(d *Diagnostic) {
	i := strings.Index(d.Message, scan.DuplicateKeyPlace)
	if i < 0 {
		return
	}
	i += len(scan.DuplicateKeyPlace)
	rest := d.Message[i:]
	if strings.HasPrefix(rest, firstAt) {
		rest = rest[strings.IndexByte(rest, ')')+1:]
	}
	d.Message = d.Message[:i] + firstAt + strconv.Itoa(d.relLine) + ", column " + strconv.Itoa(d.relCol) + ")" + rest
}

const firstAt = " (first at line "

func clamp(n, lo, hi int) int {
	if n < lo {
		return lo
	}
	if n > hi {
		return hi
	}
	return n
}
