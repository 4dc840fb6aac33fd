//go:build js && wasm

// Command tools is opcheck's second WebAssembly module: formatting,
// minifying, gjson queries, share links and redaction. The page loads it
// only when one of those is first used, since its libraries would otherwise
// add about a third to the validator's first load. It installs its
// functions on globalThis.opcheck beside validate and then calls
// opcheck.resolveToolsReady().
package main

import "opcheck/wasm/jsapi"

// api lists the functions this module installs; each file adds its own.
var api = map[string]jsapi.Handler{}

func main() {
	jsapi.Serve(api, "resolveToolsReady")
}
