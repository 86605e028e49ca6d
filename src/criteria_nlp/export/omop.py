"""OHDSI Circe cohort definition (the JSON that ATLAS imports) from the logic tree.

One builder per criterion type, as in OHDSI circe-be: a threshold becomes a ``Measurement``
(or ``Observation``) criterion with ``ValueAsNumber`` and a ``Unit`` filter, a ULN/LLN
multiple ``RangeHighRatio``/``RangeLowRatio``, age and sex ``DemographicCriteriaList``
entries, a concept a ``ConditionOccurrence``/``DrugExposure``/``ProcedureOccurrence``/
``Observation``/``DeviceExposure`` over a concept set, a window a ``StartWindow``. and/or/
at-least/not become groups of Type ALL / ANY / AT_LEAST k / AT_MOST 0. Each criterion is one
inclusion rule; an exclusion criterion is the group "AT_MOST 0" of its logic.

The index event is any visit (the assessment date); the cohort keeps each person's first
visit at which every rule holds. Circe's own semantics apply: a threshold holds when *some*
measurement before the index date meets it (not necessarily the latest), and a missing
value is simply "no such measurement" (two-valued). Concept ids come from
``data/omop_concepts.tsv``; an unmapped concept gets a concept set with no items and is
reported as unsupported.

The Circe operator codes (``"gte"``...) live only in this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..errors import ExportError
from ..logic import (
    And, AtLeast, Comparator, Compare, Concept, Criterion, Implies, Node, Not, Or, Reference,
    Relation, Section, Trial, Unparsed, Window, loose_fragments,
)
from .base import (
    INDEX_ANCHORS, ExportResult, Problems, criteria_of, dump_json, implies_as_or, is_age,
    lookback_days, number, qualifier_problems, sex_of, window_days, window_phrase,
)
from .concepts import (
    TABLES, ConceptMap, MatchKeys, OmopConcept, compare_keys, concept_lookup, concept_map, molar_mass,
)

OPS = {Comparator.LT: "lt", Comparator.LE: "lte", Comparator.GT: "gt", Comparator.GE: "gte",
       Comparator.EQ: "eq", Comparator.NE: "!eq"}
BETWEEN = "bt"
VALID_OPS = frozenset(OPS.values()) | {BETWEEN, "!bt"}
GROUP_TYPES = frozenset({"ALL", "ANY", "AT_LEAST", "AT_MOST"})
AT_LEAST_ONE = {"Type": 2, "Count": 1}              # Circe Occurrence: 0 exactly, 1 at most, 2 at least
EXACTLY_NONE = {"Type": 0, "Count": 0}
NEVER = {"Age": {"Value": 0, "Op": "lt"}}           # no one is younger than 0: a test that never holds
_RATIO_FIELD = {Reference.ULN: "RangeHighRatio", Reference.LLN: "RangeLowRatio"}


def export_omop(trial: Trial, *, vocabulary: Any = None) -> ExportResult:
    """``vocabulary``: a DB-API connection (DuckDB) with the OMOP vocabulary tables; concept sets
    then hold the standard concepts it gives the criteria's codes and names. Without it only the
    concept ids of ``data/omop_concepts.tsv`` are known."""
    problems = Problems()
    builder = _Builder(concept_map(), problems, vocabulary)
    rules = [builder.rule(c) for c in criteria_of(trial, problems)]
    expression = {
        "cdmVersionRange": ">=5.0.0",
        "ConceptSets": builder.concept_sets,
        "PrimaryCriteria": {
            "CriteriaList": [{"VisitOccurrence": {}}],
            "ObservationWindow": {"PriorDays": 0, "PostDays": 0},
            "PrimaryCriteriaLimit": {"Type": "All"},
        },
        "QualifiedLimit": {"Type": "First"},
        "ExpressionLimit": {"Type": "First"},
        "InclusionRules": rules,
        "CensoringCriteria": [],
        "CollapseSettings": {"CollapseType": "ERA", "EraPad": 0},
        "CensorWindow": {},
    }
    validate(expression)
    return ExportResult(dump_json(expression), problems.freeze())


class _Builder:
    def __init__(self, concepts: ConceptMap, problems: Problems, vocabulary: Any = None) -> None:
        self.concepts = concepts
        self.problems = problems
        self.vocabulary = vocabulary
        self.concept_sets: list[dict[str, Any]] = []
        self._codesets: dict[tuple, int] = {}
        self._resolved: dict[MatchKeys, tuple[OmopConcept, ...]] = {}

    # ---- rules and groups ----------------------------------------------------------------

    def rule(self, criterion: Criterion) -> dict[str, Any]:
        """An inclusion rule that holds exactly when the criterion is met (inclusion) or not met
        (exclusion) in the evaluator's three-valued logic: the logic in negation normal form,
        each atom tested for being true. A criterion that is unknown at best (no logic, or
        unparsed text beside it) can never let a person in."""
        if criterion.logic is None or loose_fragments(criterion):
            expression = self._fill(_group("ALL"), (Unparsed("", criterion.span),))
        else:
            expression = self._as_group(nnf(criterion.logic, criterion.section is Section.EXCLUSION))
        return {"name": f"{criterion.id}: {_one_line(criterion.text)}",
                "description": f"{criterion.section.value} criterion {criterion.id}",
                "expression": expression}

    def _as_group(self, node: Node) -> dict[str, Any]:
        match node:
            case And(args):
                return self._fill(_group("ALL"), _merge_ranges(args))
            case Or(args):
                return self._fill(_group("ANY"), args)
            case AtLeast(k, args):
                return self._fill(_group("AT_LEAST", k), args)
        return self._fill(_group("ALL"), (node,))

    def _fill(self, group: dict[str, Any], members: "Sequence[Node | _Range]") -> dict[str, Any]:
        """Atoms go to CriteriaList / DemographicCriteriaList, compound nodes to Groups."""
        for member in members:
            if isinstance(member, (Compare, _Range)) and is_age(member.node if isinstance(member, _Range) else member):
                group["DemographicCriteriaList"].append(self._age(member))
            elif isinstance(member, Concept) and sex_of(member) is not None:
                group["DemographicCriteriaList"].append(self._sex(member))
            elif isinstance(member, (Compare, _Range)):
                group["CriteriaList"].append(self._threshold(member))
            elif isinstance(member, Concept):
                group["CriteriaList"].append(self._concept(member))
            elif isinstance(member, Not) and isinstance(member.arg, Concept):
                self._absent(group, member.arg)
            elif isinstance(member, Unparsed):
                self.problems.add(member.span, "unparsed", "unknown: Circe cannot test it, so the rule never holds")
                group["DemographicCriteriaList"].append(dict(NEVER))
            else:
                group["Groups"].append(self._as_group(member))
        return group

    # ---- one builder per criterion type ------------------------------------------------------

    def _threshold(self, member: "Compare | _Range") -> dict[str, Any]:
        node = member.node if isinstance(member, _Range) else member
        domain = self.concepts.compare_domain(node)
        concepts = self._lookup(compare_keys(node))
        key = ("variable", node.variable.code or node.variable.name.lower())
        criteria: dict[str, Any] = {"CodesetId": self._codeset(key, node.variable.name, concepts, node)}
        range_ = member.range() if isinstance(member, _Range) else _numeric(node)
        if node.reference in _RATIO_FIELD:
            criteria[_RATIO_FIELD[node.reference]] = range_
        else:
            criteria["ValueAsNumber"] = range_
            if node.unit:
                # Circe compares raw numbers: keep the units equal to the threshold's (factor 1)
                same = [u.concept for u, factor in self.concepts.conversions(node.unit, molar_mass(node))
                        if factor == 1 and u.concept.concept_id > 0]
                if same:
                    criteria["Unit"] = [_concept_json(c) for c in same]
                else:
                    self.problems.node(node, f"unit {node.unit!r} has no OMOP unit concept: "
                                             "values in any unit are compared")
        return self._correlated(TABLES[domain].circe, criteria, node)

    def _concept(self, node: Concept) -> dict[str, Any]:
        qualifier_problems(node, self.problems, "in Circe")
        domain = self.concepts.concept_domain(node)
        concepts = self._lookup(concept_lookup(node).keys)
        if domain is None:                     # a demographic concept other than sex
            self.problems.node(node, "demographic concept has no Circe criterion; "
                                     "exported as an observation with an empty concept set")
            domain = "Observation"
        key = ("concept", node.domain.value, node.code or node.name.lower())
        criteria = {"CodesetId": self._codeset(key, node.name, concepts, node)}
        return self._correlated(TABLES[domain].circe, criteria, node)

    def _absent(self, group: dict[str, Any], node: Concept) -> None:
        """``not concept`` is true when the record is known to lack it: a sex other than the
        one named, no occurrence in a closed-world table; an observation's absence is unknown."""
        sex = sex_of(node)
        if sex is not None:
            other = [c for key, c in self.concepts.genders.items() if key != sex]
            group["DemographicCriteriaList"].append({"Gender": [_concept_json(c) for c in other]})
            return
        lists = set(concept_lookup(node).lists)
        if not lists or not lists <= _rules().closed_world_lists:
            self.problems.node(node, "the absence of an observation is unknown: a rule needing it never holds")
            group["DemographicCriteriaList"].append(dict(NEVER))
            return
        criterion = self._concept(node)
        criterion["Occurrence"] = dict(EXACTLY_NONE)
        group["CriteriaList"].append(criterion)

    def _age(self, member: "Compare | _Range") -> dict[str, Any]:
        node = member.node if isinstance(member, _Range) else member
        if node.unit not in (None, "a"):
            self.problems.node(node, f"Circe ages are in years; an age in {node.unit!r} is compared as years")
        if node.window is not None:
            self.problems.node(node, "a temporal window on age has no Circe form")
        return {"Age": member.range() if isinstance(member, _Range) else _numeric(node)}

    def _sex(self, node: Concept) -> dict[str, Any]:
        gender = self.concepts.gender(sex_of(node) or "")
        if gender is None:                      # pragma: no cover - both sexes are in the map
            self.problems.node(node, "sex has no OMOP gender concept")
            return {"Gender": []}
        return {"Gender": [_concept_json(gender)]}

    def _correlated(self, circe_type: str, criteria: dict[str, Any], node: Compare | Concept) -> dict[str, Any]:
        return {
            "Criteria": {circe_type: criteria},
            "StartWindow": self._window(node),
            "RestrictVisit": False,
            "IgnoreObservationPeriod": False,
            "Occurrence": dict(AT_LEAST_ONE),
        }

    def _window(self, node: Compare | Concept) -> dict[str, Any]:
        """Event start relative to the index date; no window means any time up to it."""
        window: Window | None = node.window
        if window is None and isinstance(node, Compare):   # the latest value within the look-back
            return _start_window({"Days": lookback_days(), "Coeff": -1}, {"Days": 0, "Coeff": 1})
        if window is None:
            return _start_window({"Coeff": -1}, {"Days": 0, "Coeff": 1})
        days = window_days(window)
        if days is None:
            self.problems.node(node, f"window unit {window.unit!r} cannot be counted in days; "
                                     "any time up to the index date is used")
            return _start_window({"Coeff": -1}, {"Days": 0, "Coeff": 1})
        if window.anchor not in INDEX_ANCHORS:
            self.problems.node(node, f"Circe windows are relative to the index date, not to "
                                     f"{window.anchor.value}; {window_phrase(window)} is taken from the index date")
        if window.relation is Relation.BEFORE:
            return _start_window({"Days": days, "Coeff": -1}, {"Days": 0, "Coeff": 1})
        if window.relation is Relation.AFTER:
            return _start_window({"Days": 0, "Coeff": 1}, {"Days": days, "Coeff": 1})
        return _start_window({"Days": days, "Coeff": -1}, {"Days": days, "Coeff": 1})

    def _lookup(self, keys: MatchKeys) -> tuple[OmopConcept, ...]:
        if self.vocabulary is None:
            return self.concepts.concepts(keys)
        if keys not in self._resolved:
            from .sql import resolve_concepts

            self._resolved.update(resolve_concepts(self.vocabulary, [keys]))
        return self._resolved[keys]

    def _codeset(self, key: tuple, name: str, concepts: tuple[OmopConcept, ...], node: Node) -> int:
        if not concepts:
            self.problems.node(node, f"empty concept set {name!r}: no OMOP concept "
                                     + ("in the vocabulary" if self.vocabulary is not None else
                                        "id known without a vocabulary") + "; it matches nothing")
        if key in self._codesets:
            return self._codesets[key]
        index = len(self.concept_sets)
        self._codesets[key] = index
        items = [{"concept": _concept_json(c), "isExcluded": False,
                  "includeDescendants": c.vocabulary != "LOINC", "includeMapped": False} for c in concepts]
        self.concept_sets.append({"id": index, "name": name, "expression": {"items": items}})
        return index


