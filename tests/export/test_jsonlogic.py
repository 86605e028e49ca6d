"""JSON Logic rules run by json-logic-js, the reference engine (under Node, ``tests/js``),
agree with the evaluator (criteria_nlp.evaluate) on complete patients; every key is
path-safe, because json-logic-js reads '.' in a ``var`` key as a path into nested objects."""

from __future__ import annotations

import json
import random
from dataclasses import replace

import pytest
from hypothesis import given, settings, strategies as st

from criteria_nlp.evaluate import Evaluator, Options, Truth, Verdict
from criteria_nlp.export.jsonlogic import KEY, atom_keys, export_jsonlogic
from criteria_nlp.logic import (
    Anchor, AtLeast, Concept, Fragment, Implies, Not, Relation, Section, Window,
)
from criteria_nlp.patients import Patient, patient_from_json
from criteria_nlp.patients.plausible import known_variable
from criteria_nlp.serialize import trial_from_json
from criteria_nlp.spans import Span

from ..conftest import CORPORA
from ..js_engines import run_node
from .helpers import (
    ANC, AST_ULN, CHEMO_30D, PATIENTS, atoms_of, compare, complete_patients, concept, corpus_patients,
    gold_trial, lab, native, one_criterion_trial, trial_of,
)

CLOSED = Options(closed_world=True)
GOLD_TRIALS = sorted((CORPORA / "gold").glob("*/gold.json"))


def json_logic(cases: list[tuple[object, dict]]) -> list:
    """Apply each (rule, data) with json-logic-js, in one Node process."""
    return run_node("jsonlogic.mjs", cases)


def known_variables(trial, patient: Patient) -> dict:
    """The export's variable map filled from the evaluator's evidence, for the atoms it decides."""
    keys = atom_keys(trial)
    evaluator = Evaluator(patient, CLOSED)
    data: dict = {}
    for atom in keys:                     # every atom, also those a short-circuit would skip
        found: list = []
        evaluator.node(atom, found)
        for evidence in found:
            if evidence.truth is Truth.UNKNOWN:
                continue
            key, limit = keys[evidence.node]
            if isinstance(evidence.node, Concept):
                data[key] = patient.sex if key == "sex" else evidence.truth is Truth.TRUE
            else:
                data[key] = evidence.value
                if limit:
                    data[limit] = evidence.reference_limit
    return data


def agreement(trial, patients: list[Patient]) -> tuple[int, int, int, int]:
    """Compare json-logic-js with the evaluator wherever the record decides every atom read.

    Returns (criterion checks, criteria met, trial checks, eligible); asserts every check agrees.
    """
    document = json.loads(export_jsonlogic(trial).content)
    keys = atom_keys(trial)
    cases, expected, labels = [], [], []
    eligible = 0
    for patient in patients:
        data = known_variables(trial, patient)
        complete = True
        for criterion in trial.criteria:
            needed = {k for atom in atoms_of(criterion.logic) for k in keys[atom] if k}
            if not needed <= set(data):
                complete = False
                continue
            truth = Evaluator(patient, CLOSED).criterion(criterion).truth
            assert truth is not Truth.UNKNOWN
            cases.append((document["criteria"][criterion.id], data))
            expected.append(truth is Truth.TRUE)
            labels.append(f"{patient.id} {criterion.id}")
        if complete:
            assert set(data) == set(document["variables"]), patient.id
            verdict = Evaluator(patient, CLOSED).trial(trial).verdict
            assert verdict is not Verdict.UNDETERMINED
            cases.append((document["rule"], data))
            expected.append(verdict is Verdict.ELIGIBLE)
            labels.append(f"{patient.id} trial")
            eligible += verdict is Verdict.ELIGIBLE
    results = json_logic(cases)
    wrong = [label for label, want, got in zip(labels, expected, results) if bool(got) is not want]
    assert not wrong, wrong[:10]
    trials = sum(label.endswith(" trial") for label in labels)
    met = sum(want for label, want in zip(labels, expected) if not label.endswith(" trial"))
    return len(labels) - trials, met, trials, eligible


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


def test_reference_trial_agrees_with_the_evaluator_on_its_patients():
    """The synthetic patients of corpora/patients/NCT00846833 (native and FHIR) and 150 complete variants."""
    criteria, met, trials, eligible = agreement(gold_trial(), corpus_patients() + _variants(150))
    assert trials >= 100 and 0 < eligible < trials and criteria >= 21 * trials and 0 < met < criteria


@pytest.mark.parametrize("path", GOLD_TRIALS, ids=lambda p: p.parent.name)
def test_gold_trials_agree_with_the_evaluator(path):
    trial = trial_from_json(json.loads(path.read_text(encoding="utf-8")), source=str(path))
    criteria, met, _, _ = agreement(trial, complete_patients(trial, 40, seed=11))
    assert criteria >= 40 * (len(trial.criteria) - 1) and criteria // 5 < met < criteria * 4 // 5


