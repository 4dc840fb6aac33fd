package web

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

var update = flag.Bool("update", false, "rewrite docs/screenshot-light.png and docs/screenshot-dark.png")

// emulateDark makes the tab's prefers-color-scheme dark (or light).
func (p *tab) emulateScheme(scheme string) {
	p.t.Helper()
	p.do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	}))
}

// luminance is the relative brightness (0 to 255) of a CSS rgb() colour.
func luminance(t *testing.T, css string) float64 {
	t.Helper()
	inner := css[strings.Index(css, "(")+1 : strings.LastIndex(css, ")")]
	parts := strings.FieldsFunc(inner, func(r rune) bool { return r == ',' || r == ' ' || r == '/' })
	if len(parts) < 3 {
		t.Fatalf("cannot read colour %q", css)
	}
	var c [3]float64
	for i := range c {
		v, err := strconv.ParseFloat(parts[i], 64)
		if err != nil {
			t.Fatalf("cannot read colour %q: %v", css, err)
		}
		c[i] = v
	}
	return 0.2126*c[0] + 0.7152*c[1] + 0.0722*c[2]
}

// TestDarkMode follows prefers-color-scheme, and the toggle overrides it and
// is remembered.
func TestDarkMode(t *testing.T) {
	p := newTab(t)
	p.emulateScheme("dark")
	p.open("")
	bg := func() float64 {
		return luminance(t, eval[string](p, `getComputedStyle(document.body).backgroundColor`))
	}
	editorBg := func() float64 {
		return luminance(t, eval[string](p, `getComputedStyle(document.getElementById("editor").shadowRoot.querySelector(".cm-editor")).backgroundColor`))
	}
	if l := bg(); l > 80 {
		t.Errorf("system dark: page background luminance %.0f, want dark", l)
	}
	if l := editorBg(); l > 80 {
		t.Errorf("system dark: editor background luminance %.0f, want dark", l)
	}
	if got := eval[string](p, `document.getElementById("theme").getAttribute("aria-pressed")`); got != "true" {
		t.Errorf("theme toggle aria-pressed %q in dark mode, want true", got)
	}
	p.click("#theme")
	if l := bg(); l < 180 {
		t.Errorf("after the toggle: background luminance %.0f, want light", l)
	}
	p.do(chromedp.Reload())
	p.waitReady()
	if l := bg(); l < 180 {
		t.Errorf("after reload: background luminance %.0f, want the chosen light theme", l)
	}
	p.click("#theme")
	if l := editorBg(); l > 80 {
		t.Errorf("toggled back: editor background luminance %.0f, want dark", l)
	}
}

// TestHostileTextRendersAsText puts markup and javascript: URLs in keys and
// values; every view shows them as text, and nothing runs (an inline handler
// would also show up as a CSP violation, which fails the test).
func TestHostileTextRendersAsText(t *testing.T) {
	p := newTab(t)
	p.open("")
	const src = `{
  "@odata.type": "#microsoft.graph.playPromptOperation",
  "id": "</script><script>window.pwned = 1</script>",
  "status": "Failed",
  "clientContext": "<img src=x onerror=\"window.pwned = 2\">",
  "resultInfo": {"code": 500, "subcode": 1, "message": "javascript:window.pwned = 3"},
  "<img src=x onerror=window.pwned=4>": "javascript:alert(1)",
  "javascript:alert(5)": "</textarea><b>bold</b>"
}`
	p.setText(src)
	p.waitChecked()
	panel := p.text("#diagnostics")
	if !strings.Contains(panel, "<img src=x onerror=window.pwned=4>") {
		t.Errorf("the findings panel does not show the hostile key as text: %q", panel)
	}
	p.click("#tab-summary")
	p.waitFor(`document.querySelector("#summary .op-card") !== null`, "the summary")
	summary := p.text("#summary")
	for _, want := range []string{"</script><script>window.pwned = 1</script>", `<img src=x onerror="window.pwned = 2">`, "javascript:window.pwned = 3"} {
		if !strings.Contains(summary, want) {
			t.Errorf("the summary does not show %q as text: %q", want, summary)
		}
	}
	p.click("#tab-query")
	p.setValue("query", "javascript:alert(5)")
	p.waitFor(`document.getElementById("query-result").dataset.state === "match"`, "the query result")
	if got := p.text("#query-result"); got != `"</textarea><b>bold</b>"` {
		t.Errorf("query result %q, want the value as text", got)
	}
	if n := eval[int](p, `document.querySelectorAll("img, b, script:not([src]), a[href^='javascript:']").length`); n != 0 {
		t.Errorf("the page holds %d elements made from the text", n)
	}
	if got := eval[string](p, `String(window.pwned)`); got != "undefined" {
		t.Errorf("a script from the text ran: window.pwned = %s", got)
	}
}

