"""JSON Logic rules (jsonlogic.com) over a documented flat map of patient variables.

The export is one JSON document::

    {"format": "criteria-nlp/jsonlogic-1", "trial": "NCT...",
     "variables": {"lab:751-8": {"type": "number", "unit": "10*9/L", ...}, ...},
     "criteria": {"inc-1": RULE, ...},
     "rule": {"and": [inclusion rules..., {"!": [{"or": [exclusion rules...]}]}]}}

Run ``rule`` (or one criterion) with any JSON Logic engine on a flat object holding every
key of ``variables``.

Keys are path-safe: every engine's ``var`` reads ``.`` as a path into nested objects
(json-logic-js splits the key on ``.``), so a key is segments joined by ``:`` and every
segment holds only ASCII letters, digits, ``_`` and ``-`` (``KEY``). A segment taken from
free text (a name, a unit, a number) keeps its letters, digits and hyphens and writes every
other run of characters as one ``_``, ``%`` as ``pct`` (``mL/min/{1.73_m2}`` ->
``mL_min_1_73_m2``, ``0.5`` -> ``0_5``); the exact name, unit and window are in the
variable's entry. Keys:

- ``lab:<LOINC>`` / ``obs:<name>``: the latest value on or before the assessment date, in
  the threshold's unit (``unit``); ``...:uln`` / ``...:lln`` the reference limit of that
  same result, so ``x <= 2.5 x ULN`` is ``{"<=": [{"var": "lab:X"}, {"*": [2.5, {"var":
  "lab:X:uln"}]}]}``; a windowed threshold reads the latest value inside its window, key
  suffix ``:<n><unit>-<before|after|of>-<anchor>``; the same variable in another unit (or
  with other qualifiers) gets the unit (or qualifiers) as one more segment;
- ``age``: completed years (``age:mo`` months) at the assessment date; ``sex``: "female" or
  "male";
- ``<domain>:<name>`` (condition, drug, procedure, observation, device, other): true when
  the record has that concept (with the listed qualifiers) on or before the assessment
  date, or inside the window of a windowed key; a concept with kinds it excepts ("other
  than basal cell carcinoma") has the segment ``except_<names>`` after its name and counts
  only records of none of them (its entry lists them in ``other_than``);
- ``unparsed:<criterion id>``: a reviewer's answer for criterion text that was not parsed.

JSON Logic is two-valued: it has no "unknown" and coerces a missing (null) number to 0, so
the map must be complete (check first with ``{"missing": [...all keys...]}``); an unparsed
criterion becomes a reviewer variable and is reported as unsupported.
"""

from __future__ import annotations

import re
from typing import Any

from ..logic import (
    And, AtLeast, Comparator, Compare, Concept, Criterion, Implies, Node, Not, Or, Reference,
    Relation, Section, Trial, Unparsed, Window, loose_fragments,
)
from ..serialize import significant
from .base import (
    ExportResult, Problems, criteria_of, dump_json, is_age, lookback_days, number, sex_of, slug,
)

FORMAT = "criteria-nlp/jsonlogic-1"
OPS = {Comparator.LT: "<", Comparator.LE: "<=", Comparator.GT: ">", Comparator.GE: ">=",
       Comparator.EQ: "==", Comparator.NE: "!="}
_LIMIT = {Reference.ULN: ("uln", "upper"), Reference.LLN: ("lln", "lower")}
_SIDE = {Relation.BEFORE: "before", Relation.AFTER: "after", Relation.WITHIN: "of"}
# The documented key scheme: ':'-joined segments of letters, digits, '_' and '-' (never '.').
KEY = re.compile(r"[A-Za-z0-9_-]+(?::[A-Za-z0-9_-]+)*")
SEMANTICS = ("Two-valued: every key of 'variables' must be present (a missing number would be "
             "read as 0); numbers are in the variable's unit; see docs/export.md.")


def export_jsonlogic(trial: Trial) -> ExportResult:
    problems = Problems()
    builder = _Builder()
    criteria: dict[str, Any] = {}
    inclusion: list[Any] = []
    exclusion: list[Any] = []
    for criterion in criteria_of(trial, problems):
        rule = builder.criterion(criterion, problems)
        criteria[criterion.id] = rule
        (exclusion if criterion.section is Section.EXCLUSION else inclusion).append(rule)
    parts = list(inclusion)
    if exclusion:
        parts.append({"!": [exclusion[0] if len(exclusion) == 1 else {"or": exclusion}]})
    document = {
        "format": FORMAT,
        "trial": trial.id,
        "semantics": SEMANTICS,
        "variables": builder.variables,
        "criteria": criteria,
        "rule": parts[0] if len(parts) == 1 else {"and": parts} if parts else True,
    }
    return ExportResult(dump_json(document), problems.freeze())


def atom_keys(trial: Trial) -> dict[Compare | Concept, tuple[str, str | None]]:
    """The variable key of every atom of the export, and the key of its reference limit."""
    builder = _Builder()
    for criterion in trial.criteria:
        builder.criterion(criterion, Problems())
    return builder.keys


