"""FHIR R5 (ResearchStudy + EvidenceVariable) validates with fhir.resources; FHIR R4
(EvidenceVariable + Library) validates with fhirclient's R4 models and means what the tree means."""

from __future__ import annotations

import json

import pytest
import base64
import itertools

from fhir.resources.bundle import Bundle
from fhir.resources.R4B.evidencevariable import EvidenceVariable as R4BEvidenceVariable
from fhirclient.models.bundle import Bundle as R4Bundle
from hypothesis import given, settings, strategies as st

from criteria_nlp.export.cql import export_cql
from criteria_nlp.export.fhir import export_fhir_r4, export_fhir_r5
from criteria_nlp.logic import And, Anchor, AtLeast, Fragment, Implies, Not, Or, Relation, Section, Window
from criteria_nlp.spans import Span

from .helpers import (
    AGE_18, ANC, AST_ULN, CHEMO_30D, CONSENT, FEMALE, HIV, compare, concept, gold_trial, one_criterion_trial,
    trial_of,
)

S1 = Span(0, 1)


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


# ---- R4 ------------------------------------------------------------------------------------

def _r4(trial) -> tuple[dict, dict, list]:
    """The R4 Bundle validated as R4 (fhirclient's 4.0.1 models), its EvidenceVariable, and
    the report; the exporter's own validation is not trusted here."""
    result = export_fhir_r4(trial)
    bundle = json.loads(result.content)
    R4Bundle(bundle, strict=True)
    (variable,) = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "EvidenceVariable"]
    return bundle, variable, list(result.unsupported)


def _holds(variable: dict, truth: dict[str, bool]) -> bool:
    """An independent reading of an R4 EvidenceVariable whose atoms are text-coded concepts:
    characteristics and Group characteristics are "and"-ed, each possibly excluded."""
    groups = {g["id"]: g for g in variable.get("contained", ())}

    def group_char(c: dict) -> bool:
        assert c["valueBoolean"] is True
        return truth[c["code"]["text"]] != c["exclude"]

    def char(c: dict) -> bool:
        if "definitionCodeableConcept" in c:
            value = truth[c["definitionCodeableConcept"]["text"]]
        else:
            group = groups[c["definitionReference"]["reference"][1:]]
            value = all(group_char(g) for g in group["characteristic"])
        return value != c.get("exclude", False)

    return all(char(c) for c in variable["characteristic"])


NAMES = ("a", "b", "c", "d")
_ATOMS = st.sampled_from([concept("condition", n) for n in NAMES])
_TREES = st.recursive(_ATOMS, lambda inner: st.one_of(
    st.builds(lambda args: And(tuple(args), S1), st.lists(inner, min_size=2, max_size=3)),
    st.builds(lambda args: Or(tuple(args), S1), st.lists(inner, min_size=2, max_size=3)),
    st.builds(lambda arg: Not(arg, S1), inner),
    st.builds(lambda a, b: Implies(a, b, S1), inner, inner),
), max_leaves=6)


def _boolean(node, truth: dict[str, bool]) -> bool:
    match node:
        case And(args):
            return all(_boolean(a, truth) for a in args)
        case Or(args):
            return any(_boolean(a, truth) for a in args)
        case Not(arg):
            return not _boolean(arg, truth)
        case Implies(if_, then):
            return not _boolean(if_, truth) or _boolean(then, truth)
    return truth[node.name]


@settings(max_examples=80, deadline=None)
@given(tree=_TREES, section=st.sampled_from(list(Section)))
def test_r4_structure_means_what_the_tree_means(tree, section):
    """On every assignment of the atoms, the structured R4 characteristics hold exactly when
    the criterion does (an exclusion criterion must not hold); what R4 cannot nest is CQL."""
    _, variable, unsupported = _r4(trial_of((section, tree)))
    if any("definitionExpression" in c for c in variable["characteristic"]):
        assert any("carried as a CQL expression" in u.reason for u in unsupported)
        return
    for values in itertools.product((False, True), repeat=len(NAMES)):
        truth = dict(zip(NAMES, values))
        wanted = _boolean(tree, truth) is (section is Section.INCLUSION)
        assert _holds(variable, truth) is wanted, truth