// TestShortcutsDialog: "?" outside the editor opens the list; inside the
// editor it is just a character.
func TestShortcutsDialog(t *testing.T) {
	p := newTab(t)
	p.open("")
	p.focusEditor()
	p.do(chromedp.KeyEvent("?"))
	if eval[bool](p, `document.getElementById("shortcuts").open`) {
		t.Error("typing ? in the editor opened the shortcuts dialog")
	}
	if got := p.editorText(); got != "?" {
		t.Errorf("typing ? in the editor gave %q", got)
	}
	eval[chromedp.Void](p, `document.getElementById("share").focus()`)
	p.do(chromedp.KeyEvent("?"))
	p.waitFor(`document.getElementById("shortcuts").open`, "the shortcuts dialog")
	dialog := p.text("#shortcuts")
	for _, want := range []string{"Share", "Format", "F8"} {
		if !strings.Contains(dialog, want) {
			t.Errorf("the shortcuts dialog does not list %q", want)
		}
	}
	p.do(chromedp.KeyEvent("\u001b")) // Escape
	p.waitFor(`!document.getElementById("shortcuts").open`, "the dialog to close")
}

// TestEveryControlHasALabel checks the accessible names of the page's
// controls: each has a label, an aria-label or visible text.
func TestEveryControlHasALabel(t *testing.T) {
	p := newTab(t)
	p.open("")
	unlabeled := eval[[]string](p, `[...document.querySelectorAll("input, select, button, textarea")].filter((e) => {
		if (e.closest("[hidden]")) return false;
		if (e.getAttribute("aria-label") || e.getAttribute("aria-labelledby")) return false;
		if (e.labels && e.labels.length) return false;
		return e.textContent.trim() === "";
	}).map((e) => e.outerHTML)`)
	for _, u := range unlabeled {
		t.Errorf("control without a label: %s", u)
	}
}

