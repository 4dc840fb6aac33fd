// The playground page: wires the editor, the checker, the panels and the
// toolbar together. Every text that came from a person or a server is shown
// with textContent, never as HTML.

import { Checker, FRAME_MS, CHEAP_MS } from "./checker.js";
import { createEditor, replaceAll, showFindings, selectRange, findingsField, nextDiagnostic, previousDiagnostic, setJSONLanguage, PLAIN_LENGTH } from "./editor.js";
import { bytesToPositions, lineColumnToPosition } from "./positions.js";
import { locate, lintDiagnostics, renderPanel, countBySeverity, countsText, setSDKLanguage, showSDKNotes } from "./findings.js";
import { renderSDK, SDK_LANGS } from "./sdk.js";
import { renderSummary, shortType } from "./summary.js";
import { renderTimeline, eventPosition, objectEnd } from "./timeline.js";
import { fetchAsHTTP, formatSize } from "./fetch.js";
import { linkFor, readFragment, decodeState, urlToFetch, LONG_LINK } from "./share.js";
import { load, save, AUTOSAVE_LIMIT } from "./storage.js";
import { setupTheme } from "./theme.js";
import { setupExamples } from "./examples.js";
import { renderEmptyState, isBlank } from "./emptystate.js";
import { $, el, clear } from "./dom.js";
import examples from "opcheck:examples";

/** MAX_TEXT is the largest text opcheck opens (file, drop, fetch, paste): 20 MB. */
const MAX_TEXT = 20_000_000;
const VIEWS = ["diagnostics", "summary", "timeline", "query", "sdk"];

const ui = {
  editor: $("editor"),
  diagnostics: $("diagnostics"),
  counts: $("counts"),
  summary: $("summary"),
  timeline: $("timeline"),
  query: $("query"),
  queryResult: $("query-result"),
  sdk: $("sdk"),
  sdkLanguage: $("sdk-language"),
  api: $("api"),
  examples: $("examples"),
  examplesToggle: $("examples-toggle"),
  examplesPopup: $("examples-popup"),
  examplesFilter: $("examples-filter"),
  examplesCount: $("examples-count"),
  share: $("share"),
  redact: $("redact"),
  format: $("format"),
  minify: $("minify"),
  indent: $("indent"),
  sortKeys: $("sort-keys"),
  copy: $("copy"),
  download: $("download"),
  newDoc: $("new"),
  openFile: $("open-file"),
  fetchUrl: $("fetch-url"),
  fetchToken: $("fetch-token"),
  fetch: $("fetch"),
  message: $("message"),
  loadError: $("load-error"),
  status: $("status"),
  infoKind: $("info-kind"),
  infoApi: $("info-api"),
  infoTypes: $("info-types"),
  theme: $("theme"),
  help: $("help"),
  shortcuts: $("shortcuts"),
  shortcutsClose: $("shortcuts-close"),
  confirm: $("confirm"),
  confirmText: $("confirm-text"),
  confirmOk: $("confirm-ok"),
  confirmCancel: $("confirm-cancel"),
};

const checker = new Checker();
let lastResult = null; // the last validation's result
let lastDoc = null; // the editor's Text it checked
let lastRun = null; // the run that produced lastResult, for its positions
let pristine = null; // the editor's Text as last loaded from outside (example, file, fetch, link)
let currentView = "diagnostics";
let validateTimer = 0;
let runSeq = 0;
let autosaveTimer = 0;
let autosaveWarned = false;

// ---- messages -------------------------------------------------------------

let messageTimer = 0;
/**
 * say shows a short message above the editor; kind is "info", "warn" or
 * "error". A sticky message describes the text as long as it is there (it
 * is too long to save), so edits do not take it away.
 */
function say(text, kind = "info", sticky = false) {
  clearTimeout(messageTimer);
  ui.message.dataset.sticky = sticky ? "true" : "false";
  ui.message.textContent = text;
  ui.message.dataset.kind = kind;
  ui.message.hidden = false;
  if (kind === "info") messageTimer = setTimeout(() => { ui.message.hidden = true; }, 8000);
}

/** hideMessage takes the message away once the text changed: it no longer describes it. */
function hideMessage() {
  if (ui.message.dataset.sticky === "true") return;
  clearTimeout(messageTimer);
  ui.message.hidden = true;
}

// ---- the editor -----------------------------------------------------------

/** exampleIndex is the index of the example made from the corpus file, or -1. */
function exampleIndex(file) {
  return examples.findIndex((ex) => ex.file === file);
}

/** FIRST_EXAMPLE is what a first visit opens (no saved text, no link): an operation with a finding that has a fix. */
const FIRST_EXAMPLE = "v1.0/playPromptOperation.broken-status-case.json";

