package web

// The browser tests drive the real page, served by the real server binary
// (../bin/opcheck-server, made by `make build`), in headless Chromium through
// the DevTools protocol. One browser serves every test; each test gets a tab
// in a fresh browser context (its own storage), and fails on any console
// error, uncaught exception or Content-Security-Policy violation.

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"opcheck/internal/browsertest"
)

const (
	serverBin = "../bin/opcheck-server"
	// pageTimeout bounds one test's browser work.
	pageTimeout = 45 * time.Second
)

// harness is what TestMain starts once for every test.
var harness struct {
	skip      string // why browser tests cannot run here ("" when they can)
	baseURL   string // the page, e.g. http://127.0.0.1:41234/
	browser   context.Context
	serverLog *lockedBuffer // the server's stdout and stderr after its first line
}

// lockedBuffer collects output written from another goroutine.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(runWithBrowser(m))
}

// runWithBrowser starts the server and the browser (or records why it
// cannot), runs the tests and stops both.
func runWithBrowser(m *testing.M) int {
	if _, err := os.Stat(serverBin); err != nil {
		harness.skip = serverBin + " is missing: run make build"
		return m.Run()
	}
	if _, err := os.Stat(browsertest.ChromiumPath); err != nil {
		harness.skip = "Chromium is missing (" + browsertest.ChromiumPath + "): install it: apt-get install chromium"
		return m.Run()
	}
	stop, err := startServer()
	if err != nil {
		fmt.Fprintln(os.Stderr, "web: start the server:", err)
		return 1
	}
	defer stop()

	browser, stopBrowser, err := browsertest.StartBrowser(context.Background())
	if err != nil {
		fmt.Fprintln(os.Stderr, "web: start Chromium:", err)
		return 1
	}
	defer stopBrowser()
	harness.browser = browser
	return m.Run()
}

// startServer runs the server binary for every test and keeps its URL and
// log in harness.
func startServer() (stop func(), err error) {
	harness.serverLog = &lockedBuffer{}
	harness.baseURL, stop, err = runServer(harness.serverLog)
	return stop, err
}

// runServer runs the server binary with args on a free loopback port and
// reads its URL (ending in "/") from the first line it prints; the rest of
// its output goes to logw.
func runServer(logw io.Writer, args ...string) (baseURL string, stop func(), err error) {
	return browsertest.StartServer(serverBin, logw, 15*time.Second, args...)
}

// tab is one test's page: the shared harness's tab with the page's own
// helpers.
type tab struct {
	t   *testing.T
	ctx context.Context
	b   *browsertest.Tab
}

// requireBrowser skips (or, on CI, fails) a test that cannot run here.
func requireBrowser(t *testing.T) {
	t.Helper()
	if harness.skip == "" {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatal(harness.skip)
	}
	t.Skip("skipping browser test: " + harness.skip)
}

// newTab opens a tab in a new browser context and starts collecting
// problems; the test fails on any that was not allowed. Its storage holds an
// empty saved text, so the page opens with an empty editor as for someone
// who has been here before; newFirstVisitTab leaves the storage empty.
func newTab(t *testing.T) *tab {
	t.Helper()
	p := newFirstVisitTab(t)
	_, err := chromedp.Call(p.ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `try { if (location.protocol === "http:" && localStorage.getItem("opcheck.text") === null) localStorage.setItem("opcheck.text", ""); } catch {}`,
	})
	if err != nil {
		t.Fatalf("add script: %v", err)
	}
	return p
}

// newFirstVisitTab opens a tab in a new browser context with empty storage,
// as a first visit has, and starts collecting problems.
func newFirstVisitTab(t *testing.T) *tab {
	t.Helper()
	requireBrowser(t)
	ctx, cancel := chromedp.NewContext(harness.browser, chromedp.WithNewBrowserContext())
	ctx, cancelTimeout := context.WithTimeout(ctx, pageTimeout)
	var b *browsertest.Tab
	t.Cleanup(func() {
		cancelTimeout()
		cancel()
		if b != nil {
			b.ReportProblems()
		}
	})
	b = browsertest.Watch(t, ctx)
	return &tab{t: t, ctx: ctx, b: b}
}

// allow lets network errors whose text contains s pass: the test provoked them.
func (p *tab) allow(s string) { p.b.Allow(s) }

// do runs actions and fails the test on error.
func (p *tab) do(actions ...chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	p.b.Do(actions...)
}

// eval evaluates a JavaScript expression (promises awaited) into T.
func eval[T any](p *tab, expr string) T {
	p.t.Helper()
	return browsertest.Eval[T](p.b, expr)
}

// waitFor polls a JavaScript condition until it is truthy; it fails the test
// with what after timeout.
func (p *tab) waitFor(cond, what string) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 15*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](cond, chromedp.WithPollingInterval(20*time.Millisecond))); err != nil {
		p.t.Fatalf("waiting for %s (%s): %v", what, cond, err)
	}
}

// open loads the page with the given suffix (such as "#1.abc") and waits
// until the checker is ready.
func (p *tab) open(suffix string) {
	p.t.Helper()
	p.do(chromedp.Navigate(harness.baseURL + suffix))
	p.waitReady()
}

// waitReady waits until the checker has loaded and checked the text once.
func (p *tab) waitReady() {
	p.t.Helper()
	p.waitFor(`document.body.dataset.ready === "true" && !document.getElementById("diagnostics").classList.contains("stale") && `+checkedStatus, "the checker to be ready")
}

