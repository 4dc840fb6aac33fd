// The findings panel (#diagnostics) and the conversion of the checker's
// diagnostics into editor positions and lint marks.

import { diagnosticOffsets } from "./positions.js";
import { el, clear } from "./dom.js";

/** PANEL_LIMIT caps how many findings the panel lists (the editor marks them all). */
export const PANEL_LIMIT = 1000;

/** sdkLanguage is the Graph SDK whose consequence a finding shows under it ("" for none). */
let sdkLanguage = "";

/** setSDKLanguage chooses the SDK whose consequences the panel shows; the next renderPanel or showSDKNotes uses it. */
export function setSDKLanguage(lang) {
  sdkLanguage = lang;
}

/**
 * showSDKNotes puts, under each finding root lists, the chosen SDK's
 * consequence (d.sdk, which the tools module fills after the check), or
 * takes it away; findings listed later get theirs from findingItem.
 */
export function showSDKNotes(root, findings) {
  for (const li of root.querySelectorAll("li.finding")) {
    const f = findings[Number(li.dataset.index)];
    const old = li.querySelector(".sdk-note");
    const note = f && sdkNote(f.d);
    if (old) old.remove();
    if (note) li.insertBefore(note, li.querySelector("button.fix"));
  }
}

/** sdkNote is the line under a finding saying what the chosen SDK makes of d's value, or null. */
function sdkNote(d) {
  const s = d.sdk && sdkLanguage ? d.sdk[sdkLanguage] : "";
  return s ? el("span", { className: "sdk-note" }, `${sdkLanguage}: ${s}`) : null;
}

const SEVERITIES = [
  { key: "error", one: "error", many: "errors", title: "Errors" },
  { key: "warning", one: "warning", many: "warnings", title: "Warnings" },
  { key: "info", one: "note", many: "notes", title: "Notes" },
];

/** severityOf is d's severity, reading anything unknown as an error. */
export function severityOf(d) {
  return d.severity === "warning" || d.severity === "info" ? d.severity : "error";
}

/**
 * locate turns the checker's diagnostics into findings with editor
 * positions: {d, from, to, fix?: {from, to, replacement, title}}.
 * @param {object[]} diagnostics
 * @param {(offsets: number[]) => number[]} toPositions converts the byte
 *   offsets of diagnosticOffsets(diagnostics) into editor positions
 */
export function locate(diagnostics, toPositions) {
  const pos = toPositions(diagnosticOffsets(diagnostics));
  let k = 0;
  return diagnostics.map((d) => {
    const f = { d, from: pos[k++], to: pos[k++] };
    if (d.fix) f.fix = { title: d.fix.title, replacement: d.fix.replacement, from: pos[k++], to: pos[k++], stale: false };
    return f;
  });
}

/** lintDiagnostics makes CodeMirror lint diagnostics; applyFix(i) applies finding i's fix. */
export function lintDiagnostics(findings, applyFix) {
  return findings.map((f, i) => ({
    from: f.from,
    to: f.to,
    severity: severityOf(f.d),
    source: f.d.code,
    message: f.d.message,
    actions: f.fix ? [{ name: f.fix.title || "Fix", apply: () => applyFix(i) }] : undefined,
  }));
}

/** countBySeverity counts diagnostics per severity. */
export function countBySeverity(diagnostics) {
  const n = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) n[severityOf(d)]++;
  return n;
}

/** countsText says "2 errors, 1 warning" in words ("no findings" for none). */
export function countsText(n) {
  const parts = [];
  for (const s of SEVERITIES) if (n[s.key]) parts.push(`${n[s.key]} ${n[s.key] === 1 ? s.one : s.many}`);
  return parts.length ? parts.join(", ") : "no findings";
}

/** FIRST_ITEMS findings are listed at once; the rest follow in slices of SLICE_ITEMS, one task each. */
const FIRST_ITEMS = 100;
const SLICE_ITEMS = 200;

/** panels holds, per panel root, its handlers and the timer of the slice to come. */
const panels = new WeakMap();

