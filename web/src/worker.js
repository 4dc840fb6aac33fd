// The validation worker: the same opcheck.wasm as the page, so that checking
// a large document never blocks typing. The page sends the compiled module
// once, then one "validate" message per run; it ends a worker whose run went
// stale (terminate), which is how stale runs are cancelled.

import { startGo, call } from "./wasm.js";

let checker = null;

self.onmessage = async (event) => {
  const msg = event.data;
  if (msg.type === "init") {
    try {
      importScripts("wasm_exec.js");
      checker = await startGo(self, msg.module, () => {
        self.postMessage({ type: "exit" });
      });
      self.postMessage({ type: "ready" });
    } catch (err) {
      self.postMessage({ type: "error", message: err.message });
    }
    return;
  }
  if (msg.type === "validate") {
    const result = checker
      ? call(checker.ns, "validate", new Uint8Array(msg.bytes), msg.options)
      : { ok: false, error: { message: "the checker in the worker is not running" } };
    self.postMessage({ type: "result", id: msg.id, result });
  }
};