def nnf(node: Node, negated: bool = False) -> Node:
    """``node`` (or ``not node``) with every negation pushed onto a concept; a negated threshold
    is the opposite threshold, which like the original needs a value to hold (Kleene logic:
    the result is true exactly when the original is true, or false when ``negated``)."""
    match node:
        case Not(arg):
            return nnf(arg, not negated)
        case And(args):
            parts = tuple(nnf(a, negated) for a in args)
            return (Or if negated else And)(parts, node.span)
        case Or(args):
            parts = tuple(nnf(a, negated) for a in args)
            return (And if negated else Or)(parts, node.span)
        case AtLeast(k, args):
            if not negated:
                return AtLeast(k, tuple(nnf(a) for a in args), node.span)
            return AtLeast(len(args) - k + 1, tuple(nnf(a, True) for a in args), node.span)
        case Implies():
            return nnf(implies_as_or(node), negated)
        case Compare() if negated:
            return replace(node, comparator=node.comparator.negated())
        case Concept() if negated:
            return Not(node, node.span)
    return node


def _rules():
    from ..patients.vocabulary import rules

    return rules()


class _Range:
    """``x >= a`` and ``x <= b`` on the same variable, merged into Circe's inclusive ``bt``."""

    def __init__(self, low: Compare, high: Compare) -> None:
        self.node, self.high = low, high

    def range(self) -> dict[str, Any]:
        return {"Value": number(self.node.value), "Op": BETWEEN, "Extent": number(self.high.value)}