/** STARTERS are the empty state's one-click examples. */
const STARTERS = [
  { label: "An operation", hint: "A playPrompt operation as GET returns it", file: "forms/operation.valid.json" },
  { label: "A callback", hint: "A notification batch as Graph posts it to your bot", file: "forms/notifications.valid.json" },
  { label: "A log line", hint: "A callback body in a log line, after its timestamp", file: "forms/log.valid.txt" },
].map((s) => ({ ...s, index: exampleIndex(s.file) })).filter((s) => s.index >= 0);

const savedText = load("text", null);
const firstExample = savedText === null && readFragment().kind === "none" ? examples[Math.max(0, exampleIndex(FIRST_EXAMPLE))] : null;
if (firstExample) save("api", firstExample.api);

const view = createEditor({
  parent: ui.editor,
  doc: firstExample ? firstExample.text : savedText || "",
  onChange,
  commands: {
    share: () => doShare(),
    format: () => doFormat(),
    dropFile: (file) => openFile(file),
    maxLength: MAX_TEXT,
    onTooLong: (n) => say(`That would make the text ${formatSize(n)} long; opcheck holds up to ${formatSize(MAX_TEXT)}. Nothing was pasted.`, "error"),
  },
});

if (firstExample) {
  pristine = view.state.doc; // replaced without a question, like any loaded example
  save("text", firstExample.text);
}

function text() {
  return view.state.doc.toString();
}

let keepFragment = false; // true while a link's own text is being loaded

/** onChange follows every change of the text (update is CodeMirror's ViewUpdate). */
function onChange(update) {
  hideMessage();
  // Once the text changes, the address no longer describes it: drop the
  // fragment, so that a reload keeps the edits instead of reopening the link.
  if (!keepFragment && location.hash) history.replaceState(null, "", location.pathname + location.search);
  ui.diagnostics.classList.add("stale");
  checker.track(update.startState.doc, update.changes, update.state.doc);
  scheduleValidate();
  clearTimeout(autosaveTimer);
  autosaveTimer = setTimeout(autosave, 400);
}

function autosave() {
  clearTimeout(autosaveTimer);
  const doc = view.state.doc;
  if (doc.length > AUTOSAVE_LIMIT) {
    if (!autosaveWarned) {
      autosaveWarned = true;
      say(`This text is too long to keep in the browser's storage (over ${formatSize(AUTOSAVE_LIMIT)}); it will be lost when the tab closes. Download it to keep it.`, "warn", true);
    }
    return;
  }
  if (!save("text", doc.toString()) && !autosaveWarned) {
    autosaveWarned = true;
    say("The browser refused to save the text locally (storage full or turned off); download it to keep it.", "warn", true);
  }
}

/** loadText replaces the editor's text (one undoable step) and checks it at once. */
function loadText(t) {
  replaceAll(view, t);
  pristine = view.state.doc;

  autosave();
  validateNow();
}

function hasUnsavedText() {
  const doc = view.state.doc;
  return doc.length > 0 && !(pristine && doc.eq(pristine));
}

// ---- validation -----------------------------------------------------------
//
// After an edit, a check that cost a few ms the last time runs at once, in
// the keystroke's own task (a microtask after the transaction), so that its
// findings are painted in the frame that shows the typed character. One
// that costs up to a frame runs before the next frame; a costlier one waits
// for about what the last check cost after the last edit, so that a burst
// of typing does not start one check per key. Long texts go to the worker
// at once: it takes one message at a time and gets the edits made meanwhile
// together with the next, so it needs no debounce, and nothing there is
// cancelled.

/** MAX_DEBOUNCE_MS bounds the wait after the last edit, whatever the last check cost. */
const MAX_DEBOUNCE_MS = 1000;
let frameRequest = 0;
let microtaskToken = 0; // a queued microtask runs only while this is unchanged
let checkedSeq = 0;
ui.diagnostics.dataset.checkedSeq = "0";

function cancelScheduled() {
  clearTimeout(validateTimer);
  validateTimer = 0;
  if (frameRequest) cancelAnimationFrame(frameRequest);
  frameRequest = 0;
  microtaskToken++;
}

/** soon runs fn once the current task's script is done: after the transaction, before anything is painted. */
function soon(fn) {
  const token = microtaskToken;
  queueMicrotask(() => {
    if (token === microtaskToken) fn();
  });
}

/** nextFrame runs fn before the next frame is painted (at once in a hidden tab, which paints none). */
function nextFrame(fn) {
  if (document.hidden) {
    validateTimer = setTimeout(fn, 0);
    return;
  }
  frameRequest = requestAnimationFrame(() => {
    frameRequest = 0;
    fn();
  });
}

/** afterPaint runs fn once the next frame has been painted. */
function afterPaint(fn) {
  if (document.hidden) {
    setTimeout(fn, 0);
    return;
  }
  requestAnimationFrame(() => setTimeout(fn, 0));
}

function scheduleValidate() {
  cancelScheduled();
  const length = view.state.doc.length;
  const cost = checker.inWorker(length) ? 0 : checker.estimate(length);
  if (cost <= CHEAP_MS) soon(runValidate);
  else if (cost < FRAME_MS) nextFrame(runValidate);
  else validateTimer = setTimeout(runValidate, Math.min(cost, MAX_DEBOUNCE_MS));
}

