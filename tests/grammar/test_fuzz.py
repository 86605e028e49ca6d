"""The parse entry point never raises on random and mutated criteria, and every offset it
reports indexes the text (speed on such input is a benchmark: benchmarks/fuzz.py)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from criteria_nlp.api import parse_text
from criteria_nlp.errors import InputError

from ..conftest import CORPORA

SEED_LINES = [
    line.split("\t")[1]
    for line in (CORPORA / "grammar" / "cases.tsv").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
]
PIECES = ["≥", "<=", "x", "ULN", "(", ")", ";", ",", "or", "and", "1.5", "10^9/L", "%", "-", "between",
          "within", "days", "prior to", "no", "if", "unless", "years", "Inclusion Criteria:", "\n", "• "]


def _check(text: str) -> None:
    try:
        trial = parse_text(text)
    except InputError:  # a clear, documented refusal (binary-looking input) is allowed
        return
    for criterion in trial.criteria:
        assert criterion.text == text[criterion.span.start : criterion.span.end]
        for fragment in criterion.unparsed:
            assert fragment.text == text[fragment.span.start : fragment.span.end]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_random_text(text):
    _check(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SEED_LINES), st.lists(st.tuples(st.integers(0, 200), st.sampled_from(PIECES)), max_size=6))
def test_mutated_criteria(line, edits):
    text = line
    for position, piece in edits:
        position = min(position, len(text))
        text = text[:position] + piece + text[position:]
    _check(text)
