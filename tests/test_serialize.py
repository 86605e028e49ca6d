from __future__ import annotations

import json

import jsonschema
import pytest

from criteria_nlp.resources import schema_file
from criteria_nlp.serialize import trial_from_json, trial_to_json

from .conftest import CORPORA

SCHEMA = json.loads(schema_file("criteria-logic.schema.json").read_text(encoding="utf-8"))
GOLD = sorted(CORPORA.glob("**/gold.json"))


def test_parser_output_validates_against_the_published_schema(reference_trial):
    jsonschema.validate(trial_to_json(reference_trial), SCHEMA)


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.parent.name)
def test_gold_files_validate_and_round_trip(path):
    raw = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(raw, SCHEMA)
    assert trial_to_json(trial_from_json(raw)) == raw


def test_reference_output_round_trips(reference_trial):
    raw = trial_to_json(reference_trial)
    assert trial_to_json(trial_from_json(raw)) == raw


def test_schema_rejects_a_bad_node(reference_trial):
    raw = trial_to_json(reference_trial)
    raw["criteria"][3]["logic"] = {"type": "compare", "span": [0, 1], "comparator": "≥"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(raw, SCHEMA)


def test_event_attributes_and_window_edges_round_trip():
    from criteria_nlp.logic import Anchor, Comparator, Concept, Domain, Limit, Relation, Window
    from criteria_nlp.serialize import node_from_json, node_to_json
    from criteria_nlp.spans import Span

    node = Concept(Domain.CONDITION, "seizure", Span(3, 10), window=Window(48, "h", Relation.BEFORE, Anchor.ADMISSION, 24),
                   count=Limit(Comparator.GE, 2), duration=Limit(Comparator.GT, 6, "wk"))
    raw = node_to_json(node)
    assert raw["count"] == {"comparator": ">=", "value": 2}
    assert raw["duration"] == {"comparator": ">", "value": 6, "unit": "wk"}
    assert raw["window"]["start"] == 24 and raw["window"]["anchor"] == "admission"
    assert node_from_json(raw) == node
    wrapped = {"type": "not", "arg": raw, "span": [0, 10]}
    jsonschema.validate(wrapped, {"$defs": SCHEMA["$defs"], "$ref": "#/$defs/node"})


def test_kinds_a_concept_excepts_round_trip_and_hold_concepts_only():
    from criteria_nlp.errors import InputError
    from criteria_nlp.logic import Concept, Domain
    from criteria_nlp.serialize import node_from_json, node_to_json
    from criteria_nlp.spans import Span

    node = Concept(Domain.CONDITION, "cancer", Span(0, 50),
                   other_than=(Concept(Domain.CONDITION, "basal cell carcinoma", Span(20, 40)),))
    raw = node_to_json(node)
    assert [k["name"] for k in raw["other_than"]] == ["basal cell carcinoma"]
    assert node_from_json(raw) == node
    jsonschema.validate(raw, {"$defs": SCHEMA["$defs"], "$ref": "#/$defs/node"})
    assert "other_than" not in node_to_json(Concept(Domain.CONDITION, "cancer", Span(0, 6)))
    raw["other_than"] = [{"type": "unparsed", "text": "x", "span": [0, 1]}]
    with pytest.raises(InputError):
        node_from_json(raw)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(raw, {"$defs": SCHEMA["$defs"], "$ref": "#/$defs/node"})
