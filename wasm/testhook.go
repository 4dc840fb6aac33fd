//go:build js && wasm && opcheck_testhook

package main

import (
	"bytes"

	"github.com/hack-pad/safejs"

	"opcheck/wasm/jsapi"
)

// TestPanicMarker makes validate panic in a build for tests only (go build
// -tags opcheck_testhook), so that a browser test can prove the page
// survives a panic in the core: the text is kept and later checks run.
const TestPanicMarker = "opcheck-test-panic"

func init() {
	next := api["validate"]
	api["validate"] = func(args []safejs.Value) (any, error) {
		if len(args) > 0 {
			if text, err := jsapi.TextArg(nil, args[0]); err == nil && bytes.Contains(text, []byte(TestPanicMarker)) {
				panic("test hook: the input holds " + TestPanicMarker)
			}
		}
		return next(args)
	}
}
