from __future__ import annotations

import json

import pytest

from criteria_nlp.errors import InputError
from criteria_nlp.ingest import (
    MAX_CHARS, Document, from_registry_page, from_text, read_input, read_path, reference_document,
)
from criteria_nlp.logic import Quantity

from .conftest import CORPORA, read_exact

SEED = CORPORA / "NCT00846833" / "registry-page.txt"  # the shared seed page, as given


def test_reference_document_is_the_bundled_trial(reference_text):
    document = reference_document()
    assert document.id == "NCT00846833"
    assert document.text == reference_text
    assert document.structured.min_age == Quantity(18, "a")
    assert document.structured.max_age == Quantity(75, "a")
    assert document.structured.sex == "ALL"
    assert document.structured.healthy_volunteers is False


def test_registry_page_gives_the_bundled_text_and_fields(reference_text):
    document = from_text(read_exact(SEED))
    assert document.id == "NCT00846833"
    assert document.text == reference_text
    assert document.structured == reference_document().structured


def test_registry_page_minimal():
    page = "Sex\n\nFemale\n\nAges\n\n18+ years old\n\nVolunteers\n\nAccepts Healthy Volunteers\n\n" \
           "Inclusion criteria\n\n  • Age 18+\n\nExclusion criteria\n\n  • Smoker\n\nTrial design\n\nfoo"
    document = from_registry_page(page)
    assert document.text.startswith("Inclusion criteria") and document.text.endswith("Smoker\n")
    assert document.structured.sex == "FEMALE"
    assert document.structured.min_age == Quantity(18, "a") and document.structured.max_age is None
    assert document.structured.healthy_volunteers is True


def test_ctgov_page_yields_documents_and_errors_in_place():
    records = list(read_path(CORPORA / "ingest" / "ctgov_page.json"))
    assert isinstance(records[0], Document) and records[0].id == "NCT09000001"
    assert records[0].structured.max_age == Quantity(75, "a")
    assert records[0].structured.healthy_volunteers is False
    assert records[1].structured.min_age == Quantity(6, "mo") and records[1].structured.sex == "FEMALE"
    assert isinstance(records[2], InputError) and "eligibilityModule" in str(records[2])


def test_single_study_and_list_shapes():
    study = json.loads((CORPORA / "ingest" / "ctgov_page.json").read_text())["studies"][0]
    assert [d.id for d in read_input(json.dumps(study), source="s")] == ["NCT09000001"]
    assert [d.id for d in read_input(json.dumps([study, study]), source="s")] == ["NCT09000001"] * 2


def test_jsonl_with_text_records_and_a_bad_line(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text('{"id": "a", "text": "Age > 18"}\n{not json\n{"id": "b", "text": "BMI < 30"}\n')
    records = list(read_path(path))
    assert [r.id if isinstance(r, Document) else "error" for r in records] == ["a", "error", "b"]
    assert "line 1 column 2" in str(records[1]) and ":2" in str(records[1])


@pytest.mark.parametrize(
    "payload, message",
    [
        ('{"protocolSection": 3}', "protocolSection"),
        ("[1, 2]", "expected a study object"),
        ('{"protocolSection": {"eligibilityModule": {"eligibilityCriteria": 5}}}', "not a string"),
        ('{"protocolSection": {"eligibilityModule": {"eligibilityCriteria": "x", "minimumAge": "old"}}}', "minimumAge"),
        ('{"studies": [', "malformed JSON"),
    ],
)
def test_wrong_shaped_json_gives_clear_errors(payload, message):
    with pytest.raises(InputError, match=message):
        for record in read_input(payload, source="x.json"):
            if isinstance(record, InputError):
                raise record


def test_binary_junk_is_rejected(tmp_path):
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(256)) * 10)
    [record] = list(read_path(path))
    assert isinstance(record, InputError) and "binary" in str(record)


def test_binary_text_string_is_rejected():
    with pytest.raises(InputError, match="binary"):
        from_text("\x01\x02\x03\x04" * 100)


def test_non_utf8_file(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Âge ≥ 18".encode("utf-16-le")[1:] + b"\xff\xfe")
    [record] = list(read_path(path))
    assert isinstance(record, InputError)


def test_unreadable_and_missing_files(tmp_path):
    [record] = list(read_path(tmp_path / "missing.txt"))
    assert isinstance(record, InputError) and "cannot read" in str(record)
    empty_dir = tmp_path / "empty"
    empty_dir.mkdir()
    [record] = list(read_path(empty_dir))
    assert isinstance(record, InputError) and "no .txt" in str(record)


def test_huge_text_is_refused_with_the_limit():
    with pytest.raises(InputError, match="limit"):
        from_text("x" * (MAX_CHARS + 1))


def test_directory_of_mixed_files(tmp_path):
    (tmp_path / "NCT1.txt").write_text("Inclusion Criteria:\n- Age > 18\n")
    (tmp_path / "bad.json").write_text("{oops")
    records = list(read_path(tmp_path))
    assert len(records) == 2
    assert sum(isinstance(r, InputError) for r in records) == 1
    assert any(isinstance(r, Document) and r.id == "NCT1" for r in records)
