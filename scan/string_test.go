package scan

import (
	"encoding/binary"
	"math/rand/v2"
	"testing"
)

// special8 must agree with the byte table for every word: a word with a
// byte that needs a look is never skipped, and a plain word always is.
func TestSpecial8(t *testing.T) {
	check := func(w [8]byte) {
		t.Helper()
		want := false
		for _, c := range w {
			want = want || !plain[c]
		}
		if got := special8(binary.LittleEndian.Uint64(w[:])); got != want {
			t.Fatalf("special8(%q): got %v, want %v", w[:], got, want)
		}
	}
	// Each byte value at each position, among fillers next to the special
	// values (just above 0x20, around the quotes and the backslash, 0x7f).
	for _, fill := range []byte{'a', ' ', '!', '#', '&', '(', '[', ']', 0x7f} {
		for v := range 256 {
			for k := range 8 {
				var w [8]byte
				for i := range w {
					w[i] = fill
				}
				w[k] = byte(v)
				check(w)
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		var w [8]byte
		for i := range w {
			w[i] = byte(0x20 + r.IntN(0x60)) // mostly plain
			if r.IntN(16) == 0 {
				w[i] = byte(r.IntN(256))
			}
		}
		check(w)
	}
}
