package web

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"opcheck/permalink"
)

// shareLink clicks Share and returns the address bar's new link.
func (p *tab) shareLink() string {
	p.t.Helper()
	before := eval[string](p, `location.href`)
	p.click("#share")
	p.waitFor(fmt.Sprintf(`location.href !== %q && location.hash.startsWith("#1.")`, before), "the share link in the address bar")
	return eval[string](p, `location.href`)
}

// fragmentOf is the part of link after "#".
func fragmentOf(link string) string {
	_, f, _ := strings.Cut(link, "#")
	return f
}

// setSelect sets a select or checkbox the way a person does (value, then change).
func (p *tab) setValue(id, value string) {
	p.t.Helper()
	eval[chromedp.Void](p, fmt.Sprintf(`(() => { const e = document.getElementById(%q); if (e.type === "checkbox") e.checked = %q === "true"; else e.value = %q; e.dispatchEvent(new Event(e.tagName === "INPUT" && e.type !== "checkbox" ? "input" : "change")); })()`, id, value, value))
}

// TestShareRestoresInFreshContext shares text, version, query and view,
// and opens the link in a new browser context (no storage): all four come
// back.
func TestShareRestoresInFreshContext(t *testing.T) {
	p := newTab(t)
	p.open("")
	src := strings.Replace(readRepoFile(t, "check/testdata/corpus/beta/inviteParticipantsOperation.valid.json"), `"status"`, `"note": "ünïcødé 😀 — </script>",`+"\n  "+`"status"`, 1)
	if !strings.Contains(src, "ünïcødé") {
		t.Fatal("the test text has no non-ASCII member")
	}
	p.setText(src)
	p.setValue("api", "beta")
	p.click("#tab-query")
	p.setValue("query", "participants.#.identity.user.displayName")
	p.waitChecked()
	link := p.shareLink()
	if msg := p.text("#message"); !strings.Contains(msg, "Link copied") && !strings.Contains(msg, "address bar") {
		t.Errorf("after Share the message is %q, want it to say where the link is", msg)
	}
	if !strings.HasPrefix(link, harness.baseURL+"#1.") {
		t.Errorf("link %q: want the page's address and a version 1 fragment", link)
	}

	q := newTab(t)
	q.open(strings.TrimPrefix(link, harness.baseURL))
	if got := q.editorText(); got != src {
		t.Errorf("text: got %q, want %q", got, src)
	}
	if got := eval[string](q, `document.getElementById("api").value`); got != "beta" {
		t.Errorf("API: got %q, want beta", got)
	}
	if got := eval[string](q, `document.getElementById("query").value`); got != "participants.#.identity.user.displayName" {
		t.Errorf("query: got %q", got)
	}
	if got := eval[string](q, `document.getElementById("tab-query").getAttribute("aria-selected")`); got != "true" {
		t.Errorf("the Query view is not shown (aria-selected %q)", got)
	}
	q.waitFor(`document.getElementById("query-result").dataset.state === "match"`, "the query result")
	// Browsers keep the fragment to themselves: the server never saw it.
	if f := fragmentOf(link); strings.Contains(harness.serverLog.String(), f[:32]) {
		t.Error("the page server's log holds the link's fragment")
	}
	if !strings.Contains(harness.serverLog.String(), "GET") {
		t.Error("the page server's log has no requests: the fragment check above proves nothing")
	}
	// An edit drops the fragment, so a reload keeps the edit rather than
	// reopening the link.
	q.focusEditor()
	q.do(chromedp.KeyEvent("x"))
	q.waitFor(`location.hash === ""`, "the fragment to go")
	edited := q.editorText()
	q.waitFor(`localStorage.getItem("opcheck.text") === `+jsString(edited), "the autosave")
	q.do(chromedp.Reload())
	q.waitReady()
	if got := q.editorText(); got != edited {
		t.Errorf("after an edit and a reload: got %q, want the edited text", got)
	}
}

