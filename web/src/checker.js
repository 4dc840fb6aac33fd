// Checker owns the Go instances on the page — the validator, and the tools
// module once something needs it — and, for large documents, a Web Worker
// that runs the same compiled validator.

import { startGo, fetchWasm, call, TOOLS_URL, TOOL_NAMES } from "./wasm.js";

/** WORKER_URL is a plain file name: the build's packer rewrites it. */
const WORKER_URL = "worker.js";

/** Documents at least this long (UTF-16 units) are validated in the worker. */
export const WORKER_THRESHOLD = 200_000;

/** FRAME_MS is one frame's budget: a main-thread run slower than this sends documents of that size to the worker from then on. */
export const FRAME_MS = 16;

/** Texts at least this long go to validate as UTF-8 bytes (a Uint8Array), which crosses into Go faster than a string. */
const BYTES_THRESHOLD = 32_768;

/** What the tools module is called in messages. */
const TOOLS_WHAT = "the formatting and sharing tools";

export class Checker {
  constructor() {
    this.ns = null; // the validator's namespace (globalThis.opcheck)
    this.module = null;
    this.worker = null; // {w, ready: Promise, busy: job|null}
    this.nextId = 1;
    this.workerThreshold = WORKER_THRESHOLD;
    this.encoder = new TextEncoder();
    this.lastMs = 0; // what the last check cost, from call to result
    this.lastLength = 0; // and the length of the text it checked
    this.tools = null; // the namespace holding the tools' functions, once loaded
    this.toolsPromise = null; // the load in progress (or done)
    this.settled = new Promise((resolve) => { this.markSettled = resolve; }); // resolves once start() ends, either way
  }

  /** start downloads, compiles and starts the validator on the page. */
  async start() {
    try {
      const response = await fetchWasm();
      const { ns, module, instance } = await startGo(globalThis, response, () => this.restart());
      this.adopt(ns, instance);
      this.module = module;
    } finally {
      this.markSettled();
    }
  }

  /** adopt makes ns the validator's namespace: its memory is exposed, and loaded tools stay reachable on it. */
  adopt(ns, instance) {
    ns.memory = instance.exports.mem;
    if (this.tools) {
      for (const name of TOOL_NAMES) if (typeof this.tools[name] === "function") ns[name] = this.tools[name];
    }
    this.ns = ns;
  }

  /** restart starts a new instance after the Go program stopped. */
  async restart() {
    this.ns = null;
    try {
      const { ns, instance } = await startGo(globalThis, this.module, () => this.restart());
      this.adopt(ns, instance);
    } catch (err) {
      console.warn("opcheck: restart failed:", err.message);
    }
  }

  /**
   * loadTools loads opcheck-tools.wasm once and resolves when its functions
   * are installed (it rejects with a message a person can read when it
   * cannot be loaded; the next call tries again). The download starts at
   * once, but the module is compiled and started only after the validator
   * has started (or failed to), so that it never delays the first check.
   */
  loadTools() {
    if (this.toolsPromise) return this.toolsPromise;
    const p = (async () => {
      const response = fetchWasm(TOOLS_URL, TOOLS_WHAT);
      response.catch(() => {}); // reported below, after the validator has started
      await this.settled;
      const { ns } = await startGo(globalThis, await response, () => {
        // The tools' Go program stopped: load it again on the next use.
        this.tools = null;
        this.toolsPromise = null;
      }, { tools: true });
      this.tools = ns;
      return ns;
    })();
    this.toolsPromise = p;
    p.catch(() => {
      if (this.toolsPromise === p) this.toolsPromise = null;
    });
    return p;
  }

  /** toolsLoaded reports whether the tools module is running. */
  toolsLoaded() {
    return !!this.tools;
  }

  /**
   * callTool runs one function of the tools module, loading it first when
   * needed, and resolves to its plain result; when the module cannot be
   * loaded the result is {ok: false, unavailable: true, error}.
   */
  async callTool(name, ...args) {
    try {
      await this.loadTools();
    } catch (err) {
      return { ok: false, unavailable: true, error: { message: err.message } };
    }
    return call(this.tools, name, ...args);
  }

