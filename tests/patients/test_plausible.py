"""Absurd patient values are validation errors naming the field; one bad record in a
directory never stops the others (issue 10, item 7)."""

from __future__ import annotations

import json
import shutil

import pytest

from criteria_nlp.check import check
from criteria_nlp.errors import PatientError
from criteria_nlp.evaluate import Evaluator, Truth
from criteria_nlp.patients import patient_from_json

from ..evaluate.conftest import PATIENTS
from ..evaluate.helpers import compare, concept, record, window

BASE = json.loads((PATIENTS / "p01.json").read_text(encoding="utf-8"))  # observations[4]: platelets


def _variant(change) -> dict:
    raw = json.loads(json.dumps(BASE))
    change(raw)
    return raw


BAD = {
    "age-226": (lambda r: r.update(birth_date="1800-01-01"), "birth_date", "gives an age of 226 a"),
    "born-year-1": (lambda r: r.update(birth_date="0001-01-01"), "birth_date", "plausible age is 0-120 a"),
    "negative-platelets": (lambda r: r["observations"][4].update(value=-5), "observations[4].value",
                           "-5 10*3/uL (-5 10*9/L) is not a plausible platelet count: outside 0-2000 10*9/L"),
    "lab-in-the-future": (lambda r: r["observations"][4].update(date="2030-01-01"), "observations[4].date",
                          "2030-01-01 is after as_of 2026-01-15"),
    "diagnosed-in-the-future": (lambda r: r["conditions"][0].update(onset="2027-01-01"), "conditions[0].onset",
                                "after as_of"),
    "lab-before-birth": (lambda r: r["observations"][0].update(date="0001-01-01"), "observations[0].date",
                         "before birth_date 1970-02-01"),
    "wrong-dimension": (lambda r: r["observations"][4].update(unit="mg"), "observations[4].unit",
                        "'mg' is no unit of platelet count"),
    "wrong-dimension-by-code-only": (
        lambda r: r["observations"].append({"code": "777-3", "value": 200, "unit": "s", "date": "2026-01-10"}),
        f"observations[{len(BASE['observations'])}].unit", "no unit of platelet count"),
}


@pytest.mark.parametrize("change, field, message", BAD.values(), ids=BAD.keys())
def test_an_absurd_value_is_an_error_naming_its_field(change, field, message):
    with pytest.raises(PatientError) as caught:
        patient_from_json(_variant(change), source="p.json")
    assert caught.value.field == field and message in str(caught.value)


def test_plausible_values_and_milliequivalents_are_accepted():
    potassium = {"code": "2823-3", "name": "potassium", "value": 4.1, "unit": "mEq/L", "date": "2026-01-10"}
    sodium = {"name": "sodium", "value": 140, "unit": "meq/L", "date": "2026-01-10"}
    patient = patient_from_json(_variant(lambda r: r["observations"].extend([potassium, sodium])))
    assert [o.unit for o in patient.observations][-2:] == ["mEq/L", "meq/L"]
    assert _truth(patient, compare("potassium", ">=", 3.5, "meq/L", code="2823-3")) is Truth.TRUE


def test_a_directory_reports_every_bad_record_and_checks_the_others(tmp_path):
    shutil.copy(PATIENTS / "p01.json", tmp_path / "p01.json")
    for name, (change, _, _) in BAD.items():
        (tmp_path / f"{name}.json").write_text(json.dumps(_variant(change)))
    (tmp_path / "deep.json").write_text('{"id": "deep", "observations": ' + "[" * 100_000 + "]" * 100_000 + "}")
    output, code = check(None, tmp_path, format="json")
    payload = json.loads(output)
    assert code == 1
    assert [r["patient"] for r in payload["results"]] == ["p01"]
    errors = {e["source"].rsplit("/", 1)[-1]: (e["field"], e["message"]) for e in payload["errors"]}
    assert errors["deep.json"] == (None, "JSON nested too deeply")
    assert {name: errors[f"{name}.json"][0] for name in BAD} == {name: field for name, (_, field, _) in BAD.items()}


def test_evaluation_at_the_ends_of_the_calendar_saturates_instead_of_failing():
    early = record(birth_date=None, as_of="0001-01-02",
                   observations=[{"name": "platelet count", "value": 200, "unit": "10*9/L", "date": "0001-01-01"}])
    assert _truth(early, compare("platelet count", ">", 100, "10*9/L")) is Truth.TRUE
    assert _truth(early, compare("platelet count", ">", 100, "10*9/L", window=window(30))) is Truth.TRUE
    late = record(as_of="9999-12-30", birth_date="9950-01-01")
    eternity = window(10**9, "after", unit="a")  # beyond any date
    assert _truth(late, concept("procedure", "transplant", window=eternity)) is Truth.UNKNOWN


def _truth(patient, node) -> Truth:
    return Evaluator(patient).node(node, [])
