"""Circe cohort definition JSON: validated with ohdsi-cohort-schemas plus the exporter's checks."""

from __future__ import annotations

import copy
import json
import subprocess
from pathlib import Path

import pytest
from ohdsi_cohort_schemas import CohortExpression, validate_strict

from criteria_nlp.errors import RuleError
from criteria_nlp.export import concepts as concepts_module
from criteria_nlp.export.omop import check_expression, export_omop
from criteria_nlp.logic import AtLeast, Not, Section
from criteria_nlp.spans import Span

from ..conftest import ROOT
from .helpers import AGE_18, ANC, CHEMO_30D, FEMALE, HIV, compare, gold_trial, trial_of


@pytest.fixture(scope="module")
def reference():
    result = export_omop(gold_trial())
    return result, json.loads(result.content)


def test_reference_trial_validates(reference):
    _, expression = reference
    CohortExpression.model_validate(expression)
    validate_strict(expression)
    assert check_expression(expression) == []


def test_reference_trial_shapes(reference):
    result, expression = reference
    rules = {r["name"].split(":")[0]: r["expression"] for r in expression["InclusionRules"]}
    assert len(rules) == len(gold_trial().criteria)
    assert rules["inc-5"]["DemographicCriteriaList"] == [{"Age": {"Value": 18, "Op": "bt", "Extent": 75}}]
    anc = rules["inc-9"]["CriteriaList"][0]
    assert anc["Criteria"]["Measurement"]["ValueAsNumber"] == {"Value": 1.5, "Op": "gte"}
    assert {u["CONCEPT_ID"] for u in anc["Criteria"]["Measurement"]["Unit"]} == {9444, 8848, 8961}
    sets = {cs["id"]: cs for cs in expression["ConceptSets"]}
    assert sets[anc["Criteria"]["Measurement"]["CodesetId"]]["expression"]["items"][0]["concept"]["CONCEPT_ID"] == 3013650
    bilirubin = rules["inc-10"]["CriteriaList"][0]["Criteria"]["Measurement"]
    assert bilirubin["RangeHighRatio"] == {"Value": 1, "Op": "lte"}
    assert rules["inc-11"]["Type"] == "ANY"
    chemo = rules["exc-1"]             # an exclusion is its logic negated: no chemotherapy in 30 days
    assert chemo["Type"] == "ALL" and chemo["CriteriaList"][0]["Occurrence"] == {"Type": 0, "Count": 0}
    # a drug taken in the 30 days: it starts by the index date and ends at most 30 days before it
    assert chemo["CriteriaList"][0]["StartWindow"]["End"] == {"Days": 0, "Coeff": 1}
    assert chemo["CriteriaList"][0]["EndWindow"]["Start"] == {"Days": 30, "Coeff": -1}
    assert rules["exc-3"]["Type"] == "ALL" and len(rules["exc-3"]["CriteriaList"]) == 3
    melanoma = sets[rules["inc-1"]["CriteriaList"][0]["Criteria"]["ConditionOccurrence"]["CodesetId"]]
    assert melanoma["expression"]["items"] == []      # no vocabulary given: no concept id known
    assert any("empty concept set" in u.reason and u.span.start == 24 for u in result.unsupported)


def test_groups_for_not_and_at_least():
    tree = AtLeast(2, (ANC, Not(HIV, Span(0, 1)), CHEMO_30D), Span(0, 1))
    trial = trial_of((Section.INCLUSION, tree), (Section.INCLUSION, FEMALE), (Section.INCLUSION, AGE_18),
                     (Section.INCLUSION, compare("x", None, "!=", 3)))
    expression = json.loads(export_omop(trial).content)
    assert check_expression(expression) == []
    validate_strict(expression)
    group = expression["InclusionRules"][0]["expression"]
    assert group["Type"] == "AT_LEAST" and group["Count"] == 2
    assert group["CriteriaList"][1]["Occurrence"] == {"Type": 0, "Count": 0}   # not HIV: none recorded
    assert expression["InclusionRules"][1]["expression"]["DemographicCriteriaList"][0]["Gender"][0]["CONCEPT_ID"] == 8532
    last = expression["InclusionRules"][3]["expression"]["CriteriaList"][0]["Criteria"]["Measurement"]
    assert last["ValueAsNumber"]["Op"] == "!eq"


# ---- the checks layer: paired correct / incorrect fixtures ---------------------------------

def _broken(expression: dict, path: str, value) -> dict:
    broken = copy.deepcopy(expression)
    target = broken
    keys = path.split("/")
    for key in keys[:-1]:
        target = target[int(key)] if key.isdigit() else target[key]
    target[keys[-1]] = value
    return broken


@pytest.mark.parametrize("path, value, message", [
    ("InclusionRules/8/expression/CriteriaList/0/Criteria/Measurement/CodesetId", 999, "names no concept set"),
    ("InclusionRules/8/expression/CriteriaList/0/Criteria/Measurement/ValueAsNumber", {"Value": 1, "Op": ">="}, "Op"),
    ("InclusionRules/4/expression/DemographicCriteriaList/0/Age", {"Value": 1, "Op": "bt"}, "Extent"),
    ("InclusionRules/13/expression/Type", "NONE", "Type"),
    ("InclusionRules/10/expression/Type", "AT_LEAST", "Count"),
    ("InclusionRules/8/expression/CriteriaList/0/Occurrence", {"Type": 5}, "Occurrence"),
], ids=["codeset", "op", "extent", "group-type", "count", "occurrence"])
def test_checks_reject_broken_fixtures(reference, path, value, message):
    _, expression = reference
    found = check_expression(_broken(expression, path, value))
    assert found and message in found[0]        # a wrong CodesetId also leaves its set unused


def test_checks_reject_an_unused_concept_set(reference):
    _, expression = reference
    broken = copy.deepcopy(expression)
    broken["ConceptSets"].append({"id": 99, "name": "spare", "expression": {"items": []}})
    assert check_expression(broken) == ["ConceptSets[99]: not used by any criterion"]


def test_circe_codes_live_only_in_the_omop_exporter():
    out = subprocess.run(["grep", "-rlE", r'"(gte|lte|gt|lt|eq|bt)"', str(ROOT / "src" / "criteria_nlp" / "export")],
                         capture_output=True, text=True).stdout.split()
    assert [Path(p).name for p in out] == ["omop.py"]


def test_concept_map_is_validated_data(tmp_path, monkeypatch):
    cmap = concepts_module.concept_map()
    assert cmap.loinc["751-8"].concept_id == 3013650 and cmap.units["10*9/L"].concept.concept_id == 9444
    good = concepts_module.COLUMNS
    header = "\t".join(good)
    for bad, message in [
        (header + "\nloinc\t751-8\tx\tN\tMeasurement\tLOINC\t751-8\tDQD", "integer"),
        (header + "\nbogus\t751-8\t1\tN\tMeasurement\tLOINC\t751-8\tDQD", "unknown kind"),
        (header + "\nloinc\t751-8\t1\tN\tM\tLOINC\t751-8\tDQD\nloinc\t751-8\t2\tN\tM\tLOINC\t751-8\tDQD", "duplicate"),
        ("kind\tkey\n", "header"),
        (header + "\nname\tHIV\t1\tN\tCondition\tSNOMED\t1\tDQD", "lower case"),
        (header + "\nname\thiv\t0\tN\tCondition\tSNOMED\t1\tDQD", "concept_id 0"),
    ]:
        with pytest.raises(RuleError, match=message):
            concepts_module._parse(bad)
