"""Whole-criterion assembly: parents, unparsed parts in place, and the trial tree (rules only,
so that what no rule reads is fixed by the text, not by the trained recognizer)."""

from __future__ import annotations

from criteria_nlp.api import parse_text
from criteria_nlp.evaluate import Evaluator, Truth
from criteria_nlp.logic import And, Compare, Not, Or, Unparsed
from criteria_nlp.render import render_node

from .evaluate.helpers import record

TEXT = (
    "Inclusion Criteria:\n"
    "- Patients must have one of the following:\n"
    "   a. ANC < 1.0 x 10^9/L\n"
    "   b. frobnicated xyzzy plonk\n"
    "Exclusion Criteria:\n"
    "- quux blorf of the zorp\n"
)


def test_a_part_no_rule_understood_keeps_its_place_in_the_parents_tree():
    trial = parse_text(TEXT, fast=True)
    parent = trial.criteria[0]
    assert isinstance(parent.logic, Or)
    compare, hole = parent.logic.args
    assert isinstance(compare, Compare) and isinstance(hole, Unparsed)
    assert hole.text == "frobnicated xyzzy plonk"
    assert TEXT[hole.span.start : hole.span.end] == hole.text


def test_the_trial_tree_holds_every_criterion_even_unparsed_ones():
    trial = parse_text(TEXT, fast=True)
    assert isinstance(trial.logic, And)
    inclusion, exclusion = trial.logic.args
    assert isinstance(exclusion, Not) and isinstance(exclusion.arg, Unparsed)
    assert render_node(exclusion) == "NOT UNPARSED 'quux blorf of the zorp'"


def _anc(value: float):
    return record(observations=[{"code": "751-8", "name": "absolute neutrophil count", "value": value,
                                 "unit": "10*9/L", "date": "2026-01-10"}])


def test_an_or_with_an_unparsed_branch_is_unknown_when_the_parsed_branch_fails():
    criterion = parse_text(TEXT, fast=True).criteria[0]
    assert Evaluator(_anc(2.0)).criterion(criterion).truth is Truth.UNKNOWN


def test_an_or_with_an_unparsed_branch_holds_when_the_parsed_branch_holds():
    criterion = parse_text(TEXT, fast=True).criteria[0]
    assert Evaluator(_anc(0.5)).criterion(criterion).truth is Truth.TRUE


def _logic(section: str, line: str) -> str:
    return render_node(parse_text(f"{section} Criteria:\n- {line}\n", fast=True).criteria[0].logic)


def test_a_plain_list_of_concepts_in_an_exclusion_criterion_excludes_each():
    line = "HIV, hepatitis B and hepatitis C"
    assert _logic("Exclusion", line) == (
        "(condition:hiv infection OR condition:hepatitis b virus infection OR condition:hepatitis c virus infection)")
    assert _logic("Inclusion", line).count(" AND ") == 2  # required together: the grammar's reading


def test_an_exclusion_list_with_other_words_between_keeps_its_and():
    assert " AND " in _logic("Exclusion", "diabetes with nephropathy")


def test_an_exclusion_list_with_an_unread_item_still_excludes_each():
    line = "History of acute infection, cancer, inflammatory rheumatic / connective tissue diseases"
    assert _logic("Exclusion", line) == (
        "(condition:acute infection OR condition:cancer OR condition:connective tissue disease)")


def test_an_item_with_words_of_its_own_before_a_comma_is_one_item_of_an_exclusion_list():
    """The words after "dyspnea" are its own (reported); the comma sets the next item apart."""
    line = "Chest pain or shortness of breath with activity (such as climbing stairs), peripheral edema, dry cough"
    assert _logic("Exclusion", line) == "(condition:chest pain OR condition:dyspnea OR condition:edema OR condition:cough (dry))"
    # a comma inside a parenthesis of causes does not set items apart: the causes are of the impairment
    causes = "Cognitive impairment from other causes (i.e., thyroid disorders, head trauma)"
    assert _logic("Exclusion", causes).startswith("(condition:cognitive impairment AND ")


