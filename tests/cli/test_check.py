"""``criteria-nlp check`` and the check API: trials and patients in, report and exit status out."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from criteria_nlp.check import check, load_trial
from criteria_nlp.cli import app
from criteria_nlp.evaluate import Options

from ..conftest import CORPORA
from ..evaluate.conftest import PATIENTS

GOLD = CORPORA / "NCT00846833" / "gold.json"
runner = CliRunner()


@pytest.fixture()
def gold():
    return str(GOLD)


@pytest.fixture()
def folder_with_a_bad_record(tmp_path):
    for name in ("p01", "p04", "fhir-01"):
        shutil.copy(PATIENTS / f"{name}.json", tmp_path / f"{name}.json")
    raw = json.loads((PATIENTS / "p01.json").read_text(encoding="utf-8"))
    raw["id"] = "broken"
    raw["observations"][3]["unit"] = "mg/dZ"
    (tmp_path / "broken.json").write_text(json.dumps(raw), encoding="utf-8")
    return tmp_path


def test_check_text_for_one_patient(gold):
    result = runner.invoke(app, ["check", "--trial", gold, "--patient", str(PATIENTS / "p09.json"), "--closed-world"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("NCT00846833 / p09 as of 2026-01-15: ineligible (deciding: exc-1)")
    assert "temozolomide (medications[1], 2025-12-26 to 2025-12-30)" in result.stdout


def test_check_json_for_a_directory(gold):
    result = runner.invoke(app, ["check", "-t", gold, "-p", str(PATIENTS), "-f", "json", "--closed-world"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    verdicts = {r["patient"]: r["verdict"] for r in payload["results"]}
    assert verdicts["p01"] == "eligible" and verdicts["fhir-02"] == "ineligible"
    assert len(verdicts) == len(list(PATIENTS.glob("*.json"))) and payload["errors"] == []


def test_a_bad_record_in_a_directory_is_reported_and_the_others_checked(gold, folder_with_a_bad_record):
    output, code = check(gold, folder_with_a_bad_record, format="json", options=Options(closed_world=True))
    payload = json.loads(output)
    assert code == 1
    assert sorted(r["patient"] for r in payload["results"]) == ["fhir-01", "p01", "p04"]
    [error] = payload["errors"]
    assert error["field"] == "observations[3].unit" and error["message"] == "unknown unit 'mg/dZ'"
    assert error["source"].endswith("broken.json")
    result = runner.invoke(app, ["check", "-t", gold, "-p", str(folder_with_a_bad_record)])
    assert result.exit_code == 1
    assert "broken.json: observations[3].unit: unknown unit 'mg/dZ'" in result.stdout


@pytest.mark.parametrize("args", [
    ["--patient", "missing.json"],
    ["--patient", str(PATIENTS / "p01.json"), "--format", "xml"],
    ["--patient", str(PATIENTS / "p01.json"), "--trial", "missing-trial.json"],
], ids=["missing-patient", "bad-format", "missing-trial"])
def test_user_errors_are_one_line_without_traceback(gold, args):
    result = runner.invoke(app, ["check", "--trial", gold, *args] if "--trial" not in args else ["check", *args])
    assert result.exit_code == 2
    assert result.output.startswith("error: ") and result.output.count("\n") == 1
    assert "Traceback" not in result.output


def test_a_single_bad_patient_file_is_a_one_line_error(gold, folder_with_a_bad_record):
    result = runner.invoke(app, ["check", "-t", gold, "-p", str(folder_with_a_bad_record / "broken.json")])
    assert result.exit_code == 2
    assert result.output.strip().endswith("observations[3].unit: unknown unit 'mg/dZ'")


def test_trial_from_criteria_text_and_the_reference_default(tmp_path):
    text = tmp_path / "criteria.txt"
    text.write_text("Inclusion Criteria:\n- Age >= 18 years\n", encoding="utf-8")
    assert load_trial(text).criteria[0].text == "Age >= 18 years"
    result = runner.invoke(app, ["check", "--patient", str(PATIENTS / "p01.json")])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("NCT00846833 / p01 as of 2026-01-15: ")
