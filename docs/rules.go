package docs

import (
	_ "embed"
	"regexp"
	"strings"
	"sync"
)

//go:embed rules.md
var rulesMarkdown string

// Rule is one finding code's entry in rules.md.
type Rule struct {
	// Code is the finding's stable code, from the entry's "### `code`" heading.
	Code string
	// Severity is the first severity the entry names in bold: "error",
	// "warning" or "info". Some codes have another severity in some cases,
	// which Description says.
	Severity string
	// Summary is the first sentence of the description, without the
	// severity that opens it, as plain text.
	Summary string
	// Description is the entry's text before its example, as plain text
	// on one line (bold marks removed; code spans keep their backticks).
	Description string
	// Example is the content of the entry's first fenced block, and
	// ExampleLang its info string ("json", "http", ...); both are empty
	// when the entry has no example.
	Example, ExampleLang string
	// Markdown is the entry as written, without its heading.
	Markdown string
}

var (
	headingRE  = regexp.MustCompile("(?m)^### `([a-z0-9-]+)`[ \t]*\n")
	severityRE = regexp.MustCompile(`^\*\*(error|warning|info)\b`)
	// leadRE is a description's opening severity when it stands alone:
	// "**error.** " or "**error**, recovered. ".
	leadRE = regexp.MustCompile(`^\*\*(error|warning|info)(\.\*\*|\*\*(, recovered)?\.)\s+`)
)

// Rules returns every entry of rules.md, in the page's order.
var Rules = sync.OnceValue(func() []Rule { return parseRules(rulesMarkdown) })

// Lookup returns the entry for code, and false when rules.md has none.
func Lookup(code string) (Rule, bool) {
	for _, r := range Rules() {
		if r.Code == code {
			return r, true
		}
	}
	return Rule{}, false
}

// parseRules reads the "### `code`" entries of a rules page; an entry runs
// to the next heading of any level.
func parseRules(page string) []Rule {
	locs := headingRE.FindAllStringSubmatchIndex(page, -1)
	rules := make([]Rule, 0, len(locs))
	for i, loc := range locs {
		end := len(page)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		body := untilHeading(page[loc[1]:end])
		r := Rule{Code: page[loc[2]:loc[3]], Markdown: strings.TrimSpace(body)}
		text, lang, example := splitExample(body)
		r.ExampleLang, r.Example = lang, example
		if m := severityRE.FindStringSubmatch(text); m != nil {
			r.Severity = m[1]
		}
		lead := text
		if m := leadRE.FindStringIndex(text); m != nil {
			lead = text[m[1]:]
		}
		summary := firstSentence(lead)
		if severityRE.MatchString(summary) {
			// "**error**; **info** inside ...": the first sentence grades
			// the code case by case, the next one says what it is.
			summary += " " + firstSentence(strings.TrimSpace(lead[len(summary):]))
		}
		r.Description = plain(text)
		r.Summary = plain(summary)
		rules = append(rules, r)
	}
	return rules
}

// splitExample returns the text of an entry before its first fenced block,
// and that block's info string and content. A block ends at a line that is
// exactly its opening fence (the page nests ``` inside ````).
func splitExample(body string) (text, lang, example string) {
	lines := strings.Split(body, "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, "```") {
			continue
		}
		fence := l[:len(l)-len(strings.TrimLeft(l, "`"))]
		text = strings.Join(lines[:i], "\n")
		for j := i + 1; j < len(lines); j++ {
			if lines[j] == fence {
				return text, l[len(fence):], strings.Join(lines[i+1:j], "\n") + "\n"
			}
		}
		return text, l[len(fence):], strings.Join(lines[i+1:], "\n")
	}
	return body, "", ""
}

// untilHeading returns body up to its first heading ("## Section") outside
// a fenced block, which closes the entry before it.
func untilHeading(body string) string {
	fence := ""
	for i := 0; i < len(body); {
		line, _, _ := strings.Cut(body[i:], "\n")
		switch {
		case fence == "" && strings.HasPrefix(line, "```"):
			fence = line[:len(line)-len(strings.TrimLeft(line, "`"))]
		case fence != "" && line == fence:
			fence = ""
		case fence == "" && strings.HasPrefix(line, "#"):
			return body[:i]
		}
		i += len(line) + 1
	}
	return body
}

// firstSentence is s up to and including the first full stop that ends a
// sentence: one (maybe closing a bold span, ".**") followed by white space
// or the end, and not part of an ellipsis.
func firstSentence(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] != '.' || i > 0 && s[i-1] == '.' || i+1 < len(s) && s[i+1] == '.' {
			continue
		}
		j := i + 1
		if strings.HasPrefix(s[j:], "**") {
			j += 2
		}
		if j == len(s) || s[j] == ' ' || s[j] == '\n' {
			return s[:j]
		}
	}
	return s
}

// plain joins s's lines into one and drops Markdown's bold marks.
func plain(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "**", "")), " ")
}
