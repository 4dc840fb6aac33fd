package input

import (
	"bytes"
	"os"
	"reflect"
	"slices"
	"testing"
)

// addSeeds adds every testdata input, the seed docs page when it is there,
// and a few edge cases to a fuzz corpus.
func addSeeds(f *testing.F) {
	for _, file := range testdataInputs(f) {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	if b, err := os.ReadFile(seedPath); err == nil {
		f.Add(b)
	}
	for _, s := range []string{
		"", "{", "[", "HTTP/", "HTTP/1.1 200", "GET /", "<!--", "<!-- {", "```", "~~~\n", "---\n",
		"POST /v1.0/communications/calls/1/mute\nHTTP/1.1 200 OK\n{}",
		"<!-- { \"blockType\": \"response\", \"truncated\": \"true\" } -->\n```\nHTTP/1.1 200 OK\nContent-Length: 1\n\n{}\n```",
		"x {\"a\":\"\\", "[x] {\"a\":[}",
		// Many bodies: JSON Lines, back to back, prefixed, pretty, cut off.
		"{\"a\":1}\n{\"b\":2}\n", "{\"a\":1}{\"b\":2}", "{\"a\":[{\"b\":1}\n{\"c\":2}",
		"2026-03-01T10:00:00Z INFO got: {\"a\":\"x\n[12:00:01] got {\"b\":\"}{\"}\r\n",
		"t0 got:\n{\n  \"a\": {\n}\n{\n  \"b\": 2\n}\nt1 done\n", "{\"a\":\"\\\n{\"b\":1}",
	} {
		f.Add([]byte(s))
	}
}

// splitOf runs one stage of the parser alone and returns what it found.
func splitOf(src []byte, stage func(*parser)) Split {
	p := &parser{src: src}
	stage(p)
	slices.SortStableFunc(p.findings, func(a, b Finding) int { return a.Offset - b.Offset })
	return Split{Parts: p.parts, Findings: p.findings}
}

// checkDeterministic asserts that parsing the same input twice gives the
// same result.
func checkDeterministic(t *testing.T, a, b Split) {
	t.Helper()
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("two runs on the same input differ:\n%+v\n%+v", a, b)
	}
}

func FuzzParse(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, force := range []Form{"", JSON, HTTP, Markdown, Log} {
			s := Parse(src, force)
			checkInvariants(t, src, s)
			checkDeterministic(t, s, Parse(src, force))
			if force != "" && s.Form != force {
				t.Fatalf("got form %q, want the forced %q", s.Form, force)
			}
			if len(s.Parts) == 0 && findCode(s, "no-json") == nil {
				t.Fatalf("form %q: no parts and no no-json finding", force)
			}
			if f := findFixAny(s); f != nil {
				fixed := applyFix(src, f.Fix)
				checkInvariants(t, fixed, Parse(fixed, force))
			}
		}
	})
}

func FuzzHTTP(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		run := func(p *parser) { p.httpMessages(0, len(src), nil) }
		s := splitOf(src, run)
		checkInvariants(t, src, s)
		checkDeterministic(t, s, splitOf(src, run))
		for _, p := range s.Parts {
			if p.HTTP == nil {
				t.Fatalf("part %+v has no HTTP message", p)
			}
			if n := p.Length; n > 0 && (src[p.Offset+n-1] == '\n' || src[p.Offset+n-1] == '\r') {
				t.Fatalf("body @%d+%d ends with a line break", p.Offset, n)
			}
		}
	})
}

func FuzzMarkdown(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		run := func(p *parser) { p.markdown() }
		s := splitOf(src, run)
		checkInvariants(t, src, s)
		checkDeterministic(t, s, splitOf(src, run))
		for _, p := range s.Parts {
			if p.Block == nil {
				t.Fatalf("part %+v has no block", p)
			}
		}
	})
}

func FuzzLogPrefix(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		run := func(p *parser) { p.log() }
		s := splitOf(src, run)
		checkInvariants(t, src, s)
		checkDeterministic(t, s, splitOf(src, run))
		cuts := map[int]int{} // where a cut-off body ends: where the next starts
		for _, f := range s.Findings {
			if f.Code == CodeBodyCut {
				cuts[f.Offset] = f.Offset + f.Length
			}
		}
		for i, p := range s.Parts {
			if p.Length == 0 || src[p.Offset] != '{' {
				t.Fatalf("part %d @%d+%d does not start with '{'", i, p.Offset, p.Length)
			}
			if i > 0 && !opensObject(src, p.Offset) {
				t.Fatalf("part %d @%d starts with a '{' that opens no object", i, p.Offset)
			}
			if f := findCode(s, "log-prefix-skipped"); i == 0 && f != nil && (f.Offset != 0 || f.Length != p.Offset) {
				t.Fatalf("skipped @%d+%d, want the bytes before the part at %d", f.Offset, f.Length, p.Offset)
			}
			end := p.Offset + p.Length
			next, cut := cuts[end]
			switch {
			case cut && (i+1 == len(s.Parts) || s.Parts[i+1].Offset != next):
				t.Fatalf("part %d is cut at %d, but the next part does not start at %d", i, end, next)
			case cut && bytes.IndexByte(src[end:next], '\n') < 0:
				t.Fatalf("part %d is cut at %d with no line break before the next body", i, end)
			case !cut && end < len(src) && src[end-1] != '}' && src[end-1] != ']':
				t.Fatalf("part %d stops at %d before the end without a closing bracket", i, end)
			}
		}
		if len(cuts) > len(s.Parts) {
			t.Fatalf("%d cut findings for %d parts", len(cuts), len(s.Parts))
		}
		for i := range src {
			if src[i] != '{' {
				continue
			}
			end, next := bodyEnd(src, i)
			if wantEnd, wantNext := slowBodyEnd(src, i); end != wantEnd || next != wantNext {
				t.Fatalf("bodyEnd(%d) = %d, %d; the byte-by-byte reading gives %d, %d", i, end, next, wantEnd, wantNext)
			}
		}
	})
}

// slowBodyEnd is bodyEnd written the obvious way, a byte at a time, to
// check the faster one against.
func slowBodyEnd(src []byte, start int) (end, next int) {
	depth, inString := 0, false
	for i := start; i < len(src); i++ {
		switch c := src[i]; {
		case c == '\n':
			inString = false
			if b := bodyLine(src, i+1); b >= 0 {
				end := i
				if src[end-1] == '\r' {
					end--
				}
				return trimRightBlank(src, start, end), b
			}
		case inString && c == '\\':
			if i+1 < len(src) && src[i+1] != '\n' {
				i++
			}
		case c == '"':
			inString = !inString
		case inString:
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			if depth--; depth <= 0 {
				return i + 1, -1
			}
		}
	}
	return len(src), -1
}

// findFixAny returns the first finding that has a fix, or nil.
func findFixAny(s Split) *Finding {
	for i := range s.Findings {
		if s.Findings[i].Fix != nil {
			return &s.Findings[i]
		}
	}
	return nil
}