// waitChecked waits until the panel shows the check of the current text,
// every finding listed.
func (p *tab) waitChecked() {
	p.t.Helper()
	p.waitFor(`(() => { const d = document.getElementById("diagnostics"); return !d.classList.contains("stale") && !d.hasAttribute("aria-busy") && `+checkedStatus+`; })()`, "the check of the current text")
}

// checkedStatus is true while the status line reports a finished check:
// "Checked …", or "Ready: nothing to check yet." for an empty editor.
const checkedStatus = `/^(Checked|Ready: nothing)/.test(document.getElementById("status").textContent)`

// chooseExample clicks the example made from the corpus file in the
// Examples list, as a person does once the list is open.
func (p *tab) chooseExample(file string) {
	p.t.Helper()
	eval[chromedp.Void](p, fmt.Sprintf(`document.querySelector('#examples [role=option][data-file=%q]').click()`, file))
}

// editorText is the whole text of the editor, read from CodeMirror's state
// (the DOM only holds the visible lines).
func (p *tab) editorText() string {
	p.t.Helper()
	return eval[string](p, editorContent+`.cmTile.root.view.state.doc.toString()`)
}

// waitEditorText waits until the editor holds want (after an action that
// rewrites the text once something has loaded, such as Format).
func (p *tab) waitEditorText(want, what string) {
	p.t.Helper()
	b, err := json.Marshal(want)
	if err != nil {
		p.t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(p.ctx, 15*time.Second)
	defer cancel()
	cond := editorContent + `.cmTile.root.view.state.doc.toString() === ` + string(b)
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](cond, chromedp.WithPollingInterval(20*time.Millisecond))); err != nil {
		p.t.Fatalf("waiting for %s: the editor holds %q, want %q", what, p.editorText(), want)
	}
}

// editorContent is a JavaScript expression for the editor's content element,
// inside the shadow root that holds the editor.
const editorContent = `document.getElementById("editor").shadowRoot.querySelector(".cm-content")`

// focusEditor puts the keyboard focus in the editor.
func (p *tab) focusEditor() {
	p.t.Helper()
	eval[chromedp.Void](p, editorContent+`.focus()`)
}

// setText replaces the editor's text as a paste would: select all, insert.
func (p *tab) setText(text string) {
	p.t.Helper()
	p.focusEditor()
	p.do(chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	switch {
	case text == "":
		p.do(chromedp.KeyEvent("\b"))
	case len(text) > 50_000:
		p.paste(text)
	default:
		p.insertText(text)
	}
}

// paste pastes text into the editor through a paste event, as Ctrl+V does;
// the browser's own text insertion is far too slow for megabytes.
func (p *tab) paste(text string) {
	p.t.Helper()
	b, err := json.Marshal(text)
	if err != nil {
		p.t.Fatal(err)
	}
	eval[chromedp.Void](p, `(() => { const dt = new DataTransfer(); dt.setData("text/plain", `+string(b)+`); `+editorContent+`.dispatchEvent(new ClipboardEvent("paste", {clipboardData: dt, bubbles: true, cancelable: true})); })()`)
}

// insertText types text at the cursor in one input event (as an IME or a paste does).
func (p *tab) insertText(text string) {
	p.t.Helper()
	p.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, input.InsertText, input.InsertTextParams{Text: text})
		return err
	}))
}

// pressEnter presses Enter on the focused element as a keyboard does when
// the keydown is handled: a keydown and a keyup, without the character
// event that chromedp.KeyEvent adds (which CDP delivers even after the page
// cancelled the keydown, unlike a real keyboard).
func (p *tab) pressEnter() {
	p.t.Helper()
	p.do(chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		for _, typ := range []input.DispatchKeyEventType{input.DispatchKeyEventTypeRawKeyDown, input.DispatchKeyEventTypeKeyUp} {
			_, err := cdp.Call(ctx, t, input.DispatchKeyEvent, input.DispatchKeyEventParams{
				Type: typ, Key: "Enter", Code: "Enter", WindowsVirtualKeyCode: 13, NativeVirtualKeyCode: 13,
			})
			if err != nil {
				return err
			}
		}
		return nil
	}))
}

// finding is one li of #diagnostics.
type finding struct {
	Severity, Code, Line, Column, Pointer, Text string
}

// findings reads the diagnostics panel.
func (p *tab) findings() []finding {
	p.t.Helper()
	return eval[[]finding](p, `[...document.querySelectorAll("#diagnostics li.finding")].map((li) => ({
		Severity: li.dataset.severity, Code: li.dataset.code, Line: li.dataset.line,
		Column: li.dataset.column, Pointer: li.dataset.pointer, Text: li.textContent }))`)
}

// text is the textContent of the element matching the CSS selector.
func (p *tab) text(sel string) string {
	p.t.Helper()
	return eval[string](p, fmt.Sprintf(`document.querySelector(%q)?.textContent ?? ""`, sel))
}

// click clicks the element matching the CSS selector.
func (p *tab) click(sel string) {
	p.t.Helper()
	p.do(chromedp.Click(chromedp.CSS(sel), chromedp.NodeVisible))
}

// repoPath is a path relative to the repository root.
func repoPath(parts ...string) string {
	return filepath.Join(append([]string{".."}, parts...)...)
}
