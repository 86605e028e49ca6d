"""CQL library text: every export is translated by the HL7 CQL translator (under Node,
``tests/js/cql.mjs``: the official cql.g4 + fhirpath.g4 grammar, then type checking against
the FHIR 4.0.1 model), plus checks of what the text says about statuses and scales."""

from __future__ import annotations

import json
import re

import pytest

from criteria_nlp.export.cql import export_cql, prelude
from criteria_nlp.export.fhir import export_fhir_r4
from criteria_nlp.logic import (
    Anchor, AtLeast, Fragment, Implies, Not, Reference, Relation, Section, Unparsed, Window,
)
from criteria_nlp.patients.vocabulary import rules
from criteria_nlp.serialize import trial_from_json
from criteria_nlp.spans import Span

from ..conftest import CORPORA
from ..js_engines import run_node
from .helpers import (
    AGE_18, ANC, AST_ULN, CHEMO_30D, CONSENT, FEMALE, HIV, compare, concept, gold_trial,
    one_criterion_trial, trial_of,
)

GOLD_FILES = sorted(CORPORA.glob("**/gold.json"))
S = Span(0, 1)
WEEK_AFTER_DOSE = Window(1, "wk", Relation.AFTER, Anchor.FIRST_DOSE)
MONTHS_AROUND = Window(1.5, "mo", Relation.WITHIN, Anchor.SCREENING)

# Every construct the exporter writes: each domain with and without a window, allergies,
# scales, ULN and LLN, ages in months, the first-dose anchor, at-least, implies, unparsed.
CONSTRUCTS = trial_of(
    (Section.INCLUSION, AtLeast(2, (ANC, HIV, CHEMO_30D, Not(CONSENT, S)), S)),
    (Section.INCLUSION, Implies(compare("ecog performance status", "89247-1", "<=", 1), AST_ULN, S)),
    (Section.INCLUSION, compare("nyha functional class", None, "<", 3)),
    (Section.INCLUSION, compare("hemoglobin", "718-7", ">", 0.8, reference=Reference.LLN)),
    (Section.INCLUSION, compare("age", "30525-0", ">=", 6, "mo")),
    (Section.INCLUSION, compare("serum erythropoietin", None, "<", 500, "m[IU]/mL", window=MONTHS_AROUND)),
    (Section.EXCLUSION, concept("procedure", "radiotherapy", window=WEEK_AFTER_DOSE)),
    (Section.EXCLUSION, concept("device", "pacemaker")),
    (Section.EXCLUSION, concept("observation", "pregnancy test positive", window=MONTHS_AROUND)),
    (Section.EXCLUSION, concept("condition", "hypersensitivity to cyclophosphamide")),
    (Section.EXCLUSION, concept("other", "participation in another trial", qualifiers=("current",))),
    (Section.EXCLUSION, FEMALE),
    (Section.INCLUSION, AGE_18),
    (Section.INCLUSION, Unparsed("something unparsed", S)),
)

BROKEN_SYNTAX = 'library Broken version \'1\'\ndefine "a": (1 +\ndefine "b": 2\n'
BROKEN_TYPES = ("library Typed version '1'\nusing FHIR version '4.0.1'\ncontext Patient\n"
                "define \"a\": exists [Observation] O where O.nonsense = 1\n")


def _with_r4_expressions(trial) -> str:
    """The trial's CQL export, then one define per CQL expression of its FHIR R4 export:
    those expressions must translate in the context of the library they reference."""
    variable = json.loads(export_fhir_r4(trial).content)["entry"][0]["resource"]
    expressions = [c["definitionExpression"]["expression"] for c in variable["characteristic"]
                   if "definitionExpression" in c]
    return export_cql(trial).content + "".join(f'\ndefine "R4 part {n}":\n  {e}\n' for n, e in enumerate(expressions))


def _libraries() -> dict[str, str]:
    trials = {path.parent.name: trial_from_json(json.loads(path.read_text(encoding="utf-8")), source=str(path))
              for path in GOLD_FILES}
    trials["constructs"] = CONSTRUCTS
    return {name: _with_r4_expressions(trial) for name, trial in trials.items()}


@pytest.fixture(scope="module")
def translated() -> dict[str, list[dict]]:
    """Translator messages for every library, and for two broken ones, in one Node process."""
    return run_node("cql.mjs", {**_libraries(), "broken syntax": BROKEN_SYNTAX, "broken types": BROKEN_TYPES})


@pytest.mark.parametrize("name", [p.parent.name for p in GOLD_FILES] + ["constructs"])
def test_every_export_translates_without_errors(translated, name):
    """The reference trial, every gold trial and a trial of every construct, each with the
    CQL expressions of its FHIR R4 export: no syntax error, and no semantic error against
    FHIR 4.0.1 either."""
    assert translated[name] == []


