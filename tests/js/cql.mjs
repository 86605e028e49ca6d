// The HL7 CQL translator and cql-execution over the exported libraries, in one process.
// stdin: {"translate": {name: cql text, ...},
//         "run": {job: {"library": text, "valuesets": {url: [{code, system}]},
//                       "parameters": {name: "YYYY-MM-DD"} (DateTime parameters, midnight UTC),
//                       "defines": [name, ...], "bundles": [FHIR R4 Bundle, one per patient]}}}
// stdout, last line: {"translate": {name: [{"kind", "message", "at"}, ...]},
//                     "run": {job: {patient id: {define: true | false | null}}}}
// where kind is the translator's exception class (CqlSyntaxException, CqlSemanticException,
// ...); a define of another value than a Boolean is an error.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fhirHelpers, translate } from "./translator.mjs";

const require = createRequire(import.meta.url);
const cql = require("cql-execution");
const cqlfhir = require("cql-exec-fhir");

function compiled(text) {
  const { errors, elm } = translate(text);
  if (errors.length) throw new Error(JSON.stringify(errors.slice(0, 3)));
  return elm;
}

const source = cqlfhir.PatientSource.FHIRv401();   // reads the FHIR model info once

async function run(input, helpers) {
  const library = new cql.Library(compiled(input.library), new cql.Repository({ FHIRHelpers: helpers }));
  const valuesets = Object.fromEntries(Object.entries(input.valuesets).map(([url, codes]) => [url, { 1: codes }]));
  const parameters = Object.fromEntries(Object.entries(input.parameters)
    .map(([name, day]) => [name, cql.DateTime.parse(`${day}T00:00:00.000Z`)]));
  source.reset();
  source.loadBundles(input.bundles);
  const results = await new cql.Executor(library, new cql.CodeService(valuesets), parameters).exec(source);
  const out = {};
  for (const [id, values] of Object.entries(results.patientResults)) {
    out[id] = Object.fromEntries(input.defines.map((name) => {
      const value = values[name];
      if (value !== true && value !== false && value != null) throw new Error(`${id} ${name}: ${value}`);
      return [name, value ?? null];
    }));
  }
  return out;
}

const input = JSON.parse(readFileSync(0, "utf8"));
const out = { translate: {}, run: {} };
for (const [name, text] of Object.entries(input.translate ?? {})) out.translate[name] = translate(text).errors;
const jobs = Object.entries(input.run ?? {});
const helpers = jobs.length ? compiled(fhirHelpers) : null;
for (const [job, spec] of jobs) out.run[job] = await run(spec, helpers);
process.stdout.write("\n" + JSON.stringify(out) + "\n");
