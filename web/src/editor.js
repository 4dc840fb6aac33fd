// The CodeMirror 6 editor: JSON highlighting, folding, bracket matching,
// search, undo, lint marks (underline, gutter, hover) and the findings'
// ranges kept in step with edits.

import { basicSetup } from "codemirror";
import { EditorView, keymap } from "@codemirror/view";
import { EditorState, StateEffect, StateField, Prec, Compartment } from "@codemirror/state";
import { json } from "@codemirror/lang-json";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { lintGutter, setDiagnostics, nextDiagnostic, previousDiagnostic } from "@codemirror/lint";
import { tags } from "@lezer/highlight";

/** language holds the JSON language, or nothing for raw HTTP, Markdown and log text and for very long texts. */
const language = new Compartment();

/**
 * PLAIN_LENGTH is the length (UTF-16 units) from which a text is shown
 * without the JSON language (no highlighting, folding or bracket matching).
 * CodeMirror parses a text up to what is in view in slices of up to 100 ms
 * on the page's thread, and up to 20 ms more in every keystroke until it is
 * done: for a text of megabytes that is seconds of work, during which
 * typing and the findings wait.
 */
export const PLAIN_LENGTH = 1_000_000;

/** setJSONKind says whether the last check found JSON (rather than HTTP, Markdown or a log). */
const setJSONKind = StateEffect.define();
const jsonKind = StateField.define({
  create: () => true,
  update(on, tr) {
    for (const e of tr.effects) if (e.is(setJSONKind)) on = e.value;
    return on;
  },
});

/** wantsJSON reports whether the JSON language belongs in a state of this kind and length. */
function wantsJSON(json, length) {
  return json && length < PLAIN_LENGTH;
}

/** hasJSON reports whether the JSON language is on in state. */
function hasJSON(state) {
  return !Array.isArray(language.get(state));
}

/** languageBySize turns the JSON language off in the very transaction that makes a text too long for it, and back on. */
const languageBySize = EditorState.transactionExtender.of((tr) => {
  if (!tr.docChanged) return null;
  const want = wantsJSON(tr.startState.field(jsonKind), tr.newDoc.length);
  if (want === hasJSON(tr.startState)) return null;
  return { effects: language.reconfigure(want ? json() : []) };
});

/**
 * setJSONLanguage turns JSON highlighting and folding on for JSON documents
 * (shorter than PLAIN_LENGTH) and off for the other input forms, where the
 * JSON parser would paint the surrounding text as errors.
 */
export function setJSONLanguage(view, on) {
  const { state } = view;
  const effects = [];
  if (state.field(jsonKind) !== on) effects.push(setJSONKind.of(on));
  const want = wantsJSON(on, state.doc.length);
  if (want !== hasJSON(state)) effects.push(language.reconfigure(want ? json() : []));
  if (effects.length) view.dispatch({ effects });
}

/** setFindings replaces the list of located findings (from, to, fix range). */
export const setFindings = StateEffect.define();

/**
 * findingsField holds the last validation's findings in editor positions,
 * mapped through every later edit; a finding whose range was edited is
 * marked stale (its fix no longer applies).
 */
export const findingsField = StateField.define({
  create: () => [],
  update(list, tr) {
    for (const e of tr.effects) if (e.is(setFindings)) return e.value;
    if (!tr.docChanged || list.length === 0) return list;
    const ch = tr.changes;
    return list.map((f) => {
      const out = { ...f, from: ch.mapPos(f.from, -1), to: ch.mapPos(f.to, 1) };
      if (f.fix) {
        const stale = f.fix.stale || ch.touchesRange(f.fix.from, f.fix.to);
        out.fix = { ...f.fix, from: ch.mapPos(f.fix.from, -1), to: ch.mapPos(f.fix.to, 1), stale };
      }
      return out;
    });
  },
});

// Colours come from CSS custom properties, so one theme serves light and dark.
const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: "var(--tok-key)" },
  { tag: tags.string, color: "var(--tok-string)" },
  { tag: tags.number, color: "var(--tok-number)" },
  { tag: [tags.bool, tags.null], color: "var(--tok-keyword)" },
  { tag: [tags.brace, tags.squareBracket, tags.separator, tags.punctuation], color: "var(--tok-punct)" },
  { tag: tags.invalid, color: "var(--tok-invalid)" },
]);

