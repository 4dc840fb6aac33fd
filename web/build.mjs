// Builds the page into ../build/web/: boot.js (starts the checker at
// navigation, with Go's wasm_exec.js bundled in), app.js (the page) and
// worker.js (the validation worker) bundled by esbuild, plus index.html,
// style.css and favicon.svg. The packer (web/pack) then gives every asset a
// content-hashed name. wasm_exec.js must already be in ../build/web/ (make
// web copies it from the Go toolchain); the worker loads it from there too.
//
// The Examples menu is the checker's own example corpus
// (check/testdata/corpus, listed in its MANIFEST.tsv), bundled as text, so
// the menu and the tests never drift apart.

import * as esbuild from "esbuild";
import { access, copyFile, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, "../build/web");
const corpus = path.resolve(here, "../check/testdata/corpus");

/**
 * GROUPS are the Examples list's groups in order, each with the test that
 * puts a corpus file in it: first by input form, then the operations by
 * API version (their names say the operation type).
 */
const GROUPS = [
  ["Operations as JSON", (f) => /^forms\/(operation|collection|wrapped|error-response|empty)/.test(f)],
  ["Callbacks (notifications)", (f) => f.startsWith("forms/notifications")],
  ["Calls and participants", (f) => /^forms\/(call|roster|participant)/.test(f)],
  ["Raw HTTP messages", (f) => f.startsWith("forms/http")],
  ["Log lines", (f) => f.startsWith("forms/log")],
  ["Docs pages (Markdown)", (f) => f.startsWith("forms/docs")],
  ["JSON syntax mistakes", (f) => f.startsWith("forms/syntax")],
  ["Operations by type (v1.0)", (f) => f.startsWith("v1.0/")],
  ["Operations by type (beta)", (f) => f.startsWith("beta/")],
];

/** groupOf names the group of a corpus file; a file no group takes goes with the JSON forms. */
function groupOf(file) {
  const g = GROUPS.find(([, test]) => test(file));
  return g ? g[0] : GROUPS[0][0];
}

const strictUTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** examplesPlugin serves `import examples from "opcheck:examples"`: [{group, name, purpose, api, file, text}]. */
const examplesPlugin = {
  name: "opcheck-examples",
  setup(build) {
    build.onResolve({ filter: /^opcheck:examples$/ }, () => ({ path: "examples", namespace: "opcheck" }));
    build.onLoad({ filter: /.*/, namespace: "opcheck" }, async () => {
      const manifest = path.join(corpus, "MANIFEST.tsv");
      const rows = (await readFile(manifest, "utf8")).split("\n").slice(1).filter((l) => l.trim() !== "");
      const list = [];
      for (const [i, row] of rows.entries()) {
        const [file, api, , title, purpose] = row.split("\t");
        const where = `${manifest}:${i + 2}`;
        if (!file || !title) throw new Error(`${where}: a row needs path, api, codes, title and purpose: ${JSON.stringify(row)}`);
        if (!purpose || !purpose.trim()) {
          throw new Error(`${where}: the row for ${file} has no purpose (the fifth column): write one line saying what the example shows`);
        }
        const bytes = await readFile(path.join(corpus, file));
        let text;
        try {
          text = strictUTF8.decode(bytes);
        } catch {
          continue; // an editor holds text: an example of invalid UTF-8 cannot be shown as it is
        }
        list.push({ group: groupOf(file), name: title, purpose: purpose.trim(), api: api === "beta" ? "beta" : "v1.0", file, text });
      }
      const order = GROUPS.map(([name]) => name);
      list.sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group) || a.name.localeCompare(b.name, "en"));
      return {
        contents: "export default " + JSON.stringify(list) + ";",
        loader: "js",
        watchFiles: [manifest, ...list.map((e) => path.join(corpus, e.file))],
      };
    });
  },
};

/**
 * wasmExecPlugin serves `import "opcheck:wasm_exec"`: the toolchain's
 * wasm_exec.js that make web copied into the output folder, which defines
 * globalThis.Go.
 */
const wasmExecPlugin = {
  name: "opcheck-wasm-exec",
  setup(build) {
    build.onResolve({ filter: /^opcheck:wasm_exec$/ }, async () => {
      const file = path.join(out, "wasm_exec.js");
      try {
        await access(file);
      } catch {
        return { errors: [{ text: `${file} is missing: make web copies it from $(go env GOROOT)/lib/wasm before this build` }] };
      }
      return { path: file };
    });
  },
};

await mkdir(out, { recursive: true });
await esbuild.build({
  entryPoints: { boot: path.join(here, "src/boot.js"), app: path.join(here, "src/main.js"), worker: path.join(here, "src/worker.js") },
  outdir: out,
  bundle: true,
  format: "iife",
  target: ["es2022"],
  minify: true,
  legalComments: "none",
  charset: "utf8",
  logLevel: "warning",
  plugins: [examplesPlugin, wasmExecPlugin],
});
for (const f of ["index.html", "style.css", "favicon.svg"]) {
  await copyFile(path.join(here, f), path.join(out, f));
}
