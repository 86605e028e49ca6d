"""OHDSI Circe cohort definition (the JSON that ATLAS imports) from the logic tree.

One builder per criterion type, as in OHDSI circe-be: a threshold becomes ``Measurement`` (or
``Observation``) criteria with ``ValueAsNumber`` and a ``Unit`` filter, one per unit factor
(Circe compares raw numbers), a ULN/LLN multiple ``RangeHighRatio``/``RangeLowRatio``; age and
sex ``DemographicCriteriaList`` entries; a concept criteria over the tables the evaluator's
record lists name, with ``Occurrence`` counts and, for a duration bound, a nested criterion on
the event's own dates; a window ``StartWindow``/``EndWindow``. and/or/at-least become groups
of Type ALL / ANY / AT_LEAST k. Each criterion is one inclusion rule holding exactly when the
evaluator says the criterion is met (inclusion) or not met (exclusion): the logic in negation
normal form, each atom tested for being true, a test Circe cannot make a rule that never holds.

The index event is any visit (the assessment date); the cohort keeps each person's first
visit at which every rule holds. What Circe cannot say exactly is reported (docs/export.md).
The Circe operator codes (``"gte"``...) live only in this module.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..errors import ExportError
from ..logic import (
    And, AtLeast, Comparator, Compare, Concept, Criterion, Domain, Implies, Limit, Node, Not, Or, Reference,
    Relation, Section, Trial, Unparsed, Window, loose_fragments,
)
from ..units import UnitError, convert, is_unitless
from .base import (
    INDEX_ANCHORS, ExportResult, Problems, age_group_of, criteria_of, dump_json, implies_as_or, is_age,
    lookback_days, number, qualifier_problems, sex_of, window_days, window_phrase,
)
from .concepts import (
    TABLES, ConceptMap, MatchKeys, OmopConcept, OmopTable, Resolved, answers, compare_keys, concept_map,
    conversions_among, excepted_searches, is_closed, molar_mass, searches,
)

OPS = {Comparator.LT: "lt", Comparator.LE: "lte", Comparator.GT: "gt", Comparator.GE: "gte",
       Comparator.EQ: "eq", Comparator.NE: "!eq"}
BETWEEN = "bt"
VALID_OPS = frozenset(OPS.values()) | {BETWEEN, "!bt"}
GROUP_TYPES = frozenset({"ALL", "ANY", "AT_LEAST", "AT_MOST"})
EXACTLY, AT_MOST, AT_LEAST = 0, 1, 2                # Circe Occurrence types
NEVER = {"Age": {"Value": 0, "Op": "lt"}}           # no one is younger than 0: a test that never holds
NO_MATCHING_CONCEPT = OmopConcept(0, "No matching concept", "Metadata", "None", "No matching concept", "OMOP")
_RATIO_FIELD = {Reference.ULN: "RangeHighRatio", Reference.LLN: "RangeLowRatio"}
# Tables whose rows circe-be dates from start to end (its end of a procedure, observation or
# measurement is the day after its date: those rows are points, as for the evaluator).
_INTERVALS = frozenset({TABLES["Condition"].name, TABLES["Drug"].name, TABLES["Device"].name})
_CODESET_KEYS = frozenset({"CodesetId", *(t.circe_source for t in TABLES.values())})
# A concept's bounds this export handles itself (base.qualifier_problems reports the rest).
_HANDLED = frozenset({"count", "duration", "dose", "near edge", "other than"})


def export_omop(trial: Trial, *, vocabulary: Any = None) -> ExportResult:
    """``vocabulary``: a DB-API connection (DuckDB) with the OMOP vocabulary tables; concept sets,
    unit filters and yes/no answers then hold the concepts it gives the criteria's codes and
    names. Without it only the concept ids of ``data/omop_concepts.tsv`` are known."""
    problems = Problems()
    builder = _Builder(concept_map(), problems, vocabulary)
    builder.prefetch(trial)
    rules = [builder.rule(c) for c in criteria_of(trial, problems)]
    used = set(_codesets_in(rules))         # a test that never holds drops the sets it looked up
    expression = {
        "cdmVersionRange": ">=5.0.0",
        "ConceptSets": [cs for cs in builder.concept_sets if cs["id"] in used],
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
        self._resolved: dict[MatchKeys, Resolved] = {}
        if vocabulary is None:
            self.units = tuple(u for u in concepts.units.values() if u.concept.concept_id > 0)
        else:
            from .sql import vocabulary_units

            self.units = vocabulary_units(vocabulary)

    def prefetch(self, trial: Trial) -> None:
        """Resolve every concept set the trial needs in one query to the vocabulary."""
        if self.vocabulary is None:
            return
        from .sql import resolve_concepts

        keys: set[MatchKeys] = {a.keys for a in answers().values()}
        for criterion in trial.criteria:
            for atom in _atoms(criterion.logic):
                if isinstance(atom, Compare) and not is_age(atom):
                    keys.add(compare_keys(atom))
                elif isinstance(atom, Concept):
                    keys.update(k for kind in (atom, *atom.other_than) for _, k, _ in searches(kind))
        self._resolved.update(resolve_concepts(self.vocabulary, sorted(keys, key=repr)))

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
            node = member.node if isinstance(member, _Range) else member
            if isinstance(node, Compare) and is_age(node):
                group["DemographicCriteriaList"].append(self._age(member))
            elif isinstance(member, (Compare, _Range)):
                _put(group, self._threshold(member))
            elif isinstance(member, Concept):
                _put(group, self._present(member))
            elif isinstance(member, Not) and isinstance(member.arg, Concept):
                _put(group, self._absent(member.arg))
            elif isinstance(member, Unparsed):
                _put(group, self._never(member, "unknown: Circe cannot test it, so the rule never holds"))
            else:
                group["Groups"].append(self._as_group(member))
        return group

    def _never(self, node: Node, reason: str) -> dict[str, Any]:
        """A test that never holds, for an atom whose truth Circe cannot establish (reported)."""
        self.problems.node(node, reason)
        return {"DemographicCriteriaList": [dict(NEVER)]}

    # ---- thresholds ----------------------------------------------------------------------

    def _threshold(self, member: "Compare | _Range") -> dict[str, Any]:
        """The latest value of the look-back, as Circe sees it: some value in it meets the
        threshold, converted into each unit the vocabulary knows (one criterion per factor)."""
        node = member.node if isinstance(member, _Range) else member
        table = TABLES[self.concepts.compare_domain(node)]
        concepts = self._lookup(compare_keys(node)).standard
        if not concepts:
            where = "in the vocabulary" if self.vocabulary is not None else "known without a vocabulary"
            self.problems.node(node, f"empty concept set {node.variable.name!r}: no OMOP concept {where}; "
                                     "it matches nothing")
        codeset = self._codeset(("variable", node.variable.code or node.variable.name.lower()),
                                node.variable.name, concepts)
        window = self._point_window(node, node.window, lookback=True)
        if node.reference in _RATIO_FIELD:
            return self._criterion(table, {"CodesetId": codeset, _RATIO_FIELD[node.reference]: _range(member)}, window)
        if node.unit is None or is_unitless(node.unit):
            return self._criterion(table, {"CodesetId": codeset, "ValueAsNumber": _range(member)}, window)
        by_factor: dict[float, list[OmopConcept]] = {}
        known = conversions_among(self.units, node.unit, molar_mass(node))
        for unit, factor in known:
            by_factor.setdefault(factor, []).append(unit.concept)
        if not any(unit.ucum == node.unit for unit, _ in known):
            self.problems.node(node, f"unit {node.unit!r} has no OMOP unit concept: a value without a unit "
                                     f"concept is read as {node.unit!r}")
            by_factor.setdefault(1.0, []).append(NO_MATCHING_CONCEPT)
        criteria = []
        for factor, units in sorted(by_factor.items()):
            range_ = _range(member, factor)
            rounded = [v for k, v in range_.items() if k in ("Value", "Extent") and round(v, 4) != v]
            if rounded:
                self.problems.node(node, f"circe-be writes thresholds with 4 decimals: {number(rounded[0])} "
                                         f"({', '.join(c.code for c in units)}) becomes {round(rounded[0], 4)}")
            criteria.append(self._criterion(table, {"CodesetId": codeset, "ValueAsNumber": range_,
                                                    "Unit": [_concept_json(c) for c in units]}, window))
        return criteria[0] if len(criteria) == 1 else {"Type": "ANY", "CriteriaList": criteria}

    # ---- concepts ------------------------------------------------------------------------

    def _present(self, node: Concept) -> dict[str, Any]:
        """True exactly when the evaluator finds the concept (closed world): some row in the
        window of one of its tables, as many as the count bound says, one lasting as long as
        the duration bound says."""
        settled, tables = self._searches(node, negated=False)
        if settled is not None:
            return settled
        if node.dose is not None:
            return self._never(node, "the dose bound is not read: unknown when the drug is found, so only "
                                     "its absence can be tested")
        parts = []
        if node.count is not None:
            holds = _count_sets(node.count, is_closed(node))[0]
            if not holds:
                return self._never(node, f"a count {node.count.comparator.value} {number(node.count.value)} "
                                         "is unknown in an open-world list: the rule never holds")
            parts.append(_any([self._counted(node, search, holds, len(tables)) for search in tables]))
        if node.duration is not None:
            lasting = [c for search in tables if (c := self._lasting(node, search, AT_LEAST)) is not None]
            if not lasting:
                return self._never(node, "no row of these tables can last as the duration bound says")
            parts.append(_any(lasting))
        if not parts:
            parts.append(_any([self._rows(node, search, (AT_LEAST, 1)) for search in tables]))
        return parts[0] if len(parts) == 1 else _all(parts)

    def _absent(self, node: Concept) -> dict[str, Any]:
        """True exactly when the evaluator finds the concept absent (closed world): no row in the
        window of a complete table, or else a recorded "no"; or a count outside the bound, or
        rows none of which lasted as the duration bound says."""
        settled, tables = self._searches(node, negated=True)
        if settled is not None:
            return settled
        closed = is_closed(node)
        none = [self._rows(node, search, (EXACTLY, 0)) for search in tables]
        options: list[dict[str, Any]] = []
        if closed:
            options.append(_all(none))
        else:
            recorded_no = [c for search in tables if (c := self._recorded_no(search)) is not None]
            if recorded_no:
                options.append(_all([*none, _any(recorded_no)]))
        if node.dose is not None:
            self.problems.node(node, "the dose bound is not read: only the concept's absence can be tested")
        elif node.count is not None:
            fails = _count_sets(node.count, closed)[1]
            if fails:
                options.append(_any([self._counted(node, search, fails, len(tables)) for search in tables]))
        if node.dose is None and node.duration is not None:
            some = _any([self._rows(node, search, (AT_LEAST, 1)) for search in tables])
            options.append(_all([some, *(self._lasting(node, search, EXACTLY) for search in tables)]))
        if not options:
            return self._never(node, "the absence of an observation is unknown without a recorded 'no': "
                                     "the rule never holds")
        return _any(options)

    def _searches(self, node: Concept, negated: bool) -> tuple[dict[str, Any] | None, list["_Search"]]:
        """What present and absent tests both start from: a demographic test, or a test that
        never holds when no table holds the concept (either settles it), else the tables."""
        demographic = self._demographic(node, negated)
        if demographic is not None:
            return demographic, []
        qualifier_problems(node, self.problems, "in Circe", handled=_HANDLED)
        tables = self._tables(node)
        if not tables:
            return self._never(node, f"no OMOP table holds a {node.domain.value} concept: the rule never holds"), []
        return None, tables

    def _demographic(self, node: Concept, negated: bool) -> dict[str, Any] | None:
        """Sex and age groups as Circe demographics; None for a concept of another domain."""
        if node.domain is not Domain.DEMOGRAPHIC:
            return None
        sex = sex_of(node)
        if sex is not None:
            wanted = [c for key, c in self.concepts.genders.items() if (key == sex) != negated]
            return {"DemographicCriteriaList": [{"Gender": [_concept_json(c) for c in wanted]}]}
        age = age_group_of(node)
        if age is not None:
            age = replace(age, comparator=age.comparator.negated()) if negated else age
            return {"DemographicCriteriaList": [self._age(age)]}
        return self._never(node, "a demographic concept other than sex or an age group has no Circe criterion")

    def _tables(self, node: Concept) -> list["_Search"]:
        """The tables the evaluator's record lists name, each with its concept set filters: the
        standard concepts (CodesetId) and the source concepts the vocabulary has. A set with no
        concept matches nothing and is left out (reported) unless nothing else is left."""
        found, empty = [], []
        for domain, keys, name in searches(node):
            table = TABLES[domain]
            resolved = self._lookup(keys)
            standard, source, other = self._excepted(node, table)
            filters = []
            if resolved.standard:
                filters.append({"CodesetId": self._codeset(("concept", keys, standard), name + (other if standard else ""),
                                                           resolved.standard, excluded=standard)})
            if resolved.source:
                filters.append({table.circe_source: self._codeset(
                    ("source", keys, source), f"{name}{other if source else ''} (source codes)", resolved.source,
                    standard=False, excluded=source)})
            if filters:
                found.append(_Search(table, tuple(filters)))
            else:
                empty.append((table, keys, name))
        where = "in the vocabulary" if self.vocabulary is not None else "known without a vocabulary"
        if found:
            for table, _, name in empty:
                self.problems.node(node, f"no OMOP concept {where} for {name!r} in {table.name}: that table is left out")
        elif empty:
            table, keys, name = empty[0]
            self.problems.node(node, f"empty concept set {name!r}: no OMOP concept {where}; it matches nothing")
            found.append(_Search(table, ({"CodesetId": self._codeset(("concept", keys, ()), name, ())},)))
        return list(dict.fromkeys(found))

    def _rows(self, node: Concept, search: "_Search", occurrence: tuple[int, int],
              nested: dict[str, Any] | None = None) -> dict[str, Any]:
        """``occurrence`` (type, count) rows of the concept in the node's window, an observation
        row counting unless it records the answer "no". A row is found by its standard or its
        source concept: "at least k" holds when it does for either filter, "at most k" (and
        "none") for both; exact when the rows one filter finds include the other's."""
        criteria = []
        for filter_ in search.filters:
            body: dict[str, Any] = dict(filter_)
            yes = self._answer("yes")
            if search.table is TABLES["Observation"] and yes:
                body["ValueAsConcept"] = [_concept_json(c) for c in (*yes, NO_MATCHING_CONCEPT)]
            if nested is not None:
                body["CorrelatedCriteria"] = self._nested(search.table, filter_, nested)
            criteria.append(self._criterion(search.table, body, self._event_window(node, search.table), occurrence))
        return _any(criteria) if occurrence[0] == AT_LEAST else _all(criteria)

    def _recorded_no(self, search: "_Search") -> dict[str, Any] | None:
        """An observation row of the concept recording the answer "no", at any time."""
        no = self._answer("no")
        if search.table is not TABLES["Observation"] or not no:
            return None
        return _any([self._criterion(search.table, {**f, "ValueAsConcept": [_concept_json(c) for c in no]},
                                     _windows(start=(None, None))) for f in search.filters])

    def _counted(self, node: Concept, search: "_Search", counts: list[tuple[int, int | None]],
                 tables: int) -> dict[str, Any]:
        """Rows in the window numbering one of ``counts`` (inclusive ranges, None: no upper end)."""
        if tables > 1:
            self.problems.node(node, "Circe counts the rows of each table apart; the evaluator counts them together")
        if len(search.filters) > 1:
            self.problems.node(node, "Circe counts the rows of the standard and of the source concept set apart: "
                                     "exact when one finds every row the other does")
        options = []
        for low, high in counts:
            if high is None:
                options.append(self._rows(node, search, (AT_LEAST, low)))
            else:
                options.append(_all([self._rows(node, search, (AT_LEAST, low)), self._rows(node, search, (AT_MOST, high))]))
        return _any(options)

    def _lasting(self, node: Concept, search: "_Search", kind: int) -> dict[str, Any] | None:
        """At least one (``kind`` AT_LEAST) or no (EXACTLY) row lasting as the duration bound
        says. A row of a table without end dates lasts 0 days: then every row lasts (plain rows)
        or none does (None: no such row; "none lasting" always holds)."""
        occurrence = (AT_LEAST, 1) if kind == AT_LEAST else (EXACTLY, 0)
        days = _duration_days(node.duration)
        if days is None:
            self.problems.node(node, f"duration unit {node.duration.unit!r} is not a time: no row lasts")
        elif search.table.name not in _INTERVALS:
            if any(low <= 0 and (high is None or high >= 0) for low, high in days):
                return self._rows(node, search, occurrence)
        elif days:
            return self._rows(node, search, occurrence, nested={"days": days})
        return None if kind == AT_LEAST else self._rows(node, search, (AT_LEAST, 0))

    def _nested(self, table: OmopTable, filter_: dict[str, int], nested: dict[str, Any]) -> dict[str, Any]:
        """Correlated criteria evaluated on the row itself (Circe's index becomes the row): a row
        of the same concept set starting on its start day, and that many days before its end
        (end - start in [low, high] <=> start - end in [-high, -low])."""
        options = []
        for low, high in nested["days"]:
            windows = {"StartWindow": {"Start": {"Days": 0, "Coeff": -1}, "End": {"Days": 0, "Coeff": 1},
                                       "UseIndexEnd": False, "UseEventEnd": False},
                       "EndWindow": {"Start": _bound(None if high is None else -high, -1), "End": _bound(-low, 1),
                                     "UseIndexEnd": True, "UseEventEnd": False}}
            options.append(self._criterion(table, dict(filter_), windows))
        return _all([_any(options)]) if len(options) > 1 else _all(options)

    # ---- shared pieces -------------------------------------------------------------------

    def _criterion(self, table: OmopTable, criteria: dict[str, Any], windows: dict[str, Any],
                   occurrence: tuple[int, int] = (AT_LEAST, 1)) -> dict[str, Any]:
        return {"Criteria": {table.circe: criteria}, **windows, "RestrictVisit": False,
                "IgnoreObservationPeriod": True, "Occurrence": {"Type": occurrence[0], "Count": occurrence[1]}}

    def _age(self, member: "Compare | _Range") -> dict[str, Any]:
        node = member.node if isinstance(member, _Range) else member
        if node.window is not None:
            self.problems.node(node, "a temporal window on age has no Circe form")
        if node.unit not in (None, "a"):
            self.problems.node(node, f"Circe ages are whole calendar years; an age in {node.unit!r} cannot be "
                                     "tested: the rule never holds")
            return dict(NEVER)
        return {"Age": _range(member)}

    def _days(self, node: Compare | Concept, window: Window) -> tuple[int | None, int | None] | None:
        """The window as days from the index date (low, high), or None when it has no days."""
        days = window_days(window)
        if days is None:
            self.problems.node(node, f"window unit {window.unit!r} cannot be counted in days; "
                                     "any time up to the index date is used")
            return None
        if window.anchor not in INDEX_ANCHORS:
            self.problems.node(node, f"Circe windows are relative to the index date, not to "
                                     f"{window.anchor.value}; {window_phrase(window)} is taken from the index date")
        near = window_days(replace(window, value=window.start)) or 0 if window.start is not None else 0
        if window.relation is Relation.BEFORE:
            return -days, -near
        if window.relation is Relation.AFTER:
            return near, days
        return -days, days

    def _point_window(self, node: Compare | Concept, window: Window | None, lookback: bool = False) -> dict[str, Any]:
        """A row dated inside the window (a value: inside the look-back), or up to the index date."""
        span = self._days(node, window) if window is not None else None
        if span is None:
            return _windows(start=(-lookback_days() if lookback and window is None else None, 0))
        return _windows(start=span)

    def _event_window(self, node: Concept, table: OmopTable) -> dict[str, Any]:
        """A row whose days [start, end] meet the window's days (the evaluator's overlap)."""
        if node.window is None or table.name not in _INTERVALS:
            return self._point_window(node, node.window)
        span = self._days(node, node.window)
        if span is None:
            return _windows(start=(None, 0))
        return _windows(start=(None, span[1]), end=(span[0], None))

    def _answer(self, answer: str) -> tuple[OmopConcept, ...]:
        return self._lookup(answers()[answer].keys).standard if self.vocabulary is not None else ()

    def _excepted(self, node: Concept, table: OmopTable) -> tuple[tuple[OmopConcept, ...], tuple[OmopConcept, ...], str]:
        """The standard and source concepts of the kinds ``node`` excepts that ``table``
        holds, left out of its concept sets as excluded items (record by record, as the
        evaluator sets them apart), and the words that name a set with them."""
        if not node.other_than:
            return (), (), ""
        found = [self._lookup(keys) for _, keys in excepted_searches(node, table)]
        standard = tuple(dict.fromkeys(c for r in found for c in r.standard))
        source = tuple(dict.fromkeys(c for r in found for c in r.source))
        return standard, source, f" other than {' or '.join(c.name for c in node.other_than)}"

    def _lookup(self, keys: MatchKeys) -> Resolved:
        from .sql import resolve_concepts

        if self.vocabulary is None:
            return Resolved(self.concepts.concepts(keys))
        if keys not in self._resolved:
            self._resolved.update(resolve_concepts(self.vocabulary, [keys]))
        return self._resolved[keys]

    def _codeset(self, key: tuple, name: str, concepts: tuple[OmopConcept, ...], standard: bool = True,
                 excluded: tuple[OmopConcept, ...] = ()) -> int:
        if key in self._codesets:
            return self._codesets[key]
        index = len(self.concept_sets)
        self._codesets[key] = index
        items = [{"concept": _concept_json(c, standard), "isExcluded": left_out,
                  "includeDescendants": standard and c.vocabulary != "LOINC", "includeMapped": False}
                 for group, left_out in ((concepts, False), (excluded, True)) for c in group]
        self.concept_sets.append({"id": index, "name": name, "expression": {"items": items}})
        return index