/** validateNow checks the text at once, and sends the whole of it when the worker checks it (a text loaded from outside, other options, a rewrite). */
function validateNow() {
  cancelScheduled();
  checker.resync();
  runValidate();
}

/** BUSY_MS is how long a check in the worker may take before the status line says it is running. */
const BUSY_MS = 150;
let busyTimer = 0;

async function runValidate() {
  cancelScheduled();
  if (!checker.ns) return; // checked once the checker is ready
  const seq = ++runSeq;
  const doc = view.state.doc;
  clearTimeout(busyTimer);
  // An edit in a long text usually comes back in a few milliseconds: saying
  // "Checking" at every key would only make the status line flicker.
  if (checker.inWorker(doc.length)) busyTimer = setTimeout(() => { ui.status.textContent = "Checking in the background…"; }, BUSY_MS);
  // The tracks of a long callback stream cost more to carry than to find:
  // they come only while the Timeline view is open (its anomalies always do).
  const options = { api: ui.api.value, timeline: currentView === "timeline" };
  const run = await checker.validate(doc, options, currentView === "summary" || currentView === "sdk" || ui.sdkLanguage.value !== "");
  if (run === null || seq !== runSeq || view.state.doc !== doc) return; // stale: a newer run follows
  run.timelineAsked = options.timeline; // so that a view without tracks does not ask again
  showResult(run, doc);
}

/** markChecked counts a shown result in #diagnostics' data-checked-seq once it is painted. */
function markChecked() {
  const n = ++checkedSeq;
  afterPaint(() => { ui.diagnostics.dataset.checkedSeq = String(n); });
}

/**
 * showSummary renders the Summary view of the last check; when that check
 * left the objects out (the worker does unless asked), it checks again with
 * them.
 */
function showSummary() {
  if (lastResult && !lastResult.objects) {
    renderSummary(ui.summary, null, "");
    runValidate();
    return;
  }
  renderSummary(ui.summary, lastResult, lastText());
}

/**
 * showTimeline renders the Timeline view of the last check; when that check
 * left the tracks out (checks do while the view is closed), it checks again
 * with them.
 */
function showTimeline() {
  if (lastResult && !lastResult.timeline && !lastRun.timelineAsked) {
    renderTimeline(ui.timeline, null, selectEvent);
    runValidate();
    return;
  }
  renderTimeline(ui.timeline, lastResult, selectEvent);
}

/** selectEvent selects the notification of event ei of track ti in the editor. */
function selectEvent(ti, ei) {
  if (!lastResult) return;
  const doc = view.state.doc;
  const current = doc === lastDoc;
  const from = eventPosition(lastResult, current ? lastRun.toPositions : null, ti, ei, (line, column) => lineColumnToPosition(doc, line, column));
  selectRange(view, from, objectEnd(doc, from));
}

/** lastText is the text of the last check that worked ("" before one). */
function lastText() {
  return lastDoc ? lastDoc.toString() : "";
}

/** showResult shows a check's run (see checker.js) of doc, the editor's Text it checked. */
function showResult(run, doc) {
  clearTimeout(busyTimer);
  const { result, ms, background } = run;
  ui.diagnostics.classList.remove("stale");
  markChecked();
  if (!result.ok) {
    lastResult = null;
    lastDoc = null;
    clear(ui.diagnostics);
    ui.diagnostics.append(el("p", { className: "error" }, `The checker failed on this text: ${result.error.message}. Your text is kept.`));
    ui.status.textContent = "The checker failed on this text.";
    return;
  }
  lastResult = result;
  lastDoc = doc;
  lastRun = run;
  if (!firstPainted) {
    firstPainted = true;
    afterPaint(prefetchTools);
  }
  if (showsEmptyState(result, doc)) return;
  setJSONLanguage(view, !["http", "markdown", "log"].includes(result.kind));
  const findings = locate(result.diagnostics || [], run.toPositions);
  showFindings(view, findings, lintDiagnostics(findings, applyFix));
  renderPanel(ui.diagnostics, findings, { select: selectFinding, fix: applyFix });
  delete ui.diagnostics.dataset.sdkNotes;
  if (ui.sdkLanguage.value) annotateSDK(result, doc, findings);
  const n = countBySeverity(result.diagnostics || []);
  ui.counts.textContent = String(findings.length);
  ui.counts.dataset.errors = String(n.error);
  const plain = view.state.doc.length >= PLAIN_LENGTH ? ` Syntax colours are off for a text this long (${PLAIN_LENGTH.toLocaleString("en")} characters or more), to keep typing fast.` : "";
  ui.status.textContent = `Checked in ${Math.max(1, Math.round(ms))} ms${background ? " (in the background)" : ""}: ${countsText(n)}.${plain}`;
  ui.infoKind.textContent = result.kind || "–";
  ui.infoApi.textContent = result.api || ui.api.value;
  const types = [...new Set((result.types || (result.objects || []).map((o) => o.type)).map(shortType))];
  ui.infoTypes.textContent = types.length ? types.join(", ") : "none found";
  if (currentView === "summary") showSummary();
  if (currentView === "timeline") showTimeline();
  if (currentView === "query") runQuery();
  if (currentView === "sdk") showSDK();
  if (!firstPainted) {
    firstPainted = true;
    afterPaint(prefetchTools);
  }
}

