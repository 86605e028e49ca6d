// Translates CQL libraries with the HL7 CQL translator (@cqframework/cql, whose parser is
// generated from the official cql.g4 + fhirpath.g4 grammar) against the FHIR 4.0.1 model
// (the model info shipped by cql-exec-fhir) and reports every message.
// FHIRHelpers 4.0.1 is stood in for by the signatures the model's implicit conversions name
// (ToString, ToDateTime, ToQuantity, ...) plus ToInterval, all `external`: enough to type-check.
// Units are not validated here: the UCUM service answers "valid" and converts nothing (the
// Python side checks UCUM codes with pint).
// stdin: {"name": "cql text", ...}; stdout, last line: {"name": [{"kind", "message", "at"}, ...], ...}
// where kind is the translator's exception class, e.g. CqlSyntaxException, CqlSemanticException.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import {
  CqlCompilerOptions, CqlTranslator, LibraryManager, ModelManager, createLibrarySourceProvider,
  createModelInfoProvider, createUcumService, stringAsSource,
} from "@cqframework/cql/cql-to-elm";
import { SystemModelInfoProvider } from "@cqframework/cql/cql";

// The translator's logger writes to stdout, which carries the JSON answer.
console.log = console.info = console.debug = (...args) => console.error(...args);

const require = createRequire(import.meta.url);
const fhirModel = readFileSync(require.resolve("cql-exec-fhir/lib/modelInfos/fhir-modelinfo-4.0.1.xml"), "utf8");

function fhirHelpersSignatures() {
  const lines = ["library FHIRHelpers version '4.0.1'", "using FHIR version '4.0.1'"];
  const seen = new Set();
  const conversion = /<conversionInfo functionName="FHIRHelpers\.(\w+)" fromType="([\w.]+)" toType="([\w.]+)"\/>/g;
  for (const [, name, from, to] of fhirModel.matchAll(conversion)) {
    if (!seen.has(name + from)) {
      seen.add(name + from);
      lines.push(`define function ${name}(value ${from}) returns ${to}: external`);
    }
  }
  lines.push("define function ToInterval(period FHIR.Period) returns Interval<System.DateTime>: external");
  return lines.join("\n");
}

const helpers = fhirHelpersSignatures();
const refuse = () => { throw new Error("no unit conversion in the test translator"); };
const ucum = createUcumService(refuse, () => null, refuse, refuse);
const models = new ModelManager();
models.modelInfoLoader.registerModelInfoProvider(new SystemModelInfoProvider());
models.modelInfoLoader.registerModelInfoProvider(
  createModelInfoProvider((id, system, version) => (id === "FHIR" && version === "4.0.1" ? stringAsSource(fhirModel) : null)));
const manager = new LibraryManager(models, new CqlCompilerOptions().withValidateUnits(false), null, ucum);
manager.librarySourceLoader.registerProvider(
  createLibrarySourceProvider((id, system, version) => (id === "FHIRHelpers" ? stringAsSource(helpers) : null)));

const libraries = JSON.parse(readFileSync(0, "utf8"));
const out = {};
for (const [name, text] of Object.entries(libraries)) {
  const translator = CqlTranslator.fromText(text, manager);
  out[name] = translator.errors.asJsReadonlyArrayView().map((error) => ({
    kind: error.constructor.name,
    message: error.message,
    at: /startLine=(\d+), startChar=(\d+)/.exec(String(error.locator))?.slice(1).join(":") ?? null,
  }));
}
process.stdout.write("\n" + JSON.stringify(out) + "\n");
