// The worker runs the WebAssembly module.
importScripts("wasm_exec.js");
const go = new Go();
WebAssembly.instantiateStreaming(fetch("opcheck.wasm"), go.importObject).then((r) => go.run(r.instance));
