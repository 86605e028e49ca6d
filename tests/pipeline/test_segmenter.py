"""cnlp_segmenter: unit tests on ``spacy.blank("en")`` with the component alone, then the
integration tests on the full pipeline."""

from __future__ import annotations

import pytest
import spacy

import criteria_nlp.pipeline  # noqa: F401  (registers the cnlp_* factories)
from criteria_nlp.logic import Section
from criteria_nlp.pipeline import default_nlp, make_doc

from .helpers import plain

TRIAL = (
    "Inclusion Criteria:\n"
    "1. Adequate organ function: ANC >= 1500/uL; platelets >= 100,000/uL\n"
    "2. Age 18 years or older\n"
    "\n"
    "Exclusion Criteria:\n"
    "- Pregnancy\n"
)


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("cnlp_segmenter")
    return nlp


def _texts(text, segments):
    return [(s.id, s.section, text[s.span.start : s.span.end]) for s in segments]


def test_sections_numbering_and_bullets_become_criteria_with_offsets_into_the_text(nlp):
    segments = nlp(TRIAL)._.cnlp_segments
    assert _texts(TRIAL, segments) == [
        ("inc-1", Section.INCLUSION, "Adequate organ function: ANC >= 1500/uL; platelets >= 100,000/uL"),
        ("inc-2", Section.INCLUSION, "Age 18 years or older"),
        ("exc-1", Section.EXCLUSION, "Pregnancy"),
    ]


def test_a_header_with_a_colon_splits_its_line_into_parts_joined_by_and(nlp):
    organ = nlp(TRIAL)._.cnlp_segments[0]
    assert TRIAL[organ.header.start : organ.header.end] == "Adequate organ function"
    assert organ.join == "and"
    assert _texts(TRIAL, organ.parts) == [
        ("inc-1.1", Section.INCLUSION, "ANC >= 1500/uL"),
        ("inc-1.2", Section.INCLUSION, "platelets >= 100,000/uL"),
    ]


def test_segments_are_plain_values(nlp):
    """Later stages and other processes get integers, never a spaCy Span tied to a Doc."""
    segments = nlp(TRIAL)._.cnlp_segments
    assert isinstance(segments, tuple) and segments and plain(segments)


@pytest.mark.parametrize("text", ["", "   \n\n", "Inclusion Criteria:\n\nExclusion Criteria:\n"])
def test_no_criteria_in_empty_text_or_bare_headers(nlp, text):
    assert nlp(text)._.cnlp_segments == ()


def test_text_without_headers_is_read_as_inclusion_criteria(nlp):
    text = "Purple elephants dance"
    assert _texts(text, nlp(text)._.cnlp_segments) == [("inc-1", Section.INCLUSION, text)]


# The full pipeline (scispaCy's tokenizer and every component)

def test_component_writes_segments_with_offsets_into_the_text():
    text = "Inclusion Criteria:\n- Age >= 18\nExclusion Criteria:\n- Pregnancy\n"
    nlp = default_nlp()
    doc = nlp(make_doc(nlp, text))
    segments = doc._.cnlp_segments
    assert [(s.id, text[s.span.start : s.span.end]) for s in segments] == [("inc-1", "Age >= 18"), ("exc-1", "Pregnancy")]


def test_component_works_on_a_doc_made_without_the_kept_text():
    nlp = default_nlp()
    doc = nlp("Exclusion Criteria:\n* Smokers\n")
    assert [s.section.value for s in doc._.cnlp_segments] == ["exclusion"]
