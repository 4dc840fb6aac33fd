// Validates SARIF logs against the SARIF 2.1.0 JSON schema (draft-04, so
// with ajv 6) and prints, for each file, one JSON line {file, valid, errors}.
//
//   node validate.cjs FILE...

const fs = require("node:fs");
const Ajv = require("ajv");

const schema = require("@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
const ajv = new Ajv({ schemaId: "id", meta: false, allErrors: true, format: "full" });
ajv.addMetaSchema(require("ajv/lib/refs/json-schema-draft-04.json"));
const validate = ajv.compile(schema);

for (const file of process.argv.slice(2)) {
  const valid = validate(JSON.parse(fs.readFileSync(file, "utf8")));
  const errors = (validate.errors || []).map(({ dataPath, keyword, message }) => ({ dataPath, keyword, message }));
  process.stdout.write(JSON.stringify({ file, valid, errors }) + "\n");
}
