// Loading opcheck's two Go programs and calling them.
//
// opcheck.wasm is the validator: the page creates the globalThis.opcheck
// namespace and its ready promise, starts Go, and awaits the promise; Go
// installs validate there and resolves it. opcheck-tools.wasm (formatting,
// queries, share links, redaction) is loaded later, into the same
// namespace, and resolves opcheck.toolsReady the same way. No polling.

/** WASM_URL is a plain file name: the build's packer rewrites it to the hashed name. */
export const WASM_URL = "opcheck.wasm";

/** TOOLS_URL is the second module's plain file name, rewritten by the packer too. */
export const TOOLS_URL = "opcheck-tools.wasm";

/** TOOL_NAMES are the functions opcheck-tools.wasm installs. */
export const TOOL_NAMES = ["format", "minify", "query", "encodeLink", "decodeLink", "urlFromFragment", "redact", "sdkRead"];

/**
 * createNamespace makes a fresh globalThis.opcheck with its ready promise.
 * @param {object} scope globalThis or a worker's self
 */
export function createNamespace(scope) {
  const ns = {};
  ns.ready = new Promise((resolve) => {
    ns.resolveReady = resolve;
  });
  scope.opcheck = ns;
  return ns;
}

/**
 * toolsNamespace adds the toolsReady promise to the existing
 * globalThis.opcheck (made by createNamespace) and returns it.
 */
export function toolsNamespace(scope) {
  const ns = scope.opcheck || createNamespace(scope);
  ns.toolsReady = new Promise((resolve) => {
    ns.resolveToolsReady = resolve;
  });
  return ns;
}

/**
 * startGo runs a Go instance and resolves to {ns, module, instance,
 * isRunning} once Go has installed its functions. source is the Response
 * of the wasm file (the first start: compiled while it downloads) or an
 * already compiled WebAssembly.Module (a worker, or a restart). onExit is
 * called if the Go program stops later (a fatal error), so the page can
 * start a new one. With tools set, the instance is the tools module: it
 * joins the existing namespace and is awaited through opcheck.toolsReady.
 */
export async function startGo(scope, source, onExit, { tools = false } = {}) {
  const what = tools ? "the formatting and sharing tools" : "the checker";
  if (typeof scope.Go !== "function") {
    throw new Error(`the Go support script did not load, so ${what} cannot start. Reload the page.`);
  }
  const ns = tools ? toolsNamespace(scope) : createNamespace(scope);
  const ready = tools ? ns.toolsReady : ns.ready;
  const go = new scope.Go();
  let module;
  let instance;
  if (source instanceof WebAssembly.Module) {
    module = source;
    instance = await WebAssembly.instantiate(module, go.importObject);
  } else {
    try {
      ({ module, instance } = await WebAssembly.instantiateStreaming(source, go.importObject));
    } catch (err) {
      throw new Error(`could not start ${what}: ${err.message}. The download may be damaged, or this browser lacks WebAssembly; reload the page.`);
    }
  }
  let running = true;
  const exited = go.run(instance);
  const stopped = exited.then(
    () => { throw new Error(`${what} stopped while starting`); },
    (err) => { throw new Error(`${what} stopped while starting: ` + err.message); },
  );
  stopped.catch(() => {});
  await Promise.race([ready, stopped]);
  exited.then(
    () => { running = false; if (onExit) onExit(); },
    () => { running = false; if (onExit) onExit(); },
  );
  return { ns, module, instance, isRunning: () => running };
}

/**
 * fetchWasm downloads a wasm file, with a message a person can act on when
 * that fails; what names it in that message. started is the promise of a
 * download of url already under way (boot.js starts the checker's).
 */
export async function fetchWasm(url = WASM_URL, what = "the checker", started = null) {
  let response;
  try {
    response = await (started || fetch(url));
  } catch (err) {
    throw new Error(`could not download ${what} (${url}): ${err.message}. Check the connection and reload the page.`);
  }
  if (!response.ok) {
    throw new Error(`could not download ${what} (${url}): the server answered ${response.status} ${response.statusText}. Reload the page; if that does not help, the site is broken or being updated.`);
  }
  return response;
}

/**
 * call runs opcheck[name](...args) and always returns a plain result: the
 * adapter never throws by contract, but a stopped Go program does.
 */
export function call(ns, name, ...args) {
  const fn = ns && ns[name];
  if (typeof fn !== "function") {
    return { ok: false, error: { message: `this build of the checker has no ${name} function` } };
  }
  try {
    const r = fn(...args);
    if (r && typeof r === "object") return r;
    return { ok: false, error: { message: `${name} returned no result` } };
  } catch (err) {
    return { ok: false, error: { message: `${name} failed: ${err && err.message ? err.message : String(err)}` } };
  }
}
