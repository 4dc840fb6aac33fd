// Loading opcheck's two Go programs and calling them.
//
// opcheck.wasm is the validator: boot.js, at navigation, creates the
// globalThis.opcheck namespace and its ready promise and starts Go (launch);
// the page then awaits the promise (settle). Go installs validate there
// and resolves it. A restart after a fatal error, or a worker, does both
// steps at once (startGo). opcheck-tools.wasm (formatting,
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
 * canRun throws, with a message a person can act on, when scope cannot run
 * a Go program: the browser lacks WebAssembly, or Go's support script
 * (wasm_exec.js, which boot.js carries) did not load. what names the
 * program in the message.
 */
export function canRun(scope, what = "the checker") {
  if (typeof WebAssembly !== "object") {
    throw new Error(`this browser does not run WebAssembly, which ${what} needs. Use a current version of Firefox, Chrome, Edge or Safari, with WebAssembly allowed.`);
  }
  if (typeof scope.Go !== "function") {
    throw new Error(`the Go support script did not load, so ${what} cannot start. Reload the page.`);
  }
}

/**
 * launch instantiates a Go program and runs it, and resolves to {ns, module,
 * instance, exited, ready, what} once Go is running: the namespace exists
 * before Go runs, and ready resolves once Go has installed its functions,
 * which may be before launch resolves or later.
 * source is the Response of the wasm file (compiled while it downloads) or
 * an already compiled WebAssembly.Module (boot.js's, a worker's, or a
 * restart's). With tools set, the instance is the tools module: it joins
 * the existing namespace and is awaited through opcheck.toolsReady.
 * boot.js calls it at navigation, before the page's scripts have run; the
 * page then hands what it resolved to to settle.
 */
export async function launch(scope, source, { tools = false } = {}) {
  const what = tools ? "the formatting and sharing tools" : "the checker";
  canRun(scope, what);
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
  const exited = go.run(instance);
  exited.catch(() => {}); // settle reports it; until then it must not count as unhandled
  return { ns, module, instance, exited, ready, what };
}

/**
 * settle waits until the Go program that launch started has installed its
 * functions, and resolves to {ns, module, instance, isRunning}; it rejects
 * if the program stopped first. onExit is called if the program stops
 * later (a fatal error), so the page can start a new one.
 */
export async function settle({ ns, module, instance, exited, ready, what }, onExit) {
  let running = true;
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
 * startGo is launch then settle: it runs a Go instance and resolves to
 * {ns, module, instance, isRunning} once Go has installed its functions.
 */
export async function startGo(scope, source, onExit, options) {
  return settle(await launch(scope, source, options), onExit);
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
