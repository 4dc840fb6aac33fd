//go:build js && wasm

package main

import (
	"errors"
	"strconv"

	"github.com/hack-pad/safejs"

	"opcheck/check"
)

// handler is one exported function: it receives the call's arguments and
// returns a value safejs can convert, or an error that becomes
// {ok: false, error: {message}}.
type handler func(args []safejs.Value) (any, error)

// api lists every function installed on globalThis.opcheck; each file of
// the adapter adds its own from init.
var api = map[string]handler{
	"validate": validate,
}

// install puts every function of api on ns.
func install(ns safejs.Value) error {
	for name, h := range api {
		fn, err := safejs.FuncOf(wrap(name, h))
		if err != nil {
			return err
		}
		if err := ns.Set(name, fn); err != nil {
			return err
		}
	}
	return nil
}

// wrap turns h into a JavaScript function that never panics: a panic in the
// core is recovered and answered as an error, and the Go instance goes on
// serving later calls.
func wrap(name string, h handler) func(this safejs.Value, args []safejs.Value) any {
	return func(_ safejs.Value, args []safejs.Value) (result any) {
		defer func() {
			if p := recover(); p != nil {
				result = failure(errors.New("opcheck." + name + ": internal error: " + panicText(p) + " (the input is kept; please report this)"))
			}
		}()
		v, err := h(args)
		if err != nil {
			return failure(errors.New("opcheck." + name + ": " + err.Error()))
		}
		return v
	}
}

func panicText(p any) string {
	switch p := p.(type) {
	case error:
		return p.Error()
	case string:
		return p
	default:
		return "unexpected panic"
	}
}

func failure(err error) map[string]any {
	return map[string]any{"ok": false, "error": map[string]any{"message": err.Error()}}
}

// validate(text, {api, kind}) checks text (a string or a Uint8Array of
// UTF-8) and returns the fields of one element of the CLI's JSON output,
// plus ok: true.
func validate(args []safejs.Value) (any, error) {
	if len(args) < 1 || len(args) > 2 {
		return nil, errors.New("want (text, options?), got " + strconv.Itoa(len(args)) + " arguments")
	}
	src, err := textArg(args[0])
	if err != nil {
		return nil, err
	}
	var opts check.Options
	if len(args) == 2 {
		if opts.API, err = stringOption(args[1], "api"); err != nil {
			return nil, err
		}
		kind, err := stringOption(args[1], "kind")
		if err != nil {
			return nil, err
		}
		opts.Kind = check.Kind(kind)
	}
	if err := opts.Verify(); err != nil {
		return nil, err
	}
	r := check.Validate(src, &opts)
	out := r.AppendJSON(scratch[:0])
	scratch = out[:0]
	return parseJSON(`{"ok":true,` + string(out[1:]))
}
