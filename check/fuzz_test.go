package check

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"unicode/utf8"
)

// FuzzValidate feeds the whole validator arbitrary input, seeded with the
// corpus, and checks what every result must satisfy.
func FuzzValidate(f *testing.F) {
	paths, _ := filepath.Glob("testdata/corpus/*/*")
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b, false)
		}
	}
	f.Add([]byte(`{"value": [{"changeType": "updated", "resourceUrl": "/x/operations/a", "resourceData": {"id": "b"}}]}`), true)
	f.Add([]byte("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"), false)
	f.Add([]byte("{\"id\":\"a\",\"status\":\"Running\"}\n{\"id\":\"b\",\"sta\n10:00 got {\"id\":\"c\"}{\"id\":1}\n"), false)
	f.Fuzz(func(t *testing.T, src []byte, beta bool) {
		opts := &Options{}
		if beta {
			opts.API = "beta"
		}
		r := Validate(src, opts)
		checkInvariants(t, src, r)
		if again := Validate(src, opts); !bytes.Equal(r.AppendJSON(nil), again.AppendJSON(nil)) {
			t.Fatal("two runs on the same input differ")
		}
	})
}

// checkInvariants asserts what holds for every result: ranges inside the
// input, positions that agree with the offsets, known severities, fixes
// inside the input, and JSON output that is valid UTF-8.
func checkInvariants(t *testing.T, src []byte, r *Result) {
	t.Helper()
	if r == nil || r.Objects == nil || r.Diagnostics == nil {
		t.Fatal("nil result or nil slices")
	}
	var offsets []int
	for _, d := range r.Diagnostics {
		if d.Offset < 0 || d.Length < 0 || d.Offset+d.Length > len(src) {
			t.Fatalf("%s: range [%d+%d] outside the %d-byte input", d.Code, d.Offset, d.Length, len(src))
		}
		offsets = append(offsets, d.Offset, d.Offset+d.Length)
	}
	at := positions(src, offsets)
	for _, d := range r.Diagnostics {
		if p := at[d.Offset]; p != [2]int{d.Line, d.Column} {
			t.Fatalf("%s: start %d:%d, but offset %d is at %d:%d", d.Code, d.Line, d.Column, d.Offset, p[0], p[1])
		}
		if p := at[d.Offset+d.Length]; p != [2]int{d.EndLine, d.EndColumn} {
			t.Fatalf("%s: end %d:%d, but offset %d is at %d:%d", d.Code, d.EndLine, d.EndColumn, d.Offset+d.Length, p[0], p[1])
		}
		if d.Severity != Error && d.Severity != Warning && d.Severity != Info {
			t.Fatalf("%s: severity %q", d.Code, d.Severity)
		}
		if d.Code == "" || d.Message == "" {
			t.Fatalf("a diagnostic without code or message: %+v", d)
		}
		if f := d.Fix; f != nil && (f.Offset < 0 || f.Length < 0 || f.Offset+f.Length > len(src)) {
			t.Fatalf("%s: fix range [%d+%d] outside the input", d.Code, f.Offset, f.Length)
		}
	}
	if !utf8.Valid(r.AppendJSON(nil)) {
		t.Fatal("the JSON output is not valid UTF-8")
	}
}

// positions is the reference for locate: a slow, obvious count of lines and
// code points up to each offset, with "\r\n", "\n" and a lone "\r" ending
// lines; an offset inside a character counts that character.
func positions(src []byte, offsets []int) map[int][2]int {
	sorted := slices.Clone(offsets)
	slices.Sort(sorted)
	at := make(map[int][2]int, len(sorted))
	line, col, i := 1, 1, 0
	for _, off := range sorted {
		for i < off {
			switch {
			case src[i] == '\n':
				line, col = line+1, 1
				i++
			case src[i] == '\r' && (i+1 >= len(src) || src[i+1] != '\n'):
				line, col = line+1, 1
				i++
			default:
				_, size := utf8.DecodeRune(src[i:])
				col++
				i += size
			}
		}
		at[off] = [2]int{line, col}
	}
	return at
}
