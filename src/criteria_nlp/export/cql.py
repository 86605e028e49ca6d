"""CQL (Clinical Quality Language 1.5) library text over FHIR R4 data.

One ``define`` per criterion (named by its id), then "Inclusion Criteria", "Exclusion
Criteria" and "Eligible". A threshold reads the latest ``[Observation: "..."]`` on or before
the assessment date and compares its value as a UCUM Quantity (CQL converts units); a
ULN/LLN multiple multiplies the result's own ``referenceRange`` limit; age is
``AgeInYearsAt``; a concept is ``exists`` over ``[Condition]``, ``[MedicationStatement]`` /
``[MedicationRequest]``, ``[Procedure]``, ``[Observation]`` or ``[Device]``; a window is an
``overlaps day of`` interval around the "Index Date" (or "First Dose Date") parameter.

CQL's Boolean is three-valued (null = unknown) with Kleene and/or/not, so the library keeps
the project's semantics: a missing value, reference range or unit conversion is null, and
"at least k of" is a Kleene case expression. A node without a code is retrieved through a
placeholder value set (``urn:criteria-nlp:unbound:...``) and reported as unsupported. The
text is not compiled here (no CQL translator ships for Python); tests check its structure.
"""

from __future__ import annotations

import re

from ..logic import (
    And, AtLeast, Comparator, Compare, Concept, Criterion, Domain, Implies, Node, Not,
    Or, Reference, Relation, Section, Trial, Unparsed, Window, loose_fragments,
)
from ..lexicon import LOINC
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


def export_cql(trial: Trial) -> ExportResult:
    problems = Problems()
    library = _Library(problems)
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
    return ExportResult(library.render(trial), problems.freeze())


class _Library:
    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        self.codesystems: dict[str, str] = {}
        self.terms: dict[str, tuple[str, ...]] = {}     # name -> ("code", code, system) | ("valueset", url)
        self.helpers: dict[str, tuple[str, str]] = {}   # define name -> (expression, comment)
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
                true = " + ".join(f"(if {p} is true then 1 else 0)" for p in parts)
                possible = " + ".join(f"(if {p} is false then 0 else 1)" for p in parts)
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
            return f"({function}(\"Index Date\") {OPS[node.comparator]} {number(node.value)})"
        term = self.term(node.variable.name, node.variable.code, node.variable.system, "observation", node)
        latest = self.latest(term, node.variable.name, node.window, node)
        value = f'FHIRHelpers.ToQuantity({_ident(latest)}.value as FHIR.Quantity)'
        if node.reference is not None:
            limit = f'FHIRHelpers.ToQuantity(First({_ident(latest)}.referenceRange).{_LIMIT[node.reference]})'
            right = f"{_decimal(node.value)} '1' * {limit}"
        elif node.unit is None:
            value, right = f"({value}).value", str(number(node.value))
        else:
            right = f"{_decimal(node.value)} {_string(node.unit)}"
        return f"({value} {OPS[node.comparator]} {right})"

    def latest(self, term: str, name: str, window: Window | None, node: Node) -> str:
        define = f"Latest {name}" + (f" {window_phrase(window)}" if window else "")
        if define not in self.helpers:
            span = (f'Interval["Index Date" - {lookback_days()} days, "Index Date"]' if window is None
                    else self.window(window, node))
            period = f'"Normalize Interval"(O.effective) overlaps day of {span}'
            self.helpers[define] = (
                f"Last(\n    [Observation: {_ident(term)}] O\n"
                f"      where O.status in {{ 'final', 'amended', 'corrected' }}\n"
                f"        and {period}\n"
                f'      sort by end of "Normalize Interval"(effective)\n  )',
                f"the most recent {name} result " + (window_phrase(window) if window else
                                                      f"within the {lookback_days()}-day look-back"))
        return define

    # ---- concepts --------------------------------------------------------------------------

    def concept(self, node: Concept) -> str:
        sex = sex_of(node)
        if sex is not None:
            return f"(Patient.gender = {_string(sex)})"
        qualifier_problems(node, self.problems, "in CQL")
        term = _ident(self.term(node.name, node.code, node.system, node.domain.value, node))
        window = self.window(node.window, node) if node.window else None
        match node.domain:
            case Domain.CONDITION:
                return _exists(f"[Condition: {term}]", "C", "C.onset", window)
            case Domain.DRUG:
                statement = _exists(f"[MedicationStatement: {term}]", "M", "M.effective", window)
                if window is None:
                    return f"({statement} or exists [MedicationRequest: {term}])"
                request = (f"exists ([MedicationRequest: {term}] R where "
                           f"FHIRHelpers.ToDateTime(R.authoredOn) during day of {window})")
                return f"({statement} or {request})"
            case Domain.PROCEDURE:
                return _exists(f"[Procedure: {term}]", "P", "P.performed", window)
            case Domain.DEVICE:
                if window is not None:
                    self.problems.node(node, "a window on a device has no date in FHIR Device: ignored")
                return f"exists [Device: {term}]"
            case Domain.OBSERVATION | Domain.OTHER:
                return _exists(f"[Observation: {term}]", "O", "O.effective", window)
        self.problems.node(node, f"a {node.domain.value} concept other than sex has no FHIR retrieve: unknown")
        return UNKNOWN

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
            f"library {_library_name(trial.id)} version '1.0.0'",
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
        lines += ["", "context Patient", "", _NORMALIZE, ""]
        for name, (expression, comment) in self.helpers.items():
            lines += [f"// {_comment(comment)}", f"define {_ident(name)}:", f"  {expression}", ""]
        for name, expression, comment in self.defines:
            lines += [f"// {_comment(comment)}", f"define {_ident(name)}:", f"  {expression}", ""]
        return "\n".join(lines).rstrip() + "\n"


def _exists(retrieve: str, alias: str, timing: str, window: str | None) -> str:
    if window is None:
        return f"exists {retrieve}"
    return f'exists ({retrieve} {alias} where "Normalize Interval"({timing}) overlaps day of {window})'


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


def _library_name(trial_id: str) -> str:
    name = re.sub(r"[^A-Za-z0-9]", "", trial_id)
    if not name or not name[0].isalpha():
        name = "Trial" + name
    return f"{name}Eligibility"
