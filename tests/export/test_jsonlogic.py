"""JSON Logic rules run by an independent engine (panzi-json-logic) agree with the evaluator
(criteria_nlp.evaluate) on complete patients: every variable of the export is known."""

from __future__ import annotations

import json
import random

import pytest
from json_logic import jsonLogic

from criteria_nlp.evaluate import Evaluator, Options, Truth, Verdict
from criteria_nlp.export.jsonlogic import atom_keys, export_jsonlogic
from criteria_nlp.logic import Concept, Fragment, Section
from criteria_nlp.patients import Patient, patient_from_json
from criteria_nlp.patients.plausible import known_variable
from criteria_nlp.spans import Span

from .helpers import ANC, AST_ULN, CHEMO_30D, PATIENTS, corpus_patients, gold_trial, one_criterion_trial, trial_of

CLOSED = Options(closed_world=True)


def flat_variables(trial, patient: Patient) -> dict | None:
    """The export's variable map filled from the evaluator's evidence; None if any is unknown."""
    keys = atom_keys(trial)
    evaluator = Evaluator(patient, CLOSED)
    data: dict = {}
    for atom in keys:                     # every atom, also those a short-circuit would skip
        found: list = []
        evaluator.node(atom, found)
        for evidence in found:
            if evidence.truth is Truth.UNKNOWN:
                return None
            key, limit = keys[evidence.node]
            if isinstance(evidence.node, Concept):
                data[key] = patient.sex if key == "sex" else evidence.truth is Truth.TRUE
            else:
                data[key] = evidence.value
                if limit:
                    data[limit] = evidence.reference_limit
    return data


def _variants(count: int) -> list[Patient]:
    """Complete patients around the thresholds: p01 with labs, ages and facts perturbed."""
    base = json.loads((PATIENTS / "p01.json").read_text(encoding="utf-8"))
    base["observations"].append({"code": "2164-2", "name": "creatinine clearance", "value": 70,
                                 "unit": "mL/min/{1.73_m2}", "date": "2026-01-10"})
    rng = random.Random(20260115)
    out = []
    for n in range(count):
        record = json.loads(json.dumps(base))
        record["id"] = f"v{n}"
        for obs in record["observations"]:
            if isinstance(obs.get("value"), bool):
                obs["value"] = rng.random() < 0.85
            elif isinstance(obs.get("value"), (int, float)):
                value = round(obs["value"] * rng.choice([0.3, 0.6, 0.95, 1, 1.05, 1.6, 2.6, 3.5]), 3)
                known = known_variable(obs.get("code"), obs.get("name"))  # records must be plausible
                obs["value"] = min(value, known.high) if known and known.high is not None else value
        record["birth_date"] = rng.choice(["1950-01-14", "1950-01-16", "1970-02-01", "2008-01-15", "2008-01-16"])
        if rng.random() < 0.2:
            record["medications"].append({"name": "temozolomide", "start": "2026-01-02", "end": "2026-01-06",
                                          "status": "completed"})
        if rng.random() < 0.1:
            record["conditions"].append({"name": "HIV infection", "onset": "2010-01-01", "status": "active"})
        if rng.random() < 0.1:
            record["conditions"] = [c for c in record["conditions"] if c["name"] != "measurable disease"]
        out.append(patient_from_json(record, source=record["id"]))
    return out


@pytest.fixture(scope="module")
def document():
    return json.loads(export_jsonlogic(gold_trial()).content)


def test_reference_trial_agrees_with_the_evaluator_on_complete_patients(document):
    trial = gold_trial()
    checked = eligible = 0
    for patient in corpus_patients() + _variants(150):
        data = flat_variables(trial, patient)
        if data is None:
            continue
        assert set(data) == set(document["variables"]), patient.id
        verdict = Evaluator(patient, CLOSED).trial(trial).verdict
        assert verdict is not Verdict.UNDETERMINED
        assert bool(jsonLogic(document["rule"], data)) is (verdict is Verdict.ELIGIBLE), patient.id
        for criterion in trial.criteria:
            truth = Evaluator(patient, CLOSED).criterion(criterion).truth
            assert bool(jsonLogic(document["criteria"][criterion.id], data)) is (truth is Truth.TRUE)
        checked += 1
        eligible += verdict is Verdict.ELIGIBLE
    assert checked >= 100 and 0 < eligible < checked


def test_shapes_of_thresholds_and_uln(document):
    rules = json.dumps(document["criteria"])
    assert '{">=": [{"var": "lab:751-8"}, 1.5]}' in rules
    assert '{"<=": [{"var": "lab:1920-8"}, {"*": [2.5, {"var": "lab:1920-8:uln"}]}]}' in rules
    assert document["variables"]["lab:751-8"]["unit"] == "10*9/L"
    assert all("." not in key for key in document["variables"])   # var reads '.' as a path


def test_constructs_not_and_at_least_and_review_variables():
    from criteria_nlp.logic import AtLeast, Implies, Not
    tree = AtLeast(2, (ANC, Not(AST_ULN, Span(0, 1)), Implies(CHEMO_30D, ANC, Span(0, 1))), Span(0, 1))
    doc = json.loads(export_jsonlogic(trial_of((Section.INCLUSION, tree))).content)
    data = {"lab:751-8": 2.0, "lab:1920-8": 100, "lab:1920-8:uln": 40, "drug:chemotherapy:30d-before-enrollment": True}
    assert jsonLogic(doc["rule"], data) is True             # ANC met, AST > 2.5 ULN (so not), chemo -> ANC met
    data["lab:751-8"] = 1.0
    assert jsonLogic(doc["rule"], data) is False
    unparsed = one_criterion_trial(ANC, unparsed=(Fragment(Span(0, 4), "hand"),))
    result = export_jsonlogic(unparsed)
    doc = json.loads(result.content)
    assert "unparsed:c-1" in doc["variables"]
    assert any(u.node_type == "criterion" and "unparsed:c-1" in u.reason for u in result.unsupported)
