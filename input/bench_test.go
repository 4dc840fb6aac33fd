package input

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"opcheck/internal/benchdoc"
)

func BenchmarkParseSeed(b *testing.B) {
	src := readSeed(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(src, "")
	}
}

func BenchmarkParseTestdata(b *testing.B) {
	for _, file := range testdataInputs(b) {
		src, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(strings.TrimPrefix(file, "testdata/"), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				Parse(src, "")
			}
		})
	}
}

// adversarial are large inputs built to find super-linear paths: each is
// about size bytes of one repeated pattern.
func adversarial(size int) map[string][]byte {
	rep := func(s string) []byte { return bytes.Repeat([]byte(s), size/len(s)) }
	return map[string][]byte{
		"open braces":          rep("{"),
		"log braces":           append([]byte("x "), rep("{ a ")...),
		"unclosed strings":     append([]byte("x {"), rep(`"\`)...),
		"unclosed comments":    rep("<!-- {\n"),
		"unclosed fences":      rep("```\n"),
		"annotated fences":     rep("<!-- {\"blockType\":\"response\",\"@odata.type\":\"x\"} -->\n```\nHTTP/1.1 200 OK\n\n{}\n```\n"),
		"header lines":         append([]byte("HTTP/1.1 200 OK\n"), rep("Name: value\n")...),
		"bad header lines":     append([]byte("HTTP/1.1 200 OK\n"), rep("bad line\n")...),
		"requests":             rep("POST /v1.0/communications/calls/1/mute\n"),
		"request and response": rep("GET /v1.0/communications/calls/1/operations/2\nHTTP/1.1 200 OK\n\n{}\n"),
		"deep annotation":      append([]byte("<!-- {\"a\":"), rep("[")...),
		"long line":            append([]byte("# t\n"), rep("a")...),
		"front matter":         append([]byte("---\n"), rep("k: v\n")...),
		"bracketed prefix":     append([]byte("[x] "), rep("[")...),
		"bodies back to back":  append([]byte("x "), rep(`{"a":1}`)...),
		"cut bodies":           append([]byte("x "), rep("{\"a\":[\n")...),
		"prefixed bodies":      rep("12:00 got {\"a\":\"}\"}\n"),
		"lines in a body":      append([]byte("x {\"a\":\n"), rep("1 a {b\n")...),
	}
}

// BenchmarkParseLog splits a 10 MB bot log, a callback body per line after
// a timestamp, into its bodies: the splitter's share of checking a log.
func BenchmarkParseLog(b *testing.B) {
	src := benchdoc.Generate(benchdoc.Log, 10<<20, false, 1)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if s := Parse(src, ""); s.Form != Log || len(s.Parts) < 10000 {
			b.Fatalf("got form %q and %d parts, want a log of many", s.Form, len(s.Parts))
		}
	}
}

// BenchmarkParseLarge parses 8 MB adversarial inputs; the time per byte must
// stay flat as the size grows (compare with -benchtime and a larger size to
// see it), which shows Parse is linear.
func BenchmarkParseLarge(b *testing.B) {
	for name, src := range adversarial(8 << 20) {
		b.Run(strings.ReplaceAll(name, " ", "-"), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			for b.Loop() {
				Parse(src, "")
			}
		})
	}
}

// BenchmarkAnnotation compares reading an annotation through scan with the
// obvious alternative, encoding/json into a map, which the package avoids
// to stay small in WebAssembly.
func BenchmarkAnnotation(b *testing.B) {
	body := []byte(`{
  "blockType": "response",
  "truncated": true,
  "isCollection": false,
  "name": "get_inviteparticipantsoperation",
  "@odata.type": "microsoft.graph.inviteParticipantsOperation",
  "optionalProperties": ["clientContext", "resultInfo"]
}`)
	b.Run("annotation", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			p := &parser{src: body}
			var a annotation
			p.parseAnnotation(&a, 0, len(body))
			if a.blockType != "response" {
				b.Fatal("not read")
			}
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var m map[string]any
			if err := json.Unmarshal(body, &m); err != nil || m["blockType"] != "response" {
				b.Fatal("not read")
			}
		}
	})
}
