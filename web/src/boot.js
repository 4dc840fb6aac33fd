// boot.js runs first, from the page's <head>, before the page's scripts
// have downloaded: it starts downloading and compiling the checker at
// once, and leaves both promises on globalThis.opcheckBoot for the page
// (checker.js), which reports their failures. It is a file of its own, not
// an inline script, because the page's Content-Security-Policy allows only
// its own script files; the packer rewrites the wasm's name to its hashed one.
(() => {
  if (typeof fetch !== "function" || typeof WebAssembly !== "object" || typeof WebAssembly.compileStreaming !== "function") return;
  const response = fetch("opcheck.wasm");
  const module = response.then((r) => (r.ok ? WebAssembly.compileStreaming(r) : null));
  // The page awaits both; until it does, a failure must not count as unhandled.
  response.catch(() => {});
  module.catch(() => {});
  globalThis.opcheckBoot = { response, module };
})();
