//go:build js && wasm

package main

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/hack-pad/safejs"

	"opcheck/check"
	"opcheck/wasm/internal/jstest"
)

// op is a small operation; status "running" (lower case) is a finding,
// "Running" is not.
const op = `{"@odata.type": "#microsoft.graph.playPromptOperation", "id": "op-1", "status": "%s", "clientContext": "c"}`

// stringify is JSON.stringify(v) without v's ascii member, to compare an
// open or edit result with validate's.
func stringify(t *testing.T, v safejs.Value) string {
	t.Helper()
	if err := v.Delete("ascii"); err != nil {
		t.Fatal(err)
	}
	s, err := safejs.MustGetGlobal("JSON").Call("stringify", v)
	if err != nil {
		t.Fatal(err)
	}
	str, err := s.String()
	if err != nil {
		t.Fatal(err)
	}
	return str
}

// change is one element of edit's argument, as the page builds it.
func change(offset, length int, text any) map[string]any {
	return map[string]any{"offset": offset, "length": length, "text": text}
}

// TestEditEqualsValidate opens a text, then edits it step by step; after
// each step the result must be validate's for the text the steps made, and
// ascii must say whether that text is all ASCII.
func TestEditEqualsValidate(t *testing.T) {
	session = check.NewSession()
	opts := map[string]any{"api": "v1.0"}
	text := strings.Replace(op, "%s", "Running", 1)
	v := jstest.Call(t, api, "open", text, opts)
	if !jstest.OK(t, v) {
		t.Fatalf("open: %s", jstest.Str(t, v, "error.message"))
	}
	if !jstest.Bool(t, v, "ascii") {
		t.Error("open: ascii = false for an ASCII text")
	}
	at := strings.Index(text, "Running")
	steps := []struct {
		name    string
		changes []any
		apply   func(string) string // the same edit on a Go string
	}{
		{"add a finding", []any{change(at, 1, "r")}, func(s string) string { return s[:at] + "r" + s[at+1:] }},
		{"remove it", []any{change(at, 1, "R")}, func(s string) string { return s[:at] + "R" + s[at+1:] }},
		{"no change", []any{}, func(s string) string { return s }},
		{"two changes, the second after the first", []any{change(1, 0, `"a": 1, `), change(at+8+1, 1, "")},
			func(s string) string { s = s[:1] + `"a": 1, ` + s[1:]; return s[:at+9] + s[at+10:] }},
		{"bytes, not a string", []any{change(0, 0, jstest.Bytes(t, " "))}, func(s string) string { return " " + s }},
		{"break the syntax", []any{change(0, 1, "")}, func(s string) string { return s[1:] }},
		{"not ASCII", []any{change(0, 0, "é")}, func(s string) string { return "é" + s }},
		{"ASCII again", []any{change(0, len("é"), " ")}, func(s string) string { return " " + s[len("é"):] }},
	}
	for _, step := range steps {
		text = step.apply(text)
		got := jstest.Call(t, api, "edit", step.changes)
		if !jstest.OK(t, got) {
			t.Fatalf("%s: edit failed: %s", step.name, jstest.Str(t, got, "error.message"))
		}
		if a, want := jstest.Bool(t, got, "ascii"), !strings.ContainsFunc(text, func(r rune) bool { return r > 0x7f }); a != want {
			t.Errorf("%s: ascii = %v, want %v", step.name, a, want)
		}
		want := jstest.Call(t, api, "validate", text, opts)
		if g, w := stringify(t, got), stringify(t, want); g != w {
			t.Errorf("%s: edit's result differs from validate's:\nedit:     %s\nvalidate: %s", step.name, g, w)
		}
	}
}

