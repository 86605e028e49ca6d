// The HL7 CQL translator (@cqframework/cql; its parser is generated from the official
// cql.g4 + fhirpath.g4 grammar) set up for FHIR 4.0.1: the model info shipped by
// cql-exec-fhir, and a small FHIRHelpers 4.0.1 stand-in written here, enough to translate and
// run the exported libraries: one function per implicit conversion the model names
// (ToString, ToDateTime, ToQuantity, ...; a primitive converts to its `value`), plus
// ToInterval. Units are not validated at translation (no UCUM service is wired to the
// translator; cql-execution checks units when it runs, and the Python side checks UCUM codes).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import {
  CqlCompilerOptions, CqlTranslator, LibraryManager, ModelManager, createLibrarySourceProvider,
  createModelInfoProvider, createUcumService, stringAsSource,
} from "@cqframework/cql/cql-to-elm";
import { SystemModelInfoProvider } from "@cqframework/cql/cql";

// The translator's logger writes to stdout, which carries the JSON answer of the scripts.
console.log = console.info = console.debug = (...args) => console.error(...args);

const require = createRequire(import.meta.url);
const fhirModel = readFileSync(require.resolve("cql-exec-fhir/lib/modelInfos/fhir-modelinfo-4.0.1.xml"), "utf8");

const BODIES = {
  ToQuantity: "if value is null then null else System.Quantity { value: value.value.value, unit: Coalesce(value.code.value, '1') }",
  ToCode: "if value is null then null else System.Code { code: value.code.value, system: value.system.value, version: value.version.value, display: value.display.value }",
  ToConcept: "if value is null then null else System.Concept { codes: value.coding C return ToCode(C), display: value.text.value }",
  ToRatio: "if value is null then null else System.Ratio { numerator: ToQuantity(value.numerator), denominator: ToQuantity(value.denominator) }",
};

export const fhirHelpers = (() => {
  const lines = ["library FHIRHelpers version '4.0.1'", "using FHIR version '4.0.1'"];
  const seen = new Set();
  const conversion = /<conversionInfo functionName="FHIRHelpers\.(\w+)" fromType="([\w.]+)" toType="([\w.]+)"\/>/g;
  for (const [, name, from, to] of fhirModel.matchAll(conversion)) {
    if (!seen.has(name + from)) {
      seen.add(name + from);
      lines.push(`define function ${name}(value ${from}) returns ${to}: ${BODIES[name] ?? "value.value"}`);
    }
  }
  lines.push('define function ToInterval(period FHIR.Period) returns Interval<System.DateTime>: '
    + 'if period is null then null else Interval[period."start".value, period."end".value]');
  return lines.join("\n");
})();

const refuse = () => { throw new Error("no unit conversion in the translator"); };
const models = new ModelManager();
models.modelInfoLoader.registerModelInfoProvider(new SystemModelInfoProvider());
models.modelInfoLoader.registerModelInfoProvider(
  createModelInfoProvider((id, system, version) => (id === "FHIR" && version === "4.0.1" ? stringAsSource(fhirModel) : null)));
const manager = new LibraryManager(models, new CqlCompilerOptions().withValidateUnits(false), null,
  createUcumService(refuse, () => null, refuse, refuse));
manager.librarySourceLoader.registerProvider(
  createLibrarySourceProvider((id, system, version) => (id === "FHIRHelpers" ? stringAsSource(fhirHelpers) : null)));

const done = new Map();

/** {errors: [{kind, message, at}], elm: ELM JSON or null} for one library's text (once per text). */
export function translate(text) {
  if (!done.has(text)) done.set(text, translateOnce(text));
  return done.get(text);
}

function translateOnce(text) {
  const translator = CqlTranslator.fromText(text, manager);
  const errors = translator.errors.asJsReadonlyArrayView().map((error) => ({
    kind: error.constructor.name,
    message: error.message,
    at: /startLine=(\d+), startChar=(\d+)/.exec(String(error.locator))?.slice(1).join(":") ?? null,
  }));
  return { errors, elm: errors.length ? null : JSON.parse(translator.toJson()) };
}
