"""Test helpers for the export tests: trials, patients, and OMOP databases on DuckDB
(the vocabulary fixture and ETL of ``tests/omop/fixture.py``)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from typing import Any

from criteria_nlp.logic import (
    Anchor, Comparator, Compare, Concept, Criterion, Domain, Limit, Node, Reference, Relation,
    Section, Trial, Variable, Window,
)
from criteria_nlp.patients import Patient, load_patient, patient_from_json
from criteria_nlp.patients.plausible import known_variable
from criteria_nlp.patients.vocabulary import normalize, rules
from criteria_nlp.serialize import trial_from_json
from criteria_nlp.spans import Span

from ..conftest import CORPORA

GOLD = CORPORA / "NCT00846833" / "gold.json"
PATIENTS = CORPORA / "patients" / "NCT00846833"
S = Span(0, 1)


def gold_trial() -> Trial:
    return trial_from_json(json.loads(GOLD.read_text(encoding="utf-8")), source=str(GOLD))


def corpus_patients() -> list[Patient]:
    return [load_patient(p) for p in sorted(PATIENTS.glob("*.json"))]


# ---- hand-made trees ---------------------------------------------------------------------

def compare(name: str, code: str | None, comparator: str, value: float, unit: str | None = None,
            reference: Reference | None = None, window: Window | None = None) -> Compare:
    system = "http://loinc.org" if code else None
    return Compare(Variable(name, S, code, system), Comparator(comparator), value, S, unit, reference, window)


def concept(domain: str, name: str, window: Window | None = None, qualifiers: tuple[str, ...] = ()) -> Concept:
    return Concept(Domain(domain), name, S, window=window, qualifiers=qualifiers)


ANC = compare("absolute neutrophil count", "751-8", ">=", 1.5, "10*9/L")
AST_ULN = compare("aspartate aminotransferase", "1920-8", "<=", 2.5, reference=Reference.ULN)
HGB = compare("hemoglobin", "718-7", ">=", 9, "g/dL")
AGE_18 = compare("age", "30525-0", ">=", 18, "a")
CHEMO_30D = concept("drug", "chemotherapy", Window(30, "d", Relation.BEFORE, Anchor.ENROLLMENT))
HIV = concept("condition", "hiv infection")
CONSENT = concept("other", "informed consent")
FEMALE = concept("demographic", "female")
ATOMS = (ANC, AST_ULN, HGB, AGE_18, CHEMO_30D, HIV, CONSENT, FEMALE)


def one_criterion_trial(logic: Node | None, section: Section = Section.INCLUSION, *,
                        text: str = "hand-made criterion", unparsed: tuple = ()) -> Trial:
    criterion = Criterion("c-1", section, Span(0, len(text)), text, logic, unparsed)
    return Trial("HAND-1", text, (criterion,))


def trial_of(*criteria: tuple[Section, Node]) -> Trial:
    text = "x" * 10
    built = tuple(Criterion(f"{'inc' if s is Section.INCLUSION else 'exc'}-{i + 1}", s, Span(0, 1), "x", n)
                  for i, (s, n) in enumerate(criteria))
    return Trial("HAND-2", text, built)


# ---- patients written for the Kleene tests -----------------------------------------------

AS_OF = "2026-01-15"


def native(pid: str, **facts: Any) -> Patient:
    record = {"id": pid, "birth_date": facts.pop("birth_date", "1970-02-01"), "sex": facts.pop("sex", "male"),
              "as_of": AS_OF, "observations": [], "conditions": [], "medications": [], "procedures": [],
              "allergies": []}
    for key, value in facts.items():
        record[key] = value
    return patient_from_json(record, source=pid)


def lab(code: str, name: str, value: float, unit: str | None, date: str = "2026-01-10",
        high: float | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"code": code, "name": name, "value": value, "date": date}
    if unit:
        out["unit"] = unit
    if high is not None:
        out["reference_range"] = {"low": 0, "high": high}
    return out


KLEENE_PATIENTS = [
    native("k1", observations=[lab("751-8", "absolute neutrophil count", 2.0, "10*9/L"),
                               lab("1920-8", "aspartate aminotransferase", 30, "U/L", high=40),
                               lab("718-7", "hemoglobin", 120, "g/L"),
                               {"name": "informed consent", "value": True, "date": "2026-01-12"}]),
    native("k2", sex="female", birth_date="2010-05-01",
           observations=[lab("751-8", "absolute neutrophil count", 1200, "/uL"),
                         lab("1920-8", "aspartate aminotransferase", 150, "U/L", high=40)],
           medications=[{"name": "temozolomide", "start": "2026-01-01", "end": "2026-01-05", "status": "completed"}]),
    native("k3", observations=[lab("1920-8", "aspartate aminotransferase", 30, "U/L"),      # no reference range
                               lab("718-7", "hemoglobin", 5.0, "mmol/L")],
           conditions=[{"name": "HIV infection", "onset": "2015-03-01", "status": "active"}]),
    native("k4", sex="female", observations=[lab("751-8", "absolute neutrophil count", 1.5, "10*9/L", date="2025-09-01")],
           medications=[{"name": "dacarbazine", "start": "2025-11-01", "end": "2025-11-20", "status": "completed"}]),
    native("k5", birth_date="2008-01-15",
           observations=[lab("751-8", "absolute neutrophil count", 1.4999, "10*9/L"),
                         lab("718-7", "hemoglobin", 9, "g/dL")],
           medications=[{"name": "dacarbazine", "start": "2025-12-16", "end": "2025-12-16", "status": "completed"}],
           allergies=[{"name": "cyclophosphamide"}]),
    native("k6", birth_date="2009-01-16"),
]


# ---- counts, durations, doses, near edges, age groups, other anchors ----------------------

def limited(domain: str, name: str, *, count=None, duration=None, dose=None, window=None) -> Concept:
    """A concept with (comparator, value[, unit]) bounds on its count, duration or dose."""
    def limit(bound):
        return None if bound is None else Limit(Comparator(bound[0]), bound[1], bound[2] if len(bound) > 2 else None)

    return replace(concept(domain, name, window), count=limit(count), duration=limit(duration), dose=limit(dose))


def _chemo(start: str, end: str) -> dict[str, Any]:
    return {"name": "dacarbazine", "start": start, "end": end, "status": "completed"}


_CONSENT = {"name": "informed consent", "value": True, "date": "2025-12-01"}
LIMITED_PATIENTS = (
    native("two-courses", medications=[_chemo("2025-06-01", "2025-06-10"), _chemo("2025-12-20", "2026-01-05")]),
    native("long-course", medications=[_chemo("2025-01-01", "2025-10-01")]),
    native("hiv-ongoing", conditions=[{"name": "HIV infection", "onset": "2015-03-01", "status": "active"}]),
    native("hiv-recent", conditions=[{"name": "HIV infection", "onset": "2025-12-01", "status": "resolved"}]),
    native("nothing"),
    native("consent-twice", observations=[_CONSENT, {**_CONSENT, "date": "2026-01-02"}]),
    native("consent-once", observations=[_CONSENT], birth_date="2010-06-01"),
    native("dacarbazine-and-cisplatin", medications=[_chemo("2025-06-01", "2025-06-10"),
                                                     {**_chemo("2025-12-20", "2026-01-05"), "name": "cisplatin"}]),
)
LIMITED_NODES = {
    "count>=2": limited("drug", "chemotherapy", count=(">=", 2)),
    "count<=1": limited("drug", "chemotherapy", count=("<=", 1)),
    "count==1": limited("drug", "chemotherapy", count=("==", 1)),
    "count>1-open": limited("other", "informed consent", count=(">", 1)),
    "count<2-open": limited("other", "informed consent", count=("<", 2)),
    "lasted>=60d": limited("drug", "chemotherapy", duration=(">=", 60, "d")),
    "lasted<2wk": limited("drug", "chemotherapy", duration=("<", 2, "wk")),
    "count>=1-and-lasted>=8mo": limited("drug", "chemotherapy", count=(">=", 1), duration=(">=", 8, "mo")),
    "hiv-lasted>=1a": limited("condition", "hiv infection", duration=(">=", 1, "a")),
    "dose": limited("drug", "chemotherapy", dose=(">", 100, "mg")),
    "near-edge": limited("drug", "chemotherapy", window=Window(30, "d", Relation.BEFORE, Anchor.ENROLLMENT, start=10)),
    "surgery-anchor": limited("drug", "chemotherapy", window=Window(3, "mo", Relation.BEFORE, Anchor.SURGERY)),
    "adult": limited("demographic", "adult"),
    # kinds set apart record by record: dacarbazine alone is no other chemotherapy, with
    # cisplatin beside it there is one
    "other-than": replace(concept("drug", "chemotherapy"), other_than=(concept("drug", "dacarbazine"),)),
    "other-than-in-window": replace(concept("drug", "chemotherapy", Window(30, "d", Relation.BEFORE, Anchor.ENROLLMENT)),
                                    other_than=(concept("drug", "dacarbazine"), concept("drug", "carboplatin"))),
}


# ---- OMOP ----------------------------------------------------------------------------------

def omop_database(patients: list[Patient], layout: str = "standard"):
    """An in-memory DuckDB with the CDM and vocabulary tables (tests/omop/fixture.py) and the
    patients' rows as an ETL writes them; person_id = list index + 1."""
    from ..omop.fixture import database

    return database(patients, layout)


