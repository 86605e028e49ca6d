"""CQL (Clinical Quality Language 1.5) library text over FHIR R4 data.

One ``define`` per criterion (named by its id), then "Inclusion Criteria", "Exclusion
Criteria" and "Eligible". A threshold reads the latest ``[Observation: "..."]`` dated within
the look-back (or its window) before the assessment date and compares its value as a UCUM
Quantity (CQL converts units); a threshold without a unit (ordinal scales such as ECOG,
Karnofsky, NYHA, and counts) reads the value as FHIR carries it: a Quantity, an integer, or
a number written as a string or in a code ("grade_1", "2"). A ULN/LLN multiple multiplies
the result's own ``referenceRange`` limit; age is ``AgeInYearsAt`` the assessment day.

A concept looks in the FHIR resources of the record lists the evaluator reads for its
domain (``data/evaluation.json``): conditions are Condition, drugs MedicationStatement and
MedicationRequest, procedures Procedure, observations Observation, and "hypersensitivity to
X" also AllergyIntolerance. The statuses are the evaluator's: a void record
(entered-in-error, ...) does not count, a negating one (refuted, not-taken, not-done, an
observation whose value is false) says "no"; a condition or drug with an ongoing status
lasts until the assessment date. As with ``Options(closed_world=True)``, a concept looked
up only in closed-world lists is false when absent; one also looked up among observations
is null (unknown) unless found or denied. A window is an ``overlaps day of`` interval around
the "Index Date" (or "First Dose Date") parameter; a record whose date is unknown makes a
windowed concept null.

CQL's Boolean is three-valued (null = unknown) with Kleene and/or/not, so the library keeps
the project's semantics: a missing value, reference range or unit conversion is null, and
"at least k of" is a Kleene case expression. A node without a code is retrieved through a
placeholder value set (``urn:criteria-nlp:unbound:...``) and reported as unsupported. The
tests translate every exported library with the HL7 CQL translator (``tests/js``).
"""

from __future__ import annotations

import re

from ..logic import (
    And, AtLeast, Comparator, Compare, Concept, Criterion, Domain, Implies, Limit, Node, Not,
    Or, Reference, Relation, Section, Trial, Unparsed, Window, loose_fragments,
)
from ..lexicon import LOINC
from ..patients.vocabulary import normalize, rules
from .base import (
    INDEX_ANCHORS, ExportResult, Problems, criteria_of, is_age, lookback_days, number,
    qualifier_problems, sex_of, slug, window_days, window_phrase,
)

OPS = {Comparator.LT: "<", Comparator.LE: "<=", Comparator.GT: ">", Comparator.GE: ">=",
       Comparator.EQ: "=", Comparator.NE: "!="}
_LIMIT = {Reference.ULN: "high", Reference.LLN: "low"}
_SYSTEMS = {LOINC: "LOINC", "http://snomed.info/sct": "SNOMEDCT",
            "http://www.nlm.nih.gov/research/umls/rxnorm": "RxNorm"}
_AGE = {"a": "AgeInYearsAt", "mo": "AgeInMonthsAt", "wk": "AgeInWeeksAt", "d": "AgeInDaysAt"}
UNKNOWN = "(null as Boolean)"
VERSION = "1.0.0"  # the version every exported library declares
_NORMALIZE = '''define function "Normalize Interval"(choice Choice<FHIR.dateTime, FHIR.Period, FHIR.Timing, FHIR.instant, FHIR.string, FHIR.Age, FHIR.Range>):
  case
    when choice is FHIR.dateTime then
      Interval[FHIRHelpers.ToDateTime(choice as FHIR.dateTime), FHIRHelpers.ToDateTime(choice as FHIR.dateTime)]
    when choice is FHIR.instant then
      Interval[FHIRHelpers.ToDateTime(choice as FHIR.instant), FHIRHelpers.ToDateTime(choice as FHIR.instant)]
    when choice is FHIR.Period then
      FHIRHelpers.ToInterval(choice as FHIR.Period)
    else null as Interval<DateTime>
  end'''