def test_keys_with_dots_in_units_and_windows_are_read_by_json_logic_js():
    """Units such as mL/min/{1.73_m2} and windows such as 0.5 mo once made keys with '.'."""
    crcl_ml = compare("creatinine clearance", "2164-2", ">=", 60, "mL/min/{1.73_m2}")
    crcl_other = compare("creatinine clearance", "2164-2", ">=", 1, "mL/s/{1.73_m2}")
    hba1c = concept("observation", "hba1c", Window(0.5, "mo", Relation.BEFORE, Anchor.ENROLLMENT))
    trial = trial_of((Section.INCLUSION, crcl_ml), (Section.INCLUSION, crcl_other), (Section.EXCLUSION, hba1c))
    document = json.loads(export_jsonlogic(trial).content)
    keys = list(document["variables"])
    assert keys == ["lab:2164-2", "lab:2164-2:mL_s_1_73_m2", "observation:hba1c:0_5mo-before-enrollment"]
    patient = native("crcl", observations=[lab("2164-2", "creatinine clearance", 65, "mL/min/{1.73_m2}")])
    data = {keys[0]: 65, keys[1]: 1.08, keys[2]: False}
    assert json_logic([(document["rule"], data)]) == [True]
    assert Evaluator(patient, CLOSED).criterion(trial.criteria[0]).truth is Truth.TRUE
    data[keys[1]] = 0.9
    assert json_logic([(document["rule"], data)]) == [False]


_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(names=st.lists(_TEXT, min_size=1, max_size=4), units=st.lists(_TEXT, min_size=2, max_size=4),
       value=st.floats(0.01, 500, allow_nan=False), window=st.floats(0.1, 40, allow_nan=False))
def test_every_key_follows_the_documented_scheme(names, units, value, window):
    atoms = [compare("creatinine clearance", "2164-2", ">=", value, unit) for unit in units]
    atoms += [compare(name, None, "<", value, units[0]) for name in names]
    atoms += [concept("drug", name, Window(window, "d", Relation.AFTER, Anchor.FIRST_DOSE)) for name in names]
    trial = trial_of(*((Section.INCLUSION, atom) for atom in atoms))
    keys = list(json.loads(export_jsonlogic(trial).content)["variables"])
    assert all(KEY.fullmatch(key) for key in keys), keys
    lab_keys = {atom_keys(trial)[atom] for atom in atoms[:len(units)]}
    assert len(lab_keys) == len(set(units))        # another unit is another variable, whatever its spelling


def test_kinds_a_concept_excepts_make_a_variable_of_their_own():
    plain = concept("drug", "chemotherapy")
    other = replace(plain, other_than=(concept("drug", "dacarbazine"),))
    trial = trial_of((Section.INCLUSION, plain), (Section.EXCLUSION, other))
    keys = atom_keys(trial)
    assert keys[plain][0] == "drug:chemotherapy" and keys[other][0] == "drug:chemotherapy:except_dacarbazine"
    variables = json.loads(export_jsonlogic(trial).content)["variables"]
    assert variables[keys[other][0]]["other_than"] == ["dacarbazine"]
    assert "not counting records of dacarbazine" in variables[keys[other][0]]["description"]
    drugs = [{"name": "dacarbazine", "start": "2025-06-01", "end": "2025-06-10", "status": "completed"}]
    patients = [native("dacarbazine", medications=drugs),
                native("both", medications=[*drugs, {**drugs[0], "name": "cisplatin"}]), native("none")]
    criteria, met, trials, eligible = agreement(trial, patients)
    assert (criteria, met, trials, eligible) == (6, 3, 3, 1)  # only the patient on dacarbazine alone is eligible


def test_constructs_not_and_at_least_and_review_variables():
    tree = AtLeast(2, (ANC, Not(AST_ULN, Span(0, 1)), Implies(CHEMO_30D, ANC, Span(0, 1))), Span(0, 1))
    doc = json.loads(export_jsonlogic(trial_of((Section.INCLUSION, tree))).content)
    data = {"lab:751-8": 2.0, "lab:1920-8": 100, "lab:1920-8:uln": 40, "drug:chemotherapy:30d-before-enrollment": True}
    low_anc = dict(data, **{"lab:751-8": 1.0})
    # ANC met, AST > 2.5 ULN (so not), chemo -> ANC met: 2 of 3; with a low ANC: 1 of 3
    assert json_logic([(doc["rule"], data), (doc["rule"], low_anc)]) == [True, False]
    unparsed = one_criterion_trial(ANC, unparsed=(Fragment(Span(0, 4), "hand"),))
    result = export_jsonlogic(unparsed)
    doc = json.loads(result.content)
    assert "unparsed:c-1" in doc["variables"]
    assert any(u.node_type == "criterion" and "unparsed:c-1" in u.reason for u in result.unsupported)


def test_shapes_of_thresholds_and_uln():
    rules = json.dumps(json.loads(export_jsonlogic(gold_trial()).content)["criteria"])
    assert '{">=": [{"var": "lab:751-8"}, 1.5]}' in rules
    assert '{"<=": [{"var": "lab:1920-8"}, {"*": [2.5, {"var": "lab:1920-8:uln"}]}]}' in rules
