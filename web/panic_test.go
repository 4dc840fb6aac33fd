package web

import (
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// panicMarker is the text that makes validate panic in a build with the
// opcheck_testhook tag (wasm/testhook.go).
const panicMarker = "opcheck-test-panic"

// siteWithPanicHook copies web/dist into a temporary folder and replaces
// its hashed opcheck.*.wasm with a build of the validator that panics on
// panicMarker (deleting the precompressed siblings, which hold the real
// build). It returns the folder.
func siteWithPanicHook(t *testing.T) string {
	t.Helper()
	tmp := t.TempDir()
	hooked := filepath.Join(tmp, "hooked.wasm")
	build := exec.Command("go", "build", "-tags", "opcheck_testhook", "-trimpath", "-o", hooked, "./wasm")
	build.Dir = ".."
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build the wasm with the test hook: %v\n%s", err, out)
	}
	site := filepath.Join(tmp, "site")
	if err := os.CopyFS(site, os.DirFS("dist")); err != nil {
		t.Fatalf("copy web/dist: %v", err)
	}
	matches, err := filepath.Glob(filepath.Join(site, "opcheck.*.wasm"))
	if err != nil || len(matches) != 1 {
		t.Fatalf("want one opcheck.*.wasm in web/dist, found %q (%v)", matches, err)
	}
	target := matches[0]
	for _, sib := range []string{target + ".br", target + ".gz"} {
		if err := os.Remove(sib); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	if err := copyFile(hooked, target); err != nil {
		t.Fatal(err)
	}
	return site
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_TRUNC|os.O_CREATE, fs.FileMode(0o644))
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// TestPanicInCheckerKeepsText serves the page with a validator that panics
// on a marker (issue 6): a text holding it shows the internal-error message
// and is kept, and the next text is checked as usual — on the page and in
// the worker.
func TestPanicInCheckerKeepsText(t *testing.T) {
	requireBrowser(t)
	site := siteWithPanicHook(t)
	logw := &lockedBuffer{}
	base, stop, err := runServer(logw, "-dir", site)
	if err != nil {
		t.Fatalf("start the server on the hooked site: %v", err)
	}
	defer stop()

	p := newTab(t)
	p.do(chromedp.Navigate(base))
	p.waitReady()

	small := `{"clientContext": "` + panicMarker + `", "status": "Running"}`
	var b strings.Builder
	b.WriteString(`{"value": [`)
	for b.Len() < 300_000 {
		b.WriteString(`{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "x", "status": "Running"},` + "\n")
	}
	b.WriteString(`{"clientContext": "` + panicMarker + `"}]}`)
	for _, tc := range []struct {
		name, text string
	}{
		{"on the page", small},
		{"in the worker", b.String()},
	} {
		p.setText(tc.text)
		p.waitFor(`document.getElementById("diagnostics").textContent.includes("internal error")`, "the internal-error message "+tc.name)
		msg := p.text("#diagnostics")
		for _, want := range []string{"The checker failed on this text", "internal error", panicMarker, "Your text is kept"} {
			if !strings.Contains(msg, want) {
				t.Errorf("%s: panel %q does not say %q", tc.name, msg, want)
			}
		}
		if got := p.editorText(); got != tc.text {
			t.Errorf("%s: the editor lost the text: got %d characters, want %d", tc.name, len(got), len(tc.text))
		}
		// The checker goes on working.
		p.setText(`{"a": }`)
		p.waitChecked()
		fs := p.findings()
		if len(fs) == 0 || fs[0].Line != "1" || fs[0].Column != "7" {
			t.Errorf("%s: after the panic, got findings %+v, want a syntax error at 1:7", tc.name, fs)
		}
	}
	if strings.Contains(logw.String(), "panic") {
		t.Errorf("the server logged a panic: %s", logw.String())
	}
}
