"""cnlp_abbreviations: unit tests on ``spacy.blank("en")`` with the component alone, then
agreement with scispaCy's own detector on our tokenizer."""

from __future__ import annotations

import warnings

import pytest
import spacy

from criteria_nlp.pipeline import build_nlp
from criteria_nlp.pipeline.abbreviations import Abbreviation, find_abbreviations

from .helpers import plain

ECOG = "Eastern Cooperative Oncology Group (ECOG) performance status 0-1; ECOG 2 or more excluded"


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("cnlp_abbreviations")
    return nlp


def test_every_use_of_a_short_form_the_text_defines_carries_its_long_form(blank):
    doc = blank(ECOG)
    found = doc._.cnlp_abbreviations
    assert [(doc[a.start : a.end].text, a.long_form) for a in found] == [("ECOG", "Eastern Cooperative Oncology Group")] * 2
    assert [doc[a.start].idx for a in found] == [ECOG.index("ECOG"), ECOG.rindex("ECOG")]


def test_abbreviations_are_plain_token_offsets(blank):
    found = blank(ECOG)._.cnlp_abbreviations
    assert found and all(type(a) is Abbreviation for a in found) and plain(found)


@pytest.mark.parametrize("text", ["", "(ULN)", "Platelets (at least 100) required; bilirubin (total) normal"])
def test_no_abbreviations_in_empty_text_or_parentheses_that_define_none(blank, text):
    assert blank(text)._.cnlp_abbreviations == ()

def test_a_plain_word_is_no_short_form_of_a_long_parenthesis_after_it(blank):
    assert blank("suspected glioma (grade I, II, III or glioblastoma) on imaging")._.cnlp_abbreviations == ()
    doc = blank("ALT ≤ 3 x ULN (upper limit of the normal range); AST ≤ 3 x ULN")
    assert [(doc[a.start : a.end].text, a.long_form) for a in doc._.cnlp_abbreviations] == \
        [("ULN", "upper limit of the normal range")] * 2


TEXTS = [
    "total bilirubin ≤ 1.0 x upper limit of the normal range (ULN); AST/ALT ≤ 2.5 x ULN",
    "Mini Mental State Examination (MMSE) score 10-26; MMSE below 30 (or lower)",
    "Chronic obstructive pulmonary disease (COPD), or asthma; no COPD exacerbation (within 4 weeks)",
    "Absolute neutrophil count (ANC) >= 1.5; platelets (PLT) >= 100 (x 10^9/L); ANC and PLT stable",
    "(ULN) at the very start, then nothing",
    "no parentheses at all",
]


# Agreement with scispaCy on the project's tokenizer


@pytest.fixture(scope="module")
def nlp():
    return build_nlp(abbreviations=False)


@pytest.fixture(scope="module")
def scispacy_detector(nlp):
    from scispacy.abbreviation import AbbreviationDetector

    return AbbreviationDetector(nlp)


@pytest.mark.parametrize("text", TEXTS)
def test_same_short_forms_and_long_forms_as_scispacy(nlp, scispacy_detector, text):
    ours = {(a.start, a.end, a.long_form) for a in find_abbreviations(nlp.make_doc(text))}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # scispaCy warns when a text defines nothing
        doc = scispacy_detector(nlp.make_doc(text))
    theirs = {(s.start, s.end, s._.long_form.text) for s in doc._.abbreviations}
    assert ours == theirs


def test_every_use_of_a_defined_short_form_is_found(nlp):
    doc = nlp.make_doc(TEXTS[1])
    found = [(doc[a.start : a.end].text, a.long_form) for a in find_abbreviations(doc)]
    assert found == [("MMSE", "Mini Mental State Examination")] * 2