# ---- complete patients for any trial -------------------------------------------------------

def atoms_of(node: Node | None):
    """Every compare and concept under ``node``, in tree order."""
    if isinstance(node, (Compare, Concept)):
        yield node
    for child in (getattr(node, "args", None) or ()):
        yield from atoms_of(child)
    for name in ("arg", "if_", "then"):
        if getattr(node, name, None) is not None:
            yield from atoms_of(getattr(node, name))


_FACTORS = (0.5, 0.9, 1.0, 1.1, 2.0)
_LIST = {Domain.CONDITION: "conditions", Domain.DRUG: "medications", Domain.PROCEDURE: "procedures",
         Domain.DEVICE: "procedures", Domain.OBSERVATION: "observations", Domain.OTHER: "observations"}


def _plausible(value: float, atom: Compare) -> float:
    """Keep a shifted value inside the variable's plausible range (ECOG never goes below 0),
    since records beyond it are rejected before evaluation."""
    entry = known_variable(atom.variable.code, atom.variable.name)
    if entry is None or (atom.unit or None) != (entry.unit or None):
        return value
    low = entry.low if entry.low is not None else value
    high = entry.high if entry.high is not None else value
    return min(max(value, low), high)


def _months_before(day: dt.date, months: int) -> dt.date:
    total = day.year * 12 + day.month - 1 - months
    return dt.date(total // 12, total % 12 + 1, min(day.day, 28))


def complete_patients(trial: Trial, count: int, seed: int) -> list[Patient]:
    return [patient_from_json(r, source=r["id"]) for r in complete_records(trial, count, seed)]


def complete_records(trial: Trial, count: int, seed: int) -> list[dict[str, Any]]:
    """Native records with a fact for every atom of ``trial``, values around its thresholds.

    Written from the trial's atoms only (not from any export): each variable gets one
    observation near one of its thresholds (ULN/LLN multiples with a reference range); each
    concept is recorded inside its window, long before it, or absent (an observation-domain
    concept absent is recorded as false, since observations are never closed-world); the
    birth date puts the age at, just under or just over an age threshold.
    """
    import random

    as_of = dt.date.fromisoformat(AS_OF)
    atoms = [a for c in trial.criteria for a in atoms_of(c.logic)]
    ages = [a for a in atoms if isinstance(a, Compare) and normalize(a.variable.name) in rules().age_names]
    labs: dict[tuple[str | None, str], list[Compare]] = {}
    for atom in atoms:
        if isinstance(atom, Compare) and atom not in ages:
            labs.setdefault((atom.variable.code, normalize(atom.variable.name)), []).append(atom)
    concepts = list(dict.fromkeys(a for a in atoms if isinstance(a, Concept) and a.domain is not Domain.DEMOGRAPHIC))
    concepts += [kind for a in concepts for kind in a.other_than]  # records of the kinds excepted, too
    rng = random.Random(seed)
    out = []
    for n in range(count):
        record: dict[str, Any] = {"id": f"{trial.id}-{n}", "as_of": AS_OF, "sex": rng.choice(["female", "male"]),
                                  "birth_date": "1970-02-01", "observations": [], "conditions": [],
                                  "medications": [], "procedures": [], "allergies": []}
        if ages:
            age = rng.choice(ages)
            target = max(int(age.value) + rng.choice([-1, 0, 0, 1]), 1)
            born = _months_before(as_of, target * 12 if (age.unit or "a") == "a" else target)
            record["birth_date"] = (born + dt.timedelta(days=rng.choice([-1, 0, 1]))).isoformat()
        for thresholds in labs.values():
            atom = rng.choice(thresholds)
            shift = rng.choice(_FACTORS)
            obs: dict[str, Any] = {"name": atom.variable.name, "date": (as_of - dt.timedelta(days=3)).isoformat()}
            if atom.variable.code:
                obs["code"] = atom.variable.code
            if atom.window is not None:
                obs["date"] = AS_OF
            if atom.reference is not None:
                limit = 40.0
                obs["reference_range"] = {"low": limit, "high": limit}
                obs["value"] = round(atom.value * limit * shift, 4)
            else:
                value = round(atom.value * shift, 4) if atom.value and rng.random() < 0.6 \
                    else atom.value + rng.choice([-1, 0, 1])
                obs["value"] = _plausible(value, atom)
                if atom.unit:
                    obs["unit"] = atom.unit
            record["observations"].append(obs)
        for atom in concepts:
            where = _LIST[atom.domain]
            state = rng.choice(["inside", "long ago", "absent"])
            if state == "absent":
                if where == "observations":
                    record["observations"].append({"name": atom.name, "value": False, "date": AS_OF})
                continue
            long_ago = max(as_of - dt.timedelta(days=5000), dt.date.fromisoformat(record["birth_date"]))
            day = AS_OF if state == "inside" else long_ago.isoformat()
            if where == "conditions":
                record[where].append({"name": atom.name, "onset": day, "status": "resolved" if state != "inside" else "active"})
            elif where == "medications":
                record[where].append({"name": atom.name, "start": day, "end": day, "status": "completed"})
            elif where == "procedures":
                record[where].append({"name": atom.name, "date": day, "status": "completed"})
            else:
                record[where].append({"name": atom.name, "value": True, "date": day})
        out.append(record)
    return out


# ---- native records as FHIR R4 Bundles ---------------------------------------------------------

NAMES = "urn:criteria-nlp:test:names"      # a test code system: a fact's normalised name is its code
_VERIFICATION = frozenset({"refuted", "entered-in-error"})


def _concept(name: str | None, code: str | None = None, system: str | None = None) -> dict[str, Any]:
    coding = [{"system": system, "code": code}] if code and system else []
    if name:
        coding.append({"system": NAMES, "code": normalize(name)})
    return {"coding": coding, "text": name} if name else {"coding": coding}


def _status(system: str, code: str) -> dict[str, Any]:
    return {"coding": [{"system": f"http://terminology.hl7.org/CodeSystem/{system}", "code": code}]}


def _ucum(value: float, unit: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {"value": value}
    if unit:
        out.update(unit=unit, system="http://unitsofmeasure.org", code=unit)
    return out


def fhir_bundle(record: dict[str, Any]) -> dict[str, Any]:
    """The record as the FHIR R4 Bundle a site would send: each fact coded by its normalised
    name in ``NAMES`` (and LOINC when it has a code), statuses where FHIR keeps them."""
    pid = record["id"]
    subject = {"reference": f"Patient/{pid}"}
    resources: list[dict[str, Any]] = [{"resourceType": "Patient", "id": pid, "birthDate": record["birth_date"],
                                        "gender": record["sex"]}]
    for n, obs in enumerate(record["observations"]):
        out = {"resourceType": "Observation", "id": f"{pid}-o{n}", "status": obs.get("status", "final"),
               "code": _concept(obs.get("name"), obs.get("code"), "http://loinc.org"), "subject": subject,
               "effectiveDateTime": obs["date"]}
        value = obs.get("value")
        if isinstance(value, bool):
            out["valueBoolean"] = value
        elif obs.get("unit") or not float(value).is_integer():
            out["valueQuantity"] = _ucum(value, obs.get("unit"))
        else:
            out["valueInteger"] = int(value)
        if obs.get("reference_range"):
            limits = obs["reference_range"]
            out["referenceRange"] = [{k: _ucum(limits[k], obs.get("unit")) for k in ("low", "high") if k in limits}]
        resources.append(out)
    for n, cond in enumerate(record["conditions"]):
        out = {"resourceType": "Condition", "id": f"{pid}-c{n}", "code": _concept(cond["name"]), "subject": subject,
               "onsetDateTime": cond["onset"]}
        status = cond.get("status")
        if status in _VERIFICATION:
            out["verificationStatus"] = _status("condition-ver-status", status)
        elif status:
            out["clinicalStatus"] = _status("condition-clinical", status)
        resources.append(out)
    for n, med in enumerate(record["medications"]):
        resources.append({"resourceType": "MedicationStatement", "id": f"{pid}-m{n}", "status": med["status"],
                          "medicationCodeableConcept": _concept(med["name"]), "subject": subject,
                          "effectivePeriod": {"start": med["start"], "end": med["end"]}})
    for n, proc in enumerate(record["procedures"]):
        resources.append({"resourceType": "Procedure", "id": f"{pid}-p{n}", "status": proc["status"],
                          "code": _concept(proc["name"]), "subject": subject, "performedDateTime": proc["date"]})
    for n, allergy in enumerate(record["allergies"]):
        out = {"resourceType": "AllergyIntolerance", "id": f"{pid}-a{n}", "code": _concept(allergy["name"]),
               "patient": subject}
        if allergy.get("status") in _VERIFICATION:
            out["verificationStatus"] = _status("allergyintolerance-verification", allergy["status"])
        else:
            out["clinicalStatus"] = _status("allergyintolerance-clinical", allergy.get("status", "active"))
        resources.append(out)
    return {"resourceType": "Bundle", "id": f"bundle-{pid}", "type": "collection", "timestamp": f"{record['as_of']}T09:00:00Z",
            "entry": [{"fullUrl": f"urn:uuid:{r['resourceType']}-{r['id']}", "resource": r} for r in resources]}
