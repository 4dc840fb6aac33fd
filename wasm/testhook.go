//go:build js && wasm && opcheck_testhook

package main

import (
	"bytes"

	"github.com/hack-pad/safejs"

	"opcheck/wasm/jsapi"
)

// TestPanicMarker makes validate, open and edit panic in a build for tests
// only (go build -tags opcheck_testhook), so that a browser test can prove
// the page survives a panic in the core: the text is kept and later checks
// run.
const TestPanicMarker = "opcheck-test-panic"

func init() {
	for _, name := range []string{"validate", "open"} {
		next := api[name]
		api[name] = func(args []safejs.Value) (any, error) {
			if len(args) > 0 {
				if text, err := jsapi.TextArg(nil, args[0]); err == nil && bytes.Contains(text, []byte(TestPanicMarker)) {
					panic("test hook: the input holds " + TestPanicMarker)
				}
			}
			return next(args)
		}
	}
	next := api["edit"]
	api["edit"] = func(args []safejs.Value) (any, error) {
		v, err := next(args)
		if err == nil && bytes.Contains(session.Text(), []byte(TestPanicMarker)) {
			panic("test hook: the edited text holds " + TestPanicMarker)
		}
		return v, err
	}
}
