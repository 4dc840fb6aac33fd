package web

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"opcheck/check"
	"opcheck/format"
)

// TestFixAppliedAndUndone applies a finding's fix from the panel and undoes
// it with Ctrl+Z. Non-ASCII text before the fix checks that byte offsets
// become the right editor positions.
func TestFixAppliedAndUndone(t *testing.T) {
	p := newTab(t)
	p.open("")
	const before = `{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "x", "clientContext": "héllo 😀 — ünïcode", "status": "completed"}`
	p.setText(before)
	p.waitChecked()
	if n := eval[int](p, `document.querySelectorAll('#diagnostics li[data-code="enum-case"] button.fix').length`); n != 1 {
		t.Fatalf("got %d fix buttons on the enum-case finding, want 1 (findings: %+v)", n, p.findings())
	}
	p.click(`#diagnostics li[data-code="enum-case"] button.fix`)
	p.waitChecked()
	want := strings.Replace(before, `"completed"`, `"Completed"`, 1)
	if got := p.editorText(); got != want {
		t.Fatalf("after the fix: got %q, want %q", got, want)
	}
	for _, f := range p.findings() {
		if f.Code == "enum-case" {
			t.Errorf("the enum-case finding is still listed after its fix: %+v", f)
		}
	}
	p.focusEditor()
	p.do(chromedp.KeyEvent("z", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	p.waitChecked()
	if got := p.editorText(); got != before {
		t.Fatalf("after undo: got %q, want %q", got, before)
	}
	if n := eval[int](p, `document.querySelectorAll('#diagnostics li[data-code="enum-case"]').length`); n != 1 {
		t.Errorf("after undo: got %d enum-case findings, want 1", n)
	}
}

// TestFindingSelectsItsRange clicks a finding, presses Enter on another and
// uses F8 / Shift+F8, and checks the editor's selection each time.
func TestFindingSelectsItsRange(t *testing.T) {
	p := newTab(t)
	p.open("")
	const text = "{\n  \"@odata.type\": \"#microsoft.graph.playPromptOperation\",\n  \"id\": \"x\",\n  \"status\": \"completed\",\n  \"clientContext\": 12\n}"
	p.setText(text)
	p.waitChecked()
	selection := func() string {
		return eval[string](p, editorContent+`.cmTile.root.view.state.sliceDoc(`+editorContent+`.cmTile.root.view.state.selection.main.from, `+editorContent+`.cmTile.root.view.state.selection.main.to)`)
	}
	p.click(`#diagnostics li[data-code="enum-case"]`)
	if got, want := selection(), `"completed"`; got != want {
		t.Errorf("click on the enum-case finding selected %q, want %q", got, want)
	}
	eval[chromedp.Void](p, `document.querySelector('#diagnostics li[data-code="wrong-type"]').focus()`)
	p.pressEnter()
	if got, want := selection(), `12`; got != want {
		t.Errorf("Enter on the wrong-type finding selected %q, want %q", got, want)
	}
	// F8 from the start moves to the first finding after the cursor.
	eval[chromedp.Void](p, `(() => { const v = `+editorContent+`.cmTile.root.view; v.dispatch({selection: {anchor: 0}}); })()`)
	p.focusEditor()
	p.do(chromedp.KeyEvent(kb.F8))
	first := selection()
	p.do(chromedp.KeyEvent(kb.F8))
	second := selection()
	if first == "" || second == "" || first == second {
		t.Errorf("F8 twice selected %q then %q, want two different findings", first, second)
	}
	p.do(chromedp.KeyEvent(kb.F8, chromedp.KeyModifiers(chromedp.ModifierShift)))
	if got := selection(); got != first {
		t.Errorf("Shift+F8 selected %q, want the previous finding %q", got, first)
	}
}

// TestLongFindingListIsComplete: a list longer than what the panel builds
// at once is completed in later tasks, in order, and a finding listed late
// selects its range and applies its fix like the first.
func TestLongFindingListIsComplete(t *testing.T) {
	p := newTab(t)
	p.open("")
	const n = 450
	text := strings.ReplaceAll(largeCollection(n), `"Running"`, `"running"`) // a finding per operation
	p.setText(text)
	p.waitChecked()
	lines := eval[[]string](p, `[...document.querySelectorAll('#diagnostics li[data-code="enum-case"]')].map((li) => li.dataset.line)`)
	if len(lines) != n {
		t.Fatalf("the panel lists %d enum-case findings, want %d", len(lines), n)
	}
	for i, l := range lines {
		if want := strconv.Itoa(i + 2); l != want {
			t.Fatalf("finding %d is on line %s, want %s: the list is out of order", i, l, want)
		}
	}
	const last = `#diagnostics li[data-code="enum-case"]:last-of-type`
	p.click(last)
	sel := eval[string](p, `(() => { const s = `+editorContent+`.cmTile.root.view.state; return s.sliceDoc(s.selection.main.from, s.selection.main.to); })()`)
	if sel != `"running"` {
		t.Errorf("clicking the last finding selected %q, want its status", sel)
	}
	p.click(last + ` button.fix`)
	p.waitChecked()
	want := text[:strings.LastIndex(text, `"running"`)] + `"Running"` + text[strings.LastIndex(text, `"running"`)+len(`"running"`):]
	if got := p.editorText(); got != want {
		t.Errorf("the last finding's fix did not change the last status alone")
	}
}

// TestSummaryView shows an invite operation: type, status badge,
// clientContext and a roster with one row per participant.
func TestSummaryView(t *testing.T) {
	p := newTab(t)
	p.open("")
	src := readRepoFile(t, "check/testdata/corpus/v1.0/inviteParticipantsOperation.valid.json")
	p.setText(src)
	p.waitChecked()
	p.click("#tab-summary")
	p.waitFor(`document.querySelector("#summary .op-card") !== null`, "an operation card")
	var op struct {
		Type          string `json:"@odata.type"`
		Status        string `json:"status"`
		ClientContext string `json:"clientContext"`
		Participants  []json.RawMessage
	}
	if err := json.Unmarshal([]byte(src), &op); err != nil {
		t.Fatal(err)
	}
	card := p.text("#summary .op-card")
	for _, want := range []string{"inviteParticipantsOperation", op.Status, op.ClientContext} {
		if !strings.Contains(card, want) {
			t.Errorf("summary card %q does not show %q", card, want)
		}
	}
	if got := p.text("#summary .op-card .badge"); got != op.Status {
		t.Errorf("status badge: got %q, want %q", got, op.Status)
	}
	if got := eval[string](p, `document.querySelector("#summary .badge").className`); !strings.Contains(got, "status-"+strings.ToLower(op.Status)) {
		t.Errorf("status badge class %q, want status-%s", got, strings.ToLower(op.Status))
	}
	if got, want := eval[int](p, `document.querySelectorAll("#summary .roster tbody tr").length`), len(op.Participants); got != want {
		t.Errorf("roster: got %d rows, want %d", got, want)
	}
	if got := p.text("#summary .roster"); !strings.Contains(got, "Megan Ortiz") || !strings.Contains(got, "phone") {
		t.Errorf("roster %q lacks a participant's name or identity kind", got)
	}
}

// TestSummaryOfEmbeddedOperations shows the operation inside a raw HTTP
// response, a docs page and a log line: the page reads the object's bytes
// from the offset and length the checker gives. The expected values come
// from the same slice parsed by Go.
func TestSummaryOfEmbeddedOperations(t *testing.T) {
	p := newTab(t)
	p.open("")
	p.click("#tab-summary")
	for _, file := range []string{
		"forms/http-200.valid.http",
		"forms/http-crlf.valid.http",
		"forms/docs.valid.md",
		"forms/log.broken-status-lowercase.txt",
	} {
		src := readRepoFile(t, "check/testdata/corpus/"+file)
		r := check.Validate([]byte(src), nil)
		var op check.Object
		for _, o := range r.Objects {
			if strings.HasSuffix(o.Type, "Operation") {
				op = o
				break
			}
		}
		if op.Type == "" {
			t.Fatalf("%s: the checker finds no operation in it", file)
		}
		var want struct {
			Status        string `json:"status"`
			ClientContext string `json:"clientContext"`
		}
		if err := json.Unmarshal([]byte(src[op.Offset:op.Offset+op.Length]), &want); err != nil {
			t.Fatalf("%s: the object's bytes are not JSON: %v", file, err)
		}
		p.setText(src)
		p.waitChecked()
		short := strings.TrimPrefix(op.Type, "microsoft.graph.")
		if strings.HasPrefix(op.Pointer, "/value/") {
			// Inside a notification: a row of the notifications table.
			p.waitFor(`document.querySelector("#summary table.notifications tbody tr") !== null`, file+": the notifications table")
			row := p.text("#summary table.notifications tbody tr")
			if !strings.Contains(row, short) {
				t.Errorf("%s: notification row %q does not name %s", file, row, short)
			}
			if got := p.text("#summary table.notifications tbody tr .badge"); got != want.Status {
				t.Errorf("%s: status badge: got %q, want %q", file, got, want.Status)
			}
			continue
		}
		sel := fmt.Sprintf(`#summary .op-card[data-type=%q]`, short)
		p.waitFor(fmt.Sprintf(`document.querySelector(%q) !== null`, sel), file+": a card for "+short)
		card := p.text(sel)
		if strings.Contains(card, "does not say where") || strings.Contains(card, "could not be read") {
			t.Errorf("%s: the card shows no details: %q", file, card)
		}
		if got := p.text(sel + " .badge"); got != want.Status {
			t.Errorf("%s: status badge: got %q, want %q", file, got, want.Status)
		}
		if !strings.Contains(card, want.ClientContext) {
			t.Errorf("%s: card %q does not show clientContext %q", file, card, want.ClientContext)
		}
		line := fmt.Sprintf("Starts on line%d", strings.Count(src[:op.Offset], "\n")+1)
		if !strings.Contains(card, line) {
			t.Errorf("%s: card %q does not say %q", file, card, line)
		}
	}
}

// TestSummaryOfCallbackBatch lists one row per notification.
func TestSummaryOfCallbackBatch(t *testing.T) {
	p := newTab(t)
	p.open("")
	src := readRepoFile(t, "check/testdata/corpus/forms/notifications.valid.json")
	p.setText(src)
	p.waitChecked()
	p.click("#tab-summary")
	var batch struct{ Value []json.RawMessage }
	if err := json.Unmarshal([]byte(src), &batch); err != nil {
		t.Fatal(err)
	}
	p.waitFor(`document.querySelector("#summary table") !== null`, "the notifications table")
	if got, want := eval[int](p, `document.querySelectorAll("#summary table tbody tr").length`), len(batch.Value); got != want {
		t.Errorf("notifications table: got %d rows, want %d", got, want)
	}
}

// TestFormatAndMinify formats with each indent, sorts keys, minifies, and
// undoes; the page's output must equal the format package's.
func TestFormatAndMinify(t *testing.T) {
	p := newTab(t)
	p.open("")
	const src = `{"b": 1, "a": [1, 2, {"d": null, "c": "x"}]}`
	p.setText(src)
	p.waitChecked()
	for _, tc := range []struct {
		name, indent, option string
		sort                 bool
	}{
		{"two spaces", "  ", "2", false},
		{"four spaces sorted", "    ", "4", true},
		{"tab", "\t", "tab", false},
	} {
		p.setText(src)
		p.waitChecked()
		eval[chromedp.Void](p, fmt.Sprintf(`(() => { const s = document.getElementById("indent"); s.value = %q; s.dispatchEvent(new Event("change")); const c = document.getElementById("sort-keys"); c.checked = %v; c.dispatchEvent(new Event("change")); })()`, tc.option, tc.sort))
		p.click("#format")
		want, err := format.Format([]byte(src), &format.Options{Indent: tc.indent, SortKeys: tc.sort})
		if err != nil {
			t.Fatal(err)
		}
		p.waitEditorText(string(want), tc.name)
		p.waitChecked()
	}
	formatted := p.editorText()
	p.click("#minify")
	want, err := format.Minify([]byte(formatted))
	if err != nil {
		t.Fatal(err)
	}
	p.waitEditorText(string(want), "minify")
	p.waitChecked()
	p.focusEditor()
	p.do(chromedp.KeyEvent("z", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	if got := p.editorText(); got != formatted {
		t.Errorf("undo after minify: got %q, want %q", got, formatted)
	}
	// Ctrl+Shift+F formats too.
	p.setText(src)
	p.do(chromedp.KeyEvent("F", chromedp.KeyModifiers(chromedp.ModifierCtrl, chromedp.ModifierShift)))
	p.waitFor(`document.getElementById("message").textContent.startsWith("Formatted")`, "Ctrl+Shift+F to format")
	if got := p.editorText(); got == src || !strings.Contains(got, "\n") {
		t.Errorf("Ctrl+Shift+F left %q unformatted", got)
	}
	// Text that is not JSON is refused with a message, and kept.
	p.setText(`{"a": }`)
	p.waitChecked()
	p.click("#format")
	p.waitFor(`document.getElementById("message").textContent.startsWith("Format needs")`, "Format to refuse broken JSON")
	if got := p.text("#message"); !strings.Contains(got, "Format") {
		t.Errorf("format of broken JSON: message %q, want it to say Format refused", got)
	}
	if got := p.editorText(); got != `{"a": }` {
		t.Errorf("format of broken JSON changed the text to %q", got)
	}
}

// TestQueryView evaluates a gjson path live, and says when nothing matches.
func TestQueryView(t *testing.T) {
	p := newTab(t)
	p.open("")
	src := readRepoFile(t, "check/testdata/corpus/v1.0/inviteParticipantsOperation.valid.json")
	p.setText(src)
	p.waitChecked()
	p.click("#tab-query")
	const path = "participants.#.identity.user.displayName"
	p.do(chromedp.SendKeys(chromedp.ID("query"), path))
	p.waitFor(`document.getElementById("query-result").dataset.state === "match"`, "a query result")
	raw, ok, err := format.Query([]byte(src), path)
	if err != nil || !ok {
		t.Fatalf("format.Query: %v, %v", ok, err)
	}
	var got, want any
	if err := json.Unmarshal([]byte(p.text("#query-result")), &got); err != nil {
		t.Fatalf("query result is not JSON: %v", err)
	}
	if err := json.Unmarshal([]byte(raw), &want); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("query result: got %v, want %v", got, want)
	}
	setQuery := func(q string) {
		eval[chromedp.Void](p, fmt.Sprintf(`(() => { const q = document.getElementById("query"); q.value = %q; q.dispatchEvent(new Event("input")); })()`, q))
	}
	setQuery("resultInfo.nothing")
	p.waitFor(`document.getElementById("query-result").dataset.state === "none"`, "the no-match message")
	setQuery("clientContext")
	p.waitFor(`document.getElementById("query-result").dataset.state === "match"`, "a result for clientContext")
	if got := p.text("#query-result"); got != `"transfer-desk/attempt-3"` {
		t.Errorf("clientContext query: got %q", got)
	}
	// The result follows the text: an edit updates it.
	p.setText(`{"clientContext": "edited"}`)
	p.waitFor(`document.getElementById("query-result").textContent === '"edited"'`, "the result of the edited text")
}

// TestEveryExampleLoads chooses every entry of the Examples menu: the editor
// gets the corpus file, the API switch its version, and the panel lists the
// codes the corpus says the example shows (none of error severity for a
// valid one).
func TestEveryExampleLoads(t *testing.T) {
	p := newTab(t)
	p.open("")
	manifest := readManifest(t)
	type option struct{ Value, File, API string }
	options := eval[[]option](p, `[...document.querySelectorAll("#examples [role=option]")].map((o) => ({Value: o.dataset.value, File: o.dataset.file, API: o.dataset.api}))`)
	shown := 0 // examples the menu can hold: an editor cannot hold invalid UTF-8
	for file := range manifest {
		if utf8.ValidString(readRepoFile(t, "check/testdata/corpus/"+file)) {
			shown++
		}
	}
	if len(options) != shown {
		t.Errorf("the menu has %d examples, want the corpus's %d that are valid UTF-8", len(options), shown)
	}
	for _, o := range options {
		m, ok := manifest[o.File]
		if !ok {
			t.Errorf("menu entry %s is not in the corpus manifest", o.File)
			continue
		}
		p.chooseExample(o.File)
		p.waitChecked()
		want := readRepoFile(t, "check/testdata/corpus/"+o.File)
		got := p.editorText()
		if got != strings.ReplaceAll(want, "\r\n", "\n") {
			t.Errorf("%s: the editor holds %d characters that differ from the file's %d", o.File, len(got), len(want))
			continue
		}
		if api := eval[string](p, `document.getElementById("api").value`); api != m.api {
			t.Errorf("%s: API switch %q, want %q", o.File, api, m.api)
		}
		fs := p.findings()
		if strings.TrimSpace(want) == "" {
			// The page shows the empty state, not the command line's empty-input finding.
			if len(fs) != 0 || eval[int](p, `document.querySelectorAll("#diagnostics .empty-state").length`) != 1 {
				t.Errorf("%s: got findings %v, want the empty state and none", o.File, fs)
			}
			continue
		}
		codes := map[string]bool{}
		for _, f := range fs {
			codes[f.Code] = true
		}
		for _, c := range m.codes {
			if !codes[c] {
				t.Errorf("%s: the panel lacks %s (got %v)", o.File, c, fs)
			}
		}
		if len(m.codes) == 0 && strings.Contains(o.File, ".valid.") {
			for _, f := range fs {
				if f.Severity == "error" {
					t.Errorf("%s: a valid example shows an error: %+v", o.File, f)
				}
			}
		}
	}
	if got := eval[string](p, `document.getElementById("examples").querySelector("[aria-selected=true]")?.id ?? ""`); got != "" {
		t.Errorf("the list keeps %q active after loading, want none", got)
	}
}

// TestExampleAsksBeforeReplacingText: typed text is only replaced after a yes.
func TestExampleAsksBeforeReplacingText(t *testing.T) {
	p := newTab(t)
	p.open("")
	p.setText(`{"mine": true}`)
	p.waitChecked()
	choose := `document.querySelector("#examples [role=option]").click()`
	eval[chromedp.Void](p, choose)
	p.waitFor(`document.getElementById("confirm").open`, "the question")
	p.click("#confirm-cancel")
	if got := p.editorText(); got != `{"mine": true}` {
		t.Fatalf("after No: got %q, want the typed text", got)
	}
	eval[chromedp.Void](p, choose)
	p.waitFor(`document.getElementById("confirm").open`, "the question")
	p.click("#confirm-ok")
	p.waitChecked()
	if got := p.editorText(); got == `{"mine": true}` {
		t.Fatal("after Yes: the typed text is still there")
	}
}

// manifestEntry is one example of the corpus.
type manifestEntry struct {
	api   string
	codes []string
}

// readManifest reads check/testdata/corpus/MANIFEST.tsv: path, api, codes, title.
func readManifest(t *testing.T) map[string]manifestEntry {
	t.Helper()
	f, err := os.Open(repoPath("check", "testdata", "corpus", "MANIFEST.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]manifestEntry{}
	sc := bufio.NewScanner(f)
	sc.Scan() // header
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 4 {
			continue
		}
		var codes []string
		for _, c := range strings.FieldsFunc(cols[2], func(r rune) bool { return r == ',' || r == ' ' }) {
			codes = append(codes, c)
		}
		out[cols[0]] = manifestEntry{api: cols[1], codes: codes}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// readRepoFile reads a file by its path from the repository root.
func readRepoFile(t *testing.T, rel string) string {
	t.Helper()
	b, err := os.ReadFile(repoPath(strings.Split(rel, "/")...))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestFormatAndQueryEmbeddedJSON minifies and formats the body of a raw
// HTTP response in place (headers kept, Content-Length kept right) and
// queries the JSON of a log line.
func TestFormatAndQueryEmbeddedJSON(t *testing.T) {
	p := newTab(t)
	p.open("")
	src := readRepoFile(t, "check/testdata/corpus/forms/http-200.valid.http")
	p.setText(src)
	p.waitChecked()
	head, body, ok := strings.Cut(src, "\n\n")
	if !ok {
		t.Fatal("the HTTP example has no blank line")
	}
	r := check.Validate([]byte(src), nil)
	if len(r.Objects) == 0 {
		t.Fatal("the checker finds no operation in the HTTP example")
	}
	o := r.Objects[0]
	min, err := format.Minify([]byte(src[o.Offset : o.Offset+o.Length]))
	if err != nil {
		t.Fatal(err)
	}
	// The example's Content-Length counts the body without its last line end.
	oldLen := "Content-Length: " + strconv.Itoa(len(strings.TrimRight(body, "\n")))
	if !strings.Contains(head, oldLen) {
		t.Fatalf("the example's head lacks %q", oldLen)
	}
	newLen := "Content-Length: " + strconv.Itoa(len(strings.TrimRight(body, "\n"))-o.Length+len(min))
	want := strings.Replace(src[:o.Offset], oldLen, newLen, 1) + string(min) + src[o.Offset+o.Length:]
	p.click("#minify")
	p.waitEditorText(want, "the minified body")
	p.waitChecked()
	if got := p.text("#message"); !strings.Contains(got, "body") {
		t.Errorf("message %q, want it to say only the body was minified", got)
	}
	for _, f := range p.findings() {
		if f.Severity == "error" || f.Severity == "warning" {
			t.Errorf("after minifying the body: %s %s %s", f.Severity, f.Code, f.Text)
		}
	}
	// Format brings the body's layout back (two spaces, as the example has it).
	p.click("#format")
	p.waitEditorText(src, "the formatted body")

	// Query a log line's JSON.
	log := readRepoFile(t, "check/testdata/corpus/forms/log.valid.txt")
	p.setText(log)
	p.waitChecked()
	p.click("#tab-query")
	eval[chromedp.Void](p, `(() => { const q = document.getElementById("query"); q.value = "resourceData.status"; q.dispatchEvent(new Event("input")); })()`)
	p.waitFor(`document.getElementById("query-result").dataset.state === "match"`, "a query result on the log line")
	if got := p.text("#query-result"); got != `"Running"` {
		t.Errorf("query of the log line: got %q, want %q", got, `"Running"`)
	}
}
