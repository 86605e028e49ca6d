"""Numbers no float can hold never become nodes or output (issue 10, item 5)."""

from __future__ import annotations

import json
import math

import jsonschema
import pytest

from criteria_nlp.api import parse_text
from criteria_nlp.errors import InputError
from criteria_nlp.ingest import read_input
from criteria_nlp.logic import Compare, walk
from criteria_nlp.resources import schema_file
from criteria_nlp.serialize import dumps, trial_from_json, trial_to_json

HUGE = "9" * 309  # float(HUGE) is inf


def test_a_number_beyond_float_range_is_unparsed_text_not_a_threshold():
    trial = parse_text(f"Inclusion Criteria:\n- platelets > {HUGE} /uL\n- hemoglobin >= 9 g/dL\n")
    first, second = trial.criteria
    assert any(HUGE in f.text for f in first.unparsed)
    assert all(math.isfinite(n.value) for c in trial.criteria if c.logic for n in walk(c.logic)
               if isinstance(n, Compare))
    json.loads(dumps(trial_to_json(trial)))  # writes, and reads back as strict JSON


def test_a_large_finite_number_is_still_a_threshold():
    trial = parse_text(f"Inclusion Criteria:\n- platelets > {'1' * 300} /uL\n")
    [compare] = [n for n in walk(trial.criteria[0].logic) if isinstance(n, Compare)]
    assert compare.value == float("1" * 300)


@pytest.mark.parametrize("bad", [float("inf"), float("-inf"), float("nan")], ids=["inf", "-inf", "nan"])
def test_the_schema_and_the_reader_reject_non_finite_numbers(reference_trial, bad):
    raw = trial_to_json(reference_trial)
    compare = next(n for n in _nodes(raw["logic"]) if n["type"] == "compare")
    compare["value"] = bad
    with pytest.raises(InputError):
        trial_from_json(raw)
    if not math.isnan(bad):  # NaN is no JSON at all; no schema bound can name it
        schema = json.loads(schema_file("criteria-logic.schema.json").read_text(encoding="utf-8"))
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(raw, schema)
    with pytest.raises(ValueError):
        dumps(raw)


def test_a_registry_age_beyond_float_range_is_an_input_error():
    study = {"protocolSection": {"identificationModule": {"nctId": "NCT01"}, "eligibilityModule": {
        "eligibilityCriteria": "Inclusion Criteria:\n- Age > 18", "minimumAge": f"{HUGE} Years"}}}
    [record] = read_input(json.dumps(study), source="s.json")
    assert isinstance(record, InputError) and "minimumAge" in str(record) and record.id == "NCT01"


def _nodes(node):
    yield node
    for child in (node.get("args") or []) + [node[k] for k in ("arg", "if", "then") if k in node]:
        yield from _nodes(child)


@pytest.mark.parametrize("written, value", [("1,500", 1500.0), ("1,5", 1.5), ("8,530.1", 8530.1), ("1,000,000", 1e6)])
def test_commas_group_thousands_or_mark_the_decimal(written, value):
    from criteria_nlp.grammar.lexer import parse_number

    assert parse_number(written) == value


def test_a_number_with_both_separators_is_read_not_a_failed_criterion(caplog):
    """Found by the fuzz once the catch-all logged: "8,530.1" raised inside the lexer."""
    trial = parse_text("Inclusion Criteria:\n- platelets ≤ 8,530.1 /uL\n")
    values = [n.value for c in trial.criteria if c.logic for n in walk(c.logic) if isinstance(n, Compare)]
    assert values == [8530.1] and not [r for r in caplog.records if "internal error" in r.getMessage()]