class _Builder:
    def __init__(self) -> None:
        self.variables: dict[str, dict[str, Any]] = {}
        self.keys: dict[Compare | Concept, tuple[str, str | None]] = {}

    def criterion(self, criterion: Criterion, problems: Problems) -> Any:
        if criterion.logic is not None and not loose_fragments(criterion):
            return self.node(criterion.logic)
        key = self.variable(f"unparsed:{segment(criterion.id)}", {
            "type": "boolean",
            "description": f"reviewer's answer for the unparsed text of {criterion.id}: "
                           + "; ".join(f.text for f in loose_fragments(criterion)) if loose_fragments(criterion)
                           else f"reviewer's answer for criterion {criterion.id}: {criterion.text}",
        })
        problems.add(criterion.span, "criterion", f"JSON Logic has no 'unknown': the unparsed part is "
                                                  f"the reviewer variable {key!r}")
        review = {"var": key}
        return review if criterion.logic is None else {"and": [self.node(criterion.logic), review]}

    def node(self, node: Node) -> Any:
        match node:
            case And(args):
                return {"and": [self.node(a) for a in args]}
            case Or(args):
                return {"or": [self.node(a) for a in args]}
            case Not(arg):
                return {"!": [self.node(arg)]}
            case Implies(if_, then):
                return {"or": [{"!": [self.node(if_)]}, self.node(then)]}
            case AtLeast(k, args):
                return {">=": [{"+": [{"if": [self.node(a), 1, 0]} for a in args]}, k]}
            case Compare():
                return self.compare(node)
            case Concept():
                return self.concept(node)
            case Unparsed(text, span):
                key = self.variable(f"unparsed:{span.start}-{span.end}", {
                    "type": "boolean", "description": f"reviewer's answer for text that was not parsed: {text}"})
                return {"var": key}
        raise TypeError(f"not a logic node: {node!r}")

    def compare(self, node: Compare) -> Any:
        variable = node.variable
        if is_age(node):
            base = "age" if node.unit in (None, "a") else f"age:{segment(node.unit)}"
            spec = {"type": "number", "name": variable.name, "unit": node.unit or "a",
                    "description": "age at the assessment date in completed units"}
        else:
            base = f"lab:{segment(variable.code)}" if variable.code else f"obs:{slug(variable.name)}"
            spec = {"type": "number", "name": variable.name, "code": variable.code, "system": variable.system,
                    "unit": None if node.reference else node.unit,
                    "description": f"latest value within {lookback_days()} days before the assessment date"}
        if node.window is not None:
            base += ":" + _window_tag(node.window)
            spec["description"] = f"latest value {_window_words(node.window)}"
        key = self.variable(base, spec)
        value = number(significant(node.value))  # as the evaluator decides
        if node.reference is None:
            self.keys[node] = (key, None)
            return {OPS[node.comparator]: [{"var": key}, value]}
        suffix, side = _LIMIT[node.reference]
        limit = self.variable(f"{key}:{suffix}", {
            "type": "number", "name": f"{variable.name} {side} reference limit",
            "description": f"the {side} reference limit of the result in {key!r}, in its unit"})
        self.keys[node] = (key, limit)
        return {OPS[node.comparator]: [{"var": key}, {"*": [value, {"var": limit}]}]}

    def concept(self, node: Concept) -> Any:
        sex = sex_of(node)
        if sex is not None:
            key = self.variable("sex", {"type": "string", "values": ["female", "male"],
                                        "description": "administrative sex"})
            self.keys[node] = (key, None)
            return {"==": [{"var": key}, sex]}
        base = f"{node.domain.value}:{slug(node.name)}"
        spec: dict[str, Any] = {"type": "boolean", "name": node.name, "code": node.code, "system": node.system}
        if node.qualifiers:
            spec["qualifiers"] = list(node.qualifiers)
        excepted = " or ".join(c.name for c in node.other_than)
        if node.other_than:
            base += ":" + segment("except " + excepted)
            spec["other_than"] = [c.name for c in node.other_than]
        if node.window is not None:
            base += ":" + _window_tag(node.window)
            spec["description"] = f"true when the record has it {_window_words(node.window)}"
        else:
            spec["description"] = "true when the record has it on or before the assessment date"
        if node.other_than:
            spec["description"] += ", not counting records of " + excepted
        key = self.variable(base, spec)
        self.keys[node] = (key, None)
        return {"var": key}

    def variable(self, base: str, spec: dict[str, Any]) -> str:
        """The key for a variable; a different variable with the same name gets a suffix."""
        spec = {k: v for k, v in spec.items() if v is not None}
        key, n = base, 1
        while key in self.variables:
            known = self.variables[key]
            if _compatible(known, spec):
                if spec.get("unit") and not known.get("unit"):
                    known["unit"] = spec["unit"]
                return key
            n += 1
            discriminator = segment(spec.get("unit") or "-".join(slug(q) for q in spec.get("qualifiers", ())) or str(n))
            key = f"{base}:{discriminator}" if n == 2 else f"{base}:{discriminator}:{n}"
        self.variables[key] = spec
        return key


def _compatible(known: dict[str, Any], spec: dict[str, Any]) -> bool:
    if (known.get("type") != spec.get("type") or known.get("qualifiers") != spec.get("qualifiers")
            or known.get("other_than") != spec.get("other_than")):
        return False
    units = {known.get("unit"), spec.get("unit")} - {None}
    return len(units) <= 1


def segment(text: str) -> str:
    """One key segment from free text: letters, digits and '-' kept, '%' as 'pct', any other
    run of characters as one '_' (so never a '.', which JSON Logic reads as a path)."""
    return re.sub(r"[^A-Za-z0-9-]+", "_", text.replace("%", "pct")).strip("_") or "x"


def _window_tag(window: Window) -> str:
    return segment(f"{number(window.value)}{window.unit}") + f"-{_SIDE[window.relation]}-{window.anchor.value}"


def _window_words(window: Window) -> str:
    return f"within {number(window.value)} {window.unit} {_SIDE[window.relation]} {window.anchor.value.replace('_', ' ')}"
