// Checker owns the Go instance on the page and, for large documents, a Web
// Worker that runs the same compiled module.

import { startGo, fetchWasm, call } from "./wasm.js";

/** WORKER_URL is a plain file name: the build's packer rewrites it. */
const WORKER_URL = "worker.js";

/** Documents at least this long (UTF-16 units) are validated in the worker. */
export const WORKER_THRESHOLD = 200_000;

/** A main-thread run slower than this (ms) sends documents of that size to the worker from then on. */
const SLOW_RUN_MS = 40;

export class Checker {
  constructor() {
    this.ns = null;
    this.module = null;
    this.worker = null; // {w, ready: Promise, busy: job|null}
    this.nextId = 1;
    this.workerThreshold = WORKER_THRESHOLD;
    this.encoder = new TextEncoder();
  }

  /** start downloads, compiles and starts the checker on the page. */
  async start() {
    const response = await fetchWasm();
    const { ns, module } = await startGo(globalThis, response, () => this.restart());
    this.ns = ns;
    this.module = module;
  }

  /** restart starts a new instance after the Go program stopped. */
  async restart() {
    this.ns = null;
    try {
      const { ns } = await startGo(globalThis, this.module, () => this.restart());
      this.ns = ns;
    } catch (err) {
      console.warn("opcheck: restart failed:", err.message);
    }
  }

  /** call runs one function on the page's instance and returns its plain result. */
  call(name, ...args) {
    if (!this.ns) return { ok: false, error: { message: "the checker is not running yet" } };
    return call(this.ns, name, ...args);
  }

  /** has reports whether the loaded checker provides the function name. */
  has(name) {
    return !!this.ns && typeof this.ns[name] === "function";
  }

  /**
   * validate checks text and resolves to the result, or to null when a
   * newer run made this one stale (it was cancelled).
   */
  /** inWorker reports whether a text of this length is checked in the worker. */
  inWorker(length) {
    return length >= this.workerThreshold && !!this.module && typeof Worker === "function";
  }

  validate(text, options) {
    if (!this.inWorker(text.length)) {
      const t0 = performance.now();
      const result = this.call("validate", text, options);
      const ms = performance.now() - t0;
      if (ms > SLOW_RUN_MS && text.length > 10_000) {
        this.workerThreshold = Math.min(this.workerThreshold, text.length);
      }
      this.cancelWorkerRun();
      return Promise.resolve(result);
    }
    return this.validateInWorker(this.encoder.encode(text), options);
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
