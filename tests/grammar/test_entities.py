"""Mentions of the entity recognizer in the grammar, with the mentions given by hand so the
tests pin the rules, not the trained model: a concept outside the lexicon keeps its domain
and words; an observation becomes a variable only where it is compared."""

from __future__ import annotations

from criteria_nlp.grammar.lexer import DocIndex
from criteria_nlp.grammar.parser import parse_criterion
from criteria_nlp.logic import walk
from criteria_nlp.pipeline import default_nlp, make_doc
from criteria_nlp.pipeline.entities import EntityMatch
from criteria_nlp.render import render_node
from criteria_nlp.spans import Span


def _parse(text: str, *mentions: tuple[str, str]):
    nlp = default_nlp(fast=True)
    doc = nlp(make_doc(nlp, text))
    found = []
    for words, label in mentions:
        start = text.index(words)
        span = doc.char_span(start, start + len(words))
        found.append(EntityMatch(span.start, span.end, start, start + len(words), label))
    doc._.cnlp_entities = tuple(found)
    return parse_criterion(DocIndex.of(doc, text), Span(0, len(text)))


def test_a_condition_outside_the_lexicon_keeps_its_domain_and_its_duration():
    parsed = _parse("Chronic AD that has been documented for at least 2 years", ("AD", "CONDITION"))
    assert render_node(parsed.logic) == "condition:ad (chronic) {lasting >= 2 a}"


def test_a_compared_observation_is_the_variable_of_its_bound():
    text = "Presence of prenatal depression (EPDS score ≥10)"
    parsed = _parse(text, ("EPDS score", "OBSERVATION"))
    assert render_node(parsed.logic) == "(condition:depression (prenatal) AND epds score >= 10)"
    variable = parsed.logic.args[1].variable.span
    assert text[variable.start : variable.end] == "EPDS score"


def test_an_observation_with_a_bare_number_after_it_is_only_mentioned():
    parsed = _parse("HER2 negative (IHC 0 or 1)", ("IHC", "OBSERVATION"))
    assert "ihc ==" not in render_node(parsed.logic)
    assert "observation:ihc" in render_node(parsed.logic)


def test_the_lexicon_wins_where_both_found_something():
    parsed = _parse("hemoglobin ≥ 9 g/dL", ("hemoglobin", "OBSERVATION"))
    assert render_node(parsed.logic) == "hemoglobin >= 9 g/dL"


def test_plain_words_before_a_lexicon_concept_make_a_narrower_mention():
    parsed = _parse("Papilledema or optic disc edema", ("Papilledema", "CONDITION"), ("optic disc edema", "CONDITION"))
    assert render_node(parsed.logic) == "(condition:papilledema OR condition:optic disc edema)"


def test_a_mention_holding_a_cue_or_a_number_leaves_the_lexicon_reading():
    assert render_node(_parse("NYHA class III/IV heart failure",
                              ("III/IV heart failure", "OBSERVATION")).logic) == \
        "(nyha functional class >= 3 AND condition:heart failure)"
    assert render_node(_parse("No heart failure", ("No heart failure", "CONDITION")).logic) == \
        "NOT condition:heart failure"


def test_cue_words_a_mention_begins_with_are_read_as_cues():
    assert render_node(_parse("Severe Kawasaki disease", ("Severe Kawasaki disease", "CONDITION")).logic) == \
        "condition:kawasaki disease (severe)"
    assert render_node(_parse("Refuses hyperbaric oxygen", ("Refuses hyperbaric oxygen", "PROCEDURE")).logic) == \
        "NOT procedure:hyperbaric oxygen"


def test_a_generic_word_after_a_concept_is_its_head_not_a_concept_of_its_own():
    text = "Rituximab treatment"
    parsed = _parse(text, ("treatment", "PROCEDURE"))
    assert render_node(parsed.logic) == "drug:rituximab" and not parsed.unparsed
    assert parsed.logic.span.text(text) == text
    parsed = _parse("Rituximab therapy")  # no mention found: the plain word is the head as well
    assert render_node(parsed.logic) == "drug:rituximab" and not parsed.unparsed
    assert render_node(_parse("Any disease", ("disease", "CONDITION")).logic) == "condition:disease (any)"


