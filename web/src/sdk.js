// The SDK view: what the chosen Graph SDK builds from each object of the
// last check, member by member. Members the SDK reads differently from a
// correct read are marked, and linked to the finding about them. The
// prediction itself comes from the tools module (package sdk/view in Go).

import { el, clear } from "./dom.js";

/** SDK_LANGS lists the SDKs, as [value, label]. */
export const SDK_LANGS = [
  ["go", "Go (msgraph-sdk-go)"],
  ["typescript", "TypeScript (@microsoft/msgraph-sdk)"],
  ["dotnet", ".NET (Microsoft.Graph)"],
  ["java", "Java (msgraph-sdk-java)"],
  ["python", "Python (msgraph-sdk)"],
];

const OUTCOME_WORDS = {
  typed: "read",
  absent: "not set",
  additional: "additional data",
  fail: "read fails",
  kept: "kept as written",
  coerced: "converted",
  empty: "empty",
  base: "base type",
  local: "local time",
};

/** factoryType is the type a bot asks its SDK for when reading object o. */
function factoryType(o) {
  return /\.call$/.test(o.type) ? "microsoft.graph.call" : "microsoft.graph.commsOperation";
}

/** escapeToken writes a JSON Pointer reference token. */
function escapeToken(k) {
  return k.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * renderSDK fills root with what SDK lang builds from every operation or
 * call of result. read(object, type) calls the tools module and resolves to
 * its answer; select(i) selects finding i (an index into diagnostics).
 */
export async function renderSDK(root, { result, lang, read, select }) {
  const seq = (root.sdkSeq = (root.sdkSeq || 0) + 1);
  const objects = (result && result.objects ? result.objects : []).filter((o) => !/commsNotification$/.test(o.type));
  if (objects.length === 0) {
    clear(root);
    root.append(el("p", { className: "empty" }, "No operation or call found to read."));
    return;
  }
  const byPointer = new Map();
  (result.diagnostics || []).forEach((d, i) => {
    if (d.sdk && d.sdk[lang] && !byPointer.has(d.pointer)) byPointer.set(d.pointer, i);
  });
  const parts = [];
  for (const o of objects) {
    const r = await read(o, factoryType(o));
    if (seq !== root.sdkSeq) return; // a newer rendering follows
    parts.push(objectSection(o, r, byPointer, result.diagnostics || [], select));
  }
  clear(root);
  root.append(...parts);
}

function objectSection(o, r, byPointer, diagnostics, select) {
  const where = o.pointer || "the document";
  const section = el("section", { className: "sdk-object" });
  section.dataset.pointer = o.pointer;
  if (!r || !r.ok) {
    section.append(el("p", { className: "error" }, `Cannot read ${where}: ${r && r.error ? r.error.message : "the tools did not answer"}`));
    return section;
  }
  const obj = r.object;
  if (obj.fail) {
    section.dataset.fail = "true";
    section.append(el("h3", {}, `${where}: the whole read fails`),
      el("p", { className: "sdk-fail" }, "The SDK throws (or returns an error) and the bot gets no object at all."));
    const cause = [...byPointer.entries()].find(([p]) => p.startsWith(o.pointer));
    if (cause) section.append(findingLink(cause[1], diagnostics, select));
    return section;
  }
  section.append(el("h3", {}, `${where}: ${obj.type.replace(/^microsoft\.graph\./, "")}`));
  section.append(memberList(obj, o.pointer, byPointer, diagnostics, select));
  return section;
}

function memberList(obj, pointer, byPointer, diagnostics, select) {
  const ul = el("ul", { className: "sdk-members" });
  for (const m of obj.members) {
    ul.append(memberItem(m, pointer + "/" + escapeToken(m.key), byPointer, diagnostics, select));
  }
  return ul;
}

function memberItem(m, pointer, byPointer, diagnostics, select) {
  const li = el("li", { className: `sdk-member outcome-${m.outcome}` });
  li.dataset.key = m.key;
  li.dataset.outcome = m.outcome;
  li.append(el("code", { className: "key" }, m.key), " ", el("span", { className: "outcome" }, OUTCOME_WORDS[m.outcome] || m.outcome));
  if (m.value !== undefined) li.append(" ", el("code", { className: "value" }, m.value));
  const i = byPointer.get(pointer);
  if (i !== undefined) {
    li.classList.add("differs");
    li.append(" ", findingLink(i, diagnostics, select));
  }
  if (m.object) li.append(memberList(m.object, pointer, byPointer, diagnostics, select));
  if (m.items) {
    const ol = el("ol", { className: "sdk-items" });
    m.items.forEach((it, k) => ol.append(memberItem({ key: String(k), ...it }, pointer + "/" + k, byPointer, diagnostics, select)));
    li.append(ol);
  }
  return li;
}

function findingLink(i, diagnostics, select) {
  const d = diagnostics[i];
  const b = el("button", { type: "button", className: "sdk-finding", title: d.message }, `${d.code} at ${d.line}:${d.column}`);
  b.dataset.index = String(i);
  b.addEventListener("click", () => select(i));
  return b;
}
