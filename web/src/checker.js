// Checker owns the Go instances on the page — the validator, and the tools
// module once something needs it — and, for large documents, a Web Worker
// that runs the same compiled validator and keeps its own copy of the text.
//
// The worker's copy is a session (opcheck.open, opcheck.edit): the page
// sends the whole text once, then only the editor's changes, which the
// session applies and checks again, incrementally where it can. Changes
// travel in the editor's own UTF-16 positions, which the session converts
// to bytes; for a text that is not all ASCII, the worker answers with the
// findings' positions too. Any doubt (an error, a new worker, other
// options, a text loaded from outside) makes the next check send the whole
// text again. One message is in flight at a
// time: what changes meanwhile waits and goes with the next message, so no
// change is lost and no run is cancelled.

import { canRun, launch, settle, startGo, fetchWasm, call, WASM_URL, TOOLS_URL, TOOL_NAMES } from "./wasm.js";
import { bytesToPositions } from "./positions.js";

/** WORKER_URL is a plain file name: the build's packer rewrites it. */
const WORKER_URL = "worker.js";

/** Documents at least this long (UTF-16 units) are validated in the worker. */
export const WORKER_THRESHOLD = 200_000;

/** FRAME_MS is one frame's budget: a main-thread run slower than this sends documents of that size to the worker from then on. */
export const FRAME_MS = 16;

/** CHEAP_MS is what a check on the page may cost to run in the keystroke's own task, so that its findings are painted with the typed character. */
export const CHEAP_MS = 6;

/** Texts at least this long go to validate as UTF-8 bytes (a Uint8Array), which crosses into Go faster than a string. */
const BYTES_THRESHOLD = 32_768;

/** What the tools module is called in messages. */
const TOOLS_WHAT = "the formatting and sharing tools";

/** clampTo converts byte offsets of an ASCII text of this length: they are positions. */
function clampTo(length) {
  return (offsets) => offsets.map((o) => Math.max(0, Math.min(o, length)));
}

/** optionsKey is what tells two options objects apart for the worker's session. */
function optionsKey(options) {
  return `${(options && options.api) || ""}\n${(options && options.kind) || ""}`;
}

/**
 * A run is what a check resolves to: {result, ms, background, toPositions},
 * where toPositions converts the result's byte offsets (in the order of
 * diagnosticOffsets) into editor positions of the text that was checked.
 */

export class Checker {
  constructor() {
    this.ns = null; // the validator's namespace (globalThis.opcheck)
    this.module = null;
    this.worker = null; // {w, ready: Promise, started, busy: job|null}
    this.workerBroken = false; // set when a worker could not start: check on the page instead
    this.want = null; // the newest text for the worker, not sent yet: {doc, options, resolve}
    this.copy = null; // what the worker's session holds: see resync
    this.resync();
    this.nextId = 1;
    this.workerThreshold = WORKER_THRESHOLD;
    this.encoder = new TextEncoder();
    this.lastMs = 0; // what the last check cost, from call to result
    this.lastLength = 0; // and the length of the text it checked
    this.tools = null; // the namespace holding the tools' functions, once loaded
    this.toolsPromise = null; // the load in progress (or done)
    this.settled = new Promise((resolve) => { this.markSettled = resolve; }); // resolves once start() ends, either way
  }

  /**
   * start downloads, compiles and starts the validator on the page, or
   * adopts the one boot.js started, and resolves once it is ready.
   */
  async start() {
    try {
      const { ns, module, instance } = await settle(await this.boot(), () => this.restart());
      this.adopt(ns, instance);
      this.module = module;
    } finally {
      this.markSettled();
    }
  }