# Record statuses and time spans as the evaluator reads them (evaluate.py, patients/fhir.py);
# the status lists come from data/evaluation.json when the library is written.
_PRELUDE = '''// a record with a void status is ignored
define function "Void"(status String):
  status is not null and status in {void}

// a record with a negating status says the thing did not happen
define function "Negating"(status String):
  status is not null and status in {negating}

// a condition or drug with an ongoing status (or none) lasts until the assessment date
define function "Ongoing"(status String):
  status is null or status in {ongoing}

// the verification status when it voids or negates the record, else the clinical status
define function "Clinical Status"(verification FHIR.CodeableConcept, clinical FHIR.CodeableConcept):
  Coalesce(
    First(verification.coding V where V.code.value in {verification} return V.code.value),
    First(clinical.coding K return K.code.value)
  )

// from start to end; without an end, until the assessment date while ongoing
define function "Held"(start DateTime, stop DateTime, status String):
  if start is null then null as Interval<DateTime>
  else Interval[start, Max({{ start, Coalesce(stop, if "Ongoing"(status) then "Index Date" else start) }})]

define function "Record Period"(C FHIR.Condition):
  "Held"(start of "Normalize Interval"(C.onset), null, "Status"(C))

define function "Record Period"(M FHIR.MedicationStatement):
  "Held"(start of "Normalize Interval"(M.effective), end of "Normalize Interval"(M.effective), "Status"(M))

define function "Record Period"(R FHIR.MedicationRequest):
  "Held"(
    Coalesce(start of "Request Bounds"(R), FHIRHelpers.ToDateTime(R.authoredOn)),
    end of "Request Bounds"(R),
    "Status"(R)
  )

define function "Request Bounds"(R FHIR.MedicationRequest):
  First(R.dosageInstruction D where D.timing.repeat.bounds is FHIR.Period
    return FHIRHelpers.ToInterval(D.timing.repeat.bounds as FHIR.Period))

define function "Record Period"(P FHIR.Procedure):
  "Held"(start of "Normalize Interval"(P.performed), start of "Normalize Interval"(P.performed), "Status"(P))

define function "Record Period"(O FHIR.Observation):
  "Held"("Observation Date"(O), "Observation Date"(O), "Status"(O))

define function "Observation Date"(O FHIR.Observation):
  Coalesce(start of "Normalize Interval"(O.effective), FHIRHelpers.ToDateTime(O.issued))

// an allergy is a standing state, known on the assessment date
define function "Record Period"(A FHIR.AllergyIntolerance):
  Interval["Index Date", "Index Date"]

// a number written alone, or after a word, in a code or a string: '2', 'grade_1', 'Class 3'
define function "Scale Number"(text String):
  if Matches(text, '^[A-Za-z_ -]*[0-9]+([.][0-9]+)?$')
    then ToDecimal(ReplaceMatches(text, '^[A-Za-z_ -]*', ''))
  else null as Decimal

// a numeric result: a Quantity, or an integer (unit '1')
define function "Value Quantity"(O FHIR.Observation):
  case
    when O.value is FHIR.Quantity then FHIRHelpers.ToQuantity(O.value as FHIR.Quantity)
    when O.value is FHIR.integer then System.Quantity {{ value: ToDecimal((O.value as FHIR.integer).value), unit: '1' }}
    else null as System.Quantity
  end

// an ordinal score or a count as FHIR carries it: Quantity, integer, string or CodeableConcept
define function "Scale Value"(O FHIR.Observation):
  case
    when O.value is FHIR.Quantity then FHIRHelpers.ToQuantity(O.value as FHIR.Quantity).value
    when O.value is FHIR.integer then ToDecimal((O.value as FHIR.integer).value)
    when O.value is FHIR.string then "Scale Number"((O.value as FHIR.string).value)
    when O.value is FHIR.CodeableConcept then Coalesce(
      First(((O.value as FHIR.CodeableConcept).coding) C where "Scale Number"(C.code.value) is not null
        return "Scale Number"(C.code.value)),
      "Scale Number"((O.value as FHIR.CodeableConcept).text)
    )
    else null as Decimal
  end'''

