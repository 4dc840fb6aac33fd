package scan

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

func TestCursor(t *testing.T) {
	src := []byte("a\r\nbé\rc\n😀x")
	tests := []struct {
		off               int
		wantLine, wantCol int
	}{
		{0, 1, 1},
		{1, 1, 2}, // the "\r" of "\r\n" ends line 1
		{3, 2, 1},
		{4, 2, 2},
		{6, 2, 3}, // after the two-byte é
		{7, 3, 1}, // a lone "\r" ends a line too
		{9, 4, 1},
		{13, 4, 2}, // after the four-byte emoji
		{99, 4, 3}, // past the end: the end
	}
	c := NewCursor(src)
	for _, tt := range tests {
		if line, col := c.At(tt.off); line != tt.wantLine || col != tt.wantCol {
			t.Errorf("At(%d) = %d:%d, want %d:%d", tt.off, line, col, tt.wantLine, tt.wantCol)
		}
	}
}

// TestCursorAgreesWithByteLoop compares At with a plain count of lines and
// code points, from every starting rhythm of offsets, on texts mixing long
// ASCII runs (the eight-byte path) with line feeds, "\r\n", lone "\r",
// non-ASCII and invalid bytes.
func TestCursorAgreesWithByteLoop(t *testing.T) {
	pieces := []string{"abcdefgh", "abcdefghijklmnopqrstuvwxyz0123456789", "\t", "\x0e", "\n", "\r\n", "\r", "é", "😀", "\xff", "  ", "{\"key\": 1,\n", "xxxxxxxxxxxxxxxxxxxxxxx"}
	rng := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 300; round++ {
		var b []byte
		for range rng.IntN(40) {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		step := 1 + rng.IntN(17)
		if round%3 == 0 {
			step = 1 + rng.IntN(120) // long strides, for the 32-byte path
		}
		c := NewCursor(b)
		for off := 0; off <= len(b)+1; off += step {
			line, col := c.At(off)
			wantLine, wantCol := slowPosition(b, off)
			if line != wantLine || col != wantCol {
				t.Fatalf("text %q, step %d: At(%d) = %d:%d, want %d:%d", b, step, off, line, col, wantLine, wantCol)
			}
		}
	}
}

// slowPosition is the line and column of off by the definition: lines end
// at "\n", "\r\n" or a lone "\r"; columns count code points, and an offset
// inside a character counts that character.
func slowPosition(src []byte, off int) (line, col int) {
	line, col = 1, 1
	for i := 0; i < min(off, len(src)); {
		switch {
		case src[i] == '\n', src[i] == '\r' && (i+1 == len(src) || src[i+1] != '\n'):
			line, col = line+1, 1
			i++
		default:
			_, n := utf8.DecodeRune(src[i:])
			col++
			i += n
		}
	}
	return line, col
}