/**
 * showsEmptyState shows the empty state, rather than the checker's
 * empty-input finding, when the editor holds no text (or only spaces) and
 * reports whether it did. The command line keeps the finding.
 */
function showsEmptyState(result, doc) {
  const diags = result.diagnostics || [];
  const empty = diags.length === 1 && diags[0].code === "empty-input" && isBlank(doc.toString());
  document.body.classList.toggle("is-empty", empty);
  if (!empty) return false;
  showFindings(view, [], []);
  renderEmptyState(ui.diagnostics, STARTERS, {
    starter: chooseExample,
    paste: () => { view.focus(); say("The editor has the focus: paste with Ctrl+V (⌘V on a Mac)."); },
    open: () => ui.openFile.click(),
    fetch: () => ui.fetchUrl.focus(),
  });
  ui.counts.textContent = "";
  ui.counts.dataset.errors = "0";
  ui.status.textContent = "Ready: nothing to check yet.";
  ui.infoKind.textContent = "–";
  ui.infoApi.textContent = ui.api.value;
  ui.infoTypes.textContent = "–";
  if (currentView === "summary") showSummary();
  if (currentView === "timeline") showTimeline();
  if (currentView === "query") runQuery();
  if (currentView === "sdk") showSDK();
  return true;
}

// ---- the SDK view ------------------------------------------------------------

// No SDK is chosen at first: the notes come from the tools module, which a
// newcomer's first load does not fetch.
for (const [value, label] of [["", "None"], ...SDK_LANGS]) ui.sdkLanguage.append(el("option", { value }, label));
ui.sdkLanguage.value = SDK_LANGS.some(([v]) => v === load("sdk-language", "")) ? load("sdk-language", "") : "";
setSDKLanguage(ui.sdkLanguage.value);
ui.sdkLanguage.addEventListener("change", () => {
  save("sdk-language", ui.sdkLanguage.value);
  setSDKLanguage(ui.sdkLanguage.value);
  runValidate(); // the findings list shows the new SDK's consequences
  if (currentView === "sdk") showSDK();
});

/**
 * annotateSDK asks the tools module what each SDK makes of the values of
 * result's findings (a check of doc, listed as findings) and shows the
 * chosen SDK's consequences under them, unless a newer check came first.
 */
async function annotateSDK(result, doc, findings) {
  const ds = result.diagnostics || [];
  if (!result.objects) return;
  if (ds.length === 0) {
    ui.diagnostics.dataset.sdkNotes = ui.sdkLanguage.value;
    return;
  }
  const r = await checker.callTool("sdkNotes", doc.toString(), {
    api: result.api || ui.api.value,
    objects: result.objects.map((o) => ({ pointer: o.pointer, type: o.type, offset: o.offset, length: o.length })),
    findings: ds.map((d) => ({ code: d.code, pointer: d.pointer, offset: d.offset, length: d.length })),
  });
  if (result !== lastResult) return; // stale: a newer check is shown
  if (!r.ok) {
    console.warn("opcheck: no SDK notes:", r.error.message);
    return;
  }
  ds.forEach((d, i) => { if (r.index[i] >= 0) d.sdk = r.notes[r.index[i]]; });
  showSDKNotes(ui.diagnostics, findings);
  ui.diagnostics.dataset.sdkNotes = ui.sdkLanguage.value;
  if (currentView === "sdk") showSDK();
}

/** showSDK renders the SDK view of the last check (checking again when it left the objects out). */
function showSDK() {
  if (!ui.sdkLanguage.value) {
    clear(ui.sdk);
    ui.sdk.append(el("p", { className: "empty" }, "Choose an SDK above to see what it builds from each object, and what it makes of each finding's value."));
    return;
  }
  if (lastResult && !lastResult.objects) {
    runValidate();
    return;
  }
  const t = lastText();
  if (!checker.toolsLoaded()) ui.sdk.textContent = "Loading the SDK model…";
  renderSDK(ui.sdk, {
    result: lastResult,
    lang: ui.sdkLanguage.value,
    read: (o, type) => checker.callTool("sdkRead", t, { lang: ui.sdkLanguage.value, api: lastResult.api || ui.api.value, type, offset: o.offset, length: o.length }),
    select: (i) => selectDiagnostic(i),
  });
}

/** selectDiagnostic selects, in the editor, the finding at index i of the last result's diagnostics. */
function selectDiagnostic(i) {
  const d = lastResult && lastResult.diagnostics ? lastResult.diagnostics[i] : null;
  const fs = view.state.field(findingsField);
  const k = d ? fs.findIndex((f) => f.d === d) : -1;
  if (k >= 0) selectRange(view, fs[k].from, fs[k].to);
}

