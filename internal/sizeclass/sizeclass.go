// Package sizeclass rounds the capacity of large, long-lived buffers up to a
// few fixed steps, so that buffers freed after one document can be reused
// for the next one of a similar size.
//
// WebAssembly memory never shrinks. When each document of about 10 MB asks
// for a buffer a few bytes longer than the last one's, the freed buffer
// is one byte too short; the new one is carved from fresh memory, and the
// old span is left in pieces too small for the next large request. Rounding
// every request up to one of eight steps per doubling makes documents of
// similar size ask for the same capacity, for at most 12.5% of waste.
package sizeclass

// Of returns the capacity to allocate for n elements: n itself below 16,
// and otherwise the smallest m·2^k ≥ n with 8 ≤ m < 16.
func Of(n int) int {
	if n < 16 {
		return n
	}
	shift := 0
	for m := n; m >= 16; m >>= 1 {
		shift++
	}
	step := 1 << shift
	return (n + step - 1) &^ (step - 1)
}
