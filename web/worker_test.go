package web

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// workerProbeJS watches the page's worker from outside: it records every
// check message the page posts to it (globalThis.__workerProbe.posts: type,
// the characters of text it carries, and for an edit the inserted texts),
// and, while probe.closed is true, holds the worker's results back until
// probe.release() delivers them, as a slow check would. With
// probe.spoilNextEdit set, the next edit reaches the worker with a change
// past the end of its text, as if the worker held another text. It must be
// installed before the page starts its worker.
const workerProbeJS = `(() => {
  const probe = { posts: [], held: [], closed: false };
  globalThis.__workerProbe = probe;
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (msg, ...rest) {
    if (msg && ["open", "edit", "validate"].includes(msg.type)) {
      const edits = msg.type === "edit" ? msg.changes : [];
      probe.posts.push({
        type: msg.type,
        size: msg.type === "open" ? msg.text.length : edits.reduce((n, c) => n + c.text.length, 0),
        inserted: edits.map((c) => c.text).join(""),
      });
      if (msg.type === "edit" && probe.spoilNextEdit) {
        probe.spoilNextEdit = false;
        msg = { ...msg, changes: [{ offset: 1e12, length: 0, text: "x" }] };
      }
    }
    return post.call(this, msg, ...rest);
  };
  const own = Object.getOwnPropertyDescriptor(Worker.prototype, "onmessage");
  Object.defineProperty(Worker.prototype, "onmessage", {
    configurable: true,
    get() { return own.get.call(this); },
    set(fn) {
      own.set.call(this, (event) => {
        if (probe.closed && event.data && event.data.type === "result") probe.held.push(() => fn.call(this, event));
        else fn.call(this, event);
      });
    },
  });
  probe.release = () => {
    probe.closed = false;
    const held = probe.held;
    probe.held = [];
    for (const deliver of held) deliver();
    return held.length;
  };
})()`

// post is one check message the page posted to its worker.
type post struct {
	Type     string
	Size     int    // characters of text carried: the whole text for open, the inserted texts for edit
	Inserted string // an edit's inserted texts, joined
}

func (p *tab) installWorkerProbe() {
	p.t.Helper()
	eval[chromedp.Void](p, workerProbeJS)
}

// posts returns the check messages posted to the worker since the probe was installed.
func (p *tab) posts() []post {
	p.t.Helper()
	return eval[[]post](p, `globalThis.__workerProbe.posts`)
}

// holdResults makes the worker's results wait until releaseResults.
func (p *tab) holdResults() {
	p.t.Helper()
	eval[chromedp.Void](p, `globalThis.__workerProbe.closed = true`)
}

// releaseResults waits until the worker has answered n times while held,
// then delivers those results.
func (p *tab) releaseResults(n int) {
	p.t.Helper()
	p.waitFor(fmt.Sprintf(`globalThis.__workerProbe.held.length >= %d`, n), "the worker to answer")
	if got := eval[int](p, `globalThis.__workerProbe.release()`); got != n {
		p.t.Errorf("the worker answered %d times while held, want %d", got, n)
	}
}

// waitPosts waits until n check messages have been posted to the worker.
func (p *tab) waitPosts(n int, what string) {
	p.t.Helper()
	p.waitFor(fmt.Sprintf(`globalThis.__workerProbe.posts.length >= %d`, n), what)
}

// selectRange selects from..to in the editor and focuses it.
func (p *tab) selectRange(from, to int) {
	p.t.Helper()
	eval[chromedp.Void](p, fmt.Sprintf(`(() => { const v = %s.cmTile.root.view; v.dispatch({selection: {anchor: %d, head: %d}}); v.focus(); })()`, editorContent, from, to))
}

// freshFinding is a finding as the panel lists it, from a fresh check.
type freshFinding struct{ Code, Line, Column, Message string }

