// The measuring harness that the browser benchmark adds to a copy of the
// built page (as bench.js, next to index.html). It installs
// globalThis.opcheckBench; the Go test calls it through the DevTools
// protocol. Every timing is taken here, in the page, with performance.now(),
// so that the protocol's round trips are not measured.
//
// The ajv validator is the standalone code that build.mjs generated from the
// schema at build time: the page's CSP forbids compiling one at run time.

import validate from "opcheck-bench:validator";

// The options the page checks with while its Timeline view is closed: the
// timeline's anomalies are found, its tracks are not carried to JS.
const API = { api: "v1.0", timeline: false };
const encoder = new TextEncoder();
/** docs maps a document's name to its text. */
const docs = new Map();

/** load fetches the named documents from bench-docs/ and returns their sizes in bytes. */
async function load(names) {
  const sizes = {};
  for (const name of names) {
    if (!docs.has(name)) {
      const r = await fetch("bench-docs/" + name);
      if (!r.ok) throw new Error(`bench-docs/${name}: ${r.status}`);
      docs.set(name, await r.text());
    }
    sizes[name] = encoder.encode(docs.get(name)).length;
  }
  return sizes;
}

/** drop forgets documents, so that the tab does not keep every size alive. */
function drop(names) {
  for (const name of names) docs.delete(name);
}

// The page's own validate, taken before the edit measurements wrap it.
let opcheckValidate = null;

function checked(r) {
  if (!r || r.ok !== true) throw new Error("opcheck.validate failed: " + JSON.stringify(r && r.error));
  return r;
}

/** methods are what is timed: each takes the document's text, as the page holds it. */
const methods = {
  // The text as a JS string: Go copies it out of the JS heap.
  "opcheck-string": (text) => checked(opcheckValidate(text, API)),
  // TextEncoder to a Uint8Array first (timed too), copied with CopyBytesToGo.
  "opcheck-bytes": (text) => checked(opcheckValidate(encoder.encode(text), API)),
  // What a page without opcheck would run: parse, then the compiled schema with allErrors.
  ajv: (text) => validate(JSON.parse(text)),
  // The floor: the browser's own parser.
  "json-parse": (text) => JSON.parse(text),
};

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * reps finds how many calls in a row last at least sampleMs: the timer is
 * coarse (0.1 ms) outside cross-origin isolation, and a first call may be
 * slow while V8 compiles, so one warm-up call says little.
 */
function reps(fn, text, sampleMs) {
  let k = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < k; i++) fn(text);
    const dt = performance.now() - t0;
    if (dt >= sampleMs || k >= 1 << 20) return k;
    k = dt > 0 ? Math.max(k + 1, Math.min(k * 8, Math.ceil((k * sampleMs * 1.25) / dt))) : k * 8;
  }
}

/**
 * throughput times every method on one document. Methods take turns, one
 * sample each per round, so that a noisy moment of the machine hits all of
 * them; a sample runs a method k times in a row, k chosen so that a sample
 * lasts at least sampleMs. Returns, per method, the median time of one run
 * in ms and the number of samples, plus what each validator found.
 */
function throughput(name, { minMs = 400, minRounds = 5, maxRounds = 40, sampleMs = 4, only = null } = {}) {
  const text = docs.get(name);
  if (text === undefined) throw new Error("document not loaded: " + name);
  // only names the methods to time; a log is not one JSON document, so
  // JSON.parse and ajv cannot read it.
  const names = only || Object.keys(methods);
  const first = {};
  const k = {};
  for (const m of names) {
    first[m] = methods[m](text);
    if (m === "ajv") first.ajvErrors = (validate.errors || []).length;
    k[m] = reps(methods[m], text, sampleMs);
  }
  const samples = Object.fromEntries(names.map((m) => [m, []]));
  const start = performance.now();
  for (let round = 0; round < maxRounds; round++) {
    for (const m of names) {
      const fn = methods[m];
      const n = k[m];
      const t0 = performance.now();
      for (let i = 0; i < n; i++) fn(text);
      samples[m].push((performance.now() - t0) / n);
    }
    if (round + 1 >= minRounds && performance.now() - start >= minMs) break;
  }
  const op = first["opcheck-string"];
  const count = (sev) => op.diagnostics.filter((d) => d.severity === sev).length;
  return {
    bytes: encoder.encode(text).length,
    methods: Object.fromEntries(names.map((m) => [m, { medianMs: median(samples[m]), samples: samples[m].length, reps: k[m] }])),
    opcheck: { errors: count("error"), warnings: count("warning"), infos: count("info") },
    ajv: { valid: first.ajv === true, errors: first.ajvErrors || 0 },
  };
}