  /**
   * boot resolves to what settle takes: the Go program that boot.js
   * started at navigation when it did, or else one started now from a
   * download started now. Failures read as fetchWasm's and launch's do.
   */
  async boot() {
    const started = globalThis.opcheckBoot;
    if (!started) {
      canRun(globalThis); // before downloading what cannot run
      return launch(globalThis, await fetchWasm());
    }
    await fetchWasm(WASM_URL, "the checker", started.response);
    try {
      await started.module;
    } catch (err) {
      throw new Error(`could not start the checker: ${err.message}. The download may be damaged, or this browser lacks WebAssembly; reload the page.`);
    }
    return started.launched;
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
    return length >= this.workerThreshold && !!this.module && typeof Worker === "function" && !this.workerBroken;
  }

  /**
   * estimate is what checking a text of this length on the page should cost
   * (ms), from the last check there: in proportion to the length for long
   * texts, the last cost itself for short ones (their cost is mostly fixed).
   */
  estimate(length) {
    if (this.lastLength < 10_000) return this.lastMs;
    return (this.lastMs * length) / this.lastLength;
  }

  /**
   * validate checks doc (the editor's Text) and resolves to a run, or to
   * null when a newer call made this one stale before it was sent. Long
   * texts go to the worker; a call while the worker is busy waits for it,
   * and is replaced by any newer call meanwhile. The worker's results list
   * the objects only when objects is true (or the input form needs them);
   * otherwise they carry types, the objects' distinct types.
   */
  validate(doc, options, objects = false) {
    if (this.want) this.want.resolve(null);
    this.want = null;
    if (!this.inWorker(doc.length)) return Promise.resolve(this.checkOnPage(doc, options));
    let resolve;
    const done = new Promise((r) => { resolve = r; });
    this.want = { doc, options, objects, resolve };
    this.send(this.worker || this.spawnWorker());
    return done;
  }

  /** checkOnPage runs the page's validator on doc and returns the run. */
  checkOnPage(doc, options) {
    const text = doc.toString();
    const t0 = performance.now();
    let arg = text;
    let ascii = false;
    if (text.length >= BYTES_THRESHOLD) {
      arg = this.encoder.encode(text);
      ascii = arg.length === text.length;
    }
    const result = this.call("validate", arg, options);
    const ms = performance.now() - t0;
    this.lastMs = ms;
    this.lastLength = text.length;
    if (ms > FRAME_MS && text.length > 10_000) {
      this.workerThreshold = Math.min(this.workerThreshold, text.length);
    }
    const toPositions = ascii ? clampTo(text.length) : (offsets) => bytesToPositions(text, offsets);
    return { result, ms, background: false, toPositions };
  }

  // ---- the worker's copy of the text ---------------------------------------

  /**
   * resync forgets what the worker's session holds, so that the next check
   * there sends the whole text.
   */
  resync() {
    // base: the Text the session holds once the message in flight is done;
    // head: the editor's Text that pending (a ChangeSet from base) leads to;
    // ascii: base is all ASCII (so byte offsets are positions);
    // options: the optionsKey of the session.
    this.copy = { base: null, head: null, pending: null, ascii: false, options: "" };
  }

  /**
   * track records an edit of the editor's text (a ViewUpdate's start Text,
   * ChangeSet and new Text), so that the worker's session can follow it.
   * Called for every edit, on the page or not; it only composes change sets.
   */
  track(startDoc, changes, doc) {
    const c = this.copy;
    if (!c.base) return;
    if (c.head !== startDoc) {
      this.resync(); // an edit was missed: start over from the whole text
      return;
    }
    c.pending = c.pending ? c.pending.compose(changes) : changes;
    c.head = doc;
  }

  /**
   * editsFor returns the changes that turn the session's text into doc, as
   * {offset, length, text} in ascending order, in UTF-16 units, each offset
   * counted in the text the changes before it made (CodeMirror's fromB, and
   * toA - fromA units replaced). It returns null when the session is not
   * known to hold base, or the options differ.
   */
  editsFor(doc, key) {
    const c = this.copy;
    if (!c.base || c.options !== key || c.head !== doc) return null;
    const out = [];
    if (c.pending) {
      c.pending.iterChanges((fromA, toA, fromB, toB, inserted) => {
        out.push({ offset: fromB, length: toA - fromA, text: inserted.toString() });
      });
    }
    return out;
  }

