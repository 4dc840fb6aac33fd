package web

import (
	"strings"
	"testing"
)

// TestSDKView checks, in both colour schemes, the SDK consequence under a
// finding, the SDK tab's reading of the object per language, and the link
// from a member the SDK misreads to its finding.
func TestSDKView(t *testing.T) {
	for _, scheme := range []string{"light", "dark"} {
		t.Run(scheme, func(t *testing.T) {
			p := newTab(t)
			p.emulateScheme(scheme)
			p.open("")
			const text = "{\n  \"@odata.type\": \"#microsoft.graph.playPromptOperation\",\n  \"id\": \"x\",\n  \"status\": \"completed\",\n  \"clientContext\": \"c\"\n}"
			p.setText(text)
			p.waitChecked()
			if got := p.text(`#diagnostics li[data-code="enum-case"] .sdk-note`); got != "go: GetStatus() returns nil; no error" {
				t.Errorf("the enum-case finding's SDK line: got %q, want the Go consequence", got)
			}

			p.click("#tab-sdk")
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
