"""Test helpers for the export tests: trials, patients, and OMOP databases on DuckDB
(the vocabulary fixture and ETL of ``tests/omop/fixture.py``)."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from criteria_nlp.logic import (
    Anchor, Comparator, Compare, Concept, Criterion, Domain, Limit, Node, Reference, Relation,
    Section, Trial, Variable, Window,
)
from criteria_nlp.patients import Patient, load_patient, patient_from_json
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
}


# ---- OMOP ----------------------------------------------------------------------------------

def omop_database(patients: list[Patient], layout: str = "standard"):
    """An in-memory DuckDB with the CDM and vocabulary tables (tests/omop/fixture.py) and the
    patients' rows as an ETL writes them; person_id = list index + 1."""
    from ..omop.fixture import database

    return database(patients, layout)
