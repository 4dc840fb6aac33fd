// boot.js runs first, from the page's <head>, before the page's scripts
// have downloaded: it starts downloading and compiling the checker at
// once, and starts the Go program as soon as it is compiled, so that the
// checker is ready while the page's own script (the editor and the views,
// the larger part) is still being loaded and run. It leaves the three
// promises on globalThis.opcheckBoot for the page (checker.js), which
// reports their failures and adopts the running program.
//
// It carries Go's support script (wasm_exec.js, from the toolchain that
// built the wasm; the build bundles it in), since Go cannot start without
// it. It is a file of its own, not an inline script, because the page's
// Content-Security-Policy allows only its own script files; the packer
// rewrites the wasm's name to its hashed one.

import "opcheck:wasm_exec";
import { launch } from "./wasm.js";

(() => {
  if (typeof fetch !== "function" || typeof WebAssembly !== "object" || typeof WebAssembly.compileStreaming !== "function") return;
  const response = fetch("opcheck.wasm");
  const module = response.then((r) => (r.ok ? WebAssembly.compileStreaming(r) : null));
  const launched = module.then((m) => (m ? launch(globalThis, m) : null));
  // The page awaits all three; until it does, a failure must not count as unhandled.
  response.catch(() => {});
  module.catch(() => {});
  launched.catch(() => {});
  globalThis.opcheckBoot = { response, module, launched };
})();
