package web

// The first minute on the page (issue 12): the first view, the Examples
// list, messages that go when they no longer fit, and the layout from a
// phone's width to a desktop's.

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// firstExample is the corpus file a first visit opens (FIRST_EXAMPLE in main.js).
const firstExample = "v1.0/playPromptOperation.broken-status-case.json"

func TestFirstVisitOpensAnExample(t *testing.T) {
	p := newFirstVisitTab(t)
	p.open("")
	want := readRepoFile(t, "check/testdata/corpus/"+firstExample)
	if got := p.editorText(); got != want {
		t.Fatalf("first visit: the editor holds %q, want the example %s", got, firstExample)
	}
	if len(p.findings()) == 0 {
		t.Error("the first example shows no finding, want the one it was chosen for")
	}
	if msg := p.text("#message"); !strings.Contains(msg, "example") {
		t.Errorf("message %q does not say the text is an example", msg)
	}
	// The next visit opens what was saved, not the example again over it.
	p.setText(`{"mine": 1}`)
	p.waitChecked()
	eval[chromedp.Void](p, `dispatchEvent(new Event("pagehide"))`)
	p.open("")
	if got := p.editorText(); got != `{"mine": 1}` {
		t.Errorf("after a reload: got %q, want the saved text", got)
	}
}

func TestEmptyEditorShowsEmptyState(t *testing.T) {
	tests := []struct {
		name, text string
	}{
		{name: "empty", text: ""},
		{name: "spaces", text: "  \n\t\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := newTab(t)
			p.open("")
			p.setText(tc.text)
			p.waitChecked()
			if fs := p.findings(); len(fs) != 0 {
				t.Errorf("got findings %v, want none", fs)
			}
			if got := p.text("#diagnostics .empty-state h2"); got != "Nothing to check yet" {
				t.Errorf("empty state heading %q, want %q", got, "Nothing to check yet")
			}
			if got := p.text("#diagnostics"); strings.Contains(strings.ToLower(got), "error") {
				t.Errorf("the panel says %q, want no error", got)
			}
			if got := p.text("#counts"); got != "" {
				t.Errorf("counts %q, want none", got)
			}
			if got := p.text("#status"); !strings.HasPrefix(got, "Ready") {
				t.Errorf("status %q, want it to start with Ready", got)
			}
		})
	}
}

func TestEmptyStateStarters(t *testing.T) {
	for _, file := range []string{"forms/operation.valid.json", "forms/notifications.valid.json", "forms/log.valid.txt"} {
		t.Run(file, func(t *testing.T) {
			p := newTab(t)
			p.open("")
			p.click(fmt.Sprintf(`#diagnostics .empty-starters button[data-file=%q]`, file))
			p.waitEditorText(readRepoFile(t, "check/testdata/corpus/"+file), "the starter's example")
			p.waitChecked()
			if n := eval[int](p, `document.querySelectorAll("#diagnostics .empty-state").length`); n != 0 {
				t.Errorf("the empty state stays after loading %s", file)
			}
			if n := eval[int](p, `document.querySelectorAll("#confirm[open]").length`); n != 0 {
				t.Error("a starter on an empty editor asked before replacing nothing")
			}
		})
	}
}

// visibleExamples lists the data-file of every example the list shows.
func (p *tab) visibleExamples() []string {
	p.t.Helper()
	return eval[[]string](p, `[...document.querySelectorAll("#examples [role=option]")].filter((o) => o.offsetParent !== null).map((o) => o.dataset.file)`)
}

