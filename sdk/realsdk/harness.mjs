// harness.mjs reads a JSON array of payloads ({name, type, json}) on
// standard input, reads each with @microsoft/msgraph-sdk and
// @microsoft/kiota-serialization-json, and prints, as a JSON array in the
// same order, what each read built (the obsObj shape of observe_test.go).
import { readFileSync } from "node:fs";
import { JsonParseNode } from "@microsoft/kiota-serialization-json";
import * as models from "@microsoft/msgraph-sdk/models/index.js";

const factories = {
  "microsoft.graph.commsOperation": models.createCommsOperationFromDiscriminatorValue,
  "microsoft.graph.call": models.createCallFromDiscriminatorValue,
};

const lowerFirst = (s) => s.charAt(0).toLowerCase() + s.slice(1);

// describe tells what became of each member of the JSON object raw in the
// model object built from it. Only the root's type is known: the
// TypeScript SDK's objects do not carry the type that built them.
function describe(built, raw, type) {
  const out = { members: {} };
  if (type) out.type = type;
  const extra = built.additionalData || {};
  for (const k of Object.keys(raw && typeof raw === "object" ? raw : {})) {
    if (Object.prototype.hasOwnProperty.call(extra, k)) {
      out.members[k] = { o: "additional" };
      continue;
    }
    const v = built[k === "@odata.type" ? "odataType" : k];
    out.members[k] = value(v, raw[k]);
  }
  return out;
}

function value(v, raw) {
  if (v === undefined || v === null) return { o: "absent" };
  if (Array.isArray(v)) {
    return { o: "items", items: v.map((x, i) => value(x, Array.isArray(raw) ? raw[i] : undefined)) };
  }
  if (typeof v === "object") return { o: "object", obj: describe(v, raw) };
  return { o: "value", v: String(v) };
}

const payloads = JSON.parse(readFileSync(0, "utf8"));
const results = payloads.map((p) => {
  const raw = JSON.parse(p.json);
  const node = new JsonParseNode(raw);
  const factory = factories[p.type];
  try {
    const deserializers = factory(node);
    const type = "microsoft.graph." + lowerFirst(deserializers.name.replace(/^deserializeInto/, ""));
    return describe(node.getObjectValue(factory), raw, type);
  } catch (e) {
    return { fail: true };
  }
});
process.stdout.write(JSON.stringify(results));