  /** send posts the waiting request to wk when it is started and idle: the changes when it can, else the whole text. */
  send(wk) {
    const req = this.want;
    if (!req || !wk.started || wk.busy) return;
    this.want = null;
    const key = optionsKey(req.options);
    const changes = this.editsFor(req.doc, key);
    const id = this.nextId++;
    const c = this.copy;
    if (!changes) c.ascii = false; // until the session says
    c.base = c.head = req.doc;
    c.pending = null;
    c.options = key;
    wk.busy = { ...req, id, edit: !!changes, t0: performance.now() };
    if (changes) wk.w.postMessage({ type: "edit", id, changes, units: "utf-16", objects: req.objects, timeline: !!(req.options && req.options.timeline) });
    else wk.w.postMessage({ type: "open", id, text: req.doc.toString(), options: req.options, objects: req.objects });
  }

  /** received handles the worker's answer to the message in flight. */
  received(wk, msg) {
    const job = wk.busy;
    if (!job || job.id !== msg.id) return;
    wk.busy = null;
    const result = msg.result;
    const c = this.copy;
    if (c.base === job.doc) {
      if (result.ok && typeof result.ascii === "boolean") c.ascii = result.ascii;
      else this.resync(); // the session may hold anything now
    }
    if (this.want) {
      job.resolve(null); // the text changed meanwhile: check the new one
      this.send(wk);
      return;
    }
    if (!result.ok && job.edit) {
      // The session did not take the changes (it lost its text, or holds
      // another): what counts is the editor's text, so check it whole.
      this.want = { doc: job.doc, options: job.options, objects: job.objects, resolve: job.resolve };
      this.send(wk);
      return;
    }
    let toPositions;
    if (msg.positions) toPositions = () => msg.positions;
    else if (result.ascii) toPositions = clampTo(job.doc.length);
    else toPositions = (offsets) => bytesToPositions(job.doc.toString(), offsets);
    job.resolve({ result, ms: performance.now() - job.t0, background: true, toPositions });
  }

  spawnWorker() {
    const w = new Worker(WORKER_URL);
    const wk = { w, busy: null, started: false };
    this.resync(); // a new worker holds no text
    wk.ready = new Promise((resolve, reject) => {
      w.onmessage = (event) => {
        const msg = event.data;
        if (msg.type === "ready") {
          wk.started = true;
          resolve();
          this.send(wk);
        } else if (msg.type === "error") {
          reject(new Error(msg.message));
        } else if (msg.type === "result") {
          this.received(wk, msg);
        } else if (msg.type === "exit") {
          this.stopped(wk);
        }
      };
      w.onerror = (event) => {
        event.preventDefault();
        reject(new Error(event.message || "the worker failed to start"));
      };
    });
    wk.ready.catch((err) => this.failed(wk, err));
    w.postMessage({ type: "init", module: this.module });
    this.worker = wk;
    return wk;
  }

  /** stopped handles a worker whose Go program stopped (a fatal error): its check fails, and a new worker takes the next. */
  stopped(wk) {
    if (this.worker === wk) {
      this.worker = null;
      this.resync();
    }
    const job = wk.busy;
    wk.busy = null;
    wk.w.terminate();
    const result = { ok: false, error: { message: "the checker stopped while checking this document" } };
    if (job) job.resolve({ result, ms: performance.now() - job.t0, background: true, toPositions: () => [] });
    if (this.want) this.send(this.spawnWorker());
  }

  /** failed handles a worker that could not start: documents are checked on the page from then on, rather than not at all. */
  failed(wk, err) {
    console.warn("opcheck: the worker did not start, so long texts are checked on the page:", err.message);
    if (this.worker === wk) this.worker = null;
    wk.w.terminate();
    this.workerBroken = true;
    const req = this.want;
    this.want = null;
    if (req) req.resolve(this.checkOnPage(req.doc, req.options));
  }
}