def test_slashed_alternatives_are_one_item_of_an_exclusion_list():
    assert _logic("Exclusion", "History of seizure/epilepsy, pacemaker, pregnancy") == (
        "((condition:seizure OR condition:epilepsy) OR device:pacemaker OR condition:pregnancy)")


def test_a_concept_with_its_examples_is_one_item_of_an_exclusion_list():
    line = "severe hypotension, shock, including cardiogenic shock"
    assert _logic("Exclusion", line) == (
        "(condition:hypotension (severe) OR (condition:shock OR condition:cardiogenic shock))")


def test_a_written_list_inside_an_alternative_of_an_exclusion_excludes_each():
    line = "prednisone > 10 mg/day, and/or any dose of azathioprine, methotrexate, mycophenolate and cyclophosphamide"
    assert _logic("Exclusion", line) == (
        "(drug:prednisone {dose > 10 mg/d} OR (drug:azathioprine OR drug:methotrexate OR drug:mycophenolate"
        " OR drug:cyclophosphamide))")
    assert _logic("Exclusion", "stroke or diabetes and hypertension").count(" AND ") == 1  # no commas: as written


def test_a_list_of_its_own_is_no_item_of_an_exclusion_list():
    """"fibrous layer HCC, sarcomatoid HCC or mixed cholangiocarcinoma and HCC": the "and"
    belongs to the last item; excluding every HCC would turn the list inside out."""
    line = "Patients known to have fibrous layer HCC, sarcomatoid HCC or mixed cholangiocarcinoma and HCC"
    assert _logic("Exclusion", line).endswith(") AND condition:hepatocellular carcinoma)")


def test_a_list_going_on_after_alternatives_excludes_each_item():
    """The "or" of "alcoholism or drug abuse" had bound two items; the list goes on with a
    comma, so each item of it excludes, the last one too."""
    line = "current history of psychiatric disease, alcoholism or drug abuse, and other primary sleep disorders"
    assert _logic("Exclusion", line) == ("(condition:psychiatric disorder (current) OR condition:alcohol abuse (current) OR "
                                          "condition:substance abuse (current) OR condition:sleep disorder (primary, other))")


def test_alternatives_joined_by_and_alone_stay_together():
    """"Asthma and allergy to aspirin or ...": no comma sets the two apart; both together."""
    assert _logic("Exclusion", "Asthma and allergy to aspirin or ibuprofen").startswith("(condition:asthma AND (")


def test_thresholds_set_apart_by_commas_are_items_of_an_exclusion_list():
    line = "Known active infection, CRP > 20 mg/L, clinically significant bleeding"
    assert _logic("Exclusion", line) == ("(condition:infection (active) OR c-reactive protein > 20 mg/L"
                                          " OR condition:bleeding (clinically significant))")
    assert _logic("Exclusion", "LDL > 130 mg/dL; triglycerides > 150 mg/dL") == (
        "(ldl cholesterol > 130 mg/dL OR triglycerides > 150 mg/dL)")


def test_limits_joined_by_and_or_written_on_their_concept_stay_together():
    """Hy's law is both limits at once; "hyperkalemia (> 5.5 mmol/L)" is one item."""
    assert " AND " in _logic("Exclusion", "ALT > 3 x ULN and total bilirubin > 2 x ULN")
    assert " OR " not in _logic("Exclusion", "hyperkalemia (> 5.5 mmol/L)")


def test_an_inability_after_other_items_is_an_item_of_an_exclusion_list():
    assert _logic("Exclusion", "claustrophobia, pacemaker, unable to undergo MRI") == (
        "(condition:claustrophobia OR device:pacemaker OR NOT procedure:magnetic resonance imaging)")
    # a plain denial says what the item before lacks
    assert " AND NOT " in _logic("Exclusion", "Women of childbearing potential, not using contraception")


def test_a_clause_after_a_comma_is_no_item_of_an_exclusion_list():
    assert " AND " in _logic("Exclusion", "thyroid dysfunction, with serum TSH out of normal limits")


