"""Grammar constructs, one row per real criterion wording, from corpora/grammar/cases.tsv."""

from __future__ import annotations

import pytest
from lark import Token, Tree

from criteria_nlp.grammar.parser import parse_criterion
from criteria_nlp.logic import Concept, Not, walk
from criteria_nlp.pipeline import default_nlp
from criteria_nlp.render import render_node
from criteria_nlp.spans import Span

from ..conftest import CORPORA


def _cases():
    rows = []
    for line in (CORPORA / "grammar" / "cases.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            construct, text, expected, *section = line.split("\t")
            rows.append(pytest.param(text, expected, section == ["exclusion"], id=construct))
    return rows


def _parse(text: str, excluding: bool = False):
    """Rules only: the cases pin the grammar, not the trained entity recognizer."""
    doc = default_nlp(fast=True)(text)
    return parse_criterion(doc, Span(0, len(text)), excluding)


@pytest.mark.parametrize("text, expected, excluding", _cases())
def test_construct(text, expected, excluding):
    parsed = _parse(text, excluding)
    assert parsed.logic is not None, parsed.unparsed
    assert render_node(parsed.logic) == expected


@pytest.mark.parametrize("text, expected, excluding", _cases())
def test_no_lark_object_escapes_and_spans_lie_in_the_text(text, expected, excluding):
    parsed = _parse(text, excluding)
    for node in walk(parsed.logic):
        for value in vars(node).values() if hasattr(node, "__dict__") else (getattr(node, f) for f in node.__slots__):
            assert not isinstance(value, (Tree, Token))
        assert 0 <= node.span.start < node.span.end <= len(text)


def test_unparsed_text_is_reported_with_offsets():
    text = "ANC ≥ 1500/mm3 and frobnication of the quantum flux"
    parsed = _parse(text)
    assert render_node(parsed.logic) == "absolute neutrophil count >= 1500 /uL"
    assert [f.text for f in parsed.unparsed] == ["frobnication", "quantum flux"]
    for fragment in parsed.unparsed:
        assert text[fragment.span.start : fragment.span.end] == fragment.text


def test_the_loinc_code_follows_the_unit_a_threshold_is_written_in():
    ifcc = _parse("HbA1c > 48 mmol/mol").logic
    ngsp = _parse("HbA1c > 7.5%").logic
    assert (ifcc.variable.code, ngsp.variable.code) == ("59261-8", "4548-4")


def test_a_length_of_time_said_to_last_is_no_age():
    """"for at least 6 months" says how long something lasted; with nothing named it is
    reported, not read as age >= 6 months."""
    parsed = _parse("for at least 6 months")
    assert parsed.logic is None
    assert [f.text for f in parsed.unparsed] == ["for at least 6 months"]


def test_a_number_before_one_comparator_only_is_not_mirrored_onto_a_variable():
    """"two or three of the above criteria and elevation of CRP": "above" is no bound of CRP."""
    parsed = _parse("if they have fever and two or three of the above criteria and elevation of CRP")
    assert not any(getattr(node, "variable", None) for node in walk(parsed.logic))


def test_an_amount_is_no_age():
    """"AMH levels age appropriate (>= 2.3 ng/ml)": the concentration bounds no age."""
    parsed = _parse("AMH levels age appropriate (≥2.3 ng/ml)")
    ages = [n for n in (walk(parsed.logic) if parsed.logic else ()) if getattr(getattr(n, "variable", None), "name", None) == "age"]
    assert ages == []
    assert any(getattr(n, "unit", None) == "ng/mL" for n in walk(parsed.logic))


def test_a_semicolon_ends_a_written_list():
    """"dialysis with diabetes, hypertension or obesity; or asthma": the list of three
    goes with dialysis, the part after the semicolon stands alone."""
    parsed = _parse("Patients on dialysis with diabetes, hypertension or obesity; or asthma")
    assert render_node(parsed.logic) == (
        "((procedure:dialysis AND (condition:diabetes mellitus OR condition:hypertension OR condition:obesity))"
        " OR condition:asthma)")


def test_a_stage_with_none_named_is_reported_not_a_concept():
    parsed = _parse("Fresh cleavage stage embryo transfer")
    assert parsed.logic is None or "stage" not in render_node(parsed.logic)
    assert any("stage" in f.text for f in parsed.unparsed)


@pytest.mark.parametrize("text", ["patients > 2 prior lines", "women > 200"])
def test_a_bare_number_that_counts_or_stands_far_from_the_people_is_no_age(text):
    parsed = _parse(text)
    ages = [n for n in (walk(parsed.logic) if parsed.logic else ()) if getattr(getattr(n, "variable", None), "name", None) == "age"]
    assert ages == [] and parsed.unparsed


@pytest.mark.parametrize("text, counted", [
    ("subjects with >= 2 episodes", "observation:episodes {count >= 2}"),
    ("Laboratory urine culture: <103 colonies", "observation:colonies {count < 103}"),
])
def test_words_right_after_a_whole_number_are_what_it_counts(text, counted):
    assert render_node(_parse(text).logic) == counted


@pytest.mark.parametrize("text", [
    "pain scale greater than 5 impacting activities",
    "Grade 0 finger extension",
    "do not exceed 2.0 V",
])
def test_no_count_of_a_verb_a_grade_or_a_decimal(text):
    parsed = _parse(text)
    assert not [n for n in (walk(parsed.logic) if parsed.logic else ()) if getattr(n, "count", None) is not None]


def test_a_cue_no_rule_took_whose_words_are_a_filler_leaves_nothing_unknown():
    parsed = _parse("Diagnosis of schizophrenia")
    assert render_node(parsed.logic) == "condition:schizophrenia" and parsed.unparsed == ()


@pytest.mark.parametrize("text", ["onset of diabetes after age 30", "Diagnosis of T2DM before the age of 60 years of age"])
def test_an_age_at_an_event_is_reported_not_read_as_the_patients_age(text):
    parsed = _parse(text)
    ages = [n for n in walk(parsed.logic) if getattr(getattr(n, "variable", None), "name", None) == "age"]
    assert ages == [] and any("age" in f.text for f in parsed.unparsed)


@pytest.mark.parametrize("text", [
    "Willing and able to provide informed consent",
    "Ability to give informed consent",
    "Signed written informed consent",
    "Patients whose parents consent to participate in the study",
    "Signing of consent form to participate in the study",
    "Written informed consent for participation in the study",
    "Informed consent for their participation",
])
def test_consent_with_the_verbs_around_it_is_one_concept(text):
    parsed = _parse(text)
    assert "other:informed consent" in render_node(parsed.logic) and parsed.unparsed == ()


@pytest.mark.parametrize("text, expected", [
    ("Ability to sign informed consent", "other:informed consent"),
    ("Able to speak, read, and understand English", "observation:english speaking"),
    ("All adults aged 18 or older", "(demographic:adult AND age >= 18 a)"),
    ("All patients with diabetes", "condition:diabetes mellitus"),
    ("Clinical diagnosis of acute coronary syndrome", "condition:acute coronary syndrome (clinically diagnosed)"),
    ("Under treatment for hypertension", "condition:hypertension (treated)"),
    ("COVID-19 symptoms", "condition:covid-19"),
    ("Use of systemic antibiotics during 4 weeks before study entry", "drug:antibiotics [before 4 wk of enrollment]"),
    ("Eczema Area and Severity Index (EASI) score ≥ 16", "eczema area and severity index >= 16"),
    ("Hoehn and Yahr score less than or equal to 3", "hoehn and yahr stage <= 3"),
    ("Known or suspected allergy to octreotide", "condition:hypersensitivity to octreotide (suspected)"),
])
def test_words_that_say_no_more_than_what_they_open_leave_nothing_unparsed(text, expected):
    parsed = _parse(text)
    assert render_node(parsed.logic) == expected and parsed.unparsed == ()


def test_a_qualifier_apart_from_a_reaction_stays_reported():
    parsed = _parse("Previously treated patients, with failure or intolerance to first-line therapy")
    assert "(treated)" not in render_node(parsed.logic) and any("treated" in f.text for f in parsed.unparsed)


def test_all_before_anything_else_stays_reported():
    parsed = _parse("Willingness to comply with all study requirements")
    assert "all" in [f.text for f in parsed.unparsed]


@pytest.mark.parametrize("text, taken", [
    ("Total IgG level <6 g/L (at screening).", "Total IgG level <6 g/L (at screening)"),
    ("Hemoglobin < 9 g/dL at screening and platelets < 100,000", "Hemoglobin < 9 g/dL at screening"),
    ("HbA1c < 8% at the time of screening", "HbA1c < 8% at the time of screening"),
    ("Age 18 to 85 years inclusive at screening", "Age 18 to 85 years inclusive at screening"),
])
def test_the_time_criteria_are_checked_at_joins_the_atom_before_it(text, taken):
    parsed = _parse(text)
    assert parsed.unparsed == ()
    assert taken in [n.span.text(text) for n in walk(parsed.logic)]


def test_an_anchor_with_no_atom_before_it_is_reported():
    assert [f.text for f in _parse("at screening").unparsed] == ["screening"]


def test_non_that_only_modifies_the_noun_after_it_negates_nothing():
    parsed = _parse("non-diabetic mother")
    assert parsed.logic is None and [f.text for f in parsed.unparsed] == ["non-diabetic mother"]


def test_an_age_named_apart_from_its_bounds_is_named_by_that_word():
    text = "Healthy volunteers aged between ≥20 and ≤45 years old"
    ages = [n for n in walk(_parse(text).logic) if getattr(n, "variable", None) is not None]
    assert [(n.value, n.variable.span.text(text)) for n in ages] == [(20.0, "aged"), (45.0, "aged")]


def test_the_words_that_joined_a_part_no_rule_read_are_reported_with_it():
    text = ("Stable dose of NSAIDs including Cyclooxygenase-1 (COX-1) or Cyclooxygenase-2 (COX-2) "
            "inhibitors at least 2 weeks before their Baseline Visit")
    assert any(f.text.startswith("including") for f in _parse(text).unparsed)


@pytest.mark.parametrize("text, name, words", [
    ("Smokers of more than 10 cigarettes a day.", "cigarettes per day", "Smokers"),
    ("Alcohol consumption (> 2 drinks per day)", "alcohol intake", "Alcohol consumption"),
    ("current smokers and/or smoking history >15 pack years", "pack-years", "smoking history"),
    ("Smokers (>20 cigarettes per week)", "smoking frequency", "Smokers"),
])
def test_a_rate_written_after_its_habit_is_named_by_the_habit(text, name, words):
    compares = [n for n in walk(_parse(text).logic) if getattr(n, "variable", None) is not None]
    assert [(n.variable.name, n.variable.span.text(text)) for n in compares] == [(name, words)]


def test_an_amount_after_concepts_side_by_side_measures_one_of_them():
    text = "Uncontrolled Diabetes [hemoglobin A1c, (HbA1c) >7.5%]."
    compares = [n for n in walk(_parse(text).logic) if getattr(n, "variable", None) is not None]
    assert [(n.variable.name, n.comparator.value, n.value, n.unit) for n in compares] == [("hba1c", ">", 7.5, "%")]


def test_of_concepts_side_by_side_an_amount_measures_the_observation():
    from criteria_nlp.grammar.resolve import _ending_concept
    from criteria_nlp.logic import And, Concept, Domain

    noise = Concept(Domain.OBSERVATION, "background noise level", Span(0, 22))
    music = Concept(Domain.PROCEDURE, "music therapy", Span(30, 43))
    assert _ending_concept(And((noise, music), Span(0, 43))) is noise
    assert _ending_concept(And((music,), Span(30, 43))) is music


def test_a_bare_number_after_concepts_side_by_side_is_not_their_amount():
    text = "History of diarrhoea in 7 days prior to first dose of vaccine (defined as =3 unformed loose stools in 24 hours)."
    assert not [n for n in walk(_parse(text).logic) if getattr(n, "variable", None) is not None]


def test_every_future_word_is_a_qualifier_a_cue_gives():
    """A word of future_words.txt no QUAL cue produces would never turn a window forward."""
    from criteria_nlp.lexicon import load_future_words, load_phrases
    given = {p.value for p in load_phrases() if p.terminal == "QUAL"}
    assert load_future_words() <= given


def test_an_inability_keeps_its_cause_apart_from_the_denial():
    """"Unable to comply due to dementia": the dementia is asserted, only the ability denied."""
    parsed = _parse("Inability to undergo MRI due to claustrophobia or obesity")
    assert render_node(parsed.logic) == (
        "(NOT procedure:magnetic resonance imaging AND (condition:claustrophobia OR condition:obesity))")


def test_a_link_words_left_unread_are_reported_with_offsets():
    text = "Liver disease caused by an etiology other than HCV"
    parsed = _parse(text)
    assert any(f.text.startswith("caused by") and text[f.span.start:f.span.end] == f.text for f in parsed.unparsed)


def test_a_power_of_ten_glued_to_the_number_is_read_not_reported():
    parsed = _parse("ANC ≥ 1.5x10^9/L")
    assert render_node(parsed.logic) == "absolute neutrophil count >= 1.5 10*9/L" and parsed.unparsed == ()


def test_a_concept_written_before_its_own_denial_is_never_dropped_for_it():
    """"Breastfeeding women unwilling to stop breastfeeding": the breastfeeding is who the
    criterion is about; only a concept after its denial falls into the denial's scope."""
    parsed = _parse("Breastfeeding women unwilling to temporarily stop breastfeeding", excluding=True)
    logic = parsed.logic
    assert logic is not None
    assert any(isinstance(n, Concept) and n.name == "lactation" and not _under_not(logic, n) for n in walk(logic))
    # its denial, of an act no rule read, is reported rather than and-ed into "X AND NOT X"
    assert not any(isinstance(n, Not) for n in walk(logic))
    assert any("unwilling" in fragment.text for fragment in parsed.unparsed)


def _under_not(root, target) -> bool:
    if isinstance(root, Not):
        return any(n is target for n in walk(root.arg))
    return any(_under_not(c, target) for c in getattr(root, "args", ()))


def test_a_risk_of_something_not_written_right_after_it_is_reported():
    """"high risk of pathological fracture": with a word between, the risk is not read, and
    its words are reported rather than hidden as a qualifier of the fracture."""
    parsed = _parse("Osteoporosis with high risk of pathological fracture")
    assert any("risk" in fragment.text for fragment in parsed.unparsed)
    assert not any("risk" in q for n in walk(parsed.logic) if isinstance(n, Concept) for q in n.qualifiers)



@pytest.mark.parametrize("text", [
    "Have participated in an interventional, medical, surgical, or pharmaceutical study within 30 days of screening",
    "Currently enrolled in another smoking cessation trial",
    "Previously participated in any HIV vaccine study",
])
def test_taking_part_in_another_study_of_some_kind_is_that_one_concept(text):
    parsed = _parse(text, excluding=True)
    named = [c.name for c in walk(parsed.logic) if isinstance(c, Concept)]
    assert named == ["participation in another clinical trial"] and parsed.unparsed == ()


@pytest.mark.parametrize("text", [
    "Willing to refrain from participation in any other research study",  # not after a word no rule reads
    "Signed informed consent to participate in a clinical study",  # what the consent is for: this study
    "Ability to participate in all study assessments and visits",  # the study names the assessments
    "Patient must give written informed consent before participating in any study-specific procedure",
    "unable to participate in a discussion about the study",  # a phrase of its own before the study
])
def test_the_study_itself_or_a_phrase_about_it_is_no_other_study(text):
    logic = _parse(text).logic
    assert logic is None or "participation in another clinical trial" not in render_node(logic)


@pytest.mark.parametrize("text", [
    "performance status ECOG = 2 (Eastern Cooperative Oncology Group)",  # a scale's name
    "Female with PTSD (for the PTSD group) or without PTSD (for the control group)",  # groups apart
])
def test_a_group_in_a_name_or_among_alternatives_leads_nothing(text):
    assert "IF " not in render_node(_parse(text).logic)


def test_during_the_study_after_anything_but_a_concept_is_reported():
    parsed = _parse("ALT > 3 x ULN during the study")
    assert render_node(parsed.logic) == "alanine aminotransferase > 3 x ULN"
    assert [f.text for f in parsed.unparsed] == ["during the study"]


def test_score_after_a_laboratory_value_stays_reported():
    assert [f.text for f in _parse("IGA score ≥ 3").unparsed] == ["score"]  # no immunoglobulin A


def test_requiring_after_words_no_rule_read_stays_a_word():
    parsed = _parse("Pulmonary nodule requiring surgery")
    assert "pulmonary nodule" not in render_node(parsed.logic)
    assert any("requiring" in f.text for f in parsed.unparsed)


def test_a_measure_in_a_parenthesis_takes_no_qualifier_of_the_concept():
    rendered = render_node(_parse("severe liver dysfunction (Child-Pugh Score C)", excluding=True).logic)
    assert "condition:hepatic impairment (severe)" in rendered and "child-pugh score (severe)" not in rendered


def test_people_before_a_colon_are_no_group_of_the_study():
    assert "IF " not in render_node(_parse("Adult participants: BMI ≥ 18.0").logic)