function selectFinding(i) {
  const f = view.state.field(findingsField)[i];
  if (f) selectRange(view, f.from, f.to);
}

function applyFix(i) {
  const f = view.state.field(findingsField)[i];
  if (!f || !f.fix) return;
  if (f.fix.stale) {
    say("The text changed where this fix applies; try again once the check has caught up.", "warn");
    return;
  }
  view.dispatch({
    changes: { from: f.fix.from, to: f.fix.to, insert: f.fix.replacement },
    selection: { anchor: f.fix.from + f.fix.replacement.length },
    userEvent: "input.fix",
    scrollIntoView: true,
  });
  checker.resync(); // the fixed text goes to the worker whole
  view.focus();
  say(`Applied “${f.fix.title}”. Ctrl+Z undoes it.`);
}

// ---- views ----------------------------------------------------------------

const tabs = VIEWS.map((v) => $(`tab-${v}`));

function setView(name, remember = true) {
  if (!VIEWS.includes(name)) name = "diagnostics";
  currentView = name;
  VIEWS.forEach((v, i) => {
    const on = v === name;
    tabs[i].setAttribute("aria-selected", String(on));
    tabs[i].tabIndex = on ? 0 : -1;
    $(`panel-${v}`).hidden = !on;
  });
  if (remember) save("view", name);
  if (name === "summary") showSummary();
  if (name === "timeline") showTimeline();
  if (name === "query") runQuery();
  if (name === "sdk") showSDK();
}

tabs.forEach((tab, i) => {
  tab.addEventListener("click", () => setView(VIEWS[i]));
  tab.addEventListener("keydown", (e) => {
    let j = -1;
    if (e.key === "ArrowRight") j = (i + 1) % VIEWS.length;
    else if (e.key === "ArrowLeft") j = (i + VIEWS.length - 1) % VIEWS.length;
    else if (e.key === "Home") j = 0;
    else if (e.key === "End") j = VIEWS.length - 1;
    if (j < 0) return;
    e.preventDefault();
    setView(VIEWS[j]);
    tabs[j].focus();
  });
});

let querySeq = 0;

async function runQuery() {
  const seq = ++querySeq;
  const path = ui.query.value.trim();
  ui.queryResult.dataset.state = "";
  if (path === "") {
    ui.queryResult.textContent = "Type a path to see what it selects.";
    ui.queryResult.dataset.state = "empty";
    return;
  }
  if (!checker.toolsLoaded()) ui.queryResult.textContent = "Loading the query tool…";
  const r = await checker.callTool("query", jsonPart().text, path);
  if (seq !== querySeq) return; // a newer query or text follows
  if (r.unavailable) {
    ui.queryResult.textContent = toolsUnavailable("Queries", r);
    ui.queryResult.dataset.state = "error";
  } else if (!r.ok) {
    ui.queryResult.textContent = r.error.message;
    ui.queryResult.dataset.state = "error";
  } else if (!r.exists) {
    ui.queryResult.textContent = "Nothing matches this path.";
    ui.queryResult.dataset.state = "none";
  } else {
    let shown = r.result;
    try {
      shown = JSON.stringify(JSON.parse(r.result), null, 2);
    } catch {
      // not JSON on its own: show it as the checker gave it
    }
    ui.queryResult.textContent = shown;
    ui.queryResult.dataset.state = "match";
  }
}

let queryTimer = 0;
ui.query.addEventListener("input", () => {
  save("query", ui.query.value);
  clearTimeout(queryTimer);
  queryTimer = setTimeout(runQuery, 120);
});

// ---- format, minify, copy, download ---------------------------------------

function indentValue() {
  return ui.indent.value === "tab" ? "\t" : ui.indent.value === "4" ? "    " : "  ";
}

/** toolsUnavailable says that what cannot work because the tools module did not load (r is callTool's result). */
function toolsUnavailable(what, r) {
  return `${what} are not available: ${r.error.message} Checking still works.`;
}

/**
 * runTool calls a tools function on the current text (loading the module
 * on first use) and resolves to its result, or to null after telling why
 * when the module is unavailable or the text changed meanwhile.
 */
async function runTool(what, name, ...args) {
  const doc = view.state.doc;
  const part = jsonPart();
  if (!checker.toolsLoaded()) say(`Loading ${what.toLowerCase()}…`);
  const r = await checker.callTool(name, part.text, ...args);
  if (r.unavailable) {
    say(toolsUnavailable(what, r), "error");
    return null;
  }
  if (view.state.doc !== doc) {
    say("The text changed meanwhile, so nothing was replaced; try again.", "warn");
    return null;
  }
  return { ...r, part };
}

const EMBEDDING_KINDS = { http: "the HTTP message's body", markdown: "the docs page's JSON", log: "the log line's JSON" };

