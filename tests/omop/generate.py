"""Synthetic patients for a trial's logic, drawn at random from its atoms (seeded).

Each patient gets, for every threshold of the trial, one value near the threshold (below, at
or above it, in the threshold's unit, dated inside the look-back; a ULN multiple gets its
reference range), a birth date for the ages, a sex, and each condition, drug or procedure
of the trial present (inside or outside its window, named by the concept's name, a synonym
or a narrower term, or coded with its ICD-10-CM code or one under it) or absent; an
observation ("informed consent") is recorded yes, no or not at all. Nothing is read from the
exporters: the patients are checked by the evaluator and by the exported queries alike.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from criteria_nlp.logic import And, AtLeast, Compare, Concept, Domain, Implies, Node, Not, Or, Reference, Trial
from criteria_nlp.patients import Patient, patient_from_json
from criteria_nlp.patients.vocabulary import concept_query, rules
from criteria_nlp.terminology import concept_codes, systems

AS_OF = dt.date(2026, 1, 15)
ICD = "http://hl7.org/fhir/sid/icd-10-cm"


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


def _day(rng: random.Random, back: int, forward: int = 0) -> str:
    return (AS_OF + dt.timedelta(days=rng.randint(-back, forward))).isoformat()


def patients_for(trial: Trial, count: int, seed: int = 0) -> list[Patient]:
    rng = random.Random(f"{trial.id}:{seed}")
    found = [a for c in trial.criteria for a in atoms(c.logic, c.section.value == "inclusion")]
    return [_patient(rng, f"{trial.id}-{n:03d}", found) for n in range(1, count + 1)]


def _patient(rng: random.Random, pid: str, found: list[Compare | Concept]) -> Patient:
    lookback = rules().lookback_days
    record: dict[str, Any] = {"id": pid, "as_of": AS_OF.isoformat(), "sex": rng.choice(["female", "male"]),
                              "birth_date": f"{rng.randint(1950, 2003) if rng.random() < 0.9 else rng.randint(1930, 2020)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                              "observations": [], "conditions": [], "medications": [], "procedures": [], "allergies": []}
    noise = rng.choice([0.0, 0.0, 0.02, 0.05, 0.2])       # how far this patient strays from eligible
    for atom, want in found:
        if rng.random() < noise:
            want = not want                               # some patients fail some criteria
        if isinstance(atom, Compare):
            if atom.variable.code == "30525-0" or atom.variable.name == "age":
                continue
            if rng.random() < noise:
                continue                                  # not measured: unknown
            scale = rng.choice([0.5, 0.9]) if atom.comparator.holds(0.5, 1) == want else rng.choice([1.1, 2.0])
            if atom.comparator.holds(1, 1) == want and rng.random() < 0.2:
                scale = 1.0                               # exactly at the threshold
            value = round((atom.value or 1) * scale, 4)
            entry: dict[str, Any] = {"name": atom.variable.name, "value": value, "date": _day(rng, lookback - 1)}
            if atom.variable.code:
                entry["code"] = atom.variable.code
            if atom.reference is Reference.ULN:
                entry["value"], entry["reference_range"] = round(40 * value, 4), {"low": 0, "high": 40}
            elif atom.reference is Reference.LLN:
                entry["value"], entry["reference_range"] = round(40 * value, 4), {"low": 40, "high": 400}
            elif atom.unit:
                entry["unit"] = atom.unit
            record["observations"].append(entry)
        elif atom.domain is not Domain.DEMOGRAPHIC:
            _concept(rng, record, atom, want)
    return patient_from_json(record, source=pid)


def _concept(rng: random.Random, record: dict[str, Any], node: Concept, want: bool) -> None:
    query = concept_query(node.domain, node.name, node.code, node.system)
    lists = [name for name in query.lists if name != "observations"] or list(query.lists)
    if not lists or (not want and rng.random() < 0.7):
        return
    where = rng.choice(lists)
    date = _day(rng, 25) if want or rng.random() < 0.5 else _day(rng, 400)
    names = sorted(query.match.spellings)
    entry: dict[str, Any] = {"name": rng.choice(names)}
    icd = [c.code for c in concept_codes(node.domain, node.name, node.code, node.system)
           if c.system == "ICD10CM" and systems()[c.system].shape.fullmatch(c.code)]
    if where == "conditions" and icd and rng.random() < 0.5:
        entry = {"code": rng.choice(icd), "system": ICD}
        if rng.random() < 0.5 and "." not in entry["code"]:
            entry["code"] += ".9" if _icd_exists(entry["code"] + ".9") else ""
    if where == "observations":
        record["observations"].append({**entry, "value": want or rng.random() < 0.3, "date": date})
    elif where == "conditions":
        record["conditions"].append({**entry, "onset": date, "status": rng.choice(["active", "resolved"])})
    elif where == "medications":
        record["medications"].append({**entry, "start": date, "end": date, "status": "completed"})
    else:
        record["procedures"].append({**entry, "date": date})


def _icd_exists(code: str) -> bool:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import simple_icd_10_cm as cm
    return cm.is_valid_item(code)
