package check

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedPath is the docs page opcheck was born from; it lives beside the
// repository, in ../shared, and is read, never copied.
const seedPath = "../../shared/seed/get-inviteparticipantsoperation.md"

func TestSeedPage(t *testing.T) {
	src, err := os.ReadFile(seedPath)
	if os.IsNotExist(err) {
		t.Skipf("skipping: the seed page %s is absent (it lives in ../shared beside the repository)", seedPath)
	}
	if err != nil {
		t.Fatal(err)
	}
	r := Validate(src, nil)
	if r.Kind != KindMarkdown {
		t.Errorf("kind = %q, want %q", r.Kind, KindMarkdown)
	}
	want := []struct {
		code     string
		severity Severity
		pointer  string
		phrase   string
	}{
		{"wrapped-entity", Error, "/value", "single entity"},
		{"enum-unknown", Error, "/value/status", "operationStatus"},
		{"unknown-property", Warning, "/value/participants/0/region", "invitationParticipantInfo"},
		{"unknown-property", Warning, "/value/participants/0/languageId", "invitationParticipantInfo"},
		{"http-content-length", Info, "", "1031"},
		{"placeholder", Warning, "/value/clientContext", "Client Context value"},
		{"placeholder", Warning, "/value/participants/0/identity/application/displayName", "Display Name value"},
		{"placeholder", Warning, "/value/participants/0/identity/application/id", "Id value"},
		{"request-line", Error, "", ""},
	}
	for _, w := range want {
		found := false
		for _, d := range r.Diagnostics {
			if d.Code == w.code && d.Pointer == w.pointer && d.Severity == w.severity && strings.Contains(d.Message, w.phrase) {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("no %s %s at %q mentioning %q; got:\n%s", w.severity, w.code, w.pointer, w.phrase, render(r))
		}
	}
	// Every position is in the Markdown's own lines: the status finding sits
	// on the line of the page that holds "status".
	lines := strings.Split(string(src), "\n")
	for _, d := range r.Diagnostics {
		if d.Code == "enum-unknown" && !strings.Contains(lines[d.Line-1], `"status": "String"`) {
			t.Errorf("enum-unknown at line %d, which reads %q", d.Line, lines[d.Line-1])
		}
	}
	golden(t, filepath.Join("testdata/golden", "seed.golden"), render(r))
}