def test_r4_expressions_are_translated_too():
    assert _with_r4_expressions(gold_trial()).count('define "R4 part') == 5
    assert 'define "R4 part' in _with_r4_expressions(CONSTRUCTS)


def test_the_translator_reports_errors(translated):
    """The check can fail: a missing operand is a syntax error where it is, a property FHIR
    does not have is a semantic one."""
    assert translated["broken syntax"] == [{"kind": "CqlSyntaxException", "message": 'Syntax error at "b"', "at": "3:7"}]
    assert [e["kind"] for e in translated["broken types"]] and \
        all(e["kind"] == "CqlSemanticException" for e in translated["broken types"])


def test_reference_library_structure():
    text = export_cql(gold_trial()).content
    assert text.startswith("/*") and "library NCT00846833Eligibility version '1.0.0'" in text
    assert "using FHIR version '4.0.1'" in text and "context Patient" in text
    assert "code \"absolute neutrophil count\": '751-8' from \"LOINC\"" in text
    assert ">= 1.5 '10*9/L'" in text and ">= 9.0 'g/dL'" in text
    assert "<= 2.5 '1' * FHIRHelpers.ToQuantity(First(\"Latest aspartate aminotransferase\".referenceRange).high)" in text
    assert 'Interval["Index Date" - 30 days, "Index Date"]' in text
    assert "AgeInYearsAt(\"Index Date\") >= 18" in text
    assert '("Scale Value"("Latest ecog performance status") <= 1)' in text        # ECOG 0 or 1


def test_statuses_are_the_evaluators():
    """Void, negating and ongoing statuses are read from data/evaluation.json."""
    text = prelude()
    rule = rules()
    for function, statuses in (("Void", rule.void_statuses), ("Negating", rule.negating_statuses),
                               ("Ongoing", rule.ongoing_statuses)):
        body = re.search(rf'define function "{function}"\(status String\):\n(.*)\n', text).group(1)
        assert set(re.findall(r"'([^']+)'", body)) == set(statuses), function
    for resource in ("Condition", "MedicationStatement", "MedicationRequest", "Procedure", "Observation",
                     "AllergyIntolerance"):
        assert re.search(rf'define function "Counts"\(\w FHIR\.{resource}\):\n  not "Void"', text), resource
        assert re.search(rf'define function "Denied"\(\w FHIR\.{resource}\):\n  "Negating"', text), resource


def test_concepts_are_kleene_like_the_evaluator_in_closed_world():
    text = export_cql(CONSTRUCTS).content
    hiv = re.search(r'exists \(\[Condition: "hiv infection"\] C where "Counts"\(C\)\)', text)
    assert hiv                                               # closed world, no window: found or not
    pregnancy = text[text.index('define "exc-9"'):text.index('define "exc-10"')]
    assert "then true" in pregnancy and "is null) then null" in pregnancy
    assert 'where "Denied"(O)) then false' in pregnancy and "else null" in pregnancy   # observations: open
    pacemaker = text[text.index('define "exc-8"'):text.index('define "exc-9"')]
    assert '[Procedure: "pacemaker"]' in pacemaker and '[Condition: "pacemaker"]' in pacemaker  # device lists
    allergy = text[text.index('define "exc-10"'):text.index('define "exc-11"')]
    assert '[AllergyIntolerance: "cyclophosphamide"] A where "Counts"(A)' in allergy
    radiotherapy = text[text.index('define "exc-7"'):text.index('define "exc-8"')]
    assert 'Interval["First Dose Date", "First Dose Date" + 7 days]' in radiotherapy and "else false" in radiotherapy


def test_scales_read_integer_string_and_coded_answers():
    text = prelude()
    scale = text[text.index('define function "Scale Value"'):]
    for carrier in ("FHIR.Quantity", "FHIR.integer", "FHIR.string", "FHIR.CodeableConcept"):
        assert f"when O.value is {carrier} then" in scale
    nyha = export_cql(one_criterion_trial(compare("nyha functional class", None, "<", 3))).content
    assert '("Scale Value"("Latest nyha functional class") < 3)' in nyha
    assert '"Scale Value"(O) is not null' in nyha                  # the latest result that has a number


def test_kleene_constructs_and_unknowns():
    tree = AtLeast(2, (ANC, HIV, CHEMO_30D), Span(0, 1))
    text = export_cql(trial_of((Section.INCLUSION, tree), (Section.EXCLUSION, FEMALE))).content
    assert ") is true then 1 else 0" in text and ") is false then 0 else 1" in text and "else (null as Boolean) end" in text
    assert "(Patient.gender = 'female')" in text
    result = export_cql(one_criterion_trial(AST_ULN, unparsed=(Fragment(Span(0, 4), "hand"),)))
    assert "and (null as Boolean))" in result.content
    assert any(u.node_type == "unparsed" for u in result.unsupported)
