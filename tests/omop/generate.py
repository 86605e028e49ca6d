"""Synthetic patients for a trial's logic (seeded), about half of them eligible.

Every atom of the trial gets the truth that would help a patient in (its polarity), and a
patient is built to give each atom that truth, or, for patients meant to fail, the opposite
truth for a few atoms. Facts are chosen per variable, per concept and for the age together,
so that atoms on the same thing do not contradict each other: one value per variable (in
the threshold's unit or another unit the vocabulary knows, dated inside the look-back or the
window), one set of facts per concept (none, one or several, inside or outside the windows,
lasting long or not, a recorded "no" for an observation), one birth date. Each candidate is
scored with the evaluator itself on a record holding only it. The evaluator (closed world)
then says which patients are eligible, and patients are kept until both halves are full:
nothing is read from the exporters.

Two Circe limitations (docs/export.md) are avoided, not hidden: a birthday later in the year
than the assessment day is never drawn for an age next to an age bound (Circe's age is a
difference of calendar years), and a condition read through a window or a duration bound is
recorded as resolved (Circe ends a condition without an end date the day after its start).
tests/omop/test_circe.py shows both differences on purpose-made patients.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from criteria_nlp.evaluate import Evaluator, Options, Truth, Verdict
from criteria_nlp.export.base import age_group_of, is_age
from criteria_nlp.export.concepts import concept_map
from criteria_nlp.logic import (
    And, Anchor, AtLeast, Compare, Concept, Domain, Implies, Node, Not, Or, Reference, Relation, Trial,
)
from criteria_nlp.patients import Patient, patient_from_json
from criteria_nlp.patients.vocabulary import concept_query, normalize, rules
from criteria_nlp.terminology import concept_codes, systems
from criteria_nlp.units import UnitError, convert

AS_OF = dt.date(2026, 1, 15)
ICD = "http://hl7.org/fhir/sid/icd-10-cm"
OPTIONS = Options(closed_world=True, anchors={Anchor.FIRST_DOSE: AS_OF})
NOISE = (0.05, 0.15, 0.3)          # how often a patient meant to fail gets an atom wrong


def atoms(node: Node | None, want: bool = True) -> list[tuple[Compare | Concept, bool]]:
    """Each atom with the truth that would help a patient in (its polarity)."""
    match node:
        case And(args) | Or(args) | AtLeast(_, args):
            return [a for arg in args for a in atoms(arg, want)]
        case Not(arg):
            return atoms(arg, not want)
        case Implies(if_, then):
            return atoms(if_, not want) + atoms(then, want)
        case Compare() | Concept():
            return [(node, want)]
    return []


@dataclass
class _Plan:
    """The trial's atoms grouped by what one set of facts answers."""

    ages: list[tuple[Compare, bool]] = field(default_factory=list)
    sexes: list[tuple[Concept, bool]] = field(default_factory=list)
    variables: dict[str, list[tuple[Compare, bool]]] = field(default_factory=dict)
    concepts: dict[tuple[Domain, str], list[tuple[Concept, bool]]] = field(default_factory=dict)


def _plan(trial: Trial) -> _Plan:
    plan = _Plan()
    for criterion in trial.criteria:
        for atom, want in atoms(criterion.logic, criterion.section.value == "inclusion"):
            if isinstance(atom, Compare) and is_age(atom):
                plan.ages.append((atom, want))
            elif isinstance(atom, Compare):
                plan.variables.setdefault(atom.variable.code or normalize(atom.variable.name), []).append((atom, want))
            elif atom.domain is Domain.DEMOGRAPHIC:
                age = age_group_of(atom)
                (plan.ages if age is not None else plan.sexes).append((age or atom, want))
            else:
                plan.concepts.setdefault((atom.domain, normalize(atom.name)), []).append((atom, want))
    return plan


