"""No silent loss over real registry text: in every Chia criteria file and every LCT dev
trial (corpora/coverage/), each word that is not a filler lies in a logic node or in an
unparsed fragment. Slow-ish (about ten seconds) because it parses 2,500 documents."""

from __future__ import annotations

import json

import pytest

from criteria_nlp.bench.coverage import silent_in
from criteria_nlp.ingest import from_text
from criteria_nlp.logic import Structured

from ..conftest import CORPORA

COVERAGE = CORPORA / "coverage"


def _records(name: str) -> list[dict[str, str]]:
    lines = (COVERAGE / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.mark.parametrize("name, size", [("chia", 2000), ("lct-dev", 500)])
def test_every_word_is_in_a_node_or_reported(name, size, caplog):
    records = _records(name)
    assert len(records) == size
    # A blank file (Chia has a few) has no words to lose and is refused as input.
    documents = [from_text(r["text"], id=r["id"]) for r in records if r["text"].strip()]
    assert list(silent_in(documents)) == []
    # and no criterion was reported unparsed because a rule failed rather than read nothing
    assert [r.getMessage() for r in caplog.records if r.name == "criteria_nlp.grammar.parser"] == []


def test_the_check_finds_a_word_that_is_dropped():
    """The property can fail: a meaning-bearing word outside every node is caught."""
    from criteria_nlp.bench.coverage import silent_words
    from criteria_nlp.logic import Compare, Comparator, Criterion, Section, Trial, Variable
    from criteria_nlp.spans import Span

    text = "serious hemoglobin < 9"
    atom = Compare(Variable("hemoglobin", Span(8, 18)), Comparator.LT, 9, Span(8, 22))
    trial = Trial("t", text, (Criterion("inc-1", Section.INCLUSION, Span(0, 22), text, atom),), Structured())
    words = [Span(0, 7), Span(8, 18), Span(19, 20), Span(21, 22)]
    assert [s.word for s in silent_words(trial, words)] == ["serious"]