func TestEditArgumentErrors(t *testing.T) {
	session = check.NewSession()
	if v := jstest.Call(t, api, "edit", []any{}); jstest.OK(t, v) || !strings.Contains(jstest.Str(t, v, "error.message"), "no text") {
		t.Errorf("edit before open: got %v, want an error saying there is no text", v)
	}
	const text = `{"a": 1}`
	if v := jstest.Call(t, api, "open", text); !jstest.OK(t, v) {
		t.Fatalf("open: %s", jstest.Str(t, v, "error.message"))
	}
	tests := []struct {
		name    string
		args    []any
		wantErr string
	}{
		{"no arguments", nil, "want (changes, options?)"},
		{"three arguments", []any{[]any{}, map[string]any{}, 1}, "want (changes, options?)"},
		{"unknown units", []any{[]any{}, map[string]any{"units": "utf-32"}}, `unknown units "utf-32"`},
		{"units not a string", []any{[]any{}, map[string]any{"units": 16}}, "units"},
		{"utf-16 out of order", []any{[]any{change(4, 0, "x"), change(1, 0, "x")}, map[string]any{"units": "utf-16"}}, "apply: change 1"},
		{"not an array", []any{map[string]any{"offset": 0}}, "want an array"},
		{"a number in the array", []any{[]any{3}}, "change 0: want an object"},
		{"null in the array", []any{[]any{nil}}, "change 0: want an object"},
		{"offset a string", []any{[]any{change(0, 0, ""), map[string]any{"offset": "1", "length": 0, "text": ""}}}, "change 1: offset must be a number"},
		{"offset with a fraction", []any{[]any{change(0, 0, ""), map[string]any{"offset": 1.5, "length": 0, "text": ""}}}, "change 1: offset must be an integer"},
		{"length missing", []any{[]any{map[string]any{"offset": 0, "text": ""}}}, "change 0: length must be a number"},
		{"text a number", []any{[]any{change(0, 0, 7)}}, "change 0: the text must be a string or a Uint8Array"},
		{"past the end", []any{[]any{change(len(text), 1, "x")}}, "apply: change 0"},
		{"negative offset", []any{[]any{change(-1, 0, "x")}}, "apply: change 0"},
		{"second change past the end", []any{[]any{change(0, 0, "x"), change(len(text)+2, 0, "x")}}, "apply: change 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := jstest.Call(t, api, "edit", tt.args...)
			if jstest.OK(t, v) {
				t.Fatalf("ok = true, want an error containing %q", tt.wantErr)
			}
			if got := jstest.Str(t, v, "error.message"); !strings.Contains(got, tt.wantErr) || !strings.HasPrefix(got, "opcheck.edit: ") {
				t.Errorf("error = %q, want it to start with opcheck.edit: and contain %q", got, tt.wantErr)
			}
		})
	}
	// None of the failed edits changed the text: an empty edit still
	// answers for the text of the open.
	got := jstest.Call(t, api, "edit", []any{})
	if g, w := stringify(t, got), stringify(t, jstest.Call(t, api, "validate", text)); g != w {
		t.Errorf("after the failed edits the session's result is %s, want %s", g, w)
	}
	// A failed open keeps the session too.
	if v := jstest.Call(t, api, "open", text, map[string]any{"api": "v2"}); jstest.OK(t, v) {
		t.Error("open with an unknown API version succeeded")
	}
	if v := jstest.Call(t, api, "edit", []any{change(0, 0, " ")}); !jstest.OK(t, v) {
		t.Errorf("edit after a failed open: %s", jstest.Str(t, v, "error.message"))
	}
}

