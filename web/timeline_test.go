package web

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"opcheck/check"
)

// selectedText is a JavaScript expression for the editor's selected text.
const selectedText = `(() => { const s = ` + editorContent + `.cmTile.root.view.state; return s.sliceDoc(s.selection.main.from, s.selection.main.to); })()`

// notificationAt is the text of the JSON object that starts at byte off of
// src, as the checker located it: a notification is one of its objects.
func notificationAt(t *testing.T, src string, r *check.Result, off int) string {
	t.Helper()
	for _, o := range r.Objects {
		if o.Offset == off {
			return src[o.Offset : o.Offset+o.Length]
		}
	}
	t.Fatalf("no object starts at byte %d", off)
	return ""
}

// TestTimelineView shows the twenty-notification example in the Timeline
// tab: one lane per track (data-resource-url as the checker gives it, one
// button per event), the one anomaly marked with symbol and words, and a
// click on it selecting its notification in the editor.
func TestTimelineView(t *testing.T) {
	p := newTab(t)
	p.open("")
	p.click("#tab-timeline")
	p.waitFor(`document.querySelector("#timeline .timeline-empty") !== null`, "the empty state")
	src := readRepoFile(t, "check/testdata/corpus/forms/notifications-log20.broken-after-deleted.json")
	p.setText(src)
	p.waitChecked()
	p.waitFor(`document.querySelector("#timeline .lane") !== null`, "the lanes")

	r := check.Validate([]byte(src), nil)
	var wantURLs []string
	var wantEvents []int
	for _, tr := range r.Timeline {
		wantURLs = append(wantURLs, tr.ResourceURL)
		wantEvents = append(wantEvents, len(tr.Events))
	}
	gotURLs := eval[[]string](p, `[...document.querySelectorAll("#timeline .lane")].map((l) => l.dataset.resourceUrl)`)
	if !slices.Equal(gotURLs, wantURLs) {
		t.Errorf("lanes %q, want %q", gotURLs, wantURLs)
	}
	gotEvents := eval[[]int](p, `[...document.querySelectorAll("#timeline .lane")].map((l) => l.querySelectorAll("button.event").length)`)
	if !slices.Equal(gotEvents, wantEvents) {
		t.Errorf("events per lane %v, want %v", gotEvents, wantEvents)
	}

	// The anomaly: on the recording's lane, on the event the checker's
	// finding lies in.
	var anomaly *check.Diagnostic
	for i := range r.Diagnostics {
		if strings.HasPrefix(r.Diagnostics[i].Code, "timeline-") {
			anomaly = &r.Diagnostics[i]
		}
	}
	if anomaly == nil {
		t.Fatal("the example has no timeline finding")
	}
	ti, ei := r.EventAt(anomaly.Offset)
	marked := eval[[]string](p, `[...document.querySelectorAll("#timeline button.event.anomaly")].map((b) => b.dataset.track + ":" + b.dataset.event + " " + b.dataset.anomaly + " " + b.textContent)`)
	if len(marked) != 1 || !strings.HasPrefix(marked[0], fmt.Sprintf("%d:%d %s ", ti, ei, anomaly.Code)) || !strings.Contains(marked[0], "⚠") || !strings.Contains(marked[0], "after deleted") {
		t.Fatalf("anomalies marked %q, want one on event %d:%d with ⚠ and its words", marked, ti, ei)
	}
	if label := eval[string](p, `document.querySelector("#timeline button.event.anomaly").getAttribute("aria-label")`); !strings.Contains(label, anomaly.Message) {
		t.Errorf("the anomaly's label %q does not say %q", label, anomaly.Message)
	}
	p.click("#timeline button.event.anomaly")
	want := notificationAt(t, src, r, r.Timeline[ti].Events[ei].Offset)
	if got := eval[string](p, selectedText); got != want {
		t.Errorf("clicking the anomaly selected %q, want its notification %q", got, want)
	}
}