def _merge_ranges(args: tuple[Node, ...]) -> list[Node | _Range]:
    out: list[Node | _Range] = list(args)
    for i, low in enumerate(args):
        if not (isinstance(low, Compare) and low.comparator is Comparator.GE):
            continue
        for j, high in enumerate(args):
            if (isinstance(high, Compare) and high.comparator is Comparator.LE
                    and isinstance(out[i], Compare) and isinstance(out[j], Compare)
                    and (high.variable.code, high.variable.name, high.unit, high.reference, high.window)
                    == (low.variable.code, low.variable.name, low.unit, low.reference, low.window)):
                out[i], out[j] = _Range(low, high), None  # type: ignore[call-overload]
                break
    return [m for m in out if m is not None]


def _numeric(node: Compare) -> dict[str, Any]:
    return {"Value": number(node.value), "Op": OPS[node.comparator]}


def _group(kind: str, count: int | None = None) -> dict[str, Any]:
    group: dict[str, Any] = {"Type": kind}
    if count is not None:
        group["Count"] = count
    group.update({"CriteriaList": [], "DemographicCriteriaList": [], "Groups": []})
    return group


def _start_window(start: dict[str, int], end: dict[str, int]) -> dict[str, Any]:
    return {"Start": start, "End": end, "UseIndexEnd": False, "UseEventEnd": False}


