package check

import (
	"slices"

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
	type mark struct {
		off int
		d   *Diagnostic
		end bool
	}
	marks := make([]mark, 0, 2*len(ds))
	for i := range ds {
		d := &ds[i]
		marks = append(marks, mark{d.Offset, d, false}, mark{d.Offset + d.Length, d, true})
	}
	byOff := func(a, b mark) int { return a.off - b.off }
	if !slices.IsSortedFunc(marks, byOff) { // findings that do not overlap come in order
		slices.SortStableFunc(marks, byOff)
	}

	cur := scan.NewCursor(src)
	for _, m := range marks {
		line, col := cur.At(m.off)
		if m.end {
			m.d.EndLine, m.d.EndColumn = line, col
		} else {
			m.d.Line, m.d.Column = line, col
		}
	}
}

// inOrder reports whether each range of ds ends at or before the next one
// starts.
func inOrder(ds []Diagnostic) bool {
	for i := 1; i < len(ds); i++ {
		if ds[i-1].Offset+ds[i-1].Length > ds[i].Offset {
			return false
		}
	}
	return true
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
