package sdk

import (
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the generated parts of docs/sdk.md")

const docPath = "../docs/sdk.md"

// markdown renders the table and the versions as docs/sdk.md shows them.
func markdown() (versions, rows string) {
	var v strings.Builder
	v.WriteString("| SDK | libraries read |\n|---|---|\n")
	for _, l := range Langs() {
		v.WriteString("| " + l.String() + " | " + Versions[l] + " |\n")
	}
	var b strings.Builder
	b.WriteString("| situation | SDK | outcome | evidence |\n|---|---|---|---|\n")
	for _, r := range Table() {
		b.WriteString("| " + r.Case.String() + " | " + r.Lang.String() + " | " + r.Outcome.String() + " | " +
			strings.ReplaceAll(r.Evidence, "|", `\|`) + " |\n")
	}
	return v.String(), b.String()
}

// TestDoc holds docs/sdk.md's versions and table equal to the package's
// table; go test ./sdk -update rewrites them.
func TestDoc(t *testing.T) {
	data, err := os.ReadFile(docPath)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	versions, rows := markdown()
	got := fill(doc, "<!-- versions -->\n", versions)
	got = fill(got, "<!-- table -->\n", rows)
	if got == doc {
		return
	}
	if *update {
		if err := os.WriteFile(docPath, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("%s is out of date with the table: run go test ./sdk -update and read the diff", docPath)
}

// fill replaces what follows marker, up to the first blank line or the end,
// with body.
func fill(doc, marker, body string) string {
	i := strings.Index(doc, marker)
	if i < 0 {
		return doc
	}
	start := i + len(marker)
	end := strings.Index(doc[start:], "\n\n")
	if end < 0 {
		end = len(doc) - start
	} else {
		end++
	}
	return doc[:start] + body + doc[start+end:]
}