def _concept_json(concept: OmopConcept) -> dict[str, Any]:
    return {
        "CONCEPT_ID": concept.concept_id,
        "CONCEPT_NAME": concept.name,
        "STANDARD_CONCEPT": "S",
        "STANDARD_CONCEPT_CAPTION": "Standard",
        "INVALID_REASON": "V",
        "INVALID_REASON_CAPTION": "Valid",
        "CONCEPT_CODE": concept.code,
        "DOMAIN_ID": concept.domain,
        "VOCABULARY_ID": concept.vocabulary,
    }


def _one_line(text: str) -> str:
    return " ".join(text.split())


# ---- checks ------------------------------------------------------------------------------

def check_expression(expression: dict[str, Any]) -> list[str]:
    """Circe rules the ohdsi-cohort-schemas models do not check (they ignore unknown keys).

    Every CodesetId names a concept set, every numeric range has a known ``Op`` (and an
    ``Extent`` for ``bt``), every group a known Type (with a Count for AT_LEAST/AT_MOST),
    every windowed criterion exactly one criteria type. Returns the problems found.
    """
    found: list[str] = []
    ids = {cs.get("id") for cs in expression.get("ConceptSets", [])}
    if len(ids) != len(expression.get("ConceptSets", [])):
        found.append("ConceptSets: duplicate id")
    for cs in expression.get("ConceptSets", []):
        for item in cs.get("expression", {}).get("items", []):
            if not isinstance(item.get("concept", {}).get("CONCEPT_ID"), int):
                found.append(f"ConceptSets[{cs.get('id')}]: CONCEPT_ID must be an integer")

    def numeric(where: str, value: Any) -> None:
        if not isinstance(value, dict) or value.get("Op") not in VALID_OPS or "Value" not in value:
            found.append(f"{where}: needs Value and an Op in {sorted(VALID_OPS)}")
        elif value["Op"] in (BETWEEN, "!bt") and "Extent" not in value:
            found.append(f"{where}: {value['Op']} needs an Extent")

    def group(where: str, g: dict[str, Any]) -> None:
        if g.get("Type") not in GROUP_TYPES:
            found.append(f"{where}.Type: {g.get('Type')!r} is not one of {sorted(GROUP_TYPES)}")
        if g.get("Type") in ("AT_LEAST", "AT_MOST") and not isinstance(g.get("Count"), int):
            found.append(f"{where}: {g.get('Type')} needs an integer Count")
        for i, cc in enumerate(g.get("CriteriaList", [])):
            criteria = cc.get("Criteria", {})
            if len(criteria) != 1:
                found.append(f"{where}.CriteriaList[{i}]: needs exactly one criteria type")
                continue
            (kind, body), = criteria.items()
            if kind not in {t.circe for t in TABLES.values()}:
                found.append(f"{where}.CriteriaList[{i}]: unknown criteria type {kind!r}")
            if body.get("CodesetId") not in ids:
                found.append(f"{where}.CriteriaList[{i}]: CodesetId {body.get('CodesetId')!r} names no concept set")
            for name in ("ValueAsNumber", "RangeHighRatio", "RangeLowRatio"):
                if name in body:
                    numeric(f"{where}.CriteriaList[{i}].{name}", body[name])
            occurrence = cc.get("Occurrence", {})
            if occurrence.get("Type") not in (0, 1, 2) or not isinstance(occurrence.get("Count"), int):
                found.append(f"{where}.CriteriaList[{i}]: Occurrence needs Type 0/1/2 and a Count")
        for i, dc in enumerate(g.get("DemographicCriteriaList", [])):
            if "Age" in dc:
                numeric(f"{where}.DemographicCriteriaList[{i}].Age", dc["Age"])
        for i, sub in enumerate(g.get("Groups", [])):
            group(f"{where}.Groups[{i}]", sub)

    for i, rule in enumerate(expression.get("InclusionRules", [])):
        if not rule.get("name") or "expression" not in rule:
            found.append(f"InclusionRules[{i}]: needs a name and an expression")
            continue
        group(f"InclusionRules[{i}].expression", rule["expression"])
    return found


def validate(expression: dict[str, Any]) -> None:
    """ohdsi-cohort-schemas model validation, then ``check_expression``; ExportError on failure."""
    from ohdsi_cohort_schemas import validate_strict
    from pydantic import ValidationError

    try:
        validate_strict(expression)
    except (ValidationError, ValueError) as err:
        raise ExportError(f"generated Circe JSON does not validate: {' '.join(str(err).split())[:300]}") from err
    found = check_expression(expression)
    if found:
        raise ExportError(f"generated Circe JSON fails {len(found)} check(s): {found[0]}")
