from __future__ import annotations

from criteria_nlp.pipeline import default_nlp, make_doc


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
