// The empty state: what the Findings panel shows while the editor holds no
// text, instead of a finding about the missing text. It says how to get
// text in (paste, drop or open a file, fetch) and offers one-click starters.

import { el, clear } from "./dom.js";

/** isBlank reports whether text has nothing but white space: the page shows the empty state for it. */
export function isBlank(text) {
  return text.trim() === "";
}

/**
 * renderEmptyState fills container with the empty state. starters are
 * [{label, hint, index}] (index into the examples); actions holds the
 * callbacks: starter(index), paste(), open(), fetch().
 */
export function renderEmptyState(container, starters, actions) {
  clear(container);
  const box = el("div", { className: "empty-state" },
    el("h2", null, "Nothing to check yet"),
    el("p", null, "Give opcheck a Graph comms operation, a callback your bot received, a raw HTTP response, a log line or a docs page:"),
    el("ul", { className: "empty-ways" },
      el("li", null, button("Paste into the editor", actions.paste), " with Ctrl+V, or type"),
      el("li", null, button("Open a file…", actions.open), " or drop one on the editor"),
      el("li", null, button("Fetch a URL", actions.fetch), " from Graph with your token")),
    el("p", null, "Or start from an example:"),
    el("div", { className: "empty-starters" },
      ...starters.map((s) => {
        const b = button(s.label, () => actions.starter(s.index));
        b.dataset.file = s.file;
        b.title = s.hint;
        return b;
      })));
  container.append(box);
}

function button(label, onClick) {
  const b = el("button", { type: "button" }, label);
  b.addEventListener("click", onClick);
  return b;
}