// TestTimelineKeyboardAndUnicode chooses events with the keyboard in texts
// with characters beyond ASCII, on the page and (for a long text) in the
// worker, whose positions place the events: Enter on an event selects
// exactly its notification (or its participant, in a roster).
func TestTimelineKeyboardAndUnicode(t *testing.T) {
	note := func(i int, status string) string {
		return fmt.Sprintf(`{"changeType": "updated", "resourceUrl": "/communications/calls/c/operations/o%d", "resourceData": {"@odata.type": "#microsoft.graph.playPromptOperation", "id": "o%d", "status": "%s", "clientContext": "é😀 %d"}}`, i, i, status, i)
	}
	body := func(n int) string {
		var notes []string
		for i := range n {
			notes = append(notes, note(i, "Running"))
		}
		notes = append(notes, `{"changeType": "updated", "resourceUrl": "/communications/calls/c/participants", "resourceData": [{"id": "ü1"}, {"id": "ü2", "isMuted": true}]}`)
		notes = append(notes, note(n-1, "notStarted"))
		return "{\"value\": [\n" + strings.Join(notes, ",\n") + "\n]}"
	}
	for _, tt := range []struct {
		name string
		text string
	}{
		{"on the page", body(3)},
		{"in the worker", body(1200)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := newTab(t)
			p.open("")
			p.click("#tab-timeline")
			p.setText(tt.text)
			p.waitChecked()
			p.waitFor(`document.querySelector("#timeline button.event.anomaly") !== null`, "the marked anomaly")
			text := tt.text
			chooseEvents := func(step string) {
				r := check.Validate([]byte(text), nil)
				for _, sel := range []string{`#timeline button.event.anomaly`, `#timeline .lane:last-child button.event:last-child`} {
					b := eval[[]int](p, `(() => { const b = document.querySelector(`+"`"+sel+"`"+`); b.focus(); return [+b.dataset.track, +b.dataset.event]; })()`)
					p.do(chromedp.KeyEvent(kb.Enter))
					e := r.Timeline[b[0]].Events[b[1]]
					want := text[e.Offset:]
					if strings.HasPrefix(want, `{"id"`) {
						want = want[:strings.Index(want, "}")+1]
					} else {
						want = notificationAt(t, text, r, e.Offset)
					}
					if got := eval[string](p, selectedText); got != want {
						t.Errorf("%s: Enter on %s (event %v) selected %q, want %q", step, sel, b, got, want)
					}
				}
			}
			chooseEvents("opened")
			// An edit before the events: the session's positions move them.
			eval[chromedp.Void](p, `(() => { const v = `+editorContent+`.cmTile.root.view; v.dispatch({changes: {from: 12, insert: "  "}}); })()`)
			text = text[:12] + "  " + text[12:]
			p.waitChecked()
			p.waitFor(`document.querySelector("#timeline button.event.anomaly") !== null`, "the marked anomaly after the edit")
			chooseEvents("edited")
		})
	}
}

// TestTimelineOpenedLater: checks leave the tracks out while the Timeline
// view is closed; opening it after a long stream was checked (in the
// worker) or a short one (on the page) fetches them, and edits made with
// the view closed show when it opens again.
func TestTimelineOpenedLater(t *testing.T) {
	note := func(i int, status string) string {
		return fmt.Sprintf(`{"changeType": "updated", "resourceUrl": "/communications/calls/c/operations/o%d", "resourceData": {"@odata.type": "#microsoft.graph.playPromptOperation", "id": "o%d", "status": "%s", "clientContext": "ctx %d"}}`, i, i, status, i)
	}
	body := func(n int) string {
		var notes []string
		for i := range n {
			notes = append(notes, note(i, "Running"))
		}
		return "{\"value\": [\n" + strings.Join(notes, ",\n") + "\n]}"
	}
	for _, tt := range []struct {
		name string
		n    int
	}{
		{"on the page", 3},
		{"in the worker", 1500},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := newTab(t)
			p.open("")
			// shown waits until a check after the one numbered seq is shown.
			seq := func() int { return eval[int](p, `+(document.getElementById("diagnostics").dataset.checkedSeq || 0)`) }
			shown := func(after int, what string) {
				p.waitFor(fmt.Sprintf(`+(document.getElementById("diagnostics").dataset.checkedSeq || 0) > %d`, after), what)
				p.waitChecked()
			}
			text := body(tt.n)
			before := seq()
			p.setText(text)
			shown(before, "the check of the stream")
			lanes := func() int {
				return eval[int](p, `document.querySelectorAll("#timeline .lane").length`)
			}
			p.click("#tab-timeline")
			p.waitFor(`document.querySelector("#timeline .lane") !== null`, "the lanes")
			if got, want := lanes(), len(check.Validate([]byte(text), nil).Timeline); got != want {
				t.Errorf("opened after the check: %d lanes, want %d", got, want)
			}
			// With the view closed, an edit adds an operation; it shows once the view opens.
			p.click("#tab-diagnostics")
			at := strings.LastIndex(text, "\n]}")
			added := ",\n" + note(tt.n, "Running")
			before = seq()
			eval[chromedp.Void](p, fmt.Sprintf(`(() => { const v = `+editorContent+`.cmTile.root.view; v.dispatch({changes: {from: %d, insert: %q}}); })()`, at, added))
			shown(before, "the check of the edit")
			text = text[:at] + added + text[at:]
			p.click("#tab-timeline")
			p.waitFor(fmt.Sprintf(`document.querySelectorAll("#timeline .lane").length === %d`, tt.n+1), "the new lane")
		})
	}
}