  /** call runs one function on the page's validator and returns its plain result. */
  call(name, ...args) {
    if (!this.ns) return { ok: false, error: { message: "the checker is not running yet" } };
    return call(this.ns, name, ...args);
  }

  /** inWorker reports whether a text of this length is checked in the worker. */
  inWorker(length) {
    return length >= this.workerThreshold && !!this.module && typeof Worker === "function";
  }

  /**
   * estimate is what checking a text of this length should cost (ms),
   * from the last check: in proportion to the length for long texts, the
   * last cost itself for short ones (their cost is mostly fixed).
   */
  estimate(length) {
    if (this.lastLength < 10_000) return this.lastMs;
    return (this.lastMs * length) / this.lastLength;
  }

  /** busy reports whether a check is running in the worker. */
  busy() {
    return !!(this.worker && this.worker.busy);
  }

  /**
   * validate checks text and resolves to {result, ms, background, ascii},
   * or to null when a newer run made this one stale (it was cancelled).
   * ascii is true when the text is all ASCII, so byte offsets are
   * positions.
   */
  validate(text, options) {
    const t0 = performance.now();
    const done = (result, background, ascii) => {
      if (result === null) return null;
      const ms = performance.now() - t0;
      this.lastMs = ms;
      this.lastLength = text.length;
      return { result, ms, background, ascii };
    };
    if (!this.inWorker(text.length)) {
      this.cancelWorkerRun();
      let arg = text;
      let ascii = false;
      if (text.length >= BYTES_THRESHOLD) {
        arg = this.encoder.encode(text);
        ascii = arg.length === text.length;
      }
      const result = this.call("validate", arg, options);
      const out = done(result, false, ascii);
      if (out.ms > FRAME_MS && text.length > 10_000) {
        this.workerThreshold = Math.min(this.workerThreshold, text.length);
      }
      return Promise.resolve(out);
    }
    const bytes = this.encoder.encode(text);
    const ascii = bytes.length === text.length;
    return this.validateInWorker(bytes, options).then((result) => done(result, true, ascii));
  }

  /** cancelWorkerRun ends a worker whose run is still going: its result would be stale. */
  cancelWorkerRun() {
    const wk = this.worker;
    if (wk && wk.busy) {
      const job = wk.busy;
      wk.busy = null;
      wk.w.terminate();
      this.worker = null;
      job.resolve(null);
    }
  }

  spawnWorker() {
    const w = new Worker(WORKER_URL);
    const wk = { w, busy: null };
    wk.ready = new Promise((resolve, reject) => {
      w.onmessage = (event) => {
        const msg = event.data;
        if (msg.type === "ready") resolve();
        else if (msg.type === "error") reject(new Error(msg.message));
        else if (msg.type === "result" && wk.busy && wk.busy.id === msg.id) {
          const job = wk.busy;
          wk.busy = null;
          job.resolve(msg.result);
        } else if (msg.type === "exit") {
          if (wk.busy) wk.busy.resolve({ ok: false, error: { message: "the checker stopped while checking this document" } });
          if (this.worker === wk) this.worker = null;
        }
      };
      w.onerror = (event) => {
        event.preventDefault();
        reject(new Error(event.message || "the worker failed to start"));
      };
    });
    w.postMessage({ type: "init", module: this.module });
    this.worker = wk;
    return wk;
  }

  validateInWorker(bytes, options) {
    this.cancelWorkerRun();
    const wk = this.worker || this.spawnWorker();
    const id = this.nextId++;
    const job = { id };
    const done = new Promise((resolve) => { job.resolve = resolve; });
    wk.busy = job;
    wk.ready.then(
      () => {
        if (wk.busy !== job) return; // cancelled while the worker started
        wk.w.postMessage({ type: "validate", id, bytes: bytes.buffer, options }, [bytes.buffer]);
      },
      () => {
        if (this.worker === wk) this.worker = null;
        wk.w.terminate();
        if (wk.busy !== job) return;
        // No worker here: check on the page rather than not at all.
        wk.busy = null;
        job.resolve(this.call("validate", bytes, options));
      },
    );
    return done;
  }
}
