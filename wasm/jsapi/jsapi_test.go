//go:build js && wasm

package jsapi_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/hack-pad/safejs"

	"opcheck/wasm/internal/jstest"
	"opcheck/wasm/jsapi"
)

// A panic in the core must come back as an error, and the instance must go
// on serving calls.
func TestPanicIsRecovered(t *testing.T) {
	calls := 0
	api := map[string]jsapi.Handler{
		"boom": func([]safejs.Value) (any, error) { panic("boom") },
		"fine": func([]safejs.Value) (any, error) { calls++; return map[string]any{"ok": true}, nil },
		"fail": func([]safejs.Value) (any, error) { return nil, errors.New("no such thing") },
	}
	v := jstest.Call(t, api, "boom")
	if jstest.OK(t, v) {
		t.Fatal("ok = true after a panic")
	}
	if got := jstest.Str(t, v, "error.message"); !strings.Contains(got, "opcheck.boom: internal error: boom") {
		t.Errorf("error = %q, want it to name the function and the panic", got)
	}
	if !jstest.OK(t, jstest.Call(t, api, "fine")) || calls != 1 {
		t.Fatal("the instance did not serve a call after a recovered panic")
	}
	if got := jstest.Str(t, jstest.Call(t, api, "fail"), "error.message"); got != "opcheck.fail: no such thing" {
		t.Errorf("error = %q, want %q", got, "opcheck.fail: no such thing")
	}
}

func TestTextArg(t *testing.T) {
	buf := make([]byte, 0, 4)
	got, err := jsapi.TextArg(buf, jstest.Bytes(t, "héllo"))
	if err != nil || string(got) != "héllo" {
		t.Errorf("Uint8Array: got %q, %v", got, err)
	}
	v, _ := safejs.ValueOf("wörld")
	if got, err := jsapi.TextArg(got, v); err != nil || string(got) != "wörld" {
		t.Errorf("string: got %q, %v", got, err)
	}
	n, _ := safejs.ValueOf(3)
	if _, err := jsapi.TextArg(nil, n); err == nil {
		t.Error("no error for a number")
	}
}
