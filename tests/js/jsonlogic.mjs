// Applies JSON Logic rules with json-logic-js, the reference engine.
// stdin: [[rule, data], ...]; stdout, last line: [result, ...] in the same order.
import { readFileSync } from "node:fs";
import jsonLogic from "json-logic-js";

const cases = JSON.parse(readFileSync(0, "utf8"));
process.stdout.write("\n" + JSON.stringify(cases.map(([rule, data]) => jsonLogic.apply(rule, data))) + "\n");
