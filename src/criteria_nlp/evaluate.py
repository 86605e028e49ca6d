"""Check a patient against logic trees: three-valued (Kleene) evaluation with evidence.

Semantics are design.md section 3 and docs/evaluation.md: a missing fact, a missing reference
range or an unparsed fragment is UNKNOWN, never FALSE. ``and``/``or``/``atleast``/``implies``
decide as soon as the arguments seen so far decide under Kleene logic and never read an
UNKNOWN as FALSE (the json-logic-py mistake). An ``Evaluator`` indexes one patient's facts
once, so checking many criteria or trials against that patient costs dictionary lookups.
Which record entries answer a criterion is ``patients/vocabulary.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any, Callable

from .logic import (
    And, Anchor, AtLeast, Comparator, Compare, Concept, Criterion, Domain, Fragment, Implies, Limit, Node,
    Not, Or, Reference, Relation, Section, Trial, Unparsed, Variable, Window, fragments, loose_fragments,
)
from .patients.record import Patient, ReferenceRange
from .patients.vocabulary import LISTS, Entry, Rules, concept_query, normalize, rules, variable_keys
from .serialize import significant
from .terminology import Code, is_under, system_of_uri
from .units import UnitError, analyte, conversion, is_unitless, scale_conversion

class Truth(str, Enum):
    TRUE = "true"
    FALSE = "false"
    UNKNOWN = "unknown"

    def __invert__(self) -> Truth:
        return _NOT[self]


_NOT = {Truth.TRUE: Truth.FALSE, Truth.FALSE: Truth.TRUE, Truth.UNKNOWN: Truth.UNKNOWN}


class Verdict(str, Enum):
    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    UNDETERMINED = "undetermined"


# ---- results -------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Fact:
    """One patient fact an atom used: ``kind``/``index`` point into the record, values as recorded."""

    kind: str
    index: int | None
    name: str | None
    code: str | None = None
    value: float | bool | str | None = None
    unit: str | None = None
    date: dt.date | None = None
    end: dt.date | None = None
    reference_range: ReferenceRange | None = None
    status: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why one atom came out as it did; ``value`` and ``threshold`` are in ``unit``."""

    node: Compare | Concept
    truth: Truth
    reason: str
    facts: tuple[Fact, ...] = ()
    value: float | None = None
    threshold: float | None = None
    unit: str | None = None
    reference_limit: float | None = None


@dataclass(frozen=True, slots=True)
class CriterionResult:
    criterion: Criterion
    truth: Truth
    evidence: tuple[Evidence, ...]
    unparsed: tuple[Fragment, ...] = ()


@dataclass(frozen=True, slots=True)
class TrialResult:
    """``deciding``: the criteria that make the patient ineligible, or keep the verdict open."""

    trial_id: str
    patient_id: str
    as_of: dt.date
    verdict: Verdict
    deciding: tuple[str, ...]
    criteria: tuple[CriterionResult, ...]
    patient_source: str | None = None


@dataclass(frozen=True, slots=True)
class SiteRange:
    """A site's default reference range, used when an observation carries none."""

    low: float | None
    high: float | None
    unit: str | None


@dataclass(frozen=True, slots=True)
class Options:
    """``closed_world``: an absent condition, drug, procedure or allergy is FALSE, not UNKNOWN.

    ``anchors`` dates an anchor other than the record's ``as_of`` (e.g. the first dose);
    ``reference_ranges`` maps LOINC codes or variable names to a site's default range.
    """

    closed_world: bool = False
    lookback_days: int | None = None
    anchors: Mapping[Anchor, dt.date] = field(default_factory=dict)
    reference_ranges: Mapping[str, SiteRange] = field(default_factory=dict)


# ---- the patient index ---------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Item:
    kind: str
    index: int
    record: Any
    start: dt.date | None
    end: dt.date | None