# The FHIR resources behind each list of the record (patients/fhir.py maps them there).
_RESOURCES = {
    "conditions": (("Condition", "C"),),
    "medications": (("MedicationStatement", "M"), ("MedicationRequest", "R")),
    "procedures": (("Procedure", "P"),),
    "observations": (("Observation", "O"),),
    "allergies": (("AllergyIntolerance", "A"),),
}


def _record_functions() -> str:
    """"Status", "Counts" (the record says yes) and "Denied" (it says no), per resource."""
    out = []
    for resource, alias in dict.fromkeys(r for pairs in _RESOURCES.values() for r in pairs):
        status = (f'"Clinical Status"({alias}.verificationStatus, {alias}.clinicalStatus)'
                  if resource in ("Condition", "AllergyIntolerance") else f"{alias}.status.value")
        counts = f'not "Void"("Status"({alias})) and not "Negating"("Status"({alias}))'
        denied = f'"Negating"("Status"({alias}))'
        if resource == "Observation":       # an observation answering "no" (value false) denies
            false = f"({alias}.value is FHIR.boolean and ({alias}.value as FHIR.boolean).value = false)"
            counts += f"\n    and not {false}"
            denied = f'not "Void"("Status"({alias})) and ({denied} or {false})'
        out += [f'define function "Status"({alias} FHIR.{resource}):\n  {status}\n',
                f'define function "Counts"({alias} FHIR.{resource}):\n  {counts}\n',
                f'define function "Denied"({alias} FHIR.{resource}):\n  {denied}\n']
    return "\n".join(out).rstrip()


def _strings(values) -> str:
    return "{ " + ", ".join(_string(v) for v in sorted(values)) + " }"


def prelude() -> str:
    """The status and time-span functions, with the evaluator's status lists."""
    rule = rules()
    functions = _PRELUDE.format(void=_strings(rule.void_statuses), negating=_strings(rule.negating_statuses),
                                ongoing=_strings(rule.ongoing_statuses),
                                verification=_strings(rule.void_statuses | rule.negating_statuses))
    return functions + "\n\n" + _record_functions()


def export_cql(trial: Trial) -> ExportResult:
    problems = Problems()
    return ExportResult(library_for(trial, problems).render(trial), problems.freeze())


def library_for(trial: Trial, problems: Problems) -> CqlLibrary:
    """The trial's library; ``node()`` on it writes any subtree as a CQL expression over
    the library's definitions (the FHIR R4 export carries what R4 cannot nest that way)."""
    library = CqlLibrary(problems)
    inclusion: list[str] = []
    exclusion: list[str] = []
    for criterion in criteria_of(trial, problems):
        name = library.criterion(criterion)
        (exclusion if criterion.section is Section.EXCLUSION else inclusion).append(_ident(name))
    library.define("Inclusion Criteria", " and ".join(inclusion) or "true",
                   "every inclusion criterion holds")
    library.define("Exclusion Criteria", " or ".join(exclusion) or "false",
                   "some exclusion criterion holds")
    library.define("Eligible", '"Inclusion Criteria" and not "Exclusion Criteria"',
                   "true: eligible; false: not eligible; null: unknown")
    return library