// assertFreshFindings fails unless the panel lists exactly the findings of
// a fresh, full check of the editor's current text, and returns them.
func (p *tab) assertFreshFindings(what string) []freshFinding {
	p.t.Helper()
	want := eval[[]freshFinding](p, `opcheck.validate(`+editorContent+`.cmTile.root.view.state.doc.toString(), {api: document.getElementById("api").value}).diagnostics.map((d) => ({Code: d.code, Line: String(d.line), Column: String(d.column), Message: d.message}))`)
	var got []freshFinding
	for _, f := range p.findings() {
		got = append(got, freshFinding{f.Code, f.Line, f.Column, ""})
	}
	var wantShown []freshFinding
	for _, f := range want {
		wantShown = append(wantShown, freshFinding{f.Code, f.Line, f.Column, ""})
	}
	if fmt.Sprint(got) != fmt.Sprint(wantShown) {
		p.t.Errorf("%s: the panel shows %v, want the findings of a fresh check %v", what, got, wantShown)
	}
	return want
}

// largeCollection is an ASCII collection of n operations, one a line, each
// with status "Running" (no finding).
func largeCollection(n int) string {
	var b strings.Builder
	b.WriteString(`{"value": [` + "\n")
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "op-%d", "status": "Running", "clientContext": "c%d"}`, i, i)
	}
	b.WriteString("\n]}")
	return b.String()
}

// TestWorkerGetsChangesWhileTyping types into a document long enough for
// the worker through real key events, and checks after each step that the
// panel shows what a fresh full check of the text finds, and what the page
// posted to the worker: the whole text once, then only the changes, also
// around a non-ASCII character (the changes count UTF-16 units, and the
// worker places the findings in them); and, while a check runs, the keys
// typed meanwhile together in one message, with the stale result never
// shown.
func TestWorkerGetsChangesWhileTyping(t *testing.T) {
	p := newTab(t)
	p.open("")
	p.installWorkerProbe()
	big := largeCollection(3000)
	p.setText(big)
	p.waitChecked()
	if status := p.text("#status"); !strings.Contains(status, "background") {
		t.Fatalf("status %q: want the check to have run in the worker", status)
	}
	if got := p.posts(); len(got) != 1 || got[0].Type != "open" || got[0].Size != len(big) {
		t.Fatalf("after the paste the page posted %+v, want one open with the whole text", got)
	}
	p.assertFreshFindings("the pasted text")
	if got := p.text("#info-types"); got != "playPromptOperation" {
		t.Errorf("types %q, want playPromptOperation", got)
	}

	const key = `"status": "`
	status := strings.Index(big[len(big)/2:], key) + len(big)/2 + len(key) // the R of a status in the middle
	sent := 1
	// step types keys (after selecting from..to) and waits for their check;
	// it returns the messages they made the page post.
	step := func(what string, from, to int, keys string, wantFindings int) []post {
		t.Helper()
		p.selectRange(from, to)
		p.do(chromedp.KeyEvent(keys))
		p.waitChecked()
		got := p.posts()[sent:]
		sent += len(got)
		if fs := p.assertFreshFindings(what); len(fs) != wantFindings {
			t.Errorf("%s: a fresh check finds %d findings, want %d (the test's premise)", what, len(fs), wantFindings)
		}
		return got
	}
	onlyEdits := func(what string, got []post, wantInserted string) {
		t.Helper()
		if len(got) == 0 {
			t.Errorf("%s: nothing was posted to the worker", what)
		}
		ins := ""
		for _, m := range got {
			if m.Type != "edit" {
				t.Errorf("%s: the page posted %q (%d characters), want only edits", what, m.Type, m.Size)
			}
			ins += m.Inserted
		}
		if ins != wantInserted {
			t.Errorf("%s: the edits inserted %q, want %q", what, ins, wantInserted)
		}
	}

	onlyEdits("lower-case status", step("lower-case status", status, status+1, "r", 1), "r")
	onlyEdits("status mended", step("status mended", status, status+1, "R", 0), "R")

	// An edit the worker's session cannot take is not shown as a failure:
	// the page sends the whole text instead.
	eval[chromedp.Void](p, `globalThis.__workerProbe.spoilNextEdit = true`)
	msgs := step("an edit the worker refuses", status, status+1, "r", 1)
	if len(msgs) != 2 || msgs[0].Type != "edit" || msgs[1].Type != "open" || msgs[1].Size != len(big) {
		t.Errorf("after the worker refused an edit the page posted %+v, want the edit, then the whole text", msgs)
	}
	if panel := p.text("#diagnostics"); strings.Contains(panel, "failed") {
		t.Errorf("the panel reports a failure: %q", panel)
	}
	onlyEdits("status mended after the refusal", step("status mended after the refusal", status, status+1, "R", 0), "R")

	// A burst while a check runs: the first key's check is held, the keys
	// after it wait in the page, and go together once it answers.
	end := status + len("Running")
	p.selectRange(end, end)
	p.holdResults()
	before := p.checkedSeq()
	p.do(chromedp.KeyEvent("x"))
	p.waitPosts(sent+1, "the first key's edit")
	p.do(chromedp.KeyEvent("\bYZ\b\b"))
	p.waitEditorText(big, "the burst to be typed")
	if got := p.posts()[sent:]; len(got) != 1 {
		t.Errorf("during a running check the page posted %+v, want only the first key's edit", got)
	}
	p.releaseResults(1)
	p.waitChecked()
	got := p.posts()[sent:]
	sent += len(got)
	if len(got) != 2 || got[0].Inserted != "x" || got[1].Type != "edit" || got[1].Inserted != "" {
		t.Errorf("the burst was posted as %+v, want the x, then one edit that takes it out again", got)
	}
	p.assertFreshFindings("after the burst")
	// data-checked-seq counts each shown result once it is painted: two
	// frames on, it must have counted the final check alone.
	n := eval[int](p, `new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(Number(document.getElementById("diagnostics").dataset.checkedSeq)), 0))))`)
	if n != before+1 {
		t.Errorf("data-checked-seq went from %d to %d: a stale result was shown", before, n)
	}

	// A non-ASCII character before the finding: still only the change
	// goes, and the finding's range must be right in editor positions,
	// where é is one unit and two bytes.
	onlyEdits("lower-case status again", step("lower-case status again", status, status+1, "r", 1), "r")
	// Before the closing quote of the clientContext on the line above.
	at := strings.LastIndex(big[:status], "\n") - len(`"},`)
	onlyEdits("é before the finding", step("é before the finding", at, at, "é", 1), "é")
	eval[chromedp.Void](p, `document.querySelector("#diagnostics li").click()`)
	sel := eval[[]string](p, `(() => {
		const v = `+editorContent+`.cmTile.root.view;
		const text = v.state.doc.toString();
		const d = opcheck.validate(text, {api: document.getElementById("api").value}).diagnostics[0];
		const bytes = new TextEncoder().encode(text);
		const r = v.state.selection.main;
		return [v.state.sliceDoc(r.from, r.to), new TextDecoder().decode(bytes.subarray(d.offset, d.offset + d.length))];
	})()`)
	if sel[0] != sel[1] || sel[0] == "" {
		t.Errorf("clicking the finding selected %q, want its range %q", sel[0], sel[1])
	}
	// Taking it out is a change like any other.
	onlyEdits("é taken out", step("é taken out", at+1, at+1, "\b", 1), "")
	onlyEdits("status mended again", step("status mended again", status, status+1, "R", 0), "R")

	// Undo brings the lower-case status back, as an edit.
	p.do(chromedp.KeyEvent("z", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	p.waitFor(editorContent+`.cmTile.root.view.state.sliceDoc(`+fmt.Sprint(status)+`, `+fmt.Sprint(status+1)+`) === "r"`, "undo to bring the r back")
	p.waitChecked()
	got = p.posts()[sent:]
	onlyEdits("undo", got, "r")
	if fs := p.assertFreshFindings("after undo"); len(fs) != 1 {
		t.Errorf("after undo a fresh check finds %d findings, want the lower-case status", len(fs))
	}

	// The worker's results leave the objects out until the Summary view
	// needs them: then it lists every operation.
	p.click("#tab-summary")
	p.waitFor(`document.querySelectorAll("#summary .op-card").length === 3000`, "a card per operation")
	p.selectRange(status, status+1)
	p.do(chromedp.KeyEvent("R"))
	p.waitChecked()
	if got := eval[[]string](p, `[...document.querySelectorAll("#summary .op-card .badge")].map((b) => b.textContent).filter((s) => s !== "Running")`); len(got) != 0 {
		t.Errorf("after mending the status the summary still shows %q", got)
	}
}