@dataclass(frozen=True)
class _Search:
    """One table a concept is looked up in, with its filters (standard or source concept set)."""

    table: OmopTable
    filters: tuple[dict[str, int], ...]

    def __hash__(self) -> int:
        return hash((self.table.name, tuple(tuple(f.items()) for f in self.filters)))


def _codesets_in(value: Any) -> Iterable[int]:
    """Every concept set id a piece of Circe JSON names (CodesetId and source concept filters)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in _CODESET_KEYS and isinstance(item, int):
                yield item
            else:
                yield from _codesets_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from _codesets_in(item)


def _atoms(node: Node | None) -> Iterable[Compare | Concept]:
    match node:
        case And(args) | Or(args) | AtLeast(_, args):
            for arg in args:
                yield from _atoms(arg)
        case Not(arg):
            yield from _atoms(arg)
        case Implies(if_, then):
            yield from _atoms(if_)
            yield from _atoms(then)
        case Compare() | Concept():
            yield node


def _count_sets(count: Limit, closed: bool) -> tuple[list[tuple[int, int | None]], list[tuple[int, int | None]]]:
    """The row counts n >= 1 at which a count bound is TRUE, and those at which it is FALSE
    (the evaluator's: short of "at least k" is open unless the record is complete), as
    inclusive ranges; beyond ceil(k) + 1 every comparator keeps its truth."""
    grows = count.comparator in (Comparator.GE, Comparator.GT)
    top = math.ceil(count.value) + 1
    truths = {}
    for n in range(1, top + 1):
        holds = count.comparator.holds(n, count.value)
        truths[n] = (holds and (grows or closed), not holds and (closed or not grows))
    return _ranges({n for n, (t, _) in truths.items() if t}, top), _ranges({n for n, (_, f) in truths.items() if f}, top)


def _ranges(counts: set[int], top: int) -> list[tuple[int, int | None]]:
    """Consecutive counts as (low, high) ranges; one reaching ``top`` has no upper end."""
    out: list[tuple[int, int | None]] = []
    for n in sorted(counts):
        if out and out[-1][1] == n - 1:
            out[-1] = (out[-1][0], n)
        else:
            out.append((n, n))
    return [(low, None if high == top else high) for low, high in out]


def _duration_days(duration: Limit) -> list[tuple[int, int | None]] | None:
    """The whole numbers of days (inclusive ranges) a row may last to meet a duration bound."""
    try:
        bound = float(f"{convert(duration.value, duration.unit or 'd', 'd'):.12g}")
    except UnitError:
        return None
    low, high = math.ceil(bound), math.floor(bound)
    match duration.comparator:
        case Comparator.GE:
            return [(low, None)]
        case Comparator.GT:
            return [(high + 1, None)]
        case Comparator.LE:
            return [(0, high)] if high >= 0 else []
        case Comparator.LT:
            return [(0, low - 1)] if low >= 1 else []
        case Comparator.EQ:
            return [(low, low)] if low == high else []
    return [r for r in ((0, low - 1), (high + 1, None)) if r[1] is None or r[1] >= r[0]] if low == high else [(0, None)]


def _windows(start: tuple[int | None, int | None], end: tuple[int | None, int | None] | None = None) -> dict[str, Any]:
    """StartWindow (and EndWindow) as days from the index date; None: no bound on that side."""
    out = {"StartWindow": {"Start": _bound(start[0], -1), "End": _bound(start[1], 1),
                           "UseIndexEnd": False, "UseEventEnd": False}}
    if end is not None:
        out["EndWindow"] = {"Start": _bound(end[0], -1), "End": _bound(end[1], 1),
                            "UseIndexEnd": False, "UseEventEnd": True}
    return out


def _bound(days: int | None, open_side: int) -> dict[str, int]:
    if days is None:
        return {"Coeff": open_side}
    return {"Days": abs(days), "Coeff": -1 if days < 0 else 1}


def _put(group: dict[str, Any], item: dict[str, Any]) -> None:
    """A criterion into the group's CriteriaList, a bare demographic test into its
    DemographicCriteriaList, a group into its Groups; an ALL in an ALL (an ANY in an ANY) and
    a group of one member are merged into the group."""
    if "Criteria" in item:
        group["CriteriaList"].append(item)
    elif "Type" not in item:
        group["DemographicCriteriaList"].extend(item["DemographicCriteriaList"])
    else:
        item = _complete(item)
        members = len(item["CriteriaList"]) + len(item["DemographicCriteriaList"]) + len(item["Groups"])
        if "Count" not in item and (item["Type"] == group["Type"] and "Count" not in group or members == 1):
            for key in ("CriteriaList", "DemographicCriteriaList", "Groups"):
                group[key].extend(item[key])
        else:
            group["Groups"].append(item)


def _any(items: list[dict[str, Any]]) -> dict[str, Any]:
    return items[0] if len(items) == 1 else _compound("ANY", items)


def _all(items: list[dict[str, Any]]) -> dict[str, Any]:
    return items[0] if len(items) == 1 and "Type" in items[0] else _compound("ALL", items)


def _compound(kind: str, items: list[dict[str, Any]]) -> dict[str, Any]:
    group = _group(kind)
    for item in items:
        _put(group, item)
    return group


def _complete(group: dict[str, Any]) -> dict[str, Any]:
    for key in ("CriteriaList", "DemographicCriteriaList", "Groups"):
        group.setdefault(key, [])
    return group


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


class _Range:
    """``x >= a`` and ``x <= b`` on the same variable, merged into Circe's inclusive ``bt``."""

    def __init__(self, low: Compare, high: Compare) -> None:
        self.node, self.high = low, high


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


def _range(member: "Compare | _Range", factor: float = 1.0) -> dict[str, Any]:
    """Circe's numeric range for a raw value that ``factor`` takes into the threshold's unit
    (12 significant digits, as the evaluator compares)."""
    def raw(value: float) -> float:
        return number(float(f"{value / factor:.12g}"))

    if isinstance(member, _Range):
        return {"Value": raw(member.node.value), "Op": BETWEEN, "Extent": raw(member.high.value)}
    return {"Value": raw(member.value), "Op": OPS[member.comparator]}


def _group(kind: str, count: int | None = None) -> dict[str, Any]:
    group: dict[str, Any] = {"Type": kind}
    if count is not None:
        group["Count"] = count
    group.update({"CriteriaList": [], "DemographicCriteriaList": [], "Groups": []})
    return group


def _concept_json(concept: OmopConcept, standard: bool = True) -> dict[str, Any]:
    return {
        "CONCEPT_ID": concept.concept_id,
        "CONCEPT_NAME": concept.name,
        "STANDARD_CONCEPT": "S" if standard else "N",
        "STANDARD_CONCEPT_CAPTION": "Standard" if standard else "Non-Standard",
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

    Every CodesetId (or source concept filter) names a concept set and every concept set is
    named by some criterion, in nested groups and correlated criteria too; every numeric range
    has a known ``Op`` (and an ``Extent`` for ``bt``), every group a known Type (with a Count for
    AT_LEAST/AT_MOST), every windowed criterion exactly one criteria type. Returns the problems
    found.
    """
    found: list[str] = []
    used: set[Any] = set()
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
            named = [body[k] for k in ("CodesetId", *(t.circe_source for t in TABLES.values())) if k in body]
            used.update(named)
            if not named or any(codeset not in ids for codeset in named):
                found.append(f"{where}.CriteriaList[{i}]: CodesetId {body.get('CodesetId')!r} names no concept set")
            if "CorrelatedCriteria" in body:
                group(f"{where}.CriteriaList[{i}].CorrelatedCriteria", body["CorrelatedCriteria"])
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
    found += [f"ConceptSets[{cs.get('id')}]: not used by any criterion"
              for cs in expression.get("ConceptSets", []) if cs.get("id") not in used]
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
