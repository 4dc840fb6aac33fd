// Runs the generated ajv validator on files and prints, for each, one JSON
// line {file, valid, errors: [{instancePath, keyword, params}]}:
//
//   node ajvcheck.mjs VALIDATOR.cjs FILE...

import { createRequire } from "node:module";
import { readFile } from "node:fs/promises";
import path from "node:path";

const [validatorFile, ...files] = process.argv.slice(2);
const validate = createRequire(import.meta.url)(path.resolve(validatorFile));
for (const file of files) {
  const data = JSON.parse(await readFile(file, "utf8"));
  const valid = validate(data);
  const errors = (validate.errors || []).map(({ instancePath, keyword, params }) => ({ instancePath, keyword, params }));
  process.stdout.write(JSON.stringify({ file, valid, errors }) + "\n");
}
