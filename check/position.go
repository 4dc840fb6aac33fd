package check

import (
	"sort"
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
	for i := range ds {
		d := &ds[i]
		d.Offset = clamp(d.Offset, 0, len(src))
		d.Length = clamp(d.Length, 0, len(src)-d.Offset)
	}
	if inOrder(ds) {
		// The usual case, one range after the other: no offsets to sort.
		cur := scan.NewCursor(src)
		for i := range ds {
			d := &ds[i]
			d.Line, d.Column = cur.At(d.Offset)
			d.EndLine, d.EndColumn = cur.At(d.Offset + d.Length)
		}
		return
	}
	// Every offset to resolve, sorted, each once.
	marks := make(marksByOffset, 0, 2*len(ds))
	for i := range ds {
		d := &ds[i]
		marks = append(marks, mark{d.Offset, d, 0}, mark{d.Offset + d.Length, d, 1})
		if d.related > 0 {
			d.related = clamp(d.related, 0, len(src))
			marks = append(marks, mark{d.related, d, 2})
		}
	}
	if !sort.IsSorted(marks) { // findings that do not overlap come in order
		sort.Stable(marks)
	}

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

// inOrder reports whether each range of ds ends at or before the next one
// starts, and none names a related place (which lies before it).
func inOrder(ds []Diagnostic) bool {
	for i := range ds {
		if ds[i].related > 0 || i > 0 && ds[i-1].Offset+ds[i-1].Length > ds[i].Offset {
			return false
		}
	}
	return true
}

// mark is an offset locate resolves: a finding's start, end or related
// place.
type mark struct {
	off  int
	d    *Diagnostic
	what uint8 // 0: the start, 1: the end, 2: the related place
}

// marksByOffset sorts marks by offset with sort.Stable, whose one
// implementation serves every slice type in the wasm.
type marksByOffset []mark

func (s marksByOffset) Len() int           { return len(s) }
func (s marksByOffset) Less(i, j int) bool { return s[i].off < s[j].off }
func (s marksByOffset) Swap(i, j int)      { s[i], s[j] = s[j], s[i] }

func clamp(n, lo, hi int) int {
	if n < lo {
		return lo
	}
	if n > hi {
		return hi
	}
	return n
}
