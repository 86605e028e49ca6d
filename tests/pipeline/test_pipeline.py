"""The pipeline builder of ``criteria_nlp.pipeline``."""

from __future__ import annotations

from criteria_nlp.pipeline import default_nlp


def test_one_pipeline_per_mode_however_the_mode_is_written():
    """Building is most of start-up: the default spelled out must not build a second one."""
    assert default_nlp() is default_nlp(fast=False)
    assert default_nlp(fast=True) is not default_nlp()
    assert "cnlp_entities" in default_nlp().pipe_names
    assert "cnlp_entities" not in default_nlp(fast=True).pipe_names
