// Builds the browser benchmark's script from the JSON Schema that the Go
// package generates from the Graph model:
//
//   node build.mjs SCHEMA.json OUTDIR
//
// ajv compiles the schema here, at build time, into standalone code (the
// page's Content-Security-Policy forbids compiling at run time), and esbuild
// bundles that validator twice: OUTDIR/validator.cjs for Node (the Go tests
// run it to compare ajv's findings with opcheck's) and OUTDIR/bench.js for
// the page, with the measuring harness of page.js.

import Ajv from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";
import * as esbuild from "esbuild";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const [schemaFile, outArg] = process.argv.slice(2);
if (!schemaFile || !outArg) {
  console.error("usage: node build.mjs SCHEMA.json OUTDIR");
  process.exit(2);
}
const out = path.resolve(outArg);

/** ajvOptions are the options the comparison uses: every error, as opcheck reports every finding. */
export const ajvOptions = { allErrors: true, discriminator: true, strictTypes: false, code: { source: true } };

const schema = JSON.parse(await readFile(schemaFile, "utf8"));
const ajv = new Ajv(ajvOptions);
const validate = ajv.compile(schema);
const source = standaloneCode(ajv, validate);

await mkdir(out, { recursive: true });
const standalone = path.join(out, "validator.standalone.cjs");
await writeFile(standalone, source);

const common = {
  bundle: true,
  minify: true,
  legalComments: "none",
  charset: "utf8",
  logLevel: "warning",
  nodePaths: [path.join(here, "node_modules")],
};
await esbuild.build({
  ...common,
  entryPoints: [standalone],
  outfile: path.join(out, "validator.cjs"),
  platform: "node",
  format: "cjs",
});
await esbuild.build({
  ...common,
  entryPoints: [path.join(here, "page.js")],
  outfile: path.join(out, "bench.js"),
  platform: "browser",
  format: "iife",
  target: ["es2022"],
  alias: { "opcheck-bench:validator": standalone },
});
