from __future__ import annotations

import pytest

from criteria_nlp.api import parse_text


def _codes(text: str) -> list[str]:
    return [w.code for w in parse_text("Inclusion Criteria:\n- " + text + "\n").warnings]


@pytest.mark.parametrize(
    "text, codes",
    [
        ("hemoglobin >= 90 g/dL", ["W102"]),
        ("hemoglobin >= 9 g/dL", []),
        ("Age >= 75 years and <= 18 years", ["W101"]),
        ("Age 18-75 years", []),
        ("platelet count > 100,000/mm3 and platelet count < 100,000/mm3", ["W101"]),
    ],
)
def test_lint(text, codes):
    assert _codes(text) == codes


def test_warning_points_at_the_text():
    trial = parse_text("Inclusion Criteria:\n- hemoglobin >= 90 g/dL\n")
    [warning] = trial.warnings
    assert trial.text[warning.span.start : warning.span.end] == "hemoglobin >= 90 g/dL"
