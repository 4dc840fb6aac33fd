package sizeclass

import "testing"

func TestOf(t *testing.T) {
	tests := []struct{ n, want int }{
		{0, 0}, {1, 1}, {15, 15},
		{16, 16}, {17, 18}, {31, 32}, {33, 36},
		{1000, 1024}, {1025, 1152},
		{10_485_402, 10_485_760}, {10_487_087, 11_534_336},
	}
	for _, tt := range tests {
		if got := Of(tt.n); got != tt.want {
			t.Errorf("Of(%d) = %d, want %d", tt.n, got, tt.want)
		}
	}
}

// TestOfBounds checks the promise for every n up to a million and a few
// large ones: never less than n, never more than an eighth above it, and
// monotonic, so a larger request never gets a smaller buffer.
func TestOfBounds(t *testing.T) {
	prev := 0
	check := func(n int) {
		c := Of(n)
		if c < n || c > n+n/8 {
			t.Fatalf("Of(%d) = %d: outside [n, n+n/8]", n, c)
		}
		if c < prev {
			t.Fatalf("Of(%d) = %d, below Of(%d) = %d", n, c, n-1, prev)
		}
		prev = c
	}
	for n := range 1_000_000 {
		check(n)
	}
	prev = 0
	for _, n := range []int{1 << 30, 1<<30 + 1, 3<<40 + 12345} {
		check(n)
	}
}
