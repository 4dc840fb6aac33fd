//go:build js && wasm && opcheck_testhook

package main

import (
	"strings"
	"testing"

	"opcheck/wasm/internal/jstest"
)

func TestHookPanicsAndInstanceSurvives(t *testing.T) {
	for _, name := range []string{"validate", "open"} {
		v := jstest.Call(t, api, name, `{"clientContext": "`+TestPanicMarker+`"}`)
		if jstest.OK(t, v) || !strings.Contains(jstest.Str(t, v, "error.message"), "internal error") {
			t.Fatalf("%s: the hook did not turn into an internal-error result", name)
		}
		if v := jstest.Call(t, api, name, `{"a": }`); !jstest.OK(t, v) {
			t.Fatalf("%s failed after a recovered panic", name)
		}
	}
	// The marker typed in through edit panics too.
	v := jstest.Call(t, api, "edit", []any{change(1, 0, TestPanicMarker)})
	if jstest.OK(t, v) || !strings.Contains(jstest.Str(t, v, "error.message"), "internal error") {
		t.Fatal("edit: the hook did not turn into an internal-error result")
	}
	if v := jstest.Call(t, api, "open", `{"a": }`); !jstest.OK(t, v) {
		t.Fatal("open failed after a recovered panic in edit")
	}
}
