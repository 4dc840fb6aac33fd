package check

import "unsafe"

// strs hands out short strings copied into shared blocks: every finding
// and object carries its own JSON Pointer, and one allocation per block of
// them is much cheaper than one per pointer, above all in wasm. A block's
// bytes are written once, before the string that shows them exists, and
// never again, so the strings are as immutable as any other.
type strs struct {
	block []byte
}

// strsBlock is the size of a block; longer strings get their own
// allocation.
const strsBlock = 8 << 10

// of returns b as a string.
func (a *strs) of(b []byte) string {
	if len(b) == 0 || len(b) > strsBlock/8 {
		return string(b)
	}
	if cap(a.block)-len(a.block) < len(b) {
		a.block = make([]byte, 0, strsBlock)
	}
	start := len(a.block)
	a.block = append(a.block, b...)
	return unsafe.String(&a.block[start], len(b))
}