// TestLargeDocumentInWorker checks a document too big for the page's thread
// in the worker, and a newer edit wins over a stale result.
func TestLargeDocumentInWorker(t *testing.T) {
	p := newTab(t)
	p.open("")
	var b strings.Builder
	b.WriteString(`{"value": [`)
	for i := 0; b.Len() < 1_500_000; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "op-%d", "status": "Completed", "clientContext": "c%d"}`, i, i)
	}
	b.WriteString("\n]}")
	big := b.String()
	p.installWorkerProbe()
	p.setText(big)
	p.waitChecked()
	if status := p.text("#status"); !strings.Contains(status, "in the background") {
		t.Errorf("status %q: want the check to have run in the background", status)
	}
	view := editorContent + `.cmTile.root.view`
	edit := func(js string) { eval[chromedp.Void](p, `(() => { const v = `+view+`; `+js+` })()`) }
	errorsOnLastLine := func() int {
		n, last := 0, strconv.Itoa(strings.Count(big, "\n")+1)
		for _, f := range p.findings() {
			if f.Severity == "error" && f.Line == last {
				n++
			}
		}
		return n
	}
	// Break the end, and mend it while that check is still running (its
	// result held back): the stale result is never shown.
	p.holdResults()
	sent := len(p.posts())
	edit(`v.dispatch({changes: {from: v.state.doc.length - 2, insert: ",,"}});`)
	p.waitPosts(sent+1, "the broken text to go to the worker")
	// A check that takes a while says so (after a moment, so that quick
	// ones do not make the status line flicker).
	p.waitFor(`document.getElementById("status").textContent.startsWith("Checking")`, "the status to say the worker is checking")
	edit(`v.dispatch({changes: {from: v.state.doc.length - 4, to: v.state.doc.length - 2}});`)
	p.releaseResults(1)
	p.waitChecked()
	if got := p.editorText(); got != big {
		t.Fatalf("the mended text differs from the original (%d vs %d characters)", len(got), len(big))
	}
	if n := errorsOnLastLine(); n != 0 {
		t.Errorf("got %d errors on the last line after mending it: a stale result was shown", n)
	}
	edit(`v.dispatch({changes: {from: v.state.doc.length - 2, insert: ",,"}});`)
	p.waitChecked()
	if n := errorsOnLastLine(); n == 0 {
		t.Errorf("no error on the last line after breaking it: %v", p.findings())
	}
}

// TestScreenshots takes the light and dark page with a broken example
// loaded; with -update it writes them to docs/ for the README.
func TestScreenshots(t *testing.T) {
	for _, scheme := range []string{"light", "dark"} {
		t.Run(scheme, func(t *testing.T) {
			p := newTab(t)
			p.emulateScheme(scheme)
			p.open("")
			p.chooseExample("forms/collection.broken-item-errors.json")
			p.waitChecked()
			p.focusEditor()
			p.do(chromedp.KeyEvent(kb.F8)) // the first finding, with its hover text
			p.waitFor(`document.getElementById("editor").shadowRoot.querySelector(".cm-tooltip-lint") !== null`, "the finding's tooltip")
			p.do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
				_, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: 1280, Height: 800, DeviceScaleFactor: 1})
				return err
			}))
			shot, err := chromedp.Run(p.ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(shot))
			if err != nil {
				t.Fatalf("the screenshot is not a PNG: %v", err)
			}
			if b := img.Bounds(); b.Dx() != 1280 || b.Dy() != 800 {
				t.Errorf("screenshot is %dx%d, want 1280x800", b.Dx(), b.Dy())
			}
			if n := colours(img); n < 16 {
				t.Errorf("the screenshot has %d colours: the page looks blank", n)
			}
			if *update {
				if err := os.WriteFile(repoPath("docs", "screenshot-"+scheme+".png"), shot, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// colours counts the distinct colours of img, up to 1000.
func colours(img image.Image) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
			if len(seen) >= 1000 {
				return len(seen)
			}
		}
	}
	return len(seen)
}

// grantClipboard lets the tab's page read and write the clipboard.
func (p *tab) grantClipboard() {
	p.t.Helper()
	id := chromedp.FromContext(p.ctx).BrowserContextID
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		_, err := chromedp.CallBrowser(p.ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission:       &browser.PermissionDescriptor{Name: name},
			Setting:          browser.PermissionSettingGranted,
			Origin:           strings.TrimSuffix(harness.baseURL, "/"),
			BrowserContextID: id,
		})
		if err != nil {
			p.t.Fatalf("grant %s: %v", name, err)
		}
	}
}

// TestCopyAndDownload copies the text and the share link to the clipboard
// and downloads the text as a file named for its kind.
func TestCopyAndDownload(t *testing.T) {
	p := newTab(t)
	p.open("")
	p.grantClipboard()
	src := readRepoFile(t, "check/testdata/corpus/forms/http-200.valid.http")
	p.setText(src)
	p.waitChecked()
	want := p.editorText()

	p.click("#copy")
	p.waitFor(`document.getElementById("message").textContent.startsWith("Copied")`, "the copy")
	if got := eval[string](p, `navigator.clipboard.readText()`); got != want {
		t.Errorf("clipboard after Copy: got %q, want the editor's text", got)
	}
	link := p.shareLink()
	if msg := p.text("#message"); !strings.HasPrefix(msg, "Link copied") {
		t.Errorf("after Share the message is %q, want Link copied", msg)
	}
	if got := eval[string](p, `navigator.clipboard.readText()`); got != link {
		t.Errorf("clipboard after Share: got %q, want the link %q", got, link)
	}

	dir := t.TempDir()
	_, err := chromedp.CallBrowser(p.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior:         browser.SetDownloadBehaviorBehaviorAllow,
		BrowserContextID: chromedp.FromContext(p.ctx).BrowserContextID,
		DownloadPath:     dir,
	})
	if err != nil {
		t.Fatal(err)
	}
	p.click("#download")
	file := filepath.Join(dir, "opcheck.http")
	deadline := time.Now().Add(10 * time.Second)
	for {
		got, err := os.ReadFile(file)
		if err == nil && string(got) == want {
			break
		}
		if time.Now().After(deadline) {
			entries, _ := os.ReadDir(dir)
			t.Fatalf("no download %s with the editor's text (folder holds %v, read: %v)", file, entries, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
