from __future__ import annotations

from criteria_nlp.pipeline import default_nlp, make_doc


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
