"""Our abbreviation component against scispaCy's own detector, which it must agree with."""

from __future__ import annotations

import warnings

import pytest

from criteria_nlp.pipeline import build_nlp
from criteria_nlp.pipeline.abbreviations import find_abbreviations

TEXTS = [
    "total bilirubin ≤ 1.0 x upper limit of the normal range (ULN); AST/ALT ≤ 2.5 x ULN",
    "Mini Mental State Examination (MMSE) score 10-26; MMSE below 30 (or lower)",
    "Chronic obstructive pulmonary disease (COPD), or asthma; no COPD exacerbation (within 4 weeks)",
    "Absolute neutrophil count (ANC) >= 1.5; platelets (PLT) >= 100 (x 10^9/L); ANC and PLT stable",
    "(ULN) at the very start, then nothing",
    "no parentheses at all",
]


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