class _Index:
    """The patient's facts by list, keyed by normalised name and by code; built once."""

    def __init__(self, patient: Patient, rule: Rules) -> None:
        self.by_key: dict[str, dict[str, list[_Item]]] = {}
        self.coded: dict[str, list[_Item]] = {}
        for kind in LISTS:
            keyed: dict[str, list[_Item]] = {}
            for index, record in enumerate(getattr(patient, kind)):
                if record.status in rule.void_statuses:
                    continue
                start, end = _interval(kind, record, patient.as_of, rule)
                item = _Item(kind, index, record, start, end)
                for key in {normalize(record.name) if record.name else None, record.code} - {None}:
                    keyed.setdefault(key, []).append(item)
                if record.code:
                    self.coded.setdefault(kind, []).append(item)
            self.by_key[kind] = keyed

    def find(self, kind: str, entry: Entry) -> list[_Item]:
        keyed = self.by_key[kind]
        found: dict[int, _Item] = {}
        for key in (*entry.codes, *entry.names):
            for item in keyed.get(key, ()):
                found[item.index] = item
        for item in self.coded.get(kind, ()) if entry.under else ():
            if item.index not in found and _is_under(item.record, entry.under):
                found[item.index] = item
        return [found[i] for i in sorted(found)]


def _is_under(record: Any, codes: frozenset[Code]) -> bool:
    """A record code under one of the concept's codes (ICD-10-CM C43.9 under C43). A record
    naming a system we do not know is never read as one we do."""
    uri = getattr(record, "system", None)
    system = system_of_uri(uri)
    if uri is not None and system is None:
        return False
    return any(is_under(record.code, system, code) for code in codes)


def _interval(kind: str, record: Any, as_of: dt.date, rule: Rules) -> tuple[dt.date | None, dt.date | None]:
    """When a fact held: a lab on its day, an ongoing condition or drug until ``as_of``."""
    ongoing = record.status is None or record.status in rule.ongoing_statuses
    if kind == "conditions":
        return record.onset, as_of if ongoing else record.onset
    if kind == "medications":
        return record.start, record.end or (as_of if ongoing else record.start)
    if kind == "allergies":
        return None, as_of  # a standing state, of unknown start
    return record.date, record.date


def _fact(item: _Item) -> Fact:
    record = item.record
    if item.kind == "observations":
        return Fact(item.kind, item.index, record.name, record.code, record.value, record.unit, record.date,
                    reference_range=record.reference_range, status=record.status)
    if item.kind == "medications":
        return Fact(item.kind, item.index, record.name, record.code, date=record.start, end=record.end,
                    status=record.status)
    date = getattr(record, "onset", None) or getattr(record, "date", None)
    return Fact(item.kind, item.index, record.name, record.code, date=date, status=record.status)


# ---- evaluation ----------------------------------------------------------------------------

