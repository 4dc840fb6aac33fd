// The Timeline view: one lane per resource the notifications tell about
// (the call, each operation, each participant), its events left to right
// in the order of the input, each marked with its place in the whole
// stream (#n). Each event is a button that selects its notification in the
// editor. Anomalies the checker
// found on the timeline (codes timeline-*) are marked with colour, a symbol
// and words.

import { el, clear } from "./dom.js";
import { shortType } from "./summary.js";
import { diagnosticOffsets, timelineOffsets } from "./positions.js";

/** MAX_EVENTS caps the events drawn: a long log has thousands, which no one reads as lanes. */
export const MAX_EVENTS = 1500;


/**
 * anomaliesByEvent maps "track:event" to the timeline findings about that
 * event: each finding lies inside its event's notification (or, in a
 * roster, its participant), so it belongs to the last event that starts at
 * or before it.
 */
export function anomaliesByEvent(timeline, diagnostics) {
  const starts = [];
  timeline.forEach((t, ti) => t.events.forEach((e, ei) => starts.push({ offset: e.offset, key: `${ti}:${ei}` })));
  starts.sort((a, b) => a.offset - b.offset);
  const map = new Map();
  for (const d of diagnostics || []) {
    if (!String(d.code).startsWith("timeline-")) continue;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid].offset <= d.offset) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) continue;
    const key = starts[lo - 1].key;
    if (!map.has(key)) map.set(key, []);
    map.get(key).push(d);
  }
  return map;
}

/** CATEGORIES give each kind of event its class, symbol and words; the colour is the class's. */
const CATEGORIES = {
  start: { symbol: "▶", words: "starts" },
  active: { symbol: "●", words: "in progress" },
  roster: { symbol: "◆", words: "roster change" },
  ended: { symbol: "■", words: "ended" },
  failed: { symbol: "✖", words: "failed" },
  other: { symbol: "○", words: "update" },
};

/** category sorts an event into one of CATEGORIES. */
export function category(e) {
  const s = String(e.status || "").toLowerCase();
  const change = String(e.changeType || "").toLowerCase();
  if (s === "failed" || (e.resultInfo && e.resultInfo.code >= 400)) return "failed";
  if (s.startsWith("roster")) return "roster";
  if (["completed", "terminated", "left"].includes(s) || change === "deleted") return "ended";
  if (["incoming", "establishing", "notstarted", "redirecting", "ringing"].includes(s) || change === "created") return "start";
  if (["running", "established", "joined", "muted", "in lobby", "hold", "transferring", "transferaccepted", "terminating"].includes(s)) return "active";
  return "other";
}

/** laneLabel names a track in a few words: "call 7d1e0c52…", "playPromptOperation 0f4a2b6c…", "participant 5b2f9a6e…". */
function laneLabel(track) {
  const url = String(track.resourceUrl || "");
  const id = url.slice(url.lastIndexOf("/") + 1);
  const short = id.length > 10 ? id.slice(0, 8) + "…" : id;
  if (/\/operations\/[^/]+$/.test(url)) return `${shortType(track.type)} ${short}`;
  if (/\/participants\/[^/]+$/.test(url)) return `participant ${short}`;
  if (/\/calls\/[^/]+$/.test(url)) return `call ${short}`;
  return `${shortType(track.type) || "resource"} ${short || "(no resourceUrl)"}`;
}

/** describe says in words what an event shows, for its label and tooltip; n is its place in the stream. */
function describe(e, cat, n) {
  const parts = [`#${n} ${e.changeType || "no changeType"}: ${e.status || CATEGORIES[cat].words}`];
  if (e.clientContext) parts.push(`clientContext ${e.clientContext}`);
  if (e.resultInfo) parts.push(`result ${e.resultInfo.code}/${e.resultInfo.subcode}${e.resultInfo.message ? " " + e.resultInfo.message : ""}`);
  parts.push(`line ${e.line}, column ${e.column}`);
  return parts.join("; ");
}

/**
 * renderTimeline fills root (#timeline) from a validation result: one
 * .lane element per track, carrying data-resource-url, with a button per
 * event. select(trackIndex, eventIndex) is called when an event is chosen.
 */
