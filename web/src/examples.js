// The Examples picker: a button that opens a panel with a filter box
// (#examples-filter, a combobox) over the grouped list of examples
// (#examples, a listbox). Typing narrows the list; the arrow keys move
// through what is left, Enter loads the active example, Escape closes the
// panel. Each example shows its one-line purpose under its name.

import { el, clear } from "./dom.js";

/** searchText is what the filter matches an example against, lower-cased. */
function searchText(ex) {
  return `${ex.name} ${ex.purpose} ${ex.group} ${ex.file}`.toLowerCase();
}

/** matches reports whether every word of query occurs in the example's search text. */
export function matches(ex, query) {
  const hay = searchText(ex);
  return query.toLowerCase().split(/\s+/).filter(Boolean).every((w) => hay.includes(w));
}

/**
 * setupExamples fills the picker with examples ([{group, name, purpose,
 * api, file}]) and calls choose(index) when one is picked (by click or
 * Enter). ui holds the elements: toggle, popup, filter, list, count.
 */
export function setupExamples(ui, examples, choose) {
  const options = [];
  const groups = new Map();
  examples.forEach((ex, i) => {
    if (!groups.has(ex.group)) {
      const id = `examples-group-${groups.size}`;
      const box = el("div", { role: "group", className: "ex-group" });
      box.setAttribute("aria-labelledby", id);
      box.append(el("div", { id, className: "ex-group-title", role: "presentation" }, ex.group));
      groups.set(ex.group, box);
    }
    const option = el("div", { id: `example-${i}`, role: "option", className: "ex-option" },
      el("span", { className: "ex-name" }, ex.name),
      el("span", { className: "ex-purpose" }, ex.purpose));
    option.setAttribute("aria-selected", "false");
    option.dataset.value = String(i);
    option.dataset.file = ex.file;
    option.dataset.api = ex.api;
    option.addEventListener("click", () => pick(i));
    groups.get(ex.group).append(option);
    options.push(option);
  });
  clear(ui.list);
  for (const g of groups.values()) ui.list.append(g);

  let active = -1; // index into options of the highlighted example, or -1

  function visible() {
    return options.filter((o) => !o.hidden);
  }

  function setActive(option) {
    if (active >= 0) options[active].setAttribute("aria-selected", "false");
    active = option ? options.indexOf(option) : -1;
    if (option) {
      option.setAttribute("aria-selected", "true");
      ui.filter.setAttribute("aria-activedescendant", option.id);
      option.scrollIntoView({ block: "nearest" });
    } else {
      ui.filter.removeAttribute("aria-activedescendant");
    }
  }

  function applyFilter() {
    const q = ui.filter.value.trim();
    let n = 0;
    for (const o of options) {
      o.hidden = q !== "" && !matches(examples[Number(o.dataset.value)], q);
      if (!o.hidden) n++;
    }
    for (const g of groups.values()) g.hidden = ![...g.querySelectorAll("[role=option]")].some((o) => !o.hidden);
    ui.count.textContent = n === options.length ? `${n} examples` : n === 0 ? "No example matches." : `${n} of ${options.length} examples`;
    const v = visible();
    setActive(q !== "" && v.length ? v[0] : null);
  }

  function place() {
    const r = ui.toggle.getBoundingClientRect();
    const width = Math.min(36 * 16, window.innerWidth - 16);
    ui.popup.style.width = `${width}px`;
    ui.popup.style.left = `${Math.max(8, Math.min(r.left, window.innerWidth - width - 8))}px`;
    ui.popup.style.top = `${r.bottom + 4}px`;
    ui.popup.style.maxHeight = `${Math.max(200, window.innerHeight - r.bottom - 16)}px`;
  }

  function open() {
    ui.popup.hidden = false;
    ui.toggle.setAttribute("aria-expanded", "true");
    place();
    applyFilter();
    ui.filter.focus();
    ui.filter.select();
  }

  function close(focusToggle) {
    if (ui.popup.hidden) return;
    ui.popup.hidden = true;
    ui.toggle.setAttribute("aria-expanded", "false");
    setActive(null);
    if (focusToggle) ui.toggle.focus();
  }

  function pick(i) {
    close(false);
    choose(i);
  }

  ui.toggle.addEventListener("click", () => (ui.popup.hidden ? open() : close(true)));
  ui.filter.addEventListener("input", applyFilter);
  ui.filter.addEventListener("keydown", (e) => {
    const v = visible();
    let j = v.indexOf(options[active]);
    if (e.key === "ArrowDown") j = Math.min(j + 1, v.length - 1);
    else if (e.key === "ArrowUp") j = Math.max(j - 1, 0);
    else if (e.key === "Home" && e.ctrlKey) j = 0;
    else if (e.key === "End" && e.ctrlKey) j = v.length - 1;
    else if (e.key === "Enter") {
      e.preventDefault();
      if (active >= 0) pick(active);
      return;
    } else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      close(true);
      return;
    } else {
      return;
    }
    e.preventDefault();
    if (v.length) setActive(v[j]);
  });
  // A click in the panel keeps the focus in the filter box (it would close the panel otherwise).
  ui.popup.addEventListener("mousedown", (e) => { if (e.target !== ui.filter) e.preventDefault(); });
  ui.popup.addEventListener("focusout", (e) => {
    if (!ui.popup.contains(e.relatedTarget) && e.relatedTarget !== ui.toggle) close(false);
  });
  for (const event of ["resize", "scroll"]) window.addEventListener(event, () => { if (!ui.popup.hidden) place(); }, { passive: true });
  applyFilter();
  return { open, close };
}
