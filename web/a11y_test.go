package web

// TestAccessibility runs axe-core (web/package.json's test-only
// devDependency; never bundled into the page) on every state a person meets
// in the first minute, in both themes, and fails on any serious or
// critical violation. axe's source is evaluated through the DevTools
// protocol, which the page's Content-Security-Policy does not govern, so
// the page under test stays exactly as served.

import (
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// axePath is axe-core's browser build, installed by npm ci in web/ (make web).
var axePath = repoPath("web", "node_modules", "axe-core", "axe.min.js")

// violation is one axe rule that failed, with the elements it failed on.
type violation struct {
	ID, Impact, Help string
	Targets          []string
}

// runAxe injects axe into the page when it is not there yet and returns its
// serious and critical violations.
func (p *tab) runAxe(source string) []violation {
	p.t.Helper()
	if !eval[bool](p, `typeof axe === "object"`) {
		eval[chromedp.Void](p, source)
	}
	// The editor's scroller holds CodeMirror's contenteditable content, which
	// Tab reaches; axe counts only elements with a tabindex as keyboard
	// stops, and a tabindex on that content made a focus change cost seconds
	// with a long text (TestWorkerGetsChangesWhileTyping): that one node is
	// left out of scrollable-region-focusable, no other.
	return eval[[]violation](p, `axe.run(document, { resultTypes: ["violations"] }).then((r) => r.violations
		.filter((v) => v.impact === "serious" || v.impact === "critical")
		.map((v) => ({ ID: v.id, Impact: v.impact, Help: v.help,
			Targets: v.nodes.map((n) => n.target.flat().join(" ")).filter((t) => !(v.id === "scrollable-region-focusable" && t === "#editor .cm-scroller")).slice(0, 5) }))
		.filter((v) => v.Targets.length > 0))`)
}

func TestAccessibility(t *testing.T) {
	src, err := os.ReadFile(axePath)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("axe-core is missing (%v): run make web", err)
		}
		t.Skipf("axe-core is missing (%v): run make web", err)
	}
	source := string(src)
	for _, scheme := range []string{"light", "dark"} {
		t.Run(scheme, func(t *testing.T) {
			p := newFirstVisitTab(t)
			p.emulateScheme(scheme)
			p.open("")
			check := func(state string) {
				t.Helper()
				for _, v := range p.runAxe(source) {
					t.Errorf("%s: %s (%s): %s on %s", state, v.ID, v.Impact, v.Help, strings.Join(v.Targets, ", "))
				}
			}
			check("the first view (an example and its message)")

			p.click("#new")
			p.waitChecked()
			check("the empty state")

			p.click("#examples-toggle")
			p.waitFor(`document.activeElement.id === "examples-filter"`, "the Examples list to open")
			p.insertText("callback")
			check("the Examples list, filtered")
			p.do(chromedp.KeyEvent("\u001b")) // Escape

			p.chooseExample("forms/collection.broken-item-errors.json")
			p.waitChecked()
			check("a loaded example with findings")

			for _, view := range []string{"summary", "query", "diagnostics"} {
				p.click("#tab-" + view)
				p.waitFor(`!document.getElementById("panel-`+view+`").hidden`, "the "+view+" tab")
				check("the " + view + " tab")
			}

			p.click("#help")
			p.waitFor(`document.getElementById("shortcuts").open`, "the shortcuts dialog")
			check("the shortcuts dialog")
			p.click("#shortcuts-close")

			p.setText(`{"mine": true}`)
			p.waitChecked()
			p.chooseExample("forms/operation.valid.json")
			p.waitFor(`document.getElementById("confirm").open`, "the question before replacing")
			check("the replace question")
			p.click("#confirm-cancel")
		})
	}
}