def patients_for(trial: Trial, count: int, seed: int = 0) -> list[Patient]:
    """``count`` patients, half of them eligible when the trial allows it (closed world)."""
    rng = random.Random(f"{trial.id}:{seed}")
    plan = _plan(trial)
    eligible: list[Patient] = []
    other: list[Patient] = []
    for attempt in range(count * 12):
        if len(eligible) >= count // 2 and len(other) >= count - count // 2:
            break
        aim = len(eligible) < count // 2 and (attempt % 2 == 0 or len(other) >= count - count // 2)
        patient = _patient(rng, f"{trial.id}-{attempt + 1:04d}", plan, 0.0 if aim else rng.choice(NOISE))
        verdict = Evaluator(patient, OPTIONS).trial(trial).verdict
        bucket, room = (eligible, count // 2) if verdict is Verdict.ELIGIBLE else (other, count - count // 2)
        if len(bucket) < room:
            bucket.append(patient)
    chosen = eligible + other
    rng.shuffle(chosen)
    return chosen


def _patient(rng: random.Random, pid: str, plan: _Plan, noise: float) -> Patient:
    def flip(group: list) -> list:
        return [(atom, want if rng.random() >= noise else not want) for atom, want in group]

    record: dict[str, Any] = {"id": pid, "as_of": AS_OF.isoformat(), "observations": [], "conditions": [],
                              "medications": [], "procedures": [], "allergies": []}
    record["birth_date"] = _birth_date(rng, flip(plan.ages))
    record["sex"] = _best(rng, ["female", "male"], flip(plan.sexes), lambda sex: {"sex": sex})
    for group in plan.variables.values():
        record["observations"].append(_best(rng, _values(rng, group), flip(group),
                                            lambda obs: {"observations": [obs]}))
    for group in plan.concepts.values():
        facts = _best(rng, _fact_sets(rng, group), flip(group), lambda facts: facts)
        for kind, entries in facts.items():
            record[kind].extend(entries)
    return patient_from_json(record, source=pid)


def _best(rng: random.Random, candidates: list, group: list[tuple[Node, bool]], facts: Callable[[Any], dict]) -> Any:
    """The candidate that gives the most atoms of ``group`` their wanted truth (ties at random),
    each judged by the evaluator on a record holding only that candidate."""
    def score(candidate: Any) -> int:
        evaluator = Evaluator(_bare(facts(candidate)), OPTIONS)
        return sum((evaluator.node(atom, []) is Truth.TRUE) == want for atom, want in group)

    scored = [(score(c), rng.random(), i) for i, c in enumerate(candidates)]
    return candidates[max(scored)[2]]


def _bare(facts: dict[str, Any]) -> Patient:
    record = {"id": "candidate", "as_of": AS_OF.isoformat(), "birth_date": "1970-01-01", "sex": "female",
              "observations": [], "conditions": [], "medications": [], "procedures": [], "allergies": []}
    record.update(facts)
    return patient_from_json(record, source="candidate")


# ---- age -------------------------------------------------------------------------------------

def _birth_date(rng: random.Random, ages: list[tuple[Compare, bool]]) -> str:
    """A birth date whose completed age gives the age atoms their truths. Next to a bound in
    years, the birthday falls in January up to the assessment day, so that the completed age
    equals the difference of calendar years (what Circe reads)."""
    candidates = [rng.randint(20 * 12, 80 * 12) for _ in range(3)]
    for atom, _ in ages:
        months = atom.value if atom.unit == "mo" else atom.value * 12
        candidates += [max(0, int(months) + shift) for shift in (-12, -1, 0, 1, 12)]
    months = _best(rng, candidates, ages, lambda m: {"birth_date": _born(m, 1).isoformat()})
    near_bound = any(abs(months / 12 - atom.value) <= 1.5 for atom, _ in ages if atom.unit != "mo")
    if near_bound:
        months -= months % 12                       # born in the assessment month: calendar age = age
    return _born(months, rng.randint(1, AS_OF.day)).isoformat()


def _born(months: int, day: int) -> dt.date:
    """The birth date ``months`` completed months before the assessment date (day <= its day)."""
    total = AS_OF.year * 12 + AS_OF.month - 1 - months
    return dt.date(total // 12, total % 12 + 1, min(day, AS_OF.day))


# ---- thresholds ------------------------------------------------------------------------------

def _values(rng: random.Random, group: list[tuple[Compare, bool]]) -> list[dict[str, Any]]:
    """Candidate observations of one variable: on both sides of each threshold and at it, in
    the threshold's unit or (away from the threshold) another unit the vocabulary knows."""
    low, high = _dates(group)
    out = []
    for atom, _ in group:
        for scale in (0.5, 0.9, 1.0, 1.1, 2.0):
            value = round((atom.value or 1) * scale, 4)
            if atom.value and float(atom.value).is_integer() and scale in (0.9, 1.1):
                value = atom.value + (-1 if scale < 1 else 1)        # whole-number scales (ECOG 0-1)
            entry: dict[str, Any] = {"name": atom.variable.name, "value": value, "date": _between(rng, low, high)}
            if atom.variable.code:
                entry["code"] = atom.variable.code
            if atom.reference is Reference.ULN:
                entry["value"], entry["reference_range"] = round(40 * value, 4), {"low": 0, "high": 40}
            elif atom.reference is Reference.LLN:
                entry["value"], entry["reference_range"] = round(40 * value, 4), {"low": 40, "high": 400}
            elif atom.unit:
                entry["unit"] = atom.unit
                if scale != 1.0 and rng.random() < 0.4:
                    entry = _in_other_unit(rng, entry, atom)
            out.append(entry)
    return out


def _in_other_unit(rng: random.Random, entry: dict[str, Any], atom: Compare) -> dict[str, Any]:
    from criteria_nlp.export.concepts import molar_mass

    others = [u.ucum for u, _ in concept_map().conversions(atom.unit or "", molar_mass(atom)) if u.ucum != atom.unit]
    if not others:
        return entry
    unit = rng.choice(sorted(others))
    try:
        value = convert(entry["value"], atom.unit, unit, molar_mass(atom))
    except UnitError:
        return entry
    if not 0.1 <= abs(value) < 1e6:       # units nobody reports this analyte in
        return entry
    return {**entry, "value": float(f"{value:.6g}"), "unit": unit}


def _dates(group: list[tuple[Compare, bool]]) -> tuple[dt.date, dt.date]:
    """Days every atom of the group reads: the look-back, or the intersection of the windows."""
    lookback = dt.timedelta(days=rules().lookback_days - 1)
    low, high = AS_OF - lookback, AS_OF
    for atom, _ in group:
        if atom.window is not None:
            w_low, w_high = _window(atom)
            if max(low, w_low) <= min(high, w_high):
                low, high = max(low, w_low), min(high, w_high)
    return low, high


def _window(node: Compare | Concept) -> tuple[dt.date, dt.date]:
    """The evaluator's days of a window, with every anchor on the assessment date."""
    window = node.window
    far = dt.timedelta(days=int(convert(window.value, window.unit, "d")))
    near = dt.timedelta(days=int(convert(window.start, window.unit, "d"))) if window.start is not None else dt.timedelta(0)
    if window.relation is Relation.BEFORE:
        return AS_OF - far, AS_OF - near
    if window.relation is Relation.AFTER:
        return AS_OF + near, AS_OF + far
    return AS_OF - far, AS_OF + far


def _between(rng: random.Random, low: dt.date, high: dt.date) -> str:
    return (low + dt.timedelta(days=rng.randint(0, max(0, (high - low).days)))).isoformat()


# ---- concepts --------------------------------------------------------------------------------

def _fact_sets(rng: random.Random, group: list[tuple[Concept, bool]]) -> list[dict[str, list]]:
    """Candidate facts for one concept: none; one, two or three facts dated recently, a month
    or more ago, or years ago, short or long; a recorded "no" where the concept is an
    observation."""
    node = group[0][0]
    query = concept_query(node.domain, node.name, node.code, node.system)
    if node.domain in (Domain.OBSERVATION, Domain.OTHER) and "observations" in query.lists:
        lists = ["observations"]
    else:
        lists = [name for name in query.lists if name != "observations"] or list(query.lists)
    if not lists and query.allergy is None:
        return [{}]
    timed = any(atom.window is not None or atom.duration is not None for atom, _ in group)
    ages = [3, 20, 45, 120, 400, 2000]
    ages += [(AS_OF - low).days + 1 for atom, _ in group if atom.window is not None for low, _ in [_window(atom)]]
    out: list[dict[str, list]] = [{}]
    for n in (1, 1, 1, 2, 3):
        facts: dict[str, list] = {}
        for _ in range(n):
            where = rng.choice(lists) if lists else "allergies"
            entry = _named(rng, node, query, where)
            start = AS_OF - dt.timedelta(days=rng.choice(ages))
            lasting = dt.timedelta(days=rng.choice([0, 0, 10, 60, 400]))
            if where == "observations":
                entry.update(value=True, date=start.isoformat())
            elif where == "conditions":
                ongoing = not timed and rng.random() < 0.5
                entry.update(onset=start.isoformat(), status="active" if ongoing else "resolved")
            elif where == "medications":
                entry.update(start=start.isoformat(), end=min(AS_OF, start + lasting).isoformat(), status="completed")
            elif where == "procedures":
                entry.update(date=start.isoformat())
            facts.setdefault(where, []).append(entry)
        if query.allergy is not None and rng.random() < 0.3:
            facts.setdefault("allergies", []).append({"name": rng.choice(sorted(query.allergy.spellings))})
        out.append(facts)
    if "observations" in query.lists:
        entry = _named(rng, node, query, "observations")
        out.append({"observations": [{**entry, "value": False, "date": (AS_OF - dt.timedelta(days=5)).isoformat()}]})
    return out


def _named(rng: random.Random, node: Concept, query: Any, where: str) -> dict[str, Any]:
    """A name the concept answers to (its name, a synonym or a narrower term), or for a
    condition sometimes its ICD-10-CM code or a code under it."""
    entry: dict[str, Any] = {"name": rng.choice(sorted(query.match.spellings))}
    icd = [c.code for c in concept_codes(node.domain, node.name, node.code, node.system)
           if c.system == "ICD10CM" and systems()[c.system].shape.fullmatch(c.code)]
    if where == "conditions" and icd and rng.random() < 0.5:
        entry = {"code": rng.choice(sorted(icd)), "system": ICD}
        if rng.random() < 0.5 and "." not in entry["code"] and _icd_exists(entry["code"] + ".9"):
            entry["code"] += ".9"
    return entry


def _icd_exists(code: str) -> bool:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import simple_icd_10_cm as cm
    return cm.is_valid_item(code)
