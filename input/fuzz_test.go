package input

import (
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
		if len(s.Parts) > 1 {
			t.Fatalf("got %d parts, want at most one", len(s.Parts))
		}
		for _, p := range s.Parts {
			if src[p.Offset] != '{' {
				t.Fatalf("part starts with %q, want '{'", src[p.Offset])
			}
			if f := findCode(s, "log-prefix-skipped"); f != nil && (f.Offset != 0 || f.Length != p.Offset) {
				t.Fatalf("skipped @%d+%d, want the bytes before the part at %d", f.Offset, f.Length, p.Offset)
			}
			if end := p.Offset + p.Length; end < len(src) && src[end-1] != '}' && src[end-1] != ']' {
				t.Fatalf("part stops at %d before the end without a closing bracket", end)
			}
		}
	})
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
