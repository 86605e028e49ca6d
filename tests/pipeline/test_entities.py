from __future__ import annotations

import pytest

from criteria_nlp.pipeline import build_nlp, default_nlp, make_doc
from criteria_nlp.pipeline.entities import LABELS, EntityMatch

SENTENCES = [
    "Patients currently taking metformin for type 2 diabetes mellitus.",
    "History of myocardial infarction within the last 6 months.",
    "Prior coronary artery bypass grafting or percutaneous coronary intervention.",
    "Body mass index greater than 35 kg/m2.",
    "Known hypersensitivity to ibuprofen or aspirin.",
]


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(entities=True)


def _entities(nlp, text: str) -> tuple[EntityMatch, ...]:
    return nlp(make_doc(nlp, text))._.cnlp_entities


def _labels_over(found: tuple[EntityMatch, ...], text: str, phrase: str) -> set[str]:
    """Labels of the entities that share a character with ``phrase`` in ``text``."""
    start = text.index(phrase)
    end = start + len(phrase)
    return {m.label for m in found if m.start_char < end and start < m.end_char}


def test_the_default_pipeline_runs_the_recognizer_and_the_fast_one_does_not(nlp):
    assert "cnlp_entities" in nlp.pipe_names
    assert "cnlp_entities" in default_nlp().pipe_names
    assert "cnlp_entities" not in default_nlp(fast=True).pipe_names


@pytest.mark.parametrize("text", SENTENCES)
def test_matches_are_plain_integers_on_our_tokens_with_known_labels(nlp, text):
    doc = nlp(make_doc(nlp, text))
    found = doc._.cnlp_entities
    assert found
    for match in found:
        assert type(match) is EntityMatch
        assert all(type(value) is int for value in match[:4])
        assert type(match.label) is str and match.label in LABELS
        assert 0 <= match.start < match.end <= len(doc)
        assert match.start_char == doc[match.start].idx
        assert match.end_char == doc[match.end - 1].idx + len(doc[match.end - 1])
        assert text[match.start_char : match.end_char] == doc[match.start : match.end].text
    assert list(found) == sorted(found)
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_empty_text_has_no_entities(nlp):
    assert _entities(nlp, "") == ()


def test_text_without_clinical_concepts_has_no_entities(nlp):
    assert _entities(nlp, "Inclusion Criteria:\n\n1. 18 to 65 years of age") == ()


@pytest.mark.parametrize(
    ("text", "phrase", "label"),
    [
        (SENTENCES[0], "metformin", "DRUG"),
        (SENTENCES[0], "diabetes", "CONDITION"),
        (SENTENCES[1], "myocardial infarction", "CONDITION"),
        (SENTENCES[2], "bypass", "PROCEDURE"),
        (SENTENCES[3], "Body mass index", "OBSERVATION"),
        (SENTENCES[4], "ibuprofen", "DRUG"),
        ("Exclusion Criteria:\n- Uncontrolled hypertension despite treatment", "hypertension", "CONDITION"),
        ("Exclusion Criteria:\n- Ongoing treatment with warfarin", "warfarin", "DRUG"),
    ],
    ids=["metformin", "diabetes", "infarction", "bypass", "bmi", "ibuprofen", "hypertension", "warfarin"],
)
def test_clear_mentions_get_their_domain(nlp, text, phrase, label):
    assert _labels_over(_entities(nlp, text), text, phrase) == {label}


def test_batching_gives_the_same_matches_as_one_by_one(nlp):
    one_by_one = [_entities(nlp, text) for text in SENTENCES]
    batched = [doc._.cnlp_entities for doc in nlp.pipe(make_doc(nlp, t) for t in SENTENCES)]
    assert batched == one_by_one
