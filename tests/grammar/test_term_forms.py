"""Concepts named by the form of their words (``data/term_forms.tsv``)."""

from __future__ import annotations

import re

import pytest
from lark import Token

from criteria_nlp.grammar.term_forms import load_term_forms, named_by_form
from criteria_nlp.logic import Domain
from criteria_nlp.spans import Span

FORMS = load_term_forms()


def _words(text: str) -> list[Span]:
    return [Span(m.start(), m.end()) for m in re.finditer(r"[^\s]+", text)]


def _named(text: str, tokens: list[Token] | None = None) -> tuple[list[str], list[str]]:
    found, kept = named_by_form(tokens or [], _words(text), text, FORMS, frozenset({"any"}))
    return ([f"{t.value}@{t.start_pos}" for t in found if t.type == "CONCEPT"],
            [text[w.start:w.end] for w in kept])


@pytest.mark.parametrize("word, domain", [
    ("cordectomy", Domain.PROCEDURE), ("tislelizumab", Domain.DRUG), ("lisinopril", Domain.DRUG),
    ("sarcoidosis", Domain.CONDITION), ("Pyelonephritis", Domain.CONDITION),
    ("narcolepsy", Domain.CONDITION), ("oligohydramnios", Domain.CONDITION), ("bradycardia", Domain.CONDITION),
])
def test_a_suffix_names_the_domain_of_its_word(word, domain):
    assert FORMS.domain(word) == (domain, True)


@pytest.mark.parametrize("word", ["April", "diagnosis", "diploma", "mab", "laboratory"])
def test_words_that_only_look_suffixed_name_nothing(word):
    assert FORMS.domain(word) is None


def test_a_head_noun_takes_the_words_before_it_as_its_kind():
    assert _named("received radiofrequency ablation") == (["procedure|radiofrequency ablation@9"], ["received"])


def test_a_head_noun_alone_names_nothing():
    assert _named("ablation") == ([], ["ablation"])


def test_meaning_words_and_verb_forms_are_not_part_of_the_name():
    assert _named("any previously unknown syndrome") == (["condition|unknown syndrome@15"], ["any", "previously"])


def test_a_line_break_ends_the_name():
    assert _named("Crohn\ndisease") == ([], ["Crohn", "disease"])


def test_words_a_bound_follows_are_left_to_the_threshold_rules():
    text = "target lesion > 2 cm"
    bound = [Token("CMP", ">", start_pos=14, end_pos=15), Token("NUMBER", "2", start_pos=16, end_pos=17)]
    found, kept = named_by_form(bound, _words(text)[:2], text, FORMS, frozenset())
    assert [t.type for t in found] == ["CMP", "NUMBER"] and [text[w.start:w.end] for w in kept] == ["target", "lesion"]


def test_an_eponym_before_disease_names_a_condition():
    assert _named("Kawasaki disease") == (["condition|kawasaki disease@0"], [])


def test_function_words_and_stages_are_not_part_of_the_name():
    assert _named("vaccination against meningococcal disease") == (
        ["condition|meningococcal disease@20"], ["vaccination", "against"])
    assert _named("stage IIIa or IIIb disease") == ([], ["stage", "IIIa", "or", "IIIb", "disease"])


def test_a_capital_letter_is_part_of_the_name():
    assert _named("MHC class I deficiency") == (["condition|mhc class i deficiency@0"], [])
