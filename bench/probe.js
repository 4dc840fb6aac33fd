// The probe the browser benchmark installs in every page before the page's
// own scripts run (Page.addScriptToEvaluateOnNewDocument). It changes
// nothing the page does; it only notes, in globalThis.__opcheckProbe:
//   - when globalThis.opcheck.ready resolves (the page creates the namespace
//     and its ready promise, and Go resolves it once its functions are in);
//   - when WebAssembly compilation or instantiation starts and ends (the
//     page's boot.js compiles while it downloads, at navigation, and starts
//     Go), and the instances, so that the benchmark can read the Go
//     instance's memory;
//   - when the page has painted its first check (it sets #diagnostics'
//     data-checked-seq to 1 then): the checker alone is not what a person
//     waits for, and the page may run its own script before or after it.
(() => {
  const probe = { instances: [], readyAt: -1, namespaceAt: -1, instantiateStart: -1, instantiateEnd: -1, findingsAt: -1 };
  Object.defineProperty(globalThis, "__opcheckProbe", { value: probe });
  for (const name of ["compileStreaming", "instantiateStreaming", "instantiate"]) {
    const own = WebAssembly[name];
    WebAssembly[name] = async function (...args) {
      if (probe.instantiateStart < 0) probe.instantiateStart = performance.now();
      const r = await own.apply(this, args);
      if (probe.instantiateEnd < 0) probe.instantiateEnd = performance.now();
      const inst = r instanceof WebAssembly.Instance ? r : r && r.instance;
      if (inst) probe.instances.push(inst);
      return r;
    };
  }
  // The page sets data-checked-seq to "0" at its start, then counts checks.
  new MutationObserver((records, observer) => {
    if (!records.some((r) => Number(r.target.getAttribute("data-checked-seq")) > 0)) return;
    probe.findingsAt = performance.now();
    observer.disconnect();
  }).observe(document, { subtree: true, attributeFilter: ["data-checked-seq"] });
  let ns;
  Object.defineProperty(globalThis, "opcheck", {
    configurable: true,
    enumerable: true,
    get: () => ns,
    set(v) {
      ns = v;
      if (probe.namespaceAt < 0) probe.namespaceAt = performance.now();
      if (v && v.ready && typeof v.ready.then === "function") {
        v.ready.then(() => {
          if (probe.readyAt < 0) probe.readyAt = performance.now();
        });
      }
    },
  });
})();
