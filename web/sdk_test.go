package web

import (
	"context"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestSDKView checks, in both colour schemes, that no SDK is chosen at
// first (the SDK tab says what to do), the SDK consequence under a finding
// once one is, the SDK tab's reading of the object per language, and the
// link from a member the SDK misreads to its finding.
func TestSDKView(t *testing.T) {
	for _, scheme := range []string{"light", "dark"} {
		t.Run(scheme, func(t *testing.T) {
			p := newTab(t)
			p.emulateScheme(scheme)
			p.open("")
			const text = "{\n  \"@odata.type\": \"#microsoft.graph.playPromptOperation\",\n  \"id\": \"x\",\n  \"status\": \"completed\",\n  \"clientContext\": \"c\"\n}"
			p.setText(text)
			p.waitChecked()
			if n := eval[int](p, `document.querySelectorAll('#diagnostics .sdk-note').length`); n != 0 {
				t.Errorf("no SDK chosen: got %d SDK lines under the findings, want 0", n)
			}

			p.click("#tab-sdk")
			if got := p.text("#sdk"); !strings.Contains(got, "Choose an SDK") {
				t.Errorf("no SDK chosen: the SDK tab says %q, want it to say to choose one", got)
			}
			p.setValue("sdk-language", "go")
			p.waitFor(`document.getElementById("diagnostics").dataset.sdkNotes === "go"`, "the Go notes")
			if got := p.text(`#diagnostics li[data-code="enum-case"] .sdk-note`); got != "go: GetStatus() returns nil; no error" {
				t.Errorf("the enum-case finding's SDK line: got %q, want the Go consequence", got)
			}
			p.waitFor(`document.querySelector('#sdk li.sdk-member[data-key="status"]') !== null`, "the SDK view")
			if got := eval[string](p, `document.querySelector('#sdk li.sdk-member[data-key="status"]').dataset.outcome`); got != "absent" {
				t.Errorf("go reads status as %q, want absent", got)
			}
			if got := eval[string](p, `document.querySelector('#sdk li.sdk-member[data-key="clientContext"]').dataset.outcome`); got != "typed" {
				t.Errorf("go reads clientContext as %q, want typed", got)
			}
			if !eval[bool](p, `document.querySelector('#sdk li.sdk-member[data-key="status"]').classList.contains("differs")`) {
				t.Error("the misread status member is not marked")
			}

			// .NET reads enum members without regard to case: nothing differs.
			p.setValue("sdk-language", "dotnet")
			p.waitChecked()
			p.waitFor(`document.getElementById("diagnostics").dataset.sdkNotes === "dotnet"`, "the .NET notes")
			p.waitFor(`(() => { const li = document.querySelector('#sdk li.sdk-member[data-key="status"]'); return li && li.dataset.outcome === "typed"; })()`, "the .NET reading")
			if got := p.text(`#sdk li.sdk-member[data-key="status"] .value`); got != "Completed" {
				t.Errorf(".NET reads status as %q, want Completed", got)
			}
			if n := eval[int](p, `document.querySelectorAll('#diagnostics li[data-code="enum-case"] .sdk-note').length`); n != 0 {
				t.Errorf(".NET reads the member: got %d SDK lines under the finding, want 0", n)
			}

			// The link from a misread member selects its finding in the editor.
			p.setValue("sdk-language", "typescript")
			p.waitChecked()
			p.waitFor(`document.querySelector('#sdk li.sdk-member[data-key="status"] button.sdk-finding') !== null`, "the TypeScript reading")
			p.click(`#sdk li.sdk-member[data-key="status"] button.sdk-finding`)
			sel := eval[string](p, editorContent+`.cmTile.root.view.state.sliceDoc(`+editorContent+`.cmTile.root.view.state.selection.main.from, `+editorContent+`.cmTile.root.view.state.selection.main.to)`)
			if sel != `"completed"` {
				t.Errorf("the finding link selected %q, want the status value", sel)
			}
			bg := eval[string](p, `getComputedStyle(document.querySelector('#sdk li.sdk-member.differs')).backgroundColor`)
			if l := luminance(t, bg); (scheme == "dark") != (l < 128) {
				t.Errorf("%s scheme: a marked member's background %s (luminance %.0f) does not follow the scheme", scheme, bg, l)
			}
			if strings.TrimSpace(p.text("#sdk")) == "" {
				t.Error("the SDK view is empty")
			}
		})
	}
}

// TestSDKNotesNonASCII checks the SDK line under findings placed after
// non-ASCII text, where the checker's byte offsets are not the editor's
// positions, in the page and in the worker (a long text).
func TestSDKNotesNonASCII(t *testing.T) {
	item := `{"@odata.type": "#microsoft.graph.playPromptOperation", "clientContext": "café 🎉 ünïcødé", "id": "x", "status": "completed"}`
	long := `{"value": [` + strings.Repeat(item+",\n", 3000) + item + `]}`
	for _, tc := range []struct{ name, text string }{{"page", item}, {"worker", long}} {
		t.Run(tc.name, func(t *testing.T) {
			p := newTab(t)
			p.open("")
			p.setValue("sdk-language", "typescript")
			p.setText(tc.text)
			p.waitChecked()
			p.waitFor(`document.getElementById("diagnostics").dataset.sdkNotes === "typescript"`, "the TypeScript notes")
			if got := p.text(`#diagnostics li[data-code="enum-case"] .sdk-note`); got != "typescript: status is undefined; no error" {
				t.Errorf("the enum-case finding's SDK line: got %q, want the TypeScript consequence", got)
			}
		})
	}
}

// TestSDKChoiceRemembered checks that a chosen SDK persists: the next
// visit shows its notes under the findings without opening the SDK tab.
func TestSDKChoiceRemembered(t *testing.T) {
	p := newTab(t)
	p.open("")
	p.click("#tab-sdk")
	p.setValue("sdk-language", "java")
	p.click("#tab-diagnostics")
	p.open("")
	if got := eval[string](p, `document.getElementById("sdk-language").value`); got != "java" {
		t.Fatalf("the SDK select is %q after a reload, want java", got)
	}
	p.setText(`{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "x", "status": "completed"}`)
	p.waitChecked()
	p.waitFor(`document.getElementById("diagnostics").dataset.sdkNotes === "java"`, "the Java notes after a reload")
	if got := p.text(`#diagnostics li[data-code="enum-case"] .sdk-note`); got != "java: getStatus() returns null; no error" {
		t.Errorf("the enum-case finding's SDK line: got %q, want the Java consequence", got)
	}
}

// firstCheckJS records in globalThis.__firstChecked the time (Date.now(),
// to compare with the network log's wall times) at which the findings of
// the first check are shown.
const firstCheckJS = `new MutationObserver((_, o) => {
  const d = document.getElementById("diagnostics");
  if (d && Number(d.dataset.checkedSeq) > 0 && globalThis.__firstChecked === undefined) {
    globalThis.__firstChecked = Date.now();
    o.disconnect();
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-checked-seq"] })`

// TestNewcomerSkipsTools checks, with the tab's network log (DevTools
// requests, with their wall times), that the first load of a page with no SDK chosen, up to the
// first findings shown, does not fetch opcheck-tools.*.wasm: for a
// newcomer (empty editor) and for a visitor whose saved text has findings
// with SDK consequences.
func TestNewcomerSkipsTools(t *testing.T) {
	const text = `{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "x", "status": "completed"}`
	for _, tc := range []struct{ name, stored string }{{"newcomer", ""}, {"saved text", text}} {
		t.Run(tc.name, func(t *testing.T) {
			p := newTab(t)
			script := firstCheckJS
			if tc.stored != "" {
				script += ";\nlocalStorage.setItem(\"opcheck.text\", " + strconv.Quote(tc.stored) + ")"
			}
			type request struct {
				url  string
				wall time.Time
			}
			var mu sync.Mutex
			var log []request
			ctx, cancel := context.WithCancel(p.ctx)
			defer cancel()
			sent := chromedp.Events(ctx, network.RequestWillBeSent)
			go func() {
				for ev, err := range sent {
					if err != nil {
						return
					}
					mu.Lock()
					log = append(log, request{ev.Request.URL, time.UnixMicro(int64(ev.WallTime.Float64() * 1e6))})
					mu.Unlock()
				}
			}()
			p.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				if _, err := chromedp.Call(ctx, network.Enable, network.EnableParams{}); err != nil {
					return err
				}
				_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script})
				return err
			}))
			p.open("")
			p.waitFor(`globalThis.__firstChecked !== undefined`, "the first findings")
			first := time.UnixMilli(int64(eval[float64](p, `globalThis.__firstChecked`)))
			mu.Lock()
			defer mu.Unlock()
			validator := false
			for _, r := range log {
				if strings.Contains(r.url, "/opcheck.") && strings.HasSuffix(r.url, ".wasm") {
					validator = true
				}
				if strings.Contains(r.url, "opcheck-tools.") && !r.wall.After(first) {
					t.Errorf("the first load requested %s %s before the first findings were shown", r.url, first.Sub(r.wall))
				}
			}
			if !validator {
				t.Errorf("the network log holds no opcheck.*.wasm request: %v", log)
			}
			if tc.stored != "" {
				if n := eval[int](p, `document.querySelectorAll('#diagnostics li[data-code="enum-case"]').length`); n != 1 {
					t.Errorf("the saved text gave %d enum-case findings at first, want 1", n)
				}
			}
			if got := eval[string](p, `document.getElementById("sdk-language").value`); got != "" {
				t.Errorf("the SDK choice is %q at a first visit, want none", got)
			}
		})
	}
}
