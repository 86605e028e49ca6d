"""Concept codes are validated data; ICD-10-CM and ATC codes match their descendants."""

from __future__ import annotations

import warnings

import pytest

from criteria_nlp import terminology
from criteria_nlp.errors import RuleError
from criteria_nlp.evaluate import Evaluator, Options, Truth
from criteria_nlp.logic import Concept, Domain
from criteria_nlp.patients import patient_from_json
from criteria_nlp.spans import Span
from criteria_nlp.terminology import Code, concept_codes, icd10cm_code, is_under

ICD = "http://hl7.org/fhir/sid/icd-10-cm"


def test_every_icd10cm_code_of_the_table_is_a_real_code_with_that_title():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import simple_icd_10_cm as cm
    rows = [r for rows in terminology._table().values() for r in rows if r.code.system == "ICD10CM"]
    assert len(rows) > 300
    for row in rows:
        assert cm.is_valid_item(row.code.code), row
        if not row.source.startswith("AUTO"):
            assert f"'{cm.get_description(row.code.code)}'" in row.source, row


@pytest.mark.parametrize("record, system, concept, expected", [
    ("C43.9", "ICD10CM", Code("ICD10CM", "C43"), True),
    ("C439", "ICD10CM", Code("ICD10CM", "C43"), False),        # not an ICD-10-CM code as written
    ("C44.9", "ICD10CM", Code("ICD10CM", "C43"), False),
    ("L01AX04", None, Code("ATC", "L01"), True),                # dacarbazine is an antineoplastic agent
    ("L01", "ICD10CM", Code("ATC", "L01"), False),              # impetigo, not an ATC class
    ("N02AA01", None, Code("ATC", "L01"), False),
    ("372244006", "SNOMED", Code("SNOMED", "372244006"), True),
    ("3722440061", "SNOMED", Code("SNOMED", "372244006"), False),  # no hierarchy in SNOMED codes
])
def test_hierarchy_by_code(record, system, concept, expected):
    assert is_under(record, system, concept) is expected


def test_open_vocabulary_conditions_get_their_icd10cm_code_by_title():
    assert icd10cm_code("Type 2 diabetes mellitus") == Code("ICD10CM", "E11")
    assert icd10cm_code("essential hypertension") == Code("ICD10CM", "I10")    # '(primary)' is nonessential
    assert icd10cm_code("acute myeloblastic leukaemia") is None                 # spelling is not a title
    assert icd10cm_code("hypertension") is None          # carried by unrelated codes: ambiguous, none
    assert concept_codes(Domain.CONDITION, "anaplastic astrocytoma") == ()
    assert Code("ICD10CM", "C43") in concept_codes(Domain.CONDITION, "malignant melanoma")
    assert Code("ATC", "L01") in concept_codes(Domain.DRUG, "chemotherapy")


def _patient(**lists):
    return patient_from_json({"id": "x", "as_of": "2026-01-15", "birth_date": "1970-01-01", **lists}, source="x")


@pytest.mark.parametrize("facts, concept, expected", [
    ({"conditions": [{"code": "C43.9", "system": ICD, "onset": "2024-01-01"}]}, ("condition", "malignant melanoma"), Truth.TRUE),
    ({"conditions": [{"code": "C44.9", "system": ICD, "onset": "2024-01-01"}]}, ("condition", "malignant melanoma"), Truth.FALSE),
    ({"conditions": [{"code": "C43.9", "system": "urn:local", "onset": "2024-01-01"}]}, ("condition", "malignant melanoma"), Truth.FALSE),
    ({"medications": [{"code": "L01AX04", "start": "2025-12-01"}]}, ("drug", "chemotherapy"), Truth.TRUE),
    ({"medications": [{"code": "N02BE01", "start": "2025-12-01"}]}, ("drug", "chemotherapy"), Truth.FALSE),
    ({"conditions": [{"code": "E11.9", "system": ICD, "onset": "2020-01-01"}]}, ("condition", "type 2 diabetes mellitus"), Truth.TRUE),
    ({"conditions": [{"code": "E11.9", "system": ICD, "onset": "2020-01-01"}]}, ("condition", "diabetes with kidney complications"), Truth.FALSE),
])
def test_the_evaluator_matches_descendant_codes(facts, concept, expected):
    node = Concept(Domain(concept[0]), concept[1], Span(0, 1))
    assert Evaluator(_patient(**facts), Options(closed_world=True)).node(node, []) is expected


@pytest.mark.parametrize("row, message", [
    ("hiv infection\tcondition\tICD10CM\t2B0\tx", "not a ICD10CM code"),
    ("hiv infection\tcondition\tICD9\tB20\tx", "unknown system"),
    ("hiv infection\tcondition\tICD10CM\tB20\t", "source"),
    ("no such concept\tcondition\tICD10CM\tB20\tx", "not a condition concept"),
    ("hiv infection\tdrug\tICD10CM\tB20\tx", "not a drug concept"),
])
def test_the_code_table_rejects_bad_rows(monkeypatch, row, message):
    real = terminology.read_table

    def read(name, columns):
        return [dict(zip(columns, row.split("\t")))] if name == "concept_codes.tsv" else real(name, columns)

    monkeypatch.setattr(terminology, "read_table", read)
    terminology._table.cache_clear()
    try:
        with pytest.raises(RuleError, match=message):
            terminology._table()
    finally:
        terminology._table.cache_clear()
