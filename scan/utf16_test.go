package scan

import (
	"math/rand/v2"
	"slices"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// units16 is the reference: the UTF-16 encoding of b as a browser would
// hold it after decoding b (each invalid byte becoming one U+FFFD), with
// the byte offset at which each unit's character starts.
func units16(b []byte) (units []uint16, starts []int) {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		for _, u := range utf16.Encode([]rune{r}) {
			units = append(units, u)
			starts = append(starts, i)
		}
		i += n
	}
	return units, starts
}

var utf16Pieces = []string{"abcdefgh", "a", " ", "\n", "é", "€", "😀", "\xff", "\xe2\x82", "xxxxxxxxxxxxxxxxxxxx"}

func randomText(rng *rand.Rand) []byte {
	var b []byte
	for range rng.IntN(30) {
		b = append(b, utf16Pieces[rng.IntN(len(utf16Pieces))]...)
	}
	return b
}

func TestUTF16Conversions(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for round := 0; round < 500; round++ {
		src := randomText(rng)
		units, starts := units16(src)
		if got := UTF16Len(src); got != len(units) {
			t.Fatalf("UTF16Len(%q) = %d, want %d", src, got, len(units))
		}
		// Every byte offset, in a shuffled order.
		offsets := rng.Perm(len(src) + 3)
		got := BytesToUTF16(src, offsets)
		for i, off := range offsets {
			// The first unit of the character holding byte off; the end
			// for an offset at or past it.
			want := len(units)
			if off < len(src) {
				for u := len(units) - 1; u >= 0; u-- {
					if starts[u] <= off && (u == 0 || starts[u-1] != starts[u]) {
						want = u
						break
					}
				}
			}
			if got[i] != want {
				t.Fatalf("BytesToUTF16(%q, %d) = %d, want %d", src, off, got[i], want)
			}
		}
		// Every UTF-16 position, shuffled, and one past the end.
		positions := rng.Perm(len(units) + 2)
		gotB := UTF16ToBytes(src, positions)
		for i, pos := range positions {
			want := -1
			switch {
			case pos == len(units):
				want = len(src)
			case pos < len(units) && (pos == 0 || starts[pos-1] != starts[pos]):
				want = starts[pos]
			}
			if gotB[i] != want {
				t.Fatalf("UTF16ToBytes(%q, %d) = %d, want %d", src, pos, gotB[i], want)
			}
		}
		if !slices.Equal(BytesToUTF16(src, nil), []int{}) {
			t.Fatal("BytesToUTF16 of no offsets is not empty")
		}
	}
}

// FuzzUTF16 converts every offset of arbitrary bytes, valid UTF-8 or not,
// both ways: nothing may panic, positions never decrease as offsets grow,
// the start of each character (as utf8.DecodeRune cuts them) survives the
// round trip, and an offset inside a character comes back as its start.
func FuzzUTF16(f *testing.F) {
	for _, s := range utf16Pieces {
		f.Add([]byte(s + "x" + s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		offsets := make([]int, len(src)+3)
		for i := range offsets {
			offsets[i] = i - 1 // from -1 to two past the end
		}
		pos := BytesToUTF16(src, offsets)
		n := UTF16Len(src)
		for i := 1; i < len(pos); i++ {
			if pos[i] < pos[i-1] || pos[i] > n {
				t.Fatalf("%q: positions %v are not increasing within [0, %d]", src, pos, n)
			}
		}
		back := UTF16ToBytes(src, pos)
		start := 0 // the start of the character holding the offset
		for i, off := range offsets {
			if off < 0 || off > len(src) {
				continue
			}
			if off == len(src) || off == start+runeLen(src[start:]) {
				start = off
			}
			if back[i] != start {
				t.Fatalf("%q: offset %d -> position %d -> offset %d, want %d", src, off, pos[i], back[i], start)
			}
		}
	})
}

// runeLen is how many bytes utf8.DecodeRune takes at the start of b.
func runeLen(b []byte) int {
	_, n := utf8.DecodeRune(b)
	return n
}