// TestOpenWithoutObjects: with objects: false the results carry the
// objects' distinct types instead of the objects, and objects() returns
// what validate lists for the same text.
func TestOpenWithoutObjects(t *testing.T) {
	session, last = check.NewSession(), nil
	if v := jstest.Call(t, api, "objects"); jstest.OK(t, v) || !strings.Contains(jstest.Str(t, v, "error.message"), "call open first") {
		t.Error("objects() before any open did not fail")
	}
	text := `{"value": [` + strings.Replace(op, "%s", "Running", 1) + `, ` +
		strings.Replace(strings.Replace(op, "%s", "Running", 1), "playPromptOperation", "recordOperation", 1) + `, ` +
		strings.Replace(op, "%s", "Running", 1) + `]}`
	lean := map[string]any{"api": "v1.0", "objects": false}
	// each compares a lean result with validate's for text.
	each := func(what string, v safejs.Value) {
		t.Helper()
		if !jstest.OK(t, v) {
			t.Fatalf("%s: %s", what, jstest.Str(t, v, "error.message"))
		}
		if !jstest.Get(t, v, "objects").IsUndefined() {
			t.Errorf("%s: the result has objects, want none", what)
		}
		want := jstest.Call(t, api, "validate", text, lean)
		if got, want := jstest.Num(t, v, "types.length"), 2; got != want {
			t.Fatalf("%s: %d types, want %d", what, got, want)
		}
		// The types in the order validate's objects first show them.
		var wantTypes []string
		for i := range jstest.Num(t, want, "objects.length") {
			typ := jstest.Str(t, want, "objects."+strconv.Itoa(i)+".type")
			if !slices.Contains(wantTypes, typ) {
				wantTypes = append(wantTypes, typ)
			}
		}
		for i, typ := range wantTypes {
			if got := jstest.Str(t, v, "types."+strconv.Itoa(i)); got != typ {
				t.Errorf("%s: types[%d] = %q, want %q", what, i, got, typ)
			}
		}
		got := jstest.Call(t, api, "objects")
		if g, w := stringify(t, jstest.Get(t, got, "objects")), stringify(t, jstest.Get(t, want, "objects")); g != w {
			t.Errorf("%s: objects() = %s, want validate's %s", what, g, w)
		}
		if err := v.Delete("types"); err != nil {
			t.Fatal(err)
		}
		if err := want.Delete("objects"); err != nil {
			t.Fatal(err)
		}
		if g, w := stringify(t, v), stringify(t, want); g != w {
			t.Errorf("%s: the result without objects is %s, want validate's %s", what, g, w)
		}
	}
	each("open", jstest.Call(t, api, "open", text, lean))
	at := strings.Index(text, "Running")
	text = text[:at] + "running" + text[at+len("running"):]
	each("edit", jstest.Call(t, api, "edit", []any{change(at, 1, "r")}))
	// The default lists the objects again, in open and in edit.
	for _, name := range []string{"open", "edit"} {
		var v safejs.Value
		if name == "open" {
			v = jstest.Call(t, api, "open", text, map[string]any{"api": "v1.0"})
		} else {
			v = jstest.Call(t, api, "edit", []any{})
		}
		if got := jstest.Num(t, v, "objects.length"); got != 3 {
			t.Errorf("%s after an open with the default: %d objects, want 3", name, got)
		}
	}
	for _, tt := range []struct {
		name    string
		fn      string
		args    []any
		wantErr string
	}{
		{"objects not a boolean", "open", []any{text, map[string]any{"objects": "no"}}, "option objects must be a boolean"},
		{"objects() with an argument", "objects", []any{1}, "want ()"},
	} {
		v := jstest.Call(t, api, tt.fn, tt.args...)
		if jstest.OK(t, v) || !strings.Contains(jstest.Str(t, v, "error.message"), tt.wantErr) {
			t.Errorf("%s: got ok=%v, want an error containing %q", tt.name, jstest.OK(t, v), tt.wantErr)
		}
	}
}

// TestEditUTF16 edits a text with astral and accented characters through
// changes counted in UTF-16 units, as the page sends them: each result
// must be validate's for the same text, and positions must place every
// diagnostic and fix where the editor counts it.
func TestEditUTF16(t *testing.T) {
	text := `{"value": [` + strings.Replace(op, "%s", "Running", 1) + `, {"id": "😀é", "status": "running"}]}`
	editUTF16(t, text)
}