/**
 * renderPanel lists the findings in #diagnostics, grouped by severity, one
 * li per finding with data-severity, data-code, data-line, data-column and
 * data-pointer. Text is always set with textContent. The first findings
 * are listed at once and the others in later tasks, so that building a
 * long list (after every check) never holds the page's thread for long;
 * the panel is aria-busy until the list is complete.
 * @param {HTMLElement} root #diagnostics
 * @param {object[]} findings from locate
 * @param {object} handlers {select(i), fix(i)}
 */
export function renderPanel(root, findings, handlers) {
  let panel = panels.get(root);
  if (!panel) {
    panel = { timer: 0 };
    panels.set(root, panel);
    listen(root, panel);
  }
  panel.handlers = handlers;
  clearTimeout(panel.timer);
  root.removeAttribute("aria-busy");
  clear(root);
  if (findings.length === 0) {
    root.append(el("p", { className: "empty" }, "No findings: the checker found nothing to report."));
    return;
  }
  const items = []; // [ul, finding index], in the order listed
  for (const s of SEVERITIES) {
    const idx = [];
    findings.forEach((f, i) => { if (severityOf(f.d) === s.key) idx.push(i); });
    if (idx.length === 0) continue;
    const ul = el("ul", { className: "findings" });
    for (const i of idx) {
      if (items.length >= PANEL_LIMIT) break;
      items.push([ul, i]);
    }
    const head = el("h3", { className: "group-title" }, s.title + " ", el("span", { className: "count" }, String(idx.length)));
    const section = el("section", { className: `group sev-${s.key}` }, head, ul);
    section.dataset.severity = s.key;
    root.append(section);
  }
  if (items.length < findings.length) {
    root.append(el("p", { className: "more" }, `Listing the first ${items.length} of ${findings.length} findings; the editor marks them all (F8 moves through them).`));
  }
  let k = 0;
  const list = (n) => {
    for (const end = Math.min(items.length, k + n); k < end; k++) {
      const [ul, i] = items[k];
      ul.append(findingItem(findings[i], i));
    }
    if (k < items.length) {
      root.setAttribute("aria-busy", "true");
      panel.timer = setTimeout(() => list(SLICE_ITEMS), 0);
    } else {
      root.removeAttribute("aria-busy");
    }
  };
  list(FIRST_ITEMS);
}

/** listen handles clicks and keys for every finding of root, now and later, with the panel's current handlers. */
function listen(root, panel) {
  const indexOf = (target) => {
    const li = target instanceof Element ? target.closest("li.finding") : null;
    return li && root.contains(li) ? Number(li.dataset.index) : -1;
  };
  root.addEventListener("click", (e) => {
    const i = indexOf(e.target);
    if (i < 0) return;
    if (e.target.closest("button.fix")) panel.handlers.fix(i);
    else panel.handlers.select(i);
  });
  root.addEventListener("keydown", (e) => {
    if (e.key !== "Enter" && e.key !== " ") return;
    if (e.target instanceof Element && e.target.closest("button")) return; // the fix button's own
    const i = indexOf(e.target);
    if (i < 0) return;
    e.preventDefault();
    panel.handlers.select(i);
  });
}

function findingItem(f, i) {
  const d = f.d;
  const li = el("li", { className: `finding sev-${d.severity}`, tabIndex: 0 });
  li.dataset.severity = d.severity;
  li.dataset.code = d.code;
  li.dataset.line = String(d.line);
  li.dataset.column = String(d.column);
  li.dataset.pointer = d.pointer;
  li.dataset.index = String(i);
  li.setAttribute("aria-label", `${d.severity} at line ${d.line}, column ${d.column}: ${d.message}`);
  const where = el("span", { className: "where" }, `${d.line}:${d.column}`);
  const sev = el("span", { className: "sev" }, d.severity);
  const msg = el("span", { className: "msg" }, d.message);
  const meta = el("span", { className: "meta" }, el("code", { className: "code" }, d.code));
  if (d.pointer) meta.append(" ", el("code", { className: "pointer", title: "JSON Pointer" }, d.pointer));
  li.append(sev, where, msg, meta);
  const note = sdkNote(d);
  if (note) li.append(note);
  if (f.fix) li.append(el("button", { type: "button", className: "fix" }, f.fix.title || "Fix"));
  return li;
}