def test_r4_reference_trial_carries_every_criterion():
    trial = gold_trial()
    bundle, variable, unsupported = _r4(trial)
    with pytest.raises(ValueError):           # R4B's EvidenceVariable is another resource
        R4BEvidenceVariable.model_validate(variable)
    assert {c["id"].split(".")[0] for c in variable["characteristic"]} == {c.id for c in trial.criteria}
    by_id = {c["id"]: c for c in variable["characteristic"]}
    groups = {g["id"]: g for g in variable["contained"]}
    # inc-2 "prior chemotherapy or immunotherapy": not(no chemotherapy and no immunotherapy)
    either = groups[by_id["inc-2"]["definitionReference"]["reference"][1:]]["characteristic"]
    assert by_id["inc-2"]["exclude"] is True
    assert [(g["code"]["text"], g["exclude"]) for g in either] == [("chemotherapy", True), ("immunotherapy", True)]
    ecog = groups[by_id["inc-4"]["definitionReference"]["reference"][1:]]["characteristic"][0]
    assert ecog["code"]["coding"][0]["code"] == "89247-1" and ecog["valueRange"] == {"high": {"value": 1}}
    # exc-1: chemotherapy within 30 days before enrollment, excluded
    assert by_id["exc-1"]["exclude"] is True
    assert by_id["exc-1"]["timeFromStart"]["value"] == -30 and by_id["exc-1"]["participantEffectiveDuration"]["value"] == 30
    # inc-11 "creatinine <= 1 x ULN or clearance >= 60": CQL over the bundled Library
    (library,) = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Library"]
    expression = by_id["inc-11"]["definitionExpression"]
    assert expression["language"] == "text/cql" and expression["reference"] == library["url"]
    assert "'mL/min/{1.73_m2}'" in expression["expression"] and " or " in expression["expression"]
    assert base64.b64decode(library["content"][0]["data"]).decode() == export_cql(trial).content
    assert variable["relatedArtifact"] == [{"type": "depends-on", "resource": library["url"]}]
    reasons = {u.reason for u in unsupported}
    assert any(r.startswith("FHIR R4 has no form for a multiple of the ULN") for r in reasons)
    assert any(r.startswith("R4 has no relative window: within 30 d before enrollment") for r in reasons)


def test_r4_atoms_windows_and_what_needs_cql():
    dose = Window(2, "wk", Relation.AFTER, Anchor.FIRST_DOSE)
    ne = compare("ecog performance status", "89247-1", "!=", 4)
    trial = trial_of((Section.INCLUSION, FEMALE), (Section.INCLUSION, ne),
                     (Section.INCLUSION, AtLeast(2, (HIV, CONSENT, ANC), S1)),
                     (Section.EXCLUSION, concept("drug", "steroids", window=dose)),
                     (Section.INCLUSION, Or((CHEMO_30D, HIV), S1)),
                     (Section.EXCLUSION, Or((CHEMO_30D, HIV), S1)),
                     (Section.INCLUSION, AGE_18))
    bundle, variable, unsupported = _r4(trial)
    by_id = {c["id"]: c for c in variable["characteristic"]}
    groups = {g["id"]: g for g in variable["contained"]}
    sex = groups[by_id["inc-1"]["definitionReference"]["reference"][1:]]["characteristic"][0]
    assert sex["code"]["coding"][0]["code"] == "46098-0" and sex["valueCodeableConcept"]["coding"][0]["code"] == "female"
    assert groups[by_id["inc-2"]["definitionReference"]["reference"][1:]]["characteristic"][0]["exclude"] is True  # !=
    for cid in ("inc-3", "exc-4", "inc-5"):        # at least 2 of 3; a first-dose window; a window inside "or"
        assert by_id[cid]["definitionExpression"]["language"] == "text/cql", cid
    # excluding "chemotherapy within 30 days or HIV" is two plain excluded characteristics
    assert by_id["exc-6"]["exclude"] is True and by_id["exc-6"]["timeFromStart"]["value"] == -30
    assert by_id["exc-6.2"] == {"id": "exc-6.2", "description": "x", "definitionCodeableConcept": {"text": "hiv infection"},
                                "exclude": True}
    assert by_id["exc-4"]["exclude"] is True and '"First Dose Date"' in by_id["exc-4"]["definitionExpression"]["expression"]
    age = groups[by_id["inc-7"]["definitionReference"]["reference"][1:]]["characteristic"][0]
    assert age["code"]["coding"][0]["code"] == "30525-0" and age["valueRange"]["low"]["value"] == 18
    reasons = [u.reason for u in unsupported]
    assert any(r.startswith("FHIR R4 has no 'at least 2 of 3'") for r in reasons)
    assert any(r.startswith("FHIR R4 times from study entry only, not within 2 wk after first_dose") for r in reasons)
    assert any(r.startswith("FHIR R4 Groups hold an 'or' only over atoms without windows") for r in reasons)


def test_r4_unparsed_text_is_described_and_reported():
    trial = one_criterion_trial(ANC, unparsed=(Fragment(Span(0, 4), "hand"),))
    _, variable, unsupported = _r4(trial)
    texts = [c.get("definitionCodeableConcept", {}).get("text") for c in variable["characteristic"]]
    assert "not parsed: hand" in texts
    assert any(u.node_type == "unparsed" for u in unsupported)


def test_kinds_a_concept_excepts_are_reported_as_not_expressible():
    """FHIR has no record-by-record exception: the concept goes out without it, said so."""
    from dataclasses import replace

    other = replace(concept("drug", "chemotherapy"), other_than=(concept("drug", "dacarbazine"),))
    for export in (export_fhir_r4, export_fhir_r5):
        reasons = [u.reason for u in export(one_criterion_trial(other)).unsupported]
        assert any("kinds it excepts record by record ('dacarbazine')" in r for r in reasons), reasons
