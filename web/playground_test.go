package web

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestTypingShowsSyntaxErrorAtLineAndColumn types the foundation's example
// and expects the error where the value is missing: line 1, column 7.
func TestTypingShowsSyntaxErrorAtLineAndColumn(t *testing.T) {
	p := newTab(t)
	p.open("")
	p.focusEditor()
	p.do(chromedp.KeyEvent(`{"a": }`))
	p.waitChecked()
	if got, want := p.editorText(), `{"a": }`; got != want {
		t.Fatalf("editor text: got %q, want %q", got, want)
	}
	fs := p.findings()
	if len(fs) == 0 {
		t.Fatal("got no findings, want a syntax error")
	}
	f := fs[0]
	if f.Severity != "error" || f.Line != "1" || f.Column != "7" {
		t.Errorf("first finding: got %s at %s:%s (%s), want an error at 1:7", f.Severity, f.Line, f.Column, f.Text)
	}
	if f.Code == "" {
		t.Errorf("first finding has no data-code: %+v", f)
	}
	// The editor marks it too: an underline and a gutter marker.
	if n := eval[int](p, `document.getElementById("editor").shadowRoot.querySelectorAll(".cm-lintRange-error").length`); n == 0 {
		t.Error("got no underlined range in the editor, want one")
	}
	if n := eval[int](p, `document.getElementById("editor").shadowRoot.querySelectorAll(".cm-lint-marker-error").length`); n == 0 {
		t.Error("got no gutter marker, want one")
	}
}

// TestBrokenWasmShowsLoadError fails the download of the wasm and expects a
// message that says so, not a blank page.
func TestBrokenWasmShowsLoadError(t *testing.T) {
	p := newTab(t)
	p.allow(".wasm")
	ctx, cancel := context.WithCancel(p.ctx)
	defer cancel()
	paused := chromedp.Events(ctx, fetch.RequestPaused)
	p.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{Patterns: []*fetch.RequestPattern{{URLPattern: "*.wasm"}}})
		return err
	}))
	go func() {
		for ev, err := range paused {
			if err != nil {
				return
			}
			chromedp.Call(ctx, fetch.FailRequest, fetch.FailRequestParams{RequestID: ev.RequestID, ErrorReason: network.ErrorReasonFailed})
		}
	}()
	p.do(chromedp.Navigate(harness.baseURL))
	p.waitFor(`!document.getElementById("load-error").hidden`, "the load error")
	msg := p.text("#load-error")
	for _, want := range []string{"could not be loaded", "opcheck", ".wasm", "reload"} {
		if !strings.Contains(strings.ToLower(msg), strings.ToLower(want)) {
			t.Errorf("load error %q does not mention %q", msg, want)
		}
	}
	// The page is still there: the editor works and says why nothing is checked.
	if n := eval[int](p, `document.getElementById("editor").shadowRoot.querySelectorAll(".cm-content").length`); n != 1 {
		t.Errorf("got %d editors, want 1", n)
	}
	if got := p.text("#diagnostics"); !strings.Contains(got, "No checks") {
		t.Errorf("panel: got %q, want it to say nothing is checked", got)
	}
}

// TestNoWebAssemblyShowsLoadError opens the page in a browser without
// WebAssembly (some locked-down browsers turn it off) and expects a message
// that says so, not a blank page: boot.js starts nothing, and the page
// says why before it downloads anything more.
func TestNoWebAssemblyShowsLoadError(t *testing.T) {
	p := newTab(t)
	p.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: `delete globalThis.WebAssembly;`})
		return err
	}))
	p.do(chromedp.Navigate(harness.baseURL))
	p.waitFor(`!document.getElementById("load-error").hidden`, "the load error")
	msg := p.text("#load-error")
	for _, want := range []string{"could not be loaded", "does not run WebAssembly"} {
		if !strings.Contains(msg, want) {
			t.Errorf("load error %q does not say %q", msg, want)
		}
	}
	if n := eval[int](p, `document.getElementById("editor").shadowRoot.querySelectorAll(".cm-content").length`); n != 1 {
		t.Errorf("got %d editors, want 1", n)
	}
}
