"""The synthetic patients against the reference trial's gold tree, row by row of expected.tsv."""

from __future__ import annotations

import json

import pytest

from criteria_nlp.evaluate import Evaluator, Options
from criteria_nlp.evaluation_json import trial_result_to_json
from criteria_nlp.serialize import trial_from_json

from ..conftest import CORPORA
from .conftest import PATIENTS

GOLD = CORPORA / "NCT00846833" / "gold.json"


def expected_rows():
    lines = [line for line in (PATIENTS / "expected.tsv").read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    header = lines[0].split("\t")
    assert header == ["patient", "verdict", "deciding", "reason"]
    return [dict(zip(header, line.split("\t"))) for line in lines[1:]]


ROWS = expected_rows()


@pytest.fixture(scope="module")
def gold_trial():
    return trial_from_json(json.loads(GOLD.read_text(encoding="utf-8")), source=str(GOLD))


def test_corpus_covers_the_brief():
    names = {row["patient"] for row in ROWS}
    assert len([n for n in names if n.startswith("p")]) >= 12
    assert len([n for n in names if n.startswith("fhir-")]) >= 3
    assert {row["verdict"] for row in ROWS} == {"eligible", "ineligible", "undetermined"}
    assert all(row["reason"].startswith(("closed world:", "open world:")) for row in ROWS)
    assert names == {p.stem for p in PATIENTS.glob("*.json")}


@pytest.mark.parametrize("row", ROWS, ids=[row["patient"] for row in ROWS])
def test_patient_against_gold(gold_trial, corpus_patient, row):
    options = Options(closed_world=row["reason"].startswith("closed world:"))
    result = Evaluator(corpus_patient(row["patient"]), options).trial(gold_trial)
    deciding = tuple(row["deciding"].split(",")) if row["deciding"] else ()
    assert (result.verdict.value, result.deciding) == (row["verdict"], deciding), row["reason"]


def test_result_json_carries_evidence_and_spans(gold_trial, corpus_patient):
    result = Evaluator(corpus_patient("p02"), Options(closed_world=True)).trial(gold_trial)
    payload = json.loads(json.dumps(trial_result_to_json(result)))
    assert payload["verdict"] == "eligible" and payload["as_of"] == "2026-01-15"
    marrow = next(c for c in payload["criteria"] if c["id"] == "inc-9")
    assert marrow["status"] == "met"
    anc = marrow["evidence"][0]
    assert anc["compared"] == {"value": 1.5, "threshold": 1.5, "unit": "10*9/L"}
    assert anc["facts"][0]["value"] == 1500 and anc["facts"][0]["unit"] == "/uL"
    assert gold_trial.text[slice(*anc["span"])].startswith("absolute neutrophil count")
    liver = next(c for c in payload["criteria"] if c["id"] == "inc-10")
    ast = next(e for e in liver["evidence"] if e["node"]["variable"]["code"] == "1920-8")
    assert ast["compared"] == {"value": 100, "threshold": 100, "unit": "U/L", "reference_limit": 40}
    assert ast["facts"][0]["reference_range"] == {"low": 10, "high": 40}