/**
 * twins times opcheck on a clean document and its findings-heavy twin,
 * taking turns in each round as throughput does, on the path the page
 * takes for texts this long (TextEncoder bytes), so that the ratio of the
 * two is measured side by side. Returns each one's bytes, median ms per
 * call and samples, the heavy one's findings, and the median over rounds
 * of heavy ms ÷ clean ms.
 */
function twins(clean, heavy, { minRounds = 5, maxRounds = 9, minMs = 0, sampleMs = 4 } = {}) {
  const fn = methods["opcheck-bytes"];
  const texts = [clean, heavy].map((name) => {
    const text = docs.get(name);
    if (text === undefined) throw new Error("document not loaded: " + name);
    return text;
  });
  const found = fn(texts[1]).diagnostics.length;
  const k = texts.map((text) => reps(fn, text, sampleMs));
  const samples = [[], []];
  const start = performance.now();
  for (let round = 0; round < maxRounds; round++) {
    texts.forEach((text, j) => {
      const t0 = performance.now();
      for (let i = 0; i < k[j]; i++) fn(text);
      samples[j].push((performance.now() - t0) / k[j]);
    });
    if (round + 1 >= minRounds && performance.now() - start >= minMs) break;
  }
  const one = (j) => ({ bytes: encoder.encode(texts[j]).length, medianMs: median(samples[j]), samples: samples[j].length });
  // Each round's two samples are taken back to back: the median of their
  // ratios moves less with the load of a shared machine than the ratio of
  // the medians.
  const pairMedian = median(samples[1].map((ms, i) => ms / samples[0][i]));
  return { clean: one(0), heavy: { ...one(1), findings: found }, pairMedian };
}

/**
 * callCost times opcheck.validate on the smallest document, "{}": the fixed
 * cost of one call (crossing into Go, options, the result back to JS), in
 * ms, beside JSON.parse + ajv on the same text.
 */
function callCost() {
  const text = "{}";
  const time = (fn) => {
    const k = reps(fn, text, 4);
    const xs = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      for (let j = 0; j < k; j++) fn(text);
      xs.push((performance.now() - t0) / k);
    }
    return median(xs);
  };
  return { opcheckMs: time((t) => opcheckValidate(t, API)), ajvMs: time(methods.ajv) };
}

/** memory returns the byte length of each Go instance's memory the probe saw on this page. */
function memory() {
  const probe = globalThis.__opcheckProbe;
  return probe ? probe.instances.map((i) => i.exports.mem.buffer.byteLength) : [];
}

// ---- edit → findings painted ----------------------------------------------

function editorView() {
  const host = document.getElementById("editor");
  const content = host && host.shadowRoot && host.shadowRoot.querySelector(".cm-content");
  const view = content && content.cmTile && content.cmTile.root && content.cmTile.root.view;
  if (!view) throw new Error("no CodeMirror view under #editor");
  return view;
}

/** afterPaint resolves after the next frame has been painted. */
function afterPaint() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0)));
}

/** settled resolves once the findings panel is no longer stale (a check finished and was shown). */
function settled() {
  const panel = document.getElementById("diagnostics");
  return new Promise((resolve) => {
    if (!panel.classList.contains("stale")) return resolve();
    const mo = new MutationObserver(() => {
      if (!panel.classList.contains("stale")) {
        mo.disconnect();
        resolve();
      }
    });
    mo.observe(panel, { attributes: true, attributeFilter: ["class"] });
  });
}

