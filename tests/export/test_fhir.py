"""FHIR R5 (ResearchStudy + EvidenceVariable) and R4 (Group) exports validate with fhir.resources."""

from __future__ import annotations

import json

import pytest
from fhir.resources.bundle import Bundle
from fhir.resources.R4B.group import Group

from criteria_nlp.errors import ExportError
from criteria_nlp.export.fhir import export_fhir_r4, export_fhir_r5
from criteria_nlp.logic import AtLeast, Implies, Not, Or, Section
from criteria_nlp.spans import Span

from .helpers import (
    AGE_18, ANC, AST_ULN, CHEMO_30D, CONSENT, FEMALE, HIV, compare, gold_trial, trial_of,
)


def _evidence_variable(content: str) -> dict:
    bundle = json.loads(content)
    Bundle.model_validate(bundle)
    (study,) = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "ResearchStudy"]
    (variable,) = [e for e in bundle["entry"] if e["resource"]["resourceType"] == "EvidenceVariable"]
    assert study["recruitment"]["eligibility"]["reference"] == variable["fullUrl"]
    return variable["resource"]


def test_reference_trial_r5_validates_and_keeps_every_criterion():
    trial = gold_trial()
    variable = _evidence_variable(export_fhir_r5(trial).content)
    by_id = {c["linkId"]: c for c in variable["characteristic"]}
    assert list(by_id) == [c.id for c in trial.criteria]
    assert all(by_id[c.id].get("exclude", False) is (c.section is Section.EXCLUSION) for c in trial.criteria)
    anc = by_id["inc-9"]["definitionByCombination"]["characteristic"][0]["definitionByTypeAndValue"]
    assert anc["type"]["coding"][0] == {"system": "http://loinc.org", "code": "751-8", "display": "absolute neutrophil count"}
    assert anc["valueRange"] == {"low": {"value": 1.5, "unit": "10*9/L", "system": "http://unitsofmeasure.org",
                                         "code": "10*9/L"}}
    bilirubin = by_id["inc-10"]["definitionByCombination"]["characteristic"][0]["definitionByTypeAndValue"]
    assert bilirubin["offset"]["coding"][0]["code"] == "ULN" and bilirubin["valueRange"] == {"high": {"value": 1}}
    assert by_id["inc-11"]["definitionByCombination"]["code"] == "any-of"
    window = by_id["exc-1"]["timeFromEvent"][0]
    assert window["range"]["low"]["value"] == -30 and window["range"]["high"]["value"] == 0
    assert window["eventCodeableConcept"]["text"] == "enrollment"


def test_r5_constructs():
    tree = AtLeast(2, (ANC, Not(HIV, Span(0, 1)), Implies(CHEMO_30D, AST_ULN, Span(0, 1))), Span(0, 1))
    ne = compare("ecog performance status", "89247-1", "!=", 4)
    gt = compare("body weight", "29463-7", ">", 50, "kg")
    trial = trial_of((Section.INCLUSION, tree), (Section.INCLUSION, ne), (Section.EXCLUSION, Not(FEMALE, Span(0, 1))),
                     (Section.INCLUSION, gt), (Section.INCLUSION, AGE_18))
    characteristics = _evidence_variable(export_fhir_r5(trial).content)["characteristic"]
    at_least = characteristics[0]["definitionByCombination"]
    assert at_least["code"] == "at-least" and at_least["threshold"] == 2
    assert at_least["characteristic"][1]["exclude"] is True                        # not(HIV)
    implies = at_least["characteristic"][2]["definitionByCombination"]
    assert implies["code"] == "any-of" and implies["characteristic"][0]["exclude"] is True
    assert characteristics[1]["exclude"] is True                                   # != is an excluded ==
    assert "exclude" not in characteristics[2]                                     # exclusion of not(female)
    sex = characteristics[2]["definitionByTypeAndValue"]
    assert sex["valueCodeableConcept"]["coding"][0]["code"] == "female"
    assert characteristics[3]["definitionByTypeAndValue"]["valueQuantity"]["comparator"] == ">"
    assert characteristics[4]["definitionByTypeAndValue"]["type"]["coding"][0]["code"] == "30525-0"


def test_r4_group_for_a_plain_conjunction():
    trial = trial_of((Section.INCLUSION, ANC), (Section.INCLUSION, AST_ULN),
                     (Section.EXCLUSION, Or((HIV, CONSENT), Span(0, 1))), (Section.INCLUSION, FEMALE))
    result = export_fhir_r4(trial)
    group = json.loads(result.content)
    Group.model_validate(group)
    characteristics = group["characteristic"]
    assert [c["exclude"] for c in characteristics] == [False, False, True, True, False]
    assert characteristics[0]["valueRange"]["low"]["value"] == 1.5
    assert {u.node_type for u in result.unsupported} >= {"compare", "concept"}     # ULN, text-only concepts


def test_r4_refuses_the_reference_trial_naming_the_criteria():
    with pytest.raises(ExportError, match=r"inc-2 \(or\), inc-11 \(or\)"):
        export_fhir_r4(gold_trial())