class CqlLibrary:
    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        self.codesystems: dict[str, str] = {}
        self.terms: dict[str, tuple[str, ...]] = {}     # name -> ("code", code, system) | ("valueset", url)
        self.helpers: dict[str, tuple[str, str]] = {}   # define name -> (expression, comment)
        self.latest_names: dict[tuple, str] = {}        # (term, window, scale) -> "Latest ..." define
        self.defines: list[tuple[str, str, str]] = []   # (name, expression, comment)
        self.parameters: set[str] = {"Index Date"}

    # ---- criteria ------------------------------------------------------------------------

    def criterion(self, criterion: Criterion) -> str:
        if criterion.logic is None:
            body = UNKNOWN
        else:
            body = self.node(criterion.logic)
            if loose_fragments(criterion):
                body = f"({body} and {UNKNOWN})"
        self.define(criterion.id, body, f"{criterion.id} ({criterion.section.value}): {criterion.text}")
        return criterion.id

    def define(self, name: str, expression: str, comment: str) -> None:
        self.defines.append((name, expression, comment))

    def node(self, node: Node) -> str:
        match node:
            case And(args):
                return "(" + "\n    and ".join(self.node(a) for a in args) + ")"
            case Or(args):
                return "(" + "\n    or ".join(self.node(a) for a in args) + ")"
            case Not(arg):
                return f"(not {self.node(arg)})"
            case Implies(if_, then):
                return f"((not {self.node(if_)}) or {self.node(then)})"
            case AtLeast(k, args):
                parts = [self.node(a) for a in args]
                true = " + ".join(f"(if ({p}) is true then 1 else 0)" for p in parts)
                possible = " + ".join(f"(if ({p}) is false then 0 else 1)" for p in parts)
                return f"(case when {true} >= {k} then true when {possible} < {k} then false else {UNKNOWN} end)"
            case Compare():
                return self.compare(node)
            case Concept():
                return self.concept(node)
            case Unparsed():
                return UNKNOWN
        raise TypeError(f"not a logic node: {node!r}")

    # ---- thresholds ------------------------------------------------------------------------

    def compare(self, node: Compare) -> str:
        if is_age(node):
            function = _AGE.get(node.unit or "a")
            if function is None:
                self.problems.node(node, f"age in {node.unit!r} has no CQL age function: unknown")
                return UNKNOWN
            return f'({function}(date from "Index Date") {OPS[node.comparator]} {number(node.value)})'
        term = self.term(node.variable.name, node.variable.code, node.variable.system, "observation", node)
        scale = node.unit is None and node.reference is None
        latest = _ident(self.latest(term, node.variable.name, node.window, node, scale))
        if scale:
            return f'("Scale Value"({latest}) {OPS[node.comparator]} {number(node.value)})'
        value = f'"Value Quantity"({latest})'
        if node.reference is not None:
            limit = f"FHIRHelpers.ToQuantity(First({latest}.referenceRange).{_LIMIT[node.reference]})"
            right = f"{_decimal(node.value)} '1' * {limit}"
        else:
            right = f"{_decimal(node.value)} {_string(node.unit)}"
        return f"({value} {OPS[node.comparator]} {right})"

    def latest(self, term: str, name: str, window: Window | None, node: Node, scale: bool) -> str:
        """A define for the latest usable result: the evaluator's latest numeric value dated in
        the look-back (or the window), from a record that is not void."""
        key = (term, window, scale)
        if key not in self.latest_names:
            define = f"Latest {name}" + (f" {window_phrase(window)}" if window else "")
            if define in self.helpers:
                define += " as a number" if scale else " as a quantity"
            span = (f'Interval["Index Date" - {lookback_days()} days, "Index Date"]' if window is None
                    else self.window(window, node))
            usable = f'"{"Scale Value" if scale else "Value Quantity"}"(O) is not null'
            self.helpers[define] = (
                f"Last(\n    ([Observation: {_ident(term)}] O\n"
                f'      where not "Void"("Status"(O))\n'
                f"        and {usable}\n"
                f'        and "Observation Date"(O) during day of {span}\n'
                f'      return Tuple {{ observation: O, date: "Observation Date"(O) }}\n'
                f"      sort by date)\n  ).observation",
                f"the most recent {name} result " + (window_phrase(window) if window else
                                                      f"within the {lookback_days()}-day look-back"))
            self.latest_names[key] = define
        return self.latest_names[key]

    # ---- concepts --------------------------------------------------------------------------

    def concept(self, node: Concept) -> str:
        """Kleene like the evaluator: found (in the window) is true; found with no date, null;
        denied (a negating record), false; absent, false in closed-world lists, else null."""
        sex = sex_of(node)
        if sex is not None:
            return f"(Patient.gender = {_string(sex)})"
        rule = rules()
        group = rule.age_groups.get(normalize(node.name)) if node.domain is Domain.DEMOGRAPHIC else None
        if group is not None:  # "adults": the age bound evaluation.json gives the group
            function = _AGE.get(group.unit or "a", "AgeInYearsAt")
            return f'({function}(date from "Index Date") {OPS[group.comparator]} {number(group.value)})'
        qualifier_problems(node, self.problems, "in CQL", handled=("count", "other than"))
        lists = rule.domains[node.domain]
        if not lists:
            self.problems.node(node, f"a {node.domain.value} concept other than sex has no FHIR retrieve: unknown")
            return UNKNOWN
        sources = self.retrieves(node)
        excepted = [source for other in node.other_than for source in self.retrieves(other)]
        window = self.window(node.window, node) if node.window else None
        present, undated, denied, counted = [], [], [], []
        for retrieve, resource, alias in sources:
            # a record of a kind the concept excepts does not count: the evaluator sets it apart
            apart = "".join(f" and not exists ({other} E where E.id = {alias}.id)"
                            for other, kind, _ in excepted if kind == resource)
            counts = f'"Counts"({alias}){apart}'
            if window is None:
                found = f"{retrieve} {alias} where {counts}"
            else:
                period = f'"Record Period"({alias})'
                found = f"{retrieve} {alias} where {counts} and {period} overlaps day of {window}"
                undated.append(f"exists ({retrieve} {alias} where {counts} and {period} is null)")
            present.append(f"exists ({found})")
            counted.append(f"Count({found})")
            denied.append(f'exists ({retrieve} {alias} where "Denied"({alias}){apart})')
        closed = set(lists) <= rule.closed_world_lists
        if window is None and closed:
            found_or_not = _any(present)
        else:
            cases = [f"when {_any(present)} then true"]
            if undated:
                cases.append(f"when {_any(undated)} then null")
            cases.append("else false" if closed else f"when {_any(denied)} then false")
            if not closed:
                cases.append("else null")
            found_or_not = "(case\n      " + "\n      ".join(cases) + "\n    end)"
        if node.count is None:
            return found_or_not
        return _counted(node.count, " + ".join(counted), found_or_not, closed)

    def retrieves(self, node: Concept) -> list[tuple[str, str, str]]:
        """(retrieve, resource, alias) of every FHIR resource the evaluator's record lists
        for the concept, with the allergies to the substance it names."""
        term = _ident(self.term(node.name, node.code, node.system, node.domain.value, node))
        sources = [(f"[{resource}: {term}]", resource, alias)
                   for kind in rules().domains[node.domain] for resource, alias in _RESOURCES[kind]]
        substance = _allergen(node.name)
        if substance is not None:
            allergen = _ident(self.term(substance, None, None, "drug", node))
            sources += [(f"[{resource}: {allergen}]", resource, alias) for resource, alias in _RESOURCES["allergies"]]
        return sources

    # ---- terminology and time ------------------------------------------------------------

    def term(self, name: str, code: str | None, system: str | None, domain: str, node: Node) -> str:
        if code and system:
            wanted: tuple[str, ...] = ("code", code, self.codesystem(system))
        else:
            wanted = ("valueset", f"urn:criteria-nlp:unbound:{slug(domain)}:{slug(name).replace('_', '-')}")
            self.problems.node(node, "no code: retrieved through a placeholder value set to be bound")
        label, n = name, 1
        while label in self.terms and self.terms[label] != wanted:
            n += 1
            label = f"{name} ({n})"
        self.terms[label] = wanted
        return label

    def codesystem(self, url: str) -> str:
        if url not in self.codesystems:
            base = _SYSTEMS.get(url) or re.sub(r"[^A-Za-z0-9]+", " ", url.rstrip("/").rsplit("/", 1)[-1]).strip() or "System"
            name, n = base, 1
            while name in self.codesystems.values():
                n += 1
                name = f"{base} {n}"
            self.codesystems[url] = name
        return self.codesystems[url]

    def window(self, window: Window, node: Node) -> str:
        days = window_days(window)
        if days is None:
            self.problems.node(node, f"window unit {window.unit!r} cannot be counted in days: "
                                     "any time up to the index date is used")
            return 'Interval[null, "Index Date"]'
        anchor = '"Index Date"' if window.anchor in INDEX_ANCHORS else '"First Dose Date"'
        if window.anchor not in INDEX_ANCHORS:
            self.parameters.add("First Dose Date")
        low = anchor if window.relation is Relation.AFTER else f"{anchor} - {days} days"
        high = anchor if window.relation is Relation.BEFORE else f"{anchor} + {days} days"
        return f"Interval[{low}, {high}]"

    # ---- text ----------------------------------------------------------------------------

    def render(self, trial: Trial) -> str:
        lines = [
            "/*",
            f" * Eligibility criteria of {_comment(trial.id)}, generated by criteria-nlp from its",
            " * criteria-logic tree. Three-valued: a define is null when the record cannot decide it.",
            ' * Parameters: "Index Date" is the assessment date (enrollment, screening and now);',
            ' * "First Dose Date" anchors windows relative to the first dose.',
            " */",
            f"library {library_name(trial.id)} version '{VERSION}'",
            "",
            "using FHIR version '4.0.1'",
            "",
            "include FHIRHelpers version '4.0.1' called FHIRHelpers",
            "",
        ]
        for url, name in self.codesystems.items():
            lines.append(f"codesystem {_ident(name)}: {_string(url)}")
        for label, term in self.terms.items():
            if term[0] == "valueset":
                lines.append(f"valueset {_ident(label)}: {_string(term[1])}")
        for label, term in self.terms.items():
            if term[0] == "code":
                lines.append(f"code {_ident(label)}: {_string(term[1])} from {_ident(term[2])} display {_string(label)}")
        lines.append("")
        lines.append('parameter "Index Date" DateTime')
        if "First Dose Date" in self.parameters:
            lines.append('parameter "First Dose Date" DateTime')
        lines += ["", "context Patient", "", _NORMALIZE, "", prelude(), ""]
        for name, (expression, comment) in self.helpers.items():
            lines += [f"// {_comment(comment)}", f"define {_ident(name)}:", f"  {expression}", ""]
        for name, expression, comment in self.defines:
            lines += [f"// {_comment(comment)}", f"define {_ident(name)}:", f"  {expression}", ""]
        return "\n".join(lines).rstrip() + "\n"


