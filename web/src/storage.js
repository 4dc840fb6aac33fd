// What the page remembers in localStorage: the text (autosave), the API
// version, the redact choice, the theme, the format options and the view.
// Never the fetch token or the fetch URL.

const PREFIX = "opcheck.";

/** AUTOSAVE_LIMIT is the longest text (UTF-16 units) saved locally; browsers allow a few MB per site. */
export const AUTOSAVE_LIMIT = 2_000_000;

/** load returns the stored string for key, or fallback when there is none or storage is off. */
export function load(key, fallback = null) {
  try {
    const v = localStorage.getItem(PREFIX + key);
    return v === null ? fallback : v;
  } catch {
    return fallback;
  }
}

/** save stores value under key and reports whether it could. */
export function save(key, value) {
  try {
    localStorage.setItem(PREFIX + key, value);
    return true;
  } catch {
    return false;
  }
}

/** remove forgets key. */
export function remove(key) {
  try {
    localStorage.removeItem(PREFIX + key);
  } catch {
    // storage off: nothing was saved either
  }
}