func TestExamplesFilterWithTheKeyboard(t *testing.T) {
	p := newTab(t)
	p.open("")
	all := eval[int](p, `document.querySelectorAll("#examples [role=option]").length`)
	groups := eval[[]string](p, `[...document.querySelectorAll("#examples [role=group]")].map((g) => g.querySelector(".ex-group-title").textContent)`)
	if len(groups) < 4 {
		t.Errorf("got %d groups %v, want at least 4", len(groups), groups)
	}
	if n := eval[int](p, `[...document.querySelectorAll("#examples [role=option] .ex-purpose")].filter((s) => s.textContent.trim().length > 10).length`); n != all {
		t.Errorf("%d of %d examples show a purpose, want all", n, all)
	}
	// Open the list from the keyboard: Tab to the button, Enter.
	eval[chromedp.Void](p, `document.getElementById("examples-toggle").focus()`)
	p.do(chromedp.KeyEvent(kb.Enter))
	p.waitFor(`document.activeElement && document.activeElement.id === "examples-filter"`, "the filter box to get the focus")
	if got := len(p.visibleExamples()); got != all {
		t.Errorf("an empty filter shows %d examples, want all %d", got, all)
	}
	p.insertText("dtmf")
	shown := p.visibleExamples()
	if len(shown) == 0 || len(shown) >= all {
		t.Fatalf("filter dtmf shows %d of %d examples, want some but not all", len(shown), all)
	}
	for _, f := range shown {
		if !strings.Contains(strings.ToLower(f), "dtmf") {
			t.Errorf("filter dtmf shows %s", f)
		}
	}
	// The first match is active; ArrowDown moves to the second; Enter loads it.
	p.do(chromedp.KeyEvent(kb.ArrowDown))
	active := eval[string](p, `document.getElementById(document.getElementById("examples-filter").getAttribute("aria-activedescendant"))?.dataset.file ?? ""`)
	if len(shown) > 1 && active != shown[1] {
		t.Errorf("after ArrowDown the active example is %q, want %q", active, shown[1])
	}
	p.pressEnter()
	p.waitEditorText(readRepoFile(t, "check/testdata/corpus/"+active), "the chosen example")
	if !eval[bool](p, `document.getElementById("examples-popup").hidden`) {
		t.Error("the list stays open after loading")
	}
	// Escape closes the list and gives the focus back to its button.
	p.click("#examples-toggle")
	p.insertText("no such example anywhere")
	if got := p.text("#examples-count"); got != "No example matches." {
		t.Errorf("count %q, want no match", got)
	}
	p.do(chromedp.KeyEvent(kb.Escape))
	if !eval[bool](p, `document.getElementById("examples-popup").hidden && document.activeElement.id === "examples-toggle"`) {
		t.Error("Escape left the list open or the focus elsewhere")
	}
}

func TestMessageGoesWhenTheTextChanges(t *testing.T) {
	p := newTab(t)
	p.open("")
	p.chooseExample("forms/operation.valid.json")
	p.waitChecked()
	if msg := p.text("#message"); !strings.Contains(msg, "Loaded the example") {
		t.Fatalf("message %q, want the load to be told", msg)
	}
	// An edit: the message no longer describes the text.
	p.focusEditor()
	p.insertText(" ")
	p.waitFor(`document.getElementById("message").hidden`, "the message to go after an edit")
	// A new load says what it loaded, not what an earlier one did.
	p.chooseExample("forms/notifications.valid.json")
	p.waitFor(`document.getElementById("confirm").open`, "the question")
	p.click("#confirm-ok")
	p.waitChecked()
	msg := p.text("#message")
	if !strings.Contains(msg, "Callback") || eval[bool](p, `document.getElementById("message").hidden`) {
		t.Errorf("after the second load the message is %q (hidden=%v), want the callback example's", msg, eval[bool](p, `document.getElementById("message").hidden`))
	}
	// New says so, and the next typing takes that away too.
	p.click("#new")
	p.waitChecked()
	if msg := p.text("#message"); !strings.Contains(msg, "empty document") {
		t.Errorf("after New: message %q", msg)
	}
	p.focusEditor()
	p.insertText("{")
	p.waitFor(`document.getElementById("message").hidden`, "the message to go after typing")
}

// setViewport makes the tab's page width×height CSS pixels.
func (p *tab) setViewport(width, height int64) {
	p.t.Helper()
	p.do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: height, DeviceScaleFactor: 1, Mobile: width < 600})
		return err
	}))
}

// layout is what TestLayout measures, in CSS pixels.
type layout struct {
	ScrollWidth, InnerWidth                    int
	EditorHeight, EditorWidth                  float64
	EditorCovered, ResultsCovered, StatusBlock []string
	StatusHeight                               float64
}

