//go:build js && wasm

// Command wasm is opcheck's validator in WebAssembly: it fills the page's
// globalThis.opcheck namespace with validate, and with open, edit and
// objects for a text that changes a little at a time (session.go), then
// resolves opcheck.ready.
// It decodes the arguments, calls the core once and returns plain
// JavaScript objects; the logic is in package check. Formatting, queries
// and share links live in a second module (wasm/tools), which the page
// loads only when they are used, so that the first load stays small.
package main

import (
	"errors"
	"runtime"
	"runtime/debug"
	"strconv"

	"github.com/hack-pad/safejs"

	"opcheck/check"
	"opcheck/wasm/jsapi"
)

// api lists the functions this module installs.
var api = map[string]jsapi.Handler{
	"validate": validate,
	"open":     open,
	"edit":     edit,
	"objects":  objects,
	"timeline": timeline,
}

func main() {
	jsapi.Serve(api, "resolveReady")
}

// input and output are reused between calls: calls never overlap, and the
// core keeps nothing of its input once it returns.
var input, output []byte

// validate(text, {api, kind, timeline}) checks text (a string or a
// Uint8Array of UTF-8) and returns the fields of one element of the CLI's
// JSON output, plus ok: true. With timeline: false (the default is true)
// the result has no timeline member: the tracks of a long callback stream
// cost more to carry than to find, and a page shows them in one view only.
// The timeline's anomalies are among the diagnostics either way.
func validate(args []safejs.Value) (any, error) {
	src, opts, err := textAndOptions(args)
	if err != nil {
		return nil, err
	}
	return leanAnswer(check.Validate(src, opts), "", opts)
}

// leanAnswer is answer, without the timeline member when opts skipped the
// tracks.
func leanAnswer(r *check.Result, extra string, opts *check.Options) (safejs.Value, error) {
	v, err := answer(r, extra)
	if err == nil && opts.SkipTracks {
		err = v.Delete("timeline")
	}
	return v, err
}

// textAndOptions reads the (text, options?) arguments of validate and open.
func textAndOptions(args []safejs.Value) ([]byte, *check.Options, error) {
	if len(args) < 1 || len(args) > 2 {
		return nil, nil, errors.New("want (text, options?), got " + strconv.Itoa(len(args)) + " arguments")
	}
	src, err := jsapi.TextArg(input, args[0])
	if err != nil {
		return nil, nil, err
	}
	input = src
	limitMemory(len(src))
	var opts check.Options
	if len(args) == 2 {
		if opts.API, err = jsapi.StringOption(args[1], "api"); err != nil {
			return nil, nil, err
		}
		kind, err := jsapi.StringOption(args[1], "kind")
		if err != nil {
			return nil, nil, err
		}
		opts.Kind = check.Kind(kind)
		withTracks, err := jsapi.BoolOptionOr(args[1], "timeline", true)
		if err != nil {
			return nil, nil, err
		}
		opts.SkipTracks = !withTracks
	}
	if err := opts.Verify(); err != nil {
		return nil, nil, err
	}
	return src, &opts, nil
}

// limitMemory bounds the Go heap for checking a text of n bytes. WebAssembly
// memory only grows, so the peak of any one check is kept for good; with the
// collector's default headroom (GOGC 100) a 10 MB text left the module at
// 80-90 MB. The live set of a check is about 2.5 times the text (the text,
// its node array, the result and its JSON), so a limit a little above that
// makes the collector run early on big texts only; small ones stay under
// the floor and never notice. Before a large check it also collects what
// the last one left, so that the new check's large buffers reuse that
// memory instead of growing the module: replaying the benchmark's 10 MB
// documents under Node, that took the module from 54-62 MB to 50 MB, for
// one collection of a mostly pointer-free heap per large check.
func limitMemory(n int) {
	debug.SetMemoryLimit(int64(3*n) + 16<<20)
	if n >= 4<<20 {
		runtime.GC()
	}
}

// answer turns r into the JavaScript result {ok: true, ...r}, with the
// extra JSON members in extra (`"name":value,` each) after ok.
func answer(r *check.Result, extra string) (safejs.Value, error) {
	output = append(output[:0], `{"ok":true,`...)
	output = append(output, extra...)
	n := len(output)
	output = r.AppendJSON(output)
	output[n] = ' ' // the '{' that AppendJSON opened
	return jsapi.ParseJSONBytes(output)
}
