package check

import (
	"encoding/binary"
	"math/bits"
)

// This file compares and hashes ids with ASCII letters taken in either
// case, eight bytes at a time: the timeline keys a track per resource of a
// callback stream, and a long stream has tens of thousands of them.

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// fold8 lower-cases the ASCII capitals among the eight bytes of x and
// leaves every other byte as it is.
func fold8(x uint64) uint64 {
	low := x &^ highs // each byte's low seven bits: adding below cannot carry
	atLeastA := low + (0x80-'A')*ones
	pastZ := low + (0x80-'Z'-1)*ones
	capitals := atLeastA &^ pastZ &^ x & highs
	return x | capitals>>2 // 0x80 >> 2 is the 0x20 between the two cases
}

// foldHash mixes s, its ASCII letters in lower case, into h.
func foldHash(h uint64, s string) uint64 {
	const mul = 0x9e3779b97f4a7c15
	for len(s) >= 8 {
		h = bits.RotateLeft64((h^fold8(binary.LittleEndian.Uint64([]byte(s[:8]))))*mul, 29)
		s = s[8:]
	}
	var tail [8]byte
	copy(tail[:], s)
	h = bits.RotateLeft64((h^fold8(binary.LittleEndian.Uint64(tail[:]))^uint64(len(s))<<56)*mul, 29)
	return h
}

// equalFoldASCII reports whether a and b are equal with ASCII letters
// taken in either case. Unlike strings.EqualFold it leaves other letters'
// cases apart, as foldHash does.
func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for len(a) >= 8 {
		if fold8(binary.LittleEndian.Uint64([]byte(a[:8]))) != fold8(binary.LittleEndian.Uint64([]byte(b[:8]))) {
			return false
		}
		a, b = a[8:], b[8:]
	}
	for i := 0; i < len(a); i++ {
		if fold8(uint64(a[i])) != fold8(uint64(b[i])) {
			return false
		}
	}
	return true
}
