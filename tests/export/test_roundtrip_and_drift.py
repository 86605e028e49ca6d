"""criteria-logic JSON round trip on every gold file, every format on every gold tree, and
the regenerated reference exports (corpora/NCT00846833/exports) without drift."""

from __future__ import annotations

import json

import pytest
from fhir.resources.bundle import Bundle
from fhirclient.models.bundle import Bundle as R4Bundle
from ohdsi_cohort_schemas import validate_strict

from criteria_nlp.export import FORMATS, export
from criteria_nlp.export.regenerate import load_gold, main, render
from criteria_nlp.export.sql import run
from criteria_nlp.serialize import trial_from_json, trial_to_json

from ..conftest import CORPORA
from .helpers import GOLD, concept, omop_database, one_criterion_trial

GOLD_FILES = sorted(CORPORA.glob("**/gold.json"))
EXPORTS = CORPORA / "NCT00846833" / "exports"


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.parent.name)
def test_criteria_logic_json_round_trip_is_identity(path):
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert trial_to_json(trial_from_json(raw, source=str(path))) == raw


@pytest.fixture(scope="module")
def empty_cdm():
    return omop_database([])


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.parent.name)
def test_every_format_exports_every_gold_tree(path, empty_cdm):
    trial = trial_from_json(json.loads(path.read_text(encoding="utf-8")), source=str(path))
    for name in FORMATS:                    # no format refuses a gold tree
        result = export(trial, name)
        assert result.content.endswith("\n")
        for item in result.unsupported:
            assert 0 <= item.span.start <= item.span.end <= len(trial.text) and item.reason
    Bundle.model_validate(json.loads(export(trial, "fhir").content))
    R4Bundle(json.loads(export(trial, "fhir-r4").content), strict=True)
    validate_strict(json.loads(export(trial, "omop").content))
    json.loads(export(trial, "jsonlogic").content)
    assert run(empty_cdm, export(trial, "sql"), index_date="2026-01-15", first_dose_date="2026-02-01") == []


def test_every_format_reports_a_planned_concept_as_unknown():
    """The evaluator holds a plan unknown; exported as the event, a record of a past
    pregnancy would meet "planning to become pregnant"."""
    trial = one_criterion_trial(concept("condition", "pregnancy", qualifiers=("planned",)))
    for name in FORMATS:
        assert any("a plan is in no record" in item.reason for item in export(trial, name).unsupported), name


def test_every_format_reports_a_concept_left_to_judgement():
    """The evaluator holds "heart disease that would interfere with the study" unknown where
    the record has heart disease; exported as the disease alone, every patient with it would
    be excluded."""
    trial = one_criterion_trial(concept("condition", "heart disease", qualifiers=("that would interfere with the study",)))
    for name in FORMATS:
        assert any("left to judgement" in item.reason for item in export(trial, name).unsupported), name
    plain = one_criterion_trial(concept("condition", "heart disease", qualifiers=("severe",)))
    assert not any("left to judgement" in item.reason for item in export(plain, "sql").unsupported)


def test_reference_exports_have_not_drifted():
    """Fails when an exporter or gold.json changed: run `python -m criteria_nlp.export.regenerate`."""
    expected = render(load_gold(GOLD))
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in EXPORTS.iterdir() if p.is_file()}
    assert sorted(on_disk) == sorted(expected), "run: python -m criteria_nlp.export.regenerate"
    for name, content in expected.items():
        assert on_disk[name] == content, f"{name} drifted: run python -m criteria_nlp.export.regenerate"


def test_regenerate_writes_every_format(tmp_path):
    stale = tmp_path / "old.json"
    stale.write_text("{}")
    assert main(["--gold", str(GOLD), "--out", str(tmp_path)]) == 0
    names = {p.name for p in tmp_path.iterdir()}
    assert names == {"cql.cql", "fhir.json", "fhir-r4.json", "jsonlogic.json", "omop.json", "sql.sql",
                     "sql-postgres.sql",
                     "unsupported.txt"}
    assert main(["--gold", str(tmp_path / "missing.json"), "--out", str(tmp_path)]) == 2