def _any(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else "(" + "\n      or ".join(parts) + ")"


def _allergen(name: str) -> str | None:
    """The substance of "hypersensitivity to X" (the evaluator also reads allergies to X)."""
    key = normalize(name)
    for prefix in rules().allergy_prefixes:
        if key.startswith(prefix):
            return key[len(prefix):]
    return None


def _ident(name: str) -> str:
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _string(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _decimal(value: float) -> str:
    """A CQL Decimal literal (a Quantity's value must be written as a number)."""
    text = repr(float(value))
    return text if "e" not in text else f"{value:.12f}".rstrip("0")


def _comment(text: str) -> str:
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split()).replace("*/", "* /")


def library_name(trial_id: str) -> str:
    name = re.sub(r"[^A-Za-z0-9]", "", trial_id)
    if not name or not name[0].isalpha():
        name = "Trial" + name
    return f"{name}Eligibility"


def _counted(count: Limit, number_of: str, found_or_not: str, closed: bool) -> str:
    """"at least 2 relapses" as the evaluator reads it: with matching records, their number
    decides; short of "at least k" it stays null unless the record is complete (closed
    world), above "at most k" it is false. With none, the concept is decided as usual."""
    lower = count.comparator in (Comparator.GE, Comparator.GT)
    met = "true" if lower or closed else "null"
    unmet = "false" if closed or not lower else "null"
    return (f"(case when ({number_of}) > 0 then (case when ({number_of}) {OPS[count.comparator]} "
            f"{number(count.value)} then {met} else {unmet} end) else {found_or_not} end)")
