// Builds the page into ../build/web/: app.js (the page) and worker.js (the
// validation worker) bundled by esbuild, plus index.html, style.css and favicon.svg. The
// packer (web/pack) then gives every asset a content-hashed name.
//
// The Examples menu is the checker's own example corpus
// (check/testdata/corpus, listed in its MANIFEST.tsv), bundled as text, so
// the menu and the tests never drift apart.

import * as esbuild from "esbuild";
import { copyFile, mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, "../build/web");
const corpus = path.resolve(here, "../check/testdata/corpus");

/** groupOf names the menu group of a corpus file from its folder. */
function groupOf(file) {
  const dir = file.split("/")[0];
  if (dir === "v1.0") return "Operations (v1.0)";
  if (dir === "beta") return "Operations (beta)";
  return "Input forms";
}

const strictUTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** examplesPlugin serves `import examples from "opcheck:examples"`: [{group, name, api, file, text}]. */
const examplesPlugin = {
  name: "opcheck-examples",
  setup(build) {
    build.onResolve({ filter: /^opcheck:examples$/ }, () => ({ path: "examples", namespace: "opcheck" }));
    build.onLoad({ filter: /.*/, namespace: "opcheck" }, async () => {
      const manifest = path.join(corpus, "MANIFEST.tsv");
      const rows = (await readFile(manifest, "utf8")).split("\n").slice(1).filter((l) => l.trim() !== "");
      const list = [];
      for (const row of rows) {
        const [file, api, , title] = row.split("\t");
        if (!file || !title) throw new Error(`${manifest}: a row needs path, api, codes and title: ${JSON.stringify(row)}`);
        const bytes = await readFile(path.join(corpus, file));
        let text;
        try {
          text = strictUTF8.decode(bytes);
        } catch {
          continue; // an editor holds text: an example of invalid UTF-8 cannot be shown as it is
        }
        list.push({ group: groupOf(file), name: title, api: api === "beta" ? "beta" : "v1.0", file, text });
      }
      const order = ["Input forms", "Operations (v1.0)", "Operations (beta)"];
      list.sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group) || a.name.localeCompare(b.name, "en"));
      return {
        contents: "export default " + JSON.stringify(list) + ";",
        loader: "js",
        watchFiles: [manifest, ...list.map((e) => path.join(corpus, e.file))],
      };
    });
  },
};

await mkdir(out, { recursive: true });
await esbuild.build({
  entryPoints: { app: path.join(here, "src/main.js"), worker: path.join(here, "src/worker.js") },
  outdir: out,
  bundle: true,
  format: "iife",
  target: ["es2022"],
  minify: true,
  legalComments: "none",
  charset: "utf8",
  logLevel: "warning",
  plugins: [examplesPlugin],
});
for (const f of ["index.html", "style.css", "favicon.svg"]) {
  await copyFile(path.join(here, f), path.join(out, f));
}