class Evaluator:
    """One patient, indexed once, checked against any number of criteria or trials."""

    def __init__(self, patient: Patient, options: Options | None = None) -> None:
        self.patient = patient
        self.options = options or Options()
        self._rules = rules()
        self._index = _Index(patient, self._rules)
        lookback = self.options.lookback_days
        self._lookback = self._rules.lookback_days if lookback is None else lookback
        self._dispatch: dict[type, Callable[[Any, list[Evidence]], Truth]] = {
            And: self._and, Or: self._or, Not: self._not, AtLeast: self._atleast,
            Implies: self._implies, Compare: self._compare, Concept: self._concept,
            Unparsed: self._unparsed,
        }

    # -- trees

    def node(self, node: Node, evidence: list[Evidence]) -> Truth:
        """The truth of ``node``; each atom read appends its Evidence."""
        return self._dispatch[type(node)](node, evidence)

    def _and(self, node: And, evidence: list[Evidence]) -> Truth:
        result = Truth.TRUE
        for arg in node.args:
            truth = self.node(arg, evidence)
            if truth is Truth.FALSE:
                return Truth.FALSE
            if truth is Truth.UNKNOWN:
                result = Truth.UNKNOWN
        return result

    def _or(self, node: Or, evidence: list[Evidence]) -> Truth:
        result = Truth.FALSE
        for arg in node.args:
            truth = self.node(arg, evidence)
            if truth is Truth.TRUE:
                return Truth.TRUE
            if truth is Truth.UNKNOWN:
                result = Truth.UNKNOWN
        return result

    def _unparsed(self, node: Unparsed, evidence: list[Evidence]) -> Truth:
        return Truth.UNKNOWN

    def _not(self, node: Not, evidence: list[Evidence]) -> Truth:
        return ~self.node(node.arg, evidence)

    def _atleast(self, node: AtLeast, evidence: list[Evidence]) -> Truth:
        true = unknown = 0
        left = len(node.args)
        if node.k <= 0:
            return Truth.TRUE
        if left < node.k:
            return Truth.FALSE
        for arg in node.args:
            truth = self.node(arg, evidence)
            left -= 1
            if truth is Truth.TRUE:
                true += 1
                if true >= node.k:
                    return Truth.TRUE
            elif truth is Truth.UNKNOWN:
                unknown += 1
            if true + unknown + left < node.k:
                return Truth.FALSE
        return Truth.UNKNOWN

    def _implies(self, node: Implies, evidence: list[Evidence]) -> Truth:
        condition = self.node(node.if_, evidence)
        if condition is Truth.FALSE:
            return Truth.TRUE
        then = self.node(node.then, evidence)
        if then is Truth.TRUE or condition is Truth.TRUE:
            return then
        return Truth.UNKNOWN

    # -- atoms

    def _anchor(self, anchor: Anchor) -> dt.date:
        return self.options.anchors.get(anchor, self.patient.as_of)

    def _window(self, window: Window) -> tuple[dt.date, dt.date]:
        anchor = self._anchor(window.anchor)
        to_days = conversion(window.unit, "d")
        far = int(to_days(window.value))
        near = int(to_days(window.start)) if window.start is not None else 0
        if window.relation is Relation.BEFORE:
            return _shift(anchor, -far), _shift(anchor, -near)
        if window.relation is Relation.AFTER:
            return _shift(anchor, near), _shift(anchor, far)
        return _shift(anchor, -far), _shift(anchor, far)

    def _compare(self, node: Compare, evidence: list[Evidence]) -> Truth:
        try:
            if node.variable.code in self._rules.age_codes or normalize(node.variable.name) in self._rules.age_names:
                result = self._age(node)
            else:
                result = self._observation(node)
        except UnitError as err:
            result = Evidence(node, Truth.UNKNOWN, err.message)
        evidence.append(result)
        return result.truth

    def _age(self, node: Compare) -> Evidence:
        birth, on = self.patient.birth_date, self.patient.as_of
        if birth is None:
            return Evidence(node, Truth.UNKNOWN, "no birth date in the record")
        unit = node.unit or "a"
        months = (on.year - birth.year) * 12 + on.month - birth.month - (on.day < birth.day)
        if unit == "a":  # completed years, as ages are stated
            age = float(months // 12)
        elif unit == "mo":
            age = float(months)
        else:
            age = conversion("d", unit)((on - birth).days)
        fact = Fact("birth_date", None, "birth date", value=birth.isoformat(), date=birth)
        return self._decide(node, age, node.value, unit, (fact,), f"age {age:g} {unit} on {on}")

    def _observation(self, node: Compare) -> Evidence:
        entry = variable_keys(node.variable.name, node.variable.code)
        as_of = self.patient.as_of
        start, end = self._window(node.window) if node.window else (_shift(as_of, -self._lookback), as_of)
        latest: _Item | None = None
        for item in self._index.find("observations", entry):
            value = item.record.value
            if (item.start is not None and start <= item.start <= end and isinstance(value, (int, float))
                    and not isinstance(value, bool) and (latest is None or item.start >= latest.start)):
                latest = item
        if latest is None:
            return Evidence(node, Truth.UNKNOWN, f"no {node.variable.name} value dated {start} to {end}")
        obs = latest.record
        fact = _fact(latest)
        seen = f"{obs.value:g}{' ' + obs.unit if obs.unit else ''} on {obs.date}"
        if node.reference is not None:
            limits = obs.reference_range or self._site_range(node, obs)
            limit = None if limits is None else (limits.high if node.reference is Reference.ULN else limits.low)
            if limit is None:
                return Evidence(node, Truth.UNKNOWN, f"{seen}: no reference {node.reference.value}", (fact,))
            return self._decide(node, obs.value, node.value * limit, obs.unit, (fact,),
                                f"{seen}, {node.reference.value} {limit:g}", limit)
        if node.unit is None or obs.unit is None:
            if not (is_unitless(node.unit) and is_unitless(obs.unit)):
                return Evidence(node, Truth.UNKNOWN,
                                f"{seen}: cannot compare with a threshold in {node.unit or 'no unit'}", (fact,))
            return self._decide(node, obs.value, node.value, node.unit or obs.unit, (fact,), seen)
        scale = scale_conversion(normalize(node.variable.name), obs.unit, node.unit)
        convert = scale or conversion(obs.unit, node.unit, _molar_mass(node, obs))
        value = convert(obs.value)
        return self._decide(node, value, node.value, node.unit, (fact,), seen)

    def _site_range(self, node: Compare, obs: Any) -> ReferenceRange | None:
        """The site default range (options.reference_ranges) in the observation's unit."""
        table = self.options.reference_ranges
        site = table.get(node.variable.code or "") or table.get(normalize(node.variable.name))
        if site is None:
            return None
        if site.unit == obs.unit or site.unit is None or obs.unit is None:
            return ReferenceRange(site.low, site.high)
        convert = conversion(site.unit, obs.unit, _molar_mass(node, obs))
        return ReferenceRange(None if site.low is None else convert(site.low),
                              None if site.high is None else convert(site.high))

    def _decide(self, node: Compare, value: float, threshold: float, unit: str | None,
                facts: tuple[Fact, ...], seen: str, limit: float | None = None) -> Evidence:
        value, threshold = significant(value), significant(threshold)
        holds = node.comparator.holds(value, threshold)
        shown = f"{value:g} {(node.comparator if holds else node.comparator.negated()).value} {threshold:g}"
        reason = f"{seen}: {shown}{' ' + unit if unit else ''}"
        return Evidence(node, Truth.TRUE if holds else Truth.FALSE, reason, facts, value, threshold, unit, limit)

    def _concept(self, node: Concept, evidence: list[Evidence]) -> Truth:
        try:
            result = self._match(node)
        except UnitError as err:
            result = Evidence(node, Truth.UNKNOWN, err.message)
        evidence.append(result)
        return result.truth

    def _match(self, node: Concept) -> Evidence:
        excepted = self._excepted(node) if node.other_than else []
        found = self._found(node, {(item.kind, item.index) for item in excepted})
        if not excepted:
            return found
        return replace(found, reason=f"{found.reason}; not counted, as kinds it excepts: {_names(excepted)}")

    def _excepted(self, node: Concept) -> list[_Item]:
        """The facts of the concept that are of a kind it excepts ("other than basal cell
        carcinoma"): each is set apart record by record."""
        keys = {(item.kind, item.index) for other in node.other_than for item in self._items(other)}
        return [item for item in self._items(node) if (item.kind, item.index) in keys]

    def _items(self, node: Concept) -> list[_Item]:
        query = concept_query(node.domain, node.name, node.code, node.system)
        items = [item for kind in query.lists for item in self._index.find(kind, query.match)]
        if query.allergy is not None:
            items += self._index.find("allergies", query.allergy)
        return items

    def _found(self, node: Concept, apart: set[tuple[str, int]]) -> Evidence:
        if node.domain is Domain.DEMOGRAPHIC:
            group = self._rules.age_groups.get(normalize(node.name))
            if group is not None:  # "adults": an age bound in words
                age = self._age(Compare(Variable("age", node.span), group.comparator, group.value, node.span, group.unit))
                return replace(age, node=node)
            return self._sex(node)
        if self._rules.future_qualifiers.intersection(node.qualifiers):
            # "planning to become pregnant", "scheduled for surgery": a record of the event
            # says it happened, not that it is planned, and its absence says nothing either
            return Evidence(node, Truth.UNKNOWN, "planned: a record holds what happened, not what is to come")
        query = concept_query(node.domain, node.name, node.code, node.system)
        items = [item for item in self._items(node) if (item.kind, item.index) not in apart]
        window = self._window(node.window) if node.window else None
        present, undated, outside, negative = [], [], [], []
        for item in items:
            if item.record.status in self._rules.negating_statuses or (item.kind == "observations"
                                                                        and item.record.value is False):
                negative.append(item)
            elif window is None:
                present.append(item)
            else:
                (present, undated, outside)[_overlap(item, window)].append(item)
        lists = set(query.lists) | ({"allergies"} if query.allergy else set())
        where = f" {_describe(window)}" if window else ""
        judged = self._rules.judged(node.qualifiers)
        if present and judged is not None:
            return Evidence(node, Truth.UNKNOWN, f"{_names(present)}{where}, but whether it counts is left to judgement ({judged})",
                            tuple(map(_fact, present)))
        if present and (node.count or node.duration or node.dose):
            return self._limited(node, present, where, self.options.closed_world and lists <= self._rules.closed_world_lists)
        if present:
            return Evidence(node, Truth.TRUE, f"{_names(present)}{where}", tuple(map(_fact, present)))
        if undated:
            return Evidence(node, Truth.UNKNOWN, f"{_names(undated)}, not known whether{where}",
                            tuple(map(_fact, undated)))
        if negative:
            return Evidence(node, Truth.FALSE, f"{_names(negative)}: recorded as not so", tuple(map(_fact, negative)))
        closed = self.options.closed_world and bool(lists) and lists <= self._rules.closed_world_lists
        if outside:
            truth = Truth.FALSE if closed else Truth.UNKNOWN
            return Evidence(node, truth, f"{_names(outside)}, but not{where}", tuple(map(_fact, outside)))
        if closed:
            return Evidence(node, Truth.FALSE, f"no record in {', '.join(sorted(lists))} (closed world)")
        return Evidence(node, Truth.UNKNOWN, f"no record in {', '.join(sorted(lists)) or 'the patient record'}")

    def _limited(self, node: Concept, present: list[_Item], where: str, closed: bool) -> Evidence:
        """Matching facts were found; the concept also bounds how often, how long or how
        much. A record may miss occurrences, so a count short of "at least k" is open unless
        the record is complete (closed world); a duration needs dated facts; no record
        carries doses."""
        facts = tuple(map(_fact, present))
        names = f"{_names(present)}{where}"
        if node.dose is not None:
            return Evidence(node, Truth.UNKNOWN, f"{names}: the record carries no doses", facts)
        truth = Truth.TRUE
        if node.count is not None:
            n = len(present)
            if node.count.comparator.holds(n, node.count.value):
                counted = Truth.TRUE if node.count.comparator in (Comparator.GE, Comparator.GT) or closed else Truth.UNKNOWN
            else:
                counted = Truth.FALSE if closed or node.count.comparator in (Comparator.LE, Comparator.LT, Comparator.EQ) else Truth.UNKNOWN
            truth = counted
            names += f", {n} recorded"
        if node.duration is not None and truth is not Truth.FALSE:
            lasted = self._lasted(node.duration, present)
            truth = lasted if truth is Truth.TRUE or lasted is Truth.FALSE else Truth.UNKNOWN
        return Evidence(node, truth, names, facts)

    def _lasted(self, duration: Limit, present: list[_Item]) -> Truth:
        """Whether some fact lasted as long as the bound says: from its start to its end, or
        to ``as_of`` while it goes on."""
        result = Truth.FALSE
        to_unit = conversion("d", duration.unit or "d")
        for item in present:
            if item.start is None:
                result = Truth.UNKNOWN
                continue
            end = item.end or self.patient.as_of
            if duration.comparator.holds(significant(to_unit((end - item.start).days)), duration.value):
                return Truth.TRUE
        return result

    def _sex(self, node: Concept) -> Evidence:
        wanted = {self._rules.sexes[word] for word in normalize(node.name).split() if word in self._rules.sexes}
        fact = (Fact("sex", None, "sex", value=self.patient.sex),)
        if len(wanted) != 1:
            return Evidence(node, Truth.UNKNOWN, f"no rule reads {node.name!r} from the record")
        if self.patient.sex not in self._rules.sexes.values():
            return Evidence(node, Truth.UNKNOWN, f"sex is {self.patient.sex or 'not recorded'}", fact)
        truth = Truth.TRUE if self.patient.sex in wanted else Truth.FALSE
        return Evidence(node, truth, f"sex is {self.patient.sex}", fact)

    # -- criteria and trials

    def criterion(self, criterion: Criterion) -> CriterionResult:
        """An unparsed fragment is one more UNKNOWN conjunct: it can keep a criterion open,
        never make it hold."""
        evidence: list[Evidence] = []
        truth = self.node(criterion.logic, evidence) if criterion.logic is not None else Truth.UNKNOWN
        if loose_fragments(criterion) and truth is Truth.TRUE:
            truth = Truth.UNKNOWN
        return CriterionResult(criterion, truth, tuple(evidence), fragments(criterion))

    def trial(self, trial: Trial) -> TrialResult:
        results = tuple(self.criterion(c) for c in trial.criteria)
        blocking = tuple(r.criterion.id for r in results if r.truth is _BLOCKS[r.criterion.section])
        open_ = tuple(r.criterion.id for r in results if r.truth is Truth.UNKNOWN)
        if blocking:
            verdict, deciding = Verdict.INELIGIBLE, blocking
        elif open_ or not results:
            verdict, deciding = Verdict.UNDETERMINED, open_
        else:
            verdict, deciding = Verdict.ELIGIBLE, ()
        return TrialResult(trial.id, self.patient.id, self.patient.as_of, verdict, deciding, results,
                           self.patient.source)


_BLOCKS = {Section.INCLUSION: Truth.FALSE, Section.EXCLUSION: Truth.TRUE}
_PRESENT, _UNDATED, _OUTSIDE = 0, 1, 2


def _shift(day: dt.date, days: int) -> dt.date:
    """``day`` moved by ``days``, saturating at the calendar's ends: a window of 10,000
    years, or a record dated 0001-01-01, reaches the first or last day a date can hold."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def _overlap(item: _Item, window: tuple[dt.date, dt.date]) -> int:
    """Whether a fact's time overlaps the window: present, not known, or outside."""
    start, end = item.start, item.end
    low, high = window
    if start is None and end is None:
        return _UNDATED
    if start is None:
        return _PRESENT if low <= end <= high else (_OUTSIDE if end < low else _UNDATED)
    return _PRESENT if start <= high and (end or start) >= low else _OUTSIDE


def _molar_mass(node: Compare, obs: Any) -> float | None:
    found = analyte(node.variable.code, normalize(node.variable.name)) or analyte(obs.code, obs.name)
    return found.molar_mass if found else None


def _names(items: list[_Item]) -> str:
    """``dacarbazine (medications[0], 2025-06-01 to 2025-09-30)``, for a reason line."""
    out = []
    for item in items:
        when = "" if item.start is None else f", {item.start}" + (f" to {item.end}" if item.end and item.end != item.start else "")
        out.append(f"{item.record.name or item.record.code} ({item.kind}[{item.index}]{when})")
    return "; ".join(out)


def _describe(window: tuple[dt.date, dt.date]) -> str:
    return f"between {window[0]} and {window[1]}"


def evaluate(trial: Trial, patient: Patient, options: Options | None = None) -> TrialResult:
    return Evaluator(patient, options).trial(trial)
