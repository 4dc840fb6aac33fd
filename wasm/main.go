//go:build js && wasm

// Command wasm is opcheck's WebAssembly adapter: it fills the page's
// globalThis.opcheck namespace with functions that decode their JavaScript
// arguments, call the core once, and return plain JavaScript objects.
//
// The page creates the namespace and its ready promise before it starts Go:
//
//	globalThis.opcheck = {};
//	opcheck.ready = new Promise((resolve) => { opcheck.resolveReady = resolve; });
//
// main installs the functions and then calls opcheck.resolveReady().
package main

import (
	"github.com/hack-pad/safejs"
)

func main() {
	ns, err := safejs.Global().Get("opcheck")
	if err == nil && ns.IsUndefined() {
		ns, err = safejs.Global().Get("Object")
		if err == nil {
			ns, err = ns.New()
		}
		if err == nil {
			err = safejs.Global().Set("opcheck", ns)
		}
	}
	if err != nil {
		println("opcheck: no namespace to install into:", err.Error())
		return
	}
	if err := install(ns); err != nil {
		println("opcheck: install:", err.Error())
		return
	}
	if resolve, err := ns.Get("resolveReady"); err == nil && resolve.Type() == safejs.TypeFunction {
		if _, err := resolve.Invoke(); err != nil {
			println("opcheck: resolveReady:", err.Error())
		}
	}
	select {} // serve calls until the page goes away
}
