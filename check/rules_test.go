package check

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// ruleExample is one "### `code`" section of docs/rules.md with the first
// code block under it.
type ruleExample struct {
	code, lang, text string
	hasExample       bool
}

func readRules(t *testing.T) []ruleExample {
	t.Helper()
	doc, err := os.ReadFile("../docs/rules.md")
	if err != nil {
		t.Fatal(err)
	}
	heading := regexp.MustCompile("(?m)^### `([a-z0-9-]+)`\n")
	locs := heading.FindAllSubmatchIndex(doc, -1)
	var rules []ruleExample
	for i, loc := range locs {
		end := len(doc)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		r := ruleExample{code: string(doc[loc[2]:loc[3]])}
		r.lang, r.text, r.hasExample = firstBlock(string(doc[loc[1]:end]))
		rules = append(rules, r)
	}
	if len(rules) < 40 {
		t.Fatalf("docs/rules.md lists %d codes; the headings must read ### `code`", len(rules))
	}
	return rules
}

// builtExamples are the rules whose example is too big or too odd to print.
var builtExamples = map[string]string{
	"too-deep":          strings.Repeat("[", 100000),
	"too-many-issues":   "[" + strings.Repeat("[1,],", 5000) + "1]",
	"too-many-findings": manyUnknownMembers(MaxFindings + 1),
}

// manyUnknownMembers is an operation with n members it does not declare.
func manyUnknownMembers(n int) string {
	var b strings.Builder
	b.WriteString(`{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "a", "status": "Running"`)
	for i := range n {
		b.WriteString(`, "k` + strconv.Itoa(i) + `": 1`)
	}
	return b.String() + "}"
}

// untestedByExample lists documented codes no example input can produce,
// and why; each is tested where it can be.
var untestedByExample = map[string]string{
	"too-large":      "needs an input over 4 GiB; the scanner's limit is unit-tested in scan",
	"invalid-format": "the comms metadata declares no Guid, date or duration property; see TestPrimitiveFormats",
}

// TestRulesExamples checks that each example in docs/rules.md still
// produces its code.
func TestRulesExamples(t *testing.T) {
	for _, r := range readRules(t) {
		t.Run(r.code, func(t *testing.T) {
			text, ok := builtExamples[r.code]
			switch {
			case ok:
			case untestedByExample[r.code] != "":
				t.Skip(untestedByExample[r.code])
			case !r.hasExample:
				t.Fatal("no example code block under the heading")
			default:
				text = strings.ReplaceAll(r.text, `\xe9`, "\xe9")
				text = strings.Replace(text, `\ufeff`, "\ufeff", 1)
				if r.lang == "json" {
					text = strings.TrimSuffix(text, "\n")
				}
			}
			res := Validate([]byte(text), nil)
			if find(res, r.code) == nil {
				t.Errorf("the example does not produce %s; got %.300s\n%.300s", r.code, codes(res), text)
			}
		})
	}
}

// firstBlock returns the language and content of the first fenced block of
// a Markdown section; the block ends at a line that is exactly its fence.
func firstBlock(section string) (lang, text string, ok bool) {
	lines := strings.Split(section, "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, "```") {
			continue
		}
		fence := l[:len(l)-len(strings.TrimLeft(l, "`"))]
		for j := i + 1; j < len(lines); j++ {
			if lines[j] == fence {
				return l[len(fence):], strings.Join(lines[i+1:j], "\n") + "\n", true
			}
		}
		return l[len(fence):], strings.Join(lines[i+1:], "\n"), true
	}
	return "", "", false
}