let validateStarts = []; // performance.now() of each validation the page started
let hooked = false;

/** hookValidate records when the page starts a validation, on the page or in its worker. */
function hookValidate() {
  if (hooked) return;
  hooked = true;
  const ns = globalThis.opcheck;
  const own = ns.validate;
  ns.validate = function (...args) {
    validateStarts.push(performance.now());
    return own.apply(this, args);
  };
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (msg, ...rest) {
    if (msg && ["validate", "open", "edit"].includes(msg.type)) validateStarts.push(performance.now());
    return post.call(this, msg, ...rest);
  };
}

/** setDoc puts text into the editor and resolves once its findings are painted. */
async function setDoc(name) {
  hookValidate();
  const view = editorView();
  const text = docs.get(name);
  const panel = document.getElementById("diagnostics");
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  if (!panel.classList.contains("stale")) throw new Error("the page did not mark the findings stale after an edit");
  await settled();
  await afterPaint();
  const pos = text.indexOf('"status": "', text.length >> 1) + '"status": "'.length;
  if (pos < '"status": "'.length) throw new Error("no status member after the middle of " + name);
  return { pos, length: view.state.doc.length };
}

let pending = null;

/**
 * armEdit selects the character at pos and gets ready to time the next
 * keystroke: from its keydown to the echo (the frame that shows the
 * character) and to the frame that shows the findings of the new text.
 */
function armEdit(pos) {
  const view = editorView();
  view.dispatch({ selection: { anchor: pos, head: pos + 1 }, scrollIntoView: true });
  view.focus();
  const panel = document.getElementById("diagnostics");
  const longTasks = [];
  const lto = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
  lto.observe({ type: "longtask" });
  validateStarts = [];
  pending = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no findings painted within 20 s of the keystroke")), 20_000);
    window.addEventListener("keydown", (e) => {
      const t0 = e.timeStamp;
      // The edit marks the panel stale synchronously; the frame after that
      // shows the character. The findings are painted by the first frame
      // after the panel stops being stale: the echo's own frame when the
      // check ran before it, a later one otherwise.
      let painted;
      const echo = new Promise((res) => {
        const mo = new MutationObserver(() => {
          if (panel.classList.contains("stale")) {
            mo.disconnect();
            painted = settled().then(afterPaint);
            afterPaint().then(res);
          }
        });
        mo.observe(panel, { attributes: true, attributeFilter: ["class"] });
      });
      echo.then(async (echoAt) => {
        const paintedAt = await painted;
        clearTimeout(timer);
        lto.disconnect();
        const during = longTasks.filter((t) => t.startTime + t.duration >= t0 && t.startTime <= paintedAt);
        resolve({
          echoMs: echoAt - t0,
          paintedMs: paintedAt - t0,
          validateStartMs: validateStarts.length ? validateStarts[validateStarts.length - 1] - t0 : -1,
          longestTaskMs: during.reduce((m, t) => Math.max(m, t.duration), 0),
          docLength: view.state.doc.length,
        });
      });
    }, { capture: true, once: true });
  });
}

/** editResult resolves to the timings of the keystroke armEdit waited for. */
function editResult() {
  const p = pending;
  pending = null;
  if (!p) return Promise.reject(new Error("armEdit was not called"));
  return p;
}

/** charAt returns the editor's character at pos. */
function charAt(pos) {
  return editorView().state.sliceDoc(pos, pos + 1);
}

function init() {
  if (!globalThis.opcheck || typeof globalThis.opcheck.validate !== "function") {
    throw new Error("bench.js loaded before opcheck was ready");
  }
  opcheckValidate = globalThis.opcheck.validate;
}

globalThis.opcheckBench = { init, load, drop, throughput, twins, callCost, memory, setDoc, armEdit, editResult, charAt };