// TestShareShortcutAndLongLinkWarning: Ctrl+S shares, and a link over
// 8,000 characters comes with a warning.
func TestShareShortcutAndLongLinkWarning(t *testing.T) {
	p := newTab(t)
	p.open("")
	random := make([]byte, 8000)
	rand.Read(random)
	p.setText(`{"clientContext": "` + hex.EncodeToString(random) + `"}`)
	p.waitChecked()
	p.focusEditor()
	p.do(chromedp.KeyEvent("s", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	p.waitFor(`location.hash.startsWith("#1.")`, "the link made by Ctrl+S")
	if n := len(eval[string](p, `location.href`)); n <= 8000 {
		t.Fatalf("the link has %d characters, the test needs more than 8,000", n)
	}
	msg := p.text("#message")
	if !strings.Contains(msg, "8,000") || eval[string](p, `document.getElementById("message").dataset.kind`) != "warn" {
		t.Errorf("message %q: want a warning about links over 8,000 characters", msg)
	}
}

// TestRedactedShare redacts the shared text: names, e-mail addresses and
// GUIDs are gone from the link, the same GUID gets the same placeholder,
// and the choice is remembered.
func TestRedactedShare(t *testing.T) {
	p := newTab(t)
	p.open("")
	const guid = "8b081ef6-4792-4def-b2c9-c363a1bf41d5"
	src := `{
  "@odata.type": "#microsoft.graph.inviteParticipantsOperation",
  "id": "` + guid + `",
  "status": "Running",
  "clientContext": "` + guid + `",
  "participants": [{"identity": {"user": {"id": "5e1a9d3b-7f8c-4a2e-9b6d-0c4f8e2a1b3c", "displayName": "Ada Lovelace"}, "phone": {"id": "+14255550199"}}, "mail": "ada.lovelace@contoso.com"}]
}`
	p.setText(src)
	p.waitChecked()
	p.setValue("redact", "true")
	link := p.shareLink()
	st, err := permalink.Decode(fragmentOf(link))
	if err != nil {
		t.Fatalf("decode the link: %v", err)
	}
	for _, secret := range []string{guid, "5e1a9d3b-7f8c-4a2e-9b6d-0c4f8e2a1b3c", "Ada Lovelace", "ada.lovelace@contoso.com", "+14255550199"} {
		if strings.Contains(st.Text, secret) {
			t.Errorf("the redacted link still holds %q: %s", secret, st.Text)
		}
	}
	// The two copies of one GUID got one placeholder: structure survives.
	var id, ctx string
	for _, line := range strings.Split(st.Text, "\n") {
		line = strings.TrimSpace(line)
		if v, ok := strings.CutPrefix(line, `"id": `); ok && id == "" {
			id = strings.TrimSuffix(v, ",")
		}
		if v, ok := strings.CutPrefix(line, `"clientContext": `); ok {
			ctx = strings.TrimSuffix(v, ",")
		}
	}
	if id == "" || id != ctx {
		t.Errorf("the same GUID became %s and %s, want one placeholder", id, ctx)
	}
	if msg := p.text("#message"); !strings.Contains(msg, "redacted") {
		t.Errorf("message %q does not say the link is redacted", msg)
	}
	// The editor keeps the original; the link opens the redacted text.
	if got := p.editorText(); got != src {
		t.Errorf("sharing changed the editor's text to %q", got)
	}
	q := newTab(t)
	q.open(strings.TrimPrefix(link, harness.baseURL))
	if got := q.editorText(); got != st.Text {
		t.Errorf("the link opens %q, want the redacted text %q", got, st.Text)
	}
	// Remembered across reloads.
	p.do(chromedp.Reload())
	p.waitReady()
	if !eval[bool](p, `document.getElementById("redact").checked`) {
		t.Error("the redact choice was not remembered")
	}
}

// TestBadLinksKeepSavedText opens a corrupt, a truncated, a bomb and an
// unknown-version link over saved text: each says what is wrong, and the
// saved text stays in the editor and in storage.
func TestBadLinksKeepSavedText(t *testing.T) {
	p := newTab(t)
	p.open("")
	const saved = `{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "p1", "status": "Completed"}`
	p.setText(saved)
	p.waitChecked()
	p.waitFor(`localStorage.getItem("opcheck.text") === `+jsString(saved), "the autosave")

	good := permalink.Encode(permalink.State{Text: strings.Repeat(`{"a": "some text to compress"}`, 40), API: "beta"})
	bomb := permalink.Encode(permalink.State{Text: strings.Repeat("A", 3<<20)})
	for _, tc := range []struct {
		name, fragment, want string
	}{
		{"corrupt", "1.%%%not-base64***", "not valid base64url"},
		{"truncated", good[:len(good)/2], "cut short"},
		{"bomb", bomb, "too large"},
		{"unknown version", "9." + good[2:], "version"},
		{"bad url link", "url=javascript%3Aalert(1)", "cannot be fetched"},
	} {
		p.do(chromedp.Navigate("about:blank"))
		p.do(chromedp.Navigate(harness.baseURL + "#" + tc.fragment))
		p.waitReady()
		msg := p.text("#message")
		if !strings.Contains(msg, tc.want) || !strings.Contains(msg, "saved text is kept") {
			t.Errorf("%s: message %q, want it to mention %q and that the saved text is kept", tc.name, msg, tc.want)
		}
		if got := p.editorText(); got != saved {
			t.Errorf("%s: the editor holds %q, want the saved text", tc.name, got)
		}
		if got := eval[string](p, `localStorage.getItem("opcheck.text")`); got != saved {
			t.Errorf("%s: storage holds %q, want the saved text", tc.name, got)
		}
	}
	if len(bomb) > 10_000 {
		t.Errorf("the bomb link is %d characters; a bomb is small", len(bomb))
	}
}

// jsString quotes s as a JavaScript string literal (JSON is one).
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
