package scan

import "testing"

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
