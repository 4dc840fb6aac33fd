package main

import (
	"strings"
	"testing"
)

func TestNegotiate(t *testing.T) {
	all := [numEncodings]bool{true, true, true}
	noBr := [numEncodings]bool{true, false, true}
	none := [numEncodings]bool{true, false, false}
	tests := []struct {
		name   string
		values []string
		have   [numEncodings]bool
		want   encoding
	}{
		{"no header", nil, all, identity},
		{"empty header", []string{""}, all, identity},
		{"brotli wins a tie", []string{"gzip, br"}, all, encBrotli},
		{"brotli alone", []string{"br"}, all, encBrotli},
		{"gzip alone", []string{"gzip"}, all, encGzip},
		{"x-gzip", []string{"x-gzip"}, all, encGzip},
		{"brotli refused", []string{"br;q=0, gzip"}, all, encGzip},
		{"brotli refused with spaces", []string{"br ; q=0 , gzip"}, all, encGzip},
		{"brotli refused as 0.000", []string{"br;q=0.000, gzip;q=0.001"}, all, encGzip},
		{"higher q wins", []string{"br;q=0.2, gzip;q=0.9"}, all, encGzip},
		{"brotli ranked higher", []string{"br;q=0.9, gzip;q=0.2"}, all, encBrotli},
		{"everything refused", []string{"br;q=0, gzip;q=0"}, all, identity},
		{"star allows brotli", []string{"*"}, all, encBrotli},
		{"star refuses what is unnamed", []string{"*;q=0, gzip"}, all, encGzip},
		{"star below a named coding", []string{"gzip;q=0.5, *;q=0.1"}, all, encGzip},
		{"star gives unnamed gzip its weight", []string{"br;q=0.1, *;q=0.5"}, noBr, encGzip},
		{"identity preferred", []string{"identity, gzip;q=0.5"}, all, identity},
		{"identity equal loses", []string{"identity, gzip"}, all, encGzip},
		{"identity refused but nothing else", []string{"identity;q=0"}, all, identity},
		{"unknown codings", []string{"zstd, deflate, compress"}, all, identity},
		{"brotli asked, not available", []string{"br"}, noBr, identity},
		{"both asked, only gzip available", []string{"br, gzip"}, noBr, encGzip},
		{"nothing available", []string{"br, gzip"}, none, identity},
		{"several header lines", []string{"gzip;q=0.5", "br"}, all, encBrotli},
		{"first mention wins", []string{"br;q=0, br"}, all, identity},
		{"malformed q refuses", []string{"br;q=abc, gzip"}, all, encGzip},
		{"q above one refuses", []string{"br;q=2"}, all, identity},
		{"q with four decimals refuses", []string{"br;q=0.5555"}, all, identity},
		{"negative q refuses", []string{"br;q=-1"}, all, identity},
		{"upper-case names", []string{"GZIP;Q=0.5, Br;q=0.4"}, all, encGzip},
		{"other parameters ignored", []string{"br;level=3;q=0.3, gzip;q=0.2"}, all, encBrotli},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := negotiate(tt.values, tt.have); got != tt.want {
				t.Errorf("negotiate(%q) = %q, want %q", tt.values, got.token(), tt.want.token())
			}
		})
	}
}

func TestParseQ(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  int
	}{
		{"absent", "", 1000},
		{"one", "q=1", 1000},
		{"one point zero", "q=1.000", 1000},
		{"half", "q=0.5", 500},
		{"three decimals", "q=0.125", 125},
		{"zero", "q=0", 0},
		{"spaces", " q = 0.8 ", 800},
		{"upper case name", "Q=0.3", 300},
		{"not a number", "q=x", 0},
		{"too large", "q=1.5", 0},
		{"leading dot", "q=.5", 0},
		{"empty value", "q=", 0},
		{"other parameter only", "level=9", 1000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := parseQ(tt.input); got != tt.want {
				t.Errorf("parseQ(%q) = %d, want %d", tt.input, got, tt.want)
			}
		})
	}
}

// FuzzNegotiate checks that any header gives a representation the asset
// has, and never one the header refuses by name with q=0.
func FuzzNegotiate(f *testing.F) {
	for _, s := range []string{"", "br", "gzip, deflate, br, zstd", "br;q=0, gzip", "*;q=0", "identity;q=0, *",
		"br;q=0.5555", "gzip;q=1.0, br;q=0.999", ",,;;=q", "br;q=0;q=1"} {
		f.Add(s, true, true)
	}
	f.Fuzz(func(t *testing.T, header string, haveBr, haveGz bool) {
		have := [numEncodings]bool{true, haveBr, haveGz}
		got := negotiate([]string{header}, have)
		if !have[got] {
			t.Fatalf("negotiate(%q) = %q, which the asset does not have", header, got.token())
		}
		w := parseAcceptEncoding([]string{header})
		if got == encBrotli && w.br == 0 || got == encGzip && w.gzip == 0 {
			t.Fatalf("negotiate(%q) = %q, which the header refuses", header, got.token())
		}
		if got != identity && !strings.Contains(strings.ToLower(header), got.token()[:1]) && w.star <= 0 {
			t.Fatalf("negotiate(%q) = %q, which the header neither names nor allows by *", header, got.token())
		}
	})
}
