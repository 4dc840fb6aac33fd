// The Summary view: one card per operation the checker found (type, status
// badge, clientContext, resultInfo, and a roster for operations that carry
// participants), and one row per notification of a callback batch.

import { el, clear } from "./dom.js";

/** shortType drops "#" and the "microsoft.graph." namespace: "#microsoft.graph.playPromptOperation" → "playPromptOperation". */
export function shortType(t) {
  return String(t || "").replace(/^#/, "").replace(/^microsoft\.graph\./, "");
}

/** resolvePointer follows an RFC 6901 JSON Pointer into value; undefined when it leads nowhere. */
export function resolvePointer(value, pointer) {
  if (pointer === "") return value;
  if (!pointer.startsWith("/")) return undefined;
  let v = value;
  for (const raw of pointer.slice(1).split("/")) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (v === null || typeof v !== "object" || !Object.prototype.hasOwnProperty.call(v, key)) return undefined;
    v = v[key];
  }
  return v;
}

/**
 * objectValues pairs each object the checker found with its JSON value.
 * When the checker says where an object's text is (offset and length in
 * bytes), that slice is parsed and its first line noted; otherwise the whole text is parsed as JSON
 * and the pointer followed. Objects that cannot be read get value undefined.
 */
export function objectValues(result, text) {
  const objects = result.objects || [];
  let whole;
  let parsedWhole = false;
  let bytes = null;
  return objects.map((o) => {
    let value;
    let line;
    if (Number.isInteger(o.offset) && Number.isInteger(o.length)) {
      bytes = bytes || new TextEncoder().encode(text);
      line = 1;
      for (const b of bytes.subarray(0, o.offset)) if (b === 10) line++;
      try {
        value = JSON.parse(new TextDecoder().decode(bytes.subarray(o.offset, o.offset + o.length)));
      } catch {
        value = undefined;
      }
    } else {
      if (!parsedWhole) {
        parsedWhole = true;
        try {
          whole = JSON.parse(text);
        } catch {
          whole = undefined;
        }
      }
      value = whole === undefined ? undefined : resolvePointer(whole, o.pointer);
    }
    return { ...o, value, line };
  });
}

function str(v) {
  if (v === undefined) return "";
  if (v === null) return "null";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** statusBadge is a coloured badge for an operation status (the colour class comes from a fixed list). */
export function statusBadge(status) {
  const known = ["notstarted", "running", "completed", "failed"];
  const s = str(status);
  const cls = known.includes(s.toLowerCase()) ? s.toLowerCase() : "unknown";
  return el("span", { className: `badge status-${cls}` }, s || "no status");
}

function row(dl, label, value) {
  if (value === undefined) return;
  dl.append(el("dt", null, label), el("dd", null, str(value)));
}

/** identityRow describes one participant: identity kind, displayName, id, endpointType. */
function identityRow(p) {
  if (typeof p === "string") return ["", "", p, ""];
  if (!p || typeof p !== "object") return ["", "", str(p), ""];
  const set = p.identity && typeof p.identity === "object" ? p.identity : p;
  const kinds = Object.keys(set).filter((k) => !k.startsWith("@") && k !== "endpointType" && set[k] && typeof set[k] === "object");
  const first = kinds.length ? set[kinds[0]] : {};
  const endpoint = set.endpointType !== undefined ? set.endpointType : p.endpointType;
  return [kinds.join(", "), str(first.displayName), str(first.id !== undefined ? first.id : p.participantId), str(endpoint)];
}

function table(caption, headers, rows, extraClass = "") {
  const thead = el("thead", null, el("tr", null, ...headers.map((h) => el("th", { scope: "col" }, h))));
  const tbody = el("tbody", null, ...rows.map((r) => el("tr", null, ...r.map((c) => (c instanceof Node ? el("td", null, c) : el("td", null, str(c)))))));
  return el("table", { className: ("roster " + extraClass).trim() }, el("caption", null, caption), thead, tbody);
}

function operationCard(o, kind) {
  const v = o.value;
  const embedded = kind === "http" || kind === "markdown" || kind === "log";
  const card = el("article", { className: "op-card" });
  card.dataset.pointer = o.pointer;
  card.dataset.type = shortType(o.type);
  const title = el("h3", null, shortType(o.type), " ");
  if (v && typeof v === "object") title.append(statusBadge(v.status));
  card.append(title);
  if (!v || typeof v !== "object") {
    card.append(el("p", { className: "muted" }, embedded && o.line === undefined
      ? `This checker does not say where the operation's JSON sits inside ${kind === "http" ? "an HTTP message" : kind === "markdown" ? "a docs page" : "a log"}, so its details cannot be shown here; paste the JSON body alone to see them.`
      : "Its JSON could not be read; fix the syntax errors to see its details."));
    return card;
  }
  const dl = el("dl", null);
  if (embedded && o.line !== undefined) row(dl, "Starts on line", o.line);
  row(dl, "Pointer", o.pointer || (embedded ? "(the whole JSON)" : "(the whole document)"));
  row(dl, "id", v.id);
  row(dl, "clientContext", v.clientContext);
  if (v.completionReason !== undefined) row(dl, "completionReason", v.completionReason);
  const ri = v.resultInfo;
  if (ri && typeof ri === "object") {
    row(dl, "resultInfo.code", ri.code);
    row(dl, "resultInfo.subcode", ri.subcode);
    row(dl, "resultInfo.message", ri.message);
  } else if (ri !== undefined) {
    row(dl, "resultInfo", ri);
  }
  card.append(dl);
  if (Array.isArray(v.participants)) {
    card.append(table(`Participants (${v.participants.length})`, ["Identity", "displayName", "id", "endpointType"], v.participants.map(identityRow)));
  }
  return card;
}

function isNotification(o) {
  return /(^|\.)commsNotification$/.test(shortType(o.type));
}

function notificationsTable(list) {
  const rows = list.map((o) => {
    const v = o.value && typeof o.value === "object" ? o.value : {};
    const rd = v.resourceData && typeof v.resourceData === "object" ? v.resourceData : {};
    const ri = rd.resultInfo && typeof rd.resultInfo === "object" ? rd.resultInfo : {};
    return [
      str(v.changeType),
      str(v.resourceUrl),
      shortType(rd["@odata.type"]),
      rd.status !== undefined ? statusBadge(rd.status) : "",
      ri.code !== undefined ? `${str(ri.code)}${ri.subcode !== undefined ? "/" + str(ri.subcode) : ""}` : "",
    ];
  });
  return table(`Notifications (${list.length})`, ["changeType", "resourceUrl", "resourceData type", "status", "result"], rows, "notifications");
}

/**
 * renderSummary fills root (#summary) from a validation result and the
 * text it checked.
 */
export function renderSummary(root, result, text) {
  clear(root);
  if (!result) {
    root.append(el("p", { className: "muted" }, "Waiting for the checker…"));
    return;
  }
  const objects = objectValues(result, text);
  if (objects.length === 0) {
    root.append(el("p", { className: "muted" }, "No Graph operation or notification found yet. Paste one, or load an example."));
    return;
  }
  const notes = objects.filter(isNotification);
  if (notes.length) root.append(notificationsTable(notes));
  const insideNotes = (o) => notes.some((n) => o.pointer.startsWith(n.pointer + "/"));
  for (const o of objects) {
    if (isNotification(o) || insideNotes(o)) continue;
    root.append(operationCard(o, result.kind));
  }
}
