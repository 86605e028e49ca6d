"""The pipeline builder of ``criteria_nlp.pipeline``."""

from __future__ import annotations

from criteria_nlp.pipeline import default_nlp


def test_one_pipeline_per_mode_however_the_mode_is_written():
    """Building is most of start-up: the default spelled out must not build a second one."""
    assert default_nlp() is default_nlp(fast=False)
    assert default_nlp(fast=True) is not default_nlp()
    assert "cnlp_entities" in default_nlp().pipe_names
    assert "cnlp_entities" not in default_nlp(fast=True).pipe_names


def test_the_tokenizer_splits_what_registry_text_glues_and_keeps_the_special_cases_it_needs():
    """tokenizer.json's infixes and kept special cases, token by token."""
    nlp = default_nlp(fast=True)

    def words(text: str) -> list[str]:
        return [t.text for t in nlp.make_doc(text)]

    assert words("eGFR 60(ml/min)")[:4] == ["eGFR", "60", "(", "ml/min"]
    assert words("setting，except") == ["setting", "，", "except"]
    assert words("don't") == ["do", "n't"]
    assert "e.g." in words("drugs, e.g. aspirin")
    assert words(":)") == [":", ")"]  # emoticons are no special case
