// Validates every object of the given Kubernetes manifest files (YAML, several documents each) offline:
// core, Gateway API and KEDA kinds against the schemas of the pinned npm packages `kubernetes-models`,
// `@kubernetes-models/gateway-api` and `@kubernetes-models/keda`, the inference CRDs against the OpenAPI schemas shipped in crds/
// (see README.md for their source). Unknown fields are errors, as with `kubectl --validate=strict`.
// A Kustomization is checked for the files it lists. Prints one line per object; exits 1 when any
// object fails or has a kind no schema here knows.
//
//   node validate.mjs FILE.yaml...
import { readFileSync, existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import YAML from "yaml";
import Ajv from "ajv";

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

// apiVersion -> module of the model classes, one per kind.
const modelModules = {
  v1: "kubernetes-models/v1",
  "apps/v1": "kubernetes-models/apps/v1",
  "policy/v1": "kubernetes-models/policy/v1",
  "gateway.networking.k8s.io/v1": "@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1",
  "keda.sh/v1alpha1": "@kubernetes-models/keda/keda.sh/v1alpha1",
};

// Object schemas that list their properties take no others (what the API server's strict field
// validation does); the Kubernetes extensions are dropped.
function strict(schema) {
  if (Array.isArray(schema)) return schema.map(strict);
  if (schema === null || typeof schema !== "object") return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key.startsWith("x-kubernetes-")) continue;
    out[key] = key === "properties" ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strict(v)])) : strict(value);
  }
  if (out.type === "object" && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

const ajv = new Ajv({ strict: false, allErrors: true });
for (const format of ["int32", "int64", "date-time"]) ajv.addFormat(format, true);
const crdValidators = new Map();  // "group/version Kind" -> validate function
for (const file of readdirSync(join(here, "crds")).filter((name) => name.endsWith(".yaml"))) {
  const crd = YAML.parse(readFileSync(join(here, "crds", file), "utf8"));
  for (const version of crd.spec.versions) {
    const schema = strict(version.schema.openAPIV3Schema);
    schema.properties.metadata = { type: "object" };
    delete schema.properties.status;
    crdValidators.set(`${crd.spec.group}/${version.name} ${crd.spec.names.kind}`, ajv.compile(schema));
  }
}

function validateObject(object, file) {
  const { apiVersion, kind } = object ?? {};
  if (apiVersion === "kustomize.config.k8s.io/v1beta1" && kind === "Kustomization") {
    const missing = (object.resources ?? []).filter((name) => !existsSync(join(dirname(file), name)));
    if (!Array.isArray(object.resources) || object.resources.length === 0) return ["lists no resources"];
    return missing.map((name) => `lists ${name}, which does not exist`);
  }
  const crd = crdValidators.get(`${apiVersion} ${kind}`);
  if (crd) return crd(object) ? [] : crd.errors.map((e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
  const module = modelModules[apiVersion];
  const Model = module ? require(module)[kind] : undefined;
  if (!Model) return [`no schema for apiVersion ${apiVersion}, kind ${kind}`];
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    return [error.message];
  }
}

let failures = 0;
let objects = 0;
for (const file of process.argv.slice(2)) {
  const documents = YAML.parseAllDocuments(readFileSync(file, "utf8"));
  for (const document of documents) {
    if (document.errors.length > 0) {
      console.log(`FAIL ${file}: not YAML: ${document.errors[0].message}`);
      ++failures;
      continue;
    }
    const object = document.toJS();
    if (object === null) continue;
    ++objects;
    const name = `${file}: ${object.kind ?? "?"} ${object.metadata?.name ?? ""}`.trim();
    const problems = validateObject(object, file);
    if (problems.length === 0) {
      console.log(`ok   ${name}`);
    } else {
      ++failures;
      for (const problem of problems) console.log(`FAIL ${name}: ${problem}`);
    }
  }
}
console.log(`${objects - failures} valid, ${failures} invalid`);
process.exit(failures === 0 && objects > 0 ? 0 : 1);
