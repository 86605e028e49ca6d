"""cnlp_lexicon_matcher: unit tests on ``spacy.blank("en")`` with cnlp_abbreviations before
it (the one component it reads), then integration tests on the full pipeline."""

from __future__ import annotations

import pytest
import spacy

from criteria_nlp.pipeline import default_nlp, make_doc
from criteria_nlp.pipeline.lexicon_matcher import LexiconMatch

from .helpers import plain

HEMOGLOBIN = "Hemoglobin >= 9 g/dL or platelets at least 100"
EJECTION = "Ejection fraction (EJF) at least 50%; EJF measured by echocardiography"


@pytest.fixture(scope="module")
def blank():
    """Built once: the matcher tokenizes every lexicon form, which takes a second."""
    nlp = spacy.blank("en")
    nlp.add_pipe("cnlp_abbreviations")
    nlp.add_pipe("cnlp_lexicon_matcher")
    return nlp


def _found(nlp, text):
    return [(text[m.start_char : m.end_char], m.terminal, m.payload) for m in nlp(text)._.cnlp_lexicon]


def test_variables_comparators_units_and_connectives_are_marked_in_text_order(blank):
    assert _found(blank, HEMOGLOBIN) == [
        ("Hemoglobin", "VAR", "hemoglobin"),
        (">=", "CMP", ">="),
        ("g/dL", "UNIT", "g/dL"),
        ("or", "OR", "or"),
        ("platelets", "VAR", "platelet count"),
        ("at least", "CMP", ">="),
    ]


def test_token_and_character_offsets_agree(blank):
    doc = blank(HEMOGLOBIN)
    for match in doc._.cnlp_lexicon:
        span = doc[match.start : match.end]
        assert (span.start_char, span.end_char) == (match.start_char, match.end_char)


def test_matches_are_plain_named_tuples(blank):
    found = blank(HEMOGLOBIN)._.cnlp_lexicon
    assert found and all(type(m) is LexiconMatch for m in found) and plain(found)


@pytest.mark.parametrize("text", ["", "Purple elephants dance"])
def test_nothing_marked_in_empty_text_or_text_the_lexicon_does_not_know(blank, text):
    assert blank(text)._.cnlp_lexicon == ()


def test_a_short_form_the_text_defines_takes_its_long_forms_entry_only_with_the_detector_before(blank):
    """The matcher reads the abbreviations the component before it wrote; alone it has none."""
    short = [entry for entry in _found(blank, EJECTION) if entry[0] == "EJF"]
    assert short == [("EJF", "VAR", "left ventricular ejection fraction")] * 2
    with blank.select_pipes(disable="cnlp_abbreviations"):
        assert not any(text == "EJF" for text, _, _ in _found(blank, EJECTION))


# The full pipeline (scispaCy's tokenizer and every component)


def _matches(text: str) -> list[tuple[str, str, str]]:
    nlp = default_nlp()
    doc = nlp(make_doc(nlp, text))
    return [(text[m.start_char : m.end_char], m.terminal, m.payload) for m in doc._.cnlp_lexicon]


def test_longest_phrase_wins_and_offsets_point_at_the_text():
    found = _matches("absolute neutrophil count ≥ 1.5 x ULN")
    assert ("absolute neutrophil count", "VAR", "absolute neutrophil count") in found
    assert ("ULN", "REF", "ULN") in found
    assert not any(text == "count" for text, _, _ in found)


def test_variables_take_priority_over_concepts_on_equal_length():
    found = _matches("hemoglobin")
    assert found == [("hemoglobin", "VAR", "hemoglobin")]


def test_a_short_form_the_text_defines_takes_its_long_forms_entry():
    text = "Mini Mental Status Examination (MMSE-X) at least 24; MMSE-X below 30"
    found = _matches(text)
    short = [entry for entry in found if entry[0] == "MMSE-X"]
    assert len(short) == 2
    assert {payload for _, terminal, payload in short} == {"mini-mental state examination"}


def test_a_short_form_the_text_defines_as_something_else_loses_the_lexicons_meaning():
    assert ("PS", "VAR", "ecog performance status") in _matches("PS 0-1")
    found = _matches("Pain severity (PS) of 4 or more; PS measured daily")
    assert not any(text == "PS" for text, _, _ in found)