// measureLayout scrolls each part into view and asks which element is on
// top at points inside it: anything not inside the part covers it.
const measureLayout = `(() => {
  const covered = (el, inside) => {
    el.scrollIntoView({ block: "center", inline: "nearest" });
    const r = el.getBoundingClientRect();
    const out = [];
    for (const fx of [0.1, 0.5, 0.9]) for (const fy of [0.1, 0.5, 0.9]) {
      const x = r.left + r.width * fx, y = r.top + r.height * fy;
      if (y < 0 || y >= innerHeight || x < 0 || x >= innerWidth) continue;
      const top = document.elementFromPoint(x, y);
      if (!top || !inside.contains(top)) out.push((top ? top.tagName + "#" + top.id + "." + top.className : "nothing") + " at " + Math.round(x) + "," + Math.round(y));
    }
    return out;
  };
  const editor = document.getElementById("editor");
  const er = editor.getBoundingClientRect();
  const status = document.getElementById("status");
  const res = {
    ScrollWidth: document.scrollingElement.scrollWidth, InnerWidth: innerWidth,
    EditorHeight: er.height, EditorWidth: er.width,
    EditorCovered: covered(editor, editor),
    ResultsCovered: covered(document.getElementById("panel-diagnostics"), document.getElementById("panel-diagnostics")),
    StatusBlock: covered(status, status),
    StatusHeight: status.getBoundingClientRect().height,
  };
  scrollTo(0, 0);
  return res;
})()`

func TestLayout(t *testing.T) {
	sizes := []struct {
		width, height int64
	}{
		{360, 740}, {768, 1024}, {1440, 900},
	}
	for _, sz := range sizes {
		for _, example := range []string{"forms/collection.broken-item-errors.json", ""} {
			name := fmt.Sprintf("%dx%d/%s", sz.width, sz.height, example)
			if example == "" {
				name = fmt.Sprintf("%dx%d/empty", sz.width, sz.height)
			}
			t.Run(name, func(t *testing.T) { checkLayout(t, sz.width, sz.height, example) })
		}
	}
}

// checkLayout measures the page at width×height with the example loaded
// (the empty state when example is "").
func checkLayout(t *testing.T, width, height int64, example string) {
	p := newTab(t)
	p.setViewport(width, height)
	p.open("")
	// An empty editor may be shorter: the empty state comes first on a phone.
	minHeight := 0.4 * float64(height)
	if example != "" {
		p.chooseExample(example)
		p.waitChecked()
	} else {
		minHeight = 150
	}
	got := eval[layout](p, measureLayout)
	if got.ScrollWidth > got.InnerWidth {
		t.Errorf("the page scrolls sideways: scrollWidth %d > innerWidth %d", got.ScrollWidth, got.InnerWidth)
	}
	sz := struct{ width, height int64 }{width, height}
	if min := minHeight; got.EditorHeight < min || got.EditorHeight > float64(sz.height) {
		t.Errorf("editor height %.0f px, want between %.0f and %d", got.EditorHeight, min, sz.height)
	}
	if got.EditorWidth < 0.45*float64(sz.width)-40 {
		t.Errorf("editor width %.0f px of %d", got.EditorWidth, sz.width)
	}
	if len(got.EditorCovered) > 0 {
		t.Errorf("something covers the editor: %v", got.EditorCovered)
	}
	if len(got.ResultsCovered) > 0 {
		t.Errorf("something covers the findings: %v", got.ResultsCovered)
	}
	if got.StatusHeight < 10 || len(got.StatusBlock) > 0 {
		t.Errorf("status line: height %.0f, covered by %v", got.StatusHeight, got.StatusBlock)
	}
}

// TestWarningAboutTheTextStays: a warning that still describes the text (it
// is too long to save in the browser) is not taken away by an edit.
func TestWarningAboutTheTextStays(t *testing.T) {
	p := newTab(t)
	p.open("")
	p.setText(`{"clientContext": "` + strings.Repeat("x", 2_100_000) + `"}`)
	p.waitFor(`document.getElementById("message").textContent.includes("too long to keep")`, "the warning that the text is not saved")
	p.focusEditor()
	p.insertText(" ")
	if eval[bool](p, `document.getElementById("message").hidden`) {
		t.Error("an edit took away the warning that the text is not saved, which still holds")
	}
}
