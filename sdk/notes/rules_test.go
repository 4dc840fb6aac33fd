package notes

import (
	"flag"
	"os"
	"regexp"
	"strings"
	"testing"

	"opcheck/check"
	"opcheck/sdk"
)

var update = flag.Bool("update", false, "rewrite docs/rules.md's SDK paragraphs and testdata/corpus.golden")

// sdkDocLead starts the paragraph of docs/rules.md that says, under a
// rule's example, what each SDK makes of it.
const sdkDocLead = "What the Graph SDKs make of this example:\n"

// TestRulesSDK keeps, under each example of docs/rules.md whose finding
// carries SDK notes, a paragraph listing them, and none elsewhere;
// go test ./sdk/notes -update rewrites the paragraphs. Examples that do
// not produce their code (the built and untestable ones check's
// TestRulesExamples skips) get none.
func TestRulesSDK(t *testing.T) {
	data, err := os.ReadFile("../../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	heading := regexp.MustCompile("(?m)^### `([a-z0-9-]+)`\n")
	locs := heading.FindAllStringSubmatchIndex(doc, -1)
	var b strings.Builder
	b.WriteString(doc[:locs[0][0]])
	withNotes := 0
	for i, loc := range locs {
		end := len(doc)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		code, section := doc[loc[2]:loc[3]], doc[loc[0]:end]
		section = dropSDKParagraph(section)
		lang, text, _, ok := firstBlock(section[loc[1]-loc[0]:])
		var notes *check.SDKNotes
		if ok {
			if lang == "json" {
				text = strings.TrimSuffix(text, "\n")
			}
			if d := find(validate(text), code); d != nil {
				notes = d.SDK
			}
		}
		if notes != nil {
			withNotes++
			section = insertAfterBlock(section, sdkParagraph(notes))
		}
		b.WriteString(section)
	}
	got := b.String()
	if withNotes < 8 {
		t.Errorf("only %d rules show SDK consequences; the examples of enum-case, wrong-type, out-of-range, unknown-property, ... should", withNotes)
	}
	if got == doc {
		return
	}
	if *update {
		if err := os.WriteFile("../../docs/rules.md", []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Error("docs/rules.md's SDK paragraphs are out of date: run go test ./sdk/notes -update and read the diff")
}

// sdkParagraph lists n, one SDK a line.
func sdkParagraph(n *check.SDKNotes) string {
	var b strings.Builder
	b.WriteString(sdkDocLead)
	for _, l := range sdk.Langs() {
		if s := Get(n, l); s != "" {
			b.WriteString("- " + l.String() + ": " + s + "\n")
		}
	}
	return b.String()
}

// dropSDKParagraph removes a section's SDK paragraph and the blank line
// before it.
func dropSDKParagraph(section string) string {
	i := strings.Index(section, "\n"+sdkDocLead)
	if i < 0 {
		return section
	}
	j := strings.Index(section[i+1:], "\n\n")
	if j < 0 {
		return section[:i+1]
	}
	return section[:i] + section[i+1+j+1:]
}

// insertAfterBlock puts p, as a paragraph, after the section's first
// fenced block.
func insertAfterBlock(section, p string) string {
	_, _, end, ok := firstBlock(section)
	if !ok || end < 0 {
		return section
	}
	return section[:end] + "\n" + p + section[end:]
}

// firstBlock returns the language and content of the first fenced block of
// a Markdown section (a block ends at a line that is exactly its fence),
// and the offset just after its closing line (-1 for an unclosed block).
func firstBlock(section string) (lang, text string, end int, ok bool) {
	lines := strings.SplitAfter(section, "\n")
	at := 0
	for i, l := range lines {
		at += len(l)
		if !strings.HasPrefix(l, "```") {
			continue
		}
		line := strings.TrimSuffix(l, "\n")
		fence := line[:len(line)-len(strings.TrimLeft(line, "`"))]
		for j := i + 1; j < len(lines); j++ {
			at += len(lines[j])
			if strings.TrimSuffix(lines[j], "\n") == fence {
				return line[len(fence):], strings.Join(lines[i+1:j], ""), at, true
			}
		}
		return line[len(fence):], strings.Join(lines[i+1:], ""), -1, true
	}
	return "", "", -1, false
}