def test_an_abbreviation_in_parentheses_names_the_words_after_it():
    text = "Telephone Interview for Cognitive Status (TICS) score ≤20"
    parsed = _parse(text, ("TICS", "OBSERVATION"))
    compares = [n for n in parsed.logic.args if hasattr(n, "variable")] if hasattr(parsed.logic, "args") else [parsed.logic]
    assert [(c.variable.name, c.value) for c in compares] == [("tics score", 20)]


def test_limits_per_population_after_an_observation_and_its_abbreviation_are_values_of_it():
    text = "Subject has lower appendicular muscle mass index (AMMI) (<7 kg/m^2 in men; <5.7 kg/m^2 in women)"
    parsed = _parse(text, ("lower appendicular muscle mass index", "OBSERVATION"))
    rendered = render_node(parsed.logic)
    assert "IF demographic:male THEN lower appendicular muscle mass index < 7 kg/m2" in rendered
    assert "IF demographic:female THEN lower appendicular muscle mass index < 5.7 kg/m2" in rendered
    limits = [n for n in walk(parsed.logic) if hasattr(n, "variable")]
    assert {text[v.variable.span.start:v.variable.span.end] for v in limits} == {
        "lower appendicular muscle mass index (AMMI)"}


def test_seconds_after_an_observation_are_its_value_not_a_window():
    parsed = _parse("Time up ang go test </= 12 seconds", ("Time up ang", "OBSERVATION"))
    # the entity is part of the test's name, not an observation of its own
    assert render_node(parsed.logic) == "time up ang go test <= 12 s"


def test_a_reaction_to_an_agent_the_recognizer_took_for_a_condition():
    """"soya, eggs or peanuts": the recognizer's domain outside the lexicon does not make an
    agent a condition of its own; words that name a condition do."""
    parsed = _parse("Hypersensitivity for soya, eggs or peanuts", ("peanuts", "CONDITION"))
    assert render_node(parsed.logic) == ("(condition:hypersensitivity to soy OR condition:hypersensitivity to egg"
                                         " OR condition:hypersensitivity to peanuts)")
    parsed = _parse("Allergy to local anesthetics, cardiac valvulopathy", ("cardiac valvulopathy", "CONDITION"))
    assert render_node(parsed.logic) == "(condition:hypersensitivity to local anesthetics OR condition:cardiac valvulopathy)"


def test_a_word_that_says_prior_is_no_condition_the_recognizer_names():
    """"No antecedent of limb ischemia": "antecedent" says prior, as "previous" does, and the
    denial covers what follows it."""
    parsed = _parse("No antecedent of limb ischemia", ("antecedent", "CONDITION"))
    assert render_node(parsed.logic) == "NOT condition:limb ischemia"
    assert not parsed.unparsed


def test_a_one_word_mention_after_or_shares_the_words_of_the_concept_before_it():
    text = ("Participating in another clinical trial or using an investigational drug or therapy "
            "within 30 days of the Screening Visit")
    parsed = _parse(text, ("therapy", "PROCEDURE"))
    assert render_node(parsed.logic) == ("(other:participation in another clinical trial OR "
                                         "drug:investigational drug [before 30 d of screening])")
    drug = parsed.logic.args[1]  # said twice, one node spans both
    assert text[drug.span.start:drug.span.end].startswith("investigational drug or therapy")
    abuse = _parse("Alcohol or substance abuse or dependence within the past 2 years", ("dependence", "CONDITION"))
    assert render_node(abuse.logic) == ("(condition:alcohol abuse [before 2 a of enrollment] OR "
                                        "condition:substance abuse [before 2 a of enrollment])")


def test_a_bare_head_after_listed_kinds_is_shared_by_the_list():
    parsed = _parse("History of kidney, liver and intestinal diseases", ("diseases", "CONDITION"))
    assert render_node(parsed.logic) == \
        "(condition:kidney disease AND condition:liver disease AND condition:intestinal diseases)"


def test_a_bare_head_after_a_word_of_no_kind_stays_the_mention():
    parsed = _parse("Capsule or zonular abnormalities", ("abnormalities", "CONDITION"))
    assert "condition:abnormalities" in render_node(parsed.logic)
