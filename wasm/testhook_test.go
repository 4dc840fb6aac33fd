//go:build js && wasm && opcheck_testhook

package main

import (
	"strings"
	"testing"

	"opcheck/wasm/internal/jstest"
)

func TestHookPanicsAndInstanceSurvives(t *testing.T) {
	v := jstest.Call(t, api, "validate", `{"clientContext": "`+TestPanicMarker+`"}`)
	if jstest.OK(t, v) || !strings.Contains(jstest.Str(t, v, "error.message"), "internal error") {
		t.Fatal("the hook did not turn into an internal-error result")
	}
	if v := jstest.Call(t, api, "validate", `{"a": }`); !jstest.OK(t, v) {
		t.Fatal("validate failed after a recovered panic")
	}
}