// TestEditUTF16Timeline is TestEditUTF16 for a callback body: the
// positions place the timeline's events too, after the diagnostics.
func TestEditUTF16Timeline(t *testing.T) {
	note := func(status, ctx string) string {
		return `{"changeType": "updated", "resourceUrl": "/communications/calls/c/operations/o", "resourceData": {"@odata.type": "#microsoft.graph.playPromptOperation", "id": "o", "status": "` + status + `", "clientContext": "` + ctx + `"}}`
	}
	editUTF16(t, `{"value": [`+note("Completed", "😀")+`, `+note("Running", "é")+`, `+note("running", "e")+`]}`)
}

// editUTF16 opens text and makes TestEditUTF16's edits to it.
func editUTF16(t *testing.T, text string) {
	t.Helper()
	session = check.NewSession()
	if v := jstest.Call(t, api, "open", text); !jstest.OK(t, v) || jstest.Bool(t, v, "ascii") {
		t.Fatalf("open: ok %v, ascii %v", jstest.OK(t, v), jstest.Bool(t, v, "ascii"))
	}
	u16 := func(s string) int { return len(utf16.Encode([]rune(s))) }
	steps := []struct {
		name   string
		change map[string]any
		apply  func(string) string
	}{
		{"after the emoji", change(u16(text[:strings.Index(text, "é")]), 1, "è"), func(s string) string { return strings.Replace(s, "é", "è", 1) }},
		{"an emoji before the first finding", change(1, 0, "🎉"), func(s string) string { return s[:1] + "🎉" + s[1:] }},
		{"fix the finding", change(u16(text[:strings.Index(text, "running")])+2, 1, "R"), func(s string) string { return strings.Replace(s, `"running"`, `"Running"`, 1) }},
	}
	for _, step := range steps {
		text = step.apply(text)
		got := jstest.Call(t, api, "edit", []any{step.change}, map[string]any{"units": "utf-16"})
		if !jstest.OK(t, got) {
			t.Fatalf("%s: %s", step.name, jstest.Str(t, got, "error.message"))
		}
		// The positions, read before stringify compares the rest.
		n, err := got.Get("positions")
		if err != nil {
			t.Fatal(err)
		}
		positions := ints(t, n)
		if err := got.Delete("positions"); err != nil {
			t.Fatal(err)
		}
		want := jstest.Call(t, api, "validate", text)
		if g, w := stringify(t, got), stringify(t, want); g != w {
			t.Fatalf("%s: edit's result differs from validate's:\nedit:     %s\nvalidate: %s", step.name, g, w)
		}
		r := check.Validate([]byte(text), nil)
		var wantPos []int
		for _, d := range r.Diagnostics {
			wantPos = append(wantPos, u16(text[:d.Offset]), u16(text[:d.Offset+d.Length]))
			if d.Fix != nil {
				wantPos = append(wantPos, u16(text[:d.Fix.Offset]), u16(text[:d.Fix.Offset+d.Fix.Length]))
			}
		}
		for _, tr := range r.Timeline {
			for _, e := range tr.Events {
				wantPos = append(wantPos, u16(text[:e.Offset]))
			}
		}
		if !slices.Equal(positions, wantPos) {
			t.Errorf("%s: positions %v, want %v", step.name, positions, wantPos)
		}
	}
}

