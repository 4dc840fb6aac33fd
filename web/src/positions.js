// Converting the checker's positions to the editor's.
//
// The checker counts offsets in UTF-8 bytes and columns in Unicode code
// points; CodeMirror counts UTF-16 code units. A string's lone surrogate is
// sent to Go as U+FFFD (three bytes), and counted so here.

/** utf8Width is how many UTF-8 bytes the UTF-16 unit at i (and its pair) take, and how many units it spans. */
function step(text, i) {
  const c = text.charCodeAt(i);
  if (c < 0x80) return [1, 1];
  if (c < 0x800) return [2, 1];
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return [4, 2];
  }
  return [3, 1];
}

/**
 * bytesToPositions converts UTF-8 byte offsets of text into UTF-16 positions,
 * in one pass over the text up to the largest offset. An offset inside a
 * character maps to that character's start; past the end, to text.length.
 * @param {string} text
 * @param {number[]} offsets
 * @returns {number[]} positions, in the order of offsets
 */
export function bytesToPositions(text, offsets) {
  const order = offsets.map((_, i) => i).sort((a, b) => offsets[a] - offsets[b]);
  const out = new Array(offsets.length);
  let i = 0; // UTF-16 index
  let b = 0; // byte offset of text[i]
  for (const k of order) {
    const want = offsets[k];
    while (i < text.length) {
      const [bytes, units] = step(text, i);
      if (b + bytes > want) break;
      b += bytes;
      i += units;
    }
    out[k] = i;
  }
  return out;
}

/**
 * lineColumnToPosition converts a 1-based line and a 1-based code-point
 * column into a UTF-16 position of doc (a CodeMirror Text), clamped to the
 * line.
 */
export function lineColumnToPosition(doc, line, column) {
  if (line < 1) return 0;
  if (line > doc.lines) return doc.length;
  const l = doc.line(line);
  const text = l.text;
  let i = 0;
  for (let c = 1; c < column && i < text.length; c++) {
    const code = text.codePointAt(i);
    i += code > 0xffff ? 2 : 1;
  }
  return l.from + Math.min(i, text.length);
}

/**
 * diagnosticOffsets lists the byte offsets that locating diagnostics needs,
 * in a fixed order: each one's start and end, then its fix's start and end
 * when it has a fix. locate (findings.js) reads positions in this order.
 */
export function diagnosticOffsets(diagnostics) {
  const offsets = [];
  for (const d of diagnostics) {
    offsets.push(d.offset, d.offset + d.length);
    if (d.fix) offsets.push(d.fix.offset, d.fix.offset + d.fix.length);
  }
  return offsets;
}

/**
 * timelineOffsets lists the byte offset of each timeline event, track by
 * track: the checker's positions place them after the diagnostics'.
 */
export function timelineOffsets(timeline) {
  const out = [];
  for (const t of timeline || []) for (const e of t.events || []) out.push(e.offset);
  return out;
}

/**
 * utf8ToPositions is bytesToPositions for a text held as its UTF-8 bytes
 * (valid UTF-8, as TextEncoder makes): the worker, which has the bytes,
 * converts there, so that the page never walks a long text. A four-byte
 * character counts two UTF-16 units.
 * @param {Uint8Array} bytes
 * @param {number[]} offsets
 * @returns {number[]} positions, in the order of offsets
 */
export function utf8ToPositions(bytes, offsets) {
  const order = offsets.map((_, i) => i).sort((a, b) => offsets[a] - offsets[b]);
  const out = new Array(offsets.length);
  let b = 0; // byte offset
  let units = 0; // UTF-16 position of bytes[b]
  for (const k of order) {
    const want = offsets[k];
    while (b < bytes.length) {
      const c = bytes[b];
      const n = c < 0xc0 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
      if (b + n > want) break;
      b += n;
      units += n === 4 ? 2 : 1;
    }
    out[k] = units;
  }
  return out;
}
