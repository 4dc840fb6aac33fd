// The validation worker: the same opcheck.wasm as the page, so that checking
// a large document never blocks typing. It holds the text in the validator's
// session. The page sends the compiled module once ("init"), then either
// the whole text ("open": a string, encoded here, off the page's thread) or
// the editor's changes since the last message ("edit", in UTF-16 units), one
// message at a time; each is answered with a "result" carrying its id.
// Results list the objects the checker found only when the page asks
// (objects: true) or needs them to find the JSON in other input forms:
// a long collection has thousands, which cost more to carry than to check.
// The timeline's tracks, as many in a long callback stream, come only when
// the page asks for them (timeline: true).

import { startGo, call } from "./wasm.js";
import { diagnosticOffsets, timelineOffsets, utf8ToPositions } from "./positions.js";

let checker = null;
const encoder = new TextEncoder();

const notRunning = { ok: false, error: { message: "the checker in the worker is not running" } };

/** EMBEDDING_KINDS are the input forms whose JSON the page finds from the objects. */
const EMBEDDING_KINDS = ["http", "markdown", "log"];

/** withObjects adds the objects to a result that left them out, when they are wanted. */
function withObjects(result, wanted) {
  if (!result.ok || result.objects || !(wanted || EMBEDDING_KINDS.includes(result.kind))) return result;
  const r = call(checker.ns, "objects");
  if (!r.ok) return r;
  result.objects = r.objects;
  delete result.types;
  return result;
}

/**
 * withTimeline adds the timeline's tracks to a result that left them out,
 * when they are wanted, and returns the UTF-16 positions of their events
 * for a text that is not all ASCII (undefined otherwise).
 */
function withTimeline(result, wanted) {
  if (!result.ok || result.timeline || !wanted) return undefined;
  const r = call(checker.ns, "timeline");
  if (!r.ok) return undefined; // the view then says it has nothing to show
  result.timeline = r.timeline;
  return r.positions;
}

/**
 * open starts a session on the text. When the text is not all ASCII the
 * byte offsets of the diagnostics, then of the timeline's events, are
 * converted to editor positions here, where the bytes are, and sent along.
 */
function open(msg) {
  const bytes = typeof msg.text === "string" ? encoder.encode(msg.text) : new Uint8Array(msg.text);
  const result = withObjects(call(checker.ns, "open", bytes, { ...msg.options, objects: false, timeline: false }), msg.objects);
  withTimeline(result, msg.options && msg.options.timeline);
  let positions;
  if (result.ok && result.ascii === false) {
    positions = utf8ToPositions(bytes, diagnosticOffsets(result.diagnostics || []).concat(timelineOffsets(result.timeline)));
  }
  return { result, positions };
}

/**
 * edit applies the editor's changes to the session. For a text that is not
 * all ASCII the checker places the diagnostics in editor positions itself
 * (positions), which travel beside the result.
 */
function edit(msg) {
  const result = withObjects(call(checker.ns, "edit", msg.changes, { units: msg.units || "utf-8" }), msg.objects);
  let positions = result.positions;
  delete result.positions;
  const events = withTimeline(result, msg.timeline);
  if (positions && events) positions = positions.concat(events);
  return { result, positions };
}

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
  let answer;
  if (!checker) answer = { result: notRunning };
  else if (msg.type === "open") answer = open(msg);
  else if (msg.type === "edit") answer = edit(msg);
  else return;
  self.postMessage({ type: "result", id: msg.id, ...answer });
};
