package check

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf16"
)

// TestSessionApplyUTF16 edits texts holding multi-byte and astral
// characters through ApplyUTF16, with changes counted in UTF-16 units as
// an editor sends them, and holds the session's text to what the same
// changes make of the UTF-16 text, and its result to Validate's.
func TestSessionApplyUTF16(t *testing.T) {
	pieces := []string{`{"value": [`, `{"id": "é-1", "status": "Running"}`, `, `, "\n", "😀", "é", "€", "a", `"`, `]}`}
	rng := rand.New(rand.NewPCG(5, 6))
	for round := 0; round < 200; round++ {
		var src strings.Builder
		for range 1 + rng.IntN(12) {
			src.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := NewSession()
		s.Check([]byte(src.String()), nil)
		units := utf16.Encode([]rune(src.String()))
		for step := 0; step < 5; step++ {
			changes, want := randomUTF16Changes(rng, units, pieces)
			r, err := s.ApplyUTF16(changes)
			if err != nil {
				t.Fatalf("round %d step %d: %v", round, step, err)
			}
			wantText := string(utf16.Decode(want))
			if got := string(s.Text()); got != wantText {
				t.Fatalf("round %d step %d: the text is %q, want %q (changes %+v)", round, step, got, wantText, changes)
			}
			if got, full := r.AppendJSON(nil), Validate([]byte(wantText), nil).AppendJSON(nil); !bytes.Equal(got, full) {
				t.Fatalf("round %d step %d: the result differs from Validate's:\n%s\n%s", round, step, got, full)
			}
			if s.ASCII() != (len(wantText) == len(want)) {
				t.Fatalf("round %d step %d: ASCII() = %v for %q", round, step, s.ASCII(), wantText)
			}
			units = want
		}
	}
}

// randomUTF16Changes makes up to three ascending changes of units, on
// whole characters, and returns them as an editor lists them (offsets in
// the text the changes before left) with the units they produce.
func randomUTF16Changes(rng *rand.Rand, units []uint16, pieces []string) ([]Change, []uint16) {
	// Character boundaries: never between the halves of a pair.
	var bounds []int
	for i := 0; i <= len(units); i++ {
		lowAfterHigh := i > 0 && i < len(units) && units[i-1] >= 0xd800 && units[i-1] < 0xdc00 && units[i] >= 0xdc00 && units[i] < 0xe000
		if !lowAfterHigh {
			bounds = append(bounds, i)
		}
	}
	var changes []Change
	var out []uint16
	from, shift := 0, 0
	for range 1 + rng.IntN(3) {
		i := rng.IntN(len(bounds))
		if bounds[i] < from {
			continue
		}
		j := i + rng.IntN(min(3, len(bounds)-i))
		a, b := bounds[i], bounds[j]
		text := ""
		if rng.IntN(3) > 0 {
			text = pieces[rng.IntN(len(pieces))]
		}
		ins := utf16.Encode([]rune(text))
		changes = append(changes, Change{Offset: a + shift, Length: b - a, Text: []byte(text)})
		out = append(out, units[from:a]...)
		out = append(out, ins...)
		from = b
		shift += len(ins) - (b - a)
	}
	return changes, append(out, units[from:]...)
}

func TestSessionApplyUTF16Refuses(t *testing.T) {
	src := `{"a": "😀x"}` // the emoji is units 7 and 8
	tests := []struct {
		name    string
		changes []Change
	}{
		{"inside a surrogate pair", []Change{{Offset: 8, Length: 0, Text: []byte("y")}}},
		{"ending inside a pair", []Change{{Offset: 6, Length: 2}}},
		{"past the end", []Change{{Offset: 12, Length: 1}}},
		{"out of order", []Change{{Offset: 5, Length: 1}, {Offset: 2, Length: 1}}},
		{"negative length", []Change{{Offset: 2, Length: -1}}},
	}
	for _, tt := range tests {
		s := NewSession()
		s.Check([]byte(src), nil)
		if _, err := s.ApplyUTF16(tt.changes); err == nil {
			t.Errorf("%s: no error", tt.name)
		}
		if got := string(s.Text()); got != src {
			t.Errorf("%s: the text became %q", tt.name, got)
		}
	}
	if _, err := NewSession().ApplyUTF16(nil); err == nil {
		t.Error("ApplyUTF16 before Check: no error")
	}
}