// ints reads a JavaScript array of integers.
func ints(t *testing.T, v safejs.Value) []int {
	t.Helper()
	n, err := v.Length()
	if err != nil {
		t.Fatal(err)
	}
	out := make([]int, n)
	for i := range out {
		e, err := v.Index(i)
		if err == nil {
			out[i], err = e.Int()
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// TestOpenDropsLargeInput: after open of a long text only the session holds
// it; the adapter's input buffer is let go rather than kept as a second copy.
func TestOpenDropsLargeInput(t *testing.T) {
	session = check.NewSession()
	text := `{"value": [` + strings.Repeat(strings.Replace(op, "%s", "Running", 1)+",", 12000) + strings.Replace(op, "%s", "Running", 1) + `]}`
	if len(text) < 1<<20 {
		t.Fatalf("the text has %d bytes, want a megabyte or more", len(text))
	}
	if v := jstest.Call(t, api, "open", text); !jstest.OK(t, v) {
		t.Fatalf("open: %s", jstest.Str(t, v, "error.message"))
	}
	if input != nil {
		t.Errorf("input holds %d bytes after open, want it let go", cap(input))
	}
	if got := jstest.Call(t, api, "edit", []any{change(1, 0, " ")}); !jstest.OK(t, got) {
		t.Errorf("edit after open: %s", jstest.Str(t, got, "error.message"))
	}
}

// TestTimelineOnDemand: with timeline: false, validate, open and edit leave
// the timeline out, and timeline() returns what validate lists for the same
// text, with the events' UTF-16 positions when the text is not all ASCII.
func TestTimelineOnDemand(t *testing.T) {
	session, last = check.NewSession(), nil
	if v := jstest.Call(t, api, "timeline"); jstest.OK(t, v) || !strings.Contains(jstest.Str(t, v, "error.message"), "call open first") {
		t.Error("timeline() before any open did not fail")
	}
	note := func(id, status, ctx string) string {
		return `{"changeType": "updated", "resourceUrl": "/communications/calls/c/operations/` + id + `", "resourceData": {"@odata.type": "#microsoft.graph.playPromptOperation", "id": "` + id + `", "status": "` + status + `", "clientContext": "` + ctx + `"}}`
	}
	text := `{"value": [` + note("o1", "Running", "😀") + `, ` + note("o2", "Running", "é") + `, ` + note("o1", "Completed", "x") + `]}`
	lean := map[string]any{"timeline": false}
	u16 := func(s string) int { return len(utf16.Encode([]rune(s))) }
	// same compares a result without the timeline, and timeline(), with
	// validate's for text.
	same := func(what string, v safejs.Value) {
		t.Helper()
		if !jstest.OK(t, v) {
			t.Fatalf("%s: %s", what, jstest.Str(t, v, "error.message"))
		}
		if !jstest.Get(t, v, "timeline").IsUndefined() {
			t.Errorf("%s: the result has a timeline, want none", what)
		}
		if v := jstest.Call(t, api, "validate", text, lean); !jstest.Get(t, v, "timeline").IsUndefined() {
			t.Errorf("%s: validate with timeline: false lists the timeline", what)
		}
		want := jstest.Call(t, api, "validate", text)
		got := jstest.Call(t, api, "timeline")
		if !jstest.OK(t, got) {
			t.Fatalf("%s: timeline(): %s", what, jstest.Str(t, got, "error.message"))
		}
		if g, w := stringify(t, jstest.Get(t, got, "timeline")), stringify(t, jstest.Get(t, want, "timeline")); g != w || !strings.Contains(g, "o2") {
			t.Errorf("%s: timeline() = %s, want validate's %s", what, g, w)
		}
		var wantPos []int
		for _, tr := range check.Validate([]byte(text), nil).Timeline {
			for _, e := range tr.Events {
				wantPos = append(wantPos, u16(text[:e.Offset]))
			}
		}
		if got := ints(t, jstest.Get(t, got, "positions")); !slices.Equal(got, wantPos) {
			t.Errorf("%s: positions %v, want %v", what, got, wantPos)
		}
		// The anomaly (o1 changes its context) is found without the tracks.
		if g, w := stringify(t, jstest.Get(t, v, "diagnostics")), stringify(t, jstest.Get(t, want, "diagnostics")); g != w || !strings.Contains(g, "timeline-operation-changed") {
			t.Errorf("%s: diagnostics %s, want validate's %s", what, g, w)
		}
	}
	same("open", jstest.Call(t, api, "open", text, lean))
	at := strings.Index(text, "é")
	text = text[:at] + "😀" + text[at+len("é"):]
	same("edit", jstest.Call(t, api, "edit", []any{change(u16(text[:at]), 1, "😀")}, map[string]any{"units": "utf-16"}))
}
