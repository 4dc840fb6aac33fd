// Permalinks: the whole state (text, API version, query, view) in the URL
// fragment, which browsers never send to a server. The checker encodes and
// decodes it (deflate, base64url, a version prefix, a decompression cap).

/** LONG_LINK is the length above which a link is likely cut by chat tools and ticket systems. */
export const LONG_LINK = 8000;

/** URL_PREFIX starts a fragment that asks the page to fetch a URL on open. */
export const URL_PREFIX = "url=";

// Every function here calls the tools module (checker.callTool), which loads
// on first use: when it cannot be loaded, they resolve to the tools' own
// {ok: false, unavailable: true, error: {message}}.

/**
 * linkFor makes the share link for state: the page's address with the
 * fragment the checker encoded. It resolves to {ok, url} or {ok: false,
 * error}.
 */
export async function linkFor(checker, state, redact) {
  let text = state.text;
  if (redact) {
    const r = await checker.callTool("redact", text);
    if (r.unavailable) return r;
    if (!r.ok) return { ok: false, error: `the text could not be redacted (${plain(r.error.message)}), so no link was made` };
    text = r.text;
  }
  const enc = await checker.callTool("encodeLink", { text, api: state.api, query: state.query, view: state.view });
  if (enc.unavailable) return enc;
  if (!enc.ok) return { ok: false, error: `No link was made: ${plain(enc.error.message)}` };
  const url = location.origin + location.pathname + location.search + "#" + enc.fragment;
  return { ok: true, url, text };
}

/**
 * readFragment says what the current fragment holds: {kind: "none"},
 * {kind: "url", fragment} (a "url=" link: fetch that address) or
 * {kind: "state", fragment} (a shared state).
 */
export function readFragment(hash = location.hash) {
  const f = hash.startsWith("#") ? hash.slice(1) : hash;
  if (f === "") return { kind: "none" };
  if (f.startsWith(URL_PREFIX)) return { kind: "url", fragment: f };
  return { kind: "state", fragment: f };
}

/** plain drops the adapter's and the codec's prefixes from an error message: "opcheck.decodeLink: permalink: link is cut short" → "link is cut short". */
export function plain(message) {
  return String(message).replace(/^opcheck\.\w+: /, "").replace(/^permalink: /, "");
}

/** urlToFetch asks the checker which address a "url=" fragment names; {ok, url} or {ok: false, error}. */
export async function urlToFetch(checker, fragment) {
  const r = await checker.callTool("urlFromFragment", fragment);
  if (r.unavailable) return r;
  if (!r.ok) return { ok: false, error: plain(r.error.message) };
  return { ok: true, url: r.url };
}

/** decodeState asks the checker to open a fragment; {ok, state} or {ok: false, error}. */
export async function decodeState(checker, fragment) {
  const r = await checker.callTool("decodeLink", fragment);
  if (r.unavailable) return r;
  if (!r.ok) return { ok: false, error: plain(r.error.message) };
  const s = r.state || {};
  return {
    ok: true,
    state: {
      text: typeof s.text === "string" ? s.text : "",
      api: s.api === "beta" ? "beta" : "v1.0",
      query: typeof s.query === "string" ? s.query : "",
      view: typeof s.view === "string" ? s.view : "",
    },
  };
}
