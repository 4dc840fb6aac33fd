package web

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// checkedSeq reads #diagnostics' data-checked-seq.
func (p *tab) checkedSeq() int {
	p.t.Helper()
	s := eval[string](p, `document.getElementById("diagnostics").dataset.checkedSeq || ""`)
	n, err := strconv.Atoi(s)
	if err != nil {
		p.t.Fatalf("data-checked-seq = %q, want a number", s)
	}
	return n
}

// TestTypingBurstEndsWithFinalFindings types the end of an unterminated
// document one key after another, as fast as the browser takes them, in a
// small text (checked on the page) and a large one (checked in the worker,
// where keys typed during a check wait and go to it together). The panel must end
// with the findings of the final text — the same as a fresh check of it —
// and data-checked-seq must have counted the shown results.
func TestTypingBurstEndsWithFinalFindings(t *testing.T) {
	p := newTab(t)
	p.open("")
	const op = `{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "op-%d", "status": "%s", "clientContext": "c%d"}`
	for _, tc := range []struct {
		name string
		ops  int
	}{
		{"on the page", 3},
		{"in the worker", 3000},
	} {
		var b strings.Builder
		b.WriteString(`{"value": [`)
		for i := 0; i < tc.ops; i++ {
			status := "Running"
			if i == 0 {
				status = "running" // the one finding of the final text
			}
			fmt.Fprintf(&b, op+",\n", i, status, i)
		}
		b.WriteString(`{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "last", "status": "Running", "clientContext": "ab`)
		start := b.String()
		p.setText(start)
		p.waitChecked()
		before := p.checkedSeq()
		eval[chromedp.Void](p, `(() => { const v = `+editorContent+`.cmTile.root.view; v.dispatch({selection: {anchor: v.state.doc.length}}); v.focus(); })()`)
		const burst = `cd"}]}`
		p.do(chromedp.KeyEvent(burst))
		p.waitChecked()
		final := start + burst
		if got := p.editorText(); got != final {
			t.Fatalf("%s: the editor holds %d characters ending %q, want the typed end %q", tc.name, len(got), got[max(0, len(got)-10):], burst)
		}
		p.waitFor(fmt.Sprintf(`Number(document.getElementById("diagnostics").dataset.checkedSeq) > %d`, before), tc.name+": data-checked-seq to count the check")
		if tc.ops > 1000 && !strings.Contains(p.text("#status"), "background") {
			t.Errorf("%s: status %q, want the check to have run in the worker", tc.name, p.text("#status"))
		}
		type loc struct{ Code, Line, Column string }
		want := eval[[]loc](p, `opcheck.validate(`+editorContent+`.cmTile.root.view.state.doc.toString(), {api: document.getElementById("api").value}).diagnostics.map((d) => ({Code: d.code, Line: String(d.line), Column: String(d.column)}))`)
		var got []loc
		for _, f := range p.findings() {
			got = append(got, loc{f.Code, f.Line, f.Column})
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s: the panel shows %v, want the final text's findings %v", tc.name, got, want)
		}
		// The lower-case status is the only finding: no syntax error of a stale text.
		if len(want) != 1 {
			t.Errorf("%s: %d findings for the final text, want 1 (the lower-case status)", tc.name, len(want))
		}
	}
}

// TestBenchmarkHooks checks what make bench reads: data-checked-seq counts
// each shown check, and opcheck.memory is the validator's memory (it grows
// to hold a large input).
func TestBenchmarkHooks(t *testing.T) {
	p := newTab(t)
	p.open("")
	// The count is written once the check's findings are painted, a frame
	// after the page shows them.
	p.waitFor(`Number(document.getElementById("diagnostics").dataset.checkedSeq) >= 1`, "data-checked-seq to count the first check")
	s0 := p.checkedSeq()
	p.setText(`{"a": }`)
	p.waitChecked()
	p.waitFor(fmt.Sprintf(`Number(document.getElementById("diagnostics").dataset.checkedSeq) > %d`, s0), "data-checked-seq to grow")
	if !eval[bool](p, `opcheck.memory instanceof WebAssembly.Memory`) {
		t.Fatal("opcheck.memory is not a WebAssembly.Memory")
	}
	const size = 8 << 20
	grown := eval[[]int](p, fmt.Sprintf(`(() => {
		const before = opcheck.memory.buffer.byteLength;
		opcheck.validate(new TextEncoder().encode('{"clientContext": "' + "x".repeat(%d) + '"}'));
		return [before, opcheck.memory.buffer.byteLength];
	})()`, size))
	if grown[1] < size {
		t.Errorf("opcheck.memory is %d bytes after validating %d (was %d): not the validator's memory", grown[1], size, grown[0])
	}
}

// TestVeryLongTextIsShownPlain: a text of a million characters or more is
// shown without JSON highlighting (CodeMirror would spend seconds parsing
// it on the page's thread), and gets it back once it is shorter.
func TestVeryLongTextIsShownPlain(t *testing.T) {
	p := newTab(t)
	p.open("")
	// highlighted shows the text's start and reports whether its first
	// lines hold highlighted tokens, once two frames have been drawn.
	highlighted := func() bool {
		return eval[bool](p, `new Promise((resolve) => {
			const v = `+editorContent+`.cmTile.root.view;
			v.dispatch({selection: {anchor: 0}, scrollIntoView: true});
			requestAnimationFrame(() => requestAnimationFrame(() => resolve(`+editorContent+`.querySelector(".cm-line span") !== null)));
		})`)
	}
	p.setText(`{"status": "Running"}`)
	p.waitChecked()
	if !highlighted() {
		t.Fatal("a short JSON text is not highlighted")
	}
	long := largeCollection(9000) // over a million characters
	if len(long) < 1_000_000 {
		t.Fatalf("the long text has %d characters, want a million or more", len(long))
	}
	p.setText(long)
	p.waitChecked()
	if highlighted() {
		t.Error("a text of a million characters is highlighted")
	}
	if status := p.text("#status"); !strings.Contains(status, "Syntax colours are off") {
		t.Errorf("status %q does not say why the long text has no colours", status)
	}
	p.setText(`{"status": "Running"}`)
	p.waitChecked()
	if !highlighted() {
		t.Error("a short text after a long one is not highlighted again")
	}
	if status := p.text("#status"); strings.Contains(status, "colours") {
		t.Errorf("status %q still speaks of colours for a short text", status)
	}
}