/**
 * jsonPart is the part of the text that Format, Minify and Query work on:
 * the whole text, or, in an HTTP message, a docs page or a log whose last
 * check is current, the first JSON the checker found there (its root
 * operation, or else the first object), from the byte range it reported.
 * {text, from, to, where} with from/to editor positions; where describes
 * an embedded part and is "" for the whole text.
 */
function jsonPart() {
  const t = text();
  const whole = { text: t, from: 0, to: t.length, where: "" };
  const r = lastResult;
  if (!r || lastDoc !== view.state.doc || !EMBEDDING_KINDS[r.kind]) return whole;
  const located = (r.objects || []).filter((o) => Number.isInteger(o.offset) && Number.isInteger(o.length) && o.length > 0);
  const o = located.find((x) => x.pointer === "") || located[0];
  if (!o) return whole;
  const [from, to] = bytesToPositions(t, [o.offset, o.offset + o.length]);
  return { text: t.slice(from, to), from, to, where: EMBEDDING_KINDS[r.kind] };
}

/** utf8Length is the number of UTF-8 bytes of s. */
function utf8Length(s) {
  return new TextEncoder().encode(s).length;
}

/**
 * contentLengthChange returns the change that keeps the Content-Length of
 * the HTTP message t right when its body grows by delta bytes: none when
 * the header is missing or did not match the body (with or without the
 * line ends after it) before.
 */
function contentLengthChange(t, delta) {
  const head = /\r?\n\r?\n/.exec(t);
  if (!head) return null;
  const m = /^(content-length[ \t]*:[ \t]*)(\d+)[ \t]*\r?$/im.exec(t.slice(0, head.index));
  if (!m) return null;
  const body = t.slice(head.index + head[0].length);
  const n = Number(m[2]);
  if (n < utf8Length(body.replace(/[\r\n]+$/, "")) || n > utf8Length(body)) return null;
  const from = m.index + m[1].length;
  return { from, to: from + m[2].length, insert: String(n + delta) };
}

function rewrite(name, r, done) {
  if (!r) return;
  if (!r.ok) {
    say(`${name} needs ${r.part.where ? `${r.part.where} to be JSON` : "a JSON document"} without syntax errors: ${r.error.message}`, "error");
    return;
  }
  const { part } = r;
  let out = r.text;
  if (part.where) out = out.replace(/\n$/, ""); // the text around it keeps its own line ends
  if (out === part.text) {
    say(`${name}: nothing to change.`);
    return;
  }
  const changes = [{ from: part.from, to: part.to, insert: out }];
  if (part.where && lastResult.kind === "http") {
    const cl = contentLengthChange(text(), utf8Length(out) - utf8Length(part.text));
    if (cl) changes.push(cl);
  }
  view.dispatch({ changes, selection: { anchor: part.from }, userEvent: `input.${name.toLowerCase()}`, scrollIntoView: true });
  validateNow();
  say(`${done}${part.where ? " " + part.where : ""}. Ctrl+Z undoes it.`);
}

async function doFormat() {
  rewrite("Format", await runTool("Formatting tools", "format", { indent: indentValue(), sortKeys: ui.sortKeys.checked }), "Formatted");
}

async function doMinify() {
  rewrite("Minify", await runTool("Formatting tools", "minify"), "Minified");
}

ui.format.addEventListener("click", doFormat);
ui.minify.addEventListener("click", doMinify);
ui.indent.value = load("indent", "2");
ui.sortKeys.checked = load("sortKeys", "0") === "1";
ui.indent.addEventListener("change", () => save("indent", ui.indent.value));
ui.sortKeys.addEventListener("change", () => save("sortKeys", ui.sortKeys.checked ? "1" : "0"));

async function copyText(t, what) {
  try {
    await navigator.clipboard.writeText(t);
    return true;
  } catch {
    say(`The browser did not allow copying the ${what}; select it and press Ctrl+C.`, "warn");
    return false;
  }
}

ui.copy.addEventListener("click", async () => {
  const t = text();
  if (await copyText(t, "text")) say(`Copied ${t.length.toLocaleString("en")} characters.`);
});

