package scan

import (
	"encoding/binary"
	"slices"
	"sort"
	"unicode/utf8"
)

// Editors in the browser count positions in UTF-16 code units; the scanner
// counts bytes of UTF-8. These functions convert between the two over a
// text: a code point below U+10000 is one unit, one above it two (a
// surrogate pair), and a byte that does not start valid UTF-8 one (the
// U+FFFD a decoder shows for it). Runs of ASCII are passed eight bytes at a
// time.

// UTF16Len returns the length of b in UTF-16 code units.
func UTF16Len(b []byte) int { return BytesToUTF16(b, []int{len(b)})[0] }

func unitsOf(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// BytesToUTF16 converts byte offsets of src into UTF-16 positions, in one
// pass over src up to the largest offset. An offset inside a character
// maps to that character's start, one past the end to the end.
func BytesToUTF16(src []byte, offsets []int) []int {
	out := make([]int, len(offsets))
	b, u := 0, 0
	for _, k := range ascending(offsets) {
		want := min(max(offsets[k], 0), len(src))
	walk:
		for b < want {
			if b+8 <= want && binary.LittleEndian.Uint64(src[b:])&highs == 0 {
				b, u = b+8, u+8
				continue
			}
			if src[b] < utf8.RuneSelf {
				b, u = b+1, u+1
				continue
			}
			r, n := utf8.DecodeRune(src[b:])
			if b+n > want {
				break walk // inside this character
			}
			b, u = b+n, u+unitsOf(r)
		}
		out[k] = u
	}
	return out
}

// UTF16ToBytes converts UTF-16 positions of src into byte offsets, in one
// pass over src up to the largest position. A position that is not the
// start of a character — past the end, or between the two units of a
// surrogate pair — gives -1.
func UTF16ToBytes(src []byte, positions []int) []int {
	out := make([]int, len(positions))
	b, u := 0, 0
	for _, k := range ascending(positions) {
		want := positions[k]
	walk:
		for u < want && b < len(src) {
			if b+8 <= len(src) && u+8 <= want && binary.LittleEndian.Uint64(src[b:])&highs == 0 {
				b, u = b+8, u+8
				continue
			}
			if src[b] < utf8.RuneSelf {
				b, u = b+1, u+1
				continue
			}
			r, n := utf8.DecodeRune(src[b:])
			w := unitsOf(r)
			if u+w > want {
				break walk // between the units of a pair
			}
			b, u = b+n, u+w
		}
		out[k] = b
		if u != want {
			out[k] = -1
		}
	}
	return out
}

// ascending returns the indexes of xs in the order of their values.
func ascending(xs []int) []int {
	order := make([]int, len(xs))
	for i := range order {
		order[i] = i
	}
	if !slices.IsSorted(xs) {
		sort.Stable(byValue{order, xs})
	}
	return order
}

// byValue sorts indexes of xs by their values, with sort.Stable.
type byValue struct{ order, xs []int }

func (s byValue) Len() int           { return len(s.order) }
func (s byValue) Less(i, j int) bool { return s.xs[s.order[i]] < s.xs[s.order[j]] }
func (s byValue) Swap(i, j int)      { s.order[i], s.order[j] = s.order[j], s.order[i] }
