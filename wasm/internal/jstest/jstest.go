//go:build js && wasm

// Package jstest calls the adapters' functions the way the page does, for
// their tests under Node.
package jstest

import (
	"strings"
	"testing"

	"github.com/hack-pad/safejs"

	"opcheck/wasm/jsapi"
)

// Call installs api on a fresh namespace object and calls its function
// name with args, as the page calls opcheck.name(...).
func Call(t *testing.T, api map[string]jsapi.Handler, name string, args ...any) safejs.Value {
	t.Helper()
	ns, err := jsapi.NewObject()
	if err != nil {
		t.Fatal(err)
	}
	if err := jsapi.Install(ns, api); err != nil {
		t.Fatal(err)
	}
	v, err := ns.Call(name, args...)
	if err != nil {
		t.Fatalf("opcheck.%s: %v", name, err)
	}
	return v
}

// Get follows a dotted path of properties: "diagnostics.0.line".
func Get(t *testing.T, v safejs.Value, path string) safejs.Value {
	t.Helper()
	for _, p := range strings.Split(path, ".") {
		var err error
		if v, err = v.Get(p); err != nil {
			t.Fatalf("get %s: %v", path, err)
		}
	}
	return v
}

// Str reads the string at path.
func Str(t *testing.T, v safejs.Value, path string) string {
	t.Helper()
	s, err := Get(t, v, path).String()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return s
}

// Num reads the integer at path.
func Num(t *testing.T, v safejs.Value, path string) int {
	t.Helper()
	n, err := Get(t, v, path).Int()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return n
}

// OK reads a result's ok flag.
func OK(t *testing.T, v safejs.Value) bool {
	t.Helper()
	b, err := Get(t, v, "ok").Bool()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Bytes makes a Uint8Array holding s, as the page's TextEncoder does.
func Bytes(t *testing.T, s string) safejs.Value {
	t.Helper()
	u8, err := safejs.MustGetGlobal("Uint8Array").New(len(s))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := safejs.CopyBytesToJS(u8, []byte(s)); err != nil {
		t.Fatal(err)
	}
	return u8
}

// Bool reads the boolean at path.
func Bool(t *testing.T, v safejs.Value, path string) bool {
	t.Helper()
	b, err := Get(t, v, path).Bool()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return b
}