const EXTENSIONS = { http: "http", markdown: "md", log: "log" };
ui.download.addEventListener("click", () => {
  const ext = (lastResult && EXTENSIONS[lastResult.kind]) || "json";
  const blob = new Blob([text()], { type: ext === "json" ? "application/json" : "text/plain" });
  const a = el("a", { href: URL.createObjectURL(blob), download: `opcheck.${ext}` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
});

// ---- getting text in ------------------------------------------------------

/** askReplace asks before unsaved text is replaced; resolves true to go on. */
function askReplace(what) {
  if (!hasUnsavedText()) return Promise.resolve(true);
  ui.confirmText.textContent = `Replace your text with ${what}? Your text is not kept anywhere else (Share makes a link of it; Ctrl+Z also brings it back).`;
  return new Promise((resolve) => {
    const done = (ok) => {
      ui.confirmOk.removeEventListener("click", yes);
      ui.confirmCancel.removeEventListener("click", no);
      ui.confirm.removeEventListener("cancel", no);
      if (ui.confirm.open) ui.confirm.close();
      resolve(ok);
    };
    const yes = () => done(true);
    const no = (e) => { if (e) e.preventDefault(); done(false); };
    ui.confirmOk.addEventListener("click", yes);
    ui.confirmCancel.addEventListener("click", no);
    ui.confirm.addEventListener("cancel", no);
    ui.confirm.showModal();
    ui.confirmOk.focus();
  });
}

ui.newDoc.addEventListener("click", () => {
  loadText("");
  view.focus();
  say("Started an empty document. Ctrl+Z brings the old text back.");
});

/** chooseExample loads examples[i], asking first when that would replace unsaved text. */
async function chooseExample(i) {
  const ex = examples[i];
  if (!ex) return;
  if (await askReplace(`the example “${ex.name}”`)) {
    ui.api.value = ex.api;
    save("api", ex.api);
    loadText(ex.text);
    say(`Loaded the example “${ex.name}”: ${ex.purpose}.`);
  }
}

setupExamples({ toggle: ui.examplesToggle, popup: ui.examplesPopup, filter: ui.examplesFilter, list: ui.examples, count: ui.examplesCount }, examples, chooseExample);

async function openFile(file) {
  if (file.size > MAX_TEXT) {
    say(`“${file.name}” is ${formatSize(file.size)}; opcheck opens files up to ${formatSize(MAX_TEXT)}. Nothing was changed.`, "error");
    return;
  }
  let t;
  try {
    t = await file.text();
  } catch (err) {
    say(`“${file.name}” could not be read: ${err.message}`, "error");
    return;
  }
  loadText(t);
  say(`Opened “${file.name}” (${formatSize(file.size)}). Ctrl+Z brings the old text back.`);
}

ui.openFile.addEventListener("change", () => {
  const file = ui.openFile.files && ui.openFile.files[0];
  if (file) openFile(file);
  ui.openFile.value = "";
});

document.addEventListener("dragover", (e) => {
  if (e.dataTransfer && [...e.dataTransfer.types].includes("Files")) {
    e.preventDefault();
    document.body.classList.add("dragging");
  }
});
document.addEventListener("dragleave", (e) => {
  if (e.relatedTarget === null) document.body.classList.remove("dragging");
});
document.addEventListener("drop", (e) => {
  document.body.classList.remove("dragging");
  if (e.defaultPrevented) return; // the editor took it
  const file = e.dataTransfer && e.dataTransfer.files && e.dataTransfer.files[0];
  if (!file) return;
  e.preventDefault();
  openFile(file);
});

/** fetchInto loads url (with token when given) as a raw HTTP response; the text is kept on failure. */
async function fetchInto(url, token) {
  ui.fetch.disabled = true;
  ui.status.textContent = "Fetching…";
  try {
    const t = await fetchAsHTTP(url, token, MAX_TEXT);
    loadText(t);
    say("Fetched the response and loaded it as a raw HTTP message. Ctrl+Z brings the old text back.");
  } catch (err) {
    say(`Fetch failed: ${err.message}. Your text was not changed.`, "error");
    ui.status.textContent = "Fetch failed.";
  } finally {
    ui.fetch.disabled = false;
  }
}

ui.fetch.addEventListener("click", () => {
  const url = ui.fetchUrl.value.trim();
  if (!url) {
    say("Type the URL to fetch first.", "warn");
    ui.fetchUrl.focus();
    return;
  }
  fetchInto(url, ui.fetchToken.value.trim());
});
ui.fetchUrl.addEventListener("keydown", (e) => { if (e.key === "Enter") ui.fetch.click(); });
ui.fetchToken.addEventListener("keydown", (e) => { if (e.key === "Enter") ui.fetch.click(); });

// ---- API version, share, redact -------------------------------------------

ui.api.value = load("api", "v1.0") === "beta" ? "beta" : "v1.0";
ui.api.addEventListener("change", () => {
  save("api", ui.api.value);
  validateNow();
});

ui.redact.checked = load("redact", "0") === "1";
ui.redact.addEventListener("change", () => {
  save("redact", ui.redact.checked ? "1" : "0");
  if (ui.redact.checked) checker.loadTools().catch(() => {}); // ready by the time Share is pressed; Share reports a failure
});

async function doShare() {
  if (!checker.toolsLoaded()) say("Loading the sharing tools…");
  const r = await linkFor(checker, { text: text(), api: ui.api.value, query: ui.query.value, view: currentView }, ui.redact.checked);
  if (r.unavailable) {
    say(toolsUnavailable("Share links", r), "error");
    return;
  }
  if (!r.ok) {
    say(r.error, "error");
    return;
  }
  history.replaceState(null, "", r.url);
  const copied = await copyText(r.url, "link");
  let msg = copied ? `Link copied (${r.url.length.toLocaleString("en")} characters).` : `The link is in the address bar (${r.url.length.toLocaleString("en")} characters).`;
  if (ui.redact.checked) msg += " It carries the redacted text.";
  let kind = copied ? "info" : "warn";
  if (r.url.length > LONG_LINK) {
    msg += ` It is longer than ${LONG_LINK.toLocaleString("en")} characters: chat tools and ticket systems often cut such links. Share less text, or attach the text as a file.`;
    kind = "warn";
  }
  say(msg, kind);
}
ui.share.addEventListener("click", doShare);

/** openFragment acts on the address's fragment: a state link or a #url= link. */
async function openFragment() {
  const f = readFragment();
  if (f.kind === "url") {
    const u = await urlToFetch(checker, f.fragment);
    if (u.unavailable) {
      say(`This link could not be opened, because the tools that read links did not load: ${u.error.message} Your saved text is kept.`, "error");
      return;
    }
    if (!u.ok) {
      say(`This link asks to fetch an address that cannot be fetched: ${u.error}. Your saved text is kept.`, "error");
      return;
    }
    ui.fetchUrl.value = u.url;
    keepFragment = true;
    try {
      await fetchInto(u.url, ""); // never with a token
    } finally {
      keepFragment = false;
    }
    return;
  }
  if (f.kind !== "state") return;
  const r = await decodeState(checker, f.fragment);
  if (r.unavailable) {
    say(`This link could not be opened, because the tools that read links did not load: ${r.error.message} Your saved text is kept.`, "error");
    return;
  }
  if (!r.ok) {
    say(`This link could not be opened: ${r.error}. Your saved text is kept.`, "error");
    return;
  }
  ui.api.value = r.state.api;
  save("api", r.state.api);
  ui.query.value = r.state.query;
  keepFragment = true;
  try {
    loadText(r.state.text);
  } finally {
    keepFragment = false;
  }
  if (r.state.view) setView(r.state.view, false);
  say("Opened the shared link.");
}
window.addEventListener("hashchange", () => { if (checker.ns) openFragment(); });

// ---- keyboard, dialogs, theme ---------------------------------------------

function openShortcuts() {
  if (!ui.shortcuts.open) ui.shortcuts.showModal();
}
ui.help.addEventListener("click", openShortcuts);
ui.shortcutsClose.addEventListener("click", () => ui.shortcuts.close());

/** isTyping reports whether a key event goes to a text field or the editor (inside its shadow root). */
function isTyping(event) {
  const target = event.composedPath()[0];
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

document.addEventListener("keydown", (e) => {
  if (e.defaultPrevented) return; // the editor handled it
  const mod = e.ctrlKey || e.metaKey;
  if (mod && !e.shiftKey && e.key.toLowerCase() === "s") {
    e.preventDefault();
    doShare();
  } else if (mod && e.shiftKey && e.key.toLowerCase() === "f") {
    e.preventDefault();
    doFormat();
  } else if (e.key === "F8") {
    e.preventDefault();
    view.focus();
    (e.shiftKey ? previousDiagnostic : nextDiagnostic)(view);
  } else if (e.key === "?" && !mod && !isTyping(e)) {
    e.preventDefault();
    openShortcuts();
  }
});

setupTheme(ui.theme);
setView(load("view", "diagnostics"), false);
ui.query.value = load("query", "");

// ---- start ----------------------------------------------------------------

window.addEventListener("pagehide", autosave);

/** prefetchTools loads the tools module in idle time once the first findings are painted, so that the buttons answer at once later. */
function prefetchTools() {
  const load = () => checker.loadTools().catch((err) => console.warn("opcheck: the tools did not load in the background:", err.message));
  if (typeof requestIdleCallback === "function") requestIdleCallback(load, { timeout: 5000 });
  else setTimeout(load, 1000);
}

let firstPainted = false;

async function start() {
  ui.status.textContent = "Loading the checker…";
  document.body.classList.add("loading");
  // A link needs the tools to be opened: download them beside the validator.
  if (readFragment().kind !== "none") checker.loadTools().catch(() => {}); // openFragment reports a failure
  try {
    await checker.start();
  } catch (err) {
    document.body.classList.remove("loading");
    document.body.classList.add("load-failed");
    ui.loadError.textContent = `The checker could not be loaded: ${err.message} You can still edit; your text is saved in this browser.`;
    ui.loadError.hidden = false;
    clear(ui.diagnostics);
    ui.diagnostics.append(el("p", { className: "error" }, "No checks without the checker: see the message above."));
    ui.status.textContent = "The checker could not be loaded.";
    return;
  }
  document.body.classList.remove("loading");
  document.body.dataset.ready = "true";
  await openFragment();
  validateNow();
  if (firstExample && view.state.doc === pristine) {
    say(`This is an example to show what opcheck does: “${firstExample.name}”. Check your own text by pasting it, dropping a file or fetching a URL; New empties the editor.`);
  }
}

start();