def test_a_condition_opening_an_inclusion_criterion_scopes_what_follows():
    assert _logic("Inclusion", "If female, negative pregnancy test and use of contraception") == (
        "IF demographic:female THEN (NOT condition:pregnancy AND procedure:contraception)")


def test_a_conditional_in_an_exclusion_criterion_excludes_with_its_condition():
    """As IF-THEN the criterion would hold for every male and exclude him."""
    assert _logic("Exclusion", "For females, pregnancy or breast-feeding") == (
        "(demographic:female AND (condition:pregnancy OR condition:lactation))")


def test_sex_specific_bounds_in_an_exclusion_criterion_are_cases_that_each_exclude():
    assert _logic("Exclusion", "Hemoglobin < 11.5 g/dL for females and < 12.5 g/dL for men") == (
        "((demographic:female AND hemoglobin < 11.5 g/dL) OR (demographic:male AND hemoglobin < 12.5 g/dL))")


def test_sex_specific_bounds_inside_an_or_are_cases_too():
    """"... or a hematocrit > 48 % (women) and > 53 % (men)": IF-THEN there excluded every man."""
    assert _logic("Exclusion", "Chronic diarrhea or a hematocrit > 48 % (women) and > 53 % (men)") == (
        "(condition:diarrhea (chronic) OR ((demographic:female AND hematocrit > 48 %) OR "
        "(demographic:male AND hematocrit > 53 %)))")


def test_a_parents_header_words_beside_its_cue_are_reported_and_a_bare_cue_is_not():
    text = ("Exclusion Criteria:\n- Known hypersensitivity to any of the following medications:\n"
            "   a. heparin\n   b. aspirin\n- Any of the following:\n   a. stroke\n   b. myocardial infarction\n")
    said, bare = parse_text(text, fast=True).criteria
    assert [f.text for f in said.unparsed] == ["Known hypersensitivity to", "medications"]
    for fragment in said.unparsed:
        assert text[fragment.span.start : fragment.span.end] == fragment.text
    assert bare.unparsed == ()


def test_a_header_that_is_all_cue_says_nothing_of_its_own():
    text = "Inclusion Criteria:\n- Adequate organ function:\n   a. ANC >= 1500/uL\n   b. platelets >= 100,000/uL\n"
    [label] = parse_text(text, fast=True).criteria
    assert label.unparsed == ()


def test_items_after_one_of_the_following_on_one_line_are_alternatives():
    text = "Inclusion Criteria:\n- Diagnosis of one of the following: asthma, COPD, bronchiectasis\n"
    criterion = parse_text(text, fast=True).criteria[0]
    assert render_node(criterion.logic) == (
        "(condition:asthma OR condition:chronic obstructive pulmonary disease OR condition:bronchiectasis)")
    assert not criterion.unparsed  # the cue's words are read
    assert " AND " in _logic("Inclusion", "Diagnosis of asthma, COPD, bronchiectasis")


def test_bounds_no_value_meets_together_are_either_end():
    assert _logic("Exclusion", "Patients < 18 years of age and >70 years of age") == "(age < 18 a OR age > 70 a)"
    assert _logic("Inclusion", "Age >= 18 and <= 70 years") == "(age >= 18 a AND age <= 70 a)"
    assert " AND " in _logic("Inclusion", "BCVA of 77 to 20 letters")  # a range written from its high end


def test_what_a_semicolon_sets_apart_in_an_exclusion_criterion_excludes_on_its_own():
    line = "eGFR < 60 mL/min/1.73 m2 and blood glucose > 135 mg/dl; history of acute renal failure, renal dialysis"
    assert _logic("Exclusion", line) == (
        "((estimated glomerular filtration rate < 60 mL/min/{1.73_m2} AND glucose > 135 mg/dL)"
        " OR condition:acute kidney injury OR procedure:dialysis)")
    # an exception after the semicolon stays with what it excepts
    assert " AND NOT " in _logic("Exclusion", "Brain metastases; treated brain metastases are eligible")
