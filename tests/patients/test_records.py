"""The patient boundary: native JSON and FHIR R4 Bundles in, PatientError naming the field out."""

from __future__ import annotations

import copy
import datetime as dt
import json

import jsonschema
import pytest

from criteria_nlp.errors import PatientError
from criteria_nlp.patients import json_schema, load_patient, patient_from_json, read_patient
from criteria_nlp.resources import schema_file

from ..evaluate.conftest import PATIENTS

GOOD = {"id": "p", "birth_date": "1970-02-01", "sex": "male", "as_of": "2026-01-15",
        "observations": [{"code": "751-8", "value": 3.1, "unit": "10*9/L", "date": "2026-01-10"},
                         {"code": "777-3", "value": 210, "unit": "10*3/uL", "date": "2026-01-10"},
                         {"code": "718-7", "value": 13, "unit": "g/dL", "date": "2026-01-10",
                          "reference_range": {"low": 12, "high": 16}}],
        "conditions": [{"name": "melanoma", "onset": "2024-05-01", "status": "active"}],
        "medications": [{"name": "dacarbazine", "start": "2025-06-01", "end": "2025-09-30"}]}


def native_files():
    return sorted(p for p in PATIENTS.glob("p*.json"))


def fhir_files():
    return sorted(PATIENTS.glob("fhir-*.json"))


def test_schema_file_is_up_to_date():
    committed = json.loads(schema_file("patient.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), (
        "regenerate: python -c 'import json; from criteria_nlp.patients import json_schema; "
        "print(json.dumps(json_schema(), indent=2, ensure_ascii=False))' > src/criteria_nlp/schemas/patient.schema.json")


@pytest.mark.parametrize("path", native_files(), ids=lambda p: p.stem)
def test_corpus_records_follow_the_published_schema(path):
    schema = json.loads(schema_file("patient.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schema)
    load_patient(path)


def test_good_record_becomes_the_internal_model():
    patient = patient_from_json(GOOD, source="x.json")
    assert patient.as_of == dt.date(2026, 1, 15) and patient.source == "x.json"
    assert patient.observations[2].reference_range.high == 16
    assert patient.observations[0].value == 3.1 and patient.observations[0].unit == "10*9/L"


def _with(path: str, value):
    """GOOD with the field at a dotted path (``observations.1.unit``) replaced or deleted."""
    raw = copy.deepcopy(GOOD)
    *parents, last = path.split(".")
    target = raw
    for key in parents:
        target = target[int(key)] if key.isdigit() else target[key]
    if value is KeyError:
        del target[int(last) if last.isdigit() else last]
    else:
        target[int(last) if last.isdigit() else last] = value
    return raw


@pytest.mark.parametrize("path,value,field,message", [
    ("observations.2.unit", "mg/dZ", "observations[2].unit", "unknown unit 'mg/dZ'"),
    ("observations.0.date", "2026-02-30", "observations[0].date", "day value is outside expected range"),
    ("observations.0.date", 20260110, "observations[0].date", "YYYY-MM-DD"),
    ("observations.1.value", "high", "observations[1].value", "valid number"),
    ("observations.2.reference_range", {"low": 16, "high": 12}, "observations[2].reference_range", "above high"),
    ("observations.0.refrence_range", {"high": 1}, "observations[0].refrence_range", "Extra inputs"),
    ("birth_date", "2026-02-01", "birth_date", "after as_of"),
    ("as_of", KeyError, "as_of", "Field required"),
    ("sex", "f", "sex", "Input should be"),
    ("conditions.0.name", KeyError, "conditions[0]", "needs a name or a code"),
    ("medications.0.end", "2025-01-01", "medications[0].end", "before it starts"),
    ("id", 7, "id", "valid string"),
])
def test_bad_records_name_the_field(path, value, field, message):
    with pytest.raises(PatientError) as caught:
        patient_from_json(_with(path, value))
    assert caught.value.field == field
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"{field}: ")


def test_unknown_unit_message_reads_like_the_contract():
    with pytest.raises(PatientError, match=r"^observations\[2\]\.unit: unknown unit 'mg/dZ'$"):
        patient_from_json(_with("observations.2.unit", "mg/dZ"))


def test_not_an_object_and_malformed_files(tmp_path):
    with pytest.raises(PatientError, match="expected a patient object"):
        patient_from_json([GOOD])
    bad = tmp_path / "bad.json"
    bad.write_text("{nope")
    with pytest.raises(PatientError, match="malformed JSON") as caught:
        load_patient(bad)
    assert caught.value.source == str(bad)


# ---- FHIR

@pytest.mark.parametrize("path", fhir_files(), ids=lambda p: p.stem)
def test_fhir_bundles_become_the_internal_model(path):
    patient = load_patient(path)
    assert patient.as_of == dt.date(2026, 1, 15)
    assert patient.birth_date == dt.date(1968, 9, 12) and patient.sex == "female"
    hemoglobin = next(o for o in patient.observations if o.code == "718-7")
    assert hemoglobin.reference_range is not None and hemoglobin.date == dt.date(2026, 1, 10)
    consent = next(o for o in patient.observations if o.name == "informed consent")
    assert consent.value is True
    assert patient.conditions[0].code == "372244006" and patient.conditions[0].status == "active"


def test_fhir_medication_request_procedure_and_allergy():
    second = load_patient(PATIENTS / "fhir-02.json")
    assert [(m.name, m.start) for m in second.medications] == [
        ("dacarbazine", dt.date(2025, 5, 1)), ("temozolomide", dt.date(2026, 1, 5))]
    third = load_patient(PATIENTS / "fhir-03.json")
    assert third.allergies[0].name == "cyclophosphamide"
    assert third.procedures[0].date == dt.date(2019, 3, 1)


def _bundle():
    return json.loads((PATIENTS / "fhir-01.json").read_text(encoding="utf-8"))


def test_fhir_unknown_unit_points_at_the_bundle_entry():
    raw = _bundle()
    quantity = raw["entry"][4]["resource"]["valueQuantity"]
    quantity["code"] = quantity["unit"] = "mg/dZ"
    raw["entry"][4]["resource"].pop("referenceRange")
    with pytest.raises(PatientError, match=r"^entry\[4\]\(Observation\)\.unit: unknown unit 'mg/dZ'$"):
        read_patient(raw)


@pytest.mark.parametrize("mutate,field", [
    (lambda raw: raw.update(entry="not a list"), "entry"),
    (lambda raw: raw.pop("type"), "type"),
    (lambda raw: raw["entry"][1]["resource"].pop("code"), "entry[1].resource.code"),
    (lambda raw: raw["entry"][1]["resource"].update(resourceType="NoSuchResource"), "Bundle"),
    (lambda raw: raw["entry"].pop(0), "entry"),
    (lambda raw: raw["entry"][0]["resource"].update(birthDate="2027-01-01"), "birth_date"),
    (lambda raw: raw.update(resourceType="Patient"), "resourceType"),
], ids=["entry-not-list", "no-type", "observation-without-code", "unknown-resource", "no-patient",
        "born-after-as-of", "not-a-bundle"])
def test_a_bundle_that_is_not_valid_fhir_is_a_patient_error(mutate, field):
    raw = _bundle()
    mutate(raw)
    with pytest.raises(PatientError) as caught:
        read_patient(raw, source="b.json")
    assert caught.value.field == field
    assert caught.value.source == "b.json"
