// Fetch: GET a URL from the browser and turn the response into a raw HTTP
// message (status line, headers, blank line, body) for the checker. The
// bearer token is only ever passed in; nothing here stores it.

/** FETCH_TIMEOUT_MS bounds one fetch. */
export const FETCH_TIMEOUT_MS = 30_000;

/** FetchError is a failure explained in plain words. */
export class FetchError extends Error {}

/**
 * rawHTTP writes a response as the text of an HTTP/1.1 message. Only the
 * headers the server let this page read (CORS) are there.
 */
export function rawHTTP(status, statusText, headers, body) {
  const lines = [`HTTP/1.1 ${status}${statusText ? " " + statusText : ""}`];
  for (const [name, value] of headers) lines.push(`${titleCase(name)}: ${value}`);
  return lines.join("\r\n") + "\r\n\r\n" + body;
}

function titleCase(name) {
  return name.replace(/(^|-)([a-z])/g, (_, dash, c) => dash + c.toUpperCase());
}

/** readCapped reads a body as text, refusing more than max bytes. */
async function readCapped(response, max) {
  const declared = Number(response.headers.get("content-length"));
  if (declared > max) throw new FetchError(`the response is ${formatSize(declared)}; opcheck opens up to ${formatSize(max)}`);
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      reader.cancel().catch(() => {});
      throw new FetchError(`the response is larger than ${formatSize(max)}, the most opcheck opens`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) { all.set(c, off); off += c.byteLength; }
  return new TextDecoder().decode(all);
}

/** formatSize says a byte count in words: "20 MB", "512 KB". */
export function formatSize(n) {
  if (n >= 1_000_000) return `${+(n / 1_000_000).toFixed(1)} MB`;
  if (n >= 1000) return `${+(n / 1000).toFixed(1)} KB`;
  return `${n} bytes`;
}

/**
 * fetchAsHTTP GETs url (with "Authorization: Bearer token" when token is
 * not empty) and resolves to the raw HTTP text of a successful response. It
 * rejects with a FetchError whose message says what went wrong and what to
 * do.
 */
export async function fetchAsHTTP(url, token, maxBytes) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new FetchError("that is not a complete URL: it must start with https:// or http://");
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new FetchError("only https:// and http:// URLs can be fetched");
  }
  const headers = { Accept: "application/json" };
  if (token) headers.Authorization = "Bearer " + token;
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), FETCH_TIMEOUT_MS);
  let response;
  try {
    response = await fetch(parsed.href, {
      method: "GET",
      headers,
      credentials: "omit",
      cache: "no-store",
      referrerPolicy: "no-referrer",
      redirect: "follow",
      signal: ctl.signal,
    });
  } catch (err) {
    clearTimeout(timer);
    if (ctl.signal.aborted) throw new FetchError(`no answer after ${FETCH_TIMEOUT_MS / 1000} seconds`);
    throw new FetchError(await explainFailure(parsed.href, !!token));
  }
  try {
    if (response.status === 401) {
      throw new FetchError(token
        ? "the server answered 401 Unauthorized: it did not accept the token (expired, or issued for another resource). Get a new token and try again"
        : "the server answered 401 Unauthorized: it wants a bearer token. Paste one into the token field (it stays in this tab's memory only)");
    }
    if (response.status === 403) {
      throw new FetchError("the server answered 403 Forbidden: it knows who you are, but the token lacks the permission this resource needs");
    }
    if (response.type === "opaque" || response.status === 0) {
      throw new FetchError("the server did not allow this page to read its response (CORS)");
    }
    const body = await readCapped(response, maxBytes);
    if (!response.ok) {
      const excerpt = body.length > 200 ? body.slice(0, 200) + "…" : body;
      throw new FetchError(`the server answered ${response.status}${response.statusText ? " " + response.statusText : ""}${excerpt ? ": " + excerpt : ""}`);
    }
    return rawHTTP(response.status, response.statusText, response.headers, body);
  } catch (err) {
    if (err instanceof FetchError) throw err;
    if (ctl.signal.aborted) throw new FetchError(`the response did not finish within ${FETCH_TIMEOUT_MS / 1000} seconds`);
    throw new FetchError(`the response could not be read: ${err.message}`);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * explainFailure tells a CORS refusal from a network failure: fetch gives
 * the same TypeError for both, but a no-cors request (which sends no token
 * and whose answer the page cannot read) still succeeds when the server is
 * reachable.
 */
async function explainFailure(url, withToken) {
  try {
    await fetch(url, { mode: "no-cors", credentials: "omit", cache: "no-store", referrerPolicy: "no-referrer" });
  } catch {
    return "the server could not be reached (network error: the address is wrong, the server is down, or this machine is offline)";
  }
  return "the server did not allow this page to read its response (CORS). It must send Access-Control-Allow-Origin for this page" +
    (withToken ? ", and allow the Authorization header in its answer to the preflight request" : "") +
    ". Otherwise copy the response (for example from your browser's network panel or curl -i) and paste it here";
}
