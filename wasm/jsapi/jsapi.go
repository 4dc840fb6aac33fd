//go:build js && wasm

// Package jsapi is what opcheck's WebAssembly modules share: installing Go
// functions on the page's globalThis.opcheck namespace so that they never
// panic across the boundary, and reading their JavaScript arguments.
package jsapi

import (
	"errors"

	"github.com/hack-pad/safejs"
)

// Handler is one exported function: it receives the call's arguments and
// returns a value safejs can convert, or an error that becomes
// {ok: false, error: {message}}.
type Handler func(args []safejs.Value) (any, error)

// Serve installs api on globalThis.opcheck (creating the namespace when the
// page did not), calls opcheck[ready]() to tell the page, and then serves
// calls until the page goes away. The page creates the namespace and its
// promise before it starts Go:
//
//	globalThis.opcheck = {};
//	opcheck.ready = new Promise((resolve) => { opcheck.resolveReady = resolve; });
func Serve(api map[string]Handler, ready string) {
	ns, err := safejs.Global().Get("opcheck")
	if err == nil && (ns.IsUndefined() || ns.IsNull()) {
		if ns, err = NewObject(); err == nil {
			err = safejs.Global().Set("opcheck", ns)
		}
	}
	if err == nil {
		err = Install(ns, api)
	}
	if err != nil {
		println("opcheck: cannot install the functions:", err.Error())
		return
	}
	if resolve, err := ns.Get(ready); err == nil && resolve.Type() == safejs.TypeFunction {
		if _, err := resolve.Invoke(); err != nil {
			println("opcheck:", ready+":", err.Error())
		}
	}
	select {} // serve calls until the page goes away
}

// NewObject makes an empty JavaScript object.
func NewObject() (safejs.Value, error) {
	object, err := safejs.Global().Get("Object")
	if err != nil {
		return safejs.Value{}, err
	}
	return object.New()
}

// Install puts every function of api on ns.
func Install(ns safejs.Value, api map[string]Handler) error {
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
func wrap(name string, h Handler) func(this safejs.Value, args []safejs.Value) any {
	return func(_ safejs.Value, args []safejs.Value) (result any) {
		defer func() {
			if p := recover(); p != nil {
				result = Failure(errors.New("opcheck." + name + ": internal error: " + panicText(p) + " (the input is kept; please report this)"))
			}
		}()
		v, err := h(args)
		if err != nil {
			return Failure(errors.New("opcheck." + name + ": " + err.Error()))
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

// Failure is the result of a call that failed: {ok: false, error: {message}}.
func Failure(err error) map[string]any {
	return map[string]any{"ok": false, "error": map[string]any{"message": err.Error()}}
}