export function renderTimeline(root, result, select) {
  clear(root);
  if (!result) {
    root.append(el("p", { className: "muted" }, "Waiting for the checker…"));
    return;
  }
  const timeline = result.timeline || [];
  if (timeline.length === 0) {
    root.append(el("p", { className: "muted timeline-empty" },
      "No notifications in this text, so there is no timeline. Paste a callback body ({\"value\": [notifications]}) or a bot's log of them to see what happened to the call, its operations and its participants."));
    return;
  }
  // The place of each event in the whole stream.
  const all = [];
  timeline.forEach((t, ti) => t.events.forEach((e, ei) => all.push({ e, ti, ei })));
  all.sort((a, b) => a.e.offset - b.e.offset);
  const shown = all.slice(0, MAX_EVENTS);
  const column = new Map(shown.map((x, i) => [`${x.ti}:${x.ei}`, i]));
  const anomalies = anomaliesByEvent(timeline, result.diagnostics);
  const nAnomalies = [...anomalies.values()].reduce((n, list) => n + list.length, 0);

  const head = el("p", { className: "timeline-head" },
    `${timeline.length} ${timeline.length === 1 ? "resource" : "resources"}, ${all.length} ${all.length === 1 ? "event" : "events"}, `,
    nAnomalies ? el("strong", { className: "timeline-problems" }, `⚠ ${nAnomalies} ${nAnomalies === 1 ? "anomaly" : "anomalies"}`) : "no anomalies",
    all.length > shown.length ? `; the first ${MAX_EVENTS} events are drawn` : "",
    ". Each lane runs left to right; #n is an event's place in the stream; choose one to select its notification.");
  const legend = el("ul", { className: "timeline-legend" },
    ...Object.entries(CATEGORIES).map(([k, c]) => el("li", { className: `cat-${k}` }, el("span", { className: "sym", ariaHidden: "true" }, c.symbol), ` ${c.words}`)),
    el("li", { className: "anomaly" }, el("span", { className: "sym", ariaHidden: "true" }, "⚠"), " anomaly"));
  const lanes = el("div", { className: "timeline-lanes" });
  timeline.forEach((track, ti) => {
    const lane = el("section", { className: "lane" });
    lane.dataset.resourceUrl = track.resourceUrl || "";
    lane.dataset.type = track.type || "";
    const label = el("h3", { className: "lane-label", title: `${track.resourceUrl || "(no resourceUrl)"}\n${track.type}` }, laneLabel(track));
    const list = el("ol", { className: "lane-events" });
    list.setAttribute("aria-label", `${laneLabel(track)}: ${track.events.length} ${track.events.length === 1 ? "event" : "events"}`);
    track.events.forEach((e, ei) => {
      const col = column.get(`${ti}:${ei}`);
      if (col === undefined) return;
      const cat = category(e);
      const found = anomalies.get(`${ti}:${ei}`) || [];
      const words = describe(e, cat, col + 1);
      const button = el("button", { type: "button", className: `event cat-${cat}${found.length ? " anomaly" : ""}` },
        el("span", { className: "ev-n", ariaHidden: "true" }, `#${col + 1} `),
        el("span", { className: "sym", ariaHidden: "true" }, found.length ? "⚠" : CATEGORIES[cat].symbol),
        el("span", { className: "ev-status" }, ` ${e.status || e.changeType || "?"}`),
        found.length ? el("span", { className: "ev-flag" }, found.map((d) => d.code.replace(/^timeline-/, "").replace(/-/g, " ")).join(", ")) : null);
      button.dataset.track = String(ti);
      button.dataset.event = String(ei);
      button.dataset.line = String(e.line);
      if (found.length) button.dataset.anomaly = found.map((d) => d.code).join(" ");
      const problems = found.map((d) => `${d.severity}: ${d.message}`).join("\n");
      button.title = problems ? `${words}\n${problems}` : words;
      button.setAttribute("aria-label", problems ? `${words}. Anomaly: ${problems}` : words);
      button.addEventListener("click", () => select(ti, ei));
      list.append(el("li", null, button));
    });
    lane.append(label, list);
    lanes.append(lane);
  });
  root.append(head, legend, lanes);
}

/**
 * objectEnd returns the position just past the JSON object or array that
 * starts at from in doc (a CodeMirror Text), or the end of from's line
 * when it does not close within a long stretch.
 */
export function objectEnd(doc, from) {
  const text = doc.sliceString(from, Math.min(doc.length, from + 1_000_000));
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      depth--;
      if (depth === 0) return from + i + 1;
    }
  }
  return doc.lineAt(from).to;
}

/**
 * eventPosition is the editor position of event ei of track ti: from the
 * run's positions (which follow the diagnostics' offsets with the events'),
 * else from its line and column.
 * @param {object} result the validation result
 * @param {(offsets: number[]) => number[]} toPositions the run's converter
 * @param {(line: number, column: number) => number} fromLineColumn
 */
export function eventPosition(result, toPositions, ti, ei, fromLineColumn) {
  const timeline = result.timeline || [];
  const e = timeline[ti] && timeline[ti].events[ei];
  if (!e) return 0;
  if (toPositions) {
    const before = diagnosticOffsets(result.diagnostics || []).length;
    let k = before;
    for (let t = 0; t < ti; t++) k += timeline[t].events.length;
    const pos = toPositions(diagnosticOffsets(result.diagnostics || []).concat(timelineOffsets(timeline)));
    if (Number.isInteger(pos[k + ei])) return pos[k + ei];
  }
  return fromLineColumn(e.line, e.column);
}