const theme = EditorView.theme({
  "&": { color: "var(--fg)", backgroundColor: "var(--editor-bg)", height: "100%" },
  "&.cm-focused": { outline: "2px solid var(--focus)", outlineOffset: "-2px" },
  ".cm-scroller": { fontFamily: "var(--mono)", lineHeight: "1.5" },
  ".cm-content": { caretColor: "var(--fg)" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--fg)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection": { backgroundColor: "var(--selection)" },
  ".cm-gutters": { backgroundColor: "var(--gutter-bg)", color: "var(--muted)", borderRight: "1px solid var(--border)" },
  ".cm-activeLine": { backgroundColor: "var(--active-line)" },
  ".cm-activeLineGutter": { backgroundColor: "var(--active-line)" },
  ".cm-matchingBracket, &.cm-focused .cm-matchingBracket": { backgroundColor: "var(--bracket)", outline: "1px solid var(--border)" },
  ".cm-tooltip": { backgroundColor: "var(--panel-bg)", color: "var(--fg)", border: "1px solid var(--border)" },
  ".cm-tooltip-lint": { maxWidth: "40em" },
  ".cm-diagnostic": { whiteSpace: "pre-wrap" },
  ".cm-diagnosticAction": { backgroundColor: "var(--accent)", color: "var(--accent-fg)", borderRadius: "3px" },
  ".cm-panels": { backgroundColor: "var(--panel-bg)", color: "var(--fg)" },
  ".cm-searchMatch": { backgroundColor: "var(--search-match)" },
  ".cm-foldPlaceholder": { backgroundColor: "var(--gutter-bg)", color: "var(--muted)", border: "1px solid var(--border)" },
});

/**
 * createEditor makes the editor in parent.
 * @param {object} o
 * @param {HTMLElement} o.parent
 * @param {string} o.doc initial text
 * @param {(update: import("@codemirror/view").ViewUpdate) => void} o.onChange called after every change of the text
 * @param {object} o.commands {share, format, dropFile, maxLength, onTooLong}
 */
export function createEditor({ parent, doc, onChange, commands }) {
  // The editor lives in a shadow root: there CodeMirror's styles go into
  // constructed stylesheets (adoptedStyleSheets), which the page's strict CSP
  // allows, where <style> elements would be blocked. The page's colours still
  // reach it through inherited CSS custom properties.
  const root = parent.shadowRoot || parent.attachShadow({ mode: "open" });
  const shortcuts = keymap.of([
    { key: "Mod-s", preventDefault: true, run: () => { commands.share(); return true; } },
    { key: "Mod-Shift-f", preventDefault: true, run: () => { commands.format(); return true; } },
    { key: "F8", run: nextDiagnostic },
    { key: "Shift-F8", run: previousDiagnostic },
  ]);
  const sizeCap = EditorState.transactionFilter.of((tr) => {
    if (tr.docChanged && tr.newDoc.length > commands.maxLength && tr.newDoc.length > tr.startState.doc.length) {
      commands.onTooLong(tr.newDoc.length);
      return [];
    }
    return tr;
  });
  const view = new EditorView({
    parent: root,
    root,
    state: EditorState.create({
      doc,
      extensions: [
        Prec.highest(shortcuts),
        basicSetup,
        language.of(wantsJSON(true, doc.length) ? json() : []),
        jsonKind,
        languageBySize,
        syntaxHighlighting(highlight),
        lintGutter(),
        findingsField,
        theme,
        sizeCap,
        EditorView.contentAttributes.of({ "aria-label": "Payload to check", spellcheck: "false" }),
        EditorView.updateListener.of((u) => { if (u.docChanged) onChange(u); }),
        EditorView.domEventHandlers({
          beforeinput: typeOverSelection,
          drop(event) {
            const file = event.dataTransfer && event.dataTransfer.files && event.dataTransfer.files[0];
            if (!file) return false;
            event.preventDefault();
            commands.dropFile(file);
            return true;
          },
        }),
      ],
    }),
  });
  return view;
}

/**
 * typeOverSelection types a character over a non-empty selection through
 * CodeMirror instead of the browser's editing. Left to the browser, replacing
 * a selection that spans highlighted tokens makes Chrome write a style
 * attribute to keep the first token's look, which the CSP refuses (and
 * reports). The editor's input handlers (closing brackets) still apply.
 */
function typeOverSelection(event, view) {
  if (event.inputType !== "insertText" || typeof event.data !== "string" || !event.cancelable) return false;
  const { state } = view;
  if (state.selection.ranges.every((r) => r.empty)) return false;
  event.preventDefault();
  const { from, to } = state.selection.main;
  const text = event.data;
  const insert = () => view.state.update(view.state.replaceSelection(text), { userEvent: "input.type", scrollIntoView: true });
  if (!state.facet(EditorView.inputHandler).some((h) => h(view, from, to, text, insert))) view.dispatch(insert());
  return true;
}

/** replaceAll replaces the whole text in one undoable step. */
export function replaceAll(view, text, userEvent = "input.replace") {
  view.dispatch({
    changes: { from: 0, to: view.state.doc.length, insert: text },
    selection: { anchor: 0 },
    userEvent,
    scrollIntoView: true,
  });
}

/** showFindings puts the lint marks and the findings' ranges into the editor in one transaction. */
export function showFindings(view, findings, cmDiagnostics) {
  const spec = setDiagnostics(view.state, cmDiagnostics);
  const effects = [].concat(spec.effects || [], setFindings.of(findings));
  view.dispatch({ effects });
}

/** selectRange selects from..to, scrolls it into view and focuses the editor. */
export function selectRange(view, from, to) {
  const len = view.state.doc.length;
  from = Math.max(0, Math.min(from, len));
  to = Math.max(from, Math.min(to, len));
  view.dispatch({ selection: { anchor: from, head: to }, scrollIntoView: true });
  view.focus();
}

export { nextDiagnostic, previousDiagnostic };
