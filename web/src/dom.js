// Small DOM helpers. Text is always set as text (textContent or text nodes),
// never parsed as HTML: the page shows whatever people paste.

/**
 * el makes an element: props are assigned as properties (className,
 * type, title, tabIndex, ...); string children become text nodes.
 */
export function el(tag, props, ...children) {
  const node = document.createElement(tag);
  if (props) {
    for (const [k, v] of Object.entries(props)) {
      if (v !== undefined && v !== null) node[k] = v;
    }
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.append(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return node;
}

/** clear removes every child of node. */
export function clear(node) {
  node.replaceChildren();
}

/** $ returns the element with id, or throws: a missing hook is a bug in the page. */
export function $(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error(`opcheck: the page has no #${id}`);
  return node;
}
