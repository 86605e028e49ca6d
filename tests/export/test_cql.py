"""CQL library text: structure checks (no CQL translator ships for Python)."""

from __future__ import annotations

import re

from criteria_nlp.export.cql import export_cql
from criteria_nlp.logic import AtLeast, Fragment, Section
from criteria_nlp.spans import Span

from .helpers import ANC, AST_ULN, CHEMO_30D, FEMALE, HIV, gold_trial, one_criterion_trial, trial_of

_LEXEMES = re.compile(r"'(?:[^'\\]|\\.)*'|//[^\n]*|/\*.*?\*/", re.S)


def _code(text: str) -> str:
    """The text with strings emptied and comments removed (one left-to-right pass)."""
    return _LEXEMES.sub(lambda m: "''" if m.group().startswith("'") else "", text)


def _declared(text: str) -> set[str]:
    return set(re.findall(r'^(?:define(?: function)?|code|valueset|codesystem|parameter) "((?:[^"\\]|\\.)*)"',
                          text, re.M))


def test_reference_library_structure():
    trial = gold_trial()
    text = export_cql(trial).content
    assert text.startswith("/*") and "library NCT00846833Eligibility version '1.0.0'" in text
    assert "using FHIR version '4.0.1'" in text and "context Patient" in text
    declared = _declared(text)
    for criterion in trial.criteria:
        assert criterion.id in declared
    assert {"Inclusion Criteria", "Exclusion Criteria", "Eligible", "Index Date"} <= declared
    code = _code(text)
    used = set(re.findall(r'"((?:[^"\\]|\\.)*)"', code))
    assert used <= declared | {"Normalize Interval"}, used - declared
    assert code.count("(") == code.count(")") and code.count("[") == code.count("]")
    assert "code \"absolute neutrophil count\": '751-8' from \"LOINC\"" in text
    assert ">= 1.5 '10*9/L'" in text and ">= 9.0 'g/dL'" in text
    assert "<= 2.5 '1' * FHIRHelpers.ToQuantity(First(\"Latest aspartate aminotransferase\".referenceRange).high)" in text
    assert 'Interval["Index Date" - 30 days, "Index Date"]' in text
    assert "AgeInYearsAt(\"Index Date\") >= 18" in text


def test_kleene_constructs_and_unknowns():
    tree = AtLeast(2, (ANC, HIV, CHEMO_30D), Span(0, 1))
    text = export_cql(trial_of((Section.INCLUSION, tree), (Section.EXCLUSION, FEMALE))).content
    assert "is true then 1 else 0" in text and "is false then 0 else 1" in text and "else (null as Boolean) end" in text
    assert "(Patient.gender = 'female')" in text
    result = export_cql(one_criterion_trial(AST_ULN, unparsed=(Fragment(Span(0, 4), "hand"),)))
    assert "and (null as Boolean))" in result.content
    assert any(u.node_type == "unparsed" for u in result.unsupported)
